//! `jenkins-harness lint`: find pipeline files, parse them, print the findings, pick the exit code.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use jenkins_harness::diagnostic::{self, Diagnostic, Severity, SourceFile};
use jenkins_harness::grammar::{self, Span};

use crate::cli::Format;
use crate::walk::{self, Entry};

/// Exit code: no error-level finding.
const OK: i32 = 0;
/// Exit code: at least one error-level finding.
const FINDINGS: i32 = 1;
/// Exit code: a usage or I/O error.
const FAILURE: i32 = 2;

/// Lints `paths` (the current directory when empty), prints the findings in `format` on stdout
/// and I/O errors on stderr, and returns the exit code.
pub fn lint(paths: &[PathBuf], format: Format) -> i32 {
    let implicit = paths.is_empty();
    let roots = if implicit {
        vec![PathBuf::from(".")]
    } else {
        paths.to_vec()
    };
    let color = anstream::AutoStream::choice(&io::stdout()) != anstream::ColorChoice::Never;
    let mut out = anstream::stdout().lock();
    let mut tally = Tally::default();
    let mut all = Vec::new();
    for entry in walk::walk(&roots, is_pipeline_file) {
        let path = match entry {
            Entry::File(path) => path,
            Entry::Error(path, error) => {
                io_error(&path, &error);
                tally.io_errors += 1;
                continue;
            }
        };
        let name = walk::display(if implicit {
            path.strip_prefix(".").unwrap_or(&path)
        } else {
            &path
        });
        let (text, diagnostics) = match check(&path, name) {
            Ok(checked) => checked,
            Err(error) => {
                io_error(&path, &error);
                tally.io_errors += 1;
                continue;
            }
        };
        tally.add(&diagnostics);
        if format == Format::Json {
            all.extend(diagnostics);
            continue;
        }
        for d in &diagnostics {
            if let Err(error) = writeln!(out, "{}", d.render(&text, color)) {
                return write_failed(&error);
            }
        }
    }
    let written = match format {
        Format::Human => tally
            .summary()
            .map_or(Ok(()), |line| writeln!(out, "{line}")),
        Format::Json => writeln!(out, "{}", diagnostic::to_json(&all)),
    };
    if let Err(error) = written.and_then(|()| out.flush()) {
        return write_failed(&error);
    }
    if tally.io_errors > 0 {
        FAILURE
    } else if tally.errors > 0 {
        FINDINGS
    } else {
        OK
    }
}

/// Whether a file found in a directory is linted: `Jenkinsfile*`, `*.jenkinsfile`, `*.groovy`.
fn is_pipeline_file(name: &str) -> bool {
    name.starts_with("Jenkinsfile") || name.ends_with(".jenkinsfile") || name.ends_with(".groovy")
}

/// Reads and parses one file, named `name` in the findings; returns its text and findings.
fn check(path: &Path, name: String) -> io::Result<(String, Vec<Diagnostic>)> {
    let text = match String::from_utf8(fs::read(path)?) {
        Ok(text) => text,
        Err(error) => {
            let at = error.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(error.as_bytes()).into_owned();
            // The bytes before `at` are valid and kept as they are: the first U+FFFD starts at `at`.
            let span = Span::new(at, at + char::REPLACEMENT_CHARACTER.len_utf8());
            let message = match error.as_bytes().get(at) {
                Some(byte) => {
                    format!("byte 0x{byte:02X} is not valid UTF-8; save the file as UTF-8")
                }
                None => String::from("incomplete UTF-8 at the end; save the file as UTF-8"),
            };
            let file = SourceFile::new(name, &text);
            let finding = Diagnostic::new(&file, span, Severity::Error, "encoding", message);
            return Ok((text, vec![finding]));
        }
    };
    let diagnostics = match grammar::parse(&text) {
        Ok(_) => Vec::new(),
        Err(errors) => {
            let file = SourceFile::new(name, &text);
            errors
                .iter()
                .map(|e| Diagnostic::syntax(&file, e))
                .collect()
        }
    };
    Ok((text, diagnostics))
}

/// Reports a path that could not be read, naming it.
pub(crate) fn io_error(path: &Path, error: &io::Error) {
    let reason = match error.kind() {
        io::ErrorKind::NotFound => String::from("no such file or directory"),
        io::ErrorKind::PermissionDenied => String::from("permission denied"),
        _ => error.to_string(),
    };
    anstream::eprintln!("error: cannot read {}: {reason}", walk::display(path));
}

/// Reports that stdout could not be written to (quietly if the reader went away).
fn write_failed(error: &io::Error) -> i32 {
    if error.kind() != io::ErrorKind::BrokenPipe {
        anstream::eprintln!("error: cannot write the report: {error}");
    }
    FAILURE
}

/// What a run found, for the summary line and the exit code.
#[derive(Debug, Default)]
struct Tally {
    files: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
    io_errors: usize,
}

impl Tally {
    fn add(&mut self, diagnostics: &[Diagnostic]) {
        self.files += 1;
        for d in diagnostics {
            match d.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
        }
    }

    /// The last line of the human format; none when only I/O errors happened.
    fn summary(&self) -> Option<String> {
        if self.files == 0 {
            return (self.io_errors == 0)
                .then(|| String::from("no Jenkinsfile*, *.jenkinsfile or *.groovy files found"));
        }
        if self.errors + self.warnings + self.infos == 0 {
            return Some(format!("no problems in {}", count(self.files, "file")));
        }
        let mut line = format!("{} checked", count(self.files, "file"));
        for (n, what) in [
            (self.errors, "error"),
            (self.warnings, "warning"),
            (self.infos, "info"),
        ] {
            if n > 0 {
                line.push_str(", ");
                line.push_str(&count(n, what));
            }
        }
        Some(line)
    }
}

/// `1 file`, `2 files`; `info` has no plural.
fn count(n: usize, what: &str) -> String {
    match (n, what) {
        (1, _) | (_, "info") => format!("{n} {what}"),
        _ => format!("{n} {what}s"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tally(files: usize, errors: usize, warnings: usize, infos: usize) -> Tally {
        Tally {
            files,
            errors,
            warnings,
            infos,
            io_errors: 0,
        }
    }

    #[test]
    fn summary_counts_files_and_findings() {
        let line = |t: Tally| t.summary().unwrap_or_default();
        assert_eq!(line(tally(3, 0, 0, 0)), "no problems in 3 files");
        assert_eq!(line(tally(1, 0, 0, 0)), "no problems in 1 file");
        assert_eq!(line(tally(2, 1, 0, 0)), "2 files checked, 1 error");
        assert_eq!(
            line(tally(1, 2, 1, 3)),
            "1 file checked, 2 errors, 1 warning, 3 info"
        );
        assert_eq!(line(tally(4, 0, 2, 0)), "4 files checked, 2 warnings");
        let only_io = Tally {
            io_errors: 1,
            ..Tally::default()
        };
        assert_eq!(only_io.summary(), None);
    }

    #[test]
    fn pipeline_files_are_recognised_by_name() {
        for name in [
            "Jenkinsfile",
            "Jenkinsfile.release",
            "ci.jenkinsfile",
            "deploy.groovy",
        ] {
            assert!(is_pipeline_file(name), "{name}");
        }
        for name in ["README.md", "jenkinsfile", "build.gradle", "groovy"] {
            assert!(!is_pipeline_file(name), "{name}");
        }
    }
}
