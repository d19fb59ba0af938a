//! Java's iteration order of sets and maps: a `HashSet`'s or `HashMap`'s hash buckets, a
//! `TreeSet`'s or `TreeMap`'s sorted order, insertion order for the linked kinds; Java hash
//! codes; making sets and sorted or hashed maps.

use indexmap::IndexMap;

use crate::collections::{Tags, tag, tags};
use crate::error::Eval;
use crate::interp::Interpreter;
use crate::value::{Key, ListRef, Value};

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

/// A new map of Java class `class` (`java.util.TreeMap`, `java.util.HashMap`...) holding
/// `entries`, in that class's order.
pub fn new_map(
    it: &mut Interpreter,
    entries: IndexMap<Key, Value>,
    class: Option<&'static str>,
) -> Eval {
    let map = Value::map(entries);
    tag(&map, |t| t.class = class);
    arrange_keys(it, &map)?;
    Ok(map)
}

/// Puts map `v`'s entries in its class's iteration order: sorted keys for a `TreeMap`, hash
/// buckets for a `HashMap`, insertion order otherwise.
pub fn arrange_keys(it: &mut Interpreter, v: &Value) -> Eval<()> {
    let Value::Map(m) = v else { return Ok(()) };
    let tags = tags(v);
    let kind = if tags.sorted_keys() {
        SetKind::Tree
    } else if tags.class == Some("java.util.HashMap") {
        SetKind::Hash
    } else {
        return Ok(());
    };
    let mut keys: Vec<Value> = m.borrow().keys().map(|k| k.0.clone()).collect();
    let capacity = arrange(it, &mut keys, kind, capacity_of(&tags))?;
    tag(v, |t| t.capacity = capacity);
    let mut old = std::mem::take(&mut *m.borrow_mut());
    let mut next = IndexMap::with_capacity(old.len());
    for k in keys {
        let key = Key(k);
        if let Some(value) = old.swap_remove(&key) {
            next.insert(key, value);
        }
    }
    *m.borrow_mut() = next;
    Ok(())
}

/// The kind of set list `v` stands for, if any.
pub fn set_kind(v: &Value) -> Option<SetKind> {
    match v {
        Value::List(_) => tags(v).set,
        _ => None,
    }
}

/// A new set of `kind` holding `values`: duplicates (by Java `equals`) dropped, a `TreeSet`
/// sorted, a `HashSet` in the order of Java's default 16 buckets.
pub fn new_set(it: &mut Interpreter, values: Vec<Value>, kind: SetKind) -> Eval {
    new_sized_set(it, values, kind, DEFAULT_CAPACITY)
}

/// The bucket count of a `HashSet` or `HashMap` made without a size.
const DEFAULT_CAPACITY: usize = 16;

/// The bucket count a hash set or map in tags `tags` has.
fn capacity_of(tags: &Tags) -> usize {
    if tags.capacity == 0 {
        DEFAULT_CAPACITY
    } else {
        tags.capacity
    }
}

/// The table size Java's `new HashSet(c)` and `new HashMap(m)` choose for `len` elements:
/// room for them at a 3/4 load, 16 at least.
pub fn copy_capacity(len: usize) -> usize {
    (len * 4 / 3 + 1).max(DEFAULT_CAPACITY)
}

/// [`new_set`] with a `HashSet` table sized for `capacity` elements (`toSet()` sizes it for
/// the source's size, `new HashSet(c)` for `c.size() / .75 + 1`).
pub fn new_sized_set(
    it: &mut Interpreter,
    values: Vec<Value>,
    kind: SetKind,
    capacity: usize,
) -> Eval {
    let mut out = if kind == SetKind::Tree {
        // Sorted (stably), then of elements comparing equal the first added stays.
        let mut sorted = values;
        crate::builtins::sort_by(it, &mut sorted, natural_order)?;
        let mut kept: Vec<Value> = Vec::with_capacity(sorted.len());
        for v in sorted {
            let repeat = match kept.last() {
                Some(last) => natural_order(it, &v, last)? == std::cmp::Ordering::Equal,
                None => false,
            };
            if !repeat {
                kept.push(v);
            }
        }
        kept
    } else {
        distinct(it, values)?
    };
    let capacity = arrange(it, &mut out, kind, capacity)?;
    let set = Value::list(out);
    tag(&set, |t| {
        t.set = Some(kind);
        t.capacity = capacity;
    });
    Ok(set)
}

/// A collection like `source` holding `values`, as Groovy's `createSimilarCollection` makes
/// for `findAll` and `grep`: a set for a set (a `TreeSet` stays sorted), else a list.
pub fn similar_collection(it: &mut Interpreter, source: &Value, values: Vec<Value>) -> Eval {
    match set_kind(source) {
        Some(kind) => new_set(it, values, kind.similar()),
        None => Ok(Value::list(values)),
    }
}

/// Adds `v` to set `l` of `kind` unless present (sorted in for a `TreeSet`, into its bucket for
/// a `HashSet`); whether it was added.
pub fn set_add(it: &mut Interpreter, l: &ListRef, kind: SetKind, v: &Value) -> Eval<bool> {
    // A snapshot: comparing may run script code, which must not find the list borrowed.
    let current = l.borrow().clone();
    let capacity = capacity_of(&l.tags.borrow());
    match kind {
        SetKind::Tree => {
            // A TreeSet finds the place by comparing; comparing equal means present.
            let (mut left, mut right) = (0, current.len());
            while left < right {
                let middle = (left + right) / 2;
                match natural_order(it, v, &current[middle])? {
                    std::cmp::Ordering::Less => right = middle,
                    std::cmp::Ordering::Greater => left = middle + 1,
                    std::cmp::Ordering::Equal => return Ok(false),
                }
            }
            l.borrow_mut().insert(left, v.clone());
            Ok(true)
        }
        SetKind::Hash if (current.len() + 1) * 4 <= capacity * 3 => {
            let hashes: Option<Vec<i32>> = current.iter().map(java_hash).collect();
            let (Some(hashes), Some(h)) = (hashes, java_hash(v)) else {
                return add_and_arrange(it, l, current, kind, v);
            };
            for (x, hx) in current.iter().zip(&hashes) {
                if *hx == h && crate::ops::java_equals(it, x, v)? {
                    return Ok(false);
                }
            }
            // After the elements of its bucket and of the buckets before it.
            let mine = bucket(h, capacity);
            let at = hashes
                .iter()
                .rposition(|hx| bucket(*hx, capacity) <= mine)
                .map_or(0, |i| i + 1);
            l.borrow_mut().insert(at, v.clone());
            Ok(true)
        }
        _ => add_and_arrange(it, l, current, kind, v),
    }
}

/// Adds `v` to set `l` (whose elements are `current`) unless present, then puts the elements
/// in their kind's order.
fn add_and_arrange(
    it: &mut Interpreter,
    l: &ListRef,
    current: Vec<Value>,
    kind: SetKind,
    v: &Value,
) -> Eval<bool> {
    if contains(it, &current, v)? {
        return Ok(false);
    }
    let mut next = current;
    next.push(v.clone());
    if kind == SetKind::Linked {
        *l.borrow_mut() = next;
        return Ok(true);
    }
    let capacity = arrange(it, &mut next, kind, capacity_of(&l.tags.borrow()))?;
    *l.borrow_mut() = next;
    l.tags.borrow_mut().capacity = capacity;
    Ok(true)
}

/// Puts a set's elements in Java's iteration order: sorted for a `TreeSet`, by hash bucket for
/// a `HashSet` of strings, numbers, characters and booleans (stable: a bucket keeps the order
/// its elements were added in). The table has room for `capacity` elements and doubles past
/// 3/4 full; the bucket count it ends with is returned.
fn arrange(
    it: &mut Interpreter,
    values: &mut [Value],
    kind: SetKind,
    capacity: usize,
) -> Eval<usize> {
    let mut capacity = capacity.max(1).next_power_of_two();
    match kind {
        // Java compares the element being added with those already there, as `sort_by` does.
        SetKind::Tree => crate::builtins::sort_by(it, values, natural_order)?,
        SetKind::Hash => {
            while values.len() * 4 > capacity * 3 {
                capacity *= 2;
            }
            let hashes: Option<Vec<i32>> = values.iter().map(java_hash).collect();
            if let Some(hashes) = hashes {
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
        }
        SetKind::Linked => {}
    }
    Ok(capacity)
}

/// Java's natural order (`Comparable.compareTo`), which a `TreeSet` or `TreeMap` uses: unlike
/// Groovy's, it does not compare a String with a number, nor an Integer with a Long.
fn natural_order(it: &mut Interpreter, receiver: &Value, arg: &Value) -> Eval<std::cmp::Ordering> {
    let mismatched = match (receiver, arg) {
        (Value::Num(a), Value::Num(b)) => a.type_name() != b.type_name(),
        (Value::Num(_) | Value::Char(_) | Value::Bool(_), b) => {
            std::mem::discriminant(receiver) != std::mem::discriminant(b)
        }
        (a, b) if a.is_string() => !b.is_string(),
        _ => false,
    };
    if mismatched {
        return Err(crate::ops::incomparable(it, receiver, arg));
    }
    crate::ops::compare(it, receiver, arg)
}

/// Java's `HashMap` bucket of a hash code in a table of `capacity` (a power of two).
fn bucket(h: i32, capacity: usize) -> usize {
    let h = h.cast_unsigned();
    let spread = h ^ (h >> 16);
    usize::try_from(spread).unwrap_or(0) & (capacity - 1)
}

/// Java's `hashCode()` of a string, number, character, boolean, or a list, set or map of
/// those; `None` for other values, whose hash codes are identities.
pub fn java_hash(v: &Value) -> Option<i32> {
    match v {
        Value::Null => Some(0),
        Value::List(l) if set_kind(v).is_some() => l
            .borrow()
            .iter()
            .try_fold(0i32, |h, x| Some(h.wrapping_add(java_hash(x)?))),
        Value::List(l) => l.borrow().iter().try_fold(1i32, |h, x| {
            Some(h.wrapping_mul(31).wrapping_add(java_hash(x)?))
        }),
        Value::Map(m) => m.borrow().iter().try_fold(0i32, |h, (k, x)| {
            Some(h.wrapping_add(java_hash(&k.0)? ^ java_hash(x)?))
        }),
        Value::GString(_) => java_hash(&Value::Str(v.to_display().into())),
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

/// `values` without repeats (by Java `equals`), first occurrences in order; values with Java
/// hash codes are only compared with those of the same hash.
fn distinct(it: &mut Interpreter, values: Vec<Value>) -> Eval<Vec<Value>> {
    let mut out: Vec<Value> = Vec::with_capacity(values.len());
    let mut by_hash: std::collections::HashMap<i32, Vec<usize>> = Default::default();
    for v in values {
        let present = match java_hash(&v) {
            Some(h) => {
                let mut found = false;
                for &i in by_hash.get(&h).map(Vec::as_slice).unwrap_or_default() {
                    if crate::ops::java_equals(it, &out[i], &v)? {
                        found = true;
                        break;
                    }
                }
                if !found {
                    by_hash.entry(h).or_default().push(out.len());
                }
                found
            }
            None => contains(it, &out, &v)?,
        };
        if !present {
            out.push(v);
        }
    }
    Ok(out)
}

fn contains(it: &mut Interpreter, values: &[Value], v: &Value) -> Eval<bool> {
    for x in values {
        if crate::ops::java_equals(it, x, v)? {
            return Ok(true);
        }
    }
    Ok(false)
}
