//! Virtual time: steps that take time move a clock instead of sleeping, and a `timeout` whose
//! deadline passes interrupts the step that was waiting, as Jenkins would.

use jenkins_harness_interpreter::{Eval, Flow, Interpreter, Value};

use crate::host::Pipeline;
use crate::result::BuildResult;

/// A run that waits longer than this (virtual) is stopped: nothing would ever wake it.
const MAX_VIRTUAL_MILLIS: u64 = 7 * 24 * 3600 * 1000;

/// How long a timed-out block may go on cleaning up before it is stopped for good.
const GRACE_MILLIS: u64 = 60_000;

/// The field of a timeout's exception that names the `timeout` whose deadline passed.
pub(crate) const TIMEOUT_FIELD: &str = "$timeout";

/// The field that says whether an interruption is an actual one (a user abort, a failFast),
/// which `retry` does not retry and `catchError` may let through.
pub(crate) const ACTUAL_FIELD: &str = "actualInterruption";

/// Lets `millis` of virtual time pass for the running thread. A `timeout` whose deadline comes
/// first ends the wait at the deadline with its interruption.
pub(crate) fn wait(p: &Pipeline, interp: &mut Interpreter, millis: u64) -> Eval<()> {
    crate::scheduler::take_interrupt(p)?;
    let (target, deadline) = p.with(|s| {
        let target = s.clock.saturating_add(millis);
        let first = s
            .thread()
            .deadlines
            .iter()
            .copied()
            .filter(|&(_, d)| d < target)
            .min_by_key(|&(_, d)| d);
        (target, first)
    });
    let wake = deadline.map_or(target, |(_, d)| d);
    if p.with(|s| s.current != 0) {
        // A parallel branch waits for its turn; other branches run meanwhile.
        crate::scheduler::suspend(p, wake);
        crate::scheduler::take_interrupt(p)?;
    } else {
        p.with(|s| s.clock = s.clock.max(wake));
    }
    let now = p.with(|s| s.clock);
    if let Some((id, d)) = deadline
        && now >= d
    {
        // The timer fires: Jenkins says so at once, then gives the block a 60 s grace period
        // (its `catch` and `finally` may still wait) before it stops it for good.
        p.with(|s| {
            if s.fired_timeouts.insert(id) {
                for t in &mut s.threads {
                    for entry in t.deadlines.iter_mut().filter(|(t_id, _)| *t_id == id) {
                        entry.1 = d.saturating_add(GRACE_MILLIS);
                    }
                }
                let prefix = s.timeout_prefixes.get(&id).cloned().unwrap_or_default();
                s.log
                    .push(format!("{prefix}Cancelling nested steps due to timeout"));
            }
        });
        let e = p.interrupted(interp, BuildResult::Aborted, "Timeout has been exceeded");
        if let Flow::Throw(Value::Object(o)) = &e {
            let mut fields = o.fields.borrow_mut();
            fields.insert(
                TIMEOUT_FIELD.into(),
                Value::Num(i64::try_from(id).unwrap_or(0).into()),
            );
            fields.insert(ACTUAL_FIELD.into(), Value::Bool(true));
        }
        return Err(e);
    }
    if now > MAX_VIRTUAL_MILLIS {
        return Err(Flow::Limit(format!(
            "the pipeline waited more than {} days of virtual time (a waitUntil that never succeeds?); the limit is jenkins-harness's",
            MAX_VIRTUAL_MILLIS / (24 * 3600 * 1000)
        )));
    }
    Ok(())
}

/// A `FlowInterruptedException` that is an actual interruption (a failFast, a user abort).
pub(crate) fn actual_interruption(p: &Pipeline, interp: &Interpreter, cause: &str) -> Flow {
    let e = p.interrupted(interp, BuildResult::Aborted, cause);
    if let Flow::Throw(Value::Object(o)) = &e {
        o.fields
            .borrow_mut()
            .insert(ACTUAL_FIELD.into(), Value::Bool(true));
    }
    e
}

/// The field that marks the interruption of a branch by a failed sibling (parallel failFast).
pub(crate) const FAIL_FAST_FIELD: &str = "$failFast";

/// Whether `e` interrupted a parallel branch because another failed (failFast).
pub(crate) fn is_fail_fast(e: &Value) -> bool {
    match e {
        Value::Object(o) => o.fields.borrow().contains_key(FAIL_FAST_FIELD),
        _ => false,
    }
}

/// Whether `e` is a `FlowInterruptedException` that is an actual interruption.
pub(crate) fn is_actual_interruption(e: &Value) -> bool {
    match e {
        Value::Object(o) => o
            .fields
            .borrow()
            .get(ACTUAL_FIELD)
            .is_some_and(Value::truthy),
        _ => false,
    }
}

/// The result a `FlowInterruptedException` carries, if `e` is one.
pub(crate) fn interruption_result(e: &Value) -> Option<BuildResult> {
    if !e.class_name().ends_with("FlowInterruptedException") {
        return None;
    }
    match e {
        Value::Object(o) => Some(
            o.fields
                .borrow()
                .get("result")
                .map_or(BuildResult::Aborted, |r| {
                    BuildResult::from_name(&r.to_display())
                }),
        ),
        _ => None,
    }
}

/// Milliseconds of `time` in `unit` (`SECONDS`, `MINUTES`, ...); `None` for an unknown unit.
pub(crate) fn millis(time: i64, unit: &str) -> Option<u64> {
    let factor: u64 = match unit.to_ascii_uppercase().as_str() {
        "NANOSECONDS" => return Some(u64::try_from(time / 1_000_000).unwrap_or(0)),
        "MICROSECONDS" => return Some(u64::try_from(time / 1000).unwrap_or(0)),
        "MILLISECONDS" => 1,
        "SECONDS" => 1000,
        "MINUTES" => 60_000,
        "HOURS" => 3_600_000,
        "DAYS" => 86_400_000,
        _ => return None,
    };
    Some(u64::try_from(time).unwrap_or(0).saturating_mul(factor))
}

/// A duration as Jenkins' `Util.getTimeSpanString` writes it: `5 min 0 sec` below ten of the
/// larger unit, `10 min` from ten on, `5 sec` for seconds.
pub(crate) fn time_span(millis: u64) -> String {
    let secs = millis / 1000;
    let (mins, hours, days) = (secs / 60, secs / 3600, secs / 86_400);
    let (months, years) = (days / 30, days / 365);
    let day_label = |n: u64| if n == 1 { "day" } else { "days" };
    let pair = |big: u64, big_label: &str, small: u64, small_label: &str| {
        if big < 10 {
            format!("{big} {big_label} {small} {small_label}")
        } else {
            format!("{big} {big_label}")
        }
    };
    if years > 0 {
        pair(years, "yr", months % 12, "mo")
    } else if months > 0 {
        pair(months, "mo", days % 30, day_label(days % 30))
    } else if days > 0 {
        pair(days, day_label(days), hours % 24, "hr")
    } else if hours > 0 {
        pair(hours, "hr", mins % 60, "min")
    } else if mins > 0 {
        pair(mins, "min", secs % 60, "sec")
    } else if secs >= 10 {
        format!("{secs} sec")
    } else if secs >= 1 {
        // Tenths shown, and `MessageFormat` drops a zero fraction: `5 sec`, `1.2 sec`.
        decimal_secs(secs * 10 + (millis % 1000) / 100, 10)
    } else if millis >= 100 {
        decimal_secs(millis / 10, 100)
    } else {
        format!("{millis} ms")
    }
}

/// `units / per` seconds written as Java's `NumberFormat` does: `0.25 sec`, `5 sec`.
fn decimal_secs(units: u64, per: u64) -> String {
    let whole = units / per;
    let fraction = units % per;
    if fraction == 0 {
        return format!("{whole} sec");
    }
    let digits = if per == 100 { 2 } else { 1 };
    let text = format!("{fraction:0digits$}");
    format!("{whole}.{} sec", text.trim_end_matches('0'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_spans_read_as_jenkins_writes_them() {
        assert_eq!(time_span(5 * 60_000), "5 min 0 sec");
        assert_eq!(time_span(10 * 60_000), "10 min");
        assert_eq!(time_span(5000), "5 sec");
        assert_eq!(time_span(1200), "1.2 sec");
        assert_eq!(time_span(250), "0.25 sec");
        assert_eq!(time_span(300), "0.3 sec");
        assert_eq!(time_span(50), "50 ms");
        assert_eq!(time_span(45_000), "45 sec");
        assert_eq!(time_span(90 * 60_000), "1 hr 30 min");
        assert_eq!(millis(2, "minutes"), Some(120_000));
    }
}
