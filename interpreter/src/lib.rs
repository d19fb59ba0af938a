//! Groovy 2.4 semantics: values, evaluation, closures, classes and GDK methods (issue #3).
//!
//! Takes the AST from `jenkins-harness-grammar` and never names pest.
//!
//! ```
//! let mut run = jenkins_harness_interpreter::run_script("println 'hi ' + [1, 2].sum()", "WorkflowScript");
//! assert_eq!(run.output, "hi 3\n");
//! assert!(run.error.is_none());
//! ```

#![forbid(unsafe_code)]

pub use jenkins_harness_grammar as grammar;

mod arrays;
mod builtins;
mod call;
mod classes;
mod classes_runtime;
mod collections;
mod convert;
mod display;
mod error;
mod expr;
pub mod format;
mod generics;
mod instance_of;
mod interp;
mod java_order;
pub mod json;
pub mod number;
mod ops;
mod power_assert;
mod property;
mod regex;
mod scope;
mod value;

pub use error::{Eval, Flow};
pub use interp::{Ctx, Host, Interpreter, Limits};
pub use value::{Class, Closure, Key, Object, Value};

/// The stack the interpreter runs on.
const INTERPRETER_STACK: usize = 1024 * 1024 * 1024;

/// The outcome of running a script: what it printed and the exception that ended it.
#[derive(Debug)]
pub struct ScriptRun {
    /// Everything printed.
    pub output: String,
    /// The uncaught exception: its class and message.
    pub error: Option<Thrown>,
}

/// An uncaught exception.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Thrown {
    /// The fully qualified class name.
    pub class: String,
    /// The message (`None` for a null message).
    pub message: Option<String>,
}

/// Parses and runs `source` as a script whose class is `class_name`.
pub fn run_script(source: &str, class_name: &str) -> ScriptRun {
    run_script_with(source, class_name, Limits::default())
}

/// [`run_script`] with explicit evaluation limits.
pub fn run_script_with(source: &str, class_name: &str, limits: Limits) -> ScriptRun {
    let script = match grammar::parse(source) {
        Ok(s) => s,
        Err(errors) => {
            let message = errors
                .iter()
                .map(|e| e.message.clone())
                .collect::<Vec<_>>()
                .join("\n");
            return ScriptRun {
                output: String::new(),
                error: Some(Thrown {
                    class: "org.codehaus.groovy.control.MultipleCompilationErrorsException".into(),
                    message: Some(message),
                }),
            };
        }
    };
    let mut it = Interpreter::new(class_name);
    it.limits = limits;
    // Deep Groovy recursion needs deep Rust recursion: run on a large stack (reserved, and
    // touched only as deep as the script goes); `Limits::max_call_depth` bounds it.
    let result = stacker::grow(INTERPRETER_STACK, || it.run(&script, source));
    let error = match result {
        Ok(_) => None,
        Err(flow) => Some(thrown(&flow)),
    };
    ScriptRun {
        output: std::mem::take(&mut it.output),
        error,
    }
}

/// Describes how a run ended abnormally.
pub fn thrown(flow: &Flow) -> Thrown {
    match flow {
        Flow::Throw(Value::Object(o)) => Thrown {
            class: o.class.name.to_string(),
            message: match o.fields.borrow().get("message") {
                Some(Value::Null) | None => None,
                Some(m) => Some(m.to_display()),
            },
        },
        Flow::Throw(other) => Thrown {
            class: other.class_name().to_string(),
            message: None,
        },
        Flow::Limit(m) => Thrown {
            class: "jenkins.harness.LimitExceeded".into(),
            message: Some(m.clone()),
        },
        Flow::Break(_) | Flow::Continue(_) | Flow::Return(_) => Thrown {
            class: "java.lang.IllegalStateException".into(),
            message: Some("break or continue outside a loop".into()),
        },
    }
}
