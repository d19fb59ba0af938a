//! Type conversions: `as Type`, casts, typed declarations and parameters, `instanceof`.

use std::rc::Rc;

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
        return Ok(match v {
            Value::Null => Value::Null,
            Value::List(_) => v,
            other => Value::list(crate::collections::items(&other)),
        });
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
        "List" | "ArrayList" | "Collection" | "Iterable" | "LinkedList" => match v {
            Value::List(_) => Ok(v),
            Value::Range(_) => Ok(Value::list(crate::collections::items(&v))),
            other => Err(constructor_cast_error(it, &other, name)),
        },
        "Set" | "HashSet" | "LinkedHashSet" | "TreeSet" | "SortedSet" => {
            let mut items: Vec<Value> = Vec::new();
            for i in it.iterate(&v)? {
                let mut present = false;
                for x in &items {
                    if crate::ops::java_equals(it, x, &i)? {
                        present = true;
                        break;
                    }
                }
                if !present {
                    items.push(i);
                }
            }
            if simple(name).contains("Tree") || simple(name) == "SortedSet" {
                crate::builtins::sort_values(it, &mut items)?;
            }
            Ok(Value::list(items))
        }
        "Map" | "HashMap" | "LinkedHashMap" | "TreeMap" => match v {
            Value::Map(_) => Ok(v),
            other => Err(constructor_cast_error(it, &other, name)),
        },
        "Closure" => match v {
            Value::Closure(_) => Ok(v),
            other => Err(cast_error(it, &other, name)),
        },
        "Pattern" => crate::ops::bitwise_negate(it, &v),
        _ => Ok(v),
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

/// Whether `v instanceof ty`.
pub(crate) fn instance_of(it: &Interpreter, v: &Value, ty: &str) -> bool {
    let t = simple(ty);
    match v {
        Value::Null => false,
        Value::Object(o) => o.class.is_a(ty) || t == "Object",
        Value::Num(n) => {
            let own = n.type_name();
            t == "Number" || t == "Object" || t == "Comparable" || simple(own) == t
        }
        Value::Str(_) => matches!(t, "String" | "CharSequence" | "Object" | "Comparable"),
        Value::GString(_) => matches!(t, "GString" | "CharSequence" | "Object"),
        Value::List(_) => matches!(
            t,
            "List" | "ArrayList" | "Collection" | "Iterable" | "Object"
        ),
        Value::Range(_) => matches!(
            t,
            "Range" | "IntRange" | "List" | "Collection" | "Iterable" | "Object"
        ),
        Value::Map(_) => matches!(t, "Map" | "LinkedHashMap" | "HashMap" | "Object"),
        Value::Bool(_) => matches!(t, "Boolean" | "Object"),
        Value::Char(_) => matches!(t, "Character" | "Object"),
        Value::Closure(_) => matches!(t, "Closure" | "Object"),
        Value::Class(_) => matches!(t, "Class" | "Object"),
        Value::Pattern(_) => matches!(t, "Pattern" | "Object"),
        Value::Matcher(_) => matches!(t, "Matcher" | "Object"),
        Value::Buffer(_) => matches!(t, "StringBuffer" | "CharSequence" | "Object"),
    }
    .then_some(())
    .is_some()
        || it
            .class_named(ty)
            .is_some_and(|c| matches!(v, Value::Object(o) if o.class.is_a(&c.name)))
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
            Value::GString(g) if g.values.iter().any(|x| matches!(x, Value::Object(_))) => {
                let mut out = String::new();
                for (i, s) in g.strings.iter().enumerate() {
                    out.push_str(s);
                    if let Some(x) = g.values.get(i) {
                        out.push_str(&self.to_string_value(x)?);
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

fn contains_objects(v: &Value) -> bool {
    match v {
        Value::List(l) => l
            .borrow()
            .iter()
            .any(|x| matches!(x, Value::Object(o) if o.class.decl.is_some())),
        Value::Map(m) => m
            .borrow()
            .values()
            .any(|x| matches!(x, Value::Object(o) if o.class.decl.is_some())),
        _ => false,
    }
}
