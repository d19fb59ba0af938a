//! Parse/pretty-print cases recorded from Groovy 2.4.21 on OpenJDK 17.0.15, for `tests.rs`.
//!
//! The table was recorded with this Groovy script (`groovy cases.groovy cases.txt`, one
//! `name<TAB>text` per line with `\uXXXX` escapes in the text; messages and pretty output are
//! unescaped again in the table). A `JsonSlurperClassic` map is
//! described with sorted keys because the real one is a `HashMap`; `json` keeps insertion
//! order, which `tests.rs` checks on its own. An unpaired surrogate is described as `?`, which
//! is what Java prints for it.
//!
//! ```groovy
//! import groovy.json.*
//! String esc(String s) {
//!     def sb = new StringBuilder(); def cs = s.toCharArray()
//!     for (int i = 0; i < cs.length; i++) {
//!         char c = cs[i]; int v = (int) c
//!         if (Character.isHighSurrogate(c) && !(i + 1 < cs.length && Character.isLowSurrogate(cs[i + 1]))) { sb.append('?'); continue }
//!         if (Character.isLowSurrogate(c) && !(i > 0 && Character.isHighSurrogate(cs[i - 1]))) { sb.append('?'); continue }
//!         if (v >= 0x20 && v <= 0x7e && c != '\\' as char) sb.append(c) else sb.append(String.format('\\u%04x', v))
//!     }
//!     sb.toString()
//! }
//! String unesc(String s) {
//!     def sb = new StringBuilder(); int i = 0
//!     while (i < s.length()) {
//!         char c = s.charAt(i)
//!         if (c == '\\' as char) { sb.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16)); i += 6 }
//!         else { sb.append(c); i++ }
//!     }
//!     sb.toString()
//! }
//! String desc(Object o, boolean sortKeys = false) {
//!     if (o == null) return 'null'
//!     if (o instanceof Boolean) return o.toString()
//!     if (o instanceof Integer) return "I(${o})"
//!     if (o instanceof Long) return "L(${o})"
//!     if (o instanceof BigInteger) return "BI(${o})"
//!     if (o instanceof BigDecimal) return "BD(${o.unscaledValue()},${o.scale()})"
//!     if (o instanceof String) return 'S"' + esc(o) + '"'
//!     if (o instanceof List) return '[' + o.collect { desc(it, sortKeys) }.join(',') + ']'
//!     def es = o.entrySet().toList()
//!     if (sortKeys) es = es.sort { a, b -> a.key <=> b.key }
//!     '{' + es.collect { e -> desc(e.key) + ':' + desc(e.value, sortKeys) }.join(',') + '}'
//! }
//! String err(Throwable t) { 'ERR ' + t.getClass().name + ': ' + esc(t.message ?: '') }
//! new File(args[0]).eachLine { line ->
//!     def (name, raw) = line.split('\t', 2) as List
//!     String text = unesc(raw ?: '')
//!     try { println 'OK ' + desc(new JsonSlurper().parseText(text)) } catch (Throwable t) { println err(t) }
//!     try { println 'OK ' + desc(new JsonSlurperClassic().parseText(text), true) } catch (Throwable t) { println err(t) }
//!     try { println 'OK ' + esc(JsonOutput.prettyPrint(text)) } catch (Throwable t) { println err(t) }
//! }
//! ```

/// (name, text, `JsonSlurper`, `JsonSlurperClassic` with sorted keys, `prettyPrint`).
pub(super) const CASES: &[(&str, &str, &str, &str, &str)] = &[
    (
        "basic",
        "{\"name\":\"app\",\"version\":\"1.2\",\"count\":3,\"ok\":true,\"none\":null}",
        "OK {S\"count\":I(3),S\"name\":S\"app\",S\"none\":null,S\"ok\":true,S\"version\":S\"1.2\"}",
        "OK {S\"count\":I(3),S\"name\":S\"app\",S\"none\":null,S\"ok\":true,S\"version\":S\"1.2\"}",
        "OK {\n    \"name\": \"app\",\n    \"version\": \"1.2\",\n    \"count\": 3,\n    \"ok\": true,\n    \"none\": null\n}",
    ),
    (
        "numbers",
        "{\"i\":1,\"neg\":-5,\"big\":12345678901,\"huge\":123456789012345678901234,\"dec\":1.50,\"exp\":1e3,\"exp2\":2.5E-2}",
        "OK {S\"big\":L(12345678901),S\"dec\":BD(150,2),S\"exp\":BD(1,-3),S\"exp2\":BD(25,3),S\"huge\":L(-7269072992350064654),S\"i\":I(1),S\"neg\":I(-5)}",
        "OK {S\"big\":L(12345678901),S\"dec\":BD(150,2),S\"exp\":BD(1,-3),S\"exp2\":BD(25,3),S\"huge\":BI(123456789012345678901234),S\"i\":I(1),S\"neg\":I(-5)}",
        "OK {\n    \"i\": 1,\n    \"neg\": -5,\n    \"big\": 12345678901,\n    \"huge\": 123456789012345678901234,\n    \"dec\": 1.50,\n    \"exp\": 1e3,\n    \"exp2\": 2.5E-2\n}",
    ),
    (
        "int-limits",
        "[2147483647,2147483648,-2147483648,-2147483649,9223372036854775807,9223372036854775808,-0,0.0,-0.0]",
        "OK [I(2147483647),L(2147483648),I(-2147483648),L(-2147483649),L(9223372036854775807),L(-9223372036854775808),I(0),BD(0,1),BD(0,1)]",
        "OK [I(2147483647),L(2147483648),I(-2147483648),L(-2147483649),L(9223372036854775807),BI(9223372036854775808),I(0),BD(0,1),BD(0,1)]",
        "OK [\n    2147483647,\n    2147483648,\n    -2147483648,\n    -2147483649,\n    9223372036854775807,\n    9223372036854775808,\n    -0,\n    0.0,\n    -0.0\n]",
    ),
    (
        "leading-zeros",
        "[007, 0000000001, 00000000001, 1.000000000000000000001]",
        "OK [I(7),I(1),L(1),BD(1000000000000000000001,21)]",
        "OK [I(7),I(1),I(1),BD(1000000000000000000001,21)]",
        "OK [\n    007,\n    0000000001,\n    00000000001,\n    1.000000000000000000001\n]",
    ),
    (
        "sorted",
        "{\"zulu\":1,\"alpha\":2,\"Mike\":3,\"bravo\":{\"y\":1,\"b\":2}}",
        "OK {S\"Mike\":I(3),S\"alpha\":I(2),S\"bravo\":{S\"b\":I(2),S\"y\":I(1)},S\"zulu\":I(1)}",
        "OK {S\"Mike\":I(3),S\"alpha\":I(2),S\"bravo\":{S\"b\":I(2),S\"y\":I(1)},S\"zulu\":I(1)}",
        "OK {\n    \"zulu\": 1,\n    \"alpha\": 2,\n    \"Mike\": 3,\n    \"bravo\": {\n        \"y\": 1,\n        \"b\": 2\n    }\n}",
    ),
    (
        "utf16-order",
        "{\"é\":1,\"z\":2,\"Z\":3,\"\u{1f600}\":4,\"\u{ffff}\":5}",
        "OK {S\"Z\":I(3),S\"z\":I(2),S\"\\u00e9\":I(1),S\"\\ud83d\\ude00\":I(4),S\"\\uffff\":I(5)}",
        "OK {S\"Z\":I(3),S\"z\":I(2),S\"\\u00e9\":I(1),S\"\\ud83d\\ude00\":I(4),S\"\\uffff\":I(5)}",
        "OK {\n    \"\\u00e9\": 1,\n    \"z\": 2,\n    \"Z\": 3,\n    \"\\ud83d\\ude00\": 4,\n    \"\\uffff\": 5\n}",
    ),
    (
        "duplicates",
        "{\"b\":1,\"a\":2,\"b\":3}",
        "OK {S\"a\":I(2),S\"b\":I(3)}",
        "OK {S\"a\":I(2),S\"b\":I(3)}",
        "OK {\n    \"b\": 1,\n    \"a\": 2,\n    \"b\": 3\n}",
    ),
    (
        "escapes",
        "{\"s\":\"line\\nnext\",\"q\":\"say \\\"hi\\\"\",\"u\":\"\\u00e9\",\"p\":\"a\\/b\",\"t\":\"\\t\\b\\f\\r\\\\\"}",
        "OK {S\"p\":S\"a/b\",S\"q\":S\"say \"hi\"\",S\"s\":S\"line\\u000anext\",S\"t\":S\"\\u0009\\u0008\\u000c\\u000d\\u005c\",S\"u\":S\"\\u00e9\"}",
        "OK {S\"p\":S\"a/b\",S\"q\":S\"say \"hi\"\",S\"s\":S\"line\\u000anext\",S\"t\":S\"\\u0009\\u0008\\u000c\\u000d\\u005c\",S\"u\":S\"\\u00e9\"}",
        "OK {\n    \"s\": \"line\\nnext\",\n    \"q\": \"say \\\"hi\\\"\",\n    \"u\": \"\\u00e9\",\n    \"p\": \"a/b\",\n    \"t\": \"\\t\\b\\f\\r\\\\\"\n}",
    ),
    (
        "surrogates",
        "[\"\\ud83d\\ude00\", \"\\uD83D\\uDE00\", \"\u{1f600}\", \"\\ud800\"]",
        "OK [S\"\\ud83d\\ude00\",S\"\\ud83d\\ude00\",S\"\\ud83d\\ude00\",S\"?\"]",
        "OK [S\"\\ud83d\\ude00\",S\"\\ud83d\\ude00\",S\"\\ud83d\\ude00\",S\"?\"]",
        "OK [\n    \"\\ud83d\\ude00\",\n    \"\\ud83d\\ude00\",\n    \"\\ud83d\\ude00\",\n    \"\\ud800\"\n]",
    ),
    (
        "raw-controls",
        "[\"tab\there\", \"new\nline\"]",
        "OK [S\"tab\\u0009here\",S\"new\\u000aline\"]",
        "OK [S\"tab\\u0009here\",S\"new\\u000aline\"]",
        "OK [\n    \"tab\\there\",\n    \"new\\nline\"\n]",
    ),
    (
        "scalars",
        "  [ 1 , 2 ]  ",
        "OK [I(1),I(2)]",
        "OK [I(1),I(2)]",
        "OK [\n    1,\n    2\n]",
    ),
    (
        "string",
        "\"just a string\"",
        "OK S\"just a string\"",
        "ERR groovy.json.JsonException: A JSON payload should start with an openning curly brace '{' or an openning square bracket '['.\nInstead, '\"just a string\"' was found on line: 1, column: 1",
        "OK \"just a string\"",
    ),
    (
        "number",
        "42",
        "OK I(42)",
        "ERR java.lang.NullPointerException: Cannot invoke \"groovy.json.JsonToken.getType()\" because \"token\" is null",
        "OK ",
    ),
    (
        "number-ws",
        "42 ",
        "OK I(42)",
        "ERR groovy.json.JsonException: A JSON payload should start with an openning curly brace '{' or an openning square bracket '['.\nInstead, '42' was found on line: 1, column: 1",
        "OK 42",
    ),
    (
        "decimal",
        "3.25",
        "OK BD(325,2)",
        "ERR java.lang.NullPointerException: Cannot invoke \"groovy.json.JsonToken.getType()\" because \"token\" is null",
        "OK ",
    ),
    (
        "true",
        "true",
        "OK true",
        "ERR groovy.json.JsonException: A JSON payload should start with an openning curly brace '{' or an openning square bracket '['.\nInstead, 'true' was found on line: 1, column: 1",
        "OK true",
    ),
    (
        "null",
        "null",
        "OK null",
        "ERR groovy.json.JsonException: A JSON payload should start with an openning curly brace '{' or an openning square bracket '['.\nInstead, 'null' was found on line: 1, column: 1",
        "OK null",
    ),
    (
        "trailing-junk",
        "[1] xyz",
        "OK [I(1)]",
        "OK [I(1)]",
        "ERR groovy.json.JsonException: Lexing failed on line: 1, column: 5, while reading 'x', no possible valid JSON value or punctuation could be recognized.",
    ),
    (
        "extra-brace",
        "{\"a\":1}}",
        "OK {S\"a\":I(1)}",
        "OK {S\"a\":I(1)}",
        "OK {\n    \"a\": 1\n}\n}",
    ),
    (
        "empty-object-commas",
        "{,}",
        "OK {}",
        "ERR groovy.json.JsonException: Expected a string key on line: 1, column: 2.\nBut got ',' instead.",
        "OK {\n    ,\n    \n}",
    ),
    (
        "object-trailing-comma",
        "{\"a\":1,}",
        "OK {S\"a\":I(1)}",
        "OK {S\"a\":I(1)}",
        "OK {\n    \"a\": 1,\n    \n}",
    ),
    (
        "array-trailing-comma",
        "[1,]",
        "ERR groovy.json.JsonException: Did not find end of Json Array\n\nThe current character read is '1' with an int value of 49\nDid not find end of Json Array\nline number 1\nindex number 3\n[1,]\n...^",
        "OK [I(1)]",
        "OK [\n    1,\n    \n]",
    ),
    (
        "lone-open-curly",
        "{",
        "OK {}",
        "ERR groovy.json.JsonException: Expected a String key on line: 1, column: 2.\nBut got an unterminated object.",
        "OK {\n    ",
    ),
    (
        "lone-open-bracket",
        "[",
        "ERR groovy.json.JsonException: Did not find end of Json Array\n\nThe current character read is '[' with an int value of 91\nDid not find end of Json Array\nline number 1\nindex number 1\n[\n.^",
        "ERR groovy.json.JsonException: Expected a value on line: 1, column: 2.\nBut got an unterminated array.",
        "OK [\n    ",
    ),
    (
        "unclosed-array",
        "[1",
        "ERR groovy.json.JsonException: Did not find end of Json Array\n\nThe current character read is '1' with an int value of 49\nDid not find end of Json Array\nline number 1\nindex number 1\n[1\n.^",
        "ERR groovy.json.JsonException: Expected a value on line: 1, column: 3.\nBut got an unterminated array.",
        "OK [\n    ",
    ),
    (
        "unclosed-string",
        "\"abc",
        "OK S\"abc\"",
        "ERR java.lang.NullPointerException: Cannot invoke \"groovy.json.JsonToken.getType()\" because \"token\" is null",
        "OK ",
    ),
    (
        "unclosed-string-in-array",
        "[\"a\"",
        "ERR groovy.json.JsonException: issue parsing JSON array\n\nThe current character read is '\"' with an int value of 34\nissue parsing JSON array\nline number 1\nindex number 4\n[\"a\"\n....^",
        "ERR groovy.json.JsonException: Expected a closing square bracket ']' or a comma ',' on line: 1, column: 5.\nBut got an unterminated array.",
        "OK [\n    \"a\"",
    ),
    (
        "blank",
        "   ",
        "ERR groovy.json.JsonException: Unable to determine the current character, it is not a string, number, array, or object\n\nThe current character read is [SPACE] with an int value of 32\nUnable to determine the current character, it is not a string, number, array, or object\nline number 1\nindex number 2\n   \n..^",
        "ERR java.lang.NullPointerException: Cannot invoke \"groovy.json.JsonToken.getType()\" because \"token\" is null",
        "OK ",
    ),
    (
        "broken",
        "{\"broken\": ",
        "ERR groovy.json.JsonException: Unable to determine the current character, it is not a string, number, array, or object\n\nThe current character read is [SPACE] with an int value of 32\nUnable to determine the current character, it is not a string, number, array, or object\nline number 1\nindex number 10\n{\"broken\": \n..........^",
        "ERR groovy.json.JsonException: Expected a value on line: 1, column: 12.\nBut got an unterminated object.",
        "OK {\n    \"broken\": ",
    ),
    (
        "missing-colon",
        "{\"a\" 1}",
        "ERR groovy.json.JsonException: expecting current character to be '1' with an int value of 49\n\n\nThe current character read is '1' with an int value of 49\nexpecting current character to be '1' with an int value of 49\n\nline number 1\nindex number 5\n{\"a\" 1}\n.....^",
        "ERR groovy.json.JsonException: Expected a colon ':' on line: 1, column: 6.\nBut got '1' instead.",
        "OK {\n    \"a\"1\n}",
    ),
    (
        "missing-comma",
        "[1 2]",
        "ERR groovy.json.JsonException: expecting a ',' or a ']',  but got \nthe current character of  '2' with an int value of 50  on array index of 1 \n\n\nThe current character read is '2' with an int value of 50\nexpecting a ',' or a ']',  but got \nthe current character of  '2' with an int value of 50  on array index of 1 \n\nline number 1\nindex number 3\n[1 2]\n...^",
        "ERR groovy.json.JsonException: Expected a value or a closing square bracket ']' on line: 1 column: 4.\nBut got '2' instead.",
        "OK [\n    12\n]",
    ),
    (
        "object-missing-comma",
        "{\"a\":1 \"b\":2}",
        "ERR groovy.json.JsonException: expecting '}' or ',' but got current char '\"' with an int value of 34\n\nThe current character read is '\"' with an int value of 34\nexpecting '}' or ',' but got current char '\"' with an int value of 34\nline number 1\nindex number 7\n{\"a\":1 \"b\":2}\n.......^",
        "ERR groovy.json.JsonException: Expected a value or a closing curly brace '}' on line: 1, column: 8.\nBut got '\"b\"' instead.",
        "OK {\n    \"a\": 1\"b\": 2\n}",
    ),
    (
        "lone-minus",
        "[-]",
        "ERR groovy.json.internal.Exceptions$JsonInternalException: died",
        "ERR groovy.json.JsonException: Lexing failed on line: 1, column: 3, while reading '-', was trying to match a number",
        "ERR groovy.json.JsonException: Lexing failed on line: 1, column: 3, while reading '-', was trying to match a number",
    ),
    (
        "minus-end",
        "-",
        "ERR groovy.json.internal.Exceptions$JsonInternalException: died",
        "ERR java.lang.NullPointerException: Cannot invoke \"groovy.json.JsonToken.getType()\" because \"token\" is null",
        "OK ",
    ),
    (
        "exp-end",
        "1e",
        "ERR java.lang.NumberFormatException: ",
        "ERR java.lang.NullPointerException: Cannot invoke \"groovy.json.JsonToken.getType()\" because \"token\" is null",
        "OK ",
    ),
    (
        "exp-in-array",
        "[1e]",
        "ERR groovy.json.JsonException: issue parsing JSON array\n\nThe current character read is '1' with an int value of 49\nissue parsing JSON array\nline number 1\nindex number 1\n[1e]\n.^",
        "ERR groovy.json.JsonException: Lexing failed on line: 1, column: 4, while reading '1e', was trying to match a number",
        "ERR groovy.json.JsonException: Lexing failed on line: 1, column: 4, while reading '1e', was trying to match a number",
    ),
    (
        "exp-in-object",
        "{\"a\":1e}",
        "ERR java.lang.NumberFormatException: No exponent digits.",
        "ERR groovy.json.JsonException: Lexing failed on line: 1, column: 8, while reading '1e', was trying to match a number",
        "ERR groovy.json.JsonException: Lexing failed on line: 1, column: 8, while reading '1e', was trying to match a number",
    ),
    (
        "plus-in-object",
        "{\"a\":1+2}",
        "ERR java.lang.NumberFormatException: Character + is neither a decimal digit number, decimal point, nor \"e\" notation exponential mark.",
        "ERR groovy.json.JsonException: Lexing failed on line: 1, column: 9, while reading '1+2', was trying to match a number",
        "ERR groovy.json.JsonException: Lexing failed on line: 1, column: 9, while reading '1+2', was trying to match a number",
    ),
    (
        "two-dots",
        "[1.5.5]",
        "ERR groovy.json.internal.Exceptions$JsonInternalException: unexpected character .",
        "ERR groovy.json.JsonException: Lexing failed on line: 1, column: 7, while reading '1.5.5', was trying to match a number",
        "ERR groovy.json.JsonException: Lexing failed on line: 1, column: 7, while reading '1.5.5', was trying to match a number",
    ),
    (
        "letter-in-number",
        "\n[1,\n  2x]",
        "ERR groovy.json.internal.Exceptions$JsonInternalException: unexpected character x",
        "ERR groovy.json.JsonException: Lexing failed on line: 2, column: 4, while reading 'x', no possible valid JSON value or punctuation could be recognized.",
        "ERR groovy.json.JsonException: Lexing failed on line: 2, column: 4, while reading 'x', no possible valid JSON value or punctuation could be recognized.",
    ),
    (
        "dot-end",
        "[1.]",
        "OK [BD(1,0)]",
        "ERR groovy.json.JsonException: Lexing failed on line: 1, column: 4, while reading '1.', was trying to match a number",
        "ERR groovy.json.JsonException: Lexing failed on line: 1, column: 4, while reading '1.', was trying to match a number",
    ),
    (
        "minus-dot",
        "[-.5]",
        "OK [BD(-5,1)]",
        "ERR groovy.json.JsonException: Lexing failed on line: 1, column: 5, while reading '-.5', was trying to match a number",
        "ERR groovy.json.JsonException: Lexing failed on line: 1, column: 5, while reading '-.5', was trying to match a number",
    ),
    (
        "bad-escape",
        "\"a\\x\"",
        "ERR groovy.json.JsonException: Unable to decode string",
        "ERR java.lang.NullPointerException: Cannot invoke \"groovy.json.JsonToken.getType()\" because \"token\" is null",
        "OK ",
    ),
    (
        "bad-unicode",
        "\"\\u00zz\"",
        "ERR java.lang.NumberFormatException: For input string: \"00zz\" under radix 16",
        "ERR java.lang.NullPointerException: Cannot invoke \"groovy.json.JsonToken.getType()\" because \"token\" is null",
        "OK ",
    ),
    (
        "short-unicode",
        "[\"\\u12\"]",
        "OK [S\"12\"]",
        "ERR groovy.json.JsonException: Expected a value on line: 1, column: 9.\nBut got an unterminated array.",
        "OK [\n    ",
    ),
    (
        "signed-unicode",
        "[\"\\u-FFF\"]",
        "OK [S\"\\uf001\"]",
        "ERR groovy.json.JsonException: Expected a value on line: 1, column: 11.\nBut got an unterminated array.",
        "OK [\n    ",
    ),
    (
        "backslash-end",
        "\"abc\\",
        "ERR java.lang.ArrayIndexOutOfBoundsException: Index 5 out of bounds for length 5",
        "ERR java.lang.NullPointerException: Cannot invoke \"groovy.json.JsonToken.getType()\" because \"token\" is null",
        "OK ",
    ),
    (
        "tru",
        "tru",
        "ERR groovy.json.JsonException: true not parsed properly\n\nThe current character read is 't' with an int value of 116\ntrue not parsed properly\nline number 1\nindex number 0\ntru\n^",
        "ERR groovy.json.JsonException: Lexing failed on line: 1, column: 4, while reading 'tru\u{0}', was trying to match the constant 'true'",
        "ERR groovy.json.JsonException: Lexing failed on line: 1, column: 4, while reading 'tru\u{0}', was trying to match the constant 'true'",
    ),
    (
        "trux",
        "trux",
        "ERR groovy.json.JsonException: true not parsed properly\n\nThe current character read is 't' with an int value of 116\ntrue not parsed properly\nline number 1\nindex number 3\ntrux\n...^",
        "ERR groovy.json.JsonException: Lexing failed on line: 1, column: 5, while reading 'trux', was trying to match the constant 'true'",
        "ERR groovy.json.JsonException: Lexing failed on line: 1, column: 5, while reading 'trux', was trying to match the constant 'true'",
    ),
    (
        "nul",
        "[nul]",
        "ERR groovy.json.JsonException: null not parse properly\n\nThe current character read is 'n' with an int value of 110\nnull not parse properly\nline number 1\nindex number 4\n[nul]\n....^",
        "ERR groovy.json.JsonException: Lexing failed on line: 1, column: 6, while reading 'nul]', was trying to match the constant 'null'",
        "ERR groovy.json.JsonException: Lexing failed on line: 1, column: 6, while reading 'nul]', was trying to match the constant 'null'",
    ),
    (
        "bare-word",
        "{a:1}",
        "ERR groovy.json.JsonException: expecting '}' or ',' but got current char 'a' with an int value of 97\n\nThe current character read is 'a' with an int value of 97\nexpecting '}' or ',' but got current char 'a' with an int value of 97\nline number 1\nindex number 1\n{a:1}\n.^",
        "ERR groovy.json.JsonException: Lexing failed on line: 1, column: 2, while reading 'a', no possible valid JSON value or punctuation could be recognized.",
        "ERR groovy.json.JsonException: Lexing failed on line: 1, column: 2, while reading 'a', no possible valid JSON value or punctuation could be recognized.",
    ),
    (
        "single-quotes",
        "['a']",
        "ERR groovy.json.JsonException: Unable to determine the current character, it is not a string, number, array, or object\n\nThe current character read is ''' with an int value of 39\nUnable to determine the current character, it is not a string, number, array, or object\nline number 1\nindex number 1\n['a']\n.^",
        "ERR groovy.json.JsonException: Lexing failed on line: 1, column: 2, while reading ''', no possible valid JSON value or punctuation could be recognized.",
        "ERR groovy.json.JsonException: Lexing failed on line: 1, column: 2, while reading ''', no possible valid JSON value or punctuation could be recognized.",
    ),
    (
        "crlf",
        "[1,\r\n 2x]",
        "ERR groovy.json.internal.Exceptions$JsonInternalException: unexpected character x",
        "ERR groovy.json.JsonException: Lexing failed on line: 2, column: 3, while reading 'x', no possible valid JSON value or punctuation could be recognized.",
        "ERR groovy.json.JsonException: Lexing failed on line: 2, column: 3, while reading 'x', no possible valid JSON value or punctuation could be recognized.",
    ),
    (
        "cr-number",
        "{\"a\":1\r\n,\"b\":x}",
        "ERR groovy.json.JsonException: Unable to determine the current character, it is not a string, number, array, or object\n\nThe current character read is 'x' with an int value of 120\nUnable to determine the current character, it is not a string, number, array, or object\nline number 2\nindex number 13\n,\"b\":x}\n.....^",
        "ERR groovy.json.JsonException: Lexing failed on line: 2, column: 6, while reading 'x', no possible valid JSON value or punctuation could be recognized.",
        "ERR groovy.json.JsonException: Lexing failed on line: 2, column: 6, while reading 'x', no possible valid JSON value or punctuation could be recognized.",
    ),
    (
        "close-bracket",
        "]",
        "ERR groovy.json.JsonException: Unable to determine the current character, it is not a string, number, array, or object\n\nThe current character read is ']' with an int value of 93\nUnable to determine the current character, it is not a string, number, array, or object\nline number 1\nindex number 0\n]\n^",
        "ERR groovy.json.JsonException: A JSON payload should start with an openning curly brace '{' or an openning square bracket '['.\nInstead, ']' was found on line: 1, column: 1",
        "OK \n]",
    ),
    (
        "close-comma",
        "],1",
        "ERR groovy.json.JsonException: Unable to determine the current character, it is not a string, number, array, or object\n\nThe current character read is ']' with an int value of 93\nUnable to determine the current character, it is not a string, number, array, or object\nline number 1\nindex number 0\n],1\n^",
        "ERR groovy.json.JsonException: A JSON payload should start with an openning curly brace '{' or an openning square bracket '['.\nInstead, ']' was found on line: 1, column: 1",
        "ERR java.lang.NegativeArraySizeException: -4",
    ),
    (
        "huge-exponent",
        "[1e99999999999]",
        "ERR groovy.json.JsonException: issue parsing JSON array\n\nThe current character read is '1' with an int value of 49\nissue parsing JSON array\nline number 1\nindex number 1\n[1e99999999999]\n.^",
        "ERR java.lang.NumberFormatException: Too many nonzero exponent digits.",
        "OK [\n    1e99999999999\n]",
    ),
    (
        "exponent-overflow",
        "{\"a\":1e9999999999}",
        "ERR java.lang.NumberFormatException: Exponent overflow.",
        "ERR java.lang.NumberFormatException: Exponent overflow.",
        "OK {\n    \"a\": 1e9999999999\n}",
    ),
    (
        "unicode-ws",
        "\u{b}\u{1c}[1,\u{2028}\u{a0}2]",
        "ERR groovy.json.JsonException: Unable to determine the current character, it is not a string, number, array, or object\n\nThe current character read is '\u{2028}' with an int value of 8232\nUnable to determine the current character, it is not a string, number, array, or object\nline number 1\nindex number 5\n\u{b}\u{1c}[1,\u{2028}\u{a0}2]\n.....^",
        "ERR groovy.json.JsonException: Lexing failed on line: 1, column: 7, while reading '\u{a0}', no possible valid JSON value or punctuation could be recognized.",
        "ERR groovy.json.JsonException: Lexing failed on line: 1, column: 7, while reading '\u{a0}', no possible valid JSON value or punctuation could be recognized.",
    ),
    (
        "nbsp-classic",
        "[\u{a0}1]",
        "ERR groovy.json.JsonException: Unable to determine the current character, it is not a string, number, array, or object\n\nThe current character read is '\u{a0}' with an int value of 160\nUnable to determine the current character, it is not a string, number, array, or object\nline number 1\nindex number 1\n[\u{a0}1]\n.^",
        "ERR groovy.json.JsonException: Lexing failed on line: 1, column: 2, while reading '\u{a0}', no possible valid JSON value or punctuation could be recognized.",
        "ERR groovy.json.JsonException: Lexing failed on line: 1, column: 2, while reading '\u{a0}', no possible valid JSON value or punctuation could be recognized.",
    ),
    (
        "array-of-everything",
        "[1, \"two\", [3, 4], {\"k\": \"v\"}, null, false]",
        "OK [I(1),S\"two\",[I(3),I(4)],{S\"k\":S\"v\"},null,false]",
        "OK [I(1),S\"two\",[I(3),I(4)],{S\"k\":S\"v\"},null,false]",
        "OK [\n    1,\n    \"two\",\n    [\n        3,\n        4\n    ],\n    {\n        \"k\": \"v\"\n    },\n    null,\n    false\n]",
    ),
    (
        "nested",
        "{\"a\":{\"b\":[1,{\"c\":null}]},\"s\":\"x y\"}",
        "OK {S\"a\":{S\"b\":[I(1),{S\"c\":null}]},S\"s\":S\"x y\"}",
        "OK {S\"a\":{S\"b\":[I(1),{S\"c\":null}]},S\"s\":S\"x y\"}",
        "OK {\n    \"a\": {\n        \"b\": [\n            1,\n            {\n                \"c\": null\n            }\n        ]\n    },\n    \"s\": \"x y\"\n}",
    ),
    (
        "empty-key",
        "{\"\":1}",
        "OK {S\"\":I(1)}",
        "OK {S\"\":I(1)}",
        "OK {\n    \"\": 1\n}",
    ),
];
