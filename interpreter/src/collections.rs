//! Helpers shared by list, range and map code: materialising ranges, Java-style indexing.

use std::rc::Rc;

use indexmap::IndexMap;

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
    let (first, to) = (i128::from(a.to_i64()), i128::from(b.to_i64()));
    let step: i128 = if first <= to { 1 } else { -1 };
    let last = if r.exclusive { to - step } else { to };
    let count = ((last - first) * step + 1).clamp(0, 10_000_000);
    // `first + step * k` stays between `first` and `last`, both within i64.
    Some((0..count).map(move |k| i64::try_from(first + step * k).unwrap_or_default()))
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
    /// Another class than `ArrayList` / `LinkedHashMap` with the same behaviour but for order:
    /// `LinkedList`; `TreeMap` and `LazyMap` (sorted keys), `HashMap` (hash order).
    pub class: Option<&'static str>,
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

/// [`new_set`] with a `HashSet` table sized for `capacity` elements (`toSet()` sizes it for
/// the source's size, `new HashSet(c)` for `c.size() / .75 + 1`).
pub fn new_sized_set(
    it: &mut Interpreter,
    values: Vec<Value>,
    kind: SetKind,
    capacity: usize,
) -> Eval {
    let mut out: Vec<Value> = Vec::with_capacity(values.len());
    for v in values {
        if !contains(it, &out, &v)? {
            out.push(v);
        }
    }
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

/// Adds `v` to set `l` of `kind` unless present (sorted in for a `TreeSet`); whether it was
/// added.
pub fn set_add(it: &mut Interpreter, l: &ListRef, kind: SetKind, v: &Value) -> Eval<bool> {
    let current = l.borrow().clone();
    if contains(it, &current, v)? {
        return Ok(false);
    }
    let mut next = current;
    next.push(v.clone());
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
        SetKind::Tree => crate::builtins::sort_values(it, values)?,
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

fn contains(it: &mut Interpreter, values: &[Value], v: &Value) -> Eval<bool> {
    for x in values {
        if crate::ops::java_equals(it, x, v)? {
            return Ok(true);
        }
    }
    Ok(false)
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
        (Value::List(_), true, Some(_)) => "java.util.Collections$UnmodifiableSet",
        (Value::List(_), true, None) => "java.util.Collections$UnmodifiableRandomAccessList",
        (Value::List(_), false, Some(kind)) => kind.class_name(),
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
        return Err(it.exception(
            "java.lang.ArrayIndexOutOfBoundsException",
            &format!("Index {i} out of bounds for length {len}"),
        ));
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
