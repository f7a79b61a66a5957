//! A tiny civil (proleptic Gregorian) date, enough for a treatment calendar: no time zones,
//! no clock. Dates are compared, shifted by days, grouped into Monday-based weeks, read from
//! and written as ISO 8601 (`2026-11-30`) and displayed by a catalog [`Locale`]'s pattern.

use crate::locale::{fill, Locale};
#[cfg(feature = "serde")]
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// Why a date (or timestamp) was rejected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateError {
    /// Nothing was given.
    Empty,
    /// Not `YYYY-MM-DD`.
    Format,
    /// A month or day that does not exist (`2026-02-30`), or a time outside `00:00:00–23:59:59`.
    Impossible,
    /// The year lies outside [`Date::MIN_YEAR`]..=[`Date::MAX_YEAR`].
    YearOutOfRange(i32),
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateError::Empty => write!(f, "no date given"),
            DateError::Format => write!(f, "expected a date like 2026-11-30"),
            DateError::Impossible => write!(f, "no such date or time"),
            DateError::YearOutOfRange(y) => write!(
                f,
                "year {y} lies outside {}..={}",
                Date::MIN_YEAR,
                Date::MAX_YEAR
            ),
        }
    }
}

impl std::error::Error for DateError {}

/// A day of the week.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Weekday {
    /// Monday (the first day of a week here).
    Mon,
    /// Tuesday.
    Tue,
    /// Wednesday.
    Wed,
    /// Thursday.
    Thu,
    /// Friday.
    Fri,
    /// Saturday.
    Sat,
    /// Sunday.
    Sun,
}

impl Weekday {
    const ALL: [Weekday; 7] = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ];

    /// Days since Monday: Monday = 0 … Sunday = 6.
    pub fn days_from_monday(self) -> u32 {
        self as u32
    }
}

/// A calendar date. Construct it with [`Date::from_ymd`] or [`Date::parse_iso`] (both check
/// that the date exists and the year lies in [`Date::MIN_YEAR`]..=[`Date::MAX_YEAR`]);
/// [`Date::add_days`] may step outside that range. Ordered chronologically; serialised as an
/// ISO string.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 31,
    }
}

impl Date {
    /// Earliest year accepted from input.
    pub const MIN_YEAR: i32 = 2000;
    /// Latest year accepted from input.
    pub const MAX_YEAR: i32 = 2200;

    /// The date `year-month-day`, if it exists and the year is in range.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Result<Date, DateError> {
        if !(Date::MIN_YEAR..=Date::MAX_YEAR).contains(&year) {
            return Err(DateError::YearOutOfRange(year));
        }
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month as u8) as u32 {
            return Err(DateError::Impossible);
        }
        Ok(Date {
            year,
            month: month as u8,
            day: day as u8,
        })
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1–12.
    pub fn month(self) -> u32 {
        self.month as u32
    }

    /// The day of the month, 1–31.
    pub fn day(self) -> u32 {
        self.day as u32
    }

    /// Reads `YYYY-MM-DD` (surrounding whitespace allowed).
    pub fn parse_iso(s: &str) -> Result<Date, DateError> {
        let s = s.trim();
        if s.is_empty() {
            return Err(DateError::Empty);
        }
        let b = s.as_bytes();
        let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' || !digits(0..4) {
            return Err(DateError::Format);
        }
        if !digits(5..7) || !digits(8..10) {
            return Err(DateError::Format);
        }
        let num = |r: std::ops::Range<usize>| s[r].parse::<u32>().map_err(|_| DateError::Format);
        Date::from_ymd(num(0..4)? as i32, num(5..7)?, num(8..10)?)
    }

    /// `YYYY-MM-DD`.
    pub fn to_iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// `YYYYMMDD` (the iCalendar DATE form).
    pub fn to_basic(self) -> String {
        format!("{:04}{:02}{:02}", self.year, self.month, self.day)
    }

    /// Days since 1970-01-01 (negative before). Counts whole 400-year eras of 146 097 days,
    /// with years starting on 1 March so that the leap day is the last day of a year.
    fn to_days(self) -> i64 {
        let (m, d) = (self.month as i64, self.day as i64);
        let y = self.year as i64 - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let year_of_era = y - era * 400; // 0..=399
        let month_from_march = (m + 9) % 12; // March = 0 … February = 11
        let day_of_year = (153 * month_from_march + 2) / 5 + d - 1; // 0..=365
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468 // 719 468 days from 0000-03-01 to 1970-01-01
    }

    /// The inverse of [`Date::to_days`].
    fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let day_of_era = z - era * 146_097; // 0..=146096
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let month_from_march = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
        let month = if month_from_march < 10 {
            month_from_march + 3
        } else {
            month_from_march - 9
        };
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        Date {
            year: year as i32,
            month: month as u8,
            day: day as u8,
        }
    }

    /// The date `days` later (earlier when negative).
    pub fn add_days(self, days: i64) -> Date {
        Date::from_days(self.to_days() + days)
    }

    /// Days from `self` to `other` (negative when `other` is earlier).
    pub fn days_until(self, other: Date) -> i64 {
        other.to_days() - self.to_days()
    }

    /// The day of the week.
    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday (3 days after Monday).
        Weekday::ALL[(self.to_days() + 3).rem_euclid(7) as usize]
    }

    /// The Monday of this date's week (weeks run Monday to Sunday).
    pub fn week_start(self) -> Date {
        self.add_days(-(self.weekday().days_from_monday() as i64))
    }

    /// Whether both dates fall in the same Monday-to-Sunday week.
    pub fn same_week(self, other: Date) -> bool {
        self.week_start() == other.week_start()
    }

    /// The first Monday strictly after `today` (the default start of a plan).
    pub fn next_monday(today: Date) -> Date {
        today.add_days(7 - today.weekday().days_from_monday() as i64)
    }

    /// For display, by the locale's date pattern and names (see [`crate::Catalog::locale`]):
    /// en "Mon 30 Nov 2026", tr "30 Kasım 2026 Pzt".
    pub fn format(self, locale: Locale) -> String {
        let weekday = format!("date.weekday.{}", self.weekday().days_from_monday() + 1);
        fill(
            locale.get("date"),
            &[
                ("weekday", locale.get(&weekday)),
                ("day", &self.day.to_string()),
                ("month", locale.get(&format!("date.month.{}", self.month))),
                ("year", &self.year.to_string()),
            ],
        )
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_iso())
    }
}

#[cfg(feature = "serde")]
impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_iso())
    }
}

#[cfg(feature = "serde")]
impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = String::deserialize(d)?;
        Date::parse_iso(&s).map_err(serde::de::Error::custom)
    }
}

/// A moment in UTC to the second (the iCalendar `DTSTAMP`). The caller supplies it: the engine
/// has no clock.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Timestamp {
    date: Date,
    hour: u8,
    minute: u8,
    second: u8,
}

impl Timestamp {
    /// `date` at `hour:minute:second` UTC, if the time exists (leap seconds are not accepted).
    pub fn new(date: Date, hour: u32, minute: u32, second: u32) -> Result<Timestamp, DateError> {
        if hour > 23 || minute > 59 || second > 59 {
            return Err(DateError::Impossible);
        }
        Ok(Timestamp {
            date,
            hour: hour as u8,
            minute: minute as u8,
            second: second as u8,
        })
    }

    /// The date part.
    pub fn date(self) -> Date {
        self.date
    }

    /// `YYYYMMDDTHHMMSSZ`.
    pub fn to_basic(self) -> String {
        format!(
            "{}T{:02}{:02}{:02}Z",
            self.date.to_basic(),
            self.hour,
            self.minute,
            self.second
        )
    }
}
