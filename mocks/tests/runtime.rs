//! The runtime under stress and at its edges: limits inside parallel branches, nested
//! parallels, timeouts around parallels, and secrets in every output format.

use jenkins_harness_mocks::{BuildResult, Credential, Harness, Run};

fn run(h: &Harness, source: &str) -> Run {
    match h.run(source) {
        Ok(run) => run,
        Err(errors) => panic!("syntax error: {}", errors[0].message),
    }
}

#[test]
fn deep_recursion_in_a_branch_is_a_stack_overflow_error_not_a_crash() {
    let r = run(
        &Harness::new(),
        "def f(n) { f(n + 1) }\nparallel a: { f(0) }, b: { echo 'b' }",
    );
    assert_eq!(r.result, BuildResult::Failure);
    let error = r.error.expect("an error");
    assert_eq!(error.class, "java.lang.StackOverflowError");
}

#[test]
fn a_runaway_loop_in_a_branch_reaches_the_work_limit() {
    let h = Harness::new().limits(jenkins_harness_mocks::interpreter::Limits {
        max_call_depth: 100,
        max_steps: 100_000,
    });
    let r = run(&h, "parallel a: { while (true) { } }, b: { echo 'b' }");
    assert_eq!(r.result, BuildResult::Failure);
    assert_eq!(
        r.error.expect("an error").class,
        "jenkins.harness.LimitExceeded"
    );
}

#[test]
fn wait_until_that_never_succeeds_ends_at_the_virtual_time_limit() {
    let r = run(&Harness::new(), "waitUntil(quiet: true) { false }");
    assert_eq!(r.result, BuildResult::Failure);
    let error = r.error.expect("an error");
    assert!(
        error.message.contains("days of virtual time"),
        "{}",
        error.message
    );
}

#[test]
fn nested_parallel_branches_interleave_and_finish() {
    let r = run(
        &Harness::new(),
        "parallel outer1: { parallel i1: { sleep 2; echo 'i1' }, i2: { echo 'i2' } }, outer2: { sleep 1; echo 'o2' }",
    );
    assert_eq!(r.result, BuildResult::Success);
    let lines: Vec<&str> = r
        .log
        .iter()
        .map(String::as_str)
        .filter(|l| !l.contains("Sleeping"))
        .collect();
    assert_eq!(
        lines,
        ["[i2] i2", "[outer2] o2", "[i1] i1", "Finished: SUCCESS"]
    );
}

#[test]
fn a_timeout_around_parallel_interrupts_every_branch() {
    let r = run(
        &Harness::new(),
        "timeout(time: 10, unit: 'SECONDS') { parallel a: { sleep 60; echo 'a done' }, b: { sleep 30; echo 'b done' } }\necho 'after'",
    );
    assert_eq!(r.result, BuildResult::Aborted);
    assert!(
        !r.log.iter().any(|l| l.contains("done") || l == "after"),
        "{:?}",
        r.log
    );
    assert!(
        r.log
            .iter()
            .any(|l| l == "Cancelling nested steps due to timeout")
    );
}

#[test]
fn secrets_are_masked_in_log_trace_error_and_json() {
    let h = Harness::new().credential(
        "token",
        Credential::String {
            secret: "hunter2-secret".into(),
        },
    );
    let r = run(
        &h,
        "node { withCredentials([string(credentialsId: 'token', variable: 'T')]) {\n  sh \"curl -H 'X: ${T}' https://x\"\n  echo T\n  error \"bad token ${T}\"\n} }",
    );
    let json = serde_json::to_string(&r).expect("serialisable");
    assert!(!json.contains("hunter2-secret"), "{json}");
    assert!(!r.trace.to_string().contains("hunter2-secret"));
    assert!(json.contains("****"));
    assert_eq!(r.error.expect("an error").message, "bad token ****");
}

#[test]
fn unknown_credentials_fail_as_jenkins_does() {
    let r = run(
        &Harness::new(),
        "node { withCredentials([string(credentialsId: 'nope', variable: 'T')]) { echo 'x' } }",
    );
    assert_eq!(r.result, BuildResult::Failure);
    assert!(
        r.log
            .contains(&"ERROR: Could not find credentials entry with ID 'nope'".to_string()),
        "{:?}",
        r.log
    );
}

#[test]
fn steps_that_need_a_workspace_fail_outside_node() {
    let r = run(&Harness::new(), "sh 'make'");
    assert_eq!(r.result, BuildResult::Failure);
    let error = r.error.expect("an error");
    assert_eq!(
        error.class,
        "org.jenkinsci.plugins.workflow.steps.MissingContextVariableException"
    );
}

#[test]
fn recursion_through_nested_parallels_reaches_the_depth_limit() {
    let h = Harness::new().limits(jenkins_harness_mocks::interpreter::Limits {
        max_call_depth: 50,
        max_steps: 1_000_000,
    });
    let r = run(&h, "def f(n) { parallel(\"b${n}\": { f(n + 1) }) }\nf(0)");
    assert_eq!(r.result, BuildResult::Failure);
    assert_eq!(
        r.error.expect("an error").class,
        "java.lang.StackOverflowError"
    );
}

#[test]
fn every_scenario_survives_failing_commands_and_truncation() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures/pipelines");
    let mut runs = 0;
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "toml") {
            continue;
        }
        let Ok(scenario) = jenkins_harness_mocks::Scenario::load(&path) else {
            continue;
        };
        let Ok(source) = scenario.source() else {
            continue;
        };
        // Every command fails, slowly: every failure path runs, and timeouts fire.
        let failing = Harness::with_world(scenario.world.clone()).sh_with(|_| {
            jenkins_harness_mocks::ShellOutcome {
                stdout: "boom\n".into(),
                exit: 3,
                duration: 4000,
                exception: None,
            }
        });
        let mut world = scenario.world.clone();
        world.shell.clear();
        let h = Harness::with_world(world).sh_with(|_| jenkins_harness_mocks::ShellOutcome {
            exit: 3,
            duration: 4000,
            ..Default::default()
        });
        for harness in [&failing, &h] {
            if let Ok(r) = harness.run(&source) {
                assert_eq!(
                    r.log.last().map(|l| l.starts_with("Finished: ")),
                    Some(true),
                    "{}",
                    path.display()
                );
                runs += 1;
            }
        }
        // Cut at every tenth line: the prefix either fails to parse or runs to an end.
        let lines: Vec<&str> = source.lines().collect();
        for cut in (1..lines.len()).step_by(10) {
            let prefix = lines[..cut].join("\n");
            if let Ok(r) = Harness::with_world(scenario.world.clone()).run(&prefix) {
                assert!(r.log.last().is_some_and(|l| l.starts_with("Finished: ")));
                runs += 1;
            }
        }
    }
    assert!(runs > 200, "only {runs} runs");
}

#[test]
fn a_file_that_loads_itself_reaches_the_depth_limit() {
    let h = Harness::new().file("again.groovy", "load 'again.groovy'\n");
    let r = run(&h, "node { load 'again.groovy' }");
    assert_eq!(
        r.error.expect("an error").class,
        "java.lang.StackOverflowError"
    );
}

#[test]
fn secret_files_can_be_read_inside_with_credentials() {
    let h = Harness::new().credential(
        "kube",
        jenkins_harness_mocks::Credential::File {
            content: "apiVersion: v1\n".into(),
            file_name: "config".into(),
        },
    );
    let r = run(
        &h,
        "node { withCredentials([file(credentialsId: 'kube', variable: 'F')]) { echo \"${fileExists(F)} ${readFile(F).size()}\" } }",
    );
    assert!(r.log.contains(&"true 15".to_string()), "{:?}", r.log);
}

#[test]
fn secrets_with_quotes_and_dollars_are_masked_in_the_trace_too() {
    let h = Harness::new().credential("pw", Credential::username_password("bot", "pa$$w'0\\rd"));
    let r = run(
        &h,
        "node { withCredentials([usernamePassword(credentialsId: 'pw', usernameVariable: 'U', passwordVariable: 'P')]) { sh \"curl -u ${U}:${P} https://x\"; echo P } }",
    );
    let trace = r.trace.to_string();
    assert!(
        !trace.contains("pa\\$") && !trace.contains("w\\'0"),
        "{trace}"
    );
    assert!(trace.contains("bot:****"), "{trace}");
    let json = serde_json::to_string(&r).expect("serialisable");
    assert!(!json.contains("w'0") && !json.contains("pa$$"), "{json}");
}

#[test]
fn a_huge_parallel_is_a_limit_error_not_a_crash() {
    let r = run(
        &Harness::new(),
        "def m = [:]\nfor (i in 0..<5000) { m[\"b${i}\"] = { echo 'x' } }\nparallel m",
    );
    assert_eq!(r.result, BuildResult::Failure);
    assert_eq!(
        r.error.expect("an error").class,
        "jenkins.harness.LimitExceeded"
    );
}

#[test]
fn a_timed_out_block_gets_a_grace_period_to_clean_up() {
    let r = run(
        &Harness::new(),
        "timeout(time: 10, unit: 'SECONDS') {\n  try { sleep 60 } catch (e) { sleep 10; echo 'cleaned up'; throw e }\n}",
    );
    assert_eq!(r.result, BuildResult::Aborted);
    let cancel = r
        .log
        .iter()
        .position(|l| l == "Cancelling nested steps due to timeout");
    let cleaned = r.log.iter().position(|l| l == "cleaned up");
    assert!(cancel.is_some() && cancel < cleaned, "{:?}", r.log);
}

#[test]
fn catch_error_takes_the_result_of_an_interruption() {
    let h = Harness::new().job("deploy", BuildResult::Failure);
    let r = run(
        &h,
        "catchError(buildResult: 'UNSTABLE', stageResult: 'UNSTABLE') { build 'deploy' }",
    );
    assert_eq!(r.result, BuildResult::Failure);
    let bad = run(
        &Harness::new(),
        "catchError(buildResult: 'UNSTALBE') { echo 'x' }",
    );
    assert_eq!(
        bad.error.expect("an error").message,
        "buildResult is invalid: UNSTALBE. Valid options are SUCCESS, UNSTABLE, FAILURE, NOT_BUILT and ABORTED."
    );
}

#[test]
fn wait_until_needs_a_boolean_and_waits_at_least_250_ms() {
    let r = run(&Harness::new(), "waitUntil { 'yes' }");
    assert_eq!(
        r.error.expect("an error").message,
        "body return value yes is not boolean"
    );
    let r = run(
        &Harness::new(),
        "def n = 0\nwaitUntil(initialRecurrencePeriod: 0) { n++ >= 2 }\necho \"${currentBuild.duration}\"",
    );
    assert!(r.log.contains(&"550".to_string()), "{:?}", r.log);
}

#[test]
fn junit_summaries_and_pretty_json_read_as_in_jenkins() {
    let h = Harness::new().file(
        "reports/TEST-a.xml",
        "<testsuite><testcase/><testcase><failure/></testcase></testsuite>",
    );
    let r = run(
        &h,
        "node {\n  def r = junit 'reports/*.xml'\n  echo \"${r.failCount} of ${r.getTotalCount()}\"\n  writeJSON file: 'o.json', json: [a: [1]], pretty: 2\n  echo readFile('o.json')\n}",
    );
    assert_eq!(r.result, BuildResult::Unstable);
    assert!(r.log.contains(&"1 of 2".to_string()), "{:?}", r.log);
    assert!(r.log.contains(&"  \"a\": [".to_string()), "{:?}", r.log);
}
