//! Treatment plans: a structured course the UI can phrase and a scheduler can date.

use crate::locale::{fill, Locale};
use crate::text::Text;
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

/// An inclusive range of days between two sessions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
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
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct CountRange {
    /// Fewest.
    pub min: u32,
    /// Most.
    pub max: u32,
}

/// The initial course: a number of sessions at an interval.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Course {
    /// How many sessions (`None` = "a series", set by the doctor).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub sessions: Option<CountRange>,
    /// Interval between the sessions.
    pub interval: DayRange,
}

/// Home use of a product (retinoid creams).
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct HomeUse {
    /// Nights a week at first.
    pub nights_per_week: CountRange,
    /// Whether to increase the frequency as the skin tolerates it.
    pub increase_with_tolerance: bool,
}

/// A plan: initial course, then maintenance, with safety gaps.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Plan {
    /// The initial course, if any.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub initial: Option<Course>,
    /// The maintenance interval after the course (or the routine interval when there is no course).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub maintenance: Option<DayRange>,
    /// Never sooner than this many days between two treatments (botulinum toxin: 90).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub min_gap_days: Option<u32>,
    /// Home-use frequency (retinoids).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub home_use: Option<HomeUse>,
    /// Usually a single session.
    #[cfg_attr(feature = "serde", serde(default))]
    pub single_session: bool,
    /// Days to wait after it before other procedures.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub recovery_days: Option<u32>,
    /// A note for the patient (e.g. where sources disagree).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
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

/// Picks the largest unit both ends divide into (a month is 30 days): the unit's key prefix
/// and the ends in that unit.
fn unit_of(min: u32, max: u32) -> (&'static str, u32, u32) {
    if min > 0 && min.is_multiple_of(30) && max.is_multiple_of(30) {
        ("plan.month", min / 30, max / 30)
    } else if min > 0 && min.is_multiple_of(7) && max.is_multiple_of(7) {
        ("plan.week", min / 7, max / 7)
    } else {
        ("plan.day", min, max)
    }
}

/// "every 2 weeks", "once a month", "every 3–6 months" / "2 haftada bir", "ayda bir".
fn every(locale: Locale, range: &DayRange) -> String {
    let (unit, a, b) = unit_of(range.min_days, range.max_days);
    if a == 1 && b == 1 {
        locale.get(&format!("{unit}.once")).to_string()
    } else {
        locale.counted(&format!("{unit}.every"), a, b, "")
    }
}

/// "3 months", "1 week" / "3 ay", "1 hafta".
pub(crate) fn duration(locale: Locale, days: u32) -> String {
    let (unit, n, _) = unit_of(days, days);
    locale.counted(&format!("{unit}.duration"), n, n, "")
}

/// Phrases a plan with the phrases of `locale` (see [`crate::Catalog::locale`]), e.g.
/// "every 2 weeks for 3 sessions, then once a month" /
/// "3 seans boyunca 2 haftada bir, ardından ayda bir".
pub fn describe_plan(plan: &Plan, locale: Locale) -> String {
    let l = locale;
    let mut parts: Vec<String> = Vec::new();
    if let Some(course) = &plan.initial {
        let interval = every(l, &course.interval);
        parts.push(match course.sessions {
            Some(s) => l.counted("plan.sessions", s.min, s.max, &interval),
            None => fill(l.get("plan.series"), &[("every", &interval)]),
        });
    } else if plan.single_session {
        parts.push(l.get("plan.single_session").to_string());
    }
    if let Some(home) = &plan.home_use {
        let key = if home.increase_with_tolerance {
            "plan.home_use_increasing"
        } else {
            "plan.home_use"
        };
        let n = home.nights_per_week;
        parts.push(l.counted(key, n.min, n.max, ""));
    }
    if let Some(m) = &plan.maintenance {
        let text = every(l, m);
        parts.push(if parts.is_empty() {
            text
        } else {
            fill(l.get("plan.then"), &[("every", &text)])
        });
    }
    if let Some(gap) = plan.min_gap_days {
        let gap = duration(l, gap);
        parts.push(fill(l.get("plan.min_gap"), &[("duration", &gap)]));
    }
    let mut out = String::new();
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            out.push_str(l.get("plan.separator"));
        }
        out.push_str(part);
    }
    if parts.is_empty() {
        out = l.get("plan.as_advised").to_string();
    }
    if let Some(days) = plan.recovery_days {
        let wait = duration(l, days);
        out = fill(
            l.get("plan.recovery"),
            &[("plan", &out), ("duration", &wait)],
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Catalog;

    /// The built-in catalog's locale for `lang`.
    fn l(lang: &str) -> Locale<'static> {
        static CATALOG: std::sync::OnceLock<Catalog> = std::sync::OnceLock::new();
        CATALOG.get_or_init(crate::builtin_catalog).locale(lang)
    }

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
            describe_plan(&plan, l("en")),
            "every 2 weeks for 3 sessions, then once a month"
        );
        assert_eq!(
            describe_plan(&plan, l("tr")),
            "3 seans boyunca 2 haftada bir, ardından ayda bir"
        );
        assert_eq!(describe_plan(&plan, l("de")), describe_plan(&plan, l("en")));
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
            describe_plan(&plan, l("en")),
            "every 3\u{2013}6 months, never sooner than 3 months apart"
        );
        assert_eq!(
            describe_plan(&plan, l("tr")),
            "3\u{2013}6 ayda bir, en az 3 ay arayla"
        );
        let heavy = Plan {
            maintenance: Some(DayRange {
                min_days: 14,
                max_days: 21,
            }),
            ..Plan::default()
        };
        assert_eq!(describe_plan(&heavy, l("en")), "every 2\u{2013}3 weeks");
        let odd = Plan {
            initial: course(Some((6, 6)), 7, 10),
            ..Plan::default()
        };
        assert_eq!(
            describe_plan(&odd, l("en")),
            "every 7\u{2013}10 days for 6 sessions"
        );
        assert_eq!(
            describe_plan(&odd, l("tr")),
            "6 seans boyunca 7\u{2013}10 günde bir"
        );
    }

    #[test]
    fn singular_series_home_use_and_recovery() {
        let one = Plan {
            initial: course(Some((1, 1)), 7, 7),
            ..Plan::default()
        };
        assert_eq!(describe_plan(&one, l("en")), "once a week for 1 session");
        let series = Plan {
            initial: course(None, 14, 35),
            ..Plan::default()
        };
        assert_eq!(
            describe_plan(&series, l("en")),
            "a series of sessions every 2\u{2013}5 weeks"
        );
        let single = Plan {
            single_session: true,
            recovery_days: Some(7),
            ..Plan::default()
        };
        assert_eq!(
            describe_plan(&single, l("en")),
            "usually a single session; allow about 1 week before other treatments"
        );
        assert_eq!(
            describe_plan(&single, l("tr")),
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
            describe_plan(&home, l("en")),
            "1\u{2013}2 nights a week at first, increasing as your skin tolerates it"
        );
        assert_eq!(
            describe_plan(&Plan::default(), l("en")),
            "as advised by your doctor"
        );
        assert_eq!(duration(l("en"), 60), "2 months");
        assert_eq!(duration(l("en"), 1), "1 day");
    }
}
