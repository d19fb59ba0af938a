//! Stack and queue methods: the GDK's `push`/`pop` on any list (at its end), and
//! `java.util.LinkedList`'s `Deque` methods (`addFirst`, `peek`, `poll`...) and
//! `java.util.Stack`'s (`push`, `peek`, `empty`).

use crate::collections::{is_immutable, unsupported};
use crate::error::{Eval, Flow};
use crate::value::{ListRef, Value};

fn no_such_element(message: Option<&str>) -> Flow {
    Flow::Throw(crate::classes::new_exception(
        "java.util.NoSuchElementException",
        message,
    ))
}

/// A stack or queue method of list `target`; `Ok(None)` when it has no such method.
pub(crate) fn method(target: &Value, name: &str, args: &[Value]) -> Eval<Option<Value>> {
    let Value::List(l) = target else {
        return Ok(None);
    };
    let class = crate::collections::tags(target).class;
    let linked = class == Some("java.util.LinkedList");
    let stack = class == Some("java.util.Stack");
    if stack {
        // `java.util.Stack`'s own methods: `push` gives the item, `peek` the top (the end).
        match (name, args) {
            ("push", [x]) => {
                l.borrow_mut().push(x.clone());
                return Ok(Some(x.clone()));
            }
            ("peek", []) => {
                let top = l.borrow().last().cloned();
                return top.map(Some).ok_or_else(|| {
                    Flow::Throw(crate::classes::new_exception(
                        "java.util.EmptyStackException",
                        None,
                    ))
                });
            }
            ("empty", []) => return Ok(Some(Value::Bool(l.borrow().is_empty()))),
            _ => {}
        }
    }
    let known = matches!((name, args), ("pop", []) | ("push", [_]))
        || (linked && deque_method(name, args.len()));
    if !known {
        return Ok(None);
    }
    let read_only =
        matches!(name, "peek" | "peekFirst" | "peekLast" | "element") || name.starts_with("get");
    if !read_only && is_immutable(target) {
        return Err(unsupported());
    }
    Ok(Some(match (name, args) {
        ("pop", []) => {
            pop_back(l).ok_or_else(|| no_such_element(Some("Cannot pop() an empty List")))?
        }
        ("push" | "offer" | "offerLast", [x]) => {
            l.borrow_mut().push(x.clone());
            Value::Bool(true)
        }
        ("addLast", [x]) => {
            l.borrow_mut().push(x.clone());
            Value::Null
        }
        ("addFirst", [x]) => {
            l.borrow_mut().insert(0, x.clone());
            Value::Null
        }
        ("offerFirst", [x]) => {
            l.borrow_mut().insert(0, x.clone());
            Value::Bool(true)
        }
        ("peek" | "peekFirst", []) => l.borrow().first().cloned().unwrap_or_default(),
        ("peekLast", []) => l.borrow().last().cloned().unwrap_or_default(),
        ("getFirst" | "element", []) => l
            .borrow()
            .first()
            .cloned()
            .ok_or_else(|| no_such_element(None))?,
        ("getLast", []) => l
            .borrow()
            .last()
            .cloned()
            .ok_or_else(|| no_such_element(None))?,
        ("poll" | "pollFirst", []) => pop_front(l).unwrap_or_default(),
        ("pollLast", []) => pop_back(l).unwrap_or_default(),
        ("removeFirst", []) => pop_front(l).ok_or_else(|| no_such_element(None))?,
        ("removeLast", []) => pop_back(l).ok_or_else(|| no_such_element(None))?,
        _ => return Ok(None),
    }))
}

/// Whether `LinkedList` has `Deque` method `name` taking `arity` arguments.
fn deque_method(name: &str, arity: usize) -> bool {
    match arity {
        0 => matches!(
            name,
            "peek"
                | "peekFirst"
                | "peekLast"
                | "element"
                | "getFirst"
                | "getLast"
                | "poll"
                | "pollFirst"
                | "pollLast"
                | "removeFirst"
                | "removeLast"
        ),
        1 => matches!(
            name,
            "offer" | "offerLast" | "offerFirst" | "addFirst" | "addLast"
        ),
        _ => false,
    }
}

fn pop_back(l: &ListRef) -> Option<Value> {
    l.borrow_mut().pop()
}

fn pop_front(l: &ListRef) -> Option<Value> {
    let mut list = l.borrow_mut();
    (!list.is_empty()).then(|| list.remove(0))
}
