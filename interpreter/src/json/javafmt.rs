//! Java 17's `BigDecimal(char[], int, int)` parser, as `groovy.json` calls it. Number printing
//! (`Double.toString` and friends) is `crate::number`'s.

use bigdecimal::BigDecimal;
use num_bigint::BigInt;
use num_traits::Zero;

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
    use crate::number::{double_to_string, float_to_string};

    /// The shared `BigDecimal.toString` the JSON output uses.
    fn big_decimal_to_string(d: &BigDecimal) -> String {
        let (unscaled, scale) = crate::number::decimal::parts(d);
        crate::number::format::decimal_to_string(&unscaled, scale)
    }

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
