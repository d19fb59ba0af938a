//! GDK methods of lists and ranges.

use jenkins_harness_grammar::ast::BinaryOp;

use crate::collections::{
    SetKind, int_value, is_immutable, items, new_set, normalize_index, set_add, set_kind, tag,
    unsupported,
};
use crate::error::Eval;
use crate::interp::Interpreter;
use crate::ops;
use crate::value::Value;

use super::list_ops::{get_at, list_operator};
use super::sorting::{collate, sort_args, sort_by, sort_with, unique};

/// Methods of lists and ranges.
pub(crate) fn method(
    it: &mut Interpreter,
    target: &Value,
    name: &str,
    args: &[Value],
) -> Eval<Option<Value>> {
    let result = list_method(it, target, name, args)?;
    if result.is_some() && super::map_views::removes_from_view(target, name) {
        super::map_views::sync_map(it, target)?;
    }
    Ok(result)
}

fn list_method(
    it: &mut Interpreter,
    target: &Value,
    name: &str,
    args: &[Value],
) -> Eval<Option<Value>> {
    if let Some(v) = super::deque::method(target, name, args)? {
        return Ok(Some(v));
    }
    if let Some(v) = super::java_util::list_default_method(it, target, name, args)? {
        return Ok(Some(v));
    }
    // The list these methods may change: none for ranges and `asImmutable()` lists.
    let list = match target {
        Value::List(l) if !is_immutable(target) => Some(l.clone()),
        _ => None,
    };
    let elements = items(target);
    let len = elements.len();
    let closure = match args.last() {
        Some(Value::Closure(c)) => Some(c.clone()),
        _ => None,
    };
    let empty_error = |it: &Interpreter, what: &str| {
        it.exception(
            "java.util.NoSuchElementException",
            &format!("Cannot access {what}() element from an empty List"),
        )
    };
    Ok(Some(match (name, args) {
        ("size", []) => int_value(i64::try_from(len).unwrap_or(0)),
        ("isEmpty", []) => Value::Bool(len == 0),
        ("contains", [x]) => {
            if let (Value::Range(_), Value::Num(_)) = (target, x) {
                Value::Bool(ops::is_case(it, target, x)?)
            } else {
                let mut found = false;
                for e in &elements {
                    if ops::java_equals(it, e, x)? {
                        found = true;
                        break;
                    }
                }
                Value::Bool(found)
            }
        }
        ("containsAll", [other]) => {
            let wanted = items(other);
            let mut all = true;
            for w in &wanted {
                let mut found = false;
                for e in &elements {
                    if ops::equals(it, e, w)? {
                        found = true;
                        break;
                    }
                }
                all &= found;
            }
            Value::Bool(all)
        }
        ("get", [i]) if matches!(target, Value::List(_)) && i.as_i64().is_some() => {
            // Java's `List.get`: no negative indices, no null past the end.
            let i = i.as_i64().unwrap_or(0);
            match usize::try_from(i).ok().and_then(|a| elements.get(a)) {
                Some(v) => v.clone(),
                None => {
                    return Err(it.exception(
                        "java.lang.IndexOutOfBoundsException",
                        &format!("Index {i} out of bounds for length {len}"),
                    ));
                }
            }
        }
        ("get" | "getAt", [i]) => get_at(it, target, i)?,
        ("first" | "head", []) => elements
            .first()
            .cloned()
            .ok_or_else(|| empty_error(it, "first"))?,
        ("last", []) => elements
            .last()
            .cloned()
            .ok_or_else(|| empty_error(it, "last"))?,
        ("first", [n]) | ("take", [n]) => Value::list(
            elements
                .into_iter()
                .take(usize::try_from(n.as_i64().unwrap_or(0)).unwrap_or(0))
                .collect(),
        ),
        ("last" | "takeRight", [n]) => {
            let n = usize::try_from(n.as_i64().unwrap_or(0)).unwrap_or(0);
            Value::list(elements[len.saturating_sub(n)..].to_vec())
        }
        ("dropRight", [n]) => {
            let n = usize::try_from(n.as_i64().unwrap_or(0)).unwrap_or(0);
            Value::list(elements[..len.saturating_sub(n)].to_vec())
        }
        ("drop", [n]) => Value::list(
            elements
                .into_iter()
                .skip(usize::try_from(n.as_i64().unwrap_or(0)).unwrap_or(0))
                .collect(),
        ),
        ("tail", []) => {
            if len == 0 {
                return Err(it.exception(
                    "java.util.NoSuchElementException",
                    "Cannot access tail() for an empty iterable",
                ));
            }
            Value::list(elements[1..].to_vec())
        }
        ("init", []) => Value::list(elements[..len.saturating_sub(1)].to_vec()),
        ("takeWhile" | "dropWhile", [Value::Closure(c)]) => {
            let mut n = 0;
            while n < len && it.call_closure(c, vec![elements[n].clone()])?.truthy() {
                n += 1;
            }
            Value::list(if name == "takeWhile" {
                elements[..n].to_vec()
            } else {
                elements[n..].to_vec()
            })
        }
        // An array's reverse is an `Object[]`.
        ("reverse", []) if crate::arrays::element_of(target).is_some() => {
            crate::arrays::array_of("Object", elements.into_iter().rev().collect())
        }
        ("reverse", []) => Value::list(elements.into_iter().rev().collect()),
        ("add" | "leftShift", [x]) => {
            let Some(l) = &list else {
                return Err(unsupported());
            };
            let added = match set_kind(target) {
                Some(kind) => set_add(it, l, kind, x)?,
                None => {
                    l.borrow_mut().push(x.clone());
                    true
                }
            };
            if name == "add" {
                Value::Bool(added)
            } else {
                target.clone()
            }
        }
        ("add", [i, x]) => {
            let Some(l) = &list else {
                return Err(unsupported());
            };
            let at = usize::try_from(i.as_i64().unwrap_or(0))
                .unwrap_or(0)
                .min(len);
            l.borrow_mut().insert(at, x.clone());
            Value::Null
        }
        ("addAll", [xs]) => {
            let Some(l) = &list else {
                return Err(unsupported());
            };
            let more = items(xs);
            match set_kind(target) {
                Some(kind) => {
                    let mut changed = false;
                    for x in &more {
                        changed |= set_add(it, l, kind, x)?;
                    }
                    Value::Bool(changed)
                }
                None => {
                    let changed = !more.is_empty();
                    l.borrow_mut().extend(more);
                    Value::Bool(changed)
                }
            }
        }
        ("remove", [x]) => {
            let Some(l) = &list else {
                return Err(unsupported());
            };
            // `remove(int)` unless the list is a set or a map's `values()` (collections without
            // indices), or the argument is cast to `Object`.
            let by_value = set_kind(target).is_some()
                || crate::collections::tags(target).map_view.is_some()
                || crate::call::arg_cast_type(0, 1).is_some_and(|t| &*t == "Object");
            if matches!(x, Value::Num(_)) && !by_value {
                let i = x.as_i64().unwrap_or(0);
                match normalize_index(i, len).filter(|&a| a < len) {
                    Some(a) => l.borrow_mut().remove(a),
                    None => {
                        return Err(it.exception(
                            "java.lang.IndexOutOfBoundsException",
                            &format!("Index {i} out of bounds for length {len}"),
                        ));
                    }
                }
            } else {
                let mut at = None;
                for (n, e) in elements.iter().enumerate() {
                    if ops::equals(it, e, x)? {
                        at = Some(n);
                        break;
                    }
                }
                match at {
                    Some(n) => {
                        l.borrow_mut().remove(n);
                        Value::Bool(true)
                    }
                    None => Value::Bool(false),
                }
            }
        }
        ("removeAll" | "retainAll", [x]) => {
            let Some(l) = &list else {
                return Err(unsupported());
            };
            let others = match x {
                Value::Closure(_) => Vec::new(),
                other => items(other),
            };
            let mut kept = Vec::new();
            for e in &elements {
                let hit = match x {
                    Value::Closure(c) => it.call_closure(c, vec![e.clone()])?.truthy(),
                    _ => {
                        let mut found = false;
                        for o in &others {
                            if ops::equals(it, e, o)? {
                                found = true;
                                break;
                            }
                        }
                        found
                    }
                };
                if hit == (name == "retainAll") {
                    kept.push(e.clone());
                }
            }
            let changed = kept.len() != len;
            *l.borrow_mut() = kept;
            Value::Bool(changed)
        }
        ("clear", []) => {
            let Some(l) = &list else {
                return Err(unsupported());
            };
            // Clearing a `subList` view removes its elements from the list it views.
            if let Some((parent, start)) = crate::collections::tags(target).view_of {
                let mut parent = parent.borrow_mut();
                let end = (start + len).min(parent.len());
                parent.drain(start.min(end)..end);
            }
            l.borrow_mut().clear();
            Value::Null
        }
        ("indexOf" | "lastIndexOf", [x]) => {
            let mut found = -1i64;
            for (n, e) in elements.iter().enumerate() {
                if ops::java_equals(it, e, x)? {
                    found = i64::try_from(n).unwrap_or(-1);
                    if name == "indexOf" {
                        break;
                    }
                }
            }
            int_value(found)
        }
        ("sort", [cmp])
            if super::comparator::is_comparator_object(it, cmp)
                && matches!(target, Value::List(_)) =>
        {
            // Java's own `List.sort(Comparator)` wins over the GDK method: it returns void.
            let Some(l) = &list else {
                return Err(unsupported());
            };
            let mut sorted = elements;
            sort_with(it, &mut sorted, cmp)?;
            *l.borrow_mut() = sorted;
            Value::Null
        }
        ("sort" | "toSorted", _) if sort_args(it, args).is_some() => {
            let (mutate, by) = sort_args(it, args).unwrap_or((true, None));
            // Sorting a set gives a new list.
            let mutate = mutate && set_kind(target).is_none();
            let mut sorted = elements;
            match &by {
                Some(c) => sort_with(it, &mut sorted, c)?,
                None => sort_by(it, &mut sorted, super::comparator::number_aware)?,
            }
            match (&list, mutate && name == "sort") {
                (Some(l), true) => {
                    *l.borrow_mut() = sorted;
                    target.clone()
                }
                (None, true) if matches!(target, Value::List(_)) => return Err(unsupported()),
                _ => Value::list(sorted),
            }
        }
        ("unique" | "toUnique", _) if sort_args(it, args).is_some() => {
            let (mutate, by) = sort_args(it, args).unwrap_or((true, None));
            let out = unique(it, elements, by.as_ref())?;
            match (&list, mutate && name == "unique") {
                (Some(l), true) => {
                    *l.borrow_mut() = out;
                    target.clone()
                }
                (None, true) if matches!(target, Value::List(_)) => return Err(unsupported()),
                _ => Value::list(out),
            }
        }
        ("collate", [size, rest @ ..]) if size.as_i64().is_some() => {
            let size = size.as_i64().unwrap_or(1);
            let (step, keep) = match rest {
                [] => (size, true),
                [Value::Bool(keep)] => (size, *keep),
                [step] => (step.as_i64().unwrap_or(size), true),
                [step, keep] => (step.as_i64().unwrap_or(size), keep.truthy()),
                _ => return Ok(None),
            };
            collate(&elements, size, step, keep)
        }
        ("flatten", []) => {
            fn flat(v: &Value, out: &mut Vec<Value>) {
                match v {
                    Value::List(_) | Value::Range(_) => items(v).iter().for_each(|i| flat(i, out)),
                    other => out.push(other.clone()),
                }
            }
            let mut out = Vec::new();
            flat(target, &mut out);
            match set_kind(target) {
                Some(kind) => new_set(it, out, kind.similar())?,
                None => Value::list(out),
            }
        }
        ("plus", [x]) => list_operator(it, BinaryOp::Add, target, x)?,
        ("minus", [x]) => list_operator(it, BinaryOp::Sub, target, x)?,
        ("multiply", [x]) => list_operator(it, BinaryOp::Mul, target, x)?,
        ("intersect", [x]) => {
            let other = items(x);
            let mut out = Vec::new();
            for e in &elements {
                for o in &other {
                    if ops::equals(it, e, o)? {
                        out.push(e.clone());
                        break;
                    }
                }
            }
            let out = unique(it, out, None)?;
            crate::collections::similar_collection(it, target, out)?
        }
        ("disjoint", [x]) => {
            let other = items(x);
            let mut none = true;
            for e in &elements {
                for o in &other {
                    if ops::equals(it, e, o)? {
                        none = false;
                    }
                }
            }
            Value::Bool(none)
        }
        ("subList", [a, b]) => {
            let (a, b) = (a.as_i64().unwrap_or(0), b.as_i64().unwrap_or(0));
            let (Ok(a), Ok(b)) = (usize::try_from(a), usize::try_from(b)) else {
                return Err(it.exception(
                    "java.lang.IndexOutOfBoundsException",
                    &format!("fromIndex = {a}"),
                ));
            };
            if a > b || b > len {
                return Err(it.exception(
                    "java.lang.IndexOutOfBoundsException",
                    &format!("toIndex = {b}"),
                ));
            }
            let sub = Value::list(elements[a..b].to_vec());
            if let Some(l) = &list {
                tag(&sub, |t| {
                    t.view_of = Some((l.clone(), a));
                    t.class = Some("java.util.ArrayList$SubList");
                });
            }
            sub
        }
        ("split", [Value::Closure(c)]) => {
            let (mut yes, mut no) = (Vec::new(), Vec::new());
            for e in elements {
                if it.call_closure(c, vec![e.clone()])?.truthy() {
                    yes.push(e);
                } else {
                    no.push(e);
                }
            }
            Value::list(vec![Value::list(yes), Value::list(no)])
        }
        ("transpose", []) => {
            let rows: Vec<Vec<Value>> = elements.iter().map(items).collect();
            let width = rows.iter().map(Vec::len).min().unwrap_or(0);
            Value::list(
                (0..width)
                    .map(|i| Value::list(rows.iter().map(|r| r[i].clone()).collect()))
                    .collect(),
            )
        }
        ("combinations", []) => {
            let groups: Vec<Vec<Value>> = elements.iter().map(items).collect();
            let mut out: Vec<Vec<Value>> = vec![Vec::new()];
            for g in &groups {
                let mut next = Vec::new();
                for item in g {
                    for prefix in &out {
                        let mut p = prefix.clone();
                        p.push(item.clone());
                        next.push(p);
                    }
                }
                out = next;
            }
            Value::list(out.into_iter().map(Value::list).collect())
        }
        ("plus", [i, x]) if i.as_i64().is_some() => plus_at(it, elements, i, x)?,
        ("putAt", [i, v]) => {
            let Some(l) = &list else {
                return Err(unsupported());
            };
            put_at(it, l, i, v)?;
            Value::Null
        }
        ("removeElement", [x]) => {
            let Some(l) = &list else {
                return Err(unsupported());
            };
            let mut at = None;
            for (n, e) in elements.iter().enumerate() {
                if ops::equals(it, e, x)? {
                    at = Some(n);
                    break;
                }
            }
            if let Some(n) = at {
                l.borrow_mut().remove(n);
            }
            Value::Bool(at.is_some())
        }
        ("removeAt", [i]) if matches!(target, Value::List(_)) && i.as_i64().is_some() => {
            let Some(l) = &list else {
                return Err(unsupported());
            };
            let i = i.as_i64().unwrap_or(0);
            match usize::try_from(i).ok().filter(|&a| a < len) {
                Some(a) => l.borrow_mut().remove(a),
                None => {
                    return Err(it.exception(
                        "java.lang.IndexOutOfBoundsException",
                        &format!("Index {i} out of bounds for length {len}"),
                    ));
                }
            }
        }
        ("clone", []) if list.is_some() => Value::list(elements),
        ("toListString", []) => Value::Str(it.to_string_value(target)?.into()),
        ("toArray", []) => crate::arrays::array_of("Object", elements),
        ("toArray", [model]) if crate::arrays::element_of(model).is_some() => {
            let element = crate::arrays::element_of(model).unwrap_or_else(|| "Object".into());
            crate::arrays::array_of(&element, elements)
        }
        ("encodeBase64", []) if crate::arrays::bytes_of(target).is_some() => {
            let bytes = crate::arrays::bytes_of(target).unwrap_or_default();
            Value::Str(super::string::base64(&bytes).into())
        }
        // `toSet()` sizes its `HashSet` for the source's size.
        ("toSet", []) => {
            let len = elements.len();
            crate::collections::new_sized_set(it, elements, SetKind::Hash, len)?
        }
        ("isReverse", []) => match target {
            Value::Range(r) => Value::Bool(is_reverse(&r.from, &r.to)),
            _ => return Ok(None),
        },
        ("asImmutable", []) => {
            // Java wraps the list in a read-only view; a read-only copy is the closest here.
            let copy = Value::list(elements);
            let set = set_kind(target);
            tag(&copy, |t| {
                t.immutable = true;
                t.set = set;
            });
            copy
        }
        ("step", [n]) | ("step", [n, _]) if matches!(target, Value::Range(_)) => {
            let step = usize::try_from(n.as_i64().unwrap_or(1).max(1)).unwrap_or(1);
            let picked: Vec<Value> = elements.into_iter().step_by(step).collect();
            if let Some(c) = &closure {
                for p in &picked {
                    it.call_closure(c, vec![p.clone()])?;
                }
                Value::Null
            } else {
                Value::list(picked)
            }
        }
        ("getFrom", []) | ("getTo", []) => match target {
            Value::Range(r) => {
                if name == "getFrom" {
                    r.from.clone()
                } else {
                    r.to.clone()
                }
            }
            _ => return Ok(None),
        },
        _ => return Ok(None),
    }))
}

/// Whether a range runs downwards (`5..1`, `'e'..'a'`).
fn is_reverse(from: &Value, to: &Value) -> bool {
    match (from, to) {
        (Value::Num(a), Value::Num(b)) => a.to_i64() > b.to_i64(),
        (a, b) => a.to_display() > b.to_display(),
    }
}

/// `list.plus(index, items)`: a new list with `items` (a collection, or one value) inserted at
/// `index`.
fn plus_at(it: &mut Interpreter, mut elements: Vec<Value>, index: &Value, x: &Value) -> Eval {
    let i = index.as_i64().unwrap_or(0);
    let len = elements.len();
    let Some(at) = usize::try_from(i).ok().filter(|&a| a <= len) else {
        return Err(it.exception(
            "java.lang.IndexOutOfBoundsException",
            &format!("Index: {i}, Size: {len}"),
        ));
    };
    let added = match x {
        Value::List(_) | Value::Range(_) => items(x),
        other => vec![other.clone()],
    };
    elements.splice(at..at, added);
    Ok(Value::list(elements))
}

/// `list[i] = v` and `list[from..to] = v`: pads with nulls past the end; a range is replaced by
/// the elements of a collection value, or by the value itself.
fn put_at(it: &mut Interpreter, l: &crate::value::ListRef, index: &Value, v: &Value) -> Eval<()> {
    let len = l.borrow().len();
    let (a, b, replacement) = match index {
        Value::Range(r) => {
            let (Some(from), Some(to)) = (r.from.as_i64(), r.to.as_i64()) else {
                return Err(it.missing_method(
                    &Value::List(l.clone()),
                    "putAt",
                    &[index.clone(), v.clone()],
                ));
            };
            let (from, to) = (normalize_index(from, len), normalize_index(to, len));
            let (Some(from), Some(to)) = (from, to) else {
                return Err(it.exception(
                    "java.lang.IndexOutOfBoundsException",
                    &format!("Negative array index too large for array size {len}"),
                ));
            };
            let (lo, hi) = (from.min(to), from.max(to));
            let hi = if r.exclusive { hi } else { hi + 1 };
            let replacement = match v {
                Value::List(_) | Value::Range(_) => items(v),
                other => vec![other.clone()],
            };
            (lo, hi, replacement)
        }
        other => {
            let Some(i) = other.as_i64() else {
                return Err(it.missing_method(
                    &Value::List(l.clone()),
                    "putAt",
                    &[index.clone(), v.clone()],
                ));
            };
            let Some(at) = normalize_index(i, len) else {
                return Err(it.exception(
                    "java.lang.IndexOutOfBoundsException",
                    &format!("Negative array index [{i}] too large for array size {len}"),
                ));
            };
            (at, at + 1, vec![v.clone()])
        }
    };
    let mut list = l.borrow_mut();
    if list.len() < b {
        list.resize(b, Value::Null);
    }
    list.splice(a..b, replacement);
    Ok(())
}
