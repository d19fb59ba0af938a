//! Profiling driver: parses every valid parser fixture `N` times (first argument, default 1), or
//! the files and directories given after `N`.
//!
//! Used with `valgrind --tool=callgrind` to count instructions per input byte, which is steadier
//! than wall-clock timing on a shared machine.

use std::path::{Path, PathBuf};

/// Every `.groovy` and `.jenkinsfile` under `dir`, sorted.
fn fixture_files(dir: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            fixture_files(&path, found);
        } else if path
            .extension()
            .is_some_and(|e| e == "groovy" || e == "jenkinsfile")
        {
            found.push(path);
        }
    }
}

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1);
    let mut roots: Vec<PathBuf> = std::env::args().skip(2).map(PathBuf::from).collect();
    if roots.is_empty() {
        roots.push(Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures/parse/valid"));
    }
    let mut files = Vec::new();
    for root in &roots {
        if root.is_file() {
            files.push(root.clone());
        } else {
            fixture_files(root, &mut files);
        }
    }
    files.sort();
    let sources: Vec<String> = files
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    let bytes: usize = sources.iter().map(String::len).sum();
    let mut failures = 0;
    for _ in 0..rounds {
        for source in &sources {
            if jenkins_harness_grammar::parse(source).is_err() {
                failures += 1;
            }
        }
    }
    println!(
        "{} files, {bytes} bytes, {rounds} rounds, {failures} failures",
        sources.len()
    );
}
