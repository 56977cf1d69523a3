//! Extraction time against the parse-only floor, per Mozilla test page.
//!
//! `cargo bench --bench extract` parses each page with the same html5ever
//! tree builder the extractor uses (the floor), then runs the full
//! `extract`, alternating, several rounds; it prints per-page medians, the
//! median and p95 over pages, and the ratio extract / parse (median of the
//! per-page ratios, and total over total). A benchmark, not a test: it
//! asserts nothing and gates nothing.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Instant;

const ROUNDS: usize = 7;

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn p95(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    v[((v.len() as f64 * 0.95) as usize).min(v.len() - 1)]
}

fn main() {
    let root = std::env::var_os("PATHOK_CORPUS").map(PathBuf::from).unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"));
    let dir = root.join("readability-test-pages");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("corpus not found at {}: nothing to measure", dir.display());
        return;
    };
    let mut pages: Vec<(String, String)> = entries
        .filter_map(|e| {
            let p = e.ok()?.path();
            Some((p.file_name()?.to_str()?.to_string(), std::fs::read_to_string(p.join("source.html")).ok()?))
        })
        .collect();
    pages.sort();
    let options = pathok::Options::default();
    // Warm up the pattern table and allocator once.
    let _ = pathok::extract(&pages[0].1, None, &options);

    let (mut parse_ms, mut extract_ms, mut ratios) = (Vec::new(), Vec::new(), Vec::new());
    let (mut parse_total, mut extract_total) = (0.0, 0.0);
    for (_, html) in &pages {
        let (mut p, mut x) = (Vec::new(), Vec::new());
        for _ in 0..ROUNDS {
            let t = Instant::now();
            black_box(pathok::parse_html(black_box(html), options.max_depth));
            p.push(t.elapsed().as_secs_f64() * 1000.0);
            let t = Instant::now();
            let _ = black_box(pathok::extract(black_box(html), Some("http://fakehost/test/page.html"), &options));
            x.push(t.elapsed().as_secs_f64() * 1000.0);
        }
        let (pm, xm) = (median(&mut p), median(&mut x));
        parse_total += pm;
        extract_total += xm;
        parse_ms.push(pm);
        extract_ms.push(xm);
        ratios.push(xm / pm);
    }
    let mb: f64 = pages.iter().map(|(_, h)| h.len() as f64).sum::<f64>() / 1e6;
    println!("{} Mozilla pages, {mb:.1} MB, median of {ROUNDS} rounds per page", pages.len());
    println!("| measure | median ms/page | p95 ms/page | total ms |");
    println!("|---|---:|---:|---:|");
    println!("| parse only (html5ever → arena) | {:.3} | {:.3} | {parse_total:.1} |", median(&mut parse_ms.clone()), p95(&mut parse_ms));
    println!("| extract (parse + all steps) | {:.3} | {:.3} | {extract_total:.1} |", median(&mut extract_ms.clone()), p95(&mut extract_ms));
    println!("ratio extract / parse: median per page {:.2}×, p95 {:.2}×, total {:.2}×", median(&mut ratios.clone()), p95(&mut ratios), extract_total / parse_total);
}
