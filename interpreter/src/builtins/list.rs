//! GDK methods and operators of lists and ranges.

use std::cmp::Ordering;
use std::rc::Rc;

use jenkins_harness_grammar::ast::BinaryOp;

use crate::collections::{int_value, items, normalize_index};
use crate::error::Eval;
use crate::interp::Interpreter;
use crate::ops;
use crate::value::{Closure, Value};

/// `list + x`, `list - x`, `list * n`, `list << x`.
pub(crate) fn list_operator(it: &mut Interpreter, op: BinaryOp, l: &Value, r: &Value) -> Eval {
    if op == BinaryOp::Shl {
        if let Value::List(list) = l {
            list.borrow_mut().push(r.clone());
        }
        return Ok(l.clone());
    }
    let left = items(l);
    match op {
        BinaryOp::Add => {
            let mut out = left;
            match r {
                Value::List(_) | Value::Range(_) => out.extend(items(r)),
                other => out.push(other.clone()),
            }
            Ok(Value::list(out))
        }
        BinaryOp::Sub => {
            let remove = match r {
                Value::List(_) | Value::Range(_) => items(r),
                other => vec![other.clone()],
            };
            let mut out = Vec::new();
            for x in left {
                let mut gone = false;
                for y in &remove {
                    if ops::equals(it, &x, y)? {
                        gone = true;
                        break;
                    }
                }
                if !gone {
                    out.push(x);
                }
            }
            Ok(Value::list(out))
        }
        BinaryOp::Mul => {
            let n = usize::try_from(r.as_i64().unwrap_or(0)).unwrap_or(0);
            let mut out = Vec::new();
            for _ in 0..n.min(1 << 20) {
                out.extend(left.iter().cloned());
            }
            Ok(Value::list(out))
        }
        BinaryOp::Shl => {
            if let Value::List(list) = l {
                list.borrow_mut().push(r.clone());
            }
            Ok(l.clone())
        }
        _ => Err(it.missing_method(l, op.symbol(), std::slice::from_ref(r))),
    }
}

/// `x[i]`, `x[-1]`, `x[1..2]`, `x[0, 2]` on lists, ranges, strings, matchers.
pub(crate) fn get_at(it: &mut Interpreter, target: &Value, index: &Value) -> Eval {
    if let Value::Matcher(m) = target {
        let i = index.as_i64().unwrap_or(0);
        let len = m.matches.len();
        return match normalize_index(i, len).filter(|&a| a < len) {
            Some(a) => Ok(crate::regex::match_value(&m.matches[a])),
            None => Err(it.exception(
                "java.lang.IndexOutOfBoundsException",
                &format!(
                    "index is out of range {}..{} (index = {i})",
                    -(len as i64),
                    len as i64 - 1
                ),
            )),
        };
    }
    let is_string = target.is_string();
    let elements = items(target);
    let len = elements.len();
    let pick = |it: &mut Interpreter, i: i64| -> Eval {
        match normalize_index(i, len) {
            Some(a) if a < len => Ok(elements[a].clone()),
            _ if is_string => Err(it.exception(
                "java.lang.StringIndexOutOfBoundsException",
                &format!("begin {i}, end {}, length {len}", i + 1),
            )),
            None if i < 0 => Err(it.exception(
                "java.lang.ArrayIndexOutOfBoundsException",
                &format!("Negative array index [{i}] too large for array size {len}"),
            )),
            _ => Ok(Value::Null),
        }
    };
    let result = match index {
        Value::Range(r) => {
            let (Some(from), Some(to)) = (r.from.as_i64(), r.to.as_i64()) else {
                return Err(it.missing_method(target, "getAt", std::slice::from_ref(index)));
            };
            let (Some(a), Some(mut b)) = (normalize_index(from, len), normalize_index(to, len))
            else {
                return Err(it.exception(
                    "java.lang.IndexOutOfBoundsException",
                    &format!("toIndex = {}", to + 1),
                ));
            };
            if r.exclusive {
                if b == a {
                    return Ok(if is_string {
                        Value::Str("".into())
                    } else {
                        Value::list(Vec::new())
                    });
                }
                b = if b > a { b - 1 } else { b + 1 };
            }
            if a.max(b) >= len {
                return Err(it.exception(
                    "java.lang.IndexOutOfBoundsException",
                    &format!("toIndex = {}", a.max(b) + 1),
                ));
            }
            let out: Vec<Value> = if a <= b {
                elements[a..=b].to_vec()
            } else {
                elements[b..=a].iter().rev().cloned().collect()
            };
            if is_string {
                return Ok(Value::Str(
                    out.iter().map(Value::to_display).collect::<String>().into(),
                ));
            }
            Value::list(out)
        }
        Value::List(l) => {
            let idx = l.borrow().clone();
            let mut out = Vec::new();
            for i in idx {
                let v = get_at(it, target, &i)?;
                match (&i, v) {
                    (Value::Range(_), Value::List(inner)) => {
                        out.extend(inner.borrow().iter().cloned())
                    }
                    (_, v) => out.push(v),
                }
            }
            if is_string {
                return Ok(Value::Str(
                    out.iter().map(Value::to_display).collect::<String>().into(),
                ));
            }
            Value::list(out)
        }
        other => match other.as_i64() {
            Some(i) => pick(it, i)?,
            None if matches!(target, Value::List(_)) && other.is_string() => {
                let name: Rc<str> = other.to_display().into();
                return it.get_property(target, &name, false);
            }
            None => return Err(it.missing_method(target, "getAt", std::slice::from_ref(index))),
        },
    };
    Ok(result)
}

/// Sorts values in place by Groovy's ordering (stable, as Java's).
pub(crate) fn sort_values(it: &mut Interpreter, values: &mut [Value]) -> Eval<()> {
    sort_by(it, values, ops::compare)
}

fn sort_by(
    it: &mut Interpreter,
    values: &mut [Value],
    mut cmp: impl FnMut(&mut Interpreter, &Value, &Value) -> Eval<Ordering>,
) -> Eval<()> {
    // Insertion sort keeps errors from the comparator; lists in pipelines are small.
    for i in 1..values.len() {
        let mut j = i;
        while j > 0 {
            if cmp(it, &values[j - 1], &values[j])? == Ordering::Greater {
                values.swap(j - 1, j);
                j -= 1;
            } else {
                break;
            }
        }
    }
    Ok(())
}

fn sort_with(it: &mut Interpreter, values: &mut [Value], c: &Rc<Closure>) -> Eval<()> {
    let two = c.code.params.as_ref().is_some_and(|p| p.len() == 2);
    sort_by(it, values, |it, a, b| {
        if two {
            let r = it.call_closure(c, vec![a.clone(), b.clone()])?;
            Ok(r.as_i64().unwrap_or(0).cmp(&0))
        } else {
            let ka = it.call_closure(c, vec![a.clone()])?;
            let kb = it.call_closure(c, vec![b.clone()])?;
            ops::compare(it, &ka, &kb)
        }
    })
}

fn unique(it: &mut Interpreter, values: Vec<Value>, by: Option<&Rc<Closure>>) -> Eval<Vec<Value>> {
    let mut out: Vec<Value> = Vec::new();
    let mut keys: Vec<Value> = Vec::new();
    for v in values {
        let key = match by {
            Some(c) => it.call_closure(c, vec![v.clone()])?,
            None => v.clone(),
        };
        let mut seen = false;
        for k in &keys {
            if ops::equals(it, k, &key)? {
                seen = true;
                break;
            }
        }
        if !seen {
            keys.push(key);
            out.push(v);
        }
    }
    Ok(out)
}

/// Methods of lists and ranges.
pub(crate) fn method(
    it: &mut Interpreter,
    target: &Value,
    name: &str,
    args: &[Value],
) -> Eval<Option<Value>> {
    let list = match target {
        Value::List(l) => Some(l.clone()),
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
        ("last", [n]) => {
            let n = usize::try_from(n.as_i64().unwrap_or(0)).unwrap_or(0);
            Value::list(elements[len.saturating_sub(n)..].to_vec())
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
        ("reverse", []) => Value::list(elements.into_iter().rev().collect()),
        ("add" | "leftShift", [x]) => {
            let Some(l) = &list else {
                return Err(unsupported(it));
            };
            l.borrow_mut().push(x.clone());
            if name == "add" {
                Value::Bool(true)
            } else {
                target.clone()
            }
        }
        ("add", [i, x]) => {
            let Some(l) = &list else {
                return Err(unsupported(it));
            };
            let at = usize::try_from(i.as_i64().unwrap_or(0))
                .unwrap_or(0)
                .min(len);
            l.borrow_mut().insert(at, x.clone());
            Value::Null
        }
        ("addAll", [xs]) => {
            let Some(l) = &list else {
                return Err(unsupported(it));
            };
            let more = items(xs);
            l.borrow_mut().extend(more);
            Value::Bool(true)
        }
        ("remove", [x]) => {
            let Some(l) = &list else {
                return Err(unsupported(it));
            };
            if let Value::Num(_) = x {
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
                return Err(unsupported(it));
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
            if let Some(l) = &list {
                l.borrow_mut().clear();
            }
            Value::Null
        }
        ("indexOf" | "lastIndexOf", [x]) => {
            let mut found = -1i64;
            for (n, e) in elements.iter().enumerate() {
                if ops::equals(it, e, x)? {
                    found = i64::try_from(n).unwrap_or(-1);
                    if name == "indexOf" {
                        break;
                    }
                }
            }
            int_value(found)
        }
        ("sort", [])
        | ("sort", [Value::Closure(_)])
        | ("toSorted", [])
        | ("toSorted", [Value::Closure(_)])
        | ("sort", [Value::Bool(_)]) => {
            let mut sorted = elements;
            match &closure {
                Some(c) => sort_with(it, &mut sorted, c)?,
                None => sort_values(it, &mut sorted)?,
            }
            let mutate = name == "sort" && !matches!(args.first(), Some(Value::Bool(false)));
            match (&list, mutate) {
                (Some(l), true) => {
                    *l.borrow_mut() = sorted;
                    target.clone()
                }
                _ => Value::list(sorted),
            }
        }
        ("unique", [])
        | ("unique", [Value::Closure(_)])
        | ("toUnique", [])
        | ("toUnique", [Value::Closure(_)]) => {
            let out = unique(it, elements, closure.as_ref())?;
            match (&list, name == "unique") {
                (Some(l), true) => {
                    *l.borrow_mut() = out;
                    target.clone()
                }
                _ => Value::list(out),
            }
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
            Value::list(out)
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
            Value::list(unique(it, out, None)?)
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
            Value::list(elements[a..b].to_vec())
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
        ("asImmutable", []) => target.clone(),
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

fn unsupported(it: &Interpreter) -> crate::error::Flow {
    it.exception("java.lang.UnsupportedOperationException", "")
}
