//! Parallel branches as coroutines on one thread, as CPS runs them in Jenkins: a branch runs
//! until its next step, then the branch that is ready and comes next in turn runs; when all
//! of them wait, virtual time moves to the earliest wake-up. So branches interleave at step
//! boundaries, `failFast` interrupts branches still running (a sleeping one never wakes), and
//! a `timeout` interrupts its block at its deadline.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use generator::Gn;
use jenkins_harness_interpreter::{Closure, Eval, Flow, Interpreter, Value};

use crate::host::Pipeline;
use crate::literal;
use crate::steps::parallel::Branch;

/// Each branch's stack: reserved, and touched only as deep as the branch goes (in words).
const STACK_WORDS: usize = 256 * 1024 * 1024 / std::mem::size_of::<usize>();

/// Branches alive at once in a run; each reserves a stack, so this bounds what a script that
/// builds huge `parallel` maps can reserve (a harness limit, not Jenkins').
pub(crate) const MAX_LIVE_BRANCHES: usize = 1000;

thread_local! {
    /// Branches handed to their coroutine. A coroutine's closure must be `Send`, and the
    /// interpreter is not, so the closure carries only a key into this table.
    static HANDOFF: RefCell<HashMap<u64, (Interpreter, Rc<Closure>)>> = RefCell::default();
    /// How finished branches ended, by key.
    static OUTCOMES: RefCell<HashMap<u64, Eval>> = RefCell::default();
    static NEXT_KEY: Cell<u64> = const { Cell::new(0) };
}

/// A branch being run.
struct Running {
    tid: usize,
    key: u64,
    coroutine: generator::Generator<'static, (), ()>,
    outcome: Option<Eval>,
}

/// Runs `branches` interleaved, under the trace call `parent_call`. Returns each branch's
/// outcome, in order, and which branch failed first.
pub(crate) fn run_branches(
    p: &Pipeline,
    interp: &mut Interpreter,
    parent_call: crate::trace::CallId,
    branches: &[Branch],
    fail_fast: bool,
) -> (Vec<Eval>, Option<usize>) {
    let parent = p.with(|s| s.current);
    let live = p.with(|s| s.live_branches);
    if live + branches.len() > MAX_LIVE_BRANCHES {
        let message = format!(
            "more than {MAX_LIVE_BRANCHES} parallel branches at once; the limit is jenkins-harness's, not Jenkins'"
        );
        let outcomes = branches.iter().map(|_| Err(Flow::Limit(message.clone())));
        return (outcomes.collect(), None);
    }
    p.with(|s| s.live_branches += branches.len());
    let spawned: Result<Vec<Running>, String> = branches
        .iter()
        .map(|b| spawn(p, interp, parent, parent_call, b))
        .collect();
    let mut running = match spawned {
        Ok(running) => running,
        Err(message) => {
            p.with(|s| s.live_branches -= branches.len());
            let outcomes = branches.iter().map(|_| Err(Flow::Limit(message.clone())));
            return (outcomes.collect(), None);
        }
    };
    let mut first_failed = None;
    let mut cursor = 0;
    while running.iter().any(|r| r.outcome.is_none()) {
        let now = p.with(|s| s.clock);
        let ready = (0..running.len())
            .map(|k| (cursor + k) % running.len())
            .find(|&i| {
                running[i].outcome.is_none() && p.with(|s| s.threads[running[i].tid].wake) <= now
            });
        let Some(i) = ready else {
            // Everyone waits: let time pass until the first of them wakes.
            let next = running
                .iter()
                .filter(|r| r.outcome.is_none())
                .map(|r| p.with(|s| s.threads[r.tid].wake))
                .min()
                .unwrap_or(now);
            if let Err(Flow::Throw(e)) = crate::clock::wait(p, interp, next.saturating_sub(now)) {
                // The parallel itself was interrupted (a timeout around it): so is every branch.
                interrupt_all(p, &running, &e);
            }
            continue;
        };
        cursor = i + 1;
        let r = &mut running[i];
        p.with(|s| s.current = r.tid);
        r.coroutine.resume();
        p.with(|s| s.current = parent);
        if !r.coroutine.is_done() {
            continue;
        }
        let outcome = OUTCOMES
            .with(|o| o.borrow_mut().remove(&r.key))
            .unwrap_or(Ok(Value::Null));
        if let Err(Flow::Throw(_)) = &outcome {
            p.log(&format!("Failed in branch {}", branches[i].name));
            if first_failed.is_none() {
                first_failed = Some(i);
                if fail_fast {
                    let cause = format!("Failed in branch {}", branches[i].name);
                    if let Flow::Throw(e) = crate::clock::actual_interruption(p, interp, &cause) {
                        if let Value::Object(o) = &e {
                            o.fields
                                .borrow_mut()
                                .insert(crate::clock::FAIL_FAST_FIELD.into(), Value::Bool(true));
                        }
                        interrupt_all(p, &running, &e);
                    }
                }
            }
        }
        running[i].outcome = Some(outcome);
    }
    p.with(|s| s.live_branches -= branches.len());
    let outcomes = running
        .into_iter()
        .map(|r| r.outcome.unwrap_or(Ok(Value::Null)))
        .collect();
    (outcomes, first_failed)
}

/// Interrupts every unfinished branch at its next step (or now, if it waits).
fn interrupt_all(p: &Pipeline, running: &[Running], e: &Value) {
    p.with(|s| {
        let now = s.clock;
        for r in running.iter().filter(|r| r.outcome.is_none()) {
            let t = &mut s.threads[r.tid];
            t.interrupt = Some(e.clone());
            t.wake = now;
        }
    });
}

fn spawn(
    p: &Pipeline,
    interp: &Interpreter,
    parent: usize,
    parent_call: crate::trace::CallId,
    branch: &Branch,
) -> Result<Running, String> {
    let tid = p.with(|s| {
        let mut thread = s.threads[parent].clone();
        let id = s.trace.open(
            Some(parent_call),
            "branch",
            literal::literal(&literal::string(&branch.name)),
        );
        s.trace.set_block(id);
        thread.open = vec![id];
        thread.prefix = format!("[{}] ", branch.name);
        thread.stages.clear();
        thread.interrupt = None;
        thread.wake = s.clock;
        s.threads.push(thread);
        s.threads.len() - 1
    });
    let key = NEXT_KEY.with(|k| {
        let key = k.get();
        k.set(key + 1);
        key
    });
    HANDOFF.with(|h| {
        h.borrow_mut()
            .insert(key, (interp.fork(), branch.body.clone()))
    });
    // Reserving the stack fails (with a panic inside the crate) when the address space is
    // capped (`ulimit -v`): that becomes a limit error, not a crash.
    let coroutine =
        std::panic::catch_unwind(|| Gn::<()>::new_opt(STACK_WORDS, move || run_branch(key)))
            .map_err(|_| {
                HANDOFF.with(|h| h.borrow_mut().remove(&key));
                "no stack could be reserved for another parallel branch (address space limit?)"
                    .to_string()
            })?;
    Ok(Running {
        tid,
        key,
        coroutine,
        outcome: None,
    })
}

/// The body of a branch's coroutine.
fn run_branch(key: u64) {
    let Some((mut interp, body)) = HANDOFF.with(|h| h.borrow_mut().remove(&key)) else {
        return;
    };
    let outcome = interp.call_closure(&body, Vec::new());
    OUTCOMES.with(|o| o.borrow_mut().insert(key, outcome));
}

/// Gives the other branches their turn: called by a branch at each step and when it waits.
/// Does nothing outside branches.
pub(crate) fn suspend(p: &Pipeline, wake: u64) {
    let in_branch = p.with(|s| {
        let branch = s.current != 0;
        if branch {
            s.thread().wake = wake;
        }
        branch
    });
    if in_branch {
        yield_to_scheduler();
    }
}

#[allow(deprecated)] // The scoped API needs a handle that the interpreter cannot pass down.
fn yield_to_scheduler() {
    generator::yield_with(());
}

/// The interruption waiting for the running thread, if any.
pub(crate) fn take_interrupt(p: &Pipeline) -> Eval<()> {
    match p.with(|s| s.thread().interrupt.take()) {
        Some(e) => Err(Flow::Throw(e)),
        None => Ok(()),
    }
}
