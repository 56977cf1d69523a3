//! The cheap "is this an article?" check (Readability's
//! `isProbablyReaderable`), grouped by container.
//!
//! Readability adds up `sqrt(len − 140)` over every long-enough paragraph on
//! the page, so a section front whose teasers are long `<p>`s passes. Here
//! the sum is taken per container (a paragraph's parent, and its
//! grandparent): an article's paragraphs share one, teasers each sit in a
//! card of their own.

use std::collections::HashMap;

use html5ever::local_name;

use crate::dom::{Dom, NodeId, DOCUMENT};
use crate::find::stats::text_len;
use crate::patterns::PATTERNS;
use crate::prepare::is_hidden;

/// Minimum characters for a paragraph to count, and the score to reach.
const MIN_CONTENT_LENGTH: u32 = 140;
const MIN_SCORE: f32 = 20.0;

/// Whether the parsed page looks like one article.
pub fn is_readerable(dom: &Dom) -> bool {
    let Some(body) = dom.body() else { return false };
    let p = &*PATTERNS;
    let mut by_container: HashMap<NodeId, f32> = HashMap::new();
    let mut walk = dom.descendants(body);
    while let Some(id) = walk.next() {
        let Some(tag) = dom.tag(id) else { continue };
        if matches!(*tag, local_name!("script") | local_name!("style") | local_name!("noscript") | local_name!("template"))
            || is_hidden(dom, id)
        {
            walk.skip_subtree(id);
            continue;
        }
        let counts = matches!(*tag, local_name!("p") | local_name!("pre") | local_name!("article"))
            || (*tag == local_name!("div") && dom.element_children(id).any(|c| dom.is(c, &local_name!("br"))));
        if !counts {
            continue;
        }
        let match_string = dom.class_and_id(id);
        if p.unlikely_candidates.is_match(&match_string) && !p.maybe_candidate.is_match(&match_string) {
            continue;
        }
        // Paragraphs inside list items are teasers or navigation.
        if *tag == local_name!("p") && dom.ancestor_named(id, &local_name!("li"), usize::MAX).is_some() {
            continue;
        }
        let len = text_len(dom.text_content(id).trim());
        if len < MIN_CONTENT_LENGTH {
            continue;
        }
        let score = ((len - MIN_CONTENT_LENGTH) as f32).sqrt();
        let parent = dom.parent(id).unwrap_or(DOCUMENT);
        let grandparent = dom.parent(parent).unwrap_or(parent);
        *by_container.entry(parent).or_default() += score;
        if grandparent != parent {
            *by_container.entry(grandparent).or_default() += score;
        }
        if by_container[&parent] > MIN_SCORE || by_container.get(&grandparent).is_some_and(|&s| s > MIN_SCORE) {
            return looks_like_one_article(dom, grandparent);
        }
        if *tag == local_name!("article") || *tag == local_name!("pre") {
            walk.skip_subtree(id);
        }
    }
    false
}

/// A container that passed the score is still a listing when it holds many
/// headline links, each with its own short teaser.
fn looks_like_one_article(dom: &Dom, container: NodeId) -> bool {
    let headline_links = dom
        .descendants(container)
        .filter(|&d| {
            dom.tag(d).is_some_and(|t| matches!(*t, local_name!("h2") | local_name!("h3") | local_name!("h4")))
                && dom.descendants(d).any(|x| dom.is(x, &local_name!("a")))
        })
        .count();
    headline_links < 5
}

/// Parses `html` and runs [`is_readerable`].
pub fn is_probably_readerable(html: &str) -> bool {
    let dom = crate::parse::parse_html(html, 512);
    is_readerable(&dom)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_article_is_readerable() {
        let para = "This is a long paragraph of article text that goes on and on, well past the minimum length a paragraph needs to count. ".repeat(3);
        let html = format!("<article><h1>T</h1><p>{para}</p><p>{para}</p><p>{para}</p></article>");
        assert!(is_probably_readerable(&html));
    }

    #[test]
    fn a_section_front_of_long_teasers_is_not() {
        let teaser = "A teaser paragraph long enough to pass Readability's 140-character floor, describing a story that lives on another page entirely, really. ".repeat(2);
        let card = format!(r#"<div class="card"><h3><a href="/s">Headline</a></h3><p>{teaser}</p></div>"#);
        let html = format!("<main>{}</main>", card.repeat(12));
        assert!(!is_probably_readerable(&html));
    }

    #[test]
    fn short_pages_are_not() {
        assert!(!is_probably_readerable("<p>Hello</p>"));
    }
}
