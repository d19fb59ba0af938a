//! jenkins-harness: test Jenkins pipelines and shared libraries without Jenkins.
//!
//! The facade over the workspace: the Groovy grammar, the interpreter and the Jenkins mocks, and
//! the diagnostics that `jenkins-harness lint` prints.

#![forbid(unsafe_code)]

pub mod diagnostic;

pub use diagnostic::{Diagnostic, Severity};
pub use jenkins_harness_grammar as grammar;
pub use jenkins_harness_interpreter as interpreter;
pub use jenkins_harness_mocks as mocks;
pub use mocks::{
    BuildResult, Call, Credential, Harness, InputAction, InputAnswer, Run, RunError, Scenario,
    ShellOutcome, Trace, World,
};
