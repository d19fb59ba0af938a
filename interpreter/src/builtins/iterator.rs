//! `java.util.Iterator` (`list.iterator()`): an object over a list, with `hasNext`, `next` and
//! `remove`, which changes the list underneath as Java's does.

use std::cell::RefCell;
use std::rc::Rc;

use crate::collections::{int_value, is_immutable, unsupported};
use crate::error::{Eval, Flow};
use crate::interp::Interpreter;
use crate::value::{Class, Object, Value};

/// The class Groovy reports for a list's iterator.
const ITERATOR_CLASS: &str = "java.util.ArrayList$Itr";

fn iterator_class() -> Rc<Class> {
    crate::classes::builtin(ITERATOR_CLASS)
}

/// `x.iterator()`: over list `x` itself, or over a snapshot of another iterable's elements.
pub(crate) fn new_iterator(it: &mut Interpreter, source: &Value) -> Eval {
    let list = match source {
        Value::List(_) => source.clone(),
        other => {
            let values = it.iterate(other)?;
            let snapshot = Value::list(values);
            crate::collections::tag(&snapshot, |t| t.immutable = true);
            snapshot
        }
    };
    let object = Object {
        class: iterator_class(),
        fields: RefCell::default(),
    };
    {
        let mut fields = object.fields.borrow_mut();
        fields.insert("list".into(), list);
        fields.insert("cursor".into(), int_value(0));
        fields.insert("last".into(), int_value(-1));
    }
    Ok(Value::Object(Rc::new(object)))
}

/// Whether `v` is an iterator made by [`new_iterator`].
pub(crate) fn is_iterator(v: &Value) -> bool {
    matches!(v, Value::Object(o) if &*o.class.name == ITERATOR_CLASS)
}

/// The list, next position and last returned position of iterator `o`.
fn state(o: &Object) -> (Value, usize, Option<usize>) {
    let fields = o.fields.borrow();
    let list = fields.get("list").cloned().unwrap_or_default();
    let position = |name: &str| {
        fields
            .get(name)
            .and_then(Value::as_i64)
            .and_then(|n| usize::try_from(n).ok())
    };
    (list, position("cursor").unwrap_or(0), position("last"))
}

fn set_state(o: &Object, cursor: usize, last: Option<usize>) {
    let to_value =
        |n: Option<usize>| int_value(n.and_then(|n| i64::try_from(n).ok()).unwrap_or(-1));
    let mut fields = o.fields.borrow_mut();
    fields.insert("cursor".into(), to_value(Some(cursor)));
    fields.insert("last".into(), to_value(last));
}

fn len(list: &Value) -> usize {
    match list {
        Value::List(l) => l.borrow().len(),
        _ => 0,
    }
}

/// `hasNext()` (also the iterator's Groovy truth).
pub(crate) fn has_next(v: &Value) -> bool {
    match v {
        Value::Object(o) if is_iterator(v) => {
            let (list, cursor, _) = state(o);
            cursor < len(&list)
        }
        _ => false,
    }
}

/// The elements iterator `v` has not returned yet.
pub(crate) fn remaining(v: &Value) -> Option<Vec<Value>> {
    let Value::Object(o) = v else { return None };
    if !is_iterator(v) {
        return None;
    }
    let (list, cursor, _) = state(o);
    let Value::List(l) = &list else {
        return Some(Vec::new());
    };
    let rest = l.borrow().iter().skip(cursor).cloned().collect();
    set_state(o, len(&list), None);
    Some(rest)
}

/// An exception of built-in `class` with a null message.
fn null_message(class: &str) -> Flow {
    Flow::Throw(crate::classes::new_exception(class, None))
}

/// `hasNext()`, `next()` and `remove()` of an iterator.
pub(crate) fn method(
    it: &mut Interpreter,
    target: &Value,
    name: &str,
    args: &[Value],
) -> Eval<Option<Value>> {
    let Value::Object(o) = target else {
        return Ok(None);
    };
    let (list, cursor, last) = state(o);
    let Value::List(l) = &list else {
        return Ok(None);
    };
    Ok(Some(match name {
        "hasNext" => Value::Bool(cursor < l.borrow().len()),
        "next" => {
            let Some(item) = l.borrow().get(cursor).cloned() else {
                return Err(null_message("java.util.NoSuchElementException"));
            };
            set_state(o, cursor + 1, Some(cursor));
            item
        }
        "remove" => {
            if is_immutable(&list) {
                return Err(unsupported());
            }
            let Some(at) = last.filter(|&at| at < l.borrow().len()) else {
                return Err(null_message("java.lang.IllegalStateException"));
            };
            l.borrow_mut().remove(at);
            set_state(o, at, None);
            super::map_views::sync_map(it, &list)?;
            Value::Null
        }
        // Iterator's GDK methods (`toList`, `each`, `collect`...) consume what is left.
        _ if super::is_object_method(name) => return Ok(None),
        _ => {
            let rest = Value::list(remaining(target).unwrap_or_default());
            return super::method(it, &rest, name, args);
        }
    }))
}
