//! Settings for [`crate::extract`], each documented with its default.

/// Extraction settings. `Options::default()` is what the extension and the CLI use.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// Minimum characters of text for a found article to be accepted before
    /// the finder retries with relaxed rules. Default: `500` (Readability's value).
    pub char_threshold: usize,
    /// How many top-scoring candidates are compared when looking for a better
    /// common ancestor. Default: `5`.
    pub top_candidates: usize,
    /// Elements nested deeper than this are flattened into their ancestor at
    /// depth `max_depth` (browsers cap near 512; html5ever is quadratic in depth).
    /// Default: `512`.
    pub max_depth: usize,
    /// Keep `class` attributes in the output HTML. Default: `false`.
    pub keep_classes: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options { char_threshold: 500, top_candidates: 5, max_depth: 512, keep_classes: false }
    }
}
