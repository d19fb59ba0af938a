//! Parse throughput on realistic pipeline code: every valid parser fixture, parsed one by one.
//!
//! Run with `cargo bench --bench parse`; criterion reports bytes per second.

use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// The valid fixtures (Jenkinsfiles, vars/, src/, tests/): real-looking pipeline code.
fn corpus() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/parse/valid");
    let mut files: Vec<_> = walkdir::WalkDir::new(root)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| {
            let name = e.file_name().to_string_lossy();
            name.ends_with(".groovy") || name.ends_with(".jenkinsfile")
        })
        .map(|e| e.into_path())
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("fixture is readable"))
        .collect()
}

fn parse_corpus(c: &mut Criterion) {
    let corpus = corpus();
    let bytes: usize = corpus.iter().map(String::len).sum();
    let mut group = c.benchmark_group("parse");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("valid fixtures", |b| {
        b.iter(|| {
            for source in &corpus {
                let parsed = jenkins_harness::grammar::parse(source);
                assert!(parsed.is_ok());
            }
        });
    });
    group.finish();
}

criterion_group!(benches, parse_corpus);
criterion_main!(benches);
