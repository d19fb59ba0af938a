//! Parser fixtures: every valid file parses (AST snapshot); every invalid file fails where Groovy
//! says, or closer to the real mistake (diagnostics snapshot).

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use jenkins_harness_grammar::{LineIndex, SyntaxError, dump, parse};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures/parse")
}

/// Errors as plain text: `line:col: message`, then each label.
fn render(source: &str, errors: &[SyntaxError]) -> String {
    let index = LineIndex::new(source);
    let mut out = String::new();
    for e in errors {
        let at = index.line_col(source, e.span.start as usize);
        let _ = writeln!(out, "{at}: {}", e.message);
        for l in &e.labels {
            let _ = writeln!(
                out,
                "  {}: {}",
                index.line_col(source, l.span.start as usize),
                l.message
            );
        }
    }
    out
}

#[test]
fn valid_files_parse() {
    let mut failures = Vec::new();
    insta::glob!(
        "../../fixtures/parse/valid",
        "**/*.{groovy,jenkinsfile}",
        |path| {
            let source = std::fs::read_to_string(path).unwrap();
            match parse(&source) {
                Ok(script) => insta::assert_snapshot!(dump(&script, &source)),
                Err(errors) => {
                    failures.push(format!("{}:\n{}", path.display(), render(&source, &errors)))
                }
            }
        }
    );
    assert!(
        failures.is_empty(),
        "{} valid files do not parse:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Groovy's reported line for each invalid fixture, from GROOVY-CHECK.txt.
fn groovy_lines() -> HashMap<String, u32> {
    let check = std::fs::read_to_string(fixtures().join("invalid/GROOVY-CHECK.txt")).unwrap();
    check
        .lines()
        .filter_map(|l| l.strip_prefix("ERROR fixtures/parse/invalid/"))
        .filter_map(|l| {
            let mut parts = l.splitn(3, ':');
            let file = parts.next()?.to_string();
            let line = parts.next()?.parse().ok()?;
            Some((file, line))
        })
        .collect()
}

/// The line of the actual mistake, from the fixture's first line `// mistake: line N: ...`.
fn mistake_line(source: &str) -> u32 {
    let first = source.lines().next().unwrap_or_default();
    let rest = first
        .strip_prefix("// mistake: line ")
        .expect("first line names the mistake");
    rest.split(':').next().unwrap().trim().parse().unwrap()
}

#[test]
fn invalid_files_fail_where_groovy_says_or_closer() {
    let groovy = groovy_lines();
    let mut misplaced = Vec::new();
    insta::glob!(
        "../../fixtures/parse/invalid",
        "*.{groovy,jenkinsfile}",
        |path| {
            let source = std::fs::read_to_string(path).unwrap();
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            let errors = match parse(&source) {
                Ok(_) => {
                    misplaced.push(format!("{name}: parses, but Groovy rejects it"));
                    return;
                }
                Err(errors) => errors,
            };
            let ours = LineIndex::new(&source)
                .line_col(&source, errors[0].span.start as usize)
                .line;
            let theirs = groovy[&name];
            let mistake = mistake_line(&source);
            if ours.abs_diff(mistake) > theirs.abs_diff(mistake) {
                misplaced.push(format!(
                    "{name}: ours {ours}, Groovy {theirs}, mistake {mistake}\n{}",
                    render(&source, &errors)
                ));
            }
            insta::assert_snapshot!(render(&source, &errors));
        }
    );
    assert!(
        misplaced.is_empty(),
        "errors further from the mistake than Groovy's:\n{}",
        misplaced.join("\n")
    );
}
