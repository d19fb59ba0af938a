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
// Inlined so that two Integers never pay for the call into the general rules.
#[inline]
pub(crate) fn binary(it: &mut Interpreter, op: BinaryOp, l: &Value, r: &Value) -> Eval {
    if let (Value::Num(Number::Integer(a)), Value::Num(Number::Integer(b))) = (l, r)
        && let Some(v) = integer_binary(op, *a, *b)
    {
        return Ok(v);
    }
    general_binary(it, op, l, r)
}

fn general_binary(it: &mut Interpreter, op: BinaryOp, l: &Value, r: &Value) -> Eval {
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
        Compare => Ok(Interpreter::int(compare_to(it, l, r)?.signum())),
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

/// The common operators on two Integers, computed directly (loops count and compare Integers
/// all the time); `None` leaves the operator to the general rules. Same results as
/// [`Number`]'s: Java `int` arithmetic, wrapping on overflow.
#[inline]
fn integer_binary(op: BinaryOp, a: i32, b: i32) -> Option<Value> {
    use BinaryOp::*;
    let number = |n: i32| Some(Value::Num(Number::Integer(n)));
    match op {
        Add => number(a.wrapping_add(b)),
        Sub => number(a.wrapping_sub(b)),
        Mul => number(a.wrapping_mul(b)),
        Mod if b != 0 => number(a.wrapping_rem(b)),
        Eq => Some(Value::Bool(a == b)),
        Ne => Some(Value::Bool(a != b)),
        Lt => Some(Value::Bool(a < b)),
        Le => Some(Value::Bool(a <= b)),
        Gt => Some(Value::Bool(a > b)),
        Ge => Some(Value::Bool(a >= b)),
        _ => None,
    }
}

fn arithmetic(it: &mut Interpreter, op: BinaryOp, l: &Value, r: &Value) -> Eval {
    use BinaryOp::*;
    match (l, r) {
        (Value::Num(a), Value::Num(b)) => number_op(it, op, a, b),
        // Characters take part in arithmetic as their code (`'a' as char) + 1` is 98).
        (Value::Char(a), Value::Num(_) | Value::Char(_)) => {
            arithmetic(it, op, &Interpreter::int(*a as i32), r)
        }
        (Value::Num(_), Value::Char(b)) => arithmetic(it, op, l, &Interpreter::int(*b as i32)),
        (Value::Num(_), _) if op == Add && r.is_string() => {
            let text = format!("{}{}", it.to_string_value(l)?, it.to_string_value(r)?);
            Ok(Value::Str(text.into()))
        }
        (Value::Num(n), Value::Null) if matches!(op, Add | Sub | Mul | Div) => {
            Err(ambiguous_null_operand(it, op, n))
        }
        (Value::Bool(a), Value::Bool(b)) if matches!(op, BitAnd | BitOr | BitXor) => {
            Ok(Value::Bool(match op {
                BitAnd => *a & *b,
                BitOr => *a | *b,
                _ => *a ^ *b,
            }))
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
        (Value::Null, _) if op == Add && r.is_string() => {
            Ok(Value::Str(format!("null{}", it.to_string_value(r)?).into()))
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

/// `1 + null`: Groovy cannot choose among the number's `plus(Character)`, `plus(Number)`, ...
fn ambiguous_null_operand(it: &Interpreter, op: BinaryOp, n: &Number) -> crate::error::Flow {
    let mut candidates = vec!["java.lang.Character"];
    if op == BinaryOp::Add {
        candidates.push("java.lang.String");
    }
    candidates.push("java.lang.Number");
    if op == BinaryOp::Add && matches!(n, Number::BigDecimal(_)) {
        candidates.push("java.math.MathContext");
    }
    let listed: Vec<String> = candidates
        .iter()
        .map(|c| format!("\n\t[class {c}]"))
        .collect();
    it.exception(
        "groovy.lang.GroovyRuntimeException",
        &format!(
            "Ambiguous method overloading for method {}#{}.\nCannot resolve which method to invoke for [null] due to overlapping prototypes between:{}",
            n.type_name(),
            method_name(op),
            listed.concat()
        ),
    )
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
        // The loop counter's case, directly (Integer arithmetic wraps, as Number's does).
        Value::Num(Number::Integer(n)) => Ok(Value::Num(Number::Integer(if up {
            n.wrapping_add(1)
        } else {
            n.wrapping_sub(1)
        }))),
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
        Value::Char(c) => {
            let code = *c as u32;
            let next = if up {
                code.checked_add(1)
            } else {
                code.checked_sub(1)
            };
            Ok(next
                .and_then(char::from_u32)
                .map_or(Value::Char(*c), Value::Char))
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
        (a, b) if a.is_string() && b.is_string() => {
            it.to_string_value(a)? == it.to_string_value(b)?
        }
        (Value::Char(a), b) if b.is_string() => b.to_display() == a.to_string(),
        (a, Value::Char(b)) if a.is_string() => a.to_display() == b.to_string(),
        (Value::List(_) | Value::Range(_), Value::List(_) | Value::Range(_)) => {
            let (a, b) = (crate::collections::items(l), crate::collections::items(r));
            if a.len() != b.len() {
                return Ok(false);
            }
            match (
                crate::collections::set_kind(l).is_some(),
                crate::collections::set_kind(r).is_some(),
            ) {
                // Sets are equal when each holds the other's elements, whatever the order.
                (true, true) => {
                    for y in &b {
                        if !contains_equal(it, &a, y)? {
                            return Ok(false);
                        }
                    }
                    return Ok(true);
                }
                (false, false) => {}
                _ => return Ok(false),
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
        (Value::Object(a), Value::Object(b)) => {
            if l.same(r) {
                return Ok(true);
            }
            // A Comparable's `==` is `compareTo(...) == 0`, when one class is the other's kind.
            if implements_comparable(&a.class)
                && (b.class.is_a(&a.class.name) || a.class.is_a(&b.class.name))
            {
                return Ok(compare(it, l, r)? == Ordering::Equal);
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

/// Whether `values` holds one Groovy-equal (`==`) to `v`.
fn contains_equal(it: &mut Interpreter, values: &[Value], v: &Value) -> Eval<bool> {
    for x in values {
        if equals(it, x, v)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Whether a script class (or one of its superclasses) declares `implements Comparable`.
fn implements_comparable(class: &crate::value::Class) -> bool {
    let mut c = Some(class);
    while let Some(k) = c {
        if let Some(decl) = &k.decl
            && decl
                .implements
                .iter()
                .any(|t| t.name.rsplit('.').next() == Some("Comparable"))
        {
            return true;
        }
        c = k.parent.as_deref();
    }
    false
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
        (Value::Char(a), s) if s.is_string() && s.to_display().chars().count() == 1 => s
            .to_display()
            .chars()
            .next()
            .map_or(Ordering::Greater, |b| a.cmp(&b)),
        (Value::Str(a), Value::Char(b)) => java_string_compare(a, &b.to_string()),
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
        _ => return Err(incomparable(it, l, r)),
    })
}

/// Java's `compareTo` result as Groovy calls it (`a.compareTo(b)`): strings give the difference
/// of the first differing characters (`'apple'.compareTo('apricot')` is -2); `<=>` keeps only
/// its sign.
pub fn compare_to(it: &mut Interpreter, l: &Value, r: &Value) -> Eval<i32> {
    if let (Value::Str(_) | Value::GString(_), Value::Str(_) | Value::GString(_) | Value::Char(_)) =
        (l, r)
    {
        return Ok(java_string_compare_int(&l.to_display(), &r.to_display()));
    }
    if let (Value::Char(a), Value::Char(b)) = (l, r) {
        return Ok(*a as i32 - *b as i32);
    }
    Ok(match compare(it, l, r)? {
        Ordering::Less => -1,
        Ordering::Equal => 0,
        Ordering::Greater => 1,
    })
}

/// Java's `String.compareTo` result: the first differing UTF-16 units' difference, else the
/// length difference.
fn java_string_compare_int(a: &str, b: &str) -> i32 {
    let (x, y): (Vec<u16>, Vec<u16>) = (a.encode_utf16().collect(), b.encode_utf16().collect());
    for (p, q) in x.iter().zip(&y) {
        if p != q {
            return i32::from(*p) - i32::from(*q);
        }
    }
    i32::try_from(x.len()).unwrap_or(i32::MAX) - i32::try_from(y.len()).unwrap_or(i32::MAX)
}

/// The error for ordering two values Groovy cannot compare: a `Comparable` left operand's
/// `compareTo` fails its cast (ClassCastException); anything else is a GroovyRuntimeException.
pub(crate) fn incomparable(it: &Interpreter, l: &Value, r: &Value) -> crate::error::Flow {
    let comparable = match l {
        Value::Str(_) | Value::Num(_) | Value::Char(_) | Value::Bool(_) => Some(l.class_name()),
        _ => None,
    };
    match comparable {
        Some(target) => {
            let source = r.class_name();
            it.exception(
                "java.lang.ClassCastException",
                &format!(
                    "class {source} cannot be cast to class {target} ({source} and {target} are in module java.base of loader 'bootstrap')"
                ),
            )
        }
        None => it.exception(
            "groovy.lang.GroovyRuntimeException",
            &format!(
                "Cannot compare {} with value '{}' and {} with value '{}'",
                l.class_name(),
                l.to_display(),
                r.class_name(),
                r.to_display()
            ),
        ),
    }
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
            let int_range = matches!(
                (&r.from, &r.to),
                (
                    Value::Num(Number::Integer(_)),
                    Value::Num(Number::Integer(_))
                )
            );
            if int_range
                && !matches!(
                    value,
                    Value::Num(Number::Integer(_) | Number::BigInteger(_))
                )
            {
                // IntRange.contains only takes Integer and BigInteger values (`3L in 1..3` is false).
                return Ok(false);
            }
            if let (true, Value::Num(v)) = (int_range, value) {
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
            Ok(crate::regex::is_case_match(it, p, &text))
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
        (Value::Num(x), Value::Num(y)) => x.java_equals(y),
        (Value::Num(_), _) | (_, Value::Num(_)) => false,
        (Value::Char(_), _) | (_, Value::Char(_)) => {
            matches!((a, b), (Value::Char(x), Value::Char(y)) if x == y)
        }
        (Value::Str(x), Value::Str(y)) => x == y,
        (Value::GString(_), Value::GString(_)) => a.to_display() == b.to_display(),
        (Value::Str(_), Value::GString(_)) | (Value::GString(_), Value::Str(_)) => false,
        _ => equals(it, a, b)?,
    })
}
