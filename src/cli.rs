//! The command line: clap definitions, and dispatch to the commands.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Test Jenkins pipelines and shared libraries without Jenkins.
#[derive(Debug, Parser)]
#[command(name = "jenkins-harness", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check Jenkinsfiles and Groovy files for syntax errors.
    ///
    /// Exits with 0 when no error is found, 1 when one is, 2 on a usage or I/O error.
    Lint(LintArgs),
    /// Run a Jenkinsfile against mocked steps and print its console log, trace or outcome.
    ///
    /// Exits with 0 when the build result is SUCCESS, 1 for any other result, 2 on a usage,
    /// I/O or syntax error.
    Run(RunArgs),
    /// Run scenario files (*.toml) and check what they expect.
    ///
    /// Checks each scenario's `[expect]` (result, log lines) and compares the run's trace with
    /// the `.trace` file beside the scenario when there is one. Exits with 0 when all pass, 1
    /// when one fails, 2 on a usage or I/O error.
    Test(TestArgs),
}

#[derive(Debug, Args)]
struct TestArgs {
    /// Scenario files and directories [default: .]
    ///
    /// Directories are walked for *.toml files, skipping hidden directories and target/.
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Write each run's trace to the `.trace` file beside its scenario (creating or replacing
    /// it) instead of comparing
    #[arg(long)]
    update: bool,
    /// How to print the results
    #[arg(long, value_enum, default_value_t = TestFormat::Human)]
    format: TestFormat,
}

/// Output format of `test`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum TestFormat {
    /// One line per scenario, the reasons of failures, then a summary.
    Human,
    /// A JUnit XML report (for Jenkins' `junit` step).
    Junit,
}

#[derive(Debug, Args)]
pub struct RunArgs {
    /// The Jenkinsfile (or Groovy script) to run
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// A scenario file (TOML): environment, parameters, credentials, files and mocked answers
    #[arg(long, value_name = "FILE.toml")]
    pub scenario: Option<PathBuf>,
    /// An environment variable, over the scenario's (repeatable)
    #[arg(long = "env", value_name = "K=V")]
    pub env: Vec<String>,
    /// A build parameter, over the scenario's (repeatable); `true`, `false` and whole numbers
    /// are typed
    #[arg(long = "param", value_name = "K=V")]
    pub params: Vec<String>,
    /// What to print: the console log, the call trace, or one JSON object with result, log,
    /// error and trace
    #[arg(long, value_enum, default_value_t = RunOutput::Log)]
    pub output: RunOutput,
}

/// Output of `run`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum RunOutput {
    /// The console log as Jenkins prints it, ending with `Finished: RESULT`.
    Log,
    /// The call trace, one call per line, nested by blocks.
    Trace,
    /// `{"result", "log", "error", "trace"}`.
    Json,
}

#[derive(Debug, Args)]
struct LintArgs {
    /// Files and directories to check [default: .]
    ///
    /// Directories are walked for Jenkinsfile*, *.jenkinsfile and *.groovy files, skipping
    /// hidden directories and target/. Files named explicitly are checked whatever their name.
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// How to print the findings
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
}

/// Output format of `lint`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A rustc-style report per finding with the source excerpt, then a summary line.
    Human,
    /// One JSON array of findings.
    Json,
}

/// Parses the command line, runs the command, and returns the process exit code.
pub fn execute() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            // Help and version go to stdout with code 0; usage errors to stderr with code 2.
            let _ = error.print();
            return error.exit_code();
        }
    };
    match cli.command {
        Command::Lint(args) => crate::lint::lint(&args.paths, args.format),
        Command::Run(args) => crate::run_cmd::run(&args),
        Command::Test(args) => crate::test_cmd::test(&args.paths, args.update, args.format),
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::Cli;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
