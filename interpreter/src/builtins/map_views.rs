//! `map.keySet()`, `map.values()` and `map.entrySet()` as views: lists that remember their
//! map, so that removing from them (`remove`, `removeAll`, an iterator's `remove`) removes
//! the entries from the map, as Java's views do.

use crate::collections::{SetKind, ViewKind, tag, tags};
use crate::error::Eval;
use crate::interp::Interpreter;
use crate::value::{MapRef, Value};

/// The list methods that can remove elements, after which the map follows its view.
const REMOVERS: &[&str] = &[
    "remove",
    "removeAll",
    "retainAll",
    "removeIf",
    "clear",
    "removeAt",
];

/// The `kind` view of map `m` (keys and entries are sets, values a collection).
pub(crate) fn view(m: &MapRef, kind: ViewKind) -> Value {
    let entries = m.borrow();
    let items = entries.iter().map(|(k, v)| match kind {
        ViewKind::Keys => k.0.clone(),
        ViewKind::Values => v.clone(),
        ViewKind::Entries => super::entry(k.0.clone(), v.clone()),
    });
    let list = Value::list(items.collect());
    let class = view_class(m.tags.borrow().class, kind);
    tag(&list, |t| {
        t.map_view = Some((m.clone(), kind));
        if kind != ViewKind::Values {
            t.set = Some(SetKind::Linked);
        }
        t.class = Some(class);
    });
    list
}

/// The Java class of the `kind` view of a map of class `map_class` (None: a LinkedHashMap).
fn view_class(map_class: Option<&str>, kind: ViewKind) -> &'static str {
    match (map_class, kind) {
        (None, ViewKind::Keys) => "java.util.LinkedHashMap$LinkedKeySet",
        (None, ViewKind::Values) => "java.util.LinkedHashMap$LinkedValues",
        (None, ViewKind::Entries) => "java.util.LinkedHashMap$LinkedEntrySet",
        (Some("java.util.HashMap"), ViewKind::Keys) => "java.util.HashMap$KeySet",
        (Some("java.util.HashMap"), ViewKind::Values) => "java.util.HashMap$Values",
        (Some("java.util.HashMap"), ViewKind::Entries) => "java.util.HashMap$EntrySet",
        // A TreeMap, or the JSON slurper's LazyMap, which hands out its TreeMap's views.
        (_, ViewKind::Keys) => "java.util.TreeMap$KeySet",
        (_, ViewKind::Values) => "java.util.TreeMap$Values",
        (_, ViewKind::Entries) => "java.util.TreeMap$EntrySet",
    }
}

/// Whether calling `name` on `target` may have removed elements of a map view.
pub(crate) fn removes_from_view(target: &Value, name: &str) -> bool {
    REMOVERS.contains(&name) && tags(target).map_view.is_some()
}

/// Makes a view's map drop the entries its view no longer shows. A view only loses elements
/// and keeps its order, so walking both in order pairs each shown element with its entry.
pub(crate) fn sync_map(it: &mut Interpreter, view: &Value) -> Eval<()> {
    let (Value::List(l), Some((m, kind))) = (view, tags(view).map_view) else {
        return Ok(());
    };
    let shown: Vec<Value> = l.borrow().clone();
    let entries: Vec<(crate::value::Key, Value)> = m
        .borrow()
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let mut next = 0;
    let mut gone = Vec::new();
    for (k, v) in entries {
        let still_shown = match shown.get(next) {
            Some(x) => match kind {
                ViewKind::Keys => crate::ops::java_equals(it, x, &k.0)?,
                ViewKind::Values => crate::ops::java_equals(it, x, &v)?,
                ViewKind::Entries => match super::entry_parts(x) {
                    Some((key, _)) => crate::ops::java_equals(it, &key, &k.0)?,
                    None => false,
                },
            },
            None => false,
        };
        if still_shown {
            next += 1;
        } else {
            gone.push(k);
        }
    }
    let mut map = m.borrow_mut();
    for k in gone {
        map.shift_remove(&k);
    }
    Ok(())
}
