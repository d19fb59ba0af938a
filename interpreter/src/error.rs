//! How evaluation stops early: `return`, `break`, `continue`, a thrown exception, or a limit.

use std::rc::Rc;

use crate::value::Value;

/// Why evaluation left the normal path.
#[derive(Debug)]
pub enum Flow {
    /// `return value`.
    Return(Value),
    /// `break [label]`.
    Break(Option<Rc<str>>),
    /// `continue [label]`.
    Continue(Option<Rc<str>>),
    /// A thrown exception object.
    Throw(Value),
    /// A resource limit of the harness was reached; no script code can catch this.
    Limit(String),
}

/// The result of evaluating something.
pub type Eval<T = Value> = Result<T, Flow>;
