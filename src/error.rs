//! Why an extraction failed.

/// Everything [`crate::extract`] can fail with. Never a panic: bad input gets
/// one of these, with a stable [`Error::code`] for the WASM boundary.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// The input was empty or only whitespace.
    #[error("the page is empty")]
    EmptyInput,
    /// The input does not look like HTML (binary data, or text with no markup).
    #[error("the input is not HTML: {reason}")]
    NotHtml { reason: String },
    /// The page parsed, but no article could be found in it.
    #[error("no article found: {reason}")]
    NoArticle { reason: String },
}

impl Error {
    /// A stable, machine-readable code: `empty-input`, `not-html`, `no-article`.
    pub fn code(&self) -> &'static str {
        match self {
            Error::EmptyInput => "empty-input",
            Error::NotHtml { .. } => "not-html",
            Error::NoArticle { .. } => "no-article",
        }
    }
}
