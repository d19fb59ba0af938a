//! A finished run: its build result, console log, the error that ended it, and its trace; and
//! how the interpreter's outcome becomes that, as Jenkins reports it.

use serde::Serialize;

use jenkins_harness_interpreter::{Flow, Value};

use crate::result::BuildResult;
use crate::state::State;
use crate::trace::Trace;

/// What a run did (the `run --output json` shape of DESIGN.md).
#[derive(Clone, Debug, Serialize)]
pub struct Run {
    /// The build result.
    pub result: BuildResult,
    /// The console, one entry per line, ending with `Finished: RESULT`; secrets masked.
    pub log: Vec<String>,
    /// The uncaught exception that ended the run, if any.
    pub error: Option<RunError>,
    /// The steps called, nested by the blocks that ran them; secrets masked.
    pub trace: Trace,
}

impl Run {
    /// The console as one text, a newline after each line.
    pub fn log_text(&self) -> String {
        self.log.iter().map(|l| format!("{l}\n")).collect()
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

/// Describes a finished run from its state and the interpreter's outcome.
pub(crate) fn describe(state: &mut State, outcome: Result<Value, Flow>) -> Run {
    let error = match outcome {
        Ok(_) | Err(Flow::Return(_) | Flow::Break(_) | Flow::Continue(_)) => None,
        Err(Flow::Throw(e)) => Some(e),
        Err(Flow::Limit(message)) => {
            state.log.push(format!("ERROR: {message}"));
            state.worsen(BuildResult::Failure);
            let run_error = RunError {
                class: "jenkins.harness.LimitExceeded".into(),
                message,
            };
            return finish(state, Some(run_error));
        }
    };
    let run_error = error.map(|e| {
        let class = e.class_name().to_string();
        let message = match &e {
            Value::Object(o) => o
                .fields
                .borrow()
                .get("message")
                .filter(|m| !matches!(m, Value::Null))
                .map(Value::to_display)
                .unwrap_or_default(),
            _ => String::new(),
        };
        let result = crate::clock::interruption_result(&e).unwrap_or(BuildResult::Failure);
        state.worsen(result);
        state.log.push(error_line(&e));
        RunError { class, message }
    });
    finish(state, run_error)
}

fn finish(state: &mut State, error: Option<RunError>) -> Run {
    let result = state.result.unwrap_or(BuildResult::Success);
    state.log.push(format!("Finished: {result}"));
    let mut secrets = state.secrets.clone();
    for secret in &state.secrets {
        secrets.extend(crate::literal::quoted_forms(secret));
    }
    secrets.sort_by_key(|s| std::cmp::Reverse(s.len()));
    let mask = |t: &str| crate::state::mask(&secrets, t);
    Run {
        result,
        log: state.log.iter().map(|l| mask(l)).collect(),
        error: error.map(|e| RunError {
            class: e.class,
            message: mask(&e.message),
        }),
        trace: state.trace.finish(&mask),
    }
}

/// How Jenkins prints an error it handles (at the end of the build, in `catchError`, between
/// `retry` attempts): `ERROR: msg` for an AbortException, the causes of an interruption, and
/// the exception (its stack trace, here its first line) for anything else.
pub(crate) fn error_line(e: &Value) -> String {
    let message = match e {
        Value::Object(o) => o
            .fields
            .borrow()
            .get("message")
            .filter(|m| !matches!(m, Value::Null))
            .map(Value::to_display),
        _ => None,
    };
    if is_abort(e) {
        format!("ERROR: {}", message.unwrap_or_default())
    } else if crate::clock::interruption_result(e).is_some() {
        message.unwrap_or_default()
    } else {
        match message {
            Some(m) => format!("{}: {m}", e.class_name()),
            None => e.class_name().to_string(),
        }
    }
}

/// Whether an exception is an `AbortException` or one of its subclasses.
pub(crate) fn is_abort(e: &Value) -> bool {
    match e {
        Value::Object(o) => o.class.is_a("hudson.AbortException"),
        _ => false,
    }
}
