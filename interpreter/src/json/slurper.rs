//! `JsonSlurper.parseText` with the default `CHAR_BUFFER` parser: a port of Groovy 2.4.21's
//! `groovy.json.internal.JsonParserCharArray` (and the `CharScanner` / `CharBuf` helpers it
//! calls), quirks included. It works on UTF-16 code units like Java's `char[]`, so the
//! `index number` of error messages counts what Java counts.
//!
//! Quirks kept on purpose (all checked against Groovy 2.4.21):
//! - nothing after the top-level value is looked at (`[1] junk` parses);
//! - `{,}`, `{"a":1,}` and a lone `{` parse as maps; `[1,]` fails;
//! - an unterminated string runs to the end of the text (`"abc` parses);
//! - integers without `.`/`e` that are too long for an `int` become a `long` that silently
//!   overflows (`123456789012345678901234` -> `-7269072992350064654`).

use super::{JSON_EXCEPTION, Json, JsonError, MAX_DEPTH, javafmt, stack_overflow, utf16_lossy};
use std::collections::BTreeMap;

const JSON_INTERNAL_EXCEPTION: &str = "groovy.json.internal.Exceptions$JsonInternalException";
const NUMBER_FORMAT_EXCEPTION: &str = "java.lang.NumberFormatException";
const INDEX_OUT_OF_BOUNDS: &str = "java.lang.ArrayIndexOutOfBoundsException";

type Res<T> = Result<T, JsonError>;

/// Parses `text` (never empty: the caller rejects that first) like `JsonParserCharArray`.
pub(super) fn parse(text: &str) -> Res<Json> {
    let chars: Vec<u16> = text.encode_utf16().collect();
    let mut parser = Parser {
        chars: &chars,
        index: 0,
        current: 0,
    };
    let mut stack = Vec::new();
    parser.run(&mut stack).map_err(|e| {
        // `decodeJsonArray` wraps what is not a `JsonException` (nor an `Error`).
        let in_array = stack.iter().any(|frame| matches!(frame, Frame::Array(_)));
        if in_array && !is_json_exception_or_error(&e) {
            parser.complain("issue parsing JSON array")
        } else {
            e
        }
    })
}

fn internal(message: impl Into<String>) -> JsonError {
    JsonError {
        class: JSON_INTERNAL_EXCEPTION,
        message: message.into(),
    }
}

fn is_json_exception_or_error(e: &JsonError) -> bool {
    e.class == JSON_EXCEPTION || e.class == JSON_INTERNAL_EXCEPTION || e == &stack_overflow()
}

/// `BaseJsonParser.charDescription` / `CharScanner.debugCharDescription`.
fn char_description(c: u16) -> String {
    let shown = match c {
        0x20 => "[SPACE]".to_owned(),
        0x09 => "[TAB]".to_owned(),
        0x0a => "[NEWLINE]".to_owned(),
        _ => format!("'{}'", utf16_lossy(&[c])),
    };
    format!("{shown} with an int value of {c}")
}

struct Parser<'a> {
    chars: &'a [u16],
    /// `__index`; may point one past the end, like Java's.
    index: usize,
    /// `__currentChar`; Java leaves it stale when `__index` runs off the end.
    current: u16,
}

impl Parser<'_> {
    fn len(&self) -> usize {
        self.chars.len()
    }

    /// `charArray[i]`, failing like Java when out of bounds.
    fn at(&self, i: usize) -> Res<u16> {
        self.chars.get(i).copied().ok_or_else(|| JsonError {
            class: INDEX_OUT_OF_BOUNDS,
            message: format!("Index {i} out of bounds for length {}", self.len()),
        })
    }

    fn is(&self, i: usize, c: u8) -> Res<bool> {
        Ok(self.at(i)? == u16::from(c))
    }

    /// `CharScanner.errorDetails(message, charArray, __index, __currentChar)`.
    fn details(&self, message: &str) -> String {
        let upto = self.index.min(self.len());
        let (mut line, mut line_start) = (0, 0);
        for (i, &c) in self.chars[..upto].iter().enumerate() {
            if c == 0x0a {
                line += 1;
                line_start = i + 1;
            }
        }
        let line_end = self.chars[line_start..]
            .iter()
            .position(|&c| c == 0x0a)
            .map_or(self.len(), |n| line_start + n);
        format!(
            "{message}\n\nThe current character read is {}\n{message}\nline number {}\nindex number {}\n{}\n{}^",
            char_description(self.current),
            line + 1,
            self.index,
            utf16_lossy(&self.chars[line_start..line_end]),
            ".".repeat(self.index - line_start),
        )
    }

    fn complain(&self, message: &str) -> JsonError {
        JsonError {
            class: JSON_EXCEPTION,
            message: self.details(message),
        }
    }

    fn skip_white_space(&mut self) -> Res<()> {
        if self.index < self.len() {
            self.current = self.chars[self.index];
        }
        if self.current <= 32 {
            // skipWhiteSpaceFast: the first index past the blanks, or one before where the
            // scan stopped.
            let from = self.index;
            let found = self
                .chars
                .get(from..)
                .and_then(|rest| rest.iter().position(|&c| c > 32));
            let ix = match found {
                Some(n) => from + n,
                None => from.max(self.len()).wrapping_sub(1),
            };
            self.current = self.at(ix)?;
            self.index = ix;
        }
        Ok(())
    }

    /// `decodeValueInternal` for everything but arrays and objects, which it opens on
    /// `stack`: `Ok(None)` then means the new top frame has to run its loop.
    fn value(&mut self, stack: &mut Vec<Frame>) -> Res<Option<Json>> {
        self.skip_white_space()?;
        let value = match u8::try_from(self.current).unwrap_or(0) {
            b'"' => Json::String(utf16_lossy(&self.string()?)),
            b't' => self.constant("true", Json::Bool(true), "true not parsed properly")?,
            b'f' => self.constant("false", Json::Bool(false), "false not parsed properly")?,
            b'n' => self.constant("null", Json::Null, "null not parse properly")?,
            b'[' => return self.open_array(stack),
            b'{' => {
                open(
                    stack,
                    Frame::Object {
                        entries: Vec::new(),
                        key: Vec::new(),
                    },
                )?;
                if self.current == u16::from(b'{') {
                    self.index += 1;
                }
                return Ok(None);
            }
            b'0'..=b'9' | b'-' => self.number()?,
            _ => {
                return Err(self.complain(
                    "Unable to determine the current character, it is not a string, number, array, or object",
                ));
            }
        };
        Ok(Some(value))
    }

    /// `decodeTrue` / `decodeFalse` / `decodeNull`: `__index` advances while the letters match.
    fn constant(&mut self, word: &str, value: Json, complaint: &str) -> Res<Json> {
        if self.index + word.len() <= self.len() {
            let mut matched = true;
            for (k, c) in word.bytes().enumerate() {
                if k > 0 {
                    self.index += 1;
                }
                if !self.is(self.index, c)? {
                    matched = false;
                    break;
                }
            }
            if matched {
                self.index += 1;
                return Ok(value);
            }
        }
        Err(self.complain(complaint))
    }

    /// `CharScanner.parseJsonNumber`.
    fn number(&mut self) -> Res<Json> {
        let (chars, from) = (self.chars, self.index);
        let mut i = from;
        if self.is(i, b'-')? {
            i += 1;
        }
        if i >= self.len() {
            return Err(internal("died"));
        }
        let (mut simple, mut found_dot, mut past_point) = (true, false, 0);
        while let Some(&ch) = chars.get(i) {
            match u8::try_from(ch).unwrap_or(0xff) {
                b'0'..=b'9' => past_point += usize::from(found_dot),
                ..=32 | b',' | b'}' | b']' => break,
                b'.' if !found_dot => found_dot = true,
                b'e' | b'E' | b'-' | b'+' => simple = false,
                _ => {
                    return Err(internal(format!(
                        "unexpected character {}",
                        utf16_lossy(&[ch])
                    )));
                }
            }
            i += 1;
        }
        let value = if !found_dot && simple && past_point < 18 {
            if is_integer(&chars[from..i]) {
                Json::Integer(parse_int(&chars[from..i])?)
            } else {
                Json::Long(parse_long(&chars[from..i]))
            }
        } else {
            let parsed = javafmt::parse_big_decimal(chars, from, i - from);
            Json::BigDecimal(parsed.map_err(|message| JsonError {
                class: NUMBER_FORMAT_EXCEPTION,
                message: message.unwrap_or_default(),
            })?)
        };
        self.index = i;
        Ok(value)
    }

    /// `decodeString`: `__index` ends past the closing quote; `__currentChar` is left alone.
    fn string(&mut self) -> Res<Vec<u16>> {
        let mut index = self.index;
        if self.is(index, b'"')? {
            index += 1;
        }
        let start = index;
        let stop = self.chars[start..]
            .iter()
            .position(|&c| c == 0x22 || c == 0x5c);
        index = stop.map_or(self.len(), |n| start + n);
        let value = if self.chars.get(index) == Some(&0x5c) {
            index = find_end_quote(self.chars, index);
            self.decode_escapes(start, index)?
        } else {
            self.chars[start..index].to_vec()
        };
        if index < self.len() {
            index += 1;
        }
        self.index = index;
        Ok(value)
    }

    /// `CharBuf.decodeJsonString(chars, start, to)`.
    fn decode_escapes(&self, start: usize, to: usize) -> Res<Vec<u16>> {
        let mut out: Vec<u16> = Vec::with_capacity(to - start);
        let mut index = start;
        while index < to {
            let c = self.chars[index];
            if c != 0x5c {
                out.push(c);
                index += 1;
                continue;
            }
            index += 1;
            let escaped = self.at(index)?;
            let decoded = match u8::try_from(escaped).unwrap_or(0) {
                b'n' => 0x0a,
                b'/' => 0x2f,
                b'"' => 0x22,
                b'f' => 0x0c,
                b't' => 0x09,
                b'\\' => 0x5c,
                b'b' => 0x08,
                b'r' => 0x0d,
                b'u' if index + 4 < to => {
                    let hex = &self.chars[index + 1..index + 5];
                    index += 4;
                    parse_hex_char(hex)?
                }
                // `\u` without four characters before the closing quote: both are dropped.
                b'u' => {
                    index += 1;
                    continue;
                }
                _ => {
                    return Err(JsonError {
                        class: JSON_EXCEPTION,
                        message: "Unable to decode string".into(),
                    });
                }
            };
            out.push(decoded);
            index += 1;
        }
        Ok(out)
    }

    /// The start of `decodeJsonArray`'s `try` block.
    fn open_array(&mut self, stack: &mut Vec<Frame>) -> Res<Option<Json>> {
        open(stack, Frame::Array(Vec::new()))?;
        if self.current == u16::from(b'[') {
            self.index += 1;
        }
        self.skip_white_space()?;
        if self.current == u16::from(b']') {
            self.index += 1;
            stack.pop();
            return Ok(Some(Json::Array(Vec::new())));
        }
        Ok(None)
    }

    /// The head of `decodeJsonArray`'s `while (hasMore())` loop.
    fn array_loop(&mut self, stack: &mut Vec<Frame>) -> Res<Option<Json>> {
        if self.index + 1 < self.len() {
            return self.value(stack);
        }
        stack.pop();
        Err(self.complain("Did not find end of Json Array"))
    }

    /// The rest of the array loop, once `item` is parsed.
    fn array_item(&mut self, stack: &mut Vec<Frame>, item: Json) -> Res<Option<Json>> {
        let Some(Frame::Array(items)) = stack.last_mut() else {
            return Ok(Some(item));
        };
        items.push(item);
        let n = items.len();
        let c = self.at(self.index)?;
        if c == u16::from(b',') {
            self.index += 1;
            return Ok(None);
        } else if c == u16::from(b']') {
            self.index += 1;
            return Ok(close(stack));
        }
        let before = self.index;
        self.skip_white_space()?;
        let c = self.at(self.index)?;
        if c == u16::from(b',') {
            self.index += 1;
            Ok(None)
        } else if c == u16::from(b']') && before != self.index {
            self.index += 1;
            Ok(close(stack))
        } else {
            let got = char_description(c);
            Err(self.complain(&format!(
                "expecting a ',' or a ']',  but got \nthe current character of  {got}  on array index of {n} \n"
            )))
        }
    }

    /// The head of `decodeJsonObject`'s loop, up to the value of a key if there is one.
    fn object_loop(&mut self, stack: &mut Vec<Frame>) -> Res<Option<Json>> {
        if self.index >= self.len() {
            return Ok(close(stack));
        }
        self.skip_white_space()?;
        if self.current != u16::from(b'"') {
            return self.object_tail(stack);
        }
        let key = self.string()?;
        self.skip_white_space()?;
        if self.current != u16::from(b':') {
            let got = char_description(self.current);
            return Err(self.complain(&format!("expecting current character to be {got}\n")));
        }
        self.index += 1;
        self.skip_white_space()?;
        if let Some(Frame::Object { key: slot, .. }) = stack.last_mut() {
            *slot = key;
        }
        self.value(stack)
    }

    fn object_value(&mut self, stack: &mut Vec<Frame>, value: Json) -> Res<Option<Json>> {
        self.skip_white_space()?;
        if let Some(Frame::Object { entries, key }) = stack.last_mut() {
            entries.push((std::mem::take(key), value));
        }
        self.object_tail(stack)
    }

    /// The end of the object loop: `}` closes, `,` loops.
    fn object_tail(&mut self, stack: &mut Vec<Frame>) -> Res<Option<Json>> {
        if self.current == u16::from(b'}') {
            self.index += 1;
            Ok(close(stack))
        } else if self.current == u16::from(b',') {
            self.index += 1;
            Ok(None)
        } else {
            let got = char_description(self.current);
            Err(self.complain(&format!("expecting '}}' or ',' but got current char {got}")))
        }
    }

    /// Runs the value at `__index` to completion. Java recurses; this keeps its own stack so
    /// that depth costs no machine stack.
    fn run(&mut self, stack: &mut Vec<Frame>) -> Res<Json> {
        let mut done = self.value(stack)?;
        loop {
            done = match (done, stack.last()) {
                (Some(value), None) => return Ok(value),
                (Some(value), Some(Frame::Array(_))) => self.array_item(stack, value)?,
                (Some(value), Some(Frame::Object { .. })) => self.object_value(stack, value)?,
                (None, Some(Frame::Array(_))) => self.array_loop(stack)?,
                (None, Some(Frame::Object { .. })) => self.object_loop(stack)?,
                (None, None) => return Ok(Json::Null),
            };
        }
    }
}

/// An array or object being parsed: one level of Java's recursion.
enum Frame {
    Array(Vec<Json>),
    /// The entries so far and the key whose value is being parsed.
    Object {
        entries: Vec<(Vec<u16>, Json)>,
        key: Vec<u16>,
    },
}

fn open(stack: &mut Vec<Frame>, frame: Frame) -> Res<()> {
    if stack.len() >= MAX_DEPTH {
        return Err(stack_overflow());
    }
    stack.push(frame);
    Ok(())
}

/// Pops the finished top frame as its value.
fn close(stack: &mut Vec<Frame>) -> Option<Json> {
    Some(match stack.pop()? {
        Frame::Array(items) => Json::Array(items),
        Frame::Object { entries, .. } => Json::Object(lazy_map(entries)),
    })
}

/// `LazyMap` on Java 17 builds a `TreeMap`: keys sorted by `String.compareTo` (UTF-16 code
/// units), a repeated key keeps its last value.
fn lazy_map(entries: Vec<(Vec<u16>, Json)>) -> indexmap::IndexMap<String, Json> {
    let sorted: BTreeMap<Vec<u16>, Json> = entries.into_iter().collect();
    sorted
        .into_iter()
        .map(|(key, value)| (utf16_lossy(&key), value))
        .collect()
}

/// `BaseJsonParser.findEndQuote`.
fn find_end_quote(chars: &[u16], mut index: usize) -> usize {
    let mut escape = false;
    while let Some(&c) = chars.get(index) {
        if c == 0x22 && !escape {
            break;
        }
        escape = c == 0x5c && !escape;
        index += 1;
    }
    index
}

/// `CharScanner.isInteger`: compares the text with `"2147483647"` / `"-2147483648"`.
fn is_integer(digits: &[u16]) -> bool {
    let limit: &[u8] = if digits.first() == Some(&0x2d) {
        b"-2147483648"
    } else {
        b"2147483647"
    };
    match digits.len().cmp(&limit.len()) {
        std::cmp::Ordering::Less => true,
        std::cmp::Ordering::Greater => false,
        std::cmp::Ordering::Equal => digits
            .iter()
            .map(|&c| c as i32)
            .le(limit.iter().map(|&c| i32::from(c))),
    }
}

/// `CharScanner.parseIntFromTo` in 2.4.21: a lone `-` "died".
fn parse_int(digits: &[u16]) -> Res<i32> {
    let (negative, rest) = match digits.split_first() {
        Some((&0x2d, rest)) => (true, rest),
        _ => (false, digits),
    };
    if rest.is_empty() {
        return Err(internal("died"));
    }
    let num = rest.iter().fold(0i32, |n, &c| {
        n.wrapping_mul(10).wrapping_add(i32::from(c) - 48)
    });
    Ok(if negative { num.wrapping_neg() } else { num })
}

/// `CharScanner.parseLongFromTo`: overflows silently, like Java's `long` arithmetic.
fn parse_long(digits: &[u16]) -> i64 {
    let (negative, rest) = match digits.split_first() {
        Some((&0x2d, rest)) => (true, rest),
        _ => (false, digits),
    };
    let num = rest.iter().fold(0i64, |n, &c| {
        n.wrapping_mul(10).wrapping_add(i64::from(c) - 48)
    });
    if negative { num.wrapping_neg() } else { num }
}

/// `(char) Integer.parseInt(hex, 16)`: an optional sign, then hex digits. Java also accepts
/// non-ASCII Unicode digits here; this accepts ASCII only.
fn parse_hex_char(hex: &[u16]) -> Res<u16> {
    let text = utf16_lossy(hex);
    let fail = || JsonError {
        class: NUMBER_FORMAT_EXCEPTION,
        message: format!("For input string: \"{text}\" under radix 16"),
    };
    let (negative, digits) = match hex.split_first() {
        Some((&0x2d, rest)) => (true, rest),
        Some((&0x2b, rest)) => (false, rest),
        _ => (false, hex),
    };
    if digits.is_empty() {
        return Err(fail());
    }
    let mut value: i32 = 0;
    for &c in digits {
        let digit = char::from_u32(u32::from(c))
            .and_then(|ch| ch.to_digit(16))
            .ok_or_else(fail)?;
        value = value * 16 + digit as i32;
    }
    Ok((if negative { -value } else { value }) as u16)
}
