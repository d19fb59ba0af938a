//! Values as Groovy source for the trace (`'a'`, `"b $x"` shown as `"b 1"`, `[k: v]`), and
//! scenario data (JSON/TOML) as Groovy values.

use std::rc::Rc;

use indexmap::IndexMap;
use jenkins_harness_interpreter::number::Number;
use jenkins_harness_interpreter::{Key, Value};

/// The field of a host object that holds its trace form (`scm`, `usernamePassword(...)`).
pub(crate) const LITERAL_FIELD: &str = "$literal";

/// `v` as a Groovy literal. A GString shows its interpolated text in double quotes, so that a
/// reader sees what interpolation produced.
pub(crate) fn literal(v: &Value) -> String {
    let mut out = String::new();
    write_literal(&mut out, v, 0);
    out
}

/// Arguments as a call shows them: positional values, then named ones as `name: value`.
pub(crate) fn call_args(positional: &[Value], named: &IndexMap<String, Value>) -> String {
    let mut parts: Vec<String> = named
        .iter()
        .map(|(k, v)| format!("{}: {}", key_literal(k), literal(v)))
        .collect();
    parts.extend(positional.iter().map(literal));
    parts.join(", ")
}

/// Deep structures are cut off here, so that a self-containing list cannot recurse forever.
const MAX_DEPTH: usize = 16;

fn write_literal(out: &mut String, v: &Value, depth: usize) {
    if depth > MAX_DEPTH {
        out.push_str("...");
        return;
    }
    match v {
        Value::Str(s) => quote(out, s, '\''),
        Value::GString(_) | Value::Buffer(_) => quote(out, &v.to_display(), '"'),
        Value::Char(c) => quote(out, &c.to_string(), '\''),
        Value::List(items) => {
            out.push('[');
            for (i, item) in items.borrow().iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_literal(out, item, depth + 1);
            }
            out.push(']');
        }
        Value::Map(m) => {
            let m = m.borrow();
            if m.is_empty() {
                out.push_str("[:]");
                return;
            }
            out.push('[');
            for (i, (k, item)) in m.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                match &k.0 {
                    Value::Str(s) => out.push_str(&key_literal(s)),
                    other => {
                        out.push('(');
                        write_literal(out, other, depth + 1);
                        out.push(')');
                    }
                }
                out.push_str(": ");
                write_literal(out, item, depth + 1);
            }
            out.push(']');
        }
        Value::Closure(_) => out.push_str("{ ... }"),
        Value::Object(o) => match o.fields.borrow().get(LITERAL_FIELD) {
            Some(l) => out.push_str(&l.to_display()),
            None => out.push_str(&v.to_display()),
        },
        other => out.push_str(&other.inspect()),
    }
}

/// A map key or named argument: bare when it is an identifier, quoted otherwise.
fn key_literal(k: &str) -> String {
    let ident = k
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '$')
        && k.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$');
    if ident {
        k.to_string()
    } else {
        let mut out = String::new();
        quote(&mut out, k, '\'');
        out
    }
}

/// How `secret` reads inside the trace's quoted literals (`$` as `\$`, quotes and backslashes
/// escaped), so that masking finds it there too.
pub(crate) fn quoted_forms(secret: &str) -> Vec<String> {
    ['\'', '"']
        .iter()
        .map(|&q| {
            let mut out = String::new();
            quote(&mut out, secret, q);
            out[1..out.len() - 1].to_string()
        })
        .filter(|form| form != secret)
        .collect()
}

fn quote(out: &mut String, s: &str, q: char) {
    out.push(q);
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\\' => out.push_str("\\\\"),
            '$' if q == '"' => out.push_str("\\$"),
            c if c == q => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out.push(q);
}

/// Scenario data as Groovy values: whole numbers are Integer (Long when large), decimals
/// Double, objects insertion-ordered maps.
pub(crate) fn from_data(v: &serde_json::Value) -> Value {
    match v {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::Bool(b) => Value::Bool(*b),
        serde_json::Value::Number(n) => Value::Num(match n.as_i64() {
            Some(i) => match i32::try_from(i) {
                Ok(small) => Number::Integer(small),
                Err(_) => Number::Long(i),
            },
            None => Number::Double(n.as_f64().unwrap_or(0.0)),
        }),
        serde_json::Value::String(s) => Value::Str(s.as_str().into()),
        serde_json::Value::Array(items) => Value::list(items.iter().map(from_data).collect()),
        serde_json::Value::Object(entries) => Value::map(
            entries
                .iter()
                .map(|(k, v)| (Key::str(k), from_data(v)))
                .collect(),
        ),
    }
}

/// A Groovy string value.
pub(crate) fn string(s: &str) -> Value {
    Value::Str(Rc::from(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_lists_and_maps_read_as_groovy() {
        let map = Value::map(
            [
                (Key::str("script"), string("it's")),
                (
                    Key::str("a-b"),
                    Value::list(vec![Value::Null, string("null")]),
                ),
            ]
            .into_iter()
            .collect(),
        );
        assert_eq!(literal(&map), r"[script: 'it\'s', 'a-b': [null, 'null']]");
        assert_eq!(literal(&Value::map(IndexMap::new())), "[:]");
    }

    #[test]
    fn scenario_numbers_become_integers_or_doubles() {
        let v = from_data(&serde_json::json!({"n": 3, "big": 10_000_000_000_i64, "x": 1.5}));
        assert_eq!(literal(&v), "[n: 3, big: 10000000000, x: 1.5]");
    }
}
