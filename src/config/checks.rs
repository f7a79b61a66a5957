//! The checks of single configuration values (names, phone numbers, e-mail, links, colours,
//! fonts): each says what a good value looks like; the schema's patterns follow them
//! (`tests/schema_agreement.rs` holds the two together on whole documents,
//! `tests/check_properties.rs` on generated values of each field). Lengths are in characters,
//! as the schema's `maxLength` counts them.

pub(super) fn check_name(name: &str) -> Result<(), &'static str> {
    match name.chars().count() {
        1..=120 => Ok(()),
        _ => Err("must be 1 to 120 characters"),
    }
}

pub(super) fn check_phone(phone: &str) -> Result<(), &'static str> {
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    let allowed = phone
        .chars()
        .all(|c| c.is_ascii_digit() || " +-().".contains(c));
    (allowed && (6..=15).contains(&digits))
        .then_some(())
        .ok_or("must be a phone number in international form, e.g. +90 232 000 00 00")
}

pub(super) fn check_email(email: &str) -> Result<(), &'static str> {
    let valid = email.len() <= 254
        && email.split_once('@').is_some_and(|(user, domain)| {
            !user.is_empty()
                && domain
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || ".-".contains(c))
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
        })
        && email
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "@._+-".contains(c));
    valid.then_some(()).ok_or("must be an e-mail address")
}

pub(super) fn check_https_url(url: &str) -> Result<(), &'static str> {
    let rest = url
        .strip_prefix("https://")
        .ok_or("must be an https: address")?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host_ok = !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || ".-:".contains(c));
    let no_space = !url
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>');
    (host_ok && no_space && url.chars().count() <= 2000)
        .then_some(())
        .ok_or("is not a valid https: address")
}

pub(super) fn check_origin(origin: &str) -> Result<(), &'static str> {
    let rest = origin.strip_prefix("https://").unwrap_or("");
    let (host, port) = rest.split_once(':').unwrap_or((rest, "0"));
    let ok = !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || ".-".contains(c))
        && !port.is_empty()
        && port.chars().all(|c| c.is_ascii_digit());
    ok.then_some(())
        .ok_or("must be an https: origin (scheme and host only), such as https://www.example.com")
}

pub(super) fn check_same_origin_path(path: &str) -> Result<(), &'static str> {
    // From the site's root, so it names the same file on an iframe page and a clinic's page.
    let ok = path.starts_with('/')
        && !path.starts_with("//")
        && !path.contains(':')
        && !path.chars().any(|c| {
            c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>' || c == '\\'
        })
        && path.chars().count() <= 500;
    ok.then_some(())
        .ok_or("must be a path on this site, such as /images/logo.svg")
}

pub(super) fn check_color(color: &str) -> Result<(), &'static str> {
    let hex = color
        .strip_prefix('#')
        .ok_or("must be a hex colour such as #2f6f6a")?;
    (matches!(hex.len(), 3 | 4 | 6 | 8) && hex.chars().all(|c| c.is_ascii_hexdigit()))
        .then_some(())
        .ok_or("must be a hex colour such as #2f6f6a")
}

pub(super) fn check_font(font: &str) -> Result<(), &'static str> {
    let ok = !font.is_empty()
        && font.chars().count() <= 200
        && font
            .chars()
            .all(|c| c.is_alphanumeric() || " ,-_'\"".contains(c));
    ok.then_some(())
        .ok_or("must be a list of font names, such as \"Inter\", sans-serif")
}
