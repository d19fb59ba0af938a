//! `sh`, `bat`, `powershell` and `pwsh`: mocked commands with stdout, exit code and duration.

use jenkins_harness_interpreter::number::Number;
use jenkins_harness_interpreter::{Eval, Interpreter, Value};

use crate::host::{Pipeline, StepCall};
use crate::literal;
use crate::world::{ShellCall, ShellReply};

/// Runs a shell step against the world's mocks (unmatched: empty output, exit 0).
pub(super) fn shell(p: &Pipeline, interp: &mut Interpreter, call: &mut StepCall) -> Eval {
    p.need_node(interp)?;
    let script = call.str("script").unwrap_or_default();
    let outcome = p.with(|s| {
        s.world.shell.iter().find_map(|mock| {
            let captures = mock.matches(&script)?;
            Some(match &mock.reply {
                ShellReply::Fixed(o) => o.clone(),
                ShellReply::With(f) => f(&ShellCall {
                    step: call.name.to_string(),
                    script: script.clone(),
                    captures,
                }),
            })
        })
    });
    let outcome = outcome.unwrap_or_default();
    if call.name == "sh" {
        // `sh` runs with `set -x`: each command is echoed with `+ `.
        for line in script
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            p.log(&format!("+ {line}"));
        }
    }
    if let Err(e) = crate::clock::wait(p, interp, outcome.duration.saturating_mul(1000)) {
        p.log("Sending interrupt signal to process");
        return Err(e);
    }
    if let Some((class, message)) = &outcome.exception {
        return Err(jenkins_harness_interpreter::Flow::Throw(
            interp.exception_of_class(class, "java.io.IOException", message),
        ));
    }
    let return_status = call.flag("returnStatus");
    let return_stdout = call.flag("returnStdout") && !return_status;
    if !return_stdout && !outcome.stdout.is_empty() {
        p.log(outcome.stdout.strip_suffix('\n').unwrap_or(&outcome.stdout));
    }
    if return_status {
        p.show_result(call.id, outcome.exit.to_string());
        return Ok(Value::Num(Number::Integer(outcome.exit)));
    }
    if outcome.exit != 0 {
        if return_stdout && !outcome.stdout.is_empty() {
            p.log(outcome.stdout.strip_suffix('\n').unwrap_or(&outcome.stdout));
        }
        return Err(p.abort(
            interp,
            &format!("script returned exit code {}", outcome.exit),
        ));
    }
    if return_stdout {
        let out = literal::string(&outcome.stdout);
        p.show_result(call.id, literal::literal(&out));
        return Ok(out);
    }
    Ok(Value::Null)
}
