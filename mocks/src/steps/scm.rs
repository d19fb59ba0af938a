//! Source control and artifacts: checkout, git, archiveArtifacts, junit, stash and unstash.

use indexmap::IndexMap;
use jenkins_harness_interpreter::{Eval, Interpreter, Key, Value};

use crate::host::{Pipeline, StepCall};
use crate::literal;
use crate::result::BuildResult;

/// `checkout(scm)`: logs the revision and returns the `GIT_*` map.
pub(super) fn checkout(p: &Pipeline, interp: &mut Interpreter, call: &mut StepCall) -> Eval {
    p.need_node(interp)?;
    if p.with(|s| s.world.scm.none) {
        return Err(p.abort(
            interp,
            "\u{2018}checkout scm\u{2019} is only available when using \u{201c}Multibranch Pipeline\u{201d} or \u{201c}Pipeline script from SCM\u{201d}",
        ));
    }
    // `checkout([$class: 'GitSCM', branches: [[name: '*/dev']], userRemoteConfigs: [[url: u]]])`
    // names its own branch and repository.
    let first = |key: &str, field: &str| match call.get("scm") {
        Some(Value::Map(m)) => match m.borrow().get(&Key::str(key)) {
            Some(Value::List(l)) => match l.borrow().first() {
                Some(Value::Map(entry)) => {
                    entry.borrow().get(&Key::str(field)).map(Value::to_display)
                }
                _ => None,
            },
            _ => None,
        },
        _ => None,
    };
    let branch = first("branches", "name")
        .map(|b| {
            b.trim_start_matches("*/")
                .trim_start_matches("origin/")
                .to_string()
        })
        .unwrap_or_else(|| p.with(|s| s.world.scm.branch.clone()));
    Ok(git_map(p, &branch, first("userRemoteConfigs", "url")))
}

/// `git(url, branch: 'master')`.
pub(super) fn git(p: &Pipeline, interp: &mut Interpreter, call: &mut StepCall) -> Eval {
    p.need_node(interp)?;
    let branch = call.str("branch").unwrap_or_else(|| "master".into());
    Ok(git_map(p, &branch, call.str("url")))
}

fn git_map(p: &Pipeline, branch: &str, url: Option<String>) -> Value {
    let scm = p.with(|s| s.world.scm.clone());
    let url = url.unwrap_or(scm.url);
    p.log(&format!(
        "Checking out Revision {} (refs/remotes/origin/{branch})",
        scm.commit
    ));
    let mut map: IndexMap<Key, Value> = IndexMap::new();
    let mut put = |k: &str, v: &str| {
        map.insert(Key::str(k), literal::string(v));
    };
    put("GIT_BRANCH", &format!("origin/{branch}"));
    put("GIT_COMMIT", &scm.commit);
    if let Some(prev) = &scm.previous_commit {
        put("GIT_PREVIOUS_COMMIT", prev);
        put("GIT_PREVIOUS_SUCCESSFUL_COMMIT", prev);
    }
    put("GIT_URL", &url);
    Value::map(map)
}

/// `archiveArtifacts(artifacts)`: fails when nothing matches, unless `allowEmptyArchive`.
pub(super) fn archive_artifacts(
    p: &Pipeline,
    interp: &mut Interpreter,
    call: &mut StepCall,
) -> Eval {
    p.need_node(interp)?;
    let pattern = call.str("artifacts").unwrap_or_default();
    let excludes = call.str("excludes").unwrap_or_default();
    if call.flag("onlyIfSuccessful")
        && p.with(|s| s.result.is_some_and(|r| r != BuildResult::Success))
    {
        p.log("Skipped archiving because build is not successful");
        return Ok(Value::Null);
    }
    p.log("Archiving artifacts");
    let found = p.with(|s| super::files::matching(s, &pattern, &excludes));
    if found.is_empty() {
        let message = format!(
            "No artifacts found that match the file pattern \"{pattern}\". Configuration error?"
        );
        if call.flag("allowEmptyArchive") {
            p.log(&message);
        } else {
            return Err(p.abort(interp, &message));
        }
    }
    Ok(Value::Null)
}

/// `junit(testResults)`: reads JUnit XML reports; failures make the build UNSTABLE.
pub(super) fn junit(p: &Pipeline, interp: &mut Interpreter, call: &mut StepCall) -> Eval {
    p.need_node(interp)?;
    let pattern = call.str("testResults").unwrap_or_default();
    p.log("Recording test results");
    let found = p.with(|s| super::files::matching(s, &pattern, ""));
    if found.is_empty() && !call.flag("allowEmptyResults") {
        return Err(p.abort(
            interp,
            "No test report files were found. Configuration error?",
        ));
    }
    let (mut total, mut failed, mut skipped) = (0, 0, 0);
    for (_, xml) in &found {
        total += xml.matches("<testcase").count();
        failed += xml.matches("<failure").count() + xml.matches("<error").count();
        skipped += xml.matches("<skipped").count();
    }
    let int = |n: usize| Value::Num(i32::try_from(n).unwrap_or(i32::MAX).into());
    let summary = Value::map(
        [
            ("totalCount", total),
            ("failCount", failed),
            ("skipCount", skipped),
            ("passCount", total.saturating_sub(failed + skipped)),
        ]
        .into_iter()
        .map(|(k, n)| (Key::str(k), int(n)))
        .collect(),
    );
    p.show_result(call.id, literal::literal(&summary));
    if !call.flag("skipMarkingBuildUnstable") {
        mark_test_failures(p, &summary);
    }
    Ok(test_result_summary(interp, &summary))
}

/// A `TestResultSummary` holding the counts of `map`: `r.failCount` and `r.getFailCount()`
/// both work, as on Jenkins' object.
fn test_result_summary(interp: &Interpreter, map: &Value) -> Value {
    let mut fields: IndexMap<std::rc::Rc<str>, Value> = IndexMap::new();
    fields.insert(
        literal::LITERAL_FIELD.into(),
        literal::string(&literal::literal(map)),
    );
    if let Value::Map(m) = map {
        for (k, v) in m.borrow().iter() {
            fields.insert(k.0.to_display().into(), v.clone());
        }
    }
    interp.host_object("hudson.tasks.junit.TestResultSummary", fields)
}

/// Failed tests in a `junit` summary make the build and the stage UNSTABLE.
pub(super) fn mark_test_failures(p: &Pipeline, summary: &Value) {
    let failed = match summary {
        Value::Map(m) => m
            .borrow()
            .get(&Key::str("failCount"))
            .and_then(Value::as_i64)
            .unwrap_or(0),
        _ => 0,
    };
    if failed > 0 {
        p.with(|s| {
            s.worsen(BuildResult::Unstable);
            if let Some(&stage) = s.thread().stages.last() {
                s.trace
                    .set_result(stage, BuildResult::Unstable.as_str().into());
            }
        });
    }
}

/// `stash(name, includes: '**')`: saves files from the current directory.
pub(super) fn stash(p: &Pipeline, interp: &mut Interpreter, call: &mut StepCall) -> Eval {
    p.need_node(interp)?;
    let name = call.str("name").unwrap_or_default();
    let includes = call.str("includes").unwrap_or_else(|| "**".into());
    let excludes = call.str("excludes").unwrap_or_default();
    let found = p.with(|s| super::files::matching(s, &includes, &excludes));
    if found.is_empty() && !call.flag("allowEmpty") {
        return Err(p.abort(
            interp,
            &format!("No files included in stash \u{2018}{name}\u{2019}"),
        ));
    }
    p.log(&format!("Stashed {} file(s)", found.len()));
    p.with(|s| s.stashes.insert(name, found));
    Ok(Value::Null)
}

/// `unstash(name)`: restores a stash into the current directory.
pub(super) fn unstash(p: &Pipeline, interp: &mut Interpreter, call: &mut StepCall) -> Eval {
    p.need_node(interp)?;
    let name = call.str("name").unwrap_or_default();
    let Some(files) = p.with(|s| s.stashes.get(&name).cloned()) else {
        return Err(p.abort(
            interp,
            &format!("No such saved stash \u{2018}{name}\u{2019}"),
        ));
    };
    p.with(|s| {
        for (rel, content) in files {
            let key = super::files::resolve(s, &rel);
            s.files.insert(key, content);
        }
    });
    Ok(Value::Null)
}
