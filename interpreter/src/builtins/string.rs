//! GDK methods of strings (`String`, `GString`, `StringBuffer`).

use std::rc::Rc;

use crate::collections::int_value;
use crate::error::Eval;
use crate::interp::Interpreter;
use crate::value::Value;

/// A String value.
pub(super) fn s(v: impl Into<Rc<str>>) -> Value {
    Value::Str(v.into())
}

/// A count as an Integer.
pub(super) fn count(n: usize) -> Value {
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
    if let (Value::GString(_), "hashCode", []) = (target, name, args) {
        // GStringImpl.hashCode() is 37 + toString().hashCode().
        return Ok(Some(Interpreter::int(java_hash(&text).wrapping_add(37))));
    }
    if let Some(v) = extra_method(it, &text, name, args)? {
        return Ok(Some(v));
    }
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
                    crate::regex::compile_regex(it, &src)?.regex.clone()
                }
            };
            let limit = if name == "replaceFirst" { 1 } else { 0 };
            match with {
                Value::Closure(c) => {
                    let mut out = String::new();
                    let mut last = 0;
                    for (n, caps) in pattern
                        .captures_iter(text.as_str())
                        .map_while(Result::ok)
                        .enumerate()
                    {
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
                    let replacement = it.to_string_value(other)?;
                    s(crate::regex::replace(
                        it,
                        &pattern,
                        &text,
                        &replacement,
                        limit == 1,
                    )?)
                }
            }
        }
        ("split", []) => string_array(text.split_whitespace().map(s).collect()),
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
        ) => match parse_number(&text, name) {
            Ok(n) => Value::Num(n),
            Err(e) => return Err(it.exception(e.class, &e.message)),
        },
        ("toBoolean", []) => Value::Bool(matches!(
            text.trim().to_lowercase().as_str(),
            "true" | "y" | "1"
        )),
        ("isNumber" | "isBigDecimal", []) => {
            Value::Bool(parse_number(&text, "toBigDecimal").is_ok())
        }
        ("isBigInteger", []) => Value::Bool(parse_number(&text, "toBigInteger").is_ok()),
        ("isInteger", []) => Value::Bool(parse_number(&text, "toInteger").is_ok()),
        ("isLong", []) => Value::Bool(parse_number(&text, "toLong").is_ok()),
        ("isDouble", []) => Value::Bool(parse_number(&text, "toDouble").is_ok()),
        ("isFloat", []) => Value::Bool(parse_number(&text, "toFloat").is_ok()),
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
        ("tr", [_, _]) => {
            let from = expand_tr_ranges(&arg_text(it, 0)?);
            let to = expand_tr_ranges(&arg_text(it, 1)?);
            s(translate(&text, &from, &to))
        }
        ("toList", []) => Value::list(chars.iter().map(|c| s(c.to_string())).collect()),
        ("toCharArray", []) => {
            crate::arrays::array_of("char", chars.iter().map(|c| Value::Char(*c)).collect())
        }
        ("getAt", [i]) => match string_get_at(it, &chars, i)? {
            Some(v) => v,
            None => super::list_ops::get_at(it, target, i)?,
        },
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
        ("matches", [_]) => {
            let re = arg_text(it, 0)?;
            let p = crate::regex::pattern(it, &re)?;
            match p {
                Value::Pattern(p) => Value::Bool(crate::regex::full_match(&p, &text)),
                _ => Value::Bool(false),
            }
        }
        ("format", _) => s(super::statics::sprintf(it, target, args)?),
        ("encodeBase64", []) => s(base64(text.as_bytes())),
        ("decodeBase64", []) => crate::arrays::byte_array(&unbase64(&text)),
        // Strings are UTF-8 here, the charset Jenkins scripts ask for.
        ("getBytes", [] | [_]) => crate::arrays::byte_array(text.as_bytes()),
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

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

pub(crate) fn base64(bytes: &[u8]) -> String {
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

/// The characters of a `tr` argument, ranges (`a-z`) spelled out.
fn expand_tr_ranges(spec: &str) -> Vec<char> {
    let chars: Vec<char> = spec.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if i + 2 < chars.len() && chars[i + 1] == '-' && chars[i] <= chars[i + 2] {
            out.extend(chars[i]..=chars[i + 2]);
            i += 3;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

/// `text.tr(from, to)`: each character of `from` replaced by the one at its place in `to`
/// (the last one of `to` when `to` is shorter); the last occurrence in `from` wins.
fn translate(text: &str, from: &[char], to: &[char]) -> String {
    text.chars()
        .map(|c| match from.iter().rposition(|&f| f == c) {
            Some(at) => to.get(at).or(to.last()).copied().unwrap_or(c),
            None => c,
        })
        .collect()
}

/// A `String[]` (what `split` returns).
pub(super) fn string_array(parts: Vec<Value>) -> Value {
    crate::arrays::array_of("String", parts)
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

/// `text[i]` and `text[from..to]` with Groovy's index checks; `None` for other indexes.
fn string_get_at(it: &mut Interpreter, chars: &[char], index: &Value) -> Eval<Option<Value>> {
    let len = i64::try_from(chars.len()).unwrap_or(i64::MAX);
    let (from, to, reverse) = match index {
        Value::Num(n) if n.is_integral() => {
            let i = n.to_i64();
            let at = if i < 0 { i + len } else { i };
            if at < 0 {
                return Err(it.exception(
                    "java.lang.ArrayIndexOutOfBoundsException",
                    &format!("Negative array index [{i}] too large for array size {len}"),
                ));
            }
            (at, at + 1, false)
        }
        Value::Range(r) if !r.exclusive => {
            let (Value::Num(a), Value::Num(b)) = (&r.from, &r.to) else {
                return Ok(None);
            };
            let (a, b) = (a.to_i64(), b.to_i64());
            let a = if a < 0 { a + len } else { a };
            let b = if b < 0 { b + len } else { b };
            if a > b {
                (b, a + 1, true)
            } else {
                (a, b + 1, false)
            }
        }
        _ => return Ok(None),
    };
    if from < 0 || to > len || from > to {
        return Err(it.exception(
            "java.lang.StringIndexOutOfBoundsException",
            &format!("begin {from}, end {to}, length {len}"),
        ));
    }
    let (a, b) = (
        usize::try_from(from).unwrap_or(0),
        usize::try_from(to).unwrap_or(0),
    );
    let part: String = if reverse {
        chars[a..b].iter().rev().collect()
    } else {
        chars[a..b].iter().collect()
    };
    Ok(Some(s(part)))
}

/// The argument at `i` as text (empty when missing).
fn text_arg(it: &mut Interpreter, args: &[Value], i: usize) -> Eval<String> {
    match args.get(i) {
        Some(v) => it.to_string_value(v),
        None => Ok(String::new()),
    }
}

/// The argument at `i` as an int (0 when missing or not a number).
pub(super) fn int_arg(args: &[Value], i: usize) -> i64 {
    args.get(i).and_then(Value::as_i64).unwrap_or(0)
}

/// String methods taking offsets, counts, closures or regexes.
fn extra_method(
    it: &mut Interpreter,
    text: &str,
    name: &str,
    args: &[Value],
) -> Eval<Option<Value>> {
    let chars: Vec<char> = text.chars().collect();
    Ok(Some(match (name, args) {
        ("take" | "drop" | "takeRight" | "dropRight", [Value::Num(_)]) => {
            s(take_drop(&chars, name, int_arg(args, 0)))
        }
        ("takeWhile" | "dropWhile" | "find", [Value::Closure(c)]) => {
            let mut at = chars.len();
            for (i, ch) in chars.iter().enumerate() {
                let keep = it.call_closure(c, vec![s(ch.to_string())])?.truthy();
                if keep == (name == "find") {
                    at = i;
                    break;
                }
            }
            match name {
                "takeWhile" => s(chars[..at].iter().collect::<String>()),
                "dropWhile" => s(chars[at..].iter().collect::<String>()),
                _ => chars.get(at).map_or(Value::Null, |c| s(c.to_string())),
            }
        }
        ("count", [_]) => {
            let needle = text_arg(it, args, 0)?;
            count(count_overlapping(text, &needle))
        }
        ("stripMargin", [_]) => {
            let margin = text_arg(it, args, 0)?.chars().next().unwrap_or('|');
            s(strip_margin(text, margin))
        }
        ("stripMargin", []) => s(strip_margin(text, '|')),
        ("split", [_] | [_, Value::Num(_)]) => {
            let source = text_arg(it, args, 0)?;
            let p = crate::regex::compile_regex(it, &source)?;
            let parts = crate::regex::split(&p.regex, text, int_arg(args, 1));
            string_array(parts.into_iter().map(s).collect())
        }
        ("startsWith", [_, Value::Num(_)]) => {
            let prefix = text_arg(it, args, 0)?;
            let from = usize::try_from(int_arg(args, 1)).ok();
            Value::Bool(from.is_some_and(|f| {
                f <= chars.len() && chars[f..].iter().collect::<String>().starts_with(&prefix)
            }))
        }
        ("indexOf" | "lastIndexOf", [_, Value::Num(_)]) => {
            let needle: Vec<char> = text_arg(it, args, 0)?.chars().collect();
            index_from(&chars, &needle, int_arg(args, 1), name == "lastIndexOf")
        }
        ("compareTo", [Value::Str(_) | Value::GString(_)]) => {
            let other = text_arg(it, args, 0)?;
            Interpreter::int(java_compare(text, &other))
        }
        ("isCase", [Value::Null]) => Value::Bool(false),
        ("isCase", [x]) => Value::Bool(it.to_string_value(x)? == text),
        ("compareToIgnoreCase", [_]) => {
            let other = text_arg(it, args, 0)?;
            Interpreter::int(compare_ignore_case(text, &other))
        }
        ("getChars", []) => Value::list(chars.iter().map(|c| Value::Char(*c)).collect()),
        ("normalize", []) => s(text.replace("\r\n", "\n").replace('\r', "\n")),
        ("denormalize", []) => s(text.replace("\r\n", "\n").replace('\r', "\n")),
        ("format", [fmt, rest @ ..]) => s(super::statics::sprintf(it, fmt, rest)?),
        ("hashCode", []) => Interpreter::int(java_hash(text)),
        ("eachLine", [Value::Closure(c)]) => {
            let two = c.code.params.as_ref().is_some_and(|p| p.len() > 1);
            let mut last = Value::Null;
            for (i, line) in text.lines().enumerate() {
                let mut call = vec![s(line)];
                if two {
                    call.push(count(i));
                }
                last = it.call_closure(c, call)?;
            }
            last
        }
        _ => return super::regex_methods::regex_string_method(it, text, name, args),
    }))
}

/// `toInteger()`, `toLong()`, ... : Java's parser of that type over the text trimmed as
/// `String.trim()` does, with Java's `NumberFormatException` messages.
fn parse_number(
    text: &str,
    name: &str,
) -> Result<crate::number::Number, crate::number::NumberError> {
    use crate::number::{self as n, Number};
    let t = text.trim_matches(|c: char| c <= ' ');
    Ok(match name {
        "toInteger" => Number::Integer(n::parse_int(t, 10)?),
        "toLong" => Number::Long(n::parse_long(t, 10)?),
        "toDouble" => Number::Double(n::parse_double(t)?),
        "toFloat" => Number::Float(n::parse_float(t)?),
        "toBigInteger" => Number::BigInteger(Rc::new(n::parse_big_integer(t)?)),
        "toBigDecimal" => Number::BigDecimal(Rc::new(n::parse_big_decimal(t)?)),
        _ => n::parse_literal(t).map_err(n::NumberError::number_format)?,
    })
}

/// `String.compareTo`: the difference of the first differing UTF-16 units, else of the lengths.
fn java_compare(a: &str, b: &str) -> i32 {
    let (a, b): (Vec<u16>, Vec<u16>) = (a.encode_utf16().collect(), b.encode_utf16().collect());
    for (x, y) in a.iter().zip(&b) {
        if x != y {
            return i32::from(*x) - i32::from(*y);
        }
    }
    i32::try_from(a.len()).unwrap_or(0) - i32::try_from(b.len()).unwrap_or(0)
}

/// `String.hashCode()` over UTF-16 code units.
fn java_hash(text: &str) -> i32 {
    text.encode_utf16()
        .fold(0i32, |h, u| h.wrapping_mul(31).wrapping_add(i32::from(u)))
}

/// `compareToIgnoreCase`: the first differing case-folded character's difference.
fn compare_ignore_case(a: &str, b: &str) -> i32 {
    let fold = |c: char| {
        c.to_uppercase()
            .flat_map(char::to_lowercase)
            .next()
            .unwrap_or(c)
    };
    let (a, b): (Vec<char>, Vec<char>) =
        (a.chars().map(fold).collect(), b.chars().map(fold).collect());
    for (x, y) in a.iter().zip(&b) {
        if x != y {
            return *x as i32 - *y as i32;
        }
    }
    i32::try_from(a.len()).unwrap_or(0) - i32::try_from(b.len()).unwrap_or(0)
}

/// `take`, `drop`, `takeRight`, `dropRight` over characters.
fn take_drop(chars: &[char], name: &str, n: i64) -> String {
    let n = usize::try_from(n).unwrap_or(0).min(chars.len());
    let part = match name {
        "take" => &chars[..n],
        "drop" => &chars[n..],
        "takeRight" => &chars[chars.len() - n..],
        _ => &chars[..chars.len() - n],
    };
    part.iter().collect()
}

/// Occurrences of `needle`, overlapping ones included (`'aaaa'.count('aa')` is 3).
fn count_overlapping(text: &str, needle: &str) -> usize {
    if needle.is_empty() {
        return text.chars().count() + 1;
    }
    let mut n = 0;
    let mut from = 0;
    while let Some(at) = text.get(from..).and_then(|t| t.find(needle)) {
        n += 1;
        from += at + text[from + at..].chars().next().map_or(1, char::len_utf8);
    }
    n
}

/// `stripMargin(margin)`: removes leading blanks and the margin character from each line.
fn strip_margin(text: &str, margin: char) -> String {
    let mut out: Vec<&str> = Vec::new();
    for line in text.split('\n') {
        let trimmed = line.trim_start_matches([' ', '\t']);
        out.push(trimmed.strip_prefix(margin).unwrap_or(line));
    }
    out.join("\n")
}

/// `indexOf(needle, from)` / `lastIndexOf(needle, from)` over characters.
fn index_from(chars: &[char], needle: &[char], from: i64, last: bool) -> Value {
    let len = chars.len();
    let fits = |i: usize| i + needle.len() <= len && chars[i..i + needle.len()] == *needle;
    let found = if last {
        let start = usize::try_from(from.max(-1) + 1).unwrap_or(0).min(len + 1);
        (0..start).rev().find(|&i| fits(i))
    } else {
        let start = usize::try_from(from.max(0)).unwrap_or(0);
        (start..=len).find(|&i| fits(i))
    };
    found.map_or(Interpreter::int(-1), count)
}
