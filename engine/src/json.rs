//! A small, strict JSON parser (RFC 8259) into an ordered [`Value`] tree.
//!
//! It exists so that the browser bundle can read the catalog (and the app its own small JSON
//! documents) without linking serde's generic deserialisation code. It is deliberately plain:
//! one non-generic recursive-descent parser, no streaming, no serde.
//!
//! * Objects ([`Map`]) keep their members in document order, duplicates included;
//!   [`Map::get`] returns the last, as serde_json and JavaScript's `JSON.parse` do (the catalog
//!   decoder refuses duplicates).
//! * Whole numbers within `i64::MIN..=u64::MAX` are read as numbers; any other number (a
//!   fraction, an exponent, a huge integer) is checked and kept as written
//!   ([`Value::OtherNumber`]): nothing read through this parser needs its value, and a reader
//!   can still name the field that holds it.
//! * Strings handle every escape, including `\uXXXX` surrogate pairs; lone surrogates and raw
//!   control characters are refused.
//! * Documents longer than [`MAX_LEN`] bytes or nested deeper than [`MAX_DEPTH`] are refused.
//! * Errors carry the 1-based line and column (in characters) where parsing stopped.
//! * [`Value`]'s `Display` writes compact JSON (escaping `"`, `\` and control characters), so
//!   `value.to_string()` serialises.
//!
//! The variant and method names follow `serde_json::Value` where they can (`Null`, `Bool`,
//! `String`, `Array`, `Object`, `get`, `as_str`, `as_u64`, ...), so code written against
//! serde_json's tree moves over with few changes; numbers are `UInt`/`NegInt` instead of
//! `Number`.
//!
//! ```
//! use skin_consult_engine::json::{parse, Value};
//! let v = parse(r#"{"v": 1, "step": "review"}"#).unwrap();
//! assert_eq!(v.get("v").and_then(Value::as_u64), Some(1));
//! assert_eq!(v.get("step").and_then(Value::as_str), Some("review"));
//! assert_eq!(parse("1.5e3"), Ok(Value::OtherNumber("1.5e3".into())));
//! assert!(parse("[1.]").is_err());
//! ```

use std::fmt;

/// Longest document accepted, in bytes (the built-in catalog is well under a tenth of it).
pub const MAX_LEN: usize = 4 << 20;

/// Deepest nesting of arrays and objects accepted.
pub const MAX_DEPTH: usize = 64;

/// A parsed JSON value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A whole number of zero or more.
    UInt(u64),
    /// A negative whole number.
    NegInt(i64),
    /// Any other number (with a fraction or an exponent, or outside `i64::MIN..=u64::MAX`),
    /// exactly as written.
    OtherNumber(String),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Value>),
    /// An object, members in document order.
    Object(Map),
}

/// An object's members in document order (a repeated key appears twice).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Map(pub Vec<(String, Value)>);

impl Map {
    /// The value of `key` (the last, if repeated).
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// Whether `key` is present.
    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// The keys in document order.
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(k, _)| k)
    }

    /// The members in document order.
    pub fn iter(&self) -> std::slice::Iter<'_, (String, Value)> {
        self.0.iter()
    }

    /// Number of members (repeats counted).
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True when there are no members.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Map {
    /// Sets `key` to `value`: replaces the last member named `key`, or appends one.
    pub fn insert(&mut self, key: &str, value: Value) {
        match self.0.iter_mut().rev().find(|(k, _)| k == key) {
            Some((_, v)) => *v = value,
            None => self.0.push((key.to_string(), value)),
        }
    }
}

/// An object from `(key, value)` pairs, in that order: `object(vec![("lang", "en".into())])`.
pub fn object(members: Vec<(&str, Value)>) -> Value {
    Value::Object(Map(members
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect()))
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::String(s.to_string())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::String(s)
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::Bool(b)
    }
}

impl From<u32> for Value {
    fn from(n: u32) -> Value {
        Value::UInt(n.into())
    }
}

impl From<u64> for Value {
    fn from(n: u64) -> Value {
        Value::UInt(n)
    }
}

impl From<Vec<Value>> for Value {
    fn from(items: Vec<Value>) -> Value {
        Value::Array(items)
    }
}

/// `value == "text"`, as with serde_json's `Value`.
impl PartialEq<&str> for Value {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == Some(*other)
    }
}

/// `value == 30`, as with serde_json's `Value`.
impl PartialEq<i64> for Value {
    fn eq(&self, other: &i64) -> bool {
        self.as_i64() == Some(*other)
    }
}

/// `value == true`, as with serde_json's `Value`.
impl PartialEq<bool> for Value {
    fn eq(&self, other: &bool) -> bool {
        self.as_bool() == Some(*other)
    }
}

static NULL: Value = Value::Null;

/// `value["key"]`: the member, or `null` when absent or not an object (as serde_json's).
impl std::ops::Index<&str> for Value {
    type Output = Value;
    fn index(&self, key: &str) -> &Value {
        self.get(key).unwrap_or(&NULL)
    }
}

impl<'a> IntoIterator for &'a Map {
    type Item = &'a (String, Value);
    type IntoIter = std::slice::Iter<'a, (String, Value)>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl Value {
    /// The member `key` of an object (the last, if repeated); `None` for other values.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.as_object()?.get(key)
    }

    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The boolean, if this is one.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// The number, if this is a whole number of zero or more.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::UInt(n) => Some(*n),
            _ => None,
        }
    }

    /// The number, if this is a whole number within `i64`.
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Value::UInt(n) => i64::try_from(*n).ok(),
            Value::NegInt(n) => Some(*n),
            _ => None,
        }
    }

    /// The elements, if this is an array.
    pub fn as_array(&self) -> Option<&[Value]> {
        match self {
            Value::Array(a) => Some(a),
            _ => None,
        }
    }

    /// The members, if this is an object.
    pub fn as_object(&self) -> Option<&Map> {
        match self {
            Value::Object(o) => Some(o),
            _ => None,
        }
    }

    /// True for `null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// What kind of value this is, for messages: `null`, `a boolean`, `a number`, `a string`,
    /// `an array` or `an object`.
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::UInt(_) | Value::NegInt(_) => "a number",
            Value::OtherNumber(_) => "a fraction or a very large number",
            Value::String(_) => "a string",
            Value::Array(_) => "an array",
            Value::Object(_) => "an object",
        }
    }
}

/// Compact JSON: `{"a":[1,"x"]}`.
impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Null => f.write_str("null"),
            Value::Bool(b) => f.write_str(if *b { "true" } else { "false" }),
            Value::UInt(n) => write!(f, "{n}"),
            Value::NegInt(n) => write!(f, "{n}"),
            Value::OtherNumber(text) => f.write_str(text),
            Value::String(s) => write_str(f, s),
            Value::Array(items) => {
                f.write_str("[")?;
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str(",")?;
                    }
                    item.fmt(f)?;
                }
                f.write_str("]")
            }
            Value::Object(map) => {
                f.write_str("{")?;
                for (i, (key, value)) in map.iter().enumerate() {
                    if i > 0 {
                        f.write_str(",")?;
                    }
                    write_str(f, key)?;
                    f.write_str(":")?;
                    value.fmt(f)?;
                }
                f.write_str("}")
            }
        }
    }
}

/// A JSON string literal: `"`, `\` and control characters escaped, everything else as is.
fn write_str(f: &mut fmt::Formatter<'_>, s: &str) -> fmt::Result {
    f.write_str("\"")?;
    let mut start = 0;
    for (i, c) in s.char_indices() {
        let escape = match c {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            '\u{8}' => "\\b",
            '\u{c}' => "\\f",
            c if c < ' ' => "",
            _ => continue,
        };
        f.write_str(&s[start..i])?;
        if escape.is_empty() {
            write!(f, "\\u{:04x}", c as u32)?;
        } else {
            f.write_str(escape)?;
        }
        start = i + c.len_utf8();
    }
    f.write_str(&s[start..])?;
    f.write_str("\"")
}

/// Why a document is not accepted, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// What is wrong.
    pub message: &'static str,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at line {} column {}",
            self.message, self.line, self.column
        )
    }
}

impl std::error::Error for Error {}

/// Parses one JSON document (surrounding whitespace allowed, nothing else after it).
pub fn parse(text: &str) -> Result<Value, Error> {
    let mut p = Parser {
        s: text.as_bytes(),
        i: 0,
        depth: 0,
    };
    let result = if text.len() > MAX_LEN {
        Err("document too large")
    } else {
        p.value().and_then(|v| {
            p.ws();
            if p.i < p.s.len() {
                Err("trailing characters")
            } else {
                Ok(v)
            }
        })
    };
    result.map_err(|message| {
        let at = p.i.min(text.len());
        // Parsing stops on a byte boundary of ASCII syntax or inside a string; back up to a
        // character boundary so the column counts characters.
        let at = (0..=at)
            .rev()
            .find(|&k| text.is_char_boundary(k))
            .unwrap_or(0);
        let before = &text[..at];
        let line_start = before.rfind('\n').map_or(0, |k| k + 1);
        Error {
            line: before.matches('\n').count() + 1,
            column: before[line_start..].chars().count() + 1,
            message,
        }
    })
}

type R<T> = Result<T, &'static str>;

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
    depth: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.i += 1;
        }
    }

    /// Consumes `lit` (a keyword).
    fn word(&mut self, lit: &[u8], v: Value) -> R<Value> {
        if self.s[self.i..].starts_with(lit) {
            self.i += lit.len();
            Ok(v)
        } else {
            Err("expected a value")
        }
    }

    fn value(&mut self) -> R<Value> {
        self.ws();
        match self.peek() {
            None => Err("unexpected end of input"),
            Some(b'n') => self.word(b"null", Value::Null),
            Some(b't') => self.word(b"true", Value::Bool(true)),
            Some(b'f') => self.word(b"false", Value::Bool(false)),
            Some(b'"') => self.string().map(Value::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b'[') => {
                self.enter()?;
                let mut items = Vec::new();
                self.ws();
                if self.peek() == Some(b']') {
                    self.i += 1;
                } else {
                    loop {
                        items.push(self.value()?);
                        if self.after_item(b']')? {
                            break;
                        }
                    }
                }
                self.depth -= 1;
                Ok(Value::Array(items))
            }
            Some(b'{') => {
                self.enter()?;
                let mut members = Vec::new();
                self.ws();
                if self.peek() == Some(b'}') {
                    self.i += 1;
                } else {
                    loop {
                        self.ws();
                        if self.peek() != Some(b'"') {
                            return Err("expected a string key");
                        }
                        let key = self.string()?;
                        self.ws();
                        if self.peek() != Some(b':') {
                            return Err("expected `:`");
                        }
                        self.i += 1;
                        members.push((key, self.value()?));
                        if self.after_item(b'}')? {
                            break;
                        }
                    }
                }
                self.depth -= 1;
                Ok(Value::Object(Map(members)))
            }
            Some(_) => Err("expected a value"),
        }
    }

    fn enter(&mut self) -> R<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err("nested too deeply");
        }
        self.i += 1;
        Ok(())
    }

    /// After an element: `,` (more follow, false) or `close` (done, true).
    fn after_item(&mut self, close: u8) -> R<bool> {
        self.ws();
        match self.peek() {
            Some(b',') => {
                self.i += 1;
                Ok(false)
            }
            Some(c) if c == close => {
                self.i += 1;
                Ok(true)
            }
            None => Err("unexpected end of input"),
            Some(_) => Err(if close == b']' {
                "expected `,` or `]`"
            } else {
                "expected `,` or `}`"
            }),
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.i;
        while let Some(b'0'..=b'9') = self.peek() {
            self.i += 1;
        }
        self.i - start
    }

    fn number(&mut self) -> R<Value> {
        let negative = self.peek() == Some(b'-');
        if negative {
            self.i += 1;
        }
        let start = self.i;
        let n = self.digits();
        if n == 0 {
            return Err("invalid number");
        }
        if n > 1 && self.s[start] == b'0' {
            self.i = start + 1;
            return Err("invalid number (leading zero)");
        }
        let whole_end = self.i;
        if self.peek() == Some(b'.') {
            self.i += 1;
            if self.digits() == 0 {
                return Err("invalid number (no digit after `.`)");
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.i += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.i += 1;
            }
            if self.digits() == 0 {
                return Err("invalid number (no digit in the exponent)");
            }
        }
        let literal_start = start - usize::from(negative);
        let other = || {
            let text = std::str::from_utf8(&self.s[literal_start..self.i]).unwrap_or_default();
            Value::OtherNumber(text.to_string())
        };
        if self.i != whole_end {
            return Ok(other());
        }
        let mut mag: u64 = 0;
        for &d in &self.s[start..self.i] {
            match mag
                .checked_mul(10)
                .and_then(|m| m.checked_add(u64::from(d - b'0')))
            {
                Some(m) => mag = m,
                None => return Ok(other()),
            }
        }
        if !negative || mag == 0 {
            Ok(Value::UInt(mag))
        } else if mag <= 1 << 63 {
            Ok(Value::NegInt((mag as i64).wrapping_neg()))
        } else {
            Ok(other())
        }
    }

    fn hex4(&mut self) -> R<u32> {
        let mut n = 0;
        for _ in 0..4 {
            let v = match self.peek() {
                Some(d @ b'0'..=b'9') => d - b'0',
                Some(d @ b'a'..=b'f') => d - b'a' + 10,
                Some(d @ b'A'..=b'F') => d - b'A' + 10,
                _ => return Err("invalid \\u escape"),
            };
            n = n * 16 + u32::from(v);
            self.i += 1;
        }
        Ok(n)
    }

    /// A string starting at the opening quote.
    fn string(&mut self) -> R<String> {
        self.i += 1;
        let mut out = String::new();
        loop {
            let start = self.i;
            while let Some(c) = self.peek() {
                if c == b'"' || c == b'\\' || c < 0x20 {
                    break;
                }
                self.i += 1;
            }
            // Only ASCII bytes stop the scan, so the run ends on a character boundary.
            out.push_str(std::str::from_utf8(&self.s[start..self.i]).map_err(|_| "invalid UTF-8")?);
            match self.peek() {
                None => return Err("unterminated string"),
                Some(b'"') => {
                    self.i += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.i += 1;
                    let c = self.peek().ok_or("unexpected end of input")?;
                    self.i += 1;
                    out.push(match c {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => self.unicode()?,
                        _ => {
                            self.i -= 1;
                            return Err("invalid escape");
                        }
                    });
                }
                Some(_) => return Err("control character in string"),
            }
        }
    }

    /// The character of a `\u` escape whose `\u` was consumed (a surrogate pair takes two).
    fn unicode(&mut self) -> R<char> {
        let hi = self.hex4()?;
        let code = match hi {
            0xD800..=0xDBFF => {
                if !self.s[self.i..].starts_with(b"\\u") {
                    return Err("lone surrogate in \\u escape");
                }
                self.i += 2;
                let lo = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&lo) {
                    return Err("lone surrogate in \\u escape");
                }
                0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
            }
            0xDC00..=0xDFFF => return Err("lone surrogate in \\u escape"),
            _ => hi,
        };
        char::from_u32(code).ok_or("invalid \\u escape")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn obj(members: &[(&str, Value)]) -> Value {
        Value::Object(Map(members
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect()))
    }

    fn s(text: &str) -> Value {
        Value::String(text.into())
    }

    #[test]
    fn accepts() {
        let cases: Vec<(&str, Value)> = vec![
            ("null", Value::Null),
            (" true ", Value::Bool(true)),
            ("\r\n\tfalse", Value::Bool(false)),
            ("0", Value::UInt(0)),
            ("-0", Value::UInt(0)),
            ("42", Value::UInt(42)),
            ("-7", Value::NegInt(-7)),
            ("18446744073709551615", Value::UInt(u64::MAX)),
            ("-9223372036854775808", Value::NegInt(i64::MIN)),
            ("1.5", Value::OtherNumber("1.5".into())),
            ("-0.25E-3", Value::OtherNumber("-0.25E-3".into())),
            ("1e3", Value::OtherNumber("1e3".into())),
            (
                "18446744073709551616",
                Value::OtherNumber("18446744073709551616".into()),
            ),
            (
                "-9223372036854775809",
                Value::OtherNumber("-9223372036854775809".into()),
            ),
            (r#""""#, s("")),
            (r#""a\"b\\c\/d""#, s("a\"b\\c/d")),
            (r#""\b\f\n\r\t""#, s("\u{8}\u{c}\n\r\t")),
            (r#""\u0041\u00e7\u011F""#, s("Açğ")),
            (r#""\ud83d\ude00!""#, s("😀!")),
            (r#""\uD834\uDD1E""#, s("𝄞")),
            ("\"ş ü — 😀\"", s("ş ü — 😀")),
            ("[]", Value::Array(vec![])),
            ("[ 1 , [ ] , {} ]", {
                Value::Array(vec![
                    Value::UInt(1),
                    Value::Array(vec![]),
                    Value::Object(Map::default()),
                ])
            }),
            (
                r#"{"b":1,"a":[null],"b":"x"}"#,
                obj(&[
                    ("b", Value::UInt(1)),
                    ("a", Value::Array(vec![Value::Null])),
                    ("b", s("x")),
                ]),
            ),
        ];
        for (text, want) in cases {
            assert_eq!(parse(text), Ok(want), "{text}");
        }
    }

    #[test]
    fn rejects_with_position() {
        let cases: &[(&str, &str, usize, usize)] = &[
            ("", "unexpected end of input", 1, 1),
            ("   ", "unexpected end of input", 1, 4),
            ("nul", "expected a value", 1, 1),
            ("True", "expected a value", 1, 1),
            ("1 2", "trailing characters", 1, 3),
            ("[1,]", "expected a value", 1, 4),
            ("[1 2]", "expected `,` or `]`", 1, 4),
            ("{\"a\":1,}", "expected a string key", 1, 8),
            ("{\"a\" 1}", "expected `:`", 1, 6),
            ("{\"a\":1 \"b\":2}", "expected `,` or `}`", 1, 8),
            ("{'a':1}", "expected a string key", 1, 2),
            ("{1:1}", "expected a string key", 1, 2),
            ("[1", "unexpected end of input", 1, 3),
            ("01", "invalid number (leading zero)", 1, 2),
            ("-", "invalid number", 1, 2),
            ("-a", "invalid number", 1, 2),
            ("+1", "expected a value", 1, 1),
            ("1.", "invalid number (no digit after `.`)", 1, 3),
            ("1.e3", "invalid number (no digit after `.`)", 1, 3),
            ("1e", "invalid number (no digit in the exponent)", 1, 3),
            ("1e+", "invalid number (no digit in the exponent)", 1, 4),
            (".5", "expected a value", 1, 1),
            ("\"abc", "unterminated string", 1, 5),
            ("\"a\nb\"", "control character in string", 1, 3),
            ("\"\\x\"", "invalid escape", 1, 3),
            ("\"\\u12\"", "invalid \\u escape", 1, 6),
            ("\"\\ud800\"", "lone surrogate in \\u escape", 1, 8),
            ("\"\\ud800\\u0041\"", "lone surrogate in \\u escape", 1, 14),
            ("\"\\udc00\"", "lone surrogate in \\u escape", 1, 8),
            ("{\n  \"ş\": [\n    1,,\n", "expected a value", 3, 7),
            ("\"ğğ\" x", "trailing characters", 1, 6),
        ];
        for &(text, message, line, column) in cases {
            assert_eq!(
                parse(text),
                Err(Error {
                    line,
                    column,
                    message
                }),
                "{text:?}"
            );
        }
    }

    #[test]
    fn limits_depth_and_size() {
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&ok).is_ok());
        let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        assert_eq!(parse(&deep).unwrap_err().message, "nested too deeply");
        let deep_objects = "{\"a\":".repeat(MAX_DEPTH + 1);
        assert_eq!(
            parse(&deep_objects).unwrap_err().message,
            "nested too deeply"
        );
        // Far deeper than the limit still fails cleanly (no stack overflow).
        assert!(parse(&"[".repeat(100_000)).is_err());
        let big = format!("\"{}\"", "a".repeat(MAX_LEN));
        assert_eq!(parse(&big).unwrap_err().message, "document too large");
    }

    #[test]
    fn accessors() {
        let v = parse(r#"{"n":3,"neg":-3,"s":"x","b":true,"a":[1],"o":{},"z":null}"#).unwrap();
        assert_eq!(v.get("n").and_then(Value::as_u64), Some(3));
        assert_eq!(v.get("n").and_then(Value::as_i64), Some(3));
        assert_eq!(v.get("neg").and_then(Value::as_u64), None);
        assert_eq!(v.get("neg").and_then(Value::as_i64), Some(-3));
        assert_eq!(v.get("s").and_then(Value::as_str), Some("x"));
        assert_eq!(v.get("b").and_then(Value::as_bool), Some(true));
        assert_eq!(
            v.get("a").and_then(Value::as_array).map(<[_]>::len),
            Some(1)
        );
        assert_eq!(v.get("o").and_then(Value::as_object).map(Map::len), Some(0));
        assert!(v.get("z").is_some_and(Value::is_null));
        assert_eq!(v.get("missing"), None);
        assert_eq!(Value::UInt(u64::MAX).as_i64(), None);
        assert_eq!(v.get("s").unwrap().get("s"), None);
        let kinds: Vec<&str> = v
            .as_object()
            .unwrap()
            .iter()
            .map(|(_, v)| v.kind())
            .collect();
        assert_eq!(
            kinds,
            [
                "a number",
                "a number",
                "a string",
                "a boolean",
                "an array",
                "an object",
                "null"
            ]
        );
        let text = r#"{"a":[1,-2,null,true,false,{}],"b":"q\"\\/\b\f\n\r\t\u0001\u001fşé😀"}"#;
        assert_eq!(
            parse(text).unwrap().to_string(),
            r#"{"a":[1,-2,null,true,false,{}],"b":"q\"\\/\b\f\n\r\t\u0001\u001fşé😀"}"#
        );
        let repeated = parse(r#"{"k":1,"k":2}"#).unwrap();
        assert_eq!(repeated.get("k"), Some(&Value::UInt(2)));
        assert_eq!(repeated.as_object().unwrap().len(), 2);
        assert_eq!(repeated.to_string(), r#"{"k":1,"k":2}"#);
        let map = v.as_object().unwrap();
        assert!(map.contains_key("z") && !map.contains_key("y") && !map.is_empty());
        assert_eq!(map.keys().cloned().collect::<String>(), "nnegsbaoz");
        assert_eq!(map.len(), map.iter().count());
        let mut seen = 0;
        for (key, value) in map {
            seen += usize::from(map.get(key) == Some(value));
        }
        assert_eq!(seen, 7);
        let mut built = object(vec![
            ("s", "x".into()),
            ("t", String::from("y").into()),
            ("b", true.into()),
            ("n", 7u32.into()),
            ("m", u64::MAX.into()),
            ("a", vec![Value::Null].into()),
        ]);
        assert_eq!(built["s"], s("x"));
        assert!(built["s"] == "x" && built["s"] != "y" && built["n"] != "7");
        assert!(built["n"] == 7 && built["n"] != 8 && built["s"] != 7 && built["m"] != -1);
        assert!(built["b"] == true && built["b"] != false && built["n"] != true);
        assert_eq!(built["missing"], Value::Null);
        assert_eq!(built["a"]["x"], Value::Null);
        if let Value::Object(map) = &mut built {
            map.insert("s", 1u32.into());
            map.insert("z", false.into());
        }
        assert_eq!(
            built.to_string(),
            r#"{"s":1,"t":"y","b":true,"n":7,"m":18446744073709551615,"a":[null],"z":false}"#
        );
        let e = parse("[").unwrap_err();
        assert_eq!(e.to_string(), "unexpected end of input at line 1 column 2");
    }
}
