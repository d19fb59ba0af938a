//! `jenkins-harness test [PATH...]`: runs scenario files, checks their `[expect]`, and compares
//! each run's trace with the `.trace` file beside the scenario when there is one (`--update`
//! writes it). Human or JUnit output.

use std::io::Write;
use std::path::{Path, PathBuf};

use jenkins_harness::{Harness, Scenario};
use quick_junit::{NonSuccessKind, Report, TestCase, TestCaseStatus, TestSuite};

use crate::cli::TestFormat;
use crate::walk::{self, Entry};

/// What one scenario did.
struct Checked {
    path: PathBuf,
    /// Why it failed; empty when it passed.
    problems: Vec<String>,
    /// The trace file written by `--update`, if any.
    updated: Option<PathBuf>,
}

/// Runs the command; returns 0 when every scenario passes, 1 when one fails, 2 on a usage or
/// I/O error.
pub fn test(paths: &[PathBuf], update: bool, format: TestFormat) -> i32 {
    let roots = if paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        paths.to_vec()
    };
    let mut checked = Vec::new();
    let mut io_failed = false;
    for entry in walk::walk(&roots, |name| name.ends_with(".toml")) {
        match entry {
            Entry::File(path) => checked.push(check(&path, update)),
            Entry::Error(path, error) => {
                crate::lint::io_error(&path, &error);
                io_failed = true;
            }
        }
    }
    let written = match format {
        TestFormat::Human => print_human(&checked),
        TestFormat::Junit => print_junit(&checked),
    };
    if io_failed || written.is_err() {
        2
    } else if checked.iter().any(|c| !c.problems.is_empty()) {
        1
    } else {
        0
    }
}

/// Runs one scenario and checks it.
fn check(path: &Path, update: bool) -> Checked {
    let mut checked = Checked {
        path: path.to_path_buf(),
        problems: Vec::new(),
        updated: None,
    };
    let scenario = match Scenario::load(path) {
        Ok(s) => s,
        Err(e) => {
            checked.problems.push(e);
            return checked;
        }
    };
    let Some(script) = &scenario.script else {
        checked
            .problems
            .push("the scenario names no `script` to run".into());
        return checked;
    };
    let run = match Harness::with_world(scenario.world.clone()).run_file(script) {
        Ok(run) => run,
        Err(e) => {
            checked.problems.push(e);
            return checked;
        }
    };
    if let Some(want) = scenario.expect.result
        && want != run.result
    {
        checked
            .problems
            .push(format!("result {} (expected {want})", run.result));
    }
    for line in &scenario.expect.log_contains {
        if !run.log.iter().any(|l| l == line) {
            checked
                .problems
                .push(format!("the log has no line {line:?}"));
        }
    }
    let trace_file = path.with_extension("trace");
    let trace = run.trace.to_string();
    let old = std::fs::read_to_string(&trace_file).ok();
    if update {
        if old.as_deref() != Some(trace.as_str()) {
            match std::fs::write(&trace_file, &trace) {
                Ok(()) => checked.updated = Some(trace_file),
                Err(e) => checked
                    .problems
                    .push(format!("{}: cannot write: {e}", trace_file.display())),
            }
        }
    } else if let Some(old) = old
        && old != trace
    {
        let diff = similar::TextDiff::from_lines(&old, &trace)
            .unified_diff()
            .header(&trace_file.display().to_string(), "this run")
            .to_string();
        checked.problems.push(format!(
            "the trace differs from {} (run with --update to accept it):\n{diff}",
            trace_file.display()
        ));
    }
    checked
}

fn print_human(checked: &[Checked]) -> std::io::Result<()> {
    let mut out = anstream::stdout().lock();
    for c in checked {
        let name = walk::display(&c.path);
        if c.problems.is_empty() {
            writeln!(out, "ok   {name}")?;
        } else {
            writeln!(out, "FAIL {name}")?;
            for p in &c.problems {
                for line in p.lines() {
                    writeln!(out, "     {line}")?;
                }
            }
        }
        if let Some(file) = &c.updated {
            writeln!(out, "     wrote {}", walk::display(file))?;
        }
    }
    let failed = checked.iter().filter(|c| !c.problems.is_empty()).count();
    writeln!(
        out,
        "{} scenario(s): {} passed, {failed} failed",
        checked.len(),
        checked.len() - failed
    )?;
    out.flush()
}

fn print_junit(checked: &[Checked]) -> std::io::Result<()> {
    let mut suite = TestSuite::new("jenkins-harness");
    for c in checked {
        let status = if c.problems.is_empty() {
            TestCaseStatus::success()
        } else {
            let mut status = TestCaseStatus::non_success(NonSuccessKind::Failure);
            status.set_message(c.problems[0].lines().next().unwrap_or_default());
            status.set_description(c.problems.join("\n"));
            status
        };
        let mut case = TestCase::new(walk::display(&c.path), status);
        case.set_classname("scenario");
        suite.add_test_case(case);
    }
    let mut report = Report::new("jenkins-harness test");
    report.add_test_suite(suite);
    let xml = report
        .to_string()
        .map_err(|e| std::io::Error::other(e.to_string()))?;
    let mut out = anstream::stdout().lock();
    writeln!(out, "{xml}")?;
    out.flush()
}
