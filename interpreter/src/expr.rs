//! Evaluating expressions: literals, names, operators, assignment, closures.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use indexmap::IndexMap;
use jenkins_harness_grammar::ast::{
    self, Access, BinaryOp, Expr, ExprKind, GStringPart, MapItem, MapKey, Member, UnaryOp,
};

use crate::error::Eval;
use crate::interp::{Ctx, Interpreter};
use crate::number::Number;
use crate::ops;
use crate::scope::Scope;
use crate::value::{Closure, GString, Key, Range, Value};

impl Interpreter {
    /// Evaluates an expression.
    // Inlined so that the result goes straight to the caller, without a copy per expression.
    #[inline]
    pub fn expr(&mut self, e: &Expr, ctx: &Ctx) -> Eval {
        // Names and number literals, half of all nodes, skip the large frame of eval_expr.
        let result = match &e.kind {
            ExprKind::Ident(_) | ExprKind::Number(_) => self.eval_leaf(e, ctx),
            _ => self.eval_expr(e, ctx),
        };
        if self.recorder.is_some()
            && let Ok(v) = &result
        {
            self.record(e, v);
        }
        result
    }

    /// Notes the value of `e` for the power-assert message of the `assert` being evaluated.
    #[cold]
    fn record(&mut self, e: &Expr, v: &Value) {
        if let Some(rec) = self.recorder.as_mut()
            && rec.depth == self.depth
            && !matches!(v, Value::Class(_))
        {
            crate::power_assert::record(rec, &self.source, e, v);
        }
    }

    /// A name or a number literal.
    #[inline(never)]
    fn eval_leaf(&mut self, e: &Expr, ctx: &Ctx) -> Eval {
        match &e.kind {
            ExprKind::Ident(name) => self.name(name, ctx),
            ExprKind::Number(text) => crate::number::parse_literal(text)
                .map(Value::Num)
                .map_err(|m| self.exception("java.lang.NumberFormatException", &m)),
            _ => self.eval_expr(e, ctx),
        }
    }

    fn eval_expr(&mut self, e: &Expr, ctx: &Ctx) -> Eval {
        match &e.kind {
            ExprKind::Null => Ok(Value::Null),
            ExprKind::Bool(b) => Ok(Value::Bool(*b)),
            ExprKind::Number(_) | ExprKind::Ident(_) => self.eval_leaf(e, ctx),
            ExprKind::Str(s) => Ok(Value::Str(s.clone())),
            ExprKind::GString(parts) => self.gstring(parts, ctx),
            ExprKind::List(items) => {
                let mut out = Vec::with_capacity(items.len());
                for item in items {
                    if let ExprKind::Spread(inner) = &item.kind {
                        let v = self.expr(inner, ctx)?;
                        out.extend(self.iterate(&v)?);
                    } else {
                        out.push(self.expr(item, ctx)?);
                    }
                }
                Ok(Value::list(out))
            }
            ExprKind::Map(items) => {
                let mut map = IndexMap::new();
                for item in items {
                    match item {
                        MapItem::Entry(k, v) => {
                            let key = self.map_key(k, ctx)?;
                            let value = self.expr(v, ctx)?;
                            map.insert(key, value);
                        }
                        MapItem::Spread(m) => {
                            if let Value::Map(other) = self.expr(m, ctx)? {
                                for (k, v) in other.borrow().iter() {
                                    map.insert(k.clone(), v.clone());
                                }
                            }
                        }
                    }
                }
                Ok(Value::map(map))
            }
            ExprKind::This => Ok(ctx.this.clone()),
            ExprKind::Super => Ok(ctx.this.clone()),
            ExprKind::Property {
                object,
                name,
                access,
                field,
            } => {
                if let Some(class) = self.qualified_class(e, ctx) {
                    return Ok(Value::Class(class));
                }
                let target = self.expr(object, ctx)?;
                let name = self.member_name(name, ctx)?;
                match access {
                    Access::Safe if matches!(target, Value::Null) => Ok(Value::Null),
                    Access::Spread => {
                        let mut out = Vec::new();
                        for item in self.iterate(&target)? {
                            out.push(if matches!(item, Value::Null) {
                                Value::Null
                            } else {
                                self.get_property(&item, &name, *field)?
                            });
                        }
                        Ok(Value::list(out))
                    }
                    _ => self.get_property(&target, &name, *field),
                }
            }
            ExprKind::MethodPointer { object, name } => {
                let target = self.expr(object, ctx)?;
                let name = self.member_name(name, ctx)?;
                Ok(self.method_pointer(target, name, ctx))
            }
            ExprKind::Call {
                object,
                method,
                args,
                access,
            } => self.call_expr(object.as_deref(), method, args, *access, ctx),
            ExprKind::CallValue { callee, args } => {
                let f = self.expr(callee, ctx)?;
                let args = self.args(args, ctx)?;
                self.call_value(&f, args)
            }
            ExprKind::Index { object, index } => {
                let target = self.expr(object, ctx)?;
                let mut idx = Vec::with_capacity(index.len());
                for i in index {
                    idx.push(self.expr(i, ctx)?);
                }
                let index = if idx.len() == 1 {
                    idx.remove(0)
                } else {
                    Value::list(idx)
                };
                self.get_at(&target, &index)
            }
            ExprKind::Unary { op, operand } => self.unary(*op, operand, ctx),
            ExprKind::Binary { op, left, right } => self.binary(*op, left, right, ctx),
            ExprKind::Ternary {
                cond,
                then,
                otherwise,
            } => {
                let c = self.expr(cond, ctx)?;
                if self.truth(&c)? {
                    self.expr(then, ctx)
                } else {
                    self.expr(otherwise, ctx)
                }
            }
            ExprKind::Elvis { value, fallback } => {
                let v = self.expr(value, ctx)?;
                if self.truth(&v)? {
                    Ok(v)
                } else {
                    self.expr(fallback, ctx)
                }
            }
            ExprKind::Assign { op, target, value } => self.assign(*op, target, value, ctx),
            ExprKind::MultiAssign { targets, value } => {
                let v = self.expr(value, ctx)?;
                for (i, t) in targets.iter().enumerate() {
                    let item = self.index_value(&v, i)?;
                    self.assign_name(&t.name, item, ctx)?;
                }
                Ok(v)
            }
            ExprKind::Cast { ty, expr } => {
                let v = self.expr(expr, ctx)?;
                self.coerce(v, ty)
            }
            ExprKind::As { expr, ty } => {
                let v = self.expr(expr, ctx)?;
                crate::convert::as_type(self, v, &ty.name, ty.dims)
            }
            ExprKind::InstanceOf { expr, ty } => {
                let v = self.expr(expr, ctx)?;
                Ok(Value::Bool(crate::convert::instance_of_type(self, &v, ty)))
            }
            ExprKind::Closure(c) => Ok(self.closure(c, ctx)),
            ExprKind::New { ty, args, body } => {
                let args = self.args(args, ctx)?;
                match body {
                    Some(body) => self.instantiate_anonymous(&ty.name, body, args),
                    None => self.instantiate(&ty.name, args),
                }
            }
            ExprKind::NewArray { ty, dims } => {
                let mut sizes = Vec::with_capacity(dims.len());
                for d in dims {
                    sizes.push(self.expr(d, ctx)?.as_i64().unwrap_or(0));
                }
                crate::arrays::new_nested_array(&ty.name, &sizes, ty.dims)
                    .map_err(|m| self.exception("java.lang.OutOfMemoryError", &m))
            }
            ExprKind::Spread(inner) => self.expr(inner, ctx),
            ExprKind::Paren(inner) => self.expr(inner, ctx),
        }
    }

    fn gstring(&mut self, parts: &[GStringPart], ctx: &Ctx) -> Eval {
        let mut strings: Vec<Rc<str>> = Vec::with_capacity(parts.len() / 2 + 1);
        let mut values = Vec::with_capacity(parts.len() / 2);
        // The literal text before the next value: the parsed text itself, shared, unless
        // several pieces must be joined.
        let mut text: Option<Rc<str>> = None;
        for p in parts {
            let v = match p {
                GStringPart::Text(t) => {
                    text = Some(match text.take() {
                        None => t.clone(),
                        Some(before) => format!("{before}{t}").into(),
                    });
                    continue;
                }
                GStringPart::Value(e) => {
                    // `${-> x}` stays a closure, called each time the GString is rendered.
                    self.expr(e, ctx)?
                }
                GStringPart::Statements(stmts) => self.block(stmts, ctx)?,
            };
            strings.push(text.take().unwrap_or_else(|| self.empty_text.clone()));
            values.push(v);
        }
        strings.push(text.unwrap_or_else(|| self.empty_text.clone()));
        Ok(Value::GString(Rc::new(GString { strings, values })))
    }

    fn map_key(&mut self, key: &MapKey, ctx: &Ctx) -> Eval<Key> {
        Ok(match key {
            MapKey::Str(s) => Key(Value::Str(s.name.clone())),
            MapKey::Expr(e) => Key(self.expr(e, ctx)?),
        })
    }

    /// The name of a member: plain, or computed (`obj."$name"`).
    pub(crate) fn member_name(&mut self, member: &Member, ctx: &Ctx) -> Eval<Rc<str>> {
        match member {
            Member::Name(i) => Ok(i.name.clone()),
            Member::Dynamic(e) => {
                let v = self.expr(e, ctx)?;
                Ok(self.to_string_value(&v)?.into())
            }
        }
    }

    /// A closure literal becomes a closure value over the current scope.
    fn closure(&mut self, code: &Rc<ast::Closure>, ctx: &Ctx) -> Value {
        self.closure_count += 1;
        let owner = match &ctx.closure {
            Some(c) => Value::Closure(c.clone()),
            None => ctx.this.clone(),
        };
        let class_name = format!(
            "{}$_run_closure{}",
            self.script_class.name, self.closure_count
        );
        Value::Closure(Rc::new(Closure {
            code: code.clone(),
            scope: ctx.scope.clone(),
            this: ctx.this.clone(),
            owner: owner.clone(),
            delegate: RefCell::new(owner),
            resolve_strategy: Cell::new(0),
            curried: Vec::new(),
            method: None,
            class_name: class_name.into(),
        }))
    }

    fn method_pointer(&mut self, target: Value, name: Rc<str>, ctx: &Ctx) -> Value {
        self.closure_count += 1;
        let code = Rc::new(ast::Closure {
            params: None,
            body: Vec::new(),
            span: Default::default(),
        });
        Value::Closure(Rc::new(Closure {
            code,
            scope: ctx.scope.clone(),
            this: ctx.this.clone(),
            owner: target.clone(),
            delegate: RefCell::new(target.clone()),
            resolve_strategy: Cell::new(0),
            curried: Vec::new(),
            method: Some((target, name)),
            class_name: "org.codehaus.groovy.runtime.MethodClosure".into(),
        }))
    }

    fn unary(&mut self, op: UnaryOp, operand: &Expr, ctx: &Ctx) -> Eval {
        match op {
            UnaryOp::Not => {
                let v = self.expr(operand, ctx)?;
                Ok(Value::Bool(!self.truth(&v)?))
            }
            UnaryOp::Neg => {
                // `-literal` is a negative literal (Integer.MIN_VALUE fits).
                if let ExprKind::Number(text) = &operand.kind {
                    let negative = format!("-{text}");
                    if let Ok(n) = crate::number::parse_literal(&negative) {
                        return Ok(Value::Num(n));
                    }
                }
                let v = self.expr(operand, ctx)?;
                ops::negate(self, &v)
            }
            UnaryOp::Pos => {
                let v = self.expr(operand, ctx)?;
                self.unary_plus(v)
            }
            UnaryOp::BitNot => {
                let v = self.expr(operand, ctx)?;
                ops::bitwise_negate(self, &v)
            }
            UnaryOp::PreInc | UnaryOp::PreDec | UnaryOp::PostInc | UnaryOp::PostDec => {
                let local = self.local_variable(operand, ctx);
                let old = match local {
                    Some((scope, slot)) => scope.get_slot(slot),
                    None => self.expr(operand, ctx)?,
                };
                let up = matches!(op, UnaryOp::PreInc | UnaryOp::PostInc);
                let new = ops::step(self, &old, up)?;
                match local {
                    Some((scope, slot)) => scope.set_slot(slot, new.clone()),
                    None => self.store(operand, new.clone(), ctx)?,
                }
                Ok(if matches!(op, UnaryOp::PreInc | UnaryOp::PreDec) {
                    new
                } else {
                    old
                })
            }
        }
    }

    fn binary(&mut self, op: BinaryOp, left: &Expr, right: &Expr, ctx: &Ctx) -> Eval {
        match op {
            BinaryOp::And => {
                let l = self.expr(left, ctx)?;
                if !self.truth(&l)? {
                    return Ok(Value::Bool(false));
                }
                let r = self.expr(right, ctx)?;
                Ok(Value::Bool(self.truth(&r)?))
            }
            BinaryOp::Or => {
                let l = self.expr(left, ctx)?;
                if self.truth(&l)? {
                    return Ok(Value::Bool(true));
                }
                let r = self.expr(right, ctx)?;
                Ok(Value::Bool(self.truth(&r)?))
            }
            _ => {
                let l = self.expr(left, ctx)?;
                let r = self.expr(right, ctx)?;
                ops::binary(self, op, &l, &r)
            }
        }
    }

    fn assign(&mut self, op: Option<BinaryOp>, target: &Expr, value: &Expr, ctx: &Ctx) -> Eval {
        let Some(op) = op else {
            let v = self.expr(value, ctx)?;
            self.store(target, v.clone(), ctx)?;
            return Ok(v);
        };
        let local = self.local_variable(target, ctx);
        let old = match local {
            Some((scope, slot)) => scope.get_slot(slot),
            None => self.expr(target, ctx)?,
        };
        let rhs = self.expr(value, ctx)?;
        let v = ops::binary(self, op, &old, &rhs)?;
        match local {
            Some((scope, slot)) => scope.set_slot(slot, v.clone()),
            None => self.store(target, v.clone(), ctx)?,
        }
        Ok(v)
    }

    /// Where `target` lives when it names a local variable, so that `x += 1` or `x++` finds
    /// it once for both its read and its write. Not inside an `assert`, whose message needs
    /// the read recorded.
    fn local_variable<'c>(&self, target: &Expr, ctx: &'c Ctx) -> Option<(&'c Scope, usize)> {
        match (&target.kind, &self.recorder) {
            (ExprKind::Ident(name), None) => ctx.scope.lookup(name),
            _ => None,
        }
    }

    /// Stores into an assignable expression: a name, a property or an element.
    pub(crate) fn store(&mut self, target: &Expr, v: Value, ctx: &Ctx) -> Eval<()> {
        match &target.kind {
            ExprKind::Ident(name) => self.assign_name(name, v, ctx),
            ExprKind::Property {
                object,
                name,
                access,
                field,
            } => {
                let obj = self.expr(object, ctx)?;
                if matches!(access, Access::Safe) && matches!(obj, Value::Null) {
                    return Ok(());
                }
                let name = self.member_name(name, ctx)?;
                self.set_property(&obj, &name, v, *field)
            }
            ExprKind::Index { object, index } => {
                let obj = self.expr(object, ctx)?;
                let idx = match index.as_slice() {
                    [one] => self.expr(one, ctx)?,
                    many => {
                        let mut vs = Vec::new();
                        for i in many {
                            vs.push(self.expr(i, ctx)?);
                        }
                        Value::list(vs)
                    }
                };
                self.put_at(&obj, &idx, v)
            }
            ExprKind::Paren(inner) => self.store(inner, v, ctx),
            _ => Err(self.exception(
                "groovy.lang.GroovyRuntimeException",
                "invalid assignment target",
            )),
        }
    }

    /// `name = v`: a local if declared, else the closure's delegate/owner, else the binding.
    pub(crate) fn assign_name(&mut self, name: &Rc<str>, v: Value, ctx: &Ctx) -> Eval<()> {
        if ctx.scope.set(name, v.clone()) {
            return Ok(());
        }
        if let Some(c) = &ctx.closure
            && self.closure_assign(c, name, &v)?
        {
            return Ok(());
        }
        if let Value::Object(o) = &ctx.this {
            if o.fields.borrow().contains_key(name) {
                o.fields.borrow_mut().insert(name.clone(), v);
                return Ok(());
            }
            if !Rc::ptr_eq(&o.class, &self.script_class) && !o.class.is_a("groovy.lang.Script") {
                return self.set_property(&ctx.this, name, v, false);
            }
        }
        self.binding.borrow_mut().insert(name.clone(), v);
        Ok(())
    }

    /// `x[i]` for multiple assignment: missing values are null.
    pub(crate) fn index_value(&mut self, value: &Value, i: usize) -> Eval {
        let items = self.iterate(value)?;
        Ok(items.get(i).cloned().unwrap_or(Value::Null))
    }

    /// A new IntRange or ObjectRange.
    pub(crate) fn range(from: Value, to: Value, exclusive: bool) -> Value {
        Value::Range(Rc::new(Range {
            from,
            to,
            exclusive,
        }))
    }

    /// A fully qualified class name written as a property chain (`java.util.regex.Matcher`),
    /// when its first part is not a variable.
    fn qualified_class(&self, e: &Expr, ctx: &Ctx) -> Option<Rc<crate::value::Class>> {
        let mut root = e;
        while let ExprKind::Property { object, .. } = &root.kind {
            root = object;
        }
        let ExprKind::Ident(root) = &root.kind else {
            return None;
        };
        let root: &str = root;
        if !root.starts_with(char::is_lowercase)
            || ctx.scope.get(root).is_some()
            || self.binding.borrow().contains_key(root)
        {
            return None;
        }
        self.class_named(&dotted_path(e)?)
    }

    /// Converts for `as Type`, casts and typed declarations.
    pub(crate) fn coerce(&mut self, v: Value, ty: &ast::TypeRef) -> Eval {
        crate::convert::coerce(self, v, &ty.name, ty.dims)
    }

    pub(crate) fn instance_of(&self, v: &Value, ty: &str) -> bool {
        crate::convert::instance_of(self, v, ty)
    }

    /// A number value.
    pub fn int(n: i32) -> Value {
        Value::Num(Number::Integer(n))
    }
}

/// `a.b.c` for a chain of plain property accesses on a name.
fn dotted_path(e: &Expr) -> Option<String> {
    match &e.kind {
        ExprKind::Ident(n) => Some(n.to_string()),
        ExprKind::Property {
            object,
            name: Member::Name(n),
            access: Access::Normal,
            field: false,
        } => Some(format!("{}.{}", dotted_path(object)?, n.name)),
        _ => None,
    }
}

impl Interpreter {
    /// `+x` as `InvokerHelper.unaryPlus`: numbers stay, lists apply it to each element, and
    /// anything else calls its `positive()` (a String has none).
    fn unary_plus(&mut self, v: Value) -> Eval {
        match v {
            Value::Num(_) => Ok(v),
            Value::List(items) => {
                let items = items.borrow().clone();
                let mut out = Vec::with_capacity(items.len());
                for item in items {
                    out.push(self.unary_plus(item)?);
                }
                Ok(Value::list(out))
            }
            other => self.call_method(&other, &Rc::from("positive"), Vec::new()),
        }
    }
}
