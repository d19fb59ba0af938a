//! Java arrays (`String[]`, `int[]`, `char[]`): lists tagged with their element type, which
//! gives them their class name, their elements' conversions and defaults.

use crate::error::{Eval, Flow};
use crate::interp::Interpreter;
use crate::number::Number;
use crate::value::Value;

/// Java's one-letter codes of primitive array element types.
const PRIMITIVES: [(&str, char); 8] = [
    ("int", 'I'),
    ("long", 'J'),
    ("double", 'D'),
    ("float", 'F'),
    ("boolean", 'Z'),
    ("char", 'C'),
    ("byte", 'B'),
    ("short", 'S'),
];

/// The element type an array of `name` records: a primitive as is, a class qualified.
fn element_type(name: &str) -> String {
    // An array of arrays (`int[]` elements) qualifies its base type and keeps its brackets.
    match name.strip_suffix("[]") {
        Some(inner) => format!("{}[]", element_type(inner)),
        None => crate::convert::qualified(name),
    }
}

/// The Java class name of an array of `element`: `[I`, `[Ljava.lang.String;`.
pub fn class_name(element: &str) -> String {
    if let Some(inner) = element.strip_suffix("[]") {
        return format!("[{}", class_name(inner));
    }
    match PRIMITIVES.iter().find(|(p, _)| *p == element) {
        Some((_, code)) => format!("[{code}"),
        None => format!("[L{element};"),
    }
}

/// The element type of array class `name` (`[I` gives `int`); `None` for other classes.
pub fn element_of_class_name(name: &str) -> Option<String> {
    let rest = name.strip_prefix('[')?;
    if let Some(class) = rest.strip_prefix('L').and_then(|r| r.strip_suffix(';')) {
        return Some(class.to_string());
    }
    let code = rest.chars().next()?;
    PRIMITIVES
        .iter()
        .find(|(_, c)| *c == code && rest.len() == 1)
        .map(|(p, _)| p.to_string())
}

/// The element type of array `v`, if it is one.
pub fn element_of(v: &Value) -> Option<std::rc::Rc<str>> {
    match v {
        Value::List(l) => l.tags.borrow().array.clone(),
        _ => None,
    }
}

/// Whether `v` is a `char[]` (printed as its text).
pub fn is_char_array(v: &Value) -> bool {
    element_of(v).is_some_and(|e| &*e == "char")
}

/// The value a new array's slots hold: zero for numbers, `false`, `'\0'`, else null.
fn default_value(element: &str) -> Value {
    match element {
        "int" | "short" | "byte" => Value::Num(Number::Integer(0)),
        "long" => Value::Num(Number::Long(0)),
        "double" => Value::Num(Number::Double(0.0)),
        "float" => Value::Num(Number::Float(0.0)),
        "boolean" => Value::Bool(false),
        "char" => Value::Char('\0'),
        _ => Value::Null,
    }
}

/// An array of `element` (as written) holding `items` as they are.
pub fn array_of(element: &str, items: Vec<Value>) -> Value {
    let list = Value::list(items);
    let element = element_type(element);
    crate::collections::tag(&list, |t| t.array = Some(element.into()));
    list
}

/// `new T[n]`: `n` default values.
pub fn new_array(element: &str, len: i64) -> Value {
    let len = usize::try_from(len).unwrap_or(0).min(1 << 20);
    let element = element_type(element);
    array_of(&element, vec![default_value(&element); len])
}

/// The most elements `new T[a][b]...` may hold in all (a harness bound, not Java's).
const MAX_NEW_ELEMENTS: i64 = 1 << 20;

/// `new T[a][b]...[]...`: arrays of arrays `sizes` deep, with `open` more `[]` levels left
/// null. `Err` when they would hold more than the harness allows.
pub fn new_nested_array(element: &str, sizes: &[i64], open: u8) -> Result<Value, String> {
    let total = sizes
        .iter()
        .try_fold(1i64, |acc, &n| acc.checked_mul(n.max(0)))
        .unwrap_or(i64::MAX);
    if total > MAX_NEW_ELEMENTS {
        return Err(format!(
            "new arrays of more than {MAX_NEW_ELEMENTS} elements (jenkins-harness's limit)"
        ));
    }
    let brackets = |n: usize| format!("{element}{}", "[]".repeat(n));
    let Some((&first, rest)) = sizes.split_first() else {
        return Ok(Value::Null);
    };
    if rest.is_empty() {
        return Ok(new_array(&brackets(usize::from(open)), first));
    }
    let mut items = Vec::new();
    for _ in 0..first.max(0) {
        items.push(new_nested_array(element, rest, open)?);
    }
    Ok(array_of(&brackets(rest.len() + usize::from(open)), items))
}

/// `v as T[]`, `(T[]) v`, `T[] x = v`: an array of `element` holding `v`'s elements, each
/// converted to the element type (`dims` > 1 makes arrays of arrays).
pub fn coerce_to_array(it: &mut Interpreter, v: Value, element: &str, dims: u8) -> Eval {
    if matches!(v, Value::Null) {
        return Ok(Value::Null);
    }
    if element_of(&v).is_some_and(|e| *e == *element_type(element)) && dims == 1 {
        return Ok(v);
    }
    let mut out = Vec::new();
    for item in it.iterate(&v)? {
        out.push(if dims > 1 {
            coerce_to_array(it, item, element, dims - 1)?
        } else {
            crate::convert::as_type(it, item, element, 0)?
        });
    }
    if dims > 1 {
        return Ok(Value::list(out));
    }
    Ok(array_of(element, out))
}

/// A `byte[]` of `bytes` (Java bytes are signed).
pub fn byte_array(bytes: &[u8]) -> Value {
    let values = bytes
        .iter()
        .map(|b| Value::Num(Number::Integer(i32::from(b.cast_signed()))))
        .collect();
    array_of("byte", values)
}

/// The bytes of a `byte[]` (or of a list of small numbers); `None` for other values.
pub fn bytes_of(v: &Value) -> Option<Vec<u8>> {
    let Value::List(l) = v else { return None };
    l.borrow()
        .iter()
        .map(|x| match x {
            Value::Num(n) if n.is_integral() => i8::try_from(n.to_i64())
                .map(i8::cast_unsigned)
                .ok()
                .or_else(|| u8::try_from(n.to_i64()).ok()),
            _ => None,
        })
        .collect()
}

/// Java's error for reading or writing array slot `i` of an array of `len`.
pub fn out_of_bounds(it: &Interpreter, i: i64, len: usize) -> Flow {
    it.exception(
        "java.lang.ArrayIndexOutOfBoundsException",
        &format!("Index {i} out of bounds for length {len}"),
    )
}

/// The array a varargs parameter (`String... parts`, or a last `Object[]` parameter) gets:
/// an array passed alone as it is, else the arguments in an array of the element type.
pub fn varargs(
    it: &mut Interpreter,
    rest: Vec<Value>,
    ty: Option<&jenkins_harness_grammar::ast::TypeRef>,
) -> Eval {
    if let [single] = rest.as_slice()
        && element_of(single).is_some()
    {
        return Ok(single.clone());
    }
    let element = ty.map_or("Object", |t| &*t.name);
    coerce_to_array(it, Value::list(rest), element, 1)
}
