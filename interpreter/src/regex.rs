//! Groovy regex operators over Rust's regex crate: `~/re/`, `=~`, `==~`, Java pattern syntax.

use std::rc::Rc;

use crate::error::Eval;
use crate::interp::Interpreter;
use crate::value::{Matcher, Pattern, Value};

/// Compiles a Java regular expression (`~/re/`).
pub(crate) fn pattern(it: &mut Interpreter, source: &str) -> Eval {
    compile(it, source).map(Value::Pattern)
}

fn compile(it: &mut Interpreter, source: &str) -> Eval<Rc<Pattern>> {
    if let Some(message) = java_error(source) {
        return Err(it.exception("java.util.regex.PatternSyntaxException", &message));
    }
    let translated = translate(source);
    let compiled = fancy_regex::Regex::new(&translated).and_then(|regex| {
        Ok((
            regex,
            fancy_regex::Regex::new(&format!("^(?:{translated})$"))?,
        ))
    });
    match compiled {
        Ok((regex, anchored)) => Ok(Rc::new(Pattern {
            source: source.into(),
            regex,
            anchored,
        })),
        Err(e) => Err(it.exception(
            "java.util.regex.PatternSyntaxException",
            &syntax_message(source, &e.to_string()),
        )),
    }
}

fn pattern_of(it: &mut Interpreter, v: &Value) -> Eval<Rc<Pattern>> {
    match v {
        Value::Pattern(p) => Ok(p.clone()),
        other => {
            let source = it.to_string_value(other)?;
            compile(it, &source)
        }
    }
}

/// `text =~ re`: a Matcher over every match.
pub(crate) fn find(it: &mut Interpreter, text: &Value, re: &Value) -> Eval {
    let p = pattern_of(it, re)?;
    let text: Rc<str> = it.to_string_value(text)?.into();
    Ok(Value::Matcher(Rc::new(matcher(p, text))))
}

/// All matches of `p` in `text`, each with its groups.
pub(crate) fn matcher(p: Rc<Pattern>, text: Rc<str>) -> Matcher {
    let matches = p
        .regex
        .captures_iter(&*text)
        .map_while(Result::ok)
        .map(|caps| {
            caps.iter()
                .map(|g| g.map(|m| Rc::from(m.as_str())))
                .collect()
        })
        .collect();
    Matcher {
        pattern: p,
        text,
        matches,
        next: std::cell::Cell::new(0),
        current: std::cell::Cell::new(None),
    }
}

/// `text ==~ re`: the whole text matches.
pub(crate) fn matches(it: &mut Interpreter, text: &Value, re: &Value) -> Eval {
    if matches!(text, Value::Null) {
        return Ok(Value::Bool(false));
    }
    let p = pattern_of(it, re)?;
    let text = it.to_string_value(text)?;
    Ok(Value::Bool(full_match(&p, &text)))
}

/// Whether the whole of `text` matches `p` (Java `Matcher.matches`).
pub(crate) fn full_match(p: &Pattern, text: &str) -> bool {
    p.anchored.is_match(text).unwrap_or(false)
}

/// The value of match `m`: the string, or `[whole, group1, ...]` when the pattern has groups.
pub(crate) fn match_value(m: &[Option<Rc<str>>]) -> Value {
    let item = |g: &Option<Rc<str>>| g.as_ref().map_or(Value::Null, |s| Value::Str(s.clone()));
    if m.len() == 1 {
        item(&m[0])
    } else {
        Value::list(m.iter().map(item).collect())
    }
}

/// Rewrites Java pattern syntax the regex crate reads differently: `\Q...\E` quoting, POSIX
/// `\p{Alpha}` classes, possessive quantifiers (matched greedily) and ASCII-only `\d \w \s`.
fn translate(source: &str) -> String {
    let chars: Vec<char> = source.chars().collect();
    let mut out = String::new();
    let mut depth = 0usize;
    let mut i = 0;
    let mut after_quantifier = false;
    while i < chars.len() {
        let c = chars[i];
        if after_quantifier && c == '+' {
            after_quantifier = false;
            i += 1;
            continue;
        }
        after_quantifier = false;
        match c {
            '\\' => {
                i = translate_escape(&chars, i, depth > 0, &mut out);
                continue;
            }
            '[' => {
                depth += 1;
                out.push(c);
                if chars.get(i + 1) == Some(&'^') {
                    out.push('^');
                    i += 1;
                }
                if chars.get(i + 1) == Some(&']') {
                    out.push_str("\\]");
                    i += 1;
                }
            }
            ']' if depth > 0 => {
                depth -= 1;
                out.push(c);
            }
            '*' | '+' | '?' | '}' if depth == 0 => {
                out.push(c);
                after_quantifier = true;
                if c != '}' && chars.get(i + 1) == Some(&'?') {
                    out.push('?');
                    i += 1;
                    after_quantifier = false;
                }
            }
            _ => out.push(c),
        }
        i += 1;
    }
    out
}

/// Java's `\h`: horizontal whitespace, as the inside of a character class.
const HORIZONTAL_SPACE: &str =
    " \\t\\x{A0}\\x{1680}\\x{180E}\\x{2000}-\\x{200A}\\x{202F}\\x{205F}\\x{3000}";

/// Translates the escape at `chars[i]` (a backslash); returns the index after it.
fn translate_escape(chars: &[char], i: usize, in_class: bool, out: &mut String) -> usize {
    let Some(&next) = chars.get(i + 1) else {
        out.push('\\');
        return i + 1;
    };
    let ascii = |name: &str| {
        if in_class {
            format!("[:{name}:]")
        } else {
            format!("[[:{name}:]]")
        }
    };
    match next {
        'Q' => {
            let rest: String = chars[i + 2..].iter().collect();
            let (quoted, len) = match rest.find("\\E") {
                Some(end) => (&rest[..end], rest[..end].chars().count() + 2),
                None => (rest.as_str(), rest.chars().count()),
            };
            out.push_str(&regex::escape(quoted));
            return i + 2 + len;
        }
        'd' => out.push_str(&ascii("digit")),
        'D' => out.push_str(&ascii("^digit")),
        'w' => out.push_str(&ascii("word")),
        'W' => out.push_str(&ascii("^word")),
        's' => out.push_str(&ascii("space")),
        'S' => out.push_str(&ascii("^space")),
        'e' => out.push_str("\\x1B"),
        'h' if in_class => out.push_str(HORIZONTAL_SPACE),
        'h' => out.push_str(&format!("[{HORIZONTAL_SPACE}]")),
        'R' if !in_class => out.push_str("(?:\\r\\n|[\\n\\x0B\\f\\r\\x{85}\\x{2028}\\x{2029}])"),
        'p' | 'P' if chars.get(i + 2) == Some(&'{') => {
            let rest: String = chars[i + 3..].iter().collect();
            if let Some(end) = rest.find('}') {
                let name = &rest[..end];
                let negated = next == 'P';
                match posix_class(name) {
                    Some(class) => out.push_str(&ascii(&format!(
                        "{}{class}",
                        if negated { "^" } else { "" }
                    ))),
                    None => {
                        let name = java_property(name);
                        out.push_str(&format!("\\{next}{{{name}}}"));
                    }
                }
                return i + 4 + rest[..end].chars().count();
            }
            out.push('\\');
            out.push(next);
        }
        _ => {
            out.push('\\');
            out.push(next);
        }
    }
    i + 2
}

/// The ASCII class of a Java POSIX property name (`Alpha` is `alpha`).
fn posix_class(name: &str) -> Option<&'static str> {
    Some(match name {
        "Lower" => "lower",
        "Upper" => "upper",
        "ASCII" => "ascii",
        "Alpha" => "alpha",
        "Digit" => "digit",
        "Alnum" => "alnum",
        "Punct" => "punct",
        "Graph" => "graph",
        "Print" => "print",
        "Blank" => "blank",
        "Cntrl" => "cntrl",
        "XDigit" => "xdigit",
        "Space" => "space",
        _ => return None,
    })
}

/// A Java Unicode property name as the regex crate spells it.
fn java_property(name: &str) -> String {
    match name {
        "javaLowerCase" => "Lowercase".into(),
        "javaUpperCase" => "Uppercase".into(),
        "javaWhitespace" => "White_Space".into(),
        "javaLetter" => "L".into(),
        "javaDigit" => "Nd".into(),
        "javaLetterOrDigit" => "Alphabetic".into(),
        other => other
            .strip_prefix("Is")
            .or_else(|| other.strip_prefix("In"))
            .unwrap_or(other)
            .to_string(),
    }
}

/// The message Java's `PatternSyntaxException` gives for a pattern the regex crate rejected.
fn syntax_message(source: &str, rust_error: &str) -> String {
    java_error(source).unwrap_or_else(|| {
        rust_error
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("invalid pattern")
            .trim_start_matches("error: ")
            .to_string()
    })
}

/// The index after the escape at `chars[i]` (a backslash): `\p{..}`, `\x{..}` and `\Q..\E`
/// are skipped whole.
fn skip_escape(chars: &[char], i: usize) -> usize {
    let find =
        |from: usize, pat: &[char]| (from..chars.len()).find(|&k| chars[k..].starts_with(pat));
    match chars.get(i + 1) {
        Some('p' | 'P' | 'x' | 'N') if chars.get(i + 2) == Some(&'{') => {
            find(i + 3, &['}']).map_or(chars.len(), |k| k + 1)
        }
        Some('Q') => find(i + 2, &['\\', 'E']).map_or(chars.len(), |k| k + 2),
        _ => i + 2,
    }
}

/// The message of the `PatternSyntaxException` Java throws for `source`, when the scan finds
/// one: unbalanced groups and classes, dangling quantifiers, bad repetitions and ranges.
fn java_error(source: &str) -> Option<String> {
    let chars: Vec<char> = source.chars().collect();
    let mut open = Vec::new();
    let mut in_class: Option<usize> = None;
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '\\' => {
                i = skip_escape(&chars, i);
                continue;
            }
            '[' if in_class.is_none() => in_class = Some(i),
            ']' if in_class.is_some() => in_class = None,
            '(' if in_class.is_none() => open.push(i),
            // The guard pops the group a `)` closes; a `)` with none open is an error.
            ')' if in_class.is_none() && open.pop().is_none() => {
                return Some(format!(
                    "Unmatched closing ')' near index {}",
                    i.saturating_sub(1)
                ));
            }
            c @ ('*' | '+' | '?') if in_class.is_none() && dangling(&chars, i, c) => {
                return Some(format!("Dangling meta character '{c}' near index {i}"));
            }
            '{' if in_class.is_none() => {
                if let Some(message) = repetition_error(&chars, i) {
                    return Some(message);
                }
            }
            '-' if in_class
                .is_some_and(|start| i > start + 1 + usize::from(chars[start + 1] == '^'))
                && (i < 3 || chars[i - 2] != '\\') =>
            {
                let (from, to) = (chars[i - 1], chars.get(i + 1).copied().unwrap_or(']'));
                if to != ']' && to != '[' && to != '\\' && from > to {
                    return Some(format!("Illegal character range near index {}", i + 1));
                }
            }
            _ => {}
        }
        i += 1;
    }
    if in_class.is_some() {
        return Some(format!(
            "Unclosed character class near index {}",
            chars.len().saturating_sub(1)
        ));
    }
    if !open.is_empty() {
        return Some(format!("Unclosed group near index {}", chars.len()));
    }
    None
}

/// Whether quantifier `c` at `chars[i]` has nothing to repeat (Java's "Dangling meta
/// character"): at the start, after `(` or `|`, or a `*` right after another quantifier.
fn dangling(chars: &[char], i: usize, c: char) -> bool {
    let Some(&prev) = i.checked_sub(1).and_then(|p| chars.get(p)) else {
        return true;
    };
    let escaped = i >= 2 && chars[i - 2] == '\\';
    !escaped
        && ((prev == '(' && c != '?')
            || prev == '|'
            || (c == '*' && matches!(prev, '*' | '+' | '?' | '}')))
}

/// Java's error for a `{` at `chars[i]` that is not a valid `{n}`, `{n,}` or `{n,m}`.
fn repetition_error(chars: &[char], i: usize) -> Option<String> {
    let rest: String = chars[i + 1..].iter().collect();
    let body = rest.find('}').map(|end| &rest[..end]);
    let valid = i > 0
        && body.is_some_and(|b| {
            let (lo, hi) = b.split_once(',').unwrap_or((b, b));
            !lo.is_empty()
                && lo.chars().all(|c| c.is_ascii_digit())
                && hi.chars().all(|c| c.is_ascii_digit())
        });
    if !valid {
        return Some(format!("Illegal repetition near index {}", i + 1));
    }
    let (lo, hi) = body?.split_once(',')?;
    let (lo, hi) = (lo.parse::<u64>().ok()?, hi.parse::<u64>().ok()?);
    (lo > hi).then(|| {
        let close = i + 1 + body.map_or(0, |b| b.chars().count());
        format!("Illegal repetition range near index {close}")
    })
}

/// A piece of a Java replacement string (`Matcher.appendReplacement`).
enum Piece {
    Text(String),
    Group(usize),
}

/// Parses replacement `r` for `re`, with Java's errors for bad group references.
fn parse_replacement(it: &Interpreter, r: &str, re: &fancy_regex::Regex) -> Eval<Vec<Piece>> {
    let groups = re.captures_len() - 1;
    let illegal = |m: &str| it.exception("java.lang.IllegalArgumentException", m);
    let chars: Vec<char> = r.chars().collect();
    let mut pieces = Vec::new();
    let mut text = String::new();
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '\\' => {
                let Some(&c) = chars.get(i + 1) else {
                    return Err(illegal("character to be escaped is missing"));
                };
                text.push(c);
                i += 2;
            }
            '$' => {
                let (group, next) = group_reference(it, &chars, i + 1, groups, re)?;
                pieces.push(Piece::Text(std::mem::take(&mut text)));
                pieces.push(Piece::Group(group));
                i = next;
            }
            c => {
                text.push(c);
                i += 1;
            }
        }
    }
    pieces.push(Piece::Text(text));
    Ok(pieces)
}

/// The group a `$` reference at `chars[i..]` names, and the index after it.
fn group_reference(
    it: &Interpreter,
    chars: &[char],
    i: usize,
    groups: usize,
    re: &fancy_regex::Regex,
) -> Eval<(usize, usize)> {
    let illegal = |m: &str| it.exception("java.lang.IllegalArgumentException", m);
    match chars.get(i) {
        None => Err(illegal("Illegal group reference: group index is missing")),
        Some('{') => {
            let rest: String = chars[i + 1..].iter().collect();
            let Some(end) = rest.find('}') else {
                return Err(illegal("named capturing group is missing trailing '}'"));
            };
            let name = &rest[..end];
            match re.capture_names().position(|n| n == Some(name)) {
                Some(g) => Ok((g, i + 2 + name.chars().count())),
                None => Err(illegal(&format!("No group with name {{{name}}}"))),
            }
        }
        Some(d) if d.is_ascii_digit() => {
            let mut group = d.to_digit(10).map_or(0, |d| d as usize);
            if group > groups {
                return Err(it.exception(
                    "java.lang.IndexOutOfBoundsException",
                    &format!("No group {group}"),
                ));
            }
            let mut next = i + 1;
            while let Some(d) = chars.get(next).and_then(|c| c.to_digit(10)) {
                let bigger = group * 10 + d as usize;
                if bigger > groups {
                    break;
                }
                group = bigger;
                next += 1;
            }
            Ok((group, next))
        }
        Some(_) => Err(illegal("Illegal group reference")),
    }
}

/// `text.replaceAll(re, replacement)` (or `replaceFirst` when `first`), with Java's `$n`,
/// `${name}` and `\x` replacement syntax.
pub(crate) fn replace(
    it: &Interpreter,
    re: &fancy_regex::Regex,
    text: &str,
    replacement: &str,
    first: bool,
) -> Eval<String> {
    let mut pieces = None;
    let mut out = String::new();
    let mut last = 0;
    for caps in re.captures_iter(text).map_while(Result::ok) {
        let Some(whole) = caps.get(0) else { continue };
        if pieces.is_none() {
            pieces = Some(parse_replacement(it, replacement, re)?);
        }
        out.push_str(&text[last..whole.start()]);
        for piece in pieces.iter().flatten() {
            match piece {
                Piece::Text(t) => out.push_str(t),
                Piece::Group(g) => out.push_str(caps.get(*g).map_or("", |m| m.as_str())),
            }
        }
        last = whole.end();
        if first {
            break;
        }
    }
    out.push_str(&text[last..]);
    Ok(out)
}

/// Java's `Pattern.split(text, limit)`: no leading empty string for a zero-width match at the
/// start, and trailing empty strings dropped when `limit` is 0.
pub(crate) fn split(re: &fancy_regex::Regex, text: &str, limit: i64) -> Vec<String> {
    let mut parts = Vec::new();
    let mut index = 0;
    let mut matched = false;
    for m in re.find_iter(text).map_while(Result::ok) {
        if limit > 0 && i64::try_from(parts.len()).unwrap_or(i64::MAX) >= limit - 1 {
            break;
        }
        if m.end() == 0 {
            continue;
        }
        matched = true;
        parts.push(text[index..m.start()].to_string());
        index = m.end();
    }
    if !matched {
        return vec![text.to_string()];
    }
    parts.push(text[index..].to_string());
    if limit == 0 {
        while parts.last().is_some_and(String::is_empty) {
            parts.pop();
        }
    }
    parts
}

/// Compiles `source` as a Java regex, for callers outside the interpreter's values.
pub(crate) fn compile_regex(it: &mut Interpreter, source: &str) -> Eval<Rc<Pattern>> {
    compile(it, source)
}

/// The UTF-16 start and end of `group` in match `index` of `m` (`None` when it took no part).
pub(crate) fn position(m: &Matcher, index: usize, group: usize) -> Option<(usize, usize)> {
    let caps = m
        .pattern
        .regex
        .captures_iter(&*m.text)
        .map_while(Result::ok)
        .nth(index)?;
    let g = caps.get(group)?;
    let units = |b: usize| m.text.get(..b).map_or(0, |t| t.encode_utf16().count());
    Some((units(g.start()), units(g.end())))
}

/// `pattern.isCase(text)` (a regex `case` or `in`): whether the whole text matches; the
/// matcher, positioned on that match, becomes `Matcher.lastMatcher`.
pub(crate) fn is_case_match(it: &mut Interpreter, p: &Rc<Pattern>, text: &str) -> bool {
    let groups: Option<Vec<Option<Rc<str>>>> =
        p.anchored.captures(text).ok().flatten().map(|caps| {
            caps.iter()
                .map(|g| g.map(|m| Rc::from(m.as_str())))
                .collect()
        });
    let whole = groups.is_some();
    let m = Matcher {
        pattern: p.clone(),
        text: text.into(),
        matches: groups.into_iter().collect(),
        next: std::cell::Cell::new(1),
        current: std::cell::Cell::new(whole.then_some(0)),
    };
    it.last_matcher = Some(Rc::new(m));
    whole
}

/// `Matcher.getLastMatcher()`: the matcher of the last regex `case`, or null.
pub(crate) fn last_matcher(it: &Interpreter) -> Value {
    it.last_matcher.clone().map_or(Value::Null, Value::Matcher)
}
