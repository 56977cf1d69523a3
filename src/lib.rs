//! # Pathok: an HTML page in, the article out
//!
//! Pathok is the core of a reader-mode extension: given a page's HTML and its
//! URL it finds the article (title, byline, dates, lead image, body) and
//! returns it as plain structs. The same code runs natively (the `pathok` CLI,
//! the tests) and in the browser as WebAssembly (`src/web/`, target-gated).
//!
//! ```no_run
//! let html = std::fs::read_to_string("page.html").unwrap();
//! let article = pathok::extract(&html, Some("https://example.com/a"), &pathok::Options::default())?;
//! println!("{}\n\n{}", article.title, article.text);
//! # Ok::<(), pathok::Error>(())
//! ```
//!
//! The pipeline (see [`extract`]) is a list of named steps, one module each:
//! parse → metadata → prepare → find → clean → sanitize → render.

mod article;
mod error;
mod options;

pub use article::Article;
pub use error::Error;
pub use options::Options;

/// Extracts the article from a page.
///
/// `url` is the page's address, used to resolve relative links and images
/// (a `<base href>` in the page wins, as in browsers).
pub fn extract(html: &str, url: Option<&str>, options: &Options) -> Result<Article, Error> {
    extract_document(Document::parse(html, options)?, url, options)
}

/// A cheap check: does this page look like a single article worth a reader view?
///
/// Says no on section fronts and listing pages, where the text is split over
/// many short teasers rather than one body.
pub fn is_probably_readerable(html: &str) -> bool {
    readerable::is_probably_readerable(html)
}

mod clean;
pub mod dom;
mod extract;
pub(crate) mod find;
pub mod metadata;
mod parse;
mod patterns;
mod prepare;
mod readerable;
pub mod render;
mod sanitize;
pub mod serialize;

pub use extract::{extract_document, Document};
pub use parse::parse_html;
