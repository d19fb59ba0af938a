//! The Rust API's mocks: shell mocks by regex (with captures) and by closure, step closures,
//! input answers, downstream jobs and the previous build.

use jenkins_harness_mocks::interpreter::Value;
use jenkins_harness_mocks::{BuildResult, Harness, InputAnswer, Run, ShellOutcome};
use regex::Regex;

fn run(h: &Harness, source: &str) -> Run {
    match h.run(source) {
        Ok(run) => run,
        Err(errors) => panic!("syntax error: {}", errors[0].message),
    }
}

fn out(stdout: &str, exit: i32) -> ShellOutcome {
    ShellOutcome {
        stdout: stdout.into(),
        exit,
        ..ShellOutcome::default()
    }
}

#[test]
fn regex_mocks_see_their_captures_and_the_first_match_wins() {
    let h = Harness::new().sh("make lint", "clean\n").sh_regex(
        Regex::new(r"make (\w+)").expect("valid"),
        |call| {
            let target = call.captures[1].clone().unwrap_or_default();
            out(&format!("built {target}\n"), i32::from(target == "test"))
        },
    );
    let r = run(
        &h,
        "node { sh 'make lint'; sh 'make app'; def s = sh(script: 'make test', returnStatus: true); echo \"status ${s}\" }",
    );
    assert_eq!(
        r.log,
        [
            "Running on built-in in /var/jenkins_home/workspace/pipeline",
            "+ make lint",
            "clean",
            "+ make app",
            "built app",
            "+ make test",
            "built test",
            "status 1",
            "Finished: SUCCESS"
        ]
    );
}

#[test]
fn a_closure_answers_every_script_no_earlier_mock_answers() {
    let h = Harness::new()
        .sh("whoami", "jenkins\n")
        .sh_with(|call| out(&format!("{} ran {}", call.step, call.script.len()), 0));
    let r = run(
        &h,
        "node { echo sh(script: 'whoami', returnStdout: true).trim(); echo bat(script: 'dir', returnStdout: true) }",
    );
    assert!(r.log.contains(&"jenkins".to_string()), "{:?}", r.log);
    assert!(r.log.contains(&"bat ran 3".to_string()), "{:?}", r.log);
}

#[test]
fn a_step_closure_gets_the_named_arguments_and_can_fail_the_step() {
    let h = Harness::new().step_with("publishChecks", |args| {
        match args.get("conclusion").map(Value::to_display).as_deref() {
            Some("SUCCESS") => Ok(Value::Bool(true)),
            other => Err(format!("bad conclusion {other:?}")),
        }
    });
    let ok = run(
        &h,
        "echo \"${publishChecks(name: 'ci', conclusion: 'SUCCESS')}\"",
    );
    assert_eq!(ok.result, BuildResult::Success);
    assert!(ok.log.contains(&"true".to_string()));
    let bad = run(&h, "publishChecks(name: 'ci', conclusion: 'FAILURE')");
    assert_eq!(bad.result, BuildResult::Failure);
    assert_eq!(
        bad.error.expect("an error").message,
        "bad conclusion Some(\"FAILURE\")"
    );
}

#[test]
fn input_answers_are_used_in_order_and_abort_is_aborted() {
    let h = Harness::new()
        .input(InputAnswer {
            submitter: Some("alice".into()),
            parameters: [("TARGET".to_string(), "prod".into())]
                .into_iter()
                .collect(),
            ..InputAnswer::default()
        })
        .abort_input("bob");
    let r = run(
        &h,
        "def t = input message: 'Where?', parameters: [choice(name: 'TARGET', choices: ['staging', 'prod'])]\necho \"to ${t}\"\ninput 'Really?'\necho 'never'",
    );
    assert_eq!(r.result, BuildResult::Aborted);
    assert!(r.log.contains(&"to prod".to_string()));
    assert!(r.log.contains(&"Rejected by bob".to_string()));
    assert!(!r.log.contains(&"never".to_string()));
}

#[test]
fn downstream_jobs_and_the_previous_build() {
    let h = Harness::new()
        .job("deploy", BuildResult::Unstable)
        .previous_result(BuildResult::Failure)
        .build_number(7);
    let r = run(
        &h,
        "def b = build job: 'deploy', propagate: false\necho \"${b.result} ${currentBuild.previousBuild.result} ${currentBuild.previousBuild.number}\"",
    );
    assert_eq!(r.result, BuildResult::Success);
    assert!(
        r.log.contains(&"UNSTABLE FAILURE 6".to_string()),
        "{:?}",
        r.log
    );
}
