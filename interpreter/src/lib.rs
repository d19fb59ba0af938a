//! Groovy 2.4 semantics: values, evaluation, closures, classes and GDK methods (issue #3).
//!
//! Not written yet: this crate only reserves its place in the workspace. It will take the AST
//! from `jenkins-harness-grammar` and never name pest.

#![forbid(unsafe_code)]

pub use jenkins_harness_grammar as grammar;
