//! Static methods and properties of the built-in classes scripts use, and `sprintf` over the
//! Java formatter.

use std::rc::Rc;

use crate::error::Eval;
use crate::format::FormatArg;
use crate::interp::Interpreter;
use crate::number::{Number, RoundingMode};
use crate::value::{Class, Value};

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

/// `Integer.toString(n, radix)` (signed), or `toHexString`-like (`unsigned`: the bits of the
/// 32- or 64-bit two's complement) text of `n`; radixes outside 2..=36 count as 10, as in Java.
fn integer_text(n: i64, long: bool, unsigned: bool, radix: i64) -> String {
    let radix = u32::try_from(radix)
        .ok()
        .filter(|r| (2..=36).contains(r))
        .unwrap_or(10);
    let (negative, mut magnitude) = match (unsigned, long) {
        (true, true) => (false, u128::from(n.cast_unsigned())),
        (true, false) => (false, u128::from((n as i32).cast_unsigned())),
        (false, _) => (n < 0, u128::from(n.unsigned_abs())),
    };
    let mut digits = Vec::new();
    loop {
        let d = u32::try_from(magnitude % u128::from(radix)).unwrap_or(0);
        digits.push(char::from_digit(d, radix).unwrap_or('0'));
        magnitude /= u128::from(radix);
        if magnitude == 0 {
            break;
        }
    }
    if negative {
        digits.push('-');
    }
    digits.iter().rev().collect()
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
    match class.simple_name() {
        "Collections" => return super::java_util::collections_static(it, name, args),
        "Objects" => return super::java_util::objects_static(it, name, args),
        _ => {}
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
        (
            class_name @ ("Integer" | "Long"),
            "toString" | "toHexString" | "toBinaryString" | "toOctalString",
            [Value::Num(n), rest @ ..],
        ) if n.is_integral() && rest.len() <= 1 => {
            let radix = match (name, rest) {
                ("toHexString", []) => 16,
                ("toBinaryString", []) => 2,
                ("toOctalString", []) => 8,
                ("toString", []) => 10,
                ("toString", [r]) => r.as_i64().unwrap_or(10),
                _ => return Ok(None),
            };
            Value::Str(
                integer_text(n.to_i64(), class_name == "Long", name != "toString", radix).into(),
            )
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
            let json = super::json_values::to_json_value(it, v)?;
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
        ("Arrays", "asList", [Value::List(l)]) => {
            super::construct::fixed_size_list(l.borrow().clone())
        }
        ("Arrays", "asList", items) => super::construct::fixed_size_list(items.to_vec()),
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
