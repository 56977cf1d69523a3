//! The pipeline: each step in order, nothing else.

use url::Url;

use crate::article::Article;
use crate::dom::Dom;
use crate::error::Error;
use crate::options::Options;
use crate::{clean, find, parse, prepare, readerable};

/// A page parsed once, ready for [`extract_document`].
pub struct Document {
    pub(crate) dom: Dom,
}

impl Document {
    /// Parses `html` (nesting capped at `options.max_depth`).
    pub fn parse(html: &str, options: &Options) -> Result<Document, Error> {
        check_input(html)?;
        Ok(Document { dom: parse::parse_html(html, options.max_depth) })
    }
}

/// Rejects input that is not worth parsing, with the reason.
fn check_input(html: &str) -> Result<(), Error> {
    if html.trim().is_empty() {
        return Err(Error::EmptyInput);
    }
    // Binary data: control characters other than whitespace in the first KiB.
    let head: String = html.chars().take(1024).collect();
    let controls = head.chars().filter(|&c| c.is_control() && !c.is_whitespace()).count();
    if controls * 10 > head.chars().count() {
        return Err(Error::NotHtml { reason: "the input looks like binary data".into() });
    }
    if !html.contains('<') {
        return Err(Error::NotHtml { reason: "the input has no markup".into() });
    }
    Ok(())
}

/// Runs every step after parsing.
pub fn extract_document(doc: Document, url: Option<&str>, options: &Options) -> Result<Article, Error> {
    let mut dom = doc.dom;
    let base = base_url(&dom, url.and_then(|u| Url::parse(u).ok()));
    let meta = crate::metadata::read(&dom, base.as_ref());
    let readerable = readerable::is_readerable(&dom);
    prepare::prepare(&mut dom);
    let title = meta.title.clone().unwrap_or_default();
    let found = find::find_article(&dom, &title, meta.byline.is_none(), options)
        .ok_or_else(|| Error::NoArticle { reason: "the page has no block of text long enough to be an article".into() })?;
    let find::Found { mut dom, root, byline, .. } = found;
    clean::remove_boilerplate(&mut dom, root);
    clean::post_process(&mut dom, root, base.as_ref());
    crate::sanitize::sanitize(&mut dom, root, base.as_ref(), &crate::sanitize::SanitizeOptions { keep_classes: options.keep_classes });
    let text = crate::render::text::to_text(&dom, root);
    if text.trim().is_empty() {
        return Err(Error::NoArticle { reason: "the article found has no text".into() });
    }
    let content = crate::serialize::inner_html(&dom, root);
    let lang = meta.lang.clone().or_else(|| crate::metadata::lang::detect_from_text(&text).map(str::to_string));
    let dir = meta.dir.clone().or_else(|| Some(crate::metadata::lang::dir_for_lang(lang.as_deref().unwrap_or("")).to_string()));
    let excerpt = meta.excerpt.clone().or_else(|| first_paragraph(&text));
    let word_count = crate::render::reading_time::word_count(&text);
    let reading_minutes = crate::render::reading_time::reading_minutes(&text, lang.as_deref());
    Ok(Article {
        title,
        byline: meta.byline.clone().or(byline.and_then(|b| crate::metadata::byline::clean_byline(&b))),
        site_name: meta.site_name.clone(),
        published: meta.published.clone(),
        modified: meta.modified.clone(),
        lang,
        dir,
        excerpt,
        lead_image: meta.lead_image.clone(),
        content,
        text,
        word_count,
        reading_minutes,
        readerable,
    })
}

fn first_paragraph(text: &str) -> Option<String> {
    text.split("\n\n").map(str::trim).find(|p| !p.is_empty()).map(str::to_string)
}

/// The URL relative links resolve against: `<base href>` (itself resolved
/// against the page URL), else the page URL
/// (<https://html.spec.whatwg.org/multipage/urls-and-fetching.html#document-base-url>).
fn base_url(dom: &Dom, page: Option<Url>) -> Option<Url> {
    let base_href = dom
        .head()
        .and_then(|h| dom.find(h, &html5ever::local_name!("base")))
        .and_then(|b| dom.attr(b, "href"))
        .map(str::trim)
        .filter(|h| !h.is_empty());
    match (base_href, page) {
        (Some(href), Some(page)) => page.join(href).ok().or(Some(page)),
        (Some(href), None) => Url::parse(href).ok(),
        (None, page) => page,
    }
}
