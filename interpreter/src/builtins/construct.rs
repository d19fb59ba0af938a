//! Constructors of the built-in classes scripts use: collections, `StringBuilder`,
//! `BigDecimal`, `String`, JSON slurpers and builders, `MathContext`.

use std::rc::Rc;

use indexmap::IndexMap;

use crate::collections::{SetKind, new_map};
use crate::error::Eval;
use crate::interp::Interpreter;
use crate::number::Number;
use crate::value::{Class, Value};

/// `new Class(args)` for built-in classes.
pub(crate) fn construct(it: &mut Interpreter, class: &Rc<Class>, args: Vec<Value>) -> Eval {
    if class.is_a("java.lang.Throwable") {
        let (message, cause) = match args.as_slice() {
            [] => (Value::Null, Value::Null),
            [Value::Object(o)] if o.class.is_a("java.lang.Throwable") => {
                (Value::Str(args[0].to_display().into()), args[0].clone())
            }
            [m] => (Value::Str(it.to_string_value(m)?.into()), Value::Null),
            [m, c, ..] => (Value::Str(it.to_string_value(m)?.into()), c.clone()),
        };
        return Ok(crate::classes::exception_of(class.clone(), message, cause));
    }
    Ok(match (class.simple_name(), args.as_slice()) {
        ("ArrayList" | "List", []) => Value::list(Vec::new()),
        // `new ArrayList(n)`: an empty list with room for n.
        ("ArrayList", [Value::Num(_)]) => Value::list(Vec::new()),
        ("ArrayList", [other]) => Value::list(crate::collections::items(other)),
        (list @ ("LinkedList" | "Stack" | "Vector"), []) => {
            crate::convert::coerce(it, Value::list(Vec::new()), list, 0)?
        }
        ("LinkedList", [other]) => crate::convert::coerce(it, other.clone(), "LinkedList", 0)?,
        (set, []) if SetKind::named(set).is_some() => {
            crate::convert::coerce(it, Value::list(Vec::new()), set, 0)?
        }
        (set, [other @ (Value::List(_) | Value::Range(_))]) if SetKind::named(set).is_some() => {
            let values = crate::collections::items(other);
            let capacity = crate::collections::copy_capacity(values.len());
            let kind = SetKind::named(set).unwrap_or(SetKind::Linked);
            crate::collections::new_sized_set(it, values, kind, capacity)?
        }
        ("LinkedHashMap" | "Map", []) => Value::map(IndexMap::new()),
        ("LinkedHashMap", [Value::Map(m)]) => Value::map(m.borrow().clone()),
        (map @ ("HashMap" | "TreeMap"), []) => new_map(it, IndexMap::new(), map_class(map))?,
        (map @ ("HashMap" | "TreeMap"), [Value::Map(m)]) => {
            let entries = m.borrow().clone();
            new_map(it, entries, map_class(map))?
        }
        ("StringBuilder" | "StringBuffer", []) => Value::Buffer(Rc::default()),
        ("StringBuilder" | "StringBuffer", [v]) => {
            Value::Buffer(Rc::new(std::cell::RefCell::new(it.to_string_value(v)?)))
        }
        ("BigDecimal", [v @ (Value::Str(_) | Value::GString(_))]) => {
            let t = it.to_string_value(v)?;
            match crate::number::parse_big_decimal(&t) {
                Ok(d) => Value::Num(Number::BigDecimal(Rc::new(d))),
                Err(e) => return Err(it.exception(e.class, &e.message)),
            }
        }
        ("BigInteger", [v @ (Value::Str(_) | Value::GString(_))]) => {
            let t = it.to_string_value(v)?;
            match crate::number::parse_big_integer(&t) {
                Ok(d) => Value::Num(Number::BigInteger(Rc::new(d))),
                Err(e) => return Err(it.exception(e.class, &e.message)),
            }
        }
        ("BigDecimal", [Value::Num(n)]) if n.is_integral() => match n.to_big_decimal() {
            Ok(d) => Value::Num(Number::BigDecimal(Rc::new(d))),
            Err(e) => return Err(it.exception(e.class, &e.message)),
        },
        ("String", []) => Value::Str("".into()),
        ("String", [Value::List(l)]) if l.borrow().iter().all(|c| matches!(c, Value::Char(_))) => {
            // new String(char[])
            Value::Str(
                l.borrow()
                    .iter()
                    .map(Value::to_display)
                    .collect::<String>()
                    .into(),
            )
        }
        ("String", [bytes] | [bytes, _]) if crate::arrays::bytes_of(bytes).is_some() => {
            let bytes = crate::arrays::bytes_of(bytes).unwrap_or_default();
            Value::Str(String::from_utf8_lossy(&bytes).into())
        }
        ("String", [v]) => Value::Str(it.to_string_value(v)?.into()),
        ("Object", []) => Value::Object(Rc::new(crate::value::Object {
            class: class.clone(),
            fields: Default::default(),
        })),
        ("MathContext", _) => match super::decimal::math_context(class, &args) {
            Some(context) => context,
            None => return Err(no_constructor(it, class)),
        },
        ("JsonBuilder", [] | [_]) => super::json_builder::construct(it, class, &args)?,
        ("JsonSlurper" | "JsonSlurperClassic", []) => {
            Value::Object(Rc::new(crate::value::Object {
                class: class.clone(),
                fields: Default::default(),
            }))
        }
        _ => return Err(no_constructor(it, class)),
    })
}

/// Groovy's error for `new C(args)` when no constructor of `C` takes `args`.
fn no_constructor(it: &Interpreter, class: &Class) -> crate::error::Flow {
    it.exception(
        "groovy.lang.GroovyRuntimeException",
        &format!("Could not find matching constructor for: {}", class.name),
    )
}

/// `Arrays.asList(...)`: a list of class `java.util.Arrays$ArrayList`.
pub(super) fn fixed_size_list(items: Vec<Value>) -> Value {
    let list = Value::list(items);
    crate::collections::tag(&list, |t| t.class = Some("java.util.Arrays$ArrayList"));
    list
}

/// The class a `HashMap` or `TreeMap` records in its tags.
fn map_class(simple_name: &str) -> Option<&'static str> {
    match simple_name {
        "HashMap" => Some("java.util.HashMap"),
        "TreeMap" => Some("java.util.TreeMap"),
        _ => None,
    }
}
