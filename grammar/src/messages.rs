//! Syntax error messages in plain words: where the parse stopped, what was expected, and which
//! bracket or string was left open.

use crate::error::SyntaxError;
use crate::scan::{self, Open, OpenKind, Problem};
use crate::span::{LineIndex, Span};

/// Where and why the grammar stopped, without pest's types.
#[derive(Debug)]
pub(crate) struct Failure {
    /// Byte offset of the furthest point reached.
    pub offset: usize,
    /// What could have come there.
    pub expected: Vec<Expected>,
    /// Set when the parser hit a resource limit instead of a syntax error.
    pub limit: Option<String>,
}

/// Things the grammar expected, named for people.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Expected {
    EndOfFile,
    Statement,
    Expression,
    Escape,
    Interpolation,
    StringEnd,
    Type,
    Parameter,
    Name,
    Token(&'static str),
}

impl Expected {
    fn describe(self) -> String {
        match self {
            Expected::EndOfFile => "the end of the file".into(),
            Expected::Statement => "a statement".into(),
            Expected::Expression => "an expression".into(),
            Expected::Escape => "an escape sequence".into(),
            Expected::Interpolation => "an interpolation".into(),
            Expected::StringEnd => "the end of the string".into(),
            Expected::Type => "a type".into(),
            Expected::Parameter => "a parameter".into(),
            Expected::Name => "a name".into(),
            Expected::Token(t) => format!("'{t}'"),
        }
    }
}

/// Turns a parse failure into the most helpful error we can give.
pub(crate) fn syntax_error(src: &str, failure: Failure) -> SyntaxError {
    let lines = LineIndex::new(src);
    let at = |offset: usize| lines.line_col(src, offset);
    let offset = failure.offset.min(src.len());
    if failure.limit.is_some() {
        return SyntaxError::new(
            point(src, offset),
            "this file is too complex to parse: the parser gave up after trying too many alternatives here",
        );
    }
    let scanned = scan::scan(src, Some(offset));
    match scanned.problem {
        Some(Problem::TooDeep { at: deep }) => {
            return SyntaxError::new(
                Span::new(deep, deep + 1),
                format!(
                    "too deeply nested: more than {} brackets are open here",
                    scan::MAX_NESTING
                ),
            );
        }
        Some(Problem::Unclosed { ref open })
            if open
                .last()
                .is_some_and(|o| o.kind.is_text() && o.at <= offset) =>
        {
            if let Some(&o) = open.last() {
                return unterminated(src, o);
            }
        }
        Some(Problem::Mismatch { open, close_at }) if close_at <= offset => {
            let found = &src[close_at..close_at + 1];
            return SyntaxError::new(
                Span::new(close_at, close_at + 1),
                format!(
                    "expected '{}' to close the '{}' opened at {}, found '{found}'",
                    open.kind.closer(),
                    open.kind.opener(),
                    at(open.at)
                ),
            )
            .with_label(opener_span(open), "opened here");
        }
        Some(Problem::Unopened { close_at }) if close_at <= offset => {
            let found = &src[close_at..close_at + 1];
            return SyntaxError::new(
                Span::new(close_at, close_at + 1),
                format!("unexpected '{found}': nothing is open here for it to close"),
            );
        }
        Some(Problem::Unclosed { ref open }) if src[offset..].trim().is_empty() => {
            if let Some(e) = unclosed_bracket(src, open, &scanned.pairs, &lines) {
                return e;
            }
        }
        _ => {}
    }
    if src[offset..].starts_with('\u{A0}') {
        return SyntaxError::new(
            point(src, offset),
            "non-breaking space (U+00A0) where a normal space belongs (it probably came from copying and pasting)",
        );
    }
    if let Some(quote @ ('\u{2018}'..='\u{201F}')) = src[offset..].chars().next() {
        return SyntaxError::new(
            point(src, offset),
            format!(
                "typographic quote '{quote}' is not a string delimiter: use ' or \" (it probably came from copying and pasting)"
            ),
        );
    }
    if let Some(e) = string_error(src, offset, &failure.expected) {
        return e;
    }
    let mut alternatives: Vec<String> = Vec::new();
    for e in &failure.expected {
        let d = e.describe();
        if !alternatives.contains(&d) {
            alternatives.push(d);
        }
    }
    let mut error_label = None;
    if let Some(&open) = scanned.open_at_stop.last() {
        // A missing `)` or `]` is a likely cause; a `{` only when it opened on this line.
        let same_line = !src[open.at..offset].contains('\n');
        if !open.kind.is_text() && (open.kind != OpenKind::Brace || same_line) {
            alternatives.push(format!(
                "'{}' to close the '{}' opened at {}",
                open.kind.closer(),
                open.kind.opener(),
                at(open.at)
            ));
            error_label = Some(open);
        }
    }
    let mut message = format!("unexpected {}", found(src, offset));
    if !alternatives.is_empty() {
        message.push_str("; expected ");
        message.push_str(&join_or(&alternatives));
    }
    let mut error = SyntaxError::new(point(src, offset), message);
    if let Some(open) = error_label {
        error = error.with_label(opener_span(open), "opened here");
    }
    error
}

/// A string or comment that never ends.
fn unterminated(src: &str, open: Open) -> SyntaxError {
    let what = match open.kind {
        OpenKind::Comment => "comment",
        OpenKind::Slashy | OpenKind::DollarSlashy => "slashy string",
        _ => "string",
    };
    let how = match open.kind {
        OpenKind::Single | OpenKind::Double => {
            " before the end of its line (use ''' or \"\"\" for a string over several lines)"
        }
        _ => "",
    };
    let end = open.at + open.kind.opener().len();
    let lines = LineIndex::new(src);
    let start = lines.line_col(src, open.at);
    if let Some(at) = likely_closer(src, open) {
        return SyntaxError::new(
            point(src, at),
            format!(
                "unterminated {what}: the {} opened at {start} is never closed; this line looks like its end, but a {what} opened with {} must end with {}",
                open.kind.opener(),
                open.kind.opener(),
                open.kind.closer()
            ),
        )
        .with_label(Span::new(open.at, end), "the string starts here");
    }
    SyntaxError::new(
        Span::new(open.at, end),
        format!(
            "unterminated {what}: the {what} started here is never closed with {}{how}",
            open.kind.closer()
        ),
    )
}

/// In a string over several lines that never ends, the first later line that starts with a
/// quote or slash followed by `)`, `,`, `{`, `.` or nothing: probably the closer, mistyped.
fn likely_closer(src: &str, open: Open) -> Option<usize> {
    if !matches!(
        open.kind,
        OpenKind::TripleSingle | OpenKind::TripleDouble | OpenKind::DollarSlashy | OpenKind::Slashy
    ) {
        return None;
    }
    let body_start = open.at + open.kind.opener().len();
    let mut offset = body_start + src[body_start..].find('\n')? + 1;
    for line in src[offset..].split_inclusive('\n') {
        let trimmed = line.trim_start();
        let quote_len = trimmed
            .bytes()
            .take_while(|b| matches!(b, b'\'' | b'"' | b'/' | b'$'))
            .count();
        if quote_len > 0 {
            let rest = trimmed[quote_len..].trim();
            if rest.is_empty() || rest.starts_with([')', ',', '{', '.', ']']) {
                return Some(offset + (line.len() - trimmed.len()));
            }
        }
        offset += line.len();
    }
    None
}

/// A bracket still open at the end of the file: point at the one most likely to lack its
/// closer, judging by indentation (a closer indented less than its opener's line belongs
/// to an outer block, so the inner block is the one left open).
fn unclosed_bracket(
    src: &str,
    open: &[Open],
    pairs: &[(Open, usize)],
    lines: &LineIndex,
) -> Option<SyntaxError> {
    let indent = |offset: usize| -> usize {
        let line_start = src[..offset].rfind('\n').map_or(0, |i| i + 1);
        src[line_start..]
            .bytes()
            .take_while(|b| *b == b' ' || *b == b'\t')
            .count()
    };
    let starts_line = |offset: usize| {
        let line_start = src[..offset].rfind('\n').map_or(0, |i| i + 1);
        src[line_start..offset].trim().is_empty()
    };
    let misplaced = pairs.iter().find(|(o, close)| {
        o.kind == OpenKind::Brace && starts_line(*close) && indent(*close) < indent(o.at)
    });
    let (culprit, note) = match misplaced {
        Some(&(o, close)) => (
            o,
            Some((
                close,
                "this '}' is indented like an outer block, so it probably closes that one",
            )),
        ),
        None => (*open.last()?, None),
    };
    let position = lines.line_col(src, culprit.at);
    let mut error = SyntaxError::new(
        opener_span(culprit),
        format!(
            "missing '{}': the '{}' opened here (line {}) is never closed",
            culprit.kind.closer(),
            culprit.kind.opener(),
            position.line
        ),
    );
    if let Some((close, text)) = note {
        error = error.with_label(Span::new(close, close + 1), text);
    }
    Some(error)
}

/// Errors inside a string: bad escapes and a `$` that starts no interpolation.
fn string_error(src: &str, offset: usize, expected: &[Expected]) -> Option<SyntaxError> {
    let rest = &src[offset..];
    if rest.starts_with('\\') && expected.contains(&Expected::Escape)
        || rest.starts_with('\\') && expected.contains(&Expected::StringEnd)
    {
        let sequence: String = rest.chars().take(2).collect();
        return Some(SyntaxError::new(
            Span::new(offset, offset + sequence.len()),
            format!(
                "invalid escape sequence '{sequence}' (Groovy 2.4 knows \\n \\r \\t \\b \\f \\\" \\' \\\\ \\$ \\uXXXX and octal); write '\\{sequence}' for a backslash, or use a slashy string /{sequence}/"
            ),
        ));
    }
    if offset > 0
        && src.as_bytes()[offset - 1] == b'$'
        && expected.contains(&Expected::Interpolation)
    {
        return Some(SyntaxError::new(
            Span::new(offset - 1, offset),
            "illegal string body character after dollar sign: '$' must be followed by a name or '{'; write \\$ for a literal dollar sign",
        ));
    }
    if offset > 0
        && src.as_bytes()[offset - 1] == b'$'
        && matches!(rest.chars().next(), Some(c) if !c.is_alphanumeric() && c != '{' && c != '_')
        && expected.iter().any(|e| {
            matches!(
                e,
                Expected::StringEnd | Expected::Interpolation | Expected::Escape
            )
        })
    {
        return Some(SyntaxError::new(
            Span::new(offset - 1, offset),
            "illegal string body character after dollar sign: '$' must be followed by a name or '{'; write \\$ for a literal dollar sign",
        ));
    }
    None
}

/// A zero-width span is hard to see: cover the character at `offset` (or nothing at the end).
fn point(src: &str, offset: usize) -> Span {
    let len = src[offset..].chars().next().map_or(0, char::len_utf8);
    Span::new(offset, offset + len)
}

fn opener_span(open: Open) -> Span {
    Span::new(open.at, open.at + open.kind.opener().len())
}

/// What stands at `offset`, for "unexpected ...".
fn found(src: &str, offset: usize) -> String {
    let rest = &src[offset..];
    match rest.chars().next() {
        None => "end of file".into(),
        Some('\n') => "end of line".into(),
        Some('\r') if rest[1..].starts_with('\n') => "end of line".into(),
        Some(c) if c.is_alphanumeric() || c == '_' || c == '$' => {
            let word: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '$')
                .take(40)
                .collect();
            format!("'{word}'")
        }
        Some(c) => format!("'{}'", c.escape_debug()),
    }
}

fn join_or(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}
