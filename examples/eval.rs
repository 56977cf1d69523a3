//! Developer tool: quick quality numbers while tuning the finder.
//! `cargo run --release --example eval -- mozilla|wcxb [filter]`
//! (the gating tests are `tests/corpus.rs`; this prints per-page detail).

use std::collections::HashMap;
use std::io::Read;
use std::path::PathBuf;

use rayon::prelude::*;

fn corpus() -> PathBuf {
    std::env::var_os("PATHOK_CORPUS").map(PathBuf::from).unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus")))
}

fn tokens(s: &str) -> HashMap<String, usize> {
    let re = regex::Regex::new(r"\w+").unwrap();
    let mut m = HashMap::new();
    for t in re.find_iter(&s.to_lowercase()) {
        *m.entry(t.as_str().to_string()).or_default() += 1;
    }
    m
}

fn f1(ours: &str, truth: &str) -> f64 {
    let (a, b) = (tokens(ours), tokens(truth));
    let na: usize = a.values().sum();
    let nb: usize = b.values().sum();
    if na == 0 && nb == 0 {
        return 1.0;
    }
    if na == 0 || nb == 0 {
        return 0.0;
    }
    let common: usize = a.iter().map(|(k, v)| (*v).min(*b.get(k).unwrap_or(&0))).sum();
    if common == 0 {
        return 0.0;
    }
    let (p, r) = (common as f64 / na as f64, common as f64 / nb as f64);
    2.0 * p * r / (p + r)
}

fn gunzip(path: &PathBuf) -> String {
    let mut s = Vec::new();
    flate2::read::GzDecoder::new(std::fs::File::open(path).unwrap()).read_to_end(&mut s).unwrap();
    String::from_utf8_lossy(&s).into_owned()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let which = args.get(1).map(String::as_str).unwrap_or("mozilla");
    let filter = args.get(2).cloned().unwrap_or_default();
    let opts = pathok::Options::default();
    if which == "mozilla" {
        let dir = corpus().join("readability-test-pages");
        let mut names: Vec<String> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).filter(|n| n.contains(&filter)).collect();
        names.sort();
        let rows: Vec<(String, f64, bool, String)> = names.par_iter().map(|n| {
            let src = std::fs::read_to_string(dir.join(n).join("source.html")).unwrap();
            let exp = std::fs::read_to_string(dir.join(n).join("expected.html")).unwrap();
            let meta: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(dir.join(n).join("expected-metadata.json")).unwrap()).unwrap();
            let dom = pathok::parse_html(&exp, 512);
            let exp_text = dom.text_content(pathok::dom::DOCUMENT);
            match pathok::extract(&src, Some("http://fakehost/test/page.html"), &opts) {
                Ok(a) => {
                    let t_ok = meta["title"].as_str() == Some(a.title.as_str());
                    (n.clone(), f1(&a.text, &exp_text), t_ok, format!("title={:?} want={:?}", a.title, meta["title"]))
                }
                Err(e) => (n.clone(), 0.0, false, e.to_string()),
            }
        }).collect();
        let mut parity = 0;
        let mut titles = 0;
        for (n, f, t, info) in &rows {
            if *f >= 0.95 { parity += 1 } else { println!("{n:40} f1={f:.3}") }
            if *t { titles += 1 } else if args.len() > 3 { println!("  TITLE {n}: {info}") }
        }
        println!("parity {}/{} = {:.1}%  titles {}/{}", parity, rows.len(), 100.0 * parity as f64 / rows.len() as f64, titles, rows.len());
    } else {
        let dir = corpus().join("wcxb-dev");
        let mut ids: Vec<String> = std::fs::read_dir(dir.join("html")).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap().replace(".html.gz", "")).collect();
        ids.sort();
        let rows: Vec<(String, String, f64, usize, usize)> = ids.par_iter().filter_map(|id| {
            let gt: serde_json::Value = serde_json::from_str(&gunzip(&dir.join("ground-truth").join(format!("{id}.json.gz")))).unwrap();
            let ty = gt["_internal"]["page_type"]["primary"].as_str().unwrap_or("?").to_string();
            if !filter.is_empty() && ty != filter { return None; }
            let html = gunzip(&dir.join("html").join(format!("{id}.html.gz")));
            let truth = gt["ground_truth"]["main_content"].as_str().unwrap_or("");
            let url = gt["url"].as_str();
            let text = pathok::extract(&html, url, &opts).map(|a| a.text).unwrap_or_default();
            Some((id.clone(), ty, f1(&text, truth), text.split_whitespace().count(), truth.split_whitespace().count()))
        }).collect();
        let mut by: HashMap<String, (f64, usize)> = HashMap::new();
        let mut out = String::new();
        let mut sorted = rows.clone();
        sorted.sort_by(|a, b| a.2.total_cmp(&b.2));
        for (id, ty, f, ow, tw) in &sorted {
            out.push_str(&format!("{id}\t{ty}\t{f:.3}\t{ow}\t{tw}\n"));
            let e = by.entry(ty.clone()).or_default();
            e.0 += f;
            e.1 += 1;
        }
        std::fs::write("/tmp/wcxb-pages.tsv", out).unwrap();
        let total: f64 = rows.iter().map(|r| r.2).sum();
        let mut types: Vec<_> = by.into_iter().collect();
        types.sort_by(|a, b| a.0.cmp(&b.0));
        for (t, (s, n)) in types {
            println!("{t:15} {:.4} ({n})", s / n as f64);
        }
        println!("overall         {:.4} ({})", total / rows.len() as f64, rows.len());
    }
}
