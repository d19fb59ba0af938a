//! Evaluation speed of the interpreter: loops, arithmetic, string building, collection methods
//! and closure calls. `cargo bench --bench eval`.

use criterion::{Criterion, criterion_group, criterion_main};
use jenkins_harness::interpreter::{Limits, run_script_with};

const CASES: &[(&str, &str)] = &[
    (
        "loop of a million additions",
        "def s = 0\nfor (i in 0..<1000000) { s += i % 7 }\nprintln s",
    ),
    (
        "string building",
        "def sb = ''\nfor (i in 0..<2000) { sb += \"line ${i}\\n\" }\nprintln sb.size()",
    ),
    (
        "collection methods",
        "def xs = (1..20000).toList()\nprintln xs.findAll { it % 3 == 0 }.collect { it * 2 }.inject(0) { a, b -> a + b }",
    ),
    (
        "closure calls",
        "def f = { a, b -> a + b }\ndef t = 0\n100000.times { t = f(t, it) }\nprintln t",
    ),
    (
        "maps and GStrings",
        "def m = [:]\nfor (i in 0..<5000) { m[\"k${i % 100}\"] = (m[\"k${i % 100}\"] ?: 0) + i }\nprintln m.size()",
    ),
];

fn eval(c: &mut Criterion) {
    let limits = Limits {
        max_call_depth: 1_000,
        max_steps: u64::MAX,
    };
    let mut group = c.benchmark_group("eval");
    group.sample_size(10);
    for (name, source) in CASES {
        group.bench_function(*name, |b| {
            b.iter(|| {
                let run = run_script_with(source, "WorkflowScript", limits);
                assert!(run.error.is_none(), "{name}: {:?}", run.error);
            });
        });
    }
    group.finish();
}

criterion_group!(benches, eval);
criterion_main!(benches);
