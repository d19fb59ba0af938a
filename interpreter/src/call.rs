//! Resolving names and calls: locals, closure owner/delegate, script methods and fields, the
//! binding, the host, then methods of the receiver's type.

use std::rc::Rc;

use jenkins_harness_grammar::ast::{self, Access, Arg, Args, Member};

mod overload;

use crate::classes;
use crate::error::{Eval, Flow};
use crate::interp::{Ctx, Interpreter};
use crate::scope::Scope;
use crate::value::{Closure, Key, Object, Value};
pub(crate) use overload::{arg_cast_type, pick_method};

/// Closure.resolveStrategy values.
const OWNER_FIRST: i32 = 0;
const DELEGATE_FIRST: i32 = 1;
const OWNER_ONLY: i32 = 2;
const DELEGATE_ONLY: i32 = 3;

impl Interpreter {
    /// Evaluates call arguments in Groovy's order: named arguments gathered into one map
    /// passed first, then positional ones, spread lists expanded, closures last.
    pub(crate) fn args(&mut self, args: &Args, ctx: &Ctx) -> Eval<Vec<Value>> {
        let mut named = indexmap::IndexMap::new();
        let mut positional = Vec::with_capacity(args.items.len());
        for a in &args.items {
            match a {
                Arg::Positional(e) => positional.push(self.expr(e, ctx)?),
                Arg::Spread(e) => {
                    let v = self.expr(e, ctx)?;
                    positional.extend(self.iterate(&v)?);
                }
                Arg::Named(k, v) => {
                    let key = match k {
                        ast::MapKey::Str(s) => Key(Value::Str(s.name.clone())),
                        ast::MapKey::Expr(e) => Key(self.expr(e, ctx)?),
                    };
                    let value = self.expr(v, ctx)?;
                    named.insert(key, value);
                }
                Arg::SpreadMap(e) => {
                    if let Value::Map(m) = self.expr(e, ctx)? {
                        for (k, v) in m.borrow().iter() {
                            named.insert(k.clone(), v.clone());
                        }
                    }
                }
            }
        }
        if !named.is_empty() {
            positional.insert(0, Value::map(named));
        }
        Ok(positional)
    }

    pub(crate) fn call_expr(
        &mut self,
        object: Option<&ast::Expr>,
        method: &Member,
        args: &Args,
        access: Access,
        ctx: &Ctx,
    ) -> Eval {
        let name = self.member_name(method, ctx)?;
        overload::set_cast_hints(cast_hints(args));
        match object {
            None => {
                let args = self.args(args, ctx)?;
                self.call_unqualified(&name, args, ctx)
            }
            Some(o) => {
                if let ast::ExprKind::Super = o.kind {
                    let args = self.args(args, ctx)?;
                    return self.call_super(&name, args, ctx);
                }
                let target = self.expr(o, ctx)?;
                // `null?.m()` and `null*.m()` are null.
                if matches!(access, Access::Safe | Access::Spread) && matches!(target, Value::Null)
                {
                    return Ok(Value::Null);
                }
                let args = self.args(args, ctx)?;
                if matches!(access, Access::Spread) {
                    let mut out = Vec::new();
                    for item in self.iterate(&target)? {
                        out.push(if matches!(item, Value::Null) {
                            Value::Null
                        } else {
                            self.call_method(&item, &name, args.clone())?
                        });
                    }
                    return Ok(Value::list(out));
                }
                self.call_method(&target, &name, args)
            }
        }
    }

    /// `name(args)` with no receiver.
    pub(crate) fn call_unqualified(&mut self, name: &Rc<str>, args: Vec<Value>, ctx: &Ctx) -> Eval {
        if matches!(&**name, "this" | "super")
            && let Some(v) = self.chained_constructor(name, &args, ctx)?
        {
            return Ok(v);
        }
        // A local variable holding a closure.
        if let Some(v) = ctx.scope.get(name)
            && self.callable(&v, &args)
        {
            return self.call_value(&v, args);
        }
        if let Some(c) = &ctx.closure
            && let Some(result) = self.closure_call(c, name, &args)?
        {
            return Ok(result);
        }
        self.call_on_this(&ctx.this, name, args)
    }

    /// Whether a local variable's value is called by `name(args)`: a closure, or an object
    /// whose class has a `call` method (a `JsonBuilder` has one).
    fn callable(&self, v: &Value, args: &[Value]) -> bool {
        match v {
            Value::Closure(_) => true,
            Value::Object(o) => {
                self.find_class_method(&o.class, "call", args).is_some()
                    || crate::builtins::json_text(v).is_some()
            }
            _ => false,
        }
    }

    /// A call resolved against `this` (script or object), then built-ins, binding and host.
    fn call_on_this(&mut self, this: &Value, name: &Rc<str>, args: Vec<Value>) -> Eval {
        if let Value::Object(o) = this {
            if Rc::ptr_eq(&o.class, &self.script_class) {
                if let Some(m) = self.script_method_checked(name, &args)? {
                    return self.invoke_method(&m, this.clone(), args);
                }
            } else if self.find_class_method(&o.class, name, &args).is_some() {
                return self.call_method(this, name, args);
            }
        }
        if let Some(result) = crate::builtins::global(self, name, &args)? {
            return Ok(result);
        }
        let bound = self.binding.borrow().get(name).cloned();
        if let Some(v @ Value::Closure(_)) = bound {
            return self.call_value(&v, args);
        }
        if let Some(host) = self.host.clone()
            && let Some(v) = host.call(self, name, &args)?
        {
            return Ok(v);
        }
        if let Value::Object(o) = this
            && Rc::ptr_eq(&o.class, &self.script_class)
            && let Some(v) = crate::builtins::method(self, this, name, &args)?
        {
            return Ok(v);
        }
        if let Some(host) = self.host.clone()
            && self.is_script(this)
            && let Some(v) = host.method_missing(self, name, &args)?
        {
            return Ok(v);
        }
        Err(self.missing_method(this, name, &args))
    }

    /// `MissingMethodException` as Groovy words it.
    pub(crate) fn missing_method(&self, receiver: &Value, name: &str, args: &[Value]) -> Flow {
        let class = match receiver {
            Value::Class(c) => format!("static {}", c.name),
            other => other.class_name().to_string(),
        };
        let types: Vec<String> = args.iter().map(|a| a.class_name().to_string()).collect();
        let values: Vec<String> = args.iter().map(Value::to_display).collect();
        let e = classes::new_exception(
            "groovy.lang.MissingMethodException",
            Some(&format!(
                "No signature of method: {class}.{name}() is applicable for argument types: ({}) values: [{}]",
                types.join(", "),
                values.join(", ")
            )),
        );
        crate::classes_runtime::set_missing_method_fields(&e, name, args);
        Flow::Throw(e)
    }

    /// `MissingPropertyException` as Groovy words it.
    pub(crate) fn missing_property(&self, receiver: &Value, name: &str) -> Flow {
        let class = match receiver {
            Value::Class(c) => c.name.to_string(),
            other => other.class_name().to_string(),
        };
        let e = classes::new_exception(
            "groovy.lang.MissingPropertyException",
            Some(&format!("No such property: {name} for class: {class}")),
        );
        if let Value::Object(o) = &e {
            let type_class = match receiver {
                Value::Class(c) => Value::Class(c.clone()),
                Value::Object(r) => Value::Class(r.class.clone()),
                other => self
                    .class_named(&other.class_name())
                    .map_or(Value::Null, Value::Class),
            };
            let mut fields = o.fields.borrow_mut();
            fields.insert("property".into(), Value::Str(name.into()));
            fields.insert("type".into(), type_class);
        }
        Flow::Throw(e)
    }

    /// Reads a bare name.
    #[inline]
    pub(crate) fn name(&mut self, name: &Rc<str>, ctx: &Ctx) -> Eval {
        match ctx.scope.get(name) {
            Some(v) => Ok(v),
            None => self.non_local_name(name, ctx),
        }
    }

    /// Reads a bare name that is not a local variable.
    fn non_local_name(&mut self, name: &Rc<str>, ctx: &Ctx) -> Eval {
        if let Some(c) = &ctx.closure {
            if matches!(
                &**name,
                "owner"
                    | "delegate"
                    | "thisObject"
                    | "resolveStrategy"
                    | "maximumNumberOfParameters"
                    | "parameterTypes"
            ) {
                return self.get_property(&Value::Closure(c.clone()), name, false);
            }
            if let Some(v) = self.closure_property(c, name)? {
                return Ok(v);
            }
        }
        self.name_on_this(&ctx.this, name)
    }

    fn name_on_this(&mut self, this: &Value, name: &Rc<str>) -> Eval {
        if let Value::Class(c) = this
            && let Some(v) = self.static_field(&c.clone(), name)
        {
            return Ok(v);
        }
        if let Value::Object(o) = this {
            if let Some(v) = o.fields.borrow().get(name) {
                return Ok(v.clone());
            }
            if !Rc::ptr_eq(&o.class, &self.script_class) {
                if let Some(v) = self.static_field(&o.class, name) {
                    return Ok(v);
                }
                if let Ok(v) = self.get_property(this, name, false) {
                    return Ok(v);
                }
            }
        }
        if let Some(v) = self.binding.borrow().get(name) {
            return Ok(v.clone());
        }
        if let Some(class) = self.class_named(name) {
            return Ok(Value::Class(class));
        }
        if &**name == "binding" && self.is_script(this) {
            return Ok(crate::classes_runtime::binding_object());
        }
        if let Some(host) = self.host.clone()
            && let Some(v) = host.property(self, name)?
        {
            return Ok(v);
        }
        if let Some(package) = crate::classes_runtime::package_prefix(name) {
            return Ok(package);
        }
        Err(self.missing_property(this, name))
    }

    /// Resolves a name inside a closure by its strategy; `Ok(None)` to fall back to `this`.
    fn closure_property(&mut self, c: &Rc<Closure>, name: &Rc<str>) -> Eval<Option<Value>> {
        let delegate = c.delegate.borrow().clone();
        let strategy = c.resolve_strategy.get();
        let owner_first = matches!(strategy, OWNER_FIRST | OWNER_ONLY);
        let order: &[bool] = match strategy {
            OWNER_ONLY => &[true],
            DELEGATE_ONLY => &[false],
            _ if owner_first => &[true, false],
            _ => &[false, true],
        };
        for &owner in order {
            let target = if owner {
                c.owner.clone()
            } else {
                delegate.clone()
            };
            if owner && target.same(&c.this) {
                // The owner is the script/object: resolved by the caller afterwards, unless
                // the delegate comes next.
                if order.len() == 2 && !owner_first {
                    continue;
                }
                if let Ok(v) = self.name_on_this(&target, name) {
                    return Ok(Some(v));
                }
                continue;
            }
            if let Some(v) = self.lookup_in(&target, name)? {
                return Ok(Some(v));
            }
        }
        if strategy == DELEGATE_ONLY {
            return Err(self.missing_property(&delegate, name));
        }
        Ok(None)
    }

    /// A property of a delegate or owner, if it has one (maps have every key).
    fn lookup_in(&mut self, target: &Value, name: &Rc<str>) -> Eval<Option<Value>> {
        match target {
            Value::Null => Ok(None),
            Value::Map(m) => Ok(Some(
                m.borrow()
                    .get(&Key::str(name))
                    .cloned()
                    .unwrap_or(Value::Null),
            )),
            Value::Closure(c) => {
                let c = c.clone();
                if let Some(v) = c.scope.get(name) {
                    return Ok(Some(v));
                }
                self.closure_property(&c, name)
            }
            other => match self.get_property(other, name, false) {
                Ok(v) => Ok(Some(v)),
                Err(Flow::Throw(_)) => Ok(None),
                Err(e) => Err(e),
            },
        }
    }

    /// Assigns a name inside a closure through its delegate (the config DSL); false if not.
    pub(crate) fn closure_assign(
        &mut self,
        c: &Rc<Closure>,
        name: &Rc<str>,
        v: &Value,
    ) -> Eval<bool> {
        let strategy = c.resolve_strategy.get();
        if matches!(strategy, DELEGATE_FIRST | DELEGATE_ONLY) {
            let delegate = c.delegate.borrow().clone();
            match &delegate {
                Value::Map(m) => {
                    m.borrow_mut().insert(Key::str(name), v.clone());
                    return Ok(true);
                }
                Value::Object(o) if !o.class.is_a("groovy.lang.Script") => {
                    self.set_property(&delegate, name, v.clone(), false)?;
                    return Ok(true);
                }
                _ => {}
            }
        }
        if let Value::Closure(outer) = &c.owner {
            let outer = outer.clone();
            if outer.scope.set(name, v.clone()) {
                return Ok(true);
            }
            return self.closure_assign(&outer, name, v);
        }
        Ok(false)
    }

    /// Resolves a call inside a closure by its strategy; `Ok(None)` to fall back to `this`.
    fn closure_call(
        &mut self,
        c: &Rc<Closure>,
        name: &Rc<str>,
        args: &[Value],
    ) -> Eval<Option<Value>> {
        let strategy = c.resolve_strategy.get();
        if matches!(strategy, DELEGATE_FIRST | DELEGATE_ONLY) {
            let delegate = c.delegate.borrow().clone();
            if let Some(v) = self.try_call_on(&delegate, name, args)? {
                return Ok(Some(v));
            }
            if strategy == DELEGATE_ONLY {
                return Err(self.missing_method(&Value::Closure(c.clone()), name, args));
            }
        }
        if let Value::Closure(outer) = &c.owner {
            let outer = outer.clone();
            if let Some(v) = outer.scope.get(name)
                && matches!(v, Value::Closure(_))
            {
                return Ok(Some(self.call_value(&v, args.to_vec())?));
            }
            if let Some(v) = self.closure_call(&outer, name, args)? {
                return Ok(Some(v));
            }
        }
        if strategy == OWNER_FIRST {
            let delegate = c.delegate.borrow().clone();
            if !delegate.same(&c.owner) && !delegate.same(&c.this) {
                // Owner first: the script/object, then the delegate.
                if self.responds(&c.this, name, args) {
                    return Ok(None);
                }
                if let Some(v) = self.try_call_on(&delegate, name, args)? {
                    return Ok(Some(v));
                }
            }
        }
        Ok(None)
    }

    /// Whether `this` has a method `name` for `args` (script methods or class methods).
    fn responds(&self, this: &Value, name: &str, args: &[Value]) -> bool {
        match this {
            Value::Object(o) if Rc::ptr_eq(&o.class, &self.script_class) => {
                self.find_script_method(name, args).is_some()
            }
            Value::Object(o) => self.find_class_method(&o.class, name, args).is_some(),
            _ => false,
        }
    }

    /// Calls `name` on `target` if it has such a method; `Ok(None)` if it does not.
    fn try_call_on(
        &mut self,
        target: &Value,
        name: &Rc<str>,
        args: &[Value],
    ) -> Eval<Option<Value>> {
        match target {
            Value::Null => Ok(None),
            Value::Map(m) => {
                let held = m.borrow().get(&Key::str(name)).cloned();
                match held {
                    Some(v @ Value::Closure(_)) => Ok(Some(self.call_value(&v, args.to_vec())?)),
                    _ => match crate::builtins::method(self, target, name, args)? {
                        Some(v) => Ok(Some(v)),
                        None => Ok(None),
                    },
                }
            }
            Value::Object(o) if Rc::ptr_eq(&o.class, &self.script_class) => {
                if let Some(m) = self.find_script_method(name, args) {
                    return Ok(Some(self.invoke_method(
                        &m,
                        target.clone(),
                        args.to_vec(),
                    )?));
                }
                Ok(None)
            }
            other => match self.call_method(other, name, args.to_vec()) {
                Ok(v) => Ok(Some(v)),
                Err(Flow::Throw(e)) if is_missing_method_for(&e, name) => Ok(None),
                Err(e) => Err(e),
            },
        }
    }

    /// Calls a method on a value: its class's methods, then the GDK.
    pub fn call_method(&mut self, target: &Value, name: &Rc<str>, args: Vec<Value>) -> Eval {
        match target {
            Value::Null => {
                if let Some(v) = crate::builtins::null_method(self, name, &args)? {
                    return Ok(v);
                }
                Err(self.exception(
                    "java.lang.NullPointerException",
                    &format!("Cannot invoke method {name}() on null object"),
                ))
            }
            Value::Object(o) if Rc::ptr_eq(&o.class, &self.script_class) => {
                if let Some(m) = self.script_method_checked(name, &args)? {
                    return self.invoke_method(&m, target.clone(), args);
                }
                self.call_on_this(target, name, args)
            }
            Value::Object(_) if self.hosted(target).is_some() => {
                if let Some((host, o)) = self.hosted(target)
                    && let Some(v) = host.object_method(self, &o, name, &args)?
                {
                    return Ok(v);
                }
                if let Some(v) = crate::builtins::method(self, target, name, &args)? {
                    return Ok(v);
                }
                Err(self.missing_method(target, name, &args))
            }
            Value::Object(o) => {
                if let Some((m, class)) = self.find_class_method(&o.class, name, &args) {
                    let _ = class;
                    return self.invoke_method(&m, target.clone(), args);
                }
                // A property holding a closure is called.
                if let Some(v @ Value::Closure(_)) = o.fields.borrow().get(name).cloned() {
                    return self.call_value(&v, args);
                }
                if let Some(v) = self.object_builtin_method(target, name, &args)? {
                    return Ok(v);
                }
                if let Some(v) = crate::builtins::method(self, target, name, &args)? {
                    return Ok(v);
                }
                if let Some((m, _)) =
                    self.find_class_method(&o.class, "invokeMethod", &[Value::Null, Value::Null])
                {
                    let list = Value::list(args);
                    return self.invoke_method(
                        &m,
                        target.clone(),
                        vec![Value::Str(name.clone()), list],
                    );
                }
                if let Some((m, _)) =
                    self.find_class_method(&o.class, "methodMissing", &[Value::Null, Value::Null])
                {
                    let list = Value::list(args);
                    return self.invoke_method(
                        &m,
                        target.clone(),
                        vec![Value::Str(name.clone()), list],
                    );
                }
                Err(self.missing_method(target, name, &args))
            }
            Value::Class(c) => {
                if let Some((m, _)) = self.find_class_method(c, name, &args) {
                    return self.invoke_method(&m, target.clone(), args);
                }
                if let Some(v) = self.enum_static_method(c, name, &args)? {
                    return Ok(v);
                }
                if let Some(v) = crate::classes_runtime::modifier_method(c, name, &args) {
                    return Ok(v);
                }
                // `x.getClass().getName()`: the methods of java.lang.Class itself.
                match (&**name, args.as_slice()) {
                    ("getName" | "getCanonicalName" | "getTypeName", []) => {
                        return Ok(Value::Str(c.name.clone()));
                    }
                    ("getSimpleName", []) => return Ok(Value::Str(c.simple_name().into())),
                    _ => {}
                }
                if let (Some(decl), "isInterface", []) = (&c.decl, &**name, args.as_slice()) {
                    return Ok(Value::Bool(decl.kind == ast::ClassKind::Interface));
                }
                if let Some(v) = crate::builtins::static_method(self, c, name, &args)? {
                    return Ok(v);
                }
                Err(self.missing_method(target, name, &args))
            }
            Value::Closure(c) if matches!(&**name, "call" | "doCall") => {
                let c = c.clone();
                self.call_closure(&c, args)
            }
            Value::Map(m) => {
                let held = m.borrow().get(&Key::str(name)).cloned();
                if let Some(v) = crate::builtins::method(self, target, name, &args)? {
                    return Ok(v);
                }
                if let Some(v @ Value::Closure(_)) = held {
                    return self.call_value(&v, args);
                }
                Err(self.missing_method(target, name, &args))
            }
            _ => {
                if let Some(v) = crate::builtins::method(self, target, name, &args)? {
                    return Ok(v);
                }
                Err(self.missing_method(target, name, &args))
            }
        }
    }

    fn call_super(&mut self, name: &Rc<str>, args: Vec<Value>, ctx: &Ctx) -> Eval {
        if let Value::Object(o) = &ctx.this
            && let Some(parent) = o.class.parent.clone()
        {
            if let Some((m, _)) = self.find_class_method(&parent, name, &args) {
                return self.invoke_method(&m, ctx.this.clone(), args);
            }
            if &**name == "super" || &**name == "<init>" {
                return Ok(Value::Null);
            }
            if let Some(v) = crate::builtins::method(self, &ctx.this, name, &args)? {
                return Ok(v);
            }
        }
        Err(self.missing_method(&ctx.this, name, &args))
    }

    /// Calls a value: a closure, or an object's `call` method.
    pub fn call_value(&mut self, f: &Value, args: Vec<Value>) -> Eval {
        match f {
            Value::Closure(c) => {
                let c = c.clone();
                self.call_closure(&c, args)
            }
            other => self.call_method(other, &Rc::from("call"), args),
        }
    }

    /// Runs a closure with arguments.
    pub fn call_closure(&mut self, c: &Rc<Closure>, mut args: Vec<Value>) -> Eval {
        if !c.curried.is_empty() {
            let mut all = c.curried.clone();
            all.append(&mut args);
            args = all;
        }
        if let Some((target, name)) = &c.method {
            return match target {
                Value::Object(o) if Rc::ptr_eq(&o.class, &self.script_class) => {
                    let name = name.clone();
                    self.call_on_this(&target.clone(), &name, args)
                }
                _ => self.call_method(&target.clone(), &name.clone(), args),
            };
        }
        self.enter()?;
        let params = c.code.params.as_ref().map_or(1, Vec::len);
        let scope = Scope::child_with_room(&c.scope, params);
        let result = self.bind_closure_params(c, &scope, args).and_then(|()| {
            let ctx = Ctx {
                scope,
                this: c.this.clone(),
                closure: Some(c.clone()),
            };
            let mut last = Value::Null;
            for s in &c.code.body {
                last = self.stmt(s, &ctx)?;
            }
            Ok(last)
        });
        self.leave();
        match result {
            Err(Flow::Return(v)) => Ok(v),
            other => other,
        }
    }

    fn bind_closure_params(
        &mut self,
        c: &Rc<Closure>,
        scope: &Rc<Scope>,
        mut args: Vec<Value>,
    ) -> Eval<()> {
        match &c.code.params {
            None => {
                if args.len() > 1 {
                    return Err(self.closure_arity(c, &args));
                }
                scope.declare(self.it_name.clone(), args.pop().unwrap_or(Value::Null));
            }
            Some(params) => {
                // A single list argument spreads over several parameters.
                if params.len() > 1
                    && args.len() == 1
                    && let Value::List(l) = &args[0]
                {
                    let items = l.borrow().clone();
                    args = items;
                }
                self.bind_params(params, args, scope, Some(c))?;
            }
        }
        Ok(())
    }

    fn closure_arity(&self, c: &Rc<Closure>, args: &[Value]) -> Flow {
        let types: Vec<String> = args.iter().map(|a| a.class_name().to_string()).collect();
        let values: Vec<String> = args.iter().map(Value::to_display).collect();
        let e = classes::new_exception(
            "groovy.lang.MissingMethodException",
            Some(&format!(
                "No signature of method: {}.call() is applicable for argument types: ({}) values: [{}]",
                c.class_name,
                types.join(", "),
                values.join(", ")
            )),
        );
        crate::classes_runtime::set_missing_method_fields(&e, "call", args);
        Flow::Throw(e)
    }

    /// Binds parameters (defaults, varargs) in `scope`.
    pub(crate) fn bind_params(
        &mut self,
        params: &[ast::Param],
        args: Vec<Value>,
        scope: &Rc<Scope>,
        closure: Option<&Rc<Closure>>,
    ) -> Eval<()> {
        let required = params
            .iter()
            .filter(|p| p.default.is_none() && !p.varargs)
            .count();
        let varargs = params.last().is_some_and(|p| {
            p.varargs
                || p.ty
                    .as_ref()
                    .is_some_and(|t| t.dims > 0 && &*t.name == "Object")
        });
        if (args.len() < required || (!varargs && args.len() > params.len())) && closure.is_some() {
            return Err(self.closure_arity(closure.unwrap_or_else(|| unreachable!()), &args));
        }
        let mut optional_left = args.len().saturating_sub(required);
        let mut args = args.into_iter();
        // Where default values are evaluated; made only when one is needed.
        let default_ctx = |it: &Self| Ctx {
            scope: scope.clone(),
            this: closure.map_or(it.script.clone(), |c| c.this.clone()),
            closure: None,
        };
        for (i, p) in params.iter().enumerate() {
            let value = if varargs && i == params.len() - 1 {
                crate::arrays::varargs(self, args.by_ref().collect(), p.ty.as_ref())?
            } else if p.default.is_some() {
                if optional_left > 0 {
                    optional_left -= 1;
                    args.next().unwrap_or(Value::Null)
                } else {
                    let ctx = default_ctx(self);
                    self.expr(p.default.as_ref().unwrap_or_else(|| unreachable!()), &ctx)?
                }
            } else {
                args.next().unwrap_or(Value::Null)
            };
            let value = match &p.ty {
                Some(t) if !(varargs && i == params.len() - 1) => {
                    crate::convert::coerce(self, value, &t.name, t.dims)?
                }
                _ => value,
            };
            scope.declare(p.name.name.clone(), value);
        }
        Ok(())
    }

    /// The script method `name` nearest to `args`; an error when several are equally near.
    pub(crate) fn script_method_checked(
        &self,
        name: &str,
        args: &[Value],
    ) -> Eval<Option<Rc<ast::MethodDecl>>> {
        let Some(candidates) = self.methods.get(name) else {
            return Ok(None);
        };
        let (best, equally_near) = overload::nearest(candidates.iter().cloned(), args);
        if equally_near > 1 {
            return Err(self.exception(
                "groovy.lang.GroovyRuntimeException",
                &format!(
                    "Ambiguous method overloading for method {}#{name}.",
                    self.script_class.name
                ),
            ));
        }
        Ok(best)
    }

    /// The script method `name` that accepts `args` (by count, defaults and varargs).
    pub(crate) fn find_script_method(
        &self,
        name: &str,
        args: &[Value],
    ) -> Option<Rc<ast::MethodDecl>> {
        let candidates = self.methods.get(name)?;
        pick_method(candidates.iter().cloned(), args)
    }

    /// A method of `class` or its superclasses that accepts `args`.
    pub(crate) fn find_class_method(
        &self,
        class: &Rc<crate::value::Class>,
        name: &str,
        args: &[Value],
    ) -> Option<(Rc<ast::MethodDecl>, Rc<crate::value::Class>)> {
        let mut current = Some(class.clone());
        while let Some(c) = current {
            if let Some(decl) = &c.decl {
                let methods = decl.members.iter().filter_map(|m| match m {
                    ast::ClassMember::Method(m) if &*m.name.name == name && !m.constructor => {
                        Some(m.clone())
                    }
                    _ => None,
                });
                if let Some(m) = pick_method(methods, args) {
                    return Some((m, c));
                }
            }
            current = c.parent.clone();
        }
        None
    }

    /// Runs a method with `this` bound to `receiver`.
    pub(crate) fn invoke_method(
        &mut self,
        m: &Rc<ast::MethodDecl>,
        receiver: Value,
        args: Vec<Value>,
    ) -> Eval {
        self.enter()?;
        let scope = Scope::root();
        let in_class = matches!(&receiver, Value::Object(o) if o.class.decl.is_some());
        if in_class {
            self.receivers.push(receiver.clone());
        }
        let result = self
            .bind_params(&m.params, args, &scope, None)
            .and_then(|()| {
                let ctx = Ctx {
                    scope,
                    this: receiver,
                    closure: None,
                };
                let mut last = Value::Null;
                if let Some(body) = &m.body {
                    for s in &body.statements {
                        last = self.stmt(s, &ctx)?;
                    }
                }
                Ok(last)
            });
        if in_class {
            self.receivers.pop();
        }
        self.leave();
        let value = match result {
            Err(Flow::Return(v)) => v,
            Ok(v) => v,
            Err(e) => return Err(e),
        };
        match &m.return_type {
            Some(t) if &*t.name == "void" => Ok(Value::Null),
            Some(t) => crate::convert::coerce(self, value, &t.name, t.dims),
            None => Ok(value),
        }
    }

    /// `new Name(args)`: a script class (with map constructor), or a built-in class.
    pub(crate) fn instantiate(&mut self, name: &str, args: Vec<Value>) -> Eval {
        let found = self
            .class_named(name)
            .or_else(|| self.nested_class_named(name));
        let Some(class) = found else {
            return Err(self.exception(
                "org.codehaus.groovy.control.MultipleCompilationErrorsException",
                &format!("unable to resolve class {name}"),
            ));
        };
        if class.decl.is_none() {
            return crate::builtins::construct(self, &class, args);
        }
        let object = Rc::new(Object {
            class: class.clone(),
            fields: Default::default(),
        });
        let value = Value::Object(object.clone());
        self.init_fields(&class, &value)?;
        self.construct_as(&class, &value, args)?;
        Ok(value)
    }

    /// Runs field initialisers of `class` and its parents for a new instance.
    pub(crate) fn init_fields(
        &mut self,
        class: &Rc<crate::value::Class>,
        value: &Value,
    ) -> Eval<()> {
        if let Some(parent) = &class.parent
            && parent.decl.is_some()
        {
            self.init_fields(&parent.clone(), value)?;
        }
        let Some(decl) = class.decl.clone() else {
            return Ok(());
        };
        let ctx = Ctx {
            scope: Scope::root(),
            this: value.clone(),
            closure: None,
        };
        for m in &decl.members {
            if let ast::ClassMember::Field(f, _) = m {
                if f.modifiers.has("static") {
                    continue;
                }
                for d in &f.declarators {
                    let v = match &d.init {
                        Some(e) => self.expr(e, &ctx)?,
                        None => default_for(f.ty.as_ref()),
                    };
                    if let Value::Object(o) = value {
                        o.fields.borrow_mut().insert(d.name.name.clone(), v);
                    }
                }
            }
        }
        Ok(())
    }

    /// A static field of a script class, initialised on first use.
    pub(crate) fn static_field(
        &mut self,
        class: &Rc<crate::value::Class>,
        name: &str,
    ) -> Option<Value> {
        if let Some(v) = class.statics.borrow().get(name) {
            return Some(v.clone());
        }
        let decl = class.decl.clone()?;
        if decl.kind == ast::ClassKind::Enum && decl.constants.iter().any(|k| &*k.name.name == name)
        {
            self.enum_values(class).ok()?;
            return class.statics.borrow().get(name).cloned();
        }
        for m in &decl.members {
            if let ast::ClassMember::Field(f, _) = m {
                if !f.modifiers.has("static") {
                    continue;
                }
                for d in &f.declarators {
                    if &*d.name.name == name {
                        let ctx = Ctx {
                            scope: Scope::root(),
                            this: Value::Class(class.clone()),
                            closure: None,
                        };
                        let v = match &d.init {
                            Some(e) => self.expr(e, &ctx).unwrap_or(Value::Null),
                            None => default_for(f.ty.as_ref()),
                        };
                        class.statics.borrow_mut().insert(name.into(), v.clone());
                        return Some(v);
                    }
                }
            }
        }
        None
    }
}

fn default_for(ty: Option<&ast::TypeRef>) -> Value {
    match ty.map(|t| (&*t.name, t.dims)) {
        Some(("int" | "long" | "short" | "byte", 0)) => {
            Value::Num(crate::number::Number::Integer(0))
        }
        Some(("double" | "float", 0)) => Value::Num(crate::number::Number::Double(0.0)),
        Some(("boolean", 0)) => Value::Bool(false),
        _ => Value::Null,
    }
}

/// The types of arguments written as `x as T` or `(T) x`, by position (none with named args,
/// and none, without allocating, when no argument is cast: most calls).
fn cast_hints(args: &Args) -> Vec<Option<Rc<str>>> {
    let cast = |e: &ast::Expr| {
        matches!(
            e.kind,
            ast::ExprKind::Cast { .. } | ast::ExprKind::As { .. }
        )
    };
    if !args
        .items
        .iter()
        .any(|a| matches!(a, Arg::Positional(e) if cast(e)))
    {
        return Vec::new();
    }
    let mut out = Vec::new();
    for a in &args.items {
        match a {
            Arg::Positional(e) => out.push(match &e.kind {
                ast::ExprKind::Cast { ty, .. } | ast::ExprKind::As { ty, .. } if ty.dims == 0 => {
                    Some(ty.name.clone())
                }
                _ => None,
            }),
            _ => return Vec::new(),
        }
    }
    out
}

fn is_missing_method_for(e: &Value, name: &str) -> bool {
    match e {
        Value::Object(o) if o.class.is_a("groovy.lang.MissingMethodException") => o
            .fields
            .borrow()
            .get("message")
            .is_some_and(|m| m.to_display().contains(&format!(".{name}() is applicable"))),
        _ => false,
    }
}
