//! The Jenkins side of the interpreter's host interface: resolves steps, symbols and globals
//! in Jenkins' order, runs steps with `DSL.parseArgs` binding, and records them in the trace.

use std::cell::RefCell;
use std::rc::Rc;

use indexmap::IndexMap;
use jenkins_harness_interpreter::{Closure, Eval, Flow, Host, Interpreter, Key, Value};

use crate::literal::{self, call_args};
use crate::state::State;
use crate::steps::{self, StepDef};
use crate::trace::CallId;
use crate::world::StepMock;

/// The pipeline host: everything Jenkins adds to a script.
pub(crate) struct Pipeline {
    /// The run's state; never borrowed across a call back into the interpreter.
    pub state: Rc<RefCell<State>>,
}

/// A step call after argument binding.
pub(crate) struct StepCall {
    /// The step's name.
    pub name: String,
    /// Named arguments (a sole unnamed argument is bound to the step's first parameter).
    pub args: IndexMap<String, Value>,
    /// The block, if one was given.
    pub body: Option<Rc<Closure>>,
    /// The call's place in the trace.
    pub id: CallId,
}

impl StepCall {
    /// An argument.
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.args.get(name).filter(|v| !matches!(v, Value::Null))
    }

    /// An argument as text.
    pub fn str(&self, name: &str) -> Option<String> {
        self.get(name).map(Value::to_display)
    }

    /// An argument's Groovy truth (false when absent).
    pub fn flag(&self, name: &str) -> bool {
        self.get(name).is_some_and(Value::truthy)
    }

    /// An argument as a whole number.
    pub fn int(&self, name: &str) -> Option<i64> {
        self.get(name).and_then(|v| match v {
            Value::Num(_) => v.as_i64(),
            other => other.to_display().trim().parse().ok(),
        })
    }
}

impl Pipeline {
    /// Runs `f` with the state borrowed; `f` must not call back into the interpreter.
    pub(crate) fn with<R>(&self, f: impl FnOnce(&mut State) -> R) -> R {
        f(&mut self.state.borrow_mut())
    }

    /// Appends console lines.
    pub(crate) fn log(&self, text: &str) {
        self.with(|s| s.log(text));
    }

    /// Runs a step: binds its arguments, records it, runs its mock or its behaviour.
    pub(crate) fn run_step(&self, interp: &mut Interpreter, def: &StepDef, args: &[Value]) -> Eval {
        self.invoke(interp, def.name, Some(def), args)
    }

    /// Runs step `name`: one from the table (`def`), or one that only a mock defines.
    fn invoke(
        &self,
        interp: &mut Interpreter,
        name: &str,
        def: Option<&StepDef>,
        args: &[Value],
    ) -> Eval {
        // Steps are where CPS threads switch: other parallel branches get their turn, and an
        // interruption (failFast) takes effect.
        let now = self.with(|s| s.clock);
        crate::scheduler::suspend(self, now);
        crate::scheduler::take_interrupt(self)?;
        let (positional, named, body) = split_args(args);
        // Blocks given as named arguments (`parallel`'s branches) show as nested calls.
        let shown_named: IndexMap<String, Value> = named
            .iter()
            .filter(|(_, v)| !matches!(v, Value::Closure(_)))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        let shown = call_args(&positional, &shown_named);
        let id = self.open_call(name, shown);
        if body.is_some() {
            self.with(|s| s.trace.set_block(id));
        }
        let sole = def
            .and_then(|d| d.params.first().copied())
            .unwrap_or("value");
        let bound = match bind(interp, sole, positional, named) {
            Ok(bound) => bound,
            Err(e) => {
                let outcome = Err(e);
                self.close_call(id, &outcome);
                return outcome;
            }
        };
        if let Some(def) = def {
            let unknown: Vec<&str> = bound
                .keys()
                .map(String::as_str)
                .filter(|k| !def.params.contains(k) && !k.starts_with('$'))
                .collect();
            if !unknown.is_empty() && !def.params.is_empty() {
                self.log(&format!(
                    "WARNING: Unknown parameter(s) found for class type '{}': {}",
                    def.class,
                    unknown.join(",")
                ));
            }
        }
        self.warn_interpolated_secrets(name, &bound);
        let mut call = StepCall {
            name: name.to_string(),
            args: bound,
            body,
            id,
        };
        let missing = def.and_then(|d| d.required.iter().find(|r| call.get(r).is_none()));
        let outcome = match missing {
            Some(missing) => Err(interp.exception(
                "java.lang.IllegalArgumentException",
                &steps::missing_parameter(name, missing),
            )),
            None => self.dispatch(interp, def, &mut call),
        };
        self.close_call(id, &outcome);
        outcome
    }

    /// Jenkins warns when a bound secret reached a step's argument through Groovy
    /// interpolation (`sh "curl -u $PASS"` instead of `sh 'curl -u $PASS'`).
    fn warn_interpolated_secrets(&self, step: &str, args: &IndexMap<String, Value>) {
        let texts: Vec<String> = args
            .values()
            .filter(|v| matches!(v, Value::GString(_)))
            .map(Value::to_display)
            .collect();
        if texts.is_empty() {
            return;
        }
        let vars: Vec<String> = self.with(|s| {
            s.thread()
                .bound
                .iter()
                .filter(|(_, secret)| {
                    secret.chars().count() >= 3 && texts.iter().any(|t| t.contains(secret.as_str()))
                })
                .map(|(var, _)| var.clone())
                .collect()
        });
        if !vars.is_empty() {
            self.log(&format!(
                "Warning: A secret was passed to \"{step}\" using Groovy String interpolation, which is insecure.\n\t\t Affected argument(s) used the following variable(s): [{}]\n\t\t See https://jenkins.io/redirect/groovy-string-interpolation for details.",
                vars.join(", ")
            ));
        }
    }

    fn dispatch(
        &self,
        interp: &mut Interpreter,
        def: Option<&StepDef>,
        call: &mut StepCall,
    ) -> Eval {
        let mock = self.with(|s| s.world.steps.get(&call.name).cloned());
        match (mock, def) {
            (Some(StepMock::Returns(v)), _) => {
                self.run_block(interp, call)?;
                let value = literal::from_data(&v);
                steps::after_mock(self, &call.name, &value);
                Ok(value)
            }
            (Some(StepMock::With(f)), _) => match f(&call.args) {
                Ok(v) => Ok(v),
                Err(message) => Err(self.abort(interp, &message)),
            },
            (None, Some(def)) => (def.run)(self, interp, call),
            (None, None) => Ok(Value::Null),
        }
    }

    /// Records a call in the running thread's open block.
    pub(crate) fn open_call(&self, name: &str, args: String) -> CallId {
        self.with(|s| {
            let parent = s.thread().open.last().copied();
            let id = s.trace.open(parent, name, args);
            s.thread().open.push(id);
            id
        })
    }

    /// Closes a call: it is no longer the open block, and a failure it raised itself is shown.
    pub(crate) fn close_call(&self, id: CallId, outcome: &Eval) {
        self.with(|s| {
            if let Some(pos) = s.thread().open.iter().rposition(|&c| c == id) {
                s.thread().open.truncate(pos);
            }
            if let Err(Flow::Throw(e)) = outcome
                && !s.raised.iter().any(|r| r.same(e))
            {
                if !s.trace.has_result(id) {
                    s.trace
                        .set_result(id, format!("threw {}", shorten(&describe_exception(e))));
                }
                s.raised.push(e.clone());
            }
        });
    }

    /// Records a call that is not a step (`docker.image('x').inside`) around `f`.
    pub(crate) fn traced(
        &self,
        interp: &mut Interpreter,
        name: &str,
        args: String,
        f: impl FnOnce(&Pipeline, &mut Interpreter, CallId) -> Eval,
    ) -> Eval {
        let id = self.open_call(name, args);
        let outcome = f(self, interp, id);
        self.close_call(id, &outcome);
        outcome
    }

    /// Sets what a call returned, for the trace.
    pub(crate) fn show_result(&self, id: CallId, result: String) {
        self.with(|s| s.trace.set_result(id, result));
    }

    /// Runs a step's block.
    pub(crate) fn body(&self, interp: &mut Interpreter, body: &Rc<Closure>) -> Eval {
        interp.call_closure(body, Vec::new())
    }

    /// Runs a step's block, if it was given one.
    pub(crate) fn run_block(&self, interp: &mut Interpreter, call: &StepCall) -> Eval {
        match call.body.clone() {
            Some(body) => self.body(interp, &body),
            None => Ok(Value::Null),
        }
    }

    /// `hudson.AbortException(message)`: a clean failure.
    pub(crate) fn abort(&self, interp: &Interpreter, message: &str) -> Flow {
        interp.exception("hudson.AbortException", message)
    }

    /// `FlowInterruptedException(result)` whose message is `cause`.
    pub(crate) fn interrupted(
        &self,
        interp: &Interpreter,
        result: crate::BuildResult,
        cause: &str,
    ) -> Flow {
        let e = interp.exception(
            "org.jenkinsci.plugins.workflow.steps.FlowInterruptedException",
            cause,
        );
        if let Flow::Throw(Value::Object(o)) = &e {
            let mut fields = o.fields.borrow_mut();
            fields.insert("result".into(), literal::string(result.as_str()));
            fields.insert(crate::clock::ACTUAL_FIELD.into(), Value::Bool(true));
            // `getCauses()`: each cause answers `getShortDescription()`.
            let cause = Value::map(
                [(Key::str("shortDescription"), literal::string(cause))]
                    .into_iter()
                    .collect(),
            );
            fields.insert("causes".into(), Value::list(vec![cause]));
        }
        e
    }

    /// Fails a step that needs a workspace when no `node` is allocated.
    pub(crate) fn need_node(&self, interp: &Interpreter) -> Eval<()> {
        if self.with(|s| s.thread().node.is_some()) {
            return Ok(());
        }
        Err(Flow::Throw(interp.exception_of_class(
            "org.jenkinsci.plugins.workflow.steps.MissingContextVariableException",
            "java.lang.Exception",
            "Required context class hudson.FilePath is missing\nPerhaps you forgot to surround the code with a step that provides this, such as: node",
        )))
    }
}

/// The trace shows this much of an exception's description (Jenkins' `No such DSL method`
/// lists every step); the log and the JSON keep it whole.
const TRACE_MESSAGE_CHARS: usize = 200;

fn shorten(text: &str) -> String {
    match text.char_indices().nth(TRACE_MESSAGE_CHARS) {
        Some((cut, _)) => format!("{}...", &text[..cut]),
        None => text.to_string(),
    }
}

/// `class: message` of an exception value.
pub(crate) fn describe_exception(e: &Value) -> String {
    let class = e.class_name();
    match e {
        Value::Object(o) => match o.fields.borrow().get("message") {
            Some(Value::Null) | None => class.to_string(),
            Some(m) => format!("{class}: {}", m.to_display()),
        },
        _ => class.to_string(),
    }
}

/// Splits Groovy call arguments into positional values, named ones and a trailing block.
fn split_args(args: &[Value]) -> (Vec<Value>, IndexMap<String, Value>, Option<Rc<Closure>>) {
    let mut positional: Vec<Value> = args.to_vec();
    let body = match positional.last() {
        Some(Value::Closure(c)) => {
            let c = c.clone();
            positional.pop();
            Some(c)
        }
        _ => None,
    };
    // Groovy passes named arguments as one leading map; a map holding `$class` is a
    // describable given positionally (`checkout([$class: 'GitSCM', ...])`).
    let mut named = IndexMap::new();
    if let Some(Value::Map(m)) = positional.first()
        && positional.len() == 1
        && !m.borrow().contains_key(&Key::str("$class"))
    {
        for (k, v) in m.borrow().iter() {
            named.insert(k.0.to_display(), v.clone());
        }
        positional.clear();
    }
    (positional, named, body)
}

/// `DSL.parseArgs`: a single unnamed argument binds to the step's sole parameter; several
/// unnamed arguments are an error.
fn bind(
    interp: &Interpreter,
    sole: &str,
    positional: Vec<Value>,
    mut named: IndexMap<String, Value>,
) -> Eval<IndexMap<String, Value>> {
    match positional.len() {
        0 => Ok(named),
        1 if named.is_empty() => {
            named.insert(
                sole.to_string(),
                positional.into_iter().next().unwrap_or_default(),
            );
            Ok(named)
        }
        _ => {
            let shown: Vec<String> = positional.iter().map(Value::to_display).collect();
            Err(interp.exception(
                "java.lang.IllegalArgumentException",
                &format!("Expected named arguments but got [{}]", shown.join(", ")),
            ))
        }
    }
}

impl Host for Pipeline {
    fn call(&self, interp: &mut Interpreter, name: &str, args: &[Value]) -> Eval<Option<Value>> {
        if let Some(def) = steps::find(name) {
            return self.run_step(interp, def, args).map(Some);
        }
        // A step this harness does not know, given behaviour by the world's mocks.
        if self.with(|s| s.world.steps.contains_key(name)) {
            return self.invoke(interp, name, None, args).map(Some);
        }
        if let Some(v) = crate::symbols::symbol(interp, name, args) {
            return Ok(Some(v));
        }
        Ok(None)
    }

    fn property(&self, interp: &mut Interpreter, name: &str) -> Eval<Option<Value>> {
        if let Some(v) = crate::globals::global(interp, name) {
            return Ok(Some(v));
        }
        // A bare name that is an environment variable (`BUILD_NUMBER`).
        Ok(self.with(|s| s.env_var(name)).map(|v| literal::string(&v)))
    }

    fn method_missing(
        &self,
        interp: &mut Interpreter,
        name: &str,
        _args: &[Value],
    ) -> Eval<Option<Value>> {
        Err(Flow::Throw(interp.exception_of_class(
            "java.lang.NoSuchMethodError",
            "java.lang.Error",
            &format!(
                "No such DSL method '{name}' found among steps [{}] or symbols [{}] or globals [{}]",
                steps::names().join(", "),
                crate::symbols::NAMES.join(", "),
                crate::globals::NAMES.join(", "),
            ),
        )))
    }

    fn echo(&self, interp: &mut Interpreter, text: &str) -> Eval<bool> {
        let def = steps::find("echo").ok_or_else(|| {
            interp.exception("java.lang.IllegalStateException", "echo is not a step")
        })?;
        self.run_step(interp, def, &[literal::string(text)])?;
        Ok(true)
    }

    fn object_method(
        &self,
        interp: &mut Interpreter,
        target: &Rc<jenkins_harness_interpreter::Object>,
        name: &str,
        args: &[Value],
    ) -> Eval<Option<Value>> {
        crate::globals::method(self, interp, target, name, args)
    }

    fn object_property(
        &self,
        interp: &mut Interpreter,
        target: &Rc<jenkins_harness_interpreter::Object>,
        name: &str,
    ) -> Eval<Option<Value>> {
        crate::globals::property(self, interp, target, name)
    }

    fn set_object_property(
        &self,
        interp: &mut Interpreter,
        target: &Rc<jenkins_harness_interpreter::Object>,
        name: &str,
        value: Value,
    ) -> Eval<bool> {
        crate::globals::set_property(self, interp, target, name, value)
    }
}
