//! The Groovy AST: every node carries its span; names are shared `Rc<str>`.

use std::rc::Rc;

use crate::span::Span;

/// An identifier or other name, shared cheaply between the AST and runtime values.
pub type Name = Rc<str>;

/// A whole file: a script with its statements, methods and classes in source order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Script {
    /// `package a.b.c`, if any.
    pub package: Option<Ident>,
    /// Top-level statements in source order (including imports, methods and classes).
    pub statements: Vec<Stmt>,
    /// The whole file.
    pub span: Span,
}

/// A name with its place in the source.
#[derive(Clone, Debug, PartialEq)]
pub struct Ident {
    /// The name; for qualified names, the dotted text (`java.util.List`).
    pub name: Name,
    /// Where it is written.
    pub span: Span,
}

/// A statement.
#[derive(Clone, Debug, PartialEq)]
pub struct Stmt {
    /// What kind of statement.
    pub kind: StmtKind,
    /// Where it is written.
    pub span: Span,
}

/// The kinds of statement.
#[derive(Clone, Debug, PartialEq)]
pub enum StmtKind {
    /// An expression or command expression (`sh 'make'`).
    Expr(Expr),
    /// `def x = 1`, `String a, b = 'x'`, `@Field final N = 3`.
    Var(VarDecl),
    /// `def (a, b) = [1, 2]`.
    MultiVar(MultiVarDecl),
    /// A method declaration (in a script or a class).
    Method(Rc<MethodDecl>),
    /// A class, interface, enum or trait.
    Class(Rc<ClassDecl>),
    /// An import, possibly annotated (`@Library('x') import a.B`).
    Import(ImportDecl),
    /// `{ ... }` as an `if`/`for`/labelled body.
    Block(Block),
    /// `if (cond) then else otherwise`.
    If {
        /// The condition.
        cond: Expr,
        /// The statement run when the condition holds.
        then: Box<Stmt>,
        /// The `else` branch.
        otherwise: Option<Box<Stmt>>,
    },
    /// `while (cond) body`.
    While {
        /// The condition.
        cond: Expr,
        /// The loop body.
        body: Box<Stmt>,
    },
    /// `for (x in items) body` (also `for (T x : items)`).
    ForIn {
        /// The declared type of the loop variable, if any.
        ty: Option<TypeRef>,
        /// The loop variable.
        var: Ident,
        /// What is iterated.
        iterable: Expr,
        /// The loop body.
        body: Box<Stmt>,
    },
    /// `for (init; cond; update) body`.
    For {
        /// Declarations or expressions run once.
        init: Vec<Stmt>,
        /// The condition; none means true.
        cond: Option<Expr>,
        /// Expressions run after each iteration.
        update: Vec<Expr>,
        /// The loop body.
        body: Box<Stmt>,
    },
    /// `switch (subject) { case ...: ... default: ... }`.
    Switch {
        /// The value switched on.
        subject: Expr,
        /// The sections in order (fall-through applies).
        cases: Vec<SwitchCase>,
    },
    /// `try { } catch (...) { } finally { }`.
    Try {
        /// The guarded block.
        body: Block,
        /// The catch clauses in order.
        catches: Vec<Catch>,
        /// The `finally` block.
        finally: Option<Block>,
    },
    /// `return [value]`.
    Return(Option<Expr>),
    /// `throw value`.
    Throw(Expr),
    /// `break [label]`.
    Break(Option<Ident>),
    /// `continue [label]`.
    Continue(Option<Ident>),
    /// `assert cond [: message]`.
    Assert {
        /// The asserted condition.
        cond: Expr,
        /// The message shown on failure.
        message: Option<Expr>,
    },
    /// `label: statement`.
    Labeled {
        /// The label.
        label: Ident,
        /// The labelled statement.
        body: Box<Stmt>,
    },
    /// `synchronized (lock) { }`.
    Synchronized {
        /// The lock expression.
        lock: Expr,
        /// The body.
        body: Block,
    },
    /// A lone `;`.
    Empty,
}

/// A `{ ... }` block of statements.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Block {
    /// The statements.
    pub statements: Vec<Stmt>,
    /// From `{` to `}`.
    pub span: Span,
}

/// One `case`/`default` section of a switch.
#[derive(Clone, Debug, PartialEq)]
pub struct SwitchCase {
    /// The case values; `None` stands for `default`.
    pub labels: Vec<Option<Expr>>,
    /// The statements after the labels.
    pub body: Vec<Stmt>,
    /// The whole section.
    pub span: Span,
}

/// `catch (A | B e) { }`; no types means `Exception`.
#[derive(Clone, Debug, PartialEq)]
pub struct Catch {
    /// The caught types.
    pub types: Vec<TypeRef>,
    /// The variable.
    pub var: Ident,
    /// The handler.
    pub body: Block,
    /// The whole clause.
    pub span: Span,
}

/// Declaration modifiers and annotations.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Modifiers {
    /// Annotations in order.
    pub annotations: Vec<Annotation>,
    /// Modifier keywords in order (`def`, `static`, `final`, `private`, ...).
    pub keywords: Vec<Ident>,
}

impl Modifiers {
    /// Whether the keyword `word` (`static`, `final`, ...) is present.
    pub fn has(&self, word: &str) -> bool {
        self.keywords.iter().any(|k| &*k.name == word)
    }

    /// The annotation named `name` (simple or qualified last part), if present.
    pub fn annotation(&self, name: &str) -> Option<&Annotation> {
        self.annotations
            .iter()
            .find(|a| &*a.name.name == name || a.name.name.rsplit('.').next() == Some(name))
    }
}

/// `@Name` or `@Name(value)` or `@Name(k = v, ...)`.
#[derive(Clone, Debug, PartialEq)]
pub struct Annotation {
    /// The annotation type.
    pub name: Ident,
    /// Arguments; an unnamed single value has no name (it is `value`).
    pub args: Vec<(Option<Ident>, Expr)>,
    /// The whole annotation.
    pub span: Span,
}

/// A type as written: `String`, `java.util.List<String>`, `int[]`.
#[derive(Clone, Debug, PartialEq)]
pub struct TypeRef {
    /// The (possibly qualified) name.
    pub name: Name,
    /// Generic arguments (wildcards are written as `?`).
    pub args: Vec<TypeRef>,
    /// A wildcard's bound: `? extends T` or `? super T`.
    pub bound: Option<WildcardBound>,
    /// Array dimensions.
    pub dims: u8,
    /// Where it is written.
    pub span: Span,
}

/// The bound of a wildcard type argument.
#[derive(Clone, Debug, PartialEq)]
pub enum WildcardBound {
    /// `? extends T`.
    Extends(Box<TypeRef>),
    /// `? super T`.
    Super(Box<TypeRef>),
}

/// A generic type parameter of a class or method: `T`, `T extends Number & Comparable<T>`.
#[derive(Clone, Debug, PartialEq)]
pub struct TypeParam {
    /// The parameter's name.
    pub name: Ident,
    /// The types after `extends`, joined by `&`.
    pub bounds: Vec<TypeRef>,
}

impl TypeRef {
    /// A type with no generic arguments or array dimensions (yet).
    pub fn named(name: &str, span: Span) -> TypeRef {
        TypeRef {
            name: name.into(),
            args: Vec::new(),
            bound: None,
            dims: 0,
            span,
        }
    }
}

/// `[modifiers] [Type] a = 1, b`.
#[derive(Clone, Debug, PartialEq)]
pub struct VarDecl {
    /// Modifiers and annotations (`@Field`, `final`, `def`).
    pub modifiers: Modifiers,
    /// The declared type; none for `def`.
    pub ty: Option<TypeRef>,
    /// The declared names with their initial values.
    pub declarators: Vec<Declarator>,
}

/// One name of a declaration.
#[derive(Clone, Debug, PartialEq)]
pub struct Declarator {
    /// The variable.
    pub name: Ident,
    /// The initial value.
    pub init: Option<Expr>,
}

/// `def (a, String b) = value`.
#[derive(Clone, Debug, PartialEq)]
pub struct MultiVarDecl {
    /// Modifiers.
    pub modifiers: Modifiers,
    /// The declared variables with their optional types.
    pub vars: Vec<(Option<TypeRef>, Ident)>,
    /// The value spread over them.
    pub value: Expr,
}

/// A method or constructor.
#[derive(Clone, Debug, PartialEq)]
pub struct MethodDecl {
    /// Modifiers and annotations (`@NonCPS`, `static`, ...).
    pub modifiers: Modifiers,
    /// Generic type parameters.
    pub type_params: Vec<TypeParam>,
    /// The declared return type; none for `def` or a constructor.
    pub return_type: Option<TypeRef>,
    /// The name (may have been written as a string: `def "runs tests"()`).
    pub name: Ident,
    /// The parameters.
    pub params: Vec<Param>,
    /// The body; none for abstract and interface methods.
    pub body: Option<Block>,
    /// Whether this is a constructor.
    pub constructor: bool,
    /// The whole declaration.
    pub span: Span,
}

/// A method, constructor or closure parameter.
#[derive(Clone, Debug, PartialEq)]
pub struct Param {
    /// Modifiers and annotations.
    pub modifiers: Modifiers,
    /// The declared type.
    pub ty: Option<TypeRef>,
    /// `Type... name`.
    pub varargs: bool,
    /// The name.
    pub name: Ident,
    /// The default value.
    pub default: Option<Expr>,
    /// The whole parameter.
    pub span: Span,
}

/// What kind of type a class declaration declares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClassKind {
    /// `class`.
    Class,
    /// `interface`.
    Interface,
    /// `enum`.
    Enum,
    /// `trait`.
    Trait,
}

/// A class, interface, enum or trait declaration.
#[derive(Clone, Debug, PartialEq)]
pub struct ClassDecl {
    /// Modifiers and annotations.
    pub modifiers: Modifiers,
    /// Which kind.
    pub kind: ClassKind,
    /// The simple name.
    pub name: Ident,
    /// Generic type parameters.
    pub type_params: Vec<TypeParam>,
    /// `extends` types (several for interfaces).
    pub extends: Vec<TypeRef>,
    /// `implements` types.
    pub implements: Vec<TypeRef>,
    /// Enum constants, in order.
    pub constants: Vec<EnumConstant>,
    /// Members in order.
    pub members: Vec<ClassMember>,
    /// The whole declaration.
    pub span: Span,
}

/// A member of a class body.
#[derive(Clone, Debug, PartialEq)]
pub enum ClassMember {
    /// A field or property.
    Field(VarDecl, Span),
    /// A method or constructor.
    Method(Rc<MethodDecl>),
    /// A nested class.
    Class(Rc<ClassDecl>),
    /// `static { }` or `{ }`.
    Initializer {
        /// Whether it is `static`.
        is_static: bool,
        /// The block.
        block: Block,
    },
}

/// `NAME`, `NAME(args)` or `NAME(args) { body }` in an enum.
#[derive(Clone, Debug, PartialEq)]
pub struct EnumConstant {
    /// The constant.
    pub name: Ident,
    /// Constructor arguments.
    pub args: Option<Args>,
    /// A constant-specific class body.
    pub members: Vec<ClassMember>,
}

/// `import [static] a.b.C[.*] [as D]`.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportDecl {
    /// Annotations before the import (`@Library('lib') import ...`).
    pub annotations: Vec<Annotation>,
    /// `import static`.
    pub is_static: bool,
    /// The dotted path.
    pub path: Ident,
    /// Ends in `.*`.
    pub star: bool,
    /// `as Alias`.
    pub alias: Option<Ident>,
}

/// An expression.
#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    /// What kind of expression.
    pub kind: ExprKind,
    /// Where it is written.
    pub span: Span,
}

/// How a member is reached: `a.b`, `a?.b` or `a*.b`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// `.`
    Normal,
    /// `?.`
    Safe,
    /// `*.`
    Spread,
}

/// The kinds of expression.
#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    /// `null`.
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// A number literal, as written (underscores removed); its type follows Groovy's rules.
    Number(Name),
    /// A string without interpolation (any of the six forms).
    Str(Name),
    /// A string with `$` interpolation.
    GString(Vec<GStringPart>),
    /// `[a, b, *c]`.
    List(Vec<Expr>),
    /// `[k: v, *:m]`; `[:]` is empty.
    Map(Vec<MapItem>),
    /// A bare name: a variable, property, or class name.
    Ident(Name),
    /// `this`.
    This,
    /// `super`.
    Super,
    /// `object.name`, `object?.name`, `object*.name`; `field` for `.@name`.
    Property {
        /// The receiver.
        object: Box<Expr>,
        /// The member name.
        name: Member,
        /// How it is reached.
        access: Access,
        /// Direct field access `.@`.
        field: bool,
    },
    /// `object.&name`.
    MethodPointer {
        /// The receiver.
        object: Box<Expr>,
        /// The method name.
        name: Member,
    },
    /// `name(args)` (no receiver: script/this/closure delegate) or `object.name(args)`.
    Call {
        /// The receiver; none for an unqualified call.
        object: Option<Box<Expr>>,
        /// The method name.
        method: Member,
        /// The arguments.
        args: Args,
        /// How the receiver is reached.
        access: Access,
    },
    /// Calling a value: `(expr)(args)`, `list[0](args)`, `closure(args)` after a call.
    CallValue {
        /// What is called.
        callee: Box<Expr>,
        /// The arguments.
        args: Args,
    },
    /// `object[index]` (several indices: `list[0, 2]`).
    Index {
        /// The indexed value.
        object: Box<Expr>,
        /// The index arguments.
        index: Vec<Expr>,
    },
    /// A prefix or postfix unary operator.
    Unary {
        /// The operator.
        op: UnaryOp,
        /// The operand.
        operand: Box<Expr>,
    },
    /// A binary operator.
    Binary {
        /// The operator.
        op: BinaryOp,
        /// Left operand.
        left: Box<Expr>,
        /// Right operand.
        right: Box<Expr>,
    },
    /// `cond ? then : otherwise`.
    Ternary {
        /// The condition.
        cond: Box<Expr>,
        /// Value when true.
        then: Box<Expr>,
        /// Value when false.
        otherwise: Box<Expr>,
    },
    /// `value ?: fallback`.
    Elvis {
        /// The value used when truthy.
        value: Box<Expr>,
        /// The fallback.
        fallback: Box<Expr>,
    },
    /// `target = value`, `target += value`, ...
    Assign {
        /// The operator; `None` for plain `=`.
        op: Option<BinaryOp>,
        /// What is assigned: a name, property or index.
        target: Box<Expr>,
        /// The value.
        value: Box<Expr>,
    },
    /// `(a, b) = value`.
    MultiAssign {
        /// The assigned names.
        targets: Vec<Ident>,
        /// The value spread over them.
        value: Box<Expr>,
    },
    /// `(Type) expr`.
    Cast {
        /// The target type.
        ty: TypeRef,
        /// The value.
        expr: Box<Expr>,
    },
    /// `expr as Type`.
    As {
        /// The value.
        expr: Box<Expr>,
        /// The target type.
        ty: TypeRef,
    },
    /// `expr instanceof Type`.
    InstanceOf {
        /// The value.
        expr: Box<Expr>,
        /// The type.
        ty: TypeRef,
    },
    /// `{ params -> body }`.
    Closure(Rc<Closure>),
    /// `new Type(args)`, optionally with an anonymous class body.
    New {
        /// The instantiated type.
        ty: TypeRef,
        /// Constructor arguments.
        args: Args,
        /// An anonymous class body.
        body: Option<Rc<ClassDecl>>,
    },
    /// `new Type[n][m]`.
    NewArray {
        /// The element type.
        ty: TypeRef,
        /// Dimension sizes.
        dims: Vec<Expr>,
    },
    /// `*expr` in a list or argument list.
    Spread(Box<Expr>),
    /// `(expr)`: kept so that checks can tell `(a < b) < c` from `a < b < c`.
    Paren(Box<Expr>),
}

/// A member name: plain, or computed (`obj."$name"`, `obj.(expr)`).
#[derive(Clone, Debug, PartialEq)]
pub enum Member {
    /// A plain or quoted name.
    Name(Ident),
    /// A GString or parenthesised expression giving the name.
    Dynamic(Box<Expr>),
}

/// A call's arguments in source order; trailing closures come last as positional arguments.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Args {
    /// The arguments.
    pub items: Vec<Arg>,
    /// From the opening parenthesis (or first argument) to the end of the last closure.
    pub span: Span,
}

/// One call argument.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    /// `value`.
    Positional(Expr),
    /// `key: value` (all named arguments go into one map passed first).
    Named(MapKey, Expr),
    /// `*list`.
    Spread(Expr),
    /// `*:map`.
    SpreadMap(Expr),
}

/// One entry of a map literal.
#[derive(Clone, Debug, PartialEq)]
pub enum MapItem {
    /// `key: value`.
    Entry(MapKey, Expr),
    /// `*:map`.
    Spread(Expr),
}

/// A map key or named-argument label.
#[derive(Clone, Debug, PartialEq)]
pub enum MapKey {
    /// A bare word, keyword or string literal: the key is that string.
    Str(Ident),
    /// A number, GString or `(expr)`: the key is the value.
    Expr(Expr),
}

/// One part of a GString.
#[derive(Clone, Debug, PartialEq)]
pub enum GStringPart {
    /// Literal text.
    Text(Name),
    /// `$name`, `$a.b.c` or `${expr}`.
    Value(Expr),
    /// `${stmt; stmt}`: the value of the last statement.
    Statements(Vec<Stmt>),
}

/// A closure literal.
#[derive(Clone, Debug, PartialEq)]
pub struct Closure {
    /// Declared parameters; `None` when there is no `->` (one implicit `it`).
    pub params: Option<Vec<Param>>,
    /// The body.
    pub body: Vec<Stmt>,
    /// From `{` to `}`.
    pub span: Span,
}

/// Unary operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    /// `!x`
    Not,
    /// `~x` (also makes a Pattern of a string)
    BitNot,
    /// `-x`
    Neg,
    /// `+x`
    Pos,
    /// `++x`
    PreInc,
    /// `--x`
    PreDec,
    /// `x++`
    PostInc,
    /// `x--`
    PostDec,
}

/// Binary operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinaryOp {
    /// `**`
    Power,
    /// `*`
    Mul,
    /// `/`
    Div,
    /// `%`
    Mod,
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `<<`
    Shl,
    /// `>>`
    Shr,
    /// `>>>`
    UShr,
    /// `..`
    Range,
    /// `..<`
    RangeExclusive,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// `in`
    In,
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `<=>`
    Compare,
    /// `=~`
    Find,
    /// `==~`
    Match,
    /// `&`
    BitAnd,
    /// `^`
    BitXor,
    /// `|`
    BitOr,
    /// `&&`
    And,
    /// `||`
    Or,
}

impl BinaryOp {
    /// The operator as written.
    pub fn symbol(self) -> &'static str {
        use BinaryOp::*;
        match self {
            Power => "**",
            Mul => "*",
            Div => "/",
            Mod => "%",
            Add => "+",
            Sub => "-",
            Shl => "<<",
            Shr => ">>",
            UShr => ">>>",
            Range => "..",
            RangeExclusive => "..<",
            Lt => "<",
            Le => "<=",
            Gt => ">",
            Ge => ">=",
            In => "in",
            Eq => "==",
            Ne => "!=",
            Compare => "<=>",
            Find => "=~",
            Match => "==~",
            BitAnd => "&",
            BitXor => "^",
            BitOr => "|",
            And => "&&",
            Or => "||",
        }
    }

    /// Whether this is a relational operator (they do not chain: `a < b < c` is an error).
    pub fn is_relational(self) -> bool {
        matches!(
            self,
            BinaryOp::Lt | BinaryOp::Le | BinaryOp::Gt | BinaryOp::Ge | BinaryOp::In
        )
    }
}

impl UnaryOp {
    /// The operator as written.
    pub fn symbol(self) -> &'static str {
        match self {
            UnaryOp::Not => "!",
            UnaryOp::BitNot => "~",
            UnaryOp::Neg => "-",
            UnaryOp::Pos => "+",
            UnaryOp::PreInc | UnaryOp::PostInc => "++",
            UnaryOp::PreDec | UnaryOp::PostDec => "--",
        }
    }
}
