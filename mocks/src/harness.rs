//! The Rust API: a `Harness` describes the world (mocks, credentials, files, parameters) and
//! runs Jenkinsfiles in it, giving a [`Run`] to assert on and snapshot.

use std::cell::RefCell;
use std::rc::Rc;

use jenkins_harness_interpreter::grammar::{self, SyntaxError};
use jenkins_harness_interpreter::{Interpreter, Limits, Value};
use regex::Regex;

use crate::host::Pipeline;
use crate::result::BuildResult;
use crate::run::{Run, describe};
use crate::state::State;
use crate::world::{
    Credential, InputAction, InputAnswer, JobMock, ShellCall, ShellMatch, ShellMock, ShellOutcome,
    ShellReply, StepMock, World,
};

/// The stack a pipeline runs on: reserved, and touched only as deep as the script goes.
const PIPELINE_STACK: usize = 1024 * 1024 * 1024;

/// Runs pipelines against a mocked Jenkins. Each `run` starts from the same world.
#[derive(Clone, Default)]
pub struct Harness {
    world: World,
    limits: Limits,
}

impl Harness {
    /// A harness with Jenkins' defaults: build #1 of job `pipeline`, no mocks.
    pub fn new() -> Harness {
        Harness::default()
    }

    /// A harness for a prepared world.
    pub fn with_world(world: World) -> Harness {
        Harness {
            world,
            limits: Limits::default(),
        }
    }

    /// The world, to change anything the builder methods do not cover.
    pub fn world_mut(&mut self) -> &mut World {
        &mut self.world
    }

    /// An environment variable.
    pub fn env(mut self, name: &str, value: &str) -> Harness {
        self.world.env.insert(name.into(), value.into());
        self
    }

    /// A build parameter (`true`, `3`, `"prod"`).
    pub fn param(mut self, name: &str, value: impl Into<serde_json::Value>) -> Harness {
        self.world.params.insert(name.into(), value.into());
        self
    }

    /// A credential.
    pub fn credential(mut self, id: &str, credential: Credential) -> Harness {
        self.world.credentials.insert(id.into(), credential);
        self
    }

    /// A file in the initial workspace.
    pub fn file(mut self, path: &str, content: &str) -> Harness {
        self.world.files.insert(path.into(), content.into());
        self
    }

    /// `sh` (and `bat`, `powershell`, `pwsh`) of exactly `script` prints `stdout`.
    pub fn sh(self, script: &str, stdout: &str) -> Harness {
        self.sh_outcome(
            script,
            ShellOutcome {
                stdout: stdout.into(),
                ..ShellOutcome::default()
            },
        )
    }

    /// Exactly `script` ends as `outcome` (stdout, exit code, virtual duration).
    pub fn sh_outcome(mut self, script: &str, outcome: ShellOutcome) -> Harness {
        self.world.shell.push(ShellMock {
            matcher: ShellMatch::Exact(script.into()),
            reply: ShellReply::Fixed(outcome),
        });
        self
    }

    /// Exactly `script` exits with `exit` (and prints nothing).
    pub fn sh_exit(self, script: &str, exit: i32) -> Harness {
        self.sh_outcome(
            script,
            ShellOutcome {
                exit,
                ..ShellOutcome::default()
            },
        )
    }

    /// Scripts that fully match `pattern` end as `f` says, given the captures.
    pub fn sh_regex(
        mut self,
        pattern: Regex,
        f: impl Fn(&ShellCall) -> ShellOutcome + 'static,
    ) -> Harness {
        self.world.shell.push(ShellMock {
            matcher: ShellMatch::Regex(pattern),
            reply: ShellReply::With(Rc::new(f)),
        });
        self
    }

    /// Every script that no earlier mock answers ends as `f` says.
    pub fn sh_with(mut self, f: impl Fn(&ShellCall) -> ShellOutcome + 'static) -> Harness {
        self.world.shell.push(ShellMock {
            matcher: ShellMatch::Any,
            reply: ShellReply::With(Rc::new(f)),
        });
        self
    }

    /// The next `input` is answered so.
    pub fn input(mut self, answer: InputAnswer) -> Harness {
        self.world.inputs.push(answer);
        self
    }

    /// The next `input` is aborted by `submitter`.
    pub fn abort_input(self, submitter: &str) -> Harness {
        self.input(InputAnswer {
            action: InputAction::Abort,
            submitter: Some(submitter.into()),
            ..InputAnswer::default()
        })
    }

    /// Step `name` returns `value` (objects become maps).
    pub fn step_returns(mut self, name: &str, value: impl Into<serde_json::Value>) -> Harness {
        self.world
            .steps
            .insert(name.into(), StepMock::Returns(value.into()));
        self
    }

    /// Step `name` runs `f` with its named arguments; `Err` fails it with that message.
    pub fn step_with(
        mut self,
        name: &str,
        f: impl Fn(&indexmap::IndexMap<String, Value>) -> Result<Value, String> + 'static,
    ) -> Harness {
        self.world
            .steps
            .insert(name.into(), StepMock::With(Rc::new(f)));
        self
    }

    /// The downstream job `name` (for `build`) ends with `result`.
    pub fn job(mut self, name: &str, result: BuildResult) -> Harness {
        self.world.jobs.insert(
            name.into(),
            JobMock {
                result,
                ..JobMock::default()
            },
        );
        self
    }

    /// The tool `name` (for `tool`) is installed at `home`.
    pub fn tool(mut self, name: &str, home: &str) -> Harness {
        self.world.tools.insert(name.into(), home.into());
        self
    }

    /// The previous build's result.
    pub fn previous_result(mut self, result: BuildResult) -> Harness {
        self.world.build.previous_result = Some(result);
        self
    }

    /// This build's number.
    pub fn build_number(mut self, number: u32) -> Harness {
        self.world.build.number = number;
        self
    }

    /// Evaluation limits (recursion depth, work).
    pub fn limits(mut self, limits: Limits) -> Harness {
        self.limits = limits;
        self
    }

    /// Reads and runs the Jenkinsfile at `path`.
    ///
    /// # Errors
    /// A message naming the file when it cannot be read or has syntax errors (each with its
    /// line and column).
    pub fn run_file(&self, path: impl AsRef<std::path::Path>) -> Result<Run, String> {
        let path = path.as_ref();
        let source = std::fs::read_to_string(path)
            .map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
        self.run(&source).map_err(|errors| {
            let index = grammar::LineIndex::new(&source);
            errors
                .iter()
                .map(|e| {
                    let at = index.line_col(&source, e.span.start as usize);
                    format!(
                        "{}:{}:{}: {}",
                        path.display(),
                        at.line,
                        at.column,
                        e.message
                    )
                })
                .collect::<Vec<_>>()
                .join("\n")
        })
    }

    /// Runs `source` as a Jenkinsfile (script class `WorkflowScript`).
    ///
    /// # Errors
    /// The syntax errors of `source`; nothing runs then.
    pub fn run(&self, source: &str) -> Result<Run, Vec<SyntaxError>> {
        let script = grammar::parse(source)?;
        let state = Rc::new(RefCell::new(State::new(Rc::new(self.world.clone()))));
        let mut interp = Interpreter::new("WorkflowScript");
        interp.limits = self.limits;
        interp.host = Some(Rc::new(Pipeline {
            state: state.clone(),
        }));
        // Deep Groovy recursion needs deep Rust recursion; `Limits` bounds it.
        let outcome = stacker::grow(PIPELINE_STACK, || interp.run(&script, source));
        // The host holds the state too; drop it first so the state is ours alone.
        interp.host = None;
        let run = describe(&mut state.borrow_mut(), outcome);
        Ok(run)
    }
}
