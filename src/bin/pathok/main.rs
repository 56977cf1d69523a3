//! `pathok`: the extraction engine on the command line.
//!
//! ```text
//! pathok extract [FILE|-|DIR] [--url URL] [--format json|html|text|markdown] [--out DIR]
//! pathok extract --batch [--format json]      jobs on stdin: JSON array or JSON Lines of {"id","path","url"}
//! pathok readerable FILE
//! ```
//! External judges call `extract --format json` and `--batch`: keep their
//! output shape exactly (see `--help`).

mod input;

use std::io::{BufRead, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use rayon::prelude::*;
use serde_json::{json, Value};

const HELP: &str = "pathok — reader-mode extraction: an HTML page in, the article out

USAGE:
  pathok extract [FILE|-] [--url URL] [--format json|html|text|markdown]
      Extract the article of one page (FILE may be gzip; - or nothing reads stdin).
      json prints one object: title, byline, siteName, published, modified, lang, dir,
      excerpt, leadImage, content, text, wordCount, readingMinutes, readerable,
      timing {totalMs, parseMs, extractMs}.
  pathok extract DIR [--out OUTDIR] [--format ...]
      Every *.html, *.htm, *.html.gz in DIR, in parallel, progress on stderr;
      JSON Lines on stdout (each with \"path\"), or one file per page in OUTDIR.
  pathok extract --batch [--format json]
      Jobs on stdin, a JSON array or JSON Lines of {\"id\", \"path\", \"url\"};
      one JSON object per line on stdout, in job order, each with its \"id\" and
      \"ok\": true plus the fields above, or {\"id\", \"ok\": false, \"error\"}.
  pathok readerable FILE
      Prints true or false: does the page look like an article?

EXIT CODES:
  0  success (for --batch and DIR: the run completed, failed pages are reported inline)
  1  the page could not be extracted (empty, not HTML, no article)
  2  usage error or unreadable input file
";

enum Format {
    Json,
    Html,
    Text,
    Markdown,
}

struct Args {
    command: String,
    input: Option<String>,
    url: Option<String>,
    format: Format,
    batch: bool,
    out: Option<PathBuf>,
}

fn parse_args() -> Result<Args, String> {
    let mut it = std::env::args().skip(1);
    let command = it.next().ok_or("no command given (try --help)")?;
    let mut args = Args { command, input: None, url: None, format: Format::Json, batch: false, out: None };
    while let Some(a) = it.next() {
        match a.as_str() {
            "--url" => args.url = Some(it.next().ok_or("--url needs a value")?),
            "--format" => {
                args.format = match it.next().ok_or("--format needs a value")?.as_str() {
                    "json" => Format::Json,
                    "html" => Format::Html,
                    "text" | "txt" => Format::Text,
                    "markdown" | "md" => Format::Markdown,
                    other => return Err(format!("unknown format {other:?} (json, html, text, markdown)")),
                }
            }
            "--batch" => args.batch = true,
            "--out" => args.out = Some(PathBuf::from(it.next().ok_or("--out needs a value")?)),
            _ if a.starts_with("--") => return Err(format!("unknown option {a}")),
            _ if args.input.is_none() => args.input = Some(a),
            _ => return Err(format!("unexpected argument {a}")),
        }
    }
    Ok(args)
}

/// One page extracted, with in-process timings.
fn extract_one(html: &str, url: Option<&str>) -> Result<(pathok::Article, Value), pathok::Error> {
    let options = pathok::Options::default();
    let start = Instant::now();
    let doc = pathok::Document::parse(html, &options)?;
    let parsed = Instant::now();
    let article = pathok::extract_document(doc, url, &options)?;
    let done = Instant::now();
    let ms = |d: std::time::Duration| d.as_secs_f64() * 1000.0;
    let timing = json!({
        "totalMs": ms(done - start),
        "parseMs": ms(parsed - start),
        "extractMs": ms(done - parsed),
    });
    Ok((article, timing))
}

fn article_json(article: &pathok::Article, timing: Value) -> Value {
    let mut v = serde_json::to_value(article).expect("an article serializes");
    v["timing"] = timing;
    v
}

fn render(article: &pathok::Article, timing: Value, format: &Format) -> String {
    match format {
        Format::Json => article_json(article, timing).to_string(),
        Format::Html => article.content.clone(),
        Format::Text => article.text.clone(),
        Format::Markdown => pathok::render::html_to_markdown(&article.content),
    }
}

fn read_page(path: &str) -> Result<String, String> {
    let bytes = if path == "-" {
        let mut b = Vec::new();
        std::io::stdin().read_to_end(&mut b).map_err(|e| format!("cannot read stdin: {e}"))?;
        b
    } else {
        std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?
    };
    input::decode(&bytes).map_err(|e| format!("{path}: {e}"))
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) if e.contains("--help") => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
        Err(e) => {
            eprintln!("pathok: {e}\n\n{HELP}");
            return ExitCode::from(2);
        }
    };
    match args.command.as_str() {
        "--help" | "-h" | "help" => {
            print!("{HELP}");
            ExitCode::SUCCESS
        }
        "--version" | "-V" => {
            println!("pathok {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        "readerable" => {
            let Some(path) = args.input.as_deref() else {
                eprintln!("pathok readerable: give a FILE");
                return ExitCode::from(2);
            };
            match read_page(path) {
                Ok(html) => {
                    println!("{}", pathok::is_probably_readerable(&html));
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("pathok: {e}");
                    ExitCode::from(2)
                }
            }
        }
        "extract" if args.batch => run_batch(&args),
        "extract" => {
            let input = args.input.clone().unwrap_or_else(|| "-".into());
            if input != "-" && Path::new(&input).is_dir() {
                return run_dir(Path::new(&input), &args);
            }
            let html = match read_page(&input) {
                Ok(h) => h,
                Err(e) => {
                    eprintln!("pathok: {e}");
                    return ExitCode::from(2);
                }
            };
            match extract_one(&html, args.url.as_deref()) {
                Ok((article, timing)) => {
                    println!("{}", render(&article, timing, &args.format));
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("pathok: {input}: {e} ({})", e.code());
                    ExitCode::from(1)
                }
            }
        }
        other => {
            eprintln!("pathok: unknown command {other:?}\n\n{HELP}");
            ExitCode::from(2)
        }
    }
}

/// Reads jobs from stdin: a JSON array, or JSON Lines.
fn read_jobs() -> Result<Vec<Value>, String> {
    let mut raw = String::new();
    std::io::stdin().lock().read_to_string(&mut raw).map_err(|e| format!("cannot read stdin: {e}"))?;
    let trimmed = raw.trim_start();
    if trimmed.starts_with('[') {
        return serde_json::from_str::<Vec<Value>>(trimmed).map_err(|e| format!("the job list is not valid JSON: {e}"));
    }
    let mut jobs = Vec::new();
    for (n, line) in raw.as_bytes().lines().enumerate() {
        let line = line.map_err(|e| e.to_string())?;
        if line.trim().is_empty() {
            continue;
        }
        jobs.push(serde_json::from_str(&line).map_err(|e| format!("job line {} is not valid JSON: {e}", n + 1))?);
    }
    Ok(jobs)
}

fn run_job(job: &Value, format: &Format) -> Value {
    let id = job.get("id").cloned().unwrap_or(Value::Null);
    let fail = |error: String| json!({ "id": id.clone(), "ok": false, "error": error });
    let Some(path) = job.get("path").and_then(Value::as_str) else {
        return fail("the job has no \"path\"".into());
    };
    let html = match read_page(path) {
        Ok(h) => h,
        Err(e) => return fail(e),
    };
    let url = job.get("url").and_then(Value::as_str);
    match extract_one(&html, url) {
        Ok((article, timing)) => {
            let mut v = match format {
                Format::Json => article_json(&article, timing),
                _ => json!({ "output": render(&article, timing, format) }),
            };
            let obj = v.as_object_mut().expect("an object");
            let mut out = serde_json::Map::new();
            out.insert("id".into(), id);
            out.insert("ok".into(), Value::Bool(true));
            out.extend(std::mem::take(obj));
            Value::Object(out)
        }
        Err(e) => fail(e.to_string()),
    }
}

fn run_batch(args: &Args) -> ExitCode {
    let jobs = match read_jobs() {
        Ok(j) => j,
        Err(e) => {
            eprintln!("pathok: {e}");
            return ExitCode::from(2);
        }
    };
    // Parallel, but printed in job order: chunks keep memory bounded.
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for chunk in jobs.chunks(64) {
        let results: Vec<Value> = chunk.par_iter().map(|job| run_job(job, &args.format)).collect();
        for r in results {
            if writeln!(out, "{r}").is_err() {
                return ExitCode::SUCCESS; // stdout closed: nothing more to say
            }
        }
    }
    ExitCode::SUCCESS
}

fn run_dir(dir: &Path, args: &Args) -> ExitCode {
    let mut pages: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(entries) => entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
                name.ends_with(".html") || name.ends_with(".htm") || name.ends_with(".html.gz")
            })
            .collect(),
        Err(e) => {
            eprintln!("pathok: cannot read {}: {e}", dir.display());
            return ExitCode::from(2);
        }
    };
    pages.sort();
    if let Some(out) = &args.out {
        if let Err(e) = std::fs::create_dir_all(out) {
            eprintln!("pathok: cannot create {}: {e}", out.display());
            return ExitCode::from(2);
        }
    }
    let total = pages.len();
    let done = std::sync::atomic::AtomicUsize::new(0);
    let progress = |n: usize| {
        let width = 30;
        let filled = if total == 0 { width } else { n * width / total };
        eprint!("\r[{}{}] {n}/{total}", "#".repeat(filled), " ".repeat(width - filled));
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for chunk in pages.chunks(64) {
        let results: Vec<(PathBuf, Value)> = chunk
            .par_iter()
            .map(|p| {
                let job = json!({ "id": p.display().to_string(), "path": p.display().to_string(), "url": args.url });
                let r = run_job(&job, &args.format);
                progress(done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1);
                (p.clone(), r)
            })
            .collect();
        for (path, mut r) in results {
            match &args.out {
                Some(dir) => {
                    let stem = path.file_name().and_then(|n| n.to_str()).unwrap_or("page").trim_end_matches(".gz").trim_end_matches(".html").trim_end_matches(".htm").to_string();
                    let (ext, body) = match (&args.format, r.get("output")) {
                        (Format::Json, _) | (_, None) => ("json", r.to_string()),
                        (Format::Html, Some(o)) => ("html", o.as_str().unwrap_or("").to_string()),
                        (Format::Text, Some(o)) => ("txt", o.as_str().unwrap_or("").to_string()),
                        (Format::Markdown, Some(o)) => ("md", o.as_str().unwrap_or("").to_string()),
                    };
                    if let Err(e) = std::fs::write(dir.join(format!("{stem}.{ext}")), body) {
                        eprintln!("\npathok: cannot write output for {}: {e}", path.display());
                    }
                }
                None => {
                    r["path"] = Value::String(path.display().to_string());
                    let _ = writeln!(out, "{r}");
                }
            }
        }
    }
    eprintln!();
    ExitCode::SUCCESS
}
