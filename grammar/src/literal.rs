//! String escapes: turns `\n`, `\u0041`, `\101`, `\`+newline into the characters they stand for.

/// Appends the character one escape sequence (`\n`, `\u0041`, `\101`, `\`+newline) stands for.
pub(crate) fn push_escape(out: &mut String, escape: &str) {
    let body = escape.strip_prefix('\\').unwrap_or(escape);
    let mut chars = body.chars();
    match chars.next() {
        Some('n') => out.push('\n'),
        Some('r') if body.len() == 1 => out.push('\r'),
        Some('t') => out.push('\t'),
        Some('b') => out.push('\u{8}'),
        Some('f') => out.push('\u{c}'),
        Some('u') => {
            let hex = body.trim_start_matches('u');
            let c = u32::from_str_radix(hex, 16).ok().and_then(char::from_u32);
            out.push(c.unwrap_or('\u{FFFD}'));
        }
        Some('0'..='7') => {
            let c = u32::from_str_radix(body, 8).ok().and_then(char::from_u32);
            out.push(c.unwrap_or('\u{FFFD}'));
        }
        // A backslash before a line break removes both.
        Some('\r' | '\n') => {}
        Some(c) => out.push(c),
        None => out.push('\\'),
    }
}

/// Appends `text`, decoding the escapes in it (the grammar has already checked them).
pub(crate) fn push_escaped_text(out: &mut String, text: &str) {
    let text = normalize_line_breaks(text);
    let mut rest: &str = &text;
    while let Some(at) = rest.find('\\') {
        out.push_str(&rest[..at]);
        let len = escape_len(&rest[at..]);
        push_escape(out, &rest[at..at + len]);
        rest = &rest[at + len..];
    }
    out.push_str(rest);
}

/// Appends the text of a slashy string: Java's unicode escapes (`\u0041`) decoded, since they
/// are read before the lexer sees the text, and a backslash before a line break removed with
/// it; other backslashes are literal.
pub(crate) fn push_slashy_text(out: &mut String, text: &str) {
    let text = normalize_line_breaks(text);
    let joined = text.replace("\\\n", "");
    push_unicode_escapes(out, &joined);
}

/// A string literal's raw text with Windows line breaks read as `\n`, as Groovy's lexer does.
pub(crate) fn normalize_line_breaks(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains('\r') {
        std::borrow::Cow::Owned(text.replace("\r\n", "\n"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// Appends `text` with only Java's unicode escapes (`\u0041`, `\uu0041`) decoded.
fn push_unicode_escapes(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(at) = rest.find("\\u") {
        out.push_str(&rest[..at]);
        let escape = &rest[at..];
        let us = escape[1..].bytes().take_while(|&b| b == b'u').count();
        let hex = escape.get(1 + us..1 + us + 4);
        let decoded = hex
            .filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()))
            .and_then(|h| u32::from_str_radix(h, 16).ok())
            .and_then(char::from_u32);
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &escape[1 + us + 4..];
            }
            None => {
                out.push('\\');
                rest = &escape[1..];
            }
        }
    }
    out.push_str(rest);
}

/// The length in bytes of the escape sequence at the start of `s` (which starts with `\`).
fn escape_len(s: &str) -> usize {
    let bytes = s.as_bytes();
    match bytes.get(1) {
        Some(b'u') => {
            let us = bytes[1..].iter().take_while(|&&b| b == b'u').count();
            (1 + us + 4).min(s.len())
        }
        Some(b'0'..=b'3') => 2 + octal_digits(&bytes[2..], 2),
        Some(b'4'..=b'7') => 2 + octal_digits(&bytes[2..], 1),
        Some(b'\r') if bytes.get(2) == Some(&b'\n') => 3,
        Some(_) => 1 + s[1..].chars().next().map_or(0, char::len_utf8),
        None => 1,
    }
}

fn octal_digits(bytes: &[u8], max: usize) -> usize {
    bytes
        .iter()
        .take(max)
        .take_while(|b| (b'0'..=b'7').contains(b))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slashy_text_decodes_only_unicode_escapes() {
        let mut out = String::new();
        push_slashy_text(&mut out, "a\\u0041\\d\\uZZ\\uu00e9 \\\r\nb");
        assert_eq!(out, "aA\\d\\uZZ\u{e9} b");
    }

    fn decode(text: &str) -> String {
        let mut out = String::new();
        push_escaped_text(&mut out, text);
        out
    }

    #[test]
    fn decodes_every_escape_form() {
        assert_eq!(decode(r"a\nb\tc"), "a\nb\tc");
        assert_eq!(decode(r"\u0041\uu0042"), "AB");
        assert_eq!(decode(r"\101\7\0"), "A\u{7}\0");
        assert_eq!(decode(r"\$x \' \\"), "$x ' \\");
        assert_eq!(decode("a\\\nb"), "ab");
    }
}
