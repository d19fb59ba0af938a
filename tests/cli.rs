//! Snapshots of real invocations of the `jenkins-harness` binary, run from the repository root.

use std::process::Command;

use insta_cmd::{assert_cmd_snapshot, get_cargo_bin};

/// `jenkins-harness lint ARGS...` from the repository root, with no colour settings inherited.
fn lint(args: &[&str]) -> Command {
    let mut cmd = Command::new(get_cargo_bin("jenkins-harness"));
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .arg("lint")
        .args(args)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR")
        .env_remove("CLICOLOR_FORCE");
    cmd
}

#[test]
fn lint_valid_file() {
    assert_cmd_snapshot!(lint(&["fixtures/examples/Jenkinsfile"]));
}

#[test]
fn lint_examples_human() {
    assert_cmd_snapshot!(lint(&["fixtures/examples"]));
}

#[test]
fn lint_examples_json() {
    assert_cmd_snapshot!(lint(&["fixtures/examples", "--format", "json"]));
}

#[test]
fn lint_current_directory_by_default() {
    let mut cmd = lint(&[]);
    cmd.current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/examples"));
    assert_cmd_snapshot!(cmd);
}

#[test]
fn lint_walks_pipeline_files_only() {
    // .hidden/ and target/ hold broken Jenkinsfiles and README.md is not Groovy: none is linted.
    assert_cmd_snapshot!(lint(&["fixtures/lint/walk"]));
}

#[test]
fn lint_directory_without_pipeline_files() {
    assert_cmd_snapshot!(lint(&["fixtures/lint/no-pipelines"]));
}

#[test]
fn lint_invalid_utf8_is_an_error() {
    assert_cmd_snapshot!(lint(&["fixtures/lint/latin1.groovy"]));
}

#[test]
fn lint_missing_path_exits_2() {
    assert_cmd_snapshot!(lint(&[
        "fixtures/examples/Jenkinsfile",
        "fixtures/no-such-dir"
    ]));
}

#[test]
fn lint_bad_format_exits_2() {
    assert_cmd_snapshot!(lint(&["--format", "xml", "fixtures/examples"]));
}

#[test]
fn lint_no_color_wins_over_clicolor_force() {
    let mut cmd = lint(&["fixtures/examples"]);
    cmd.env("NO_COLOR", "1").env("CLICOLOR_FORCE", "1");
    assert_cmd_snapshot!(cmd);
}

#[test]
fn lint_clicolor_force_styles_the_report() {
    let mut cmd = lint(&["fixtures/examples/broken.jenkinsfile"]);
    cmd.env("CLICOLOR_FORCE", "1");
    assert_cmd_snapshot!(cmd);
}

#[test]
fn lint_help() {
    assert_cmd_snapshot!(lint(&["-h"]));
}
