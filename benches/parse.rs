//! Parse throughput (placeholder until the grammar lands).

fn main() {}
