//! Finding the files a command works on: files as given, directories walked in a stable order.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use walkdir::{DirEntry, WalkDir};

/// One step of a walk: a file to work on, or a path that could not be read.
#[derive(Debug)]
pub enum Entry {
    /// A file given explicitly (whatever its name), or found in a directory and `wanted`.
    File(PathBuf),
    /// A path that does not exist or could not be listed.
    Error(PathBuf, io::Error),
}

/// The files under `roots`, in order: each root as given, directories walked sorted by file
/// name, keeping the files whose name is `wanted` and skipping hidden directories and `target/`.
pub fn walk(roots: &[PathBuf], wanted: fn(&str) -> bool) -> Vec<Entry> {
    let mut entries = Vec::new();
    for root in roots {
        match fs::metadata(root) {
            Err(error) => entries.push(Entry::Error(root.clone(), error)),
            Ok(meta) if !meta.is_dir() => entries.push(Entry::File(root.clone())),
            Ok(_) => walk_dir(root, wanted, &mut entries),
        }
    }
    entries
}

fn walk_dir(root: &Path, wanted: fn(&str) -> bool, entries: &mut Vec<Entry>) {
    let walker = WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| entry.depth() == 0 || !is_skipped_dir(entry));
    for item in walker {
        match item {
            Ok(entry) if is_file(&entry) && wanted(&entry.file_name().to_string_lossy()) => {
                entries.push(Entry::File(entry.into_path()));
            }
            Ok(_) => {}
            Err(error) => {
                let path = error.path().unwrap_or(root).to_path_buf();
                let error = match error.into_io_error() {
                    Some(error) => error,
                    None => io::Error::other("filesystem loop"),
                };
                entries.push(Entry::Error(path, error));
            }
        }
    }
}

/// A hidden directory (`.git`, `.idea`) or a Cargo `target/`, never walked into.
fn is_skipped_dir(entry: &DirEntry) -> bool {
    let name = entry.file_name().to_string_lossy();
    entry.file_type().is_dir() && (name.starts_with('.') || name == "target")
}

/// A regular file, or a symbolic link to one.
fn is_file(entry: &DirEntry) -> bool {
    entry.file_type().is_file() || (entry.path_is_symlink() && entry.path().is_file())
}

/// `path` for display: lossy UTF-8, with forward slashes on every platform.
pub fn display(path: &Path) -> String {
    let text = path.to_string_lossy();
    if std::path::MAIN_SEPARATOR == '/' {
        text.into_owned()
    } else {
        text.replace(std::path::MAIN_SEPARATOR, "/")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn any(_: &str) -> bool {
        true
    }

    #[test]
    fn missing_root_is_an_error_entry() {
        let entries = walk(&[PathBuf::from("no/such/dir")], any);
        assert!(matches!(&entries[..], [Entry::Error(p, e)]
            if p == Path::new("no/such/dir") && e.kind() == io::ErrorKind::NotFound));
    }

    #[test]
    fn directories_are_walked_sorted_skipping_hidden_and_target() {
        let wanted = |name: &str| name.starts_with("Jenkinsfile") || name.ends_with(".groovy");
        let entries = walk(&[PathBuf::from("fixtures/lint/walk")], wanted);
        let files: Vec<String> = entries
            .iter()
            .map(|entry| match entry {
                Entry::File(path) => display(path),
                Entry::Error(path, error) => format!("{}: {error}", display(path)),
            })
            .collect();
        assert_eq!(
            files,
            [
                "fixtures/lint/walk/Jenkinsfile",
                "fixtures/lint/walk/Jenkinsfile.release",
                "fixtures/lint/walk/vars/deploy.groovy",
                "fixtures/lint/walk/vars/notify.groovy",
            ]
        );
    }

    #[test]
    fn explicit_file_is_kept_whatever_its_name() {
        let entries = walk(&[PathBuf::from("Cargo.toml")], |_| false);
        assert!(matches!(&entries[..], [Entry::File(p)] if p == Path::new("Cargo.toml")));
    }
}
