//! The interpreter: runs a parsed script, its statements and its methods.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use indexmap::IndexMap;
use jenkins_harness_grammar::ast::{self, Stmt, StmtKind};

use crate::classes;
use crate::error::{Eval, Flow};
use crate::scope::Scope;
use crate::value::{Class, Closure, Object, Value};

/// Methods and names the script itself cannot resolve go to the host (Jenkins steps, globals).
pub trait Host {
    /// An unqualified call the script did not resolve. `Ok(None)`: the host does not know it.
    fn call(&self, interp: &mut Interpreter, name: &str, args: &[Value]) -> Eval<Option<Value>>;
    /// A name the script did not resolve. `Ok(None)`: the host does not know it.
    fn property(&self, interp: &mut Interpreter, name: &str) -> Eval<Option<Value>>;
    /// An unqualified call that nothing resolved, not even the script's built-in methods:
    /// `Ok(None)` gives Groovy's `MissingMethodException`, an error replaces it (Jenkins says
    /// `No such DSL method`).
    fn method_missing(
        &self,
        _interp: &mut Interpreter,
        _name: &str,
        _args: &[Value],
    ) -> Eval<Option<Value>> {
        Ok(None)
    }
    /// What `println`, `print` and `printf` print, one call each. `Ok(false)`: print it to
    /// [`Interpreter::output`] as plain Groovy does.
    fn echo(&self, _interp: &mut Interpreter, _text: &str) -> Eval<bool> {
        Ok(false)
    }
    /// A method of an object made by [`Interpreter::host_object`]. `Ok(None)`: not known,
    /// which gives Groovy's `MissingMethodException`.
    fn object_method(
        &self,
        _interp: &mut Interpreter,
        _target: &Rc<Object>,
        _name: &str,
        _args: &[Value],
    ) -> Eval<Option<Value>> {
        Ok(None)
    }
    /// A property read of a host object. `Ok(None)`: not known.
    fn object_property(
        &self,
        _interp: &mut Interpreter,
        _target: &Rc<Object>,
        _name: &str,
    ) -> Eval<Option<Value>> {
        Ok(None)
    }
    /// A property write to a host object. `Ok(false)`: not known.
    fn set_object_property(
        &self,
        _interp: &mut Interpreter,
        _target: &Rc<Object>,
        _name: &str,
        _value: Value,
    ) -> Eval<bool> {
        Ok(false)
    }
}

/// The superclass that marks objects made by the host (`env`, `currentBuild`, ...).
const HOST_OBJECT: &str = "jenkins.harness.HostObject";

/// Bounds on evaluation, so that no script runs away.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Deepest nesting of calls (method, closure) before a StackOverflowError.
    pub max_call_depth: usize,
    /// Most statements, loop iterations and calls run before the run is stopped.
    pub max_steps: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_call_depth: 1_000,
            max_steps: 200_000_000,
        }
    }
}

/// Where an expression is evaluated: its local scope, `this`, and the closure it is in.
#[derive(Clone)]
pub struct Ctx {
    /// Local variables.
    pub scope: Rc<Scope>,
    /// The script or object whose code this is.
    pub this: Value,
    /// The closure being run, for owner/delegate resolution.
    pub closure: Option<Rc<Closure>>,
}

/// A Groovy interpreter for one script and what it loads.
pub struct Interpreter {
    /// Everything printed (`println`, `print`), as text.
    pub output: String,
    /// The script binding: undeclared assignments and externally given variables.
    pub binding: Rc<RefCell<IndexMap<Rc<str>, Value>>>,
    /// The host for unresolved calls and names.
    pub host: Option<Rc<dyn Host>>,
    /// Evaluation limits.
    pub limits: Limits,
    pub(crate) script_class: Rc<Class>,
    pub(crate) script: Value,
    pub(crate) methods: HashMap<Rc<str>, Vec<Rc<ast::MethodDecl>>>,
    pub(crate) classes: HashMap<Rc<str>, Rc<Class>>,
    pub(crate) depth: usize,
    pub(crate) steps: u64,
    pub(crate) closure_count: usize,
    /// The source of the script being run, for assertion messages.
    pub(crate) source: Rc<str>,
    /// Values of the `assert` condition being evaluated, for its power-assert message.
    pub(crate) recorder: Option<crate::power_assert::Recorder>,
    /// Receivers of the class methods running, innermost last: inside its own class an
    /// object's fields are read and written directly, not through getters and setters.
    pub(crate) receivers: Vec<Value>,
    /// Classes whose constructors are running, innermost last (for `this(...)`/`super(...)`).
    pub(crate) constructing: Vec<Rc<Class>>,
    /// Anonymous classes declared so far (`WorkflowScript$1`, `$2`, ...).
    pub(crate) anonymous_classes: usize,
    /// `Matcher.getLastMatcher()`: the matcher of the last regex `case`.
    pub(crate) last_matcher: Option<Rc<crate::value::Matcher>>,
    /// The name `it`, made once: closures without parameters declare it on every call.
    pub(crate) it_name: Rc<str>,
    /// An empty string, made once: the text between two adjacent GString values.
    pub(crate) empty_text: Rc<str>,
}

impl Interpreter {
    /// An interpreter whose script class is named `class_name` (`WorkflowScript` for a
    /// Jenkinsfile).
    pub fn new(class_name: &str) -> Interpreter {
        let script_class = Rc::new(Class {
            name: class_name.into(),
            parent: Some(classes::builtin("groovy.lang.Script")),
            decl: None,
            statics: RefCell::default(),
        });
        let script = Value::Object(Rc::new(Object {
            class: script_class.clone(),
            fields: RefCell::default(),
        }));
        Interpreter {
            output: String::new(),
            binding: Rc::default(),
            host: None,
            limits: Limits::default(),
            script_class,
            script,
            methods: HashMap::new(),
            classes: HashMap::new(),
            depth: 0,
            steps: 0,
            closure_count: 0,
            source: "".into(),
            recorder: None,
            receivers: Vec::new(),
            constructing: Vec::new(),
            anonymous_classes: 0,
            last_matcher: None,
            it_name: "it".into(),
            empty_text: "".into(),
        }
    }

    /// Runs a parsed script: declares its methods and classes, then runs its statements.
    ///
    /// # Errors
    /// The exception that ended the script, or the limit it reached.
    pub fn run(&mut self, script: &ast::Script, source: &str) -> Eval {
        self.source = source.into();
        self.run_statements(script)
    }

    /// Parses and runs another script in this one's binding, as Jenkins' `load` does: its
    /// methods join this script's, and `return this` gives an object they can be called on.
    ///
    /// # Errors
    /// A `MultipleCompilationErrorsException` for syntax errors, or what the script threw.
    pub fn evaluate_script(&mut self, source: &str, name: &str) -> Eval {
        let script = match jenkins_harness_grammar::parse(source) {
            Ok(s) => s,
            Err(errors) => {
                let index = jenkins_harness_grammar::LineIndex::new(source);
                let lines: Vec<String> = errors
                    .iter()
                    .map(|e| {
                        let at = index.line_col(source, e.span.start as usize);
                        format!(
                            "{name}: {}: {} @ line {}, column {}.",
                            at.line, e.message, at.line, at.column
                        )
                    })
                    .collect();
                return Err(self.exception(
                    "org.codehaus.groovy.control.MultipleCompilationErrorsException",
                    &format!("startup failed:\n{}", lines.join("\n")),
                ));
            }
        };
        // A loaded file may load itself: it counts as a call against the depth limit.
        self.enter()?;
        let saved = std::mem::replace(&mut self.source, source.into());
        let result = self.run_statements(&script);
        self.source = saved;
        self.leave();
        result
    }

    fn run_statements(&mut self, script: &ast::Script) -> Eval {
        for stmt in &script.statements {
            match &stmt.kind {
                StmtKind::Method(m) => {
                    self.methods
                        .entry(m.name.name.clone())
                        .or_default()
                        .push(crate::generics::erase_method(m));
                }
                StmtKind::Class(c) => self.declare_class(&crate::generics::erase_class(c)),
                _ => {}
            }
        }
        let ctx = Ctx {
            scope: Scope::root(),
            this: self.script.clone(),
            closure: None,
        };
        // @Field declarations become fields of the script object.
        let mut last = Value::Null;
        for stmt in &script.statements {
            match self.stmt(stmt, &ctx) {
                Ok(v) => last = v,
                Err(Flow::Return(v)) => return Ok(v),
                Err(Flow::Break(_) | Flow::Continue(_)) => {}
                Err(e) => return Err(e),
            }
        }
        Ok(last)
    }

    fn declare_class(&mut self, decl: &Rc<ast::ClassDecl>) {
        let parent = decl
            .extends
            .first()
            .map(|t| {
                self.class_named(&t.name)
                    .unwrap_or_else(|| classes::builtin("java.lang.Object"))
            })
            .or_else(|| {
                Some(classes::builtin(if decl.kind == ast::ClassKind::Enum {
                    "java.lang.Enum"
                } else {
                    "java.lang.Object"
                }))
            });
        let class = Rc::new(Class {
            name: decl.name.name.clone(),
            parent,
            decl: Some(decl.clone()),
            statics: RefCell::default(),
        });
        self.classes.insert(decl.name.name.clone(), class);
    }

    /// A class by simple or qualified name: declared in the script, or built in.
    pub fn class_named(&self, name: &str) -> Option<Rc<Class>> {
        if let Some(c) = self.classes.get(name) {
            return Some(c.clone());
        }
        classes::lookup(name)
    }

    /// Counts one step of work; stops the run past the limit.
    pub(crate) fn tick(&mut self) -> Eval<()> {
        self.steps += 1;
        if self.steps > self.limits.max_steps {
            return Err(Flow::Limit(format!(
                "the script ran more than {} steps (a runaway loop?); the limit is jenkins-harness's, not Groovy's",
                self.limits.max_steps
            )));
        }
        Ok(())
    }

    /// Enters a method or closure call; a StackOverflowError past the depth limit.
    pub(crate) fn enter(&mut self) -> Eval<()> {
        self.tick()?;
        self.depth += 1;
        if self.depth > self.limits.max_call_depth {
            self.depth -= 1;
            return Err(self.exception(
                "java.lang.StackOverflowError",
                &format!(
                    "calls nested more than {} deep (jenkins-harness's recursion limit)",
                    self.limits.max_call_depth
                ),
            ));
        }
        Ok(())
    }

    pub(crate) fn leave(&mut self) {
        self.depth -= 1;
    }

    /// Groovy truth of `v`: an object of a script class with an `asBoolean()` method decides
    /// for itself; everything else follows [`Value::truthy`].
    pub(crate) fn truth(&mut self, v: &Value) -> Eval<bool> {
        if let Value::Object(o) = v
            && o.class.decl.is_some()
            && self.find_class_method(&o.class, "asBoolean", &[]).is_some()
        {
            let r = self.call_method(v, &Rc::from("asBoolean"), Vec::new())?;
            return Ok(r.truthy());
        }
        Ok(v.truthy())
    }

    /// Prints `text` as `print` does.
    pub fn print(&mut self, text: &str) {
        self.output.push_str(text);
    }

    /// A thrown exception of built-in class `class` with `message`.
    pub fn exception(&self, class: &str, message: &str) -> Flow {
        Flow::Throw(classes::new_exception(class, Some(message)))
    }

    /// An exception of a class the interpreter does not know, under a built-in `parent`
    /// (`org.jenkinsci...CredentialNotFoundException` under `java.io.IOException`).
    pub fn exception_of_class(&self, class: &str, parent: &str, message: &str) -> Value {
        let class = Rc::new(Class {
            name: class.into(),
            parent: classes::lookup(parent)
                .or_else(|| classes::lookup("java.lang.RuntimeException")),
            decl: None,
            statics: RefCell::default(),
        });
        classes::exception_of(class, Value::Str(message.into()), Value::Null)
    }

    /// An object whose methods and properties the host answers (see [`Host::object_method`]),
    /// of class `class` (`org.jenkinsci.plugins.workflow.cps.EnvActionImpl`), holding `fields`
    /// for the host's own use.
    pub fn host_object(&self, class: &str, fields: IndexMap<Rc<str>, Value>) -> Value {
        let class = Rc::new(Class {
            name: class.into(),
            parent: Some(Rc::new(Class {
                name: HOST_OBJECT.into(),
                parent: Some(classes::builtin("java.lang.Object")),
                decl: None,
                statics: RefCell::default(),
            })),
            decl: None,
            statics: RefCell::default(),
        });
        Value::Object(Rc::new(Object {
            class,
            fields: RefCell::new(fields),
        }))
    }

    /// A second interpreter for a parallel branch: it shares the script, its classes and
    /// binding and the host, and has its own call stack.
    pub fn fork(&self) -> Interpreter {
        Interpreter {
            output: String::new(),
            binding: self.binding.clone(),
            host: self.host.clone(),
            limits: self.limits,
            script_class: self.script_class.clone(),
            script: self.script.clone(),
            methods: self.methods.clone(),
            classes: self.classes.clone(),
            depth: self.depth,
            steps: self.steps,
            closure_count: self.closure_count,
            source: self.source.clone(),
            recorder: None,
            receivers: Vec::new(),
            constructing: Vec::new(),
            anonymous_classes: self.anonymous_classes,
            last_matcher: None,
            empty_text: self.empty_text.clone(),
            it_name: self.it_name.clone(),
        }
    }

    /// The JSON document of a value, as `JsonOutput.toJson` sees it.
    ///
    /// # Errors
    /// A value JSON cannot hold.
    pub fn to_json(&mut self, v: &Value) -> Eval<crate::json::Json> {
        crate::builtins::value_to_json(self, v)
    }

    /// Groovy values of a parsed JSON document, objects as `LinkedHashMap`s.
    ///
    /// # Errors
    /// None in practice; building maps goes through the interpreter.
    pub fn from_json(&mut self, json: crate::json::Json) -> Eval {
        crate::builtins::json_to_value(self, json)
    }

    /// The host and object of `v` when it is a host object.
    pub(crate) fn hosted(&self, v: &Value) -> Option<(Rc<dyn Host>, Rc<Object>)> {
        match v {
            Value::Object(o)
                if o.class
                    .parent
                    .as_ref()
                    .is_some_and(|p| &*p.name == HOST_OBJECT) =>
            {
                Some((self.host.clone()?, o.clone()))
            }
            _ => None,
        }
    }

    // -----------------------------------------------------------------------------------------
    // Statements

    pub(crate) fn block(&mut self, stmts: &[Stmt], ctx: &Ctx) -> Eval {
        // A block that declares nothing needs no scope of its own (loop bodies run often).
        if !declares(stmts) {
            return self.statements(stmts, ctx);
        }
        let inner = Ctx {
            scope: Scope::child(&ctx.scope),
            ..ctx.clone()
        };
        self.statements(stmts, &inner)
    }

    /// Runs statements in `ctx`; their value is the last one's.
    #[inline]
    fn statements(&mut self, stmts: &[Stmt], ctx: &Ctx) -> Eval {
        let mut last = Value::Null;
        for s in stmts {
            last = self.stmt(s, ctx)?;
        }
        Ok(last)
    }

    /// A loop's body, as [`Interpreter::nested`] runs it, except that a block declaring
    /// variables reuses the scope of the previous iteration (kept in `spare`) when nothing
    /// else holds it: each iteration still starts with no variables, without an allocation.
    /// A closure that captured the variables keeps that scope to itself.
    fn loop_body(&mut self, body: &Stmt, ctx: &Ctx, spare: &mut Option<Rc<Scope>>) -> Eval {
        let StmtKind::Block(b) = &body.kind else {
            return self.stmt(body, ctx);
        };
        if !declares(&b.statements) {
            return self.statements(&b.statements, ctx);
        }
        let scope = match spare.take() {
            Some(unshared)
                if Rc::strong_count(&unshared) == 1 && Rc::weak_count(&unshared) == 0 =>
            {
                unshared.clear();
                unshared
            }
            _ => Scope::child(&ctx.scope),
        };
        let inner = Ctx {
            scope,
            ..ctx.clone()
        };
        let outcome = self.statements(&b.statements, &inner);
        *spare = Some(inner.scope);
        outcome
    }

    pub(crate) fn stmt(&mut self, stmt: &Stmt, ctx: &Ctx) -> Eval {
        self.tick()?;
        match &stmt.kind {
            StmtKind::Expr(e) => self.expr(e, ctx),
            StmtKind::Var(decl) => {
                let field = decl.modifiers.annotation("Field").is_some();
                // A declaration's value is its last initial value (a closure's `{ def y = 5 }`).
                let mut last = Value::Null;
                for d in &decl.declarators {
                    let mut value = match &d.init {
                        Some(init) => self.expr(init, ctx)?,
                        None => Value::Null,
                    };
                    if let Some(ty) = &decl.ty {
                        value = self.coerce(value, ty)?;
                    }
                    last = value.clone();
                    if field {
                        if let Value::Object(o) = &self.script {
                            o.fields.borrow_mut().insert(d.name.name.clone(), value);
                        }
                    } else {
                        ctx.scope.declare(d.name.name.clone(), value);
                    }
                }
                Ok(last)
            }
            StmtKind::MultiVar(m) => {
                let value = self.expr(&m.value, ctx)?;
                for (i, (_, name)) in m.vars.iter().enumerate() {
                    let v = self.index_value(&value, i)?;
                    ctx.scope.declare(name.name.clone(), v);
                }
                Ok(Value::Null)
            }
            StmtKind::Method(_) | StmtKind::Class(_) | StmtKind::Import(_) | StmtKind::Empty => {
                Ok(Value::Null)
            }
            StmtKind::Block(b) => self.block(&b.statements, ctx),
            StmtKind::If {
                cond,
                then,
                otherwise,
            } => {
                let c = self.expr(cond, ctx)?;
                if self.truth(&c)? {
                    self.nested(then, ctx)
                } else if let Some(o) = otherwise {
                    self.nested(o, ctx)
                } else {
                    Ok(Value::Null)
                }
            }
            StmtKind::While { cond, body } => self.while_loop(cond, body, ctx, None),
            StmtKind::ForIn { .. } | StmtKind::For { .. } => self.for_loop(stmt, ctx, None),
            StmtKind::Switch { subject, cases } => self.switch(subject, cases, ctx),
            StmtKind::Try {
                body,
                catches,
                finally,
            } => self.try_stmt(body, catches, finally.as_ref(), ctx),
            StmtKind::Return(e) => {
                let v = match e {
                    Some(e) => self.expr(e, ctx)?,
                    None => Value::Null,
                };
                Err(Flow::Return(v))
            }
            StmtKind::Throw(e) => {
                let v = self.expr(e, ctx)?;
                match &v {
                    Value::Object(o) if o.class.is_a("java.lang.Throwable") => Err(Flow::Throw(v)),
                    Value::Null => Err(self.exception("java.lang.NullPointerException", "")),
                    other => Err(self.exception(
                        "java.lang.ClassCastException",
                        &format!(
                            "class {} cannot be cast to class java.lang.Throwable",
                            other.class_name()
                        ),
                    )),
                }
            }
            StmtKind::Break(label) => Err(Flow::Break(label.as_ref().map(|l| l.name.clone()))),
            StmtKind::Continue(label) => {
                Err(Flow::Continue(label.as_ref().map(|l| l.name.clone())))
            }
            StmtKind::Assert { cond, message } => self.assert(cond, message.as_ref(), ctx),
            StmtKind::Labeled { label, body } => match self.labelled(body, &label.name, ctx) {
                Err(Flow::Break(Some(l))) if l == label.name => Ok(Value::Null),
                other => other,
            },
            StmtKind::Synchronized { body, .. } => self.block(&body.statements, ctx),
        }
    }

    /// The statement under a label: a loop learns its label, for `continue label`.
    fn labelled(&mut self, body: &Stmt, label: &Rc<str>, ctx: &Ctx) -> Eval {
        match &body.kind {
            StmtKind::While { cond, body } => self.while_loop(cond, body, ctx, Some(label)),
            StmtKind::ForIn { .. } | StmtKind::For { .. } => self.for_loop(body, ctx, Some(label)),
            _ => self.nested(body, ctx),
        }
    }

    /// What a loop does after its body ran: `Ok(true)` to go on, `Ok(false)` to stop.
    #[inline]
    fn loop_step(outcome: Eval, label: Option<&Rc<str>>) -> Eval<bool> {
        match outcome {
            Ok(_) | Err(Flow::Continue(None)) => Ok(true),
            Err(Flow::Continue(Some(l))) if label == Some(&l) => Ok(true),
            Err(Flow::Break(None)) => Ok(false),
            Err(Flow::Break(Some(l))) if label == Some(&l) => Ok(false),
            Err(e) => Err(e),
        }
    }

    fn while_loop(
        &mut self,
        cond: &ast::Expr,
        body: &Stmt,
        ctx: &Ctx,
        label: Option<&Rc<str>>,
    ) -> Eval {
        let mut spare = None;
        loop {
            let c = self.expr(cond, ctx)?;
            if !self.truth(&c)? {
                break;
            }
            self.tick()?;
            let outcome = self.loop_body(body, ctx, &mut spare);
            if !Self::loop_step(outcome, label)? {
                break;
            }
        }
        Ok(Value::Null)
    }

    /// `for (x in xs)` and `for (init; cond; update)`.
    fn for_loop(&mut self, stmt: &Stmt, ctx: &Ctx, label: Option<&Rc<str>>) -> Eval {
        match &stmt.kind {
            StmtKind::ForIn {
                var,
                iterable,
                body,
                ..
            } => {
                let iterable = self.expr(iterable, ctx)?;
                let numbers = match &iterable {
                    Value::Range(r) => crate::collections::range_numbers(r),
                    _ => None,
                };
                match numbers {
                    Some(numbers) => {
                        let items = numbers.map(crate::collections::int_value);
                        self.for_in(&var.name, items, body, ctx, label)
                    }
                    None => {
                        let items = self.iterate(&iterable)?;
                        self.for_in(&var.name, items.into_iter(), body, ctx, label)
                    }
                }
            }
            StmtKind::For {
                init,
                cond,
                update,
                body,
            } => {
                let inner = Ctx {
                    scope: Scope::child(&ctx.scope),
                    ..ctx.clone()
                };
                for s in init {
                    self.stmt(s, &inner)?;
                }
                let mut spare = None;
                loop {
                    if let Some(c) = cond {
                        let v = self.expr(c, &inner)?;
                        if !self.truth(&v)? {
                            break;
                        }
                    }
                    self.tick()?;
                    let outcome = self.loop_body(body, &inner, &mut spare);
                    if !Self::loop_step(outcome, label)? {
                        break;
                    }
                    for u in update {
                        self.expr(u, &inner)?;
                    }
                }
                Ok(Value::Null)
            }
            _ => self.stmt(stmt, ctx),
        }
    }

    /// The iterations of `for (var in ...)`, over the items.
    fn for_in(
        &mut self,
        var: &Rc<str>,
        items: impl Iterator<Item = Value>,
        body: &Stmt,
        ctx: &Ctx,
        label: Option<&Rc<str>>,
    ) -> Eval {
        // One variable for the whole loop, as in Groovy: closures see its last value.
        let inner = Ctx {
            scope: Scope::child(&ctx.scope),
            ..ctx.clone()
        };
        let slot = inner.scope.declare(var.clone(), Value::Null);
        let mut spare = None;
        for item in items {
            inner.scope.set_slot(slot, item);
            self.tick()?;
            let outcome = self.loop_body(body, &inner, &mut spare);
            if !Self::loop_step(outcome, label)? {
                break;
            }
        }
        Ok(Value::Null)
    }

    /// A loop or `if` body: a labelled `break`/`continue` aimed at an enclosing loop passes on.
    fn nested(&mut self, stmt: &Stmt, ctx: &Ctx) -> Eval {
        match &stmt.kind {
            StmtKind::Block(b) => self.block(&b.statements, ctx),
            _ => self.stmt(stmt, ctx),
        }
    }

    fn switch(&mut self, subject: &ast::Expr, cases: &[ast::SwitchCase], ctx: &Ctx) -> Eval {
        let value = self.expr(subject, ctx)?;
        let inner = Ctx {
            scope: Scope::child(&ctx.scope),
            ..ctx.clone()
        };
        let mut matched = false;
        let mut last = Value::Null;
        for case in cases {
            if !matched {
                for label in &case.labels {
                    matched = match label {
                        None => true,
                        Some(l) => {
                            let pattern = self.expr(l, &inner)?;
                            crate::ops::is_case(self, &pattern, &value)?
                        }
                    };
                    if matched {
                        break;
                    }
                }
            }
            if matched {
                for s in &case.body {
                    match self.stmt(s, &inner) {
                        Ok(v) => last = v,
                        // Groovy turns a case's final `break` into `return <previous value>`.
                        Err(Flow::Break(None)) if matches!(s.kind, StmtKind::Break(None)) => {
                            return Ok(last);
                        }
                        Err(Flow::Break(None)) => return Ok(Value::Null),
                        Err(e) => return Err(e),
                    }
                }
            }
        }
        // Running off the end yields a value only from the default case's last statement.
        let ends_in_default = cases
            .last()
            .is_some_and(|c| c.labels.iter().any(Option::is_none));
        Ok(if matched && ends_in_default {
            last
        } else {
            Value::Null
        })
    }

    fn try_stmt(
        &mut self,
        body: &ast::Block,
        catches: &[ast::Catch],
        finally: Option<&ast::Block>,
        ctx: &Ctx,
    ) -> Eval {
        let mut result = self.block(&body.statements, ctx);
        if let Err(Flow::Throw(exception)) = &result {
            let exception = exception.clone();
            let class = match &exception {
                Value::Object(o) => Some(o.class.clone()),
                _ => None,
            };
            for c in catches {
                let caught = c.types.is_empty()
                    && class
                        .as_ref()
                        .is_some_and(|k| k.is_a("java.lang.Exception"))
                    || c.types
                        .iter()
                        .any(|t| class.as_ref().is_some_and(|k| k.is_a(&t.name)));
                if caught {
                    let inner = Ctx {
                        scope: Scope::child(&ctx.scope),
                        ..ctx.clone()
                    };
                    inner.scope.declare(c.var.name.clone(), exception.clone());
                    result = self.block(&c.body.statements, &inner);
                    break;
                }
            }
        }
        if let Some(f) = finally {
            // A `return`/`throw` in finally wins over the body's outcome.
            self.block(&f.statements, ctx)?;
        }
        result
    }

    fn assert(&mut self, cond: &ast::Expr, message: Option<&ast::Expr>, ctx: &Ctx) -> Eval {
        let recorder = crate::power_assert::Recorder {
            depth: self.depth,
            values: Vec::new(),
        };
        let saved = self.recorder.replace(recorder);
        let result = self.expr(cond, ctx);
        let recorded = std::mem::replace(&mut self.recorder, saved).unwrap_or_default();
        let value = result?;
        if self.truth(&value)? {
            return Ok(Value::Null);
        }
        let text = crate::power_assert::render(self, cond, recorded.values);
        match message {
            Some(m) => {
                let msg = self.expr(m, ctx)?;
                let msg = self.to_string_value(&msg)?;
                let detail = crate::power_assert::values_line(self, cond, ctx);
                Err(Flow::Throw(classes::new_exception(
                    "java.lang.AssertionError",
                    Some(&format!(
                        "{msg}. Expression: {}{detail}",
                        crate::power_assert::expression_text(self, cond)
                    )),
                )))
            }
            None => Err(Flow::Throw(classes::new_exception(
                "org.codehaus.groovy.runtime.powerassert.PowerAssertionError",
                Some(&text),
            ))),
        }
    }
}

/// Whether a block declares variables, and so needs a scope of its own.
fn declares(stmts: &[Stmt]) -> bool {
    stmts
        .iter()
        .any(|s| matches!(s.kind, StmtKind::Var(_) | StmtKind::MultiVar(_)))
}

#[cfg(test)]
mod tests {
    use crate::run_script;

    fn output(source: &str) -> String {
        let run = run_script(source, "WorkflowScript");
        assert!(run.error.is_none(), "{source}: {:?}", run.error);
        run.output
    }

    #[test]
    fn loop_bodies_get_fresh_variables_each_iteration() {
        // Closures keep their iteration's variable; the others start over each time.
        let source = "def fs = []\nfor (i in 0..<3) { def x = i * 10; fs << { x } }\n\
                      println fs.collect { it() }\n\
                      def n = 0\nwhile (n < 3) { def y; print y; y = n; n++ }\nprintln ''\n\
                      for (int k = 0; k < 2; k++) { def z = k; def g = { z + 1 }; print g() }";
        assert_eq!(output(source), "[0, 10, 20]\nnullnullnull\n12");
    }

    #[test]
    fn numeric_ranges_iterate_in_either_direction() {
        let source = "for (i in 3..1) print i\nfor (i in 0..<0) print 'x'\n\
                      for (i in 5..<1) print i\nfor (i in -2..<1) print i\nprintln ''";
        assert_eq!(output(source), "3215432-2-10\n");
    }

    #[test]
    fn integer_operators_keep_java_semantics() {
        let source = "def m = Integer.MAX_VALUE\nm += 1\nprintln m\ndef k = Integer.MIN_VALUE\n\
                      k--\nprintln k\nprintln(-7 % 3)\nprintln 7 % -3\ndef s = 0\n\
                      for (i in 0..<10) { s += i % 7 }\nprintln s";
        assert_eq!(output(source), "-2147483648\n2147483647\n-1\n1\n24\n");
        let run = run_script("def a = 5\na %= 0", "WorkflowScript");
        assert_eq!(
            run.error.map(|e| (e.class, e.message)),
            Some((
                "java.lang.ArithmeticException".into(),
                Some("/ by zero".into())
            ))
        );
    }
}
