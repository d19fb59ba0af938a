//! Built-in methods: script globals (`println`), GDK methods on values, static methods of the
//! classes scripts use (`Math`, `Integer`, `String.format`, `JsonOutput`).

mod closures;
mod comparator;
mod construct;
mod decimal;
mod deque;
mod iterable;
mod iterator;
mod java_util;
mod json_builder;
mod json_values;
mod list;
mod list_ops;
mod map;
mod map_views;
mod number_methods;
mod regex_methods;
mod sorting;
mod statics;
mod string;

use std::cell::RefCell;
use std::rc::Rc;

pub(crate) use closures::{closure_proxy, is_object_method, is_proxy};
pub(crate) use construct::construct;
pub(crate) use iterator::{has_next, is_iterator, remaining};
pub(crate) use json_builder::json_text;
pub(crate) use list_ops::{get_at, list_operator};
pub(crate) use sorting::sort_by;
pub(crate) use statics::{static_method, static_property};

use crate::error::Eval;
use crate::interp::Interpreter;
use crate::value::{Object, Value};

/// A `Map.Entry`.
pub(crate) fn entry(key: Value, value: Value) -> Value {
    let object = Object {
        class: entry_class(),
        fields: RefCell::default(),
    };
    object.fields.borrow_mut().insert("key".into(), key);
    object.fields.borrow_mut().insert("value".into(), value);
    Value::Object(Rc::new(object))
}

fn entry_class() -> Rc<crate::value::Class> {
    thread_local! {
        static ENTRY: Rc<crate::value::Class> = Rc::new(crate::value::Class {
            name: "java.util.LinkedHashMap$Entry".into(),
            parent: Some(crate::classes::builtin("java.lang.Object")),
            decl: None,
            statics: RefCell::default(),
        });
    }
    ENTRY.with(Rc::clone)
}

/// Whether `v` is a `Map.Entry`.
pub(crate) fn is_entry(v: &Value) -> bool {
    matches!(v, Value::Object(o) if &*o.class.name == "java.util.LinkedHashMap$Entry")
}

/// The key and value of a `Map.Entry`.
pub(crate) fn entry_parts(v: &Value) -> Option<(Value, Value)> {
    match v {
        Value::Object(o) if is_entry(v) => {
            let f = o.fields.borrow();
            Some((
                f.get("key").cloned().unwrap_or_default(),
                f.get("value").cloned().unwrap_or_default(),
            ))
        }
        _ => None,
    }
}

/// Functions every script has: `println`, `print`, `printf`, `sprintf`.
pub(crate) fn global(it: &mut Interpreter, name: &str, args: &[Value]) -> Eval<Option<Value>> {
    Ok(Some(match (name, args) {
        ("println", []) => echo(it, String::new(), "\n")?,
        ("println", [v]) => {
            let text = it.to_string_value(v)?;
            echo(it, text, "\n")?
        }
        ("print", [v]) => {
            let text = it.to_string_value(v)?;
            echo(it, text, "")?
        }
        ("printf", [fmt, rest @ ..]) => {
            let text = statics::sprintf(it, fmt, rest)?;
            echo(it, text, "")?
        }
        ("sprintf", [fmt, rest @ ..]) => Value::Str(statics::sprintf(it, fmt, rest)?.into()),
        _ => return Ok(None),
    }))
}

/// The JSON document of a value, as `JsonOutput.toJson` sees it.
pub(crate) fn value_to_json(it: &mut Interpreter, v: &Value) -> Eval<crate::json::Json> {
    json_values::to_json_value(it, v)
}

/// Groovy values of a parsed JSON document, objects as `LinkedHashMap`s.
pub(crate) fn json_to_value(it: &mut Interpreter, j: crate::json::Json) -> Eval {
    json_values::from_json(it, j, "java.util.LinkedHashMap")
}

/// Prints `text` then `end` (a newline for `println`), unless the host takes it as a whole
/// line (Jenkins turns each `println`, `print` and `printf` into an `echo`).
fn echo(it: &mut Interpreter, text: String, end: &str) -> Eval<Value> {
    if let Some(host) = it.host.clone()
        && host.echo(it, &text)?
    {
        return Ok(Value::Null);
    }
    it.print(&text);
    it.print(end);
    Ok(Value::Null)
}

/// A GDK method on a value (`'a'.toUpperCase()`, `list.each {}`); `Ok(None)` if there is none.
pub(crate) fn method(
    it: &mut Interpreter,
    target: &Value,
    name: &str,
    args: &[Value],
) -> Eval<Option<Value>> {
    let specific = match target {
        // A GString with `${-> x}` closures: the methods of its text as rendered now.
        Value::GString(_) if crate::convert::renders_lazily(target) => {
            let text = Value::Str(it.to_string_value(target)?.into());
            return method(it, &text, name, args);
        }
        Value::Str(_) | Value::GString(_) => string::method(it, target, name, args)?,
        Value::Buffer(_) => string::buffer_method(it, target, name, args)?,
        Value::List(_) | Value::Range(_) => list::method(it, target, name, args)?,
        Value::Map(_) => map::method(it, target, name, args)?,
        Value::Num(_) => number_methods::number_method(it, target, name, args)?,
        Value::Closure(c) => closures::closure_method(it, c, name, args)?,
        Value::Matcher(_) | Value::Pattern(_) => {
            regex_methods::regex_method(it, target, name, args)?
        }
        Value::Object(_) => json_builder::method(it, target, name, args)?,
        _ => None,
    };
    if specific.is_some() {
        return Ok(specific);
    }
    object_method(it, target, name, args)
}

/// Methods every object has.
fn object_method(
    it: &mut Interpreter,
    target: &Value,
    name: &str,
    args: &[Value],
) -> Eval<Option<Value>> {
    if crate::classes_runtime::is_binding(target)
        && let Some(v) = it.binding_method(name, args)?
    {
        return Ok(Some(v));
    }
    // A built-in exception's getters read its fields (`getResult()` of a
    // FlowInterruptedException whose host stored `result`).
    if args.is_empty()
        && is_throwable(target)
        && let Value::Object(o) = target
        && let Some(v) = ["get", "is"].iter().find_map(|prefix| {
            let rest = name.strip_prefix(prefix)?;
            let mut chars = rest.chars();
            let first = chars.next().filter(char::is_ascii_uppercase)?;
            let field = first.to_ascii_lowercase().to_string() + chars.as_str();
            o.fields.borrow().get(field.as_str()).cloned()
        })
    {
        return Ok(Some(v));
    }
    Ok(Some(match (name, args) {
        ("toString", []) => Value::Str(it.to_string_value(target)?.into()),
        ("inspect", []) => Value::Str(target.inspect().into()),
        ("getClass", []) => class_of(it, target),
        ("is", [other]) => Value::Bool(target.same(other)),
        ("equals", [other]) => Value::Bool(crate::ops::java_equals(it, target, other)?),
        ("hashCode", []) => Interpreter::int(crate::collections::java_hash(target).unwrap_or(0)),
        ("asBoolean", []) => Value::Bool(target.truthy()),
        ("isCase", [x]) => Value::Bool(crate::ops::is_case(it, target, x)?),
        ("compareTo", [other]) => Interpreter::int(match crate::ops::compare(it, target, other)? {
            std::cmp::Ordering::Less => -1,
            std::cmp::Ordering::Equal => 0,
            std::cmp::Ordering::Greater => 1,
        }),
        ("with", [Value::Closure(c)]) => {
            *c.delegate.borrow_mut() = target.clone();
            c.resolve_strategy.set(1);
            it.call_closure(c, vec![target.clone()])?
        }
        ("asType", [Value::Class(c)]) => crate::convert::coerce(it, target.clone(), &c.name, 0)?,
        ("getMessage", []) | ("getLocalizedMessage", []) if is_throwable(target) => {
            field(target, "message")
        }
        ("getCause", []) if is_throwable(target) => field(target, "cause"),
        ("printStackTrace", []) if is_throwable(target) => Value::Null,
        ("parseText", [t]) if is_slurper(target) => {
            let text = it.to_string_value(t)?;
            let classic = matches!(target, Value::Object(o) if o.class.name.ends_with("Classic"));
            // JsonSlurperClassic builds HashMaps; JsonSlurper its LazyMap.
            let map_class = if classic {
                "java.util.HashMap"
            } else {
                "groovy.json.internal.LazyMap"
            };
            match crate::json::parse(&text, classic) {
                Ok(j) => json_values::from_json(it, j, map_class)?,
                Err(e) => return Err(it.exception(e.class, &e.message)),
            }
        }
        ("iterator" | "listIterator", [])
            if matches!(
                target,
                Value::List(_) | Value::Map(_) | Value::Range(_) | Value::Str(_)
            ) =>
        {
            iterator::new_iterator(it, target)?
        }
        _ if iterator::is_iterator(target) => return iterator::method(it, target, name, args),
        ("compare", [_, _]) if matches!(target, Value::Object(_)) => {
            return comparator::method(it, target, name, args);
        }
        ("getKey", []) if is_entry(target) => field(target, "key"),
        ("getValue", []) if is_entry(target) => field(target, "value"),
        ("name", []) | ("toString", _) if is_enum(target) => field(target, "name"),
        ("ordinal", []) if is_enum(target) => field(target, "ordinal"),
        _ if matches!(
            target,
            Value::Str(_) | Value::GString(_) | Value::List(_) | Value::Map(_) | Value::Range(_)
        ) =>
        {
            if let Some(v) = iterable::method(it, target, name, args)? {
                return Ok(Some(v));
            }
            return grep(it, target, name, args);
        }
        _ if is_print_stream(target) => return global(it, name, args),
        _ => return Ok(None),
    }))
}

/// `collection.grep(filter)`: the elements the filter's `isCase` accepts.
fn grep(it: &mut Interpreter, target: &Value, name: &str, args: &[Value]) -> Eval<Option<Value>> {
    let filter = match (name, args) {
        ("grep", [f]) => f.clone(),
        ("grep", []) => return grep(it, target, name, &[Value::Bool(true)]),
        _ => return Ok(None),
    };
    let mut out = Vec::new();
    for item in it.iterate(target)? {
        let keep = match &filter {
            Value::Bool(true) => item.truthy(),
            f => crate::ops::is_case(it, f, &item)?,
        };
        if keep {
            out.push(item);
        }
    }
    Ok(Some(crate::collections::similar_collection(
        it, target, out,
    )?))
}

/// Whether `v` is `System.out`.
fn is_print_stream(v: &Value) -> bool {
    matches!(v, Value::Object(o) if &*o.class.name == "java.io.PrintStream")
}

/// `System.out`: prints to the script's output.
pub(crate) fn system_out() -> Value {
    Value::Object(Rc::new(Object {
        class: crate::classes::builtin("java.io.PrintStream"),
        fields: RefCell::default(),
    }))
}

fn is_throwable(v: &Value) -> bool {
    matches!(v, Value::Object(o) if o.class.is_a("java.lang.Throwable"))
}

fn is_slurper(v: &Value) -> bool {
    matches!(v, Value::Object(o) if o.class.name.starts_with("groovy.json.JsonSlurper"))
}

/// Whether `v` is a constant of an enum.
pub(crate) fn is_enum_value(v: &Value) -> bool {
    is_enum(v)
}

fn is_enum(v: &Value) -> bool {
    matches!(v, Value::Object(o) if o.class.is_a("java.lang.Enum"))
}

fn field(v: &Value, name: &str) -> Value {
    match v {
        Value::Object(o) => o.fields.borrow().get(name).cloned().unwrap_or_default(),
        _ => Value::Null,
    }
}

/// `x.getClass()`.
fn class_of(it: &Interpreter, v: &Value) -> Value {
    match v {
        Value::Object(o) => Value::Class(o.class.clone()),
        other => {
            let name = other.class_name();
            Value::Class(it.class_named(&name).unwrap_or_else(|| {
                Rc::new(crate::value::Class {
                    name,
                    parent: Some(crate::classes::builtin("java.lang.Object")),
                    decl: None,
                    statics: RefCell::default(),
                })
            }))
        }
    }
}

/// `x.name` for built-in values: `size`, `class`, entry `key`/`value`, exception `message`...
pub(crate) fn property(it: &mut Interpreter, target: &Value, name: &str) -> Eval<Option<Value>> {
    Ok(Some(match (target, name) {
        (_, "class") => class_of(it, target),
        (Value::Object(_), "message" | "cause" | "key" | "value" | "name" | "ordinal") => {
            field(target, name)
        }
        (Value::Object(o), "simpleName") if o.class.is_a("java.lang.Throwable") => Value::Null,
        (Value::Class(c), "name") => Value::Str(c.name.clone()),
        (Value::Class(c), "simpleName") => Value::Str(c.java_simple_name()),
        (Value::Class(c), "modifiers") if c.decl.is_some() => {
            Interpreter::int(crate::classes_runtime::class_modifiers(c).unwrap_or(1))
        }
        (Value::Class(c), "superclass") => c.parent.clone().map_or(Value::Null, Value::Class),
        (Value::Closure(c), "parameterTypes") => closures::parameter_types(it, c),
        (Value::Closure(c), "delegate") => c.delegate.borrow().clone(),
        (Value::Closure(c), "owner") => c.owner.clone(),
        (Value::Closure(c), "thisObject") => c.this.clone(),
        (Value::Closure(c), "resolveStrategy") => Interpreter::int(c.resolve_strategy.get()),
        (Value::Closure(c), "maximumNumberOfParameters") => closures::max_params(c),
        (Value::List(l), "length") => {
            Interpreter::int(i32::try_from(l.borrow().len()).unwrap_or(i32::MAX))
        }
        (Value::Range(r), "from") => r.from.clone(),
        (Value::Range(r), "to") => r.to.clone(),
        (Value::List(_) | Value::Range(_), "empty") => Value::Bool(!target.truthy()),
        (Value::Str(_) | Value::GString(_), "empty") => Value::Bool(!target.truthy()),
        (Value::Str(_) | Value::GString(_), "bytes") => {
            crate::arrays::byte_array(target.to_display().as_bytes())
        }
        (Value::Matcher(m), "count") => {
            Interpreter::int(i32::try_from(m.matches.len()).unwrap_or(0))
        }
        _ => {
            let getter = crate::property::getter_name(name);
            return method(it, target, &getter, &[]);
        }
    }))
}

/// Methods on `null` (Groovy's NullObject).
pub(crate) fn null_method(it: &mut Interpreter, name: &str, args: &[Value]) -> Eval<Option<Value>> {
    if name.starts_with('<') {
        return closures::derived_call(it, name, args);
    }
    Ok(match (name, args) {
        ("toString", []) => Some(Value::Str("null".into())),
        ("inspect", []) => Some(Value::Str("null".into())),
        ("is", [other]) => Some(Value::Bool(matches!(other, Value::Null))),
        ("equals", [other]) => Some(Value::Bool(matches!(other, Value::Null))),
        ("asBoolean", []) => Some(Value::Bool(false)),
        ("getClass", []) => Some(Value::Class(crate::classes::builtin(
            "org.codehaus.groovy.runtime.NullObject",
        ))),
        _ => None,
    })
}

/// `toString` of a list or map that holds script objects, using their own `toString`.
pub(crate) fn render_with_objects(it: &mut Interpreter, v: &Value) -> Eval<String> {
    match v {
        Value::List(l) => {
            let items = l.borrow().clone();
            let mut parts = Vec::new();
            for i in &items {
                parts.push(it.to_string_value(i)?);
            }
            Ok(format!("[{}]", parts.join(", ")))
        }
        Value::Map(m) => {
            let entries: Vec<(Value, Value)> = m
                .borrow()
                .iter()
                .map(|(k, v)| (k.0.clone(), v.clone()))
                .collect();
            let mut parts = Vec::new();
            for (k, v) in &entries {
                parts.push(format!(
                    "{}:{}",
                    it.to_string_value(k)?,
                    it.to_string_value(v)?
                ));
            }
            Ok(format!("[{}]", parts.join(", ")))
        }
        other => Ok(other.to_display()),
    }
}
