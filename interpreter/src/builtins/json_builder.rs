//! `groovy.json.JsonBuilder`: content from a map, a list or a closure DSL
//! (`builder.root { name 'x'; tags(['a']) }`), printed as JSON.

use std::cell::RefCell;
use std::rc::Rc;

use indexmap::IndexMap;

use crate::error::Eval;
use crate::interp::Interpreter;
use crate::value::{Class, Closure, Key, Object, Value};

/// The class of the object a builder closure's calls go to.
const DELEGATE_CLASS: &str = "groovy.json.JsonDelegate";

/// `new JsonBuilder()` / `new JsonBuilder(content)`.
pub(crate) fn construct(it: &mut Interpreter, class: &Rc<Class>, args: &[Value]) -> Eval {
    let builder = Value::Object(Rc::new(Object {
        class: class.clone(),
        fields: RefCell::default(),
    }));
    set_content(it, &builder, args.first().cloned().unwrap_or_default())?;
    Ok(builder)
}

fn is_builder(v: &Value) -> bool {
    matches!(v, Value::Object(o) if &*o.class.name == "groovy.json.JsonBuilder")
}

fn is_delegate(v: &Value) -> bool {
    matches!(v, Value::Object(o) if &*o.class.name == DELEGATE_CLASS)
}

fn field(v: &Value, name: &str) -> Value {
    match v {
        Value::Object(o) => o.fields.borrow().get(name).cloned().unwrap_or_default(),
        _ => Value::Null,
    }
}

/// Stores the builder's content and its JSON text, which `toString()` prints.
fn set_content(it: &mut Interpreter, builder: &Value, content: Value) -> Eval<()> {
    let json = super::json_values::to_json_value(it, &content)?;
    let text = crate::json::to_json(&json).map_err(|e| it.exception(e.class, &e.message))?;
    if let Value::Object(o) = builder {
        let mut fields = o.fields.borrow_mut();
        fields.insert("content".into(), content);
        fields.insert("json".into(), Value::Str(text.into()));
    }
    Ok(())
}

/// The JSON text of a builder, for `toString()` (`None` for other values).
pub(crate) fn json_text(v: &Value) -> Option<Value> {
    is_builder(v).then(|| field(v, "json"))
}

/// Runs a builder closure with its calls collected into a map.
fn closure_content(it: &mut Interpreter, c: &Rc<Closure>) -> Eval {
    let content = Value::map(IndexMap::new());
    let delegate = Value::Object(Rc::new(Object {
        class: crate::classes::builtin(DELEGATE_CLASS),
        fields: RefCell::default(),
    }));
    if let Value::Object(o) = &delegate {
        o.fields
            .borrow_mut()
            .insert("content".into(), content.clone());
    }
    *c.delegate.borrow_mut() = delegate;
    c.resolve_strategy.set(1);
    it.call_closure(c, Vec::new())?;
    Ok(content)
}

/// The value `name(args)` gives a key: a closure's calls as a map, a map merged with a
/// closure's, several arguments as a list.
fn call_value(it: &mut Interpreter, args: &[Value]) -> Eval {
    Ok(match args {
        [] => Value::map(IndexMap::new()),
        [Value::Closure(c)] => closure_content(it, c)?,
        [Value::Map(m), Value::Closure(c)] => {
            let nested = closure_content(it, c)?;
            let mut merged = m.borrow().clone();
            if let Value::Map(n) = &nested {
                merged.extend(n.borrow().iter().map(|(k, v)| (k.clone(), v.clone())));
            }
            Value::map(merged)
        }
        [one] => one.clone(),
        many => Value::list(many.to_vec()),
    })
}

/// Methods of a builder and of the object its closures' calls go to.
pub(crate) fn method(
    it: &mut Interpreter,
    target: &Value,
    name: &str,
    args: &[Value],
) -> Eval<Option<Value>> {
    if is_delegate(target) {
        let value = call_value(it, args)?;
        if let Value::Map(m) = field(target, "content") {
            m.borrow_mut().insert(Key::str(name), value);
        }
        return Ok(Some(Value::Null));
    }
    if !is_builder(target) {
        return Ok(None);
    }
    Ok(Some(match (name, args) {
        ("toString", []) => field(target, "json"),
        ("toPrettyString", []) => {
            let text = field(target, "json").to_display();
            match crate::json::pretty_print(&text) {
                Ok(s) => Value::Str(s.into()),
                Err(e) => return Err(it.exception(e.class, &e.message)),
            }
        }
        ("getContent", []) => field(target, "content"),
        ("call", [Value::Closure(_)]) => {
            let content = call_value(it, args)?;
            set_content(it, target, content.clone())?;
            content
        }
        ("call", [content]) => {
            set_content(it, target, content.clone())?;
            content.clone()
        }
        ("call", many) => {
            let content = Value::list(many.to_vec());
            set_content(it, target, content.clone())?;
            content
        }
        ("getClass" | "equals" | "hashCode" | "is" | "inspect", _) => return Ok(None),
        (root, _) => {
            let value = call_value(it, args)?;
            let mut entries = IndexMap::new();
            entries.insert(Key::str(root), value);
            let content = Value::map(entries);
            set_content(it, target, content.clone())?;
            content
        }
    }))
}
