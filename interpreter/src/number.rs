//! Groovy 2.4's numeric tower: `Integer`, `Long`, `BigInteger`, `BigDecimal`, `Float`, `Double`
//! with the promotion rules of `org.codehaus.groovy.runtime.typehandling.NumberMath`, the DGM
//! number methods (`power`, `intdiv`, `mod`, `abs`, `round`, `next`, …) and Java's `toString`.
//!
//! Standalone: nothing here depends on other interpreter modules. Errors come back as
//! [`NumberError`] naming the Java exception class, for the caller to raise.
//!
//! Behaviour follows `groovy-2.4.21.jar` (read with `javap`) and was checked against real
//! Groovy 2.4.21 on Java 17; `fixtures/groovy/numbers/` holds the differential cases.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::fmt;
use std::rc::Rc;

use bigdecimal::BigDecimal;
use num_bigint::BigInt;
use num_traits::{One, Signed, ToPrimitive, Zero};

pub mod decimal;
pub mod format;
pub mod parse;

pub use decimal::RoundingMode;
pub use format::{double_to_string, float_to_string};
pub use parse::{
    parse_big_decimal, parse_big_integer, parse_double, parse_float, parse_int, parse_literal,
    parse_long, parse_negative_literal,
};

/// `java.lang.ArithmeticException` (division by zero, `Rounding necessary`, …).
pub const ARITHMETIC_EXCEPTION: &str = "java.lang.ArithmeticException";
/// `java.lang.UnsupportedOperationException` (`7.5 % 2`, `1.5.intdiv(1)`, `1G << 1`, …).
pub const UNSUPPORTED_OPERATION_EXCEPTION: &str = "java.lang.UnsupportedOperationException";
/// `java.lang.NumberFormatException` (parsing).
pub const NUMBER_FORMAT_EXCEPTION: &str = "java.lang.NumberFormatException";

/// A Java exception raised by a numeric operation: the class name and `getMessage()`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NumberError {
    /// Fully qualified Java exception class, one of the `*_EXCEPTION` constants.
    pub class: &'static str,
    /// The exception message, exactly as Java builds it.
    pub message: String,
}

impl NumberError {
    /// An `ArithmeticException`.
    pub fn arithmetic(message: impl Into<String>) -> NumberError {
        NumberError {
            class: ARITHMETIC_EXCEPTION,
            message: message.into(),
        }
    }

    /// An `UnsupportedOperationException`.
    pub fn unsupported(message: impl Into<String>) -> NumberError {
        NumberError {
            class: UNSUPPORTED_OPERATION_EXCEPTION,
            message: message.into(),
        }
    }

    /// A `NumberFormatException`.
    pub fn number_format(message: impl Into<String>) -> NumberError {
        NumberError {
            class: NUMBER_FORMAT_EXCEPTION,
            message: message.into(),
        }
    }
}

impl fmt::Display for NumberError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.class, self.message)
    }
}

impl std::error::Error for NumberError {}

/// Result of a numeric operation that may throw.
pub type NumResult = Result<Number, NumberError>;

/// A boxed Java number as Groovy sees it (`Byte`/`Short` are not modelled; a `Character` in
/// arithmetic should be passed as `Integer`). Big values are reference-counted so cloning is
/// cheap.
///
/// There is deliberately no `PartialEq`: use [`Number::num_eq`] for Groovy `==` and
/// [`Number::java_equals`] for Java `equals`.
#[derive(Clone, Debug)]
pub enum Number {
    /// `java.lang.Integer`.
    Integer(i32),
    /// `java.lang.Long`.
    Long(i64),
    /// `java.math.BigInteger`.
    BigInteger(Rc<BigInt>),
    /// `java.math.BigDecimal` (unscaled value and scale, printed Java-style).
    BigDecimal(Rc<BigDecimal>),
    /// `java.lang.Float`.
    Float(f32),
    /// `java.lang.Double`.
    Double(f64),
}

impl From<i32> for Number {
    fn from(v: i32) -> Number {
        Number::Integer(v)
    }
}

impl From<i64> for Number {
    fn from(v: i64) -> Number {
        Number::Long(v)
    }
}

impl From<f32> for Number {
    fn from(v: f32) -> Number {
        Number::Float(v)
    }
}

impl From<f64> for Number {
    fn from(v: f64) -> Number {
        Number::Double(v)
    }
}

impl From<BigInt> for Number {
    fn from(v: BigInt) -> Number {
        Number::BigInteger(Rc::new(v))
    }
}

impl From<BigDecimal> for Number {
    fn from(v: BigDecimal) -> Number {
        Number::BigDecimal(Rc::new(v))
    }
}

impl fmt::Display for Number {
    /// Java's `toString()` of the boxed value (`2.50`, `1E+3`, `1.0E10`, `NaN`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Number::Integer(v) => write!(f, "{v}"),
            Number::Long(v) => write!(f, "{v}"),
            Number::BigInteger(v) => write!(f, "{v}"),
            Number::BigDecimal(d) => {
                let (u, s) = decimal::parts(d);
                f.write_str(&format::decimal_to_string(&u, s))
            }
            Number::Float(v) => f.write_str(&float_to_string(*v)),
            Number::Double(v) => f.write_str(&double_to_string(*v)),
        }
    }
}

/// The arithmetic used for a pair of operands (`NumberMath.getMath`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Math {
    Integer,
    Long,
    BigInteger,
    BigDecimal,
    Floating,
}

/// A binary operator on numbers, with the Groovy method it calls.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinaryOp {
    /// `+` (`plus`).
    Add,
    /// `-` (`minus`).
    Sub,
    /// `*` (`multiply`).
    Mul,
    /// `/` (`div`).
    Div,
    /// `intdiv()`.
    IntDiv,
    /// `%` (`mod`; Java remainder on integers in Groovy 2.4).
    Mod,
    /// `**` (`power`).
    Power,
    /// `&` (`and`).
    And,
    /// `|` (`or`).
    Or,
    /// `^` (`xor`).
    Xor,
    /// `<<` (`leftShift`).
    Shl,
    /// `>>` (`rightShift`).
    Shr,
    /// `>>>` (`rightShiftUnsigned`).
    UShr,
}

impl BinaryOp {
    /// The Groovy method name behind the operator (`"plus"`, `"leftShift"`, …).
    pub fn method_name(self) -> &'static str {
        match self {
            BinaryOp::Add => "plus",
            BinaryOp::Sub => "minus",
            BinaryOp::Mul => "multiply",
            BinaryOp::Div => "div",
            BinaryOp::IntDiv => "intdiv",
            BinaryOp::Mod => "mod",
            BinaryOp::Power => "power",
            BinaryOp::And => "and",
            BinaryOp::Or => "or",
            BinaryOp::Xor => "xor",
            BinaryOp::Shl => "leftShift",
            BinaryOp::Shr => "rightShift",
            BinaryOp::UShr => "rightShiftUnsigned",
        }
    }
}

/// The low 64 bits of `v` in two's complement (Java's `BigInteger.longValue()`).
pub(crate) fn low_i64(v: &BigInt) -> i64 {
    let low = v.magnitude().iter_u64_digits().next().unwrap_or(0) as i64;
    if v.is_negative() {
        low.wrapping_neg()
    } else {
        low
    }
}

/// Java's `Double.compare`: `-0.0 < 0.0`, NaN equals NaN and is above everything.
pub fn java_double_compare(a: f64, b: f64) -> Ordering {
    if a < b {
        return Ordering::Less;
    }
    if a > b {
        return Ordering::Greater;
    }
    let bits = |x: f64| {
        if x.is_nan() {
            0x7ff8_0000_0000_0000_i64
        } else {
            x.to_bits() as i64
        }
    };
    bits(a).cmp(&bits(b))
}

/// Java's `Math.round(double)`: `floor(x + 0.5)` computed exactly, saturating, NaN → 0.
pub fn java_math_round(x: f64) -> i64 {
    if x.is_nan() {
        return 0;
    }
    let f = x.floor();
    (if x - f >= 0.5 { f + 1.0 } else { f }) as i64
}

/// Java's `Math.round(float)` → `int`.
pub fn java_math_round_f32(x: f32) -> i32 {
    if x.is_nan() {
        return 0;
    }
    (f64::from(x) + 0.5).floor() as i32
}

/// Java's `Math.pow`: C `pow` plus Java's special cases (`pow(1, NaN)` and `pow(±1, ±∞)` are
/// NaN in Java).
pub fn java_pow(x: f64, y: f64) -> f64 {
    if y.is_nan() || (x.abs() == 1.0 && y.is_infinite()) {
        return f64::NAN;
    }
    x.powf(y)
}

impl Number {
    /// The narrowest of Integer, Long, BigInteger holding `v` (how integer literals and
    /// `Integer ** Integer` results are typed).
    pub fn narrowest(v: BigInt) -> Number {
        parse::narrowest(v)
    }

    /// The Java class name: `"java.lang.Integer"`, `"java.math.BigDecimal"`, …
    pub fn type_name(&self) -> &'static str {
        match self {
            Number::Integer(_) => "java.lang.Integer",
            Number::Long(_) => "java.lang.Long",
            Number::BigInteger(_) => "java.math.BigInteger",
            Number::BigDecimal(_) => "java.math.BigDecimal",
            Number::Float(_) => "java.lang.Float",
            Number::Double(_) => "java.lang.Double",
        }
    }

    /// The simple class name (`"Integer"`, `"BigDecimal"`, …).
    pub fn simple_name(&self) -> &'static str {
        let name = self.type_name();
        name.rsplit('.').next().unwrap_or(name)
    }

    /// Float or Double.
    pub fn is_floating(&self) -> bool {
        matches!(self, Number::Float(_) | Number::Double(_))
    }

    /// Integer, Long or BigInteger.
    pub fn is_integral(&self) -> bool {
        matches!(
            self,
            Number::Integer(_) | Number::Long(_) | Number::BigInteger(_)
        )
    }

    fn math(&self) -> Math {
        match self {
            Number::Integer(_) => Math::Integer,
            Number::Long(_) => Math::Long,
            Number::BigInteger(_) => Math::BigInteger,
            Number::BigDecimal(_) => Math::BigDecimal,
            Number::Float(_) | Number::Double(_) => Math::Floating,
        }
    }

    /// `NumberMath.getMath(left, right)`: Floating > BigDecimal > BigInteger > Long > Integer.
    fn math_with(&self, other: &Number) -> Math {
        let (a, b) = (self.math(), other.math());
        for m in [
            Math::Floating,
            Math::BigDecimal,
            Math::BigInteger,
            Math::Long,
        ] {
            if a == m || b == m {
                return m;
            }
        }
        Math::Integer
    }

    /// Java's `intValue()`: wraps Long/BigInteger to the low 32 bits, truncates BigDecimal,
    /// saturates Float/Double (NaN → 0).
    pub fn to_i32(&self) -> i32 {
        match self {
            Number::Integer(v) => *v,
            Number::Float(v) => *v as i32,
            Number::Double(v) => *v as i32,
            _ => self.to_i64() as i32,
        }
    }

    /// `intValue()` boxed: an Integer (also `as int`, `(int) x`, DGM `toInteger()`).
    pub fn to_integer(&self) -> Number {
        Number::Integer(self.to_i32())
    }

    /// `longValue()` boxed: a Long (also `as long`, DGM `toLong()`).
    pub fn to_long(&self) -> Number {
        Number::Long(self.to_i64())
    }

    /// `doubleValue()` boxed: a Double (also `as double`). DGM `toDouble()` differs for Float:
    /// see [`Number::to_double_gdk`].
    pub fn to_double(&self) -> Number {
        Number::Double(self.to_f64())
    }

    /// `floatValue()` boxed: a Float (also `as float`, DGM `toFloat()`).
    pub fn to_float(&self) -> Number {
        Number::Float(self.to_f32())
    }

    /// Java's `longValue()`.
    pub fn to_i64(&self) -> i64 {
        match self {
            Number::Integer(v) => i64::from(*v),
            Number::Long(v) => *v,
            Number::BigInteger(v) => low_i64(v),
            // ×10^n with n >= 64 has no bits left in the low 64
            Number::BigDecimal(d) if decimal::parts(d).1 <= -64 => 0,
            Number::BigDecimal(d) => low_i64(&decimal::to_bigint(d)),
            Number::Float(v) => *v as i64,
            Number::Double(v) => *v as i64,
        }
    }

    /// Java's `doubleValue()` (correctly rounded for the big types; Float widens exactly, so
    /// `0.1f` gives `0.10000000149011612`).
    pub fn to_f64(&self) -> f64 {
        match self {
            Number::Integer(v) => f64::from(*v),
            Number::Long(v) => *v as f64,
            Number::BigInteger(v) => v.to_string().parse().unwrap_or(f64::NAN),
            Number::BigDecimal(d) => decimal::to_f64(d),
            Number::Float(v) => f64::from(*v),
            Number::Double(v) => *v,
        }
    }

    /// Java's `floatValue()`.
    pub fn to_f32(&self) -> f32 {
        match self {
            Number::Integer(v) => *v as f32,
            Number::Long(v) => *v as f32,
            Number::BigInteger(v) => v.to_string().parse().unwrap_or(f32::NAN),
            Number::BigDecimal(d) => decimal::to_f32(d),
            Number::Float(v) => *v,
            Number::Double(v) => *v as f32,
        }
    }

    /// DGM `toDouble()`: like `doubleValue()` except Float and the big types go through their
    /// string (`1.1f.toDouble()` is `1.1`, while `1.1f as double` is `1.100000023841858`).
    pub fn to_double_gdk(&self) -> f64 {
        match self {
            Number::Float(v) => float_to_string(*v).parse().unwrap_or(f64::NAN),
            _ => self.to_f64(),
        }
    }

    /// DGM `toBigInteger()`: BigDecimal truncates, Float/Double convert exactly then truncate
    /// (NaN/Infinity: `NumberFormatException("Infinite or NaN")`).
    pub fn to_big_integer(&self) -> Result<BigInt, NumberError> {
        Ok(match self {
            Number::Integer(v) => BigInt::from(*v),
            Number::Long(v) => BigInt::from(*v),
            Number::BigInteger(v) => (**v).clone(),
            Number::BigDecimal(d) => decimal::to_bigint(d),
            Number::Float(_) | Number::Double(_) => {
                let exact = decimal::from_f64_exact(self.to_f64())
                    .ok_or_else(|| NumberError::number_format("Infinite or NaN"))?;
                decimal::to_bigint(&exact)
            }
        })
    }

    /// DGM `toBigDecimal()` (also `NumberMath.toBigDecimal`): integers exactly, Float/Double
    /// via their `toString` (`0.1d.toBigDecimal()` is `0.1`, `1e20d` gives `1.0E+20`).
    pub fn to_big_decimal(&self) -> Result<BigDecimal, NumberError> {
        Ok(match self {
            Number::Integer(_) | Number::Long(_) | Number::BigInteger(_) => {
                decimal::make(self.big().into_owned(), 0)
            }
            Number::BigDecimal(d) => (**d).clone(),
            Number::Float(_) | Number::Double(_) => parse_big_decimal(&self.to_string())?,
        })
    }

    /// The value as a BigInt, for operands of BigInteger arithmetic (integral types).
    fn big(&self) -> Cow<'_, BigInt> {
        match self {
            Number::Integer(v) => Cow::Owned(BigInt::from(*v)),
            Number::Long(v) => Cow::Owned(BigInt::from(*v)),
            Number::BigInteger(v) => Cow::Borrowed(&**v),
            _ => Cow::Owned(self.to_big_integer().unwrap_or_default()),
        }
    }

    /// The value as a BigDecimal, for operands of BigDecimal arithmetic (never floating).
    fn dec(&self) -> Result<Cow<'_, BigDecimal>, NumberError> {
        match self {
            Number::BigDecimal(d) => Ok(Cow::Borrowed(&**d)),
            _ => Ok(Cow::Owned(self.to_big_decimal()?)),
        }
    }

    /// Groovy truth (`DGM.asBoolean(Number)`): `doubleValue() != 0` (so NaN is true).
    pub fn as_boolean(&self) -> bool {
        self.to_f64() != 0.0
    }

    /// `doubleValue() == 0` — the negation of [`Number::as_boolean`].
    pub fn is_zero(&self) -> bool {
        !self.as_boolean()
    }

    /// Applies a binary operator (see the individual methods).
    pub fn binary(&self, op: BinaryOp, other: &Number) -> NumResult {
        match op {
            BinaryOp::Add => self.add(other),
            BinaryOp::Sub => self.sub(other),
            BinaryOp::Mul => self.mul(other),
            BinaryOp::Div => self.div(other),
            BinaryOp::IntDiv => self.intdiv(other),
            BinaryOp::Mod => self.rem(other),
            BinaryOp::Power => self.power(other),
            BinaryOp::And => self.and(other),
            BinaryOp::Or => self.or(other),
            BinaryOp::Xor => self.xor(other),
            BinaryOp::Shl => self.shl(other),
            BinaryOp::Shr => self.shr(other),
            BinaryOp::UShr => self.ushr(other),
        }
    }

    /// `+`: Integer/Long wrap on overflow (`Integer.MAX_VALUE + 1` is `-2147483648`).
    pub fn add(&self, other: &Number) -> NumResult {
        Ok(match self.math_with(other) {
            Math::Integer => Number::Integer(self.to_i32().wrapping_add(other.to_i32())),
            Math::Long => Number::Long(self.to_i64().wrapping_add(other.to_i64())),
            Math::BigInteger => Number::from(&*self.big() + &*other.big()),
            Math::BigDecimal => Number::from(decimal::add(&*self.dec()?, &*other.dec()?)?),
            Math::Floating => Number::Double(self.to_f64() + other.to_f64()),
        })
    }

    /// `-` (binary).
    pub fn sub(&self, other: &Number) -> NumResult {
        Ok(match self.math_with(other) {
            Math::Integer => Number::Integer(self.to_i32().wrapping_sub(other.to_i32())),
            Math::Long => Number::Long(self.to_i64().wrapping_sub(other.to_i64())),
            Math::BigInteger => Number::from(&*self.big() - &*other.big()),
            Math::BigDecimal => Number::from(decimal::sub(&*self.dec()?, &*other.dec()?)?),
            Math::Floating => Number::Double(self.to_f64() - other.to_f64()),
        })
    }

    /// `*`.
    pub fn mul(&self, other: &Number) -> NumResult {
        Ok(match self.math_with(other) {
            Math::Integer => Number::Integer(self.to_i32().wrapping_mul(other.to_i32())),
            Math::Long => Number::Long(self.to_i64().wrapping_mul(other.to_i64())),
            Math::BigInteger => Number::from(&*self.big() * &*other.big()),
            Math::BigDecimal => Number::from(decimal::mul(&*self.dec()?, &*other.dec()?)),
            Math::Floating => Number::Double(self.to_f64() * other.to_f64()),
        })
    }

    /// `/`: Double division if either side is Float/Double (`x / 0` is Infinity/NaN); otherwise
    /// a BigDecimal ([`decimal::groovy_divide`]: `1/3` → `0.3333333333`, `1/0` throws
    /// `ArithmeticException("Division by zero")`).
    pub fn div(&self, other: &Number) -> NumResult {
        match self.math_with(other) {
            Math::Floating => Ok(Number::Double(self.to_f64() / other.to_f64())),
            _ => Ok(Number::from(decimal::groovy_divide(
                &*self.dec()?,
                &*other.dec()?,
            )?)),
        }
    }

    /// `intdiv()`: truncating; `/ by zero` on Integer/Long, `BigInteger divide by zero`;
    /// unsupported on BigDecimal/Float/Double.
    pub fn intdiv(&self, other: &Number) -> NumResult {
        match self.math_with(other) {
            Math::Integer | Math::Long if other.to_i64() == 0 => {
                Err(NumberError::arithmetic("/ by zero"))
            }
            Math::Integer => Ok(Number::Integer(self.to_i32().wrapping_div(other.to_i32()))),
            Math::Long => Ok(Number::Long(self.to_i64().wrapping_div(other.to_i64()))),
            Math::BigInteger => {
                let d = other.big();
                if d.is_zero() {
                    return Err(NumberError::arithmetic("BigInteger divide by zero"));
                }
                Ok(Number::from(&*self.big() / &*d))
            }
            Math::BigDecimal | Math::Floating => Err(self.unsupported("intdiv()")),
        }
    }

    /// `%` / `mod()` in Groovy 2.4: Java remainder on Integer/Long (`-7 % 3` is `-1`),
    /// `BigInteger.mod` (non-negative; modulus must be positive), `fmod` on doubles, and
    /// `UnsupportedOperationException` when a BigDecimal is involved.
    pub fn rem(&self, other: &Number) -> NumResult {
        match self.math_with(other) {
            Math::Integer | Math::Long if other.to_i64() == 0 => {
                Err(NumberError::arithmetic("/ by zero"))
            }
            Math::Integer => Ok(Number::Integer(self.to_i32().wrapping_rem(other.to_i32()))),
            Math::Long => Ok(Number::Long(self.to_i64().wrapping_rem(other.to_i64()))),
            Math::BigInteger => {
                let m = other.big();
                if !m.is_positive() {
                    return Err(NumberError::arithmetic("BigInteger: modulus not positive"));
                }
                let r = &*self.big() % &*m;
                Ok(Number::from(if r.is_negative() { r + &*m } else { r }))
            }
            Math::Floating => Ok(Number::Double(self.to_f64() % other.to_f64())),
            Math::BigDecimal => Err(self.unsupported("mod()")),
        }
    }

    /// `**` (DGM `power`): Integer/Long/BigInteger/BigDecimal to a non-negative Integer stay
    /// exact (Integer → Integer or BigInteger on overflow, Long → Long or BigInteger);
    /// `BigInteger ** BigInteger` (or `** Long`) is a BigInteger; everything else is `Math.pow` narrowed to
    /// Integer or Long when the result is integral (`4 ** 0.5` is Integer `2`, `2 ** -1` is
    /// Double `0.5`, `2.0d ** 3` is Integer `8`).
    pub fn power(&self, exponent: &Number) -> NumResult {
        match (self, exponent) {
            (Number::Integer(a), Number::Integer(n)) if *n >= 0 => {
                let r = big_pow(&BigInt::from(*a), *n as u32)?;
                Ok(r.to_i32().map_or_else(|| Number::from(r), Number::Integer))
            }
            (Number::Long(a), Number::Integer(n)) if *n >= 0 => {
                let r = big_pow(&BigInt::from(*a), *n as u32)?;
                Ok(r.to_i64().map_or_else(|| Number::from(r), Number::Long))
            }
            (Number::BigInteger(a), Number::Integer(n)) if *n >= 0 => {
                Ok(Number::from(big_pow(a, *n as u32)?))
            }
            (Number::BigDecimal(a), Number::Integer(n)) if *n >= 0 => {
                Ok(Number::from(decimal::pow(a, *n as u32)?))
            }
            // Groovy also picks `power(BigInteger, BigInteger)` for a Long exponent.
            (Number::BigInteger(a), Number::BigInteger(_) | Number::Long(_)) => {
                match exponent.big().to_u32() {
                    Some(n) if n <= i32::MAX as u32 => Ok(Number::from(big_pow(a, n)?)),
                    _ => {
                        let d = java_pow(self.to_f64(), exponent.to_f64());
                        let via = parse_big_decimal(&double_to_string(d))?;
                        Ok(Number::from(decimal::to_bigint(&via)))
                    }
                }
            }
            _ => Ok(narrow_double(java_pow(self.to_f64(), exponent.to_f64()))),
        }
    }

    /// `&`.
    pub fn and(&self, other: &Number) -> NumResult {
        self.bitwise(other, "and()", |a, b| a & b, |a, b| a & b)
    }

    /// `|`.
    pub fn or(&self, other: &Number) -> NumResult {
        self.bitwise(other, "or()", |a, b| a | b, |a, b| a | b)
    }

    /// `^`.
    pub fn xor(&self, other: &Number) -> NumResult {
        self.bitwise(other, "xor()", |a, b| a ^ b, |a, b| a ^ b)
    }

    fn bitwise(
        &self,
        other: &Number,
        op: &str,
        small: impl Fn(i64, i64) -> i64,
        big: impl Fn(&BigInt, &BigInt) -> BigInt,
    ) -> NumResult {
        match self.math_with(other) {
            Math::Integer => Ok(Number::Integer(small(self.to_i64(), other.to_i64()) as i32)),
            Math::Long => Ok(Number::Long(small(self.to_i64(), other.to_i64()))),
            Math::BigInteger => Ok(Number::from(big(&self.big(), &other.big()))),
            Math::BigDecimal | Math::Floating => Err(self.unsupported(op)),
        }
    }

    /// `<<`: the left operand's type decides (Integer shifts use the low 5 bits of the
    /// distance, Long the low 6); BigInteger/BigDecimal/Float/Double left operands are
    /// unsupported, and a non-integral distance is rejected first.
    ///
    /// This is the dynamic path (`NumberMath.leftShift`). Groovy compiles shifts whose operand
    /// types are statically primitive (literals, `int`/`long` locals) with both operands
    /// promoted, so `1 << 40L` there is the Long `1099511627776` while `def a = 1; a << 40L`
    /// is the Integer `256`.
    pub fn shl(&self, distance: &Number) -> NumResult {
        self.shift(
            distance,
            "leftShift()",
            |a, n| a.wrapping_shl(n),
            |a, n| a.wrapping_shl(n),
        )
    }

    /// `>>` (arithmetic).
    pub fn shr(&self, distance: &Number) -> NumResult {
        self.shift(
            distance,
            "rightShift()",
            |a, n| a.wrapping_shr(n),
            |a, n| a.wrapping_shr(n),
        )
    }

    /// `>>>` (logical).
    pub fn ushr(&self, distance: &Number) -> NumResult {
        self.shift(
            distance,
            "rightShiftUnsigned()",
            |a, n| (a as u32).wrapping_shr(n) as i32,
            |a, n| (a as u64).wrapping_shr(n) as i64,
        )
    }

    fn shift(
        &self,
        distance: &Number,
        op: &str,
        int: impl Fn(i32, u32) -> i32,
        long: impl Fn(i64, u32) -> i64,
    ) -> NumResult {
        if matches!(distance.math(), Math::Floating | Math::BigDecimal) {
            return Err(NumberError::unsupported(format!(
                "Shift distance must be an integral type, but {distance} ({}) was supplied",
                distance.type_name()
            )));
        }
        match self {
            Number::Integer(a) => Ok(Number::Integer(int(*a, distance.to_i32() as u32))),
            Number::Long(a) => Ok(Number::Long(long(*a, distance.to_i64() as u32))),
            _ => Err(self.unsupported(op)),
        }
    }

    /// Unary `-` (`InvokerHelper.unaryMinus`): keeps the type; Integer/Long wrap
    /// (`-Integer.MIN_VALUE` is `Integer.MIN_VALUE`).
    pub fn neg(&self) -> Number {
        match self {
            Number::Integer(v) => Number::Integer(v.wrapping_neg()),
            Number::Long(v) => Number::Long(v.wrapping_neg()),
            Number::BigInteger(v) => Number::from(-&**v),
            Number::BigDecimal(d) => Number::from(decimal::negate(d)),
            Number::Float(v) => Number::Float(-v),
            Number::Double(v) => Number::Double(-v),
        }
    }

    /// [`Number::neg`] in `Result` form, for uniform operator dispatch (never fails).
    pub fn negate(&self) -> NumResult {
        Ok(self.neg())
    }

    /// Unary `+`: the value itself.
    pub fn unary_plus(&self) -> Number {
        self.clone()
    }

    /// `~` on Integer/Long/BigInteger; unsupported on the others.
    pub fn bitwise_not(&self) -> NumResult {
        match self {
            Number::Integer(v) => Ok(Number::Integer(!v)),
            Number::Long(v) => Ok(Number::Long(!v)),
            Number::BigInteger(v) => Ok(Number::from(-(&**v) - 1)),
            _ => Err(self.unsupported("bitwiseNegate()")),
        }
    }

    /// `++` (DGM `next()` = `this + 1`, so `Float.next()` is a Double and
    /// `Integer.MAX_VALUE.next()` wraps).
    pub fn next(&self) -> NumResult {
        self.add(&Number::Integer(1))
    }

    /// `--` (DGM `previous()` = `this - 1`).
    pub fn previous(&self) -> NumResult {
        self.sub(&Number::Integer(1))
    }

    /// Numeric comparison after promotion (`NumberMath.compareTo`): exact for the integer and
    /// decimal types, `Double.compare` as soon as a Float/Double is involved (so
    /// `-0.0 < 0.0` and NaN equals NaN).
    pub fn compare(&self, other: &Number) -> Ordering {
        match self.math_with(other) {
            Math::Integer => self.to_i32().cmp(&other.to_i32()),
            Math::Long => self.to_i64().cmp(&other.to_i64()),
            Math::BigInteger => self.big().cmp(&other.big()),
            Math::BigDecimal => match (self.dec(), other.dec()) {
                (Ok(a), Ok(b)) => decimal::compare(&a, &b),
                _ => java_double_compare(self.to_f64(), other.to_f64()),
            },
            Math::Floating => java_double_compare(self.to_f64(), other.to_f64()),
        }
    }

    /// Groovy `==` between numbers: `compare == Equal` (`1 == 1L == 1.0 == 1.0d == 1G`,
    /// `1.0 == 1.00`; but `0.1f == 0.1d` is false).
    pub fn num_eq(&self, other: &Number) -> bool {
        self.compare(other) == Ordering::Equal
    }

    /// Java `equals`: same class and same value, BigDecimal scale included (`1.0.equals(1.00)`
    /// is false, `1.equals(1L)` is false); doubles compare bit patterns (NaN equals NaN,
    /// `0.0` differs from `-0.0`).
    pub fn java_equals(&self, other: &Number) -> bool {
        match (self, other) {
            (Number::Integer(a), Number::Integer(b)) => a == b,
            (Number::Long(a), Number::Long(b)) => a == b,
            (Number::BigInteger(a), Number::BigInteger(b)) => a == b,
            (Number::BigDecimal(a), Number::BigDecimal(b)) => {
                decimal::parts(a) == decimal::parts(b)
            }
            (Number::Float(a), Number::Float(b)) => float_bits(*a) == float_bits(*b),
            (Number::Double(a), Number::Double(b)) => double_bits(*a) == double_bits(*b),
            _ => false,
        }
    }

    /// Java `hashCode()` (for reproducing `HashSet`/`HashMap` iteration order).
    pub fn java_hash_code(&self) -> i32 {
        match self {
            Number::Integer(v) => *v,
            Number::Long(v) => (v ^ ((*v as u64) >> 32) as i64) as i32,
            Number::BigInteger(v) => bigint_hash(v),
            Number::BigDecimal(d) => {
                let (u, s) = decimal::parts(d);
                bigint_hash(&u).wrapping_mul(31).wrapping_add(s as i32)
            }
            Number::Float(v) => float_bits(*v) as i32,
            Number::Double(v) => {
                let bits = double_bits(*v);
                (bits ^ (bits >> 32)) as i32
            }
        }
    }

    /// DGM `abs()` (and `BigInteger/BigDecimal.abs()`): keeps the type;
    /// `Integer.MIN_VALUE.abs()` stays negative like `Math.abs`.
    pub fn abs(&self) -> Number {
        match self {
            Number::Integer(v) => Number::Integer(v.wrapping_abs()),
            Number::Long(v) => Number::Long(v.wrapping_abs()),
            Number::BigInteger(v) => Number::from(v.abs()),
            Number::BigDecimal(d) => Number::from(d.abs()),
            Number::Float(v) => Number::Float(v.abs()),
            Number::Double(v) => Number::Double(v.abs()),
        }
    }

    /// DGM `round()`: `Double` → Long and `Float` → Integer via `Math.round` (half up:
    /// `2.5d` → 3, `-2.5d` → -2). `None` for other types (Groovy has no such method there:
    /// `MissingMethodException`).
    pub fn round(&self) -> Option<Number> {
        match self {
            Number::Double(v) => Some(Number::Long(java_math_round(*v))),
            Number::Float(v) => Some(Number::Integer(java_math_round_f32(*v))),
            _ => None,
        }
    }

    /// DGM `round(int precision)` on Double/Float:
    /// `Math.floor(x * 10^n + 0.5) / 10^n` (Float result narrowed back to float), so
    /// `2.345d.round(2)` is `2.35` but `1.005d.round(2)` is `1.0`. `None` for other types
    /// (`BigDecimal.round(int)` is a `MissingMethodException` in Groovy 2.4).
    pub fn round_places(&self, places: i32) -> Option<Number> {
        let scale = java_pow(10.0, f64::from(places));
        let r = |x: f64| (x * scale + 0.5).floor() / scale;
        match self {
            Number::Double(v) => Some(Number::Double(r(*v))),
            Number::Float(v) => Some(Number::Float(r(f64::from(*v)) as f32)),
            _ => None,
        }
    }

    fn unsupported(&self, op: &str) -> NumberError {
        NumberError::unsupported(format!(
            "Cannot use {op} on this number type: {} with value: {self}",
            self.type_name()
        ))
    }
}

/// `a^n` with a size guard (Java would grind through it; a pipeline never means it).
fn big_pow(a: &BigInt, n: u32) -> Result<BigInt, NumberError> {
    if a.magnitude().bits() <= 1 || n <= 1 {
        // 0, 1 and -1 stay small for any exponent.
        return Ok(if n == 0 {
            BigInt::one()
        } else if n.is_multiple_of(2) && a.is_negative() {
            -a.clone()
        } else {
            a.clone()
        });
    }
    if (a.magnitude().bits() - 1).saturating_mul(u64::from(n)) > 40_000_000 {
        return Err(NumberError::arithmetic(
            "BigInteger would overflow supported range",
        ));
    }
    Ok(a.pow(n))
}

/// DGM `power(Number, Number)`'s result: Integer if `(int) x == x`, else Long if
/// `(long) x == x`, else Double.
fn narrow_double(x: f64) -> Number {
    if f64::from(x as i32) == x {
        Number::Integer(x as i32)
    } else if (x as i64) as f64 == x {
        Number::Long(x as i64)
    } else {
        Number::Double(x)
    }
}

/// `Double.doubleToLongBits` (NaN canonicalised).
fn double_bits(x: f64) -> i64 {
    if x.is_nan() {
        0x7ff8_0000_0000_0000
    } else {
        x.to_bits() as i64
    }
}

/// `Float.floatToIntBits` (NaN canonicalised).
fn float_bits(x: f32) -> u32 {
    if x.is_nan() { 0x7fc0_0000 } else { x.to_bits() }
}

/// `BigInteger.hashCode()`: over the big-endian 32-bit words of the magnitude, times signum.
fn bigint_hash(v: &BigInt) -> i32 {
    let h = v
        .magnitude()
        .to_u32_digits()
        .iter()
        .rev()
        .fold(0i32, |h, &w| h.wrapping_mul(31).wrapping_add(w as i32));
    if v.is_negative() { h.wrapping_neg() } else { h }
}

#[cfg(test)]
mod tests;
