//! Methods of numbers: `abs`, `times`, `upto`, `intdiv`, `setScale`, conversions...

use std::rc::Rc;

use crate::error::Eval;
use crate::interp::Interpreter;
use crate::number::{Number, RoundingMode};
use crate::value::Value;

/// Methods of numbers: `abs`, `times`, `upto`, `intdiv`, conversions...
pub(crate) fn number_method(
    it: &mut Interpreter,
    target: &Value,
    name: &str,
    args: &[Value],
) -> Eval<Option<Value>> {
    let Value::Num(n) = target else {
        return Ok(None);
    };
    if let Number::BigDecimal(d) = n
        && let Some(v) = super::decimal::method(it, d, name, args)?
    {
        return Ok(Some(v));
    }
    let err = |it: &Interpreter, e: crate::number::NumberError| it.exception(e.class, &e.message);
    Ok(Some(match (name, args) {
        ("abs", []) => Value::Num(n.abs()),
        ("negate", []) => Value::Num(n.negate().map_err(|e| err(it, e))?),
        ("intValue" | "toInteger", []) => Value::Num(n.to_integer()),
        ("longValue" | "toLong", []) => Value::Num(n.to_long()),
        ("doubleValue" | "toDouble", []) => Value::Num(n.to_double()),
        ("floatValue" | "toFloat", []) => Value::Num(n.to_float()),
        ("toBigDecimal", []) => Value::Num(Number::BigDecimal(Rc::new(
            n.to_big_decimal().map_err(|e| err(it, e))?,
        ))),
        ("setScale", [scale, rest @ ..])
            if matches!(n, Number::BigDecimal(_)) && rest.len() <= 1 =>
        {
            let Number::BigDecimal(d) = n else {
                return Ok(None);
            };
            let mode = match rest.first() {
                None => Some(RoundingMode::Unnecessary),
                // `BigDecimal.ROUND_HALF_UP` (an int) or `RoundingMode.HALF_UP` (an enum).
                Some(mode @ Value::Object(_)) => RoundingMode::from_name(&mode.to_display()),
                Some(m) => m
                    .as_i64()
                    .and_then(|m| i32::try_from(m).ok())
                    .and_then(RoundingMode::from_java_int),
            };
            let Some(mode) = mode else { return Ok(None) };
            let scale = scale.as_i64().unwrap_or(0);
            let scaled =
                crate::number::decimal::set_scale(d, scale, mode).map_err(|e| err(it, e))?;
            Value::Num(Number::BigDecimal(Rc::new(scaled)))
        }
        ("stripTrailingZeros", []) if matches!(n, Number::BigDecimal(_)) => {
            let Number::BigDecimal(d) = n else {
                return Ok(None);
            };
            Value::Num(Number::BigDecimal(Rc::new(
                crate::number::decimal::strip_trailing_zeros(d),
            )))
        }
        ("toBigInteger", []) => Value::Num(Number::BigInteger(Rc::new(
            n.to_big_integer().map_err(|e| err(it, e))?,
        ))),
        ("round", []) => match n.round() {
            Some(r) => Value::Num(r),
            None => return Ok(None),
        },
        ("round", [places]) => {
            match n.round_places(i32::try_from(places.as_i64().unwrap_or(0)).unwrap_or(0)) {
                Some(r) => Value::Num(r),
                None => return Ok(None),
            }
        }
        ("intdiv", [Value::Num(d)]) => Value::Num(n.intdiv(d).map_err(|e| err(it, e))?),
        ("plus" | "minus" | "multiply" | "div" | "mod" | "power", [Value::Num(d)]) => {
            let op = match name {
                "plus" => jenkins_harness_grammar::ast::BinaryOp::Add,
                "minus" => jenkins_harness_grammar::ast::BinaryOp::Sub,
                "multiply" => jenkins_harness_grammar::ast::BinaryOp::Mul,
                "div" => jenkins_harness_grammar::ast::BinaryOp::Div,
                "mod" => jenkins_harness_grammar::ast::BinaryOp::Mod,
                _ => jenkins_harness_grammar::ast::BinaryOp::Power,
            };
            crate::ops::binary(it, op, target, &Value::Num(d.clone()))?
        }
        ("times", [Value::Closure(c)]) => {
            let count = n.to_i64();
            for i in 0..count {
                it.call_closure(c, vec![crate::collections::int_value(i)])?;
            }
            Value::Null
        }
        ("upto" | "downto", [to, Value::Closure(c)]) => {
            let (a, b) = (n.to_i64(), to.as_i64().unwrap_or(0));
            if name == "upto" {
                for i in a..=b {
                    it.call_closure(c, vec![crate::collections::int_value(i)])?;
                }
            } else {
                for i in (b..=a).rev() {
                    it.call_closure(c, vec![crate::collections::int_value(i)])?;
                }
            }
            Value::Null
        }
        ("step", [to, by, Value::Closure(c)]) => {
            let mut x = target.clone();
            let up =
                crate::ops::compare(it, by, &Interpreter::int(0))? == std::cmp::Ordering::Greater;
            loop {
                let ord = crate::ops::compare(it, &x, to)?;
                if (up && ord != std::cmp::Ordering::Less)
                    || (!up && ord != std::cmp::Ordering::Greater)
                {
                    break;
                }
                it.call_closure(c, vec![x.clone()])?;
                x = crate::ops::binary(it, jenkins_harness_grammar::ast::BinaryOp::Add, &x, by)?;
            }
            Value::Null
        }
        ("compareTo", [other]) => Interpreter::int(match crate::ops::compare(it, target, other)? {
            std::cmp::Ordering::Less => -1,
            std::cmp::Ordering::Equal => 0,
            std::cmp::Ordering::Greater => 1,
        }),
        ("toString", []) => Value::Str(n.to_string().into()),
        ("next", []) => crate::ops::step(it, target, true)?,
        ("previous", []) => crate::ops::step(it, target, false)?,
        _ => return Ok(None),
    }))
}
