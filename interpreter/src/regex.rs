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
    match regex::Regex::new(source) {
        Ok(regex) => Ok(Rc::new(Pattern {
            source: source.into(),
            regex,
        })),
        Err(e) => Err(it.exception(
            "java.util.regex.PatternSyntaxException",
            format!("{}", e).lines().last().unwrap_or("invalid pattern"),
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
        .captures_iter(&text)
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
    match regex::Regex::new(&format!("^(?:{})$", p.source)) {
        Ok(anchored) => anchored.is_match(text),
        Err(_) => false,
    }
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
