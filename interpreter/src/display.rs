//! `toString()` and `inspect()` as Groovy renders them (`InvokerHelper.toString/inspect`).

use std::fmt::Write as _;
use std::rc::Rc;

use jenkins_harness_grammar::ast::{ClassMember, ExprKind};

use crate::value::{Object, Value};

/// Identities of the collections being printed, to print `(this Collection)` for cycles.
type Seen = Vec<usize>;

fn id(value: &Value) -> Option<usize> {
    match value {
        Value::List(l) => Some(Rc::as_ptr(l) as *const u8 as usize),
        Value::Map(m) => Some(Rc::as_ptr(m) as *const u8 as usize),
        _ => None,
    }
}

/// Appends `value.toString()`.
pub(crate) fn write_display(out: &mut String, value: &Value, seen: &mut Seen) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => {
            let _ = write!(out, "{b}");
        }
        Value::Num(n) => {
            let _ = write!(out, "{n}");
        }
        Value::Char(c) => out.push(*c),
        Value::Str(s) => out.push_str(s),
        Value::GString(g) => {
            for (i, s) in g.strings.iter().enumerate() {
                out.push_str(s);
                if let Some(v) = g.values.get(i) {
                    write_display(out, v, seen);
                }
            }
        }
        // `char[]` prints as its text (`InvokerHelper.toString`).
        Value::List(l) if crate::arrays::is_char_array(value) => {
            l.borrow().iter().for_each(|c| write_display(out, c, seen));
        }
        Value::List(_) | Value::Range(_) => write_list(out, value, seen, false),
        Value::Map(_) => write_map(out, value, seen, false),
        Value::Closure(c) => {
            let _ = write!(out, "{}@{:x}", c.class_name, identity_hash(&c.class_name));
        }
        Value::Object(o) => {
            if let Some(json) = crate::builtins::json_text(value) {
                write_display(out, &json, seen);
                return;
            }
            if let Some(Value::Str(m)) = o
                .fields
                .borrow()
                .get("message")
                .filter(|_| o.class.is_a("java.lang.Throwable"))
            {
                let _ = write!(out, "{}: {m}", o.class.name);
                return;
            }
            if &*o.class.name == "java.util.LinkedHashMap$Entry" {
                let f = o.fields.borrow();
                if let (Some(k), Some(v)) = (f.get("key"), f.get("value")) {
                    write_display(out, k, seen);
                    out.push('=');
                    write_display(out, v, seen);
                }
                return;
            }
            if o.class.is_a("java.lang.Enum") {
                if let Some(n) = o.fields.borrow().get("name") {
                    write_display(out, n, seen);
                }
                return;
            }
            if o.class.is_a("java.lang.Throwable") {
                out.push_str(&o.class.name);
                return;
            }
            if let Some(text) = annotated_to_string(o, seen) {
                out.push_str(&text);
                return;
            }
            let _ = write!(out, "{}@{:x}", o.class.name, identity_hash(&o.class.name));
        }
        Value::Class(c) => {
            let _ = write!(out, "class {}", c.name);
        }
        Value::Pattern(p) => out.push_str(&p.source),
        Value::Matcher(m) => {
            let _ = write!(
                out,
                "java.util.regex.Matcher[pattern={} region=0,{} lastmatch=]",
                m.pattern.source,
                m.text.chars().count()
            );
        }
        Value::Buffer(b) => out.push_str(&b.borrow()),
    }
}

/// A stand-in for Java's `System.identityHashCode`, which changes from run to run: derived from
/// the class name instead, so that output is the same on every run and machine (two objects of
/// one class print alike).
fn identity_hash(class_name: &str) -> u32 {
    let mixed = class_name.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    });
    ((mixed >> 33) as u32) | 0x1000_0000
}

/// `toString()` as `@ToString` / `@Canonical` generate it: `Point(1, 2)`, or with
/// `includeNames = true`, `Named(a:q, b:[1, 2])`. Properties only, in declaration order.
fn annotated_to_string(o: &Object, seen: &mut Seen) -> Option<String> {
    let decl = o.class.decl.as_ref()?;
    let annotation = decl
        .modifiers
        .annotation("ToString")
        .or_else(|| decl.modifiers.annotation("Canonical"))?;
    let include_names = annotation.args.iter().any(|(name, value)| {
        name.as_ref().is_some_and(|n| &*n.name == "includeNames")
            && matches!(value.kind, ExprKind::Bool(true))
    });
    let fields = o.fields.borrow();
    let mut parts = Vec::new();
    for member in &decl.members {
        let ClassMember::Field(var, _) = member else {
            continue;
        };
        let m = &var.modifiers;
        if m.has("static") || m.has("private") || m.has("public") || m.has("protected") {
            continue;
        }
        for d in &var.declarators {
            let mut part = String::new();
            if include_names {
                let _ = write!(part, "{}:", d.name.name);
            }
            let value = fields.get(&*d.name.name).cloned().unwrap_or_default();
            write_display(&mut part, &value, seen);
            parts.push(part);
        }
    }
    Some(format!("{}({})", o.class.name, parts.join(", ")))
}

fn write_list(out: &mut String, value: &Value, seen: &mut Seen, inspect: bool) {
    let items = crate::collections::items(value);
    if let Some(me) = id(value) {
        seen.push(me);
    }
    out.push('[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        if id(item).is_some_and(|x| seen.contains(&x)) {
            out.push_str("(this Collection)");
        } else if inspect {
            write_inspect(out, item, seen);
        } else {
            write_display(out, item, seen);
        }
    }
    out.push(']');
    if id(value).is_some() {
        seen.pop();
    }
}

fn write_map(out: &mut String, value: &Value, seen: &mut Seen, inspect: bool) {
    let Value::Map(map) = value else { return };
    let Some(me) = id(value) else { return };
    let entries: Vec<(Value, Value)> = map
        .borrow()
        .iter()
        .map(|(k, v)| (k.0.clone(), v.clone()))
        .collect();
    if entries.is_empty() {
        out.push_str("[:]");
        return;
    }
    seen.push(me);
    out.push('[');
    for (i, (k, v)) in entries.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        for (j, part) in [k, v].into_iter().enumerate() {
            if j == 1 {
                out.push(':');
            }
            if id(part).is_some_and(|x| seen.contains(&x)) {
                out.push_str("(this Map)");
            } else if inspect {
                write_inspect(out, part, seen);
            } else {
                write_display(out, part, seen);
            }
        }
    }
    out.push(']');
    seen.pop();
}

/// Appends `value.inspect()`: strings quoted and escaped, collections inspected inside.
pub(crate) fn write_inspect(out: &mut String, value: &Value, seen: &mut Seen) {
    match value {
        Value::Str(_) => {
            out.push('\'');
            for c in value.to_display().chars() {
                match c {
                    '\n' => out.push_str("\\n"),
                    '\t' => out.push_str("\\t"),
                    '\r' => out.push_str("\\r"),
                    '\u{8}' => out.push_str("\\b"),
                    '\u{c}' => out.push_str("\\f"),
                    '\'' => out.push_str("\\'"),
                    '\\' => out.push_str("\\\\"),
                    c => out.push(c),
                }
            }
            out.push('\'');
        }
        Value::List(_) if crate::arrays::is_char_array(value) => write_display(out, value, seen),
        Value::List(_) => write_list(out, value, seen, true),
        Value::Map(_) => write_map(out, value, seen, true),
        Value::Range(r) => {
            write_inspect(out, &r.from, seen);
            out.push_str(if r.exclusive { "..<" } else { ".." });
            write_inspect(out, &r.to, seen);
        }
        other => write_display(out, other, seen),
    }
}
