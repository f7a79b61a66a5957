//! Treatment plans: a structured course the UI can phrase and a scheduler can date.

use crate::text::Text;
use serde::{Deserialize, Serialize};

/// An inclusive range of days between two sessions.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct DayRange {
    /// Shortest interval, in days.
    pub min_days: u32,
    /// Longest interval, in days.
    pub max_days: u32,
}

impl DayRange {
    /// A range of exactly `days`.
    pub fn exactly(days: u32) -> DayRange {
        DayRange {
            min_days: days,
            max_days: days,
        }
    }

    /// True when `self` lies within `outer`.
    pub fn within(&self, outer: &DayRange) -> bool {
        self.min_days >= outer.min_days && self.max_days <= outer.max_days
    }
}

/// An inclusive range of counts (sessions, nights).
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct CountRange {
    /// Fewest.
    pub min: u32,
    /// Most.
    pub max: u32,
}

/// The initial course: a number of sessions at an interval.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Course {
    /// How many sessions (`None` = "a series", set by the doctor).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sessions: Option<CountRange>,
    /// Interval between the sessions.
    pub interval: DayRange,
}

/// Home use of a product (retinoid creams).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct HomeUse {
    /// Nights a week at first.
    pub nights_per_week: CountRange,
    /// Whether to increase the frequency as the skin tolerates it.
    pub increase_with_tolerance: bool,
}

/// A plan: initial course, then maintenance, with safety gaps.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, Default)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// The initial course, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initial: Option<Course>,
    /// The maintenance interval after the course (or the routine interval when there is no course).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maintenance: Option<DayRange>,
    /// Never sooner than this many days between two treatments (botulinum toxin: 90).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_gap_days: Option<u32>,
    /// Home-use frequency (retinoids).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub home_use: Option<HomeUse>,
    /// Usually a single session.
    #[serde(default)]
    pub single_session: bool,
    /// Days to wait after it before other procedures.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recovery_days: Option<u32>,
    /// A note for the patient (e.g. where sources disagree).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

impl Plan {
    /// Every interval of the plan (course interval, maintenance), for bound checks.
    pub fn intervals(&self) -> Vec<DayRange> {
        self.initial
            .iter()
            .map(|c| c.interval)
            .chain(self.maintenance)
            .collect()
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Unit {
    Day,
    Week,
    Month,
}

/// Picks the largest unit both ends divide into (a month is 30 days).
fn unit_of(min: u32, max: u32) -> (Unit, u32, u32) {
    if min > 0 && min.is_multiple_of(30) && max.is_multiple_of(30) {
        (Unit::Month, min / 30, max / 30)
    } else if min > 0 && min.is_multiple_of(7) && max.is_multiple_of(7) {
        (Unit::Week, min / 7, max / 7)
    } else {
        (Unit::Day, min, max)
    }
}

fn amount(min: u32, max: u32) -> String {
    if min == max {
        min.to_string()
    } else {
        format!("{min}\u{2013}{max}")
    }
}

fn unit_word(unit: Unit, plural: bool, tr: bool) -> &'static str {
    match (unit, plural, tr) {
        (Unit::Day, false, false) => "day",
        (Unit::Day, true, false) => "days",
        (Unit::Week, false, false) => "week",
        (Unit::Week, true, false) => "weeks",
        (Unit::Month, false, false) => "month",
        (Unit::Month, true, false) => "months",
        (Unit::Day, _, true) => "gün",
        (Unit::Week, _, true) => "hafta",
        (Unit::Month, _, true) => "ay",
    }
}

/// "every 2 weeks", "once a month", "every 3–6 months" / "2 haftada bir", "ayda bir".
fn every(range: &DayRange, tr: bool) -> String {
    let (unit, a, b) = unit_of(range.min_days, range.max_days);
    if a == 1 && b == 1 {
        return match (unit, tr) {
            (Unit::Day, false) => "every day".into(),
            (Unit::Week, false) => "once a week".into(),
            (Unit::Month, false) => "once a month".into(),
            (Unit::Day, true) => "her gün".into(),
            (Unit::Week, true) => "haftada bir".into(),
            (Unit::Month, true) => "ayda bir".into(),
        };
    }
    if tr {
        let suffix = if unit == Unit::Day { "de" } else { "da" };
        format!(
            "{} {}{suffix} bir",
            amount(a, b),
            unit_word(unit, true, true)
        )
    } else {
        format!("every {} {}", amount(a, b), unit_word(unit, true, false))
    }
}

/// "3 months", "1 week" / "3 ay", "1 hafta".
fn span(days: u32, tr: bool) -> String {
    let (unit, n, _) = unit_of(days, days);
    format!("{n} {}", unit_word(unit, n != 1, tr))
}

/// Phrases a plan in `lang` ("en" or "tr"; other languages fall back to English), e.g.
/// "every 2 weeks for 3 sessions, then once a month" /
/// "3 seans boyunca 2 haftada bir, ardından ayda bir".
pub fn describe_plan(plan: &Plan, lang: &str) -> String {
    let tr = lang == "tr";
    let mut parts: Vec<String> = Vec::new();
    if let Some(course) = &plan.initial {
        let interval = every(&course.interval, tr);
        parts.push(match (course.sessions, tr) {
            (Some(s), false) => format!(
                "{interval} for {} session{}",
                amount(s.min, s.max),
                if s.max == 1 { "" } else { "s" }
            ),
            (Some(s), true) => format!("{} seans boyunca {interval}", amount(s.min, s.max)),
            (None, false) => format!("a series of sessions {interval}"),
            (None, true) => format!("{interval}, seanslar halinde"),
        });
    } else if plan.single_session {
        parts.push(
            if tr {
                "genellikle tek seans"
            } else {
                "usually a single session"
            }
            .into(),
        );
    }
    if let Some(home) = &plan.home_use {
        let n = amount(home.nights_per_week.min, home.nights_per_week.max);
        parts.push(match (tr, home.increase_with_tolerance) {
            (false, true) => {
                format!("{n} nights a week at first, increasing as your skin tolerates it")
            }
            (false, false) => format!("{n} nights a week"),
            (true, true) => format!("başlangıçta haftada {n} gece, cildiniz alıştıkça artırarak"),
            (true, false) => format!("haftada {n} gece"),
        });
    }
    if let Some(m) = &plan.maintenance {
        let text = every(m, tr);
        if parts.is_empty() {
            parts.push(text);
        } else if tr {
            parts.push(format!("ardından {text}"));
        } else {
            parts.push(format!("then {text}"));
        }
    }
    if let Some(gap) = plan.min_gap_days {
        parts.push(if tr {
            format!("en az {} arayla", span(gap, true))
        } else {
            format!("never sooner than {} apart", span(gap, false))
        });
    }
    let mut out = if parts.is_empty() {
        if tr {
            "doktorunuzun önerdiği sıklıkta".to_string()
        } else {
            "as advised by your doctor".to_string()
        }
    } else {
        parts.join(", ")
    };
    if let Some(days) = plan.recovery_days {
        if tr {
            out.push_str(&format!(
                "; diğer uygulamalardan önce yaklaşık {} bekleyin",
                span(days, true)
            ));
        } else {
            out.push_str(&format!(
                "; allow about {} before other treatments",
                span(days, false)
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn course(sessions: Option<(u32, u32)>, min: u32, max: u32) -> Option<Course> {
        Some(Course {
            sessions: sessions.map(|(min, max)| CountRange { min, max }),
            interval: DayRange {
                min_days: min,
                max_days: max,
            },
        })
    }

    #[test]
    fn facial_acne_phase() {
        let plan = Plan {
            initial: course(Some((3, 3)), 14, 14),
            maintenance: Some(DayRange::exactly(30)),
            ..Plan::default()
        };
        assert_eq!(
            describe_plan(&plan, "en"),
            "every 2 weeks for 3 sessions, then once a month"
        );
        assert_eq!(
            describe_plan(&plan, "tr"),
            "3 seans boyunca 2 haftada bir, ardından ayda bir"
        );
        assert_eq!(describe_plan(&plan, "de"), describe_plan(&plan, "en"));
    }

    #[test]
    fn toxin_and_ranges() {
        let plan = Plan {
            maintenance: Some(DayRange {
                min_days: 90,
                max_days: 180,
            }),
            min_gap_days: Some(90),
            ..Plan::default()
        };
        assert_eq!(
            describe_plan(&plan, "en"),
            "every 3\u{2013}6 months, never sooner than 3 months apart"
        );
        assert_eq!(
            describe_plan(&plan, "tr"),
            "3\u{2013}6 ayda bir, en az 3 ay arayla"
        );
        let heavy = Plan {
            maintenance: Some(DayRange {
                min_days: 14,
                max_days: 21,
            }),
            ..Plan::default()
        };
        assert_eq!(describe_plan(&heavy, "en"), "every 2\u{2013}3 weeks");
        let odd = Plan {
            initial: course(Some((6, 6)), 7, 10),
            ..Plan::default()
        };
        assert_eq!(
            describe_plan(&odd, "en"),
            "every 7\u{2013}10 days for 6 sessions"
        );
        assert_eq!(
            describe_plan(&odd, "tr"),
            "6 seans boyunca 7\u{2013}10 günde bir"
        );
    }

    #[test]
    fn singular_series_home_use_and_recovery() {
        let one = Plan {
            initial: course(Some((1, 1)), 7, 7),
            ..Plan::default()
        };
        assert_eq!(describe_plan(&one, "en"), "once a week for 1 session");
        let series = Plan {
            initial: course(None, 14, 35),
            ..Plan::default()
        };
        assert_eq!(
            describe_plan(&series, "en"),
            "a series of sessions every 2\u{2013}5 weeks"
        );
        let single = Plan {
            single_session: true,
            recovery_days: Some(7),
            ..Plan::default()
        };
        assert_eq!(
            describe_plan(&single, "en"),
            "usually a single session; allow about 1 week before other treatments"
        );
        assert_eq!(
            describe_plan(&single, "tr"),
            "genellikle tek seans; diğer uygulamalardan önce yaklaşık 1 hafta bekleyin"
        );
        let home = Plan {
            home_use: Some(HomeUse {
                nights_per_week: CountRange { min: 1, max: 2 },
                increase_with_tolerance: true,
            }),
            ..Plan::default()
        };
        assert_eq!(
            describe_plan(&home, "en"),
            "1\u{2013}2 nights a week at first, increasing as your skin tolerates it"
        );
        assert_eq!(
            describe_plan(&Plan::default(), "en"),
            "as advised by your doctor"
        );
        assert_eq!(span(60, false), "2 months");
        assert_eq!(span(1, false), "1 day");
    }
}
