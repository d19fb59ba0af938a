//! Operators: arithmetic, comparison, equality, `in`/`isCase`, regex, and their Groovy rules
//! for numbers, strings, lists and maps.

use std::cmp::Ordering;
use std::rc::Rc;

use jenkins_harness_grammar::ast::BinaryOp;

use crate::error::Eval;
use crate::interp::Interpreter;
use crate::number::Number;
use crate::value::{Key, Value};

/// Applies a binary operator to two evaluated operands.
pub(crate) fn binary(it: &mut Interpreter, op: BinaryOp, l: &Value, r: &Value) -> Eval {
    use BinaryOp::*;
    match op {
        Eq => Ok(Value::Bool(equals(it, l, r)?)),
        Ne => Ok(Value::Bool(!equals(it, l, r)?)),
        Lt | Le | Gt | Ge => {
            // Comparisons with null: null is smaller than everything.
            let ord = compare(it, l, r)?;
            Ok(Value::Bool(match op {
                Lt => ord == Ordering::Less,
                Le => ord != Ordering::Greater,
                Gt => ord == Ordering::Greater,
                _ => ord != Ordering::Less,
            }))
        }
        Compare => Ok(Interpreter::int(match compare(it, l, r)? {
            Ordering::Less => -1,
            Ordering::Equal => 0,
            Ordering::Greater => 1,
        })),
        In => Ok(Value::Bool(is_case(it, r, l)?)),
        Range => Ok(Interpreter::range(l.clone(), r.clone(), false)),
        RangeExclusive => Ok(Interpreter::range(l.clone(), r.clone(), true)),
        Find => crate::regex::find(it, l, r),
        Match => crate::regex::matches(it, l, r),
        And | Or => Ok(Value::Bool(if op == And {
            l.truthy() && r.truthy()
        } else {
            l.truthy() || r.truthy()
        })),
        _ => arithmetic(it, op, l, r),
    }
}

fn arithmetic(it: &mut Interpreter, op: BinaryOp, l: &Value, r: &Value) -> Eval {
    use BinaryOp::*;
    match (l, r) {
        (Value::Num(a), Value::Num(b)) => number_op(it, op, a, b),
        (Value::Char(a), _) if matches!(r, Value::Num(_)) => {
            arithmetic(it, op, &Interpreter::int(*a as i32), r)
        }
        (Value::Str(_) | Value::GString(_), _) => string_op(it, op, l, r),
        (Value::List(_), _) | (Value::Range(_), _) => crate::builtins::list_operator(it, op, l, r),
        (Value::Map(a), Value::Map(b)) if op == Add => {
            let mut out = a.borrow().clone();
            for (k, v) in b.borrow().iter() {
                out.insert(k.clone(), v.clone());
            }
            Ok(Value::map(out))
        }
        (Value::Map(a), _) if op == Shl => {
            if let Value::Map(b) = r {
                let entries: Vec<(Key, Value)> = b
                    .borrow()
                    .iter()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
                a.borrow_mut().extend(entries);
            }
            Ok(l.clone())
        }
        (Value::Buffer(b), _) if op == Shl => {
            b.borrow_mut().push_str(&it.to_string_value(r)?);
            Ok(l.clone())
        }
        (Value::Null, _) => Err(it.exception(
            "java.lang.NullPointerException",
            &format!("Cannot execute null{}{}", op.symbol(), r.to_display()),
        )),
        _ => {
            let name = method_name(op);
            let args = vec![r.clone()];
            it.call_method(l, &Rc::from(name), args)
        }
    }
}

/// The method Groovy calls for an operator (`plus`, `minus`, ...).
fn method_name(op: BinaryOp) -> &'static str {
    use BinaryOp::*;
    match op {
        Add => "plus",
        Sub => "minus",
        Mul => "multiply",
        Div => "div",
        Mod => "mod",
        Power => "power",
        Shl => "leftShift",
        Shr => "rightShift",
        UShr => "rightShiftUnsigned",
        BitAnd => "and",
        BitOr => "or",
        BitXor => "xor",
        _ => "compareTo",
    }
}

fn number_op(it: &mut Interpreter, op: BinaryOp, a: &Number, b: &Number) -> Eval {
    use BinaryOp::*;
    let result = match op {
        Add => a.add(b),
        Sub => a.sub(b),
        Mul => a.mul(b),
        Div => a.div(b),
        Mod => a.rem(b),
        Power => a.power(b),
        Shl => a.shl(b),
        Shr => a.shr(b),
        UShr => a.ushr(b),
        BitAnd => a.and(b),
        BitOr => a.or(b),
        BitXor => a.xor(b),
        _ => return Err(it.exception("java.lang.UnsupportedOperationException", op.symbol())),
    };
    result
        .map(Value::Num)
        .map_err(|e| it.exception(e.class, &e.message))
}

fn string_op(it: &mut Interpreter, op: BinaryOp, l: &Value, r: &Value) -> Eval {
    let text = it.to_string_value(l)?;
    match op {
        BinaryOp::Add => {
            let right = it.to_string_value(r)?;
            Ok(Value::Str(format!("{text}{right}").into()))
        }
        BinaryOp::Sub => {
            let right = match r {
                Value::Pattern(p) => {
                    return Ok(Value::Str(
                        p.regex.replacen(&text, 1, "").into_owned().into(),
                    ));
                }
                other => it.to_string_value(other)?,
            };
            Ok(Value::Str(text.replacen(&right, "", 1).into()))
        }
        BinaryOp::Mul => {
            let n = r.as_i64().unwrap_or(0).max(0);
            Ok(Value::Str(
                text.repeat(usize::try_from(n).unwrap_or(0).min(1 << 24))
                    .into(),
            ))
        }
        BinaryOp::Shl => {
            let right = it.to_string_value(r)?;
            Ok(Value::Buffer(Rc::new(std::cell::RefCell::new(format!(
                "{text}{right}"
            )))))
        }
        _ => {
            let name = method_name(op);
            Err(it.missing_method(l, name, std::slice::from_ref(r)))
        }
    }
}

/// `-x`.
pub(crate) fn negate(it: &mut Interpreter, v: &Value) -> Eval {
    match v {
        Value::Num(n) => n
            .negate()
            .map(Value::Num)
            .map_err(|e| it.exception(e.class, &e.message)),
        Value::List(l) => {
            let items = l.borrow().clone();
            let mut out = Vec::new();
            for i in items {
                out.push(negate(it, &i)?);
            }
            Ok(Value::list(out))
        }
        other => Err(it.missing_method(other, "negative", &[])),
    }
}

/// `~x`: a Pattern from a string, or a bitwise negation.
pub(crate) fn bitwise_negate(it: &mut Interpreter, v: &Value) -> Eval {
    match v {
        Value::Str(_) | Value::GString(_) => crate::regex::pattern(it, &v.to_display()),
        Value::Num(n) => n
            .bitwise_not()
            .map(Value::Num)
            .map_err(|e| it.exception(e.class, &e.message)),
        other => Err(it.missing_method(other, "bitwiseNegate", &[])),
    }
}

/// `next()`/`previous()` for `++`/`--`.
pub(crate) fn step(it: &mut Interpreter, v: &Value, up: bool) -> Eval {
    match v {
        Value::Num(n) => {
            let one = Number::Integer(1);
            let r = if up { n.add(&one) } else { n.sub(&one) };
            r.map(Value::Num)
                .map_err(|e| it.exception(e.class, &e.message))
        }
        Value::Str(_) | Value::GString(_) => {
            let s = v.to_display();
            let mut chars: Vec<char> = s.chars().collect();
            match chars.last_mut() {
                Some(c) => {
                    let code = *c as u32;
                    *c = char::from_u32(if up { code + 1 } else { code.saturating_sub(1) })
                        .unwrap_or(*c);
                    Ok(Value::Str(chars.into_iter().collect::<String>().into()))
                }
                None => Err(it.exception(
                    "java.lang.StringIndexOutOfBoundsException",
                    "String index out of range: -1",
                )),
            }
        }
        Value::Null => Err(it.exception(
            "java.lang.NullPointerException",
            "Cannot invoke method next() on null object",
        )),
        other => Err(it.missing_method(other, if up { "next" } else { "previous" }, &[])),
    }
}

/// Groovy `==` (`DefaultTypeTransformation.compareEqual`).
pub fn equals(it: &mut Interpreter, l: &Value, r: &Value) -> Eval<bool> {
    Ok(match (l, r) {
        (Value::Null, Value::Null) => true,
        (Value::Null, _) | (_, Value::Null) => false,
        (Value::Num(a), Value::Num(b)) => a.num_eq(b),
        (Value::Num(a), Value::Char(c)) | (Value::Char(c), Value::Num(a)) => {
            a.num_eq(&Number::Integer(*c as i32))
        }
        (Value::Num(n), s) | (s, Value::Num(n)) if s.is_string() => {
            let text = s.to_display();
            let mut chars = text.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => n.num_eq(&Number::Integer(c as i32)),
                _ => false,
            }
        }
        (a, b) if a.is_string() && b.is_string() => a.to_display() == b.to_display(),
        (Value::Char(a), b) if b.is_string() => b.to_display() == a.to_string(),
        (a, Value::Char(b)) if a.is_string() => a.to_display() == b.to_string(),
        (Value::List(_) | Value::Range(_), Value::List(_) | Value::Range(_)) => {
            let (a, b) = (crate::collections::items(l), crate::collections::items(r));
            if a.len() != b.len() {
                return Ok(false);
            }
            for (x, y) in a.iter().zip(&b) {
                if !equals(it, x, y)? {
                    return Ok(false);
                }
            }
            true
        }
        (Value::Map(a), Value::Map(b)) => {
            if Rc::ptr_eq(a, b) {
                return Ok(true);
            }
            let (a, b) = (a.borrow().clone(), b.borrow().clone());
            if a.len() != b.len() {
                return Ok(false);
            }
            for (k, v) in &a {
                match b.get(k) {
                    Some(w) if equals(it, v, w)? => {}
                    _ => return Ok(false),
                }
            }
            true
        }
        (Value::Object(a), Value::Object(_)) => {
            if l.same(r) {
                return Ok(true);
            }
            if it
                .find_class_method(&a.class, "equals", std::slice::from_ref(r))
                .is_some()
            {
                return Ok(it
                    .call_method(l, &Rc::from("equals"), vec![r.clone()])?
                    .truthy());
            }
            false
        }
        (a, b) => {
            a.same(b)
                || (matches!((a, b), (Value::Bool(x), Value::Bool(y)) if x == y))
                || (matches!((a, b), (Value::Char(x), Value::Char(y)) if x == y))
        }
    })
}

/// Groovy ordering (`DefaultTypeTransformation.compareTo`); null sorts first.
pub fn compare(it: &mut Interpreter, l: &Value, r: &Value) -> Eval<Ordering> {
    Ok(match (l, r) {
        (Value::Null, Value::Null) => Ordering::Equal,
        (Value::Null, _) => Ordering::Less,
        (_, Value::Null) => Ordering::Greater,
        (Value::Num(a), Value::Num(b)) => a.compare(b),
        (Value::Num(a), Value::Char(c)) => a.compare(&Number::Integer(*c as i32)),
        (Value::Char(c), Value::Num(b)) => Number::Integer(*c as i32).compare(b),
        (Value::Char(a), Value::Char(b)) => a.cmp(b),
        (a, b) if a.is_string() && b.is_string() => {
            java_string_compare(&a.to_display(), &b.to_display())
        }
        (Value::Num(n), s) if s.is_string() && s.to_display().chars().count() == 1 => {
            let c = s.to_display().chars().next().map_or(0, |c| c as i32);
            n.compare(&Number::Integer(c))
        }
        (s, Value::Num(n)) if s.is_string() && s.to_display().chars().count() == 1 => {
            let c = s.to_display().chars().next().map_or(0, |c| c as i32);
            Number::Integer(c).compare(n)
        }
        (Value::Bool(a), Value::Bool(b)) => a.cmp(b),
        (Value::Object(o), _)
            if it
                .find_class_method(&o.class, "compareTo", std::slice::from_ref(r))
                .is_some() =>
        {
            let v = it.call_method(l, &Rc::from("compareTo"), vec![r.clone()])?;
            v.as_i64().unwrap_or(0).cmp(&0)
        }
        (Value::Object(a), Value::Object(b))
            if a.class.is_a("java.lang.Enum") && b.class.is_a("java.lang.Enum") =>
        {
            let ord = |o: &crate::value::Object| {
                o.fields
                    .borrow()
                    .get("ordinal")
                    .and_then(Value::as_i64)
                    .unwrap_or(0)
            };
            ord(a).cmp(&ord(b))
        }
        _ => {
            return Err(it.exception(
                "java.lang.IllegalArgumentException",
                &format!(
                    "Cannot compare {} with value '{}' and {} with value '{}'",
                    l.class_name(),
                    l.to_display(),
                    r.class_name(),
                    r.to_display()
                ),
            ));
        }
    })
}

/// Java's `String.compareTo`: by UTF-16 code units.
fn java_string_compare(a: &str, b: &str) -> Ordering {
    a.encode_utf16().cmp(b.encode_utf16())
}

/// `pattern.isCase(value)`: what `switch` and `in` use.
pub fn is_case(it: &mut Interpreter, pattern: &Value, value: &Value) -> Eval<bool> {
    match pattern {
        Value::Null => Ok(matches!(value, Value::Null)),
        Value::Class(c) => Ok(it.instance_of(value, &c.name)),
        Value::List(l) => {
            let items = l.borrow().clone();
            for i in &items {
                if java_equals(it, i, value)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        Value::Range(r) => {
            if let (Value::Num(_), Value::Num(v)) = (&r.from, value) {
                let (lo, hi) = match compare(it, &r.from, &r.to)? {
                    Ordering::Greater => (&r.to, &r.from),
                    _ => (&r.from, &r.to),
                };
                let (Value::Num(lo), Value::Num(hi)) = (lo, hi) else {
                    return Ok(false);
                };
                let above = v.compare(lo) != Ordering::Less;
                let below = if r.exclusive {
                    v.compare(hi) == Ordering::Less
                } else {
                    v.compare(hi) != Ordering::Greater
                };
                return Ok(above && below && v.is_integral());
            }
            let items = crate::collections::range_items(pattern);
            for i in &items {
                if equals(it, i, value)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        Value::Map(m) => {
            let key = Key(value.clone());
            Ok(m.borrow().get(&key).is_some_and(Value::truthy))
        }
        Value::Pattern(p) => {
            if matches!(value, Value::Null) {
                return Ok(false);
            }
            let text = it.to_string_value(value)?;
            Ok(crate::regex::full_match(p, &text))
        }
        Value::Closure(c) => {
            let c = c.clone();
            Ok(it.call_closure(&c, vec![value.clone()])?.truthy())
        }
        Value::Str(_) | Value::GString(_) => {
            Ok(!matches!(value, Value::Null)
                && pattern.to_display() == it.to_string_value(value)?)
        }
        Value::Num(a) => Ok(match value {
            Value::Num(b) => a.compare(b) == Ordering::Equal,
            _ => equals(it, pattern, value)?,
        }),
        _ => equals(it, pattern, value),
    }
}

/// Java `equals` (what `contains` uses): same class and value; Integer 1 is not Long 1.
pub fn java_equals(it: &mut Interpreter, a: &Value, b: &Value) -> Eval<bool> {
    Ok(match (a, b) {
        (Value::Num(x), Value::Num(y)) => x.type_name() == y.type_name() && x.num_eq(y),
        (Value::Str(x), Value::Str(y)) => x == y,
        (Value::GString(_), Value::GString(_)) => a.to_display() == b.to_display(),
        (Value::Str(_), Value::GString(_)) | (Value::GString(_), Value::Str(_)) => false,
        _ => equals(it, a, b)?,
    })
}
