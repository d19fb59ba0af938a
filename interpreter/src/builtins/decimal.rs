//! `java.math.BigDecimal` methods beyond arithmetic (`scale`, `precision`, `toPlainString`,
//! `round(MathContext)`), and `java.math.MathContext` objects.

use std::cell::RefCell;
use std::rc::Rc;

use crate::error::Eval;
use crate::interp::Interpreter;
use crate::number::Number;
use crate::number::decimal::{self, RoundingMode};
use crate::value::{Class, Object, Value};

/// `new MathContext(precision)` / `new MathContext(precision, RoundingMode.X)`.
pub(crate) fn math_context(class: &Rc<Class>, args: &[Value]) -> Option<Value> {
    let (precision, mode) = match args {
        [p] => (p.as_i64()?, Value::Str(RoundingMode::HalfUp.name().into())),
        [p, mode] => (p.as_i64()?, Value::Str(mode.to_display().into())),
        _ => return None,
    };
    let object = Object {
        class: class.clone(),
        fields: RefCell::default(),
    };
    {
        let mut fields = object.fields.borrow_mut();
        fields.insert("precision".into(), crate::collections::int_value(precision));
        fields.insert("roundingMode".into(), mode);
    }
    Some(Value::Object(Rc::new(object)))
}

/// The precision and rounding mode of a `MathContext` object.
fn context_of(v: &Value) -> Option<(u64, RoundingMode)> {
    let Value::Object(o) = v else { return None };
    if !o.class.is_a("java.math.MathContext") {
        return None;
    }
    let fields = o.fields.borrow();
    let precision = u64::try_from(fields.get("precision")?.as_i64()?).ok()?;
    let mode = RoundingMode::from_name(&fields.get("roundingMode")?.to_display())?;
    Some((precision, mode))
}

/// A method of a BigDecimal `d`; `Ok(None)` when it has no such method.
pub(crate) fn method(
    it: &mut Interpreter,
    d: &Rc<bigdecimal::BigDecimal>,
    name: &str,
    args: &[Value],
) -> Eval<Option<Value>> {
    let decimal = |d: bigdecimal::BigDecimal| Value::Num(Number::BigDecimal(Rc::new(d)));
    let (unscaled, scale) = decimal::parts(d);
    Ok(Some(match (name, args) {
        ("negate", []) => decimal(decimal::negate(d)),
        ("scale", []) => crate::collections::int_value(scale),
        ("precision", []) => {
            crate::collections::int_value(i64::try_from(decimal::precision(d)).unwrap_or(0))
        }
        ("unscaledValue", []) => Value::Num(Number::BigInteger(Rc::new(unscaled.clone()))),
        ("toPlainString", []) => {
            Value::Str(crate::number::format::decimal_to_plain_string(&unscaled, scale).into())
        }
        ("round", [context]) => {
            let Some((precision, mode)) = context_of(context) else {
                return Ok(None);
            };
            match decimal::round_to_precision(d, precision, mode) {
                Ok(r) => decimal(r),
                Err(e) => return Err(it.exception(e.class, &e.message)),
            }
        }
        _ => return Ok(None),
    }))
}
