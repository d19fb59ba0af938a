//! Pipeline Utility Steps for data files: readJSON, writeJSON, readYaml and writeYaml. JSON
//! reads give Groovy maps and lists (as `returnPojo: true` does).

use jenkins_harness_interpreter::json::{self, Json};
use jenkins_harness_interpreter::number::Number;
use jenkins_harness_interpreter::{Eval, Interpreter, Key, Value};
use yaml_rust2::{Yaml, YamlEmitter, YamlLoader};

use crate::host::{Pipeline, StepCall};
use crate::literal;

/// The text of `file` (from the workspace) or `text`.
fn source(p: &Pipeline, interp: &mut Interpreter, call: &StepCall, step: &str) -> Eval<String> {
    if let Some(text) = call.str("text") {
        return Ok(text);
    }
    let Some(file) = call.str("file") else {
        return Err(interp.exception(
            "java.lang.IllegalArgumentException",
            &format!("At least one of file or text needs to be provided to {step}."),
        ));
    };
    p.need_node(interp)?;
    let found = p.with(|s| {
        let key = super::files::resolve(s, &file);
        s.files.get(&key).cloned()
    });
    found.ok_or_else(|| {
        interp.exception(
            "java.io.FileNotFoundException",
            &format!("{file} does not exist."),
        )
    })
}

/// Writes `text` to `file` in the workspace.
fn write(p: &Pipeline, interp: &mut Interpreter, file: &str, text: String) -> Eval<()> {
    p.need_node(interp)?;
    p.with(|s| {
        let key = super::files::resolve(s, file);
        s.files.insert(key, text);
    });
    Ok(())
}

/// `readJSON(file | text)`.
pub(super) fn read_json(p: &Pipeline, interp: &mut Interpreter, call: &mut StepCall) -> Eval {
    let text = source(p, interp, call, "readJSON")?;
    match json::parse(&text, true) {
        Ok(doc) => interp.from_json(doc),
        Err(e) => Err(interp.exception("net.sf.json.JSONException", &e.message)),
    }
}

/// `writeJSON(file, json, pretty: N, returnText)`.
pub(super) fn write_json(p: &Pipeline, interp: &mut Interpreter, call: &mut StepCall) -> Eval {
    let value = call.get("json").cloned().unwrap_or_default();
    let doc = interp.to_json(&value)?;
    let compact = json::to_json(&doc)
        .map_err(|e| interp.exception("net.sf.json.JSONException", &e.message))?;
    let indent = usize::try_from(call.int("pretty").unwrap_or(0)).unwrap_or(0);
    let text = if indent > 0 {
        let four = json::pretty_print(&compact)
            .map_err(|e| interp.exception("net.sf.json.JSONException", &e.message))?;
        reindent(&four, indent)
    } else {
        compact
    };
    if call.flag("returnText") {
        return Ok(literal::string(&text));
    }
    let file = call.str("file").unwrap_or_default();
    write(p, interp, &file, text)?;
    Ok(Value::Null)
}

/// Groovy's pretty JSON (four spaces a level) with `indent` spaces a level instead.
fn reindent(four: &str, indent: usize) -> String {
    four.lines()
        .map(|line| {
            let depth = (line.len() - line.trim_start_matches(' ').len()) / 4;
            format!(
                "{}{}",
                " ".repeat(depth * indent),
                line.trim_start_matches(' ')
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// `readYaml(file | text)`: one document gives its value, several a list of them.
pub(super) fn read_yaml(p: &Pipeline, interp: &mut Interpreter, call: &mut StepCall) -> Eval {
    let text = source(p, interp, call, "readYaml")?;
    let docs = YamlLoader::load_from_str(&text).map_err(|e| {
        interp.exception(
            "org.yaml.snakeyaml.scanner.ScannerException",
            &e.to_string(),
        )
    })?;
    let mut values: Vec<Value> = docs.iter().map(from_yaml).collect();
    Ok(match values.len() {
        0 => Value::Null,
        1 => values.pop().unwrap_or_default(),
        _ => Value::list(values),
    })
}

/// `writeYaml(file, data, returnText)`.
pub(super) fn write_yaml(p: &Pipeline, interp: &mut Interpreter, call: &mut StepCall) -> Eval {
    let value = call.get("data").cloned().unwrap_or_default();
    let doc = interp.to_json(&value)?;
    let mut text = String::new();
    YamlEmitter::new(&mut text)
        .dump(&to_yaml(&doc))
        .map_err(|e| interp.exception("java.io.IOException", &format!("{e:?}")))?;
    // SnakeYAML writes no document marker.
    let text = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("--- "))
        .unwrap_or(&text)
        .to_string()
        + "\n";
    if call.flag("returnText") {
        return Ok(literal::string(&text));
    }
    let file = call.str("file").unwrap_or_default();
    let exists = p.with(|s| {
        let key = super::files::resolve(s, &file);
        s.files.contains_key(&key)
    });
    if exists && !call.flag("overwrite") {
        return Err(interp.exception(
            "java.nio.file.FileAlreadyExistsException",
            &format!("{file} already exist."),
        ));
    }
    write(p, interp, &file, text)?;
    Ok(Value::Null)
}

fn from_yaml(y: &Yaml) -> Value {
    match y {
        Yaml::Null | Yaml::BadValue | Yaml::Alias(_) => Value::Null,
        Yaml::Boolean(b) => Value::Bool(*b),
        Yaml::Integer(i) => Value::Num(match i32::try_from(*i) {
            Ok(small) => Number::Integer(small),
            Err(_) => Number::Long(*i),
        }),
        Yaml::Real(r) => Value::Num(Number::Double(r.parse().unwrap_or(0.0))),
        Yaml::String(s) => literal::string(s),
        Yaml::Array(items) => Value::list(items.iter().map(from_yaml).collect()),
        Yaml::Hash(h) => Value::map(
            h.iter()
                .map(|(k, v)| {
                    let key = match k {
                        Yaml::String(s) => Key::str(s),
                        other => Key(from_yaml(other)),
                    };
                    (key, from_yaml(v))
                })
                .collect(),
        ),
    }
}

fn to_yaml(j: &Json) -> Yaml {
    match j {
        Json::Null => Yaml::Null,
        Json::Bool(b) => Yaml::Boolean(*b),
        Json::Integer(i) => Yaml::Integer(i64::from(*i)),
        Json::Long(i) => Yaml::Integer(*i),
        Json::BigInteger(b) => Yaml::Real(b.to_string()),
        Json::BigDecimal(d) => Yaml::Real(d.to_string()),
        Json::Double(d) => Yaml::Real(d.to_string()),
        Json::Float(f) => Yaml::Real(f.to_string()),
        Json::String(s) => Yaml::String(s.clone()),
        Json::Array(items) => Yaml::Array(items.iter().map(to_yaml).collect()),
        Json::Object(entries) => Yaml::Hash(
            entries
                .iter()
                .map(|(k, v)| (Yaml::String(k.clone()), to_yaml(v)))
                .collect(),
        ),
    }
}
