//! Scripted-pipeline scenarios (`fixtures/pipelines/*.toml`): each runs its Jenkinsfile in the
//! world it describes; the result and log lines its `[expect]` names are checked, and its log
//! and trace are snapshotted.

use std::fmt::Write;
use std::path::Path;

use jenkins_harness_mocks::{Harness, Run, Scenario};

fn run_scenario(path: &Path) -> Result<Run, String> {
    let scenario = Scenario::load(path)?;
    let source = scenario.source()?;
    Harness::with_world(scenario.world)
        .run(&source)
        .map_err(|errors| format!("{}: syntax error: {}", path.display(), errors[0].message))
}

/// The snapshot: result, log and trace, as a reviewer reads them.
fn render(run: &Run) -> String {
    let mut out = format!("result: {}\n", run.result);
    if let Some(e) = &run.error {
        let _ = writeln!(out, "error: {}: {}", e.class, e.message);
    }
    out.push_str("\n--- log ---\n");
    out.push_str(&run.log_text());
    out.push_str("\n--- trace ---\n");
    let _ = write!(out, "{}", run.trace);
    out
}

/// What `[expect]` asks that the run did not do.
fn unmet(path: &Path, run: &Run) -> Vec<String> {
    let Ok(scenario) = Scenario::load(path) else {
        return Vec::new();
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let mut problems = Vec::new();
    if let Some(want) = scenario.expect.result
        && want != run.result
    {
        problems.push(format!("{name}: result {} (expected {want})", run.result));
    }
    for line in &scenario.expect.log_contains {
        if !run.log.iter().any(|l| l == line) {
            problems.push(format!("{name}: log lacks the line {line:?}"));
        }
    }
    problems
}

#[test]
fn pipeline_scenarios() {
    let mut problems = Vec::new();
    insta::glob!("../../fixtures/pipelines", "*.toml", |path| {
        match run_scenario(path) {
            Ok(run) => {
                problems.extend(unmet(path, &run));
                insta::assert_snapshot!(render(&run));
            }
            Err(e) => problems.push(e),
        }
    });
    assert!(
        problems.is_empty(),
        "{} scenario(s) not as expected:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn traces_are_identical_across_runs() {
    for entry in
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures/pipelines"))
            .into_iter()
            .flatten()
            .flatten()
    {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "toml")
            && let (Ok(a), Ok(b)) = (run_scenario(&path), run_scenario(&path))
        {
            assert_eq!(
                a.trace.to_string(),
                b.trace.to_string(),
                "{}",
                path.display()
            );
            assert_eq!(a.log, b.log, "{}", path.display());
        }
    }
}
