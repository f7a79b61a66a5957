//! Shared by the property tests: the built-in catalog and a generator of answer sets.

use proptest::prelude::*;
use proptest::test_runner::RngSeed;
use skin_consult_engine::{builtin_catalog, Answer, Answers, Catalog, QuestionKind};
use std::sync::OnceLock;

/// The built-in catalog, decoded once.
pub fn catalog() -> &'static Catalog {
    static C: OnceLock<Catalog> = OnceLock::new();
    C.get_or_init(builtin_catalog)
}

/// The seed every property test of the test command starts from, so a run passes or fails
/// the same way on every machine (cases that once failed are replayed first from the
/// `.proptest-regressions` file next to the test).
pub const SEED: u64 = 0x5ca1_ab1e_0016;

/// A property test's configuration: `cases` cases from the fixed [`SEED`]. For a longer
/// randomised run on demand, set `SKIN_CONSULT_PROPTEST_RANDOM=1` (a fresh seed each run) and
/// proptest's own `PROPTEST_CASES` (e.g. 100000); proptest prints the seed of a failure and
/// adds it to the regressions file, which is then checked in.
pub fn config(cases: u32) -> ProptestConfig {
    let random = std::env::var_os("SKIN_CONSULT_PROPTEST_RANDOM").is_some_and(|v| v != "0");
    ProptestConfig {
        cases,
        rng_seed: if random {
            RngSeed::Random
        } else {
            RngSeed::Fixed(SEED)
        },
        ..ProptestConfig::default()
    }
}

/// Turns per-question random numbers into an answer set. Mode 0 = unanswered, 1 = garbage,
/// otherwise a valid answer; multi-choice answers pick their exclusive option half the time,
/// so red flags are neither always nor never present.
pub fn build(raw: &[(u8, u32, u32)]) -> Answers {
    let c = catalog();
    let mut a = Answers::new();
    for (q, &(mode, x, y)) in c.questions.iter().zip(raw) {
        let answer = match (mode % 8, &q.kind) {
            (0, _) => continue,
            (1, _) => match x % 4 {
                0 => Answer::Number(y),
                1 => Answer::YesNo(y % 2 == 0),
                2 => Answer::Choice(format!("opt{}", y % 3)),
                _ => Answer::Choices(Vec::new()),
            },
            (_, QuestionKind::SingleChoice) => {
                Answer::Choice(q.options[x as usize % q.options.len()].id.clone())
            }
            (_, QuestionKind::MultiChoice) => {
                let exclusive = q.options.iter().find(|o| o.exclusive);
                match exclusive {
                    Some(o) if y % 2 == 0 => Answer::Choices(vec![o.id.clone()]),
                    _ => {
                        let picked: Vec<String> = q
                            .options
                            .iter()
                            .enumerate()
                            .filter(|(i, o)| !o.exclusive && x & (1 << (i % 32)) != 0)
                            .map(|(_, o)| o.id.clone())
                            .collect();
                        if picked.is_empty() {
                            continue;
                        }
                        Answer::Choices(picked)
                    }
                }
            }
            (_, QuestionKind::YesNo) => Answer::YesNo(x % 3 == 0),
            (_, QuestionKind::Number { min, max }) => Answer::Number(min + x % (max - min + 1)),
        };
        a.insert(q.id.clone(), answer);
    }
    a
}

/// Random answer sets over the built-in catalog.
pub fn answers() -> impl Strategy<Value = Answers> {
    let n = catalog().questions.len();
    prop::collection::vec((any::<u8>(), any::<u32>(), any::<u32>()), n).prop_map(|raw| build(&raw))
}
