//! The fallback when paragraph scoring finds little: the page's main region.
//!
//! Listings, product pages, collections and forums split their content into
//! many short blocks (cards, posts, specs), none of which scores like an
//! article paragraph, so Readability's search ends on one teaser or on
//! nothing. A reader should then show the whole main region: `<main>` /
//! `role=main` when the page marks it, else the body, minus the page chrome
//! (header, navigation, footer, sidebars, search, link-only menus).

use html5ever::local_name;

use crate::dom::{Dom, NodeId, DOCUMENT};
use crate::find::stats::TextStats;

/// Landmark roles that are page chrome, never content
/// (<https://www.w3.org/TR/wai-aria-1.2/#landmark_roles>).
const CHROME_ROLES: [&str; 6] = ["navigation", "banner", "contentinfo", "complementary", "search", "menu"];

/// Moves the main region of `dom` into a new detached `<div>` and strips
/// the chrome from it. Returns the div and its text length.
pub fn main_region(dom: &mut Dom) -> Option<(NodeId, u32)> {
    let body = dom.body()?;
    let page_stats = TextStats::new(dom, DOCUMENT);
    // The marked main region with the most text, if it holds a fair share.
    let marked = dom
        .descendants(body)
        .filter(|&d| dom.is(d, &local_name!("main")) || dom.attr(d, "role") == Some("main"))
        .max_by_key(|&d| page_stats.text(d))
        .filter(|&d| page_stats.text(d) * 4 >= page_stats.text(body));
    let root = marked.unwrap_or(body);
    let region = dom.create_element(local_name!("div"));
    if root == body {
        dom.move_children(body, region);
    } else {
        dom.append(region, root);
    }
    strip_chrome(dom, region);
    let stats = TextStats::new(dom, region);
    Some((region, stats.text(region)))
}

/// Removes landmark chrome and blocks that are nothing but links.
fn strip_chrome(dom: &mut Dom, region: NodeId) {
    let stats = TextStats::new(dom, region);
    let total = stats.text(region).max(1);
    let mut doomed = Vec::new();
    let mut walk = dom.descendants(region);
    walk.next();
    while let Some(id) = walk.next() {
        let Some(tag) = dom.tag(id) else { continue };
        let chrome_tag = matches!(*tag, local_name!("nav") | local_name!("aside") | local_name!("form") | local_name!("iframe"))
            || (matches!(*tag, local_name!("header") | local_name!("footer")) && !inside_article(dom, id, region));
        let chrome_role = dom.attr(id, "role").is_some_and(|r| CHROME_ROLES.contains(&r));
        // A menu: a list or block of only links, small next to the region.
        let link_block = matches!(*tag, local_name!("ul") | local_name!("ol") | local_name!("div") | local_name!("section"))
            && stats.link_density(id) > 0.9
            && stats.text(id) * 5 < total
            && dom.descendants(id).filter(|&d| dom.is(d, &local_name!("a"))).count() >= 4;
        if chrome_tag || chrome_role || link_block {
            doomed.push(id);
            walk.skip_subtree(id);
        }
    }
    for id in doomed {
        dom.remove(id);
    }
}

fn inside_article(dom: &Dom, id: NodeId, region: NodeId) -> bool {
    dom.ancestors(id).take_while(|&a| a != region).any(|a| dom.is(a, &local_name!("article")))
}
