//! What a run changes as it goes: console log, trace, build result, environment, workspace,
//! virtual clock, and per-thread context (the open trace block, `withEnv`, `node`, `dir`,
//! timeouts). Parallel branches are threads of their own.

use std::collections::BTreeMap;
use std::rc::Rc;

use indexmap::IndexMap;

use crate::result::BuildResult;
use crate::trace::{CallId, Recorder};
use crate::world::World;

/// The state of one run.
pub(crate) struct State {
    /// The configured world.
    pub world: Rc<World>,
    /// Console lines, unmasked (masking happens when the run is described).
    pub log: Vec<String>,
    /// The trace being recorded.
    pub trace: Recorder,
    /// `currentBuild.result`: `None` until something sets it.
    pub result: Option<BuildResult>,
    /// `currentBuild.displayName` and `description` when set.
    pub display_name: Option<String>,
    /// `currentBuild.description`.
    pub description: Option<String>,
    /// The global environment (`env.X = ...` writes here).
    pub env: IndexMap<String, String>,
    /// Workspace files by path relative to the workspace.
    pub files: BTreeMap<String, String>,
    /// Stashes: name to files.
    pub stashes: IndexMap<String, Vec<(String, String)>>,
    /// Secret values to mask in every output.
    pub secrets: Vec<String>,
    /// How many `input` answers have been used.
    pub inputs_used: usize,
    /// Virtual time in milliseconds since the build started.
    pub clock: u64,
    /// Running threads: 0 is the main one, the others parallel branches.
    pub threads: Vec<Thread>,
    /// The thread running now.
    pub current: usize,
    /// Exceptions already shown on the step that raised them (so that enclosing blocks do not
    /// claim them too).
    pub raised: Vec<jenkins_harness_interpreter::Value>,
    /// Timeouts started so far, to tell their deadlines apart.
    pub timeouts: usize,
    /// Timeouts whose deadline has passed (each says so once).
    pub fired_timeouts: std::collections::HashSet<usize>,
    /// The console prefix of the thread that started each timeout (its lines carry it).
    pub timeout_prefixes: std::collections::HashMap<usize, String>,
    /// Parallel branches alive now (each holds a coroutine stack).
    pub live_branches: usize,
    /// Defaults of the parameters `properties` declared; they fill gaps in `params`.
    pub param_defaults: IndexMap<String, jenkins_harness_interpreter::Value>,
}

/// Where a thread is: its open trace block and the context its blocks set up.
#[derive(Clone, Debug, Default)]
pub(crate) struct Thread {
    /// Open block calls, innermost last.
    pub open: Vec<CallId>,
    /// `withEnv` overrides, innermost last.
    pub env: Vec<(String, String)>,
    /// The node allocated by `node`, if any.
    pub node: Option<NodeContext>,
    /// `dir` paths, innermost last, relative to the workspace.
    pub dirs: Vec<String>,
    /// Running `timeout`s: their id and deadline (virtual ms), innermost last.
    pub deadlines: Vec<(usize, u64)>,
    /// Console prefix (`[branch] ` inside parallel branches).
    pub prefix: String,
    /// Secrets bound by `withCredentials`: variable name and value, innermost last.
    pub bound: Vec<(String, String)>,
    /// Open `stage` calls, innermost last (for stage results).
    pub stages: Vec<CallId>,
    /// An interruption waiting for this thread's next step (parallel `failFast`, a timeout
    /// around the `parallel`).
    pub interrupt: Option<jenkins_harness_interpreter::Value>,
    /// When a waiting branch wants to run again (virtual ms).
    pub wake: u64,
}

/// A node allocated by `node`.
#[derive(Clone, Debug)]
pub(crate) struct NodeContext {
    /// `NODE_NAME`.
    pub name: String,
    /// `NODE_LABELS`.
    pub labels: String,
    /// `WORKSPACE`.
    pub workspace: String,
}

impl State {
    /// A new run in `world`.
    pub(crate) fn new(world: Rc<World>) -> State {
        let mut secrets: Vec<String> = world
            .credentials
            .values()
            .flat_map(|c| c.secrets().into_iter().map(str::to_string))
            .collect();
        // Jenkins masks values of three characters or more, longest first.
        secrets.retain(|s| s.chars().count() >= 3);
        secrets.sort_by_key(|s| std::cmp::Reverse(s.len()));
        let env = crate::globals::default_env(&world);
        let files = world
            .files
            .iter()
            .map(|(k, v)| (crate::steps::files::normalize(k), v.clone()))
            .collect();
        State {
            world,
            log: Vec::new(),
            trace: Recorder::default(),
            result: None,
            display_name: None,
            description: None,
            env,
            files,
            stashes: IndexMap::new(),
            secrets,
            inputs_used: 0,
            clock: 0,
            threads: vec![Thread::default()],
            current: 0,
            raised: Vec::new(),
            timeouts: 0,
            param_defaults: IndexMap::new(),
            live_branches: 0,
            fired_timeouts: std::collections::HashSet::new(),
            timeout_prefixes: std::collections::HashMap::new(),
        }
    }

    /// The running thread.
    pub(crate) fn thread(&mut self) -> &mut Thread {
        let i = self.current.min(self.threads.len() - 1);
        &mut self.threads[i]
    }

    /// Appends console lines (one per line of `text`) with the thread's prefix.
    pub(crate) fn log(&mut self, text: &str) {
        let prefix = self.thread().prefix.clone();
        if text.is_empty() {
            self.log.push(prefix);
            return;
        }
        for line in text.lines() {
            self.log.push(format!("{prefix}{line}"));
        }
    }

    /// Makes the build result worse (never better), as `currentBuild.result =` does.
    pub(crate) fn worsen(&mut self, result: BuildResult) {
        self.result = Some(self.result.map_or(result, |r| r.worst(result)));
    }

    /// An environment variable as the running thread sees it.
    pub(crate) fn env_var(&mut self, name: &str) -> Option<String> {
        let thread = self.thread();
        if let Some((_, v)) = thread.env.iter().rev().find(|(k, _)| k == name) {
            return Some(v.clone());
        }
        let node_var = thread.node.as_ref().and_then(|node| {
            node.vars()
                .into_iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v)
        });
        node_var.or_else(|| self.env.get(name).cloned())
    }

    /// Every variable the running thread sees, in a stable order.
    pub(crate) fn env_all(&mut self) -> IndexMap<String, String> {
        let mut all = self.env.clone();
        let thread = self.thread();
        for (k, v) in thread.node.iter().flat_map(NodeContext::vars) {
            all.insert(k.to_string(), v);
        }
        for (k, v) in &thread.env {
            all.insert(k.clone(), v.clone());
        }
        all
    }
}

impl NodeContext {
    /// The variables `node` sets.
    fn vars(&self) -> [(&'static str, String); 5] {
        [
            ("NODE_NAME", self.name.clone()),
            ("NODE_LABELS", self.labels.clone()),
            ("WORKSPACE", self.workspace.clone()),
            ("WORKSPACE_TMP", format!("{}@tmp", self.workspace)),
            ("EXECUTOR_NUMBER", "0".into()),
        ]
    }
}

/// `text` with every secret (longest first) replaced by `****`.
pub(crate) fn mask(secrets: &[String], text: &str) -> String {
    let mut out = text.to_string();
    for s in secrets {
        if out.contains(s.as_str()) {
            out = out.replace(s.as_str(), "****");
        }
        // A multi-line secret (a key file) is masked line by line too, as Jenkins does.
        if s.contains('\n') {
            for line in s.lines().filter(|l| l.chars().count() >= 3) {
                out = out.replace(line, "****");
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_longest_secret_first() {
        let secrets = vec!["s3cret-long".to_string(), "s3cret".to_string()];
        assert_eq!(mask(&secrets, "a s3cret-long b s3cret"), "a **** b ****");
    }
}
