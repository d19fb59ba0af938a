//! The human format: a rustc-style report with a source excerpt, drawn by annotate-snippets.

use std::borrow::Cow;
use std::ops::Range;

use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};
use jenkins_harness_grammar::Span;

use super::{Diagnostic, Severity};

/// Renders `diagnostic` against `source`, the text of its file.
pub(super) fn render(diagnostic: &Diagnostic, source: &str, color: bool) -> String {
    let level = match diagnostic.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    };
    // A span at the very end of the text has no character to put a caret under: give it one,
    // so that the excerpt shows the same line and column as the diagnostic.
    let mut spans =
        std::iter::once(diagnostic.span).chain(diagnostic.labels.iter().map(|l| l.span));
    let text = if spans.any(|span| span.start as usize >= source.len()) {
        Cow::Owned(format!("{source} "))
    } else {
        Cow::Borrowed(source)
    };
    let snippet = Snippet::source(text.as_ref())
        .path(diagnostic.file.as_str())
        .annotation(AnnotationKind::Primary.span(byte_range(&text, source.len(), diagnostic.span)))
        .annotations(diagnostic.labels.iter().map(|label| {
            AnnotationKind::Context
                .span(byte_range(&text, source.len(), label.span))
                .label(label.message.as_str())
        }));
    let report = [level
        .primary_title(diagnostic.message.as_str())
        .id(diagnostic.code.as_str())
        .element(snippet)];
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    // The padding, if any, must not leave trailing spaces that editors would strip from snapshots.
    let mut out = String::new();
    for line in renderer.render(&report).lines() {
        out.push_str(line.trim_end_matches(' '));
        out.push('\n');
    }
    out
}

/// `span` as a byte range that is safe to slice `text` with: clamped to `len` bytes (the text
/// before any padding), on character boundaries, and covering at least one character when there
/// is one, so that a caret is drawn.
fn byte_range(text: &str, len: usize, span: Span) -> Range<usize> {
    let floor = |mut at: usize| {
        at = at.min(len);
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    let start = floor(span.start as usize);
    let end = floor(span.end as usize).max(start);
    match text[start..].chars().next() {
        Some(c) if start == end => start..start + c.len_utf8(),
        _ => start..end,
    }
}
