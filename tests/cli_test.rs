//! Snapshots of `jenkins-harness test` on scenario files, and `--update` in a scratch copy.

use std::path::PathBuf;
use std::process::Command;

use insta_cmd::{assert_cmd_snapshot, get_cargo_bin};

fn test_cmd(args: &[&str]) -> Command {
    let mut cmd = Command::new(get_cargo_bin("jenkins-harness"));
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .arg("test")
        .args(args)
        .env("NO_COLOR", "1");
    cmd
}

#[test]
fn test_reports_passes_failed_expectations_and_stale_traces() {
    assert_cmd_snapshot!(test_cmd(&["fixtures/test"]));
}

#[test]
fn test_writes_junit() {
    assert_cmd_snapshot!(test_cmd(&["fixtures/test", "--format", "junit"]));
}

#[test]
fn test_of_a_missing_path_exits_2() {
    assert_cmd_snapshot!(test_cmd(&["fixtures/no-such-dir"]));
}

#[test]
fn update_writes_the_trace_and_then_the_scenario_passes() {
    let dir: PathBuf = std::env::temp_dir().join(format!("jh-test-update-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/test");
    for name in ["deploy.jenkinsfile", "passes.toml"] {
        std::fs::copy(root.join(name), dir.join(name)).expect("copy");
    }
    let scenario = dir.join("passes.toml");
    let scenario = scenario.to_str().expect("utf-8 path");
    let first = test_cmd(&[scenario, "--update"]).output().expect("runs");
    assert!(first.status.success());
    let written = std::fs::read_to_string(dir.join("passes.trace")).expect("trace written");
    assert_eq!(
        written,
        std::fs::read_to_string(root.join("passes.trace")).expect("committed trace")
    );
    // A changed trace file is reported, and kept, without --update.
    std::fs::write(dir.join("passes.trace"), "node {}\n").expect("write");
    let second = test_cmd(&[scenario]).output().expect("runs");
    assert_eq!(second.status.code(), Some(1));
    assert_eq!(
        std::fs::read_to_string(dir.join("passes.trace")).expect("kept"),
        "node {}\n"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
