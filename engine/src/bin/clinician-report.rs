//! Prints the whole clinical logic as Markdown for a clinic's doctor to review: questions,
//! procedures, frequency models, rules, red flags, and the outcome of every persona.
//!
//! `cargo run -p skin-consult-engine --bin clinician-report [-- --lang tr]`
//!
//! Exits with status 1 when a persona's outcome differs from its expectation.

use skin_consult_engine::persona::{check, parse_personas, Persona};
use skin_consult_engine::{
    assess, builtin_catalog, describe_plan, effective_answers, Answer, Assessment, Catalog, Effect,
    Grade, QuestionKind, Spacing, Status, Text,
};
use std::fmt::Write;

const PERSONAS_JSON: &str = include_str!("../../catalog/personas.json");

/// Escapes a Markdown table cell.
fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', "<br>")
}

fn t(text: &Text, lang: &str) -> String {
    cell(text.get(lang))
}

fn sources(list: &[String]) -> String {
    cell(&list.join(", "))
}

/// A grade, marked when the rule is a clinic-changeable default (grade C, inference or the
/// clinic's own decision).
fn grade(g: Grade) -> String {
    if g.is_clinic_changeable() {
        format!("{} (clinic-changeable default)", g.as_str())
    } else {
        g.as_str().to_string()
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let lang = args
        .iter()
        .position(|a| a == "--lang")
        .and_then(|i| args.get(i + 1))
        .cloned()
        .unwrap_or_else(|| "en".to_string());
    let catalog = builtin_catalog();
    let personas = match parse_personas(PERSONAS_JSON) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("personas.json does not parse: {e}");
            std::process::exit(2);
        }
    };
    let (report, failures) = render(&catalog, &personas, &lang);
    print!("{report}");
    if failures > 0 {
        eprintln!("{failures} persona(s) differ from their expectation");
        std::process::exit(1);
    }
}

fn render(c: &Catalog, personas: &[Persona], lang: &str) -> (String, usize) {
    let mut o = String::new();
    let w = &mut o;
    let _ = writeln!(
        w,
        "# Clinician review: skin-consult catalog v{}\n",
        c.version
    );
    let _ = writeln!(
        w,
        "Everything below is data from `catalog/catalog.json`; change it there (see the engine README). \
         Sources: `seed:` = clinic page, `brief:[n]` = clinical brief reference n, `brief:Cn` = grade-C clinic or \
         manufacturer page, `brief:§n` = section of the brief. Languages: {}.\n",
        c.languages.join(", ")
    );
    let _ = writeln!(w, "## How the engine decides\n");
    let _ = writeln!(
        w,
        "1. Answers to hidden questions and invalid answers are ignored.\n\
         2. Any red flag → referral only, no cosmetic suggestion.\n\
         3. Per procedure: under the minimum age (or age unknown) or an `exclude` rule → **excluded**; \
         none of the patient's concerns addressed → **excluded**; a `defer` rule → **deferred**; \
         score ≤ 0 → **excluded**; a `caution` rule → **caution** (doctor reviews first); otherwise **suggested**.\n\
         4. Score = {} per concern addressed + the `score` rules that apply.\n\
         5. Order: suggested, caution, deferred, excluded; within each, score descending, then catalog order.\n\
         6. The plan is the first frequency variant whose condition holds.\n",
        c.concern_score
    );

    let _ = writeln!(w, "## Questions\n");
    let _ = writeln!(
        w,
        "| # | id | question | kind | options | shown when | required |"
    );
    let _ = writeln!(w, "|---|---|---|---|---|---|---|");
    for (i, q) in c.questions.iter().enumerate() {
        let kind = match q.kind {
            QuestionKind::SingleChoice => "single choice".to_string(),
            QuestionKind::MultiChoice => "multiple choice".to_string(),
            QuestionKind::YesNo => "yes / no".to_string(),
            QuestionKind::Number { min, max } => format!("number {min}–{max}"),
        };
        let options: Vec<String> = q
            .options
            .iter()
            .map(|o| {
                format!(
                    "`{}` {}{}",
                    o.id,
                    o.label.get(lang),
                    if o.exclusive { " (exclusive)" } else { "" }
                )
            })
            .collect();
        let shown = q
            .show_if
            .as_ref()
            .map(|s| s.describe(c, lang))
            .unwrap_or_else(|| "always".into());
        let _ = writeln!(
            w,
            "| {} | `{}` | {} | {} | {} | {} | {} |",
            i + 1,
            q.id,
            t(&q.prompt, lang),
            kind,
            cell(&options.join("<br>")),
            cell(&shown),
            if q.required { "yes" } else { "no" }
        );
    }

    let _ = writeln!(w, "\n## Procedures\n");
    let _ = writeln!(w, "| id | name | concerns addressed | minimum age | session | downtime | sources | where sources disagree |");
    let _ = writeln!(w, "|---|---|---|---|---|---|---|---|");
    for p in &c.procedures {
        let min_age = if p.min_age == 0 {
            "none".to_string()
        } else {
            format!("{} ({})", p.min_age, p.min_age_sources.join(", "))
        };
        let _ = writeln!(
            w,
            "| `{}` | {} | {} | {} | {} | {} | {} | {} |",
            p.id,
            t(&p.name, lang),
            cell(&p.concerns.join(", ")),
            cell(&min_age),
            t(&p.session_length, lang),
            t(&p.downtime, lang),
            sources(&p.sources),
            p.note.as_ref().map(|n| t(n, lang)).unwrap_or_default()
        );
    }

    let _ = writeln!(w, "\n## Frequency models\n");
    let _ = writeln!(
        w,
        "| procedure | when | plan | why | allowed interval bounds | sources | note |"
    );
    let _ = writeln!(w, "|---|---|---|---|---|---|---|");
    for p in &c.procedures {
        for v in &p.frequency.variants {
            let when = v
                .when
                .as_ref()
                .map(|x| x.describe(c, lang))
                .unwrap_or_else(|| "otherwise".into());
            let _ = writeln!(
                w,
                "| `{}` | {} | {} | {} | {}–{} days | {} | {} |",
                p.id,
                cell(&when),
                cell(&describe_plan(&v.plan, c.locale(lang))),
                v.why.as_ref().map(|x| t(x, lang)).unwrap_or_default(),
                p.frequency.bounds.min_days,
                p.frequency.bounds.max_days,
                sources(&p.frequency.sources),
                v.plan.note.as_ref().map(|x| t(x, lang)).unwrap_or_default()
            );
        }
    }

    let _ = writeln!(w, "\n## Rules\n");
    let _ = writeln!(
        w,
        "| id | when | effect | procedures | reason shown | sources | grade | where sources disagree |"
    );
    let _ = writeln!(w, "|---|---|---|---|---|---|---|---|");
    for r in &c.rules {
        let effect = match &r.effect {
            Effect::Exclude => "**exclude**".to_string(),
            Effect::Caution => "**caution**".to_string(),
            Effect::Note => "note (status unchanged)".to_string(),
            Effect::Defer { until } => format!("**defer** until {}", until.get(lang)),
            Effect::Score(n) => format!("score {n:+}"),
        };
        let _ = writeln!(
            w,
            "| `{}` | {} | {} | {} | {} | {} | {} | {} |",
            r.id,
            cell(&r.when.describe(c, lang)),
            cell(&effect),
            cell(&r.procedures.join(", ")),
            t(&r.reason, lang),
            sources(&r.sources),
            grade(r.grade),
            r.note.as_ref().map(|n| t(n, lang)).unwrap_or_default()
        );
    }

    let _ = writeln!(w, "\n## Red flags (referral, no cosmetic suggestion)\n");
    let _ = writeln!(
        w,
        "| id | urgency | call | when | title | advice | sources | grade |"
    );
    let _ = writeln!(w, "|---|---|---|---|---|---|---|---|");
    for f in &c.red_flags {
        let _ = writeln!(
            w,
            "| `{}` | {} | {} | {} | {} | {} | {} | {} |",
            f.id,
            f.urgency.as_str(),
            f.call.as_str(),
            cell(&f.when.describe(c, lang)),
            t(&f.title, lang),
            t(&f.advice, lang),
            sources(&f.sources),
            grade(f.grade)
        );
    }
    let _ = writeln!(
        w,
        "\nThe numbers to call (emergency, urgent care, crisis line) are the clinic's \
         configuration (`emergency`), with defaults by country."
    );

    combining(w, c, lang);

    let _ = writeln!(w, "\n## Personas\n");
    let _ = writeln!(
        w,
        "| persona | answers that matter | outcome | as expected |"
    );
    let _ = writeln!(w, "|---|---|---|---|");
    let mut failures = 0;
    for p in personas {
        let problems = check(c, p);
        if !problems.is_empty() {
            failures += 1;
        }
        let verdict = if problems.is_empty() {
            "yes".to_string()
        } else {
            format!("**NO**: {}", problems.join("; "))
        };
        let _ = writeln!(
            w,
            "| **{}**<br>{} | {} | {} | {} |",
            cell(&p.name),
            cell(&p.description),
            cell(&answers_summary(c, p)),
            cell(&outcome(c, p, lang)),
            cell(&verdict)
        );
    }
    let _ = writeln!(
        w,
        "\n{} of {} personas as expected.",
        personas.len() - failures,
        personas.len()
    );
    (o, failures)
}

/// The scheduling data: spacing rules, groups of alternatives, the default plan's size and the
/// review visits, each with its sources.
fn combining(w: &mut String, c: &Catalog, lang: &str) {
    let s = &c.scheduling;
    let _ = writeln!(w, "\n## Combining and spacing treatments (the plan)\n");
    let _ = writeln!(
        w,
        "| id | rule | reason shown | sources | grade | where sources disagree |"
    );
    let _ = writeln!(w, "|---|---|---|---|---|---|");
    for r in &s.rules {
        let list = |ids: &[String]| ids.join(", ");
        let rule = match &r.rule {
            Spacing::SameWeek { procedures } => {
                format!("not in the same week: {}", list(procedures))
            }
            Spacing::Recovery { procedures } => {
                format!(
                    "nothing else during the recovery days of: {}",
                    list(procedures)
                )
            }
            Spacing::MinGap { procedures, days } => {
                format!("at least {days} days apart: {}", list(procedures))
            }
            Spacing::Pause {
                procedure,
                around,
                days_before,
                days_after,
            } => format!(
                "pause {procedure} from {days_before} days before to {days_after} days after: {}",
                list(around)
            ),
            Spacing::SeparateDays { together } => format!(
                "different treatments on different days, except together: {}",
                list(together)
            ),
            Spacing::Apart {
                first,
                second,
                days,
            } => format!(
                "at least {days} days between a session of ({}) and another of ({})",
                list(first),
                list(second)
            ),
        };
        let _ = writeln!(
            w,
            "| `{}` | {} | {} | {} | {} | {} |",
            r.id,
            cell(&rule),
            t(&r.reason, lang),
            sources(&r.sources),
            grade(r.grade),
            r.note.as_ref().map(|n| t(n, lang)).unwrap_or_default()
        );
    }
    let _ = writeln!(
        w,
        "\nThe default plan holds the best-ranked suggestion of each group of alternatives, at \
         most {} treatments (a clinic default); the patient may add or remove any.\n",
        s.default_plan_size
    );
    let _ = writeln!(w, "| alternatives | procedures | reason shown | sources |");
    let _ = writeln!(w, "|---|---|---|---|");
    for g in &s.alternatives {
        let _ = writeln!(
            w,
            "| `{}` | {} | {} | {} |",
            g.id,
            cell(&g.procedures.join(", ")),
            t(&g.reason, lang),
            sources(&g.sources)
        );
    }
    if let Some(r) = &s.review {
        let _ = writeln!(
            w,
            "\nReview visits instead of repeats ({}): {} Sources: {}.",
            r.procedures.join(", "),
            t(&r.note, lang).replace("{duration}", "the shortest repeat interval of the plan"),
            sources(&r.sources)
        );
    }
}

fn answers_summary(c: &Catalog, p: &Persona) -> String {
    let effective = effective_answers(c, &p.answers);
    let mut parts = Vec::new();
    for q in &c.questions {
        let Some(a) = effective.get(&q.id) else {
            continue;
        };
        let text = match a {
            Answer::Number(n) => format!("{}: {n}", q.id),
            Answer::YesNo(true) => format!("{}: yes", q.id),
            Answer::YesNo(false) => continue,
            Answer::Choice(x) => format!("{}: {x}", q.id),
            Answer::Choices(xs) if xs.iter().all(|x| x == "none") => continue,
            Answer::Choices(xs) => format!("{}: {}", q.id, xs.join(", ")),
        };
        parts.push(text);
    }
    let ignored: Vec<&str> = p
        .answers
        .0
        .keys()
        .filter(|k| effective.get(k).is_none())
        .map(String::as_str)
        .collect();
    if !ignored.is_empty() {
        parts.push(format!("(ignored: {})", ignored.join(", ")));
    }
    parts.join("<br>")
}

fn outcome(c: &Catalog, p: &Persona, lang: &str) -> String {
    match assess(c, &p.answers) {
        Assessment::Referral(r) => {
            let flags: Vec<String> = r
                .flags
                .iter()
                .map(|f| {
                    format!(
                        "{} ({}, from `{}`)",
                        f.title.get(lang),
                        f.urgency.as_str(),
                        f.question_id
                    )
                })
                .collect();
            format!("**Referral**: {}", flags.join("; "))
        }
        Assessment::Recommendations(results) => {
            let mut lines = Vec::new();
            for r in &results {
                let line = match &r.status {
                    Status::Suggested => format!(
                        "**suggested** `{}` ({}): {}",
                        r.procedure_id,
                        r.score,
                        r.plan
                            .as_ref()
                            .map(|x| describe_plan(x, c.locale(lang)))
                            .unwrap_or_default()
                    ),
                    Status::Caution => format!(
                        "**caution** `{}`: {}",
                        r.procedure_id,
                        r.reasons
                            .first()
                            .map(|x| x.text.get(lang))
                            .unwrap_or_default()
                    ),
                    Status::Deferred { until } => {
                        format!(
                            "**deferred** `{}` until {}",
                            r.procedure_id,
                            until.get(lang)
                        )
                    }
                    Status::Excluded => {
                        // Irrelevant procedures are listed together at the end.
                        let why = r
                            .reasons
                            .first()
                            .map(|x| x.text.get(lang))
                            .unwrap_or_default();
                        if why == c.messages.no_concern_match.get(lang) {
                            continue;
                        }
                        format!("**excluded** `{}`: {}", r.procedure_id, why)
                    }
                };
                lines.push(line);
            }
            let irrelevant: Vec<&str> = results
                .iter()
                .filter(|r| {
                    r.status == Status::Excluded
                        && r.reasons.first().map(|x| x.text.get(lang))
                            == Some(c.messages.no_concern_match.get(lang))
                })
                .map(|r| r.procedure_id.as_str())
                .collect();
            if !irrelevant.is_empty() {
                lines.push(format!("not for these concerns: {}", irrelevant.join(", ")));
            }
            lines.join("<br>")
        }
    }
}
