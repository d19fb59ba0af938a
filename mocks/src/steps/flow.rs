//! Flow control: timeout, retry, sleep, catchError, warnError, unstable, waitUntil and input.

use indexmap::IndexMap;
use jenkins_harness_interpreter::{Eval, Flow, Interpreter, Key, Value};

use crate::clock::{self, TIMEOUT_FIELD};
use crate::host::{Pipeline, StepCall};
use crate::literal;
use crate::result::BuildResult;
use crate::world::InputAction;

/// `sleep(time, unit: 'SECONDS')`: virtual time passes.
pub(super) fn sleep(p: &Pipeline, interp: &mut Interpreter, call: &mut StepCall) -> Eval {
    let ms = duration(interp, call, "SECONDS")?;
    p.log(&format!("Sleeping for {}", clock::time_span(ms)));
    clock::wait(p, interp, ms)?;
    Ok(Value::Null)
}

/// `time` in `unit` (default `default_unit`) as milliseconds.
fn duration(interp: &Interpreter, call: &StepCall, default_unit: &str) -> Eval<u64> {
    let time = call.int("time").unwrap_or(0);
    let unit = call.str("unit").unwrap_or_else(|| default_unit.to_string());
    clock::millis(time, &unit).ok_or_else(|| {
        interp.exception(
            "java.lang.IllegalArgumentException",
            &format!("No enum constant java.util.concurrent.TimeUnit.{unit}"),
        )
    })
}

/// `timeout(time, unit: 'MINUTES') { ... }`: interrupts the block at the deadline.
pub(super) fn timeout(p: &Pipeline, interp: &mut Interpreter, call: &mut StepCall) -> Eval {
    let ms = duration(interp, call, "MINUTES")?;
    p.log(&format!(
        "Timeout set to expire in {}",
        clock::time_span(ms)
    ));
    let id = p.with(|s| {
        s.timeouts += 1;
        let deadline = s.clock.saturating_add(ms);
        let id = s.timeouts;
        s.thread().deadlines.push((id, deadline));
        let prefix = s.thread().prefix.clone();
        s.timeout_prefixes.insert(id, prefix);
        id
    });
    let result = p.run_block(interp, call);
    p.with(|s| s.thread().deadlines.retain(|&(t, _)| t != id));
    if let Err(Flow::Throw(Value::Object(o))) = &result {
        let mine = o
            .fields
            .borrow()
            .get(TIMEOUT_FIELD)
            .and_then(Value::as_i64)
            .is_some_and(|t| usize::try_from(t).ok() == Some(id));
        if mine {
            // Outside its own timeout the exception is no actual interruption any more:
            // `retry` retries it and `catchError` treats it as an ordinary error.
            let mut fields = o.fields.borrow_mut();
            fields.shift_remove(TIMEOUT_FIELD);
            fields.insert(clock::ACTUAL_FIELD.into(), Value::Bool(false));
        }
    }
    result
}

/// `retry(count) { ... }`: runs the block until it succeeds, at most `count` times.
pub(super) fn retry(p: &Pipeline, interp: &mut Interpreter, call: &mut StepCall) -> Eval {
    let count = call.int("count").unwrap_or(1).max(1);
    let Some(body) = call.body.clone() else {
        return Ok(Value::Null);
    };
    // With `conditions` (`agent()`, `nonresumable()`), only those causes are retried: a lost
    // agent or a step that could not resume, which never happen offline.
    let conditional =
        matches!(call.get("conditions"), Some(Value::List(l)) if !l.borrow().is_empty());
    let mut attempt = 1;
    loop {
        match p.body(interp, &body) {
            Err(Flow::Throw(e))
                if attempt < count && !conditional && !clock::is_actual_interruption(&e) =>
            {
                if crate::run::is_abort(&e) || clock::interruption_result(&e).is_some() {
                    p.log(&crate::run::error_line(&e));
                } else {
                    // Jenkins says so, then prints the stack trace (here its first line).
                    p.log("ERROR: Execution failed");
                    p.log(&crate::host::describe_exception(&e));
                }
                p.log("Retrying");
                attempt += 1;
            }
            other => return other,
        }
    }
}

/// `catchError(buildResult: 'FAILURE', stageResult: 'SUCCESS') { ... }`.
pub(super) fn catch_error(p: &Pipeline, interp: &mut Interpreter, call: &mut StepCall) -> Eval {
    let build = result_argument(interp, call, "buildResult", BuildResult::Failure)?;
    let stage = result_argument(interp, call, "stageResult", BuildResult::Success)?;
    catching(p, interp, call, build, stage)
}

/// A result named by argument `name`: Jenkins refuses names it does not know.
fn result_argument(
    interp: &Interpreter,
    call: &StepCall,
    name: &str,
    default: BuildResult,
) -> Eval<BuildResult> {
    let Some(text) = call.str(name) else {
        return Ok(default);
    };
    let result = BuildResult::from_name(&text);
    if result.as_str() != text.trim() {
        return Err(interp.exception(
            "java.lang.IllegalArgumentException",
            &format!(
                "{name} is invalid: {text}. Valid options are SUCCESS, UNSTABLE, FAILURE, NOT_BUILT and ABORTED."
            ),
        ));
    }
    Ok(result)
}

/// `warnError(message) { ... }`: catchError with UNSTABLE build and stage results.
pub(super) fn warn_error(p: &Pipeline, interp: &mut Interpreter, call: &mut StepCall) -> Eval {
    catching(
        p,
        interp,
        call,
        BuildResult::Unstable,
        BuildResult::Unstable,
    )
}

fn catching(
    p: &Pipeline,
    interp: &mut Interpreter,
    call: &StepCall,
    build: BuildResult,
    stage: BuildResult,
) -> Eval {
    let Some(body) = call.body.clone() else {
        return Ok(Value::Null);
    };
    let catch_interruptions = call.get("catchInterruptions").is_none_or(Value::truthy);
    match p.body(interp, &body) {
        Err(Flow::Throw(e)) => {
            let actual = clock::is_actual_interruption(&e);
            if actual && !catch_interruptions {
                return Err(Flow::Throw(e));
            }
            // An interruption (input abort, timeout, failed downstream build) gives both
            // results its own and prints its causes; one from a failFast is an ordinary error.
            let (build, stage, line) = match clock::interruption_result(&e) {
                Some(r) if !clock::is_fail_fast(&e) => (r, r, crate::run::error_line(&e)),
                Some(_) => (build, stage, crate::host::describe_exception(&e)),
                None => (build, stage, crate::run::error_line(&e)),
            };
            if let Some(message) = call.str("message").filter(|m| !m.trim().is_empty()) {
                p.log(&format!("ERROR: {}", message.trim()));
            }
            p.log(&line);
            if build != BuildResult::Success {
                p.log(&format!("Setting overall build result to {build}"));
                p.with(|s| s.worsen(build));
            }
            set_stage_result(p, stage);
            Ok(Value::Null)
        }
        other => other,
    }
}

/// Marks the innermost stage with `result` (shown in the trace) when it is not SUCCESS.
fn set_stage_result(p: &Pipeline, result: BuildResult) {
    if result == BuildResult::Success {
        return;
    }
    p.with(|s| {
        if let Some(&stage) = s.thread().stages.last() {
            s.trace.set_result(stage, result.as_str().to_string());
        }
    });
}

/// `unstable(message)`: a warning that makes the build and stage UNSTABLE.
pub(super) fn unstable(p: &Pipeline, _: &mut Interpreter, call: &mut StepCall) -> Eval {
    let message = call.str("message").unwrap_or_default();
    if message.trim().is_empty() {
        p.log("WARNING: Setting build result to unstable");
    } else {
        p.log(&format!("WARNING: {message}"));
    }
    p.with(|s| s.worsen(BuildResult::Unstable));
    set_stage_result(p, BuildResult::Unstable);
    Ok(Value::Null)
}

/// `waitUntil { ... }`: reruns the block, waiting longer each time, until it returns true.
pub(super) fn wait_until(p: &Pipeline, interp: &mut Interpreter, call: &mut StepCall) -> Eval {
    let Some(body) = call.body.clone() else {
        return Ok(Value::Null);
    };
    // Jenkins waits at least 250 ms between tries (`MIN_RECURRENCE_PERIOD`).
    let mut period = u64::try_from(call.int("initialRecurrencePeriod").unwrap_or(250))
        .unwrap_or(250)
        .max(250);
    loop {
        match p.body(interp, &body)? {
            Value::Bool(true) => return Ok(Value::Null),
            Value::Bool(false) => {}
            other => {
                return Err(interp.exception(
                    "java.lang.ClassCastException",
                    &format!("body return value {} is not boolean", other.to_display()),
                ));
            }
        }
        if !call.flag("quiet") {
            p.log(&format!(
                "Will try again after {}",
                clock::time_span(period)
            ));
        }
        clock::wait(p, interp, period)?;
        period = (period * 6 / 5).min(15_000);
    }
}

/// `input(message, ok, parameters, submitterParameter)`: answered by the world, in order.
pub(super) fn input(p: &Pipeline, interp: &mut Interpreter, call: &mut StepCall) -> Eval {
    let message = call
        .str("message")
        .unwrap_or_else(|| "Pipeline has paused and needs your input before proceeding".into());
    let id = call.str("id");
    let ok = call.str("ok").unwrap_or_else(|| "Proceed".into());
    let cancel = call.str("cancel").unwrap_or_else(|| "Abort".into());
    let parameters: Vec<Value> = match call.get("parameters") {
        Some(Value::List(l)) => l.borrow().clone(),
        _ => Vec::new(),
    };
    // Without parameters (nor a submitter parameter) the message and the two buttons are
    // printed; otherwise only `Input requested` (the form holds the message).
    if parameters.is_empty() && call.get("submitterParameter").is_none() {
        p.log(&message);
        p.log(&format!("{ok} or {cancel}"));
    } else {
        p.log("Input requested");
    }
    let answer = p.with(|s| {
        let used = s.inputs_used;
        let found = s.world.inputs.iter().enumerate().skip(used).find(|(_, a)| {
            a.message.as_ref().is_none_or(|m| *m == message)
                && a.id.as_ref().is_none_or(|i| Some(i) == id.as_ref())
        });
        found.map(|(i, a)| {
            s.inputs_used = i + 1;
            a.clone()
        })
    });
    let answer = answer.unwrap_or_default();
    clock::wait(p, interp, answer.after.saturating_mul(1000))?;
    let user = answer.submitter.clone().unwrap_or_else(|| "admin".into());
    if answer.action == InputAction::Abort {
        // Nothing is logged now: the cause is printed where the interruption is handled (at
        // the end of the build, or by catchError).
        let cause = format!("Rejected by {user}");
        p.show_result(
            call.id,
            format!("rejected by {}", literal::literal(&literal::string(&user))),
        );
        return Err(clock::actual_interruption(p, interp, &cause));
    }
    p.log(&format!("Approved by {user}"));
    // The value: one entry per parameter (the answer's, else its default), plus the
    // submitter when `submitterParameter` names a variable for it.
    let mut values: IndexMap<String, Value> = IndexMap::new();
    for param in &parameters {
        let Some((kind, args)) = crate::symbols::parts(param) else {
            continue;
        };
        let Some(name) = args.get("name").map(Value::to_display) else {
            continue;
        };
        let given = answer.parameters.get(&name).map(literal::from_data);
        let value = given.unwrap_or_else(|| default_value(&kind, &args));
        values.insert(name, value);
    }
    if let Some(var) = call.str("submitterParameter") {
        values.insert(var, literal::string(&user));
    }
    let shown_user = literal::literal(&literal::string(&user));
    let value = match values.len() {
        0 => Value::Null,
        1 => values.into_values().next().unwrap_or_default(),
        _ => Value::map(values.into_iter().map(|(k, v)| (Key::str(&k), v)).collect()),
    };
    let shown = match &value {
        Value::Null => format!("approved by {shown_user}"),
        v => format!("approved by {shown_user}: {}", literal::literal(v)),
    };
    p.show_result(call.id, shown);
    Ok(value)
}

/// A parameter's default: `defaultValue`, the first choice, or false/empty.
pub(super) fn default_value(kind: &str, args: &IndexMap<String, Value>) -> Value {
    if let Some(v) = args.get("defaultValue") {
        return v.clone();
    }
    match kind {
        "booleanParam" => Value::Bool(false),
        "choice" => match args.get("choices") {
            Some(Value::List(l)) => l.borrow().first().cloned().unwrap_or_default(),
            Some(v) => literal::string(v.to_display().lines().next().unwrap_or("")),
            None => Value::Null,
        },
        _ => literal::string(""),
    }
}
