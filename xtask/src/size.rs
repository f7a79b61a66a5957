//! The size budgets, gzip-compressed: what the first screen loads must stay under
//! [`FIRST_SCREEN_CEILING_BYTES`] (reported against the product goal [`GOAL_BYTES`]), and
//! everything a whole consultation loads under [`CEILING_BYTES`], so splitting the module
//! cannot grow the total unnoticed.
//!
//! "What the first screen loads" is `index.html`, every file of the build that `index.html`
//! references (the loader, the JS glue, the main `.wasm`, the CSS, the icon) and the chunk
//! loader the glue imports (`__wasm_split-<hash>.js`). The chunks (`split_<part>-<hash>.wasm`
//! and the code they share, `chunk_<n>-<hash>.wasm`) come after it: a whole consultation
//! loads both.

use flate2::write::GzEncoder;
use flate2::Compression;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The product goal for the gzip size of a first visit: 120 KB. Not met yet (see the README's
/// "Size budget status"); every run prints how far off it is.
pub const GOAL_BYTES: u64 = 120 * 1024;

/// The enforced budget of the first screen: today's size plus a small margin, so any growth
/// fails the test until it is argued for here. Lower it whenever the first screen shrinks;
/// never raise it silently. Set when the questionnaire and the results moved into chunks
/// (from 242.8 KB for everything in one module).
pub const FIRST_SCREEN_CEILING_BYTES: u64 = 192 * 1024;

/// The enforced budget of a whole consultation (first screen and every chunk). Raised from
/// 246 KB when the module was split: each chunk compresses on its own and carries its own
/// tables, about 16 KB gzip more in all (measured 2026-12-05), paid only by a patient who goes
/// on to the questions and the results, and after the welcome screen is painted.
pub const CEILING_BYTES: u64 = 262 * 1024;

/// One file of a first visit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Path relative to the build folder, with `/` separators.
    pub name: String,
    /// Size on disk.
    pub raw: u64,
    /// Size after gzip at level 9.
    pub gzip: u64,
    /// Size of the build's precompressed Brotli copy (`<name>.br`), when it ships one.
    pub brotli: Option<u64>,
}

/// The measured first screen and the rest of a consultation against their budgets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// Every file of the first screen, `index.html` first.
    pub entries: Vec<Entry>,
    /// The chunks loaded after the first screen.
    pub later: Vec<Entry>,
    /// The budget of the first screen's gzip total.
    pub budget: u64,
    /// The budget of the whole consultation's gzip total.
    pub total_budget: u64,
}

impl Report {
    /// Gzip total of the first screen and every chunk.
    pub fn consultation_gzip(&self) -> u64 {
        self.total_gzip() + self.later.iter().map(|e| e.gzip).sum::<u64>()
    }

    /// `true` when the first screen and the whole consultation are within their budgets.
    pub fn within_budgets(&self) -> bool {
        self.within_budget() && self.consultation_gzip() <= self.total_budget
    }

    /// Sum of raw sizes.
    pub fn total_raw(&self) -> u64 {
        self.entries.iter().map(|e| e.raw).sum()
    }

    /// Sum of gzip sizes: the number the budget applies to.
    pub fn total_gzip(&self) -> u64 {
        self.entries.iter().map(|e| e.gzip).sum()
    }

    /// What a server that sends the Brotli copies (gzip for the rest) transfers.
    pub fn total_served_brotli(&self) -> u64 {
        self.entries
            .iter()
            .map(|e| e.brotli.unwrap_or(e.gzip))
            .sum()
    }

    /// `true` when the first screen's gzip total is at most its budget.
    pub fn within_budget(&self) -> bool {
        self.total_gzip() <= self.budget
    }

    /// The report as an aligned text table.
    pub fn table(&self) -> String {
        let width = self
            .entries
            .iter()
            .chain(&self.later)
            .map(|e| e.name.len())
            .max()
            .unwrap_or(0)
            .max(5);
        let mut out = format!(
            "{:<width$}  {:>10}  {:>10}  {:>10}\n",
            "file", "raw", "gzip -9", "br copy"
        );
        let line = |e: &Entry, note: &str| {
            format!(
                "{:<width$}  {:>10}  {:>10}  {:>10}{note}\n",
                e.name,
                bytes(e.raw),
                bytes(e.gzip),
                e.brotli.map_or("-".to_string(), bytes)
            )
        };
        for e in &self.entries {
            out += &line(e, "");
        }
        out += &format!(
            "{:<width$}  {:>10}  {:>10}  = {} of the {} budget ({:.1}% used); goal {}: {}\n",
            "total",
            bytes(self.total_raw()),
            bytes(self.total_gzip()),
            kb(self.total_gzip()),
            kb(self.budget),
            100.0 * self.total_gzip() as f64 / self.budget as f64,
            kb(GOAL_BYTES),
            match self.total_gzip().checked_sub(GOAL_BYTES) {
                Some(over) if over > 0 => format!("{} over", kb(over)),
                _ => "met".to_string(),
            }
        );
        out += &format!(
            "served with the Brotli copies (gzip for the rest): {}\n",
            kb(self.total_served_brotli())
        );
        for e in &self.later {
            out += &line(e, "  (after the first screen)");
        }
        out += &format!(
            "whole consultation: {} gzip of the {} budget\n",
            kb(self.consultation_gzip()),
            kb(self.total_budget)
        );
        out
    }
}

/// Formats a byte count as `12345 B`.
fn bytes(n: u64) -> String {
    format!("{n} B")
}

/// Formats a byte count in KB (1024 bytes) with one decimal.
pub fn kb(n: u64) -> String {
    format!("{:.1} KB", n as f64 / 1024.0)
}

/// Measures the build in `dist`: the first screen against `budget`, everything against
/// `total_budget`.
pub fn measure(dist: &Path, budget: u64, total_budget: u64) -> Result<Report, String> {
    let index = dist.join("index.html");
    let html = fs::read_to_string(&index).map_err(|e| {
        format!(
            "cannot read {}: {e} (run `trunk build --release` first)",
            index.display()
        )
    })?;
    let mut names = vec!["index.html".to_string()];
    let mut files = Vec::new();
    collect_files(dist, dist, &mut files)?;
    files.sort();
    let later: Vec<String> = files.iter().filter(|n| is_chunk(n)).cloned().collect();
    names.extend(
        files
            .into_iter()
            .filter(|name| is_referenced(&html, name) || is_chunk_loader(name)),
    );
    for ext in [".wasm", ".js"] {
        if !names.iter().any(|n| n.ends_with(ext)) {
            return Err(format!(
                "{} references no {ext} file of the build; is this a Trunk build?",
                index.display()
            ));
        }
    }
    let entry = |name: String| {
        let content = fs::read(dist.join(&name))
            .map_err(|e| format!("cannot read {name} in {}: {e}", dist.display()))?;
        let brotli = fs::metadata(dist.join(format!("{name}.br")))
            .ok()
            .map(|m| m.len());
        Ok(Entry {
            raw: content.len() as u64,
            gzip: gzip_len(&content)?,
            brotli,
            name,
        })
    };
    Ok(Report {
        entries: names
            .into_iter()
            .map(entry)
            .collect::<Result<_, String>>()?,
        later: later
            .into_iter()
            .map(entry)
            .collect::<Result<_, String>>()?,
        budget,
        total_budget,
    })
}

/// Whether `name` is the chunks' loader the glue imports (`__wasm_split-<hash>.js`).
fn is_chunk_loader(name: &str) -> bool {
    name.starts_with("__wasm_split-") && name.ends_with(".js")
}

/// Whether `name` is a chunk of the module (`split_<part>-<hash>.wasm`, `chunk_<n>-<hash>.wasm`).
fn is_chunk(name: &str) -> bool {
    !name.contains('/')
        && (name.starts_with("split_") || name.starts_with("chunk_"))
        && name.ends_with(".wasm")
}

/// Size of `content` gzip-compressed at level 9.
pub fn gzip_len(content: &[u8]) -> Result<u64, String> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder
        .write_all(content)
        .and_then(|()| encoder.finish())
        .map(|compressed| compressed.len() as u64)
        .map_err(|e| format!("gzip failed: {e}"))
}

/// Whether `html` references `name` as a path: preceded by `/`, a quote or `=`.
fn is_referenced(html: &str, name: &str) -> bool {
    name != "index.html"
        && html
            .match_indices(name)
            .any(|(at, _)| matches!(html[..at].chars().next_back(), Some('/' | '"' | '\'' | '=')))
}

/// Every file below `dir`, relative to `base`, with `/` separators.
fn collect_files(base: &Path, dir: &Path, out: &mut Vec<String>) -> Result<(), String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    for entry in entries {
        let path: PathBuf = entry
            .map_err(|e| format!("cannot list {}: {e}", dir.display()))?
            .path();
        if path.is_dir() {
            collect_files(base, &path, out)?;
        } else if let Ok(rel) = path.strip_prefix(base) {
            let parts: Vec<_> = rel.iter().map(|p| p.to_string_lossy()).collect();
            out.push(parts.join("/"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A scratch folder removed on drop.
    struct Scratch(PathBuf);

    impl Scratch {
        fn new(tag: &str) -> Scratch {
            let dir = std::env::temp_dir().join(format!("xtask-size-{tag}-{}", std::process::id()));
            let _ = fs::remove_dir_all(&dir);
            fs::create_dir_all(dir.join("snippets")).unwrap();
            Scratch(dir)
        }
        fn write(&self, name: &str, content: &[u8]) {
            fs::write(self.0.join(name), content).unwrap();
        }
    }

    impl Drop for Scratch {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(&self.0);
        }
    }

    /// Deterministic bytes that gzip cannot shrink (xorshift).
    fn noise(len: usize) -> Vec<u8> {
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        (0..len)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x as u8
            })
            .collect()
    }

    /// A synthetic Trunk-like build: what index.html references, plus an unreferenced file.
    fn fake_dist(tag: &str, wasm: &[u8]) -> Scratch {
        let dist = Scratch::new(tag);
        dist.write(
            "index.html",
            br#"<link rel="stylesheet" href="/app-1a2b.css"><link rel="modulepreload" href="/sc-9f.js">
<script type="module">import init from '/sc-9f.js'; init({ module_or_path: '/sc-9f_bg.wasm' });</script>"#,
        );
        dist.write(
            "app-1a2b.css",
            "body { margin: 0 }\n".repeat(200).as_bytes(),
        );
        dist.write("sc-9f.js", b"export default function init() {}\n");
        dist.write("sc-9f_bg.wasm", wasm);
        dist.write("unreferenced.map", &noise(500_000));
        dist
    }

    #[test]
    fn counts_only_what_index_html_references() {
        let dist = fake_dist("refs", &noise(10_000));
        let report = measure(&dist.0, GOAL_BYTES, CEILING_BYTES).unwrap();
        let names: Vec<_> = report.entries.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(
            names,
            ["index.html", "app-1a2b.css", "sc-9f.js", "sc-9f_bg.wasm"]
        );
        let css = &report.entries[1];
        assert_eq!(css.raw, 19 * 200);
        assert!(
            css.gzip < css.raw / 10,
            "repetitive CSS must compress: {css:?}"
        );
        assert!(report.within_budget());
        assert!(report.table().contains("total"));
    }

    #[test]
    fn reports_brotli_copies_beside_gzip() {
        let dist = fake_dist("brotli", &noise(10_000));
        dist.write("sc-9f_bg.wasm.br", &noise(7_000));
        let report = measure(&dist.0, GOAL_BYTES, CEILING_BYTES).unwrap();
        let names: Vec<_> = report.entries.iter().map(|e| e.name.as_str()).collect();
        assert!(
            !names.iter().any(|n| n.ends_with(".br")),
            "a copy is not a file of the visit: {names:?}"
        );
        let brotli: Vec<_> = report.entries.iter().map(|e| e.brotli).collect();
        assert_eq!(brotli, [None, None, None, Some(7_000)]);
        let wasm_gzip = report.entries[3].gzip;
        assert_eq!(
            report.total_served_brotli(),
            report.total_gzip() - wasm_gzip + 7_000
        );
        assert!(report.table().contains("7000 B"));
    }

    #[test]
    fn chunks_count_for_the_consultation_not_the_first_screen() {
        let dist = fake_dist("chunks", &noise(10_000));
        dist.write(
            "__wasm_split-0123456789abcdef.js",
            b"export const load = 1;\n",
        );
        dist.write("split_results-0123456789abcdef.wasm", &noise(30_000));
        dist.write("chunk_3-0123456789abcdef.wasm", &noise(1_000));
        dist.write("__wasm_split-0123456789abcdef.js.br", &noise(20));
        let report = measure(&dist.0, GOAL_BYTES, CEILING_BYTES).unwrap();
        let first: Vec<_> = report.entries.iter().map(|e| e.name.as_str()).collect();
        assert!(
            first.contains(&"__wasm_split-0123456789abcdef.js"),
            "{first:?}"
        );
        assert!(!first.iter().any(|n| n.ends_with(".br")), "{first:?}");
        let later: Vec<_> = report.later.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(
            later,
            [
                "chunk_3-0123456789abcdef.wasm",
                "split_results-0123456789abcdef.wasm"
            ]
        );
        let chunks: u64 = report.later.iter().map(|e| e.gzip).sum();
        assert!(chunks > 30_000);
        assert_eq!(report.consultation_gzip(), report.total_gzip() + chunks);
        assert!(report.within_budgets());
        let tight = Report {
            total_budget: report.consultation_gzip() - 1,
            ..report.clone()
        };
        assert!(tight.within_budget() && !tight.within_budgets());
        assert!(report.table().contains("after the first screen"));
    }

    #[test]
    fn fails_above_the_budget() {
        let dist = fake_dist("over", &noise(GOAL_BYTES as usize + 1));
        let report = measure(&dist.0, GOAL_BYTES, CEILING_BYTES).unwrap();
        assert!(report.total_gzip() > GOAL_BYTES);
        assert!(!report.within_budget());
        // The same build fits a budget just above its size.
        let fits = Report {
            budget: report.total_gzip(),
            ..report
        };
        assert!(fits.within_budget());
    }

    #[test]
    fn a_folder_without_wasm_is_rejected() {
        let dist = Scratch::new("nowasm");
        dist.write("index.html", b"<script src=\"/a.js\"></script>");
        dist.write("a.js", b"1");
        let err = measure(&dist.0, GOAL_BYTES, CEILING_BYTES).unwrap_err();
        assert!(err.contains(".wasm"), "{err}");
        assert!(measure(&dist.0.join("missing"), GOAL_BYTES, CEILING_BYTES).is_err());
    }

    #[test]
    fn gzip_len_matches_a_real_gzip_stream() {
        assert!(gzip_len(&[b'a'; 10_000]).unwrap() < 100);
        assert!(gzip_len(&noise(10_000)).unwrap() > 10_000);
    }
}
