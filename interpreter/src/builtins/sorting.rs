//! Ordering and de-duplicating list elements: `sort` with comparators or key closures,
//! `unique`, `collate`.

use std::cmp::Ordering;

use crate::error::Eval;
use crate::interp::Interpreter;
use crate::ops;
use crate::value::Value;

/// `collate(size, step, keepRemainder)`: windows of `size` elements starting every `step`.
pub(super) fn collate(elements: &[Value], size: i64, step: i64, keep: bool) -> Value {
    let size = usize::try_from(size).unwrap_or(0).max(1);
    let step = usize::try_from(step).unwrap_or(0).max(1);
    let windows = (0..elements.len())
        .step_by(step)
        .map(|start| &elements[start..(start + size).min(elements.len())])
        .filter(|w| keep || w.len() == size)
        .map(|w| Value::list(w.to_vec()))
        .collect();
    Value::list(windows)
}

/// Sorts values in place by Groovy's ordering (stable, as Java's).
pub(crate) fn sort_values(it: &mut Interpreter, values: &mut [Value]) -> Eval<()> {
    sort_by(it, values, ops::compare)
}

pub(crate) fn sort_by(
    it: &mut Interpreter,
    values: &mut [Value],
    mut cmp: impl FnMut(&mut Interpreter, &Value, &Value) -> Eval<Ordering>,
) -> Eval<()> {
    merge_sort(it, values, &mut cmp)
}

/// Short runs are sorted by binary insertion, as Java's `TimSort` does.
const INSERTION_RUN: usize = 32;

/// A stable merge sort that stops at the comparator's first error; it calls the comparator
/// with the element being placed first, as Java does (`compare(pivot, a[mid])`).
fn merge_sort(
    it: &mut Interpreter,
    values: &mut [Value],
    cmp: &mut impl FnMut(&mut Interpreter, &Value, &Value) -> Eval<Ordering>,
) -> Eval<()> {
    if values.len() < INSERTION_RUN {
        return binary_insertion_sort(it, values, cmp);
    }
    let middle = values.len() / 2;
    merge_sort(it, &mut values[..middle], cmp)?;
    merge_sort(it, &mut values[middle..], cmp)?;
    let (left, right) = values.split_at(middle);
    let (mut l, mut r) = (0, 0);
    let mut merged = Vec::with_capacity(values.len());
    while l < left.len() && r < right.len() {
        // Equal elements keep their order: the left one goes first.
        if cmp(it, &right[r], &left[l])? == Ordering::Less {
            merged.push(right[r].clone());
            r += 1;
        } else {
            merged.push(left[l].clone());
            l += 1;
        }
    }
    merged.extend_from_slice(&left[l..]);
    merged.extend_from_slice(&right[r..]);
    values.clone_from_slice(&merged);
    Ok(())
}

fn binary_insertion_sort(
    it: &mut Interpreter,
    values: &mut [Value],
    cmp: &mut impl FnMut(&mut Interpreter, &Value, &Value) -> Eval<Ordering>,
) -> Eval<()> {
    for start in 1..values.len() {
        let (mut left, mut right) = (0, start);
        while left < right {
            let middle = (left + right) / 2;
            if cmp(it, &values[start], &values[middle])? == Ordering::Less {
                right = middle;
            } else {
                left = middle + 1;
            }
        }
        values[left..=start].rotate_right(1);
    }
    Ok(())
}

/// Sorts by comparator or key closure `by`.
pub(super) fn sort_with(it: &mut Interpreter, values: &mut [Value], by: &Value) -> Eval<()> {
    sort_by(it, values, |it, a, b| {
        super::comparator::compare(it, by, a, b)
    })
}

/// The elements without repeats: equal by `==`, by a key closure's result, or by a
/// comparator's zero.
pub(super) fn unique(
    it: &mut Interpreter,
    values: Vec<Value>,
    by: Option<&Value>,
) -> Eval<Vec<Value>> {
    let mut out: Vec<Value> = Vec::new();
    let mut keys: Vec<Value> = Vec::new();
    for v in values {
        let key = match by {
            Some(Value::Closure(c))
                if super::comparator::is_key_closure(&Value::Closure(c.clone())) =>
            {
                it.call_closure(c, vec![v.clone()])?
            }
            _ => v.clone(),
        };
        let mut seen = false;
        for k in &keys {
            let same = match by {
                Some(c) if !super::comparator::is_key_closure(c) => {
                    super::comparator::compare(it, c, k, &key)? == Ordering::Equal
                }
                _ => ops::equals(it, k, &key)?,
            };
            if same {
                seen = true;
                break;
            }
        }
        if !seen {
            keys.push(key);
            out.push(v);
        }
    }
    Ok(out)
}

/// The `(mutate, comparator)` of `sort`/`unique` arguments: `()`, `(by)`, `(boolean)`,
/// `(boolean, by)`, where `by` is a closure or comparator; `None` for other arguments.
pub(super) fn sort_args(it: &Interpreter, args: &[Value]) -> Option<(bool, Option<Value>)> {
    let by = |v: &Value| {
        matches!(v, Value::Closure(_)) || super::comparator::is_comparator_object(it, v)
    };
    match args {
        [] => Some((true, None)),
        [c] if by(c) => Some((true, Some(c.clone()))),
        [Value::Bool(b)] => Some((*b, None)),
        [Value::Bool(b), c] if by(c) => Some((*b, Some(c.clone()))),
        _ => None,
    }
}
