//! Helpers shared by list, range and map code: materialising ranges, Java-style indexing.

use crate::number::Number;
use crate::value::Value;

/// The elements of a list, range or other iterable value, as a new vector.
pub fn items(value: &Value) -> Vec<Value> {
    match value {
        Value::List(l) => l.borrow().clone(),
        Value::Range(_) => range_items(value),
        Value::Map(m) => m.borrow().values().cloned().collect(),
        Value::Str(s) => s
            .chars()
            .map(|c| Value::Str(c.to_string().into()))
            .collect(),
        Value::GString(_) => items(&Value::Str(value.to_display().into())),
        Value::Null => Vec::new(),
        other => vec![other.clone()],
    }
}

/// The elements of a range: integers (either direction) or one-character strings.
pub fn range_items(value: &Value) -> Vec<Value> {
    let Value::Range(r) = value else {
        return Vec::new();
    };
    match (&r.from, &r.to) {
        (Value::Num(a), Value::Num(b)) => {
            let (a, b) = (a.to_i64(), b.to_i64());
            let mut out = Vec::new();
            if a <= b {
                let end = if r.exclusive { b - 1 } else { b };
                let mut i = a;
                while i <= end && out.len() < 10_000_000 {
                    out.push(int_value(i));
                    i += 1;
                }
            } else {
                let end = if r.exclusive { b + 1 } else { b };
                let mut i = a;
                while i >= end && out.len() < 10_000_000 {
                    out.push(int_value(i));
                    i -= 1;
                }
            }
            out
        }
        (from, to) if from.is_string() && to.is_string() => {
            let (a, b) = (from.to_display(), to.to_display());
            let (Some(a), Some(b)) = (a.chars().next(), b.chars().next()) else {
                return Vec::new();
            };
            let (lo, hi) = (a as u32, b as u32);
            let mut codes: Vec<u32> = if lo <= hi {
                (lo..=hi).collect()
            } else {
                (hi..=lo).rev().collect()
            };
            if r.exclusive {
                codes.pop();
            }
            codes
                .into_iter()
                .filter_map(char::from_u32)
                .map(|c| Value::Str(c.to_string().into()))
                .collect()
        }
        _ => Vec::new(),
    }
}

/// An Integer value, or a Long beyond Integer's range.
pub fn int_value(i: i64) -> Value {
    match i32::try_from(i) {
        Ok(n) => Value::Num(Number::Integer(n)),
        Err(_) => Value::Num(Number::Long(i)),
    }
}

/// A Groovy index (negative counts from the end) into a collection of `len` items.
pub fn normalize_index(index: i64, len: usize) -> Option<usize> {
    let len = i64::try_from(len).ok()?;
    let i = if index < 0 { index + len } else { index };
    usize::try_from(i).ok()
}
