//! The globals a pipeline sees: `env`, `params`, `currentBuild`, `scm` and `docker`, as host
//! objects whose properties and methods behave as Jenkins' do.

use std::rc::Rc;

use indexmap::IndexMap;
use jenkins_harness_interpreter::{Eval, Flow, Interpreter, Key, Object, Value};

use crate::host::Pipeline;
use crate::literal::{self, LITERAL_FIELD};
use crate::result::BuildResult;
use crate::world::World;

/// Names of the globals, as `No such DSL method` lists them.
pub(crate) const NAMES: &[&str] = &["currentBuild", "docker", "env", "params", "scm"];

const ENV: &str = "org.jenkinsci.plugins.workflow.cps.EnvActionImpl";
const PARAMS: &str = "org.jenkinsci.plugins.workflow.cps.ParamsVariable";
const RUN: &str = "org.jenkinsci.plugins.workflow.support.steps.build.RunWrapper";
const SCM: &str = "hudson.plugins.git.GitSCM";

/// The build's start, fixed so that runs are reproducible (2026-01-01T00:00:00Z).
const START_MILLIS: i64 = 1_767_225_600_000;

/// The environment Jenkins gives every build (`CoreEnvironmentContributor`), then the build
/// parameters as strings, then the world's own variables.
pub(crate) fn default_env(world: &World) -> IndexMap<String, String> {
    let b = &world.build;
    let job = b.job_name.trim_matches('/');
    let base = job.rsplit('/').next().unwrap_or(job);
    let url = if b.jenkins_url.ends_with('/') {
        b.jenkins_url.clone()
    } else {
        format!("{}/", b.jenkins_url)
    };
    let job_url = format!(
        "{url}job/{}/",
        job.split('/').collect::<Vec<_>>().join("/job/")
    );
    let mut env = IndexMap::new();
    let n = b.number.to_string();
    for (k, v) in [
        ("BUILD_NUMBER", n.clone()),
        ("BUILD_ID", n.clone()),
        ("BUILD_DISPLAY_NAME", format!("#{n}")),
        (
            "BUILD_TAG",
            format!("jenkins-{}-{n}", job.replace('/', "-")),
        ),
        ("BUILD_URL", format!("{job_url}{n}/")),
        ("JOB_NAME", job.to_string()),
        ("JOB_BASE_NAME", base.to_string()),
        ("JOB_URL", job_url.clone()),
        ("JENKINS_URL", url),
        ("JENKINS_HOME", "/var/jenkins_home".into()),
        ("CI", "true".into()),
    ] {
        env.insert(k.to_string(), v);
    }
    for (k, v) in &world.params {
        let text = match v {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        env.insert(k.clone(), text);
    }
    for (k, v) in &world.env {
        env.insert(k.clone(), v.clone());
    }
    env
}

/// A global by name, or `None`.
pub(crate) fn global(interp: &Interpreter, name: &str) -> Option<Value> {
    Some(match name {
        "env" => object(interp, ENV, "env", []),
        "params" => object(interp, PARAMS, "params", []),
        "currentBuild" => object(interp, RUN, "currentBuild", [("$build", "current")]),
        "scm" => object(interp, SCM, "scm", []),
        "docker" => crate::steps::docker::global(interp),
        _ => return None,
    })
}

/// A host object of `class` shown as `literal` in the trace, with extra text fields.
pub(crate) fn object<const N: usize>(
    interp: &Interpreter,
    class: &str,
    literal: &str,
    fields: [(&str, &str); N],
) -> Value {
    let mut all: IndexMap<Rc<str>, Value> = IndexMap::new();
    all.insert(LITERAL_FIELD.into(), literal::string(literal));
    for (k, v) in fields {
        all.insert(k.into(), literal::string(v));
    }
    interp.host_object(class, all)
}

fn field(o: &Object, name: &str) -> Option<String> {
    o.fields.borrow().get(name).map(Value::to_display)
}

/// A property of a host object.
pub(crate) fn property(
    p: &Pipeline,
    interp: &mut Interpreter,
    target: &Rc<Object>,
    name: &str,
) -> Eval<Option<Value>> {
    match &*target.class.name {
        ENV => Ok(Some(
            p.with(|s| s.env_var(name))
                .map_or(Value::Null, |v| literal::string(&v)),
        )),
        PARAMS => Ok(Some(
            p.with(|s| {
                s.world
                    .params
                    .get(name)
                    .map(literal::from_data)
                    .or_else(|| s.param_defaults.get(name).cloned())
            })
            .unwrap_or(Value::Null),
        )),
        RUN => run_property(p, interp, target, name),
        SCM => Ok(scm_property(p, name)),
        _ => crate::steps::docker::property(target, name),
    }
}

/// `target.name = value` on a host object.
pub(crate) fn set_property(
    p: &Pipeline,
    interp: &mut Interpreter,
    target: &Rc<Object>,
    name: &str,
    value: Value,
) -> Eval<bool> {
    match &*target.class.name {
        ENV => {
            // Environment values are always strings: `env.N = 1` stores "1".
            let text = interp.to_string_value(&value)?;
            p.with(|s| s.env.insert(name.to_string(), text));
            Ok(true)
        }
        PARAMS => Err(interp.exception("java.lang.UnsupportedOperationException", "")),
        RUN => {
            if field(target, "$build").as_deref() != Some("current") {
                return Err(interp.exception(
                    "java.lang.SecurityException",
                    &format!("can only set the {name} property on the current build"),
                ));
            }
            let text = match value {
                Value::Null => None,
                v => Some(interp.to_string_value(&v)?),
            };
            match name {
                "result" => {
                    if let Some(t) = text {
                        p.with(|s| s.worsen(BuildResult::from_name(&t)));
                    }
                }
                "displayName" => p.with(|s| s.display_name = text),
                "description" => p.with(|s| s.description = text),
                "keepLog" => {}
                _ => return Ok(false),
            }
            Ok(true)
        }
        _ => Ok(false),
    }
}

/// A method of a host object.
pub(crate) fn method(
    p: &Pipeline,
    interp: &mut Interpreter,
    target: &Rc<Object>,
    name: &str,
    args: &[Value],
) -> Eval<Option<Value>> {
    let class = target.class.name.clone();
    if &*class != ENV && &*class != PARAMS && &*class != RUN && &*class != SCM {
        return crate::steps::docker::method(p, interp, target, name, args);
    }
    // Getters and setters in Java form (`currentBuild.getResult()`, `env.getProperty('X')`).
    match (name, args) {
        ("getProperty" | "getAt" | "get", [n]) => {
            let n = n.to_display();
            return property(p, interp, target, &n);
        }
        ("setProperty" | "putAt" | "put", [n, v]) if &*class != PARAMS => {
            let n = n.to_display();
            set_property(p, interp, target, &n, v.clone())?;
            return Ok(Some(Value::Null));
        }
        ("getBuildCauses", _) if &*class == RUN => return Ok(Some(build_causes())),
        ("toString", []) => {
            return Ok(Some(literal::string(
                &field(target, LITERAL_FIELD).unwrap_or_default(),
            )));
        }
        _ => {}
    }
    if let Some(prop) = accessor(name, "get", 0, args).or_else(|| accessor(name, "is", 0, args)) {
        return property(p, interp, target, &prop);
    }
    if let (Some(prop), [v]) = (accessor(name, "set", 1, args), args) {
        set_property(p, interp, target, &prop, v.clone())?;
        return Ok(Some(Value::Null));
    }
    // Anything else works on the values as a map (`env.getEnvironment()`, `params.each {}`).
    let map = match &*class {
        ENV => {
            let all = p.with(|s| s.env_all());
            if name == "getEnvironment" {
                return Ok(Some(string_map(&all)));
            }
            string_map(&all)
        }
        PARAMS => {
            if matches!(name, "put" | "putAt" | "remove" | "clear" | "putAll") {
                return Err(interp.exception("java.lang.UnsupportedOperationException", ""));
            }
            p.with(|s| {
                Value::map(
                    params(s)
                        .into_iter()
                        .map(|(k, v)| (Key::str(&k), v))
                        .collect(),
                )
            })
        }
        _ => return Ok(None),
    };
    interp
        .call_method(&map, &Rc::from(name), args.to_vec())
        .map(Some)
}

/// The build parameters: the world's, then the defaults `properties` declared.
fn params(s: &crate::state::State) -> IndexMap<String, Value> {
    let mut all: IndexMap<String, Value> = s
        .world
        .params
        .iter()
        .map(|(k, v)| (k.clone(), literal::from_data(v)))
        .collect();
    for (k, v) in &s.param_defaults {
        all.entry(k.clone()).or_insert_with(|| v.clone());
    }
    all
}

/// `getFoo()` → `foo` for an accessor with `arity` arguments.
pub(crate) fn accessor(name: &str, prefix: &str, arity: usize, args: &[Value]) -> Option<String> {
    let rest = name.strip_prefix(prefix)?;
    let mut chars = rest.chars();
    let first = chars.next()?;
    if !first.is_ascii_uppercase() || args.len() != arity {
        return None;
    }
    Some(first.to_ascii_lowercase().to_string() + chars.as_str())
}

fn string_map(all: &IndexMap<String, String>) -> Value {
    Value::map(
        all.iter()
            .map(|(k, v)| (Key::str(k), literal::string(v)))
            .collect(),
    )
}

fn build_causes() -> Value {
    let cause = [
        ("_class", "hudson.model.Cause$UserIdCause"),
        ("shortDescription", "Started by user admin"),
        ("userId", "admin"),
        ("userName", "admin"),
    ];
    Value::list(vec![Value::map(
        cause
            .iter()
            .map(|(k, v)| (Key::str(k), literal::string(v)))
            .collect(),
    )])
}

fn run_property(
    p: &Pipeline,
    interp: &mut Interpreter,
    target: &Rc<Object>,
    name: &str,
) -> Eval<Option<Value>> {
    let current = field(target, "$build").as_deref() == Some("current");
    let (number, result, display, description, job, clock, previous) = p.with(|s| {
        let n = s.world.build.number;
        if current {
            (
                n,
                s.result,
                s.display_name.clone(),
                s.description.clone(),
                s.world.build.job_name.clone(),
                s.clock,
                s.world.build.previous_result,
            )
        } else {
            (
                n.saturating_sub(1),
                s.world.build.previous_result,
                None,
                None,
                s.world.build.job_name.clone(),
                0,
                None,
            )
        }
    });
    let url = p.with(|s| s.env.get("JOB_URL").cloned().unwrap_or_default());
    let text = |t: &str| literal::string(t);
    Ok(Some(match name {
        "number" => Value::Num(i32::try_from(number).unwrap_or(i32::MAX).into()),
        "id" => text(&number.to_string()),
        "result" => result.map_or(Value::Null, |r| text(r.as_str())),
        "currentResult" => text(result.unwrap_or(BuildResult::Success).as_str()),
        "displayName" => text(&display.unwrap_or_else(|| format!("#{number}"))),
        "fullDisplayName" => text(&format!("{job} #{number}")),
        "description" => description.map_or(Value::Null, |d| text(&d)),
        "projectName" => text(job.rsplit('/').next().unwrap_or(&job)),
        "fullProjectName" => text(&job),
        "absoluteUrl" => text(&format!("{url}{number}/")),
        "duration" => Value::Num(i64::try_from(clock).unwrap_or(i64::MAX).into()),
        "durationString" => text(&format!("{} and counting", crate::clock::time_span(clock))),
        "startTimeInMillis" | "timeInMillis" => Value::Num(START_MILLIS.into()),
        "keepLog" => Value::Bool(false),
        "changeSets" | "upstreamBuilds" => Value::list(Vec::new()),
        "buildVariables" => Value::map(IndexMap::new()),
        "buildCauses" => build_causes(),
        "previousBuild" | "previousCompletedBuild" if current && previous.is_some() => object(
            interp,
            RUN,
            "currentBuild.previousBuild",
            [("$build", "previous")],
        ),
        "previousSuccessfulBuild" if current && previous == Some(BuildResult::Success) => object(
            interp,
            RUN,
            "currentBuild.previousBuild",
            [("$build", "previous")],
        ),
        "previousBuild" | "previousCompletedBuild" | "previousSuccessfulBuild" | "nextBuild" => {
            Value::Null
        }
        "rawBuild" => {
            return Err(Flow::Throw(interp.exception_of_class(
                "org.jenkinsci.plugins.scriptsecurity.sandbox.RejectedAccessException",
                "java.lang.SecurityException",
                "Scripts not permitted to use method org.jenkinsci.plugins.workflow.support.steps.build.RunWrapper getRawBuild",
            )));
        }
        _ => return Ok(None),
    }))
}

fn scm_property(p: &Pipeline, name: &str) -> Option<Value> {
    let scm = p.with(|s| s.world.scm.clone());
    let map = |pairs: &[(&str, &str)]| {
        Value::map(
            pairs
                .iter()
                .map(|(k, v)| (Key::str(k), literal::string(v)))
                .collect(),
        )
    };
    Some(match name {
        "userRemoteConfigs" => Value::list(vec![map(&[("url", &scm.url)])]),
        "branches" => Value::list(vec![map(&[("name", &format!("*/{}", scm.branch))])]),
        "key" => literal::string(&format!("git {}", scm.url)),
        _ => return None,
    })
}
