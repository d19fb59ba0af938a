//! Helpers shared by list, range and map code: materialising ranges, Java-style indexing and
//! `putAt`, the tags lists and maps carry (read-only, `withDefault`, set, array, class), and
//! map reads and writes that honour them.

use std::rc::Rc;

pub use crate::java_order::{
    SetKind, arrange_keys, copy_capacity, java_hash, new_map, new_set, new_sized_set, set_add,
    set_kind, similar_collection,
};

use crate::error::{Eval, Flow};
use crate::interp::Interpreter;
use crate::number::Number;
use crate::value::{Closure, Key, ListRef, MapRef, Value};

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
        other => crate::builtins::remaining(other).unwrap_or_else(|| vec![other.clone()]),
    }
}

/// The elements of a range: integers (either direction) or one-character strings.
pub fn range_items(value: &Value) -> Vec<Value> {
    let Value::Range(r) = value else {
        return Vec::new();
    };
    match (&r.from, &r.to) {
        (Value::Num(a), Value::Num(b)) if !a.is_integral() || !b.is_integral() => {
            decimal_range_items(a, b, r.exclusive)
        }
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

/// The elements of an `ObjectRange` of decimals (`0.5..3.5`): `from`, `from + 1`, ... up to
/// `to` (down when `to` is smaller).
fn decimal_range_items(from: &Number, to: &Number, exclusive: bool) -> Vec<Value> {
    let up = from.compare(to) != std::cmp::Ordering::Greater;
    let mut out = Vec::new();
    let mut x = from.clone();
    while out.len() < 10_000_000 {
        let ord = x.compare(to);
        let past = if up {
            ord == std::cmp::Ordering::Greater
        } else {
            ord == std::cmp::Ordering::Less
        };
        if past || (exclusive && ord == std::cmp::Ordering::Equal) {
            break;
        }
        let step = if up { x.next() } else { x.previous() };
        out.push(Value::Num(x));
        match step {
            Ok(next) => x = next,
            Err(_) => break,
        }
    }
    out
}

/// The numbers a numeric range runs through, in order, without listing them (a `for` loop
/// over `0..<1000000` needs no million-element list); `None` for other ranges. At most ten
/// million, a harness bound on runaway ranges.
pub fn range_numbers(r: &crate::value::Range) -> Option<impl Iterator<Item = i64> + use<>> {
    let (Value::Num(a), Value::Num(b)) = (&r.from, &r.to) else {
        return None;
    };
    if !a.is_integral() || !b.is_integral() {
        return None;
    }
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
    /// The element type of a Java array a list stands for (`int`, `java.lang.String`).
    pub array: Option<Rc<str>>,
    /// For `list.subList(from, to)`: the list it is a view of and where it starts there, to
    /// write `sub[i] = v` and `sub.clear()` through.
    pub view_of: Option<(ListRef, usize)>,
    /// The bucket count of a `HashSet` or `HashMap` (0 before one is chosen), which with
    /// the hash codes gives its iteration order.
    pub capacity: usize,
    /// For `map.keySet()`, `values()`, `entrySet()`: the map the list shows part of, which
    /// loses the entries removed from the list.
    pub map_view: Option<(MapRef, ViewKind)>,
    /// Another class than `ArrayList` / `LinkedHashMap` with the same behaviour but for order:
    /// `LinkedList`; `TreeMap` and `LazyMap` (sorted keys), `HashMap` (hash order).
    pub class: Option<&'static str>,
}

/// Which part of its map a map view (`keySet()`, `values()`, `entrySet()`) shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ViewKind {
    /// `keySet()`.
    Keys,
    /// `values()`.
    Values,
    /// `entrySet()`.
    Entries,
}

impl Tags {
    /// Whether map keys are kept sorted (`TreeMap`; the JSON slurper's `LazyMap`, which is
    /// backed by a `TreeMap` on the JDKs Groovy 2.4 does not recognise).
    pub fn sorted_keys(&self) -> bool {
        matches!(
            self.class,
            Some("java.util.TreeMap" | "groovy.json.internal.LazyMap")
        )
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
    let key = stored_key(it, target, key)?;
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
/// `asImmutable()` map, keeps a `TreeMap`'s keys sorted.
pub fn map_put(it: &mut Interpreter, target: &Value, key: Key, v: Value) -> Eval {
    let Value::Map(m) = target else {
        return Ok(Value::Null);
    };
    let tags = tags(target);
    if tags.immutable {
        return Err(unsupported());
    }
    let key = stored_key(it, target, key)?;
    let previous = m.borrow_mut().insert(key, v);
    if previous.is_none() && tags.class.is_some() {
        arrange_keys(it, target)?;
    }
    Ok(previous.unwrap_or_default())
}

/// The key of map `target` equal to `key`: itself, or for an object of a script class with
/// its own `equals`, the stored key that method finds equal.
fn stored_key(it: &mut Interpreter, target: &Value, key: Key) -> Eval<Key> {
    let Value::Map(m) = target else {
        return Ok(key);
    };
    let own_equals = match &key.0 {
        Value::Object(o) => it
            .find_class_method(&o.class, "equals", &[Value::Null])
            .is_some(),
        _ => false,
    };
    if !own_equals || m.borrow().contains_key(&key) {
        return Ok(key);
    }
    let candidates: Vec<Key> = m
        .borrow()
        .keys()
        .filter(|k| matches!(k.0, Value::Object(_)))
        .cloned()
        .collect();
    for k in candidates {
        if crate::ops::equals(it, &key.0, &k.0)? {
            return Ok(k);
        }
    }
    Ok(key)
}

/// The Java class of a list or map its tags give another class than `ArrayList` /
/// `LinkedHashMap` (a set, an array, an `asImmutable()` view, a `TreeMap`...).
pub fn tagged_class_name(v: &Value) -> Option<Rc<str>> {
    let tags = match v {
        Value::List(l) => l.tags.borrow(),
        Value::Map(m) => m.tags.borrow(),
        _ => return None,
    };
    if let Some(element) = &tags.array {
        return Some(crate::arrays::class_name(element).into());
    }
    let name = match (v, tags.immutable, tags.set) {
        (Value::Map(_), true, _) => "java.util.Collections$UnmodifiableMap",
        (Value::Map(_), false, _) if tags.default.is_some() => "groovy.lang.MapWithDefault",
        (Value::List(_), true, Some(_)) => "java.util.Collections$UnmodifiableSet",
        (Value::List(_), true, None) => "java.util.Collections$UnmodifiableRandomAccessList",
        (Value::List(_), false, Some(kind)) => tags.class.unwrap_or(kind.class_name()),
        _ => tags.class?,
    };
    Some(name.into())
}

/// `list[index] = v` (`putAt`): an index past the end pads with nulls, a negative one counts
/// from the end; a range index replaces those elements with `v`'s (or with `v`).
pub fn list_put_at(it: &mut Interpreter, target: &Value, index: &Value, v: Value) -> Eval<()> {
    let Value::List(l) = target else {
        return Ok(());
    };
    if is_immutable(target) {
        return Err(unsupported());
    }
    let len = l.borrow().len();
    if let Value::Range(r) = index
        && let (Some(from), Some(to)) = (r.from.as_i64(), r.to.as_i64())
    {
        let (Some(from), Some(to)) = (normalize_index(from, len), normalize_index(to, len)) else {
            return Err(index_error(
                it,
                r.from.as_i64().unwrap_or(0).min(r.to.as_i64().unwrap_or(0)),
                len,
            ));
        };
        let (from, to) = (from.min(to), from.max(to));
        let end = if r.exclusive { to } else { to + 1 };
        let replacement = match &v {
            Value::List(_) | Value::Range(_) => items(&v),
            other => vec![other.clone()],
        };
        let mut list = l.borrow_mut();
        if list.len() < end {
            list.resize(end, Value::Null);
        }
        list.splice(from..end, replacement);
        return Ok(());
    }
    let Some(i) = index.as_i64() else {
        return Err(it.missing_method(target, "putAt", &[index.clone(), v]));
    };
    let Some(at) = normalize_index(i, len) else {
        return Err(index_error(it, i, len));
    };
    if at >= len && tags(target).array.is_some() {
        // Arrays do not grow.
        return Err(crate::arrays::out_of_bounds(it, i, len));
    }
    {
        let mut list = l.borrow_mut();
        if at >= list.len() {
            list.resize(at + 1, Value::Null);
        }
        list[at] = v.clone();
    }
    if let Some((parent, start)) = tags(target).view_of
        && at < len
        && let Some(slot) = parent.borrow_mut().get_mut(start + at)
    {
        *slot = v;
    }
    Ok(())
}

fn index_error(it: &Interpreter, i: i64, len: usize) -> Flow {
    it.exception(
        "java.lang.IndexOutOfBoundsException",
        &format!("Negative array index [{i}] too large for array size {len}"),
    )
}
