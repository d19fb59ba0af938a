//! Type conversions: `as Type`, casts, typed declarations and parameters.

use std::rc::Rc;

pub(crate) use crate::instance_of::{instance_of, instance_of_type, is_interface};

use crate::error::Eval;
use crate::interp::Interpreter;
use crate::number::Number;
use crate::value::Value;

/// The simple name of a possibly qualified type name (`List` for `java.util.List`). Type
/// names are short: a byte loop beats setting up a substring search on every call.
pub(crate) fn simple(name: &str) -> &str {
    match name.bytes().rposition(|b| b == b'.') {
        Some(dot) => &name[dot + 1..],
        None => name,
    }
}

/// Converts `v` to type `name` (with `dims` array dimensions), as Groovy's `asType` and casts do.
pub(crate) fn coerce(it: &mut Interpreter, v: Value, name: &str, dims: u8) -> Eval {
    if dims > 0 {
        return crate::arrays::coerce_to_array(it, v, name, dims);
    }
    if matches!(v, Value::Null) {
        return Ok(match simple(name) {
            "int" | "long" | "short" | "byte" => Interpreter::int(0),
            "boolean" => Value::Bool(false),
            _ => Value::Null,
        });
    }
    let num = |n: Number| Ok(Value::Num(n));
    match simple(name) {
        "def" | "Object" | "var" | "" => Ok(v),
        "String" | "CharSequence" | "GString" => Ok(Value::Str(it.to_string_value(&v)?.into())),
        "int" | "Integer" | "long" | "Long" | "short" | "Short" | "byte" | "Byte"
        | "BigInteger" | "double" | "Double" | "float" | "Float" | "BigDecimal" | "Number" => {
            let n = match &v {
                Value::Num(n) => n.clone(),
                Value::Char(c) => Number::Integer(*c as i32),
                s if s.is_string() => {
                    let text = s.to_display();
                    let mut chars = text.chars();
                    match (chars.next(), chars.next()) {
                        (Some(c), None)
                            if !matches!(simple(name), "BigDecimal" | "BigInteger" | "Number") =>
                        {
                            Number::Integer(c as i32)
                        }
                        _ => {
                            return Err(cast_error(it, &v, name));
                        }
                    }
                }
                Value::Bool(_) | Value::List(_) | Value::Map(_) | Value::Object(_) => {
                    return Err(cast_error(it, &v, name));
                }
                _ => return Err(cast_error(it, &v, name)),
            };
            let converted = match simple(name) {
                "int" | "Integer" | "short" | "Short" | "byte" | "Byte" => n.to_integer(),
                "long" | "Long" => n.to_long(),
                "BigInteger" => match n.to_big_integer() {
                    Ok(b) => Number::BigInteger(Rc::new(b)),
                    Err(e) => return Err(it.exception(e.class, &e.message)),
                },
                "double" | "Double" => n.to_double(),
                "float" | "Float" => n.to_float(),
                "BigDecimal" => match n.to_big_decimal() {
                    Ok(b) => Number::BigDecimal(Rc::new(b)),
                    Err(e) => return Err(it.exception(e.class, &e.message)),
                },
                _ => n,
            };
            num(converted)
        }
        "boolean" | "Boolean" => Ok(Value::Bool(v.truthy())),
        "char" | "Character" => match &v {
            Value::Num(n) => Ok(Value::Char(
                u32::try_from(n.to_i64())
                    .ok()
                    .and_then(char::from_u32)
                    .unwrap_or('\0'),
            )),
            other => Ok(other
                .to_display()
                .chars()
                .next()
                .map_or(Value::Null, Value::Char)),
        },
        "List" | "ArrayList" | "Collection" | "Iterable" => match v {
            // A set or array becomes a new ArrayList; a list stays itself.
            Value::List(_) if crate::collections::tagged_class_name(&v).is_none() => Ok(v),
            // A range is a List already (IntRange implements it); only `as ArrayList` copies.
            Value::Range(_) if name != "ArrayList" => Ok(v),
            Value::List(_) | Value::Range(_) => Ok(Value::list(crate::collections::items(&v))),
            other => Err(constructor_cast_error(it, &other, name)),
        },
        list @ ("LinkedList" | "Stack" | "Vector") => match v {
            Value::List(_) | Value::Range(_) => {
                let class = match list {
                    "LinkedList" => "java.util.LinkedList",
                    "Stack" => "java.util.Stack",
                    _ => "java.util.Vector",
                };
                let copy = Value::list(crate::collections::items(&v));
                crate::collections::tag(&copy, |t| t.class = Some(class));
                Ok(copy)
            }
            other => Err(constructor_cast_error(it, &other, name)),
        },
        set if crate::collections::SetKind::named(set).is_some() => {
            use crate::collections::SetKind;
            if crate::collections::set_kind(&v) == SetKind::named(set) {
                return Ok(v);
            }
            // An array becomes a `HashSet` (`new HashSet(Arrays.asList(array))`), a collection
            // a `LinkedHashSet`, unless another kind is asked for.
            let array = crate::arrays::element_of(&v).is_some();
            let kind = match SetKind::named(set) {
                Some(SetKind::Linked) if set == "Set" && array => SetKind::Hash,
                kind => kind.unwrap_or(SetKind::Linked),
            };
            let values = it.iterate(&v)?;
            let capacity = crate::collections::copy_capacity(values.len());
            crate::collections::new_sized_set(it, values, kind, capacity)
        }
        "Map" | "HashMap" | "LinkedHashMap" | "TreeMap" | "SortedMap" => match v {
            Value::Map(m) if matches!(simple(name), "TreeMap" | "SortedMap") => {
                let entries = m.borrow().clone();
                crate::collections::new_map(it, entries, Some("java.util.TreeMap"))
            }
            Value::Map(_) => Ok(v),
            other => Err(constructor_cast_error(it, &other, name)),
        },
        // A closure coerced to a functional interface is a JDK proxy object, no longer a
        // Closure (so Java's own methods taking that interface win over the GDK's).
        "Comparator" | "Runnable" | "Callable" => match v {
            Value::Closure(c) => Ok(crate::builtins::closure_proxy(&c)),
            other => Ok(other),
        },
        "Closure" => match v {
            Value::Closure(_) => Ok(v),
            other => Err(cast_error(it, &other, name)),
        },
        "Pattern" => crate::ops::bitwise_negate(it, &v),
        _ => match &v {
            Value::Closure(c) if is_interface(it, name) => Ok(crate::builtins::closure_proxy(c)),
            _ => Ok(v),
        },
    }
}

/// Converts `v` for `v as Type` (Groovy's `asType`): like [`coerce`], but a string becomes a
/// number by parsing it (`'42' as Integer` is 42, `'abc' as Integer` a NumberFormatException).
pub(crate) fn as_type(it: &mut Interpreter, v: Value, name: &str, dims: u8) -> Eval {
    if dims == 0
        && v.is_string()
        && matches!(
            simple(name),
            "List" | "ArrayList" | "Collection" | "Iterable" | "LinkedList"
        )
    {
        // `'abc' as List` is its characters; a cast or typed variable does not split strings.
        return Ok(Value::list(crate::collections::items(&v)));
    }
    if dims == 0
        && v.is_string()
        && let Some(parsed) = parse_string_as(&v.to_display(), simple(name))
    {
        return parsed
            .map(Value::Num)
            .map_err(|e| it.exception(e.class, &e.message));
    }
    coerce(it, v, name, dims)
}

/// `String.asType(numberClass)`: the trimmed text parsed as that class; `None` for other types.
fn parse_string_as(text: &str, ty: &str) -> Option<Result<Number, crate::number::NumberError>> {
    use crate::number::parse;
    let t = text.trim_matches(|c| c <= ' ');
    Some(match ty {
        "int" | "Integer" => parse::parse_int(t, 10).map(Number::Integer),
        "short" | "Short" | "byte" | "Byte" => parse::parse_int(t, 10).map(Number::Integer),
        "long" | "Long" => parse::parse_long(t, 10).map(Number::Long),
        "BigInteger" => parse::parse_big_integer(t).map(|b| Number::BigInteger(Rc::new(b))),
        "double" | "Double" => parse::parse_double(t).map(Number::Double),
        "float" | "Float" => parse::parse_float(t).map(Number::Float),
        "BigDecimal" => parse::parse_big_decimal(t).map(|b| Number::BigDecimal(Rc::new(b))),
        _ => return None,
    })
}

fn cast_error(it: &Interpreter, v: &Value, name: &str) -> crate::error::Flow {
    it.exception(
        "org.codehaus.groovy.runtime.typehandling.GroovyCastException",
        &cast_message(v, name),
    )
}

fn cast_message(v: &Value, name: &str) -> String {
    let shown = match v {
        Value::Map(_) => java_map_text(v),
        other => other.to_display(),
    };
    format!(
        "Cannot cast object '{shown}' with class '{}' to class '{}'",
        v.class_name(),
        qualified(name)
    )
}

/// The cast error when Groovy's last resort for a list or map, calling a constructor of the
/// target type with it (a list's elements as separate arguments), finds none.
fn constructor_cast_error(it: &Interpreter, v: &Value, name: &str) -> crate::error::Flow {
    let args: Vec<String> = match v {
        Value::List(l) => l
            .borrow()
            .iter()
            .map(|x| x.class_name().to_string())
            .collect(),
        Value::Map(_) => vec![v.class_name().to_string()],
        _ => return cast_error(it, v, name),
    };
    let message = cast_message(v, name);
    it.exception(
        "org.codehaus.groovy.runtime.typehandling.GroovyCastException",
        &format!(
            "{message} due to: groovy.lang.GroovyRuntimeException: Could not find matching constructor for: {}({})",
            qualified(name),
            args.join(", ")
        ),
    )
}

fn java_map_text(v: &Value) -> String {
    let Value::Map(m) = v else {
        return v.to_display();
    };
    let parts: Vec<String> = m
        .borrow()
        .iter()
        .map(|(k, v)| format!("{}={}", k.0.to_display(), v.to_display()))
        .collect();
    format!("{{{}}}", parts.join(", "))
}

/// The Java name of a type as written.
pub(crate) fn qualified(name: &str) -> String {
    match name {
        "int" | "long" | "double" | "float" | "boolean" | "char" | "short" | "byte" => {
            name.to_string()
        }
        "String" | "Integer" | "Long" | "Double" | "Float" | "Boolean" | "Character" | "Number"
        | "Object" | "Short" | "Byte" => format!("java.lang.{name}"),
        "BigDecimal" | "BigInteger" => format!("java.math.{name}"),
        "List" | "Map" | "Set" | "ArrayList" | "HashMap" | "LinkedHashMap" | "Collection" => {
            format!("java.util.{name}")
        }
        other => other.to_string(),
    }
}

/// Whether a parameter of type `name` accepts `v` when choosing among overloads.
pub(crate) fn accepts(name: &str, dims: u8, v: &Value) -> bool {
    if dims > 0 {
        return matches!(v, Value::List(_) | Value::Null);
    }
    let t = simple(name);
    match v {
        Value::Null => !matches!(
            t,
            "int" | "long" | "double" | "float" | "boolean" | "char" | "short" | "byte"
        ),
        Value::Num(_) => matches!(
            t,
            "int"
                | "Integer"
                | "long"
                | "Long"
                | "double"
                | "Double"
                | "float"
                | "Float"
                | "Number"
                | "BigDecimal"
                | "BigInteger"
                | "Object"
                | "def"
                | "short"
                | "byte"
                | "Comparable"
        ),
        Value::Str(_) | Value::GString(_) => matches!(
            t,
            "String" | "CharSequence" | "Object" | "GString" | "Comparable" | "def"
        ),
        Value::List(_) | Value::Range(_) => matches!(
            t,
            "List" | "Collection" | "Iterable" | "Object" | "ArrayList" | "Set" | "def"
        ),
        Value::Map(_) => matches!(t, "Map" | "Object" | "LinkedHashMap" | "HashMap" | "def"),
        Value::Bool(_) => matches!(t, "boolean" | "Boolean" | "Object" | "def"),
        Value::Closure(_) => matches!(t, "Closure" | "Object" | "def"),
        Value::Object(o) => {
            o.class.is_a(name) || t == "Object" || t == "def" || !is_builtin_type(t)
        }
        _ => true,
    }
}

fn is_builtin_type(t: &str) -> bool {
    matches!(
        t,
        "String"
            | "Integer"
            | "Long"
            | "Map"
            | "List"
            | "Closure"
            | "Boolean"
            | "Number"
            | "int"
            | "long"
            | "boolean"
            | "double"
            | "Double"
    )
}

impl Interpreter {
    /// `toString()` of a value; objects of script classes use their own `toString`.
    pub fn to_string_value(&mut self, v: &Value) -> Eval<String> {
        match v {
            Value::Object(o) if o.class.decl.is_some() => {
                if self.find_class_method(&o.class, "toString", &[]).is_some() {
                    let s = self.call_method(v, &Rc::from("toString"), Vec::new())?;
                    return Ok(s.to_display());
                }
                if o.class.is_a("java.lang.Enum") {
                    return Ok(o
                        .fields
                        .borrow()
                        .get("name")
                        .map(Value::to_display)
                        .unwrap_or_default());
                }
                Ok(v.to_display())
            }
            Value::GString(g)
                if g.values
                    .iter()
                    .any(|x| matches!(x, Value::Object(_)) || renders_lazily(x)) =>
            {
                let mut out = String::new();
                for (i, s) in g.strings.iter().enumerate() {
                    out.push_str(s);
                    match g.values.get(i) {
                        // A closure without parameters (`${-> x}`) renders what it returns now;
                        // one with a parameter (`${ w -> w << x }`) writes to the Writer it gets.
                        Some(Value::Closure(c)) if is_lazy(&g.values[i]) => {
                            if c.code.params.as_ref().is_some_and(Vec::is_empty) {
                                let now = self.call_closure(c, Vec::new())?;
                                out.push_str(&self.to_string_value(&now)?);
                            } else {
                                let writer = Rc::new(std::cell::RefCell::new(String::new()));
                                self.call_closure(c, vec![Value::Buffer(writer.clone())])?;
                                out.push_str(&writer.borrow());
                            }
                        }
                        Some(x) => out.push_str(&self.to_string_value(x)?),
                        None => {}
                    }
                }
                Ok(out)
            }
            Value::List(_) | Value::Map(_) if contains_objects(v) => {
                Ok(crate::builtins::render_with_objects(self, v)?)
            }
            other => Ok(other.to_display()),
        }
    }
}

/// Whether a GString value is a closure taking no parameter (`${-> x}`) or one (a Writer:
/// `${ w -> w << x }`), which Groovy calls each time it renders the GString.
fn is_lazy(v: &Value) -> bool {
    matches!(v, Value::Closure(c) if c.code.params.as_ref().is_some_and(|p| p.len() <= 1))
}

/// Whether `v` is, or is a GString holding (at any depth), a `${-> x}` closure: its text
/// needs the interpreter, to call the closure.
pub(crate) fn renders_lazily(v: &Value) -> bool {
    match v {
        Value::GString(g) => g.values.iter().any(renders_lazily),
        other => is_lazy(other),
    }
}

/// Whether a list or map holds values whose text needs the interpreter: objects of script
/// classes (their own `toString`) or lazy GStrings.
fn contains_objects(v: &Value) -> bool {
    let needs = |x: &Value| {
        matches!(x, Value::Object(o) if o.class.decl.is_some())
            || matches!(x, Value::GString(_)) && renders_lazily(x)
    };
    match v {
        Value::List(l) => l.borrow().iter().any(needs),
        Value::Map(m) => m.borrow().values().any(needs),
        _ => false,
    }
}
