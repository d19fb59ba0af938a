//! Java `toString` for `double`, `float` and `BigDecimal`.
//!
//! Doubles and floats reproduce `sun.misc.FloatingDecimal` of JDK 8–18 (the fixtures come from
//! JDK 17), written from its observable rules:
//!
//! - an integral value below 2^63 prints its integer digits, but when its binary exponent `b`
//!   exceeds the precision `p` (53, or 24 for float), the last `floor((b - p - 1)·log10 2)`
//!   digits are rounded away half-up (`0.1d * 2**63` prints `9.2233720368547763E17`,
//!   `2147483648f` prints `2.14748365E9`);
//! - otherwise digits are generated one at a time until the truncated or the rounded-up
//!   prefix lies *strictly* within half an ulp of the value (a quarter ulp for exact powers of
//!   two); when both do, the nearer wins, ties to even (`1e23d` prints `9.999999999999999E22`,
//!   `2**-31` prints `4.6566128730773926E-10`, `150.015625f` prints `150.01562`). Java scales
//!   the value from an estimated decimal exponent and runs this loop in 32-bit, 64-bit or big
//!   integers depending on the sizes; the 64-bit loop's overflow makes JDK 17 truncate some
//!   values between 1e24 and 1e26 (`3.5970705812459126E25`), which is reproduced;
//! - scientific output has at least two digits (`Double.MIN_VALUE` is `4.9E-324`).
//!
//! Checked against ~950,000 random and edge-case doubles and floats printed by Java 17, with no
//! difference. JDK ≥ 19 prints the shortest representation instead, which differs only in the
//! cases above. The layout is `Double.toString`'s: plain for `1e-3 <= |x| < 1e7`, else
//! `d.dddE±n`.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

/// Java's `Double.toString(d)` (`1.0`, `1.0E10`, `0.001`, `1.0E-4`, `NaN`, `-Infinity`, `-0.0`).
pub fn double_to_string(d: f64) -> String {
    if d.is_nan() {
        return "NaN".into();
    }
    if d.is_infinite() {
        return if d > 0.0 { "Infinity" } else { "-Infinity" }.into();
    }
    if d == 0.0 {
        return if d.is_sign_negative() { "-0.0" } else { "0.0" }.into();
    }
    let bits = d.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1 << 52) - 1);
    let (digits, exp) = if biased == 0 {
        jdk_digits(frac, -1074, 64 - frac.leading_zeros())
    } else {
        jdk_digits(frac | (1 << 52), biased - 1075, 53)
    };
    layout(d < 0.0, &digits, exp)
}

/// Java's `Float.toString(f)` (`1.0`, `2.5`, `1.0E10`, `3.4028235E38`).
pub fn float_to_string(f: f32) -> String {
    if f.is_nan() {
        return "NaN".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "Infinity" } else { "-Infinity" }.into();
    }
    if f == 0.0 {
        return if f.is_sign_negative() { "-0.0" } else { "0.0" }.into();
    }
    let bits = f.to_bits();
    let biased = ((bits >> 23) & 0xff) as i32;
    let frac = u64::from(bits & ((1 << 23) - 1));
    let (digits, exp) = if biased == 0 {
        jdk_digits(frac, -149, 64 - frac.leading_zeros())
    } else {
        jdk_digits(frac | (1 << 23), biased - 150, 24)
    };
    layout(f < 0.0, &digits, exp)
}

/// The digits Java prints for the positive value `mant × 2^exp2` (`precision` significant
/// bits), and the decimal exponent of the first digit.
fn jdk_digits(mant: u64, exp2: i32, precision: u32) -> (String, i32) {
    let bin_exp = exp2 + (63 - mant.leading_zeros() as i32);
    let tail = mant.trailing_zeros();
    let fract_bits = (64 - mant.leading_zeros() - tail) as i32;
    let tiny_bits = (fract_bits - bin_exp - 1).max(0);
    if tiny_bits == 0 && bin_exp <= 62 {
        return integral_digits(mant, exp2, bin_exp, precision);
    }
    // Scale the value to B/S (1 <= B/S < 10 if the estimate is right) and half an ulp to M,
    // as powers of 2 and 5; Java then picks 32-bit, 64-bit or big arithmetic by size.
    let dec_exp = estimate_dec_exp(mant, bin_exp);
    let b5 = (-dec_exp).max(0);
    let s5 = dec_exp.max(0);
    let mut b2 = b5 + tiny_bits + bin_exp;
    let mut s2 = s5 + tiny_bits;
    let mut m2 = b2 - precision as i32;
    b2 -= fract_bits - 1;
    let common = b2.min(s2);
    b2 -= common;
    s2 -= common;
    m2 -= common;
    if fract_bits == 1 {
        m2 -= 1; // the gap below a power of two is half as wide
    }
    if m2 < 0 {
        b2 -= m2;
        s2 -= m2;
        m2 = 0;
    }
    let b_bits = fract_bits + b2 + pow5_bits(b5);
    let tens_bits = s2 + 1 + pow5_bits(s5 + 1);
    let odd = mant >> tail;
    if b_bits >= 64 || tens_bits >= 64 {
        let pow = |five: i32, two: i32| BigInt::from(5u32).pow(five as u32) << two as usize;
        let b = BigInt::from(odd) * pow(b5, b2);
        return generate(b, pow(s5, s2), pow(b5, m2), dec_exp, false);
    }
    let b = ((odd as i64) * 5i64.pow(b5 as u32)) << b2;
    let s = 5i64.pow(s5 as u32) << s2;
    let m = 5i64.pow(b5 as u32) << m2;
    if b_bits < 32 && tens_bits < 32 {
        generate(b as i32, s as i32, m as i32, dec_exp, true)
    } else {
        generate(b, s, m, dec_exp, true)
    }
}

/// Java's `estimateDecExp`: `floor(log10(value))`, sometimes one too high. The constants are
/// Java's (its `log10(2)` is shorter than `LOG10_2`, and the result must match bit for bit).
#[allow(clippy::approx_constant)]
fn estimate_dec_exp(mant: u64, bin_exp: i32) -> i32 {
    let normalized = mant << (mant.leading_zeros() - 11);
    let d2 = f64::from_bits(0x3ff0_0000_0000_0000 | (normalized & ((1 << 52) - 1)));
    let d = (d2 - 1.5) * 0.289529654 + 0.176091259 + f64::from(bin_exp) * 0.301029995663981;
    d.floor() as i32
}

/// Bits needed for 5^n (Java's table up to 5^26, then the `3n` overestimate).
fn pow5_bits(n: i32) -> i32 {
    if n < 27 {
        (64 - 5u64.pow(n as u32).leading_zeros()) as i32
    } else {
        n * 3
    }
}

/// Java's digit loop on `B/S` with half an ulp `M`, in `i32`, `i64` (wrapping like Java: the
/// overflow of `b + m` makes JDK 17 truncate some values around 1e24–1e26) or big integers
/// (where Java's round-up test is not strict).
fn generate<T: Arith>(mut b: T, s: T, mut m: T, mut dec_exp: i32, strict: bool) -> (String, i32) {
    let ten = T::small(10);
    let tens = s.wmul(&ten);
    let is_high = |b: &T, m: &T| {
        let sum = b.wadd(m);
        if strict { sum > tens } else { sum >= tens }
    };
    let mut digits = String::new();
    let q = b.div(&s);
    b = b.rem(&s).wmul(&ten);
    m = m.wmul(&ten);
    let mut low = b < m;
    let mut high = is_high(&b, &m);
    if q == T::small(0) && !high {
        dec_exp -= 1; // the estimate was one too high
    } else {
        digits.push(q.digit());
    }
    if !(-3..8).contains(&dec_exp) {
        low = false; // scientific output gets at least two digits
        high = false;
    }
    while !low && !high {
        let q = b.div(&s);
        b = b.rem(&s).wmul(&ten);
        m = m.wmul(&ten);
        if m > T::small(0) {
            low = b < m;
            high = is_high(&b, &m);
        } else {
            low = true; // Java's guard for an overflowed `m`
            high = true;
        }
        digits.push(q.digit());
    }
    let diff = b.wadd(&b).wsub(&tens);
    let up = high && (!low || diff > T::small(0) || (diff == T::small(0) && last_odd(&digits)));
    round_and_place(digits, dec_exp, up)
}

fn last_odd(digits: &str) -> bool {
    digits.bytes().last().is_some_and(|d| (d - b'0') % 2 == 1)
}

/// Applies the final round-up (with carry: `99` becomes `1` one decade higher) and returns the
/// digits without trailing zeros and the exponent of the first one.
fn round_and_place(digits: String, dec_exp: i32, up: bool) -> (String, i32) {
    let mut bytes = digits.into_bytes();
    let mut exp = dec_exp;
    if up {
        let mut i = bytes.len();
        loop {
            if i == 0 {
                bytes.insert(0, b'1');
                bytes.pop();
                exp += 1;
                break;
            }
            i -= 1;
            if bytes[i] == b'9' {
                bytes[i] = b'0';
            } else {
                bytes[i] += 1;
                break;
            }
        }
    }
    let s = String::from_utf8(bytes).unwrap_or_default();
    (strip_zeros(if s.is_empty() { "0".into() } else { s }), exp)
}

/// The integer arithmetic of Java's digit loop (fixed widths wrap like Java).
trait Arith: PartialOrd + Sized {
    fn small(v: i32) -> Self;
    fn wmul(&self, o: &Self) -> Self;
    fn wadd(&self, o: &Self) -> Self;
    fn wsub(&self, o: &Self) -> Self;
    fn div(&self, o: &Self) -> Self;
    fn rem(&self, o: &Self) -> Self;
    fn digit(&self) -> char;
}

macro_rules! fixed {
    ($t:ty) => {
        impl Arith for $t {
            fn small(v: i32) -> Self {
                v as $t
            }
            fn wmul(&self, o: &Self) -> Self {
                self.wrapping_mul(*o)
            }
            fn wadd(&self, o: &Self) -> Self {
                self.wrapping_add(*o)
            }
            fn wsub(&self, o: &Self) -> Self {
                self.wrapping_sub(*o)
            }
            fn div(&self, o: &Self) -> Self {
                self.wrapping_div(*o)
            }
            fn rem(&self, o: &Self) -> Self {
                self.wrapping_rem(*o)
            }
            fn digit(&self) -> char {
                char::from_digit((*self).clamp(0, 9) as u32, 10).unwrap_or('0')
            }
        }
    };
}
fixed!(i32);
fixed!(i64);

impl Arith for BigInt {
    fn small(v: i32) -> Self {
        BigInt::from(v)
    }
    fn wmul(&self, o: &Self) -> Self {
        self * o
    }
    fn wadd(&self, o: &Self) -> Self {
        self + o
    }
    fn wsub(&self, o: &Self) -> Self {
        self - o
    }
    fn div(&self, o: &Self) -> Self {
        self / o
    }
    fn rem(&self, o: &Self) -> Self {
        self % o
    }
    fn digit(&self) -> char {
        let d = self.to_u32().unwrap_or(0).min(9);
        char::from_digit(d, 10).unwrap_or('0')
    }
}

/// An integral value below 2^63: its digits, the last `floor((b - p - 1)·log10 2)` of them
/// rounded away half-up when the binary exponent `b` exceeds the precision `p`.
fn integral_digits(mant: u64, exp2: i32, bin_exp: i32, precision: u32) -> (String, i32) {
    let value = if exp2 >= 0 {
        mant << exp2
    } else {
        mant >> -exp2
    };
    let p2 = bin_exp - precision as i32 - 1;
    let dropped = if p2 > 1 {
        decimal_len(1u64 << p2) - 1
    } else {
        0
    };
    let unit = 10u64.pow(dropped);
    let mut q = value / unit;
    if dropped > 0 && value % unit >= unit / 2 {
        q += 1;
    }
    let s = q.to_string();
    let exp = s.len() as i32 - 1 + dropped as i32;
    (strip_zeros(s), exp)
}

fn decimal_len(v: u64) -> u32 {
    v.checked_ilog10().unwrap_or(0) + 1
}

/// Drops trailing zeros, keeping at least one digit.
fn strip_zeros(mut s: String) -> String {
    while s.len() > 1 && s.ends_with('0') {
        s.pop();
    }
    s
}

/// Lays out `0.d1d2… × 10^(exp+1)` the way `Double.toString` does.
fn layout(negative: bool, digits: &str, exp: i32) -> String {
    let mut s = String::with_capacity(digits.len() + 8);
    if negative {
        s.push('-');
    }
    if (-3..7).contains(&exp) {
        if exp >= 0 {
            let int_len = exp as usize + 1;
            if digits.len() > int_len {
                s.push_str(&digits[..int_len]);
                s.push('.');
                s.push_str(&digits[int_len..]);
            } else {
                s.push_str(digits);
                s.extend(std::iter::repeat_n('0', int_len - digits.len()));
                s.push_str(".0");
            }
        } else {
            s.push_str("0.");
            s.extend(std::iter::repeat_n('0', (-exp - 1) as usize));
            s.push_str(digits);
        }
    } else {
        s.push_str(&digits[..1]);
        s.push('.');
        s.push_str(if digits.len() > 1 { &digits[1..] } else { "0" });
        s.push('E');
        s.push_str(&exp.to_string());
    }
    s
}

/// Java's `BigDecimal.toString()`: plain when `scale >= 0` and the adjusted exponent is
/// `>= -6`, otherwise scientific (`1E+3`, `1.23E-8`, `0E-10`).
pub fn decimal_to_string(unscaled: &BigInt, scale: i64) -> String {
    let coeff = unscaled.abs().to_string();
    let mut s = String::with_capacity(coeff.len() + 8);
    if unscaled.is_negative() {
        s.push('-');
    }
    let adjusted = -scale + (coeff.len() as i64 - 1);
    if scale == 0 {
        s.push_str(&coeff);
    } else if scale > 0 && adjusted >= -6 {
        let point = coeff.len() as i64 - scale;
        if point > 0 {
            s.push_str(&coeff[..point as usize]);
            s.push('.');
            s.push_str(&coeff[point as usize..]);
        } else {
            s.push_str("0.");
            s.extend(std::iter::repeat_n('0', (-point) as usize));
            s.push_str(&coeff);
        }
    } else {
        s.push_str(&coeff[..1]);
        if coeff.len() > 1 {
            s.push('.');
            s.push_str(&coeff[1..]);
        }
        s.push('E');
        if adjusted > 0 {
            s.push('+');
        }
        s.push_str(&adjusted.to_string());
    }
    s
}

/// Java's `BigDecimal.toPlainString()` (`1E+3` → `1000`, `1E-7` → `0.0000001`).
pub fn decimal_to_plain_string(unscaled: &BigInt, scale: i64) -> String {
    if scale <= 0 {
        if unscaled.is_zero() {
            return "0".into();
        }
        let mut s = unscaled.to_string();
        s.extend(std::iter::repeat_n('0', (-scale) as usize));
        return s;
    }
    let coeff = unscaled.abs().to_string();
    let mut s = String::with_capacity(coeff.len() + scale as usize + 3);
    if unscaled.is_negative() {
        s.push('-');
    }
    let point = coeff.len() as i64 - scale;
    if point > 0 {
        s.push_str(&coeff[..point as usize]);
        s.push('.');
        s.push_str(&coeff[point as usize..]);
    } else {
        s.push_str("0.");
        s.extend(std::iter::repeat_n('0', (-point) as usize));
        s.push_str(&coeff);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(u: i64, scale: i64) -> String {
        decimal_to_string(&BigInt::from(u), scale)
    }

    #[test]
    fn doubles_like_java() {
        // fixtures/groovy/numbers/double-printing, double-special-values, double-division
        let cases: &[(f64, &str)] = &[
            (1.0, "1.0"),
            (1.0e10, "1.0E10"),
            (1e7, "1.0E7"),
            (1e6, "1000000.0"),
            (0.1 + 0.2, "0.30000000000000004"),
            (100.0 / 3.0, "33.333333333333336"),
            (1e-5, "1.0E-5"),
            (0.001, "0.001"),
            (123456789.0, "1.23456789E8"),
            (f64::from(0.1f32) + f64::from(0.2f32), "0.30000000447034836"),
            (f64::INFINITY, "Infinity"),
            (f64::NEG_INFINITY, "-Infinity"),
            (f64::NAN, "NaN"),
            (f64::MAX, "1.7976931348623157E308"),
            (f64::from_bits(1), "4.9E-324"),
            (-0.0, "-0.0"),
            (0.0, "0.0"),
            (100.0, "100.0"),
            (1.0 / 3.0, "0.3333333333333333"),
            (9999999.0, "9999999.0"),
            (12345.678, "12345.678"),
            (-2.5, "-2.5"),
            (0.0001, "1.0E-4"),
            // `1.1f * 1.1f` in Groovy is a Double (checked with groovy 2.4.21)
            (f64::from(1.1f32) * f64::from(1.1f32), "1.210000052452088"),
        ];
        for (d, want) in cases {
            assert_eq!(double_to_string(*d), *want, "{d:e}");
        }
    }

    #[test]
    fn floats_like_java() {
        let cases: &[(f32, &str)] = &[
            (3.0, "3.0"),
            (2.5, "2.5"),
            (1.0e-5, "1.0E-5"),
            (1e10, "1.0E10"),
            (1e7, "1.0E7"),
            (9999999.0, "9999999.0"),
            (0.001, "0.001"),
            (f32::MAX, "3.4028235E38"),
            (f32::from_bits(1), "1.4E-45"),
            (0.1, "0.1"),
            (-1.5, "-1.5"),
        ];
        for (f, want) in cases {
            assert_eq!(float_to_string(*f), *want, "{f:e}");
        }
    }

    #[test]
    fn jdk17_quirks() {
        // Each expected string is what `Double.toString`/`Float.toString` print on JDK 17
        // (javac/java 17 and the groovy 2.4.21 probes); JDK >= 19 prints the shortest forms.
        assert_eq!(double_to_string(2e23), "1.9999999999999998E23");
        assert_eq!(double_to_string(1e23), "9.999999999999999E22");
        assert_eq!(double_to_string(8.41e21), "8.409999999999999E21");
        assert_eq!(
            double_to_string(2f64.powi(63) * 0.1),
            "9.2233720368547763E17"
        );
        assert_eq!(
            double_to_string(i64::MAX as f64 / 1.5),
            "6.1489146912365169E18"
        );
        assert_eq!(
            double_to_string(-(2f64.powi(-31))),
            "-4.6566128730773926E-10"
        );
        assert_eq!(double_to_string(2f64.powi(-45)), "2.8421709430404007E-14");
        assert_eq!(double_to_string(f64::from_bits(2)), "1.0E-323");
        assert_eq!(
            double_to_string(f64::from_bits(0x453d_c117_de90_0840)),
            "3.5970705812459126E25"
        );
        assert_eq!(float_to_string(2147483648.0), "2.14748365E9");
        assert_eq!(float_to_string(f32::from_bits(0x5491_cf69)), "5.0100002E12");
        assert_eq!(float_to_string(f32::from_bits(0x6a40_2e11)), "5.8082824E25");
        assert_eq!(float_to_string(f32::from_bits(0x4a3a_fa19)), "3063430.2");
        // integral doubles below 2^53 print all their digits, as the shortest form does
        assert_eq!(double_to_string(9007199254740991.0), "9.007199254740991E15");
    }

    #[test]
    fn ties_round_half_even_like_java() {
        // Java 17 Float.toString: 150 + k/64 (checked with javac/java 17)
        assert_eq!(float_to_string(150.0 + 1.0 / 64.0), "150.01562");
        assert_eq!(float_to_string(150.0 + 3.0 / 64.0), "150.04688");
        assert_eq!(float_to_string(345.0 + 37.0 / 64.0), "345.57812");
        assert_eq!(float_to_string(150.0 + 37.0 / 64.0), "150.57812");
        assert_eq!(float_to_string(150.0 + 7.0 / 64.0), "150.10938");
        // Java 17 Double.toString(96775217234747.125) = 9.677521723474712E13
        assert_eq!(
            double_to_string(96775217234747.0 + 0.125),
            "9.677521723474712E13"
        );
        assert_eq!(
            double_to_string(96775217234747.0 + 0.375),
            "9.677521723474738E13"
        );
    }

    #[test]
    fn big_decimals_like_java() {
        // fixtures/groovy/numbers/bigdecimal-printing-keeps-scale and checks with groovy 2.4.21
        assert_eq!(dec(250, 2), "2.50");
        assert_eq!(dec(1, -3), "1E+3");
        assert_eq!(dec(15, -2), "1.5E+3");
        assert_eq!(dec(1, 3), "0.001");
        assert_eq!(dec(10, 1), "1.0");
        assert_eq!(dec(10000, 2), "100.00");
        assert_eq!(dec(1, 7), "1E-7");
        assert_eq!(dec(1, 6), "0.000001");
        assert_eq!(dec(-1, 6), "-0.000001");
        assert_eq!(dec(123, 10), "1.23E-8");
        assert_eq!(dec(123, -8), "1.23E+10");
        assert_eq!(dec(0, -5), "0E+5");
        assert_eq!(dec(0, 12), "0E-12");
        assert_eq!(dec(0, 10), "0E-10");
        assert_eq!(dec(0, 2), "0.00");
        assert_eq!(dec(2, -2), "2E+2");
        assert_eq!(dec(-66666666667, 11), "-0.66666666667");
        assert_eq!(dec(7, 0), "7");
    }

    #[test]
    fn plain_strings() {
        let p = |u: i64, s: i64| decimal_to_plain_string(&BigInt::from(u), s);
        assert_eq!(p(1, -3), "1000");
        assert_eq!(p(1, 7), "0.0000001");
        assert_eq!(p(-15, 1), "-1.5");
        assert_eq!(p(0, -3), "0");
        assert_eq!(p(0, 3), "0.000");
        assert_eq!(p(-5, 3), "-0.005");
    }
}
