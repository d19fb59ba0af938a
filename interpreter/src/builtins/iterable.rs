//! GDK methods shared by everything iterable (lists, ranges, strings as lists of characters).

use std::rc::Rc;

use indexmap::IndexMap;

use crate::error::Eval;
use crate::interp::Interpreter;
use crate::ops;
use crate::value::{Closure, Key, Value};

/// Calls `c` with one element (a map entry is spread over two parameters when it takes two).
pub(crate) fn call1(it: &mut Interpreter, c: &Rc<Closure>, item: &Value) -> Eval {
    if let Some((k, v)) = super::entry_parts(item)
        && c.code.params.as_ref().is_some_and(|p| p.len() == 2)
    {
        return it.call_closure(c, vec![k, v]);
    }
    it.call_closure(c, vec![item.clone()])
}

/// Methods on an iterable `target` whose elements are `items`.
pub(crate) fn method(
    it: &mut Interpreter,
    target: &Value,
    name: &str,
    args: &[Value],
) -> Eval<Option<Value>> {
    let items = it.iterate(target)?;
    let closure = match args.last() {
        Some(Value::Closure(c)) => Some(c.clone()),
        _ => None,
    };
    Ok(Some(match (name, args, closure) {
        ("each", [_], Some(c)) => {
            for i in &items {
                call1(it, &c, i)?;
            }
            target.clone()
        }
        ("eachWithIndex", [_], Some(c)) => {
            for (n, i) in items.iter().enumerate() {
                let index = crate::collections::int_value(i64::try_from(n).unwrap_or(0));
                match super::entry_parts(i) {
                    Some((k, v)) if c.code.params.as_ref().is_some_and(|p| p.len() == 3) => {
                        it.call_closure(&c, vec![k, v, index])?
                    }
                    _ => it.call_closure(&c, vec![i.clone(), index])?,
                };
            }
            target.clone()
        }
        ("collect", [_], Some(c)) => {
            let mut out = Vec::with_capacity(items.len());
            for i in &items {
                out.push(call1(it, &c, i)?);
            }
            Value::list(out)
        }
        ("collect", [], None) => Value::list(items),
        ("collect", [into, _], Some(c)) => {
            let mut out = Vec::with_capacity(items.len());
            for i in &items {
                out.push(call1(it, &c, i)?);
            }
            add_all(it, into, out)?
        }
        ("collectMany", [_], Some(c)) => {
            let mut out = Vec::new();
            for i in &items {
                let r = call1(it, &c, i)?;
                out.extend(it.iterate(&r)?);
            }
            Value::list(out)
        }
        ("collectEntries", [_], Some(c)) => {
            let mut out = IndexMap::new();
            for i in &items {
                let r = call1(it, &c, i)?;
                add_entries(it, &mut out, &r)?;
            }
            Value::map(out)
        }
        ("collectEntries", [], None) => {
            let mut out = IndexMap::new();
            for i in &items {
                add_entries(it, &mut out, i)?;
            }
            Value::map(out)
        }
        ("findAll", [_], Some(c)) => {
            let mut out = Vec::new();
            for i in &items {
                if call1(it, &c, i)?.truthy() {
                    out.push(i.clone());
                }
            }
            crate::collections::similar_collection(it, target, out)?
        }
        ("findAll", [], None) => {
            let mut out = Vec::new();
            for i in items {
                if it.truth(&i)? {
                    out.push(i);
                }
            }
            crate::collections::similar_collection(it, target, out)?
        }
        ("find", [_], Some(c)) => {
            for i in &items {
                if call1(it, &c, i)?.truthy() {
                    return Ok(Some(i.clone()));
                }
            }
            Value::Null
        }
        ("findResult", [_], Some(c)) => {
            for i in &items {
                let r = call1(it, &c, i)?;
                if !matches!(r, Value::Null) {
                    return Ok(Some(r));
                }
            }
            Value::Null
        }
        ("findIndexOf" | "findLastIndexOf", [_], Some(c)) => {
            let mut found = -1;
            for (n, i) in items.iter().enumerate() {
                if call1(it, &c, i)?.truthy() {
                    found = i64::try_from(n).unwrap_or(-1);
                    if name == "findIndexOf" {
                        break;
                    }
                }
            }
            crate::collections::int_value(found)
        }
        ("any", [_], Some(c)) => {
            for i in &items {
                if call1(it, &c, i)?.truthy() {
                    return Ok(Some(Value::Bool(true)));
                }
            }
            Value::Bool(false)
        }
        ("any", [], None) => {
            for i in &items {
                if it.truth(i)? {
                    return Ok(Some(Value::Bool(true)));
                }
            }
            Value::Bool(false)
        }
        ("every", [_], Some(c)) => {
            for i in &items {
                if !call1(it, &c, i)?.truthy() {
                    return Ok(Some(Value::Bool(false)));
                }
            }
            Value::Bool(true)
        }
        ("every", [], None) => {
            for i in &items {
                if !it.truth(i)? {
                    return Ok(Some(Value::Bool(false)));
                }
            }
            Value::Bool(true)
        }
        ("count", [_], Some(c)) => {
            let mut n = 0;
            for i in &items {
                if call1(it, &c, i)?.truthy() {
                    n += 1;
                }
            }
            Interpreter::int(n)
        }
        ("count", [x], None) => {
            let mut n = 0;
            for i in &items {
                if ops::equals(it, i, x)? {
                    n += 1;
                }
            }
            Interpreter::int(n)
        }
        ("inject", [init, _], Some(c)) => {
            let mut acc = init.clone();
            for i in &items {
                acc = inject_step(it, &c, acc, i)?;
            }
            acc
        }
        ("inject", [_], Some(c)) => {
            let mut iter = items.into_iter();
            let mut acc = iter.next().unwrap_or_default();
            for i in iter {
                acc = inject_step(it, &c, acc, &i)?;
            }
            acc
        }
        ("sum", [], None) => sum(it, items, None)?,
        ("sum", [init], None) => sum(it, items, Some(init.clone()))?,
        ("sum", [init, _], Some(c)) => {
            let mut mapped = Vec::new();
            for i in &items {
                mapped.push(call1(it, &c, i)?);
            }
            sum(it, mapped, Some(init.clone()))?
        }
        ("sum", [_], Some(c)) => {
            let mut mapped = Vec::new();
            for i in &items {
                mapped.push(call1(it, &c, i)?);
            }
            sum(it, mapped, None)?
        }
        ("join", [], None) => Value::Str(join(it, &items, "")?.into()),
        ("join", [sep], None) => {
            let sep = it.to_string_value(sep)?;
            Value::Str(join(it, &items, &sep)?.into())
        }
        ("max" | "min", [], None) => extreme(it, items, name == "max", None)?,
        ("max" | "min", [by], _)
            if matches!(by, Value::Closure(_))
                || super::comparator::is_comparator_object(it, by) =>
        {
            extreme(it, items, name == "max", Some(by))?
        }
        ("groupBy", [_], Some(c)) => {
            let mut out: IndexMap<Key, Value> = IndexMap::new();
            for i in &items {
                let k = call1(it, &c, i)?;
                if let Value::List(l) = out.entry(Key(k)).or_insert_with(|| Value::list(Vec::new()))
                {
                    l.borrow_mut().push(i.clone())
                }
            }
            Value::map(out)
        }
        ("countBy", [_], Some(c)) => {
            let mut out: IndexMap<Key, Value> = IndexMap::new();
            for i in &items {
                let k = call1(it, &c, i)?;
                let slot = out.entry(Key(k)).or_insert(Interpreter::int(0));
                *slot = Interpreter::int(
                    i32::try_from(slot.as_i64().unwrap_or(0) + 1).unwrap_or(i32::MAX),
                );
            }
            Value::map(out)
        }
        ("toList", [], None) => Value::list(items),
        ("asList", [], None) => Value::list(items),
        ("toSet", [], None) | ("unique", [], None) if !matches!(target, Value::List(_)) => {
            crate::convert::coerce(it, Value::list(items), "Set", 0)?
        }
        ("withIndex" | "indexed", [], None) => indexed(items, 0, name == "indexed"),
        ("withIndex" | "indexed", [offset], None) if offset.as_i64().is_some() => {
            indexed(items, offset.as_i64().unwrap_or(0), name == "indexed")
        }
        _ => return Ok(None),
    }))
}

/// `withIndex(offset)` (`[item, index]` pairs) or `indexed(offset)` (an index-to-item map).
fn indexed(items: Vec<Value>, offset: i64, as_map: bool) -> Value {
    let numbered = items.into_iter().enumerate().map(|(n, i)| {
        let index = i64::try_from(n).unwrap_or(0).saturating_add(offset);
        (crate::collections::int_value(index), i)
    });
    if as_map {
        Value::map(numbered.map(|(n, i)| (Key(n), i)).collect())
    } else {
        Value::list(numbered.map(|(n, i)| Value::list(vec![i, n])).collect())
    }
}

/// One `inject` step: a map entry is spread over a three-parameter closure.
fn inject_step(it: &mut Interpreter, c: &Rc<Closure>, acc: Value, item: &Value) -> Eval {
    if let Some((k, v)) = super::entry_parts(item)
        && c.code.params.as_ref().is_some_and(|p| p.len() == 3)
    {
        return it.call_closure(c, vec![acc, k, v]);
    }
    it.call_closure(c, vec![acc, item.clone()])
}

/// Adds `values` to the collection `into` (as `collect(into) {}` does) and returns it.
fn add_all(it: &mut Interpreter, into: &Value, values: Vec<Value>) -> Eval {
    for v in values {
        it.call_method(into, &Rc::from("add"), vec![v])?;
    }
    Ok(into.clone())
}

fn add_entries(it: &mut Interpreter, out: &mut IndexMap<Key, Value>, r: &Value) -> Eval<()> {
    match r {
        Value::Map(m) => {
            for (k, v) in m.borrow().iter() {
                out.insert(k.clone(), v.clone());
            }
        }
        Value::List(l) => {
            let pair = l.borrow().clone();
            out.insert(
                Key(pair.first().cloned().unwrap_or_default()),
                pair.get(1).cloned().unwrap_or_default(),
            );
        }
        other => {
            if let Some((k, v)) = super::entry_parts(other) {
                out.insert(Key(k), v);
            } else {
                return Err(it.exception(
                    "java.lang.ClassCastException",
                    "collectEntries needs a [key, value] list or a map",
                ));
            }
        }
    }
    Ok(())
}

fn sum(it: &mut Interpreter, items: Vec<Value>, init: Option<Value>) -> Eval {
    let mut iter = items.into_iter();
    let mut acc = match init {
        Some(i) => i,
        None => match iter.next() {
            Some(first) => first,
            None => return Ok(Value::Null),
        },
    };
    for i in iter {
        acc = ops::binary(it, jenkins_harness_grammar::ast::BinaryOp::Add, &acc, &i)?;
    }
    Ok(acc)
}

/// `join`: elements' `toString` separated by `sep`.
pub(crate) fn join(it: &mut Interpreter, items: &[Value], sep: &str) -> Eval<String> {
    let mut parts = Vec::with_capacity(items.len());
    for i in items {
        parts.push(it.to_string_value(i)?);
    }
    Ok(parts.join(sep))
}

fn extreme(it: &mut Interpreter, items: Vec<Value>, max: bool, by: Option<&Value>) -> Eval {
    let key_closure = by.filter(|b| super::comparator::is_key_closure(b));
    let comparator = by.filter(|b| !super::comparator::is_key_closure(b));
    let mut best: Option<(Value, Value)> = None;
    for i in items {
        let key = match key_closure {
            Some(Value::Closure(c)) => it.call_closure(c, vec![i.clone()])?,
            _ => i.clone(),
        };
        let better = match &best {
            None => true,
            Some((b, k)) => {
                let ord = match comparator {
                    Some(c) => super::comparator::compare(it, c, &i, b)?,
                    None => ops::compare(it, &key, k)?,
                };
                if max {
                    ord == std::cmp::Ordering::Greater
                } else {
                    ord == std::cmp::Ordering::Less
                }
            }
        };
        if better {
            best = Some((i, key));
        }
    }
    Ok(best.map(|(v, _)| v).unwrap_or_default())
}
