//! The calendar file: a [`Schedule`] as iCalendar (RFC 5545), one all-day event per session.
//!
//! CRLF line ends, lines folded at 75 octets on UTF-8 character boundaries, TEXT values escaped.
//! No clock: the caller passes the `DTSTAMP`.

use crate::date::Timestamp;
use crate::locale::fill;
use crate::model::Catalog;
use crate::schedule::Schedule;
use std::fmt;

/// The product identifier written into every calendar.
pub const PRODID: &str = "-//skin-consult//treatment plan//EN";

/// Why no calendar was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IcsError {
    /// The schedule has no session (an empty calendar is never written).
    EmptySchedule,
    /// A session names a procedure the catalog does not have.
    UnknownProcedure(String),
}

impl fmt::Display for IcsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IcsError::EmptySchedule => write!(f, "the schedule has no session"),
            IcsError::UnknownProcedure(id) => write!(f, "unknown procedure `{id}`"),
        }
    }
}

impl std::error::Error for IcsError {}

/// Escapes a TEXT value: `\` `;` `,` get a backslash, a newline becomes `\n`; control
/// characters other than tab (carriage returns included) are dropped.
pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\\' | ';' | ',' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\n"),
            c if c.is_control() && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds one content line so that no physical line exceeds 75 octets (without its CRLF):
/// breaks only between characters, and each continuation line starts with one space.
pub fn fold_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 24);
    let mut width = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out
}

/// Writes the schedule's sessions as an iCalendar file in `lang` (names, aftercare and notes
/// from the catalog, the calendar's words from its locale for `lang`), with `clinic_name` as the location. Each event's `UID` is
/// `<procedure-id>-<index>-<yyyymmdd>@skin-consult`: stable and unique within the file.
pub fn to_ics(
    schedule: &Schedule,
    catalog: &Catalog,
    lang: &str,
    clinic_name: &str,
    dtstamp: Timestamp,
) -> Result<String, IcsError> {
    if schedule.sessions.is_empty() {
        return Err(IcsError::EmptySchedule);
    }
    let words = catalog.locale(lang);
    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        format!("PRODID:{PRODID}"),
        "VERSION:2.0".into(),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
    ];
    let title = words.get("calendar.title");
    let clinic = clinic_name.trim();
    lines.push(if clinic.is_empty() {
        format!("X-WR-CALNAME:{}", escape_text(title))
    } else {
        format!(
            "X-WR-CALNAME:{}",
            escape_text(&format!("{clinic}: {title}"))
        )
    });
    let stamp = dtstamp.to_basic();
    for s in &schedule.sessions {
        let p = catalog
            .procedure(&s.procedure_id)
            .ok_or_else(|| IcsError::UnknownProcedure(s.procedure_id.clone()))?;
        let name = p.name.get(lang);
        let summary = if s.phase == crate::Phase::Review {
            fill(words.get("calendar.review"), &[("name", name)])
        } else {
            fill(
                words.get("calendar.session"),
                &[("name", name), ("n", &s.index.to_string())],
            )
        };
        let mut description: Vec<String> = s.note.iter().map(|n| n.get(lang).into()).collect();
        if !p.aftercare.is_empty() {
            description.push(words.get("calendar.aftercare").into());
            description.extend(p.aftercare.iter().map(|a| format!("- {}", a.get(lang))));
        }
        lines.extend([
            "BEGIN:VEVENT".into(),
            format!(
                "UID:{}-{}-{}@skin-consult",
                s.procedure_id,
                s.index,
                s.date.to_basic()
            ),
            format!("DTSTAMP:{stamp}"),
            format!("DTSTART;VALUE=DATE:{}", s.date.to_basic()),
            format!("DTEND;VALUE=DATE:{}", s.date.add_days(1).to_basic()),
            format!("SUMMARY:{}", escape_text(&summary)),
        ]);
        if !description.is_empty() {
            lines.push(format!(
                "DESCRIPTION:{}",
                escape_text(&description.join("\n"))
            ));
        }
        if !clinic.is_empty() {
            lines.push(format!("LOCATION:{}", escape_text(clinic)));
        }
        lines.extend(["TRANSP:TRANSPARENT".into(), "END:VEVENT".into()]);
    }
    lines.push("END:VCALENDAR".into());
    let mut out = String::new();
    for l in &lines {
        out.push_str(&fold_line(l));
        out.push_str("\r\n");
    }
    Ok(out)
}
