//! `java.util.Collections`' and `java.util.Objects`' static methods, and the Java 8 default methods of lists and maps
//! scripts call (`removeIf`, `forEach`, `computeIfAbsent`, `putIfAbsent`, `merge`).

use indexmap::IndexMap;

use crate::collections::{SetKind, Tags, items, map_get, map_put, new_set, tag, unsupported};
use crate::error::{Eval, Flow};
use crate::interp::Interpreter;
use crate::value::{Key, Value};

/// `Collections.name(args)`; `Ok(None)` when there is no such method.
pub(crate) fn collections_static(
    it: &mut Interpreter,
    name: &str,
    args: &[Value],
) -> Eval<Option<Value>> {
    Ok(Some(match (name, args) {
        ("emptyList", []) => read_only(Value::list(Vec::new())),
        ("emptyMap", []) => read_only(Value::map(IndexMap::new())),
        ("emptySet", []) => read_only(new_set(it, Vec::new(), SetKind::Linked)?),
        ("singletonList" | "singleton", [x]) => {
            let list = Value::list(vec![x.clone()]);
            if name == "singleton" {
                crate::collections::tag(&list, |t| t.set = Some(SetKind::Linked));
            }
            read_only(list)
        }
        ("singletonMap", [k, v]) => {
            let mut entries = IndexMap::new();
            entries.insert(Key(k.clone()), v.clone());
            read_only(Value::map(entries))
        }
        ("nCopies", [n, x]) => {
            let n = usize::try_from(n.as_i64().unwrap_or(0))
                .unwrap_or(0)
                .min(1 << 20);
            read_only(Value::list(vec![x.clone(); n]))
        }
        ("sort", [l]) | ("sort", [l, _]) => {
            // Java's `Collections.sort` sorts in place and returns nothing.
            let by: Vec<Value> = args[1..].to_vec();
            super::list::method(it, l, "sort", &by)?;
            Value::Null
        }
        ("reverse", [Value::List(l)]) => {
            l.borrow_mut().reverse();
            Value::Null
        }
        ("max" | "min", [c]) => {
            let values = Value::list(it.iterate(c)?);
            return super::method(it, &values, name, &[]);
        }
        ("frequency", [c, x]) => {
            let mut n = 0;
            for v in it.iterate(c)? {
                if crate::ops::java_equals(it, &v, x)? {
                    n += 1;
                }
            }
            crate::collections::int_value(n)
        }
        (
            "unmodifiableList"
            | "unmodifiableCollection"
            | "unmodifiableSet"
            | "unmodifiableMap"
            | "unmodifiableSortedSet"
            | "unmodifiableSortedMap",
            [c],
        ) => return super::method(it, c, "asImmutable", &[]),
        ("synchronizedList" | "synchronizedMap" | "synchronizedSet", [c]) => c.clone(),
        ("reverseOrder", []) => super::comparator::jdk_comparator(super::comparator::REVERSE),
        _ => return Ok(None),
    }))
}

/// `Objects.name(args)`; `Ok(None)` when there is no such method.
pub(crate) fn objects_static(
    it: &mut Interpreter,
    name: &str,
    args: &[Value],
) -> Eval<Option<Value>> {
    Ok(Some(match (name, args) {
        ("equals", [a, b]) => Value::Bool(crate::ops::java_equals(it, a, b)?),
        ("isNull", [x]) => Value::Bool(matches!(x, Value::Null)),
        ("nonNull", [x]) => Value::Bool(!matches!(x, Value::Null)),
        ("toString", [Value::Null, default]) => default.clone(),
        ("toString", [x] | [x, _]) => Value::Str(it.to_string_value(x)?.into()),
        ("hashCode", [x]) => Interpreter::int(crate::collections::java_hash(x).unwrap_or(0)),
        ("hash", values) => {
            let list = Value::list(values.to_vec());
            Interpreter::int(crate::collections::java_hash(&list).unwrap_or(0))
        }
        ("requireNonNull", [Value::Null, rest @ ..]) => {
            let message = match rest.first() {
                Some(m) => Some(it.to_string_value(m)?),
                None => None,
            };
            return Err(Flow::Throw(crate::classes::new_exception(
                "java.lang.NullPointerException",
                message.as_deref(),
            )));
        }
        ("requireNonNull", [x, ..]) => x.clone(),
        _ => return Ok(None),
    }))
}

/// `v` made read-only, as the `Collections.empty*` and `singleton*` results are.
fn read_only(v: Value) -> Value {
    tag(&v, |t: &mut Tags| t.immutable = true);
    v
}

/// `list.removeIf {}` and `list.forEach {}`; `Ok(None)` for other methods.
pub(crate) fn list_default_method(
    it: &mut Interpreter,
    target: &Value,
    name: &str,
    args: &[Value],
) -> Eval<Option<Value>> {
    let (Value::List(l), [Value::Closure(c)]) = (target, args) else {
        return Ok(None);
    };
    Ok(Some(match name {
        "removeIf" => {
            if crate::collections::is_immutable(target) {
                return Err(unsupported());
            }
            let mut kept = Vec::new();
            let mut removed = false;
            for v in items(target) {
                if it.call_closure(c, vec![v.clone()])?.truthy() {
                    removed = true;
                } else {
                    kept.push(v);
                }
            }
            *l.borrow_mut() = kept;
            Value::Bool(removed)
        }
        "forEach" => {
            for v in items(target) {
                it.call_closure(c, vec![v])?;
            }
            Value::Null
        }
        _ => return Ok(None),
    }))
}

/// Java 8 map methods: `forEach`, `computeIfAbsent`, `putIfAbsent`, `merge`.
pub(crate) fn map_default_method(
    it: &mut Interpreter,
    target: &Value,
    name: &str,
    args: &[Value],
) -> Eval<Option<Value>> {
    let Value::Map(m) = target else {
        return Ok(None);
    };
    let present = |k: &Value| m.borrow().get(&Key(k.clone())).cloned();
    Ok(Some(match (name, args) {
        ("forEach", [Value::Closure(c)]) => {
            let entries: Vec<(Value, Value)> = m
                .borrow()
                .iter()
                .map(|(k, v)| (k.0.clone(), v.clone()))
                .collect();
            for (k, v) in entries {
                it.call_closure(c, vec![k, v])?;
            }
            Value::Null
        }
        ("computeIfAbsent", [k, Value::Closure(c)]) => match present(k) {
            Some(v) if !matches!(v, Value::Null) => v,
            _ => {
                let v = it.call_closure(c, vec![k.clone()])?;
                if !matches!(v, Value::Null) {
                    map_put(it, target, Key(k.clone()), v.clone())?;
                }
                v
            }
        },
        ("putIfAbsent", [k, v]) => match present(k) {
            Some(old) if !matches!(old, Value::Null) => old,
            _ => {
                map_put(it, target, Key(k.clone()), v.clone())?;
                Value::Null
            }
        },
        ("merge", [k, v, Value::Closure(c)]) => {
            let merged = match map_get(it, target, Key(k.clone()))? {
                Value::Null => v.clone(),
                old => it.call_closure(c, vec![old, v.clone()])?,
            };
            if matches!(merged, Value::Null) {
                m.borrow_mut().shift_remove(&Key(k.clone()));
            } else {
                map_put(it, target, Key(k.clone()), merged.clone())?;
            }
            merged
        }
        _ => return Ok(None),
    }))
}
