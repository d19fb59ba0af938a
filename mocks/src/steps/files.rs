//! The in-memory workspace: paths relative to the workspace root, the current `dir`, and the
//! `readFile`, `writeFile` and `fileExists` steps.

use jenkins_harness_interpreter::{Eval, Interpreter, Value};

use crate::host::{Pipeline, StepCall};
use crate::literal;
use crate::state::State;

/// A relative path in normal form: no `.`, no empty segments, `..` applied.
pub(crate) fn normalize(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for seg in path.split(['/', '\\']) {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

/// The current directory, relative to the workspace root.
pub(crate) fn cwd(s: &mut State) -> String {
    s.thread().dirs.last().cloned().unwrap_or_default()
}

/// The workspace root of the running thread's node.
fn root(s: &mut State) -> String {
    s.thread()
        .node
        .as_ref()
        .map(|n| n.workspace.clone())
        .unwrap_or_else(|| "/var/jenkins_home/workspace".into())
}

/// `path` as seen from the current directory, relative to the workspace root. Absolute paths
/// inside the workspace are made relative; others are kept under their own name.
pub(crate) fn resolve(s: &mut State, path: &str) -> String {
    let root = root(s);
    if let Some(rest) = path.strip_prefix(&root)
        && (rest.is_empty() || rest.starts_with('/'))
    {
        return normalize(rest);
    }
    if path.starts_with('/') {
        return normalize(path);
    }
    let here = cwd(s);
    normalize(&format!("{here}/{path}"))
}

/// The absolute path of a workspace-relative path.
pub(crate) fn absolute(s: &mut State, relative: &str) -> String {
    let root = root(s);
    if relative.is_empty() {
        root
    } else {
        format!("{root}/{relative}")
    }
}

/// Whether `path` is `dir` or inside it (`dir` empty: the whole workspace).
pub(crate) fn inside(path: &str, dir: &str) -> bool {
    dir.is_empty() || path == dir || path.starts_with(&format!("{dir}/"))
}

/// `readFile(file)`: the file's text; a missing file fails as Java's does.
pub(super) fn read_file(p: &Pipeline, interp: &mut Interpreter, call: &mut StepCall) -> Eval {
    p.need_node(interp)?;
    let file = call.str("file").unwrap_or_default();
    let (key, content) = p.with(|s| {
        let key = resolve(s, &file);
        let content = s.files.get(&key).cloned();
        (key, content)
    });
    match content {
        Some(text) => Ok(literal::string(&text)),
        None => Err(interp.exception(
            "java.nio.file.NoSuchFileException",
            &p.with(|s| absolute(s, &key)),
        )),
    }
}

/// `writeFile(file, text)`: creates or replaces the file.
pub(super) fn write_file(p: &Pipeline, interp: &mut Interpreter, call: &mut StepCall) -> Eval {
    p.need_node(interp)?;
    let file = call.str("file").unwrap_or_default();
    let text = call.str("text").unwrap_or_default();
    p.with(|s| {
        let key = resolve(s, &file);
        s.files.insert(key, text);
    });
    Ok(Value::Null)
}

/// `fileExists(file)`: whether the file (or a directory holding files) exists.
pub(super) fn file_exists(p: &Pipeline, interp: &mut Interpreter, call: &mut StepCall) -> Eval {
    p.need_node(interp)?;
    let file = call.str("file").unwrap_or_default();
    let exists = p.with(|s| {
        let key = resolve(s, &file);
        s.files.keys().any(|k| inside(k, &key) && !key.is_empty()) || key.is_empty()
    });
    p.show_result(call.id, exists.to_string());
    Ok(Value::Bool(exists))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_normalize_like_a_filesystem() {
        assert_eq!(normalize("./a//b/../c"), "a/c");
        assert!(inside("a/b/c", "a/b"));
        assert!(!inside("a/bc", "a/b"));
    }
}

/// Files under the current directory matching Ant patterns (`**/*.xml, target/*.jar`, comma
/// separated), minus `excludes`; paths relative to the current directory, sorted.
pub(crate) fn matching(s: &mut State, includes: &str, excludes: &str) -> Vec<(String, String)> {
    let here = cwd(s);
    let inc = patterns(includes);
    let exc = patterns(excludes);
    s.files
        .iter()
        .filter(|(path, _)| inside(path, &here))
        .filter_map(|(path, content)| {
            let rel = if here.is_empty() {
                path.clone()
            } else {
                path.strip_prefix(&format!("{here}/"))?.to_string()
            };
            let hit =
                inc.iter().any(|re| re.is_match(&rel)) && !exc.iter().any(|re| re.is_match(&rel));
            hit.then(|| (rel, content.clone()))
        })
        .collect()
}

/// Ant patterns as anchored regular expressions.
fn patterns(list: &str) -> Vec<regex::Regex> {
    list.split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .filter_map(|p| regex::Regex::new(&ant_regex(p)).ok())
        .collect()
}

/// An Ant pattern (`**/*.jar`) as a regular expression; a trailing `/` means `/**`.
fn ant_regex(pattern: &str) -> String {
    let mut p = normalize_pattern(pattern);
    if p.ends_with('/') {
        p.push_str("**");
    }
    let mut out = String::from("^");
    let mut rest = p.as_str();
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix("**/") {
            out.push_str("(?:.*/)?");
            rest = r;
        } else if let Some(r) = rest.strip_prefix("**") {
            out.push_str(".*");
            rest = r;
        } else if let Some(r) = rest.strip_prefix('*') {
            out.push_str("[^/]*");
            rest = r;
        } else if let Some(r) = rest.strip_prefix('?') {
            out.push_str("[^/]");
            rest = r;
        } else {
            let c = rest.chars().next().unwrap_or(' ');
            out.push_str(&regex::escape(&c.to_string()));
            rest = &rest[c.len_utf8()..];
        }
    }
    out.push('$');
    out
}

fn normalize_pattern(p: &str) -> String {
    p.trim_start_matches("./").replace('\\', "/")
}

#[cfg(test)]
mod glob_tests {
    use super::ant_regex;

    #[test]
    fn ant_patterns_match_like_ant() {
        let re = regex::Regex::new(&ant_regex("**/*.xml")).unwrap();
        assert!(re.is_match("a.xml") && re.is_match("target/reports/a.xml"));
        let re = regex::Regex::new(&ant_regex("target/*.jar")).unwrap();
        assert!(re.is_match("target/app.jar") && !re.is_match("target/lib/x.jar"));
        let re = regex::Regex::new(&ant_regex("dist/")).unwrap();
        assert!(re.is_match("dist/a/b.txt"));
    }
}
