//! Step 7: the article as text, Markdown, and reading time.

pub mod markdown;
pub mod reading_time;
pub mod text;

pub use markdown::html_to_markdown;
