//! Language and direction when the markup does not say.

/// The language of `text` by its dominant script, when one clearly
/// dominates; `None` for Latin text (the script alone can't tell).
pub fn detect_from_text(text: &str) -> Option<&'static str> {
    let mut counts = [0usize; 11];
    let mut letters = 0usize;
    for c in text.chars().take(20_000) {
        if !c.is_alphabetic() {
            continue;
        }
        letters += 1;
        let i = match c as u32 {
            0x0980..=0x09FF => 0,          // Bengali
            0x0900..=0x097F => 1,          // Devanagari
            0x0600..=0x06FF | 0x0750..=0x077F | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => 2, // Arabic
            0x0590..=0x05FF => 3,          // Hebrew
            0x0E00..=0x0E7F => 4,          // Thai
            0x3040..=0x30FF => 5,          // Kana
            0xAC00..=0xD7AF | 0x1100..=0x11FF => 6, // Hangul
            0x4E00..=0x9FFF | 0x3400..=0x4DBF => 7, // Han
            0x0400..=0x04FF => 8,          // Cyrillic
            0x0B80..=0x0BFF => 9,          // Tamil
            0x0370..=0x03FF => 10,         // Greek
            _ => continue,
        };
        counts[i] += 1;
    }
    if letters == 0 {
        return None;
    }
    let share = |i: usize| counts[i] as f32 / letters as f32;
    // Japanese mixes kana into Han text.
    if share(5) > 0.05 && share(5) + share(7) > 0.4 {
        return Some("ja");
    }
    const LANGS: [&str; 11] = ["bn", "hi", "ar", "he", "th", "ja", "ko", "zh", "ru", "ta", "el"];
    (0..11).filter(|&i| share(i) > 0.4).max_by_key(|&i| counts[i]).map(|i| LANGS[i])
}

/// `rtl` for right-to-left languages, else `ltr`.
pub fn dir_for_lang(lang: &str) -> &'static str {
    let primary = lang.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
    match primary.as_str() {
        "ar" | "he" | "iw" | "fa" | "ur" | "ps" | "yi" | "dv" | "ckb" | "sd" | "ug" | "syr" => "rtl",
        _ => "ltr",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_scripts_and_directions() {
        assert_eq!(detect_from_text("রাশিয়া আন্তর্জাতিক কূটকৌশলে"), Some("bn"));
        assert_eq!(detect_from_text("यह एक परीक्षण है"), Some("hi"));
        assert_eq!(detect_from_text("هذا اختبار"), Some("ar"));
        assert_eq!(detect_from_text("これは日本語の文章です"), Some("ja"));
        assert_eq!(detect_from_text("这是中文文章"), Some("zh"));
        assert_eq!(detect_from_text("plain English"), None);
        assert_eq!(dir_for_lang("ar-EG"), "rtl");
        assert_eq!(dir_for_lang("bn"), "ltr");
    }
}
