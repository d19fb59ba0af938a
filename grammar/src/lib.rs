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
    // pest and the AST builder recurse as deep as the input nests. A file that may need more
    // stack than the caller has left runs on a new stack large enough for any input the limits
    // let through; the others run where they are called, which saves mapping a new stack (and
    // faulting in its pages) for every file: a fifth of the time on typical files. (stacker
    // measures the room left against the thread's own stack: on a coroutine's stack, mapped
    // below it, it finds none and grows.)
    stacker::maybe_grow(stack_need(scanned.code_bytes(source)), PARSER_STACK, || {
        parser::parse(source, &scanned.grammar_text(source))
    })
}

/// The stack the parser runs on when the caller's is too short (reserved, and touched only as
/// deep as it goes).
const PARSER_STACK: usize = 256 * 1024 * 1024;

/// The most stack parsing `len` bytes of code (outside string text and comments) may take.
/// Measured on the deepest inputs of every kind (nested brackets, `!!!x`, `a = a = ...`,
/// `if (c) if (c) ...`, labels, ternaries, GStrings in GStrings; see the test below): brackets
/// nested as deep as the scan allows take at most 0.7 MiB in release builds and 1.6 MiB in debug
/// builds, other nesting at most 1 KiB per byte of code in release builds and 2.2 KiB in debug
/// builds. Twice that here.
fn stack_need(len: usize) -> usize {
    let (base, per_byte) = if cfg!(debug_assertions) {
        (4 * 1024 * 1024, 4608)
    } else {
        (1536 * 1024, 2048)
    };
    len.saturating_mul(per_byte)
        .saturating_add(base)
        .min(PARSER_STACK)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The deepest inputs of each kind, `n` levels deep (brackets stay under the scan's limit).
    fn deep_inputs(n: usize) -> Vec<String> {
        let b = n.min(scan::MAX_NESTING - 10);
        vec![
            format!("x = {}1\n", "!".repeat(n)),
            format!("x = {}1\n", "- ".repeat(n)),
            format!("x = a{}\n", ".b".repeat(n)),
            format!("{}x = 1\n", "a = ".repeat(n)),
            format!("x = {}1\n", "c ? 1 : ".repeat(n)),
            format!("{}x()\n", "if (c) ".repeat(n)),
            format!("if (c) x()\n{}\n", "else if (c) x()\n".repeat(n)),
            format!("{}x()\n", "l: ".repeat(n)),
            format!("x = {}1{}\n", "(".repeat(b), ")".repeat(b)),
            format!("x = {}1{}\n", "[".repeat(b), "]".repeat(b)),
            format!("x = {}1{}\n", "{ ".repeat(b), " }".repeat(b)),
            format!("{}{}\n", "stage('s') {\n".repeat(b), "}\n".repeat(b)),
            format!("x = \"{}1{}\"\n", "${\"".repeat(b / 2), "\"}".repeat(b / 2)),
        ]
    }

    /// `stack_need` is what decides whether a file is parsed on the caller's stack: parsing the
    /// deepest inputs on a thread with exactly that much stack must not overflow it.
    #[test]
    fn stack_need_covers_the_deepest_inputs() {
        for source in deep_inputs(400) {
            let scanned = scan::scan(&source, None);
            let need = stack_need(scanned.code_bytes(&source));
            let text = scanned.grammar_text(&source).into_owned();
            let parsed = std::thread::Builder::new()
                .stack_size(need)
                .spawn(move || parser::parse(&source, &text).is_ok())
                .expect("thread starts")
                .join();
            assert!(parsed.is_ok(), "{need} bytes of stack were not enough");
        }
    }
}
