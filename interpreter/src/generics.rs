//! Erasure of generic type parameters, as Groovy compiles them: where a parameter, return
//! value, field or local is typed with a class's or method's type parameter (`T`), the type is
//! the parameter's first bound (`Number` for `<T extends Number>`), `Object` when unbounded.
//! Declarations are erased once, when the script declares its methods and classes.
//!
//! Not erased: types inside expressions (`x as T`, `(T) x`, typed locals and parameters of
//! closures), which keep the name `T`; a cast to an unknown name leaves the value as it is, as
//! erasure to `Object` would.

use std::collections::HashMap;
use std::rc::Rc;

use jenkins_harness_grammar::ast::{
    Block, ClassDecl, ClassMember, MethodDecl, Name, Stmt, StmtKind, TypeParam, TypeRef,
};

/// Type parameters in scope, by name, with the type each one erases to.
#[derive(Clone, Default)]
pub(crate) struct Erasure(HashMap<Name, TypeRef>);

impl Erasure {
    /// This scope with `params` added (they shadow outer ones of the same name). A bound that
    /// names an earlier parameter (`<T, U extends T>`) erases to that parameter's erasure.
    fn with(&self, params: &[TypeParam]) -> Self {
        let mut out = self.clone();
        for p in params {
            let erased = match p.bounds.first() {
                Some(bound) => out.erase(bound),
                None => TypeRef::named("Object", p.name.span),
            };
            out.0.insert(p.name.name.clone(), erased);
        }
        out
    }

    /// `ty` with a type parameter replaced by its erasure (array dimensions kept).
    fn erase(&self, ty: &TypeRef) -> TypeRef {
        match self.0.get(&ty.name) {
            Some(erased) if ty.args.is_empty() => TypeRef {
                dims: erased.dims.saturating_add(ty.dims),
                span: ty.span,
                ..erased.clone()
            },
            _ => ty.clone(),
        }
    }

    fn erase_opt(&self, ty: &mut Option<TypeRef>) {
        if let Some(t) = ty {
            *t = self.erase(t);
        }
    }
}

/// A script method with its type parameters erased (the same declaration when it has none).
pub(crate) fn erase_method(m: &Rc<MethodDecl>) -> Rc<MethodDecl> {
    method(m, &Erasure::default())
}

/// A class with the type parameters of it, its methods and nested classes erased (the same
/// declaration when none of them has any).
pub(crate) fn erase_class(c: &Rc<ClassDecl>) -> Rc<ClassDecl> {
    class(c, &Erasure::default())
}

fn method(m: &Rc<MethodDecl>, outer: &Erasure) -> Rc<MethodDecl> {
    if m.type_params.is_empty() && outer.0.is_empty() {
        return m.clone();
    }
    let scope = outer.with(&m.type_params);
    let mut out = (**m).clone();
    scope.erase_opt(&mut out.return_type);
    for p in &mut out.params {
        scope.erase_opt(&mut p.ty);
    }
    if let Some(body) = &mut out.body {
        block(body, &scope);
    }
    Rc::new(out)
}

fn class(c: &Rc<ClassDecl>, outer: &Erasure) -> Rc<ClassDecl> {
    if outer.0.is_empty() && !has_type_params(c) {
        return c.clone();
    }
    let scope = outer.with(&c.type_params);
    let mut out = (**c).clone();
    for m in &mut out.members {
        match m {
            ClassMember::Field(decl, _) => scope.erase_opt(&mut decl.ty),
            ClassMember::Method(md) => *md = method(md, &scope),
            ClassMember::Class(nested) => *nested = class(nested, &scope),
            ClassMember::Initializer { block: b, .. } => block(b, &scope),
        }
    }
    Rc::new(out)
}

/// Whether `c`, one of its methods or nested classes declares type parameters.
fn has_type_params(c: &ClassDecl) -> bool {
    !c.type_params.is_empty()
        || c.members.iter().any(|m| match m {
            ClassMember::Method(m) => !m.type_params.is_empty(),
            ClassMember::Class(nested) => has_type_params(nested),
            _ => false,
        })
}

fn block(b: &mut Block, scope: &Erasure) {
    for s in &mut b.statements {
        stmt(s, scope);
    }
}

/// Erases the declared types of the locals of a statement and of the statements in it.
fn stmt(s: &mut Stmt, scope: &Erasure) {
    match &mut s.kind {
        StmtKind::Var(decl) => scope.erase_opt(&mut decl.ty),
        StmtKind::MultiVar(m) => {
            for (ty, _) in &mut m.vars {
                scope.erase_opt(ty);
            }
        }
        StmtKind::Block(b) | StmtKind::Synchronized { body: b, .. } => block(b, scope),
        StmtKind::If {
            then, otherwise, ..
        } => {
            stmt(then, scope);
            if let Some(o) = otherwise {
                stmt(o, scope);
            }
        }
        StmtKind::While { body, .. } | StmtKind::Labeled { body, .. } => stmt(body, scope),
        StmtKind::ForIn { ty, body, .. } => {
            scope.erase_opt(ty);
            stmt(body, scope);
        }
        StmtKind::For { init, body, .. } => {
            for s in init {
                stmt(s, scope);
            }
            stmt(body, scope);
        }
        StmtKind::Switch { cases, .. } => {
            for c in cases {
                for s in &mut c.body {
                    stmt(s, scope);
                }
            }
        }
        StmtKind::Try {
            body,
            catches,
            finally,
        } => {
            block(body, scope);
            for c in catches {
                block(&mut c.body, scope);
            }
            if let Some(f) = finally {
                block(f, scope);
            }
        }
        StmtKind::Expr(_)
        | StmtKind::Method(_)
        | StmtKind::Class(_)
        | StmtKind::Import(_)
        | StmtKind::Return(_)
        | StmtKind::Throw(_)
        | StmtKind::Break(_)
        | StmtKind::Continue(_)
        | StmtKind::Assert { .. }
        | StmtKind::Empty => {}
    }
}
