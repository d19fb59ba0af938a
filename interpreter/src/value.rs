//! Runtime values: Groovy's null, booleans, numbers, strings, collections, closures and objects.
//! Lists and maps are mutable and shared by reference, as in Groovy.

use std::cell::{Cell, RefCell};
use std::hash::{Hash, Hasher};
use std::rc::Rc;

use indexmap::IndexMap;
use jenkins_harness_grammar::ast;

use crate::number::Number;
use crate::scope::Scope;

/// A list or map's contents, shared by reference, with what `asImmutable()`, `withDefault` or
/// a set type add to it. Derefs to the `RefCell` of the contents.
#[derive(Debug, Default)]
pub struct Shared<T> {
    items: RefCell<T>,
    /// Read-only, default-value and set facts of this list or map.
    pub tags: RefCell<crate::collections::Tags>,
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = RefCell<T>;

    fn deref(&self) -> &RefCell<T> {
        &self.items
    }
}

/// A shared, mutable list.
pub type ListRef = Rc<Shared<Vec<Value>>>;
/// A shared, mutable, insertion-ordered map (Groovy's LinkedHashMap).
pub type MapRef = Rc<Shared<IndexMap<Key, Value>>>;

/// A Groovy value.
#[derive(Clone, Debug, Default)]
pub enum Value {
    /// `null`.
    #[default]
    Null,
    /// `java.lang.Boolean`.
    Bool(bool),
    /// Any `java.lang.Number`.
    Num(Number),
    /// `java.lang.Character`.
    Char(char),
    /// `java.lang.String`.
    Str(Rc<str>),
    /// `groovy.lang.GString`: text and values, rendered when used.
    GString(Rc<GString>),
    /// `java.util.ArrayList` (also arrays, with `array` set in the element type).
    List(ListRef),
    /// `java.util.LinkedHashMap`.
    Map(MapRef),
    /// `groovy.lang.IntRange` or an `ObjectRange` of strings.
    Range(Rc<Range>),
    /// `groovy.lang.Closure`.
    Closure(Rc<Closure>),
    /// An instance of a script class, a script, or a built-in class such as an exception.
    Object(Rc<Object>),
    /// A class used as a value (`String`, `Math`, a script class).
    Class(Rc<Class>),
    /// `java.util.regex.Pattern`.
    Pattern(Rc<Pattern>),
    /// `java.util.regex.Matcher`.
    Matcher(Rc<Matcher>),
    /// `java.lang.StringBuffer` (what `'a' << 'b'` gives).
    Buffer(Rc<RefCell<String>>),
}

/// A GString's parts: `strings[0] values[0] strings[1] ...`.
#[derive(Debug)]
pub struct GString {
    /// The literal texts, one more than the values.
    pub strings: Vec<Rc<str>>,
    /// The interpolated values.
    pub values: Vec<Value>,
}

/// `from..to` or `from..<to`.
#[derive(Debug)]
pub struct Range {
    /// The first element.
    pub from: Value,
    /// The last element (inclusive after normalising `..<`).
    pub to: Value,
    /// Whether `to` is excluded.
    pub exclusive: bool,
}

/// A closure value: its code, the scope it closes over, and its owner/delegate. Cloning gives
/// a new closure sharing the code and scope (as `curry` and `rehydrate` make).
#[derive(Clone, Debug)]
pub struct Closure {
    /// The closure literal.
    pub code: Rc<ast::Closure>,
    /// The scope the closure was created in.
    pub scope: Rc<Scope>,
    /// The enclosing object (`this`): the script or a class instance.
    pub this: Value,
    /// The enclosing closure, or `this`.
    pub owner: Value,
    /// Where unresolved names go, by `resolve_strategy`.
    pub delegate: RefCell<Value>,
    /// `Closure.OWNER_FIRST` (0), `DELEGATE_FIRST` (1), `OWNER_ONLY` (2), `DELEGATE_ONLY` (3).
    pub resolve_strategy: Cell<i32>,
    /// Arguments bound by `curry`, prepended to each call.
    pub curried: Vec<Value>,
    /// A method pointer (`obj.&name`) instead of code: the receiver and method name.
    pub method: Option<(Value, Rc<str>)>,
    /// The class name Groovy gives it, e.g. `WorkflowScript$_run_closure1`.
    pub class_name: Rc<str>,
}

/// An object: its class and fields.
#[derive(Debug)]
pub struct Object {
    /// Its class.
    pub class: Rc<Class>,
    /// Field values by name.
    pub fields: RefCell<IndexMap<Rc<str>, Value>>,
}

/// A class: a script class, a class declared in a script, or a built-in one.
#[derive(Debug)]
pub struct Class {
    /// The fully qualified name (`java.lang.String`, `WorkflowScript`, `Deploy`).
    pub name: Rc<str>,
    /// The superclass.
    pub parent: Option<Rc<Class>>,
    /// The declaration, for classes written in Groovy.
    pub decl: Option<Rc<ast::ClassDecl>>,
    /// Static fields.
    pub statics: RefCell<IndexMap<Rc<str>, Value>>,
}

impl Class {
    /// The simple name (`String` for `java.lang.String`).
    pub fn simple_name(&self) -> &str {
        self.name.rsplit(['.', '$']).next().unwrap_or(&self.name)
    }

    /// `getSimpleName()`: the simple name, or for an array class its element's with `[]`
    /// (`String[]` for `[Ljava.lang.String;`).
    pub fn java_simple_name(&self) -> Rc<str> {
        match crate::arrays::element_of_class_name(&self.name) {
            Some(element) => {
                let simple = element.rsplit(['.', '$']).next().unwrap_or(&element);
                format!("{simple}[]").into()
            }
            None => self.simple_name().into(),
        }
    }

    /// Whether this class is `name` or a subclass of it (simple or qualified name).
    pub fn is_a(&self, name: &str) -> bool {
        let mut class = Some(self);
        while let Some(c) = class {
            if &*c.name == name || c.simple_name() == name {
                return true;
            }
            class = c.parent.as_deref();
        }
        false
    }
}

/// A compiled regular expression with its Java source.
#[derive(Debug)]
pub struct Pattern {
    /// The pattern as written.
    pub source: Rc<str>,
    /// The translated regex (`fancy-regex`, for Java's look-around and back-references; it
    /// hands plain patterns to the `regex` crate).
    pub regex: fancy_regex::Regex,
    /// The same regex anchored at both ends, for whole-text matches (`==~`, `case ~/re/`).
    pub anchored: fancy_regex::Regex,
}

/// The result of `text =~ pattern`: all matches, each with its groups.
#[derive(Debug)]
pub struct Matcher {
    /// The pattern.
    pub pattern: Rc<Pattern>,
    /// The matched text.
    pub text: Rc<str>,
    /// Each match: the whole match then each group (None when a group did not take part).
    pub matches: Vec<Vec<Option<Rc<str>>>>,
    /// Java's matcher state: the next match `find()` returns, and the current one.
    pub next: Cell<usize>,
    /// The match `group()` reads, after a successful `find()`.
    pub current: Cell<Option<usize>>,
}

impl Matcher {
    /// `find()`: advances to the next match.
    pub fn find(&self) -> bool {
        let n = self.next.get();
        if n < self.matches.len() {
            self.current.set(Some(n));
            self.next.set(n + 1);
            true
        } else {
            self.current.set(None);
            false
        }
    }
}

/// A map key with Java's `equals`/`hashCode`: `1` (Integer) and `1L` (Long) differ, a GString
/// differs from the String with the same text.
#[derive(Clone, Debug)]
pub struct Key(pub Value);

impl Key {
    /// A String key.
    pub fn str(s: &str) -> Key {
        Key(Value::Str(s.into()))
    }
}

impl PartialEq for Key {
    fn eq(&self, other: &Key) -> bool {
        match (&self.0, &other.0) {
            (Value::Str(a), Value::Str(b)) => a == b,
            (Value::GString(_), Value::GString(_)) => self.0.to_display() == other.0.to_display(),
            (Value::Num(a), Value::Num(b)) => a.type_name() == b.type_name() && a.num_eq(b),
            (Value::Null, Value::Null) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Char(a), Value::Char(b)) => a == b,
            (a, b) => {
                a.same(b)
                    || (a.is_collection() && b.is_collection() && a.to_display() == b.to_display())
            }
        }
    }
}

impl Eq for Key {}

impl Hash for Key {
    fn hash<H: Hasher>(&self, state: &mut H) {
        match &self.0 {
            Value::Str(s) => s.hash(state),
            Value::GString(_) => {
                37u8.hash(state);
                self.0.to_display().hash(state);
            }
            Value::Num(n) => n.to_string().hash(state),
            Value::Bool(b) => b.hash(state),
            Value::Char(c) => c.hash(state),
            Value::Null => 0u8.hash(state),
            other => other.to_display().hash(state),
        }
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::Str(s.into())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::Str(s.into())
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::Bool(b)
    }
}

impl From<i32> for Value {
    fn from(n: i32) -> Value {
        Value::Num(Number::Integer(n))
    }
}

impl Value {
    /// A new list value.
    pub fn list(items: Vec<Value>) -> Value {
        Value::List(Rc::new(Shared {
            items: RefCell::new(items),
            tags: RefCell::default(),
        }))
    }

    /// A new map value.
    pub fn map(entries: IndexMap<Key, Value>) -> Value {
        Value::Map(Rc::new(Shared {
            items: RefCell::new(entries),
            tags: RefCell::default(),
        }))
    }

    /// Whether both are the same object (Groovy's `is`), or equal immutable values.
    pub fn same(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Null, Value::Null) => true,
            (Value::List(a), Value::List(b)) => Rc::ptr_eq(a, b),
            (Value::Map(a), Value::Map(b)) => Rc::ptr_eq(a, b),
            (Value::Closure(a), Value::Closure(b)) => Rc::ptr_eq(a, b),
            (Value::GString(a), Value::GString(b)) => Rc::ptr_eq(a, b),
            (Value::Object(a), Value::Object(b)) => Rc::ptr_eq(a, b),
            (Value::Class(a), Value::Class(b)) => a.name == b.name,
            (Value::Str(a), Value::Str(b)) => a == b,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Num(a), Value::Num(b)) => a.type_name() == b.type_name() && a.num_eq(b),
            (Value::Buffer(a), Value::Buffer(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }

    /// Whether it is a list or map (compared by content as a map key).
    fn is_collection(&self) -> bool {
        matches!(self, Value::List(_) | Value::Map(_))
    }

    /// Whether this is a String or GString.
    pub fn is_string(&self) -> bool {
        matches!(self, Value::Str(_) | Value::GString(_))
    }

    /// Groovy truth (`asBoolean`).
    pub fn truthy(&self) -> bool {
        match self {
            Value::Null => false,
            Value::Bool(b) => *b,
            Value::Num(n) => !n.is_zero(),
            Value::Char(c) => *c != '\0',
            Value::Str(s) => !s.is_empty(),
            Value::GString(_) => !self.to_display().is_empty(),
            Value::List(l) => !l.borrow().is_empty(),
            Value::Map(m) => !m.borrow().is_empty(),
            // Groovy's asBoolean(Matcher) calls find(): it advances the matcher.
            Value::Matcher(m) => m.find(),
            Value::Buffer(b) => !b.borrow().is_empty(),
            Value::Range(_) => !crate::collections::range_items(self).is_empty(),
            Value::Object(_) if crate::builtins::is_iterator(self) => {
                crate::builtins::has_next(self)
            }
            _ => true,
        }
    }

    /// The Java class name of the value.
    pub fn class_name(&self) -> Rc<str> {
        if let Some(name) = crate::collections::tagged_class_name(self) {
            return name;
        }
        match self {
            Value::Null => "null".into(),
            Value::Bool(_) => "java.lang.Boolean".into(),
            Value::Num(n) => n.type_name().into(),
            Value::Char(_) => "java.lang.Character".into(),
            Value::Str(_) => "java.lang.String".into(),
            Value::GString(_) => "org.codehaus.groovy.runtime.GStringImpl".into(),
            Value::List(_) => "java.util.ArrayList".into(),
            Value::Map(_) => "java.util.LinkedHashMap".into(),
            Value::Range(r) => match &r.from {
                Value::Num(Number::Integer(_)) => "groovy.lang.IntRange".into(),
                _ => "groovy.lang.ObjectRange".into(),
            },
            Value::Closure(c) => c.class_name.clone(),
            Value::Object(o) => o.class.name.clone(),
            Value::Class(_) => "java.lang.Class".into(),
            Value::Pattern(_) => "java.util.regex.Pattern".into(),
            Value::Matcher(_) => "java.util.regex.Matcher".into(),
            Value::Buffer(_) => "java.lang.StringBuffer".into(),
        }
    }

    /// The text as `toString()` gives it (what `println` prints).
    pub fn to_display(&self) -> String {
        let mut out = String::new();
        crate::display::write_display(&mut out, self, &mut Vec::new());
        out
    }

    /// The text as `inspect()` gives it: strings quoted.
    pub fn inspect(&self) -> String {
        let mut out = String::new();
        crate::display::write_inspect(&mut out, self, &mut Vec::new());
        out
    }

    /// The value as a string key or text, for names and map keys.
    pub fn as_str(&self) -> Option<Rc<str>> {
        match self {
            Value::Str(s) => Some(s.clone()),
            Value::GString(_) => Some(self.to_display().into()),
            _ => None,
        }
    }

    /// The value as an i64, for indices and counts.
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Value::Num(n) if n.is_integral() => Some(n.to_i64()),
            Value::Num(_) => None,
            Value::Char(c) => Some(*c as i64),
            _ => None,
        }
    }
}
