//! Tests of diagnostics built from hand-made syntax errors, and of their human and JSON renderings.

use jenkins_harness_grammar::{Span, SyntaxError};

use super::*;

const PIPELINE: &str = "node {\n  sh(\n    script: 'make'\n  echo 'done'\n}\n";

/// The diagnostic for `error` in `text`, as file `ci/Jenkinsfile`.
fn syntax(text: &str, error: &SyntaxError) -> Diagnostic {
    Diagnostic::syntax(&SourceFile::new("ci/Jenkinsfile", text), error)
}

/// The plain human rendering of `error` in `text`.
fn human(text: &str, error: &SyntaxError) -> String {
    syntax(text, error).render(text, false)
}

fn missing_paren() -> SyntaxError {
    // `echo` on line 4 where the `)` of the `sh(` on line 2 was expected.
    SyntaxError::new(Span::new(34, 38), "expecting ')', found 'echo'")
        .with_label(Span::new(11, 12), "this '(' is never closed")
}

#[test]
fn syntax_error_becomes_an_error_with_positions_and_labels() {
    let d = syntax(PIPELINE, &missing_paren());
    assert_eq!(d.file, "ci/Jenkinsfile");
    assert_eq!((d.line, d.column, d.end_line, d.end_column), (4, 3, 4, 7));
    assert_eq!(d.severity, Severity::Error);
    assert_eq!(d.code, "syntax");
    assert_eq!(d.message, "expecting ')', found 'echo'");
    assert_eq!(d.labels.len(), 1);
    let label = &d.labels[0];
    assert_eq!(
        (label.line, label.column, label.end_line, label.end_column),
        (2, 5, 2, 6)
    );
    assert_eq!(label.message, "this '(' is never closed");
}

#[test]
fn human_shows_the_excerpt_with_caret_and_labels() {
    assert_eq!(
        human(PIPELINE, &missing_paren()),
        r"error[syntax]: expecting ')', found 'echo'
 --> ci/Jenkinsfile:4:3
  |
2 |   sh(
  |     - this '(' is never closed
3 |     script: 'make'
4 |   echo 'done'
  |   ^^^^
"
    );
}

#[test]
fn human_marks_the_end_of_file_on_the_line_after_the_last_newline() {
    let text = "node {\n  sh 'make'\n";
    let error = SyntaxError::new(Span::new(19, 19), "unexpected end of file, expecting '}'")
        .with_label(Span::new(5, 6), "this '{' is never closed");
    assert_eq!(
        human(text, &error),
        r"error[syntax]: unexpected end of file, expecting '}'
 --> ci/Jenkinsfile:3:1
  |
1 | node {
  |      - this '{' is never closed
2 |   sh 'make'
3 |
  | ^
"
    );
    let d = syntax(text, &error);
    assert_eq!((d.line, d.column, d.end_line, d.end_column), (3, 1, 3, 1));
}

#[test]
fn human_marks_an_empty_span_on_the_character_it_precedes() {
    let text = "sh 'a' 'b'\n";
    let out = human(
        text,
        &SyntaxError::new(Span::new(7, 7), "unexpected string"),
    );
    assert!(out.contains(" --> ci/Jenkinsfile:1:8\n"), "{out}");
    assert!(out.ends_with("1 | sh 'a' 'b'\n  |        ^\n"), "{out}");
}

#[test]
fn human_counts_columns_in_characters_and_survives_bad_spans() {
    let text = "echo 'héllo' ç(";
    // Byte 8 is inside 'é': the caret goes back to the start of the character.
    let out = human(
        text,
        &SyntaxError::new(Span::new(8, 9), "inside a character"),
    );
    assert!(out.contains(" --> ci/Jenkinsfile:1:8\n"), "{out}");
    // Past the end: clamped to the end of the text, where the excerpt agrees with the position.
    let error = SyntaxError::new(Span::new(900, 999), "far away");
    let d = syntax(text, &error);
    assert_eq!((d.line, d.column), (1, 16));
    let out = d.render(text, false);
    assert!(out.contains(" --> ci/Jenkinsfile:1:16\n"), "{out}");
    // An empty file still gets a caret.
    let out = human("", &SyntaxError::new(Span::new(0, 0), "empty"));
    assert!(out.ends_with("1 |\n  | ^\n"), "{out}");
}

#[test]
fn human_names_the_severity() {
    let file = SourceFile::new("vars/deploy.groovy", "def call() {}\n");
    let span = Span::new(4, 8);
    let warning = Diagnostic::new(&file, span, Severity::Warning, "cps", "not CPS-safe");
    assert!(
        warning
            .render(file.text(), false)
            .starts_with("warning[cps]: not CPS-safe\n")
    );
    let info = Diagnostic::new(&file, span, Severity::Info, "style", "fine");
    assert!(
        info.render(file.text(), false)
            .starts_with("info[style]: fine\n")
    );
}

#[test]
fn human_styled_uses_ansi_and_plain_does_not() {
    let styled = syntax(PIPELINE, &missing_paren()).render(PIPELINE, true);
    assert!(styled.contains('\u{1b}'), "{styled}");
    assert!(!human(PIPELINE, &missing_paren()).contains('\u{1b}'));
}

#[test]
fn json_is_one_compact_array_of_the_design_shape() {
    let d = syntax(PIPELINE, &missing_paren());
    assert_eq!(
        to_json(&[d]),
        r#"[{"file":"ci/Jenkinsfile","line":4,"column":3,"end_line":4,"end_column":7,"severity":"error","code":"syntax","message":"expecting ')', found 'echo'"}]"#
    );
    assert_eq!(to_json(&[]), "[]");
}

#[test]
fn human_handles_crlf_line_endings() {
    let text = "node {\r\n  sh(\r\n  echo 'x'\r\n}\r\n";
    let at = text.find("echo").unwrap_or_default();
    let open = text.find('(').unwrap_or_default();
    let error = SyntaxError::new(Span::new(at, at + 4), "expecting ')', found 'echo'")
        .with_label(Span::new(open, open + 1), "this '(' is never closed");
    assert_eq!(
        human(text, &error),
        r"error[syntax]: expecting ')', found 'echo'
 --> ci/Jenkinsfile:3:3
  |
2 |   sh(
  |     - this '(' is never closed
3 |   echo 'x'
  |   ^^^^
"
    );
}
