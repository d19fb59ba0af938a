//! Operators and indexing of lists, ranges and strings: `+`, `-`, `*`, `<<`, `x[i]`,
//! `x[a..b]`, `x[i, j]`.

use std::rc::Rc;

use jenkins_harness_grammar::ast::BinaryOp;

use crate::collections::{
    is_immutable, items, new_set, normalize_index, set_add, set_kind, unsupported,
};
use crate::error::Eval;
use crate::interp::Interpreter;
use crate::ops;
use crate::value::Value;

/// `list + x`, `list - x`, `list * n`, `list << x`.
pub(crate) fn list_operator(it: &mut Interpreter, op: BinaryOp, l: &Value, r: &Value) -> Eval {
    if op == BinaryOp::Shl {
        if is_immutable(l) {
            return Err(unsupported());
        }
        if let Value::List(list) = l {
            match set_kind(l) {
                Some(kind) => {
                    set_add(it, list, kind, r)?;
                }
                None => list.borrow_mut().push(r.clone()),
            }
        }
        return Ok(l.clone());
    }
    let result = plain_operator(it, op, l, r)?;
    // `array + x` and `array - x` are `Object[]`s.
    if crate::arrays::element_of(l).is_some() && matches!(op, BinaryOp::Add | BinaryOp::Sub) {
        return Ok(crate::arrays::array_of("Object", items(&result)));
    }
    match (set_kind(l), op) {
        // `plus` keeps the kind of set (a HashSet sized for both sides); `minus` keeps only a
        // TreeSet's.
        (Some(kind), BinaryOp::Add) => {
            let values = items(&result);
            let capacity = values.len();
            crate::collections::new_sized_set(it, values, kind, capacity)
        }
        (Some(kind), BinaryOp::Sub) => new_set(it, items(&result), kind.similar()),
        _ => Ok(result),
    }
}

/// `list + x`, `list - x`, `list * n` as lists.
fn plain_operator(it: &mut Interpreter, op: BinaryOp, l: &Value, r: &Value) -> Eval {
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
    let is_array = crate::arrays::element_of(target).is_some();
    let pick = |it: &mut Interpreter, i: i64| -> Eval {
        match normalize_index(i, len) {
            Some(a) if a < len => Ok(elements[a].clone()),
            None if i < 0 => Err(it.exception(
                "java.lang.ArrayIndexOutOfBoundsException",
                &format!("Negative array index [{i}] too large for array size {len}"),
            )),
            _ if is_string => Err(it.exception(
                "java.lang.StringIndexOutOfBoundsException",
                &format!("begin {i}, end {}, length {len}", i + 1),
            )),
            // A list gives null past its end; an array throws.
            _ if is_array => Err(crate::arrays::out_of_bounds(it, i, len)),
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
                // Java's `substring` or `subList` bounds error.
                return Err(if is_string {
                    it.exception(
                        "java.lang.StringIndexOutOfBoundsException",
                        &format!("begin {}, end {}, length {len}", a.min(b), a.max(b) + 1),
                    )
                } else {
                    it.exception(
                        "java.lang.IndexOutOfBoundsException",
                        &format!("toIndex = {}", a.max(b) + 1),
                    )
                });
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
