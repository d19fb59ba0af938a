//! Properties and indexing: `obj.name`, `obj.name = v`, `x[i]`, `x[i] = v`, and iteration.

use std::rc::Rc;

use crate::collections::items;
use crate::error::Eval;
use crate::interp::Interpreter;
use crate::value::{Key, Value};

impl Interpreter {
    /// `target.name` (`target.@name` when `field`).
    pub fn get_property(&mut self, target: &Value, name: &Rc<str>, field: bool) -> Eval {
        match target {
            Value::Null => Err(self.exception(
                "java.lang.NullPointerException",
                &format!("Cannot get property '{name}' on null object"),
            )),
            Value::Map(_) => crate::collections::map_get(self, target, Key::str(name)),
            Value::Object(o) if !field && self.is_script(target) => {
                let _ = o;
                self.script_property(target, name)
            }
            Value::Object(_) if self.hosted(target).is_some() => {
                if let Some((host, o)) = self.hosted(target)
                    && let Some(v) = host.object_property(self, &o, name)?
                {
                    return Ok(v);
                }
                match crate::builtins::property(self, target, name)? {
                    Some(v) => Ok(v),
                    None => Err(self.missing_property(target, name)),
                }
            }
            Value::Object(o) => {
                if let Some(v) = o.fields.borrow().get(name)
                    && (field
                        || crate::classes_runtime::inside_own_class(self, target)
                        || !self.has_getter(target, name))
                {
                    return Ok(v.clone());
                }
                if !field
                    && !crate::classes_runtime::inside_own_class(self, target)
                    && let Some((m, _)) =
                        self.find_class_method(&o.class, "getProperty", &[Value::Null])
                {
                    return self.invoke_method(&m, target.clone(), vec![Value::Str(name.clone())]);
                }
                if !field {
                    for getter in [getter_name(name), is_getter_name(name)] {
                        if let Some((m, _)) = self.find_class_method(&o.class, &getter, &[]) {
                            return self.invoke_method(&m, target.clone(), Vec::new());
                        }
                    }
                }
                if let Some(v) = self.static_field(&o.class.clone(), name) {
                    return Ok(v);
                }
                if let Some(v) = crate::builtins::property(self, target, name)? {
                    return Ok(v);
                }
                if &**name == "properties" && o.class.decl.is_some() {
                    return self.properties_map(target);
                }
                if self
                    .find_class_method(&o.class, "propertyMissing", &[Value::Null])
                    .is_some()
                {
                    return self.call_method(
                        target,
                        &Rc::from("propertyMissing"),
                        vec![Value::Str(name.clone())],
                    );
                }
                Err(self.missing_property(target, name))
            }
            Value::Class(c) => {
                if let Some(v) = self.static_field(&c.clone(), name) {
                    return Ok(v);
                }
                if let Some(v) = crate::builtins::static_property(self, c, name)? {
                    return Ok(v);
                }
                if &**name == "class" {
                    return Ok(target.clone());
                }
                if let Some(inner) = self.nested_in(&c.clone(), name) {
                    return Ok(Value::Class(inner));
                }
                if let Some(v) = self.qualified_member(c, name) {
                    return Ok(v);
                }
                if &*c.name == "java.lang.System" && &**name == "out" {
                    return Ok(crate::builtins::system_out());
                }
                if let Some(v) = crate::builtins::property(self, target, name)? {
                    return Ok(v);
                }
                Err(self.missing_property(target, name))
            }
            Value::List(_) | Value::Range(_) => {
                if let Some(v) = crate::builtins::property(self, target, name)? {
                    return Ok(v);
                }
                // A property of a list spreads over its elements.
                let mut out = Vec::new();
                for item in items(target) {
                    out.push(if matches!(item, Value::Null) {
                        Value::Null
                    } else {
                        match self.get_property(&item, name, field) {
                            Ok(v) => v,
                            Err(crate::error::Flow::Throw(e)) if is_missing_property(&e) => {
                                return Err(self.spread_property_error(target, name, &e));
                            }
                            Err(other) => return Err(other),
                        }
                    });
                }
                Ok(Value::list(out))
            }
            other => match crate::builtins::property(self, other, name)? {
                Some(v) => Ok(v),
                None => Err(self.missing_property(other, name)),
            },
        }
    }

    /// Groovy's error when a list's element has no property `name` (`e`): a
    /// MissingPropertyException naming the list's class (an array's is `Arrays$ArrayList`).
    fn spread_property_error(&self, target: &Value, name: &str, e: &Value) -> crate::error::Flow {
        let class = if crate::arrays::element_of(target).is_some() {
            "java.util.Arrays$ArrayList".into()
        } else {
            target.class_name()
        };
        self.exception(
            "groovy.lang.MissingPropertyException",
            &format!(
                "Exception evaluating property '{name}' for {class}, Reason: {}",
                e.to_display()
            ),
        )
    }

    fn has_getter(&self, target: &Value, name: &str) -> bool {
        match target {
            Value::Object(o) => self
                .find_class_method(&o.class, &getter_name(name), &[])
                .is_some(),
            _ => false,
        }
    }

    /// `target.name = v`.
    pub fn set_property(
        &mut self,
        target: &Value,
        name: &Rc<str>,
        v: Value,
        field: bool,
    ) -> Eval<()> {
        match target {
            Value::Null => Err(self.exception(
                "java.lang.NullPointerException",
                &format!("Cannot set property '{name}' on null object"),
            )),
            Value::Map(_) => {
                crate::collections::map_put(self, target, Key::str(name), v)?;
                Ok(())
            }
            Value::Object(_) if self.hosted(target).is_some() => {
                if let Some((host, o)) = self.hosted(target)
                    && host.set_object_property(self, &o, name, v)?
                {
                    return Ok(());
                }
                Err(self.missing_property(target, name))
            }
            Value::Object(o) => {
                let direct = field || crate::classes_runtime::inside_own_class(self, target);
                if direct && crate::classes_runtime::declares_field(&o.class, name) {
                    o.fields.borrow_mut().insert(name.clone(), v);
                    return Ok(());
                }
                if !direct
                    && let Some((m, _)) =
                        self.find_class_method(&o.class, "setProperty", &[Value::Null, Value::Null])
                {
                    self.invoke_method(&m, target.clone(), vec![Value::Str(name.clone()), v])?;
                    return Ok(());
                }
                if !field {
                    let setter = setter_name(name);
                    if self
                        .find_class_method(&o.class, &setter, std::slice::from_ref(&v))
                        .is_some()
                    {
                        self.call_method(target, &setter.into(), vec![v])?;
                        return Ok(());
                    }
                }
                let declared = o.fields.borrow().contains_key(name)
                    || o.class.is_a("java.lang.Throwable")
                    || o.class.is_a("groovy.lang.Script");
                if declared {
                    o.fields.borrow_mut().insert(name.clone(), v);
                    return Ok(());
                }
                if self.static_field(&o.class.clone(), name).is_some() {
                    o.class.statics.borrow_mut().insert(name.clone(), v);
                    return Ok(());
                }
                if let Some(decl) = &o.class.decl
                    && decl.members.iter().any(|m| matches!(m, jenkins_harness_grammar::ast::ClassMember::Field(f, _) if f.declarators.iter().any(|d| d.name.name == *name))) {
                        o.fields.borrow_mut().insert(name.clone(), v);
                        return Ok(());
                    }
                if let Some((m, _)) =
                    self.find_class_method(&o.class, "propertyMissing", &[Value::Null, Value::Null])
                {
                    self.invoke_method(&m, target.clone(), vec![Value::Str(name.clone()), v])?;
                    return Ok(());
                }
                Err(self.missing_property(target, name))
            }
            Value::Closure(c) => match &**name {
                "delegate" => {
                    *c.delegate.borrow_mut() = v;
                    Ok(())
                }
                "resolveStrategy" => {
                    c.resolve_strategy
                        .set(i32::try_from(v.as_i64().unwrap_or(0)).unwrap_or(0));
                    Ok(())
                }
                _ => Err(self.missing_property(target, name)),
            },
            Value::Class(c) => {
                c.statics.borrow_mut().insert(name.clone(), v);
                Ok(())
            }
            other => Err(self.missing_property(other, name)),
        }
    }

    /// `target[index]` (`getAt`).
    pub fn get_at(&mut self, target: &Value, index: &Value) -> Eval {
        match target {
            Value::Map(_) => {
                let key = match index {
                    Value::GString(_) => Key(Value::Str(index.to_display().into())),
                    other => Key(other.clone()),
                };
                crate::collections::map_get(self, target, key)
            }
            Value::Null => Err(self.exception(
                "java.lang.NullPointerException",
                "Cannot invoke method getAt() on null object",
            )),
            Value::Object(_) | Value::Class(_) if index.is_string() => {
                let name: Rc<str> = index.to_display().into();
                self.get_property(target, &name, false)
            }
            _ => crate::builtins::get_at(self, target, index),
        }
    }

    /// `target[index] = v` (`putAt`).
    pub fn put_at(&mut self, target: &Value, index: &Value, v: Value) -> Eval<()> {
        match target {
            Value::Map(_) => {
                let key = match index {
                    Value::GString(_) => Key(Value::Str(index.to_display().into())),
                    other => Key(other.clone()),
                };
                crate::collections::map_put(self, target, key, v)?;
                Ok(())
            }
            Value::List(_) => crate::collections::list_put_at(self, target, index, v),
            Value::Object(_) if index.is_string() => {
                let name: Rc<str> = index.to_display().into();
                self.set_property(target, &name, v, false)
            }
            other => Err(self.missing_method(other, "putAt", &[index.clone(), v])),
        }
    }

    /// The elements `for (x in v)` and `each` visit.
    pub fn iterate(&mut self, v: &Value) -> Eval<Vec<Value>> {
        match v {
            Value::Map(m) => Ok(m
                .borrow()
                .iter()
                .map(|(k, v)| crate::builtins::entry(k.0.clone(), v.clone()))
                .collect()),
            Value::Matcher(m) => Ok(m
                .matches
                .iter()
                .map(|x| crate::regex::match_value(x))
                .collect()),
            Value::Object(o) if o.class.is_a("java.lang.Object") && o.class.decl.is_some() => {
                if self.find_class_method(&o.class, "iterator", &[]).is_some() {
                    let it = self.call_method(v, &Rc::from("iterator"), Vec::new())?;
                    return self.iterate(&it);
                }
                Ok(vec![v.clone()])
            }
            other => Ok(items(other)),
        }
    }
}

/// Whether exception `e` is a `MissingPropertyException`.
fn is_missing_property(e: &Value) -> bool {
    matches!(e, Value::Object(o) if o.class.is_a("groovy.lang.MissingPropertyException"))
}

/// `getFoo` for property `foo`.
pub(crate) fn getter_name(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(c) => format!("get{}{}", c.to_uppercase(), chars.as_str()),
        None => "get".into(),
    }
}

/// `isFoo` for boolean property `foo`.
pub(crate) fn is_getter_name(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(c) => format!("is{}{}", c.to_uppercase(), chars.as_str()),
        None => "is".into(),
    }
}

/// `setFoo` for property `foo`.
pub(crate) fn setter_name(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(c) => format!("set{}{}", c.to_uppercase(), chars.as_str()),
        None => "set".into(),
    }
}
