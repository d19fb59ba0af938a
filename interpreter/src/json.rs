//! `groovy.json` as Jenkins pipelines use it, byte for byte like Groovy 2.4.21 on Java 17:
//! [`to_json`] is `JsonOutput.toJson`, [`pretty_print`] is `JsonOutput.prettyPrint`, and
//! [`parse`] is `JsonSlurper.parseText` / `JsonSlurperClassic.parseText`.
//!
//! Standalone: the interpreter converts its values to and from [`Json`].
//!
//! Every behaviour here was checked against the real thing (`groovy` 2.4.21, OpenJDK
//! 17.0.15), including the odd ones:
//!
//! - `JsonSlurper` objects come back with their keys **sorted** (`String.compareTo`, i.e. by
//!   UTF-16 code unit): its `LazyMap` builds a `TreeMap` on Java 17 (Groovy's `Sys` does not
//!   recognise Java versions past 8). The map *stays* a `TreeMap` in Groovy, so a key the
//!   script adds later also lands in sorted position; that part is the caller's business.
//! - `JsonSlurperClassic` objects are Java `HashMap`s. This module returns them in **insertion
//!   order** (a repeated key keeps its first position and its last value). The real order is
//!   `HashMap`'s bucket order: deterministic, but hash-based; scripts that print a classic map
//!   with several keys can differ from real Groovy.
//! - `JsonSlurper` reads integers too long for an `int` into a `long` that silently overflows
//!   (`123456789012345678901234` becomes `-7269072992350064654`), and ignores whatever follows
//!   the first value (`[1] junk` parses). `JsonSlurperClassic` returns `Integer`, `Long` or
//!   `BigInteger`, but only accepts an object or array at the top.
//! - `prettyPrint` re-lexes the text: `\/` comes out as `/`, non-ASCII as `\u00e9`, numbers
//!   verbatim, and a number or unterminated string at the very end of the text is dropped
//!   (`prettyPrint('42')` is the empty string).
//!
//! Errors carry the Java exception class and message. Where Java's message is `null` the
//! message is empty. Nesting deeper than 2000 arrays/objects fails with
//! `java.lang.StackOverflowError`, like Java 17 with its default stack somewhat later (about
//! 2300 levels for `JsonSlurper`, 2600 for `toJson`, 3800 for `JsonSlurperClassic`; all
//! three handle 2000). Nothing here recurses, so depth costs no machine stack.
//! Characters are handled as UTF-16 code units like Java's; where Java would build a string
//! with an unpaired surrogate (through `\uD800`-style escapes, or an error message quoting
//! half of an emoji), the result has `?` instead, which is what Java prints for it.

use bigdecimal::BigDecimal;
use indexmap::IndexMap;
use num_bigint::BigInt;
use std::fmt;

mod javafmt;
mod lexer;
mod slurper;

#[cfg(test)]
mod groovy_cases;
#[cfg(test)]
mod tests;

/// A JSON value as `groovy.json` sees it: each variant is the Java type Groovy uses.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    /// `null`.
    Null,
    /// `java.lang.Boolean`.
    Bool(bool),
    /// `java.lang.Integer` (`JsonOutput` writes `Byte` and `Short` the same way).
    Integer(i32),
    /// `java.lang.Long`.
    Long(i64),
    /// `java.math.BigInteger`.
    BigInteger(BigInt),
    /// `java.math.BigDecimal`, scale included: `1.50` keeps its trailing zero.
    BigDecimal(BigDecimal),
    /// `java.lang.Double`.
    Double(f64),
    /// `java.lang.Float`.
    Float(f32),
    /// `java.lang.String`.
    String(String),
    /// A `List` (or array, iterator, ...).
    Array(Vec<Json>),
    /// A `Map`, in the order its entries iterate.
    Object(IndexMap<String, Json>),
}

/// A Java exception thrown by `groovy.json`: its class name and message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    /// Fully qualified Java class, e.g. `groovy.json.JsonException`.
    pub class: &'static str,
    /// `getMessage()`; empty where Java's is `null`. Groovy's parser messages span lines.
    pub message: String,
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.message.is_empty() {
            f.write_str(self.class)
        } else {
            write!(f, "{}: {}", self.class, self.message)
        }
    }
}

impl std::error::Error for JsonError {}

const JSON_EXCEPTION: &str = "groovy.json.JsonException";
const ILLEGAL_ARGUMENT: &str = "java.lang.IllegalArgumentException";

/// How many arrays/objects deep [`parse`] and [`to_json`] go before failing like Java's stack.
const MAX_DEPTH: usize = 2000;

fn stack_overflow() -> JsonError {
    JsonError {
        class: "java.lang.StackOverflowError",
        message: String::new(),
    }
}

/// UTF-16 to `String`, an unpaired surrogate becoming `?` as when Java prints it.
fn utf16_lossy(units: &[u16]) -> String {
    char::decode_utf16(units.iter().copied())
        .map(|c| c.unwrap_or('?'))
        .collect()
}

/// `CharBuf.addJsonEscapedString`, quotes included (`""` when empty): see [`to_json`].
fn escape_into(out: &mut String, units: &[u16]) {
    out.push('"');
    for &c in units {
        match c {
            0x22 => out.push_str("\\\""),
            0x5c => out.push_str("\\\\"),
            0x08 => out.push_str("\\b"),
            0x0c => out.push_str("\\f"),
            0x0a => out.push_str("\\n"),
            0x0d => out.push_str("\\r"),
            0x09 => out.push_str("\\t"),
            0x20..=0x7e => out.push(char::from(c as u8)),
            _ => {
                out.push_str("\\u");
                out.push_str(&format!("{c:04x}"));
            }
        }
    }
    out.push('"');
}

fn escape_str(out: &mut String, s: &str) {
    let units: Vec<u16> = s.encode_utf16().collect();
    escape_into(out, &units);
}

/// `JsonOutput.toJson(value)`: compact JSON, no spaces.
///
/// - Strings: `"` and `\` are escaped, `\b \f \n \r \t` written as such, every other
///   control character and every UTF-16 code unit above `~` as `\u` and four lowercase hex
///   digits (`"é"` gives `"\u00e9"`, an emoji two escapes); `/` and `'` stay as they are.
/// - `Integer`, `Long`, `BigInteger` print their digits; `BigDecimal` prints
///   `BigDecimal.toString()`, so `1.50` stays `1.50` and `1e3` is `1E+3`; `Double` and
///   `Float` print `Double.toString` / `Float.toString` (`100.0`, `1.0E20`,
///   `0.30000000000000004`, `-0.0`). A NaN or infinite `Double`/`Float` throws
///   `groovy.json.JsonException` "Number NaN can't be serialized as JSON: NaN are not allowed
///   in JSON." (or "Number Infinity ... infinite are not allowed in JSON.").
/// - Objects keep the order of the `IndexMap`, which should be the Groovy map's iteration
///   order: insertion order for the `LinkedHashMap` of a `[a: 1]` literal, sorted for a
///   `JsonSlurper` result. Empty containers are `{}` and `[]`.
///
/// What Groovy does for other values is the caller's conversion to do first:
/// - `GString`, `StringBuilder` and other `CharSequence`s, `Character`, enums (their
///   `name()`), `UUID`, `URL`: a [`Json::String`] of their text;
/// - map keys: `key.toString()` (`[1: 'a']` gives `{"1":"a"}`); a `null` key throws
///   `java.lang.IllegalArgumentException` "Maps with null keys can't be converted to JSON";
/// - `Byte`/`Short`: [`Json::Integer`]; arrays, ranges, sets, iterators: [`Json::Array`];
/// - `Date`/`Calendar`: a string `yyyy-MM-dd'T'HH:mm:ssZ` in GMT (`1970-01-01T00:00:00+0000`);
/// - a closure: the object its `JsonDelegate` builds; an `Expando`: its properties;
/// - any other object (a Java/Groovy bean): an object of its properties from
///   `getProperties()` minus `class`, `declaringClass` and `metaClass`, getters included,
///   names decapitalised (`getMid()` is `mid`), in Java `HashMap` order;
/// - `JsonOutput.unescaped(text)`: `text` inserted raw, which [`Json`] cannot express.
///
/// # Errors
/// NaN/infinite numbers as above; nesting deeper than 2000 gives
/// `java.lang.StackOverflowError`.
pub fn to_json(value: &Json) -> Result<String, JsonError> {
    let mut out = String::new();
    write_json(value, &mut out)?;
    Ok(out)
}

fn not_serializable(number: &str, what: &str) -> JsonError {
    JsonError {
        class: JSON_EXCEPTION,
        message: format!(
            "Number {number} can't be serialized as JSON: {what} are not allowed in JSON."
        ),
    }
}

/// An array or object being written: what is left of it, and whether anything was written.
enum Level<'a> {
    Array(std::slice::Iter<'a, Json>, bool),
    Object(indexmap::map::Iter<'a, String, Json>, bool),
}

/// `JsonOutput.writeObject`, with its own stack instead of recursion.
fn write_json(value: &Json, out: &mut String) -> Result<(), JsonError> {
    let mut stack: Vec<Level<'_>> = Vec::new();
    let mut next = Some(value);
    loop {
        if let Some(value) = next.take() {
            match value {
                Json::Array(items) => {
                    if stack.len() >= MAX_DEPTH {
                        return Err(stack_overflow());
                    }
                    out.push('[');
                    stack.push(Level::Array(items.iter(), false));
                }
                Json::Object(map) => {
                    if stack.len() >= MAX_DEPTH {
                        return Err(stack_overflow());
                    }
                    out.push('{');
                    stack.push(Level::Object(map.iter(), false));
                }
                scalar => write_scalar(scalar, out)?,
            }
        }
        let Some(level) = stack.last_mut() else {
            return Ok(());
        };
        let (item, started, close) = match level {
            Level::Array(items, started) => (items.next().map(|item| (None, item)), started, ']'),
            Level::Object(entries, started) => (
                entries.next().map(|(k, item)| (Some(k), item)),
                started,
                '}',
            ),
        };
        match item {
            Some((key, item)) => {
                if std::mem::replace(started, true) {
                    out.push(',');
                }
                if let Some(key) = key {
                    escape_str(out, key);
                    out.push(':');
                }
                next = Some(item);
            }
            None => {
                out.push(close);
                stack.pop();
            }
        }
    }
}

fn write_scalar(value: &Json, out: &mut String) -> Result<(), JsonError> {
    match value {
        Json::Null | Json::Array(_) | Json::Object(_) => out.push_str("null"),
        Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Json::Integer(i) => out.push_str(&i.to_string()),
        Json::Long(l) => out.push_str(&l.to_string()),
        Json::BigInteger(b) => out.push_str(&b.to_string()),
        Json::BigDecimal(d) => out.push_str(&{
            let (unscaled, scale) = crate::number::decimal::parts(d);
            crate::number::format::decimal_to_string(&unscaled, scale)
        }),
        Json::Double(d) => {
            let text = crate::number::double_to_string(*d);
            if d.is_infinite() {
                return Err(not_serializable(&text, "infinite"));
            } else if d.is_nan() {
                return Err(not_serializable(&text, "NaN"));
            }
            out.push_str(&text);
        }
        Json::Float(f) => {
            let text = crate::number::float_to_string(*f);
            if f.is_infinite() {
                return Err(not_serializable(&text, "infinite"));
            } else if f.is_nan() {
                return Err(not_serializable(&text, "NaN"));
            }
            out.push_str(&text);
        }
        Json::String(s) => escape_str(out, s),
    }
    Ok(())
}

/// `JsonOutput.prettyPrint(jsonText)`.
///
/// It does not parse: it lexes `json_text` with Groovy's `JsonLexer` and re-emits the tokens,
/// so it accepts sequences no parser would (`{,}`, `[1 2]`, several top-level values) and
/// checks nothing about nesting.
/// - `{` and `[` are followed by a newline and the indentation (4 spaces per level); `}` and
///   `]` by a newline, the indentation, then the bracket. An empty `{}` is therefore
///   `"{\n    \n}"`, a line holding only spaces; `,` is followed by a newline and the
///   indentation; `:` becomes `": "`.
/// - Strings are unescaped then escaped again like [`to_json`] does: `"\/"` gives `"/"`,
///   `"é"` and `"\u00E9"` give `"\u00e9"`.
/// - Numbers, `true`, `false`, `null` are copied verbatim (`1.50e3` stays `1.50e3`).
/// - Quirks: a number or an unterminated string at the very end of the text ends the output
///   silently (`prettyPrint('42')` and `prettyPrint('"abc')` are empty), and so does a string
///   with an invalid escape (`"\x"`). A closing bracket too many is printed at the left
///   margin, but anything that then needs a negative indentation throws
///   `java.lang.NegativeArraySizeException` with the size (`-4`) as message.
///
/// # Errors
/// `groovy.json.JsonException` from the lexer, e.g. "Lexing failed on line: 1, column: 5,
/// while reading 'x', no possible valid JSON value or punctuation could be recognized." or
/// "... while reading '1.', was trying to match a number" (line and column as Groovy's
/// `LineColumnReader` counts them); `java.lang.NegativeArraySizeException` as above. Output
/// past 64 Mi characters (a few thousand nested brackets get there) fails with
/// `java.lang.OutOfMemoryError` "Java heap space" rather than taking the memory; Java's own
/// limit depends on its heap.
pub fn pretty_print(json_text: &str) -> Result<String, JsonError> {
    lexer::pretty_print(json_text)
}

/// `new JsonSlurper().parseText(text)` (`classic == false`) or
/// `new JsonSlurperClassic().parseText(text)` (`classic == true`).
///
/// Numbers: with a `.`, `e` or `E` they are [`Json::BigDecimal`] with the scale the text
/// gives (`1.50` has scale 2, `1e3` is `1E+3`). Integers are [`Json::Integer`] when they fit
/// in an `int`; past that `JsonSlurper` gives a [`Json::Long`] that may have overflowed, while
/// `JsonSlurperClassic` gives a `Long` or [`Json::BigInteger`]. Objects: sorted keys for
/// `JsonSlurper`, insertion order for `JsonSlurperClassic` (see the module documentation); a
/// repeated key keeps its last value.
///
/// `JsonSlurper` is lenient: it reads the first value and ignores the rest of the text,
/// accepts top-level scalars (`'42'`, `'"s"'`, `'null'`), `{,}`, trailing commas in objects,
/// unterminated strings and objects (`'{'` is an empty map), and leading zeros. Only
/// `JsonSlurperClassic` insists on an object or array at the top; it too ignores what follows
/// it, and accepts `[1,]` but not `{,}`.
///
/// # Errors
/// Empty text: `java.lang.IllegalArgumentException` "Text must not be null or empty"
/// (classic: "The JSON input text should neither be null nor empty."). Otherwise, exactly what
/// Groovy throws, for example:
/// - `JsonSlurper`: `groovy.json.JsonException` with a multi-line message: the complaint, a
///   blank line, "The current character read is ..." , the complaint again, the line and
///   index numbers, the line of text and a `....^` marker (see the fixture
///   `slurper-invalid-json`); `groovy.json.internal.Exceptions$JsonInternalException`
///   ("died" for a lone `-`, "unexpected character x" inside a number);
///   `java.lang.NumberFormatException` from `BigDecimal` or `\u` escapes (`For input string:
///   "00zz" under radix 16`); `java.lang.ArrayIndexOutOfBoundsException` when the text ends
///   inside an escape. Inside an array, these last two become a `JsonException` "issue
///   parsing JSON array ..." (same layout).
/// - `JsonSlurperClassic`: `groovy.json.JsonException` "Expected a value or a closing square
///   bracket ']' on line: 1 column: 4.\nBut got '2' instead." and the like, lexer errors as
///   for [`pretty_print`], and `java.lang.NullPointerException` (`Cannot invoke
///   "groovy.json.JsonToken.getType()" because "token" is null`) when the text holds nothing
///   but blanks, a lone number, or a string that never ends.
///
/// Java's `Integer.parseInt` also takes non-ASCII digits in `\u` escapes; here only ASCII hex
/// digits do.
pub fn parse(text: &str, classic: bool) -> Result<Json, JsonError> {
    if text.is_empty() {
        let message = if classic {
            "The JSON input text should neither be null nor empty."
        } else {
            "Text must not be null or empty"
        };
        return Err(JsonError {
            class: ILLEGAL_ARGUMENT,
            message: message.into(),
        });
    }
    if classic {
        lexer::parse_classic(text)
    } else {
        slurper::parse(text)
    }
}
