//! The `jenkins-harness` command line.

fn main() {
    println!("jenkins-harness");
}
