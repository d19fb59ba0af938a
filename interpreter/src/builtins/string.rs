//! GDK methods of strings (`String`, `GString`, `StringBuffer`) and of regex values.

use std::rc::Rc;

use crate::collections::int_value;
use crate::error::Eval;
use crate::interp::Interpreter;
use crate::value::Value;

fn s(v: impl Into<Rc<str>>) -> Value {
    Value::Str(v.into())
}

fn count(n: usize) -> Value {
    int_value(i64::try_from(n).unwrap_or(0))
}

/// Methods of strings.
pub(crate) fn method(
    it: &mut Interpreter,
    target: &Value,
    name: &str,
    args: &[Value],
) -> Eval<Option<Value>> {
    let text = target.to_display();
    let arg_text = |it: &mut Interpreter, i: usize| -> Eval<String> {
        match args.get(i) {
            Some(v) => it.to_string_value(v),
            None => Ok(String::new()),
        }
    };
    let chars: Vec<char> = text.chars().collect();
    Ok(Some(match (name, args) {
        ("size" | "length", []) => count(text.encode_utf16().count()),
        ("trim", []) => s(text.trim()),
        ("toUpperCase", []) => s(text.to_uppercase()),
        ("toLowerCase", []) => s(text.to_lowercase()),
        ("capitalize", []) => {
            let mut c = text.chars();
            s(match c.next() {
                Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
                None => String::new(),
            })
        }
        ("uncapitalize", []) => {
            let mut c = text.chars();
            s(match c.next() {
                Some(f) => f.to_lowercase().collect::<String>() + c.as_str(),
                None => String::new(),
            })
        }
        ("startsWith", [_]) => Value::Bool(text.starts_with(&arg_text(it, 0)?)),
        ("endsWith", [_]) => Value::Bool(text.ends_with(&arg_text(it, 0)?)),
        ("contains", [_]) => Value::Bool(text.contains(&arg_text(it, 0)?)),
        ("equalsIgnoreCase", [_]) => {
            Value::Bool(text.to_lowercase() == arg_text(it, 0)?.to_lowercase())
        }
        ("indexOf", [_]) => index_of(&text, &arg_text(it, 0)?, false),
        ("lastIndexOf", [_]) => index_of(&text, &arg_text(it, 0)?, true),
        ("substring", [a]) => {
            let a = a.as_i64().unwrap_or(0);
            match usize::try_from(a).ok().filter(|&a| a <= chars.len()) {
                Some(a) => s(chars[a..].iter().collect::<String>()),
                None => {
                    return Err(it.exception(
                        "java.lang.StringIndexOutOfBoundsException",
                        &format!("begin {a}, end {}, length {}", chars.len(), chars.len()),
                    ));
                }
            }
        }
        ("substring", [a, b]) => {
            let (a, b) = (a.as_i64().unwrap_or(0), b.as_i64().unwrap_or(0));
            match (usize::try_from(a), usize::try_from(b)) {
                (Ok(x), Ok(y)) if x <= y && y <= chars.len() => {
                    s(chars[x..y].iter().collect::<String>())
                }
                _ => {
                    return Err(it.exception(
                        "java.lang.StringIndexOutOfBoundsException",
                        &format!("begin {a}, end {b}, length {}", chars.len()),
                    ));
                }
            }
        }
        ("replace", [_, _]) => s(text.replace(&arg_text(it, 0)?, &arg_text(it, 1)?)),
        ("replaceAll" | "replaceFirst", [re, with]) => {
            let pattern = match re {
                Value::Pattern(p) => p.regex.clone(),
                other => {
                    let src = it.to_string_value(other)?;
                    match regex::Regex::new(&src) {
                        Ok(r) => r,
                        Err(e) => {
                            return Err(it.exception(
                                "java.util.regex.PatternSyntaxException",
                                &e.to_string(),
                            ));
                        }
                    }
                }
            };
            let limit = if name == "replaceFirst" { 1 } else { 0 };
            match with {
                Value::Closure(c) => {
                    let mut out = String::new();
                    let mut last = 0;
                    for (n, caps) in pattern.captures_iter(&text).enumerate() {
                        if limit == 1 && n == 1 {
                            break;
                        }
                        let Some(whole) = caps.get(0) else { continue };
                        out.push_str(&text[last..whole.start()]);
                        let groups: Vec<Option<Rc<str>>> = caps
                            .iter()
                            .map(|g| g.map(|m| Rc::from(m.as_str())))
                            .collect();
                        let arg = crate::regex::match_value(&groups);
                        let args = match arg {
                            Value::List(l)
                                if c.code.params.as_ref().is_some_and(|p| p.len() > 1) =>
                            {
                                l.borrow().clone()
                            }
                            other => vec![other],
                        };
                        let r = it.call_closure(c, args)?;
                        out.push_str(&it.to_string_value(&r)?);
                        last = whole.end();
                    }
                    out.push_str(&text[last..]);
                    s(out)
                }
                other => {
                    let replacement = java_replacement(&it.to_string_value(other)?);
                    s(pattern
                        .replacen(&text, limit, replacement.as_str())
                        .into_owned())
                }
            }
        }
        ("split", []) => Value::list(text.split_whitespace().map(s).collect()),
        ("split", [_]) => {
            let sep = arg_text(it, 0)?;
            let parts: Vec<&str> = match regex::Regex::new(&sep) {
                Ok(r) => r.split(&text).collect(),
                Err(_) => text.split(sep.as_str()).collect(),
            };
            let mut parts: Vec<Value> = parts.into_iter().map(s).collect();
            // Java drops trailing empty strings.
            while parts.len() > 1 && parts.last().is_some_and(|p| p.to_display().is_empty()) {
                parts.pop();
            }
            if text.is_empty() {
                parts = vec![s("")];
            }
            Value::list(parts)
        }
        ("tokenize", []) => Value::list(text.split_whitespace().map(s).collect()),
        ("tokenize", [_]) => {
            let delims: Vec<char> = arg_text(it, 0)?.chars().collect();
            Value::list(
                text.split(|c| delims.contains(&c))
                    .filter(|p| !p.is_empty())
                    .map(s)
                    .collect(),
            )
        }
        ("readLines", []) => Value::list(text.lines().map(s).collect()),
        ("eachLine", [Value::Closure(c)]) => {
            for line in text.lines() {
                it.call_closure(c, vec![s(line)])?;
            }
            Value::Null
        }
        (
            "toInteger" | "toLong" | "toBigInteger" | "toBigDecimal" | "toDouble" | "toFloat"
            | "asType",
            [],
        )
        | ("toInteger" | "toLong" | "toDouble" | "toBigDecimal", _) => {
            let trimmed = text.trim();
            let n = match name {
                "toInteger" => trimmed
                    .parse::<i32>()
                    .ok()
                    .map(crate::number::Number::Integer),
                "toLong" => trimmed.parse::<i64>().ok().map(crate::number::Number::Long),
                "toDouble" | "toFloat" => trimmed
                    .parse::<f64>()
                    .ok()
                    .map(crate::number::Number::Double),
                _ => crate::number::parse_literal(trimmed).ok().or_else(|| {
                    crate::number::parse_literal(trimmed.trim_start_matches('-'))
                        .ok()
                        .and_then(|n| n.negate().ok())
                }),
            };
            match n {
                Some(n) => Value::Num(n),
                None => {
                    return Err(it.exception(
                        "java.lang.NumberFormatException",
                        &format!("For input string: \"{text}\""),
                    ));
                }
            }
        }
        ("toBoolean", []) => Value::Bool(matches!(
            text.trim().to_lowercase().as_str(),
            "true" | "y" | "1"
        )),
        ("isNumber" | "isBigDecimal", []) => Value::Bool(text.trim().parse::<f64>().is_ok()),
        ("isInteger", []) => Value::Bool(text.trim().parse::<i32>().is_ok()),
        ("isLong", []) => Value::Bool(text.trim().parse::<i64>().is_ok()),
        ("isDouble" | "isFloat", []) => Value::Bool(text.trim().parse::<f64>().is_ok()),
        ("padLeft" | "padRight" | "center", [n, ..]) => {
            let width = usize::try_from(n.as_i64().unwrap_or(0)).unwrap_or(0);
            let pad = if args.len() > 1 {
                arg_text(it, 1)?
            } else {
                " ".into()
            };
            s(pad_text(&text, width, &pad, name))
        }
        ("multiply", [n]) => s(text.repeat(
            usize::try_from(n.as_i64().unwrap_or(0))
                .unwrap_or(0)
                .min(1 << 24),
        )),
        ("plus", [x]) => s(format!("{text}{}", it.to_string_value(x)?)),
        ("minus", [_]) => s(text.replacen(&arg_text(it, 0)?, "", 1)),
        ("reverse", []) => s(text.chars().rev().collect::<String>()),
        ("count", [_]) => {
            let needle = arg_text(it, 0)?;
            count(if needle.is_empty() {
                0
            } else {
                text.matches(needle.as_str()).count()
            })
        }
        ("toList" | "toCharArray" | "chars", []) => {
            Value::list(chars.iter().map(|c| s(c.to_string())).collect())
        }
        ("getAt", [i]) => super::list::get_at(it, target, i)?,
        ("charAt", [i]) => {
            let i = i.as_i64().unwrap_or(0);
            match usize::try_from(i).ok().and_then(|i| chars.get(i)) {
                Some(c) => Value::Char(*c),
                None => {
                    return Err(it.exception(
                        "java.lang.StringIndexOutOfBoundsException",
                        &format!("index {i}, length {}", chars.len()),
                    ));
                }
            }
        }
        ("stripIndent", []) => s(strip_indent(&text)),
        ("stripMargin", []) => s(text
            .lines()
            .map(|l| l.trim_start().strip_prefix('|').unwrap_or(l))
            .collect::<Vec<_>>()
            .join("\n")),
        ("matches", [_]) => {
            let re = arg_text(it, 0)?;
            let p = crate::regex::pattern(it, &re)?;
            match p {
                Value::Pattern(p) => Value::Bool(crate::regex::full_match(&p, &text)),
                _ => Value::Bool(false),
            }
        }
        ("find", [re]) => {
            let p = match crate::regex::find(it, target, re)? {
                Value::Matcher(m) => m,
                _ => return Ok(Some(Value::Null)),
            };
            p.matches
                .first()
                .and_then(|m| m[0].clone())
                .map_or(Value::Null, Value::Str)
        }
        ("findAll", [re]) if !matches!(re, Value::Closure(_)) => {
            match crate::regex::find(it, target, re)? {
                Value::Matcher(m) => Value::list(
                    m.matches
                        .iter()
                        .map(|x| crate::regex::match_value(x))
                        .collect(),
                ),
                _ => Value::list(Vec::new()),
            }
        }
        ("format", _) => s(super::statics::sprintf(it, target, args)?),
        ("encodeBase64", []) => s(base64(text.as_bytes())),
        ("decodeBase64", []) => Value::list(
            unbase64(&text)
                .into_iter()
                .map(|b| Interpreter::int(i32::from(b as i8)))
                .collect(),
        ),
        ("toString", []) => s(text),
        ("intern", []) => s(text),
        ("isEmpty", []) => Value::Bool(text.is_empty()),
        ("next", []) => crate::ops::step(it, target, true)?,
        ("previous", []) => crate::ops::step(it, target, false)?,
        ("leftShift", [x]) => Value::Buffer(Rc::new(std::cell::RefCell::new(format!(
            "{text}{}",
            it.to_string_value(x)?
        )))),
        ("bitwiseNegate", []) => crate::regex::pattern(it, &text)?,
        _ => return Ok(None),
    }))
}

fn index_of(text: &str, needle: &str, last: bool) -> Value {
    let at = if last {
        text.rfind(needle)
    } else {
        text.find(needle)
    };
    match at {
        Some(b) => count(text[..b].chars().count()),
        None => Interpreter::int(-1),
    }
}

fn pad_text(text: &str, width: usize, pad: &str, how: &str) -> String {
    let len = text.chars().count();
    if len >= width || pad.is_empty() {
        return text.to_string();
    }
    let fill = |n: usize| pad.chars().cycle().take(n).collect::<String>();
    match how {
        "padLeft" => format!("{}{text}", fill(width - len)),
        "padRight" => format!("{text}{}", fill(width - len)),
        _ => {
            let left = (width - len) / 2;
            let right = width - len - left;
            format!("{}{text}{}", fill(left), fill(right))
        }
    }
}

fn strip_indent(text: &str) -> String {
    let indent = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start().len())
        .min()
        .unwrap_or(0);
    text.lines()
        .map(|l| l.get(indent..).unwrap_or("").to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Java's `$1` group references become the regex crate's `${1}`.
fn java_replacement(r: &str) -> String {
    let mut out = String::new();
    let mut chars = r.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(n) = chars.next() {
                    if n == '$' {
                        out.push_str("$$");
                    } else {
                        out.push(n);
                    }
                }
            }
            '$' => {
                let mut digits = String::new();
                while let Some(d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                    digits.push(*d);
                    chars.next();
                }
                out.push_str(&format!("${{{digits}}}"));
            }
            c => out.push(c),
        }
    }
    out
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn base64(bytes: &[u8]) -> String {
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(B64[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn unbase64(text: &str) -> Vec<u8> {
    let mut out = Vec::new();
    let mut acc = 0u32;
    let mut bits = 0;
    for c in text.bytes() {
        let Some(v) = B64.iter().position(|&b| b == c) else {
            continue;
        };
        acc = (acc << 6) | u32::try_from(v).unwrap_or(0);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push(((acc >> bits) & 0xFF) as u8);
        }
    }
    out
}

/// Methods of `StringBuffer`/`StringBuilder`.
pub(crate) fn buffer_method(
    it: &mut Interpreter,
    target: &Value,
    name: &str,
    args: &[Value],
) -> Eval<Option<Value>> {
    let Value::Buffer(b) = target else {
        return Ok(None);
    };
    Ok(Some(match (name, args) {
        ("append" | "leftShift", [x]) => {
            let text = it.to_string_value(x)?;
            b.borrow_mut().push_str(&text);
            target.clone()
        }
        ("toString", []) => s(b.borrow().clone()),
        ("length" | "size", []) => count(b.borrow().chars().count()),
        _ => return method(it, &s(b.borrow().clone()), name, args),
    }))
}

/// Methods of Matcher and Pattern values.
pub(crate) fn regex_method(
    it: &mut Interpreter,
    target: &Value,
    name: &str,
    args: &[Value],
) -> Eval<Option<Value>> {
    Ok(Some(match (target, name, args) {
        (Value::Matcher(m), "size" | "getCount", []) => count(m.matches.len()),
        (Value::Matcher(m), "find", []) => Value::Bool(m.find()),
        (Value::Matcher(m), "reset", []) => {
            m.next.set(0);
            m.current.set(None);
            target.clone()
        }
        (Value::Matcher(m), "matches", []) => {
            let whole = crate::regex::full_match(&m.pattern, &m.text);
            m.current.set(whole.then_some(0));
            Value::Bool(whole)
        }
        (Value::Matcher(m), "group", args @ ([] | [_])) => {
            let i = args
                .first()
                .and_then(Value::as_i64)
                .and_then(|i| usize::try_from(i).ok())
                .unwrap_or(0);
            match m.current.get() {
                Some(c) => m
                    .matches
                    .get(c)
                    .and_then(|x| x.get(i).cloned().flatten())
                    .map_or(Value::Null, Value::Str),
                None => {
                    return Err(it.exception("java.lang.IllegalStateException", "No match found"));
                }
            }
        }
        (Value::Matcher(_), "getAt", [i]) => super::list::get_at(it, target, i)?,
        (Value::Matcher(m), "each", [Value::Closure(c)]) => {
            for x in &m.matches {
                let v = crate::regex::match_value(x);
                let args = match v {
                    Value::List(l) if c.code.params.as_ref().is_some_and(|p| p.len() > 1) => {
                        l.borrow().clone()
                    }
                    other => vec![other],
                };
                it.call_closure(c, args)?;
            }
            Value::Null
        }
        (Value::Pattern(p), "matcher", [text]) => {
            let text: Rc<str> = it.to_string_value(text)?.into();
            Value::Matcher(Rc::new(crate::regex::matcher(p.clone(), text)))
        }
        (Value::Pattern(p), "pattern" | "toString", []) => s(p.source.clone()),
        (Value::Pattern(_), "isCase", [x]) => Value::Bool(crate::ops::is_case(it, target, x)?),
        _ => return Ok(None),
    }))
}
