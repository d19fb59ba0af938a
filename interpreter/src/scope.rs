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

/// Whether two variable names are the same. Names are short, so comparing bytes in place beats
/// a call to `memcmp`; the same `Rc` (a name looked up where it was declared) needs no look.
fn same_name(declared: &str, wanted: &str) -> bool {
    declared.len() == wanted.len()
        && (std::ptr::eq(declared.as_ptr(), wanted.as_ptr())
            || declared.bytes().zip(wanted.bytes()).all(|(a, b)| a == b))
}

impl Scope {
    /// A scope with no parent: a script's `run()` or a method body.
    pub fn root() -> Rc<Scope> {
        Rc::new(Scope::default())
    }

    /// A scope nested in `parent`.
    pub fn child(parent: &Rc<Scope>) -> Rc<Scope> {
        Scope::child_with_room(parent, 0)
    }

    /// A scope nested in `parent`, with room for `variables` (a closure's parameters)
    /// without growing.
    pub fn child_with_room(parent: &Rc<Scope>, variables: usize) -> Rc<Scope> {
        Rc::new(Scope {
            vars: RefCell::new(Vec::with_capacity(variables)),
            parent: Some(parent.clone()),
        })
    }

    /// Where local `name` lives, searching outwards: its scope and slot, for reading and
    /// writing it without searching again ([`Scope::get_slot`], [`Scope::set_slot`]).
    pub fn lookup(&self, name: &str) -> Option<(&Scope, usize)> {
        let mut scope = Some(self);
        while let Some(s) = scope {
            if let Some(slot) = s
                .vars
                .borrow()
                .iter()
                .rposition(|(n, _)| same_name(n, name))
            {
                return Some((s, slot));
            }
            scope = s.parent.as_deref();
        }
        None
    }

    /// The value in `slot` of this scope.
    pub fn get_slot(&self, slot: usize) -> Value {
        self.vars
            .borrow()
            .get(slot)
            .map_or(Value::Null, |(_, v)| v.clone())
    }

    /// The value of local `name`, searching outwards.
    pub fn get(&self, name: &str) -> Option<Value> {
        self.lookup(name).map(|(scope, slot)| scope.get_slot(slot))
    }

    /// Assigns an existing local `name`; false when there is none.
    pub fn set(&self, name: &str, value: Value) -> bool {
        match self.lookup(name) {
            Some((scope, slot)) => {
                scope.set_slot(slot, value);
                true
            }
            None => false,
        }
    }

    /// Declares `name` in this scope (a redeclaration replaces the value); returns its slot
    /// for [`Scope::set_slot`].
    pub fn declare(&self, name: Rc<str>, value: Value) -> usize {
        let mut vars = self.vars.borrow_mut();
        match vars.iter().position(|(n, _)| same_name(n, &name)) {
            Some(slot) => {
                vars[slot].1 = value;
                slot
            }
            None => {
                vars.push((name, value));
                vars.len() - 1
            }
        }
    }

    /// Forgets all variables of this scope, keeping its room, for reuse as a fresh one.
    pub fn clear(&self) {
        self.vars.borrow_mut().clear();
    }

    /// Assigns the variable in `slot` of this scope, as [`Scope::declare`] returned it.
    pub fn set_slot(&self, slot: usize, value: Value) {
        if let Some(var) = self.vars.borrow_mut().get_mut(slot) {
            var.1 = value;
        }
    }
}
