//! `parallel`: branches run as threads of their own, with their own trace block, console
//! prefix and context; `failFast` interrupts the others when one fails.

use indexmap::IndexMap;
use jenkins_harness_interpreter::{Closure, Eval, Flow, Interpreter, Key, Value};
use std::rc::Rc;

use crate::host::{Pipeline, StepCall};

/// One branch: its name and block.
pub(crate) struct Branch {
    pub name: String,
    pub body: Rc<Closure>,
}

/// `parallel(a: { ... }, b: { ... }, failFast: true)`.
pub(super) fn parallel(p: &Pipeline, interp: &mut Interpreter, call: &mut StepCall) -> Eval {
    let fail_fast = call.flag("failFast");
    let mut branches = Vec::new();
    for (name, v) in &call.args {
        match v {
            _ if name == "failFast" => {}
            Value::Closure(c) => branches.push(Branch {
                name: name.clone(),
                body: c.clone(),
            }),
            other => {
                return Err(interp.exception(
                    "java.lang.IllegalArgumentException",
                    &format!(
                        "Expected a closure or failFast but found {name}={}",
                        other.to_display()
                    ),
                ));
            }
        }
    }
    p.with(|s| s.trace.set_block(call.id));
    let (outcomes, first_failed) =
        crate::scheduler::run_branches(p, interp, call.id, &branches, fail_fast);
    let mut results: IndexMap<Key, Value> = IndexMap::new();
    let mut failures: Vec<(usize, Value)> = Vec::new();
    for (i, (branch, outcome)) in branches.iter().zip(outcomes).enumerate() {
        match outcome {
            Ok(v) => {
                results.insert(Key::str(&branch.name), v);
            }
            Err(Flow::Throw(e)) => failures.push((i, e)),
            Err(other) => return Err(other),
        }
    }
    if failures.is_empty() {
        return Ok(Value::map(results));
    }
    if fail_fast {
        // The branch that failed first; the others were interrupted because of it.
        if let Some(pos) = failures.iter().position(|(i, _)| Some(*i) == first_failed) {
            return Err(Flow::Throw(failures.swap_remove(pos).1));
        }
    }
    // Generic exceptions first, then AbortException, then FlowInterruptedException.
    failures.sort_by_key(|(_, e)| {
        let class = e.class_name();
        if class.ends_with("FlowInterruptedException") {
            2
        } else if &*class == "hudson.AbortException" {
            1
        } else {
            0
        }
    });
    Err(Flow::Throw(failures.swap_remove(0).1))
}
