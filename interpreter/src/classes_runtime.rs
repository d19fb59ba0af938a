//! Runtime support for classes declared in scripts: constructors (with `this(...)` and
//! `super(...)` chaining), enum constants, and the script's `binding` object.

use std::cell::RefCell;
use std::rc::Rc;

use jenkins_harness_grammar::ast::{self, ExprKind, Member, StmtKind};

use crate::call::pick_method;
use crate::classes;
use crate::error::{Eval, Flow};
use crate::interp::{Ctx, Interpreter};
use crate::scope::Scope;
use crate::value::{Class, Key, Object, Value};

/// Whether code of `target`'s own class is running on `target` (so fields are accessed directly).
pub(crate) fn inside_own_class(it: &Interpreter, target: &Value) -> bool {
    it.receivers.last().is_some_and(|r| r.same(target))
}

/// Whether `class` or a superclass declares the instance field or property `name`.
pub(crate) fn declares_field(class: &Class, name: &str) -> bool {
    let mut current = Some(class);
    while let Some(c) = current {
        if let Some(decl) = &c.decl {
            let found = decl.members.iter().any(|m| {
                matches!(m, ast::ClassMember::Field(f, _)
                    if !f.modifiers.has("static")
                        && f.declarators.iter().any(|d| &*d.name.name == name))
            });
            if found {
                return true;
            }
        }
        current = c.parent.as_deref();
    }
    false
}

/// The property an accessor name refers to: `getFoo`/`isFoo` (no arguments) or `setFoo` (one).
fn accessor_property(name: &str, args: usize) -> Option<(String, bool)> {
    let (rest, setter) = match args {
        0 => (
            name.strip_prefix("get")
                .or_else(|| name.strip_prefix("is"))?,
            false,
        ),
        1 => (name.strip_prefix("set")?, true),
        _ => return None,
    };
    let mut chars = rest.chars();
    let first = chars.next()?;
    if !first.is_uppercase() {
        return None;
    }
    Some((
        format!("{}{}", first.to_lowercase(), chars.as_str()),
        setter,
    ))
}

/// Records the method name and arguments on a `MissingMethodException`, as Groovy does.
pub(crate) fn set_missing_method_fields(e: &Value, name: &str, args: &[Value]) {
    if let Value::Object(o) = e {
        let mut fields = o.fields.borrow_mut();
        fields.insert("method".into(), Value::Str(name.into()));
        fields.insert("arguments".into(), Value::list(args.to_vec()));
    }
}

/// The script's `groovy.lang.Binding` (its variables live in `Interpreter::binding`).
pub(crate) fn binding_object() -> Value {
    Value::Object(Rc::new(Object {
        class: classes::builtin("groovy.lang.Binding"),
        fields: RefCell::default(),
    }))
}

/// The first part of the package names a fully qualified class name can start with.
const PACKAGE_ROOTS: &[&str] = &["java", "javax", "groovy", "org", "com", "hudson", "jenkins"];

/// A package prefix of a qualified class name (`java`, `java.util`), as a class value with no
/// declaration, while the rest of the name is being read.
pub(crate) fn package_prefix(name: &str) -> Option<Value> {
    if !PACKAGE_ROOTS.contains(&name) {
        return None;
    }
    Some(package_value(name))
}

fn package_value(name: &str) -> Value {
    Value::Class(Rc::new(Class {
        name: name.into(),
        parent: None,
        decl: None,
        statics: RefCell::default(),
    }))
}

/// Whether `class` is a package prefix made by [`package_prefix`].
fn is_package(class: &Class) -> bool {
    class.parent.is_none()
        && class.decl.is_none()
        && class
            .name
            .split('.')
            .next()
            .is_some_and(|root| PACKAGE_ROOTS.contains(&root))
        && class
            .name
            .split('.')
            .all(|p| p.starts_with(|c: char| c.is_lowercase()))
}

/// `Class.getModifiers()` of a class written in Groovy (public unless declared otherwise).
pub(crate) fn class_modifiers(class: &Class) -> Option<i32> {
    let decl = class.decl.as_ref()?;
    let mut bits = if decl.modifiers.has("private") { 2 } else { 1 };
    for (word, bit) in [("static", 8), ("final", 16), ("abstract", 1024)] {
        if decl.modifiers.has(word) {
            bits |= bit;
        }
    }
    if decl.kind == ast::ClassKind::Interface {
        bits |= 512 | 1024;
    }
    Some(bits)
}

/// The static methods of `java.lang.reflect.Modifier`.
pub(crate) fn modifier_method(class: &Class, name: &str, args: &[Value]) -> Option<Value> {
    if &*class.name != "java.lang.reflect.Modifier" {
        return None;
    }
    let bits = args.first()?.as_i64()?;
    let bit = match name {
        "isPublic" => 1,
        "isPrivate" => 2,
        "isProtected" => 4,
        "isStatic" => 8,
        "isFinal" => 16,
        "isInterface" => 512,
        "isAbstract" => 1024,
        _ => return None,
    };
    Some(Value::Bool(bits & bit != 0))
}

/// Whether `v` is a `groovy.lang.Binding`.
pub(crate) fn is_binding(v: &Value) -> bool {
    matches!(v, Value::Object(o) if &*o.class.name == "groovy.lang.Binding")
}

/// The declared constructors of `class`.
fn constructors(class: &Class) -> Vec<Rc<ast::MethodDecl>> {
    class
        .decl
        .iter()
        .flat_map(|d| d.members.iter())
        .filter_map(|m| match m {
            ast::ClassMember::Method(m) if m.constructor => Some(m.clone()),
            _ => None,
        })
        .collect()
}

/// Whether a constructor begins with `this(...)` or `super(...)`.
fn starts_with_chained_call(ctor: &ast::MethodDecl) -> bool {
    let Some(first) = ctor.body.as_ref().and_then(|b| b.statements.first()) else {
        return false;
    };
    match &first.kind {
        StmtKind::Expr(e) => matches!(
            &e.kind,
            ExprKind::Call { object: None, method: Member::Name(n), .. }
                if matches!(&*n.name, "this" | "super")
        ),
        _ => false,
    }
}

impl Interpreter {
    /// Whether `v` is the script object.
    pub(crate) fn is_script(&self, v: &Value) -> bool {
        matches!(v, Value::Object(o) if Rc::ptr_eq(&o.class, &self.script_class))
    }

    /// Runs the constructor of `class` that accepts `args` on the new instance `value`; the
    /// superclass's no-argument constructor first unless it chains with `this(...)`/`super(...)`.
    pub(crate) fn construct_as(
        &mut self,
        class: &Rc<Class>,
        value: &Value,
        args: Vec<Value>,
    ) -> Eval<()> {
        let ctors = constructors(class);
        if let Some(ctor) = pick_method(ctors.iter().cloned(), &args) {
            if !starts_with_chained_call(&ctor) {
                self.implicit_super(class, value)?;
            }
            self.constructing.push(class.clone());
            let result = self.invoke_method(&ctor, value.clone(), args);
            self.constructing.pop();
            return result.map(|_| ());
        }
        if args.is_empty() {
            return self.implicit_super(class, value);
        }
        if let [Value::Map(m)] = args.as_slice() {
            let entries: Vec<(Key, Value)> = m
                .borrow()
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            self.construct_as(class, value, Vec::new())?;
            for (k, v) in entries {
                let key = k.0.to_display();
                self.set_property(value, &key.into(), v, false)?;
            }
            return Ok(());
        }
        Err(self.exception(
            "groovy.lang.GroovyRuntimeException",
            &format!(
                "Could not find matching constructor for: {}({})",
                class.name,
                args.iter()
                    .map(|a| a.class_name().to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ))
    }

    /// Runs the superclass's no-argument constructor, for a class written in Groovy.
    fn implicit_super(&mut self, class: &Rc<Class>, value: &Value) -> Eval<()> {
        match &class.parent {
            Some(parent) if parent.decl.is_some() => {
                self.construct_as(&parent.clone(), value, Vec::new())
            }
            _ => Ok(()),
        }
    }

    /// `this(...)` or `super(...)` inside a constructor; `Ok(None)` outside one.
    pub(crate) fn chained_constructor(
        &mut self,
        name: &str,
        args: &[Value],
        ctx: &Ctx,
    ) -> Eval<Option<Value>> {
        let Some(current) = self.constructing.last().cloned() else {
            return Ok(None);
        };
        let target = if name == "this" {
            Some(current)
        } else {
            current.parent.clone()
        };
        let Some(target) = target else {
            return Ok(None);
        };
        if target.decl.is_some() {
            self.construct_as(&target, &ctx.this, args.to_vec())?;
        } else if target.is_a("java.lang.Throwable")
            && let Value::Object(o) = &ctx.this
        {
            // `super(message[, cause])` of an exception class.
            let mut fields = o.fields.borrow_mut();
            if let Some(m) = args.first() {
                fields.insert("message".into(), m.clone());
            }
            if let Some(c) = args.get(1) {
                fields.insert("cause".into(), c.clone());
            }
        }
        Ok(Some(Value::Null))
    }

    /// The constants of an enum class, created (constructor run) on first use.
    pub(crate) fn enum_values(&mut self, class: &Rc<Class>) -> Eval<Vec<Value>> {
        let Some(decl) = class.decl.clone() else {
            return Ok(Vec::new());
        };
        let mut out = Vec::new();
        for (i, k) in decl.constants.iter().enumerate() {
            let existing = class.statics.borrow().get(&*k.name.name).cloned();
            if let Some(v) = existing {
                out.push(v);
                continue;
            }
            let v = classes::enum_constant(class, &k.name.name, i);
            class
                .statics
                .borrow_mut()
                .insert(k.name.name.clone(), v.clone());
            self.init_fields(class, &v)?;
            let args = match &k.args {
                Some(a) => {
                    let ctx = Ctx {
                        scope: Scope::root(),
                        this: Value::Class(class.clone()),
                        closure: None,
                    };
                    self.args(a, &ctx)?
                }
                None => Vec::new(),
            };
            self.construct_as(class, &v, args)?;
            out.push(v);
        }
        Ok(out)
    }

    /// `values()` and `valueOf(name)` of an enum class.
    pub(crate) fn enum_static_method(
        &mut self,
        class: &Rc<Class>,
        name: &str,
        args: &[Value],
    ) -> Eval<Option<Value>> {
        let is_enum = class
            .decl
            .as_ref()
            .is_some_and(|d| d.kind == ast::ClassKind::Enum);
        if !is_enum {
            return Ok(None);
        }
        match (name, args) {
            ("values", []) => Ok(Some(crate::arrays::array_of(
                &class.name,
                self.enum_values(class)?,
            ))),
            ("valueOf", [n]) => {
                let wanted = n.to_display();
                self.enum_values(class)?;
                let found = class.statics.borrow().get(wanted.as_str()).cloned();
                match found {
                    Some(v) if crate::builtins::is_enum_value(&v) => Ok(Some(v)),
                    _ => Err(self.exception(
                        "java.lang.IllegalArgumentException",
                        &format!("No enum constant {}.{wanted}", class.name),
                    )),
                }
            }
            _ => Ok(None),
        }
    }

    /// `script.name`: its fields, the binding, `binding`, then GDK properties.
    pub(crate) fn script_property(&mut self, script: &Value, name: &Rc<str>) -> Eval {
        if let Value::Object(o) = script
            && let Some(v) = o.fields.borrow().get(name)
        {
            return Ok(v.clone());
        }
        if let Some(v) = self.binding.borrow().get(name) {
            return Ok(v.clone());
        }
        if &**name == "binding" {
            return Ok(binding_object());
        }
        let getter = crate::property::getter_name(name);
        if let Some(m) = self.find_script_method(&getter, &[]) {
            return self.invoke_method(&m, script.clone(), Vec::new());
        }
        if let Some(v) = crate::builtins::property(self, script, name)? {
            return Ok(v);
        }
        if let Some(host) = self.host.clone()
            && let Some(v) = host.property(self, name)?
        {
            return Ok(v);
        }
        Err(self.missing_property(script, name))
    }

    /// The methods every Groovy object has that a script class does not declare: the
    /// generated accessors of its properties and the `GroovyObject` methods.
    pub(crate) fn object_builtin_method(
        &mut self,
        target: &Value,
        name: &Rc<str>,
        args: &[Value],
    ) -> Eval<Option<Value>> {
        let Value::Object(o) = target else {
            return Ok(None);
        };
        if let Some((prop, setter)) = accessor_property(name, args.len())
            && declares_field(&o.class, &prop)
        {
            let mut fields = o.fields.borrow_mut();
            if setter {
                fields.insert(prop.into(), args[0].clone());
                return Ok(Some(Value::Null));
            }
            return Ok(Some(fields.get(prop.as_str()).cloned().unwrap_or_default()));
        }
        Ok(Some(match (&**name, args) {
            ("getProperty", [n]) => {
                let key: Rc<str> = n.to_display().into();
                self.get_property(target, &key, false)?
            }
            ("setProperty", [n, v]) => {
                let key: Rc<str> = n.to_display().into();
                self.set_property(target, &key, v.clone(), false)?;
                Value::Null
            }
            ("hasProperty", [n]) => {
                let key = n.to_display();
                let getter = crate::property::getter_name(&key);
                if declares_field(&o.class, &key)
                    || o.fields.borrow().contains_key(key.as_str())
                    || self.find_class_method(&o.class, &getter, &[]).is_some()
                {
                    Value::Str(key.into())
                } else {
                    Value::Null
                }
            }
            ("respondsTo", [n, ..]) => {
                let key = n.to_display();
                let rest = &args[1..];
                let has = self.find_class_method(&o.class, &key, rest).is_some()
                    || accessor_property(&key, rest.len())
                        .is_some_and(|(p, _)| declares_field(&o.class, &p));
                Value::list(if has {
                    vec![Value::Str(key.into())]
                } else {
                    Vec::new()
                })
            }
            ("invokeMethod", [n, a]) => {
                let key: Rc<str> = n.to_display().into();
                let list = match a {
                    Value::List(l) => l.borrow().clone(),
                    other => vec![other.clone()],
                };
                self.call_method(target, &key, list)?
            }
            _ => return Ok(None),
        }))
    }

    /// Whether `class` declares (itself, through a superclass, or through an interface's
    /// `extends`) that it implements the interface `name` (simple or qualified).
    #[allow(
        dead_code,
        reason = "to be called by convert.rs's instance_of for `instanceof` and casts"
    )]
    pub(crate) fn implements(&self, class: &Class, name: &str) -> bool {
        let simple = name.rsplit('.').next().unwrap_or(name);
        let mut current = Some(class);
        while let Some(c) = current {
            if let Some(decl) = &c.decl {
                let declared = decl.implements.iter().chain(
                    decl.extends
                        .iter()
                        .filter(|_| decl.kind == ast::ClassKind::Interface),
                );
                for t in declared {
                    let t_simple = t.name.rsplit('.').next().unwrap_or(&t.name);
                    if t_simple == simple {
                        return true;
                    }
                    if let Some(iface) = self.classes.get(&t.name)
                        && self.implements(iface, name)
                    {
                        return true;
                    }
                }
            }
            current = c.parent.as_deref();
        }
        false
    }

    /// `object.properties`: `class` and each declared property, by its getter.
    pub(crate) fn properties_map(&mut self, target: &Value) -> Eval {
        let Value::Object(o) = target else {
            return Ok(Value::Null);
        };
        let mut names: Vec<Rc<str>> = Vec::new();
        let mut current = Some(o.class.clone());
        while let Some(c) = current {
            for m in c.decl.iter().flat_map(|d| d.members.iter()) {
                if let ast::ClassMember::Field(f, _) = m
                    && !f.modifiers.has("static")
                    && !["private", "protected", "public"]
                        .iter()
                        .any(|k| f.modifiers.has(k))
                {
                    names.extend(f.declarators.iter().map(|d| d.name.name.clone()));
                }
            }
            current = c.parent.clone();
        }
        let mut map = indexmap::IndexMap::new();
        map.insert(Key::str("class"), Value::Class(o.class.clone()));
        for n in names {
            let v = self.get_property(target, &n, false)?;
            map.insert(Key(Value::Str(n)), v);
        }
        Ok(Value::map(map))
    }

    /// A class declared inside another (`Inner`, `Outer.Inner`, `Outer$Inner`), registered on
    /// first use under the name Groovy gives it (`Outer$Inner`).
    pub(crate) fn nested_class_named(&mut self, name: &str) -> Option<Rc<Class>> {
        let outers: Vec<Rc<Class>> = self.classes.values().cloned().collect();
        for outer in outers {
            if let Some(c) = self.nested_in(&outer, name) {
                return Some(c);
            }
        }
        None
    }

    /// The class nested in `outer` that `name` refers to, if any.
    pub(crate) fn nested_in(&mut self, outer: &Rc<Class>, name: &str) -> Option<Rc<Class>> {
        let decl = outer.decl.clone()?;
        let simple = name
            .strip_prefix(&*decl.name.name)
            .and_then(|rest| rest.strip_prefix(['.', '$']))
            .unwrap_or(name);
        let inner = decl.members.iter().find_map(|m| match m {
            ast::ClassMember::Class(c) if &*c.name.name == simple => Some(c.clone()),
            _ => None,
        })?;
        let full: Rc<str> = format!("{}${}", outer.name, inner.name.name).into();
        if let Some(c) = self.classes.get(&full) {
            return Some(c.clone());
        }
        let parent = inner
            .extends
            .first()
            .and_then(|t| self.class_named(&t.name))
            .unwrap_or_else(|| classes::builtin("java.lang.Object"));
        let class = Rc::new(Class {
            name: full.clone(),
            parent: Some(parent),
            decl: Some(inner.clone()),
            statics: RefCell::default(),
        });
        self.classes.insert(full, class.clone());
        self.classes.insert(inner.name.name.clone(), class.clone());
        Some(class)
    }

    /// `package.name`: the class `package.Name`, or a longer package prefix.
    pub(crate) fn qualified_member(&mut self, package: &Class, name: &str) -> Option<Value> {
        if !is_package(package) {
            return None;
        }
        let qualified = format!("{}.{name}", package.name);
        if let Some(c) = self.class_named(&qualified) {
            return Some(Value::Class(c));
        }
        if name.starts_with(|c: char| c.is_lowercase()) {
            return Some(package_value(&qualified));
        }
        None
    }

    /// `new Type(args) { body }`: an instance of an anonymous class (named `Script$N`) that
    /// extends `Type` when it is a class written in the script (an interface is implemented).
    pub(crate) fn instantiate_anonymous(
        &mut self,
        ty: &str,
        body: &Rc<ast::ClassDecl>,
        args: Vec<Value>,
    ) -> Eval {
        self.anonymous_classes += 1;
        let n = self.anonymous_classes;
        let name: Rc<str> = format!("{}${n}", self.script_class.name).into();
        let parent = self
            .class_named(ty)
            .filter(|c| {
                c.decl
                    .as_ref()
                    .is_some_and(|d| d.kind == ast::ClassKind::Class)
            })
            .unwrap_or_else(|| classes::builtin("java.lang.Object"));
        // `new Interface() { ... }` implements it.
        let mut decl = (**body).clone();
        if !parent.is_a(ty) {
            decl.implements.push(ast::TypeRef::named(ty, body.span));
        }
        let class = Rc::new(Class {
            name: name.clone(),
            parent: Some(parent),
            decl: Some(Rc::new(decl)),
            statics: RefCell::default(),
        });
        self.classes.insert(name.clone(), class);
        self.instantiate(&name, args)
    }

    /// `binding.name(args)`: the Binding methods over the script's variables.
    pub(crate) fn binding_method(&mut self, name: &str, args: &[Value]) -> Eval<Option<Value>> {
        Ok(Some(match (name, args) {
            ("hasVariable", [n]) => {
                Value::Bool(self.binding.borrow().contains_key(n.to_display().as_str()))
            }
            ("getVariable", [n]) => {
                let key = n.to_display();
                let found = self.binding.borrow().get(key.as_str()).cloned();
                match found {
                    Some(v) => v,
                    None => {
                        return Err(Flow::Throw(classes::new_exception(
                            "groovy.lang.MissingPropertyException",
                            Some(&format!(
                                "No such property: {key} for class: groovy.lang.Binding"
                            )),
                        )));
                    }
                }
            }
            ("setVariable" | "setProperty", [n, v]) => {
                let key: Rc<str> = n.to_display().into();
                self.binding.borrow_mut().insert(key, v.clone());
                Value::Null
            }
            ("getVariables", []) => {
                let map = self
                    .binding
                    .borrow()
                    .iter()
                    .map(|(k, v)| (Key(Value::Str(k.clone())), v.clone()))
                    .collect();
                Value::map(map)
            }
            _ => return Ok(None),
        }))
    }
}
