//! Methods of `Matcher` and `Pattern` values, and the regex methods of strings (`find`,
//! `findAll`, `eachMatch`).

use std::rc::Rc;

use crate::error::Eval;
use crate::interp::Interpreter;
use crate::value::Value;

use super::string::{count, int_arg, s, string_array};

/// The iteration methods a Matcher has through Groovy's `iterator(Matcher)`.
const MATCHER_ITERABLE: &[&str] = &[
    "collect",
    "findAll",
    "find",
    "any",
    "every",
    "eachWithIndex",
    "collectEntries",
    "inject",
    "join",
    "first",
    "last",
    "sum",
    "count",
    "grep",
    "findResults",
    "collectMany",
    "sort",
    "unique",
];

/// Methods of Matcher and Pattern values.
pub(crate) fn regex_method(
    it: &mut Interpreter,
    target: &Value,
    name: &str,
    args: &[Value],
) -> Eval<Option<Value>> {
    Ok(Some(match (target, name, args) {
        (Value::Matcher(m), "size" | "getCount", []) => count(m.matches.len()),
        (Value::Matcher(m), "find", []) => Value::Bool(m.find()),
        (Value::Matcher(m), "reset", []) => {
            m.next.set(0);
            m.current.set(None);
            target.clone()
        }
        (Value::Matcher(m), "matches", []) => {
            let whole = crate::regex::full_match(&m.pattern, &m.text);
            m.current.set(whole.then_some(0));
            Value::Bool(whole)
        }
        (Value::Matcher(m), "group", args @ ([] | [Value::Num(_)])) => {
            let i = args
                .first()
                .and_then(Value::as_i64)
                .and_then(|i| usize::try_from(i).ok())
                .unwrap_or(0);
            match m.current.get() {
                Some(c) => m
                    .matches
                    .get(c)
                    .and_then(|x| x.get(i).cloned().flatten())
                    .map_or(Value::Null, Value::Str),
                None => {
                    return Err(it.exception("java.lang.IllegalStateException", "No match found"));
                }
            }
        }
        (Value::Matcher(_), "getAt", [i]) => super::list_ops::get_at(it, target, i)?,
        (Value::Matcher(m), "groupCount", []) => count(m.pattern.regex.captures_len() - 1),
        (Value::Matcher(m), "group", [Value::Str(_) | Value::GString(_)]) => {
            let name = it.to_string_value(&args[0])?;
            let Some(g) = m
                .pattern
                .regex
                .capture_names()
                .position(|n| n == Some(&*name))
            else {
                return Err(it.exception(
                    "java.lang.IllegalArgumentException",
                    &format!("No group with name <{name}>"),
                ));
            };
            match m.current.get() {
                Some(c) => m
                    .matches
                    .get(c)
                    .and_then(|x| x.get(g).cloned().flatten())
                    .map_or(Value::Null, Value::Str),
                None => {
                    return Err(it.exception("java.lang.IllegalStateException", "No match found"));
                }
            }
        }
        (Value::Matcher(m), "start" | "end", args @ ([] | [Value::Num(_)])) => {
            let group = usize::try_from(int_arg(args, 0)).unwrap_or(0);
            let Some(c) = m.current.get() else {
                return Err(it.exception("java.lang.IllegalStateException", "No match available"));
            };
            match crate::regex::position(m, c, group) {
                Some((start, end)) => count(if name == "start" { start } else { end }),
                None => Interpreter::int(-1),
            }
        }
        (Value::Matcher(m), "replaceAll" | "replaceFirst", [with]) => {
            let with = it.to_string_value(with)?;
            s(crate::regex::replace(
                it,
                &m.pattern.regex,
                &m.text,
                &with,
                name == "replaceFirst",
            )?)
        }
        (Value::Matcher(m), "hasGroup", []) => Value::Bool(m.pattern.regex.captures_len() > 1),
        (Value::Matcher(m), "iterator" | "toList", []) => Value::list(
            m.matches
                .iter()
                .map(|x| crate::regex::match_value(x))
                .collect(),
        ),
        (Value::Matcher(m), _, _) if MATCHER_ITERABLE.contains(&name) => {
            let items = Value::list(
                m.matches
                    .iter()
                    .map(|x| crate::regex::match_value(x))
                    .collect(),
            );
            return super::method(it, &items, name, args);
        }
        (Value::Pattern(p), "split", [text, ..]) => {
            let text = it.to_string_value(text)?;
            let parts = crate::regex::split(&p.regex, &text, int_arg(args, 1));
            string_array(parts.into_iter().map(s).collect())
        }
        (Value::Pattern(_), "flags", []) => Interpreter::int(0),
        (Value::Pattern(p), "matches", [text]) => {
            let text = it.to_string_value(text)?;
            Value::Bool(crate::regex::full_match(p, &text))
        }
        (Value::Matcher(m), "each", [Value::Closure(c)]) => {
            for x in &m.matches {
                let v = crate::regex::match_value(x);
                let args = match v {
                    Value::List(l) if c.code.params.as_ref().is_some_and(|p| p.len() > 1) => {
                        l.borrow().clone()
                    }
                    other => vec![other],
                };
                it.call_closure(c, args)?;
            }
            Value::Null
        }
        (Value::Pattern(p), "matcher", [text]) => {
            let text: Rc<str> = it.to_string_value(text)?.into();
            Value::Matcher(Rc::new(crate::regex::matcher(p.clone(), text)))
        }
        (Value::Pattern(p), "pattern" | "toString", []) => s(p.source.clone()),
        (Value::Pattern(_), "isCase", [Value::Null]) => Value::Bool(false),
        (Value::Pattern(p), "isCase", [x]) => {
            let text = it.to_string_value(x)?;
            Value::Bool(crate::regex::is_case_match(it, p, &text))
        }
        _ => return Ok(None),
    }))
}

/// `find`, `findAll` and `eachMatch` with a regex, and closures over the groups.
pub(super) fn regex_string_method(
    it: &mut Interpreter,
    text: &str,
    name: &str,
    args: &[Value],
) -> Eval<Option<Value>> {
    let (re, closure) = match args {
        [re] if !matches!(re, Value::Closure(_)) => (re, None),
        [re, Value::Closure(c)] => (re, Some(c)),
        _ => return Ok(None),
    };
    if !matches!(name, "find" | "findAll" | "eachMatch") {
        return Ok(None);
    }
    let Value::Matcher(m) = crate::regex::find(it, &s(text), re)? else {
        return Ok(None);
    };
    let mut results = Vec::new();
    for groups in &m.matches {
        let v = match closure {
            Some(c) => {
                let arg = crate::regex::match_value(groups);
                let spread = match arg {
                    Value::List(l) if c.code.params.as_ref().is_some_and(|p| p.len() > 1) => {
                        l.borrow().clone()
                    }
                    other => vec![other],
                };
                it.call_closure(c, spread)?
            }
            None => groups[0].clone().map_or(Value::Null, Value::Str),
        };
        if name == "find" {
            return Ok(Some(v));
        }
        results.push(v);
    }
    Ok(Some(match name {
        "find" => Value::Null,
        "findAll" => Value::list(results),
        _ => s(text),
    }))
}
