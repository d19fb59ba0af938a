//! The README's example: a test of a Jenkinsfile in Rust that snapshots its trace.

use jenkins_harness::{BuildResult, Credential, Harness};

#[test]
fn main_branch_publishes_with_the_nexus_credentials() {
    let run = Harness::new()
        .env("BRANCH_NAME", "main")
        .sh("git describe --tags --always", "v1.4.0\n")
        .file("build/junit.xml", "<testsuite><testcase/></testsuite>")
        .credential("nexus", Credential::username_password("ci", "s3cret"))
        .run_file("fixtures/examples/Jenkinsfile")
        .unwrap();
    assert_eq!(run.result, BuildResult::Success);
    insta::assert_snapshot!(run.trace);
}

#[test]
fn failing_tests_fail_the_build_but_still_record_the_report() {
    let run = Harness::new()
        .sh_exit("make test JUNIT=build/junit.xml", 2)
        .file(
            "build/junit.xml",
            "<testsuite><testcase name='adds'><failure/></testcase></testsuite>",
        )
        .run_file("fixtures/examples/Jenkinsfile")
        .unwrap();
    assert_eq!(run.result, BuildResult::Failure);
    assert_eq!(
        run.log.last().map(String::as_str),
        Some("Finished: FAILURE")
    );
    assert!(
        run.log
            .contains(&"ERROR: script returned exit code 2".to_string())
    );
}

#[test]
fn the_readme_shows_this_test() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let this = std::fs::read_to_string("tests/example_test.rs").unwrap();
    let example: String = this.split("#[test]").nth(1).unwrap().trim().to_string();
    assert!(
        readme.contains(&example),
        "README.md must show tests/example_test.rs's first test verbatim"
    );
}
