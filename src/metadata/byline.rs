//! Bylines: prefixes ("By", "লিখেছেন", "द्वारा", "بقلم") and junk removed.

/// Cleans a byline; `None` when nothing plausible is left (a URL, too long).
pub fn clean_byline(text: &str) -> Option<String> {
    let t = crate::dom::normalize_spaces(text);
    let lower = t.to_lowercase();
    let mut s = t.as_str();
    for prefix in ["by ", "by:", "written by ", "লিখেছেন ", "লেখক:", "বাই ", "द्वारा ", "लेखक:", "بقلم ", "كتب ", "作者：", "作者:"] {
        if lower.starts_with(prefix) {
            s = t.get(prefix.len()..).unwrap_or("").trim_start();
            break;
        }
    }
    let s = s.trim().trim_end_matches(['|', ',', '-', '–']).trim();
    if s.is_empty() || s.chars().count() > 100 || s.starts_with("http://") || s.starts_with("https://") {
        return None;
    }
    Some(s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_prefixes_and_rejects_junk() {
        assert_eq!(clean_byline("By  Jane Doe ").as_deref(), Some("Jane Doe"));
        assert_eq!(clean_byline("কালবেলা ডেস্ক").as_deref(), Some("কালবেলা ডেস্ক"));
        assert_eq!(clean_byline("https://example.com/me"), None);
        assert_eq!(clean_byline(""), None);
    }
}
