//! Messages of failed `assert` statements: Groovy's power assert (the assertion's text with
//! the value of each sub-expression written under it) and, with a message, the
//! `msg. Expression: ... Values: ...` form.

use jenkins_harness_grammar::ast::{BinaryOp, Expr, ExprKind, Member, UnaryOp};

use crate::interp::{Ctx, Interpreter};
use crate::value::Value;

/// Values recorded while an assertion's condition is evaluated.
#[derive(Debug, Default)]
pub(crate) struct Recorder {
    /// The call depth of the assertion: only expressions evaluated there are recorded.
    pub(crate) depth: usize,
    /// Byte offset in the source of each recorded expression's anchor, and its value.
    pub(crate) values: Vec<(usize, Value)>,
}

/// The prefix Groovy writes before the condition.
const PREFIX: &str = "assert ";

/// The source text of `e`.
pub(crate) fn source_text(it: &Interpreter, e: &Expr) -> String {
    it.source.get(e.span.range()).unwrap_or("").to_string()
}

/// Records `v` as the value of `e`, if Groovy's power assert shows values of such expressions.
pub(crate) fn record(rec: &mut Recorder, source: &str, e: &Expr, v: &Value) {
    if let Some(at) = anchor(source, e) {
        rec.values.push((at, v.clone()));
    }
}

/// Where the value of `e` is written: a name's start, an operator, a property or method name.
fn anchor(source: &str, e: &Expr) -> Option<usize> {
    let start = e.span.start as usize;
    match &e.kind {
        // Groovy places a name inside `${...}` one column early, under the brace.
        ExprKind::Ident(_) if start >= 2 && source.get(start - 2..start) == Some("${") => {
            Some(start - 1)
        }
        ExprKind::Ident(_) => Some(start),
        ExprKind::Binary {
            op: BinaryOp::Range | BinaryOp::RangeExclusive,
            ..
        } => None,
        ExprKind::Binary { op, left, right } => {
            let from = left.span.end as usize;
            let gap = source.get(from..right.span.start as usize)?;
            gap.find(op.symbol()).map(|i| from + i)
        }
        ExprKind::Index { object, .. } => {
            let from = object.span.end as usize;
            source.get(from..)?.find('[').map(|i| from + i)
        }
        ExprKind::Property {
            name: Member::Name(n),
            ..
        } => Some(n.span.start as usize),
        ExprKind::Call {
            method: Member::Name(n),
            ..
        } => Some(n.span.start as usize),
        ExprKind::Unary {
            op: UnaryOp::PostInc | UnaryOp::PostDec,
            operand,
        } => Some(operand.span.end as usize),
        ExprKind::Unary { .. } => Some(start),
        ExprKind::InstanceOf { expr, .. } => {
            let from = expr.span.end as usize;
            source.get(from..)?.find("instanceof").map(|i| from + i)
        }
        _ => None,
    }
}

/// The message of a failed `assert cond` without a message.
pub(crate) fn render(it: &mut Interpreter, cond: &Expr, recorded: Vec<(usize, Value)>) -> String {
    let (text, columns) = normalized(&source_text(it, cond), cond.span.start as usize);
    let mut lines = vec![format!("{PREFIX}{text}"), String::new()];
    let mut values: Vec<(usize, Value)> = recorded
        .into_iter()
        .filter_map(|(at, v)| {
            let column = columns.iter().find(|(offset, _)| *offset == at)?.1;
            Some((PREFIX.len() + column + 1, v))
        })
        .collect();
    // Rightmost first; of several values in one column only the last (outermost) is shown.
    values.sort_by_key(|v| std::cmp::Reverse(v.0));
    let mut starts = vec![0usize, 0];
    for i in 0..values.len() {
        let column = values[i].0;
        if values.get(i + 1).is_some_and(|n| n.0 == column) {
            continue;
        }
        let shown = match it.to_string_value(&values[i].1) {
            Ok(s) => s,
            Err(_) => values[i].1.to_display(),
        };
        place_value(&mut lines, &mut starts, &shown, column);
    }
    lines.join("\n")
}

/// The condition's text on one line, as Groovy shows it (continuation lines trimmed and joined
/// with a space), and the column (0-based, in that text) of each kept source byte offset.
fn normalized(text: &str, start: usize) -> (String, Vec<(usize, usize)>) {
    let mut out = String::new();
    let mut columns = Vec::new();
    let mut offset = start;
    for (i, line) in text.split('\n').enumerate() {
        let kept = if i == 0 { line } else { line.trim_start() };
        let skipped = line.len() - kept.len();
        let kept = kept.trim_end();
        if i > 0 && !kept.is_empty() {
            out.push(' ');
        }
        let mut at = offset + skipped;
        for (column, c) in (out.chars().count()..).zip(kept.chars()) {
            columns.push((at, column));
            out.push(c);
            at += c.len_utf8();
        }
        offset += line.len() + 1;
    }
    (out, columns)
}

/// Places one value in the first line where it fits, drawing `|` above it on the others.
fn place_value(lines: &mut Vec<String>, starts: &mut Vec<usize>, shown: &str, column: usize) {
    let end = if shown.contains(['\r', '\n']) {
        usize::MAX
    } else {
        column + shown.chars().count()
    };
    for j in 1..lines.len() {
        if end < starts[j] {
            place(&mut lines[j], shown, column);
            starts[j] = column;
            return;
        }
        place(&mut lines[j], "|", column);
        if j > 1 {
            starts[j] = column + 1;
        }
    }
    let mut line = String::new();
    place(&mut line, shown, column);
    lines.push(line);
    starts.push(column);
}

/// Writes `text` into `line` at 1-based `column`, padding with spaces.
fn place(line: &mut String, text: &str, column: usize) {
    let mut chars: Vec<char> = line.chars().collect();
    let at = column.saturating_sub(1);
    if chars.len() < at {
        chars.resize(at, ' ');
    }
    let tail: Vec<char> = chars.split_off(at.min(chars.len()));
    chars.extend(text.chars());
    let written = text.chars().count();
    chars.extend(tail.into_iter().skip(written));
    *line = chars.into_iter().collect();
}

/// The condition as Groovy's `Expression.getText()` gives it (`(a > 10)` for a comparison).
pub(crate) fn expression_text(it: &Interpreter, e: &Expr) -> String {
    match &e.kind {
        ExprKind::Binary { op, left, right } => format!(
            "({} {} {})",
            expression_text(it, left),
            op.symbol(),
            expression_text(it, right)
        ),
        ExprKind::Str(s) => s.to_string(),
        // Groovy's NotExpression text is its operand's.
        ExprKind::Paren(inner)
        | ExprKind::Unary {
            op: UnaryOp::Not,
            operand: inner,
        } => expression_text(it, inner),
        ExprKind::Index { object, index } if index.len() == 1 => format!(
            "{}[{}]",
            expression_text(it, object),
            expression_text(it, &index[0])
        ),
        ExprKind::List(items) => {
            let parts: Vec<String> = items.iter().map(|i| expression_text(it, i)).collect();
            format!("[{}]", parts.join(", "))
        }
        _ => source_text(it, e),
    }
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
        ExprKind::Index { object, index } => {
            collect_names(object, out);
            for i in index {
                collect_names(i, out);
            }
        }
        _ => {}
    }
}
