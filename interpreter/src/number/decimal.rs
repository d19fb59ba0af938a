//! `java.math.BigDecimal` arithmetic with Java's scale rules, on top of the `bigdecimal` crate's
//! storage (`unscaled × 10^-scale`). Only the representation of the crate is used: every
//! operation here follows the JDK (`add` keeps the larger scale, `multiply` adds scales,
//! `divide` uses the preferred scale, `setScale`/`round` use Java's rounding modes) and
//! Groovy's `BigDecimalMath.divideImpl`.

use std::cmp::Ordering;

use bigdecimal::BigDecimal;
use num_bigint::{BigInt, Sign};
use num_integer::Integer as _;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::NumberError;

/// Largest power of ten (and so the largest scale change) computed before giving up with an
/// `ArithmeticException`, so a script cannot make the harness allocate gigabytes.
const MAX_POW10: u64 = 10_000_000;

/// Java's `java.math.RoundingMode` (and the `BigDecimal.ROUND_*` int constants).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoundingMode {
    /// `ROUND_UP` (0): away from zero.
    Up,
    /// `ROUND_DOWN` (1): towards zero.
    Down,
    /// `ROUND_CEILING` (2): towards positive infinity.
    Ceiling,
    /// `ROUND_FLOOR` (3): towards negative infinity.
    Floor,
    /// `ROUND_HALF_UP` (4): nearest, ties away from zero.
    HalfUp,
    /// `ROUND_HALF_DOWN` (5): nearest, ties towards zero.
    HalfDown,
    /// `ROUND_HALF_EVEN` (6): nearest, ties to the even neighbour.
    HalfEven,
    /// `ROUND_UNNECESSARY` (7): throws `ArithmeticException("Rounding necessary")` if inexact.
    Unnecessary,
}

impl RoundingMode {
    /// The mode for a `BigDecimal.ROUND_*` int constant; `None` for other values (Java throws
    /// `IllegalArgumentException("Invalid rounding mode")`).
    pub fn from_java_int(mode: i32) -> Option<RoundingMode> {
        Some(match mode {
            0 => RoundingMode::Up,
            1 => RoundingMode::Down,
            2 => RoundingMode::Ceiling,
            3 => RoundingMode::Floor,
            4 => RoundingMode::HalfUp,
            5 => RoundingMode::HalfDown,
            6 => RoundingMode::HalfEven,
            7 => RoundingMode::Unnecessary,
            _ => return None,
        })
    }

    /// The mode named like the `java.math.RoundingMode` constant (`"HALF_UP"`).
    pub fn from_name(name: &str) -> Option<RoundingMode> {
        (0..8)
            .filter_map(RoundingMode::from_java_int)
            .find(|m| m.name() == name)
    }

    /// The `java.math.RoundingMode` constant name (`"HALF_UP"`).
    pub fn name(self) -> &'static str {
        match self {
            RoundingMode::Up => "UP",
            RoundingMode::Down => "DOWN",
            RoundingMode::Ceiling => "CEILING",
            RoundingMode::Floor => "FLOOR",
            RoundingMode::HalfUp => "HALF_UP",
            RoundingMode::HalfDown => "HALF_DOWN",
            RoundingMode::HalfEven => "HALF_EVEN",
            RoundingMode::Unnecessary => "UNNECESSARY",
        }
    }
}

/// `10^n` as a `BigInt`, refusing absurd sizes with an `ArithmeticException`.
pub(crate) fn pow10(n: u64) -> Result<BigInt, NumberError> {
    if n > MAX_POW10 {
        return Err(NumberError::arithmetic(
            "BigInteger would overflow supported range",
        ));
    }
    Ok(BigInt::from(10u32).pow(n as u32))
}

/// Builds a `BigDecimal` from its unscaled value and scale.
pub fn make(unscaled: BigInt, scale: i64) -> BigDecimal {
    BigDecimal::new(unscaled, scale)
}

/// The unscaled value and scale of `d` (`2.50` → `(250, 2)`).
pub fn parts(d: &BigDecimal) -> (BigInt, i64) {
    d.as_bigint_and_exponent()
}

/// Java's `precision()`: the number of decimal digits of the unscaled value (`1` for zero).
pub fn precision_of(unscaled: &BigInt) -> u64 {
    if let Some(v) = unscaled.abs().to_u128() {
        return if v == 0 { 1 } else { u64::from(v.ilog10()) + 1 };
    }
    unscaled.magnitude().to_string().len() as u64
}

/// Java's `precision()` of `d`.
pub fn precision(d: &BigDecimal) -> u64 {
    precision_of(&parts(d).0)
}

/// `unscaled` rescaled from `from` to the larger scale `to` (exact).
fn upscale(unscaled: &BigInt, from: i64, to: i64) -> Result<BigInt, NumberError> {
    Ok(unscaled * pow10((to - from) as u64)?)
}

/// `n / d` (with `d > 0`) rounded to an integer with `mode`.
pub(crate) fn div_round(n: &BigInt, d: &BigInt, mode: RoundingMode) -> Result<BigInt, NumberError> {
    let (q, r) = n.div_rem(d);
    if r.is_zero() {
        return Ok(q);
    }
    let positive = n.sign() != Sign::Minus;
    let half = (r.abs() * 2u32).cmp(d);
    let away = match mode {
        RoundingMode::Up => true,
        RoundingMode::Down => false,
        RoundingMode::Ceiling => positive,
        RoundingMode::Floor => !positive,
        RoundingMode::HalfUp => half != Ordering::Less,
        RoundingMode::HalfDown => half == Ordering::Greater,
        RoundingMode::HalfEven => {
            half == Ordering::Greater || (half == Ordering::Equal && q.is_odd())
        }
        RoundingMode::Unnecessary => return Err(NumberError::arithmetic("Rounding necessary")),
    };
    Ok(if !away {
        q
    } else if positive {
        q + 1
    } else {
        q - 1
    })
}

/// Java's `a.add(b)`: exact, scale `max(scaleA, scaleB)`.
pub fn add(a: &BigDecimal, b: &BigDecimal) -> Result<BigDecimal, NumberError> {
    let ((ua, sa), (ub, sb)) = (parts(a), parts(b));
    Ok(match sa.cmp(&sb) {
        Ordering::Equal => make(ua + ub, sa),
        Ordering::Less => make(upscale(&ua, sa, sb)? + ub, sb),
        Ordering::Greater => make(ua + upscale(&ub, sb, sa)?, sa),
    })
}

/// Java's `a.subtract(b)`.
pub fn sub(a: &BigDecimal, b: &BigDecimal) -> Result<BigDecimal, NumberError> {
    add(a, &negate(b))
}

/// Java's `a.multiply(b)`: exact, scale `scaleA + scaleB`.
pub fn mul(a: &BigDecimal, b: &BigDecimal) -> BigDecimal {
    let ((ua, sa), (ub, sb)) = (parts(a), parts(b));
    make(ua * ub, sa + sb)
}

/// Java's `negate()` (keeps the scale).
pub fn negate(a: &BigDecimal) -> BigDecimal {
    let (u, s) = parts(a);
    make(-u, s)
}

/// Java's `compareTo`: numeric, scale ignored (`1.0` equals `1.00`).
pub fn compare(a: &BigDecimal, b: &BigDecimal) -> Ordering {
    let ((ua, sa), (ub, sb)) = (parts(a), parts(b));
    let (sign_a, sign_b) = (ua.sign(), ub.sign());
    if sign_a == Sign::NoSign && sign_b == Sign::NoSign {
        return Ordering::Equal;
    }
    if sign_a != sign_b || sa == sb {
        return if sa == sb {
            ua.cmp(&ub)
        } else {
            sign_a.cmp(&sign_b)
        };
    }
    // Same sign, both non-zero: compare the adjusted exponents first (cheap), then exactly.
    let adj_a = precision_of(&ua) as i64 - sa;
    let adj_b = precision_of(&ub) as i64 - sb;
    if adj_a != adj_b {
        let ord = adj_a.cmp(&adj_b);
        return if sign_a == Sign::Minus {
            ord.reverse()
        } else {
            ord
        };
    }
    let ten = BigInt::from(10u32);
    if sa < sb {
        (ua * ten.pow((sb - sa) as u32)).cmp(&ub)
    } else {
        ua.cmp(&(ub * ten.pow((sa - sb) as u32)))
    }
}

/// Java's `setScale(newScale, mode)`.
pub fn set_scale(
    a: &BigDecimal,
    new_scale: i64,
    mode: RoundingMode,
) -> Result<BigDecimal, NumberError> {
    let (u, s) = parts(a);
    Ok(match new_scale.cmp(&s) {
        Ordering::Equal => a.clone(),
        Ordering::Greater => make(upscale(&u, s, new_scale)?, new_scale),
        Ordering::Less => {
            let drop = (s - new_scale) as u64;
            if drop > precision_of(&u) + 1 {
                // Every digit goes: the result is 0 or ±1 in the last place, decided by the sign
                // of a value far below one half (or exactly zero).
                make(
                    div_round(&u.signum(), &BigInt::from(1000u32), mode)?,
                    new_scale,
                )
            } else {
                make(div_round(&u, &pow10(drop)?, mode)?, new_scale)
            }
        }
    })
}

/// Java's `round(new MathContext(precision, mode))`; a precision of 0 means unlimited.
pub fn round_to_precision(
    a: &BigDecimal,
    precision: u64,
    mode: RoundingMode,
) -> Result<BigDecimal, NumberError> {
    let (u, s) = parts(a);
    let have = precision_of(&u);
    if precision == 0 || have <= precision {
        return Ok(a.clone());
    }
    let drop = have - precision;
    let mut q = div_round(&u, &pow10(drop)?, mode)?;
    let mut scale = s - drop as i64;
    if precision_of(&q) > precision {
        // Rounding carried into a new digit (9.99 → 10.0): drop one more, exactly.
        q /= 10u32;
        scale -= 1;
    }
    Ok(make(q, scale))
}

/// Java's `stripTrailingZeros()` (zero becomes `0` with scale 0).
pub fn strip_trailing_zeros(a: &BigDecimal) -> BigDecimal {
    let (u, s) = parts(a);
    let (u, s) = strip(u, s, i64::MIN);
    if u.is_zero() { make(u, 0) } else { make(u, s) }
}

/// Removes trailing decimal zeros from `u × 10^-s` while the scale stays above `min_scale`.
fn strip(mut u: BigInt, mut s: i64, min_scale: i64) -> (BigInt, i64) {
    if u.is_zero() {
        return (u, s);
    }
    let ten = BigInt::from(10u32);
    while s > min_scale {
        let (q, r) = u.div_rem(&ten);
        if !r.is_zero() {
            break;
        }
        u = q;
        s -= 1;
    }
    (u, s)
}

/// Java's `pow(n)` for `0 <= n <= 999999999`: exact, scale `scale × n`.
pub fn pow(a: &BigDecimal, n: u32) -> Result<BigDecimal, NumberError> {
    if n > 999_999_999 {
        return Err(NumberError::arithmetic("Invalid operation"));
    }
    let (u, s) = parts(a);
    let bits = u.bits().max(1).saturating_mul(u64::from(n));
    if bits > MAX_POW10 * 4 {
        return Err(NumberError::arithmetic(
            "BigInteger would overflow supported range",
        ));
    }
    Ok(make(u.pow(n), s * i64::from(n)))
}

/// Java's exact `a.divide(b)` when the quotient terminates: `Some(quotient)` with the scale
/// `max(preferred, minimal)`; `None` when the expansion does not terminate.
fn divide_exact(a: (&BigInt, i64), b: (&BigInt, i64)) -> Option<(BigInt, i64)> {
    let preferred = a.1 - b.1;
    let g = a.0.gcd(b.0);
    let mut n = a.0 / &g;
    let mut d = b.0 / &g;
    if d.is_negative() {
        n = -n;
        d = -d;
    }
    let twos = d.trailing_zeros().unwrap_or(0);
    d >>= twos as usize;
    let mut fives = 0u64;
    let five = BigInt::from(5u32);
    loop {
        let (q, r) = d.div_rem(&five);
        if !r.is_zero() {
            break;
        }
        d = q;
        fives += 1;
    }
    if !d.is_one() {
        return None;
    }
    // n / (2^twos 5^fives) = n × 2^(t-twos) × 5^(t-fives) / 10^t
    let t = twos.max(fives);
    n *= BigInt::from(2u32).pow((t - twos) as u32) * five.pow((t - fives) as u32);
    // Java strips trailing zeros only down to the preferred scale.
    Some(strip(n, t as i64 + preferred, preferred))
}

/// Java's `a.divide(b, new MathContext(precision))` (HALF_UP) for a non-terminating quotient.
fn divide_to_precision(
    a: (&BigInt, i64),
    b: (&BigInt, i64),
    precision: u64,
) -> Result<(BigInt, i64), NumberError> {
    // Quotient value = (ua / ub) × 10^(sb - sa); pick scale so that it has `precision` digits.
    let adj_a = precision_of(a.0) as i64 - 1 - a.1;
    let adj_b = precision_of(b.0) as i64 - 1 - b.1;
    let mut scale = precision as i64 - (adj_a - adj_b);
    let scaled = |scale: i64, mode: RoundingMode| -> Result<BigInt, NumberError> {
        let shift = scale - a.1 + b.1;
        let (mut n, mut d) = (a.0.clone(), b.0.clone());
        if shift >= 0 {
            n *= pow10(shift as u64)?;
        } else {
            d *= pow10((-shift) as u64)?;
        }
        if d.is_negative() {
            n = -n;
            d = -d;
        }
        div_round(&n, &d, mode)
    };
    if precision_of(&scaled(scale, RoundingMode::Down)?) > precision {
        scale -= 1;
    }
    let mut q = scaled(scale, RoundingMode::HalfUp)?;
    if precision_of(&q) > precision {
        q /= 10u32;
        scale -= 1;
    }
    Ok((q, scale))
}

/// Groovy's `/` on integers and BigDecimals (`BigDecimalMath.divideImpl`): Java's exact
/// `divide` when the quotient terminates (`1/2` → `0.5`, `4/2` → `2`, `600/3.00` → `2E+2`);
/// otherwise `MathContext(max(precisions) + 10)` and then at most scale
/// `max(scaleA, scaleB, 10)`, HALF_UP (`1/3` → `0.3333333333`).
pub fn groovy_divide(a: &BigDecimal, b: &BigDecimal) -> Result<BigDecimal, NumberError> {
    let ((ua, sa), (ub, sb)) = (parts(a), parts(b));
    if ub.is_zero() {
        let msg = if ua.is_zero() {
            "Division undefined"
        } else {
            "Division by zero"
        };
        return Err(NumberError::arithmetic(msg));
    }
    if ua.is_zero() {
        return Ok(make(ua, sa - sb));
    }
    if let Some((q, s)) = divide_exact((&ua, sa), (&ub, sb)) {
        return Ok(make(q, s));
    }
    let precision = precision_of(&ua).max(precision_of(&ub)) + 10;
    let (q, s) = divide_to_precision((&ua, sa), (&ub, sb), precision)?;
    let target = sa.max(sb).max(10);
    let result = make(q, s);
    if s > target {
        set_scale(&result, target, RoundingMode::HalfUp)
    } else {
        Ok(result)
    }
}

/// Java's `doubleValue()`: correctly rounded (via the shortest exact decimal string).
pub fn to_f64(a: &BigDecimal) -> f64 {
    let (u, s) = parts(a);
    format!("{u}e{}", -s).parse().unwrap_or(f64::NAN)
}

/// Java's `floatValue()`: correctly rounded.
pub fn to_f32(a: &BigDecimal) -> f32 {
    let (u, s) = parts(a);
    format!("{u}e{}", -s).parse().unwrap_or(f32::NAN)
}

/// Java's `toBigInteger()`: truncates towards zero.
pub fn to_bigint(a: &BigDecimal) -> BigInt {
    let (u, s) = parts(a);
    if s <= 0 {
        if u.is_zero() || -s > MAX_POW10 as i64 {
            return u; // absurd `1E+100000000` is beyond what a pipeline can mean
        }
        return u * BigInt::from(10u32).pow((-s) as u32);
    }
    if s as u64 > precision_of(&u) {
        return BigInt::zero();
    }
    u / BigInt::from(10u32).pow(s as u32)
}

/// Java's exact `new BigDecimal(double)` (`0.1` → `0.1000000000000000055511151231257827…`);
/// `None` for NaN and infinities (Java: `NumberFormatException("Infinite or NaN")`).
pub fn from_f64_exact(d: f64) -> Option<BigDecimal> {
    if !d.is_finite() {
        return None;
    }
    let bits = d.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (mant, exp2) = if biased == 0 {
        (frac, -1074)
    } else {
        (frac | (1 << 52), biased - 1075)
    };
    let mut u = BigInt::from(mant);
    if d < 0.0 {
        u = -u;
    }
    if exp2 >= 0 {
        return Some(make(u << exp2 as usize, 0));
    }
    // u / 2^k = u × 5^k / 10^k, then strip zeros down to scale 0 like Java.
    let k = (-exp2) as u32;
    let (u, s) = strip(u * BigInt::from(5u32).pow(k), i64::from(k), 0);
    Some(make(u, s))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::number::format::decimal_to_string;

    fn bd(s: &str) -> BigDecimal {
        crate::number::parse::parse_big_decimal(s).expect("valid decimal")
    }

    fn show(d: &BigDecimal) -> String {
        let (u, s) = parts(d);
        decimal_to_string(&u, s)
    }

    fn div(a: &str, b: &str) -> String {
        match groovy_divide(&bd(a), &bd(b)) {
            Ok(q) => show(&q),
            Err(e) => format!("{}: {}", e.class, e.message),
        }
    }

    #[test]
    fn division_matches_groovy() {
        // fixtures/groovy/numbers/integer-division-gives-bigdecimal, division-scale-details
        assert_eq!(div("1", "2"), "0.5");
        assert_eq!(div("4", "2"), "2");
        assert_eq!(div("10", "4"), "2.5");
        assert_eq!(div("1", "3"), "0.3333333333");
        assert_eq!(div("2", "3"), "0.6666666667");
        assert_eq!(div("-1", "3"), "-0.3333333333");
        assert_eq!(div("1.0", "3"), "0.3333333333");
        assert_eq!(div("10", "3.0"), "3.3333333333");
        assert_eq!(div("1", "8"), "0.125");
        assert_eq!(div("100", "7"), "14.2857142857");
        assert_eq!(div("1.00", "3"), "0.3333333333");
        assert_eq!(div("1.50", "2"), "0.75");
        assert_eq!(div("6", "3.00"), "2");
        assert_eq!(div("1", "4"), "0.25");
        // checked with groovy 2.4.21
        assert_eq!(div("600", "3.00"), "2E+2");
        assert_eq!(div("600", "3"), "200");
        assert_eq!(div("2.50", "1"), "2.50");
        assert_eq!(div("10", "2.5"), "4");
        assert_eq!(div("0", "1.5"), "0E+1");
        assert_eq!(div("0.00", "3"), "0.00");
        assert_eq!(div("1.000000000000", "3"), "0.333333333333");
        assert_eq!(div("1", "3.000000000000"), "0.333333333333");
        assert_eq!(
            div("12345678901234567890", "7"),
            "1763668414462081127.1428571429"
        );
        assert_eq!(div("1", "0.0003"), "3333.3333333");
        assert_eq!(div("2", "0.0003"), "6666.6666667");
        assert_eq!(
            div("0.99999999999999", "1.0000000000001"),
            "0.99999999999989"
        );
        assert_eq!(div("1e10", "3"), "3333333333.3");
        assert_eq!(div("1e-20", "3"), "0E-20");
        assert_eq!(div("1", "3e20"), "0E-10");
        assert_eq!(
            div("1", "0"),
            "java.lang.ArithmeticException: Division by zero"
        );
        assert_eq!(
            div("0", "0"),
            "java.lang.ArithmeticException: Division undefined"
        );
        assert_eq!(
            div("0.0", "0"),
            "java.lang.ArithmeticException: Division undefined"
        );
    }

    #[test]
    fn chained_division_matches_groovy() {
        // fixtures/groovy/numbers/division-scale-details: 1/3*3, 22/7*7
        let third = groovy_divide(&bd("1"), &bd("3")).expect("divides");
        assert_eq!(show(&mul(&third, &bd("3"))), "0.9999999999");
        let q = groovy_divide(&bd("22"), &bd("7")).expect("divides");
        assert_eq!(show(&mul(&q, &bd("7"))), "22.0000000003");
    }

    #[test]
    fn add_mul_keep_java_scales() {
        // fixtures/groovy/numbers/bigdecimal-printing-keeps-scale, minus-times-promotion
        assert_eq!(show(&add(&bd("1.10"), &bd("2.20")).expect("adds")), "3.30");
        assert_eq!(show(&add(&bd("0.1"), &bd("0.2")).expect("adds")), "0.3");
        assert_eq!(show(&mul(&bd("1.0"), &bd("3"))), "3.0");
        assert_eq!(show(&mul(&bd("1.10"), &bd("2"))), "2.20");
        assert_eq!(show(&sub(&bd("10"), &bd("2.5")).expect("subtracts")), "7.5");
        assert_eq!(show(&add(&bd("1e3"), &bd("1")).expect("adds")), "1001");
        assert_eq!(show(&mul(&bd("1e3"), &bd("2"))), "2E+3");
    }

    #[test]
    fn set_scale_and_rounding() {
        // fixtures/groovy/numbers/bigdecimal-setscale, abs-round
        let s =
            |x: &str, n: i64, m: RoundingMode| show(&set_scale(&bd(x), n, m).expect("rescales"));
        assert_eq!(s("19.999", 2, RoundingMode::HalfUp), "20.00");
        assert_eq!(s("19.999", 0, RoundingMode::Down), "19");
        assert_eq!(s("2.5", 0, RoundingMode::HalfEven), "2");
        assert_eq!(s("2.5", 0, RoundingMode::HalfUp), "3");
        assert_eq!(s("-2.5", 0, RoundingMode::HalfUp), "-3");
        assert_eq!(s("-2.5", 0, RoundingMode::HalfDown), "-2");
        assert_eq!(s("-2.1", 0, RoundingMode::Floor), "-3");
        assert_eq!(s("-2.1", 0, RoundingMode::Ceiling), "-2");
        assert_eq!(s("2.1", 0, RoundingMode::Up), "3");
        assert_eq!(s("1.5", 3, RoundingMode::Unnecessary), "1.500");
        assert_eq!(s("0.001", 0, RoundingMode::Up), "1");
        assert_eq!(s("-0.001", 0, RoundingMode::Floor), "-1");
        assert_eq!(s("0.001", 0, RoundingMode::HalfUp), "0");
        let e = set_scale(&bd("1.25"), 1, RoundingMode::Unnecessary).expect_err("inexact");
        assert_eq!(e.message, "Rounding necessary");
        let r = round_to_precision(&bd("1.23456"), 3, RoundingMode::HalfUp).expect("rounds");
        assert_eq!(show(&r), "1.23");
        let r = round_to_precision(&bd("9.996"), 3, RoundingMode::HalfUp).expect("rounds");
        assert_eq!(show(&r), "10.0");
        assert_eq!(precision(&bd("10.50")), 4);
        assert_eq!(precision(&bd("0")), 1);
        assert_eq!(show(&strip_trailing_zeros(&bd("1.50"))), "1.5");
        assert_eq!(show(&strip_trailing_zeros(&bd("100"))), "1E+2");
        assert_eq!(show(&strip_trailing_zeros(&bd("0.000"))), "0");
    }

    #[test]
    fn pow_compare_and_conversions() {
        // fixtures/groovy/numbers/power-negative-and-fractional: 1.5 ** 2 == 2.25
        assert_eq!(show(&pow(&bd("1.5"), 2).expect("pow")), "2.25");
        assert_eq!(show(&pow(&bd("1.50"), 2).expect("pow")), "2.2500");
        assert_eq!(show(&pow(&bd("2.0"), 0).expect("pow")), "1");
        assert_eq!(compare(&bd("1.0"), &bd("1.00")), Ordering::Equal);
        assert_eq!(compare(&bd("-1.5"), &bd("-1.25")), Ordering::Less);
        assert_eq!(compare(&bd("1e3"), &bd("999.99")), Ordering::Greater);
        assert_eq!(compare(&bd("0"), &bd("-0.001")), Ordering::Greater);
        assert_eq!(compare(&bd("0.0"), &bd("0")), Ordering::Equal);
        assert_eq!(to_f64(&bd("0.1")), 0.1);
        assert_eq!(to_f64(&bd("1.5E+3")), 1500.0);
        assert_eq!(to_bigint(&bd("-3.99")), BigInt::from(-3));
        assert_eq!(to_bigint(&bd("1e3")), BigInt::from(1000));
        assert_eq!(to_bigint(&bd("1e-30")), BigInt::zero());
        let exact = from_f64_exact(0.1).expect("finite");
        assert_eq!(
            show(&exact),
            "0.1000000000000000055511151231257827021181583404541015625"
        );
        assert_eq!(show(&from_f64_exact(8.0).expect("finite")), "8");
        assert_eq!(show(&from_f64_exact(-2.5).expect("finite")), "-2.5");
        assert!(from_f64_exact(f64::NAN).is_none());
        assert_eq!(RoundingMode::from_java_int(4), Some(RoundingMode::HalfUp));
        assert_eq!(
            RoundingMode::from_name("HALF_EVEN"),
            Some(RoundingMode::HalfEven)
        );
    }
}
