//! Tests of the Java formatter against what real Groovy 2.4.21 / Java 17 printed.
use super::{FormatArg, format};
use bigdecimal::BigDecimal;
use num_bigint::BigInt;

/// `format ¦ args ¦ =output` or `format ¦ args ¦ !exception: message`: each line is what
/// real Groovy 2.4.21 on JDK 17 printed for `String.format(format, args as Object[])`, as
/// written out by a Groovy script (escapes: `\\`, `\n`, `\u{hex}`; a lone surrogate is
/// `?`, as Java prints it). Args: `n` null, `b` Boolean, `i` Integer, `L` Long,
/// `I` BigInteger, `d` Double, `f` Float, `D<unscaled>/<scale>` BigDecimal, `c` Character,
/// `s` String, `o<class>:<toString>` other object.
const JAVA: &str = r#"
%s-%s ¦ sa ¦ i1 ¦ =a-1
%05.2f ¦ D314159/5 ¦ =03.14
%-10s| ¦ sleft ¦ =left      |
%10s| ¦ sright ¦ =     right|
%x ¦ i255 ¦ =ff
%X ¦ i255 ¦ =FF
%,d ¦ i1234567 ¦ =1,234,567
%03d ¦ i7 ¦ =007
%.3f ¦ d0.6666666666666666 ¦ =0.667
%e ¦ d12345.678 ¦ =1.234568e+04
%b %c %% ¦ btrue ¦ cx ¦ =true x %
%5.1f%% ¦ D4244/2 ¦ = 42.4%
%s and %s%n ¦ sa ¦ sb ¦ =a and b\n
%d items ¦ i3 ¦ =3 items
no args ¦ =no args
 ¦ i1 ¦ =
%s ¦ ojava.util.ArrayList:[1, 2] ¦ =[1, 2]
%s ¦ ojava.util.LinkedHashMap:{a=1} ¦ ={a=1}
%s ¦ n ¦ =null
%S ¦ shello World ¦ =HELLO WORLD
%-8.3s| ¦ sabcdef ¦ =abc     |
%.0s| ¦ sabc ¦ =|
%s ¦ d1.0 ¦ =1.0
%s ¦ d1.2345678E7 ¦ =1.2345678E7
%s ¦ d1.0E-4 ¦ =1.0E-4
%s ¦ d-0.0 ¦ =-0.0
%s ¦ dNaN ¦ =NaN
%s ¦ d4.9E-324 ¦ =4.9E-324
%s ¦ f1.1 ¦ =1.1
%s ¦ f1.0E10 ¦ =1.0E10
%s ¦ D150/2 ¦ =1.50
%s ¦ D1/-3 ¦ =1E+3
%s ¦ D1/7 ¦ =1E-7
%s ¦ D1/6 ¦ =0.000001
%s ¦ D0/-2 ¦ =0E+2
%3s| ¦ s\u{1f600} ¦ = \u{1f600}|
%S ¦ sstra\u{df}e ¦ =STRASSE
%.1s ¦ s\u{1f600} ¦ =?
%#s ¦ sx ¦ !java.util.FormatFlagsConversionMismatchException: Conversion = s, Flags = #
%-s ¦ sx ¦ !java.util.MissingFormatWidthException: %-s
%b ¦ n ¦ =false
%b ¦ sfalse ¦ =true
%.2b ¦ btrue ¦ =tr
%#b ¦ btrue ¦ !java.util.FormatFlagsConversionMismatchException: Conversion = b, Flags = #
%c ¦ i65 ¦ =A
%c ¦ i128512 ¦ =\u{1f600}
%c ¦ i-1 ¦ !java.util.IllegalFormatCodePointException: Code point = 0xffffffff
%c ¦ L65 ¦ !java.util.IllegalFormatConversionException: c != java.lang.Long
%c ¦ sa ¦ !java.util.IllegalFormatConversionException: c != java.lang.String
%C ¦ c\u{df} ¦ =SS
%.1c ¦ ca ¦ !java.util.IllegalFormatPrecisionException: 1
%-c ¦ ca ¦ !java.util.MissingFormatWidthException: %-c
%d ¦ L-9223372036854775808 ¦ =-9223372036854775808
%d ¦ I123456789012345678901234567890 ¦ =123456789012345678901234567890
%d ¦ n ¦ =null
%+d ¦ i0 ¦ =+0
% d ¦ i5 ¦ = 5
%(d ¦ i-5 ¦ =(5)
%(08d ¦ i-5 ¦ =(000005)
%05d ¦ i-42 ¦ =-0042
%+,010d ¦ i1234567 ¦ =+1,234,567
%,010d ¦ i-1234 ¦ =-00001,234
%,d ¦ I12345678901234567890 ¦ =12,345,678,901,234,567,890
%(,d ¦ I-1234567 ¦ =(1,234,567)
%010d ¦ I-5 ¦ =-000000005
%d ¦ sfive ¦ !java.util.IllegalFormatConversionException: d != java.lang.String
%d ¦ d1.5 ¦ !java.util.IllegalFormatConversionException: d != java.lang.Double
%d ¦ D15/1 ¦ !java.util.IllegalFormatConversionException: d != java.math.BigDecimal
%d ¦ ojava.util.ArrayList:[1] ¦ !java.util.IllegalFormatConversionException: d != java.util.ArrayList
%.2d ¦ i5 ¦ !java.util.IllegalFormatPrecisionException: 2
%#d ¦ i5 ¦ !java.util.FormatFlagsConversionMismatchException: Conversion = d, Flags = #
%0d ¦ i5 ¦ !java.util.MissingFormatWidthException: %0d
%+ d ¦ i5 ¦ !java.util.IllegalFormatFlagsException: Flags = '+ '
%-05d ¦ i5 ¦ !java.util.IllegalFormatFlagsException: Flags = '-0'
%--5d ¦ i5 ¦ !java.util.DuplicateFormatFlagsException: Flags = '-'
%x ¦ i-1 ¦ =ffffffff
%x ¦ L-1 ¦ =ffffffffffffffff
%X ¦ i-255 ¦ =FFFFFF01
%#010x ¦ i255 ¦ =0x000000ff
%x ¦ I-255 ¦ =-ff
%(x ¦ I-255 ¦ =(ff)
%08x ¦ I-255 ¦ =-00000ff
%(#010x ¦ I-255 ¦ =(0x0000ff)
%o ¦ i-8 ¦ =37777777770
%o ¦ L-8 ¦ =1777777777777777777770
%o ¦ I-8 ¦ =-10
%#o ¦ i8 ¦ =010
%+x ¦ i255 ¦ !java.util.FormatFlagsConversionMismatchException: Conversion = x, Flags = +
%,x ¦ i255 ¦ !java.util.FormatFlagsConversionMismatchException: Conversion = x, Flags = ,
%.2f ¦ d1.005 ¦ =1.01
%.2f ¦ D1005/3 ¦ =1.01
%.1f ¦ d1.25 ¦ =1.3
%.1f ¦ d1.35 ¦ =1.4
%.2f ¦ d2.675 ¦ =2.68
%.2f ¦ d0.125 ¦ =0.13
%.0f ¦ d0.5 ¦ =1
%.0f ¦ d2.5 ¦ =3
%.0f ¦ d-0.5 ¦ =-1
%.0f ¦ D25/1 ¦ =3
%.1f ¦ d0.15 ¦ =0.2
%.2f ¦ d9.995 ¦ =10.00
%.0f ¦ d99.5 ¦ =100
%.3f ¦ d5.0E-4 ¦ =0.001
%.20f ¦ d0.1 ¦ =0.10000000000000000000
%.15f ¦ d1.0E-10 ¦ =0.000000000100000
%f ¦ d1.2345678901234568E17 ¦ =123456789012345680.000000
%.1f ¦ d-0.0 ¦ =-0.0
%.1f ¦ d-1.0E-9 ¦ =-0.0
%.10f ¦ f1.1 ¦ =1.1000000238
%#.0f ¦ d3.0 ¦ =3.
%,.2f ¦ d1234567.891 ¦ =1,234,567.89
%,.2f ¦ D1234567891/3 ¦ =1,234,567.89
%,.0f ¦ d999.9 ¦ =1,000
%(,.2f ¦ D-12345/1 ¦ =(1,234.50)
%010.2f ¦ D-314159/5 ¦ =-000003.14
%(10.2f| ¦ d-3.14159 ¦ =    (3.14)|
%(010.2f ¦ d-3.14159 ¦ =(00003.14)
%010f ¦ dNaN ¦ =       NaN
%(f ¦ d-Infinity ¦ =(Infinity)
%010.2f ¦ d-Infinity ¦ = -Infinity
%F ¦ d1.0 ¦ !java.util.UnknownFormatConversionException: Conversion = 'F'
%.1f ¦ D-4/2 ¦ =-0.0
%f ¦ D1/-3 ¦ =1000.000000
%.2f ¦ D5/3 ¦ =0.01
%,.3f ¦ D12345678915/4 ¦ =1,234,567.892
%.1f ¦ D996/2 ¦ =10.0
%.2f ¦ D99999/3 ¦ =100.00
%f ¦ i1 ¦ !java.util.IllegalFormatConversionException: f != java.lang.Integer
%e ¦ d0.0 ¦ =0.000000e+00
%.0e ¦ d5.5 ¦ =6e+00
%e ¦ d1.0E100 ¦ =1.000000e+100
%E ¦ d1.0E-5 ¦ =1.000000E-05
%.3e ¦ d9.9995 ¦ =1.000e+01
%.20e ¦ d0.3333333333333333 ¦ =3.33333333333333300000e-01
%e ¦ d4.9E-324 ¦ =4.900000e-324
%#.0e ¦ d3.0 ¦ =3.e+00
%012.3e ¦ d-1234.5 ¦ =-001.235e+03
%(12.3e| ¦ d-1234.5 ¦ = (1.235e+03)|
%E ¦ d-Infinity ¦ =-INFINITY
%,e ¦ d1.0 ¦ !java.util.FormatFlagsConversionMismatchException: Conversion = e, Flags = ,
%e ¦ f1.1 ¦ =1.100000e+00
%e ¦ D0/1 ¦ =0.000000e-01
%e ¦ D1/-3 ¦ =1.000000e+03
%.2e ¦ D123550/1 ¦ =1.24e+04
%.2e ¦ D1235/7 ¦ =1.24e-04
%.0e ¦ D95/1 ¦ =1e+01
%#.0e ¦ D5/0 ¦ =5.e+00
%.9e ¦ D1234567890/0 ¦ =1.234567890e+9
%.10e ¦ D12345678901/0 ¦ =1.2345678901e+10
%.1e ¦ D999/2 ¦ =1.0e+01
%g ¦ d0.0 ¦ =0.00000
%g ¦ D0/1 ¦ =0.00000e-01
%g ¦ D0/2 ¦ =0.00000e-02
%g ¦ d123.456 ¦ =123.456
%g ¦ d1.0E-5 ¦ =1.00000e-05
%g ¦ d1.0E-4 ¦ =0.000100000
%g ¦ D9/5 ¦ =9.00000e-05
%g ¦ d1000000.0 ¦ =1.00000e+06
%g ¦ D10000000/1 ¦ =1.00000e+06
%g ¦ d1.23456789E8 ¦ =1.23457e+08
%.3g ¦ d1.234E-4 ¦ =0.000123
%.0g ¦ d5.5 ¦ =6
%g ¦ d999999.5 ¦ =1.00000e+06
%g ¦ D9999995/1 ¦ =1.00000e+06
%g ¦ D1234565/1 ¦ =123457
%G ¦ dNaN ¦ =NAN
%,g ¦ d123456.7 ¦ =123,457
%,g ¦ D1234567/1 ¦ =123,457
%#g ¦ d1.0 ¦ !java.util.FormatFlagsConversionMismatchException: Conversion = g, Flags = #
%012g ¦ d-1.5 ¦ =-00001.50000
%(g ¦ D-15/1 ¦ =(1.50000)
%g ¦ f1.1 ¦ =1.10000
%.1g ¦ D95/2 ¦ =1
%.2g ¦ d99.5 ¦ =1.0e+02
%g ¦ d-0.0 ¦ =-0.00000
%a ¦ D15/1 ¦ !java.util.IllegalFormatConversionException: a != java.math.BigDecimal
%h ¦ shello ¦ =5e918d2
%H ¦ shello ¦ =5E918D2
%h ¦ i-1 ¦ =ffffffff
%h ¦ L-1 ¦ =0
%h ¦ L5000000000 ¦ =2a05f201
%h ¦ btrue ¦ =4cf
%h ¦ d1.5 ¦ =3ff80000
%h ¦ D15/1 ¦ =1d2
%h ¦ D-15/1 ¦ =fffffe30
%h ¦ I12345678901234567890 ¦ =aa5f92c6
%h ¦ I-5 ¦ =fffffffb
%h ¦ ca ¦ =61
%h ¦ n ¦ =null
%#h ¦ sa ¦ !java.util.FormatFlagsConversionMismatchException: Conversion = h, Flags = #
%h ¦ f1.1 ¦ =3f8ccccd
%h ¦ D1234567890123456789012345/1 ¦ =117610be
%h ¦ d-0.0 ¦ =80000000
%h ¦ s\u{1f600} ¦ =1b0d63
a%nb ¦ =a\nb
%5n ¦ !java.util.IllegalFormatWidthException: 5
%-n ¦ !java.util.IllegalFormatFlagsException: Flags = '-'
%5%| ¦ =    %|
%-5%| ¦ =%    |
%05% ¦ !java.util.IllegalFormatFlagsException: Flags = '0'
%-% ¦ !java.util.MissingFormatWidthException: %-%
%.1% ¦ !java.util.IllegalFormatPrecisionException: 1
%2$s %1$s ¦ sa ¦ sb ¦ =b a
%s %<s %s ¦ sa ¦ sb ¦ =a a b
%2$s %s ¦ sa ¦ sb ¦ =b a
%<s ¦ sa ¦ !java.util.MissingFormatArgumentException: Format specifier '%<s'
%3$s ¦ sa ¦ !java.util.MissingFormatArgumentException: Format specifier '%3$s'
%s %s ¦ sa ¦ !java.util.MissingFormatArgumentException: Format specifier '%s'
%1$-5s ¦ !java.util.MissingFormatArgumentException: Format specifier '%-1$5s'
%2$<s ¦ sa ¦ sb ¦ !java.util.MissingFormatArgumentException: Format specifier '%<s'
%s %2$s %s %<s ¦ sa ¦ sb ¦ sc ¦ =a b b b
%0$s ¦ sa ¦ !java.util.IllegalFormatArgumentIndexException: Illegal format argument index = 0
%99999999999$s ¦ sa ¦ !java.util.IllegalFormatArgumentIndexException: Format argument index: (not representable as int)
%1$s ¦ !java.util.MissingFormatArgumentException: Format specifier '%1$s'
%d %d ¦ i1 ¦ !java.util.MissingFormatArgumentException: Format specifier '%d'
%s %q ¦ !java.util.UnknownFormatConversionException: Conversion = 'q'
%d %s ¦ sx ¦ !java.util.IllegalFormatConversionException: d != java.lang.String
%s %d ¦ sa ¦ sb ¦ !java.util.IllegalFormatConversionException: d != java.lang.String
%<1$s ¦ sa ¦ !java.util.UnknownFormatConversionException: Conversion = '<'
%2$0s ¦ !java.util.FormatFlagsConversionMismatchException: Conversion = s, Flags = 0
%q ¦ !java.util.UnknownFormatConversionException: Conversion = 'q'
%5q ¦ !java.util.UnknownFormatConversionException: Conversion = 'q'
% ¦ !java.util.UnknownFormatConversionException: Conversion = '%'
%5 ¦ !java.util.UnknownFormatConversionException: Conversion = '5'
%. ¦ !java.util.UnknownFormatConversionException: Conversion = '.'
%.5 ¦ !java.util.UnknownFormatConversionException: Conversion = '.'
%1$ ¦ !java.util.UnknownFormatConversionException: Conversion = '1'
%< ¦ !java.util.UnknownFormatConversionException: Conversion = '<'
%$s ¦ !java.util.UnknownFormatConversionException: Conversion = '$'
%t ¦ !java.util.UnknownFormatConversionException: Conversion = 't'
%T ¦ !java.util.UnknownFormatConversionException: Conversion = 'T'
%tq ¦ L5 ¦ !java.util.UnknownFormatConversionException: Conversion = 'tq'
%tY ¦ sx ¦ !java.util.IllegalFormatConversionException: Y != java.lang.String
%tY ¦ n ¦ =null
%Ty ¦ i5 ¦ !java.util.IllegalFormatConversionException: y != java.lang.Integer
%.2tY ¦ L5 ¦ !java.util.IllegalFormatPrecisionException: 2
%#tY ¦ L5 ¦ !java.util.FormatFlagsConversionMismatchException: Conversion = Y, Flags = #
%-tY ¦ L5 ¦ !java.util.MissingFormatWidthException: %-tY
%99999999999s ¦ sa ¦ !java.util.IllegalFormatWidthException: -2147483648
%.99999999999s ¦ sa ¦ !java.util.IllegalFormatPrecisionException: -2147483648
%1.s ¦ !java.util.UnknownFormatConversionException: Conversion = '1'
%-.3s ¦ !java.util.MissingFormatWidthException: %-.3s
%ss ¦ sa ¦ =as
%%%s%% ¦ sx ¦ =%x%
%\u{e9} ¦ !java.util.UnknownFormatConversionException: Conversion = '\u{e9}'
%-#0+ ,(d ¦ i5 ¦ !java.util.MissingFormatWidthException: %-#+ 0,(d
%<<s ¦ sa ¦ !java.util.DuplicateFormatFlagsException: Flags = '<'
%#<x ¦ i15 ¦ !java.util.MissingFormatArgumentException: Format specifier '%#<x'
%1$$s ¦ i5 ¦ !java.util.UnknownFormatConversionException: Conversion = '1'
"#;

fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('u') => {
                let hex: String = chars.by_ref().skip(1).take_while(|&c| c != '}').collect();
                out.extend(u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32));
            }
            other => out.extend(other),
        }
    }
    out
}

fn arg(token: &str) -> FormatArg {
    let (kind, v) = token.split_at(1);
    match kind {
        "n" => FormatArg::Null,
        "b" => FormatArg::Bool(v == "true"),
        "i" => FormatArg::Int(v.parse().unwrap()),
        "L" => FormatArg::Long(v.parse().unwrap()),
        "I" => FormatArg::BigInt(v.parse().unwrap()),
        "d" => FormatArg::Float(v.parse().unwrap()),
        "f" => FormatArg::Float32(v.parse().unwrap()),
        "D" => {
            let (unscaled, scale) = v.split_once('/').unwrap();
            let unscaled: BigInt = unscaled.parse().unwrap();
            FormatArg::BigDecimal(BigDecimal::new(unscaled, scale.parse().unwrap()))
        }
        "c" => FormatArg::Char(unescape(v).chars().next().unwrap()),
        "s" => FormatArg::Str(unescape(v)),
        _ => {
            let (class_name, text) = v.split_once(':').unwrap();
            let (class_name, text) = (class_name.to_string(), unescape(text));
            FormatArg::Other { class_name, text }
        }
    }
}

#[test]
fn matches_groovy_on_jdk17() {
    for line in JAVA.lines().filter(|line| !line.is_empty()) {
        let fields: Vec<&str> = line.split(" \u{a6} ").collect();
        let (expected, args) = fields[1..].split_last().unwrap();
        let args: Vec<FormatArg> = args.iter().map(|a| arg(a)).collect();
        let got = match format(&unescape(fields[0]), &args) {
            Ok(s) => format!("={s}"),
            Err(e) => format!("!{e}"),
        };
        assert_eq!(got, unescape(expected), "{line}");
    }
}

#[test]
fn unsupported_and_oversized() {
    use FormatArg::{BigDecimal as Dec, Float, Long, Str};
    let error = |f: &str, arg: FormatArg| format(f, &[arg]).unwrap_err().class;
    let unsupported = "java.lang.UnsupportedOperationException";
    assert_eq!(error("%a", Float(1.0)), unsupported);
    assert_eq!(error("%tY", Long(0)), unsupported);
    let oom = "java.lang.OutOfMemoryError";
    assert_eq!(error("%999999999s", Str("x".into())), oom);
    assert_eq!(error("%.999999999f", Float(1.0)), oom);
    let huge = || BigDecimal::new(BigInt::from(1), -1_000_000_000);
    assert_eq!(error("%f", Dec(huge())), oom);
    // Checked with Groovy: these are fine in Java too.
    let ok = |f: &str, arg: FormatArg| format(f, &[arg]).unwrap();
    assert_eq!(ok("%.999999999s", Str("x".into())), "x");
    assert_eq!(ok("%e", Dec(huge())), "1.000000e+1000000000");
    assert_eq!(ok("%s", Dec(huge())), "1E+1000000000");
    assert_eq!(ok("%g", Dec(huge())), "1.00000e+1000000000");
    let tiny = BigDecimal::new(BigInt::from(-999), 1_000_000_000);
    assert_eq!(ok("%.2e", Dec(tiny)), "-9.99e-999999998");
}

/// xorshift64, so that the random inputs are the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[test]
fn random_format_strings_never_panic() {
    let alphabet: Vec<char> = "%%%%%-#+ 0,(<$.0123456789tTbBhHsScCdoxXeEfgGaAnqy\u{e9}😀"
        .chars()
        .collect();
    let dec = |unscaled: i64, scale: i64| BigDecimal::new(BigInt::from(unscaled), scale);
    let args = [
        FormatArg::Null,
        FormatArg::Bool(true),
        FormatArg::Int(-7),
        FormatArg::Int(i64::MAX),
        FormatArg::Long(i64::MIN),
        FormatArg::BigInt(BigInt::from(-12_345_678_901_234_567_i64) * 1000),
        FormatArg::Float(-0.0),
        FormatArg::Float(f64::NAN),
        FormatArg::Float(f64::MAX),
        FormatArg::Float(f64::from_bits(1)),
        FormatArg::Float32(-1.1),
        FormatArg::BigDecimal(dec(-1005, 3)),
        FormatArg::BigDecimal(dec(0, i64::MAX)),
        FormatArg::BigDecimal(dec(i64::MIN, i64::MIN)),
        FormatArg::BigDecimal(dec(1, -20_000_000)),
        FormatArg::Char('\u{df}'),
        FormatArg::Str("h\u{e9}llo 😀".into()),
        FormatArg::Other {
            class_name: "java.util.ArrayList".into(),
            text: "[1]".into(),
        },
    ];
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..100_000 {
        let format_string: String = (0..rng.below(12))
            .map(|_| alphabet[rng.below(alphabet.len())])
            .collect();
        let start = rng.below(args.len());
        let chosen: Vec<FormatArg> = args
            .iter()
            .cycle()
            .skip(start)
            .take(rng.below(4))
            .cloned()
            .collect();
        if let Err(e) = format(&format_string, &chosen) {
            assert!(e.class.starts_with("java."), "{format_string:?}: {e}");
        }
    }
}

#[test]
fn random_numbers_never_panic_and_round_trip() {
    let specs = [
        "%h",
        "%.0f",
        "%.3e",
        "%g",
        "%.0g",
        "%,.12f",
        "%(015.4e",
        "%#.0e",
        "%-+12.3G|",
    ];
    let mut rng = Rng(42);
    for _ in 0..5_000 {
        let bits = rng.next();
        let double = f64::from_bits(bits);
        let scale = rng.below(80) as i64 - 40;
        let decimal = BigDecimal::new(BigInt::from(bits as i64 >> rng.below(64)), scale);
        let args = [
            FormatArg::Float(double),
            FormatArg::Float32(f32::from_bits(bits as u32)),
            FormatArg::BigDecimal(decimal.clone()),
        ];
        for spec in specs {
            for arg in &args {
                assert!(
                    format(spec, std::slice::from_ref(arg)).is_ok(),
                    "{spec} {arg:?}"
                );
            }
        }
        // Double.toString and BigDecimal.toString read back as the same value.
        let text = format("%s", &args[..1]).unwrap();
        assert!(
            double.is_nan() || text.parse::<f64>() == Ok(double),
            "{double:?} {text}"
        );
        let text = format("%s", &args[2..]).unwrap();
        assert_eq!(text.parse::<BigDecimal>().ok(), Some(decimal), "{text}");
    }
}
