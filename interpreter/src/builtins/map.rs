//! GDK methods of maps (Groovy's LinkedHashMap).

use indexmap::IndexMap;

use crate::collections::int_value;
use crate::error::Eval;
use crate::interp::Interpreter;
use crate::value::{Key, Value};

use super::iterable::call1;

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
    let entries: Vec<(Key, Value)> = m
        .borrow()
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let key = |v: &Value| match v {
        Value::GString(_) => Key(Value::Str(v.to_display().into())),
        other => Key(other.clone()),
    };
    Ok(Some(match (name, args) {
        ("size", []) => int_value(i64::try_from(entries.len()).unwrap_or(0)),
        ("isEmpty", []) => Value::Bool(entries.is_empty()),
        ("get", [k]) => m.borrow().get(&Key(k.clone())).cloned().unwrap_or_default(),
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
        ("getAt", [k]) => m.borrow().get(&key(k)).cloned().unwrap_or_default(),
        ("put" | "putAt", [k, v]) => m.borrow_mut().insert(key(k), v.clone()).unwrap_or_default(),
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
        ("keySet", []) => Value::list(entries.iter().map(|(k, _)| k.0.clone()).collect()),
        ("values", []) => Value::list(entries.iter().map(|(_, v)| v.clone()).collect()),
        ("entrySet", []) => Value::list(
            entries
                .iter()
                .map(|(k, v)| super::entry(k.0.clone(), v.clone()))
                .collect(),
        ),
        ("findAll", [Value::Closure(c)]) => {
            let mut out = IndexMap::new();
            for (k, v) in entries {
                if call1(it, c, &super::entry(k.0.clone(), v.clone()))?.truthy() {
                    out.insert(k, v);
                }
            }
            Value::map(out)
        }
        ("collectEntries", [Value::Closure(_)])
        | ("collect", [Value::Closure(_)])
        | ("each", [Value::Closure(_)]) => {
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
                    super::list::sort_values(it, &mut keys)?;
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
        ("withDefault", [Value::Closure(_)]) => target.clone(),
        ("asImmutable", []) => target.clone(),
        _ => return Ok(None),
    }))
}
