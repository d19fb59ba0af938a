//! `jenkins-harness run FILE`: run a script and print its console log or the JSON outcome.

use std::io::{self, Write};
use std::path::Path;

use jenkins_harness::diagnostic::{Diagnostic, SourceFile};
use jenkins_harness::{BuildResult, run};

use crate::cli::RunOutput;

/// Runs the script at `path`; returns 0 for SUCCESS, 1 for another result, 2 for a usage, I/O
/// or parse error.
pub fn run(path: &Path, output: RunOutput) -> i32 {
    let name = crate::walk::display(path);
    let text = match std::fs::read(path).map(String::from_utf8) {
        Ok(Ok(text)) => text,
        Ok(Err(_)) => {
            eprintln!("error: {name} is not valid UTF-8; save the file as UTF-8");
            return 2;
        }
        Err(error) => {
            crate::lint::io_error(path, &error);
            return 2;
        }
    };
    let outcome = match run::run_script(&text, "WorkflowScript") {
        Ok(outcome) => outcome,
        Err(errors) => {
            let file = SourceFile::new(name, &text);
            let color = anstream::AutoStream::choice(&io::stderr()) != anstream::ColorChoice::Never;
            for e in &errors {
                eprintln!("{}", Diagnostic::syntax(&file, e).render(&text, color));
            }
            return 2;
        }
    };
    let mut out = anstream::stdout().lock();
    let written = match output {
        RunOutput::Log => outcome
            .log
            .iter()
            .try_for_each(|line| writeln!(out, "{line}")),
        RunOutput::Json => match serde_json::to_string(&outcome) {
            Ok(json) => writeln!(out, "{json}"),
            Err(e) => writeln!(out, "{{\"error\": \"{e}\"}}"),
        },
    };
    if written.and_then(|()| out.flush()).is_err() {
        return 2;
    }
    if outcome.result == BuildResult::Success {
        0
    } else {
        1
    }
}
