//! Jenkins on top of the Groovy interpreter: mocked steps and globals, build results, the
//! console log and the call trace of a scripted pipeline (issue #4).
//!
//! ```
//! use jenkins_harness_mocks::{BuildResult, Harness};
//!
//! let run = Harness::new()
//!     .sh("git rev-parse HEAD", "abc123\n")
//!     .run("node { def rev = sh(script: 'git rev-parse HEAD', returnStdout: true).trim(); echo rev }")
//!     .expect("the script parses");
//! assert_eq!(run.result, BuildResult::Success);
//! assert_eq!(run.log, ["Running on built-in in /var/jenkins_home/workspace/pipeline", "+ git rev-parse HEAD", "abc123", "Finished: SUCCESS"]);
//! ```

#![forbid(unsafe_code)]

pub use jenkins_harness_interpreter as interpreter;

mod clock;
mod globals;
mod harness;
mod host;
mod literal;
mod result;
mod run;
pub mod scenario;
mod scheduler;
mod state;
mod steps;
mod symbols;
mod trace;
mod world;

pub use harness::Harness;
pub use result::BuildResult;
pub use run::{Run, RunError};
pub use scenario::Scenario;
pub use trace::{Call, Trace};
pub use world::{
    BuildInfo, Credential, InputAction, InputAnswer, JobMock, ScmInfo, ShellCall, ShellMatch,
    ShellMock, ShellOutcome, ShellReply, StepClosure, StepMock, World,
};
