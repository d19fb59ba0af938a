//! Errors Groovy raises after parsing, while building and checking its AST: `break` outside a
//! loop, methods and classes where they cannot go, duplicate variables and methods, modifiers
//! on local variables.

use crate::ast::*;
use crate::dump::type_text;
use crate::error::SyntaxError;
use crate::span::Span;

/// Checks a parsed script; returns the errors in source order.
pub(crate) fn validate(script: &Script) -> Vec<SyntaxError> {
    let mut v = Validator::default();
    v.scopes.push(Vec::new());
    v.methods(script.statements.iter().filter_map(|s| match &s.kind {
        StmtKind::Method(m) => Some(&**m),
        _ => None,
    }));
    v.classes(&script.statements);
    for s in &script.statements {
        v.stmt(s, true);
    }
    v.errors.sort_by_key(|e| e.span.start);
    v.errors
}

#[derive(Default)]
struct Validator {
    errors: Vec<SyntaxError>,
    /// Loops (for `break`/`continue`) enclosing the current statement, within the current body.
    loops: usize,
    /// Switches (for `break`) enclosing the current statement, within the current body.
    switches: usize,
    /// Local variable names per block scope; a closure or method starts afresh below its owner.
    scopes: Vec<Vec<(Name, Span)>>,
    /// How deep the walk is in the AST, and whether it already went too deep.
    depth: usize,
    too_deep: bool,
}

/// The deepest AST accepted (a chain `a.b.c...` or `a + b + ...` is as deep as it is long);
/// the interpreter and every later walk recurse over the tree.
pub(crate) const MAX_DEPTH: usize = 1_000;

impl Validator {
    fn error(&mut self, span: Span, message: impl Into<String>) {
        self.errors.push(SyntaxError::new(span, message));
    }

    /// Runs `f` in a new body (method, closure): no enclosing loop, a new scope on top.
    fn body(&mut self, f: impl FnOnce(&mut Self)) {
        let (loops, switches) = (self.loops, self.switches);
        self.loops = 0;
        self.switches = 0;
        self.scopes.push(Vec::new());
        f(self);
        self.scopes.pop();
        self.loops = loops;
        self.switches = switches;
    }

    fn scoped(&mut self, f: impl FnOnce(&mut Self)) {
        self.scopes.push(Vec::new());
        f(self);
        self.scopes.pop();
    }

    fn declare(&mut self, name: &Ident) {
        if name.name.is_empty() || &*name.name == "_" {
            return;
        }
        let taken = self.scopes.iter().flatten().any(|(n, _)| *n == name.name);
        if taken {
            self.error(
                name.span,
                format!(
                    "The current scope already contains a variable of the name {}",
                    name.name
                ),
            );
        }
        if let Some(scope) = self.scopes.last_mut() {
            scope.push((name.name.clone(), name.span));
        }
    }

    /// Two methods with the same name and parameter types (defaults count as overloads).
    fn methods<'a>(&mut self, methods: impl Iterator<Item = &'a MethodDecl>) {
        let mut seen: Vec<(Name, Vec<String>)> = Vec::new();
        for m in methods {
            let mut signatures = vec![signature(&m.params)];
            let defaults = m.params.iter().filter(|p| p.default.is_some()).count();
            for dropped in 1..=defaults {
                let mut kept = m.params.clone();
                let mut left = dropped;
                // Groovy drops defaulted parameters from the right.
                for i in (0..kept.len()).rev() {
                    if left > 0 && kept[i].default.is_some() {
                        kept.remove(i);
                        left -= 1;
                    }
                }
                signatures.push(signature(&kept));
            }
            for sig in signatures {
                if seen.iter().any(|(n, s)| *n == m.name.name && *s == sig) {
                    self.error(
                        m.name.span,
                        format!(
                            "The method {}({}) duplicates another method of the same signature",
                            m.name.name,
                            sig.join(", ")
                        ),
                    );
                    break;
                }
                seen.push((m.name.name.clone(), sig));
            }
        }
    }

    fn classes(&mut self, statements: &[Stmt]) {
        let mut names: Vec<&str> = Vec::new();
        for s in statements {
            if let StmtKind::Class(c) = &s.kind {
                if names.contains(&&*c.name.name) {
                    self.error(
                        c.name.span,
                        format!(
                            "Invalid duplicate class definition of class {}: the file contains at least two definitions of it",
                            c.name.name
                        ),
                    );
                }
                names.push(&c.name.name);
            }
        }
    }

    fn stmts(&mut self, stmts: &[Stmt]) {
        for s in stmts {
            self.stmt(s, false);
        }
    }

    fn block(&mut self, b: &Block) {
        self.scoped(|v| v.stmts(&b.statements));
    }

    /// Runs `f` one level deeper, unless that is past [`MAX_DEPTH`] (reported once).
    fn deeper(&mut self, span: Span, f: impl FnOnce(&mut Self)) {
        if self.depth >= MAX_DEPTH {
            if !self.too_deep {
                self.too_deep = true;
                self.error(
                    span,
                    format!("too deeply nested: this expression or statement is more than {MAX_DEPTH} levels deep"),
                );
            }
            return;
        }
        self.depth += 1;
        f(self);
        self.depth -= 1;
    }

    fn stmt(&mut self, s: &Stmt, top: bool) {
        self.deeper(s.span, |v| v.stmt_inner(s, top));
    }

    fn stmt_inner(&mut self, s: &Stmt, top: bool) {
        match &s.kind {
            StmtKind::Expr(e) => self.expr(e),
            StmtKind::Var(d) => self.var(d, top),
            StmtKind::MultiVar(m) => {
                self.expr(&m.value);
                for (_, n) in &m.vars {
                    self.declare(n);
                }
            }
            StmtKind::Method(m) => {
                if !top {
                    self.error(
                        m.name.span,
                        "Method definition not expected here. Please define the method at an appropriate place or perhaps try using a block/Closure instead",
                    );
                }
                self.method(m);
            }
            StmtKind::Class(c) => {
                if !top {
                    self.error(
                        c.name.span,
                        "Class definition not expected here. Please define the class at an appropriate place or perhaps try using a block/Closure instead",
                    );
                }
                self.class(c);
            }
            StmtKind::Import(_) | StmtKind::Empty => {}
            StmtKind::Block(b) => self.block(b),
            StmtKind::If {
                cond,
                then,
                otherwise,
            } => {
                self.expr(cond);
                self.scoped(|v| v.stmt(then, false));
                if let Some(o) = otherwise {
                    self.scoped(|v| v.stmt(o, false));
                }
            }
            StmtKind::While { cond, body } => {
                self.expr(cond);
                self.in_loop(body);
            }
            StmtKind::ForIn {
                var,
                iterable,
                body,
                ..
            } => {
                self.expr(iterable);
                self.scoped(|v| {
                    v.declare(var);
                    v.in_loop(body);
                });
            }
            StmtKind::For {
                init,
                cond,
                update,
                body,
            } => self.scoped(|v| {
                v.stmts(init);
                cond.iter().for_each(|c| v.expr(c));
                update.iter().for_each(|u| v.expr(u));
                v.in_loop(body);
            }),
            StmtKind::Switch { subject, cases } => {
                self.expr(subject);
                self.switches += 1;
                self.scoped(|v| {
                    for c in cases {
                        c.labels.iter().flatten().for_each(|l| v.expr(l));
                        v.stmts(&c.body);
                    }
                });
                self.switches -= 1;
            }
            StmtKind::Try {
                body,
                catches,
                finally,
            } => {
                self.block(body);
                for c in catches {
                    self.scoped(|v| {
                        v.declare(&c.var);
                        v.block(&c.body);
                    });
                }
                if let Some(f) = finally {
                    self.block(f);
                }
            }
            StmtKind::Return(e) => e.iter().for_each(|e| self.expr(e)),
            StmtKind::Throw(e) => self.expr(e),
            StmtKind::Break(_) => {
                if self.loops == 0 && self.switches == 0 {
                    self.error(
                        s.span,
                        "the break statement is only allowed inside loops or switches",
                    );
                }
            }
            StmtKind::Continue(_) => {
                if self.loops == 0 {
                    self.error(
                        s.span,
                        "the continue statement is only allowed inside loops",
                    );
                }
            }
            StmtKind::Assert { cond, message } => {
                self.expr(cond);
                message.iter().for_each(|m| self.expr(m));
            }
            StmtKind::Labeled { body, .. } => self.stmt(body, top),
            StmtKind::Synchronized { lock, body } => {
                self.expr(lock);
                self.block(body);
            }
        }
    }

    fn in_loop(&mut self, body: &Stmt) {
        self.loops += 1;
        self.scoped(|v| v.stmt(body, false));
        self.loops -= 1;
    }

    fn annotations(&mut self, m: &Modifiers) {
        for a in &m.annotations {
            for (_, value) in &a.args {
                self.expr(value);
            }
        }
    }

    fn var(&mut self, d: &VarDecl, top: bool) {
        self.annotations(&d.modifiers);
        let field = top && d.modifiers.annotation("Field").is_some();
        if !field
            && let Some(k) = d
                .modifiers
                .keywords
                .iter()
                .find(|k| !matches!(&*k.name, "def" | "final"))
        {
            self.error(k.span, format!("Modifier '{}' not allowed here.", k.name));
        }
        for decl in &d.declarators {
            if let Some(init) = &decl.init {
                self.expr(init);
            }
            if !field {
                self.declare(&decl.name);
            }
        }
    }

    /// A method sees none of the script's local variables: its scopes start empty.
    fn method(&mut self, m: &MethodDecl) {
        self.annotations(&m.modifiers);
        let outer = std::mem::take(&mut self.scopes);
        self.body(|v| {
            for p in &m.params {
                if let Some(d) = &p.default {
                    v.expr(d);
                }
                v.declare(&p.name);
            }
            if let Some(b) = &m.body {
                v.stmts(&b.statements);
            }
        });
        self.scopes = outer;
    }

    fn class(&mut self, c: &ClassDecl) {
        self.annotations(&c.modifiers);
        let methods = c.members.iter().filter_map(|m| match m {
            ClassMember::Method(m) => Some(&**m),
            _ => None,
        });
        self.methods(methods);
        let outer = std::mem::take(&mut self.scopes);
        self.scopes.push(Vec::new());
        for k in &c.constants {
            k.args
                .iter()
                .flat_map(|a| &a.items)
                .for_each(|a| self.arg(a));
            self.members(&k.members);
        }
        self.members(&c.members);
        self.scopes = outer;
    }

    fn members(&mut self, members: &[ClassMember]) {
        for m in members {
            match m {
                ClassMember::Field(d, _) => {
                    d.declarators
                        .iter()
                        .filter_map(|d| d.init.as_ref())
                        .for_each(|e| {
                            self.body(|v| v.expr(e));
                        });
                }
                ClassMember::Method(m) => self.method(m),
                ClassMember::Class(c) => self.class(c),
                ClassMember::Initializer { block, .. } => self.body(|v| v.stmts(&block.statements)),
            }
        }
    }

    fn arg(&mut self, a: &Arg) {
        match a {
            Arg::Positional(e) | Arg::Spread(e) | Arg::SpreadMap(e) => self.expr(e),
            Arg::Named(k, e) => {
                if let MapKey::Expr(k) = k {
                    self.expr(k);
                }
                self.expr(e);
            }
        }
    }

    fn expr(&mut self, e: &Expr) {
        self.deeper(e.span, |v| v.expr_inner(e));
    }

    fn expr_inner(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Closure(c) => self.body(|v| {
                for p in c.params.iter().flatten() {
                    v.declare(&p.name);
                }
                v.stmts(&c.body);
            }),
            ExprKind::New { args, body, .. } => {
                args.items.iter().for_each(|a| self.arg(a));
                if let Some(b) = body {
                    self.class(b);
                }
            }
            _ => visit_children(e, &mut |child| match child {
                Child::Expr(e) => self.expr(e),
                Child::Arg(a) => self.arg(a),
                Child::Stmts(s) => self.stmts(s),
            }),
        }
    }
}

/// A direct child of an expression.
enum Child<'a> {
    Expr(&'a Expr),
    Arg(&'a Arg),
    Stmts(&'a [Stmt]),
}

/// Calls `f` on each direct child of `e` (closures and anonymous classes excepted).
fn visit_children<'a>(e: &'a Expr, f: &mut dyn FnMut(Child<'a>)) {
    let args = |args: &'a Args, f: &mut dyn FnMut(Child<'a>)| {
        for a in &args.items {
            f(Child::Arg(a));
        }
    };
    match &e.kind {
        ExprKind::GString(parts) => {
            for p in parts {
                match p {
                    GStringPart::Value(v) => f(Child::Expr(v)),
                    GStringPart::Statements(s) => f(Child::Stmts(s)),
                    GStringPart::Text(_) => {}
                }
            }
        }
        ExprKind::List(items) => items.iter().for_each(|i| f(Child::Expr(i))),
        ExprKind::Map(items) => {
            for i in items {
                match i {
                    MapItem::Entry(k, v) => {
                        if let MapKey::Expr(k) = k {
                            f(Child::Expr(k));
                        }
                        f(Child::Expr(v));
                    }
                    MapItem::Spread(v) => f(Child::Expr(v)),
                }
            }
        }
        ExprKind::Property { object, name, .. } | ExprKind::MethodPointer { object, name } => {
            f(Child::Expr(object));
            if let Member::Dynamic(n) = name {
                f(Child::Expr(n));
            }
        }
        ExprKind::Call {
            object,
            method,
            args: a,
            ..
        } => {
            if let Some(o) = object {
                f(Child::Expr(o));
            }
            if let Member::Dynamic(n) = method {
                f(Child::Expr(n));
            }
            args(a, f);
        }
        ExprKind::CallValue { callee, args: a } => {
            f(Child::Expr(callee));
            args(a, f);
        }
        ExprKind::Index { object, index } => {
            f(Child::Expr(object));
            index.iter().for_each(|i| f(Child::Expr(i)));
        }
        ExprKind::Binary { left, right, .. } => {
            f(Child::Expr(left));
            f(Child::Expr(right));
        }
        ExprKind::Ternary {
            cond,
            then,
            otherwise,
        } => {
            f(Child::Expr(cond));
            f(Child::Expr(then));
            f(Child::Expr(otherwise));
        }
        ExprKind::Elvis {
            value: a,
            fallback: b,
        }
        | ExprKind::Assign {
            target: a,
            value: b,
            ..
        } => {
            f(Child::Expr(a));
            f(Child::Expr(b));
        }
        ExprKind::MultiAssign { value: inner, .. }
        | ExprKind::Unary { operand: inner, .. }
        | ExprKind::Cast { expr: inner, .. }
        | ExprKind::As { expr: inner, .. }
        | ExprKind::InstanceOf { expr: inner, .. }
        | ExprKind::Spread(inner)
        | ExprKind::Paren(inner) => f(Child::Expr(inner)),
        ExprKind::New { args: a, .. } => args(a, f),
        ExprKind::NewArray { dims, .. } => dims.iter().for_each(|d| f(Child::Expr(d))),
        ExprKind::Closure(_)
        | ExprKind::Null
        | ExprKind::Bool(_)
        | ExprKind::Number(_)
        | ExprKind::Str(_)
        | ExprKind::Ident(_)
        | ExprKind::This
        | ExprKind::Super => {}
    }
}

fn signature(params: &[Param]) -> Vec<String> {
    params
        .iter()
        .map(|p| match &p.ty {
            Some(t) if p.varargs => format!("{}[]", type_text(t)),
            Some(t) => type_text(t),
            None => "java.lang.Object".to_string(),
        })
        .collect()
}
