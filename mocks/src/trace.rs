//! The call trace: the steps a run called, nested by the blocks that ran them, with the return
//! values that matter. Rendered for snapshots by `Display`, and serialisable as JSON.

use std::fmt;

use serde::Serialize;

/// One call in the trace.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Call {
    /// The step or global called (`sh`, `docker.image`).
    pub name: String,
    /// The arguments as Groovy source (`'make', returnStdout: true`).
    pub args: String,
    /// What the call returned or how it ended, when it matters (`'abc123\n'`,
    /// `approved by 'alice'`, `threw hudson.AbortException: ...`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub result: Option<String>,
    /// Whether the call took a block; its calls are `children`.
    pub block: bool,
    /// Calls made inside the block.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<Call>,
}

/// The calls of a run, in order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Trace {
    /// Top-level calls.
    pub calls: Vec<Call>,
}

impl fmt::Display for Trace {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for call in &self.calls {
            write_call(f, call, 0)?;
        }
        Ok(())
    }
}

fn write_call(f: &mut fmt::Formatter<'_>, call: &Call, depth: usize) -> fmt::Result {
    let indent = "  ".repeat(depth);
    // `node {` rather than `node() {`, as the call is written.
    if call.block && call.args.is_empty() {
        write!(f, "{indent}{}", call.name)?;
    } else {
        write!(f, "{indent}{}({})", call.name, call.args)?;
    }
    if call.block {
        if call.children.is_empty() {
            f.write_str(" {}")?;
        } else {
            f.write_str(" {\n")?;
            for child in &call.children {
                write_call(f, child, depth + 1)?;
            }
            write!(f, "{indent}}}")?;
        }
    }
    if let Some(result) = &call.result {
        write!(f, " => {result}")?;
    }
    f.write_str("\n")
}

/// A trace being recorded: calls in an arena, so that parallel branches can each add to their
/// own open block.
#[derive(Debug, Default)]
pub(crate) struct Recorder {
    nodes: Vec<Node>,
    roots: Vec<usize>,
}

#[derive(Debug)]
struct Node {
    call: Call,
    children: Vec<usize>,
}

/// A call's place in the recorder.
pub(crate) type CallId = usize;

impl Recorder {
    /// Records a call under `parent` (top level when `None`).
    pub(crate) fn open(&mut self, parent: Option<CallId>, name: &str, args: String) -> CallId {
        let id = self.nodes.len();
        self.nodes.push(Node {
            call: Call {
                name: name.to_string(),
                args,
                result: None,
                block: false,
                children: Vec::new(),
            },
            children: Vec::new(),
        });
        match parent.and_then(|p| self.nodes.get_mut(p)) {
            Some(p) => {
                p.children.push(id);
                p.call.block = true;
            }
            None => self.roots.push(id),
        }
        id
    }

    /// Marks a call as taking a block (shown even when the block called nothing).
    pub(crate) fn set_block(&mut self, id: CallId) {
        if let Some(n) = self.nodes.get_mut(id) {
            n.call.block = true;
        }
    }

    /// Sets what the call returned.
    pub(crate) fn set_result(&mut self, id: CallId, result: String) {
        if let Some(n) = self.nodes.get_mut(id) {
            n.call.result = Some(result);
        }
    }

    /// Whether the call already has a result.
    pub(crate) fn has_result(&self, id: CallId) -> bool {
        self.nodes.get(id).is_some_and(|n| n.call.result.is_some())
    }

    /// The finished trace, with `mask` applied to every argument and result.
    pub(crate) fn finish(&self, mask: &dyn Fn(&str) -> String) -> Trace {
        Trace {
            calls: self.roots.iter().map(|&id| self.build(id, mask)).collect(),
        }
    }

    fn build(&self, id: CallId, mask: &dyn Fn(&str) -> String) -> Call {
        let node = &self.nodes[id];
        Call {
            name: node.call.name.clone(),
            args: mask(&node.call.args),
            result: node.call.result.as_deref().map(mask),
            block: node.call.block,
            children: node.children.iter().map(|&c| self.build(c, mask)).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nests_blocks_and_shows_results() {
        let mut r = Recorder::default();
        let node = r.open(None, "node", "'linux'".into());
        r.set_block(node);
        let sh = r.open(Some(node), "sh", "'make'".into());
        r.set_result(sh, "'ok'".into());
        let dir = r.open(Some(node), "dir", "'empty'".into());
        r.set_block(dir);
        let text = r.finish(&|s| s.replace("make", "****")).to_string();
        assert_eq!(
            text,
            "node('linux') {\n  sh('****') => 'ok'\n  dir('empty') {}\n}\n"
        );
    }
}
