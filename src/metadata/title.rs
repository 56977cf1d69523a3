//! Title cleanup: Readability's `_getArticleTitle`, so the Mozilla test
//! pages keep their titles (site-name suffixes and prefixes removed at
//! separators, with the word-count guards that keep real titles whole).

use html5ever::local_name;

use crate::dom::{normalize_spaces, Dom, DOCUMENT};

const SEPARATORS: [char; 8] = ['|', '-', '–', '—', '\\', '/', '>', '»'];
const HIERARCHICAL: [char; 4] = ['\\', '/', '>', '»'];

fn word_count(s: &str) -> usize {
    // JS `str.split(/\s+/).length` counts empty edges too.
    s.split(char::is_whitespace).filter(|w| !w.is_empty()).count().max(1)
        + usize::from(s.starts_with(char::is_whitespace))
        + usize::from(s.ends_with(char::is_whitespace) && !s.trim().is_empty())
}

/// Byte positions of ` X ` where X is a separator, as (start, separator).
fn separator_positions(s: &str) -> Vec<(usize, char)> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut out = Vec::new();
    for w in chars.windows(3) {
        if w[0].1.is_whitespace() && SEPARATORS.contains(&w[1].1) && w[2].1.is_whitespace() {
            out.push((w[0].0, w[1].1));
        }
    }
    out
}

/// Readability's `replace(/\s{2,}/g, " ")`: runs of two or more white
/// space characters become one space; a lone no-break space stays.
fn collapse_runs(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut run = String::new();
    for c in s.chars() {
        if c.is_whitespace() {
            run.push(c);
            continue;
        }
        match run.chars().count() {
            0 => {}
            1 => out.push_str(&run),
            _ => out.push(' '),
        }
        run.clear();
        out.push(c);
    }
    out
}

/// Cleans a `<title>` the way Readability does.
pub fn clean_title(orig: &str, dom: &Dom) -> String {
    let orig = orig.trim();
    let mut cur = orig.to_string();
    let mut had_hierarchical = false;
    let seps = separator_positions(orig);
    if let Some(&(last, _)) = seps.last() {
        had_hierarchical = seps.iter().any(|(_, c)| HIERARCHICAL.contains(c));
        cur = orig[..last].to_string();
        if word_count(&cur) < 3 {
            // Too short: drop the first part instead.
            if let Some(i) = orig.find(|c| SEPARATORS.contains(&c)) {
                let ch = orig[i..].chars().next().map_or(1, char::len_utf8);
                cur = orig[i + ch..].to_string();
            }
        }
    } else if cur.contains(": ") {
        let trimmed = cur.trim().to_string();
        let heading_match = dom
            .descendants(DOCUMENT)
            .filter(|&d| dom.is(d, &local_name!("h1")) || dom.is(d, &local_name!("h2")))
            .any(|h| dom.text_content(h).trim() == trimmed);
        if !heading_match {
            let after_last = &orig[orig.rfind(':').map_or(0, |i| i + 1)..];
            cur = after_last.to_string();
            if word_count(&cur) < 3 {
                cur = orig[orig.find(':').map_or(0, |i| i + 1)..].to_string();
            } else if word_count(&orig[..orig.find(':').unwrap_or(0)]) > 5 {
                cur = orig.to_string();
            }
        }
    } else if cur.encode_utf16().count() > 150 || cur.encode_utf16().count() < 15 {
        let h1s = dom.find_all(DOCUMENT, &local_name!("h1"));
        if h1s.len() == 1 {
            cur = normalize_spaces(&dom.text_content(h1s[0]));
        }
    }
    let cur = collapse_runs(cur.trim());
    let cur_words = word_count(&cur);
    let without_seps: String = {
        let mut s = orig.to_string();
        for (pos, _) in separator_positions(orig).into_iter().rev() {
            let end = pos + orig[pos..].char_indices().nth(3).map_or(orig.len() - pos, |(i, _)| i);
            s.replace_range(pos..end, "");
        }
        s
    };
    if cur_words <= 4 && (!had_hierarchical || cur_words != word_count(&without_seps) - 1) {
        return orig.to_string();
    }
    cur
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_html;

    fn clean(t: &str) -> String {
        clean_title(t, &parse_html("<p>x</p>", 512))
    }

    #[test]
    fn drops_site_suffixes_but_keeps_short_titles() {
        assert_eq!(clean("Get your Frontend JavaScript Code Covered | Code | Nicolas Perriault"), "Get your Frontend JavaScript Code Covered | Code");
        assert_eq!(clean("Short | Site"), "Short | Site");
        assert_eq!(clean("যুক্তরাষ্ট্রের শত্রু দেশগুলোর সঙ্গে রাশিয়ার সম্পর্ক জোরদার | কালবেলা"), "যুক্তরাষ্ট্রের শত্রু দেশগুলোর সঙ্গে রাশিয়ার সম্পর্ক জোরদার");
    }
}
