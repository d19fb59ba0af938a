//! Jenkins on top of the Groovy interpreter: steps, globals, trace and Declarative runtime (issue #4).
//!
//! Not written yet: this crate only reserves its place in the workspace.

#![forbid(unsafe_code)]

pub use jenkins_harness_interpreter as interpreter;
