//! Static methods and constructors of the built-in classes scripts use, number methods, and
//! `sprintf` over the Java formatter.

use std::rc::Rc;

use indexmap::IndexMap;

use crate::collections::{SetKind, new_map};
use crate::error::Eval;
use crate::format::FormatArg;
use crate::interp::Interpreter;
use crate::json::Json;
use crate::number::{Number, RoundingMode};
use crate::value::{Class, Key, Value};

/// `Class.name` for built-in classes: `Integer.MAX_VALUE`, `Closure.DELEGATE_FIRST`, ...
pub(crate) fn static_property(
    it: &mut Interpreter,
    class: &Rc<Class>,
    name: &str,
) -> Eval<Option<Value>> {
    Ok(Some(match (class.simple_name(), name) {
        ("Integer", "MAX_VALUE") => Value::Num(Number::Integer(i32::MAX)),
        ("Integer", "MIN_VALUE") => Value::Num(Number::Integer(i32::MIN)),
        ("Long", "MAX_VALUE") => Value::Num(Number::Long(i64::MAX)),
        ("Long", "MIN_VALUE") => Value::Num(Number::Long(i64::MIN)),
        ("Closure", "OWNER_FIRST") => Interpreter::int(0),
        ("Closure", "DELEGATE_FIRST") => Interpreter::int(1),
        ("Closure", "OWNER_ONLY") => Interpreter::int(2),
        ("Closure", "DELEGATE_ONLY") => Interpreter::int(3),
        ("Closure", "TO_SELF") => Interpreter::int(4),
        ("Double", "NaN") => Value::Num(Number::Double(f64::NAN)),
        ("Double", "POSITIVE_INFINITY") => Value::Num(Number::Double(f64::INFINITY)),
        ("Double", "NEGATIVE_INFINITY") => Value::Num(Number::Double(f64::NEG_INFINITY)),
        ("Double", "MAX_VALUE") => Value::Num(Number::Double(f64::MAX)),
        ("Double", "MIN_VALUE") => Value::Num(Number::Double(f64::from_bits(1))),
        ("Float", "NaN") => Value::Num(Number::Float(f32::NAN)),
        ("Float", "MAX_VALUE") => Value::Num(Number::Float(f32::MAX)),
        ("Pattern", "UNIX_LINES") => Interpreter::int(1),
        ("Pattern", "CASE_INSENSITIVE") => Interpreter::int(2),
        ("Pattern", "COMMENTS") => Interpreter::int(4),
        ("Pattern", "MULTILINE") => Interpreter::int(8),
        ("Pattern", "LITERAL") => Interpreter::int(16),
        ("Pattern", "DOTALL") => Interpreter::int(32),
        ("Pattern", "UNICODE_CASE") => Interpreter::int(64),
        ("BigDecimal", "ROUND_UP") => Interpreter::int(0),
        ("BigDecimal", "ROUND_DOWN") => Interpreter::int(1),
        ("BigDecimal", "ROUND_CEILING") => Interpreter::int(2),
        ("BigDecimal", "ROUND_FLOOR") => Interpreter::int(3),
        ("BigDecimal", "ROUND_HALF_UP") => Interpreter::int(4),
        ("BigDecimal", "ROUND_HALF_DOWN") => Interpreter::int(5),
        ("BigDecimal", "ROUND_HALF_EVEN") => Interpreter::int(6),
        ("BigDecimal", "ROUND_UNNECESSARY") => Interpreter::int(7),
        ("Matcher", "lastMatcher") => crate::regex::last_matcher(it),
        ("RoundingMode", mode) if RoundingMode::from_name(mode).is_some() => {
            let ordinal = (0..8)
                .position(|n| RoundingMode::from_java_int(n).is_some_and(|m| m.name() == mode))
                .unwrap_or(0);
            crate::classes::enum_constant(class, mode, ordinal)
        }
        ("String", "CASE_INSENSITIVE_ORDER") => {
            super::comparator::jdk_comparator(super::comparator::CASE_INSENSITIVE)
        }
        ("Boolean", "TRUE") => Value::Bool(true),
        ("Boolean", "FALSE") => Value::Bool(false),
        ("Math", "PI") => Value::Num(Number::Double(std::f64::consts::PI)),
        ("Math", "E") => Value::Num(Number::Double(std::f64::consts::E)),
        (_, "name") => Value::Str(class.name.clone()),
        (_, "simpleName") => Value::Str(class.java_simple_name()),
        _ => return Ok(None),
    }))
}

fn num(v: &Value) -> Option<Number> {
    match v {
        Value::Num(n) => Some(n.clone()),
        _ => None,
    }
}

/// Static methods: `Math.max`, `Integer.parseInt`, `String.format`, `JsonOutput.toJson`...
pub(crate) fn static_method(
    it: &mut Interpreter,
    class: &Rc<Class>,
    name: &str,
    args: &[Value],
) -> Eval<Option<Value>> {
    if class.simple_name() == "Collections" {
        return super::java_util::collections_static(it, name, args);
    }
    let text = |it: &mut Interpreter, v: &Value| it.to_string_value(v);
    Ok(Some(match (class.simple_name(), name, args) {
        (_, "isCase", [x]) => {
            Value::Bool(crate::ops::is_case(it, &Value::Class(class.clone()), x)?)
        }
        (_, "getName", []) => Value::Str(class.name.clone()),
        (_, "isInterface", []) => Value::Bool(crate::convert::is_interface(it, &class.name)),
        (_, "getSimpleName", []) => Value::Str(class.java_simple_name()),
        ("Math", "max" | "min", [a, b]) => {
            let ord = crate::ops::compare(it, a, b)?;
            let first = (name == "max") == (ord != std::cmp::Ordering::Less);
            let (Some(x), Some(y)) = (num(a), num(b)) else {
                return Ok(None);
            };
            // Math.max promotes like Java: both to the wider type.
            let zero = Number::Integer(0);
            let widened = if first {
                x.add(&zero).and_then(|v| v.add(&y.mul(&zero)?))
            } else {
                y.add(&zero).and_then(|v| v.add(&x.mul(&zero)?))
            };
            Value::Num(widened.unwrap_or(if first { x } else { y }))
        }
        ("Math", "abs", [a]) => Value::Num(num(a).map(|n| n.abs()).unwrap_or(Number::Integer(0))),
        (
            "Math",
            f @ ("sqrt" | "floor" | "ceil" | "log" | "log10" | "exp" | "sin" | "cos" | "random"),
            _,
        ) => {
            let x = args.first().and_then(num).map_or(0.0, |n| n.to_f64());
            Value::Num(Number::Double(match f {
                "sqrt" => x.sqrt(),
                "floor" => x.floor(),
                "ceil" => x.ceil(),
                "log" => x.ln(),
                "log10" => x.log10(),
                "exp" => x.exp(),
                "sin" => x.sin(),
                "cos" => x.cos(),
                _ => 0.5,
            }))
        }
        ("Math", "pow", [a, b]) => Value::Num(Number::Double(
            num(a)
                .map_or(0.0, |n| n.to_f64())
                .powf(num(b).map_or(0.0, |n| n.to_f64())),
        )),
        ("Math", "round", [a]) => match num(a) {
            Some(Number::Float(f)) => {
                Value::Num(Number::Integer((f64::from(f) + 0.5).floor() as i32))
            }
            Some(n) => Value::Num(Number::Long((n.to_f64() + 0.5).floor() as i64)),
            None => return Ok(None),
        },
        (
            "Integer" | "Long" | "Double" | "BigDecimal" | "Float",
            "parseInt" | "valueOf" | "parseLong" | "parseDouble" | "parseFloat" | "decode",
            [Value::Str(_) | Value::GString(_)]
            | [Value::Str(_) | Value::GString(_), Value::Num(_)],
        ) => {
            let t = text(it, &args[0])?;
            let radix = args.get(1).and_then(Value::as_i64).unwrap_or(10);
            let radix = u32::try_from(radix).unwrap_or(0);
            match parse_static(class.simple_name(), name, &t, radix) {
                Ok(n) => Value::Num(n),
                Err(e) => return Err(it.exception(e.class, &e.message)),
            }
        }
        ("Integer" | "Long" | "Double" | "Float", "valueOf", [Value::Num(n)]) => {
            Value::Num(match class.simple_name() {
                "Integer" => n.to_integer(),
                "Long" => n.to_long(),
                "Double" => n.to_double(),
                _ => n.to_float(),
            })
        }
        ("Integer", "toString" | "toHexString" | "toBinaryString", [n]) => {
            let v = n.as_i64().unwrap_or(0);
            Value::Str(
                match name {
                    "toHexString" => format!("{:x}", v as i32),
                    "toBinaryString" => format!("{:b}", v as i32),
                    _ => v.to_string(),
                }
                .into(),
            )
        }
        ("String", "valueOf", [v]) => Value::Str(text(it, v)?.into()),
        ("String", "format", [fmt, rest @ ..]) => Value::Str(sprintf(it, fmt, rest)?.into()),
        ("String", "join", [sep, rest @ ..]) => {
            let sep = text(it, sep)?;
            let items = match rest {
                [one @ (Value::List(_) | Value::Range(_))] => crate::collections::items(one),
                many => many.to_vec(),
            };
            Value::Str(super::iterable::join(it, &items, &sep)?.into())
        }
        ("Boolean", "valueOf" | "parseBoolean", [v]) => {
            Value::Bool(text(it, v)?.eq_ignore_ascii_case("true"))
        }
        ("Pattern", "compile", [p]) => {
            let source = text(it, p)?;
            crate::regex::pattern(it, &source)?
        }
        ("Pattern", "compile", [p, Value::Num(flags)]) => {
            let source = format!("{}{}", flag_prefix(flags.to_i64()), text(it, p)?);
            crate::regex::pattern(it, &source)?
        }
        ("Pattern", "matches", [p, s]) => {
            let source = text(it, p)?;
            let p = crate::regex::pattern(it, &source)?;
            Value::Bool(crate::ops::is_case(it, &p, s)?)
        }
        ("JsonOutput", "toJson", [v]) => {
            let json = to_json_value(it, v)?;
            match crate::json::to_json(&json) {
                Ok(s) => Value::Str(s.into()),
                Err(e) => return Err(it.exception(e.class, &e.message)),
            }
        }
        ("JsonOutput", "prettyPrint", [v]) => match crate::json::pretty_print(&text(it, v)?) {
            Ok(s) => Value::Str(s.into()),
            Err(e) => return Err(it.exception(e.class, &e.message)),
        },
        ("Character", _, [Value::Char(c)]) => match character_method(name, *c) {
            Some(v) => v,
            None => return Ok(None),
        },
        ("Arrays", "toString", [Value::Null]) => Value::Str("null".into()),
        ("Arrays", "toString", [a @ Value::List(_)]) => Value::Str(it.to_string_value(a)?.into()),
        ("Arrays", "asList", [Value::List(l)]) => fixed_size_list(l.borrow().clone()),
        ("Arrays", "asList", items) => fixed_size_list(items.to_vec()),
        ("Matcher", "getLastMatcher", []) => crate::regex::last_matcher(it),
        ("Pattern", "quote", [p]) => Value::Str(quote_pattern(&text(it, p)?).into()),
        ("Matcher", "quoteReplacement", [r]) => {
            let r = text(it, r)?;
            Value::Str(r.replace('\\', "\\\\").replace('$', "\\$").into())
        }
        ("URLEncoder", "encode", [t, ..]) => Value::Str(url_encode(&text(it, t)?).into()),
        ("URLDecoder", "decode", [t, ..]) => Value::Str(url_decode(&text(it, t)?).into()),
        ("XmlUtil", "escapeXml", [t]) => Value::Str(escape_xml(&text(it, t)?).into()),
        ("System", "currentTimeMillis" | "nanoTime", []) => Value::Num(Number::Long(0)),
        ("System", "getenv", [_]) => Value::Null,
        ("System", "lineSeparator", []) => Value::Str("\n".into()),
        _ => return Ok(None),
    }))
}

/// `new Class(args)` for built-in classes.
pub(crate) fn construct(it: &mut Interpreter, class: &Rc<Class>, args: Vec<Value>) -> Eval {
    if class.is_a("java.lang.Throwable") {
        let (message, cause) = match args.as_slice() {
            [] => (Value::Null, Value::Null),
            [Value::Object(o)] if o.class.is_a("java.lang.Throwable") => {
                (Value::Str(args[0].to_display().into()), args[0].clone())
            }
            [m] => (Value::Str(it.to_string_value(m)?.into()), Value::Null),
            [m, c, ..] => (Value::Str(it.to_string_value(m)?.into()), c.clone()),
        };
        return Ok(crate::classes::exception_of(class.clone(), message, cause));
    }
    Ok(match (class.simple_name(), args.as_slice()) {
        ("ArrayList" | "List", []) => Value::list(Vec::new()),
        // `new ArrayList(n)`: an empty list with room for n.
        ("ArrayList", [Value::Num(_)]) => Value::list(Vec::new()),
        ("ArrayList", [other]) => Value::list(crate::collections::items(other)),
        ("LinkedList", []) => crate::convert::coerce(it, Value::list(Vec::new()), "LinkedList", 0)?,
        ("LinkedList", [other]) => crate::convert::coerce(it, other.clone(), "LinkedList", 0)?,
        (set, []) if SetKind::named(set).is_some() => {
            crate::convert::coerce(it, Value::list(Vec::new()), set, 0)?
        }
        (set, [other @ (Value::List(_) | Value::Range(_))]) if SetKind::named(set).is_some() => {
            let values = crate::collections::items(other);
            // `new HashSet(c)` sizes its table for `c.size() / .75 + 1`, 16 at least.
            let capacity = (values.len() * 4 / 3 + 1).max(16);
            let kind = SetKind::named(set).unwrap_or(SetKind::Linked);
            crate::collections::new_sized_set(it, values, kind, capacity)?
        }
        ("LinkedHashMap" | "Map", []) => Value::map(IndexMap::new()),
        ("LinkedHashMap", [Value::Map(m)]) => Value::map(m.borrow().clone()),
        (map @ ("HashMap" | "TreeMap"), []) => new_map(it, IndexMap::new(), map_class(map))?,
        (map @ ("HashMap" | "TreeMap"), [Value::Map(m)]) => {
            let entries = m.borrow().clone();
            new_map(it, entries, map_class(map))?
        }
        ("StringBuilder" | "StringBuffer", []) => Value::Buffer(Rc::default()),
        ("StringBuilder" | "StringBuffer", [v]) => {
            Value::Buffer(Rc::new(std::cell::RefCell::new(it.to_string_value(v)?)))
        }
        ("BigDecimal", [v @ (Value::Str(_) | Value::GString(_))]) => {
            let t = it.to_string_value(v)?;
            match crate::number::parse_big_decimal(&t) {
                Ok(d) => Value::Num(Number::BigDecimal(Rc::new(d))),
                Err(e) => return Err(it.exception(e.class, &e.message)),
            }
        }
        ("BigInteger", [v @ (Value::Str(_) | Value::GString(_))]) => {
            let t = it.to_string_value(v)?;
            match crate::number::parse_big_integer(&t) {
                Ok(d) => Value::Num(Number::BigInteger(Rc::new(d))),
                Err(e) => return Err(it.exception(e.class, &e.message)),
            }
        }
        ("BigDecimal", [Value::Num(n)]) if n.is_integral() => match n.to_big_decimal() {
            Ok(d) => Value::Num(Number::BigDecimal(Rc::new(d))),
            Err(e) => return Err(it.exception(e.class, &e.message)),
        },
        ("String", []) => Value::Str("".into()),
        ("String", [Value::List(l)]) if l.borrow().iter().all(|c| matches!(c, Value::Char(_))) => {
            // new String(char[])
            Value::Str(
                l.borrow()
                    .iter()
                    .map(Value::to_display)
                    .collect::<String>()
                    .into(),
            )
        }
        ("String", [bytes] | [bytes, _]) if crate::arrays::bytes_of(bytes).is_some() => {
            let bytes = crate::arrays::bytes_of(bytes).unwrap_or_default();
            Value::Str(String::from_utf8_lossy(&bytes).into())
        }
        ("String", [v]) => Value::Str(it.to_string_value(v)?.into()),
        ("Object", []) => Value::Object(Rc::new(crate::value::Object {
            class: class.clone(),
            fields: Default::default(),
        })),
        ("MathContext", _) if super::decimal::math_context(class, &args).is_some() => {
            super::decimal::math_context(class, &args).unwrap_or_default()
        }
        ("JsonBuilder", [] | [_]) => super::json_builder::construct(it, class, &args)?,
        ("JsonSlurper" | "JsonSlurperClassic", []) => {
            Value::Object(Rc::new(crate::value::Object {
                class: class.clone(),
                fields: Default::default(),
            }))
        }
        _ => {
            return Err(it.exception(
                "groovy.lang.GroovyRuntimeException",
                &format!("Could not find matching constructor for: {}", class.name),
            ));
        }
    })
}

/// `Arrays.asList(...)`: a list of class `java.util.Arrays$ArrayList`.
fn fixed_size_list(items: Vec<Value>) -> Value {
    let list = Value::list(items);
    crate::collections::tag(&list, |t| t.class = Some("java.util.Arrays$ArrayList"));
    list
}

/// The class a `HashMap` or `TreeMap` records in its tags.
fn map_class(simple_name: &str) -> Option<&'static str> {
    match simple_name {
        "HashMap" => Some("java.util.HashMap"),
        "TreeMap" => Some("java.util.TreeMap"),
        _ => None,
    }
}

/// Methods of numbers: `abs`, `times`, `upto`, `intdiv`, conversions...
pub(crate) fn number_method(
    it: &mut Interpreter,
    target: &Value,
    name: &str,
    args: &[Value],
) -> Eval<Option<Value>> {
    let Value::Num(n) = target else {
        return Ok(None);
    };
    if let Number::BigDecimal(d) = n
        && let Some(v) = super::decimal::method(it, d, name, args)?
    {
        return Ok(Some(v));
    }
    let err = |it: &Interpreter, e: crate::number::NumberError| it.exception(e.class, &e.message);
    Ok(Some(match (name, args) {
        ("abs", []) => Value::Num(n.abs()),
        ("negate", []) => Value::Num(n.negate().map_err(|e| err(it, e))?),
        ("intValue" | "toInteger", []) => Value::Num(n.to_integer()),
        ("longValue" | "toLong", []) => Value::Num(n.to_long()),
        ("doubleValue" | "toDouble", []) => Value::Num(n.to_double()),
        ("floatValue" | "toFloat", []) => Value::Num(n.to_float()),
        ("toBigDecimal", []) => Value::Num(Number::BigDecimal(Rc::new(
            n.to_big_decimal().map_err(|e| err(it, e))?,
        ))),
        ("setScale", [scale, rest @ ..])
            if matches!(n, Number::BigDecimal(_)) && rest.len() <= 1 =>
        {
            let Number::BigDecimal(d) = n else {
                return Ok(None);
            };
            let mode = match rest.first() {
                None => Some(RoundingMode::Unnecessary),
                // `BigDecimal.ROUND_HALF_UP` (an int) or `RoundingMode.HALF_UP` (an enum).
                Some(Value::Object(_)) => RoundingMode::from_name(&rest[0].to_display()),
                Some(m) => m
                    .as_i64()
                    .and_then(|m| i32::try_from(m).ok())
                    .and_then(RoundingMode::from_java_int),
            };
            let Some(mode) = mode else { return Ok(None) };
            let scale = scale.as_i64().unwrap_or(0);
            let scaled =
                crate::number::decimal::set_scale(d, scale, mode).map_err(|e| err(it, e))?;
            Value::Num(Number::BigDecimal(Rc::new(scaled)))
        }
        ("stripTrailingZeros", []) if matches!(n, Number::BigDecimal(_)) => {
            let Number::BigDecimal(d) = n else {
                return Ok(None);
            };
            Value::Num(Number::BigDecimal(Rc::new(
                crate::number::decimal::strip_trailing_zeros(d),
            )))
        }
        ("toBigInteger", []) => Value::Num(Number::BigInteger(Rc::new(
            n.to_big_integer().map_err(|e| err(it, e))?,
        ))),
        ("round", []) => match n.round() {
            Some(r) => Value::Num(r),
            None => return Ok(None),
        },
        ("round", [places]) => {
            match n.round_places(i32::try_from(places.as_i64().unwrap_or(0)).unwrap_or(0)) {
                Some(r) => Value::Num(r),
                None => return Ok(None),
            }
        }
        ("intdiv", [Value::Num(d)]) => Value::Num(n.intdiv(d).map_err(|e| err(it, e))?),
        ("plus" | "minus" | "multiply" | "div" | "mod" | "power", [Value::Num(d)]) => {
            let op = match name {
                "plus" => jenkins_harness_grammar::ast::BinaryOp::Add,
                "minus" => jenkins_harness_grammar::ast::BinaryOp::Sub,
                "multiply" => jenkins_harness_grammar::ast::BinaryOp::Mul,
                "div" => jenkins_harness_grammar::ast::BinaryOp::Div,
                "mod" => jenkins_harness_grammar::ast::BinaryOp::Mod,
                _ => jenkins_harness_grammar::ast::BinaryOp::Power,
            };
            crate::ops::binary(it, op, target, &Value::Num(d.clone()))?
        }
        ("times", [Value::Closure(c)]) => {
            let count = n.to_i64();
            for i in 0..count {
                it.call_closure(c, vec![crate::collections::int_value(i)])?;
            }
            Value::Null
        }
        ("upto" | "downto", [to, Value::Closure(c)]) => {
            let (a, b) = (n.to_i64(), to.as_i64().unwrap_or(0));
            if name == "upto" {
                for i in a..=b {
                    it.call_closure(c, vec![crate::collections::int_value(i)])?;
                }
            } else {
                for i in (b..=a).rev() {
                    it.call_closure(c, vec![crate::collections::int_value(i)])?;
                }
            }
            Value::Null
        }
        ("step", [to, by, Value::Closure(c)]) => {
            let mut x = target.clone();
            let up =
                crate::ops::compare(it, by, &Interpreter::int(0))? == std::cmp::Ordering::Greater;
            loop {
                let ord = crate::ops::compare(it, &x, to)?;
                if (up && ord != std::cmp::Ordering::Less)
                    || (!up && ord != std::cmp::Ordering::Greater)
                {
                    break;
                }
                it.call_closure(c, vec![x.clone()])?;
                x = crate::ops::binary(it, jenkins_harness_grammar::ast::BinaryOp::Add, &x, by)?;
            }
            Value::Null
        }
        ("compareTo", [other]) => Interpreter::int(match crate::ops::compare(it, target, other)? {
            std::cmp::Ordering::Less => -1,
            std::cmp::Ordering::Equal => 0,
            std::cmp::Ordering::Greater => 1,
        }),
        ("toString", []) => Value::Str(n.to_string().into()),
        ("next", []) => crate::ops::step(it, target, true)?,
        ("previous", []) => crate::ops::step(it, target, false)?,
        _ => return Ok(None),
    }))
}

/// `sprintf(format, args...)`: a single list argument is spread over the format.
pub(crate) fn sprintf(it: &mut Interpreter, fmt: &Value, args: &[Value]) -> Eval<String> {
    let fmt = it.to_string_value(fmt)?;
    let values: Vec<Value> = match args {
        [Value::List(l)] => l.borrow().clone(),
        other => other.to_vec(),
    };
    let mut converted = Vec::with_capacity(values.len());
    for v in &values {
        converted.push(match v {
            Value::Null => FormatArg::Null,
            Value::Bool(b) => FormatArg::Bool(*b),
            Value::Char(c) => FormatArg::Char(*c),
            Value::Num(n) => format_arg(n),
            Value::Map(_) => FormatArg::Str(java_text(v)),
            other => FormatArg::Str(it.to_string_value(other)?),
        });
    }
    crate::format::format(&fmt, &converted).map_err(|e| it.exception(e.class, &e.message))
}

fn java_text(v: &Value) -> String {
    match v {
        Value::Map(m) => {
            let parts: Vec<String> = m
                .borrow()
                .iter()
                .map(|(k, v)| format!("{}={}", k.0.to_display(), v.to_display()))
                .collect();
            format!("{{{}}}", parts.join(", "))
        }
        other => other.to_display(),
    }
}

/// A value as JSON for `JsonOutput.toJson`.
pub(crate) fn to_json_value(it: &mut Interpreter, v: &Value) -> Eval<Json> {
    Ok(match v {
        Value::Null => Json::Null,
        Value::Bool(b) => Json::Bool(*b),
        Value::Num(n) => number_json(n),
        Value::List(_) | Value::Range(_) => {
            let mut out = Vec::new();
            for i in crate::collections::items(v) {
                out.push(to_json_value(it, &i)?);
            }
            Json::Array(out)
        }
        Value::Map(m) => {
            let entries: Vec<(Key, Value)> = m
                .borrow()
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            let mut out = IndexMap::new();
            for (k, v) in entries {
                out.insert(it.to_string_value(&k.0)?, to_json_value(it, &v)?);
            }
            Json::Object(out)
        }
        Value::Object(o) if o.class.decl.is_some() && !o.class.is_a("java.lang.Enum") => {
            let mut out = IndexMap::new();
            for (name, value) in bean_properties(o) {
                out.insert(name.to_string(), to_json_value(it, &value)?);
            }
            Json::Object(out)
        }
        other => Json::String(it.to_string_value(other)?),
    })
}

/// The properties of a script-class object as a bean sees them: sorted by name (as
/// `Introspector` gives them), fields declared without a visibility modifier, statics excluded.
fn bean_properties(o: &crate::value::Object) -> Vec<(Rc<str>, Value)> {
    use jenkins_harness_grammar::ast::ClassMember;
    let mut names: Vec<Rc<str>> = Vec::new();
    let mut class = Some(o.class.clone());
    while let Some(c) = class {
        for member in c.decl.iter().flat_map(|d| d.members.iter()) {
            let ClassMember::Field(var, _) = member else {
                continue;
            };
            let m = &var.modifiers;
            if m.has("static") || m.has("private") || m.has("public") || m.has("protected") {
                continue;
            }
            names.extend(var.declarators.iter().map(|d| Rc::from(&*d.name.name)));
        }
        class = c.parent.clone();
    }
    names.sort();
    names.dedup();
    let fields = o.fields.borrow();
    names
        .into_iter()
        .map(|n| {
            let v = fields.get(&n).cloned().unwrap_or_default();
            (n, v)
        })
        .collect()
}

/// A parsed JSON value as a Groovy value, its objects maps of Java class `map_class`.
pub(crate) fn from_json(it: &mut Interpreter, j: Json, map_class: &'static str) -> Eval {
    Ok(match j {
        Json::Null => Value::Null,
        Json::Bool(b) => Value::Bool(b),
        Json::String(s) => Value::Str(s.into()),
        Json::Array(items) => {
            let mut out = Vec::with_capacity(items.len());
            for item in items {
                out.push(from_json(it, item, map_class)?);
            }
            Value::list(out)
        }
        Json::Object(map) => {
            let mut entries = IndexMap::with_capacity(map.len());
            for (k, v) in map {
                entries.insert(Key(Value::Str(k.into())), from_json(it, v, map_class)?);
            }
            new_map(it, entries, Some(map_class))?
        }
        Json::Integer(i) => Value::Num(Number::Integer(i)),
        Json::Long(l) => Value::Num(Number::Long(l)),
        Json::BigInteger(b) => Value::Num(Number::BigInteger(Rc::new(b))),
        Json::BigDecimal(d) => Value::Num(Number::BigDecimal(Rc::new(d))),
        Json::Double(d) => Value::Num(Number::Double(d)),
        Json::Float(f) => Value::Num(Number::Float(f)),
    })
}

/// A number as a formatter argument.
fn format_arg(n: &Number) -> FormatArg {
    match n {
        Number::Integer(i) => FormatArg::Int(i64::from(*i)),
        Number::Long(l) => FormatArg::Long(*l),
        Number::BigInteger(b) => FormatArg::BigInt((**b).clone()),
        Number::BigDecimal(d) => FormatArg::BigDecimal((**d).clone()),
        Number::Float(f) => FormatArg::Float32(*f),
        Number::Double(d) => FormatArg::Float(*d),
    }
}

/// A number as JSON.
fn number_json(n: &Number) -> Json {
    match n {
        Number::Integer(i) => Json::Integer(*i),
        Number::Long(l) => Json::Long(*l),
        Number::BigInteger(b) => Json::BigInteger((**b).clone()),
        Number::BigDecimal(d) => Json::BigDecimal((**d).clone()),
        Number::Float(f) => Json::Float(*f),
        Number::Double(d) => Json::Double(*d),
    }
}

/// `Integer.parseInt(s, radix)`, `Long.valueOf(s)`, `Double.parseDouble(s)`, `Integer.decode(s)`...
fn parse_static(
    class: &str,
    name: &str,
    t: &str,
    radix: u32,
) -> Result<Number, crate::number::NumberError> {
    use crate::number as n;
    Ok(match (class, name) {
        ("Integer", "decode") | ("Long", "decode") => {
            let v = decode(t)?;
            if class == "Integer" {
                Number::Integer(i32::try_from(v).map_err(|_| {
                    n::NumberError::number_format(format!("For input string: \"{t}\""))
                })?)
            } else {
                Number::Long(v)
            }
        }
        ("Integer", _) => Number::Integer(n::parse_int(t, radix)?),
        ("Long", _) => Number::Long(n::parse_long(t, radix)?),
        ("Double", _) => Number::Double(n::parse_double(t)?),
        ("Float", _) => Number::Float(n::parse_float(t)?),
        _ => Number::BigDecimal(Rc::new(n::parse_big_decimal(t)?)),
    })
}

/// `Long.decode(s)`: an optional sign, then `0x`/`#` hex, `0` octal or decimal digits.
fn decode(t: &str) -> Result<i64, crate::number::NumberError> {
    let (sign, rest) = match t.as_bytes().first() {
        Some(b'-') => ("-", &t[1..]),
        Some(b'+') => ("", &t[1..]),
        _ => ("", t),
    };
    let (radix, digits) =
        if let Some(h) = rest.strip_prefix("0x").or_else(|| rest.strip_prefix("0X")) {
            (16, h)
        } else if let Some(h) = rest.strip_prefix('#') {
            (16, h)
        } else if rest.len() > 1 && rest.starts_with('0') {
            (8, &rest[1..])
        } else {
            (10, rest)
        };
    if digits.starts_with(['-', '+']) {
        return Err(crate::number::NumberError::number_format(
            "Sign character in wrong position",
        ));
    }
    crate::number::parse_long(&format!("{sign}{digits}"), radix)
}

/// The inline flags for `Pattern.compile(p, flags)`: `(?i)` for `CASE_INSENSITIVE`...
fn flag_prefix(flags: i64) -> String {
    let letters: String = [(2, 'i'), (4, 'x'), (8, 'm'), (32, 's')]
        .iter()
        .filter(|(bit, _)| flags & bit != 0)
        .map(|(_, c)| *c)
        .collect();
    if letters.is_empty() {
        String::new()
    } else {
        format!("(?{letters})")
    }
}

/// `Character.isDigit(c)`, `Character.toUpperCase(c)`...
fn character_method(name: &str, c: char) -> Option<Value> {
    let upper = |c: char| {
        c.to_uppercase()
            .next()
            .filter(|_| c.to_uppercase().count() == 1)
    };
    let lower = |c: char| {
        c.to_lowercase()
            .next()
            .filter(|_| c.to_lowercase().count() == 1)
    };
    Some(match name {
        "isDigit" => Value::Bool(c.is_numeric()),
        "isLetter" => Value::Bool(c.is_alphabetic()),
        "isLetterOrDigit" => Value::Bool(c.is_alphanumeric()),
        "isWhitespace" => {
            Value::Bool(c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}'))
        }
        "isUpperCase" => Value::Bool(c.is_uppercase()),
        "isLowerCase" => Value::Bool(c.is_lowercase()),
        "toUpperCase" => Value::Char(upper(c).unwrap_or(c)),
        "toLowerCase" => Value::Char(lower(c).unwrap_or(c)),
        "toString" => Value::Str(c.to_string().into()),
        "valueOf" => Value::Char(c),
        "getNumericValue" => Interpreter::int(c.to_digit(36).map_or(-1, |d| d as i32)),
        _ => return None,
    })
}

/// `Pattern.quote(s)`: `\Q...\E`, with any `\E` inside split out.
fn quote_pattern(s: &str) -> String {
    format!("\\Q{}\\E", s.replace("\\E", "\\E\\\\E\\Q"))
}

/// `URLEncoder.encode(s, "UTF-8")`: form encoding, spaces as `+`.
fn url_encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'.' | b'-' | b'*' | b'_' => {
                out.push(char::from(b));
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// `URLDecoder.decode(s, "UTF-8")`: `+` is a space, `%XX` a byte.
fn url_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = s
                    .get(i + 1..i + 3)
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                if let Some(v) = hex {
                    out.push(v);
                    i += 2;
                } else {
                    out.push(b'%');
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// `XmlUtil.escapeXml(s)`.
fn escape_xml(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}
