//! The one file that touches pest: runs the grammar and turns its pairs into the AST.

use std::cell::RefCell;
use std::rc::Rc;

use pest::Parser as _;
use pest::iterators::Pair;
use pest::pratt_parser::{Assoc, Op, PrattParser};

use crate::ast::*;
use crate::error::SyntaxError;
use crate::literal;
use crate::messages::{self, Expected, Failure};
use crate::span::Span;

#[derive(pest_derive::Parser)]
#[grammar = "groovy.pest"]
struct GroovyParser;

type P<'i> = Pair<'i, Rule>;

/// pest calls allowed per byte of input (plus a base). The valid fixtures need fewer than 50 per
/// byte; reaching this means pathological backtracking, reported instead of running on.
const CALLS_PER_BYTE: usize = 1_000;
const BASE_CALLS: usize = 10_000;

/// The most `<` one type's generic arguments may contain.
const MAX_TYPE_NESTING: usize = 32;

/// Parses `text` (the `source` as the grammar reads it, see `Scan::grammar_text`: the same
/// length, with the same offsets) into a script, or reports why not. Names, strings and messages
/// come from the original `source`.
pub(crate) fn parse(source: &str, text: &str) -> Result<Script, Vec<SyntaxError>> {
    // Bound the work pest may do, so that no input makes it backtrack for ever.
    pest::set_call_limit(std::num::NonZeroUsize::new(
        text.len()
            .saturating_mul(CALLS_PER_BYTE)
            .saturating_add(BASE_CALLS),
    ));
    let pairs = match GroovyParser::parse(Rule::file, text) {
        Ok(pairs) => pairs,
        Err(error) => {
            return Err(vec![messages::syntax_error(
                source,
                failure(source, &error),
            )]);
        }
    };
    let builder = Builder {
        source,
        errors: RefCell::new(Vec::new()),
        pratt: PRATT.with(Rc::clone),
    };
    let mut script = Script {
        span: Span::new(0, source.len()),
        ..Script::default()
    };
    let contents = pairs.flat_map(Pair::into_inner);
    {
        for pair in contents {
            match pair.as_rule() {
                Rule::package_decl => {
                    script.package = pair.into_inner().last().map(|p| builder.ident(p))
                }
                Rule::EOI => {}
                _ => script.statements.push(builder.statement(pair)),
            }
        }
    }
    let mut errors = builder.errors.into_inner();
    errors.extend(crate::validate::validate(&script));
    errors.sort_by_key(|e| e.span.start);
    if errors.is_empty() {
        Ok(script)
    } else {
        Err(errors)
    }
}

/// What pest says at the furthest point it reached, in terms the message module knows.
fn failure(source: &str, error: &pest::error::Error<Rule>) -> Failure {
    let mut offset = match error.location {
        pest::error::InputLocation::Pos(p) => p,
        pest::error::InputLocation::Span((s, _)) => s,
    };
    // The grammar's text has one ASCII byte for each byte of a wider character: report at the
    // character's start.
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    let expected = match &error.variant {
        pest::error::ErrorVariant::ParsingError { positives, .. } => {
            positives.iter().filter_map(|r| expected(*r)).collect()
        }
        pest::error::ErrorVariant::CustomError { message } => {
            return Failure {
                offset,
                expected: Vec::new(),
                limit: Some(message.clone()),
            };
        }
    };
    Failure {
        offset,
        expected,
        limit: None,
    }
}

/// What a grammar rule stands for in an error message.
fn expected(rule: Rule) -> Option<Expected> {
    use Expected as E;
    Some(match rule {
        Rule::EOI => E::EndOfFile,
        Rule::statement
        | Rule::expression_statement
        | Rule::declaration
        | Rule::labeled_statement
        | Rule::label_ahead
        | Rule::plain_declaration_ahead
        | Rule::stray_continuation => E::Statement,
        Rule::expression
        | Rule::command_or_expression
        | Rule::path_expression
        | Rule::head_path_expression
        | Rule::paren_expression
        | Rule::collection
        | Rule::number
        | Rule::string
        | Rule::identifier
        | Rule::argument
        | Rule::new_expression
        | Rule::closure
        | Rule::path_element_ahead
        | Rule::single_string
        | Rule::double_string
        | Rule::triple_single_string
        | Rule::triple_double_string
        | Rule::slashy_string
        | Rule::dollar_slashy_string
        | Rule::cast
        | Rule::not
        | Rule::neg
        | Rule::pos
        | Rule::k_true
        | Rule::k_false
        | Rule::k_null
        | Rule::k_this
        | Rule::k_super => E::Expression,
        Rule::escape => E::Escape,
        Rule::interpolation_block | Rule::interpolation_path | Rule::interpolation_name => {
            E::Interpolation
        }
        Rule::single_text | Rule::triple_single_text | Rule::double_text => E::StringEnd,
        Rule::type_spec | Rule::decl_type | Rule::type_name | Rule::decl_type_name => E::Type,
        Rule::block => E::Token("{"),
        Rule::parameter | Rule::parameters => E::Parameter,
        Rule::name_or_keyword
        | Rule::member_name
        | Rule::command_chain_ahead
        | Rule::qualified_name => E::Name,
        Rule::colon => E::Token(":"),
        Rule::k_else => E::Token("else"),
        Rule::k_catch => E::Token("catch"),
        Rule::k_finally => E::Token("finally"),
        Rule::switch_label | Rule::k_case | Rule::k_default => E::Token("case"),
        _ => return None,
    })
}

thread_local! {
    /// Built once per thread: setting it up allocates more than parsing a small file.
    static PRATT: Rc<PrattParser<Rule>> = Rc::new(pratt());
}

/// Operator precedence, loosest first (GROOVY.md section 4).
fn pratt() -> PrattParser<Rule> {
    use Assoc::Left;
    use Rule::*;
    PrattParser::new()
        .op(Op::infix(op_or, Left))
        .op(Op::infix(op_and, Left))
        .op(Op::infix(op_bit_or, Left))
        .op(Op::infix(op_bit_xor, Left))
        .op(Op::infix(op_bit_and, Left))
        .op(Op::infix(op_find, Left) | Op::infix(op_match, Left))
        .op(Op::infix(op_eq, Left)
            | Op::infix(op_ne, Left)
            | Op::infix(op_compare, Left)
            | Op::infix(op_identical, Left)
            | Op::infix(op_not_identical, Left))
        .op(Op::infix(op_lt, Left)
            | Op::infix(op_le, Left)
            | Op::infix(op_gt, Left)
            | Op::infix(op_ge, Left)
            | Op::infix(op_in, Left)
            | Op::postfix(as_type)
            | Op::postfix(instanceof_type))
        .op(Op::infix(op_shl, Left)
            | Op::infix(op_shr, Left)
            | Op::infix(op_ushr, Left)
            | Op::infix(op_range, Left)
            | Op::infix(op_range_exclusive, Left))
        .op(Op::infix(op_add, Left) | Op::infix(op_sub, Left))
        .op(Op::infix(op_mul, Left) | Op::infix(op_div, Left) | Op::infix(op_mod, Left))
        .op(Op::prefix(neg) | Op::prefix(pos) | Op::prefix(pre_inc) | Op::prefix(pre_dec))
        .op(Op::infix(op_power, Left))
        .op(Op::prefix(not) | Op::prefix(bit_not) | Op::prefix(cast))
        .op(Op::postfix(post_inc) | Op::postfix(post_dec))
}

fn span(pair: &P<'_>) -> Span {
    let s = pair.as_span();
    let (start, mut end) = (s.start(), s.end());
    // A rule ends after the spaces its last token consumed (`sp` in the grammar), or the
    // newlines an absent optional part looked past; a node ends at its last character.
    // (Bytes, not characters: only ASCII spaces are trimmed.)
    let text = pair.get_input().as_bytes();
    while end > start && matches!(text.get(end - 1), Some(b' ' | b'\t' | b'\r' | b'\n')) {
        end -= 1;
    }
    Span::new(start, end)
}

fn is_keyword_token(rule: Rule) -> bool {
    use Rule::*;
    matches!(
        rule,
        k_as | k_assert
            | k_break
            | k_case
            | k_catch
            | k_continue
            | k_default
            | k_else
            | k_extends
            | k_finally
            | k_for
            | k_if
            | k_implements
            | k_import
            | k_in
            | k_instanceof
            | k_interface
            | k_new
            | k_package
            | k_return
            | k_static
            | k_switch
            | k_synchronized
            | k_throw
            | k_throws
            | k_try
            | k_while
    )
}

/// The children of `pair` without keyword tokens.
fn children<'i>(pair: P<'i>) -> impl Iterator<Item = P<'i>> {
    pair.into_inner().filter(|p| !is_keyword_token(p.as_rule()))
}

struct Builder<'s> {
    /// The file's own text: the grammar's text has stand-ins for characters beyond ASCII.
    source: &'s str,
    errors: RefCell<Vec<SyntaxError>>,
    pratt: Rc<PrattParser<Rule>>,
}

impl<'s> Builder<'s> {
    /// The source text of a pair. (Pairs start and end at whole characters, as stand-ins come in
    /// whole runs; were one not to, its stand-in text is better than a panic.)
    fn text<'a>(&'a self, pair: &P<'a>) -> &'a str {
        let s = pair.as_span();
        self.source
            .get(s.start()..s.end())
            .unwrap_or_else(|| s.as_str())
    }

    fn ident(&self, pair: P<'_>) -> Ident {
        Ident {
            name: self.text(&pair).into(),
            span: span(&pair),
        }
    }

    fn error(&self, span: Span, message: impl Into<String>) {
        self.errors
            .borrow_mut()
            .push(SyntaxError::new(span, message));
    }

    // -----------------------------------------------------------------------------------------
    // Statements

    fn statements<'i>(&self, pairs: impl Iterator<Item = P<'i>>) -> Vec<Stmt> {
        pairs.map(|p| self.statement(p)).collect()
    }

    fn block(&self, pair: P<'_>) -> Block {
        let sp = span(&pair);
        Block {
            statements: self.statements(pair.into_inner()),
            span: sp,
        }
    }

    fn body(&self, pair: P<'_>) -> Box<Stmt> {
        Box::new(self.statement(pair))
    }

    fn statement(&self, pair: P<'_>) -> Stmt {
        let sp = span(&pair);
        let kind = match pair.as_rule() {
            Rule::block => StmtKind::Block(self.block(pair)),
            Rule::empty_statement => StmtKind::Empty,
            Rule::expression_statement => {
                let expr = self.command_or_expression(first(pair));
                self.check_statement_expression(&expr);
                StmtKind::Expr(expr)
            }
            Rule::if_statement => {
                let mut it = children(pair);
                let cond = self.expression(next(&mut it));
                let then = self.body(next(&mut it));
                let otherwise = it.next().map(|p| self.body(p));
                StmtKind::If {
                    cond,
                    then,
                    otherwise,
                }
            }
            Rule::while_statement => {
                let mut it = children(pair);
                let cond = self.expression(next(&mut it));
                let body = self.body(next(&mut it));
                StmtKind::While { cond, body }
            }
            Rule::for_statement => self.for_statement(pair),
            Rule::switch_statement => self.switch_statement(pair),
            Rule::try_statement => self.try_statement(pair),
            Rule::return_statement => {
                StmtKind::Return(children(pair).next().map(|p| self.expression(p)))
            }
            Rule::throw_statement => StmtKind::Throw(self.expression(first_child(pair))),
            Rule::break_statement => StmtKind::Break(children(pair).next().map(|p| self.ident(p))),
            Rule::continue_statement => {
                StmtKind::Continue(children(pair).next().map(|p| self.ident(p)))
            }
            Rule::assert_statement => {
                let mut it = children(pair);
                let cond = self.expression(next(&mut it));
                let message = it.next().map(|p| self.expression(p));
                StmtKind::Assert { cond, message }
            }
            Rule::synchronized_statement => {
                let mut it = children(pair);
                let lock = self.expression(next(&mut it));
                let body = self.block(next(&mut it));
                StmtKind::Synchronized { lock, body }
            }
            Rule::labeled_statement => {
                let mut it = pair.into_inner();
                let label = self.ident(next(&mut it));
                let body = self.body(next(&mut it));
                StmtKind::Labeled { label, body }
            }
            Rule::import_statement => StmtKind::Import(self.import(pair)),
            Rule::class_declaration => StmtKind::Class(Rc::new(self.class_declaration(pair))),
            Rule::declaration | Rule::member_declaration => self.declaration(pair, None),
            Rule::multi_declaration => self.multi_declaration(pair),
            Rule::multi_assignment => {
                let mut targets = Vec::new();
                let mut value = None;
                for p in pair.into_inner() {
                    match p.as_rule() {
                        Rule::identifier => targets.push(self.ident(p)),
                        _ => value = Some(self.expression(p)),
                    }
                }
                let value = Box::new(value.unwrap_or_else(|| null(sp)));
                StmtKind::Expr(Expr {
                    kind: ExprKind::MultiAssign { targets, value },
                    span: sp,
                })
            }
            rule => unreachable!("{rule:?} is not a statement"),
        };
        Stmt { kind, span: sp }
    }

    /// Groovy rejects a bare `{ ... }` at the start of a statement.
    fn check_statement_expression(&self, expr: &Expr) {
        if let ExprKind::Closure(c) = &expr.kind
            && c.params.is_none()
        {
            self.error(
                    Span::new(expr.span.start as usize, expr.span.start as usize + 1),
                    "Ambiguous expression could be a parameterless closure expression, an isolated open code block, or it may continue a previous statement",
                );
        }
    }

    fn for_statement(&self, pair: P<'_>) -> StmtKind {
        let mut it = children(pair);
        let header = next(&mut it);
        let body = self.body(next(&mut it));
        match header.as_rule() {
            Rule::for_in_header => {
                let mut ty = None;
                let mut var = None;
                let mut iterable = None;
                for p in header.into_inner() {
                    match p.as_rule() {
                        Rule::modifiers | Rule::k_in => {}
                        Rule::type_spec => ty = Some(self.type_ref(p)),
                        Rule::identifier => var = Some(self.ident(p)),
                        _ => iterable = Some(self.expression(p)),
                    }
                }
                let var = var.unwrap_or_else(|| missing_ident(body.span));
                let iterable = iterable.unwrap_or_else(|| null(body.span));
                StmtKind::ForIn {
                    ty,
                    var,
                    iterable,
                    body,
                }
            }
            _ => {
                let mut init = Vec::new();
                let mut cond = None;
                let mut update = Vec::new();
                for p in header.into_inner() {
                    match p.as_rule() {
                        Rule::for_init => {
                            for q in p.into_inner() {
                                let sp = span(&q);
                                if q.as_rule() == Rule::for_declaration {
                                    init.push(self.declaration(q, None).into_stmt(sp));
                                } else {
                                    let e = self.expression(q);
                                    init.push(Stmt {
                                        kind: StmtKind::Expr(e),
                                        span: sp,
                                    });
                                }
                            }
                        }
                        Rule::for_condition => cond = Some(self.expression(first(p))),
                        Rule::for_update => {
                            update = p.into_inner().map(|q| self.expression(q)).collect();
                        }
                        _ => {}
                    }
                }
                StmtKind::For {
                    init,
                    cond,
                    update,
                    body,
                }
            }
        }
    }

    fn switch_statement(&self, pair: P<'_>) -> StmtKind {
        let mut it = children(pair);
        let subject = self.expression(next(&mut it));
        let cases = it
            .map(|section| {
                let sp = span(&section);
                let mut labels = Vec::new();
                let mut body = Vec::new();
                for p in section.into_inner() {
                    match p.as_rule() {
                        Rule::switch_label => {
                            let value = children(p).find(|e| e.as_rule() != Rule::colon);
                            labels.push(value.map(|e| self.expression(e)));
                        }
                        _ => body = self.statements(p.into_inner()),
                    }
                }
                SwitchCase {
                    labels,
                    body,
                    span: sp,
                }
            })
            .collect();
        StmtKind::Switch { subject, cases }
    }

    fn try_statement(&self, pair: P<'_>) -> StmtKind {
        let sp = span(&pair);
        let mut it = children(pair);
        let body = self.block(next(&mut it));
        let mut catches = Vec::new();
        let mut finally = None;
        for clause in it {
            match clause.as_rule() {
                Rule::catch_clause => {
                    let sp = span(&clause);
                    let mut types = Vec::new();
                    let mut var = None;
                    let mut block = Block::default();
                    for p in children(clause) {
                        match p.as_rule() {
                            Rule::catch_param => {
                                for q in p.into_inner() {
                                    match q.as_rule() {
                                        Rule::type_spec => types.push(self.type_ref(q)),
                                        Rule::identifier => var = Some(self.ident(q)),
                                        _ => {}
                                    }
                                }
                            }
                            _ => block = self.block(p),
                        }
                    }
                    catches.push(Catch {
                        types,
                        var: var.unwrap_or_else(|| missing_ident(sp)),
                        body: block,
                        span: sp,
                    });
                }
                _ => finally = children(clause).next().map(|b| self.block(b)),
            }
        }
        if catches.is_empty() && finally.is_none() {
            self.error(
                Span::new(sp.start as usize, sp.start as usize + 3),
                "A try statement must have at least one catch or finally block",
            );
        }
        StmtKind::Try {
            body,
            catches,
            finally,
        }
    }

    fn import(&self, pair: P<'_>) -> ImportDecl {
        let mut decl = ImportDecl {
            annotations: Vec::new(),
            is_static: false,
            path: missing_ident(span(&pair)),
            star: false,
            alias: None,
        };
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::annotation => decl.annotations.push(self.annotation(p)),
                Rule::k_static => decl.is_static = true,
                Rule::qualified_name => decl.path = self.ident(p),
                Rule::import_star => decl.star = true,
                Rule::identifier => decl.alias = Some(self.ident(p)),
                _ => {}
            }
        }
        decl
    }

    // -----------------------------------------------------------------------------------------
    // Declarations

    fn modifiers(&self, pair: P<'_>) -> Modifiers {
        let mut m = Modifiers::default();
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::annotation => m.annotations.push(self.annotation(p)),
                _ => m.keywords.push(self.ident(p)),
            }
        }
        m
    }

    fn annotation(&self, pair: P<'_>) -> Annotation {
        let sp = span(&pair);
        let mut it = pair.into_inner();
        let name = self.ident(next(&mut it));
        let mut args = Vec::new();
        if let Some(list) = it.next() {
            for p in list.into_inner() {
                match p.as_rule() {
                    Rule::annotation_pair => {
                        let mut q = p.into_inner();
                        let key = self.ident(next(&mut q));
                        let value = self.annotation_value(next(&mut q));
                        args.push((Some(key), value));
                    }
                    _ => args.push((None, self.annotation_value(p))),
                }
            }
        }
        Annotation {
            name,
            args,
            span: sp,
        }
    }

    /// A nested annotation as a value is kept as a call of its name.
    fn annotation_value(&self, pair: P<'_>) -> Expr {
        if pair.as_rule() == Rule::annotation {
            let a = self.annotation(pair);
            let items = a
                .args
                .into_iter()
                .map(|(k, v)| match k {
                    Some(k) => Arg::Named(MapKey::Str(k), v),
                    None => Arg::Positional(v),
                })
                .collect();
            return Expr {
                kind: ExprKind::Call {
                    object: None,
                    method: Member::Name(a.name),
                    args: Args {
                        items,
                        span: a.span,
                    },
                    access: Access::Normal,
                },
                span: a.span,
            };
        }
        self.expression(pair)
    }

    fn type_ref(&self, pair: P<'_>) -> TypeRef {
        let sp = span(&pair);
        let mut ty = TypeRef::named("", sp);
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::type_name | Rule::decl_type_name => ty.name = self.text(&p).into(),
                Rule::type_args => ty.args = self.type_args(p),
                Rule::array_dim => ty.dims = ty.dims.saturating_add(1),
                _ => {}
            }
        }
        ty
    }

    fn type_args(&self, pair: P<'_>) -> Vec<TypeRef> {
        // Nesting is bounded by the count of `<`: keep the tree shallow for later walks.
        if pair.as_str().matches('<').count() > MAX_TYPE_NESTING {
            self.error(
                span(&pair),
                format!("generic type arguments nested more than {MAX_TYPE_NESTING} deep"),
            );
            return Vec::new();
        }
        pair.into_inner()
            .map(|arg| {
                let sp = span(&arg);
                let mut it = arg.into_inner();
                match it.next() {
                    Some(p) if p.as_rule() == Rule::type_spec => self.type_ref(p),
                    _ => {
                        let mut wildcard = TypeRef::named("?", sp);
                        // `? extends T` / `? super T`: the keyword, then the bound.
                        if let (Some(kind), Some(bound)) = (it.next(), it.next()) {
                            let bound = Box::new(self.type_ref(bound));
                            wildcard.bound = Some(match kind.as_rule() {
                                Rule::k_super => WildcardBound::Super(bound),
                                _ => WildcardBound::Extends(bound),
                            });
                        }
                        wildcard
                    }
                }
            })
            .collect()
    }

    fn type_params(&self, pair: P<'_>) -> Vec<TypeParam> {
        pair.into_inner()
            .filter_map(|p| {
                let mut it = p.into_inner();
                let name = self.ident(it.next()?);
                let bounds = it
                    .filter(|b| b.as_rule() == Rule::type_spec)
                    .map(|b| self.type_ref(b))
                    .collect();
                Some(TypeParam { name, bounds })
            })
            .collect()
    }

    /// A variable or method declaration; `class_name` turns a method named like the class into
    /// a constructor.
    fn declaration(&self, pair: P<'_>, class_name: Option<&str>) -> StmtKind {
        let sp = span(&pair);
        let mut modifiers = Modifiers::default();
        let mut type_params = Vec::new();
        let mut ty = None;
        let mut inner = pair.into_inner();
        // member_declaration wraps a declaration.
        if let Some(p) = inner.peek()
            && p.as_rule() == Rule::declaration
        {
            return self.declaration(next(&mut inner), class_name);
        }
        for p in inner {
            match p.as_rule() {
                Rule::modifiers => modifiers = self.modifiers(p),
                Rule::type_params => type_params = self.type_params(p),
                Rule::type_spec | Rule::decl_type => ty = Some(self.type_ref(p)),
                Rule::method_rest => {
                    let method = self.method(p, modifiers, type_params, ty, class_name, sp);
                    return StmtKind::Method(Rc::new(method));
                }
                Rule::declarators => {
                    let declarators = p
                        .into_inner()
                        .map(|d| {
                            let mut it = d.into_inner();
                            let name = self.ident(next(&mut it));
                            let init = it.next().map(|e| self.command_or_expression(e));
                            Declarator { name, init }
                        })
                        .collect();
                    return StmtKind::Var(VarDecl {
                        modifiers,
                        ty,
                        declarators,
                    });
                }
                _ => {}
            }
        }
        unreachable!("a declaration has a method or declarators")
    }

    fn method(
        &self,
        pair: P<'_>,
        modifiers: Modifiers,
        type_params: Vec<TypeParam>,
        return_type: Option<TypeRef>,
        class_name: Option<&str>,
        sp: Span,
    ) -> MethodDecl {
        let mut it = pair.into_inner().peekable();
        let name = self.method_name(next(&mut it));
        let mut params = Vec::new();
        let mut body = None;
        for p in it {
            match p.as_rule() {
                Rule::parameters => params = p.into_inner().map(|q| self.parameter(q)).collect(),
                Rule::block => body = Some(self.block(p)),
                _ => {}
            }
        }
        let constructor = return_type.is_none()
            && !modifiers.has("def")
            && class_name.is_some_and(|c| c == &*name.name);
        MethodDecl {
            modifiers,
            type_params,
            return_type,
            name,
            params,
            body,
            constructor,
            span: sp,
        }
    }

    fn method_name(&self, pair: P<'_>) -> Ident {
        let sp = span(&pair);
        match pair.as_rule() {
            Rule::identifier => self.ident(pair),
            _ => Ident {
                name: self.plain_string_value(pair).into(),
                span: sp,
            },
        }
    }

    fn parameter(&self, pair: P<'_>) -> Param {
        let sp = span(&pair);
        let mut param = Param {
            modifiers: Modifiers::default(),
            ty: None,
            varargs: false,
            name: missing_ident(sp),
            default: None,
            span: sp,
        };
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::modifiers => param.modifiers = self.modifiers(p),
                Rule::type_spec => param.ty = Some(self.type_ref(p)),
                Rule::varargs => param.varargs = true,
                Rule::identifier => param.name = self.ident(p),
                Rule::simple_default => param.default = Some(self.simple_default(p)),
                _ => param.default = Some(self.expression(p)),
            }
        }
        param
    }

    fn simple_default(&self, pair: P<'_>) -> Expr {
        let sp = span(&pair);
        let mut negate = false;
        let mut value = null(sp);
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::neg => negate = true,
                Rule::qualified_name => value = self.qualified_name_expr(p),
                Rule::empty_map => {
                    value = Expr {
                        kind: ExprKind::Map(Vec::new()),
                        span: span(&p),
                    }
                }
                _ => value = self.primary(p),
            }
        }
        if sp.end > value.span.end {
            // `[]` has no pair of its own.
            value = Expr {
                kind: ExprKind::List(Vec::new()),
                span: sp,
            };
        }
        if negate {
            value = Expr {
                kind: ExprKind::Unary {
                    op: UnaryOp::Neg,
                    operand: Box::new(value),
                },
                span: sp,
            };
        }
        value
    }

    /// `a.b.C` as property accesses on an identifier.
    fn qualified_name_expr(&self, pair: P<'_>) -> Expr {
        dotted_path(self.text(&pair), pair.as_span().start())
    }

    fn multi_declaration(&self, pair: P<'_>) -> StmtKind {
        let sp = span(&pair);
        let mut modifiers = Modifiers::default();
        let mut vars = Vec::new();
        let mut value = None;
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::modifiers => modifiers = self.modifiers(p),
                Rule::multi_var => {
                    let mut ty = None;
                    let mut name = missing_ident(span(&p));
                    for q in p.into_inner() {
                        match q.as_rule() {
                            Rule::type_spec => ty = Some(self.type_ref(q)),
                            _ => name = self.ident(q),
                        }
                    }
                    vars.push((ty, name));
                }
                _ => value = Some(self.command_or_expression(p)),
            }
        }
        StmtKind::MultiVar(MultiVarDecl {
            modifiers,
            vars,
            value: value.unwrap_or_else(|| null(sp)),
        })
    }

    fn class_declaration(&self, pair: P<'_>) -> ClassDecl {
        let sp = span(&pair);
        let mut class = ClassDecl {
            modifiers: Modifiers::default(),
            kind: ClassKind::Class,
            name: missing_ident(sp),
            type_params: Vec::new(),
            extends: Vec::new(),
            implements: Vec::new(),
            constants: Vec::new(),
            members: Vec::new(),
            span: sp,
        };
        let mut after = Rule::class_keyword;
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::modifiers => class.modifiers = self.modifiers(p),
                Rule::class_keyword | Rule::enum_keyword => {
                    class.kind = match p.as_str().trim_start_matches('@') {
                        "interface" => ClassKind::Interface,
                        "enum" => ClassKind::Enum,
                        "trait" => ClassKind::Trait,
                        _ => ClassKind::Class,
                    }
                }
                Rule::identifier => class.name = self.ident(p),
                Rule::type_params => class.type_params = self.type_params(p),
                Rule::k_extends | Rule::k_implements => after = p.as_rule(),
                Rule::type_list => {
                    let types = p.into_inner().map(|t| self.type_ref(t)).collect();
                    if after == Rule::k_extends {
                        class.extends = types;
                    } else {
                        class.implements = types;
                    }
                }
                Rule::class_body | Rule::enum_body => {
                    let name = class.name.name.clone();
                    let (constants, members) = self.class_body(p, &name);
                    class.constants = constants;
                    class.members = members;
                }
                _ => {}
            }
        }
        class
    }

    fn class_body(&self, pair: P<'_>, class_name: &str) -> (Vec<EnumConstant>, Vec<ClassMember>) {
        let mut constants = Vec::new();
        let mut members = Vec::new();
        for p in pair.into_inner() {
            let sp = span(&p);
            match p.as_rule() {
                Rule::enum_constants => {
                    for c in p.into_inner() {
                        let mut constant = EnumConstant {
                            name: missing_ident(span(&c)),
                            args: None,
                            members: Vec::new(),
                        };
                        for q in c.into_inner() {
                            match q.as_rule() {
                                Rule::identifier => constant.name = self.ident(q),
                                Rule::call_args => constant.args = Some(self.call_args(q)),
                                Rule::class_body => {
                                    constant.members = self.class_body(q, class_name).1
                                }
                                _ => {}
                            }
                        }
                        constants.push(constant);
                    }
                }
                Rule::class_declaration => {
                    members.push(ClassMember::Class(Rc::new(self.class_declaration(p))));
                }
                Rule::static_initializer | Rule::instance_initializer => {
                    let is_static = p.as_rule() == Rule::static_initializer;
                    let block = children(p)
                        .next()
                        .map(|b| self.block(b))
                        .unwrap_or_default();
                    members.push(ClassMember::Initializer { is_static, block });
                }
                Rule::constructor => {
                    let method = self.method(
                        first(p),
                        Modifiers::default(),
                        Vec::new(),
                        None,
                        Some(class_name),
                        sp,
                    );
                    if !method.constructor {
                        self.error(
                            method.name.span,
                            format!(
                                "Invalid method declaration: {}; a method needs a return type or 'def'",
                                method.name.name
                            ),
                        );
                    }
                    members.push(ClassMember::Method(Rc::new(method)));
                }
                _ => match self.declaration(p, Some(class_name)) {
                    StmtKind::Method(m) => members.push(ClassMember::Method(m)),
                    StmtKind::Var(v) => members.push(ClassMember::Field(v, sp)),
                    _ => {}
                },
            }
        }
        (constants, members)
    }

    // -----------------------------------------------------------------------------------------
    // Expressions

    fn expression(&self, pair: P<'_>) -> Expr {
        match pair.as_rule() {
            Rule::expression => {
                let sp = span(&pair);
                match lone_operand_or_parts(pair) {
                    Ok(operand) => self.path_expression(operand),
                    Err(parts) => self.operators_and_tail(parts, sp),
                }
            }
            Rule::command_or_expression => self.command_or_expression(pair),
            _ => self.primary(pair),
        }
    }

    /// Operands and operators, then an optional ternary/elvis/assignment tail.
    fn operators_and_tail(&self, mut parts: Vec<P<'_>>, sp: Span) -> Expr {
        let tail = match parts.last().map(Pair::as_rule) {
            Some(Rule::ternary | Rule::elvis | Rule::assignment) => parts.pop(),
            _ => None,
        };
        let head = self.operators(parts);
        match tail {
            None => head,
            Some(t) => self.apply_tail(head, t, sp),
        }
    }

    fn apply_tail(&self, head: Expr, tail: P<'_>, sp: Span) -> Expr {
        let kind = match tail.as_rule() {
            Rule::ternary => {
                let mut it = tail.into_inner();
                let then = self.expression(next(&mut it));
                let otherwise = self.expression(next(&mut it));
                ExprKind::Ternary {
                    cond: Box::new(head),
                    then: Box::new(then),
                    otherwise: Box::new(otherwise),
                }
            }
            Rule::elvis => ExprKind::Elvis {
                value: Box::new(head),
                fallback: Box::new(self.expression(first(tail))),
            },
            _ => {
                let mut it = tail.into_inner();
                let op = assign_op(next(&mut it).as_str());
                let value = self.command_or_expression(next(&mut it));
                self.check_assignment_target(&head);
                ExprKind::Assign {
                    op,
                    target: Box::new(head),
                    value: Box::new(value),
                }
            }
        };
        Expr { kind, span: sp }
    }

    fn check_assignment_target(&self, target: &Expr) {
        match &target.kind {
            ExprKind::Ident(_) | ExprKind::Property { .. } | ExprKind::Index { .. } => {}
            _ => self.error(
                target.span,
                "Invalid left-hand side of an assignment: only a variable, a property or an element can be assigned",
            ),
        }
    }

    fn command_or_expression(&self, pair: P<'_>) -> Expr {
        if pair.as_rule() != Rule::command_or_expression {
            return self.expression(pair);
        }
        let sp = span(&pair);
        let parts = match lone_operand_or_parts(pair) {
            Ok(operand) => return self.path_expression(operand),
            Err(parts) => parts,
        };
        let command_at = parts.iter().position(|p| p.as_rule() == Rule::command_args);
        let Some(at) = command_at else {
            return self.operators_and_tail(parts, sp);
        };
        let mut parts = parts.into_iter();
        let head: Vec<P<'_>> = parts.by_ref().take(at).collect();
        if head.len() != 1 {
            let hs = span(&head[0]);
            self.error(
                hs,
                "A command expression (a call without parentheses) must start with a name, not an operator",
            );
        }
        let head_expr = self.operators(head);
        let args = self.command_args(next(&mut parts));
        let mut expr = self.call(head_expr, args, None);
        for chain in parts {
            expr = self.command_chain(expr, chain);
        }
        expr.span = sp;
        expr
    }

    fn command_args(&self, pair: P<'_>) -> Args {
        let sp = span(&pair);
        let items = pair.into_inner().map(|a| self.argument(a)).collect();
        let args = Args { items, span: sp };
        self.check_named_args(&args);
        args
    }

    /// `a b c d`: after `a(b)`, the chain part `c d` calls `c(d)` on it (or reads `c`).
    fn command_chain(&self, receiver: Expr, pair: P<'_>) -> Expr {
        let mut it = pair.into_inner().peekable();
        let name_pair = next(&mut it);
        let name = self.member_name(name_pair);
        let start = receiver.span;
        let mut expr = Expr {
            span: start,
            kind: ExprKind::Property {
                object: Box::new(receiver),
                name,
                access: Access::Normal,
                field: false,
            },
        };
        let mut last_call = false;
        for p in it {
            if p.as_rule() == Rule::command_args {
                let args = self.command_args(p);
                let end = args.span;
                expr = self.call(expr, args, None);
                expr.span = start.to(end);
            } else {
                let (e, called) = self.path_element(expr, p, last_call);
                expr = e;
                last_call = called;
            }
        }
        expr
    }

    /// Runs the Pratt parser over operands and operators.
    fn operators(&self, mut parts: Vec<P<'_>>) -> Expr {
        // A lone operand (most expressions): what the Pratt parser would return, without
        // setting it up.
        if parts.len() == 1
            && let Some(operand) = parts.pop()
        {
            return self.path_expression(operand);
        }
        self.pratt
            .map_primary(|p| self.path_expression(p))
            .map_prefix(|op, operand| self.prefix(op, operand))
            .map_postfix(|operand, op| self.postfix(operand, op))
            .map_infix(|left, op, right| self.infix(left, op, right))
            .parse(parts.into_iter())
    }

    fn prefix(&self, op: P<'_>, operand: Expr) -> Expr {
        let sp = span(&op).to(operand.span);
        let unary = match op.as_rule() {
            Rule::not => Some(UnaryOp::Not),
            Rule::bit_not => Some(UnaryOp::BitNot),
            Rule::neg => Some(UnaryOp::Neg),
            Rule::pos => Some(UnaryOp::Pos),
            Rule::pre_inc => Some(UnaryOp::PreInc),
            Rule::pre_dec => Some(UnaryOp::PreDec),
            _ => None,
        };
        let kind = match unary {
            Some(op) => ExprKind::Unary {
                op,
                operand: Box::new(operand),
            },
            None => ExprKind::Cast {
                ty: self.cast_type(op),
                expr: Box::new(operand),
            },
        };
        Expr { kind, span: sp }
    }

    /// The type of `(Type) x`: a class type, or a primitive with array dimensions.
    fn cast_type(&self, op: P<'_>) -> TypeRef {
        let sp = span(&op);
        let mut ty = TypeRef::named("", sp);
        for p in op.into_inner() {
            match p.as_rule() {
                Rule::decl_type => return self.type_ref(p),
                Rule::primitive_type => {
                    ty.name = self.text(&p).into();
                    ty.span = span(&p);
                }
                _ => ty.dims = ty.dims.saturating_add(1),
            }
        }
        ty
    }

    fn postfix(&self, operand: Expr, op: P<'_>) -> Expr {
        let sp = operand.span.to(span(&op));
        let kind = match op.as_rule() {
            Rule::post_inc => ExprKind::Unary {
                op: UnaryOp::PostInc,
                operand: Box::new(operand),
            },
            Rule::post_dec => ExprKind::Unary {
                op: UnaryOp::PostDec,
                operand: Box::new(operand),
            },
            Rule::as_type => ExprKind::As {
                expr: Box::new(operand),
                ty: self.type_ref(first_child(op)),
            },
            _ => ExprKind::InstanceOf {
                expr: Box::new(operand),
                ty: self.type_ref(first_child(op)),
            },
        };
        Expr { kind, span: sp }
    }

    fn infix(&self, left: Expr, op: P<'_>, right: Expr) -> Expr {
        let sp = left.span.to(right.span);
        let op_span = span(&op);
        let op = match op.as_rule() {
            Rule::op_power => BinaryOp::Power,
            Rule::op_mul => BinaryOp::Mul,
            Rule::op_div => BinaryOp::Div,
            Rule::op_mod => BinaryOp::Mod,
            Rule::op_add => BinaryOp::Add,
            Rule::op_sub => BinaryOp::Sub,
            Rule::op_shl => BinaryOp::Shl,
            Rule::op_shr => BinaryOp::Shr,
            Rule::op_ushr => BinaryOp::UShr,
            Rule::op_range => BinaryOp::Range,
            Rule::op_range_exclusive => BinaryOp::RangeExclusive,
            Rule::op_lt => BinaryOp::Lt,
            Rule::op_le => BinaryOp::Le,
            Rule::op_gt => BinaryOp::Gt,
            Rule::op_ge => BinaryOp::Ge,
            Rule::op_in => BinaryOp::In,
            Rule::op_eq => BinaryOp::Eq,
            Rule::op_ne => BinaryOp::Ne,
            Rule::op_compare => BinaryOp::Compare,
            Rule::op_find => BinaryOp::Find,
            Rule::op_match => BinaryOp::Match,
            Rule::op_bit_and => BinaryOp::BitAnd,
            Rule::op_bit_xor => BinaryOp::BitXor,
            Rule::op_bit_or => BinaryOp::BitOr,
            Rule::op_and => BinaryOp::And,
            Rule::op_or => BinaryOp::Or,
            _ => {
                self.error(
                    op_span,
                    format!(
                        "Operator '{}' is not supported in Groovy 2.4 (it came with Groovy 3); use a.is(b) for identity",
                        op.as_str()
                    ),
                );
                BinaryOp::Eq
            }
        };
        if op.is_relational()
            && let ExprKind::Binary { op: inner, .. } = &left.kind
            && inner.is_relational()
        {
            self.error(
                        op_span,
                        format!(
                            "Relational operators do not chain: '{}' cannot follow '{}' without parentheses",
                            op.symbol(),
                            inner.symbol()
                        ),
                    );
        }
        Expr {
            kind: ExprKind::Binary {
                op,
                left: Box::new(left),
                right: Box::new(right),
            },
            span: sp,
        }
    }

    fn path_expression(&self, pair: P<'_>) -> Expr {
        if !matches!(
            pair.as_rule(),
            Rule::path_expression | Rule::head_path_expression
        ) {
            return self.primary(pair);
        }
        let mut it = pair.into_inner();
        let mut expr = self.primary(next(&mut it));
        let mut last_call = false;
        for element in it {
            let (e, called) = self.path_element(expr, element, last_call);
            expr = e;
            last_call = called;
        }
        expr
    }

    /// Applies one path element; returns the new expression and whether it ended in a call
    /// (so that a following closure joins that call's arguments).
    fn path_element(&self, expr: Expr, element: P<'_>, last_call: bool) -> (Expr, bool) {
        let sp = expr.span.to(span(&element));
        match element.as_rule() {
            Rule::member_access => {
                let mut op = "";
                let mut name = None;
                for p in element.into_inner() {
                    match p.as_rule() {
                        Rule::member_op => op = p.as_str(),
                        Rule::member_name => name = Some(self.member_name(p)),
                        _ => {}
                    }
                }
                let name = name.unwrap_or_else(|| Member::Name(missing_ident(sp)));
                let kind = match op {
                    ".&" => ExprKind::MethodPointer {
                        object: Box::new(expr),
                        name,
                    },
                    _ => ExprKind::Property {
                        object: Box::new(expr),
                        name,
                        access: match op {
                            "?." | "?.@" => Access::Safe,
                            "*." | "*.@" => Access::Spread,
                            _ => Access::Normal,
                        },
                        field: op.ends_with('@'),
                    },
                };
                (Expr { kind, span: sp }, false)
            }
            Rule::call_args => {
                let args = self.call_args(element);
                let mut call = self.call(expr, args, None);
                call.span = sp;
                (call, true)
            }
            Rule::index => {
                let index = element
                    .into_inner()
                    .map(|a| match self.argument(a) {
                        Arg::Positional(e) => e,
                        Arg::Spread(e) => Expr {
                            span: e.span,
                            kind: ExprKind::Spread(Box::new(e)),
                        },
                        Arg::Named(_, e) | Arg::SpreadMap(e) => {
                            self.error(e.span, "Named arguments are not allowed in an index");
                            e
                        }
                    })
                    .collect();
                let kind = ExprKind::Index {
                    object: Box::new(expr),
                    index,
                };
                (Expr { kind, span: sp }, false)
            }
            _ => {
                let closure = self.closure(element);
                let mut expr = expr;
                if last_call
                    && let ExprKind::Call { args, .. } | ExprKind::CallValue { args, .. } =
                        &mut expr.kind
                {
                    // `f(a) { }` and `f { } { }`: the closure joins the call's arguments.
                    args.span = args.span.to(closure.span);
                    args.items.push(Arg::Positional(closure));
                    expr.span = sp;
                    return (expr, true);
                }
                let args = Args {
                    span: closure.span,
                    items: vec![Arg::Positional(closure)],
                };
                let mut call = self.call(expr, args, None);
                call.span = sp;
                (call, true)
            }
        }
    }

    /// Turns `callee` applied to `args` into a method call or a call of a value.
    fn call(&self, callee: Expr, args: Args, span_override: Option<Span>) -> Expr {
        let sp = span_override.unwrap_or(callee.span.to(args.span));
        let kind = match callee.kind {
            // `"build the image"('x')` calls the method of that name, as `this."..."('x')`.
            ExprKind::Ident(name) | ExprKind::Str(name) => ExprKind::Call {
                object: None,
                method: Member::Name(Ident {
                    name,
                    span: callee.span,
                }),
                args,
                access: Access::Normal,
            },
            ExprKind::This | ExprKind::Super => ExprKind::Call {
                object: None,
                method: Member::Name(Ident {
                    name: if callee.kind == ExprKind::This {
                        "this"
                    } else {
                        "super"
                    }
                    .into(),
                    span: callee.span,
                }),
                args,
                access: Access::Normal,
            },
            ExprKind::Property {
                object,
                name,
                access,
                field: false,
            } => ExprKind::Call {
                object: Some(object),
                method: name,
                args,
                access,
            },
            ExprKind::GString(parts) => ExprKind::Call {
                object: None,
                method: Member::Dynamic(Box::new(Expr {
                    kind: ExprKind::GString(parts),
                    span: callee.span,
                })),
                args,
                access: Access::Normal,
            },
            kind => ExprKind::CallValue {
                callee: Box::new(Expr {
                    kind,
                    span: callee.span,
                }),
                args,
            },
        };
        Expr { kind, span: sp }
    }

    fn call_args(&self, pair: P<'_>) -> Args {
        let sp = span(&pair);
        let items = pair.into_inner().map(|a| self.argument(a)).collect();
        let args = Args { items, span: sp };
        self.check_named_args(&args);
        args
    }

    /// Groovy rejects the same constant name twice among a call's named arguments.
    fn check_named_args(&self, args: &Args) {
        let mut seen: Vec<&str> = Vec::new();
        for item in &args.items {
            if let Arg::Named(MapKey::Str(key), _) = item {
                if seen.contains(&&*key.name) {
                    self.error(
                        key.span,
                        format!("Duplicate named parameter '{}' found", key.name),
                    );
                } else {
                    seen.push(&key.name);
                }
            }
        }
    }

    fn argument(&self, pair: P<'_>) -> Arg {
        let mut it = pair.into_inner();
        let first_pair = next(&mut it);
        match first_pair.as_rule() {
            Rule::spread => Arg::Spread(self.expression(first(first_pair))),
            Rule::spread_map => Arg::SpreadMap(self.expression(first(first_pair))),
            Rule::keyword_label => {
                let key = MapKey::Str(self.ident(first_pair));
                Arg::Named(key, self.expression(next(&mut it)))
            }
            _ => {
                let value = self.expression(first_pair);
                match it.next() {
                    None => Arg::Positional(value),
                    Some(v) => Arg::Named(self.map_key(value), self.expression(v)),
                }
            }
        }
    }

    /// The key before `:` in a map or named argument.
    fn map_key(&self, key: Expr) -> MapKey {
        match key.kind {
            ExprKind::Ident(name) | ExprKind::Str(name) => MapKey::Str(Ident {
                name,
                span: key.span,
            }),
            // A keyword before `:` is its name (`[null: 1, true: 2]`); those that are values were
            // read as one, as the grammar tries a value first (`argument`).
            ExprKind::Bool(_) | ExprKind::Null | ExprKind::This | ExprKind::Super => {
                MapKey::Str(Ident {
                    name: self.source.get(key.span.range()).unwrap_or_default().into(),
                    span: key.span,
                })
            }
            ExprKind::Number(_) | ExprKind::GString(_) | ExprKind::Paren(_) => MapKey::Expr(key),
            _ => {
                self.error(
                    key.span,
                    "A map key must be a name, a string, a number or an expression in parentheses",
                );
                MapKey::Expr(key)
            }
        }
    }

    fn member_name(&self, pair: P<'_>) -> Member {
        let sp = span(&pair);
        let p = first(pair);
        match p.as_rule() {
            Rule::name_or_keyword => Member::Name(self.ident(p)),
            Rule::single_string
            | Rule::triple_single_string
            | Rule::double_plain
            | Rule::triple_double_plain => Member::Name(Ident {
                name: self.plain_string_value(p).into(),
                span: sp,
            }),
            _ => match self.primary(p) {
                Expr {
                    kind: ExprKind::Str(name),
                    span,
                } => Member::Name(Ident { name, span }),
                e => Member::Dynamic(Box::new(e)),
            },
        }
    }

    fn primary(&self, pair: P<'_>) -> Expr {
        let sp = span(&pair);
        let kind = match pair.as_rule() {
            Rule::path_expression | Rule::head_path_expression => {
                return self.path_expression(pair);
            }
            Rule::expression | Rule::command_or_expression => return self.expression(pair),
            Rule::identifier => ExprKind::Ident(self.text(&pair).into()),
            Rule::k_true => ExprKind::Bool(true),
            Rule::k_false => ExprKind::Bool(false),
            Rule::k_null => ExprKind::Null,
            Rule::k_this => ExprKind::This,
            Rule::k_super => ExprKind::Super,
            Rule::number => ExprKind::Number(pair.as_str().replace('_', "").into()),
            Rule::paren_expression => ExprKind::Paren(Box::new(self.expression(first(pair)))),
            Rule::collection => return self.collection(pair),
            Rule::empty_map => ExprKind::Map(Vec::new()),
            Rule::closure => return self.closure(pair),
            Rule::new_expression => return self.new_expression(pair),
            Rule::single_string
            | Rule::triple_single_string
            | Rule::double_plain
            | Rule::triple_double_plain => ExprKind::Str(self.plain_string_value(pair).into()),
            Rule::double_string
            | Rule::triple_double_string
            | Rule::slashy_string
            | Rule::dollar_slashy_string => return self.gstring(pair),
            rule => unreachable!("{rule:?} is not a primary"),
        };
        Expr { kind, span: sp }
    }

    fn collection(&self, pair: P<'_>) -> Expr {
        let sp = span(&pair);
        let mut list = Vec::new();
        let mut map = Vec::new();
        let mut mixed = None;
        for p in pair.into_inner() {
            if p.as_rule() == Rule::empty_map {
                return Expr {
                    kind: ExprKind::Map(Vec::new()),
                    span: sp,
                };
            }
            let arg_span = span(&p);
            match self.argument(p) {
                Arg::Positional(e) => list.push(e),
                Arg::Spread(e) => list.push(Expr {
                    span: arg_span,
                    kind: ExprKind::Spread(Box::new(e)),
                }),
                Arg::Named(k, v) => map.push(MapItem::Entry(k, v)),
                Arg::SpreadMap(e) => map.push(MapItem::Spread(e)),
            }
            if !list.is_empty() && !map.is_empty() && mixed.is_none() {
                mixed = Some(arg_span);
            }
        }
        if let Some(at) = mixed {
            self.error(
                at,
                "A list and a map cannot be mixed: every element needs a 'key:' or none does",
            );
        }
        let kind = if map.is_empty() {
            ExprKind::List(list)
        } else {
            ExprKind::Map(map)
        };
        Expr { kind, span: sp }
    }

    fn closure(&self, pair: P<'_>) -> Expr {
        let sp = span(&pair);
        let mut params = None;
        let inner = pair.into_inner();
        let mut body = Vec::with_capacity(inner.len());
        for p in inner {
            match p.as_rule() {
                Rule::closure_params => {
                    params = Some(p.into_inner().map(|q| self.parameter(q)).collect());
                }
                _ => body.push(self.statement(p)),
            }
        }
        Expr {
            kind: ExprKind::Closure(Rc::new(Closure {
                params,
                body,
                span: sp,
            })),
            span: sp,
        }
    }

    fn new_expression(&self, pair: P<'_>) -> Expr {
        let sp = span(&pair);
        let mut ty = TypeRef::named("", sp);
        let mut args = Args::default();
        let mut dims = Vec::new();
        let mut body = None;
        let mut is_array = false;
        for p in children(pair) {
            match p.as_rule() {
                Rule::type_name => {
                    ty.name = self.text(&p).into();
                    ty.span = span(&p);
                }
                Rule::type_args => ty.args = self.type_args(p),
                Rule::array_sizes => {
                    is_array = true;
                    for q in p.into_inner() {
                        match q.as_rule() {
                            Rule::array_dim => ty.dims = ty.dims.saturating_add(1),
                            _ => dims.push(self.expression(q)),
                        }
                    }
                }
                Rule::call_args => args = self.call_args(p),
                Rule::class_body => {
                    let name = ty.name.clone();
                    let (_, members) = self.class_body(p, &name);
                    body = Some(Rc::new(ClassDecl {
                        modifiers: Modifiers::default(),
                        kind: ClassKind::Class,
                        name: Ident {
                            name: name.clone(),
                            span: ty.span,
                        },
                        type_params: Vec::new(),
                        extends: vec![ty.clone()],
                        implements: Vec::new(),
                        constants: Vec::new(),
                        members,
                        span: sp,
                    }));
                }
                _ => {}
            }
        }
        let kind = if is_array {
            ExprKind::NewArray { ty, dims }
        } else {
            ExprKind::New { ty, args, body }
        };
        Expr { kind, span: sp }
    }

    // -----------------------------------------------------------------------------------------
    // Strings

    /// The value of a string literal that has no interpolation.
    fn plain_string_value(&self, pair: P<'_>) -> String {
        let mut out = String::new();
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::escape => literal::push_escape(&mut out, self.text(&p)),
                Rule::single_text | Rule::triple_single_text => {
                    literal::push_escaped_text(&mut out, self.text(&p));
                }
                _ => out.push_str(self.text(&p)),
            }
        }
        out
    }

    /// A string that may interpolate: a plain `Str` when it has no `$`, else a `GString`.
    fn gstring(&self, pair: P<'_>) -> Expr {
        let sp = span(&pair);
        let mut parts: Vec<GStringPart> = Vec::new();
        let mut text = String::new();
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::escape => literal::push_escape(&mut text, self.text(&p)),
                Rule::slashy_escape => text.push('/'),
                Rule::dollar_slashy_escape => text.push_str(&self.text(&p)[1..]),
                Rule::interpolation_path => {
                    flush(&mut parts, &mut text);
                    parts.push(GStringPart::Value(interpolation_path(self.text(&p), &p)));
                }
                Rule::interpolation_block => {
                    flush(&mut parts, &mut text);
                    parts.push(self.interpolation_block(p));
                }
                // Java's unicode escapes apply even where backslashes are literal.
                Rule::slashy_text | Rule::dollar_slashy_text => {
                    literal::push_slashy_text(&mut text, self.text(&p));
                }
                _ => text.push_str(&literal::normalize_line_breaks(self.text(&p))),
            }
        }
        if parts.is_empty() {
            return Expr {
                kind: ExprKind::Str(text.into()),
                span: sp,
            };
        }
        flush(&mut parts, &mut text);
        Expr {
            kind: ExprKind::GString(parts),
            span: sp,
        }
    }

    fn interpolation_block(&self, pair: P<'_>) -> GStringPart {
        let sp = span(&pair);
        let mut statements = Vec::new();
        for p in pair.into_inner() {
            if p.as_rule() == Rule::expression {
                let value = self.expression(p);
                self.check_statement_expression(&value);
                return GStringPart::Value(value);
            }
            if p.as_rule() == Rule::interpolation_closure {
                let mut params = Vec::new();
                let mut body = Vec::new();
                for q in p.into_inner() {
                    if q.as_rule() == Rule::closure_params {
                        params = q.into_inner().map(|r| self.parameter(r)).collect();
                    } else {
                        body.push(self.statement(q));
                    }
                }
                return GStringPart::Value(Expr {
                    kind: ExprKind::Closure(Rc::new(Closure {
                        params: Some(params),
                        body,
                        span: sp,
                    })),
                    span: sp,
                });
            }
            statements.push(self.statement(p));
        }
        if statements.len() == 1
            && let StmtKind::Expr(_) = statements[0].kind
            && let Some(Stmt {
                kind: StmtKind::Expr(e),
                ..
            }) = statements.pop()
        {
            return GStringPart::Value(e);
        }
        GStringPart::Statements(statements)
    }
}

/// The only child of an expression pair (a lone operand, as most expressions are), or its
/// operands and operators, so that the lone operand needs no list.
fn lone_operand_or_parts(pair: P<'_>) -> Result<P<'_>, Vec<P<'_>>> {
    let mut inner = pair.into_inner();
    match (inner.len(), inner.next()) {
        (1, Some(operand)) => Ok(operand),
        (_, first) => Err(first.into_iter().chain(inner).collect()),
    }
}

/// `$a.b.c` (its text from the source) as an identifier with property accesses.
fn interpolation_path(text: &str, pair: &P<'_>) -> Expr {
    dotted_path(&text[1..], pair.as_span().start() + 1)
}

/// `a.b.c` written at byte `start`, as an identifier (or `this`) with property accesses.
fn dotted_path(text: &str, start: usize) -> Expr {
    let mut offset = start;
    let mut expr: Option<Expr> = None;
    for part in text.split('.') {
        let sp = Span::new(offset, offset + part.len());
        offset += part.len() + 1;
        let name: Name = part.into();
        expr = Some(match expr {
            None => Expr {
                kind: if part == "this" {
                    ExprKind::This
                } else {
                    ExprKind::Ident(name)
                },
                span: sp,
            },
            Some(object) => Expr {
                span: object.span.to(sp),
                kind: ExprKind::Property {
                    object: Box::new(object),
                    name: Member::Name(Ident { name, span: sp }),
                    access: Access::Normal,
                    field: false,
                },
            },
        });
    }
    expr.unwrap_or_else(|| null(Span::new(start, start)))
}

fn flush(parts: &mut Vec<GStringPart>, text: &mut String) {
    if !text.is_empty() {
        parts.push(GStringPart::Text(std::mem::take(text).into()));
    }
}

fn assign_op(text: &str) -> Option<BinaryOp> {
    Some(match text {
        "+=" => BinaryOp::Add,
        "-=" => BinaryOp::Sub,
        "*=" => BinaryOp::Mul,
        "/=" => BinaryOp::Div,
        "%=" => BinaryOp::Mod,
        "**=" => BinaryOp::Power,
        "<<=" => BinaryOp::Shl,
        ">>=" => BinaryOp::Shr,
        ">>>=" => BinaryOp::UShr,
        "&=" => BinaryOp::BitAnd,
        "^=" => BinaryOp::BitXor,
        "|=" => BinaryOp::BitOr,
        _ => return None,
    })
}

fn null(span: Span) -> Expr {
    Expr {
        kind: ExprKind::Null,
        span,
    }
}

fn missing_ident(span: Span) -> Ident {
    Ident {
        name: "".into(),
        span,
    }
}

/// The next child; the grammar guarantees it exists.
fn next<'i>(it: &mut impl Iterator<Item = P<'i>>) -> P<'i> {
    match it.next() {
        Some(p) => p,
        None => unreachable!("the grammar guarantees this child"),
    }
}

fn first(pair: P<'_>) -> P<'_> {
    next(&mut pair.into_inner())
}

fn first_child(pair: P<'_>) -> P<'_> {
    next(&mut children(pair))
}

impl StmtKind {
    fn into_stmt(self, span: Span) -> Stmt {
        Stmt { kind: self, span }
    }
}
