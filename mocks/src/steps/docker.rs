//! The `docker` global of docker-workflow: images, containers and registries. As in Jenkins,
//! its methods run `sh` steps (`docker build`, `docker pull`, ...), so shell mocks answer them.

use std::rc::Rc;

use indexmap::IndexMap;
use jenkins_harness_interpreter::{Eval, Interpreter, Object, Value};

use crate::host::Pipeline;
use crate::literal::{self, LITERAL_FIELD};

const DOCKER: &str = "org.jenkinsci.plugins.docker.workflow.Docker";
const IMAGE: &str = "org.jenkinsci.plugins.docker.workflow.Docker$Image";
const CONTAINER: &str = "org.jenkinsci.plugins.docker.workflow.Docker$Container";

/// The `docker` global.
pub(crate) fn global(interp: &Interpreter) -> Value {
    bean(interp, DOCKER, "docker", [])
}

/// A host object whose fields are its properties.
fn bean<const N: usize>(
    interp: &Interpreter,
    class: &str,
    shown: &str,
    fields: [(&str, Value); N],
) -> Value {
    let mut all: IndexMap<Rc<str>, Value> = IndexMap::new();
    all.insert(LITERAL_FIELD.into(), literal::string(shown));
    for (k, v) in fields {
        all.insert(k.into(), v);
    }
    interp.host_object(class, all)
}

fn image(interp: &Interpreter, id: &str) -> Value {
    let shown = format!("docker.image({})", literal::literal(&literal::string(id)));
    bean(interp, IMAGE, &shown, [("id", literal::string(id))])
}

/// A property of a docker object or another field-holding host object.
pub(crate) fn property(target: &Rc<Object>, name: &str) -> Eval<Option<Value>> {
    if name.starts_with('$') {
        return Ok(None);
    }
    Ok(target.fields.borrow().get(name).cloned())
}

/// A method of a docker object, or a getter of another field-holding host object.
pub(crate) fn method(
    p: &Pipeline,
    interp: &mut Interpreter,
    target: &Rc<Object>,
    name: &str,
    args: &[Value],
) -> Eval<Option<Value>> {
    let (positional, body) = match args.split_last() {
        Some((Value::Closure(c), rest)) => (rest.to_vec(), Some(c.clone())),
        _ => (args.to_vec(), None),
    };
    let texts: Vec<String> = positional.iter().map(Value::to_display).collect();
    let arg = |i: usize| texts.get(i).cloned().unwrap_or_default();
    let id = target
        .fields
        .borrow()
        .get("id")
        .map(Value::to_display)
        .unwrap_or_default();
    let shown_self = target
        .fields
        .borrow()
        .get(LITERAL_FIELD)
        .map(Value::to_display)
        .unwrap_or_default();
    let call_name = format!("{shown_self}.{name}");
    let shown_args = literal::call_args(&positional, &IndexMap::new());
    let sh = |p: &Pipeline, interp: &mut Interpreter, script: String| -> Eval {
        let def = crate::steps::find("sh")
            .ok_or_else(|| interp.exception("java.lang.IllegalStateException", "no sh step"))?;
        p.run_step(interp, def, &[literal::string(&script)])
    };
    let block = |p: &Pipeline, interp: &mut Interpreter, closure_args: Vec<Value>| -> Eval {
        p.traced(
            interp,
            &call_name,
            shown_args.clone(),
            |p, interp, id| match &body {
                Some(b) => {
                    p.with(|s| s.trace.set_block(id));
                    interp.call_closure(b, closure_args)
                }
                None => Ok(Value::Null),
            },
        )
    };
    let class = target.class.name.clone();
    let value = match (&*class, name) {
        (DOCKER, "image") => image(interp, &arg(0)),
        (DOCKER, "build") => {
            let tag = arg(0);
            let rest = if positional.len() > 1 {
                arg(1)
            } else {
                ".".into()
            };
            p.traced(interp, &call_name, shown_args.clone(), |p, interp, _| {
                sh(p, interp, format!("docker build -t {tag} {rest}"))
            })?;
            image(interp, &tag)
        }
        (DOCKER, "withRegistry" | "withServer" | "withTool") => block(p, interp, Vec::new())?,
        (IMAGE, "inside") => block(p, interp, Vec::new())?,
        (IMAGE, "withRun") => {
            let container = bean(
                interp,
                CONTAINER,
                "container",
                [("id", literal::string("c0ffee000001"))],
            );
            block(p, interp, vec![container])?
        }
        (IMAGE, "run") => {
            p.traced(interp, &call_name, shown_args.clone(), |p, interp, _| {
                sh(
                    p,
                    interp,
                    format!("docker run -d {} {id} {}", arg(0), arg(1))
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" "),
                )
            })?;
            bean(
                interp,
                CONTAINER,
                "container",
                [("id", literal::string("c0ffee000001"))],
            )
        }
        (IMAGE, "pull") => sh(p, interp, format!("docker pull {id}"))?,
        (IMAGE, "push") => {
            let tag = if positional.is_empty() {
                String::new()
            } else {
                arg(0)
            };
            let (repo, _) = id.rsplit_once(':').unwrap_or((&id, ""));
            let target_id = if tag.is_empty() {
                id.clone()
            } else {
                format!("{repo}:{tag}")
            };
            if !tag.is_empty() {
                sh(p, interp, format!("docker tag {id} {target_id}"))?;
            }
            sh(p, interp, format!("docker push {target_id}"))?
        }
        (IMAGE, "tag") => {
            let (repo, _) = id.rsplit_once(':').unwrap_or((&id, ""));
            sh(p, interp, format!("docker tag {id} {repo}:{}", arg(0)))?
        }
        (IMAGE, "imageName") => literal::string(&id),
        (CONTAINER, "stop") => sh(p, interp, format!("docker stop {id}"))?,
        (CONTAINER, "port") => literal::string("0.0.0.0:32768"),
        (_, getter) => {
            return match crate::globals::accessor(getter, "get", 0, args) {
                Some(prop) => property(target, &prop),
                None => Ok(None),
            };
        }
    };
    Ok(Some(value))
}
