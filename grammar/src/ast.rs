//! The Groovy AST: every node carries its span.

use crate::span::Span;

/// A whole file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Script {
    /// Top-level statements in source order.
    pub statements: Vec<()>,
    /// The whole file.
    pub span: Span,
}
