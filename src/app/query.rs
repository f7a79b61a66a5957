//! The page's query string as parameters: one reader for every flag the widget takes from the
//! address (`kiosk=1`, the crash screen's reset, the debug panic), names and values
//! percent-decoded (`+` is a space), so `?kiosk%3D1` and `?%6Biosk=1` read alike.

/// The parameters of a query string, in order (a repeated name appears twice).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    /// `(raw pair, decoded name, decoded value)`; the raw pair is kept to rebuild the query.
    pairs: Vec<(String, String, String)>,
}

impl Query {
    /// Reads `query`, with or without its leading `?`.
    pub fn parse(query: &str) -> Query {
        let pairs = query
            .trim_start_matches('?')
            .split('&')
            .filter(|pair| !pair.is_empty())
            .map(|pair| {
                let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
                (pair.to_string(), decode(name), decode(value))
            })
            .collect();
        Query { pairs }
    }

    /// The value of the first parameter called `name` (`""` when it has no `=`).
    pub fn get(&self, name: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(_, n, _)| n == name)
            .map(|(_, _, v)| v.as_str())
    }

    /// Whether a parameter called `name` is present, with or without a value.
    pub fn has(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    /// The query (without its `?`) less every parameter called `name`; the others are kept
    /// exactly as written.
    pub fn without(&self, name: &str) -> String {
        self.pairs
            .iter()
            .filter(|(_, n, _)| n != name)
            .map(|(raw, _, _)| raw.as_str())
            .collect::<Vec<_>>()
            .join("&")
    }
}

/// Percent-decodes `text` as a form value (`+` is a space); a malformed escape stays as written
/// and bytes that are not UTF-8 become U+FFFD.
/// Percent-encodes `text` for a URL query value as `encodeURIComponent` does: every UTF-8
/// byte except ASCII letters, digits and `-_.!~*'()` becomes `%XX`.
pub fn encode_component(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(text.len());
    for &byte in text.as_bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push('%');
            out.push(HEX[usize::from(byte >> 4)] as char);
            out.push(HEX[usize::from(byte & 0xF)] as char);
        }
    }
    out
}

fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = bytes
                    .get(i + 1..i + 3)
                    .and_then(|h| std::str::from_utf8(h).ok())
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                if let Some(byte) = hex {
                    out.push(byte);
                    i += 3;
                    continue;
                }
                out.push(b'%');
            }
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_percent_encoded_as_encode_uri_component_does() {
        let cases = [
            ("", ""),
            ("abc-XYZ_09.!~*'()", "abc-XYZ_09.!~*'()"),
            ("a b&c=d?e#f/g+h", "a%20b%26c%3Dd%3Fe%23f%2Fg%2Bh"),
            ("Güzellik %", "G%C3%BCzellik%20%25"),
            ("line\nbreak", "line%0Abreak"),
            ("😀", "%F0%9F%98%80"),
        ];
        for (text, encoded) in cases {
            assert_eq!(encode_component(text), encoded, "{text}");
            assert_eq!(decode(encoded), text, "{encoded}");
        }
    }

    #[test]
    fn names_and_values_are_percent_decoded() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            ("?kiosk=1", "kiosk", Some("1")),
            ("lang=tr&kiosk=1", "kiosk", Some("1")),
            ("?%6Biosk=%31", "kiosk", Some("1")),
            ("?q=a+b%20c", "q", Some("a b c")),
            ("?kiosk", "kiosk", Some("")),
            ("?nokiosk=1", "kiosk", None),
            ("?bad=%zz%4", "bad", Some("%zz%4")),
            ("?x=%C3%BC", "x", Some("ü")),
            ("?x=%FF", "x", Some("\u{FFFD}")),
            ("", "kiosk", None),
        ];
        for (query, name, expected) in cases {
            assert_eq!(Query::parse(query).get(name), *expected, "{query}");
        }
    }

    #[test]
    fn a_parameter_is_removed_and_the_rest_kept_as_written() {
        let cases = [
            ("?sc-reset=1&lang=tr", "sc-reset", "lang=tr"),
            ("a=%20&sc-reset&b=2", "sc-reset", "a=%20&b=2"),
            ("sc-reset=1&sc-reset=2", "sc-reset", ""),
            ("lang=tr", "sc-reset", "lang=tr"),
            ("?%73c-reset=1&x=1", "sc-reset", "x=1"),
        ];
        for (query, name, expected) in cases {
            assert_eq!(Query::parse(query).without(name), expected, "{query}");
        }
    }
}
