//! Groovy 2.4 syntax, as Jenkins runs it: a pest grammar, an AST with spans, syntax errors.
//!
//! ```
//! let script = jenkins_harness_grammar::parse("node('linux') {\n  sh 'make'\n}\n").unwrap();
//! assert_eq!(script.statements.len(), 1);
//! ```

#![forbid(unsafe_code)]

pub mod ast;
mod dump;
mod error;
mod literal;
mod messages;
mod parser;
mod scan;
mod span;
mod validate;

pub use dump::dump;

pub use error::{Label, SyntaxError};
pub use span::{LineCol, LineIndex, Span};

/// Parses a whole Groovy file (a Jenkinsfile, a `vars/` step, a `src/` class).
///
/// # Errors
/// The syntax errors Groovy 2.4 would report, at least one.
pub fn parse(source: &str) -> Result<ast::Script, Vec<SyntaxError>> {
    // Refuse very deep nesting before pest recurses into it.
    if let Some(scan::Problem::TooDeep { at }) = scan::scan(source, None).problem {
        return Err(vec![SyntaxError::new(
            Span::new(at, at + 1),
            format!(
                "too deeply nested: more than {} brackets are open here",
                scan::MAX_NESTING
            ),
        )]);
    }
    parser::parse(source)
}
