//! Step 1: what the page says about itself, read before `prepare` strips
//! `<script>` (JSON-LD lives there).
//!
//! Sources per field, best first, as Readability.js's `_getJSONLD` and
//! `_getArticleMetadata` order them: JSON-LD, then `<meta>` (Dublin Core,
//! OpenGraph, Twitter, Parse.ly, Weibo, `name=author`/`description`), then
//! the document (`<title>` cleaned up, `<time datetime>`, visible dates).

pub mod byline;
pub mod date;
mod jsonld;
pub mod lang;
pub mod title;

use std::collections::HashMap;

use html5ever::local_name;
use url::Url;

use crate::dom::{normalize_spaces, Dom, DOCUMENT};

/// Everything metadata gives the article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Metadata {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub site_name: Option<String>,
    pub published: Option<String>,
    pub modified: Option<String>,
    pub lang: Option<String>,
    pub dir: Option<String>,
    pub excerpt: Option<String>,
    pub lead_image: Option<String>,
    /// JSON-LD says `LiveBlogPosting`: every update is content.
    pub is_live_blog: bool,
}

/// Reads the metadata of a freshly parsed page. `base` resolves the lead image.
pub fn read(dom: &Dom, base: Option<&Url>) -> Metadata {
    let values = meta_values(dom);
    let doc_title = document_title(dom);
    let ld = jsonld::read(dom, &doc_title);
    let get = |keys: &[&str]| keys.iter().find_map(|k| values.get(*k).filter(|v| !v.is_empty()).cloned());

    let title = ld
        .title
        .clone()
        .or_else(|| get(&["dc:title", "dcterm:title", "og:title", "weibo:article:title", "weibo:webpage:title", "title", "twitter:title", "parsely-title"]))
        .or_else(|| Some(title::clean_title(&doc_title, dom)).filter(|t| !t.is_empty()));
    let article_author = values.get("article:author").filter(|v| !is_url(v)).cloned();
    let byline = ld
        .byline
        .clone()
        .or_else(|| get(&["dc:creator", "dcterm:creator", "author", "parsely-author"]))
        .or(article_author)
        .and_then(|b| byline::clean_byline(&b));
    let excerpt = ld.excerpt.clone().or_else(|| {
        get(&["dc:description", "dcterm:description", "og:description", "weibo:article:description", "weibo:webpage:description", "description", "twitter:description"])
    });
    let site_name = ld.site_name.clone().or_else(|| get(&["og:site_name", "application-name"]));

    // Dates keep the page's offset; a visible date borrows it when it is the same day.
    let offset_hint = [ld.published.as_deref(), values.get("article:published_time").map(String::as_str)]
        .into_iter()
        .flatten()
        .find_map(date::offset_of);
    let published = ld
        .published
        .as_deref()
        .or(values.get("article:published_time").map(String::as_str))
        .or(values.get("parsely-pub-date").map(String::as_str))
        .or(values.get("dc:date").map(String::as_str))
        .or(values.get("dcterm:created").map(String::as_str))
        .and_then(|d| date::parse_date(d, offset_hint))
        .or_else(|| time_element(dom).and_then(|d| date::parse_date(&d, offset_hint)))
        .or_else(|| date::find_labelled(dom, date::Label::Published, offset_hint));
    let modified = ld
        .modified
        .as_deref()
        .or(values.get("article:modified_time").map(String::as_str))
        .or(values.get("dcterm:modified").map(String::as_str))
        .and_then(|d| date::parse_date(d, offset_hint))
        .or_else(|| date::find_labelled(dom, date::Label::Modified, offset_hint));

    let lead_image = ld
        .image
        .clone()
        .or_else(|| get(&["og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src"]))
        .map(|src| match base {
            Some(b) => b.join(src.trim()).map(|u| u.to_string()).unwrap_or(src),
            None => src,
        });

    let html = dom.html();
    let lang = html
        .and_then(|h| dom.attr(h, "lang").or_else(|| dom.attr(h, "xml:lang")))
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .or_else(|| get(&["content-language", "og:locale"]).map(|l| l.replace('_', "-")))
        .or(ld.lang.clone());
    let dir = html
        .and_then(|h| dom.attr(h, "dir"))
        .or_else(|| dom.body().and_then(|b| dom.attr(b, "dir")))
        .map(|d| d.trim().to_ascii_lowercase())
        .filter(|d| d == "rtl" || d == "ltr");

    Metadata {
        title: title.map(|t| t.trim().to_string()),
        byline,
        site_name: site_name.map(|s| normalize_spaces(&s)),
        published,
        modified,
        lang,
        dir,
        excerpt: excerpt.map(|e| normalize_spaces(&e)),
        lead_image,
        is_live_blog: ld.is_live_blog,
    }
}

/// The `<title>` text as `document.title` gives it: ASCII white space
/// stripped and collapsed, other spaces (U+3000, no-break) kept
/// (<https://html.spec.whatwg.org/multipage/dom.html#document.title>).
pub fn document_title(dom: &Dom) -> String {
    let raw = dom.find(DOCUMENT, &local_name!("title")).map(|t| dom.text_content(t)).unwrap_or_default();
    raw.split(|c: char| c.is_ascii_whitespace()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

fn is_url(s: &str) -> bool {
    Url::parse(s.trim()).is_ok_and(|u| u.scheme() == "http" || u.scheme() == "https")
}

/// `<meta>` values by normalised key (`og:title`, `author`, `dc:creator`…),
/// the last occurrence wins (as in Readability), every token of a
/// space-separated `property` counts.
fn meta_values(dom: &Dom) -> HashMap<String, String> {
    let mut values = HashMap::new();
    for meta in dom.find_all(DOCUMENT, &local_name!("meta")) {
        let Some(content) = dom.attr(meta, "content").map(str::trim).filter(|c| !c.is_empty()) else {
            // `http-equiv=content-language` has content too; nothing else without it.
            continue;
        };
        let mut matched = false;
        if let Some(property) = dom.attr(meta, "property") {
            for token in property.split_whitespace() {
                let key = token.to_lowercase();
                if is_known_property(&key) {
                    values.insert(key, content.to_string());
                    matched = true;
                }
            }
        }
        if !matched {
            if let Some(name) = dom.attr(meta, "name").or_else(|| dom.attr(meta, "itemprop")) {
                let key = name.trim().to_lowercase().replace('.', ":").replace(char::is_whitespace, "");
                values.insert(key, content.to_string());
            } else if let Some(equiv) = dom.attr(meta, "http-equiv") {
                values.entry(equiv.trim().to_lowercase()).or_insert_with(|| content.to_string());
            }
        }
    }
    values
}

fn is_known_property(key: &str) -> bool {
    let prefixes = ["article:", "dc:", "dcterm:", "og:", "twitter:"];
    prefixes.iter().any(|p| key.starts_with(p))
}

/// The first `<time datetime>` in the body, a weak fallback for `published`.
fn time_element(dom: &Dom) -> Option<String> {
    let body = dom.body()?;
    dom.descendants(body)
        .filter(|&d| dom.is(d, &local_name!("time")))
        .find_map(|t| dom.attr(t, "datetime").map(str::to_string).or_else(|| Some(dom.text_content(t))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_html;

    #[test]
    fn reads_opengraph_and_jsonld_with_the_page_offset() {
        let html = r#"<html lang="bn"><head><title>শিরোনাম | সাইট</title>
            <meta property="og:site_name" content="সাইট"><meta property="og:image" content="/a.jpg">
            <meta property="article:published_time" content="2025-01-18T10:08:00+06:00">
            <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"শিরোনাম","author":{"@type":"Person","name":"ডেস্ক"}}</script>
            </head><body><p>x</p></body></html>"#;
        let dom = parse_html(html, 512);
        let base = Url::parse("https://example.com/n/1").unwrap();
        let m = read(&dom, Some(&base));
        assert_eq!(m.title.as_deref(), Some("শিরোনাম"));
        assert_eq!(m.byline.as_deref(), Some("ডেস্ক"));
        assert_eq!(m.site_name.as_deref(), Some("সাইট"));
        assert_eq!(m.published.as_deref(), Some("2025-01-18T10:08:00+06:00"));
        assert_eq!(m.lead_image.as_deref(), Some("https://example.com/a.jpg"));
        assert_eq!(m.lang.as_deref(), Some("bn"));
    }

    #[test]
    fn space_separated_properties_each_count() {
        let dom = parse_html(r#"<head><meta property="x og:title twitter:title" content="Both"></head>"#, 512);
        assert_eq!(read(&dom, None).title.as_deref(), Some("Both"));
    }
}
