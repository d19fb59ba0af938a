//! A readable, indented dump of the AST for snapshot tests.

use std::fmt::Write as _;

use crate::ast::*;
use crate::span::{LineIndex, Span};

/// Renders `script` one node per line, indented by nesting, each with its `line:col` span.
pub fn dump(script: &Script, source: &str) -> String {
    let mut d = Dumper {
        out: String::new(),
        source,
        lines: LineIndex::new(source),
        depth: 0,
    };
    if let Some(p) = &script.package {
        d.line(&format!("Package {}", p.name), p.span);
    }
    for s in &script.statements {
        d.stmt(s);
    }
    d.out
}

struct Dumper<'s> {
    out: String,
    source: &'s str,
    lines: LineIndex,
    depth: usize,
}

impl Dumper<'_> {
    fn line(&mut self, text: &str, span: Span) {
        let a = self.lines.line_col(self.source, span.start as usize);
        let b = self.lines.line_col(self.source, span.end as usize);
        let _ = writeln!(self.out, "{}{text} @{a}-{b}", "  ".repeat(self.depth));
    }

    fn nested(&mut self, f: impl FnOnce(&mut Self)) {
        self.depth += 1;
        f(self);
        self.depth -= 1;
    }

    fn labelled(&mut self, label: &str, f: impl FnOnce(&mut Self)) {
        let _ = writeln!(self.out, "{}{label}:", "  ".repeat(self.depth));
        self.nested(f);
    }

    fn stmts(&mut self, stmts: &[Stmt]) {
        for s in stmts {
            self.stmt(s);
        }
    }

    fn block(&mut self, b: &Block) {
        self.line("Block", b.span);
        self.nested(|d| d.stmts(&b.statements));
    }

    fn stmt(&mut self, s: &Stmt) {
        let sp = s.span;
        match &s.kind {
            StmtKind::Expr(e) => self.expr(e),
            StmtKind::Var(v) => self.var(v, sp),
            StmtKind::MultiVar(m) => {
                let vars: Vec<String> = m
                    .vars
                    .iter()
                    .map(|(t, n)| match t {
                        Some(t) => format!("{} {}", type_text(t), n.name),
                        None => n.name.to_string(),
                    })
                    .collect();
                self.line(
                    &format!("MultiVar{} ({})", modifiers(&m.modifiers), vars.join(", ")),
                    sp,
                );
                self.nested(|d| d.expr(&m.value));
            }
            StmtKind::Method(m) => self.method(m),
            StmtKind::Class(c) => self.class(c),
            StmtKind::Import(i) => {
                let mut text = format!("Import {}", i.path.name);
                if i.is_static {
                    text = format!("Import static {}", i.path.name);
                }
                if i.star {
                    text.push_str(".*");
                }
                if let Some(a) = &i.alias {
                    let _ = write!(text, " as {}", a.name);
                }
                self.line(&text, sp);
                self.nested(|d| d.annotations(&i.annotations));
            }
            StmtKind::Block(b) => self.block(b),
            StmtKind::If {
                cond,
                then,
                otherwise,
            } => {
                self.line("If", sp);
                self.nested(|d| {
                    d.expr(cond);
                    d.labelled("then", |d| d.stmt(then));
                    if let Some(o) = otherwise {
                        d.labelled("else", |d| d.stmt(o));
                    }
                });
            }
            StmtKind::While { cond, body } => {
                self.line("While", sp);
                self.nested(|d| {
                    d.expr(cond);
                    d.stmt(body);
                });
            }
            StmtKind::ForIn {
                ty,
                var,
                iterable,
                body,
            } => {
                let t = ty
                    .as_ref()
                    .map(|t| format!("{} ", type_text(t)))
                    .unwrap_or_default();
                self.line(&format!("ForIn {t}{}", var.name), sp);
                self.nested(|d| {
                    d.expr(iterable);
                    d.stmt(body);
                });
            }
            StmtKind::For {
                init,
                cond,
                update,
                body,
            } => {
                self.line("For", sp);
                self.nested(|d| {
                    d.labelled("init", |d| d.stmts(init));
                    if let Some(c) = cond {
                        d.labelled("cond", |d| d.expr(c));
                    }
                    d.labelled("update", |d| update.iter().for_each(|e| d.expr(e)));
                    d.stmt(body);
                });
            }
            StmtKind::Switch { subject, cases } => {
                self.line("Switch", sp);
                self.nested(|d| {
                    d.expr(subject);
                    for c in cases {
                        d.line("Case", c.span);
                        d.nested(|d| {
                            for l in &c.labels {
                                match l {
                                    Some(e) => d.labelled("case", |d| d.expr(e)),
                                    None => d.labelled("default", |_| {}),
                                }
                            }
                            d.stmts(&c.body);
                        });
                    }
                });
            }
            StmtKind::Try {
                body,
                catches,
                finally,
            } => {
                self.line("Try", sp);
                self.nested(|d| {
                    d.block(body);
                    for c in catches {
                        let types: Vec<String> = c.types.iter().map(type_text).collect();
                        d.line(
                            &format!("Catch ({} {})", types.join(" | "), c.var.name),
                            c.span,
                        );
                        d.nested(|d| d.block(&c.body));
                    }
                    if let Some(f) = finally {
                        d.labelled("finally", |d| d.block(f));
                    }
                });
            }
            StmtKind::Return(e) => {
                self.line("Return", sp);
                self.nested(|d| e.iter().for_each(|e| d.expr(e)));
            }
            StmtKind::Throw(e) => {
                self.line("Throw", sp);
                self.nested(|d| d.expr(e));
            }
            StmtKind::Break(l) => self.line(&format!("Break{}", label(l)), sp),
            StmtKind::Continue(l) => self.line(&format!("Continue{}", label(l)), sp),
            StmtKind::Assert { cond, message } => {
                self.line("Assert", sp);
                self.nested(|d| {
                    d.expr(cond);
                    message.iter().for_each(|m| d.expr(m));
                });
            }
            StmtKind::Labeled { label, body } => {
                self.line(&format!("Label {}", label.name), sp);
                self.nested(|d| d.stmt(body));
            }
            StmtKind::Synchronized { lock, body } => {
                self.line("Synchronized", sp);
                self.nested(|d| {
                    d.expr(lock);
                    d.block(body);
                });
            }
            StmtKind::Empty => self.line("Empty", sp),
        }
    }

    fn var(&mut self, v: &VarDecl, sp: Span) {
        let t =
            v.ty.as_ref()
                .map(|t| format!(" {}", type_text(t)))
                .unwrap_or_default();
        self.line(&format!("Var{}{t}", modifiers(&v.modifiers)), sp);
        self.nested(|d| {
            d.annotations(&v.modifiers.annotations);
            for decl in &v.declarators {
                d.line(&format!("{}", decl.name.name), decl.name.span);
                if let Some(init) = &decl.init {
                    d.nested(|d| d.expr(init));
                }
            }
        });
    }

    fn annotations(&mut self, annotations: &[Annotation]) {
        for a in annotations {
            self.line(&format!("@{}", a.name.name), a.span);
            self.nested(|d| {
                for (k, v) in &a.args {
                    match k {
                        Some(k) => d.labelled(&k.name, |d| d.expr(v)),
                        None => d.expr(v),
                    }
                }
            });
        }
    }

    fn method(&mut self, m: &MethodDecl) {
        let kind = if m.constructor {
            "Constructor"
        } else {
            "Method"
        };
        let ret = m
            .return_type
            .as_ref()
            .map(|t| format!(" {}", type_text(t)))
            .unwrap_or_default();
        let generics = if m.type_params.is_empty() {
            String::new()
        } else {
            format!(" {}", type_params_text(&m.type_params))
        };
        self.line(
            &format!(
                "{kind}{}{generics}{ret} {:?}",
                modifiers(&m.modifiers),
                &*m.name.name
            ),
            m.span,
        );
        self.nested(|d| {
            d.annotations(&m.modifiers.annotations);
            d.params(&m.params);
            match &m.body {
                Some(b) => d.block(b),
                None => d.labelled("no body", |_| {}),
            }
        });
    }

    fn params(&mut self, params: &[Param]) {
        for p in params {
            let t =
                p.ty.as_ref()
                    .map(|t| format!("{} ", type_text(t)))
                    .unwrap_or_default();
            let dots = if p.varargs { "... " } else { "" };
            self.line(
                &format!("Param{} {t}{dots}{}", modifiers(&p.modifiers), p.name.name),
                p.span,
            );
            if let Some(def) = &p.default {
                self.nested(|d| d.labelled("default", |d| d.expr(def)));
            }
        }
    }

    fn class(&mut self, c: &ClassDecl) {
        let mut text = format!("{:?}{} {}", c.kind, modifiers(&c.modifiers), c.name.name);
        if !c.type_params.is_empty() {
            text.push_str(&type_params_text(&c.type_params));
        }
        if !c.extends.is_empty() {
            let t: Vec<String> = c.extends.iter().map(type_text).collect();
            let _ = write!(text, " extends {}", t.join(", "));
        }
        if !c.implements.is_empty() {
            let t: Vec<String> = c.implements.iter().map(type_text).collect();
            let _ = write!(text, " implements {}", t.join(", "));
        }
        self.line(&text, c.span);
        self.nested(|d| {
            d.annotations(&c.modifiers.annotations);
            for k in &c.constants {
                d.line(&format!("Constant {}", k.name.name), k.name.span);
                d.nested(|d| {
                    if let Some(a) = &k.args {
                        d.args(a);
                    }
                    d.members(&k.members);
                });
            }
            d.members(&c.members);
        });
    }

    fn members(&mut self, members: &[ClassMember]) {
        for m in members {
            match m {
                ClassMember::Field(v, sp) => self.var(v, *sp),
                ClassMember::Method(m) => self.method(m),
                ClassMember::Class(c) => self.class(c),
                ClassMember::Initializer { is_static, block } => {
                    let label = if *is_static {
                        "static initializer"
                    } else {
                        "initializer"
                    };
                    self.labelled(label, |d| d.block(block));
                }
            }
        }
    }

    fn member(&mut self, m: &Member) -> String {
        match m {
            Member::Name(i) => i.name.to_string(),
            Member::Dynamic(_) => "<dynamic>".into(),
        }
    }

    fn args(&mut self, args: &Args) {
        for a in &args.items {
            match a {
                Arg::Positional(e) => self.expr(e),
                Arg::Named(k, v) => self.entry(k, v),
                Arg::Spread(e) => self.labelled("*", |d| d.expr(e)),
                Arg::SpreadMap(e) => self.labelled("*:", |d| d.expr(e)),
            }
        }
    }

    fn entry(&mut self, k: &MapKey, v: &Expr) {
        match k {
            MapKey::Str(s) => self.labelled(&format!("{:?}", &*s.name), |d| d.expr(v)),
            MapKey::Expr(e) => self.labelled("key", |d| {
                d.expr(e);
                d.labelled("value", |d| d.expr(v));
            }),
        }
    }

    fn expr(&mut self, e: &Expr) {
        let sp = e.span;
        match &e.kind {
            ExprKind::Null => self.line("Null", sp),
            ExprKind::Bool(b) => self.line(&format!("Bool {b}"), sp),
            ExprKind::Number(n) => self.line(&format!("Number {n}"), sp),
            ExprKind::Str(s) => self.line(&format!("Str {:?}", &**s), sp),
            ExprKind::GString(parts) => {
                self.line("GString", sp);
                self.nested(|d| {
                    for p in parts {
                        match p {
                            GStringPart::Text(t) => {
                                let _ = writeln!(d.out, "{}Text {:?}", "  ".repeat(d.depth), &**t);
                            }
                            GStringPart::Value(v) => d.expr(v),
                            GStringPart::Statements(s) => d.labelled("statements", |d| d.stmts(s)),
                        }
                    }
                });
            }
            ExprKind::List(items) => {
                self.line("List", sp);
                self.nested(|d| items.iter().for_each(|i| d.expr(i)));
            }
            ExprKind::Map(items) => {
                self.line("Map", sp);
                self.nested(|d| {
                    for i in items {
                        match i {
                            MapItem::Entry(k, v) => d.entry(k, v),
                            MapItem::Spread(e) => d.labelled("*:", |d| d.expr(e)),
                        }
                    }
                });
            }
            ExprKind::Ident(n) => self.line(&format!("Ident {n}"), sp),
            ExprKind::This => self.line("This", sp),
            ExprKind::Super => self.line("Super", sp),
            ExprKind::Property {
                object,
                name,
                access,
                field,
            } => {
                let n = self.member(name);
                let op = access_text(*access, *field);
                self.line(&format!("Property {op}{n}"), sp);
                self.nested(|d| {
                    d.expr(object);
                    if let Member::Dynamic(m) = name {
                        d.labelled("name", |d| d.expr(m));
                    }
                });
            }
            ExprKind::MethodPointer { object, name } => {
                let n = self.member(name);
                self.line(&format!("MethodPointer .&{n}"), sp);
                self.nested(|d| d.expr(object));
            }
            ExprKind::Call {
                object,
                method,
                args,
                access,
            } => {
                let n = self.member(method);
                let op = if object.is_some() {
                    access_text(*access, false)
                } else {
                    ""
                };
                self.line(&format!("Call {op}{n}"), sp);
                self.nested(|d| {
                    if let Some(o) = object {
                        d.labelled("on", |d| d.expr(o));
                    }
                    if let Member::Dynamic(m) = method {
                        d.labelled("name", |d| d.expr(m));
                    }
                    d.args(args);
                });
            }
            ExprKind::CallValue { callee, args } => {
                self.line("CallValue", sp);
                self.nested(|d| {
                    d.labelled("callee", |d| d.expr(callee));
                    d.args(args);
                });
            }
            ExprKind::Index { object, index } => {
                self.line("Index", sp);
                self.nested(|d| {
                    d.expr(object);
                    index.iter().for_each(|i| d.expr(i));
                });
            }
            ExprKind::Unary { op, operand } => {
                let post = matches!(op, UnaryOp::PostInc | UnaryOp::PostDec);
                let text = if post {
                    format!("Postfix {}", op.symbol())
                } else {
                    format!("Prefix {}", op.symbol())
                };
                self.line(&text, sp);
                self.nested(|d| d.expr(operand));
            }
            ExprKind::Binary { op, left, right } => {
                self.line(&format!("Binary {}", op.symbol()), sp);
                self.nested(|d| {
                    d.expr(left);
                    d.expr(right);
                });
            }
            ExprKind::Ternary {
                cond,
                then,
                otherwise,
            } => {
                self.line("Ternary", sp);
                self.nested(|d| {
                    d.expr(cond);
                    d.expr(then);
                    d.expr(otherwise);
                });
            }
            ExprKind::Elvis { value, fallback } => {
                self.line("Elvis", sp);
                self.nested(|d| {
                    d.expr(value);
                    d.expr(fallback);
                });
            }
            ExprKind::Assign { op, target, value } => {
                let text = op.map_or("=".to_string(), |o| format!("{}=", o.symbol()));
                self.line(&format!("Assign {text}"), sp);
                self.nested(|d| {
                    d.expr(target);
                    d.expr(value);
                });
            }
            ExprKind::MultiAssign { targets, value } => {
                let names: Vec<&str> = targets.iter().map(|t| &*t.name).collect();
                self.line(&format!("MultiAssign ({})", names.join(", ")), sp);
                self.nested(|d| d.expr(value));
            }
            ExprKind::Cast { ty, expr } => {
                self.line(&format!("Cast ({})", type_text(ty)), sp);
                self.nested(|d| d.expr(expr));
            }
            ExprKind::As { expr, ty } => {
                self.line(&format!("As {}", type_text(ty)), sp);
                self.nested(|d| d.expr(expr));
            }
            ExprKind::InstanceOf { expr, ty } => {
                self.line(&format!("InstanceOf {}", type_text(ty)), sp);
                self.nested(|d| d.expr(expr));
            }
            ExprKind::Closure(c) => {
                let params = match &c.params {
                    None => String::new(),
                    Some(p) if p.is_empty() => " ->".into(),
                    Some(_) => " (params) ->".into(),
                };
                self.line(&format!("Closure{params}"), sp);
                self.nested(|d| {
                    if let Some(p) = &c.params {
                        d.params(p);
                    }
                    d.stmts(&c.body);
                });
            }
            ExprKind::New { ty, args, body } => {
                self.line(&format!("New {}", type_text(ty)), sp);
                self.nested(|d| {
                    d.args(args);
                    if let Some(b) = body {
                        d.labelled("anonymous class", |d| d.members(&b.members));
                    }
                });
            }
            ExprKind::NewArray { ty, dims } => {
                self.line(&format!("NewArray {}", type_text(ty)), sp);
                self.nested(|d| dims.iter().for_each(|e| d.expr(e)));
            }
            ExprKind::Spread(e) => {
                self.line("Spread", sp);
                self.nested(|d| d.expr(e));
            }
            ExprKind::Paren(e) => {
                self.line("Paren", sp);
                self.nested(|d| d.expr(e));
            }
        }
    }
}

fn access_text(access: Access, field: bool) -> &'static str {
    match (access, field) {
        (Access::Normal, false) => ".",
        (Access::Normal, true) => ".@",
        (Access::Safe, false) => "?.",
        (Access::Safe, true) => "?.@",
        (Access::Spread, false) => "*.",
        (Access::Spread, true) => "*.@",
    }
}

fn label(l: &Option<Ident>) -> String {
    l.as_ref()
        .map(|l| format!(" {}", l.name))
        .unwrap_or_default()
}

fn modifiers(m: &Modifiers) -> String {
    m.keywords.iter().map(|k| format!(" {}", k.name)).collect()
}

/// Generic type parameters as Groovy would write them: `<T extends Number & Comparable<T>, U>`.
fn type_params_text(params: &[TypeParam]) -> String {
    let params: Vec<String> = params
        .iter()
        .map(|p| {
            let bounds: Vec<String> = p.bounds.iter().map(type_text).collect();
            if bounds.is_empty() {
                p.name.name.to_string()
            } else {
                format!("{} extends {}", p.name.name, bounds.join(" & "))
            }
        })
        .collect();
    format!("<{}>", params.join(", "))
}

/// A type as Groovy would write it.
pub(crate) fn type_text(t: &TypeRef) -> String {
    let mut s = t.name.to_string();
    match &t.bound {
        Some(WildcardBound::Extends(b)) => {
            let _ = write!(s, " extends {}", type_text(b));
        }
        Some(WildcardBound::Super(b)) => {
            let _ = write!(s, " super {}", type_text(b));
        }
        None => {}
    }
    if !t.args.is_empty() {
        let args: Vec<String> = t.args.iter().map(type_text).collect();
        let _ = write!(s, "<{}>", args.join(", "));
    }
    for _ in 0..t.dims {
        s.push_str("[]");
    }
    s
}
