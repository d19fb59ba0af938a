//! Pipeline runs per second: every scenario in `fixtures/pipelines/` (a scripted pipeline and
//! its world), and the README's example alone. `cargo bench --bench pipeline`.

use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use jenkins_harness::{Harness, Scenario};

fn scenarios() -> Vec<(Harness, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/pipelines");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "toml") {
            continue;
        }
        let Ok(scenario) = Scenario::load(&path) else {
            continue;
        };
        let Ok(source) = scenario.source() else {
            continue;
        };
        out.push((Harness::with_world(scenario.world), source));
    }
    out
}

fn pipelines(c: &mut Criterion) {
    let all = scenarios();
    let mut group = c.benchmark_group("pipeline");
    group.sample_size(10);
    group.bench_function(format!("all {} scenarios", all.len()), |b| {
        b.iter(|| {
            for (harness, source) in &all {
                let _ = harness.run(source);
            }
        });
    });
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/examples/main.toml");
    if let Ok(scenario) = Scenario::load(&example)
        && let Ok(source) = scenario.source()
    {
        let harness = Harness::with_world(scenario.world);
        group.bench_function("README example", |b| b.iter(|| harness.run(&source)));
    }
    group.finish();
}

criterion_group!(benches, pipelines);
criterion_main!(benches);
