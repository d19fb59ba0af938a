//! Java 17's number text: `Double.toString`, `Float.toString`, `BigDecimal.toString` and the
//! `BigDecimal(char[], int, int)` parser, as `groovy.json` calls them.
//!
//! `Double.toString` before JDK 19 is not "shortest round-trip": `FloatingDecimal` prints extra
//! digits for some values (`5.7223519193314771E17`, `6.766899999999999E20`, float
//! `4.16924801E12`). This is a port of `FloatingDecimal.BinaryToASCIIBuffer.dtoa` (JDK 9–18),
//! checked against 400,000 doubles and 300,000 floats printed by Java 17.0.15 with no difference.

use bigdecimal::BigDecimal;
use num_bigint::{BigInt, BigUint, Sign};
use num_traits::Zero;

const EXP_SHIFT: i32 = 52;
const FRACT_HOB: u64 = 1 << 52;
/// Approximately `ceil(log2(5^i))`.
const N_5_BITS: [i32; 27] = [
    0, 3, 5, 7, 10, 12, 14, 17, 19, 21, 24, 26, 28, 31, 33, 35, 38, 40, 42, 45, 47, 49, 52, 54, 56,
    59, 61,
];
const INSIGNIFICANT_DIGITS_NUMBER: [i32; 64] = [
    0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 5, 5, 5, 6, 6, 6, 6, 7, 7, 7, 8, 8, 8, 9, 9,
    9, 9, 10, 10, 10, 11, 11, 11, 12, 12, 12, 12, 13, 13, 13, 14, 14, 14, 15, 15, 15, 15, 16, 16,
    16, 17, 17, 17, 18, 18, 18, 19,
];

fn pow5_i64(p: i32) -> i64 {
    5i64.wrapping_pow(p.clamp(0, 27) as u32)
}

fn pow52(p5: i32, p2: i32) -> BigUint {
    BigUint::from(5u32).pow(p5.max(0) as u32) << (p2.max(0) as usize)
}

/// Decimal digits and the exponent `e` such that the value is `0.d1d2d3... * 10^e`.
struct Digits {
    digits: Vec<u8>,
    dec_exponent: i32,
}

impl Digits {
    fn roundup(&mut self) {
        let Some(mut i) = self.digits.len().checked_sub(1) else {
            return;
        };
        let mut q = self.digits[i];
        if q == b'9' {
            while q == b'9' && i > 0 {
                self.digits[i] = b'0';
                i -= 1;
                q = self.digits[i];
            }
            if q == b'9' {
                self.dec_exponent += 1;
                self.digits[0] = b'1';
                return;
            }
        }
        self.digits[i] = q + 1;
    }
}

fn develop_long_digits(mut dec_exponent: i32, mut lvalue: i64, insignificant: i32) -> Digits {
    if insignificant != 0 {
        let pow10 = pow5_i64(insignificant)
            .wrapping_shl(insignificant as u32)
            .max(1);
        let residue = lvalue % pow10;
        lvalue /= pow10;
        dec_exponent += insignificant;
        if residue >= (pow10 >> 1) {
            lvalue += 1;
        }
    }
    let mut rev = Vec::with_capacity(20);
    let mut c = lvalue % 10;
    lvalue /= 10;
    while c == 0 && lvalue != 0 {
        dec_exponent += 1;
        c = lvalue % 10;
        lvalue /= 10;
    }
    while lvalue != 0 {
        rev.push(b'0' + c as u8);
        dec_exponent += 1;
        c = lvalue % 10;
        lvalue /= 10;
    }
    rev.push(b'0' + c as u8);
    rev.reverse();
    Digits {
        digits: rev,
        dec_exponent: dec_exponent + 1,
    }
}

// Java's constant is a truncated log10(2): using `LOG10_2` would change the estimate.
#[allow(clippy::approx_constant)]
fn estimate_dec_exp(fract_bits: u64, bin_exp: i32) -> i32 {
    let d2 = f64::from_bits((1023u64 << 52) | (fract_bits & (FRACT_HOB - 1)));
    let d = (d2 - 1.5) * 0.289529654 + 0.176091259 + f64::from(bin_exp) * 0.301029995663981;
    let d_bits = d.to_bits();
    let exponent = ((d_bits >> 52) & 0x7ff) as i32 - 1023;
    let negative = (d_bits >> 63) != 0;
    if (0..52).contains(&exponent) {
        let mask = (FRACT_HOB - 1) >> exponent;
        let r = (((d_bits & (FRACT_HOB - 1)) | FRACT_HOB) >> (EXP_SHIFT - exponent)) as i32;
        match (negative, mask & d_bits == 0) {
            (false, _) => r,
            (true, true) => -r,
            (true, false) => -r - 1,
        }
    } else if exponent < 0 {
        i32::from(negative && (d_bits & !(1u64 << 63)) != 0).wrapping_neg()
    } else {
        d as i32
    }
}

/// The digit loop shared by the `int` and `long` fast paths (Java's wrapping arithmetic).
macro_rules! small_digit_loop {
    ($t:ty, $b:expr, $s:expr, $m:expr, $dec_exp:ident, $digits:ident) => {{
        let (mut b, s, mut m): ($t, $t, $t) = ($b, $s, $m);
        let tens = s.wrapping_mul(10);
        let q = b / s;
        b = b.wrapping_rem(s).wrapping_mul(10);
        m = m.wrapping_mul(10);
        let mut low = b < m;
        let mut high = b.wrapping_add(m) > tens;
        if q == 0 && !high {
            $dec_exp -= 1;
        } else {
            $digits.push(b'0'.wrapping_add(q as u8));
        }
        if !(-3..8).contains(&$dec_exp) {
            high = false;
            low = false;
        }
        while !low && !high {
            let q = b / s;
            b = b.wrapping_rem(s).wrapping_mul(10);
            m = m.wrapping_mul(10);
            if m > 0 {
                low = b < m;
                high = b.wrapping_add(m) > tens;
            } else {
                low = true;
                high = true;
            }
            $digits.push(b'0'.wrapping_add(q as u8));
        }
        (low, high, (b.wrapping_shl(1).wrapping_sub(tens)) as i64)
    }};
}

fn dtoa(bin_exp: i32, mut fract_bits: u64, n_significant_bits: i32) -> Digits {
    let tail_zeros = fract_bits.trailing_zeros() as i32;
    let n_fract_bits = EXP_SHIFT + 1 - tail_zeros;
    let n_tiny_bits = 0.max(n_fract_bits - bin_exp - 1);
    // Java also requires `nTinyBits < LONG_5_POW.length` and `nFractBits + N_5_BITS[nTinyBits]
    // < 64`, both always true when `nTinyBits == 0` (the only case it then handles here).
    if (-21..=62).contains(&bin_exp) && n_tiny_bits == 0 {
        let p2 = bin_exp - n_significant_bits - 1;
        let insignificant = if bin_exp > n_significant_bits && p2 > 1 {
            INSIGNIFICANT_DIGITS_NUMBER
                .get(p2 as usize)
                .copied()
                .unwrap_or(0)
        } else {
            0
        };
        if bin_exp >= EXP_SHIFT {
            fract_bits <<= bin_exp - EXP_SHIFT;
        } else {
            fract_bits >>= EXP_SHIFT - bin_exp;
        }
        return develop_long_digits(0, fract_bits as i64, insignificant);
    }
    let mut dec_exp = estimate_dec_exp(fract_bits, bin_exp);
    let b5 = 0.max(-dec_exp);
    let mut b2 = b5 + n_tiny_bits + bin_exp;
    let s5 = 0.max(dec_exp);
    let mut s2 = s5 + n_tiny_bits;
    let m5 = b5;
    let mut m2 = b2 - n_significant_bits;
    fract_bits >>= tail_zeros;
    b2 -= n_fract_bits - 1;
    let common2 = b2.min(s2);
    b2 -= common2;
    s2 -= common2;
    m2 -= common2;
    if n_fract_bits == 1 {
        m2 -= 1;
    }
    if m2 < 0 {
        b2 -= m2;
        s2 -= m2;
        m2 = 0;
    }
    let n5 = |i: i32| N_5_BITS.get(i as usize).copied().unwrap_or(i * 3);
    let b_bits = n_fract_bits + b2 + n5(b5);
    let ten_s_bits = s2 + 1 + n5(s5 + 1);
    let mut digits: Vec<u8> = Vec::with_capacity(20);
    let (low, high, low_digit_difference) = if b_bits < 32 && ten_s_bits < 32 {
        let pow5 = |p: i32| pow5_i64(p) as i32;
        small_digit_loop!(
            i32,
            (fract_bits as i32)
                .wrapping_mul(pow5(b5))
                .wrapping_shl(b2 as u32),
            pow5(s5).wrapping_shl(s2 as u32),
            pow5(m5).wrapping_shl(m2 as u32),
            dec_exp,
            digits
        )
    } else if b_bits < 64 && ten_s_bits < 64 {
        small_digit_loop!(
            i64,
            (fract_bits as i64)
                .wrapping_mul(pow5_i64(b5))
                .wrapping_shl(b2 as u32),
            pow5_i64(s5).wrapping_shl(s2 as u32),
            pow5_i64(m5).wrapping_shl(m2 as u32),
            dec_exp,
            digits
        )
    } else {
        // FDBigInteger arithmetic; the normalisation shift Java applies to all four values
        // changes no quotient or comparison, so it is left out.
        let s_val = pow52(s5, s2);
        let mut b_val = BigUint::from(fract_bits) * pow52(b5, b2);
        let mut m_val = pow52(m5 + 1, m2 + 1);
        let ten_s_val = pow52(s5 + 1, s2 + 1);
        let quo_rem = |b: &mut BigUint| -> u8 {
            let q = &*b / &s_val;
            *b = (&*b % &s_val) * 10u32;
            q.to_u32_digits().first().copied().unwrap_or(0) as u8
        };
        let q = quo_rem(&mut b_val);
        let mut low = b_val < m_val;
        let mut high = &b_val + &m_val >= ten_s_val;
        if q == 0 && !high {
            dec_exp -= 1;
        } else {
            digits.push(b'0'.wrapping_add(q));
        }
        if !(-3..8).contains(&dec_exp) {
            high = false;
            low = false;
        }
        while !low && !high {
            let q = quo_rem(&mut b_val);
            m_val *= 10u32;
            low = b_val < m_val;
            high = &b_val + &m_val >= ten_s_val;
            digits.push(b'0'.wrapping_add(q));
        }
        let diff = if high && low {
            ((&b_val << 1usize).cmp(&ten_s_val)) as i64
        } else {
            0
        };
        (low, high, diff)
    };
    let mut out = Digits {
        digits,
        dec_exponent: dec_exp + 1,
    };
    if high {
        let odd = out.digits.last().is_some_and(|d| d & 1 != 0);
        if !low || low_digit_difference > 0 || (low_digit_difference == 0 && odd) {
            out.roundup();
        }
    }
    out
}

/// `BinaryToASCIIBuffer.getChars`: plain notation for `10^-3 <= |v| < 10^7`, else `d.dddE±n`.
fn layout(negative: bool, d: &Digits) -> String {
    let mut s = String::with_capacity(26);
    if negative {
        s.push('-');
    }
    let digits: String = d.digits.iter().map(|&b| char::from(b)).collect();
    let n = digits.len() as i32;
    let e = d.dec_exponent;
    if e > 0 && e < 8 {
        let int_len = n.min(e) as usize;
        s.push_str(&digits[..int_len]);
        if (int_len as i32) < e {
            s.extend(std::iter::repeat_n('0', (e - int_len as i32) as usize));
            s.push_str(".0");
        } else if (int_len as i32) < n {
            s.push('.');
            s.push_str(&digits[int_len..]);
        } else {
            s.push_str(".0");
        }
    } else if e <= 0 && e > -3 {
        s.push_str("0.");
        s.extend(std::iter::repeat_n('0', (-e) as usize));
        s.push_str(&digits);
    } else {
        s.push_str(&digits[..1.min(digits.len())]);
        s.push('.');
        s.push_str(if n > 1 { &digits[1..] } else { "0" });
        s.push('E');
        s.push_str(&(e - 1).to_string());
    }
    s
}

/// Java's `Double.toString(d)` (JDK 17).
pub(super) fn double_to_string(d: f64) -> String {
    if d.is_nan() {
        return "NaN".into();
    }
    if d.is_infinite() {
        return if d < 0.0 { "-Infinity" } else { "Infinity" }.into();
    }
    let bits = d.to_bits();
    let negative = (bits >> 63) != 0;
    let mut fract_bits = bits & (FRACT_HOB - 1);
    let mut bin_exp = ((bits >> 52) & 0x7ff) as i32;
    let n_significant_bits;
    if bin_exp == 0 {
        if fract_bits == 0 {
            return if negative { "-0.0" } else { "0.0" }.into();
        }
        let leading_zeros = fract_bits.leading_zeros() as i32;
        let shift = leading_zeros - (63 - EXP_SHIFT);
        fract_bits <<= shift;
        bin_exp = 1 - shift;
        n_significant_bits = 64 - leading_zeros;
    } else {
        fract_bits |= FRACT_HOB;
        n_significant_bits = EXP_SHIFT + 1;
    }
    layout(
        negative,
        &dtoa(bin_exp - 1023, fract_bits, n_significant_bits),
    )
}

/// Java's `Float.toString(f)` (JDK 17).
pub(super) fn float_to_string(f: f32) -> String {
    if f.is_nan() {
        return "NaN".into();
    }
    if f.is_infinite() {
        return if f < 0.0 { "-Infinity" } else { "Infinity" }.into();
    }
    let bits = f.to_bits();
    let negative = (bits >> 31) != 0;
    let mut fract_bits = bits & ((1 << 23) - 1);
    let mut bin_exp = ((bits >> 23) & 0xff) as i32;
    let n_significant_bits;
    if bin_exp == 0 {
        if fract_bits == 0 {
            return if negative { "-0.0" } else { "0.0" }.into();
        }
        let leading_zeros = fract_bits.leading_zeros() as i32;
        let shift = leading_zeros - (31 - 23);
        fract_bits <<= shift;
        bin_exp = 1 - shift;
        n_significant_bits = 32 - leading_zeros;
    } else {
        fract_bits |= 1 << 23;
        n_significant_bits = 24;
    }
    let widened = u64::from(fract_bits) << (EXP_SHIFT - 23);
    layout(negative, &dtoa(bin_exp - 127, widened, n_significant_bits))
}

/// Java's `BigDecimal.toString()`: plain when `scale >= 0` and the adjusted exponent is at
/// least -6, else scientific with an explicit exponent sign (`1E+3`, `1.23E-7`, `0E-10`).
pub(super) fn big_decimal_to_string(value: &BigDecimal) -> String {
    let (unscaled, scale) = value.as_bigint_and_exponent();
    if scale == 0 {
        return unscaled.to_string();
    }
    let coeff = unscaled.magnitude().to_string();
    let mut out = String::with_capacity(coeff.len() + 8);
    if unscaled.sign() == Sign::Minus {
        out.push('-');
    }
    let len = coeff.len() as i64;
    let adjusted = -scale + (len - 1);
    if scale > 0 && adjusted >= -6 {
        let pad = scale - len;
        if pad >= 0 {
            out.push_str("0.");
            out.extend(std::iter::repeat_n('0', pad as usize));
            out.push_str(&coeff);
        } else {
            let point = (len - scale) as usize;
            out.push_str(&coeff[..point]);
            out.push('.');
            out.push_str(&coeff[point..]);
        }
    } else {
        out.push_str(&coeff[..1]);
        if len > 1 {
            out.push('.');
            out.push_str(&coeff[1..]);
        }
        if adjusted != 0 {
            out.push('E');
            if adjusted > 0 {
                out.push('+');
            }
            out.push_str(&adjusted.to_string());
        }
    }
    out
}

/// A `java.lang.NumberFormatException` message (`None` is Java's `null` message).
pub(super) type NumberFormatError = Option<String>;

/// `new BigDecimal(in, offset, len)` (JDK 17). Like Java, the exponent parser peeks at the
/// characters after the range (and fails with a `null` message past the end of `in`).
pub(super) fn parse_big_decimal(
    input: &[u16],
    offset: usize,
    len: usize,
) -> Result<BigDecimal, NumberFormatError> {
    let at = |i: usize| input.get(i).copied().ok_or(None);
    let (mut offset, mut len) = (offset, len as i64);
    let negative = at(offset)? == u16::from(b'-');
    if negative || at(offset)? == u16::from(b'+') {
        offset += 1;
        len -= 1;
    }
    let compact = len <= 18;
    let (mut digits, mut any_digit, mut dot, mut scale) = (String::new(), false, false, 0i64);
    let mut exp = 0i64;
    while len > 0 {
        let c = at(offset)?;
        match c {
            0x30..=0x39 => {
                any_digit = true;
                digits.push(char::from(c as u8));
                scale += i64::from(dot);
            }
            0x2e if dot => {
                return Err(nfe("Character array contains more than one decimal point."));
            }
            0x2e => dot = true,
            0x45 | 0x65 => {
                exp = parse_exp(input, offset, len)?;
                if exp != i64::from(exp as i32) {
                    return Err(nfe("Exponent overflow."));
                }
                break;
            }
            _ if compact => {
                let c = String::from_utf16_lossy(&[c]);
                return Err(Some(format!(
                    "Character {c} is neither a decimal digit number, decimal point, nor \"e\" \
                     notation exponential mark."
                )));
            }
            _ => {
                return Err(nfe(
                    "Character array is missing \"e\" notation exponential mark.",
                ));
            }
        }
        offset += 1;
        len -= 1;
    }
    if !any_digit {
        return Err(nfe("No digits found."));
    }
    let scale = scale - exp;
    if scale != i64::from(scale as i32) {
        return Err(nfe("Scale out of range."));
    }
    let mut unscaled: BigInt = digits.parse().unwrap_or_else(|_| BigInt::zero());
    if negative {
        unscaled = -unscaled;
    }
    Ok(BigDecimal::new(unscaled, scale))
}

fn nfe(message: &str) -> NumberFormatError {
    Some(message.to_owned())
}

fn parse_exp(input: &[u16], mut offset: usize, mut len: i64) -> Result<i64, NumberFormatError> {
    let at = |i: usize| input.get(i).copied().ok_or(None);
    offset += 1;
    let mut c = at(offset)?;
    len -= 1;
    let negative = c == u16::from(b'-');
    if negative || c == u16::from(b'+') {
        offset += 1;
        c = at(offset)?;
        len -= 1;
    }
    if len <= 0 {
        return Err(nfe("No exponent digits."));
    }
    while len > 10 && c == u16::from(b'0') {
        offset += 1;
        c = at(offset)?;
        len -= 1;
    }
    if len > 10 {
        return Err(nfe("Too many nonzero exponent digits."));
    }
    let mut exp = 0i64;
    loop {
        let digit = char::from_u32(u32::from(c)).and_then(|ch| ch.to_digit(10));
        exp = exp * 10 + i64::from(digit.ok_or_else(|| nfe("Not a digit."))?);
        if len == 1 {
            break;
        }
        offset += 1;
        c = at(offset)?;
        len -= 1;
    }
    Ok(if negative { -exp } else { exp })
}

#[cfg(test)]
mod tests {
    use super::*;

    // Every expectation below is what Java 17.0.15 printed (Double.toString / Float.toString /
    // BigDecimal.toString under Groovy 2.4.21); the full 700,000-value comparison was run
    // outside the test suite.
    #[test]
    fn doubles_print_like_java_17() {
        let cases: &[(u64, &str)] = &[
            (0xc307b40843963382, "-8.339840063750242E14"),
            (0xc3c29b3529ace642, "-2.6814475343671142E18"),
            (0xc3b90e3afd784e14, "-1.80544536094166733E18"),
            (0x439fc3f3803c9c69, "5.7223519193314771E17"),
            (0x4442577ae8df118a, "6.766899999999999E20"),
            (0x44a89e4019715044, "5.8127999999999996E22"),
            (0x447d2f743a1126ee, "8.614000000000001E21"),
            (0xba419d350dfe8af7, "-4.446421636188976E-28"),
            (0x4f083ce3f12bbb4b, "5.353072455204317E72"),
        ];
        for &(bits, java) in cases {
            assert_eq!(double_to_string(f64::from_bits(bits)), java, "{bits:x}");
        }
        let values: &[(f64, &str)] = &[
            (0.1 + 0.2, "0.30000000000000004"),
            (100.0, "100.0"),
            (1e20, "1.0E20"),
            (1.5, "1.5"),
            (-0.0, "-0.0"),
            (0.0, "0.0"),
            (f64::from_bits(1), "4.9E-324"),
            (f64::MAX, "1.7976931348623157E308"),
            (1e7, "1.0E7"),
            (9999999.0, "9999999.0"),
            (0.001, "0.001"),
            (0.0001, "1.0E-4"),
            (2e-3, "0.002"),
            (f64::NAN, "NaN"),
            (f64::NEG_INFINITY, "-Infinity"),
        ];
        for &(v, java) in values {
            assert_eq!(double_to_string(v), java);
        }
    }

    #[test]
    fn floats_print_like_java_17() {
        let cases: &[(u32, &str)] = &[
            (0x5472aea3, "4.16924801E12"),
            (0xd56ab419, "-1.61287022E13"),
            (0x48d1ca14, "429648.62"),
            (0xcf66914c, "-3.86828186E9"),
        ];
        for &(bits, java) in cases {
            assert_eq!(float_to_string(f32::from_bits(bits)), java, "{bits:x}");
        }
        assert_eq!(float_to_string(1.5), "1.5");
        assert_eq!(float_to_string(0.1), "0.1");
        assert_eq!(float_to_string(1e10), "1.0E10");
        assert_eq!(float_to_string(-0.0), "-0.0");
    }

    #[test]
    fn big_decimals_print_like_java() {
        let cases: &[(i64, i64, &str)] = &[
            (0, 10, "0E-10"),
            (-123, 9, "-1.23E-7"),
            (123456, -7, "1.23456E+12"),
            (1, 6, "0.000001"),
            (1, 7, "1E-7"),
            (1, -3, "1E+3"),
            (100, 0, "100"),
            (150, 2, "1.50"),
            (25, 3, "0.025"),
            (-5, 1, "-0.5"),
        ];
        for &(unscaled, scale, java) in cases {
            assert_eq!(
                big_decimal_to_string(&BigDecimal::new(unscaled.into(), scale)),
                java
            );
        }
    }

    fn parse(text: &str) -> Result<String, Option<&'static str>> {
        let chars: Vec<u16> = text.encode_utf16().collect();
        parse_big_decimal(&chars, 0, chars.len())
            .map(|d| big_decimal_to_string(&d))
            .map_err(|e| e.map(|m| &*m.leak()))
    }

    #[test]
    fn big_decimal_parser_follows_java() {
        assert_eq!(parse("1.50"), Ok("1.50".into()));
        assert_eq!(parse("1e3"), Ok("1E+3".into()));
        assert_eq!(parse("2.5E-2"), Ok("0.025".into()));
        assert_eq!(parse("-.5"), Ok("-0.5".into()));
        assert_eq!(parse("1."), Ok("1".into()));
        assert_eq!(parse("1e"), Err(None));
        assert_eq!(parse("1e5.5"), Err(Some("Not a digit.")));
        assert_eq!(parse("-e5"), Err(Some("No digits found.")));
        assert_eq!(
            parse("1e99999999999"),
            Err(Some("Too many nonzero exponent digits."))
        );
        assert_eq!(parse("1e9999999999"), Err(Some("Exponent overflow.")));
        assert_eq!(
            parse("1+2").unwrap_err().map(|m| &m[..11]),
            Some("Character +")
        );
        assert_eq!(
            parse("1234567890123456789+").unwrap_err(),
            Some("Character array is missing \"e\" notation exponential mark.")
        );
    }
}
