//! Choosing among overloaded methods as Groovy's MetaClassImpl does: every candidate that
//! accepts the arguments gets a distance (exact type closest, `Object` farthest; for a null
//! argument the parameter type closest to `Object` wins), and the nearest is called.

use std::cell::RefCell;
use std::rc::Rc;

use jenkins_harness_grammar::ast;

use crate::convert::simple;
use crate::value::Value;

/// The distance of a parameter declared `Object` (or untyped) from any non-null argument.
const OBJECT_DISTANCE: i64 = 1_000;
/// The extra distance of a call that fills a varargs parameter.
const VARARGS_DISTANCE: i64 = 10_000;

thread_local! {
    /// The declared types of the current call's `null as T` / `(T) null` arguments, by position:
    /// Groovy passes them wrapped (`PojoWrapper`) so that the cast type selects the method.
    static CAST_HINTS: RefCell<Vec<Option<Rc<str>>>> = const { RefCell::new(Vec::new()) };
}

/// Records the cast types of the arguments of the call about to be dispatched.
pub(crate) fn set_cast_hints(hints: Vec<Option<Rc<str>>>) {
    CAST_HINTS.with(|h| *h.borrow_mut() = hints);
}

/// The type the `i`-th of `count` arguments of the call being dispatched was cast to
/// (`(Object) 30`), which picks among Java overloads such as `List.remove(int/Object)`.
pub(crate) fn arg_cast_type(i: usize, count: usize) -> Option<Rc<str>> {
    CAST_HINTS.with(|h| {
        let h = h.borrow();
        if h.len() == count {
            h.get(i).cloned().flatten()
        } else {
            None
        }
    })
}

/// The cast type of the `i`-th argument when it is a null cast to a type.
fn cast_hint(i: usize, args: &[Value]) -> Option<Rc<str>> {
    if !matches!(args.get(i), Some(Value::Null)) {
        return None;
    }
    CAST_HINTS.with(|h| {
        let h = h.borrow();
        if h.len() == args.len() {
            h[i].clone()
        } else {
            None
        }
    })
}

/// The best candidate for `args` (the first one when several are equally near).
pub(crate) fn pick_method(
    candidates: impl Iterator<Item = Rc<ast::MethodDecl>>,
    args: &[Value],
) -> Option<Rc<ast::MethodDecl>> {
    nearest(candidates, args).0
}

/// The first candidate nearest to `args` (`None` when none applies), and how many are that
/// near (more than one: ambiguous). Counted rather than listed: calls dispatch often.
pub(crate) fn nearest(
    candidates: impl Iterator<Item = Rc<ast::MethodDecl>>,
    args: &[Value],
) -> (Option<Rc<ast::MethodDecl>>, usize) {
    let mut best = None;
    let mut equally_near = 0;
    let mut best_distance = i64::MAX;
    for m in candidates {
        let Some(d) = method_distance(&m, args) else {
            continue;
        };
        if d < best_distance {
            best_distance = d;
            best = Some(m);
            equally_near = 1;
        } else if d == best_distance {
            equally_near += 1;
        }
    }
    (best, equally_near)
}

/// The distance of `args` from `m`'s parameters; `None` if `m` does not accept them.
fn method_distance(m: &ast::MethodDecl, args: &[Value]) -> Option<i64> {
    let varargs = m.params.last().is_some_and(|p| p.varargs);
    let fixed = if varargs {
        &m.params[..m.params.len() - 1]
    } else {
        &m.params[..]
    };
    let required = fixed.iter().filter(|p| p.default.is_none()).count();
    if args.len() < required || (!varargs && args.len() > fixed.len()) {
        return None;
    }
    // Trailing optional parameters are the ones left out.
    let filled_count = args.len().min(fixed.len());
    let mut optional_used = filled_count - required;
    let filled = fixed.iter().filter(|p| {
        if p.default.is_none() {
            return true;
        }
        let used = optional_used > 0;
        optional_used = optional_used.saturating_sub(1);
        used
    });
    let mut total = 0;
    for (i, (p, a)) in filled.zip(args).enumerate() {
        total += match cast_hint(i, args) {
            Some(hint) => hinted_distance(p.ty.as_ref(), &hint)?,
            None => param_distance(p.ty.as_ref(), a)?,
        };
    }
    if varargs && args.len() > filled_count {
        total += VARARGS_DISTANCE;
    } else if varargs {
        total += VARARGS_DISTANCE / 2;
    }
    Some(total)
}

fn is_interface(t: &str) -> bool {
    matches!(
        t,
        "List"
            | "Map"
            | "Collection"
            | "Iterable"
            | "Set"
            | "CharSequence"
            | "Comparable"
            | "Serializable"
            | "Runnable"
            | "Callable"
    )
}

/// The distance of one argument from a parameter type; `None` if it does not accept it.
fn param_distance(ty: Option<&ast::TypeRef>, v: &Value) -> Option<i64> {
    let Some(ty) = ty else {
        return Some(if matches!(v, Value::Null) {
            0
        } else {
            OBJECT_DISTANCE
        });
    };
    if !crate::convert::accepts(&ty.name, ty.dims, v) {
        return None;
    }
    if ty.dims > 0 {
        return Some(10);
    }
    let t = simple(&ty.name);
    if matches!(v, Value::Null) {
        return Some(null_distance(t));
    }
    if matches!(t, "Object" | "def") {
        return Some(OBJECT_DISTANCE);
    }
    match v {
        Value::Num(n) => numeric_distance(simple(n.type_name()), t),
        Value::Str(_) => Some(if t == "String" { 0 } else { 5 }),
        Value::GString(_) => Some(match t {
            "GString" => 0,
            "String" => 3,
            _ => 5,
        }),
        Value::List(_) | Value::Range(_) => Some(match t {
            "ArrayList" => 0,
            "List" => 1,
            "Collection" => 2,
            _ => 3,
        }),
        Value::Map(_) => Some(match t {
            "LinkedHashMap" => 0,
            "HashMap" => 1,
            "Map" => 2,
            _ => 3,
        }),
        Value::Object(o) => Some(class_distance(&o.class, t)),
        _ => Some(0),
    }
}

/// The distance of a null cast to `hint` from a parameter type, as for a value of that type.
fn hinted_distance(ty: Option<&ast::TypeRef>, hint: &str) -> Option<i64> {
    let Some(ty) = ty else {
        return Some(OBJECT_DISTANCE);
    };
    let (t, h) = (simple(&ty.name), simple(hint));
    if t == h {
        return Some(0);
    }
    if matches!(t, "Object" | "def") {
        return Some(OBJECT_DISTANCE);
    }
    if numeric_rank(h).is_some() {
        return numeric_distance(h, t);
    }
    match (h, t) {
        ("ArrayList", "List" | "Collection" | "Iterable") => Some(1),
        ("LinkedHashMap" | "HashMap", "Map") => Some(1),
        ("String", "CharSequence" | "Comparable") => Some(5),
        _ => None,
    }
}

/// Groovy prefers, for a null argument, the parameter type nearest `Object`; interfaces tie.
fn null_distance(t: &str) -> i64 {
    match t {
        "Object" | "def" => 0,
        _ if is_interface(t) => -1,
        "Integer" | "Long" | "Double" | "Float" | "Short" | "Byte" | "BigDecimal"
        | "BigInteger" => 4,
        _ => 2,
    }
}

/// How far a class is from a parameter type it is assignable to.
fn class_distance(class: &crate::value::Class, t: &str) -> i64 {
    let mut current = Some(class);
    let mut d = 0;
    while let Some(c) = current {
        if &*c.name == t || c.simple_name() == t {
            return d;
        }
        d += 1;
        current = c.parent.as_deref();
    }
    d + 5
}

/// Integral types by width, then floating types.
fn numeric_rank(t: &str) -> Option<(bool, i64)> {
    Some(match t {
        "Byte" | "byte" => (true, 0),
        "Short" | "short" => (true, 1),
        "Integer" | "int" => (true, 2),
        "Long" | "long" => (true, 3),
        "BigInteger" => (true, 4),
        "Float" | "float" => (false, 5),
        "Double" | "double" => (false, 6),
        "BigDecimal" => (false, 7),
        _ => return None,
    })
}

/// Widening distance between a number's class and a numeric parameter; `None` if narrowing.
fn numeric_distance(value: &str, param: &str) -> Option<i64> {
    let Some((v_int, v_rank)) = numeric_rank(value) else {
        return Some(20);
    };
    let Some((p_int, p_rank)) = numeric_rank(param) else {
        return Some(match param {
            "Number" => 20,
            _ => 30,
        });
    };
    match (v_int, p_int) {
        (true, true) | (false, false) if p_rank >= v_rank => Some(p_rank - v_rank),
        (true, false) => Some(10 + p_rank),
        // BigDecimal literals are accepted by double parameters.
        (false, false) if value == "BigDecimal" && matches!(param, "Double" | "double") => Some(10),
        _ => None,
    }
}
