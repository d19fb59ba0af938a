//! `instanceof`, `case Type:` and `Type.isCase(x)`: which Java types a value is an instance
//! of, for built-in values (by their kind and tags) and script objects (by class and interfaces).

use crate::convert::simple;
use crate::interp::Interpreter;
use crate::value::Value;

/// Whether `v instanceof ty`, array types (`int[]`) included.
pub(crate) fn instance_of_type(
    it: &Interpreter,
    v: &Value,
    ty: &jenkins_harness_grammar::ast::TypeRef,
) -> bool {
    if ty.dims == 0 {
        return instance_of(it, v, &ty.name);
    }
    crate::arrays::element_of(v).is_some_and(|element| {
        ty.dims == 1
            && (*element == *crate::convert::qualified(&ty.name) || simple(&ty.name) == "Object")
    })
}

/// Whether `v instanceof ty`.
pub(crate) fn instance_of(it: &Interpreter, v: &Value, ty: &str) -> bool {
    let t = simple(ty);
    match v {
        Value::Null => false,
        Value::Object(o) => o.class.is_a(ty) || t == "Object" || implements(it, &o.class, ty, 0),
        Value::Num(n) => {
            let own = n.type_name();
            t == "Number" || t == "Object" || t == "Comparable" || simple(own) == t
        }
        Value::Str(_) => matches!(t, "String" | "CharSequence" | "Object" | "Comparable"),
        Value::GString(_) => matches!(t, "GString" | "CharSequence" | "Object"),
        Value::List(_) => list_instance_of(v, t),
        Value::Range(_) => matches!(
            t,
            "Range" | "IntRange" | "List" | "Collection" | "Iterable" | "Object"
        ),
        Value::Map(_) => {
            let class = crate::collections::tagged_class_name(v);
            matches!(t, "Map" | "Object")
                || match class.as_deref().map(simple) {
                    None => matches!(t, "LinkedHashMap" | "HashMap"),
                    Some("TreeMap") => matches!(t, "TreeMap" | "SortedMap" | "NavigableMap"),
                    Some(own) => t == own,
                }
        }
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

/// Whether list value `v` (a list, set or array by its tags) is an instance of type `t`.
fn list_instance_of(v: &Value, t: &str) -> bool {
    use crate::collections::SetKind;
    let tags = crate::collections::tags(v);
    if t == "Object" {
        return true;
    }
    if tags.array.is_some() {
        // Arrays are not collections.
        return false;
    }
    let collection = matches!(t, "Collection" | "Iterable");
    match tags.set {
        Some(kind) => {
            collection
                || t == "Set"
                || match kind {
                    SetKind::Hash => t == "HashSet",
                    SetKind::Linked => matches!(t, "LinkedHashSet" | "HashSet"),
                    SetKind::Tree => matches!(t, "TreeSet" | "SortedSet" | "NavigableSet"),
                }
        }
        // A map's `values()` is only a Collection.
        None if tags.map_view.is_some() => collection,
        None => {
            let class = tags.class.map_or("ArrayList", |c| simple(c));
            collection || t == "List" || t == class
        }
    }
}

/// Whether `name` is an interface declared in the script.
pub(crate) fn is_interface(it: &Interpreter, name: &str) -> bool {
    it.class_named(name).is_some_and(|c| {
        c.decl
            .as_ref()
            .is_some_and(|d| d.kind == jenkins_harness_grammar::ast::ClassKind::Interface)
    })
}

/// Whether script class `class` (or a superclass) implements interface `ty`, directly or
/// through interfaces extending it.
fn implements(it: &Interpreter, class: &crate::value::Class, ty: &str, depth: usize) -> bool {
    // A bound: a script could declare interfaces extending each other in a cycle.
    if depth > 32 {
        return false;
    }
    let mut class = Some(class);
    while let Some(c) = class {
        if let Some(decl) = &c.decl {
            let interface = decl.kind == jenkins_harness_grammar::ast::ClassKind::Interface;
            let extended = decl.extends.iter().filter(|_| interface);
            for t in decl.implements.iter().chain(extended) {
                if simple(&t.name) == simple(ty)
                    || it
                        .class_named(&t.name)
                        .is_some_and(|i| implements(it, &i, ty, depth + 1))
                {
                    return true;
                }
            }
        }
        class = c.parent.as_deref();
    }
    false
}
