//! Unit tests of [`super`]: each expectation is what Groovy 2.4.21 prints, from
//! `fixtures/groovy/numbers/` or from probes run with the real `groovy` command.

use super::*;

/// A literal as Groovy source would produce it (`-` folded like Groovy).
fn n(literal: &str) -> Number {
    parse_literal(literal).expect("valid literal")
}

/// `value (class)` or `class: message`, the way the probes printed results.
fn show(r: NumResult) -> String {
    match r {
        Ok(v) => format!("{v} ({})", v.simple_name()),
        Err(e) => format!("{}: {}", e.class, e.message),
    }
}

fn op(a: &str, o: BinaryOp, b: &str) -> String {
    show(n(a).binary(o, &n(b)))
}

use BinaryOp::*;

#[test]
fn promotion_types() {
    // fixtures/groovy/numbers/plus-promotion-types, minus-times-promotion
    assert_eq!(op("1", Add, "1"), "2 (Integer)");
    assert_eq!(op("1", Add, "1L"), "2 (Long)");
    assert_eq!(op("1", Add, "1G"), "2 (BigInteger)");
    assert_eq!(op("1", Add, "1.0"), "2.0 (BigDecimal)");
    assert_eq!(op("1", Add, "1.0d"), "2.0 (Double)");
    assert_eq!(op("1L", Add, "1.5"), "2.5 (BigDecimal)");
    assert_eq!(op("1G", Add, "1.5"), "2.5 (BigDecimal)");
    assert_eq!(op("1.5", Add, "1.5d"), "3.0 (Double)");
    assert_eq!(op("1f", Add, "1"), "2.0 (Double)");
    assert_eq!(op("1", Add, "1.5d"), "2.5 (Double)");
    assert_eq!(op("10", Sub, "2.5"), "7.5 (BigDecimal)");
    assert_eq!(op("3", Mul, "1.5"), "4.5 (BigDecimal)");
    assert_eq!(op("3", Mul, "0.1d"), "0.30000000000000004 (Double)");
    assert_eq!(op("2L", Mul, "3"), "6 (Long)");
    assert_eq!(op("7G", Mul, "3"), "21 (BigInteger)");
    assert_eq!(op("1.10", Mul, "2"), "2.20 (BigDecimal)");
    // fixtures/groovy/numbers/double-printing: 0.1f + 0.2f is a Double
    assert_eq!(op("0.1f", Add, "0.2f"), "0.30000000447034836 (Double)");
    // checked with groovy 2.4.21: 1G + 0.5d, 1.5 + 0.5f
    assert_eq!(op("1G", Add, "0.5d"), "1.5 (Double)");
    assert_eq!(op("1.5", Add, "0.5f"), "2.0 (Double)");
    assert_eq!(op("0.1", Add, "0.2"), "0.3 (BigDecimal)");
}

#[test]
fn overflow_wraps() {
    // fixtures/groovy/numbers/int-overflow-wraps, long-arithmetic
    assert_eq!(op("2147483647", Add, "1"), "-2147483648 (Integer)");
    assert_eq!(op("2147483647", Add, "1L"), "2147483648 (Long)");
    assert_eq!(op("-2147483648", Sub, "1"), "2147483647 (Integer)");
    assert_eq!(op("100000", Mul, "100000"), "1410065408 (Integer)");
    assert_eq!(op("100000L", Mul, "100000"), "10000000000 (Long)");
    assert_eq!(
        op("9223372036854775807L", Add, "1"),
        "-9223372036854775808 (Long)"
    );
    assert_eq!(op("3000000000L", Mul, "4"), "12000000000 (Long)");
    assert_eq!(op("5L", Sub, "7"), "-2 (Long)");
    assert_eq!(
        op("123456789012345678901234567890", Add, "1"),
        "123456789012345678901234567891 (BigInteger)"
    );
}

#[test]
fn division() {
    // fixtures/groovy/numbers/integer-division-gives-bigdecimal, double-division,
    // biginteger-ops, long-arithmetic, division-by-zero-throws, bigdecimal-division-by-zero
    assert_eq!(op("1", Div, "2"), "0.5 (BigDecimal)");
    assert_eq!(op("4", Div, "2"), "2 (BigDecimal)");
    assert_eq!(op("2", Div, "3"), "0.6666666667 (BigDecimal)");
    assert_eq!(op("90061000L", Div, "1000"), "90061 (BigDecimal)");
    assert_eq!(op("10G", Div, "4"), "2.5 (BigDecimal)");
    assert_eq!(op("1G", Div, "3"), "0.3333333333 (BigDecimal)");
    assert_eq!(op("1L", Div, "4"), "0.25 (BigDecimal)");
    assert_eq!(op("1", Div, "2d"), "0.5 (Double)");
    assert_eq!(op("100.0d", Div, "3"), "33.333333333333336 (Double)");
    assert_eq!(op("1", Div, "3f"), "0.3333333333333333 (Double)");
    assert_eq!(op("1.0", Div, "0.5d"), "2.0 (Double)");
    assert_eq!(op("10.0d", Div, "0"), "Infinity (Double)");
    assert_eq!(op("-1.0d", Div, "0"), "-Infinity (Double)");
    assert_eq!(op("0.0d", Div, "0"), "NaN (Double)");
    assert_eq!(
        op("10", Div, "0"),
        "java.lang.ArithmeticException: Division by zero"
    );
    assert_eq!(
        op("1.5", Div, "0.0"),
        "java.lang.ArithmeticException: Division by zero"
    );
    assert_eq!(
        op("0", Div, "0"),
        "java.lang.ArithmeticException: Division undefined"
    );
}

#[test]
fn intdiv_and_mod() {
    // fixtures/groovy/numbers/intdiv-and-modulo, bigdecimal-modulo, biginteger-ops
    assert_eq!(op("7", IntDiv, "2"), "3 (Integer)");
    assert_eq!(op("-7", IntDiv, "2"), "-3 (Integer)");
    assert_eq!(op("7L", IntDiv, "2"), "3 (Long)");
    assert_eq!(op("10G", IntDiv, "4"), "2 (BigInteger)");
    assert_eq!(op("7", Mod, "3"), "1 (Integer)");
    assert_eq!(op("-7", Mod, "3"), "-1 (Integer)");
    assert_eq!(op("7", Mod, "-3"), "1 (Integer)");
    assert_eq!(op("7L", Mod, "3"), "1 (Long)");
    assert_eq!(op("7.5d", Mod, "2"), "1.5 (Double)");
    assert_eq!(op("10G", Mod, "4"), "2 (BigInteger)");
    assert_eq!(
        op("7.5", Mod, "2"),
        "java.lang.UnsupportedOperationException: Cannot use mod() on this number type: java.math.BigDecimal with value: 7.5"
    );
    // checked with groovy 2.4.21
    assert_eq!(
        op("7", Mod, "2.5"),
        "java.lang.UnsupportedOperationException: Cannot use mod() on this number type: java.lang.Integer with value: 7"
    );
    assert_eq!(op("-7G", Mod, "3"), "2 (BigInteger)");
    assert_eq!(
        op("7G", Mod, "-3"),
        "java.lang.ArithmeticException: BigInteger: modulus not positive"
    );
    assert_eq!(op("-7G", IntDiv, "2"), "-3 (BigInteger)");
    assert_eq!(
        op("1", IntDiv, "0"),
        "java.lang.ArithmeticException: / by zero"
    );
    assert_eq!(
        op("1L", Mod, "0"),
        "java.lang.ArithmeticException: / by zero"
    );
    assert_eq!(
        op("1G", IntDiv, "0"),
        "java.lang.ArithmeticException: BigInteger divide by zero"
    );
    assert_eq!(op("1d", Mod, "0"), "NaN (Double)");
    assert_eq!(
        op("7.5", IntDiv, "2"),
        "java.lang.UnsupportedOperationException: Cannot use intdiv() on this number type: java.math.BigDecimal with value: 7.5"
    );
    assert_eq!(
        op("7.5d", IntDiv, "2"),
        "java.lang.UnsupportedOperationException: Cannot use intdiv() on this number type: java.lang.Double with value: 7.5"
    );
    // Java semantics for the overflow corner (no panic)
    assert_eq!(op("-2147483648", IntDiv, "-1"), "-2147483648 (Integer)");
    assert_eq!(op("-2147483648", Mod, "-1"), "0 (Integer)");
}

#[test]
fn power() {
    // fixtures/groovy/numbers/power-integers, power-negative-and-fractional, biginteger-ops
    assert_eq!(op("2", Power, "10"), "1024 (Integer)");
    assert_eq!(op("2", Power, "30"), "1073741824 (Integer)");
    assert_eq!(op("2", Power, "31"), "2147483648 (BigInteger)");
    assert_eq!(op("2", Power, "64"), "18446744073709551616 (BigInteger)");
    assert_eq!(op("2", Power, "0"), "1 (Integer)");
    assert_eq!(op("0", Power, "0"), "1 (Integer)");
    assert_eq!(op("10L", Power, "3"), "1000 (Long)");
    assert_eq!(
        op("2G", Power, "100"),
        "1267650600228229401496703205376 (BigInteger)"
    );
    assert_eq!(op("2", Power, "-1"), "0.5 (Double)");
    assert_eq!(op("2", Power, "0.5"), "1.4142135623730951 (Double)");
    assert_eq!(op("4", Power, "0.5"), "2 (Integer)");
    assert_eq!(op("1.5", Power, "2"), "2.25 (BigDecimal)");
    assert_eq!(op("2.0d", Power, "3"), "8 (Integer)");
    assert_eq!(op("-2", Power, "2"), "4 (Integer)");
    // checked with groovy 2.4.21
    assert_eq!(op("2", Power, "3L"), "8 (Integer)");
    assert_eq!(op("2L", Power, "3L"), "8 (Integer)");
    assert_eq!(op("2G", Power, "3G"), "8 (BigInteger)");
    assert_eq!(op("2", Power, "3G"), "8 (Integer)");
    assert_eq!(op("2G", Power, "-1"), "0.5 (Double)");
    assert_eq!(op("2G", Power, "-1G"), "0 (BigInteger)");
    assert_eq!(op("10G", Power, "3L"), "1000 (BigInteger)");
    assert_eq!(op("10G", Power, "-3L"), "0 (BigInteger)");
    assert!(op("0G", Power, "-3L").starts_with("java.lang.NumberFormatException: Character I"));
    assert_eq!(op("2.5", Power, "2.5"), "9.882117688026186 (Double)");
    assert_eq!(op("1.5", Power, "-1"), "0.6666666666666666 (Double)");
    assert_eq!(op("2.0", Power, "0"), "1 (BigDecimal)");
    assert_eq!(op("1.50", Power, "2"), "2.2500 (BigDecimal)");
    assert_eq!(op("10", Power, "20"), "100000000000000000000 (BigInteger)");
    assert_eq!(op("10L", Power, "20"), "100000000000000000000 (BigInteger)");
    assert_eq!(op("2", Power, "62d"), "4611686018427387904 (Long)");
    assert_eq!(op("2", Power, "64d"), "1.8446744073709552E19 (Double)");
    assert_eq!(op("2", Power, "100L"), "1.2676506002282294E30 (Double)");
    assert_eq!(op("3f", Power, "2"), "9 (Integer)");
    assert_eq!(op("0", Power, "-1"), "Infinity (Double)");
    assert_eq!(op("-2", Power, "31"), "-2147483648 (Integer)");
    assert_eq!(op("1.5", Power, "2L"), "2.25 (Double)");
    assert_eq!(
        show(n("-8").power(&n("1").div(&n("3")).expect("divides"))),
        "NaN (Double)"
    );
    assert_eq!(op("1", Power, "2000000000"), "1 (Integer)");
    assert_eq!(op("-1", Power, "2000000001"), "-1 (Integer)");
    assert!(op("3", Power, "2000000000").starts_with("java.lang.ArithmeticException"));
}

#[test]
fn bitwise_and_shifts() {
    // fixtures/groovy/numbers/bitwise-ops
    assert_eq!(op("5", And, "3"), "1 (Integer)");
    assert_eq!(op("5", Or, "3"), "7 (Integer)");
    assert_eq!(op("5", Xor, "3"), "6 (Integer)");
    assert_eq!(show(n("5").bitwise_not()), "-6 (Integer)");
    assert_eq!(op("1", Shl, "4"), "16 (Integer)");
    assert_eq!(op("-16", Shr, "2"), "-4 (Integer)");
    assert_eq!(op("-16", UShr, "28"), "15 (Integer)");
    assert_eq!(op("1L", Shl, "40"), "1099511627776 (Long)");
    assert_eq!(op("0xFF", And, "0x0F"), "15 (Integer)");
    // checked with groovy 2.4.21 (dynamic operands)
    assert_eq!(op("1", Shl, "40"), "256 (Integer)");
    assert_eq!(op("1", Shl, "40L"), "256 (Integer)");
    assert_eq!(op("1", Shl, "3G"), "8 (Integer)");
    assert_eq!(op("1L", Shl, "64"), "1 (Long)");
    assert_eq!(op("-1L", UShr, "60"), "15 (Long)");
    assert_eq!(op("5", And, "3L"), "1 (Long)");
    assert_eq!(op("5", And, "3G"), "1 (BigInteger)");
    assert_eq!(show(n("5L").bitwise_not()), "-6 (Long)");
    assert_eq!(show(n("5G").bitwise_not()), "-6 (BigInteger)");
    assert_eq!(
        op("1G", Shl, "3"),
        "java.lang.UnsupportedOperationException: Cannot use leftShift() on this number type: java.math.BigInteger with value: 1"
    );
    assert_eq!(
        op("1", Shl, "3.0"),
        "java.lang.UnsupportedOperationException: Shift distance must be an integral type, but 3.0 (java.math.BigDecimal) was supplied"
    );
    assert_eq!(
        op("5", And, "3.0"),
        "java.lang.UnsupportedOperationException: Cannot use and() on this number type: java.lang.Integer with value: 5"
    );
    assert_eq!(
        op("5d", And, "3"),
        "java.lang.UnsupportedOperationException: Cannot use and() on this number type: java.lang.Double with value: 5.0"
    );
    assert_eq!(
        show(n("1.5").bitwise_not()),
        "java.lang.UnsupportedOperationException: Cannot use bitwiseNegate() on this number type: java.math.BigDecimal with value: 1.5"
    );
}

#[test]
fn unary_and_increments() {
    // fixtures/groovy/numbers/increment-decrement, number-methods-misc; probes
    assert_eq!(show(n("5").next()), "6 (Integer)");
    assert_eq!(show(n("1.5").next()), "2.5 (BigDecimal)");
    assert_eq!(show(n("10L").previous()), "9 (Long)");
    assert_eq!(show(n("2147483647").next()), "-2147483648 (Integer)");
    assert_eq!(show(n("1.5f").next()), "2.5 (Double)");
    assert_eq!(show(n("1G").previous()), "0 (BigInteger)");
    assert_eq!(
        show(n("-9223372036854775808").previous()),
        "9223372036854775807 (Long)"
    );
    assert_eq!(show(n("5.0").negate()), "-5.0 (BigDecimal)");
    assert_eq!(show(Ok(n("-3").neg())), "3 (Integer)");
    assert_eq!(show(Ok(n("1.5f").neg())), "-1.5 (Float)");
    assert_eq!(
        show(Ok(Number::Integer(i32::MIN).neg())),
        "-2147483648 (Integer)"
    );
    assert_eq!(show(Ok(Number::Double(0.0).neg())), "-0.0 (Double)");
    assert_eq!(show(Ok(n("-3L").unary_plus())), "-3 (Long)");
}

#[test]
fn comparisons() {
    // fixtures/groovy/numbers/comparisons-across-types, spaceship-numbers
    assert!(n("1").num_eq(&n("1L")));
    assert!(n("1").num_eq(&n("1.0")));
    assert!(n("1").num_eq(&n("1.0d")));
    assert!(n("1").num_eq(&n("1G")));
    assert!(n("1.0").num_eq(&n("1.00")));
    assert!(!n("1.0").java_equals(&n("1.00")));
    assert!(!n("1").java_equals(&n("1L")));
    assert_eq!(n("2").compare(&n("1.5")), Ordering::Greater);
    assert_eq!(n("1L").compare(&n("2.5d")), Ordering::Less);
    assert_ne!(n("3G").compare(&n("3.0")), Ordering::Less);
    let tenth = n("0.1d").add(&n("0.2d")).expect("adds");
    assert!(!tenth.num_eq(&n("0.3d")));
    assert!(n("0.1").add(&n("0.2")).expect("adds").num_eq(&n("0.3")));
    assert_eq!(n("2").compare(&n("2.0")), Ordering::Equal);
    assert_eq!(n("10L").compare(&n("9.99d")), Ordering::Greater);
    // checked with groovy 2.4.21: Double.compare semantics
    let (zero, neg_zero) = (Number::Double(0.0), Number::Double(-0.0));
    assert_eq!(zero.compare(&neg_zero), Ordering::Greater);
    assert!(Number::Double(f64::NAN).num_eq(&Number::Double(f64::NAN)));
    assert_eq!(Number::Double(f64::NAN).compare(&n("1")), Ordering::Greater);
    assert!(n("1").num_eq(&n("1.0f")));
    assert!(n("0.1").num_eq(&n("0.1d")));
    assert!(!n("0.1f").num_eq(&n("0.1d")));
    assert!(Number::Double(f64::NAN).java_equals(&Number::Double(f64::NAN)));
    assert!(!zero.java_equals(&neg_zero));
}

#[test]
fn truth_and_conversions() {
    // fixtures/groovy/numbers/number-truth-and-ternary, conversions, as-conversions
    assert!(!n("0").as_boolean());
    assert!(n("3").as_boolean());
    assert!(!n("0.0").as_boolean());
    assert!(!n("0.0d").as_boolean());
    assert!(n("0L").is_zero());
    assert!(Number::Double(f64::NAN).as_boolean());
    assert_eq!(n("3.7d").to_i32(), 3);
    assert_eq!(n("3.7").to_i32(), 3);
    assert_eq!(n("3.99").to_integer().to_string(), "3");
    assert_eq!(n("3.9d").to_i64(), 3);
    assert_eq!(n("42").to_double().to_string(), "42.0");
    assert_eq!(n("1.5").to_double().type_name(), "java.lang.Double");
    assert_eq!(n("42").to_long().type_name(), "java.lang.Long");
    assert_eq!(n("0.1").to_float().to_string(), "0.1");
    // checked with groovy 2.4.21
    assert_eq!(n("1e20d").to_i32(), i32::MAX);
    assert_eq!(n("1e20d").to_i64(), i64::MAX);
    assert_eq!(n("-1e20d").to_i32(), i32::MIN);
    assert_eq!(Number::Double(f64::NAN).to_i32(), 0);
    assert_eq!(n("3000000000L").to_i32(), -1294967296);
    assert_eq!(n("1e20").to_i32(), 1661992960);
    assert_eq!(n("1e100").to_i64(), 0);
    assert_eq!(n("1e100").to_i32(), 0);
    assert_eq!(n("12345678901234567890G").to_i64(), -6101065172474983726);
    assert_eq!(n("-3.99").to_i64(), -3);
    assert_eq!(Number::Double(n("1.1f").to_double_gdk()).to_string(), "1.1");
    assert_eq!(n("1.1f").to_double().to_string(), "1.100000023841858");
    let bd = |x: &str| n(x).to_big_decimal().map(|d| Number::from(d).to_string());
    assert_eq!(bd("0.1d").ok(), Some("0.1".into()));
    assert_eq!(bd("0.1f").ok(), Some("0.1".into()));
    assert_eq!(bd("1e20d").ok(), Some("1.0E+20".into()));
    assert_eq!(bd("10").ok(), Some("10".into()));
    assert_eq!(bd("7").ok(), Some("7".into()));
    assert!(Number::Double(f64::NAN).to_big_decimal().is_err());
    assert_eq!(n("2.9d").to_big_integer().ok(), Some(BigInt::from(2)));
    assert_eq!(n("-3.5").to_big_integer().ok(), Some(BigInt::from(-3)));
}

#[test]
fn abs_and_round() {
    // fixtures/groovy/numbers/abs-round, bigdecimal-round-digits-missing, max-min-math
    assert_eq!(n("-5").abs().to_string(), "5");
    assert_eq!(n("-2.5").abs().to_string(), "2.5");
    assert_eq!(
        show(
            n("2.5d")
                .round()
                .ok_or_else(|| NumberError::unsupported("none"))
        ),
        "3 (Long)"
    );
    assert_eq!(
        n("3.5f").round().map(|r| r.type_name()),
        Some("java.lang.Integer")
    );
    assert_eq!(n("2.4d").round().map(|r| r.to_string()), Some("2".into()));
    assert_eq!(n("-2.5d").round().map(|r| r.to_string()), Some("-2".into()));
    assert_eq!(
        n("3.14159d").round_places(2).map(|r| r.to_string()),
        Some("3.14".into())
    );
    assert_eq!(
        n("2.345d").round_places(2).map(|r| r.to_string()),
        Some("2.35".into())
    );
    assert!(n("2.345").round_places(2).is_none());
    assert!(n("2").round().is_none());
    // checked with groovy 2.4.21
    assert_eq!(
        n("1.005d").round_places(2).map(|r| r.to_string()),
        Some("1.0".into())
    );
    assert_eq!(
        n("2.5f").round_places(0).map(|r| show(Ok(r))),
        Some("3.0 (Float)".into())
    );
    assert_eq!(
        n("-2.5d").round_places(0).map(|r| r.to_string()),
        Some("-2.0".into())
    );
    assert_eq!(
        n("1.23456f").round_places(3).map(|r| r.to_string()),
        Some("1.235".into())
    );
    assert_eq!(
        Number::Double(f64::NAN).round().map(|r| r.to_string()),
        Some("0".into())
    );
    assert_eq!(
        n("1e20d").round().map(|r| r.to_string()),
        Some(i64::MAX.to_string())
    );
    assert_eq!(show(Ok(n("-5L").abs())), "5 (Long)");
    assert_eq!(show(Ok(n("-5G").abs())), "5 (BigInteger)");
    assert_eq!(show(Ok(n("-5.5f").abs())), "5.5 (Float)");
    assert_eq!(Number::Integer(i32::MIN).abs().to_string(), "-2147483648");
    assert_eq!(java_math_round(-2.5), -2);
    assert_eq!(java_math_round(0.49999999999999994), 0);
    assert_eq!(java_math_round(-0.5000000000000001), -1);
    assert_eq!(java_math_round_f32(2.5), 3);
    assert!(java_pow(1.0, f64::NAN).is_nan());
    assert_eq!(java_pow(2.0, 10.0), 1024.0);
}

#[test]
fn names_and_hash_codes() {
    // fixtures/groovy/numbers/literal-types, number-methods-misc
    assert_eq!(n("1").type_name(), "java.lang.Integer");
    assert_eq!(n("5").simple_name(), "Integer");
    assert_eq!(n("1.5").type_name(), "java.math.BigDecimal");
    assert_eq!(BinaryOp::Shl.method_name(), "leftShift");
    // Java hashCode values, checked with groovy 2.4.21
    assert_eq!(n("42").java_hash_code(), 42);
    assert_eq!(n("1L").java_hash_code(), 1);
    assert_eq!(n("-1L").java_hash_code(), 0);
    assert_eq!(n("1.5d").java_hash_code(), 1073217536);
    assert_eq!(n("1.5f").java_hash_code(), 1069547520);
    assert_eq!(n("12345678901234567890G").java_hash_code(), -1436577082);
    assert_eq!(
        n("-123456789012345678901234567.89").java_hash_code(),
        -354583176
    );
    assert_eq!(n("-5G").java_hash_code(), -5);
    assert_eq!(n("1.50").java_hash_code(), 4652);
    assert_eq!(Number::Double(f64::NAN).java_hash_code(), 2146959360);
    assert_eq!(Number::Double(-0.0).java_hash_code(), -2147483648);
}
