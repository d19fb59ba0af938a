//! GDK methods of maps (Groovy's LinkedHashMap).

use indexmap::IndexMap;

use crate::collections::{ViewKind, int_value, is_immutable, map_get, map_put, tag, unsupported};
use crate::error::{Eval, Flow};
use crate::interp::Interpreter;
use crate::value::{Key, Value};

use super::iterable::call1;

/// The methods that change a map (refused by `asImmutable()` maps).
const MUTATORS: &[&str] = &["put", "putAt", "putAll", "remove", "clear"];

/// Methods of maps; iteration methods see `Map.Entry` values.
pub(crate) fn method(
    it: &mut Interpreter,
    target: &Value,
    name: &str,
    args: &[Value],
) -> Eval<Option<Value>> {
    let Value::Map(m) = target else {
        return Ok(None);
    };
    if let Some(v) = super::java_util::map_default_method(it, target, name, args)? {
        return Ok(Some(v));
    }
    let entries: Vec<(Key, Value)> = m
        .borrow()
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let key = |v: &Value| match v {
        Value::GString(_) => Key(Value::Str(v.to_display().into())),
        other => Key(other.clone()),
    };
    if is_immutable(target) && MUTATORS.contains(&name) {
        return Err(unsupported());
    }
    Ok(Some(match (name, args) {
        // `SortedMap` methods of a `TreeMap`.
        ("firstKey" | "lastKey" | "firstEntry" | "lastEntry", [])
            if crate::collections::tags(target).sorted_keys() =>
        {
            let picked = if name.starts_with("first") {
                entries.first()
            } else {
                entries.last()
            };
            match (picked, name.ends_with("Key")) {
                (Some((k, _)), true) => k.0.clone(),
                (Some((k, v)), false) => super::entry(k.0.clone(), v.clone()),
                (None, true) => {
                    return Err(Flow::Throw(crate::classes::new_exception(
                        "java.util.NoSuchElementException",
                        None,
                    )));
                }
                (None, false) => Value::Null,
            }
        }
        ("size", []) => int_value(i64::try_from(entries.len()).unwrap_or(0)),
        ("isEmpty", []) => Value::Bool(entries.is_empty()),
        ("get", [k]) => map_get(it, target, Key(k.clone()))?,
        ("get", [k, default]) => {
            let k = key(k);
            let existing = m.borrow().get(&k).cloned();
            match existing {
                Some(v) => v,
                None => {
                    m.borrow_mut().insert(k, default.clone());
                    default.clone()
                }
            }
        }
        ("getAt", [k]) => map_get(it, target, key(k))?,
        ("put" | "putAt", [k, v]) => map_put(it, target, key(k), v.clone())?,
        ("putAll", [Value::Map(other)]) => {
            let more: Vec<(Key, Value)> = other
                .borrow()
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            m.borrow_mut().extend(more);
            Value::Null
        }
        ("remove", [k]) => m.borrow_mut().shift_remove(&key(k)).unwrap_or_default(),
        ("clear", []) => {
            m.borrow_mut().clear();
            Value::Null
        }
        ("containsKey", [k]) => Value::Bool(m.borrow().contains_key(&Key(k.clone()))),
        ("containsValue", [v]) => {
            let mut found = false;
            for (_, x) in &entries {
                if crate::ops::equals(it, x, v)? {
                    found = true;
                    break;
                }
            }
            Value::Bool(found)
        }
        ("keySet", []) => super::map_views::view(m, ViewKind::Keys),
        ("values", []) => super::map_views::view(m, ViewKind::Values),
        ("entrySet", []) => super::map_views::view(m, ViewKind::Entries),
        ("findAll", [Value::Closure(c)]) => {
            let mut out = IndexMap::new();
            for (k, v) in entries {
                if call1(it, c, &super::entry(k.0.clone(), v.clone()))?.truthy() {
                    out.insert(k, v);
                }
            }
            Value::map(out)
        }
        ("each", [Value::Closure(c)]) => {
            let total = entries.len();
            for (n, (k, v)) in entries.into_iter().enumerate() {
                call_with_entry(it, m, c, k, v)?;
                check_unmodified(m, total, n)?;
            }
            target.clone()
        }
        ("eachWithIndex", [Value::Closure(c)]) => {
            let total = entries.len();
            for (n, (k, v)) in entries.into_iter().enumerate() {
                let index = int_value(i64::try_from(n).unwrap_or(0));
                each_with_index_entry(it, m, c, k, v, index)?;
                check_unmodified(m, total, n)?;
            }
            target.clone()
        }
        ("take" | "drop", [n]) if n.as_i64().is_some() => {
            let n = usize::try_from(n.as_i64().unwrap_or(0)).unwrap_or(0);
            let picked: IndexMap<Key, Value> = if name == "take" {
                entries.into_iter().take(n).collect()
            } else {
                entries.into_iter().skip(n).collect()
            };
            Value::map(picked)
        }
        ("getOrDefault", [k, default]) => m
            .borrow()
            .get(&Key(k.clone()))
            .cloned()
            .unwrap_or_else(|| default.clone()),
        ("groupBy", [Value::Closure(c)]) => {
            let mut out: IndexMap<Key, Value> = IndexMap::new();
            for (k, v) in entries {
                let group = call1(it, c, &super::entry(k.0.clone(), v.clone()))?;
                if let Value::Map(g) = out
                    .entry(Key(group))
                    .or_insert_with(|| Value::map(IndexMap::new()))
                {
                    g.borrow_mut().insert(k, v);
                }
            }
            Value::map(out)
        }
        ("collectEntries", [Value::Closure(_)]) | ("collect", [Value::Closure(_)]) => {
            return super::iterable::method(it, target, name, args);
        }
        ("subMap", [keys]) => {
            let mut out = IndexMap::new();
            for k in crate::collections::items(keys) {
                let k = Key(k);
                if let Some(v) = m.borrow().get(&k) {
                    out.insert(k, v.clone());
                }
            }
            Value::map(out)
        }
        ("plus", [Value::Map(other)]) => {
            let mut out: IndexMap<Key, Value> = entries.into_iter().collect();
            for (k, v) in other.borrow().iter() {
                out.insert(k.clone(), v.clone());
            }
            Value::map(out)
        }
        ("minus", [Value::Map(other)]) => {
            let other = other.borrow();
            let mut out = IndexMap::new();
            for (k, v) in entries {
                let same = match other.get(&k) {
                    Some(w) => crate::ops::equals(it, &v, w)?,
                    None => false,
                };
                if !same {
                    out.insert(k, v);
                }
            }
            Value::map(out)
        }
        ("sort", []) | ("sort", [Value::Closure(_)]) => {
            let mut list: Vec<Value> = entries
                .iter()
                .map(|(k, v)| super::entry(k.0.clone(), v.clone()))
                .collect();
            match args.first() {
                Some(Value::Closure(c)) if c.code.params.as_ref().is_some_and(|p| p.len() == 2) => {
                    let c = c.clone();
                    let sorted =
                        super::list::method(it, &Value::list(list), "sort", &[Value::Closure(c)])?;
                    list = crate::collections::items(&sorted.unwrap_or_default());
                }
                Some(Value::Closure(c)) => {
                    let sorted = super::list::method(
                        it,
                        &Value::list(list),
                        "sort",
                        &[Value::Closure(c.clone())],
                    )?;
                    list = crate::collections::items(&sorted.unwrap_or_default());
                }
                _ => {
                    let mut keys: Vec<Value> = entries.iter().map(|(k, _)| k.0.clone()).collect();
                    super::sorting::sort_values(it, &mut keys)?;
                    list = keys
                        .into_iter()
                        .map(|k| {
                            let v = m.borrow().get(&Key(k.clone())).cloned().unwrap_or_default();
                            super::entry(k, v)
                        })
                        .collect();
                }
            }
            let mut out = IndexMap::new();
            for e in list {
                if let Some((k, v)) = super::entry_parts(&e) {
                    out.insert(Key(k), v);
                }
            }
            Value::map(out)
        }
        ("withDefault", [Value::Closure(c)]) => {
            // Java wraps the map in a view that fills missing keys; here the map itself does.
            tag(target, |t| t.default = Some(c.clone()));
            target.clone()
        }
        ("asImmutable", []) => {
            // Java wraps the map in a read-only view; a read-only copy is the closest here.
            let copy = Value::map(entries.into_iter().collect());
            tag(&copy, |t| t.immutable = true);
            copy
        }
        _ => return Ok(None),
    }))
}

/// Calls `c` for one entry of `m` (spread over two parameters when it takes two); a value the
/// closure sets on the entry (`it.value = x`) is written back to the map, as Java's live
/// `Map.Entry` does.
fn call_with_entry(
    it: &mut Interpreter,
    m: &crate::value::MapRef,
    c: &std::rc::Rc<crate::value::Closure>,
    k: Key,
    v: Value,
) -> Eval<Value> {
    let entry = super::entry(k.0.clone(), v.clone());
    let result = call1(it, c, &entry)?;
    write_back(m, &entry, k, &v);
    Ok(result)
}

/// `eachWithIndex` on one entry: `(entry, index)` or `(key, value, index)`; a value set on the
/// entry is written back.
fn each_with_index_entry(
    it: &mut Interpreter,
    m: &crate::value::MapRef,
    c: &std::rc::Rc<crate::value::Closure>,
    k: Key,
    v: Value,
    index: Value,
) -> Eval<()> {
    if c.code.params.as_ref().is_some_and(|p| p.len() == 3) {
        it.call_closure(c, vec![k.0.clone(), v, index])?;
        return Ok(());
    }
    let entry = super::entry(k.0.clone(), v.clone());
    it.call_closure(c, vec![entry.clone(), index])?;
    write_back(m, &entry, k, &v);
    Ok(())
}

/// Stores in `m` a value the script set on `entry` (`it.value = x`), as Java's live
/// `Map.Entry` does.
fn write_back(m: &crate::value::MapRef, entry: &Value, k: Key, before: &Value) {
    if let Some((_, now)) = super::entry_parts(entry)
        && !now.same(before)
        && let Some(slot) = m.borrow_mut().get_mut(&k)
    {
        *slot = now;
    }
}

/// Java's iterator check after visiting entry `done` of `total`: a map that gained or lost
/// entries throws `ConcurrentModificationException` when the iteration goes on.
fn check_unmodified(m: &crate::value::MapRef, total: usize, done: usize) -> Eval<()> {
    if done + 1 < total && m.borrow().len() != total {
        return Err(crate::error::Flow::Throw(crate::classes::new_exception(
            "java.util.ConcurrentModificationException",
            None,
        )));
    }
    Ok(())
}
