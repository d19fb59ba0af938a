//! Built-in classes: the exception hierarchy and the classes scripts name (`String`, `Math`...).

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use crate::value::{Class, Object, Value};

/// Built-in classes with their superclass, parents first.
const HIERARCHY: &[(&str, Option<&str>)] = &[
    ("java.lang.Object", None),
    ("groovy.lang.Script", Some("java.lang.Object")),
    ("java.lang.Enum", Some("java.lang.Object")),
    ("java.lang.Throwable", Some("java.lang.Object")),
    ("java.lang.Exception", Some("java.lang.Throwable")),
    ("java.lang.Error", Some("java.lang.Throwable")),
    ("java.lang.AssertionError", Some("java.lang.Error")),
    (
        "org.codehaus.groovy.runtime.powerassert.PowerAssertionError",
        Some("java.lang.AssertionError"),
    ),
    ("java.lang.StackOverflowError", Some("java.lang.Error")),
    ("java.lang.OutOfMemoryError", Some("java.lang.Error")),
    ("java.lang.RuntimeException", Some("java.lang.Exception")),
    ("java.io.IOException", Some("java.lang.Exception")),
    ("hudson.AbortException", Some("java.io.IOException")),
    (
        "java.lang.InterruptedException",
        Some("java.lang.Exception"),
    ),
    (
        "org.jenkinsci.plugins.workflow.steps.FlowInterruptedException",
        Some("java.lang.InterruptedException"),
    ),
    (
        "java.lang.IllegalArgumentException",
        Some("java.lang.RuntimeException"),
    ),
    (
        "java.lang.NumberFormatException",
        Some("java.lang.IllegalArgumentException"),
    ),
    (
        "java.util.regex.PatternSyntaxException",
        Some("java.lang.IllegalArgumentException"),
    ),
    (
        "java.lang.SecurityException",
        Some("java.lang.RuntimeException"),
    ),
    (
        "java.lang.IllegalStateException",
        Some("java.lang.RuntimeException"),
    ),
    (
        "java.lang.IndexOutOfBoundsException",
        Some("java.lang.RuntimeException"),
    ),
    (
        "java.lang.ArrayIndexOutOfBoundsException",
        Some("java.lang.IndexOutOfBoundsException"),
    ),
    (
        "java.lang.StringIndexOutOfBoundsException",
        Some("java.lang.IndexOutOfBoundsException"),
    ),
    (
        "java.lang.NullPointerException",
        Some("java.lang.RuntimeException"),
    ),
    (
        "java.lang.ClassCastException",
        Some("java.lang.RuntimeException"),
    ),
    (
        "java.lang.ArithmeticException",
        Some("java.lang.RuntimeException"),
    ),
    (
        "java.lang.UnsupportedOperationException",
        Some("java.lang.RuntimeException"),
    ),
    (
        "java.util.NoSuchElementException",
        Some("java.lang.RuntimeException"),
    ),
    (
        "java.util.ConcurrentModificationException",
        Some("java.lang.RuntimeException"),
    ),
    (
        "groovy.lang.GroovyRuntimeException",
        Some("java.lang.RuntimeException"),
    ),
    (
        "groovy.lang.MissingMethodException",
        Some("groovy.lang.GroovyRuntimeException"),
    ),
    (
        "groovy.lang.MissingPropertyException",
        Some("groovy.lang.GroovyRuntimeException"),
    ),
    (
        "org.codehaus.groovy.runtime.typehandling.GroovyCastException",
        Some("java.lang.ClassCastException"),
    ),
    (
        "groovy.json.JsonException",
        Some("java.lang.RuntimeException"),
    ),
    (
        "org.codehaus.groovy.control.MultipleCompilationErrorsException",
        Some("groovy.lang.GroovyRuntimeException"),
    ),
    ("java.lang.String", Some("java.lang.Object")),
    ("java.lang.Integer", Some("java.lang.Number")),
    ("java.lang.Long", Some("java.lang.Number")),
    ("java.lang.Double", Some("java.lang.Number")),
    ("java.lang.Float", Some("java.lang.Number")),
    ("java.math.BigDecimal", Some("java.lang.Number")),
    ("java.math.BigInteger", Some("java.lang.Number")),
    ("java.lang.Number", Some("java.lang.Object")),
    ("java.lang.Boolean", Some("java.lang.Object")),
    ("java.lang.Character", Some("java.lang.Object")),
    ("java.lang.Math", Some("java.lang.Object")),
    ("java.lang.System", Some("java.lang.Object")),
    ("java.util.List", Some("java.lang.Object")),
    ("java.util.Map", Some("java.lang.Object")),
    ("java.util.Set", Some("java.lang.Object")),
    ("java.util.ArrayList", Some("java.lang.Object")),
    ("java.util.LinkedHashMap", Some("java.lang.Object")),
    ("java.util.HashMap", Some("java.lang.Object")),
    ("java.util.TreeMap", Some("java.lang.Object")),
    ("java.lang.CharSequence", Some("java.lang.Object")),
    ("java.lang.Comparable", Some("java.lang.Object")),
    ("java.lang.Iterable", Some("java.lang.Object")),
    ("java.lang.Runnable", Some("java.lang.Object")),
    ("java.util.SortedMap", Some("java.lang.Object")),
    ("java.util.LinkedList", Some("java.lang.Object")),
    ("java.util.Stack", Some("java.lang.Object")),
    ("java.util.Vector", Some("java.lang.Object")),
    ("java.util.HashSet", Some("java.lang.Object")),
    ("java.util.LinkedHashSet", Some("java.lang.Object")),
    ("java.util.TreeSet", Some("java.lang.Object")),
    ("java.util.SortedSet", Some("java.lang.Object")),
    ("java.util.Collection", Some("java.lang.Object")),
    ("java.util.Iterator", Some("java.lang.Object")),
    ("java.util.Comparator", Some("java.lang.Object")),
    ("java.util.Arrays", Some("java.lang.Object")),
    ("java.util.Objects", Some("java.lang.Object")),
    ("java.util.regex.Matcher", Some("java.lang.Object")),
    ("java.math.MathContext", Some("java.lang.Object")),
    ("java.math.RoundingMode", Some("java.lang.Enum")),
    ("java.net.URLEncoder", Some("java.lang.Object")),
    ("java.net.URLDecoder", Some("java.lang.Object")),
    ("groovy.xml.XmlUtil", Some("java.lang.Object")),
    ("groovy.json.JsonBuilder", Some("java.lang.Object")),
    ("groovy.json.JsonDelegate", Some("java.lang.Object")),
    (
        "org.codehaus.groovy.runtime.NullObject",
        Some("java.lang.Object"),
    ),
    ("java.util.ArrayList$Itr", Some("java.util.Iterator")),
    (
        "java.lang.String$CaseInsensitiveComparator",
        Some("java.util.Comparator"),
    ),
    (
        "java.util.Collections$ReverseComparator",
        Some("java.util.Comparator"),
    ),
    ("java.util.Collections", Some("java.lang.Object")),
    ("java.util.regex.Pattern", Some("java.lang.Object")),
    ("java.lang.StringBuilder", Some("java.lang.Object")),
    ("java.lang.StringBuffer", Some("java.lang.Object")),
    ("groovy.lang.Closure", Some("java.lang.Object")),
    ("groovy.lang.Binding", Some("java.lang.Object")),
    ("java.io.PrintStream", Some("java.lang.Object")),
    ("java.lang.reflect.Modifier", Some("java.lang.Object")),
    ("groovy.json.JsonOutput", Some("java.lang.Object")),
    ("groovy.json.JsonSlurper", Some("java.lang.Object")),
    ("groovy.json.JsonSlurperClassic", Some("java.lang.Object")),
];

thread_local! {
    static CLASSES: RefCell<HashMap<&'static str, Rc<Class>>> = RefCell::new(HashMap::new());
}

/// The built-in class `name` (qualified); `java.lang.Object` if unknown.
pub fn builtin(name: &str) -> Rc<Class> {
    lookup(name).unwrap_or_else(|| make("java.lang.Object", None))
}

fn make(name: &str, parent: Option<Rc<Class>>) -> Rc<Class> {
    Rc::new(Class {
        name: name.into(),
        parent,
        decl: None,
        statics: RefCell::default(),
    })
}

/// A built-in class by qualified or simple name (default imports: java.lang, java.util, ...).
pub fn lookup(name: &str) -> Option<Rc<Class>> {
    let (qualified, parent) = HIERARCHY
        .iter()
        .find(|(q, _)| *q == name || q.rsplit('.').next() == Some(name))?;
    if let Some(c) = CLASSES.with(|m| m.borrow().get(qualified).cloned()) {
        return Some(c);
    }
    let parent = parent.and_then(lookup);
    let class = make(qualified, parent);
    CLASSES.with(|m| m.borrow_mut().insert(qualified, class.clone()));
    Some(class)
}

/// A new exception object of built-in class `class`.
pub fn new_exception(class: &str, message: Option<&str>) -> Value {
    let class = lookup(class).unwrap_or_else(|| make(class, lookup("java.lang.RuntimeException")));
    exception_of(
        class,
        message.map(|m| Value::Str(m.into())).unwrap_or(Value::Null),
        Value::Null,
    )
}

/// A new exception object of `class` with a message and a cause.
pub fn exception_of(class: Rc<Class>, message: Value, cause: Value) -> Value {
    let object = Object {
        class,
        fields: RefCell::default(),
    };
    object.fields.borrow_mut().insert("message".into(), message);
    object.fields.borrow_mut().insert("cause".into(), cause);
    Value::Object(Rc::new(object))
}

/// The constant `name` (number `ordinal`) of an enum class.
pub fn enum_constant(class: &Rc<Class>, name: &str, ordinal: usize) -> Value {
    let object = Object {
        class: class.clone(),
        fields: RefCell::default(),
    };
    object
        .fields
        .borrow_mut()
        .insert("name".into(), Value::Str(name.into()));
    object.fields.borrow_mut().insert(
        "ordinal".into(),
        crate::collections::int_value(i64::try_from(ordinal).unwrap_or(0)),
    );
    Value::Object(Rc::new(object))
}
