//! Messages of failed `assert` statements (Groovy's power assert, simplified: the assertion's
//! text and the values of the names in it).

use jenkins_harness_grammar::ast::{Expr, ExprKind};

use crate::interp::{Ctx, Interpreter};

/// The source text of `e`.
pub(crate) fn source_text(it: &Interpreter, e: &Expr) -> String {
    it.source.get(e.span.range()).unwrap_or("").to_string()
}

/// The message of a failed `assert cond` without a message.
pub(crate) fn render(it: &mut Interpreter, cond: &Expr, _ctx: &Ctx) -> String {
    format!("assert {}", source_text(it, cond))
}

/// `. Values: a = 1, b = 2` for the names used in `cond`.
pub(crate) fn values_line(it: &mut Interpreter, cond: &Expr, ctx: &Ctx) -> String {
    let mut names = Vec::new();
    collect_names(cond, &mut names);
    if names.is_empty() {
        return String::new();
    }
    let parts: Vec<String> = names
        .iter()
        .map(|n| {
            let v = ctx
                .scope
                .get(n)
                .or_else(|| it.binding.borrow().get(n).cloned());
            format!("{n} = {}", v.map(|v| v.to_display()).unwrap_or_default())
        })
        .collect();
    format!(". Values: {}", parts.join(", "))
}

fn collect_names(e: &Expr, out: &mut Vec<std::rc::Rc<str>>) {
    match &e.kind {
        ExprKind::Ident(n) if !out.contains(n) => {
            out.push(n.clone());
        }
        ExprKind::Binary { left, right, .. } => {
            collect_names(left, out);
            collect_names(right, out);
        }
        ExprKind::Unary { operand, .. } | ExprKind::Paren(operand) => collect_names(operand, out),
        _ => {}
    }
}
