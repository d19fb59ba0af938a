//! Helpers shared by list, range and map code: materialising ranges, Java-style indexing.

use std::cell::RefCell;
use std::rc::Rc;

use crate::error::{Eval, Flow};
use crate::interp::Interpreter;
use crate::number::Number;
use crate::value::{Closure, Key, ListRef, Value};

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
        (Value::Num(_), Value::Num(_)) => range_numbers(r)
            .into_iter()
            .flatten()
            .map(int_value)
            .collect(),
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

/// The numbers a numeric range runs through, in order, without listing them (a `for` loop
/// over `0..<1000000` needs no million-element list); `None` for other ranges. At most ten
/// million, a harness bound on runaway ranges.
pub fn range_numbers(r: &crate::value::Range) -> Option<impl Iterator<Item = i64> + use<>> {
    let (Value::Num(a), Value::Num(b)) = (&r.from, &r.to) else {
        return None;
    };
    let (first, to) = (a.to_i64(), b.to_i64());
    let step: i64 = if first <= to { 1 } else { -1 };
    // Counted in i128: `to - step` and the span may leave i64 at its ends.
    let last = i128::from(to) - if r.exclusive { i128::from(step) } else { 0 };
    let count = ((last - i128::from(first)) * i128::from(step) + 1).clamp(0, 10_000_000);
    let count = i64::try_from(count).unwrap_or_default();
    // When there are numbers, each lies between `first` and `last`: within i64.
    Some((0..count).map(move |k| first + step * k))
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

/// What `asImmutable()` and `withDefault {}` add to a list or map. Java gives them wrapper
/// classes; here the shared vector or map stays the same and carries these facts.
#[derive(Clone, Debug, Default)]
pub struct Tags {
    /// `asImmutable()`: changes throw `UnsupportedOperationException`.
    pub immutable: bool,
    /// `withDefault { key -> value }`: what a missing key's lookup stores and returns.
    pub default: Option<Rc<Closure>>,
    /// The `java.util.Set` a list stands for: no duplicates, and sorted for a `TreeSet`.
    pub set: Option<SetKind>,
}

/// Which `java.util.Set` a list stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SetKind {
    /// `HashSet` (`toSet()`); kept in insertion order here.
    Hash,
    /// `LinkedHashSet` (`as Set`): insertion order.
    Linked,
    /// `TreeSet`: natural order.
    Tree,
}

impl SetKind {
    /// The Java class name.
    pub fn class_name(self) -> &'static str {
        match self {
            SetKind::Hash => "java.util.HashSet",
            SetKind::Linked => "java.util.LinkedHashSet",
            SetKind::Tree => "java.util.TreeSet",
        }
    }

    /// The kind of set `x as name` / `new name(x)` builds (`Set` gives a `LinkedHashSet`).
    pub fn named(name: &str) -> Option<SetKind> {
        match name.rsplit('.').next().unwrap_or(name) {
            "Set" | "LinkedHashSet" => Some(SetKind::Linked),
            "HashSet" => Some(SetKind::Hash),
            "TreeSet" | "SortedSet" | "NavigableSet" => Some(SetKind::Tree),
            _ => None,
        }
    }

    /// The kind of set Groovy builds from one of this kind (`plus`, `minus`, `flatten`):
    /// a `TreeSet` stays sorted, any other becomes a `LinkedHashSet`.
    pub fn similar(self) -> SetKind {
        match self {
            SetKind::Tree => SetKind::Tree,
            _ => SetKind::Linked,
        }
    }
}

/// The tags of list or map `v` (default tags for anything else).
pub fn tags(v: &Value) -> Tags {
    match v {
        Value::List(l) => l.tags.borrow().clone(),
        Value::Map(m) => m.tags.borrow().clone(),
        _ => Tags::default(),
    }
}

/// Updates the tags of list or map `v` with `change` (ignored for other values).
pub fn tag(v: &Value, change: impl FnOnce(&mut Tags)) {
    match v {
        Value::List(l) => change(&mut l.tags.borrow_mut()),
        Value::Map(m) => change(&mut m.tags.borrow_mut()),
        _ => {}
    }
}

/// Whether `v` is a list or map made read-only by `asImmutable()`.
pub fn is_immutable(v: &Value) -> bool {
    matches!(v, Value::List(_) | Value::Map(_)) && tags(v).immutable
}

/// Java's `UnsupportedOperationException` (null message): changing an `asImmutable()` value.
pub fn unsupported() -> Flow {
    Flow::Throw(crate::classes::new_exception(
        "java.lang.UnsupportedOperationException",
        None,
    ))
}

/// `map.get(key)` / `map[key]` / `map.key`: the value, or for a `withDefault` map the default,
/// which is stored under the key. Null for a missing key otherwise (and for non-maps).
pub fn map_get(it: &mut Interpreter, target: &Value, key: Key) -> Eval {
    let Value::Map(m) = target else {
        return Ok(Value::Null);
    };
    if let Some(v) = m.borrow().get(&key) {
        return Ok(v.clone());
    }
    let Some(init) = tags(target).default else {
        return Ok(Value::Null);
    };
    let v = it.call_closure(&init, vec![key.0.clone()])?;
    m.borrow_mut().insert(key, v.clone());
    Ok(v)
}

/// `map.put(key, v)` / `map[key] = v` / `map.key = v`: the previous value; throws for an
/// `asImmutable()` map.
pub fn map_put(target: &Value, key: Key, v: Value) -> Eval {
    let Value::Map(m) = target else {
        return Ok(Value::Null);
    };
    if is_immutable(target) {
        return Err(unsupported());
    }
    Ok(m.borrow_mut().insert(key, v).unwrap_or_default())
}

/// The kind of set list `v` stands for, if any.
pub fn set_kind(v: &Value) -> Option<SetKind> {
    match v {
        Value::List(_) => tags(v).set,
        _ => None,
    }
}

/// A new set of `kind` holding `values`: duplicates (by Java `equals`) dropped, a `TreeSet`
/// sorted.
pub fn new_set(it: &mut Interpreter, values: Vec<Value>, kind: SetKind) -> Eval {
    let sized_for = values.len();
    let mut out: Vec<Value> = Vec::with_capacity(values.len());
    for v in values {
        if !contains(it, &out, &v)? {
            out.push(v);
        }
    }
    arrange(it, &mut out, kind, sized_for)?;
    let set = Value::list(out);
    tag(&set, |t| t.set = Some(kind));
    Ok(set)
}

/// Adds `v` to set `l` of `kind` unless present (sorted in for a `TreeSet`); whether it was
/// added.
pub fn set_add(it: &mut Interpreter, l: &ListRef, kind: SetKind, v: &Value) -> Eval<bool> {
    let current = l.borrow().clone();
    if contains(it, &current, v)? {
        return Ok(false);
    }
    let mut next = current;
    next.push(v.clone());
    let len = next.len();
    arrange(it, &mut next, kind, len)?;
    *l.borrow_mut() = next;
    Ok(true)
}

/// Puts a set's elements in Java's iteration order: sorted for a `TreeSet`, by hash bucket for
/// a `HashSet` of strings, numbers, characters and booleans (stable: a bucket keeps the order
/// its elements were added in).
fn arrange(
    it: &mut Interpreter,
    values: &mut [Value],
    kind: SetKind,
    sized_for: usize,
) -> Eval<()> {
    match kind {
        SetKind::Tree => crate::builtins::sort_values(it, values),
        SetKind::Hash => {
            let hashes: Option<Vec<i32>> = values.iter().map(java_hash).collect();
            if let Some(hashes) = hashes {
                // `toSet()` sizes its table for the source's `sized_for` elements; the table
                // doubles past 3/4 full.
                let mut capacity = sized_for.max(1).next_power_of_two();
                while values.len() * 4 > capacity * 3 {
                    capacity *= 2;
                }
                let mut order: Vec<(usize, Value)> = hashes
                    .iter()
                    .zip(values.iter())
                    .map(|(h, v)| (bucket(*h, capacity), v.clone()))
                    .collect();
                order.sort_by_key(|(b, _)| *b);
                for (slot, (_, v)) in values.iter_mut().zip(order) {
                    *slot = v;
                }
            }
            Ok(())
        }
        SetKind::Linked => Ok(()),
    }
}

/// Java's `HashMap` bucket of a hash code in a table of `capacity` (a power of two).
fn bucket(h: i32, capacity: usize) -> usize {
    let h = h.cast_unsigned();
    let spread = h ^ (h >> 16);
    usize::try_from(spread).unwrap_or(0) & (capacity - 1)
}

/// Java's `hashCode()` of a string, number, character or boolean.
fn java_hash(v: &Value) -> Option<i32> {
    match v {
        Value::Num(n) => Some(n.java_hash_code()),
        Value::Str(s) => Some(
            s.encode_utf16()
                .fold(0i32, |h, c| h.wrapping_mul(31).wrapping_add(i32::from(c))),
        ),
        Value::Char(c) => u32::from(*c).try_into().ok(),
        Value::Bool(b) => Some(if *b { 1231 } else { 1237 }),
        _ => None,
    }
}

fn contains(it: &mut Interpreter, values: &[Value], v: &Value) -> Eval<bool> {
    for x in values {
        if crate::ops::java_equals(it, x, v)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// The Java class of a list or map its tags give another class than `ArrayList` /
/// `LinkedHashMap` (a set, an `asImmutable()` view), for `getClass()`.
pub fn tagged_class_name(v: &Value) -> Option<&'static str> {
    if !matches!(v, Value::List(_) | Value::Map(_)) {
        return None;
    }
    let tags = tags(v);
    match (v, tags.immutable, tags.set) {
        (Value::Map(_), true, _) => Some("java.util.Collections$UnmodifiableMap"),
        (Value::List(_), true, Some(_)) => Some("java.util.Collections$UnmodifiableSet"),
        (Value::List(_), true, None) => Some("java.util.Collections$UnmodifiableRandomAccessList"),
        (Value::List(_), false, Some(kind)) => Some(kind.class_name()),
        _ => None,
    }
}

/// `getClass()` of a list or map whose tags give it its own class (see [`tagged_class_name`]).
pub fn tagged_class(it: &Interpreter, v: &Value) -> Option<Value> {
    let name = tagged_class_name(v)?;
    let class = it.class_named(name).unwrap_or_else(|| {
        Rc::new(crate::value::Class {
            name: name.into(),
            parent: Some(crate::classes::builtin("java.lang.Object")),
            decl: None,
            statics: RefCell::default(),
        })
    });
    Some(Value::Class(class))
}
