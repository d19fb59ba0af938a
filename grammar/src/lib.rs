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
    let scanned = scan::scan(source, None);
    // Refuse very deep nesting before pest recurses into it.
    if let Some(scan::Problem::TooDeep { at }) = scanned.problem {
        return Err(vec![SyntaxError::new(
            Span::new(at, at + 1),
            format!(
                "too deeply nested: more than {} brackets are open here",
                scan::MAX_NESTING
            ),
        )]);
    }
    // pest and the AST builder recurse as deep as the input nests; run them on a stack that
    // is large enough for any input the limits let through.
    stacker::grow(PARSER_STACK, || {
        parser::parse(source, &scanned.blanked(source))
    })
}

/// The stack the parser runs on (reserved, and touched only as deep as it goes).
const PARSER_STACK: usize = 256 * 1024 * 1024;
