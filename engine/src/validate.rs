//! Catalog validation: every problem, each with the path of the offending field.

use crate::condition::Condition;
use crate::locale::{placeholders, PluralRule, KEYS};
use crate::model::{Catalog, Effect, QuestionKind, Spacing};
use crate::plan::{DayRange, Plan};
use crate::small_map::StrSet;
use crate::text::Text;
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};
use std::fmt;

/// One problem in a catalog, e.g. `procedures[3].frequency.bounds.min_days: must be > 0`.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct ValidationError {
    /// Where, as a path into the catalog JSON.
    pub path: String,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

struct V<'a> {
    catalog: &'a Catalog,
    errors: Vec<ValidationError>,
}

impl V<'_> {
    fn err(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.errors.push(ValidationError {
            path: path.into(),
            message: message.into(),
        });
    }

    fn text(&mut self, path: &str, text: &Text) {
        for lang in &self.catalog.languages {
            match text.0.get(lang) {
                None => self.err(format!("{path}.{lang}"), "missing translation"),
                Some(s) if s.trim().is_empty() => {
                    self.err(format!("{path}.{lang}"), "must not be empty")
                }
                Some(_) => {}
            }
        }
        for lang in text.0.keys() {
            if !self.catalog.languages.contains(lang) {
                self.err(
                    format!("{path}.{lang}"),
                    "language not declared in `languages`",
                );
            }
        }
    }

    fn id(&mut self, path: &str, id: &str, seen: &mut StrSet) {
        if id.is_empty() {
            self.err(path, "must not be empty");
        } else if !id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
        {
            self.err(path, "use only a-z, 0-9, `_` and `-`");
        }
        if !seen.insert(id.to_string()) {
            self.err(path, format!("duplicate id `{id}`"));
        }
    }

    fn sources(&mut self, path: &str, sources: &[String]) {
        if sources.is_empty() {
            self.err(path, "must name at least one source");
        }
        for (i, s) in sources.iter().enumerate() {
            let ok = ["seed:", "brief:", "clinic:"].iter().any(|p| {
                s.strip_prefix(p)
                    .is_some_and(|rest| !rest.trim().is_empty())
            });
            if !ok {
                self.err(
                    format!("{path}[{i}]"),
                    "must look like `seed:<file>`, `brief:<reference>` or `clinic:<note>`",
                );
            }
        }
    }

    /// `limit`: for `show_if`, the index of the question (only earlier questions may be named).
    fn condition(&mut self, path: &str, c: &Condition, limit: Option<usize>) {
        let catalog = self.catalog;
        let question = |v: &mut Self, qpath: String, id: &str| {
            let idx = catalog.questions.iter().position(|q| q.id == id);
            match idx {
                None => {
                    v.err(qpath, format!("unknown question `{id}`"));
                    None
                }
                Some(i) if limit.is_some_and(|l| i >= l) => {
                    v.err(qpath, format!("`{id}` is not an earlier question"));
                    None
                }
                Some(i) => Some(&catalog.questions[i]),
            }
        };
        match c {
            Condition::Is {
                question: q,
                option,
            } => {
                if let Some(qq) = question(self, format!("{path}.is.question"), q) {
                    self.choice_kind(&format!("{path}.is.question"), &qq.kind);
                    if qq.option(option).is_none() {
                        self.err(
                            format!("{path}.is.option"),
                            format!("unknown option `{option}` of `{q}`"),
                        );
                    }
                }
            }
            Condition::IsAny {
                question: q,
                options,
            } => {
                if let Some(qq) = question(self, format!("{path}.is_any.question"), q) {
                    self.choice_kind(&format!("{path}.is_any.question"), &qq.kind);
                    if options.is_empty() {
                        self.err(format!("{path}.is_any.options"), "must not be empty");
                    }
                    for (i, o) in options.iter().enumerate() {
                        if qq.option(o).is_none() {
                            self.err(
                                format!("{path}.is_any.options[{i}]"),
                                format!("unknown option `{o}` of `{q}`"),
                            );
                        }
                    }
                }
            }
            Condition::Yes(q) | Condition::No(q) => {
                let key = if matches!(c, Condition::Yes(_)) {
                    "yes"
                } else {
                    "no"
                };
                if let Some(qq) = question(self, format!("{path}.{key}"), q) {
                    if qq.kind != QuestionKind::YesNo {
                        self.err(
                            format!("{path}.{key}"),
                            format!("`{q}` is not a yes/no question"),
                        );
                    }
                }
            }
            Condition::Answered(q) => {
                question(self, format!("{path}.answered"), q);
            }
            Condition::Below { question: q, value } | Condition::AtLeast { question: q, value } => {
                let key = if matches!(c, Condition::Below { .. }) {
                    "below"
                } else {
                    "at_least"
                };
                if let Some(qq) = question(self, format!("{path}.{key}.question"), q) {
                    match qq.kind {
                        QuestionKind::Number { min, max } => {
                            if *value < min || *value > max.saturating_add(1) {
                                self.err(
                                    format!("{path}.{key}.value"),
                                    format!("{value} lies outside {min}..={max}"),
                                );
                            }
                        }
                        QuestionKind::MultiChoice if key == "at_least" => {}
                        _ => self.err(
                            format!("{path}.{key}.question"),
                            format!("`{q}` is not a number question"),
                        ),
                    }
                }
            }
            Condition::All(cs) | Condition::Any(cs) => {
                let key = if matches!(c, Condition::All(_)) {
                    "all"
                } else {
                    "any"
                };
                if cs.is_empty() {
                    self.err(format!("{path}.{key}"), "must not be empty");
                }
                for (i, sub) in cs.iter().enumerate() {
                    self.condition(&format!("{path}.{key}[{i}]"), sub, limit);
                }
            }
            Condition::Not(sub) => self.condition(&format!("{path}.not"), sub, limit),
            Condition::Always => {}
        }
    }

    fn choice_kind(&mut self, path: &str, kind: &QuestionKind) {
        if !matches!(kind, QuestionKind::SingleChoice | QuestionKind::MultiChoice) {
            self.err(path, "is not a choice question");
        }
    }

    fn range(&mut self, path: &str, r: &DayRange) {
        if r.min_days == 0 {
            self.err(format!("{path}.min_days"), "must be > 0");
        }
        if r.min_days > r.max_days {
            self.err(
                path,
                format!("min_days {} > max_days {}", r.min_days, r.max_days),
            );
        }
    }

    fn plan(&mut self, path: &str, plan: &Plan, bounds: &DayRange) {
        if let Some(course) = &plan.initial {
            if let Some(s) = course.sessions {
                if s.min == 0 {
                    self.err(format!("{path}.initial.sessions.min"), "must be > 0");
                }
                if s.min > s.max {
                    self.err(
                        format!("{path}.initial.sessions"),
                        format!("min {} > max {}", s.min, s.max),
                    );
                }
            }
            self.range(&format!("{path}.initial.interval"), &course.interval);
        }
        if let Some(m) = &plan.maintenance {
            self.range(&format!("{path}.maintenance"), m);
        }
        for (name, r) in [
            (
                "initial.interval",
                plan.initial.as_ref().map(|c| c.interval),
            ),
            ("maintenance", plan.maintenance),
        ] {
            if let Some(r) = r {
                if !r.within(bounds) {
                    self.err(
                        format!("{path}.{name}"),
                        format!(
                            "{}..{} days lies outside the bounds {}..{}",
                            r.min_days, r.max_days, bounds.min_days, bounds.max_days
                        ),
                    );
                }
                if let Some(gap) = plan.min_gap_days {
                    if r.min_days < gap {
                        self.err(
                            format!("{path}.{name}.min_days"),
                            format!("is sooner than min_gap_days {gap}"),
                        );
                    }
                }
            }
        }
        if plan.min_gap_days == Some(0) {
            self.err(format!("{path}.min_gap_days"), "must be > 0");
        }
        if let Some(h) = &plan.home_use {
            let n = h.nights_per_week;
            if n.min == 0 || n.min > n.max || n.max > 7 {
                self.err(
                    format!("{path}.home_use.nights_per_week"),
                    "must satisfy 1 <= min <= max <= 7",
                );
            }
        }
        if plan.initial.is_none()
            && plan.maintenance.is_none()
            && plan.home_use.is_none()
            && !plan.single_session
        {
            self.err(path, "says nothing: give an initial course, a maintenance interval, home use or single_session");
        }
        if let Some(note) = &plan.note {
            self.text(&format!("{path}.note"), note);
        }
    }
}

/// Validates a catalog, returning every problem found (empty when valid).
pub fn validate(catalog: &Catalog) -> Vec<ValidationError> {
    let mut v = V {
        catalog,
        errors: Vec::new(),
    };

    if catalog.languages.is_empty() {
        v.err("languages", "must declare at least one language");
    }
    if !catalog.languages.iter().any(|l| l == "en") {
        v.err("languages", "must include `en` (the fallback language)");
    }
    let mut seen_langs = StrSet::new();
    for (i, l) in catalog.languages.iter().enumerate() {
        if !seen_langs.insert(l) {
            v.err(
                format!("languages[{i}]"),
                format!("duplicate language `{l}`"),
            );
        }
    }
    v.locales();
    if catalog.concern_score <= 0 {
        v.err("concern_score", "must be > 0");
    }

    let mut qids = StrSet::new();
    for (i, q) in catalog.questions.iter().enumerate() {
        let p = format!("questions[{i}]");
        v.id(&format!("{p}.id"), &q.id, &mut qids);
        v.text(&format!("{p}.prompt"), &q.prompt);
        if let Some(help) = &q.help {
            v.text(&format!("{p}.help"), help);
        }
        match q.kind {
            QuestionKind::SingleChoice | QuestionKind::MultiChoice => {
                if q.options.len() < 2 {
                    v.err(
                        format!("{p}.options"),
                        "a choice question needs at least 2 options",
                    );
                }
            }
            QuestionKind::YesNo => {
                if !q.options.is_empty() {
                    v.err(format!("{p}.options"), "a yes/no question has no options");
                }
            }
            QuestionKind::Number { min, max } => {
                if min > max {
                    v.err(format!("{p}.kind.number"), format!("min {min} > max {max}"));
                }
                if !q.options.is_empty() {
                    v.err(format!("{p}.options"), "a number question has no options");
                }
            }
        }
        let mut oids = StrSet::new();
        for (j, o) in q.options.iter().enumerate() {
            v.id(&format!("{p}.options[{j}].id"), &o.id, &mut oids);
            v.text(&format!("{p}.options[{j}].label"), &o.label);
            if o.exclusive && q.kind != QuestionKind::MultiChoice {
                v.err(
                    format!("{p}.options[{j}].exclusive"),
                    "only options of a multi_choice question can be exclusive",
                );
            }
        }
        if let Some(c) = &q.show_if {
            v.condition(&format!("{p}.show_if"), c, Some(i));
        }
    }

    match catalog.question(&catalog.concern_question) {
        Some(q) if q.kind == QuestionKind::MultiChoice || q.kind == QuestionKind::SingleChoice => {}
        Some(_) => v.err("concern_question", "must name a choice question"),
        None => v.err(
            "concern_question",
            format!("unknown question `{}`", catalog.concern_question),
        ),
    }
    if let Some(main) = &catalog.main_concern_question {
        match catalog.question(main) {
            Some(q) if q.kind == QuestionKind::SingleChoice => {
                let concerns = catalog.question(&catalog.concern_question);
                for (j, o) in q.options.iter().enumerate() {
                    if concerns.is_some_and(|c| c.option(&o.id).is_none()) {
                        v.err(
                            format!("main_concern_question.options[{j}]"),
                            format!("`{}` is not a concern option", o.id),
                        );
                    }
                }
            }
            Some(_) => v.err(
                "main_concern_question",
                "must name a single_choice question",
            ),
            None => v.err(
                "main_concern_question",
                format!("unknown question `{main}`"),
            ),
        }
    }
    match catalog.question(&catalog.age_question) {
        Some(q) if matches!(q.kind, QuestionKind::Number { .. }) => {}
        Some(_) => v.err("age_question", "must name a number question"),
        None => v.err(
            "age_question",
            format!("unknown question `{}`", catalog.age_question),
        ),
    }
    v.procedures();

    let mut rids = StrSet::new();
    for (i, r) in catalog.rules.iter().enumerate() {
        let p = format!("rules[{i}]");
        v.id(&format!("{p}.id"), &r.id, &mut rids);
        v.condition(&format!("{p}.when"), &r.when, None);
        if r.procedures.is_empty() {
            v.err(
                format!("{p}.procedures"),
                "must name at least one procedure",
            );
        }
        let mut seen = StrSet::new();
        for (j, pid) in r.procedures.iter().enumerate() {
            if catalog.procedure(pid).is_none() {
                v.err(
                    format!("{p}.procedures[{j}]"),
                    format!("unknown procedure `{pid}`"),
                );
            }
            if !seen.insert(pid) {
                v.err(
                    format!("{p}.procedures[{j}]"),
                    format!("duplicate procedure `{pid}`"),
                );
            }
        }
        match &r.effect {
            Effect::Defer { until } => v.text(&format!("{p}.effect.defer.until"), until),
            Effect::Score(0) => v.err(format!("{p}.effect.score"), "must not be 0"),
            _ => {}
        }
        v.text(&format!("{p}.reason"), &r.reason);
        if let Some(note) = &r.note {
            v.text(&format!("{p}.note"), note);
        }
        v.sources(&format!("{p}.sources"), &r.sources);
    }

    let mut fids = StrSet::new();
    for (i, f) in catalog.red_flags.iter().enumerate() {
        let p = format!("red_flags[{i}]");
        v.id(&format!("{p}.id"), &f.id, &mut fids);
        v.condition(&format!("{p}.when"), &f.when, None);
        if f.when == Condition::Always {
            v.err(
                format!("{p}.when"),
                "a red flag that is always raised blocks every consultation",
            );
        }
        if f.urgency == crate::model::Urgency::Emergency && f.call != crate::model::Call::Emergency
        {
            v.err(
                format!("{p}.call"),
                "an emergency must send the patient to the emergency number",
            );
        }
        v.text(&format!("{p}.title"), &f.title);
        v.text(&format!("{p}.advice"), &f.advice);
        v.sources(&format!("{p}.sources"), &f.sources);
    }

    let m = &catalog.messages;
    v.text("messages.concern_match", &m.concern_match);
    v.text("messages.no_concern_match", &m.no_concern_match);
    v.text("messages.below_min_age", &m.below_min_age);
    v.text("messages.age_unknown", &m.age_unknown);
    v.text("messages.low_score", &m.low_score);
    v.scheduling();
    v.errors
}

impl V<'_> {
    /// Checks procedure ids named by a spacing rule: known, not repeated, at least `min` of them.
    fn spacing_procedures(&mut self, path: &str, ids: &[String], min: usize) {
        if ids.len() < min {
            self.err(path, format!("must name at least {min} procedure(s)"));
        }
        let mut seen = StrSet::new();
        for (j, id) in ids.iter().enumerate() {
            if self.catalog.procedure(id).is_none() {
                self.err(format!("{path}[{j}]"), format!("unknown procedure `{id}`"));
            } else if !seen.insert(id) {
                self.err(
                    format!("{path}[{j}]"),
                    format!("duplicate procedure `{id}`"),
                );
            }
        }
    }

    fn positive(&mut self, path: String, days: u32) {
        if days == 0 {
            self.err(path, "must be > 0");
        }
    }

    /// Whether some plan of procedure `id` satisfies `f`.
    fn any_plan(&self, id: &str, f: impl Fn(&Plan) -> bool) -> bool {
        self.catalog
            .procedure(id)
            .is_some_and(|p| p.frequency.variants.iter().any(|v| f(&v.plan)))
    }

    fn scheduling(&mut self) {
        let s = &self.catalog.scheduling;
        if s.series_sessions == 0 {
            self.err("scheduling.series_sessions", "must be > 0");
        }
        self.text("scheduling.series_note", &s.series_note);
        self.sources("scheduling.series_sources", &s.series_sources);
        let mut ids = StrSet::new();
        for (i, r) in s.rules.iter().enumerate() {
            let p = format!("scheduling.rules[{i}]");
            self.id(&format!("{p}.id"), &r.id, &mut ids);
            match &r.rule {
                Spacing::SameWeek { procedures } => self.spacing_procedures(
                    &format!("{p}.rule.same_week.procedures"),
                    procedures,
                    2,
                ),
                Spacing::MinGap { procedures, days } => {
                    self.spacing_procedures(&format!("{p}.rule.min_gap.procedures"), procedures, 1);
                    self.positive(format!("{p}.rule.min_gap.days"), *days);
                }
                Spacing::Recovery { procedures } => {
                    let path = format!("{p}.rule.recovery.procedures");
                    self.spacing_procedures(&path, procedures, 1);
                    for (j, id) in procedures.iter().enumerate() {
                        if self.catalog.procedure(id).is_some()
                            && !self.any_plan(id, |plan| plan.recovery_days.is_some_and(|d| d > 0))
                        {
                            self.err(
                                format!("{path}[{j}]"),
                                format!("`{id}` has no plan with recovery_days, so the rule never applies"),
                            );
                        }
                    }
                }
                Spacing::Pause {
                    procedure,
                    around,
                    days_before,
                    days_after,
                } => {
                    let path = format!("{p}.rule.pause");
                    if self.catalog.procedure(procedure).is_none() {
                        self.err(
                            format!("{path}.procedure"),
                            format!("unknown procedure `{procedure}`"),
                        );
                    } else if !self.any_plan(procedure, |plan| plan.home_use.is_some()) {
                        self.err(
                            format!("{path}.procedure"),
                            format!("`{procedure}` has no home_use plan to pause"),
                        );
                    }
                    self.spacing_procedures(&format!("{path}.around"), around, 1);
                    if let Some(j) = around.iter().position(|a| a == procedure) {
                        self.err(
                            format!("{path}.around[{j}]"),
                            "a procedure cannot pause itself",
                        );
                    }
                    self.positive(format!("{path}.days_before"), *days_before);
                    self.positive(format!("{path}.days_after"), *days_after);
                }
                Spacing::SeparateDays { together } => {
                    let path = format!("{p}.rule.separate_days.together");
                    self.spacing_procedures(&path, together, 0);
                }
                Spacing::Apart {
                    first,
                    second,
                    days,
                } => {
                    self.spacing_procedures(&format!("{p}.rule.apart.first"), first, 1);
                    self.spacing_procedures(&format!("{p}.rule.apart.second"), second, 1);
                    self.positive(format!("{p}.rule.apart.days"), *days);
                }
            }
            self.text(&format!("{p}.reason"), &r.reason);
            if let Some(note) = &r.note {
                self.text(&format!("{p}.note"), note);
            }
            self.sources(&format!("{p}.sources"), &r.sources);
        }
        if s.default_plan_size == 0 {
            self.err("scheduling.default_plan_size", "must be > 0");
        }
        let mut gids = StrSet::new();
        for (i, g) in s.alternatives.iter().enumerate() {
            let p = format!("scheduling.alternatives[{i}]");
            self.id(&format!("{p}.id"), &g.id, &mut gids);
            self.spacing_procedures(&format!("{p}.procedures"), &g.procedures, 2);
            self.text(&format!("{p}.reason"), &g.reason);
            self.sources(&format!("{p}.sources"), &g.sources);
        }
        if let Some(r) = &s.review {
            self.spacing_procedures("scheduling.review.procedures", &r.procedures, 1);
            self.text("scheduling.review.note", &r.note);
            self.sources("scheduling.review.sources", &r.sources);
        }
    }
}

impl V<'_> {
    /// Every procedure on its own: ids, texts, concerns, sources and frequency plans.
    fn procedures(&mut self) {
        let concern_q = self.catalog.question(&self.catalog.concern_question);

        let mut pids = StrSet::new();
        for (i, proc_) in self.catalog.procedures.iter().enumerate() {
            let p = format!("procedures[{i}]");
            self.id(&format!("{p}.id"), &proc_.id, &mut pids);
            self.text(&format!("{p}.name"), &proc_.name);
            self.text(&format!("{p}.summary"), &proc_.summary);
            self.text(&format!("{p}.session_length"), &proc_.session_length);
            self.text(&format!("{p}.downtime"), &proc_.downtime);
            self.text(&format!("{p}.pain"), &proc_.pain);
            if proc_.steps.is_empty() {
                self.err(format!("{p}.steps"), "must list at least one step");
            }
            for (j, s) in proc_.steps.iter().enumerate() {
                self.text(&format!("{p}.steps[{j}]"), s);
            }
            for (j, s) in proc_.aftercare.iter().enumerate() {
                self.text(&format!("{p}.aftercare[{j}]"), s);
            }
            if let Some(note) = &proc_.note {
                self.text(&format!("{p}.note"), note);
            }
            if let Some(medicine) = &proc_.prescription_medicine {
                self.text(&format!("{p}.prescription_medicine"), medicine);
            }
            if proc_.concerns.is_empty() {
                self.err(format!("{p}.concerns"), "must list at least one concern");
            }
            for (j, c) in proc_.concerns.iter().enumerate() {
                if concern_q.is_some_and(|q| q.option(c).is_none()) {
                    self.err(
                        format!("{p}.concerns[{j}]"),
                        format!("unknown concern `{c}`"),
                    );
                }
            }
            for (j, c) in proc_.concerns.iter().enumerate() {
                if proc_.fit(c).is_none() {
                    self.err(
                        format!("{p}.concerns[{j}]"),
                        format!("concern `{c}` has no strength in concern_fit"),
                    );
                }
            }
            for (j, f) in proc_.concern_fit.iter().enumerate() {
                let fp = format!("{p}.concern_fit[{j}]");
                if !proc_.concerns.contains(&f.concern) {
                    self.err(
                        format!("{fp}.concern"),
                        format!("`{}` is not among the procedure's concerns", f.concern),
                    );
                }
                self.sources(&format!("{fp}.source"), std::slice::from_ref(&f.source));
            }
            for (j, e) in proc_.side_effects.iter().enumerate() {
                let ep = format!("{p}.side_effects[{j}]");
                self.text(&format!("{ep}.text"), &e.text);
                self.sources(&format!("{ep}.source"), std::slice::from_ref(&e.source));
            }
            if proc_.min_age > 0 {
                self.sources(&format!("{p}.min_age_sources"), &proc_.min_age_sources);
            }
            self.sources(&format!("{p}.sources"), &proc_.sources);
            let f = &proc_.frequency;
            let fp = format!("{p}.frequency");
            self.range(&format!("{fp}.bounds"), &f.bounds);
            self.sources(&format!("{fp}.sources"), &f.sources);
            if f.variants.is_empty() {
                self.err(format!("{fp}.variants"), "must have at least one variant");
            }
            for (j, var) in f.variants.iter().enumerate() {
                let vp = format!("{fp}.variants[{j}]");
                let last = j + 1 == f.variants.len();
                match (&var.when, last) {
                    (Some(_), true) => self.err(
                        format!("{vp}.when"),
                        "the last variant is the fallback and must have no `when`",
                    ),
                    (None, false) => self.err(
                        format!("{vp}.when"),
                        "only the last variant may omit `when` (later variants are unreachable)",
                    ),
                    _ => {}
                }
                if let Some(c) = &var.when {
                    self.condition(&format!("{vp}.when"), c, None);
                }
                if let Some(why) = &var.why {
                    self.text(&format!("{vp}.why"), why);
                }
                self.plan(&format!("{vp}.plan"), &var.plan, &f.bounds);
            }
        }
    }
}

/// Checks only the procedures of a catalog (what [`validate`] checks under `procedures`): for
/// a catalog known valid everywhere else, such as the built-in one with a clinic's reviewed
/// changes to intervals and texts merged in. A bundle that needs only this does not carry the
/// checks for questions, rules, red flags, scheduling and locales.
pub fn validate_procedures(catalog: &Catalog) -> Vec<ValidationError> {
    let mut v = V {
        catalog,
        errors: Vec::new(),
    };
    v.procedures();
    v.errors
}

/// "`{a}`, `{b}`" for messages.
fn braced(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{{{n}}}`")).collect();
    quoted.join(", ")
}

impl V<'_> {
    /// A phrase: not blank, no placeholder but the `allowed` ones, each of `required` present.
    fn phrase(&mut self, path: &str, s: &str, allowed: &[&str], required: &[&str]) {
        if s.trim().is_empty() {
            return self.err(path, "must not be empty");
        }
        for name in placeholders(s) {
            if !allowed.contains(&name) {
                let expected = if allowed.is_empty() {
                    "this phrase takes none".to_string()
                } else {
                    format!("expected {}", braced(allowed))
                };
                self.err(
                    path,
                    format!("unknown placeholder `{{{name}}}`, {expected}"),
                );
            }
        }
        for name in required {
            if !s.contains(&format!("{{{name}}}")) {
                self.err(path, format!("must contain `{{{name}}}`"));
            }
        }
    }

    /// One locale per declared language, each with exactly the keys of [`KEYS`] (plural ones in
    /// every form of its rule), month and weekday names, and well-formed phrases, so no raw
    /// placeholder or empty phrase reaches the screen.
    fn locales(&mut self) {
        let c = self.catalog;
        for lang in &c.languages {
            if !c.locales.contains_key(lang) {
                self.err(
                    format!("locales.{lang}"),
                    "missing: every language needs its locale (name, plural rule, dates, plan and calendar phrases)",
                );
            }
        }
        for (lang, l) in &c.locales {
            let p = format!("locales.{lang}");
            if !c.languages.contains(lang) {
                self.err(&p, "language not declared in `languages`");
            }
            let rule = match l.get("plural") {
                None => {
                    self.err(format!("{p}.plural"), "missing");
                    PluralRule::Other
                }
                Some(name) => PluralRule::named(name).unwrap_or_else(|| {
                    let known: Vec<String> =
                        PluralRule::NAMES.iter().map(|n| format!("`{n}`")).collect();
                    self.err(
                        format!("{p}.plural"),
                        format!(
                            "unknown plural rule `{name}`, expected one of {}",
                            known.join(", ")
                        ),
                    );
                    PluralRule::Other
                }),
            };
            // Every expected key with the placeholders it takes and must contain.
            let mut expected: Vec<(String, &[&str], Vec<&str>)> =
                vec![("plural".into(), &[], vec![])];
            for (group, count) in [("month", 12), ("weekday", 7)] {
                for i in 1..=count {
                    expected.push((format!("date.{group}.{i}"), &[], vec![]));
                }
            }
            for k in KEYS {
                if !k.plural {
                    expected.push((k.name.into(), k.placeholders, k.placeholders.to_vec()));
                    continue;
                }
                for form in rule.categories() {
                    let required = k.placeholders.iter().copied();
                    let required = required.filter(|n| *n != "n" || *form == "other").collect();
                    expected.push((format!("{}.{form}", k.name), k.placeholders, required));
                }
            }
            for (key, allowed, required) in &expected {
                let path = format!("{p}.{key}");
                match l.get(key) {
                    None => self.err(path, "missing"),
                    Some(s) if key == "plan.separator" && s.is_empty() => {
                        self.err(path, "must not be empty")
                    }
                    Some(_) if key == "plan.separator" || key == "plural" => {}
                    Some(s) => self.phrase(&path, s, allowed, required),
                }
            }
            for key in l.keys() {
                if expected.iter().any(|(k, _, _)| k == key) {
                    continue;
                }
                let plural_base = key.rsplit_once('.').map(|(base, _)| base);
                let message = if KEYS.iter().any(|k| k.plural && Some(k.name) == plural_base) {
                    let forms: Vec<String> =
                        rule.categories().iter().map(|f| format!("`{f}`")).collect();
                    format!(
                        "not a form of the language's plural rule, whose forms are {}",
                        forms.join(", ")
                    )
                } else {
                    "unknown key".to_string()
                };
                self.err(format!("{p}.{key}"), message);
            }
        }
    }
}
