//! Dates to ISO 8601, keeping the page's UTC offset.
//!
//! No date crate reads non-English dates, so digits of every script are
//! folded to ASCII and month names (English, Bengali, Hindi, Arabic, Urdu)
//! mapped to numbers here, then chrono (default features off: no clock, no
//! time zone database) validates the result. Forms kept as given: a date
//! alone stays `YYYY-MM-DD`; a time without an offset stays without one
//! (unless the page's other dates say which offset it uses); `Z` stays `Z`.

use std::sync::LazyLock;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime};
use regex::Regex;
use html5ever::local_name;

use crate::dom::{normalize_spaces, Dom};

/// Folds the decimal digits of Bengali, Devanagari, Arabic-Indic, Extended
/// Arabic-Indic (Persian/Urdu), Gurmukhi, Gujarati, Tamil, Thai and
/// fullwidth forms to ASCII.
pub fn fold_digits(s: &str) -> String {
    const ZEROS: [u32; 10] = [0x09E6, 0x0966, 0x0660, 0x06F0, 0x0A66, 0x0AE6, 0x0BE6, 0x0E50, 0xFF10, 0x0B66];
    s.chars()
        .map(|c| {
            let u = c as u32;
            ZEROS
                .iter()
                .find(|&&z| (z..z + 10).contains(&u))
                .map_or(c, |&z| char::from_digit(u - z, 10).unwrap_or(c))
        })
        .collect()
}

/// Month names by number, in the scripts we read.
const MONTHS: [(&str, u32); 67] = [
    ("january", 1), ("february", 2), ("march", 3), ("april", 4), ("may", 5), ("june", 6), ("july", 7),
    ("august", 8), ("september", 9), ("october", 10), ("november", 11), ("december", 12),
    ("sept", 9), ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("jun", 6), ("jul", 7), ("aug", 8),
    ("sep", 9), ("oct", 10), ("nov", 11), ("dec", 12),
    // Bengali (Gregorian), with the common spelling variants.
    ("জানুয়ারি", 1), ("জানুয়ারী", 1), ("ফেব্রুয়ারি", 2), ("ফেব্রুয়ারী", 2), ("মার্চ", 3), ("এপ্রিল", 4), ("মে", 5),
    ("জুন", 6), ("জুলাই", 7), ("আগস্ট", 8), ("আগষ্ট", 8), ("সেপ্টেম্বর", 9), ("অক্টোবর", 10), ("নভেম্বর", 11), ("ডিসেম্বর", 12),
    // Hindi.
    ("जनवरी", 1), ("फ़रवरी", 2), ("फरवरी", 2), ("मार्च", 3), ("अप्रैल", 4), ("मई", 5), ("जून", 6), ("जुलाई", 7),
    ("अगस्त", 8), ("सितंबर", 9), ("अक्टूबर", 10), ("नवंबर", 11), ("दिसंबर", 12),
    // Arabic (Egyptian/Gulf names; Levantine ones below).
    ("يناير", 1), ("فبراير", 2), ("مارس", 3), ("أبريل", 4), ("مايو", 5), ("يونيو", 6), ("يوليو", 7),
    ("أغسطس", 8), ("سبتمبر", 9), ("أكتوبر", 10), ("نوفمبر", 11), ("ديسمبر", 12),
    ("كانون الثاني", 1), ("شباط", 2), ("آذار", 3),
];

/// Finds a month name in `s` (longest match first), returning (month, byte range).
fn find_month(s: &str) -> Option<(u32, usize, usize)> {
    let lower = s.to_lowercase();
    let mut best: Option<(u32, usize, usize)> = None;
    for (name, m) in MONTHS {
        let mut from = 0;
        while let Some(i) = lower[from..].find(name) {
            let start = from + i;
            let end = start + name.len();
            // Whole words only for Latin names ("mar" in "market" is no month).
            let before_ok = lower[..start].chars().next_back().is_none_or(|c| !c.is_alphabetic());
            let after_ok = lower[end..].chars().next().is_none_or(|c| !c.is_alphabetic() || !name.is_ascii());
            if before_ok && after_ok && best.is_none_or(|(_, bs, be)| end - start > be - bs) {
                best = Some((m, start, end));
            }
            from = end;
        }
    }
    best
}

/// The UTC offset written in an ISO date, if any.
pub fn offset_of(iso: &str) -> Option<FixedOffset> {
    DateTime::parse_from_rfc3339(iso.trim()).ok().map(|d| *d.offset())
}

/// Parses a machine or human date to ISO 8601 (see the module doc).
/// `page_offset` is used for a time of day given without an offset.
pub fn parse_date(text: &str, page_offset: Option<FixedOffset>) -> Option<String> {
    let folded = fold_digits(text.trim());
    let t = folded.trim();
    if t.is_empty() {
        return None;
    }
    // RFC 3339 / ISO with offset or Z: keep exactly.
    if let Ok(d) = DateTime::parse_from_rfc3339(t) {
        let s = d.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true);
        return Some(if t.ends_with('Z') || t.ends_with('z') { s } else { s.replace('Z', "+00:00") });
    }
    for fmt in ["%Y-%m-%dT%H:%M:%S%.f%z", "%Y-%m-%dT%H:%M%z", "%Y-%m-%d %H:%M:%S%z", "%Y-%m-%dT%H:%M:%S%.f%:z"] {
        if let Ok(d) = DateTime::parse_from_str(t, fmt) {
            return Some(d.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, false));
        }
    }
    for fmt in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M"] {
        if let Ok(d) = NaiveDateTime::parse_from_str(t, fmt) {
            return Some(with_offset(d, page_offset));
        }
    }
    if let Ok(d) = NaiveDate::parse_from_str(t.get(..10).unwrap_or(t), "%Y-%m-%d") {
        if t.len() == 10 {
            return Some(d.format("%Y-%m-%d").to_string());
        }
    }
    parse_human(t, page_offset)
}

fn with_offset(d: NaiveDateTime, offset: Option<FixedOffset>) -> String {
    match offset.and_then(|o| d.and_local_timezone(o).single()) {
        Some(dt) => dt.to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
        None => d.format("%Y-%m-%dT%H:%M:%S").to_string(),
    }
}

/// "18 January 2025, 10:08 AM", "১৮ জানুয়ারি ২০২৫, ১০:০৮ এএম",
/// "January 18, 2025", "2025年1月18日 10:08".
fn parse_human(t: &str, page_offset: Option<FixedOffset>) -> Option<String> {
    let numbers: Vec<(usize, u32)> = {
        let mut v = Vec::new();
        let mut cur: Option<(usize, u32)> = None;
        for (i, c) in t.char_indices() {
            match (c.to_digit(10), cur) {
                (Some(d), Some((s, n))) => cur = Some((s, n.saturating_mul(10).saturating_add(d))),
                (Some(d), None) => cur = Some((i, d)),
                (None, Some(x)) => {
                    v.push(x);
                    cur = None;
                }
                _ => {}
            }
        }
        v.extend(cur);
        v
    };
    let (year, month, day, rest_from) = if let Some((m, ms, me)) = find_month(t) {
        let year_pos = numbers.iter().position(|&(_, n)| (1900..2200).contains(&n))?;
        let year = numbers[year_pos].1;
        let day = numbers.iter().enumerate().find(|&(i, &(_, n))| i != year_pos && (1..=31).contains(&n) && numbers[i].0 < ms.max(numbers[year_pos].0))
            .or_else(|| numbers.iter().enumerate().find(|&(i, &(_, n))| i != year_pos && (1..=31).contains(&n)))
            .map(|(i, &(_, n))| (i, n))?;
        let after = year_pos.max(day.0) + 1;
        let _ = me;
        (year, m, day.1, after)
    } else if let (Some(y), Some(mo), Some(d)) = (t.find('年'), t.find('月'), t.find('日')) {
        let num = |s: &str| s.trim().rsplit(|c: char| !c.is_ascii_digit()).next().and_then(|x| x.parse::<u32>().ok());
        let year = num(&t[..y])?;
        let month = num(&t[y + '年'.len_utf8()..mo])?;
        let day = num(&t[mo + '月'.len_utf8()..d])?;
        let after = numbers.iter().position(|&(i, _)| i > d).unwrap_or(numbers.len());
        (year, month, day, after)
    } else {
        return None;
    };
    let date = NaiveDate::from_ymd_opt(year as i32, month, day)?;
    // A time after the date: hh:mm with an optional AM/PM marker in any script.
    let time = numbers.get(rest_from..).and_then(|rest| {
        let (hpos, h) = *rest.first()?;
        let &(_, m) = rest.get(1)?;
        let between = &t[hpos..];
        if !between.contains(':') && !between.contains('ঃ') {
            return None;
        }
        let tail = t[hpos..].to_lowercase();
        let pm = ["pm", "p.m", "পিএম", "অপরাহ্ণ", "বিকাল", "রাত", "अपराह्न", "शाम", "م"].iter().any(|w| tail.contains(w));
        let am = ["am", "a.m", "এএম", "পূর্বাহ্ণ", "সকাল", "पूर्वाह्न", "सुबह", "ص"].iter().any(|w| tail.contains(w));
        let hour = match (h, pm, am) {
            (12, false, true) => 0,
            (h, true, false) if h < 12 => h + 12,
            (h, _, _) => h,
        };
        NaiveTime::from_hms_opt(hour, m, 0)
    });
    Some(match time {
        Some(tm) => with_offset(date.and_time(tm), page_offset),
        None => date.format("%Y-%m-%d").to_string(),
    })
}

/// Which labelled date to look for in the page's visible text.
#[derive(Copy, Clone, PartialEq, Eq)]
pub enum Label {
    Published,
    Modified,
}

const PUBLISHED_LABELS: [&str; 12] =
    ["published", "posted", "প্রকাশ", "প্রকাশিত", "প্রকাশের সময়", "प्रकाशित", "प्रकाशन", "نشر", "نُشر", "تاريخ النشر", "发布", "公開"];
const MODIFIED_LABELS: [&str; 9] = ["updated", "modified", "last updated", "আপডেট", "হালনাগাদ", "अपडेट", "تحديث", "更新", "修改"];

fn label_pattern(labels: &[&str]) -> Regex {
    let alternatives: Vec<String> = labels.iter().map(|l| regex::escape(l)).collect();
    Regex::new(&format!("(?i){}", alternatives.join("|"))).expect("label pattern compiles")
}

/// A date written after a label such as "প্রকাশ :" or "Updated:" in the
/// page's visible text (pages that give no machine-readable date).
pub fn find_labelled(dom: &Dom, label: Label, page_offset: Option<FixedOffset>) -> Option<String> {
    // One case-insensitive scan per text node; nothing is allocated unless a
    // label is there.
    static PUBLISHED: LazyLock<Regex> = LazyLock::new(|| label_pattern(&PUBLISHED_LABELS));
    static MODIFIED: LazyLock<Regex> = LazyLock::new(|| label_pattern(&MODIFIED_LABELS));
    let pattern: &Regex = if label == Label::Published { &PUBLISHED } else { &MODIFIED };
    let body = dom.body()?;
    let mut walk = dom.descendants(body);
    while let Some(id) = walk.next() {
        if dom.is(id, &local_name!("script")) || dom.is(id, &local_name!("style")) {
            walk.skip_subtree(id);
            continue;
        }
        let Some(text) = dom.text(id) else { continue };
        if text.len() > 600 {
            continue;
        }
        let Some(m) = pattern.find(text) else { continue };
        let after = normalize_spaces(&text[m.end()..]);
        let after = after.trim_start_matches(|c: char| c == ':' || c == '：' || c.is_whitespace() || c == '-');
        if let Some(d) = parse_date(after, page_offset) {
            return Some(d);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plus6() -> Option<FixedOffset> {
        FixedOffset::east_opt(6 * 3600)
    }

    #[test]
    fn bengali_visible_date_with_the_page_offset() {
        assert_eq!(parse_date("১৮ জানুয়ারি ২০২৫, ১০:০৮ এএম", plus6()).as_deref(), Some("2025-01-18T10:08:00+06:00"));
        assert_eq!(parse_date("১৮ জানুয়ারি ২০২৫, ০৩:১৪ পিএম", plus6()).as_deref(), Some("2025-01-18T15:14:00+06:00"));
        assert_eq!(parse_date("১৮ জানুয়ারি ২০২৫", None).as_deref(), Some("2025-01-18"));
    }

    #[test]
    fn machine_dates_keep_their_offset() {
        assert_eq!(parse_date("2025-01-18T10:08:00+06:00", None).as_deref(), Some("2025-01-18T10:08:00+06:00"));
        assert_eq!(parse_date("2025-01-18T04:08:00Z", None).as_deref(), Some("2025-01-18T04:08:00Z"));
        assert_eq!(parse_date("2025-01-18", None).as_deref(), Some("2025-01-18"));
        assert_eq!(parse_date("2025-01-18T10:08:00", None).as_deref(), Some("2025-01-18T10:08:00"));
    }

    #[test]
    fn english_hindi_arabic_and_cjk_dates() {
        assert_eq!(parse_date("January 18, 2025 10:08 PM", None).as_deref(), Some("2025-01-18T22:08:00"));
        assert_eq!(parse_date("18 जनवरी 2025", None).as_deref(), Some("2025-01-18"));
        assert_eq!(parse_date("١٨ يناير ٢٠٢٥", None).as_deref(), Some("2025-01-18"));
        assert_eq!(parse_date("2025年1月18日 10:08", None).as_deref(), Some("2025-01-18T10:08:00"));
        assert_eq!(parse_date("no date here", None), None);
    }

    #[test]
    fn digits_of_every_script_fold() {
        assert_eq!(fold_digits("১২৩ १२३ ١٢٣ ۱۲۳ １２３"), "123 123 123 123 123");
    }
}
