//! Basic steps: echo, error, node, stage, dir, withEnv, workspace context steps, wrappers that
//! only run their block, and `load`.

use jenkins_harness_interpreter::{Eval, Interpreter, Value};

use crate::host::{Pipeline, StepCall};
use crate::literal;
use crate::state::NodeContext;

/// `echo`: prints the message verbatim.
pub(super) fn echo(p: &Pipeline, _: &mut Interpreter, call: &mut StepCall) -> Eval {
    p.log(&call.str("message").unwrap_or_default());
    Ok(Value::Null)
}

/// `error`: fails with an `AbortException`.
pub(super) fn error(p: &Pipeline, interp: &mut Interpreter, call: &mut StepCall) -> Eval {
    Err(p.abort(interp, &call.str("message").unwrap_or_default()))
}

/// Steps that only run their block (`timestamps`, `ansiColor`, `lock`).
pub(super) fn wrapper(p: &Pipeline, interp: &mut Interpreter, call: &mut StepCall) -> Eval {
    p.run_block(interp, call)
}

/// Steps with nothing to do offline (`milestone`, `properties`).
pub(super) fn nothing(_: &Pipeline, _: &mut Interpreter, _: &mut StepCall) -> Eval {
    Ok(Value::Null)
}

/// `node(label)`: allocates an agent and its workspace for the block.
pub(super) fn node(p: &Pipeline, interp: &mut Interpreter, call: &mut StepCall) -> Eval {
    let label = call.str("label").unwrap_or_default();
    let job = p.with(|s| s.world.build.job_name.replace('/', "_"));
    let context = if label.trim().is_empty() {
        NodeContext {
            name: "built-in".into(),
            labels: "built-in".into(),
            workspace: format!("/var/jenkins_home/workspace/{job}"),
        }
    } else {
        // The agent is named after the label's first word: `node('linux && docker')` runs on
        // `linux-1`.
        let first: String = label
            .chars()
            .take_while(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
            .collect();
        let name = format!("{}-1", if first.is_empty() { "agent" } else { &first });
        NodeContext {
            labels: format!("{name} {}", first).trim().to_string(),
            name,
            workspace: format!("/home/jenkins/workspace/{job}"),
        }
    };
    p.log(&format!(
        "Running on {} in {}",
        context.name, context.workspace
    ));
    let saved = p.with(|s| {
        let t = s.thread();
        let saved = (t.node.clone(), std::mem::take(&mut t.dirs));
        t.node = Some(context);
        saved
    });
    let result = p.run_block(interp, call);
    p.with(|s| {
        let t = s.thread();
        t.node = saved.0;
        t.dirs = saved.1;
    });
    result
}

/// `stage(name)`: runs its block; the trace shows a stage result other than SUCCESS.
pub(super) fn stage(p: &Pipeline, interp: &mut Interpreter, call: &mut StepCall) -> Eval {
    let Some(body) = call.body.clone() else {
        return Ok(Value::Null);
    };
    p.with(|s| s.thread().stages.push(call.id));
    let result = p.body(interp, &body);
    p.with(|s| s.thread().stages.pop());
    result
}

/// `dir(path)`: runs its block in a subdirectory of the workspace.
pub(super) fn dir(p: &Pipeline, interp: &mut Interpreter, call: &mut StepCall) -> Eval {
    p.need_node(interp)?;
    let path = call.str("path").unwrap_or_default();
    let relative = p.with(|s| super::files::resolve(s, &path));
    let absolute = p.with(|s| super::files::absolute(s, &relative));
    p.log(&format!("Running in {absolute}"));
    p.with(|s| s.thread().dirs.push(relative));
    let result = p.run_block(interp, call);
    p.with(|s| s.thread().dirs.pop());
    result
}

/// `withEnv(['K=V', 'PATH+X=/bin'])`: environment overrides for the block.
pub(super) fn with_env(p: &Pipeline, interp: &mut Interpreter, call: &mut StepCall) -> Eval {
    let entries: Vec<String> = match call.get("overrides") {
        Some(Value::List(l)) => l.borrow().iter().map(Value::to_display).collect(),
        Some(other) => vec![other.to_display()],
        None => Vec::new(),
    };
    let mut pairs = Vec::new();
    for entry in entries {
        let Some((key, value)) = entry.split_once('=') else {
            // `EnvStep` throws `new IllegalArgumentException(pair)`.
            return Err(interp.exception("java.lang.IllegalArgumentException", &entry));
        };
        pairs.push((key.to_string(), value.to_string()));
    }
    let depth = p.with(|s| {
        let mut resolved = Vec::new();
        for (key, value) in pairs {
            // `PATH+MAVEN=/opt/maven/bin` prepends to PATH.
            match key.split_once('+') {
                Some((base, _)) => {
                    let old = s.env_var(base).unwrap_or_default();
                    let joined = if old.is_empty() {
                        value
                    } else {
                        format!("{value}:{old}")
                    };
                    resolved.push((base.to_string(), joined));
                }
                None => resolved.push((key, value)),
            }
        }
        let t = s.thread();
        let depth = t.env.len();
        t.env.extend(resolved);
        depth
    });
    let result = p.run_block(interp, call);
    p.with(|s| s.thread().env.truncate(depth));
    result
}

/// `pwd()`: the current directory (`tmp: true` gives the workspace's temporary directory).
pub(super) fn pwd(p: &Pipeline, interp: &mut Interpreter, call: &mut StepCall) -> Eval {
    p.need_node(interp)?;
    let tmp = call.flag("tmp");
    Ok(literal::string(&p.with(|s| {
        let here = super::files::cwd(s);
        let path = super::files::absolute(s, &here);
        if tmp { format!("{path}@tmp") } else { path }
    })))
}

/// `isUnix()`: true (agents are Linux unless a scenario says otherwise).
pub(super) fn is_unix(p: &Pipeline, interp: &mut Interpreter, _: &mut StepCall) -> Eval {
    p.need_node(interp)?;
    Ok(Value::Bool(true))
}

/// `deleteDir()`: removes the current directory and everything in it.
pub(super) fn delete_dir(p: &Pipeline, interp: &mut Interpreter, _: &mut StepCall) -> Eval {
    p.need_node(interp)?;
    p.with(|s| {
        let here = super::files::cwd(s);
        s.files.retain(|path, _| !super::files::inside(path, &here));
    });
    Ok(Value::Null)
}

/// `cleanWs()`: empties the workspace.
pub(super) fn clean_ws(p: &Pipeline, interp: &mut Interpreter, _: &mut StepCall) -> Eval {
    p.need_node(interp)?;
    p.log("[WS-CLEANUP] Deleting project workspace...");
    p.with(|s| s.files.clear());
    p.log("[WS-CLEANUP] done");
    Ok(Value::Null)
}

/// `tool(name, type)`: the home of a tool the world declares; others fail as in Jenkins.
pub(super) fn tool(p: &Pipeline, interp: &mut Interpreter, call: &mut StepCall) -> Eval {
    let name = call.str("name").unwrap_or_default();
    let Some(home) = p.with(|s| s.world.tools.get(&name).cloned()) else {
        let kind = call.str("type").unwrap_or_else(|| "tool".into());
        return Err(p.abort(interp, &format!("No {kind} named {name} found")));
    };
    p.show_result(call.id, literal::literal(&literal::string(&home)));
    Ok(literal::string(&home))
}

/// `properties([...])`: offline there is no job to configure, but the defaults of declared
/// parameters fill the gaps in `params`, as Jenkins' `ParamsVariable` does.
pub(super) fn properties(p: &Pipeline, _: &mut Interpreter, call: &mut StepCall) -> Eval {
    let list: Vec<Value> = match call.get("properties") {
        Some(Value::List(l)) => l.borrow().clone(),
        _ => Vec::new(),
    };
    for property in &list {
        let Some((kind, args)) = crate::symbols::parts(property) else {
            continue;
        };
        if kind != "parameters" {
            continue;
        }
        let Some(Value::List(defs)) = args.get("value") else {
            continue;
        };
        for def in defs.borrow().iter() {
            let Some((param_kind, param_args)) = crate::symbols::parts(def) else {
                continue;
            };
            let Some(name) = param_args.get("name").map(Value::to_display) else {
                continue;
            };
            let value = super::flow::default_value(&param_kind, &param_args);
            p.with(|s| s.param_defaults.insert(name, value));
        }
    }
    Ok(Value::Null)
}

/// `load(path)`: runs a Groovy file from the workspace and returns what it returns.
pub(super) fn load(p: &Pipeline, interp: &mut Interpreter, call: &mut StepCall) -> Eval {
    p.need_node(interp)?;
    let path = call.str("path").unwrap_or_default();
    let source = p.with(|s| {
        let key = super::files::resolve(s, &path);
        s.files.get(&key).cloned()
    });
    let Some(source) = source else {
        return Err(interp.exception(
            "java.nio.file.NoSuchFileException",
            &p.with(|s| {
                let relative = super::files::resolve(s, &path);
                super::files::absolute(s, &relative)
            }),
        ));
    };
    interp.evaluate_script(&source, &path)
}
