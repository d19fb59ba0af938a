//! Methods of closures: `call`, `curry` and its kin, composition, delegate and owner,
//! `rehydrate`, and closures coerced to interfaces (JDK proxies).

use std::cell::RefCell;
use std::rc::Rc;

use crate::error::Eval;
use crate::interp::Interpreter;
use crate::value::Value;

pub(super) fn closure_method(
    it: &mut Interpreter,
    c: &Rc<crate::value::Closure>,
    name: &str,
    args: &[Value],
) -> Eval<Option<Value>> {
    Ok(Some(match name {
        "call" | "doCall" => it.call_closure(c, args.to_vec())?,
        "curry" => curry(c, args.to_vec()),
        "rcurry" => derived(c, vec![Value::list(args.to_vec())], "<rcurry>"),
        "ncurry" => match args {
            [n, rest @ ..] => derived(c, vec![n.clone(), Value::list(rest.to_vec())], "<ncurry>"),
            [] => return Ok(None),
        },
        "rightShift" => match args {
            [Value::Closure(g)] => derived(c, vec![Value::Closure(g.clone())], "<andThen>"),
            _ => return Ok(None),
        },
        "leftShift" => match args {
            [Value::Closure(g)] => derived(c, vec![Value::Closure(g.clone())], "<compose>"),
            _ => return Ok(None),
        },
        "setDelegate" => {
            *c.delegate.borrow_mut() = args.first().cloned().unwrap_or_default();
            Value::Null
        }
        "getDelegate" => c.delegate.borrow().clone(),
        "setResolveStrategy" => {
            c.resolve_strategy.set(
                args.first()
                    .and_then(Value::as_i64)
                    .and_then(|n| i32::try_from(n).ok())
                    .unwrap_or(0),
            );
            Value::Null
        }
        "getMaximumNumberOfParameters" => max_params(c),
        "isCase" => Value::Bool(it.call_closure(c, args.to_vec())?.truthy()),
        "getParameterTypes" => parameter_types(it, c),
        "clone" => copy_closure(
            c,
            c.delegate.borrow().clone(),
            c.owner.clone(),
            c.this.clone(),
        ),
        "dehydrate" => copy_closure(c, Value::Null, Value::Null, Value::Null),
        "rehydrate" => match args {
            [delegate, owner, this] => {
                copy_closure(c, delegate.clone(), owner.clone(), this.clone())
            }
            _ => return Ok(None),
        },
        // A closure coerced to an interface runs for any of the interface's methods.
        _ if is_proxy(c) && !is_object_method(name) => it.call_closure(c, args.to_vec())?,
        _ => return Ok(None),
    }))
}

/// Whether closure `c` stands for an interface (`{ a, b -> ... } as Comparator`), which Groovy
/// turns into a `jdk.proxy` object: no longer a `Closure`.
pub(crate) fn is_proxy(c: &crate::value::Closure) -> bool {
    c.class_name.starts_with("jdk.proxy")
}

/// Methods of `java.lang.Object`, which a proxy does not route to its closure.
pub(crate) fn is_object_method(name: &str) -> bool {
    matches!(
        name,
        "toString" | "equals" | "hashCode" | "getClass" | "is" | "inspect" | "asType"
    )
}

/// A closure built from `c` (composition, right or n-th currying): a method pointer to the
/// built-in `kind` on null, with `c` and `extra` bound first (run by `derived_call`).
pub(super) fn derived(c: &Rc<crate::value::Closure>, extra: Vec<Value>, kind: &str) -> Value {
    let mut derived = (**c).clone();
    derived.curried = vec![Value::Closure(c.clone())];
    derived.curried.extend(extra);
    derived.method = Some((Value::Null, kind.into()));
    derived.class_name = if kind.ends_with("curry>") {
        "org.codehaus.groovy.runtime.CurriedClosure".into()
    } else {
        "groovy.lang.Closure$ComposedClosure".into()
    };
    Value::Closure(Rc::new(derived))
}

/// Runs a closure made by `derived`: `args` are the bound values then the call's arguments.
pub(super) fn derived_call(
    it: &mut Interpreter,
    kind: &str,
    args: &[Value],
) -> Eval<Option<Value>> {
    Ok(Some(match (kind, args) {
        ("<rcurry>", [f, Value::List(right), rest @ ..]) => {
            let mut all = rest.to_vec();
            all.extend(right.borrow().iter().cloned());
            it.call_value(f, all)?
        }
        ("<ncurry>", [f, n, Value::List(mid), rest @ ..]) => {
            let at = n
                .as_i64()
                .and_then(|n| usize::try_from(n).ok())
                .unwrap_or(0)
                .min(rest.len());
            let mut all = rest[..at].to_vec();
            all.extend(mid.borrow().iter().cloned());
            all.extend(rest[at..].iter().cloned());
            it.call_value(f, all)?
        }
        ("<andThen>", [f, g, rest @ ..]) => {
            let first = it.call_value(f, rest.to_vec())?;
            it.call_value(g, vec![first])?
        }
        ("<compose>", [f, g, rest @ ..]) => {
            let first = it.call_value(g, rest.to_vec())?;
            it.call_value(f, vec![first])?
        }
        _ => return Ok(None),
    }))
}

/// `closure as Comparator` (or another functional interface): the closure behind a JDK proxy.
pub(crate) fn closure_proxy(c: &Rc<crate::value::Closure>) -> Value {
    let mut proxy = (**c).clone();
    proxy.class_name = "jdk.proxy1.$Proxy8".into();
    Value::Closure(Rc::new(proxy))
}

/// A copy of a closure with another delegate, owner and `this` (`clone`, `rehydrate`).
fn copy_closure(
    c: &Rc<crate::value::Closure>,
    delegate: Value,
    owner: Value,
    this: Value,
) -> Value {
    let mut copy = (**c).clone();
    copy.delegate = RefCell::new(delegate);
    copy.owner = owner;
    copy.this = this;
    Value::Closure(Rc::new(copy))
}

/// `closure.parameterTypes`: the declared parameter classes (`Object` when untyped).
pub(super) fn parameter_types(it: &Interpreter, c: &Rc<crate::value::Closure>) -> Value {
    let class = |name: &str| {
        Value::Class(it.class_named(name).unwrap_or_else(|| {
            Rc::new(crate::value::Class {
                name: name.into(),
                parent: None,
                decl: None,
                statics: RefCell::default(),
            })
        }))
    };
    match &c.code.params {
        None => Value::list(vec![class("java.lang.Object")]),
        Some(params) => Value::list(
            params
                .iter()
                .map(|p| match &p.ty {
                    Some(t) => class(&t.name),
                    None => class("java.lang.Object"),
                })
                .collect(),
        ),
    }
}

/// `maximumNumberOfParameters`: the declared parameters less those bound by `curry`.
pub(super) fn max_params(c: &crate::value::Closure) -> Value {
    let declared = c.code.params.as_ref().map_or(1, Vec::len);
    let bound = if c.method.is_none() {
        c.curried.len()
    } else {
        0
    };
    Interpreter::int(i32::try_from(declared.saturating_sub(bound)).unwrap_or(0))
}

pub(super) fn curry(c: &Rc<crate::value::Closure>, args: Vec<Value>) -> Value {
    let mut curried = (**c).clone();
    curried.curried.extend(args);
    curried.class_name = "org.codehaus.groovy.runtime.CurriedClosure".into();
    Value::Closure(Rc::new(curried))
}
