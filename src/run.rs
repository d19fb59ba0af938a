//! Running a script and describing the outcome as Jenkins would: build result, console log,
//! and the exception that ended the run (the `run --output json` shape of DESIGN.md).

use serde::Serialize;

use crate::interpreter::{self, Thrown};

/// A Jenkins build result.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum BuildResult {
    /// Everything passed.
    Success,
    /// Tests failed or a step marked the build unstable.
    Unstable,
    /// An error ended the build.
    Failure,
    /// The build was interrupted (input abort, timeout).
    Aborted,
    /// The build did not run.
    NotBuilt,
}

impl BuildResult {
    /// The name Jenkins prints (`SUCCESS`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            BuildResult::Success => "SUCCESS",
            BuildResult::Unstable => "UNSTABLE",
            BuildResult::Failure => "FAILURE",
            BuildResult::Aborted => "ABORTED",
            BuildResult::NotBuilt => "NOT_BUILT",
        }
    }
}

/// The exception that ended a run.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RunError {
    /// Fully qualified exception class.
    pub class: String,
    /// Its message (empty when Java's was null).
    pub message: String,
}

/// What a run did: its result, its console log, and the error that ended it.
#[derive(Clone, Debug, Serialize)]
pub struct Run {
    /// The build result.
    pub result: BuildResult,
    /// The console, one entry per line, ending with `Finished: RESULT`.
    pub log: Vec<String>,
    /// The uncaught exception, if any.
    pub error: Option<RunError>,
    /// The call trace (pipeline steps come with the mocks; empty for plain Groovy).
    pub trace: Vec<String>,
}

/// Runs `source`, a script whose class is `class_name` (`WorkflowScript` for a Jenkinsfile).
///
/// # Errors
/// The syntax errors of `source`.
pub fn run_script(source: &str, class_name: &str) -> Result<Run, Vec<crate::grammar::SyntaxError>> {
    crate::grammar::parse(source)?;
    let outcome = interpreter::run_script(source, class_name);
    Ok(describe(&outcome.output, outcome.error))
}

/// Builds the log and result from what was printed and how the run ended.
fn describe(output: &str, error: Option<Thrown>) -> Run {
    let mut log: Vec<String> = output.lines().map(str::to_string).collect();
    let result = if error.is_some() {
        BuildResult::Failure
    } else {
        BuildResult::Success
    };
    let error = error.map(|t| {
        let message = t.message.unwrap_or_default();
        // Jenkins prints `ERROR: message` for an AbortException (the `error` step), and the
        // exception itself (`class: message`) for anything else.
        log.push(if t.class == "hudson.AbortException" {
            format!("ERROR: {message}")
        } else if message.is_empty() {
            t.class.clone()
        } else {
            format!("{}: {message}", t.class)
        });
        RunError {
            class: t.class,
            message,
        }
    });
    log.push(format!("Finished: {}", result.as_str()));
    Run {
        result,
        log,
        error,
        trace: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_printing_script_succeeds_and_logs_its_lines() {
        let run = run_script("println 'a'\nprint 'b'\nprintln 'c'", "WorkflowScript").unwrap();
        assert_eq!(run.result, BuildResult::Success);
        assert_eq!(run.log, ["a", "bc", "Finished: SUCCESS"]);
    }

    #[test]
    fn an_uncaught_exception_fails_the_run() {
        let run = run_script("println 'before'\nprintln missing", "WorkflowScript").unwrap();
        assert_eq!(run.result, BuildResult::Failure);
        assert_eq!(
            run.log,
            [
                "before",
                "groovy.lang.MissingPropertyException: No such property: missing for class: WorkflowScript",
                "Finished: FAILURE"
            ]
        );
    }
}
