//! Parsing: Groovy number literals (`org.codehaus.groovy.syntax.Numbers`) and the Java parsers
//! scripts call (`Integer.parseInt`, `Long.parseLong`, `Double.parseDouble`,
//! `new BigDecimal(String)`, `new BigInteger(String)`), with Java's exception messages.

use bigdecimal::BigDecimal;
use num_bigint::BigInt;
use num_traits::{ToPrimitive, Zero};

use super::{Number, NumberError, decimal, low_i64};

/// Parses a Groovy number literal as the lexer gives it: `123`, `0x1F`, `017`, `0b101`, `1L`,
/// `1G`, `1.5`, `1e3`, `1.5f`, `2d`, … Integers without a suffix get the narrowest of
/// Integer/Long/BigInteger; decimals are BigDecimal unless suffixed `f`/`d`. A literal out of
/// the float/double range is an error (`3.5e38f`: Groovy fails to compile with "out of
/// range"). A leading `-` (or `+`) is accepted and folded like
/// [`parse_negative_literal`], as Groovy does for `-literal`.
pub fn parse_literal(text: &str) -> Result<Number, String> {
    // The common case, a small decimal integer, without allocating (scripts evaluate their
    // literals each time a loop runs). A leading `0` is octal: leave it to the full parser.
    if let Some(n) = small_decimal(text.as_bytes()) {
        return Ok(Number::Integer(n));
    }
    match text.as_bytes().first() {
        Some(b'-') => parse_signed_literal(&text[1..], true),
        Some(b'+') => parse_signed_literal(&text[1..], false),
        _ => parse_signed_literal(text, false),
    }
}

/// A literal of one to nine decimal digits (always an Integer), read in one pass; `None` for
/// anything else. A leading `0` is octal: left to the full parser.
fn small_decimal(bytes: &[u8]) -> Option<i32> {
    if bytes.is_empty() || bytes.len() > 9 || (bytes[0] == b'0' && bytes.len() > 1) {
        return None;
    }
    let mut n = 0i32;
    for &b in bytes {
        let digit = b.wrapping_sub(b'0');
        if digit > 9 {
            return None;
        }
        n = n * 10 + i32::from(digit);
    }
    Some(n)
}

/// Parses `-literal` the way Groovy folds a unary minus applied directly to a number literal:
/// the sign is part of the parsed text, so `-2147483648` is an Integer and
/// `-9223372036854775808` a Long. A negative zero float/double literal (`-0.0d`) comes out as
/// `0.0`, as the compiled constant does in Groovy 2.4 (`println(-0.0d)` prints `0.0`).
pub fn parse_negative_literal(text: &str) -> Result<Number, String> {
    parse_signed_literal(text, true)
}

fn parse_signed_literal(text: &str, negative: bool) -> Result<Number, String> {
    let t: String = text.chars().filter(|&c| c != '_').collect();
    let lower = t.to_ascii_lowercase();
    let radix_prefix = lower.starts_with("0x") || lower.starts_with("0b");
    let is_decimal = !radix_prefix
        && (lower.contains(['.', 'e']) || lower.ends_with('f') || lower.ends_with('d'));
    if is_decimal {
        parse_decimal_literal(&t, negative)
    } else {
        parse_integer_literal(&t, negative)
    }
}

fn parse_integer_literal(t: &str, negative: bool) -> Result<Number, String> {
    let bad = || format!("invalid number literal: {t}");
    let (mut body, radix) = match t.as_bytes() {
        [b'0', b'x' | b'X', ..] => (&t[2..], 16),
        [b'0', b'b' | b'B', ..] => (&t[2..], 2),
        [b'0', _, ..] => (t, 8),
        _ => (t, 10),
    };
    let mut kind = 'x';
    if let Some(c) = body.chars().last().filter(|c| "iIlLgG".contains(*c)) {
        kind = c.to_ascii_lowercase();
        body = &body[..body.len() - 1];
    }
    if body.is_empty() || !body.chars().all(|c| c.is_digit(radix)) {
        return Err(bad());
    }
    let mut value = BigInt::parse_bytes(body.as_bytes(), radix).ok_or_else(bad)?;
    if negative {
        value = -value;
    }
    Ok(match kind {
        'i' => Number::Integer(low_i64(&value) as i32),
        'l' => Number::Long(low_i64(&value)),
        'g' => Number::from(value),
        _ => Number::narrowest(value),
    })
}

fn parse_decimal_literal(t: &str, negative: bool) -> Result<Number, String> {
    let mut body = t;
    let mut kind = 'x';
    if let Some(c) = t.chars().last().filter(|c| "gGdDfF".contains(*c)) {
        kind = c.to_ascii_lowercase();
        body = &t[..t.len() - 1];
    }
    let signed = if negative {
        format!("-{body}")
    } else {
        body.to_string()
    };
    let value = parse_big_decimal(&signed).map_err(|e| e.message)?;
    let in_range = |max: &str| {
        parse_big_decimal(max).is_ok_and(|m| decimal::compare(&value.abs(), &m).is_le())
    };
    match kind {
        'f' if in_range("3.4028235E38") => {
            let v: f32 = signed
                .parse()
                .map_err(|_| format!("invalid number literal: {t}"))?;
            Ok(Number::Float(if v == 0.0 { 0.0 } else { v }))
        }
        'd' if in_range("1.7976931348623157E308") => {
            let v: f64 = signed
                .parse()
                .map_err(|_| format!("invalid number literal: {t}"))?;
            Ok(Number::Double(if v == 0.0 { 0.0 } else { v }))
        }
        'f' | 'd' => Err("out of range".into()),
        _ => Ok(Number::from(value)),
    }
}

/// Java's `new BigDecimal(String)`: `[+-]digits[.digits][e[+-]digits]`, scale = fraction
/// digits minus exponent (`"1.50"` → scale 2, `"1e3"` → `1E+3`). Errors carry Java's messages
/// (an empty string or a missing exponent gives Java's `null` message, rendered `"null"`).
pub fn parse_big_decimal(s: &str) -> Result<BigDecimal, NumberError> {
    let err = |m: &str| Err(NumberError::number_format(m));
    if s.is_empty() {
        return err("null");
    }
    let (negative, rest) = match s.as_bytes()[0] {
        b'-' => (true, &s[1..]),
        b'+' => (false, &s[1..]),
        _ => (false, s),
    };
    let mut digits = String::with_capacity(rest.len());
    let mut frac = 0i64;
    let mut dot = false;
    let mut exponent = 0i64;
    for (i, c) in rest.char_indices() {
        match c {
            '0'..='9' => {
                digits.push(c);
                frac += i64::from(dot);
            }
            '.' if dot => return err("Character array contains more than one decimal point."),
            '.' => dot = true,
            'e' | 'E' => {
                exponent = parse_exponent(&rest[i + 1..])?;
                break;
            }
            _ => {
                return err(&format!(
                    "Character {c} is neither a decimal digit number, decimal point, nor \"e\" notation exponential mark."
                ));
            }
        }
    }
    if digits.is_empty() {
        return err("No digits found.");
    }
    let mut unscaled = BigInt::parse_bytes(digits.as_bytes(), 10).unwrap_or_default();
    if negative {
        unscaled = -unscaled;
    }
    let scale = frac - exponent;
    if i32::try_from(scale).is_err() {
        return err("Scale out of range.");
    }
    Ok(decimal::make(unscaled, scale))
}

/// The exponent after `e` in a BigDecimal string.
fn parse_exponent(s: &str) -> Result<i64, NumberError> {
    let (negative, digits) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    if digits.is_empty() {
        return Err(NumberError::number_format("null"));
    }
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(NumberError::number_format("Not a digit."));
    }
    let significant = digits.trim_start_matches('0');
    if significant.len() > 10 {
        return Err(NumberError::number_format(
            "Too many nonzero exponent digits.",
        ));
    }
    let v: i64 = significant.parse().unwrap_or(0);
    Ok(if negative { -v } else { v })
}

/// Java's `new BigInteger(String)` (radix 10), with Java's messages (`Zero length BigInteger`,
/// `Illegal embedded sign character`, `For input string: "…"` naming the offending ≤9-digit
/// group).
pub fn parse_big_integer(s: &str) -> Result<BigInt, NumberError> {
    let err = |m: String| Err(NumberError::number_format(m));
    if s.is_empty() {
        return err("Zero length BigInteger".into());
    }
    let (minus, plus) = (s.rfind('-'), s.rfind('+'));
    let mut cursor = 0;
    if let Some(i) = minus {
        if i != 0 || plus.is_some() {
            return err("Illegal embedded sign character".into());
        }
        cursor = 1;
    } else if let Some(i) = plus {
        if i != 0 {
            return err("Illegal embedded sign character".into());
        }
        cursor = 1;
    }
    if cursor == s.len() {
        return err("Zero length BigInteger".into());
    }
    let body = &s[cursor..];
    let body = body.trim_start_matches('0');
    if body.is_empty() {
        return Ok(BigInt::zero());
    }
    if !body.bytes().all(|b| b.is_ascii_digit()) {
        // Java parses groups of 9 digits (the first one shorter) with Integer.parseInt.
        let chars: Vec<char> = body.chars().collect();
        let first = match chars.len() % 9 {
            0 => 9,
            n => n,
        };
        let mut start = 0;
        let mut end = first.min(chars.len());
        while start < chars.len() {
            let group: String = chars[start..end].iter().collect();
            if !group.bytes().all(|b| b.is_ascii_digit()) {
                return err(format!("For input string: \"{group}\""));
            }
            start = end;
            end = (end + 9).min(chars.len());
        }
    }
    let v = BigInt::parse_bytes(body.as_bytes(), 10).unwrap_or_default();
    Ok(if minus.is_some() { -v } else { v })
}

/// Java's `Integer.parseInt(s, radix)` (no trimming; `+`/`-` sign; overflow is an error).
pub fn parse_int(s: &str, radix: u32) -> Result<i32, NumberError> {
    let v = parse_integral(s, radix, i64::from(i32::MIN), i64::from(i32::MAX))?;
    Ok(v as i32)
}

/// Java's `Long.parseLong(s, radix)`.
pub fn parse_long(s: &str, radix: u32) -> Result<i64, NumberError> {
    parse_integral(s, radix, i64::MIN, i64::MAX)
}

fn parse_integral(s: &str, radix: u32, min: i64, max: i64) -> Result<i64, NumberError> {
    if radix < 2 {
        return Err(NumberError::number_format(format!(
            "radix {radix} less than Character.MIN_RADIX"
        )));
    }
    if radix > 36 {
        return Err(NumberError::number_format(format!(
            "radix {radix} greater than Character.MAX_RADIX"
        )));
    }
    let fail = || {
        let suffix = if radix == 10 {
            String::new()
        } else {
            format!(" under radix {radix}")
        };
        NumberError::number_format(format!("For input string: \"{s}\"{suffix}"))
    };
    let (negative, digits) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    if digits.is_empty() {
        return Err(fail());
    }
    let mut acc: i128 = 0;
    for c in digits.chars() {
        let d = c.to_digit(radix).ok_or_else(fail)?;
        acc = acc * i128::from(radix) + i128::from(d);
        if acc > i128::from(max) + 1 {
            return Err(fail());
        }
    }
    let v = if negative { -acc } else { acc };
    if v < i128::from(min) || v > i128::from(max) {
        return Err(fail());
    }
    Ok(v as i64)
}

/// Java's `Double.parseDouble(s)`: trims, accepts `[+-]`, `NaN`, `Infinity`, decimals with an
/// optional exponent and an optional `f`/`F`/`d`/`D` suffix (`"1e5"`, `"+.5"`, `"5."`).
/// Hexadecimal floating literals (`0x1p3`) are not supported (reported as invalid).
pub fn parse_double(s: &str) -> Result<f64, NumberError> {
    let t = java_float_syntax(s)?;
    t.parse::<f64>()
        .map_err(|_| for_input(s.trim_matches(|c| c <= ' ')))
}

/// Java's `Float.parseFloat(s)` (same syntax as [`parse_double`], rounded to `float`).
pub fn parse_float(s: &str) -> Result<f32, NumberError> {
    let t = java_float_syntax(s)?;
    t.parse::<f32>()
        .map_err(|_| for_input(s.trim_matches(|c| c <= ' ')))
}

fn for_input(s: &str) -> NumberError {
    NumberError::number_format(format!("For input string: \"{s}\""))
}

/// Validates Java's floating-point string syntax and returns text Rust's parser reads the same.
fn java_float_syntax(s: &str) -> Result<String, NumberError> {
    let t = s.trim_matches(|c| c <= ' ');
    if t.is_empty() {
        return Err(NumberError::number_format("empty String"));
    }
    let (sign, body) = match t.as_bytes()[0] {
        b'-' => ("-", &t[1..]),
        b'+' => ("", &t[1..]),
        _ => ("", t),
    };
    if body == "NaN" || body == "Infinity" {
        return Ok(format!(
            "{sign}{}",
            if body == "NaN" { "NaN" } else { "inf" }
        ));
    }
    let body = body.strip_suffix(['f', 'F', 'd', 'D']).unwrap_or(body);
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let all_digits = |x: &str| x.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = all_digits(int) && all_digits(frac) && !(int.is_empty() && frac.is_empty());
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['+', '-']).unwrap_or(e);
        !e.is_empty() && all_digits(e)
    });
    if !mantissa_ok || !exponent_ok {
        return Err(for_input(t));
    }
    let int = if int.is_empty() { "0" } else { int };
    let frac = if frac.is_empty() { "0" } else { frac };
    Ok(match exponent {
        Some(e) => format!("{sign}{int}.{frac}e{e}"),
        None => format!("{sign}{int}.{frac}"),
    })
}

/// Converts a `BigInt` to the narrowest of Integer, Long, BigInteger.
pub(crate) fn narrowest(v: BigInt) -> Number {
    if let Some(i) = v.to_i32() {
        Number::Integer(i)
    } else if let Some(l) = v.to_i64() {
        Number::Long(l)
    } else {
        Number::from(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lit(s: &str) -> (String, &'static str) {
        let n = parse_literal(s).expect("valid literal");
        (n.to_string(), n.type_name())
    }

    fn neg(s: &str) -> (String, &'static str) {
        let n = parse_negative_literal(s).expect("valid literal");
        (n.to_string(), n.type_name())
    }

    #[test]
    fn literal_types() {
        // fixtures/groovy/numbers/literal-types, literal-suffixes-print
        assert_eq!(lit("1"), ("1".into(), "java.lang.Integer"));
        assert_eq!(lit("1L"), ("1".into(), "java.lang.Long"));
        assert_eq!(lit("1G"), ("1".into(), "java.math.BigInteger"));
        assert_eq!(lit("1.5G"), ("1.5".into(), "java.math.BigDecimal"));
        assert_eq!(lit("1.5"), ("1.5".into(), "java.math.BigDecimal"));
        assert_eq!(lit("1.5d"), ("1.5".into(), "java.lang.Double"));
        assert_eq!(lit("1f"), ("1.0".into(), "java.lang.Float"));
        assert_eq!(lit("2.5f"), ("2.5".into(), "java.lang.Float"));
        assert_eq!(lit("0x1F"), ("31".into(), "java.lang.Integer"));
        assert_eq!(lit("2147483648"), ("2147483648".into(), "java.lang.Long"));
        assert_eq!(lit("9223372036854775808").1, "java.math.BigInteger");
        assert_eq!(lit("1e3"), ("1E+3".into(), "java.math.BigDecimal"));
        assert_eq!(lit("1_000_000"), ("1000000".into(), "java.lang.Integer"));
        assert_eq!(lit("010"), ("8".into(), "java.lang.Integer"));
        assert_eq!(lit("0b101"), ("5".into(), "java.lang.Integer"));
        assert_eq!(lit("0"), ("0".into(), "java.lang.Integer"));
        assert_eq!(lit("1.0e0"), ("1.0".into(), "java.math.BigDecimal"));
        assert_eq!(lit("1e-3"), ("0.001".into(), "java.math.BigDecimal"));
        assert_eq!(lit("1e7d"), ("1.0E7".into(), "java.lang.Double"));
    }

    #[test]
    fn literal_edge_cases_checked_with_groovy() {
        // groovy 2.4.21: 0x80000000 is a Long, 0xFFFFFFFFi wraps to -1, 010d is decimal 10.0
        assert_eq!(lit("0x7FFFFFFF").1, "java.lang.Integer");
        assert_eq!(lit("0x80000000"), ("2147483648".into(), "java.lang.Long"));
        assert_eq!(lit("0xFFFFFFFF"), ("4294967295".into(), "java.lang.Long"));
        assert_eq!(lit("0xFFFFFFFFFFFFFFFF").1, "java.math.BigInteger");
        assert_eq!(lit("0xFFFFFFFFi"), ("-1".into(), "java.lang.Integer"));
        assert_eq!(
            lit("0xFFFFFFFFFFl"),
            ("1099511627775".into(), "java.lang.Long")
        );
        assert_eq!(lit("010d"), ("10.0".into(), "java.lang.Double"));
        assert_eq!(lit("09d"), ("9.0".into(), "java.lang.Double"));
        assert_eq!(lit("0e5"), ("0E+5".into(), "java.math.BigDecimal"));
        assert_eq!(lit("123e-10"), ("1.23E-8".into(), "java.math.BigDecimal"));
        assert_eq!(parse_literal("3.5e38f").err(), Some("out of range".into()));
        assert_eq!(parse_literal("1e400d").err(), Some("out of range".into()));
        assert!(parse_literal("09").is_err());
        assert!(parse_literal("0x").is_err());
    }

    #[test]
    fn negative_literals_fold_like_groovy() {
        // groovy 2.4.21: (-2147483648).getClass() is Integer; println(-0.0d) prints 0.0
        assert_eq!(
            neg("2147483648"),
            ("-2147483648".into(), "java.lang.Integer")
        );
        assert_eq!(
            neg("9223372036854775808"),
            ("-9223372036854775808".into(), "java.lang.Long")
        );
        assert_eq!(neg("2147483649"), ("-2147483649".into(), "java.lang.Long"));
        assert_eq!(neg("0.0d"), ("0.0".into(), "java.lang.Double"));
        assert_eq!(neg("0.0f"), ("0.0".into(), "java.lang.Float"));
        assert_eq!(
            neg("0.000001"),
            ("-0.000001".into(), "java.math.BigDecimal")
        );
        assert_eq!(neg("2.5d"), ("-2.5".into(), "java.lang.Double"));
        assert_eq!(
            lit("-2147483648"),
            ("-2147483648".into(), "java.lang.Integer")
        );
        assert_eq!(lit("-0.0d"), ("0.0".into(), "java.lang.Double"));
        assert_eq!(lit("-1.5"), ("-1.5".into(), "java.math.BigDecimal"));
    }

    #[test]
    fn big_decimal_strings() {
        let show = |s: &str| match parse_big_decimal(s) {
            Ok(d) => Number::from(d).to_string(),
            Err(e) => e.message,
        };
        // fixtures/groovy/numbers/parse-int-and-constants; other messages checked with groovy
        assert_eq!(show("1.230"), "1.230");
        assert_eq!(show(".5"), "0.5");
        assert_eq!(show("5."), "5");
        assert_eq!(show("+1.50E-3"), "0.00150");
        assert_eq!(show("-0"), "0");
        assert_eq!(
            show("abc"),
            "Character a is neither a decimal digit number, decimal point, nor \"e\" notation exponential mark."
        );
        assert_eq!(show(""), "null");
        assert_eq!(
            show("1.2.3"),
            "Character array contains more than one decimal point."
        );
        assert_eq!(show("1e"), "null");
        assert_eq!(show("1e+"), "null");
        assert_eq!(show("-"), "No digits found.");
        assert_eq!(show("."), "No digits found.");
        assert_eq!(show("e5"), "No digits found.");
        assert_eq!(show("1e5.5"), "Not a digit.");
        assert_eq!(show("1e99999999999"), "Too many nonzero exponent digits.");
        assert!(show("+-1").starts_with("Character - is neither"));
    }

    #[test]
    fn big_integer_strings() {
        let show = |s: &str| match parse_big_integer(s) {
            Ok(v) => v.to_string(),
            Err(e) => e.message,
        };
        assert_eq!(show("+12"), "12");
        assert_eq!(show("-0012"), "-12");
        assert_eq!(
            show("123456789012345678901234567890"),
            "123456789012345678901234567890"
        );
        assert_eq!(show("abc"), "For input string: \"abc\"");
        assert_eq!(show("1.5"), "For input string: \"1.5\"");
        assert_eq!(show(""), "Zero length BigInteger");
        assert_eq!(show("-"), "Zero length BigInteger");
        assert_eq!(show("1-2"), "Illegal embedded sign character");
        assert_eq!(show(" 1"), "For input string: \" 1\"");
    }

    #[test]
    fn java_integer_parsing() {
        // fixtures/groovy/numbers/parse-int-invalid, parse-int-and-constants; others checked
        assert_eq!(parse_int("123", 10).ok(), Some(123));
        assert_eq!(parse_int("+5", 10).ok(), Some(5));
        assert_eq!(parse_int("-2147483648", 10).ok(), Some(i32::MIN));
        assert_eq!(parse_int("ff", 16).ok(), Some(255));
        let msg = |r: Result<i32, NumberError>| r.map_err(|e| e.message).err();
        assert_eq!(
            msg(parse_int("10.5", 10)),
            Some("For input string: \"10.5\"".into())
        );
        assert_eq!(
            msg(parse_int("", 10)),
            Some("For input string: \"\"".into())
        );
        assert_eq!(
            msg(parse_int("-", 10)),
            Some("For input string: \"-\"".into())
        );
        assert_eq!(
            msg(parse_int(" 1", 10)),
            Some("For input string: \" 1\"".into())
        );
        assert_eq!(
            msg(parse_int("2147483648", 10)),
            Some("For input string: \"2147483648\"".into())
        );
        assert_eq!(
            msg(parse_int("zz", 16)),
            Some("For input string: \"zz\" under radix 16".into())
        );
        assert_eq!(
            msg(parse_int("1", 40)),
            Some("radix 40 greater than Character.MAX_RADIX".into())
        );
        assert_eq!(parse_long("9999999999", 10).ok(), Some(9_999_999_999));
        assert_eq!(parse_long("-9223372036854775808", 10).ok(), Some(i64::MIN));
        assert!(parse_long("9223372036854775808", 10).is_err());
        let e = parse_long("12x", 10).expect_err("invalid");
        assert_eq!(
            (e.class, e.message.as_str()),
            (
                super::super::NUMBER_FORMAT_EXCEPTION,
                "For input string: \"12x\""
            )
        );
    }

    #[test]
    fn java_double_parsing() {
        // checked with groovy 2.4.21 (Double.parseDouble)
        assert_eq!(parse_double("2.5").ok(), Some(2.5));
        assert_eq!(parse_double(" 1.5 ").ok(), Some(1.5));
        assert_eq!(parse_double("1e5").ok(), Some(100000.0));
        assert_eq!(parse_double("1.5f").ok(), Some(1.5));
        assert_eq!(parse_double("+.5").ok(), Some(0.5));
        assert_eq!(parse_double("5.").ok(), Some(5.0));
        assert_eq!(parse_double("-Infinity").ok(), Some(f64::NEG_INFINITY));
        assert_eq!(parse_double("1e400").ok(), Some(f64::INFINITY));
        assert!(parse_double("+NaN").is_ok_and(f64::is_nan));
        let msg = |s: &str| parse_double(s).map_err(|e| e.message).err();
        assert_eq!(msg("abc"), Some("For input string: \"abc\"".into()));
        assert_eq!(msg(" abc "), Some("For input string: \"abc\"".into()));
        assert_eq!(msg(""), Some("empty String".into()));
        assert_eq!(msg("inf"), Some("For input string: \"inf\"".into()));
        assert_eq!(msg("."), Some("For input string: \".\"".into()));
        assert_eq!(msg("1e"), Some("For input string: \"1e\"".into()));
        assert_eq!(msg("1_0"), Some("For input string: \"1_0\"".into()));
        assert_eq!(parse_float("1e40").ok(), Some(f32::INFINITY));
        assert_eq!(parse_float("0.1").ok(), Some(0.1f32));
    }
}
