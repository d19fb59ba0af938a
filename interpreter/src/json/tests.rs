//! Unit tests for `json`. Every expected string is what Groovy 2.4.21 on OpenJDK 17.0.15
//! printed (`JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64 groovy check.groovy`), copied
//! verbatim; nothing was derived from this implementation.
//!
//! The `CASES` table lives in `groovy_cases.rs`, with the Groovy describer that recorded it.
//!
//! An unpaired surrogate in a result shows as `?`, as Java prints it.

use super::groovy_cases::CASES;
use super::*;
use std::fmt::Write as _;

fn esc(s: &str) -> String {
    let mut out = String::new();
    for unit in s.encode_utf16() {
        match unit {
            0x5c => out.push_str("\\u005c"),
            0x20..=0x7e => out.push(char::from(unit as u8)),
            _ => {
                let _ = write!(out, "\\u{unit:04x}");
            }
        }
    }
    out
}

fn describe(value: &Json, sort_keys: bool) -> String {
    match value {
        Json::Null => "null".into(),
        Json::Bool(b) => b.to_string(),
        Json::Integer(i) => format!("I({i})"),
        Json::Long(l) => format!("L({l})"),
        Json::BigInteger(b) => format!("BI({b})"),
        Json::BigDecimal(d) => {
            let (unscaled, scale) = d.as_bigint_and_exponent();
            format!("BD({unscaled},{scale})")
        }
        Json::Double(d) => format!("D({d})"),
        Json::Float(f) => format!("F({f})"),
        Json::String(s) => format!("S\"{}\"", esc(s)),
        Json::Array(items) => {
            let items: Vec<String> = items.iter().map(|v| describe(v, sort_keys)).collect();
            format!("[{}]", items.join(","))
        }
        Json::Object(map) => {
            let mut entries: Vec<(&String, &Json)> = map.iter().collect();
            if sort_keys {
                entries.sort_by_key(|(k, _)| k.encode_utf16().collect::<Vec<u16>>());
            }
            let entries: Vec<String> = entries
                .iter()
                .map(|(k, v)| format!("S\"{}\":{}", esc(k), describe(v, sort_keys)))
                .collect();
            format!("{{{}}}", entries.join(","))
        }
    }
}

fn outcome<T>(result: Result<T, JsonError>, show: impl Fn(T) -> String) -> String {
    match result {
        Ok(value) => format!("OK {}", show(value)),
        Err(e) => format!("ERR {}: {}", e.class, e.message),
    }
}

fn slurp(text: &str) -> Json {
    parse(text, false).unwrap_or_else(|e| panic!("{text}: {e}"))
}

fn obj(entries: &[(&str, Json)]) -> Json {
    Json::Object(
        entries
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect(),
    )
}

fn s(text: &str) -> Json {
    Json::String(text.into())
}

#[test]
fn parse_and_pretty_print_match_groovy() {
    for &(name, text, slurper, classic, pretty) in CASES {
        assert_eq!(
            outcome(parse(text, false), |v| describe(&v, false)),
            slurper,
            "JsonSlurper, case {name}"
        );
        assert_eq!(
            outcome(parse(text, true), |v| describe(&v, true)),
            classic,
            "JsonSlurperClassic, case {name}"
        );
        assert_eq!(
            outcome(pretty_print(text), |p| p),
            pretty,
            "prettyPrint, case {name}"
        );
    }
}

// fixtures/groovy/json/slurper-*.groovy, round-trip.groovy
#[test]
fn slurper_fixtures() {
    // slurper-basic: `println data` gave [count:3, name:app, none:null, ok:true, version:1.2]
    let data = slurp(r#"{"name":"app","version":"1.2","count":3,"ok":true,"none":null}"#);
    let Json::Object(map) = &data else {
        panic!("{data:?}")
    };
    assert_eq!(
        map.keys().collect::<Vec<_>>(),
        ["count", "name", "none", "ok", "version"]
    );
    assert_eq!(map["count"], Json::Integer(3));
    // slurper-lazy-map-keys-sorted: keys and the re-serialised text
    let m = slurp(r#"{"zulu":1,"alpha":2,"Mike":3,"bravo":{"y":1,"b":2}}"#);
    assert_eq!(
        to_json(&m).unwrap(),
        r#"{"Mike":3,"alpha":2,"bravo":{"b":2,"y":1},"zulu":1}"#
    );
    // slurper-number-types: `huge: -7269072992350064654 (Long)`, `exp: 1E+3 (BigDecimal)`
    let d = slurp(r#"{"huge":123456789012345678901234,"exp":1e3,"dec":1.50,"exp2":2.5E-2}"#);
    assert_eq!(
        to_json(&d).unwrap(),
        r#"{"dec":1.50,"exp":1E+3,"exp2":0.025,"huge":-7269072992350064654}"#
    );
    // slurper-string-escapes
    let e = slurp(r#"{"s":"line\nnext","q":"say \"hi\"","u":"\u00e9","p":"a\/b"}"#);
    assert_eq!(
        e,
        obj(&[
            ("p", s("a/b")),
            ("q", s("say \"hi\"")),
            ("s", s("line\nnext")),
            ("u", s("é"))
        ])
    );
    // slurper-empty-text
    assert_eq!(slurp("[]"), Json::Array(vec![]));
    assert_eq!(slurp("{}"), obj(&[]));
    assert_eq!(slurp(r#""just a string""#), s("just a string"));
    assert_eq!(slurp("42"), Json::Integer(42));
    let empty = parse("", false).unwrap_err();
    assert_eq!(
        (empty.class, empty.message.as_str()),
        (
            "java.lang.IllegalArgumentException",
            "Text must not be null or empty"
        )
    );
    // JsonSlurperClassic: java.lang.IllegalArgumentException: The JSON input text should neither be null nor empty.
    assert_eq!(
        parse("", true).unwrap_err().message,
        "The JSON input text should neither be null nor empty."
    );
    // slurper-invalid-json (the .exception fixture, message verbatim)
    let broken = parse(r#"{"broken": "#, false).unwrap_err();
    assert_eq!(broken.class, "groovy.json.JsonException");
    assert_eq!(
        broken.message,
        "Unable to determine the current character, it is not a string, number, array, or object\n\n\
         The current character read is [SPACE] with an int value of 32\n\
         Unable to determine the current character, it is not a string, number, array, or object\n\
         line number 1\nindex number 10\n{\"broken\": \n..........^"
    );
    // round-trip: toJson then parse back; ratio is a BigDecimal
    let original = obj(&[
        ("name", s("svc")),
        (
            "ports",
            Json::Array(vec![Json::Integer(80), Json::Integer(443)]),
        ),
        ("env", obj(&[("DEBUG", s("false"))])),
        ("ratio", Json::BigDecimal(BigDecimal::new(25.into(), 2))),
    ]);
    let text = to_json(&original).unwrap();
    assert_eq!(
        text,
        r#"{"name":"svc","ports":[80,443],"env":{"DEBUG":"false"},"ratio":0.25}"#
    );
    assert_eq!(
        describe(&slurp(&text), false),
        r#"{S"env":{S"DEBUG":S"false"},S"name":S"svc",S"ports":[I(80),I(443)],S"ratio":BD(25,2)}"#
    );
}

// slurper-classic.groovy / slurper-modify-and-reserialize.groovy. Real Groovy returns a
// HashMap ({"b":1,"a":2,"c":3,"b":4} printed as [a:2, b:4, c:3]); the documented choice here is
// insertion order, a repeated key keeping its first place and last value.
#[test]
fn classic_keeps_insertion_order() {
    let d = parse(r#"{"b":1,"a":[1.5,"x"],"c":{"d":null}}"#, true).unwrap();
    let Json::Object(map) = &d else {
        panic!("{d:?}")
    };
    assert_eq!(map.keys().collect::<Vec<_>>(), ["b", "a", "c"]);
    assert_eq!(
        map["a"],
        Json::Array(vec![
            Json::BigDecimal(BigDecimal::new(15.into(), 1)),
            s("x")
        ])
    );
    assert_eq!(map["c"], obj(&[("d", Json::Null)]));
    let dup = parse(r#"{"b":1,"a":2,"c":3,"b":4}"#, true).unwrap();
    assert_eq!(to_json(&dup).unwrap(), r#"{"b":4,"a":2,"c":3}"#);
    let cfg = parse(r#"{"replicas":1,"image":{"tag":"old"}}"#, true).unwrap();
    assert_eq!(
        to_json(&cfg).unwrap(),
        r#"{"replicas":1,"image":{"tag":"old"}}"#
    );
}

// to-json-*.groovy fixtures plus tj3.groovy-style checks, all printed by Groovy 2.4.21.
#[test]
fn to_json_matches_groovy() {
    let cases: Vec<(Json, &str)> = vec![
        (s("text"), r#""text""#),
        (Json::Integer(42), "42"),
        (Json::BigDecimal(BigDecimal::new(150.into(), 2)), "1.50"),
        (Json::Double(1.5), "1.5"),
        (Json::Long(10), "10"),
        (Json::Bool(true), "true"),
        (Json::Null, "null"),
        (Json::Array(vec![]), "[]"),
        (obj(&[]), "{}"),
        (Json::BigDecimal(BigDecimal::new(1.into(), -3)), "1E+3"),
        // 1 / 3 in Groovy is the BigDecimal 0.3333333333
        (
            Json::BigDecimal(BigDecimal::new(3333333333i64.into(), 10)),
            "0.3333333333",
        ),
        (Json::Double(0.1 + 0.2), "0.30000000000000004"),
        (Json::Double(100.0), "100.0"),
        (Json::Double(1e20), "1.0E20"),
        (Json::Double(-0.0), "-0.0"),
        (Json::Float(1.5), "1.5"),
        (Json::Float(f32::from_bits(1)), "1.4E-45"),
        (Json::Float(3.402_823_5e38), "3.4028235E38"),
        (Json::Long(i64::MIN), "-9223372036854775808"),
        (
            Json::BigInteger("123456789012345678901234567890".parse().unwrap()),
            "123456789012345678901234567890",
        ),
        (
            s("quote \" and backslash \\"),
            r#""quote \" and backslash \\""#,
        ),
        (s("line\nbreak\ttab"), r#""line\nbreak\ttab""#),
        (
            s("slash / and unicode é"),
            r#""slash / and unicode \u00e9""#,
        ),
        (s("<html>&"), r#""<html>&""#),
        (s("'single'"), r#""'single'""#),
        (
            s("\u{2028}\u{abcd}\u{fffe}😀 é/"),
            r#""\u2028\uabcd\ufffe\ud83d\ude00 \u00e9/""#,
        ),
        (s(""), r#""""#),
        (obj(&[("", s(""))]), r#"{"":""}"#),
        (
            obj(&[
                ("name", s("app")),
                ("version", Json::Integer(2)),
                ("enabled", Json::Bool(true)),
            ]),
            r#"{"name":"app","version":2,"enabled":true}"#,
        ),
        (obj(&[("a", Json::Null)]), r#"{"a":null}"#),
        (
            obj(&[(
                "nested",
                obj(&[
                    (
                        "list",
                        Json::Array(vec![Json::Integer(1), Json::Integer(2)]),
                    ),
                    ("map", obj(&[("k", s("v"))])),
                ]),
            )]),
            r#"{"nested":{"list":[1,2],"map":{"k":"v"}}}"#,
        ),
        (
            Json::Array(vec![
                Json::Integer(1),
                s("two"),
                Json::Null,
                Json::BigDecimal(BigDecimal::new(30.into(), 1)),
                Json::Array(vec![Json::Integer(4)]),
            ]),
            r#"[1,"two",null,3.0,[4]]"#,
        ),
        (
            obj(&[
                ("tag_name", s("v2.0")),
                ("name", s("Release 2.0")),
                ("draft", Json::Bool(false)),
                ("body", s("Changes:\n- fix")),
            ]),
            r#"{"tag_name":"v2.0","name":"Release 2.0","draft":false,"body":"Changes:\n- fix"}"#,
        ),
    ];
    for (value, groovy) in cases {
        assert_eq!(to_json(&value).unwrap(), groovy, "{value:?}");
    }
    // toJson of the string of every char from U+0000 to U+0100
    let all: String = (0u32..=0x100).filter_map(char::from_u32).collect();
    let expected = [
        r#""\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e\u000f\u0010"#,
        r#"\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f"#,
        r##" !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz"##,
        r#"{|}~\u007f"#,
    ]
    .concat();
    let high: String = (0x80..=0x100).map(|c| format!("\\u{c:04x}")).collect();
    assert_eq!(to_json(&s(&all)).unwrap(), format!("{expected}{high}\""));
}

#[test]
fn to_json_rejects_nan_and_infinity() {
    // groovy.json.JsonException, messages as Groovy printed them
    let cases = [
        (
            Json::Double(f64::NAN),
            "Number NaN can't be serialized as JSON: NaN are not allowed in JSON.",
        ),
        (
            Json::Double(f64::INFINITY),
            "Number Infinity can't be serialized as JSON: infinite are not allowed in JSON.",
        ),
        (
            Json::Double(f64::NEG_INFINITY),
            "Number -Infinity can't be serialized as JSON: infinite are not allowed in JSON.",
        ),
        (
            Json::Float(f32::NAN),
            "Number NaN can't be serialized as JSON: NaN are not allowed in JSON.",
        ),
        (
            Json::Float(f32::NEG_INFINITY),
            "Number -Infinity can't be serialized as JSON: infinite are not allowed in JSON.",
        ),
        (
            obj(&[(
                "a",
                Json::Array(vec![Json::Integer(1), Json::Double(f64::NAN)]),
            )]),
            "Number NaN can't be serialized as JSON: NaN are not allowed in JSON.",
        ),
    ];
    for (value, message) in cases {
        let e = to_json(&value).unwrap_err();
        assert_eq!(
            (e.class, e.message.as_str()),
            ("groovy.json.JsonException", message)
        );
        assert_eq!(
            e.to_string(),
            format!("groovy.json.JsonException: {message}")
        );
    }
}

// pretty-print.groovy, pretty-print-nested.groovy, build-json-with-builder.groovy, tj3.groovy
#[test]
fn pretty_print_matches_groovy() {
    let cases = [
        (
            r#"{"name":"app","deps":["a","b"],"meta":{},"empty":[],"n":1}"#,
            "{\n    \"name\": \"app\",\n    \"deps\": [\n        \"a\",\n        \"b\"\n    ],\n    \"meta\": {\n        \n    },\n    \"empty\": [\n        \n    ],\n    \"n\": 1\n}",
        ),
        (
            r#"{"a":{"b":[1,{"c":null}]},"s":"x y"}"#,
            "{\n    \"a\": {\n        \"b\": [\n            1,\n            {\n                \"c\": null\n            }\n        ]\n    },\n    \"s\": \"x y\"\n}",
        ),
        ("[]", "[\n    \n]"),
        ("[1,2]", "[\n    1,\n    2\n]"),
        (r#"{"tag":"new"}"#, "{\n    \"tag\": \"new\"\n}"),
        (
            r#"{"x":1,"y":[2,3]}"#,
            "{\n    \"x\": 1,\n    \"y\": [\n        2,\n        3\n    ]\n}",
        ),
        (
            r#"{"a":"\u00E9\/\"\t","b":[],"c":{"d":[{}]}}"#,
            "{\n    \"a\": \"\\u00e9/\\\"\\t\",\n    \"b\": [\n        \n    ],\n    \"c\": {\n        \"d\": [\n            {\n                \n            }\n        ]\n    }\n}",
        ),
        (
            " [ 1.50e3 ,\n-0 , true,false, null ] ",
            "[\n    1.50e3,\n    -0,\n    true,\n    false,\n    null\n]",
        ),
        (r#"[1, "a\x", 2]"#, "[\n    1,\n    "),
        (r#"[1, "abc"#, "[\n    1,\n    "),
        ("]]", "\n]\n]"),
        ("42", ""),
    ];
    for (text, groovy) in cases {
        assert_eq!(pretty_print(text).unwrap(), groovy, "{text}");
    }
    let e = pretty_print("]][").unwrap_err();
    assert_eq!(
        (e.class, e.message.as_str()),
        ("java.lang.NegativeArraySizeException", "-4")
    );
}

// Checked with groovy: a cold Java 17 parses and writes 2000 nested arrays (JsonSlurper fails
// at 2500, JsonSlurperClassic and toJson somewhat later).
#[test]
fn nesting_is_bounded() {
    for classic in [false, true] {
        let ok = format!("{}{}", "[".repeat(2000), "]".repeat(2000));
        assert!(parse(&ok, classic).is_ok());
        let deep = format!("{}{}", "[".repeat(2001), "]".repeat(2001));
        assert_eq!(
            parse(&deep, classic).unwrap_err().class,
            "java.lang.StackOverflowError"
        );
        let very_deep = format!("{}1{}", "{\"a\":[".repeat(100_000), "]}".repeat(100_000));
        assert_eq!(
            parse(&very_deep, classic).unwrap_err().class,
            "java.lang.StackOverflowError"
        );
    }
    let mut value = Json::Null;
    for _ in 0..2000 {
        value = Json::Array(vec![value]);
    }
    assert!(to_json(&value).is_ok());
    let value = Json::Array(vec![value]);
    assert_eq!(
        to_json(&value).unwrap_err().class,
        "java.lang.StackOverflowError"
    );
    // prettyPrint does not recurse, in Groovy either: 3000 levels are fine.
    let pretty = pretty_print(&"[".repeat(3000)).unwrap();
    assert_eq!(pretty.len(), 3000 * 2 + 4 * (3000 * 3001 / 2));
    // 6000 levels would need 72 million characters: refused (documented limit).
    let e = pretty_print(&"[".repeat(6000)).unwrap_err();
    assert_eq!(
        (e.class, e.message.as_str()),
        ("java.lang.OutOfMemoryError", "Java heap space")
    );
}

/// A small xorshift generator: the test must not depend on a crate.
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

// Random and mutated JSON must never panic; successful parses must serialise again. (The same
// kind of mutated corpus, 110,000 texts, was compared with Groovy outside the test suite: no
// difference besides the documented HashMap order.)
#[test]
fn random_and_mutated_text_never_panics() {
    let seeds = [
        r#"{"name":"app","n":[1,-2.5e3,{"k":"\u00e9\n"}],"t":true,"f":false,"z":null}"#,
        r#"[ "a\"b\\", 0.000000000000000000001, 123456789012345678901234, -0, 1E+2 ]"#,
        "{\r\n  \"x\" : \"\\ud83d\\ude00😀\",\n\t\"y\": [ [], {} ]\r}",
        r#""\u12" "\x" [-] 1e 1.2.3 --1 tru nul fals"#,
    ];
    let pieces = [
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        "\"",
        "\\",
        "\\u",
        "-",
        "+",
        ".",
        "e",
        "E",
        "0",
        "9",
        " ",
        "\n",
        "\r",
        "\t",
        "t",
        "n",
        "f",
        "é",
        "😀",
        "\u{0}",
        "\u{2028}",
        "\u{a0}",
        "1e99999999999",
        "\\ud800",
    ];
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for round in 0..20_000 {
        let mut text: Vec<char> = seeds[round % seeds.len()].chars().collect();
        for _ in 0..=rng.below(4) {
            let at = rng.below(text.len() + 1);
            match rng.below(4) {
                0 if at < text.len() => {
                    text.remove(at);
                }
                1 => text.truncate(at),
                _ => {
                    let piece = pieces[rng.below(pieces.len())];
                    for (k, c) in piece.chars().enumerate() {
                        text.insert(at + k, c);
                    }
                }
            }
        }
        let text: String = text.into_iter().collect();
        for classic in [false, true] {
            if let Ok(value) = parse(&text, classic) {
                let json = to_json(&value).unwrap_or_else(|e| panic!("{text:?}: {e}"));
                assert!(parse(&json, classic).is_ok(), "{text:?} -> {json:?}");
                assert!(pretty_print(&json).is_ok(), "{json:?}");
            }
        }
        let _ = pretty_print(&text);
    }
}
