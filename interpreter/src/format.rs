//! `java.util.Formatter` as Groovy 2.4 on JDK 17 uses it for `String.format`, `sprintf` and
//! `printf`, in the `en_US` locale (grouping `,`, decimal point `.`, line separator `\n`).
//!
//! Standalone: the caller converts its values to [`FormatArg`]s and calls [`format()`]; failures
//! are the Java exceptions the formatter throws, with JDK 17's exact messages ([`FormatError`]).
//! Rounding is Java's: BigDecimals HALF_UP on their exact value, doubles HALF_UP on the digits
//! `Double.toString` prints (so `%.2f` of `1.005d` is `1.01`, as in Java).
//!
//! Not supported (they return `java.lang.UnsupportedOperationException`): `%a` and date/time
//! conversions (`%tY`...) of values Java would accept. Known differences, in the last digit
//! only: some doubles above 2^63 and some subnormals below 1e-320, where JDK 17's
//! `Double.toString` is not the shortest closest rendering.

use bigdecimal::BigDecimal;
use num_bigint::{BigInt, Sign};
use std::fmt;

/// One argument of a format call, already converted from the caller's value.
///
/// The variant decides both the output and the class named in error messages (`%d` of a
/// `Float` gives `d != java.lang.Double`). Lists: Groovy's `sprintf(fmt, x)` and
/// `printf(fmt, x)` with a single argument after the format spread `x` when it is a List or
/// an array, so pass each element as its own `FormatArg` (`printf('%s%n', [1, 2])` prints `1`;
/// a null `x` there is a `NullPointerException` in Groovy). With two or more arguments nothing
/// is spread, and `String.format(fmt, list)` never spreads a List, only an `Object[]`.
#[derive(Debug, Clone, PartialEq)]
pub enum FormatArg {
    /// `null`.
    Null,
    /// A `java.lang.Boolean`.
    Bool(bool),
    /// A `java.lang.Integer`, or a `java.lang.Long` when the value does not fit in 32 bits.
    /// A Long in int range should be [`FormatArg::Long`]: they differ for `%x`, `%o` and `%h`
    /// of negative values, for `%c` and for date/time conversions.
    Int(i64),
    /// A `java.lang.Long`, whatever its value.
    Long(i64),
    /// A `java.math.BigInteger`.
    BigInt(BigInt),
    /// A `java.lang.Double`.
    Float(f64),
    /// A `java.lang.Float`: `Float.toString` for `%s`, widened to double for `%e %f %g`.
    Float32(f32),
    /// A `java.math.BigDecimal` (Groovy's type for decimal literals such as `1.005`).
    BigDecimal(BigDecimal),
    /// A `java.lang.Character`.
    Char(char),
    /// A `java.lang.String`, or the `toString()` of any other object whose class the caller
    /// does not track.
    Str(String),
    /// Any other object: its Java class name (`java.util.ArrayList`,
    /// `org.codehaus.groovy.runtime.GStringImpl`...) and its Java `toString()` (a Map prints
    /// `{a=1}` here, not Groovy's `[a:1]`). `%h` hashes `text` like a String, an approximation.
    Other {
        /// Fully qualified Java class name.
        class_name: String,
        /// The object's Java `toString()`.
        text: String,
    },
}

/// A Java exception thrown by the formatter, e.g. class `java.util.MissingFormatArgumentException`
/// with message `Format specifier '%s'`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatError {
    /// Fully qualified Java exception class name.
    pub class: &'static str,
    /// What `getMessage()` returns in JDK 17.
    pub message: String,
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.class, self.message)
    }
}

impl std::error::Error for FormatError {}

/// A `FormatError` of class `java.util.<$class>`.
macro_rules! util_error {
    ($class:literal, $message:expr) => {
        FormatError {
            class: concat!("java.util.", $class),
            message: $message.to_string(),
        }
    };
}

fn out_of_memory() -> FormatError {
    let message = "Java heap space".to_string();
    FormatError {
        class: "java.lang.OutOfMemoryError",
        message,
    }
}

/// Widths, precisions and zero runs past this would exhaust a JVM heap: we report
/// `java.lang.OutOfMemoryError` instead of allocating them.
const MAX_FIELD: i64 = 1 << 24;
/// Java's `Flags`: bit `i` is the `i`-th character (`^` is the internal UPPERCASE flag).
const FLAGS: &str = "-^#+ 0,(<";
const LEFT: u16 = 1;
const UPPER: u16 = 2;
const ALT: u16 = 4;
const PLUS: u16 = 8;
const SPACE: u16 = 16;
const ZERO: u16 = 32;
const GROUP: u16 = 64;
const PAREN: u16 = 128;
const PREV: u16 = 256;

fn flags_text(flags: u16) -> String {
    let on = |(i, _): &(usize, char)| flags & (1 << i) != 0;
    FLAGS
        .chars()
        .enumerate()
        .filter(on)
        .map(|(_, c)| c)
        .collect()
}

fn unknown(conversion: impl fmt::Display) -> FormatError {
    util_error!(
        "UnknownFormatConversionException",
        format!("Conversion = '{conversion}'")
    )
}

fn illegal_flags(flags: u16) -> FormatError {
    util_error!(
        "IllegalFormatFlagsException",
        format!("Flags = '{}'", flags_text(flags))
    )
}

fn conversion_error(conversion: char, arg: &FormatArg) -> FormatError {
    let message = format!("{conversion} != {}", arg.class_name());
    util_error!("IllegalFormatConversionException", message)
}

/// One `%...` specifier, with Java's conventions (-1 = absent).
struct Spec {
    /// -2: `%n`/`%%`; -1: `<` (previous argument); 0: next ordinary argument; n: `n$`.
    index: i64,
    flags: u16,
    width: i64,
    precision: i64,
    date_time: bool,
    /// Lower-cased conversion (UPPER holds the case); for date/time, the letter after `t`.
    conv: char,
}

impl Spec {
    fn has(&self, flag: u16) -> bool {
        self.flags & flag != 0
    }

    /// `FormatSpecifier.toString()`, which several Java messages quote.
    fn describe(&self) -> String {
        let mut s = format!("%{}", flags_text(self.flags & !UPPER));
        if self.index > 0 {
            s += &format!("{}$", self.index);
        }
        if self.width != -1 {
            s += &self.width.to_string();
        }
        if self.precision != -1 {
            s += &format!(".{}", self.precision);
        }
        if self.date_time {
            s.push(if self.has(UPPER) { 'T' } else { 't' });
        }
        let conv = self.conv.to_string();
        s + &if self.has(UPPER) {
            conv.to_uppercase()
        } else {
            conv
        }
    }

    fn reject(&self, bad: &[u16]) -> Result<(), FormatError> {
        let Some(&flag) = bad.iter().find(|&&flag| self.has(flag)) else {
            return Ok(());
        };
        let message = format!("Conversion = {}, Flags = {}", self.conv, flags_text(flag));
        Err(util_error!(
            "FormatFlagsConversionMismatchException",
            message
        ))
    }

    fn require_width(&self, flags: u16) -> Result<(), FormatError> {
        if self.width == -1 && self.flags & flags != 0 {
            return Err(util_error!("MissingFormatWidthException", self.describe()));
        }
        Ok(())
    }

    /// The `check*` methods of Java's `FormatSpecifier` constructor, in Java's order.
    fn check(&self) -> Result<(), FormatError> {
        let no_precision = || match self.precision {
            -1 => Ok(()),
            p => Err(util_error!("IllegalFormatPrecisionException", p)),
        };
        let numeric = || {
            self.require_width(LEFT | ZERO)?;
            if (self.has(PLUS) && self.has(SPACE)) || (self.has(LEFT) && self.has(ZERO)) {
                return Err(illegal_flags(self.flags));
            }
            Ok(())
        };
        let all = [ALT, PLUS, SPACE, ZERO, GROUP, PAREN];
        match self.conv {
            _ if self.date_time => {
                no_precision()?;
                if !"HIklMSLNpzZsQBbhAaCYyjmdeRTrDFc".contains(self.conv) {
                    return Err(unknown(format!("t{}", self.conv)));
                }
                self.reject(&all)?;
                self.require_width(LEFT)
            }
            'b' | 'h' | 's' => {
                self.reject(if self.conv == 's' { &[] } else { &[ALT] })?;
                self.require_width(LEFT)?;
                self.reject(&all[1..])
            }
            'c' => {
                no_precision()?;
                self.reject(&all)?;
                self.require_width(LEFT)
            }
            'd' | 'o' | 'x' => {
                numeric()?;
                no_precision()?;
                self.reject(if self.conv == 'd' { &[ALT] } else { &[GROUP] })
            }
            'a' => numeric().and_then(|()| self.reject(&[PAREN, GROUP])),
            'e' => numeric().and_then(|()| self.reject(&[GROUP])),
            'g' => numeric().and_then(|()| self.reject(&[ALT])),
            'f' => numeric(),
            '%' if self.flags & !LEFT != 0 => Err(illegal_flags(self.flags)),
            '%' => no_precision().and_then(|()| self.require_width(LEFT)),
            _ => {
                no_precision()?;
                if self.width != -1 {
                    return Err(util_error!("IllegalFormatWidthException", self.width));
                }
                match self.flags {
                    0 => Ok(()),
                    flags => Err(illegal_flags(flags)),
                }
            }
        }
    }
}

/// The end of the run of ASCII digits starting at `from`.
fn digits_end(s: &[char], from: usize) -> usize {
    from + s
        .iter()
        .skip(from)
        .take_while(|c| c.is_ascii_digit())
        .count()
}

/// Digits as an int, or None past `Integer.MAX_VALUE` (Java's NumberFormatException).
fn parse_int(digits: &[char]) -> Option<i64> {
    digits.iter().try_fold(0i64, |n, c| {
        let n = n * 10 + i64::from(c.to_digit(10)?);
        (n <= i64::from(i32::MAX)).then_some(n)
    })
}

/// Matches `(\d+\$)?([-#+ 0,(\<]*)?(\d+)?(\.\d+)?([tT])?([a-zA-Z%])` at `start` (just after a
/// `%`), builds the specifier as Java's constructor does and returns it with its end.
fn parse_spec(s: &[char], start: usize) -> Result<(Spec, usize), FormatError> {
    let mut p = start;
    let mut index = None;
    if digits_end(s, p) > p && s.get(digits_end(s, p)) == Some(&'$') {
        index = Some(&s[p..digits_end(s, p)]);
        p = digits_end(s, p) + 1;
    }
    let flags_start = p;
    while s.get(p).is_some_and(|c| "-#+ 0,(<".contains(*c)) {
        p += 1;
    }
    let flag_chars = &s[flags_start..p];
    let width = (digits_end(s, p) > p).then(|| &s[p..digits_end(s, p)]);
    p = digits_end(s, p);
    let mut precision = None;
    if s.get(p) == Some(&'.') && digits_end(s, p + 1) > p + 1 {
        precision = Some(&s[p + 1..digits_end(s, p + 1)]);
        p = digits_end(s, p + 1);
    }
    let is_conv = |c: &char| c.is_ascii_alphabetic() || *c == '%';
    let date_time = matches!(s.get(p), Some('t' | 'T')) && s.get(p + 1).is_some_and(is_conv);
    let upper_t = date_time && s.get(p) == Some(&'T');
    p += usize::from(date_time);
    let no_match = || unknown(s.get(start).copied().unwrap_or('%'));
    let conv = *s.get(p).filter(|c| is_conv(c)).ok_or_else(no_match)?;

    let (width, precision) = (width.map(parse_int), precision.map(parse_int));
    let mut spec = Spec {
        index: 0,
        flags: 0,
        width: -1,
        precision: -1,
        date_time,
        conv,
    };
    spec.index = match index.map(parse_int) {
        None => 0,
        Some(None) => {
            let message = "Format argument index: (not representable as int)";
            return Err(util_error!("IllegalFormatArgumentIndexException", message));
        }
        Some(Some(0)) => {
            let message = "Illegal format argument index = 0";
            return Err(util_error!("IllegalFormatArgumentIndexException", message));
        }
        Some(Some(n)) => n,
    };
    for &c in flag_chars {
        let bit = FLAGS.find(c).map_or(0, |i| 1 << i);
        if spec.has(bit) {
            return Err(util_error!(
                "DuplicateFormatFlagsException",
                format!("Flags = '{c}'")
            ));
        }
        spec.flags |= bit;
    }
    if spec.has(PREV) {
        spec.index = -1;
    }
    match width {
        Some(None) => return Err(util_error!("IllegalFormatWidthException", i32::MIN)),
        Some(Some(width)) => spec.width = width,
        None => {}
    }
    match precision {
        Some(None) => return Err(util_error!("IllegalFormatPrecisionException", i32::MIN)),
        Some(Some(precision)) => spec.precision = precision,
        None => {}
    }
    if upper_t {
        spec.flags |= UPPER;
    } else if !date_time {
        if !"bBhHsScCdoxXeEfgGaA%n".contains(conv) {
            return Err(unknown(conv));
        }
        if conv.is_ascii_uppercase() {
            spec.flags |= UPPER;
            spec.conv = conv.to_ascii_lowercase();
        }
        if conv == '%' || conv == 'n' {
            spec.index = -2;
        }
    }
    spec.check()?;
    Ok((spec, p + 1))
}

enum Piece {
    Text(String),
    Spec(Spec),
}

/// Splits the format into literal text and specifiers, failing like Java's `Formatter.parse`.
fn parse(format: &str) -> Result<Vec<Piece>, FormatError> {
    let s: Vec<char> = format.chars().collect();
    let mut pieces = Vec::new();
    let mut text = String::new();
    let mut i = 0;
    while let Some(&c) = s.get(i) {
        i += 1;
        if c != '%' {
            text.push(c);
            continue;
        }
        pieces.push(Piece::Text(std::mem::take(&mut text)));
        if i == s.len() {
            return Err(unknown('%'));
        }
        let (spec, end) = parse_spec(&s, i)?;
        pieces.push(Piece::Spec(spec));
        i = end;
    }
    pieces.push(Piece::Text(text));
    Ok(pieces)
}

/// Formats `args` with the Java format string `format` as JDK 17's `String.format` does in the
/// `en_US` locale, or returns the exception Java would throw (in Java's order: the whole
/// format string is parsed before any argument is looked at). Never panics.
pub fn format(format: &str, args: &[FormatArg]) -> Result<String, FormatError> {
    let mut out = String::new();
    let (mut last, mut ordinary) = (-1i64, -1i64);
    for piece in parse(format)? {
        let spec = match piece {
            Piece::Spec(spec) => spec,
            Piece::Text(text) => {
                out += &text;
                continue;
            }
        };
        let is_float = matches!(spec.conv, 'e' | 'f' | 'g' | 'a') && !spec.date_time;
        let too_big = spec.width > MAX_FIELD || (is_float && spec.precision > MAX_FIELD);
        match spec.index {
            -2 if too_big => return Err(out_of_memory()),
            -2 => {
                justify(&mut out, &spec, if spec.conv == 'n' { "\n" } else { "%" });
                continue;
            }
            -1 => {}
            0 => {
                ordinary += 1;
                last = ordinary;
            }
            n => last = n - 1,
        }
        let Some(arg) = usize::try_from(last).ok().and_then(|i| args.get(i)) else {
            let message = format!("Format specifier '{}'", spec.describe());
            return Err(util_error!("MissingFormatArgumentException", message));
        };
        if too_big {
            return Err(out_of_memory());
        }
        print_arg(&mut out, &spec, arg)?;
    }
    Ok(out)
}

fn print_arg(out: &mut String, spec: &Spec, arg: &FormatArg) -> Result<(), FormatError> {
    use FormatArg as A;
    let unsupported = || {
        let message = format!("jenkins-harness does not support {}", spec.describe());
        Err(FormatError {
            class: "java.lang.UnsupportedOperationException",
            message,
        })
    };
    let text = match (spec.conv, arg) {
        (_, A::Null) if spec.date_time => "null".to_string(),
        (_, A::Long(_) | A::Int(_) | A::Other { .. }) if spec.date_time => match arg.int_value() {
            Some(_) => return Err(conversion_error(spec.conv, arg)),
            None => return unsupported(),
        },
        _ if spec.date_time => return Err(conversion_error(spec.conv, arg)),
        ('b', A::Null | A::Bool(false)) => "false".into(),
        ('b', _) => "true".into(),
        ('s', _) if spec.has(ALT) => return spec.reject(&[ALT]),
        ('s', _) => arg.java_string(),
        ('h', _) => arg.hash_code().map_or("null".into(), |h| format!("{h:x}")),
        (_, A::Null) => "null".into(),
        ('c', A::Char(c)) => c.to_string(),
        ('c', _) => match arg.int_value() {
            // A lone surrogate cannot be a Rust char; Java prints it as `?`.
            Some(cp @ 0..=0x10FFFF) => char::from_u32(cp as u32).unwrap_or('?').to_string(),
            Some(cp) => {
                let message = format!("Code point = {:#x}", cp as u32);
                return Err(util_error!("IllegalFormatCodePointException", message));
            }
            None => return Err(conversion_error('c', arg)),
        },
        ('d', A::Int(v) | A::Long(v)) => return print_integer(out, spec, &BigInt::from(*v)),
        ('o' | 'x', A::Int(v) | A::Long(v)) => {
            spec.reject(&[PAREN, SPACE, PLUS])?;
            // Two's complement: 32 bits for an Integer, 64 for a Long.
            let bits = arg.int_value().map_or(*v as u64, |i| u64::from(i as u32));
            return print_integer(out, spec, &BigInt::from(bits));
        }
        ('d' | 'o' | 'x', A::BigInt(v)) => return print_integer(out, spec, v),
        ('e' | 'f' | 'g', A::Float(v)) => return print_double(out, spec, *v),
        ('e' | 'f' | 'g', A::Float32(v)) => return print_double(out, spec, f64::from(*v)),
        ('e' | 'f' | 'g', A::BigDecimal(v)) => {
            let (unscaled, scale) = v.as_bigint_and_exponent();
            let digits = unscaled.magnitude().to_string().into_bytes();
            let value = Decimal {
                digits,
                scale,
                big_decimal: true,
            };
            return print_decimal(out, spec, unscaled.sign() == Sign::Minus, value);
        }
        ('a', A::Float(_) | A::Float32(_)) => return unsupported(),
        _ => return Err(conversion_error(spec.conv, arg)),
    };
    print_text(out, spec, &text);
    Ok(())
}

/// Java's `appendJustified`: pads with spaces to the width, counted in UTF-16 units.
fn justify(out: &mut String, spec: &Spec, s: &str) {
    let len: i64 = s.chars().map(|c| c.len_utf16() as i64).sum();
    let pad = " ".repeat(usize::try_from(spec.width - len).unwrap_or(0));
    let (left, right) = if spec.has(LEFT) {
        (s, &*pad)
    } else {
        (&*pad, s)
    };
    *out += left;
    *out += right;
}

/// Java's `print(String)`: the precision truncates in UTF-16 units (half a surrogate pair is
/// printed as `?`, as Java's output encoder does), then UPPER, then the width.
fn print_text(out: &mut String, spec: &Spec, s: &str) {
    let mut text = String::new();
    let mut room = if spec.precision == -1 {
        i64::MAX
    } else {
        spec.precision
    };
    for c in s.chars() {
        let units = c.len_utf16() as i64;
        if units > room {
            text.extend((room > 0).then_some('?'));
            break;
        }
        room -= units;
        text.push(c);
    }
    if spec.has(UPPER) {
        text = text.to_uppercase();
    }
    justify(out, spec, &text);
}

fn zeros(count: i64) -> String {
    "0".repeat(usize::try_from(count).unwrap_or(0))
}

fn ascii(digits: &[u8]) -> &str {
    std::str::from_utf8(digits).unwrap_or("0")
}

/// Java's `leadingSign`.
fn leading_sign(spec: &Spec, negative: bool) -> String {
    let sign = match (negative, spec.has(PAREN)) {
        (true, true) => "(",
        (true, false) => "-",
        _ if spec.has(PLUS) => "+",
        _ if spec.has(SPACE) => " ",
        _ => "",
    };
    sign.to_string()
}

/// Java's `trailingSign`.
fn trailing_sign(spec: &Spec, negative: bool) -> &'static str {
    if negative && spec.has(PAREN) { ")" } else { "" }
}

/// Java's `adjustWidth`: a trailing `)` takes one column.
fn adjust_width(width: i64, spec: &Spec, negative: bool) -> i64 {
    width - i64::from(width != -1 && !trailing_sign(spec, negative).is_empty())
}

/// Java's `localizedMagnitude`: appends ASCII `value` (digits, maybe one `.`) with a `,` every
/// three integer digits under GROUP, then zero-pads all of `sb` to `width` under ZERO.
fn localized_magnitude(sb: &mut String, value: &str, flags: u16, width: i64) {
    let begin = sb.len();
    let dot = value.find('.').unwrap_or(value.len());
    for (j, c) in value.char_indices() {
        sb.push(c);
        if flags & GROUP != 0 && j + 1 < dot && (dot - j) % 3 == 1 {
            sb.push(',');
        }
    }
    if width != -1 && flags & ZERO != 0 {
        sb.insert_str(begin, &zeros(width - sb.len() as i64));
    }
}

/// Java's `print(BigInteger)` (longs go through it too: same output).
fn print_integer(out: &mut String, spec: &Spec, v: &BigInt) -> Result<(), FormatError> {
    let negative = v.sign() == Sign::Minus;
    let mut sb = leading_sign(spec, negative);
    if spec.conv == 'd' {
        let width = adjust_width(spec.width, spec, negative);
        localized_magnitude(&mut sb, &v.magnitude().to_string(), spec.flags, width);
    } else {
        let (radix, prefix) = match spec.conv {
            'o' => (8, "0"),
            _ if spec.has(UPPER) => (16, "0X"),
            _ => (16, "0x"),
        };
        let digits = v.magnitude().to_str_radix(radix);
        let mut len = (digits.len() + sb.len() + trailing_sign(spec, negative).len()) as i64;
        if spec.has(ALT) {
            len += prefix.len() as i64;
            sb += prefix;
        }
        if spec.has(ZERO) {
            sb += &zeros(spec.width - len);
        }
        sb += &if spec.has(UPPER) {
            digits.to_uppercase()
        } else {
            digits
        };
    }
    sb += trailing_sign(spec, negative);
    justify(out, spec, &sb);
    Ok(())
}

/// The digits `d1d2...` and exponent `e` (`v = 0.d1d2... × 10^e`) that JDK 17's
/// `FloatingDecimal` finds for a finite `v >= 0` with `bits` significant bits (53 for a double,
/// 24 for a float): the exact integer (less its insignificant digits) below 2^63, otherwise
/// `shortest`, Rust's shortest `{:e}` rendering of the value.
fn java_digits(v: f64, bits: i64, shortest: &str) -> (Vec<u8>, i64) {
    if v == 0.0 {
        return (vec![b'0'], 0);
    }
    if v == f64::from_bits(1) {
        return (b"49".to_vec(), -323); // Double.MIN_VALUE prints 4.9E-324
    }
    if v.fract() == 0.0 && v < 2f64.powi(63) {
        // developLongDigits with insignificantDigitsForPow2(binExp - bits - 1) = ⌊p2·log10 2⌋.
        let p2 = ((v.to_bits() >> 52) as i64 - 1023 - bits - 1).max(0);
        let insignificant = if p2 > 1 {
            (p2 * 30103 / 100_000) as u32
        } else {
            0
        };
        let pow10 = 10u64.pow(insignificant);
        let round_up = insignificant > 0 && v as u64 % pow10 >= pow10 / 2;
        let digits = (v as u64 / pow10 + u64::from(round_up)).to_string();
        let exp = (digits.len() + insignificant as usize) as i64;
        return (digits.trim_end_matches('0').as_bytes().to_vec(), exp);
    }
    let split = |s: &str| {
        let (mantissa, exp) = s.split_once('e').unwrap_or((s, "0"));
        let digits: Vec<u8> = mantissa.bytes().filter(u8::is_ascii_digit).collect();
        (digits, exp.parse::<i64>().unwrap_or(0) + 1)
    };
    let (mut digits, exp) = split(shortest);
    // When the value lies exactly halfway between two shortest renderings, Rust picks the
    // upper one and Java the one with an even last digit.
    if digits.last().is_some_and(|d| d % 2 == 1) {
        let mut lower = digits.clone();
        lower.last_mut().into_iter().for_each(|d| *d -= 1);
        let half = [&lower[..], b"5"].concat();
        let exact = split(&format!("{v:.*e}", half.len() + 20)).0;
        if exact.starts_with(&half) && exact[half.len()..].iter().all(|&d| d == b'0') {
            digits = lower;
        }
    }
    (digits, exp)
}

fn print_double(out: &mut String, spec: &Spec, value: f64) -> Result<(), FormatError> {
    let negative = value.is_sign_negative();
    if value.is_finite() {
        let (digits, exp) = java_digits(value.abs(), 53, &format!("{:e}", value.abs()));
        let scale = if value == 0.0 {
            0
        } else {
            digits.len() as i64 - exp
        };
        let value = Decimal {
            digits,
            scale,
            big_decimal: false,
        };
        return print_decimal(out, spec, negative, value);
    }
    let text = match (value.is_nan(), spec.has(UPPER)) {
        (true, true) => "NAN".to_string(),
        (true, false) => "NaN".to_string(),
        (false, upper) => {
            let infinity = if upper { "INFINITY" } else { "Infinity" };
            let (sign, close) = (leading_sign(spec, negative), trailing_sign(spec, negative));
            format!("{sign}{infinity}{close}")
        }
    };
    justify(out, spec, &text);
    Ok(())
}

/// Prints a signed [`Decimal`] for `%e %f %g`.
fn print_decimal(
    out: &mut String,
    spec: &Spec,
    negative: bool,
    v: Decimal,
) -> Result<(), FormatError> {
    let mut sb = leading_sign(spec, negative);
    v.body(&mut sb, spec, spec.conv, spec.precision, negative)?;
    sb += trailing_sign(spec, negative);
    justify(out, spec, &sb);
    Ok(())
}

/// A non-negative `digits × 10^-scale` (no leading zeros unless the value is 0). Doubles come
/// as their `Double.toString` digits: Java rounds those HALF_UP too
/// (`FormattedFloatingDecimal.applyPrecision`), and lays them out like a BigDecimal except for
/// one `BigDecimalLayout` quirk, hence `big_decimal`.
struct Decimal {
    digits: Vec<u8>,
    scale: i64,
    big_decimal: bool,
}

impl Decimal {
    /// Rounds HALF_UP to `keep` significant digits, like `new MathContext(keep)`.
    fn round_significant(&self, keep: i64) -> Decimal {
        let (len, big_decimal) = (self.digits.len() as i64, self.big_decimal);
        if len <= keep {
            return Decimal {
                digits: self.digits.clone(),
                scale: self.scale,
                big_decimal,
            };
        }
        let mut digits = round_prefix(&self.digits, keep);
        let mut scale = self.scale.saturating_sub(len - keep);
        if digits.len() as i64 > keep {
            digits.pop();
            scale = scale.saturating_sub(1);
        }
        Decimal {
            digits,
            scale,
            big_decimal,
        }
    }

    /// Java's `print(StringBuilder, BigDecimal, ...)` for conversion `conv`.
    fn body(
        &self,
        sb: &mut String,
        spec: &Spec,
        conv: char,
        precision: i64,
        negative: bool,
    ) -> Result<(), FormatError> {
        let len = self.digits.len() as i64;
        let prec = if precision == -1 { 6 } else { precision };
        if conv == 'g' {
            // JDK 17 rounds to the precision first, then picks the layout.
            let prec = prec.max(1);
            let v = self.round_significant(prec);
            let adjusted = (v.digits.len() as i64 - 1).saturating_sub(v.scale);
            let zero = v.digits == b"0";
            if (zero && v.scale == 0) || (!zero && (-4..prec).contains(&adjusted)) {
                return v.body(sb, spec, 'f', prec - adjusted - 1, negative);
            }
            return v.body(sb, spec, 'e', prec - 1, negative);
        }
        if conv == 'e' {
            let v = self.round_significant(prec + 1);
            let (digits, scale) = (ascii(&v.digits), v.scale);
            let adjusted = (digits.len() as i64 - 1).saturating_sub(scale);
            let (first, rest) = digits.split_at(1.min(digits.len()));
            let padding = (prec - (len - 1)).max(0);
            let dot = !rest.is_empty() || padding > 0 || spec.has(ALT);
            let mantissa = format!(
                "{first}{}{rest}{}",
                if dot { "." } else { "" },
                zeros(padding)
            );
            // BigDecimalLayout does not pad the exponent of a 10+ digit unscaled value.
            let exp = match adjusted {
                9.. if scale == 0 && self.big_decimal => format!("+{adjusted}"),
                ..0 => format!("-{:02}", adjusted.unsigned_abs()),
                _ => format!("+{adjusted:02}"),
            };
            let width = match spec.width {
                -1 => -1,
                w => adjust_width(w - exp.len() as i64 - 1, spec, negative),
            };
            localized_magnitude(sb, &mantissa, spec.flags, width);
            sb.push(if spec.has(UPPER) { 'E' } else { 'e' });
            *sb += &exp;
            return Ok(());
        }
        let (mut digits, mut scale) = (self.digits.clone(), self.scale);
        if scale > prec {
            // setScale(prec, HALF_UP): Java's MathContext variant prints the same text.
            let keep = len - (scale - prec);
            digits = if keep < 0 {
                vec![b'0']
            } else {
                round_prefix(&digits, keep)
            };
            scale = prec;
        }
        if scale < -MAX_FIELD {
            return Err(out_of_memory());
        }
        let (text, int_len) = (ascii(&digits), digits.len() as i64 - scale);
        let mut mantissa = match scale {
            1.. if int_len <= 0 => format!("0.{}{text}", zeros(-int_len)),
            1.. => format!(
                "{}.{}",
                &text[..int_len as usize],
                &text[int_len as usize..]
            ),
            _ if text == "0" => text.to_string(),
            _ => format!("{text}{}", zeros(-scale)),
        };
        let scale = scale.max(0);
        if scale == 0 && (spec.has(ALT) || prec > 0) {
            mantissa.push('.');
        }
        mantissa += &zeros(prec - scale);
        let width = adjust_width(spec.width, spec, negative);
        localized_magnitude(sb, &mantissa, spec.flags, width);
        Ok(())
    }
}

/// Keeps the `keep` leading digits, rounding HALF_UP on the next one (may gain a digit).
fn round_prefix(digits: &[u8], keep: i64) -> Vec<u8> {
    let keep = usize::try_from(keep).unwrap_or(0).min(digits.len());
    let mut out = digits[..keep].to_vec();
    if digits.get(keep).is_some_and(|&d| d >= b'5') {
        match out.iter().rposition(|&d| d != b'9') {
            Some(i) => {
                out[i] += 1;
                out[i + 1..].fill(b'0');
            }
            None => {
                out.fill(b'0');
                out.insert(0, b'1');
            }
        }
    }
    if out.is_empty() {
        out.push(b'0');
    }
    out
}

/// `Double.toString`/`Float.toString` from `(digits, exponent)` of the absolute value.
fn java_float_string(v: f64, (digits, e): (Vec<u8>, i64)) -> String {
    let sign = if v.is_sign_negative() && !v.is_nan() {
        "-"
    } else {
        ""
    };
    let d = ascii(&digits);
    let (first, rest) = d.split_at(1.min(d.len()));
    let body = match e {
        _ if v.is_nan() => "NaN".to_string(),
        _ if v.is_infinite() => "Infinity".to_string(),
        _ if v == 0.0 => "0.0".to_string(),
        1..=7 => {
            let (int, frac) = d.split_at((e as usize).min(d.len()));
            let frac = if frac.is_empty() { "0" } else { frac };
            format!("{int}{}.{frac}", zeros(e - d.len() as i64))
        }
        -2..=0 => format!("0.{}{d}", zeros(-e)),
        _ if rest.is_empty() => format!("{first}.0E{}", e - 1),
        _ => format!("{first}.{rest}E{}", e - 1),
    };
    format!("{sign}{body}")
}

/// `BigDecimal.toString()`: plain unless the scale is negative or the exponent below -6.
fn java_big_decimal_string(v: &BigDecimal) -> String {
    let (unscaled, scale) = v.as_bigint_and_exponent();
    let sign = if unscaled.sign() == Sign::Minus {
        "-"
    } else {
        ""
    };
    let digits = unscaled.magnitude().to_string();
    let adjusted = (digits.len() as i64 - 1).saturating_sub(scale);
    let (first, rest) = digits.split_at(1);
    let body = match (digits.len() as i64).saturating_sub(scale) {
        _ if scale == 0 => digits.clone(),
        _ if scale < 0 || adjusted < -6 => {
            let (dot, plus) = (
                if rest.is_empty() { "" } else { "." },
                if adjusted > 0 { "+" } else { "" },
            );
            format!("{first}{dot}{rest}E{plus}{adjusted}")
        }
        int_len @ 1.. => format!(
            "{}.{}",
            &digits[..int_len as usize],
            &digits[int_len as usize..]
        ),
        int_len => format!("0.{}{digits}", zeros(-int_len)),
    };
    format!("{sign}{body}")
}

fn big_integer_hash(v: &BigInt) -> i32 {
    let words = v.magnitude().to_u32_digits();
    let hash = |h: i32, w: &u32| h.wrapping_mul(31).wrapping_add(*w as i32);
    let h = words.iter().rev().fold(0, hash);
    if v.sign() == Sign::Minus {
        h.wrapping_neg()
    } else {
        h
    }
}

impl FormatArg {
    /// The value of a `java.lang.Integer`; None for anything else.
    fn int_value(&self) -> Option<i32> {
        match self {
            FormatArg::Int(v) => i32::try_from(*v).ok(),
            _ => None,
        }
    }

    fn class_name(&self) -> &str {
        match self {
            FormatArg::Null => "null",
            FormatArg::Bool(_) => "java.lang.Boolean",
            FormatArg::Int(_) if self.int_value().is_some() => "java.lang.Integer",
            FormatArg::Int(_) | FormatArg::Long(_) => "java.lang.Long",
            FormatArg::BigInt(_) => "java.math.BigInteger",
            FormatArg::Float(_) => "java.lang.Double",
            FormatArg::Float32(_) => "java.lang.Float",
            FormatArg::BigDecimal(_) => "java.math.BigDecimal",
            FormatArg::Char(_) => "java.lang.Character",
            FormatArg::Str(_) => "java.lang.String",
            FormatArg::Other { class_name, .. } => class_name,
        }
    }

    /// Java's `String.valueOf(arg)`.
    fn java_string(&self) -> String {
        match self {
            FormatArg::Null => "null".into(),
            FormatArg::Bool(b) => b.to_string(),
            FormatArg::Int(v) | FormatArg::Long(v) => v.to_string(),
            FormatArg::BigInt(v) => v.to_string(),
            FormatArg::Float(v) => {
                let digits = java_digits(v.abs(), 53, &format!("{:e}", v.abs()));
                java_float_string(*v, digits)
            }
            FormatArg::Float32(v) => {
                let digits = java_digits(f64::from(v.abs()), 24, &format!("{:e}", v.abs()));
                java_float_string(f64::from(*v), digits)
            }
            FormatArg::BigDecimal(v) => java_big_decimal_string(v),
            FormatArg::Char(c) => c.to_string(),
            FormatArg::Str(s) | FormatArg::Other { text: s, .. } => s.clone(),
        }
    }

    /// Java's `arg.hashCode()`; None for null.
    fn hash_code(&self) -> Option<i32> {
        let fold = |bits: u64| (bits ^ (bits >> 32)) as i32;
        Some(match self {
            FormatArg::Null => return None,
            FormatArg::Bool(true) => 1231,
            FormatArg::Bool(false) => 1237,
            FormatArg::Int(v) | FormatArg::Long(v) => self.int_value().unwrap_or(fold(*v as u64)),
            FormatArg::BigInt(v) => big_integer_hash(v),
            FormatArg::Float(v) if v.is_nan() => fold(0x7ff8_0000_0000_0000),
            FormatArg::Float(v) => fold(v.to_bits()),
            FormatArg::Float32(v) if v.is_nan() => 0x7fc0_0000,
            FormatArg::Float32(v) => v.to_bits() as i32,
            FormatArg::BigDecimal(v) => {
                let (unscaled, scale) = v.as_bigint_and_exponent();
                let h = match i64::try_from(&unscaled) {
                    // BigDecimal.hashCode of a compact (long) unscaled value.
                    Ok(n) if n != i64::MIN => {
                        let abs = n.unsigned_abs();
                        let h = ((abs >> 32) as i32)
                            .wrapping_mul(31)
                            .wrapping_add(abs as i32);
                        if n < 0 { h.wrapping_neg() } else { h }
                    }
                    _ => big_integer_hash(&unscaled),
                };
                h.wrapping_mul(31).wrapping_add(scale as i32)
            }
            FormatArg::Char(c) => *c as i32,
            FormatArg::Str(s) | FormatArg::Other { text: s, .. } => {
                let hash = |h: i32, unit: u16| h.wrapping_mul(31).wrapping_add(i32::from(unit));
                s.encode_utf16().fold(0, hash)
            }
        })
    }
}

#[cfg(test)]
mod tests;
