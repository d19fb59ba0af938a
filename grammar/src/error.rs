//! Syntax errors as data: a primary span with a message, and secondary labelled spans.

use serde::Serialize;

use crate::span::Span;

/// One syntax error, as Groovy would raise it while parsing or building its AST.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SyntaxError {
    /// Where the error is.
    pub span: Span,
    /// What is wrong, in plain words.
    pub message: String,
    /// Other places that explain the error, such as the bracket left open.
    pub labels: Vec<Label>,
}

/// A secondary place named by an error.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Label {
    /// The place.
    pub span: Span,
    /// What it is, e.g. "this '{' is never closed".
    pub message: String,
}

impl SyntaxError {
    /// An error at `span` with no secondary labels.
    pub fn new(span: Span, message: impl Into<String>) -> Self {
        SyntaxError {
            span,
            message: message.into(),
            labels: Vec::new(),
        }
    }

    /// Adds a secondary label.
    #[must_use]
    pub fn with_label(mut self, span: Span, message: impl Into<String>) -> Self {
        self.labels.push(Label {
            span,
            message: message.into(),
        });
        self
    }
}
