//! Comparators for `sort`, `toSorted` and `unique`: closures (two-argument comparators or
//! one-argument keys), objects with a `compare` method, and `String.CASE_INSENSITIVE_ORDER`.

use std::cell::RefCell;
use std::cmp::Ordering;
use std::rc::Rc;

use crate::error::{Eval, Flow};
use crate::interp::Interpreter;
use crate::value::{Object, Value};

/// The class of `String.CASE_INSENSITIVE_ORDER`.
pub(crate) const CASE_INSENSITIVE: &str = "java.lang.String$CaseInsensitiveComparator";
/// The class of `Collections.reverseOrder()`.
pub(crate) const REVERSE: &str = "java.util.Collections$ReverseComparator";

/// A JDK comparator object of class `class` ([`CASE_INSENSITIVE`] or [`REVERSE`]).
pub(crate) fn jdk_comparator(class: &str) -> Value {
    Value::Object(Rc::new(Object {
        class: crate::classes::builtin(class),
        fields: RefCell::default(),
    }))
}

fn is_jdk_comparator(v: &Value, class: &str) -> bool {
    matches!(v, Value::Object(o) if &*o.class.name == class)
}

fn is_case_insensitive(v: &Value) -> bool {
    is_jdk_comparator(v, CASE_INSENSITIVE)
}

/// Whether `v` is a `java.util.Comparator` object (not a plain closure): a closure coerced to
/// `Comparator`, a script object with a `compare(a, b)` method, or a JDK comparator.
pub(crate) fn is_comparator_object(it: &Interpreter, v: &Value) -> bool {
    match v {
        Value::Closure(c) => super::is_proxy(c),
        Value::Object(o) => {
            is_case_insensitive(v)
                || is_jdk_comparator(v, REVERSE)
                || it
                    .find_class_method(&o.class, "compare", &[Value::Null, Value::Null])
                    .is_some()
        }
        _ => false,
    }
}

/// Whether `by` is a one-argument closure giving a sort key rather than a comparator.
pub(crate) fn is_key_closure(by: &Value) -> bool {
    matches!(by, Value::Closure(c)
        if c.code.params.as_ref().is_none_or(|p| p.len() != 2) && !super::is_proxy(c))
}

/// The GDK's default order (`NumberAwareComparator`): Groovy's `compareTo`, or for values it
/// cannot compare (lists, a string and a number) their hash codes.
pub(crate) fn number_aware(it: &mut Interpreter, a: &Value, b: &Value) -> Eval<Ordering> {
    match crate::ops::compare(it, a, b) {
        Err(Flow::Throw(e)) if is_incomparable(&e) => {
            match (
                crate::collections::java_hash(a),
                crate::collections::java_hash(b),
            ) {
                (Some(x), Some(y)) => Ok(x.cmp(&y)),
                _ => Err(Flow::Throw(e)),
            }
        }
        other => other,
    }
}

/// Whether exception `e` is what `compareTo` throws for values it cannot compare.
fn is_incomparable(e: &Value) -> bool {
    matches!(e, Value::Object(o) if matches!(
        &*o.class.name,
        "java.lang.ClassCastException" | "groovy.lang.GroovyRuntimeException"
    ))
}

/// The order of `a` and `b` by comparator (or key closure) `by`.
pub(crate) fn compare(it: &mut Interpreter, by: &Value, a: &Value, b: &Value) -> Eval<Ordering> {
    if is_case_insensitive(by) {
        let lower = |v: &Value| v.to_display().to_lowercase();
        return Ok(lower(a).encode_utf16().cmp(lower(b).encode_utf16()));
    }
    if is_jdk_comparator(by, REVERSE) {
        return Ok(crate::ops::compare(it, a, b)?.reverse());
    }
    match by {
        Value::Closure(c) if is_key_closure(by) => {
            let ka = it.call_closure(c, vec![a.clone()])?;
            let kb = it.call_closure(c, vec![b.clone()])?;
            number_aware(it, &ka, &kb)
        }
        Value::Closure(c) => {
            let r = it.call_closure(c, vec![a.clone(), b.clone()])?;
            comparison_result(it, r)
        }
        other => {
            let r = it.call_method(other, &Rc::from("compare"), vec![a.clone(), b.clone()])?;
            comparison_result(it, r)
        }
    }
}

/// A comparator's result as Java unboxes it to an `int`: a number's `intValue()` (0.5 is 0),
/// and a cast error for anything else (`{ a, b -> a > b }` gives a Boolean).
fn comparison_result(it: &mut Interpreter, r: Value) -> Eval<Ordering> {
    match crate::convert::coerce(it, r, "int", 0)? {
        Value::Num(n) => Ok(n.to_i32().cmp(&0)),
        _ => Ok(Ordering::Equal),
    }
}

/// `comparator.compare(a, b)` on `String.CASE_INSENSITIVE_ORDER`.
pub(crate) fn method(
    it: &mut Interpreter,
    target: &Value,
    name: &str,
    args: &[Value],
) -> Eval<Option<Value>> {
    Ok(match (name, args) {
        ("compare", [a, b])
            if is_case_insensitive(target) || is_jdk_comparator(target, REVERSE) =>
        {
            let sign = match compare(it, target, a, b)? {
                Ordering::Less => -1,
                Ordering::Equal => 0,
                Ordering::Greater => 1,
            };
            Some(Interpreter::int(sign))
        }
        _ => None,
    })
}
