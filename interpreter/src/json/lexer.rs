//! `groovy.json.JsonLexer` over a `groovy.io.LineColumnReader`, and the two things Groovy
//! 2.4.21 builds on it: `JsonSlurperClassic.parseText` and `JsonOutput.prettyPrint`.
//!
//! The reader is emulated down to its oddities, because its line and column numbers end up in
//! error messages: `mark`/`reset` restore the line and column but not the "a newline was just
//! read" flag, and reading a `\r` sets a mark of its own.

use super::{
    JSON_EXCEPTION, Json, JsonError, MAX_DEPTH, escape_into, javafmt, stack_overflow, utf16_lossy,
};
use indexmap::IndexMap;
use num_bigint::BigInt;

type Res<T> = Result<T, JsonError>;

fn json_exception(message: String) -> JsonError {
    JsonError {
        class: JSON_EXCEPTION,
        message,
    }
}

/// `LineColumnReader` over a `StringReader`; characters are UTF-16 code units.
struct Reader<'a> {
    chars: &'a [u16],
    pos: usize,
    mark_pos: usize,
    line: i64,
    column: i64,
    line_mark: i64,
    column_mark: i64,
    new_line_was_read: bool,
}

impl<'a> Reader<'a> {
    fn new(chars: &'a [u16]) -> Self {
        Reader {
            chars,
            pos: 0,
            mark_pos: 0,
            line: 1,
            column: 1,
            line_mark: 1,
            column_mark: 1,
            new_line_was_read: false,
        }
    }

    fn mark(&mut self) {
        self.line_mark = self.line;
        self.column_mark = self.column;
        self.mark_pos = self.pos;
    }

    fn reset(&mut self) {
        self.line = self.line_mark;
        self.column = self.column_mark;
        self.pos = self.mark_pos;
    }

    fn raw_read(&mut self) -> Option<u16> {
        let c = self.chars.get(self.pos).copied();
        self.pos += usize::from(c.is_some());
        c
    }

    /// `read()`: `None` at the end of the text.
    fn read(&mut self) -> Option<u16> {
        if self.new_line_was_read {
            self.line += 1;
            self.column = 1;
            self.new_line_was_read = false;
        }
        let c = self.raw_read()?;
        if c == 0x0d || c == 0x0a {
            self.new_line_was_read = true;
            if c == 0x0d {
                self.mark();
                if self.raw_read() != Some(0x0a) {
                    self.reset();
                }
            }
        } else {
            self.column += 1;
        }
        Some(c)
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    OpenCurly,
    CloseCurly,
    OpenBracket,
    CloseBracket,
    Colon,
    Comma,
    Null,
    True,
    False,
    Number,
    String,
}

impl Kind {
    /// `JsonTokenType.startingWith`.
    fn starting_with(c: u16) -> Option<Kind> {
        Some(match u8::try_from(c).ok()? {
            b'{' => Kind::OpenCurly,
            b'}' => Kind::CloseCurly,
            b'[' => Kind::OpenBracket,
            b']' => Kind::CloseBracket,
            b',' => Kind::Comma,
            b':' => Kind::Colon,
            b't' => Kind::True,
            b'f' => Kind::False,
            b'n' => Kind::Null,
            b'"' => Kind::String,
            b'-' | b'0'..=b'9' => Kind::Number,
            _ => return None,
        })
    }

    /// The constant text of punctuation and `null`/`true`/`false`.
    fn validator(self) -> &'static str {
        match self {
            Kind::OpenCurly => "{",
            Kind::CloseCurly => "}",
            Kind::OpenBracket => "[",
            Kind::CloseBracket => "]",
            Kind::Colon => ":",
            Kind::Comma => ",",
            Kind::Null => "null",
            Kind::True => "true",
            Kind::False => "false",
            Kind::Number | Kind::String => "",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Kind::OpenCurly => "an openning curly brace '{'",
            Kind::CloseCurly => "a closing curly brace '}'",
            Kind::OpenBracket => "an openning square bracket '['",
            Kind::CloseBracket => "a closing square bracket ']'",
            Kind::Colon => "a colon ':'",
            Kind::Comma => "a comma ','",
            Kind::Null => "the constant 'null'",
            Kind::True => "the constant 'true'",
            Kind::False => "the constant 'false'",
            Kind::Number => "a number",
            Kind::String => "a string",
        }
    }
}

struct Token {
    kind: Kind,
    /// For strings: the unescaped text, quotes included (what Groovy stores).
    text: Vec<u16>,
    start_line: i64,
    start_column: i64,
    end_line: i64,
    end_column: i64,
}

impl Token {
    fn text(&self) -> String {
        utf16_lossy(&self.text)
    }

    /// A string token's text without its quotes.
    fn inner(&self) -> &[u16] {
        self.text
            .get(1..self.text.len().saturating_sub(1))
            .unwrap_or(&[])
    }

    /// `JsonToken.getValue()` for a string, number or constant token.
    fn value(&self) -> Res<Json> {
        Ok(match self.kind {
            Kind::String => Json::String(utf16_lossy(self.inner())),
            Kind::Number => number_value(&self.text())?,
            Kind::True => Json::Bool(true),
            Kind::False => Json::Bool(false),
            _ => Json::Null,
        })
    }
}

/// `JsonToken.getValue()` for numbers: `BigDecimal` with `.`/`e`/`E`, else the smallest of
/// `Integer`, `Long`, `BigInteger`.
fn number_value(text: &str) -> Res<Json> {
    if text.contains(['.', 'e', 'E']) {
        let chars: Vec<u16> = text.encode_utf16().collect();
        return javafmt::parse_big_decimal(&chars, 0, chars.len())
            .map(Json::BigDecimal)
            .map_err(|message| JsonError {
                class: "java.lang.NumberFormatException",
                message: message.unwrap_or_default(),
            });
    }
    let value: BigInt = text.parse().map_err(|_| JsonError {
        class: "java.lang.NumberFormatException",
        message: format!("For input string: \"{text}\""),
    })?;
    Ok(if let Ok(i) = i32::try_from(&value) {
        Json::Integer(i)
    } else if let Ok(l) = i64::try_from(&value) {
        Json::Long(l)
    } else {
        Json::BigInteger(value)
    })
}

/// `Character.isWhitespace` for a UTF-16 code unit.
fn is_java_whitespace(c: u16) -> bool {
    matches!(c, 0x09..=0x0d | 0x1c..=0x20 | 0x1680 | 0x2000..=0x2006 | 0x2008..=0x200a | 0x2028 | 0x2029 | 0x205f | 0x3000)
}

fn is_number_char(c: u16) -> bool {
    matches!(
        u8::try_from(c),
        Ok(b'0'..=b'9' | b'.' | b'-' | b'+' | b'e' | b'E')
    )
}

/// The `NUMBER` pattern `-?\d+(\.\d+)?((e|E)(\+|-)?\d+)?`.
fn is_json_number(text: &[u16]) -> bool {
    let mut i = 0;
    let digits = |i: &mut usize| {
        let start = *i;
        while text.get(*i).is_some_and(|c| (0x30..=0x39).contains(c)) {
            *i += 1;
        }
        *i > start
    };
    if text.first() == Some(&0x2d) {
        i += 1;
    }
    if !digits(&mut i) {
        return false;
    }
    if text.get(i) == Some(&0x2e) {
        i += 1;
        if !digits(&mut i) {
            return false;
        }
    }
    if matches!(text.get(i), Some(0x65 | 0x45)) {
        i += 1;
        if matches!(text.get(i), Some(0x2b | 0x2d)) {
            i += 1;
        }
        if !digits(&mut i) {
            return false;
        }
    }
    i == text.len()
}

/// The `STRING` validator: with every valid escape (`\"`, `\\`, `\/`, `\b`, `\f`, `\n`,
/// `\r`, `\t`, `\uXXXX`) taken out, no quote or backslash may be left between the quotes.
fn is_json_string(content: &[u16]) -> bool {
    let inner = content
        .get(1..content.len().saturating_sub(1))
        .unwrap_or(&[]);
    let mut i = 0;
    while let Some(&c) = inner.get(i) {
        match c {
            0x22 => return false,
            0x5c => match inner.get(i + 1).and_then(|&n| u8::try_from(n).ok()) {
                Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => i += 2,
                Some(b'u')
                    if inner
                        .get(i + 2..i + 6)
                        .is_some_and(|h| h.iter().all(|&d| is_hex(d))) =>
                {
                    i += 6
                }
                _ => return false,
            },
            _ => i += 1,
        }
    }
    true
}

fn is_hex(c: u16) -> bool {
    matches!(u8::try_from(c), Ok(b'0'..=b'9' | b'a'..=b'f' | b'A'..=b'F'))
}

/// `StringEscapeUtils.unescapeJava` on a validated string token.
fn unescape(content: &[u16]) -> Vec<u16> {
    let mut out = Vec::with_capacity(content.len());
    let mut i = 0;
    while let Some(&c) = content.get(i) {
        i += 1;
        if c != 0x5c {
            out.push(c);
            continue;
        }
        let Some(&e) = content.get(i) else {
            out.push(0x5c);
            break;
        };
        i += 1;
        out.push(match u8::try_from(e).unwrap_or(0) {
            b'r' => 0x0d,
            b'f' => 0x0c,
            b't' => 0x09,
            b'n' => 0x0a,
            b'b' => 0x08,
            b'u' => {
                let hex = content.get(i..i + 4).unwrap_or(&[]);
                i += 4;
                let text = utf16_lossy(hex);
                u16::from_str_radix(&text, 16).unwrap_or(0)
            }
            _ => e,
        });
    }
    out
}

struct Lexer<'a> {
    reader: Reader<'a>,
}

impl<'a> Lexer<'a> {
    fn new(chars: &'a [u16]) -> Self {
        Lexer {
            reader: Reader::new(chars),
        }
    }

    fn lexing_failed(&self, read: &[u16], tail: &str) -> JsonError {
        let (line, column) = (self.reader.line, self.reader.column);
        json_exception(format!(
            "Lexing failed on line: {line}, column: {column}, while reading '{}', {tail}",
            utf16_lossy(read)
        ))
    }

    /// `skipWhitespace()`: the next character (left unread), or `None` at the end.
    fn skip_whitespace(&mut self) -> Option<u16> {
        let mut next = Some(0x20);
        while next.is_some_and(is_java_whitespace) {
            self.reader.mark();
            next = self.reader.read();
        }
        self.reader.reset();
        next
    }

    /// `nextToken()`: `Ok(None)` at the end of the text, and also (like Groovy) when a string
    /// or number runs into the end of the text.
    fn next_token(&mut self) -> Res<Option<Token>> {
        let Some(first) = self.skip_whitespace() else {
            return Ok(None);
        };
        let Some(kind) = Kind::starting_with(first) else {
            return Err(self.lexing_failed(
                &[first],
                "no possible valid JSON value or punctuation could be recognized.",
            ));
        };
        self.reader.reset();
        let (line, column) = (self.reader.line, self.reader.column);
        let mut token = Token {
            kind,
            text: vec![first],
            start_line: line,
            start_column: column,
            end_line: line,
            end_column: column + 1,
        };
        match kind {
            Kind::String => {
                let mut content = vec![0x22];
                self.reader.read();
                let mut escaped = false;
                loop {
                    let Some(c) = self.reader.read() else {
                        return Ok(None);
                    };
                    escaped = !escaped && content.last() == Some(&0x5c);
                    content.push(c);
                    if c == 0x22 && !escaped {
                        if !is_json_string(&content) {
                            // Groovy reads on, re-checking at every quote, but a string that
                            // fails once keeps failing: skip to the end it would reach.
                            while self.reader.read().is_some() {}
                            return Ok(None);
                        }
                        token.end_line = self.reader.line;
                        token.end_column = self.reader.column;
                        token.text = unescape(&content);
                        return Ok(Some(token));
                    }
                }
            }
            Kind::Number => {
                let mut content = Vec::new();
                loop {
                    self.reader.mark();
                    let Some(c) = self.reader.read() else {
                        return Ok(None);
                    };
                    if !is_number_char(c) {
                        self.reader.reset();
                        break;
                    }
                    content.push(c);
                }
                if !is_json_number(&content) {
                    return Err(self.lexing_failed(&content, "was trying to match a number"));
                }
                token.end_line = self.reader.line;
                token.end_column = self.reader.column;
                token.text = content;
                Ok(Some(token))
            }
            _ => {
                let expected = kind.validator();
                // `read(char[])` fills what it can; the rest stays '\0'.
                let mut read = vec![0u16; expected.len()];
                for slot in read.iter_mut() {
                    match self.reader.read() {
                        Some(c) => *slot = c,
                        None => break,
                    }
                }
                if !read.iter().copied().eq(expected.encode_utf16()) {
                    return Err(
                        self.lexing_failed(&read, &format!("was trying to match {}", kind.label()))
                    );
                }
                token.end_column = token.start_column + expected.len() as i64;
                token.text = read;
                Ok(Some(token))
            }
        }
    }
}

/// `JsonSlurperClassic.parseText` (the text is not empty).
pub(super) fn parse_classic(text: &str) -> Res<Json> {
    let chars: Vec<u16> = text.encode_utf16().collect();
    let mut classic = Classic {
        lexer: Lexer::new(&chars),
        stack: Vec::new(),
    };
    let Some(token) = classic.lexer.next_token()? else {
        return Err(JsonError {
            class: "java.lang.NullPointerException",
            message: "Cannot invoke \"groovy.json.JsonToken.getType()\" because \"token\" is null"
                .into(),
        });
    };
    if !matches!(token.kind, Kind::OpenCurly | Kind::OpenBracket) {
        return Err(json_exception(format!(
            "A JSON payload should start with {} or {}.\nInstead, '{}' was found on line: {}, column: {}",
            Kind::OpenCurly.label(),
            Kind::OpenBracket.label(),
            token.text(),
            token.start_line,
            token.start_column
        )));
    }
    classic.open(&token)?;
    classic.run()
}

/// An array or object being parsed: one level of `parseArray` / `parseObject` recursion.
enum Frame {
    Array(Vec<Json>),
    /// The entries so far, the key being read, and where its value token ended.
    Object {
        map: IndexMap<String, Json>,
        key: String,
        value_end: (i64, i64),
    },
}

struct Classic<'a> {
    lexer: Lexer<'a>,
    stack: Vec<Frame>,
}

impl Classic<'_> {
    fn open(&mut self, token: &Token) -> Res<()> {
        if self.stack.len() >= MAX_DEPTH {
            return Err(stack_overflow());
        }
        self.stack.push(if token.kind == Kind::OpenCurly {
            Frame::Object {
                map: IndexMap::new(),
                key: String::new(),
                value_end: (0, 0),
            }
        } else {
            Frame::Array(Vec::new())
        });
        Ok(())
    }

    /// Pops the finished top frame as its value.
    fn close(&mut self) -> Option<Json> {
        Some(match self.stack.pop()? {
            Frame::Array(items) => Json::Array(items),
            Frame::Object { map, .. } => Json::Object(map),
        })
    }

    /// Java recurses; this keeps its own stack so that depth costs no machine stack.
    fn run(&mut self) -> Res<Json> {
        let mut done: Option<Json> = None;
        loop {
            done = match (done, self.stack.last_mut()) {
                (Some(value), None) => return Ok(value),
                (Some(value), Some(Frame::Array(items))) => {
                    items.push(value);
                    self.array_next()?
                }
                (Some(value), Some(Frame::Object { map, key, .. })) => {
                    map.insert(std::mem::take(key), value);
                    self.object_next()?
                }
                (None, Some(Frame::Array(_))) => self.array_loop()?,
                (None, Some(Frame::Object { .. })) => self.object_loop()?,
                (None, None) => return Ok(Json::Null),
            };
        }
    }

    fn next_token(&mut self) -> Res<Option<Token>> {
        self.lexer.next_token()
    }

    /// "Expected ... on line: L, column: C.\nBut got an unterminated ..." at the reader position.
    fn unterminated(&self, expected: &str, what: &str) -> JsonError {
        let (line, column) = (self.lexer.reader.line, self.lexer.reader.column);
        json_exception(format!(
            "Expected {expected} on line: {line}, column: {column}.\nBut got an unterminated {what}."
        ))
    }

    fn got(expected: &str, token: &Token, comma: &str) -> JsonError {
        json_exception(format!(
            "Expected {expected} on line: {}{comma} column: {}.\nBut got '{}' instead.",
            token.start_line,
            token.start_column,
            token.text()
        ))
    }

    /// A value token: a scalar, or `None` after opening an array or object.
    fn value(&mut self, token: &Token) -> Res<Option<Json>> {
        match token.kind {
            Kind::OpenCurly | Kind::OpenBracket => self.open(token).map(|()| None),
            Kind::Null | Kind::True | Kind::False | Kind::Number | Kind::String => {
                token.value().map(Some)
            }
            _ => Err(Self::got("a value, an array, or an object", token, ",")),
        }
    }

    /// The top of `parseArray`'s loop: a value or the closing bracket.
    fn array_loop(&mut self) -> Res<Option<Json>> {
        let Some(token) = self.next_token()? else {
            return Err(self.unterminated("a value", "array"));
        };
        if token.kind == Kind::CloseBracket {
            return Ok(self.close());
        }
        self.value(&token)
    }

    /// After an array item: `,` loops, `]` closes.
    fn array_next(&mut self) -> Res<Option<Json>> {
        let Some(token) = self.next_token()? else {
            let expected = format!("{} or {}", Kind::CloseBracket.label(), Kind::Comma.label());
            return Err(self.unterminated(&expected, "array"));
        };
        match token.kind {
            Kind::CloseBracket => Ok(self.close()),
            Kind::Comma => Ok(None),
            _ => Err(Self::got(
                &format!("a value or {}", Kind::CloseBracket.label()),
                &token,
                "",
            )),
        }
    }

    /// The top of `parseObject`'s loop: a key, a colon and a value, or the closing brace.
    fn object_loop(&mut self) -> Res<Option<Json>> {
        let Some(token) = self.next_token()? else {
            return Err(self.unterminated("a String key", "object"));
        };
        if token.kind == Kind::CloseCurly {
            return Ok(self.close());
        }
        if token.kind != Kind::String {
            return Err(Self::got(
                &format!("{} key", Kind::String.label()),
                &token,
                ",",
            ));
        }
        let key = utf16_lossy(token.inner());
        let Some(token) = self.next_token()? else {
            return Err(self.unterminated(&format!("a {}", Kind::Colon.label()), "object"));
        };
        if token.kind != Kind::Colon {
            return Err(Self::got(Kind::Colon.label(), &token, ","));
        }
        let Some(token) = self.next_token()? else {
            return Err(self.unterminated("a value", "object"));
        };
        if let Some(Frame::Object {
            key: slot,
            value_end,
            ..
        }) = self.stack.last_mut()
        {
            *slot = key;
            *value_end = (token.end_line, token.end_column);
        }
        self.value(&token)
    }

    /// After an entry: `,` loops, `}` closes; the error points at the end of the value token.
    fn object_next(&mut self) -> Res<Option<Json>> {
        let Some(token) = self.next_token()? else {
            let (line, column) = match self.stack.last() {
                Some(Frame::Object { value_end, .. }) => *value_end,
                _ => (0, 0),
            };
            return Err(json_exception(format!(
                "Expected {} or {} on line: {line}, column: {column}.\nBut got an unterminated object.",
                Kind::CloseCurly.label(),
                Kind::Comma.label(),
            )));
        };
        match token.kind {
            Kind::CloseCurly => Ok(self.close()),
            Kind::Comma => Ok(None),
            _ => Err(Self::got(
                &format!("a value or {}", Kind::CloseCurly.label()),
                &token,
                ",",
            )),
        }
    }
}

/// Output size past which `pretty_print` gives up like a JVM out of heap: each `[` indents
/// everything after it by four more spaces, so a few thousand brackets can ask for gigabytes.
const MAX_PRETTY_LEN: usize = 1 << 26;

/// `getIndent(size)` appended: a negative size is Java's `new char[size]` failing.
fn indent_into(out: &mut String, size: i64) -> Res<()> {
    let size = usize::try_from(size).map_err(|_| JsonError {
        class: "java.lang.NegativeArraySizeException",
        message: size.to_string(),
    })?;
    if out.len() + size > MAX_PRETTY_LEN {
        return Err(JsonError {
            class: "java.lang.OutOfMemoryError",
            message: "Java heap space".into(),
        });
    }
    out.extend(std::iter::repeat_n(' ', size));
    Ok(())
}

/// `JsonOutput.prettyPrint`: re-emits the lexer's tokens with 4-space indentation.
pub(super) fn pretty_print(text: &str) -> Res<String> {
    let chars: Vec<u16> = text.encode_utf16().collect();
    let mut lexer = Lexer::new(&chars);
    let mut out = String::with_capacity(text.len() + text.len() / 5);
    let mut indent: i64 = 0;
    while let Some(token) = lexer.next_token()? {
        match token.kind {
            Kind::OpenCurly | Kind::OpenBracket => {
                indent += 4;
                out.push(if token.kind == Kind::OpenCurly {
                    '{'
                } else {
                    '['
                });
                out.push('\n');
                indent_into(&mut out, indent)?;
            }
            Kind::CloseCurly | Kind::CloseBracket => {
                indent -= 4;
                out.push('\n');
                if indent > 0 {
                    indent_into(&mut out, indent)?;
                }
                out.push(if token.kind == Kind::CloseCurly {
                    '}'
                } else {
                    ']'
                });
            }
            Kind::Comma => {
                out.push_str(",\n");
                indent_into(&mut out, indent)?;
            }
            Kind::Colon => out.push_str(": "),
            Kind::String => {
                escape_into(&mut out, token.inner());
            }
            Kind::Number | Kind::Null | Kind::True | Kind::False => out.push_str(&token.text()),
        }
    }
    Ok(out)
}
