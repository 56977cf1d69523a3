//! Word count and reading time by script.
//!
//! Words are counted with Unicode word segmentation (UAX #29), so Bengali
//! and Devanagari words are not split at vowel signs or virama; Han and
//! kana have no spaces, so each character counts as a word. Reading speeds
//! follow Firefox Reader View's per-language characters-per-minute table
//! (toolkit/components/reader/ReaderMode.sys.mjs, `_getReadingSpeedForLanguage`,
//! from Trauzettel-Klosinski & Dietz 2012); Bengali and Hindi, which it
//! lacks, use its default of 1000 characters per minute.

use unicode_segmentation::UnicodeSegmentation;

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF)
}

/// Words in `text` (each Han/kana character is one).
pub fn word_count(text: &str) -> usize {
    text.unicode_words().map(|w| if w.chars().any(is_cjk) { w.chars().filter(|&c| is_cjk(c)).count().max(1) } else { 1 }).sum()
}

/// Characters per minute and their spread, by language (Firefox's table).
fn chars_per_minute(lang: &str) -> f32 {
    let primary = lang.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
    match primary.as_str() {
        "ar" => 612.0,
        "de" => 920.0,
        "es" => 1025.0,
        "fi" => 1078.0,
        "fr" => 998.0,
        "he" => 833.0,
        "it" => 950.0,
        "jp" | "ja" => 357.0,
        "nl" => 978.0,
        "pl" => 916.0,
        "pt" => 913.0,
        "ru" => 986.0,
        "sk" => 885.0,
        "sv" => 917.0,
        "tr" => 1054.0,
        "zh" => 255.0,
        "en" => 987.0,
        _ => 1000.0,
    }
}

/// Minutes to read `text`: at least 1 for any text, 0 for none.
pub fn reading_minutes(text: &str, lang: Option<&str>) -> u32 {
    let lang = lang.map(str::to_string).or_else(|| crate::metadata::lang::detect_from_text(text).map(str::to_string)).unwrap_or_default();
    let chars = text.chars().filter(|c| !c.is_whitespace()).count();
    if chars == 0 {
        return 0;
    }
    ((chars as f32 / chars_per_minute(&lang)).round() as u32).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_words_in_every_script() {
        assert_eq!(word_count("Hello, world!"), 2);
        assert_eq!(word_count("রাশিয়া আন্তর্জাতিক কূটকৌশলে"), 3);
        assert_eq!(word_count("यह एक परीक्षण है"), 4);
        assert_eq!(word_count("这是中文"), 4);
    }

    #[test]
    fn reading_time_follows_the_language() {
        assert_eq!(reading_minutes("", Some("en")), 0);
        assert_eq!(reading_minutes("word", Some("en")), 1);
        let zh = "中".repeat(2550);
        assert_eq!(reading_minutes(&zh, Some("zh")), 10);
        let en = "abcd ".repeat(2467);
        assert_eq!(reading_minutes(&en, Some("en")), 10);
    }
}
