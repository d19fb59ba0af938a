//! A light scan of brackets, strings and comments. Before parsing it applies Groovy's lexical
//! newline rule (a newline inside `(...)` or `[...]` is whitespace), turns comments and the
//! other kinds of whitespace into spaces (the grammar then only has to skip spaces, which makes
//! it several times cheaper to run), and bounds the nesting depth; after a failed parse it says
//! which bracket or string was left open.

use std::borrow::Cow;

/// The deepest bracket nesting accepted; deeper input gets an error instead of a deep recursion.
pub(crate) const MAX_NESTING: usize = 200;

/// An open bracket or string.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Open {
    /// `(`, `[`, `{`, or the opening quote kind for strings.
    pub kind: OpenKind,
    /// Byte offset of the opening character.
    pub at: usize,
}

/// What was opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum OpenKind {
    Paren,
    Bracket,
    Brace,
    /// `${` inside a string.
    Interpolation,
    Single,
    TripleSingle,
    Double,
    TripleDouble,
    Slashy,
    DollarSlashy,
    Comment,
}

impl OpenKind {
    /// The opening text.
    pub fn opener(self) -> &'static str {
        match self {
            OpenKind::Paren => "(",
            OpenKind::Bracket => "[",
            OpenKind::Brace => "{",
            OpenKind::Interpolation => "${",
            OpenKind::Single => "'",
            OpenKind::TripleSingle => "'''",
            OpenKind::Double => "\"",
            OpenKind::TripleDouble => "\"\"\"",
            OpenKind::Slashy => "/",
            OpenKind::DollarSlashy => "$/",
            OpenKind::Comment => "/*",
        }
    }

    /// The closing text.
    pub fn closer(self) -> &'static str {
        match self {
            OpenKind::Paren => ")",
            OpenKind::Bracket => "]",
            OpenKind::Brace | OpenKind::Interpolation => "}",
            OpenKind::Single => "'",
            OpenKind::TripleSingle => "'''",
            OpenKind::Double => "\"",
            OpenKind::TripleDouble => "\"\"\"",
            OpenKind::Slashy => "/",
            OpenKind::DollarSlashy => "/$",
            OpenKind::Comment => "*/",
        }
    }

    /// Whether this is a string or comment rather than a bracket.
    pub fn is_text(self) -> bool {
        !matches!(
            self,
            OpenKind::Paren | OpenKind::Bracket | OpenKind::Brace | OpenKind::Interpolation
        )
    }
}

/// What the scan found wrong, if anything.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Problem {
    /// A closing bracket that does not match the innermost open one.
    Mismatch { open: Open, close_at: usize },
    /// A closing bracket with nothing open.
    Unopened { close_at: usize },
    /// Something still open at the end of the file (innermost last).
    Unclosed { open: Vec<Open> },
    /// Nesting deeper than [`MAX_NESTING`].
    TooDeep { at: usize },
}

/// The scan's result.
#[derive(Clone, Debug, Default)]
pub(crate) struct Scan {
    /// The first problem found.
    pub problem: Option<Problem>,
    /// Brackets open when the scan reached `stop` (innermost last).
    pub open_at_stop: Vec<Open>,
    /// Every closing bracket matched with its opener: (open, close offset). Collected only by a
    /// scan with a `stop` (the one that explains a failed parse).
    pub pairs: Vec<(Open, usize)>,
    /// Byte ranges outside strings that the grammar sees as spaces: comments, tabs, carriage
    /// returns, form feeds, `\` line continuations, and newlines inside parentheses or brackets.
    pub blanks: Vec<(usize, usize)>,
    /// Bytes of closed strings, interpolations included (see [`Scan::code_bytes`]).
    string_bytes: usize,
    /// Bytes of closed interpolations inside those strings.
    interpolation_bytes: usize,
}

impl Scan {
    /// The bytes of `src` the parser may nest in: all but string text and comments (and other
    /// blanked whitespace). Strings and interpolations nest in turn, so the code is the whole,
    /// less the strings, plus the interpolations in them, less the strings in those, and so on.
    /// (What was not scanned, after a problem, counts as code.)
    pub fn code_bytes(&self, src: &str) -> usize {
        let blanked: usize = self.blanks.iter().map(|(start, end)| end - start).sum();
        (src.len() + self.interpolation_bytes).saturating_sub(self.string_bytes + blanked)
    }

    /// The text the grammar reads, byte for byte as long as `src`: the [`Scan::blanks`] turned
    /// into spaces, and every character beyond ASCII turned into as many ASCII bytes as it
    /// takes: `q` for one that Groovy allows in names (letters from U+00C0 on, except the
    /// typographic quotes U+2018 to U+201F), DEL for any other. The grammar then tells name
    /// characters apart with one ASCII test instead of several ranges, which it does for every
    /// character of every name. (The AST takes its text from `src`.)
    pub fn grammar_text<'s>(&self, src: &'s str) -> Cow<'s, str> {
        if self.blanks.is_empty() && src.is_ascii() {
            return Cow::Borrowed(src);
        }
        let mut bytes = src.as_bytes().to_vec();
        if !src.is_ascii() {
            for (at, c) in src.char_indices().filter(|(_, c)| !c.is_ascii()) {
                bytes[at..at + c.len_utf8()].fill(ascii_stand_in(c));
            }
        }
        for &(start, end) in &self.blanks {
            bytes[start..end].fill(b' ');
        }
        Cow::Owned(String::from_utf8(bytes).unwrap_or_else(|_| src.to_string()))
    }
}

/// The ASCII byte that stands for a non-ASCII character in the grammar's text (see
/// [`Scan::grammar_text`]).
fn ascii_stand_in(c: char) -> u8 {
    if matches!(c, '\u{C0}'..='\u{2017}' | '\u{2020}'..='\u{FFFE}') {
        b'q'
    } else {
        0x7F
    }
}

fn in_brackets(stack: &[Open]) -> bool {
    matches!(
        stack.last().map(|o| o.kind),
        Some(OpenKind::Paren | OpenKind::Bracket)
    )
}

/// Scans `src` for brackets, strings and comments. `stop` records the brackets open there.
pub(crate) fn scan(src: &str, stop: Option<usize>) -> Scan {
    let bytes = src.as_bytes();
    let mut out = Scan::default();
    let mut stack: Vec<Open> = Vec::new();
    // A `#!` line is the grammar's `shebang`: neither code nor whitespace (nor is the line break
    // that ends it, which the scan starts at).
    let code_start = if bytes.starts_with(b"#!") {
        bytes
            .iter()
            .position(|&b| b == b'\n')
            .unwrap_or(bytes.len())
    } else {
        0
    };
    let mut i = code_start;
    // Whether the last significant token can end an expression (then `/` divides).
    let mut after_operand = false;
    while i < bytes.len() {
        if stop == Some(i) {
            out.open_at_stop = stack.clone();
        }
        let in_text = stack.last().map(|o| o.kind);
        match in_text {
            Some(
                kind @ (OpenKind::Double
                | OpenKind::TripleDouble
                | OpenKind::Slashy
                | OpenKind::DollarSlashy
                | OpenKind::Single
                | OpenKind::TripleSingle),
            ) => {
                // Jump over plain text to the next byte that can matter in this kind of string
                // (never past `stop`, which must be seen).
                let plain = bytes[i..]
                    .iter()
                    .position(|&b| matters_in_text(kind, b))
                    .unwrap_or(bytes.len() - i);
                if plain > 0 {
                    i += match stop {
                        Some(s) if s > i => plain.min(s - i),
                        _ => plain,
                    };
                    continue;
                }
                let closer = kind.closer().as_bytes();
                let escapes = matches!(
                    kind,
                    OpenKind::Double
                        | OpenKind::TripleDouble
                        | OpenKind::Single
                        | OpenKind::TripleSingle
                );
                if escapes && bytes[i] == b'\\' {
                    i += 2;
                    continue;
                }
                if kind == OpenKind::Slashy && bytes[i..].starts_with(b"\\/") {
                    i += 2;
                    continue;
                }
                if kind == OpenKind::DollarSlashy
                    && (bytes[i..].starts_with(b"$$") || bytes[i..].starts_with(b"$/"))
                {
                    i += 2;
                    continue;
                }
                if bytes[i..].starts_with(closer) {
                    if let Some(open) = stack.pop() {
                        out.string_bytes += i + closer.len() - open.at;
                    }
                    i += closer.len();
                    after_operand = true;
                    continue;
                }
                let interpolates = !matches!(kind, OpenKind::Single | OpenKind::TripleSingle);
                if interpolates && bytes[i..].starts_with(b"${") {
                    if push(&mut stack, &mut out, OpenKind::Interpolation, i) {
                        break;
                    }
                    i += 2;
                    after_operand = false;
                    continue;
                }
                if bytes[i] == b'\n' && matches!(kind, OpenKind::Single | OpenKind::Double) {
                    // A one-line string runs into the end of its line: leave it open.
                    break;
                }
                i += 1;
                continue;
            }
            Some(OpenKind::Comment) => {
                if bytes[i..].starts_with(b"*/") {
                    if let Some(open) = stack.pop() {
                        blank(&mut out.blanks, open.at, i + 2);
                    }
                    i += 2;
                } else {
                    i += 1;
                }
                continue;
            }
            _ => {}
        }
        let b = bytes[i];
        if b == b' ' {
            // The most common byte in code starts nothing: skip the run (indentation) at once.
            i += 1;
            while bytes.get(i) == Some(&b' ') && stop != Some(i) {
                i += 1;
            }
            continue;
        }
        let rest = &bytes[i..];
        let next = rest.get(1).copied();
        let opened = match b {
            b'/' if next == Some(b'/') => {
                let start = i;
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
                blank(&mut out.blanks, start, i);
                continue;
            }
            b'/' if next == Some(b'*') => Some((OpenKind::Comment, 2)),
            b'/' if !after_operand && next != Some(b'=') => Some((OpenKind::Slashy, 1)),
            b'\'' if rest.starts_with(b"'''") => Some((OpenKind::TripleSingle, 3)),
            b'\'' => Some((OpenKind::Single, 1)),
            b'"' if rest.starts_with(b"\"\"\"") => Some((OpenKind::TripleDouble, 3)),
            b'"' => Some((OpenKind::Double, 1)),
            // Wherever the grammar reads `$/`, it starts a dollar-slashy string (`$/` is never the
            // name `$` then `/`), also in a command argument (`echo $/a	b/$`).
            b'$' if next == Some(b'/') => Some((OpenKind::DollarSlashy, 2)),
            _ => None,
        };
        if let Some((kind, len)) = opened {
            let keep = kind == OpenKind::Comment;
            if push(&mut stack, &mut out, kind, i) {
                break;
            }
            i += len;
            if !keep {
                after_operand = false;
            }
            continue;
        }
        match b {
            b'(' | b'[' | b'{' => {
                let kind = match b {
                    b'(' => OpenKind::Paren,
                    b'[' => OpenKind::Bracket,
                    _ => OpenKind::Brace,
                };
                if push(&mut stack, &mut out, kind, i) {
                    break;
                }
                after_operand = false;
            }
            b')' | b']' | b'}' => {
                let expected = match b {
                    b')' => OpenKind::Paren,
                    b']' => OpenKind::Bracket,
                    _ => OpenKind::Brace,
                };
                match stack.last().copied() {
                    None => {
                        out.problem.get_or_insert(Problem::Unopened { close_at: i });
                        break;
                    }
                    Some(open)
                        if open.kind == expected
                            || (expected == OpenKind::Brace
                                && open.kind == OpenKind::Interpolation) =>
                    {
                        stack.pop();
                        if stop.is_some() {
                            out.pairs.push((open, i));
                        }
                        if open.kind == OpenKind::Interpolation {
                            out.interpolation_bytes += i + 1 - open.at;
                        }
                    }
                    Some(open) => {
                        out.problem
                            .get_or_insert(Problem::Mismatch { open, close_at: i });
                        break;
                    }
                }
                after_operand = true;
            }
            b' ' => {}
            b'+' | b'-' if rest.starts_with(b"++") || rest.starts_with(b"--") => {
                // `i++ / 2` divides (Groovy's lexer: `++` and `--` end an expression).
                after_operand = true;
                i += 2;
                continue;
            }
            b'\t' | b'\x0B' | b'\x0C' | b'\r' => blank(&mut out.blanks, i, i + 1),
            b'\\' if rest.starts_with(b"\\\n") || rest.starts_with(b"\\\r\n") => {
                // A line continuation: the newline is not a separator.
                let len = if rest[1] == b'\n' { 2 } else { 3 };
                blank(&mut out.blanks, i, i + len);
                i += len;
                continue;
            }
            b'\n' => {
                // Inside parentheses a newline is whitespace, and so is one before a line that
                // continues the expression (`.name`, `?:`), unless a `}` ends the line: after a
                // closure the grammar joins the lines, after a block it reports the stray `.`.
                // Otherwise a newline ends an operand.
                let joins = i != code_start
                    && continues_expression(bytes, i + 1)
                    && !after_closing_brace(bytes, &out.blanks, i);
                if in_brackets(&stack) || joins {
                    blank(&mut out.blanks, i, i + 1);
                } else {
                    after_operand = false;
                }
            }
            _ if b.is_ascii_alphanumeric() || b == b'_' || b == b'$' || b >= 0x80 => {
                let start = i;
                while i < bytes.len()
                    && (bytes[i].is_ascii_alphanumeric()
                        || bytes[i] == b'_'
                        || bytes[i] == b'$'
                        || bytes[i] >= 0x80)
                {
                    i += 1;
                }
                let word = &src[start..i];
                after_operand = !matches!(
                    word,
                    "return"
                        | "case"
                        | "in"
                        | "assert"
                        | "throw"
                        | "else"
                        | "new"
                        | "instanceof"
                        | "as"
                );
                continue;
            }
            _ => after_operand = false,
        }
        i += 1;
    }
    if stop.is_some_and(|s| s >= i) && out.open_at_stop.is_empty() {
        out.open_at_stop = stack.clone();
    }
    if out.problem.is_none() && !stack.is_empty() {
        out.problem = Some(Problem::Unclosed { open: stack });
    }
    out
}

/// Whether the code from `i`, past spaces, line breaks and comments, starts with `.` (not
/// `..`), `*.` or `?`: Groovy reads such a line as the continuation of the expression before it
/// (a method chain, a ternary or elvis split over lines), so the line breaks before it are
/// whitespace. (Where no expression can continue, the `.` or `?` is an error either way.)
fn continues_expression(bytes: &[u8], mut i: usize) -> bool {
    loop {
        match (bytes.get(i), bytes.get(i + 1)) {
            (Some(b' ' | b'\t' | b'\r' | b'\n' | b'\x0B' | b'\x0C'), _) => i += 1,
            (Some(b'/'), Some(b'/')) => {
                i += bytes[i..]
                    .iter()
                    .position(|&b| b == b'\n')
                    .unwrap_or(bytes.len() - i);
            }
            (Some(b'/'), Some(b'*')) => match bytes[i + 2..].windows(2).position(|w| w == b"*/") {
                Some(at) => i += 2 + at + 2,
                None => return false,
            },
            (Some(b'.'), next) => return next != Some(&b'.'),
            (Some(b'*'), next) => return next == Some(&b'.'),
            (Some(b'?'), _) => return true,
            _ => return false,
        }
    }
}

/// Whether the last code before `i`, past spaces, line breaks and the comments already blanked,
/// is a `}`: the grammar then decides whether a block (after which a `.` line is an error) or a
/// closure (whose call it continues) ended there.
fn after_closing_brace(bytes: &[u8], blanks: &[(usize, usize)], mut i: usize) -> bool {
    let mut blanks = blanks.iter().rev().peekable();
    loop {
        while i > 0 && matches!(bytes[i - 1], b' ' | b'\n') {
            i -= 1;
        }
        match blanks.next_if(|&&(_, end)| end == i) {
            Some(&(start, _)) => i = start,
            None => return i > 0 && bytes[i - 1] == b'}',
        }
    }
}

/// Whether byte `b` can end, escape or interpolate inside a string of this kind, or end a one-line
/// string (every other byte is plain text).
fn matters_in_text(kind: OpenKind, b: u8) -> bool {
    match kind {
        OpenKind::Single => matches!(b, b'\'' | b'\\' | b'\n'),
        OpenKind::TripleSingle => matches!(b, b'\'' | b'\\'),
        OpenKind::Double => matches!(b, b'"' | b'\\' | b'$' | b'\n'),
        OpenKind::TripleDouble => matches!(b, b'"' | b'\\' | b'$'),
        OpenKind::Slashy => matches!(b, b'/' | b'\\' | b'$'),
        OpenKind::DollarSlashy => matches!(b, b'/' | b'$'),
        _ => true,
    }
}

/// Adds `start..end` to the blanked ranges, merged with the previous range when they touch.
fn blank(blanks: &mut Vec<(usize, usize)>, start: usize, end: usize) {
    match blanks.last_mut() {
        Some(last) if last.1 == start => last.1 = end,
        _ => blanks.push((start, end)),
    }
}

/// Pushes an opener; reports `TooDeep` (and returns true) past the nesting limit.
fn push(stack: &mut Vec<Open>, out: &mut Scan, kind: OpenKind, at: usize) -> bool {
    stack.push(Open { kind, at });
    if stack.len() > MAX_NESTING {
        out.problem = Some(Problem::TooDeep { at });
        return true;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the grammar reads for `src`, checked to keep every offset.
    fn grammar_text(src: &str) -> String {
        let text = scan(src, None).grammar_text(src).into_owned();
        assert_eq!(text.len(), src.len());
        text
    }

    #[test]
    fn balanced_code_has_no_problem() {
        let s = scan(
            "node { sh \"echo ${x}\" ; def r = /a(b/ ; x = a / b / c }\n",
            None,
        );
        assert_eq!(s.problem, None);
    }

    #[test]
    fn blanks_comments_and_other_whitespace_outside_strings_only() {
        let src =
            "#!/bin/groovy\r\nx = 1 /* a\n b */\t+ 2 \\\n + 3 // end\r\ns = 'a\tb' // \"c\"\n";
        assert_eq!(
            grammar_text(src),
            "#!/bin/groovy\r\nx = 1            + 2    + 3        \ns = 'a\tb'       \n"
        );
    }

    #[test]
    fn keeps_tabs_in_dollar_slashy_strings_and_divides_after_increments() {
        let src = "echo $/a\tb/$\ndef s = $/c\td/$ + /e\tf/\nx = i++ / 2\t// c\ny = i-- / 2\n";
        assert_eq!(
            grammar_text(src),
            "echo $/a\tb/$\ndef s = $/c\td/$ + /e\tf/\nx = i++ / 2     \ny = i-- / 2\n"
        );
    }

    #[test]
    fn stands_in_ascii_for_other_characters_keeping_offsets() {
        let src = "def caf\u{e9} = \u{201c}x\u{201d} // \u{e9}t\u{e9}\ns = '\u{e9}\u{1f600}'\n";
        assert_eq!(
            grammar_text(src),
            "def cafqq = \x7f\x7f\x7fx\x7f\x7f\x7f         \ns = 'qq\x7f\x7f\x7f\x7f'\n"
        );
    }

    #[test]
    fn joins_lines_that_continue_an_expression_except_after_a_brace() {
        let src = "#!/bin/groovy\nx = a\n  // c\n  .b()\ny = c\n  ?: d\nz = e\n..f\nw = list.each {\n}\n.size()\nv = m {\n}\t// c\n\n  .x()\n";
        assert_eq!(
            grammar_text(src),
            "#!/bin/groovy\nx = a          .b()\ny = c   ?: d\nz = e\n..f\nw = list.each {\n}\n.size()\nv = m {\n}     \n\n  .x()\n"
        );
    }

    #[test]
    fn reports_the_unclosed_brace() {
        let s = scan("node {\n  stage('a') {\n    sh 'x'\n}\n", None);
        match s.problem {
            Some(Problem::Unclosed { open }) => assert_eq!(
                open,
                vec![Open {
                    kind: OpenKind::Brace,
                    at: 5
                }]
            ),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn reports_a_mismatch() {
        let s = scan("foo(a, [1, 2)", None);
        assert_eq!(
            s.problem,
            Some(Problem::Mismatch {
                open: Open {
                    kind: OpenKind::Bracket,
                    at: 7
                },
                close_at: 12
            })
        );
    }

    #[test]
    fn stops_at_the_nesting_limit() {
        let deep = "(".repeat(10_000);
        assert!(matches!(
            scan(&deep, None).problem,
            Some(Problem::TooDeep { .. })
        ));
    }
}
