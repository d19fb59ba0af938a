//! Lexical scopes of local variables; closures keep the scope they were created in.

use std::cell::RefCell;
use std::rc::Rc;

use crate::value::Value;

/// One block's local variables, with the enclosing scope.
///
/// A block declares few variables, so a vector searched from the end beats hashing the name.
#[derive(Debug, Default)]
pub struct Scope {
    vars: RefCell<Vec<(Rc<str>, Value)>>,
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
        let mut scope = Some(self);
        while let Some(s) = scope {
            if let Some((_, v)) = s.vars.borrow().iter().rev().find(|(n, _)| &**n == name) {
                return Some(v.clone());
            }
            scope = s.parent.as_deref();
        }
        None
    }

    /// Assigns an existing local `name`; false when there is none.
    pub fn set(&self, name: &str, value: Value) -> bool {
        let mut scope = Some(self);
        while let Some(s) = scope {
            if let Some(slot) = s
                .vars
                .borrow_mut()
                .iter_mut()
                .rev()
                .find(|(n, _)| &**n == name)
            {
                slot.1 = value;
                return true;
            }
            scope = s.parent.as_deref();
        }
        false
    }

    /// Declares `name` in this scope (a redeclaration replaces the value).
    pub fn declare(&self, name: Rc<str>, value: Value) {
        let mut vars = self.vars.borrow_mut();
        match vars.iter_mut().find(|(n, _)| *n == name) {
            Some(slot) => slot.1 = value,
            None => vars.push((name, value)),
        }
    }
}
