//! Lexical scopes of local variables; closures keep the scope they were created in.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use crate::value::Value;

/// One block's local variables, with the enclosing scope.
#[derive(Debug, Default)]
pub struct Scope {
    vars: RefCell<HashMap<Rc<str>, Value>>,
    parent: Option<Rc<Scope>>,
}

impl Scope {
    /// A scope with no parent: a script's `run()` or a method body.
    pub fn root() -> Rc<Scope> {
        Rc::new(Scope::default())
    }

    /// A scope nested in `parent`.
    pub fn child(parent: &Rc<Scope>) -> Rc<Scope> {
        Rc::new(Scope {
            vars: RefCell::default(),
            parent: Some(parent.clone()),
        })
    }

    /// The value of local `name`, searching outwards.
    pub fn get(&self, name: &str) -> Option<Value> {
        if let Some(v) = self.vars.borrow().get(name) {
            return Some(v.clone());
        }
        self.parent.as_ref().and_then(|p| p.get(name))
    }

    /// Assigns an existing local `name`; false when there is none.
    pub fn set(&self, name: &str, value: Value) -> bool {
        if let Some(slot) = self.vars.borrow_mut().get_mut(name) {
            *slot = value;
            return true;
        }
        self.parent.as_ref().is_some_and(|p| p.set(name, value))
    }

    /// Declares `name` in this scope.
    pub fn declare(&self, name: Rc<str>, value: Value) {
        self.vars.borrow_mut().insert(name, value);
    }
}
