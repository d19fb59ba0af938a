//! Symbols: the describables written as calls inside steps' arguments, such as
//! `usernamePassword(...)` in `withCredentials`, `booleanParam(...)` in `properties`, or
//! `developers()` in `emailext`. Each gives a value that remembers its name and arguments.

use std::rc::Rc;

use indexmap::IndexMap;
use jenkins_harness_interpreter::{Interpreter, Key, Object, Value};

use crate::literal::{self, LITERAL_FIELD, call_args};

/// The symbols known, as `No such DSL method` lists them.
pub(crate) const NAMES: &[&str] = &[
    "agent",
    "booleanParam",
    "brokenBuildSuspects",
    "brokenTestsSuspects",
    "buildDiscarder",
    "certificate",
    "choice",
    "cron",
    "culprits",
    "developers",
    "disableConcurrentBuilds",
    "disableResume",
    "durabilityHint",
    "file",
    "githubPush",
    "kubernetesAgent",
    "logRotator",
    "nonresumable",
    "overrideIndexTriggers",
    "preserveStashes",
    "rateLimitBuilds",
    "parameters",
    "password",
    "pipelineTriggers",
    "pollSCM",
    "requestor",
    "sshUserPrivateKey",
    "string",
    "text",
    "upstream",
    "upstreamDevelopers",
    "usernameColonPassword",
    "usernamePassword",
];

const SYMBOL_CLASS: &str = "jenkins.harness.Symbol";

/// The value of calling symbol `name`, or `None` when `name` is not a symbol.
pub(crate) fn symbol(interp: &Interpreter, name: &str, args: &[Value]) -> Option<Value> {
    if !NAMES.contains(&name) {
        return None;
    }
    let mut named = IndexMap::new();
    let mut positional = Vec::new();
    match args {
        [Value::Map(m)] => {
            for (k, v) in m.borrow().iter() {
                named.insert(k.0.to_display(), v.clone());
            }
        }
        other => positional.extend(other.iter().cloned()),
    }
    let shown = format!("{name}({})", call_args(&positional, &named));
    let mut fields: IndexMap<Rc<str>, Value> = IndexMap::new();
    fields.insert(LITERAL_FIELD.into(), literal::string(&shown));
    fields.insert("$symbol".into(), literal::string(name));
    fields.insert(
        "$args".into(),
        Value::map(named.into_iter().map(|(k, v)| (Key::str(&k), v)).collect()),
    );
    fields.insert("$positional".into(), Value::list(positional));
    Some(interp.host_object(SYMBOL_CLASS, fields))
}

/// A symbol value's name and named arguments, when `v` is one.
pub(crate) fn parts(v: &Value) -> Option<(String, IndexMap<String, Value>)> {
    let Value::Object(o) = v else { return None };
    if &*o.class.name != SYMBOL_CLASS {
        return None;
    }
    symbol_parts(o)
}

fn symbol_parts(o: &Object) -> Option<(String, IndexMap<String, Value>)> {
    let fields = o.fields.borrow();
    let name = fields.get("$symbol")?.to_display();
    let mut args = IndexMap::new();
    if let Some(Value::Map(m)) = fields.get("$args") {
        for (k, v) in m.borrow().iter() {
            args.insert(k.0.to_display(), v.clone());
        }
    }
    if let Some(Value::List(l)) = fields.get("$positional")
        && let Some(first) = l.borrow().first()
    {
        args.insert("value".into(), first.clone());
    }
    Some((name, args))
}
