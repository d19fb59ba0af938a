//! jenkins-harness: test Jenkins pipelines and shared libraries without Jenkins.
//!
//! The facade over the workspace: the Groovy grammar, the interpreter and the Jenkins mocks.

#![forbid(unsafe_code)]

pub use jenkins_harness_grammar as grammar;
pub use jenkins_harness_interpreter as interpreter;
pub use jenkins_harness_mocks as mocks;
