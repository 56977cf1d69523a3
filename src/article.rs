//! The result of [`crate::extract`].

use serde::Serialize;

/// An extracted article. Serializes to camelCase JSON (the CLI's and the
/// WASM API's shape).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Article {
    /// The article's title, cleaned of site-name suffixes.
    pub title: String,
    /// The author(s), as the page names them.
    pub byline: Option<String>,
    /// The publication's name.
    pub site_name: Option<String>,
    /// Publication time, ISO 8601, keeping the page's UTC offset when it gives one
    /// (a date alone stays a date: `2025-01-18`).
    pub published: Option<String>,
    /// Last modification time, same form as `published`.
    pub modified: Option<String>,
    /// BCP 47 language tag (`bn`, `en-US`), from markup or detected from the text.
    pub lang: Option<String>,
    /// Text direction: `ltr` or `rtl`.
    pub dir: Option<String>,
    /// A short summary: the page's description or the first paragraph.
    pub excerpt: Option<String>,
    /// Absolute URL of the lead image.
    pub lead_image: Option<String>,
    /// The article body as clean, sanitized HTML (no scripts, no handlers).
    pub content: String,
    /// The article body as plain text, paragraphs separated by blank lines.
    pub text: String,
    /// Words in `text`, counted with Unicode word segmentation (so Bengali
    /// and Devanagari words are not split at vowel signs; CJK counts characters).
    pub word_count: usize,
    /// Estimated reading time in minutes, at the pace of the text's script.
    pub reading_minutes: u32,
    /// Whether the page looks like an article (see [`crate::is_probably_readerable`]).
    pub readerable: bool,
}
