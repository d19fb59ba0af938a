//! The `jenkins-harness` command line; see `cli.rs`.

mod cli;
mod lint;
mod run_cmd;
mod test_cmd;
mod walk;

fn main() {
    std::process::exit(cli::execute());
}
