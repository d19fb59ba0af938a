//! Differential tests: every script under `fixtures/groovy/` must print what real Groovy 2.4.21
//! printed (`NAME.out`) and end with the same uncaught exception (`NAME.exception`: class, then
//! message; the first message line is compared, since Groovy appends "Possible solutions"
//! suggestions computed from the whole JVM).
//!
//! Cases the interpreter does not get right yet are listed in `known-failures.txt`; the test
//! fails when a case outside the list fails, and when a listed case passes (so the list only
//! shrinks).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use jenkins_harness_interpreter::{Limits, run_script_with};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures/groovy")
}

fn cases() -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut dirs = vec![root()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "groovy") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// Why a case fails, or `None` when it matches real Groovy.
fn check(path: &Path) -> Option<String> {
    let source = std::fs::read_to_string(path).unwrap();
    let expected_out = std::fs::read_to_string(path.with_extension("out")).unwrap_or_default();
    let expected_exception = std::fs::read_to_string(path.with_extension("exception")).ok();
    // Small limits: no case needs more, and a bug that loops must not hang the suite.
    let limits = Limits {
        max_call_depth: 1_000,
        max_steps: 2_000_000,
    };
    let run = run_script_with(&source, "WorkflowScript", limits);
    let mut problems = Vec::new();
    if run.output != expected_out {
        problems.push(format!(
            "output:\n--- expected\n{expected_out}--- got\n{}",
            run.output
        ));
    }
    let expected = expected_exception.map(|text| {
        let mut lines = text.lines();
        let class = lines.next().unwrap_or_default().to_string();
        (class, lines.next().map(str::to_string))
    });
    let got = run.error.map(|e| {
        (
            e.class,
            e.message
                .map(|m| m.lines().next().unwrap_or_default().to_string()),
        )
    });
    if expected != got {
        problems.push(format!("exception: expected {expected:?}, got {got:?}"));
    }
    (!problems.is_empty()).then(|| problems.join("\n"))
}

#[test]
fn scripts_behave_as_real_groovy() {
    let known: BTreeSet<String> = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/known-failures.txt"),
    )
    .unwrap_or_default()
    .lines()
    .map(str::trim)
    .filter(|l| !l.is_empty() && !l.starts_with('#'))
    .map(str::to_string)
    .collect();
    let mut regressions = Vec::new();
    let mut fixed = Vec::new();
    let mut failing = Vec::new();
    let all = cases();
    for path in &all {
        let name = path
            .strip_prefix(root())
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let started = std::time::Instant::now();
        let outcome = check(path);
        if started.elapsed().as_millis() > 500 {
            println!("slow: {name} {:?}", started.elapsed());
        }
        match (&outcome, known.contains(&name)) {
            (Some(why), false) => regressions.push(format!("{name}:\n{why}")),
            (None, true) => fixed.push(name.clone()),
            _ => {}
        }
        if outcome.is_some() {
            failing.push(name);
        }
    }
    if std::env::var_os("WRITE_KNOWN_FAILURES").is_some() {
        let text = format!(
            "# Differential cases the interpreter does not match yet (regenerate with\n# WRITE_KNOWN_FAILURES=1 cargo test -p jenkins-harness-interpreter --test groovy).\n{}\n",
            failing.join("\n")
        );
        std::fs::write(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/known-failures.txt"),
            text,
        )
        .unwrap();
        return;
    }
    println!(
        "{} of {} cases match real Groovy",
        all.len() - failing.len(),
        all.len()
    );
    assert!(
        regressions.is_empty(),
        "{} cases fail that used to pass:\n\n{}",
        regressions.len(),
        regressions.join("\n\n")
    );
    assert!(
        fixed.is_empty(),
        "these cases pass now; remove them from known-failures.txt:\n{}",
        fixed.join("\n")
    );
}
