//! Snapshots of `jenkins-harness run` on scripts and scenarios, from the repository root.

use std::process::Command;

use insta_cmd::{assert_cmd_snapshot, get_cargo_bin};

fn run(args: &[&str]) -> Command {
    let mut cmd = Command::new(get_cargo_bin("jenkins-harness"));
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .arg("run")
        .args(args)
        .env("NO_COLOR", "1");
    cmd
}

#[test]
fn run_prints_the_log_and_succeeds() {
    assert_cmd_snapshot!(run(&["fixtures/examples/groovy/release-notes.groovy"]));
}

#[test]
fn run_json_has_result_log_error_and_trace() {
    assert_cmd_snapshot!(run(&[
        "fixtures/run/missing-property.groovy",
        "--output",
        "json"
    ]));
}

#[test]
fn run_of_a_failing_script_exits_1() {
    assert_cmd_snapshot!(run(&["fixtures/run/missing-property.groovy"]));
}

#[test]
fn run_of_a_file_with_a_syntax_error_exits_2() {
    assert_cmd_snapshot!(run(&["fixtures/examples/broken.jenkinsfile"]));
}

#[test]
fn run_of_a_missing_file_exits_2() {
    assert_cmd_snapshot!(run(&["no/such/file.groovy"]));
}

#[test]
fn run_of_the_example_scenario_prints_its_trace() {
    assert_cmd_snapshot!(run(&[
        "fixtures/examples/Jenkinsfile",
        "--scenario",
        "fixtures/examples/main.toml",
        "--output",
        "trace"
    ]));
}

#[test]
fn the_readme_shows_the_example_trace() {
    let out = run(&[
        "fixtures/examples/Jenkinsfile",
        "--scenario",
        "fixtures/examples/main.toml",
        "--output",
        "trace",
    ])
    .output()
    .expect("the binary runs");
    let trace = String::from_utf8_lossy(&out.stdout).to_string();
    let readme = std::fs::read_to_string("README.md").expect("README.md");
    assert!(
        readme.contains(&trace),
        "README.md must show this trace:\n{trace}"
    );
}

#[test]
fn run_with_env_and_param_overrides() {
    assert_cmd_snapshot!(run(&[
        "fixtures/examples/Jenkinsfile",
        "--scenario",
        "fixtures/examples/main.toml",
        "--env",
        "BRANCH_NAME=feature/x",
        "--param",
        "DEPLOY=true",
    ]));
}

#[test]
fn run_with_a_broken_scenario_exits_2() {
    assert_cmd_snapshot!(run(&[
        "fixtures/examples/Jenkinsfile",
        "--scenario",
        "fixtures/run/broken-scenario.toml",
    ]));
}
