//! The world a run sees: build facts, environment, parameters, credentials, workspace files and
//! the mocked answers of steps. Built by [`crate::Harness`] or read from a scenario file.

use std::rc::Rc;

use indexmap::IndexMap;
use jenkins_harness_interpreter::Value;
use regex::Regex;
use serde::Deserialize;

use crate::result::BuildResult;

/// Everything a pipeline can observe of the outside world. Unset parts have the defaults
/// documented in `mocks/README.md`.
#[derive(Clone, Default)]
pub struct World {
    /// Facts about this build and the job.
    pub build: BuildInfo,
    /// Extra environment variables (values are strings, as in Jenkins).
    pub env: IndexMap<String, String>,
    /// Build parameters, typed (`true`, `3`, `"x"`).
    pub params: IndexMap<String, serde_json::Value>,
    /// Credentials by id.
    pub credentials: IndexMap<String, Credential>,
    /// The initial workspace: path to content.
    pub files: IndexMap<String, String>,
    /// Answers for `sh`, `bat`, `powershell` and `pwsh`; the first match wins.
    pub shell: Vec<ShellMock>,
    /// Answers for `input` steps, used in order.
    pub inputs: Vec<InputAnswer>,
    /// Fixed results or closures for any step, by step name.
    pub steps: IndexMap<String, StepMock>,
    /// Downstream jobs for the `build` step.
    pub jobs: IndexMap<String, JobMock>,
    /// Tool homes for the `tool` step, by tool name.
    pub tools: IndexMap<String, String>,
    /// The job's source control, for `scm`, `checkout` and `git`.
    pub scm: ScmInfo,
}

/// Facts about the build being run.
#[derive(Clone, Debug, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct BuildInfo {
    /// `BUILD_NUMBER`.
    pub number: u32,
    /// The previous build's result; `None` when this is the first build.
    pub previous_result: Option<BuildResult>,
    /// `JOB_NAME`, the full name with folders (`team/app/main`).
    pub job_name: String,
    /// `JENKINS_URL`.
    pub jenkins_url: String,
}

impl Default for BuildInfo {
    fn default() -> Self {
        BuildInfo {
            number: 1,
            previous_result: None,
            job_name: "pipeline".into(),
            jenkins_url: "https://jenkins.example.com/".into(),
        }
    }
}

/// The job's SCM: what `checkout scm` and `git` report.
#[derive(Clone, Debug, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ScmInfo {
    /// Repository URL (`GIT_URL`).
    pub url: String,
    /// Branch checked out (`GIT_BRANCH` is `origin/<branch>`).
    pub branch: String,
    /// Commit checked out (`GIT_COMMIT`).
    pub commit: String,
    /// The commit of the previous build (`GIT_PREVIOUS_COMMIT`).
    pub previous_commit: Option<String>,
    /// The job has no SCM (an inline pipeline script): `checkout scm` fails.
    pub none: bool,
}

impl Default for ScmInfo {
    fn default() -> Self {
        ScmInfo {
            url: "https://git.example.com/team/app.git".into(),
            branch: "main".into(),
            commit: "0123456789abcdef0123456789abcdef01234567".into(),
            previous_commit: None,
            none: false,
        }
    }
}

/// A stored credential.
#[derive(Clone, Debug, Deserialize)]
#[serde(tag = "type", rename_all = "camelCase", deny_unknown_fields)]
pub enum Credential {
    /// Username with password.
    UsernamePassword {
        /// The user name (not secret).
        username: String,
        /// The password.
        password: String,
    },
    /// Secret text.
    String {
        /// The text.
        secret: String,
    },
    /// A secret file.
    File {
        /// The file's content.
        content: String,
        /// The file's name.
        #[serde(default = "default_file_name")]
        file_name: String,
    },
    /// An SSH private key.
    SshUserPrivateKey {
        /// The user name (not secret).
        #[serde(default)]
        username: String,
        /// The key.
        private_key: String,
        /// The key's passphrase.
        #[serde(default)]
        passphrase: String,
    },
    /// A PKCS#12 certificate.
    Certificate {
        /// The keystore content.
        #[serde(default)]
        keystore: String,
        /// The keystore password.
        #[serde(default)]
        password: String,
    },
}

fn default_file_name() -> String {
    "secret.txt".into()
}

impl Credential {
    /// Username with password.
    pub fn username_password(username: &str, password: &str) -> Credential {
        Credential::UsernamePassword {
            username: username.into(),
            password: password.into(),
        }
    }

    /// Secret text.
    pub fn secret_text(secret: &str) -> Credential {
        Credential::String {
            secret: secret.into(),
        }
    }

    /// The values that must never appear unmasked.
    pub fn secrets(&self) -> Vec<&str> {
        match self {
            Credential::UsernamePassword { password, .. } => vec![password],
            Credential::String { secret } => vec![secret],
            Credential::File { content, .. } => vec![content],
            Credential::SshUserPrivateKey {
                private_key,
                passphrase,
                ..
            } => vec![private_key, passphrase],
            Credential::Certificate { keystore, password } => vec![keystore, password],
        }
    }

    /// The type name Jenkins' bindings talk about.
    pub fn type_name(&self) -> &'static str {
        match self {
            Credential::UsernamePassword { .. } => "usernamePassword",
            Credential::String { .. } => "string",
            Credential::File { .. } => "file",
            Credential::SshUserPrivateKey { .. } => "sshUserPrivateKey",
            Credential::Certificate { .. } => "certificate",
        }
    }
}

/// Which shell scripts a [`ShellMock`] answers.
#[derive(Clone, Debug)]
pub enum ShellMatch {
    /// The script text exactly.
    Exact(String),
    /// A full match of the regular expression.
    Regex(Regex),
    /// Every script (a closure decides what each does).
    Any,
}

/// What a shell step does when its mock matches.
#[derive(Clone)]
pub enum ShellReply {
    /// A fixed outcome.
    Fixed(ShellOutcome),
    /// A closure given the script and the regex captures.
    With(Rc<dyn Fn(&ShellCall) -> ShellOutcome>),
}

/// A shell script being run, as a mock closure sees it.
#[derive(Clone, Debug)]
pub struct ShellCall {
    /// `sh`, `bat`, `powershell` or `pwsh`.
    pub step: String,
    /// The script text.
    pub script: String,
    /// Regex captures (`captures[0]` is the whole script); empty for exact matches.
    pub captures: Vec<Option<String>>,
}

/// What a mocked command does.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ShellOutcome {
    /// Its standard output.
    pub stdout: String,
    /// Its exit code.
    pub exit: i32,
    /// How long it takes, in virtual seconds.
    pub duration: u64,
    /// Instead of exiting, the step throws this exception: its class and message (an agent
    /// that went away: `hudson.remoting.ChannelClosedException`).
    pub exception: Option<(String, String)>,
}

/// A mocked shell command.
#[derive(Clone)]
pub struct ShellMock {
    /// Which scripts it answers.
    pub matcher: ShellMatch,
    /// What they do.
    pub reply: ShellReply,
}

impl ShellMock {
    /// The captures when this mock answers `script`.
    pub fn matches(&self, script: &str) -> Option<Vec<Option<String>>> {
        match &self.matcher {
            ShellMatch::Exact(text) => (text == script).then(Vec::new),
            ShellMatch::Any => Some(Vec::new()),
            ShellMatch::Regex(re) => {
                let caps = re.captures(script)?;
                let whole = caps.get(0)?;
                if whole.start() != 0 || whole.end() != script.len() {
                    return None;
                }
                Some(
                    caps.iter()
                        .map(|m| m.map(|m| m.as_str().to_string()))
                        .collect(),
                )
            }
        }
    }
}

/// An answer to an `input` step.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct InputAnswer {
    /// Answers the input with this message (when set).
    pub message: Option<String>,
    /// Answers the input with this id (when set).
    pub id: Option<String>,
    /// Approve or abort.
    pub action: InputAction,
    /// Who answered; `None` gives the default user.
    pub submitter: Option<String>,
    /// Values of the input's parameters.
    pub parameters: IndexMap<String, serde_json::Value>,
    /// Virtual seconds before the answer comes (a `timeout` around the input may end first).
    pub after: u64,
}

/// What the person answering an `input` does.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum InputAction {
    /// Proceed.
    #[default]
    Approve,
    /// Abort the build.
    Abort,
}

/// A Rust closure standing in for a step: given its named arguments, it returns the step's
/// value, or a message to fail with.
pub type StepClosure = Rc<dyn Fn(&IndexMap<String, Value>) -> Result<Value, String>>;

/// A step's mocked behaviour.
#[derive(Clone)]
pub enum StepMock {
    /// Returns this value (converted to Groovy: objects become maps).
    Returns(serde_json::Value),
    /// Calls this closure with the step's named arguments; `Err` fails the step with an
    /// `AbortException` of that message.
    With(StepClosure),
}

/// A downstream job for the `build` step.
#[derive(Clone, Debug, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct JobMock {
    /// The downstream build's result.
    pub result: BuildResult,
    /// The downstream build's number.
    pub number: u32,
}

impl Default for JobMock {
    fn default() -> Self {
        JobMock {
            result: BuildResult::Success,
            number: 1,
        }
    }
}
