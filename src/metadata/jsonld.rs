//! schema.org JSON-LD (Readability's `_getJSONLD`, plus `dateModified`,
//! `image`, `inLanguage`, `@graph` arrays and live blogs).

use html5ever::local_name;
use serde_json::Value;

use crate::dom::{Dom, DOCUMENT};
use crate::find::text_similarity;

use super::title::clean_title;

#[derive(Default, Debug)]
pub struct JsonLd {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub excerpt: Option<String>,
    pub site_name: Option<String>,
    pub published: Option<String>,
    pub modified: Option<String>,
    pub image: Option<String>,
    pub lang: Option<String>,
    pub is_live_blog: bool,
}

/// Readability's `jsonLdArticleTypes`.
const ARTICLE_TYPES: [&str; 21] = [
    "Article", "AdvertiserContentArticle", "NewsArticle", "AnalysisNewsArticle", "AskPublicNewsArticle",
    "BackgroundNewsArticle", "OpinionNewsArticle", "ReportageNewsArticle", "ReviewNewsArticle", "Report",
    "SatiricalArticle", "ScholarlyArticle", "MedicalScholarlyArticle", "SocialMediaPosting", "BlogPosting",
    "LiveBlogPosting", "DiscussionForumPosting", "TechArticle", "APIReference", "WebPage", "Recipe",
];

fn is_article_type(v: &Value) -> bool {
    let check = |s: &str| ARTICLE_TYPES[..19].contains(&s);
    match v.get("@type") {
        Some(Value::String(s)) => check(s),
        Some(Value::Array(a)) => a.iter().any(|t| t.as_str().is_some_and(check)),
        _ => false,
    }
}

fn str_of(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        _ => None,
    }
}

/// Names of one author or several (`"A"`, `{"name": "A"}`, `[{…}, {…}]`).
fn names(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.trim().to_string()),
        Value::Object(_) => str_of(v.get("name")),
        Value::Array(a) => {
            let all: Vec<String> = a.iter().filter_map(|x| if x.is_object() { str_of(x.get("name")) } else { None }).collect();
            (!all.is_empty()).then(|| all.join(", "))
        }
        _ => None,
    }
    .filter(|s| !s.is_empty())
}

fn image_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Object(_) => str_of(v.get("url")).or_else(|| str_of(v.get("contentUrl"))),
        Value::Array(a) => a.iter().find_map(image_of),
        _ => None,
    }
}

/// Reads the first article-typed JSON-LD object in the page.
pub fn read(dom: &Dom, doc_title: &str) -> JsonLd {
    for script in dom.find_all(DOCUMENT, &local_name!("script")) {
        if !dom.attr(script, "type").is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) {
            continue;
        }
        let raw = dom.text_content(script);
        let raw = raw.trim().trim_start_matches("<![CDATA[").trim_end_matches("]]>");
        let Ok(parsed) = serde_json::from_str::<Value>(raw) else { continue };
        let candidates: Vec<&Value> = match &parsed {
            Value::Array(items) => items.iter().collect(),
            other => vec![other],
        };
        for item in candidates {
            let found = if is_article_type(item) {
                Some(item)
            } else {
                item.get("@graph").and_then(Value::as_array).and_then(|g| g.iter().find(|x| is_article_type(x)))
            };
            if let Some(article) = found {
                return from_article(article, dom, doc_title);
            }
        }
    }
    JsonLd::default()
}

fn from_article(a: &Value, dom: &Dom, doc_title: &str) -> JsonLd {
    let name = str_of(a.get("name"));
    let headline = str_of(a.get("headline"));
    // Both given and different: the one that matches the page title
    // (Readability: headline only when it matches and name does not).
    let title = match (name, headline) {
        (Some(n), Some(h)) if n != h => {
            let page_title = clean_title(doc_title, dom);
            let name_matches = text_similarity(&n, &page_title) > 0.75;
            let headline_matches = text_similarity(&h, &page_title) > 0.75;
            Some(if headline_matches && !name_matches { h } else { n })
        }
        (Some(n), _) => Some(n),
        (None, h) => h,
    };
    let is_live_blog = a.get("@type").and_then(Value::as_str) == Some("LiveBlogPosting");
    JsonLd {
        title: title.map(|t| unescape(&t)),
        byline: a.get("author").and_then(names).map(|b| unescape(&b)),
        excerpt: str_of(a.get("description")).map(|d| unescape(&d)),
        site_name: a.get("publisher").and_then(|p| str_of(p.get("name"))).map(|s| unescape(&s)),
        published: str_of(a.get("datePublished")),
        modified: str_of(a.get("dateModified")),
        image: a.get("image").and_then(image_of),
        lang: str_of(a.get("inLanguage")),
        is_live_blog,
    }
}

/// JSON-LD strings sometimes carry HTML entities (Readability unescapes them).
pub fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest.find(';').filter(|&e| e < 10);
        let decoded = end.and_then(|e| {
            let ent = &rest[1..e];
            let ch = match ent {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                _ if ent.starts_with("#x") || ent.starts_with("#X") => u32::from_str_radix(&ent[2..], 16).ok().and_then(char::from_u32),
                _ if ent.starts_with('#') => ent[1..].parse::<u32>().ok().and_then(char::from_u32),
                _ => None,
            };
            ch.map(|c| (c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_html;

    #[test]
    fn reads_graph_arrays_authors_and_entities() {
        let html = r#"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"S"},{"@type":"BlogPosting","headline":"A &amp; B","author":[{"name":"X"},{"name":"Y"}],"image":{"url":"i.jpg"},"publisher":{"name":"Pub"}}]}</script>"#;
        let ld = read(&parse_html(html, 512), "A & B");
        assert_eq!(ld.title.as_deref(), Some("A & B"));
        assert_eq!(ld.byline.as_deref(), Some("X, Y"));
        assert_eq!(ld.image.as_deref(), Some("i.jpg"));
        assert_eq!(ld.site_name.as_deref(), Some("Pub"));
    }

    #[test]
    fn broken_json_is_skipped() {
        let ld = read(&parse_html(r#"<script type="application/ld+json">{"@type": </script>"#, 512), "");
        assert!(ld.title.is_none());
    }
}
