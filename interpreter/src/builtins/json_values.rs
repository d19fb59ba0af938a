//! Groovy values to JSON values (`JsonOutput.toJson`) and back (`JsonSlurper`).

use std::rc::Rc;

use indexmap::IndexMap;

use crate::collections::new_map;
use crate::error::Eval;
use crate::interp::Interpreter;
use crate::json::Json;
use crate::number::Number;
use crate::value::{Key, Value};

/// A value as JSON for `JsonOutput.toJson`.
pub(crate) fn to_json_value(it: &mut Interpreter, v: &Value) -> Eval<Json> {
    Ok(match v {
        Value::Null => Json::Null,
        Value::Bool(b) => Json::Bool(*b),
        Value::Num(n) => number_json(n),
        Value::List(_) | Value::Range(_) => {
            let mut out = Vec::new();
            for i in crate::collections::items(v) {
                out.push(to_json_value(it, &i)?);
            }
            Json::Array(out)
        }
        Value::Map(m) => {
            let entries: Vec<(Key, Value)> = m
                .borrow()
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            let mut out = IndexMap::new();
            for (k, v) in entries {
                out.insert(it.to_string_value(&k.0)?, to_json_value(it, &v)?);
            }
            Json::Object(out)
        }
        Value::Object(o) if o.class.decl.is_some() && !o.class.is_a("java.lang.Enum") => {
            let mut out = IndexMap::new();
            for (name, value) in bean_properties(o) {
                out.insert(name.to_string(), to_json_value(it, &value)?);
            }
            Json::Object(out)
        }
        other => Json::String(it.to_string_value(other)?),
    })
}

/// The properties of a script-class object as a bean sees them: sorted by name (as
/// `Introspector` gives them), fields declared without a visibility modifier, statics excluded.
fn bean_properties(o: &crate::value::Object) -> Vec<(Rc<str>, Value)> {
    use jenkins_harness_grammar::ast::ClassMember;
    let mut names: Vec<Rc<str>> = Vec::new();
    let mut class = Some(o.class.clone());
    while let Some(c) = class {
        for member in c.decl.iter().flat_map(|d| d.members.iter()) {
            let ClassMember::Field(var, _) = member else {
                continue;
            };
            let m = &var.modifiers;
            if m.has("static") || m.has("private") || m.has("public") || m.has("protected") {
                continue;
            }
            names.extend(var.declarators.iter().map(|d| Rc::from(&*d.name.name)));
        }
        class = c.parent.clone();
    }
    names.sort();
    names.dedup();
    let fields = o.fields.borrow();
    names
        .into_iter()
        .map(|n| {
            let v = fields.get(&n).cloned().unwrap_or_default();
            (n, v)
        })
        .collect()
}

/// A parsed JSON value as a Groovy value, its objects maps of Java class `map_class`.
pub(crate) fn from_json(it: &mut Interpreter, j: Json, map_class: &'static str) -> Eval {
    Ok(match j {
        Json::Null => Value::Null,
        Json::Bool(b) => Value::Bool(b),
        Json::String(s) => Value::Str(s.into()),
        Json::Array(items) => {
            let mut out = Vec::with_capacity(items.len());
            for item in items {
                out.push(from_json(it, item, map_class)?);
            }
            Value::list(out)
        }
        Json::Object(map) => {
            let mut entries = IndexMap::with_capacity(map.len());
            for (k, v) in map {
                entries.insert(Key(Value::Str(k.into())), from_json(it, v, map_class)?);
            }
            new_map(it, entries, Some(map_class))?
        }
        Json::Integer(i) => Value::Num(Number::Integer(i)),
        Json::Long(l) => Value::Num(Number::Long(l)),
        Json::BigInteger(b) => Value::Num(Number::BigInteger(Rc::new(b))),
        Json::BigDecimal(d) => Value::Num(Number::BigDecimal(Rc::new(d))),
        Json::Double(d) => Value::Num(Number::Double(d)),
        Json::Float(f) => Value::Num(Number::Float(f)),
    })
}

/// A number as JSON.
fn number_json(n: &Number) -> Json {
    match n {
        Number::Integer(i) => Json::Integer(*i),
        Number::Long(l) => Json::Long(*l),
        Number::BigInteger(b) => Json::BigInteger((**b).clone()),
        Number::BigDecimal(d) => Json::BigDecimal((**d).clone()),
        Number::Float(f) => Json::Float(*f),
        Number::Double(d) => Json::Double(*d),
    }
}
