//! Build results (`SUCCESS` ... `NOT_BUILT`) and how they combine: a result only gets worse.

use serde::{Deserialize, Serialize};

/// A Jenkins build result, ordered from best to worst as `hudson.model.Result` is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum BuildResult {
    /// Everything passed.
    Success,
    /// Tests failed or a step marked the build unstable.
    Unstable,
    /// An error ended the build.
    Failure,
    /// The build did not run.
    NotBuilt,
    /// The build was interrupted (input abort, timeout).
    Aborted,
}

impl BuildResult {
    /// The name Jenkins prints (`SUCCESS`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            BuildResult::Success => "SUCCESS",
            BuildResult::Unstable => "UNSTABLE",
            BuildResult::Failure => "FAILURE",
            BuildResult::NotBuilt => "NOT_BUILT",
            BuildResult::Aborted => "ABORTED",
        }
    }

    /// `Result.fromString`: a known name, anything else is FAILURE.
    pub fn from_name(name: &str) -> BuildResult {
        match name.trim().to_ascii_uppercase().as_str() {
            "SUCCESS" => BuildResult::Success,
            "UNSTABLE" => BuildResult::Unstable,
            "NOT_BUILT" => BuildResult::NotBuilt,
            "ABORTED" => BuildResult::Aborted,
            _ => BuildResult::Failure,
        }
    }

    /// The worse of two results.
    pub fn worst(self, other: BuildResult) -> BuildResult {
        self.max(other)
    }
}

impl std::fmt::Display for BuildResult {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::BuildResult::*;
    use super::*;

    #[test]
    fn results_only_get_worse_in_jenkins_order() {
        assert_eq!(Success.worst(Unstable), Unstable);
        assert_eq!(Failure.worst(Unstable), Failure);
        assert_eq!(Failure.worst(Aborted), Aborted);
        assert_eq!(BuildResult::from_name("bogus"), Failure);
        assert_eq!(BuildResult::from_name("unstable"), Unstable);
    }
}
