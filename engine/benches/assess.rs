//! Benchmark of `assess` with `std::time::Instant` only (no benchmark framework).
//!
//! `cargo bench -p skin-consult-engine` prints the median and mean time per assessment over the
//! personas of `catalog/personas.json` (referrals and full recommendation sets alike).

use skin_consult_engine::persona::parse_personas;
use skin_consult_engine::{assess, builtin_catalog, Answers};
use std::hint::black_box;
use std::time::Instant;

const BATCH: usize = 100;
const ROUNDS: usize = 200;

fn main() {
    let catalog = builtin_catalog();
    let personas =
        parse_personas(include_str!("../catalog/personas.json")).expect("personas parse");
    let answers: Vec<&Answers> = personas.iter().map(|p| &p.answers).collect();
    let referrals = personas
        .iter()
        .filter(|p| p.expect.referral.is_some())
        .count();

    // Warm-up.
    for _ in 0..20 {
        for a in &answers {
            black_box(assess(black_box(&catalog), black_box(a)));
        }
    }

    // Each sample: BATCH assessments of one persona, divided by BATCH.
    let mut samples_us: Vec<f64> = Vec::with_capacity(ROUNDS * answers.len());
    for _ in 0..ROUNDS {
        for a in &answers {
            let start = Instant::now();
            for _ in 0..BATCH {
                black_box(assess(black_box(&catalog), black_box(a)));
            }
            samples_us.push(start.elapsed().as_secs_f64() * 1e6 / BATCH as f64);
        }
    }
    samples_us.sort_by(|a, b| a.total_cmp(b));
    let n = samples_us.len();
    let median = samples_us[n / 2];
    let mean = samples_us.iter().sum::<f64>() / n as f64;
    let p95 = samples_us[n * 95 / 100];
    let max = samples_us[n - 1];
    println!(
        "assess: {} personas ({} referrals), {} assessments",
        answers.len(),
        referrals,
        n * BATCH
    );
    println!("median {median:.2} µs, mean {mean:.2} µs, p95 {p95:.2} µs, max {max:.2} µs per assessment (goal ≤ 50 µs)");
}
