//! Findings about a source file: where, how bad, which rule, what; built from syntax errors.
//!
//! ```
//! use jenkins_harness::diagnostic::{Diagnostic, SourceFile};
//! use jenkins_harness::grammar::{Span, SyntaxError};
//!
//! let text = "node {\n  sh 'make'\n";
//! let file = SourceFile::new("Jenkinsfile", text);
//! let error = SyntaxError::new(Span::new(19, 19), "unexpected end of file, expecting '}'")
//!     .with_label(Span::new(5, 6), "this '{' is never closed");
//! let diagnostic = Diagnostic::syntax(&file, &error);
//! assert_eq!((diagnostic.line, diagnostic.column), (3, 1));
//! assert_eq!(diagnostic.code, "syntax");
//! println!("{}", diagnostic.render(text, false));
//! ```

mod human;

use jenkins_harness_grammar::{LineCol, LineIndex, Span, SyntaxError};
use serde::Serialize;

/// How bad a finding is. Only errors make `lint` fail.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The file is wrong: Jenkins would reject it or fail on it.
    Error,
    /// The file works but probably not as meant.
    Warning,
    /// Worth knowing; nothing is wrong.
    Info,
}

impl Severity {
    /// The lowercase name used in every output format.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One finding in one file.
///
/// Lines and columns are 1-based and count characters; the end is exclusive (one past the last
/// character), so an empty span has its end equal to its start. Serializes to the JSON shape of
/// `lint --format json`: `file`, `line`, `column`, `end_line`, `end_column`, `severity`, `code`,
/// `message` (the byte span and the labels are left out).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Diagnostic {
    /// The file, as given or walked, with forward slashes.
    pub file: String,
    /// Line of the start.
    pub line: u32,
    /// Column of the start.
    pub column: u32,
    /// Line of the end.
    pub end_line: u32,
    /// Column of the end (exclusive).
    pub end_column: u32,
    /// How bad it is.
    pub severity: Severity,
    /// Which check found it, in kebab-case; `syntax` for a Groovy syntax error.
    pub code: String,
    /// What is wrong, in plain words.
    pub message: String,
    /// Byte range of the finding in the source.
    #[serde(skip)]
    pub span: Span,
    /// Other places that explain the finding.
    #[serde(skip)]
    pub labels: Vec<Label>,
}

/// A secondary place named by a diagnostic, such as the bracket left open.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Label {
    /// Line of the start.
    pub line: u32,
    /// Column of the start.
    pub column: u32,
    /// Line of the end.
    pub end_line: u32,
    /// Column of the end (exclusive).
    pub end_column: u32,
    /// What the place is, e.g. "this '(' is never closed".
    pub message: String,
    /// Byte range of the place in the source.
    pub span: Span,
}

/// A file's display name and text, indexed by line, that diagnostics point into.
#[derive(Clone, Debug)]
pub struct SourceFile<'a> {
    name: String,
    text: &'a str,
    index: LineIndex,
}

impl<'a> SourceFile<'a> {
    /// Indexes `text`; `name` is shown as the file of every diagnostic (use forward slashes).
    #[must_use]
    pub fn new(name: impl Into<String>, text: &'a str) -> Self {
        SourceFile {
            name: name.into(),
            text,
            index: LineIndex::new(text),
        }
    }

    /// The display name.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The text.
    #[must_use]
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// Start and end of `span`, clamped to the text.
    fn range(&self, span: Span) -> (LineCol, LineCol) {
        let start = self.index.line_col(self.text, span.start as usize);
        let end = self.index.line_col(self.text, span.end as usize);
        (start, end.max(start))
    }
}

impl Diagnostic {
    /// A finding at `span` of `file`, with no labels.
    #[must_use]
    pub fn new(
        file: &SourceFile<'_>,
        span: Span,
        severity: Severity,
        code: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        let (start, end) = file.range(span);
        Diagnostic {
            file: file.name.clone(),
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
            severity,
            code: code.into(),
            message: message.into(),
            span,
            labels: Vec::new(),
        }
    }

    /// The error-level `syntax` finding for a Groovy syntax error, with its labels.
    #[must_use]
    pub fn syntax(file: &SourceFile<'_>, error: &SyntaxError) -> Self {
        let diagnostic = Diagnostic::new(
            file,
            error.span,
            Severity::Error,
            "syntax",
            error.message.as_str(),
        );
        error.labels.iter().fold(diagnostic, |d, label| {
            d.with_label(file, label.span, label.message.as_str())
        })
    }

    /// Adds a secondary place of `file` that explains the finding.
    #[must_use]
    pub fn with_label(
        mut self,
        file: &SourceFile<'_>,
        span: Span,
        message: impl Into<String>,
    ) -> Self {
        let (start, end) = file.range(span);
        self.labels.push(Label {
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
            message: message.into(),
            span,
        });
        self
    }

    /// Renders the finding rustc-style, with an excerpt of `source` (the text of `self.file`)
    /// marked with carets; ANSI-styled when `color` is true.
    #[must_use]
    pub fn render(&self, source: &str, color: bool) -> String {
        human::render(self, source, color)
    }
}

/// The `lint --format json` output: one compact JSON array of all findings.
///
/// # Panics
/// Never: diagnostics hold only strings, integers and unit variants, which always serialize.
#[must_use]
pub fn to_json(diagnostics: &[Diagnostic]) -> String {
    // Strings, integers and unit variants always serialize; only a failing `Serialize` impl or a
    // non-string map key could make serde_json fail, and there are none here.
    serde_json::to_string(diagnostics).expect("diagnostics serialize to JSON")
}

#[cfg(test)]
mod tests;
