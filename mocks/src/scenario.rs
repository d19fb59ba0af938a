//! Scenario files (TOML, as DESIGN.md specifies): the world a run sees and what a `test`
//! expects of it.

use std::path::{Path, PathBuf};

use indexmap::IndexMap;
use regex::Regex;
use serde::Deserialize;

use crate::result::BuildResult;
use crate::world::{
    BuildInfo, Credential, InputAnswer, JobMock, ScmInfo, ShellMatch, ShellMock, ShellOutcome,
    ShellReply, StepMock, World,
};

/// A parsed scenario file.
#[derive(Clone)]
pub struct Scenario {
    /// The Jenkinsfile it runs, resolved against the scenario's directory.
    pub script: Option<PathBuf>,
    /// The world it describes.
    pub world: World,
    /// What `test` checks.
    pub expect: Expect,
}

/// Checks of a run's outcome.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Expect {
    /// The build result.
    pub result: Option<BuildResult>,
    /// Lines the log must contain, each exactly.
    pub log_contains: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    script: Option<String>,
    #[serde(default)]
    libraries: IndexMap<String, toml::Value>,
    #[serde(default)]
    env: IndexMap<String, toml::Value>,
    #[serde(default)]
    params: IndexMap<String, serde_json::Value>,
    #[serde(default)]
    build: BuildInfo,
    #[serde(default)]
    sh: Vec<Shell>,
    #[serde(default)]
    credentials: IndexMap<String, Credential>,
    #[serde(default)]
    input: Vec<InputAnswer>,
    #[serde(default)]
    files: IndexMap<String, String>,
    #[serde(default)]
    steps: IndexMap<String, Step>,
    #[serde(default)]
    jobs: IndexMap<String, JobMock>,
    #[serde(default)]
    tools: IndexMap<String, String>,
    #[serde(default)]
    scm: ScmInfo,
    #[serde(default)]
    expect: Expect,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Shell {
    script: Option<String>,
    regex: Option<String>,
    #[serde(default)]
    stdout: String,
    #[serde(default)]
    exit: i32,
    #[serde(default)]
    duration: u64,
    /// The class of an exception the step throws instead of exiting.
    exception: Option<String>,
    /// That exception's message.
    #[serde(default)]
    message: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Step {
    returns: serde_json::Value,
}

impl Scenario {
    /// Reads a scenario file.
    ///
    /// # Errors
    /// A message naming the file and, for TOML errors, the line and column.
    pub fn load(path: &Path) -> Result<Scenario, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
        let base = path.parent().unwrap_or(Path::new("."));
        Scenario::parse(&text, base).map_err(|e| format!("{}: {e}", path.display()))
    }

    /// The text of the Jenkinsfile the scenario runs.
    ///
    /// # Errors
    /// When the scenario names no `script`, or it cannot be read.
    pub fn source(&self) -> Result<String, String> {
        let script = self
            .script
            .as_ref()
            .ok_or("the scenario names no `script` to run")?;
        std::fs::read_to_string(script)
            .map_err(|e| format!("{}: cannot read: {e}", script.display()))
    }

    /// Parses scenario text; relative paths are resolved against `base`.
    ///
    /// # Errors
    /// What is wrong with the text, with its line and column.
    pub fn parse(text: &str, base: &Path) -> Result<Scenario, String> {
        let file: File = toml::from_str(text).map_err(|e| {
            let at = e
                .span()
                .map(|span| {
                    let before = &text[..span.start.min(text.len())];
                    let line = before.matches('\n').count() + 1;
                    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
                    format!("{line}:{column}: ")
                })
                .unwrap_or_default();
            format!("{at}{}", e.message())
        })?;
        let mut shell = Vec::new();
        for (i, s) in file.sh.into_iter().enumerate() {
            let matcher = match (s.script, s.regex) {
                (Some(script), None) => ShellMatch::Exact(script),
                (None, Some(re)) => ShellMatch::Regex(
                    Regex::new(&re)
                        .map_err(|e| format!("[[sh]] entry {}: bad regex: {e}", i + 1))?,
                ),
                _ => {
                    return Err(format!(
                        "[[sh]] entry {}: give exactly one of `script` and `regex`",
                        i + 1
                    ));
                }
            };
            shell.push(ShellMock {
                matcher,
                reply: ShellReply::Fixed(ShellOutcome {
                    stdout: s.stdout,
                    exit: s.exit,
                    duration: s.duration,
                    exception: s.exception.map(|class| (class, s.message)),
                }),
            });
        }
        let env = file
            .env
            .into_iter()
            .map(|(k, v)| {
                let text = match v {
                    toml::Value::String(s) => s,
                    other => other.to_string(),
                };
                (k, text)
            })
            .collect();
        let _ = file.libraries;
        let world = World {
            build: file.build,
            env,
            params: file.params,
            credentials: file.credentials,
            files: file.files,
            shell,
            inputs: file.input,
            steps: file
                .steps
                .into_iter()
                .map(|(k, s)| (k, StepMock::Returns(s.returns)))
                .collect(),
            jobs: file.jobs,
            tools: file.tools,
            scm: file.scm,
        };
        Ok(Scenario {
            script: file.script.map(|s| base.join(s)),
            world,
            expect: file.expect,
        })
    }
}
