//! Step 4: find the article in the prepared page.
//!
//! A port of Readability.js's `_grabArticle`: every paragraph-like element
//! scores its ancestors, the best-scoring ancestor (or a common ancestor of
//! several good ones) is the article, and its siblings join when they look
//! related. If the result is too short, the search runs again with relaxed
//! rules (unlikely-candidate stripping off, then class weights off, then
//! conditional cleaning off), keeping the longest attempt.
//!
//! Beyond Readability: pages too short for the 500-character floor (briefs)
//! keep their longest attempt, and when every attempt is short the page's
//! main region (listings, products, forums) is shown instead (`region.rs`).

mod region;
mod score;
pub mod stats;

use html5ever::local_name;

use crate::clean;
use crate::dom::{normalize_spaces, Dom, NodeId};
use crate::patterns::PATTERNS;
use crate::prepare::is_hidden;
use crate::Options;
pub(crate) use score::class_weight;
use score::{ancestor_divider, initial_score, paragraph_score, Scores};
use stats::{text_len, TextStats};

/// Which of Readability's rules are on for an attempt.
#[derive(Copy, Clone, Debug)]
pub struct Flags {
    pub strip_unlikelys: bool,
    pub weight_classes: bool,
    pub clean_conditionally: bool,
}

/// What the finder found.
pub struct Found {
    /// The page, changed by the search; the article is `root`'s subtree.
    pub dom: Dom,
    /// A detached `<div>` holding the article.
    pub root: NodeId,
    /// A byline found in the page's text (and removed from the article).
    pub byline: Option<String>,
    /// Characters of text in the article.
    pub text_len: u32,
}

/// Runs the search with retries (see the module doc).
pub fn find_article(page: &Dom, title: &str, want_byline: bool, options: &Options) -> Option<Found> {
    let mut flags = Flags { strip_unlikelys: true, weight_classes: true, clean_conditionally: true };
    let mut attempts: Vec<Found> = Vec::new();
    loop {
        let mut dom = page.clone();
        let found = grab(&mut dom, title, want_byline, flags, options);
        if let Some(root) = found.0 {
            let stats = TextStats::new(&dom, root);
            let len = stats.text(root);
            let f = Found { dom, root, byline: found.1, text_len: len };
            if len as usize >= options.char_threshold {
                return Some(f);
            }
            attempts.push(f);
        }
        if flags.strip_unlikelys {
            flags.strip_unlikelys = false;
        } else if flags.weight_classes {
            flags.weight_classes = false;
        } else if flags.clean_conditionally {
            flags.clean_conditionally = false;
        } else {
            break;
        }
    }
    // Short pages (briefs): the longest attempt wins, if it has any text,
    // unless the page's main region holds much more (listings, products).
    attempts.sort_by_key(|f| std::cmp::Reverse(f.text_len));
    let best = attempts.into_iter().next().filter(|f| f.text_len > 0);
    let mut dom = page.clone();
    if let Some((root, len)) = region::main_region(&mut dom) {
        let best_len = best.as_ref().map_or(0, |f| f.text_len);
        if len as f32 > best_len as f32 * REGION_GAIN {
            let byline = best.and_then(|b| b.byline);
            return Some(Found { dom, root, byline, text_len: len });
        }
    }
    best
}

/// How much more text the main region must hold than the best short
/// attempt to be shown instead of it.
const REGION_GAIN: f32 = 1.5;

/// One attempt: returns the article root (detached `<div>`) and a byline.
fn grab(dom: &mut Dom, title: &str, want_byline: bool, flags: Flags, options: &Options) -> (Option<NodeId>, Option<String>) {
    let Some(body) = dom.body() else { return (None, None) };
    let (to_score, byline) = collect_paragraphs(dom, body, title, want_byline, flags);
    let mut scores = Scores::default();
    let candidates = score_paragraphs(dom, &to_score, flags, &mut scores);
    let stats = TextStats::new(dom, body);

    // Scale by link density: navigation scores low however long it is.
    let mut ranked: Vec<(NodeId, f32)> = candidates
        .iter()
        .map(|&c| {
            let s = scores.get(c).unwrap_or(0.0) * (1.0 - stats.link_density(c));
            scores.set(c, s);
            (c, s)
        })
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
    ranked.truncate(options.top_candidates.max(1));

    let article = dom.create_element(local_name!("div"));
    let top = match ranked.first() {
        Some(&(top, _)) if !dom.is(top, &local_name!("body")) => {
            climb_to_best_ancestor(dom, top, &ranked, &mut scores, flags, body)
        }
        _ => {
            // Nothing scored: the whole body is the article.
            let wrapper = dom.create_element(local_name!("div"));
            dom.move_children(body, wrapper);
            dom.append(body, wrapper);
            scores.set(wrapper, initial_score(dom, wrapper, flags));
            wrapper
        }
    };
    merge_siblings(dom, top, article, &mut scores);
    clean::prep_article(dom, article, title, flags);
    (Some(article), byline)
}

/// The first walk: removes what can't be content, finds the byline, and
/// collects the elements whose text scores (Readability's node loop).
fn collect_paragraphs(dom: &mut Dom, body: NodeId, title: &str, want_byline: bool, flags: Flags) -> (Vec<NodeId>, Option<String>) {
    let p = &*PATTERNS;
    let mut to_score = Vec::new();
    let mut byline: Option<String> = None;
    let mut should_remove_title_header = !title.is_empty();
    let mut node = Some(body);
    while let Some(id) = node {
        if !dom.is_element(id) {
            node = dom.next_in_order(id, body, false);
            continue;
        }
        let tag = dom.tag(id).cloned().unwrap_or(local_name!("div"));
        // Most elements have neither class nor id: skip the regexes then.
        let match_string = if dom.has_attr(id, "class") || dom.has_attr(id, "id") { dom.class_and_id(id) } else { String::new() };

        if is_hidden(dom, id) {
            node = remove_and_next(dom, id, body);
            continue;
        }
        if dom.attr(id, "aria-modal") == Some("true") && dom.attr(id, "role") == Some("dialog") {
            node = remove_and_next(dom, id, body);
            continue;
        }
        if want_byline && byline.is_none() && is_byline(dom, id, &match_string) {
            let text = normalize_spaces(&dom.text_content(id));
            if !text.is_empty() && text.chars().count() < 100 {
                // Readability prefers the itemprop="name" child's text.
                let named = dom
                    .descendants(id)
                    .find(|&d| dom.attr(d, "itemprop").is_some_and(|v| v.contains("name")))
                    .map(|d| normalize_spaces(&dom.text_content(d)));
                byline = Some(named.filter(|n| !n.is_empty()).unwrap_or(text));
                node = remove_and_next(dom, id, body);
                continue;
            }
        }
        if should_remove_title_header && matches!(tag, local_name!("h1") | local_name!("h2")) && header_duplicates_title(dom, id, title) {
            should_remove_title_header = false;
            node = remove_and_next(dom, id, body);
            continue;
        }
        if flags.strip_unlikelys {
            if !match_string.is_empty()
                && p.unlikely_candidates.is_match(&match_string)
                && !p.maybe_candidate.is_match(&match_string)
                && !has_ancestor_tag(dom, id, &local_name!("table"))
                && !has_ancestor_tag(dom, id, &local_name!("code"))
                && tag != local_name!("body")
                && tag != local_name!("a")
            {
                node = remove_and_next(dom, id, body);
                continue;
            }
            if dom.attr(id, "role").is_some_and(|r| p.unlikely_roles.contains(&r)) {
                node = remove_and_next(dom, id, body);
                continue;
            }
        }
        if matches!(
            tag,
            local_name!("div")
                | local_name!("section")
                | local_name!("header")
                | local_name!("h1")
                | local_name!("h2")
                | local_name!("h3")
                | local_name!("h4")
                | local_name!("h5")
                | local_name!("h6")
        ) && is_without_content(dom, id)
        {
            node = remove_and_next(dom, id, body);
            continue;
        }
        if matches!(
            tag,
            local_name!("section")
                | local_name!("h2")
                | local_name!("h3")
                | local_name!("h4")
                | local_name!("h5")
                | local_name!("h6")
                | local_name!("p")
                | local_name!("td")
                | local_name!("pre")
        ) {
            to_score.push(id);
        }
        if tag == local_name!("div") {
            wrap_phrasing_runs(dom, id);
            // A div holding one paragraph and little else becomes that paragraph.
            if has_single_tag_inside(dom, id, &local_name!("p")) && link_density_of(dom, id) < 0.25 {
                let child = dom.element_children(id).next().expect("single p child");
                dom.replace(id, child);
                to_score.push(child);
                node = dom.next_in_order(child, body, false);
                continue;
            } else if !has_child_block(dom, id) {
                dom.rename(id, local_name!("p"));
                to_score.push(id);
            }
        }
        node = dom.next_in_order(id, body, false);
    }
    (to_score, byline)
}

/// Scores every collected paragraph into its ancestors; returns the
/// ancestors that got a score, in the order they were first scored.
fn score_paragraphs(dom: &Dom, to_score: &[NodeId], flags: Flags, scores: &mut Scores) -> Vec<NodeId> {
    let mut candidates = Vec::new();
    for &el in to_score {
        let Some(parent) = dom.parent(el) else { continue };
        // Nodes collected stay attached: the walk removes ancestors before
        // it reaches their descendants.
        if !dom.is_element(parent) {
            continue;
        }
        let text = dom.text_content(el);
        let len = text_len(text.trim());
        if len < 25 {
            continue;
        }
        let ancestors: Vec<NodeId> = dom.ancestors(el).take(5).collect();
        if ancestors.is_empty() {
            continue;
        }
        let content_score = paragraph_score(&text, len);
        for (level, &a) in ancestors.iter().enumerate() {
            if !dom.is_element(a) || dom.parent(a).is_none_or(|pp| !dom.is_element(pp)) {
                continue;
            }
            if scores.get(a).is_none() {
                scores.set(a, initial_score(dom, a, flags));
                candidates.push(a);
            }
            scores.add(a, content_score / ancestor_divider(level));
        }
    }
    candidates
}

/// Readability's candidate refinement: a common ancestor of several strong
/// candidates, then walking up while parents score well, then past parents
/// with a single child.
fn climb_to_best_ancestor(dom: &mut Dom, mut top: NodeId, ranked: &[(NodeId, f32)], scores: &mut Scores, flags: Flags, body: NodeId) -> NodeId {
    const MINIMUM_TOP_CANDIDATES: usize = 3;
    let top_score = scores.get(top).unwrap_or(0.0);
    let top_ancestors: Vec<Vec<NodeId>> = ranked[1..]
        .iter()
        .filter(|&&(c, s)| s / top_score >= 0.75 && c != top)
        .map(|&(c, _)| dom.ancestors(c).collect())
        .collect();
    if top_ancestors.len() >= MINIMUM_TOP_CANDIDATES {
        let mut parent = dom.parent(top);
        while let Some(p) = parent {
            if dom.is(p, &local_name!("body")) {
                break;
            }
            let lists_containing = top_ancestors.iter().filter(|a| a.contains(&p)).count();
            if lists_containing >= MINIMUM_TOP_CANDIDATES {
                top = p;
                break;
            }
            parent = dom.parent(p);
        }
    }
    if scores.get(top).is_none() {
        scores.set(top, initial_score(dom, top, flags));
    }
    // Walk up while the parent's score keeps up: content split across
    // siblings puts more score into their shared parent.
    let mut parent = dom.parent(top);
    let mut last_score = scores.get(top).unwrap_or(0.0);
    let threshold = last_score / 3.0;
    while let Some(p) = parent {
        if dom.is(p, &local_name!("body")) || !dom.is_element(p) {
            break;
        }
        let Some(parent_score) = scores.get(p) else {
            parent = dom.parent(p);
            continue;
        };
        if parent_score < threshold {
            break;
        }
        if parent_score > last_score {
            top = p;
            break;
        }
        last_score = parent_score;
        parent = dom.parent(p);
    }
    // A lone child says nothing its parent does not.
    while let Some(p) = dom.parent(top) {
        if p == body || dom.is(p, &local_name!("body")) || dom.element_children(p).count() != 1 {
            break;
        }
        top = p;
    }
    if scores.get(top).is_none() {
        scores.set(top, initial_score(dom, top, flags));
    }
    top
}

/// Moves `top` and the siblings that look like part of the article into
/// `article` (Readability's sibling loop).
fn merge_siblings(dom: &mut Dom, top: NodeId, article: NodeId, scores: &mut Scores) {
    let top_score = scores.get(top).unwrap_or(0.0);
    let threshold = (top_score * 0.2).max(10.0);
    let top_class = dom.attr(top, "class").unwrap_or("").to_string();
    let siblings: Vec<NodeId> = match dom.parent(top) {
        Some(parent) => dom.element_children(parent).collect(),
        None => vec![top],
    };
    for sibling in siblings {
        let mut append = sibling == top;
        if !append {
            let bonus = if !top_class.is_empty() && dom.attr(sibling, "class") == Some(top_class.as_str()) {
                top_score * 0.2
            } else {
                0.0
            };
            if scores.get(sibling).is_some_and(|s| s + bonus >= threshold) {
                append = true;
            } else if dom.is(sibling, &local_name!("p")) {
                let density = link_density_of(dom, sibling);
                let content = normalize_spaces(&dom.text_content(sibling));
                let len = content.chars().count();
                if len > 80 && density < 0.25 {
                    append = true;
                } else if len < 80 && len > 0 && density == 0.0 && PATTERNS.sentence_end.is_match(&content) {
                    append = true;
                }
            }
        }
        if append {
            let keep_tag = dom.tag(sibling).is_some_and(|t| {
                matches!(
                    *t,
                    local_name!("div") | local_name!("article") | local_name!("section") | local_name!("p") | local_name!("ol") | local_name!("ul")
                )
            });
            if !keep_tag {
                dom.rename(sibling, local_name!("div"));
            }
            dom.append(article, sibling);
        }
    }
}

fn remove_and_next(dom: &mut Dom, id: NodeId, root: NodeId) -> Option<NodeId> {
    let next = dom.next_in_order(id, root, true);
    dom.remove(id);
    next
}

fn is_byline(dom: &Dom, id: NodeId, match_string: &str) -> bool {
    let rel_author = dom.attr(id, "rel") == Some("author");
    let itemprop_author = dom.attr(id, "itemprop").is_some_and(|v| v.contains("author"));
    (rel_author || itemprop_author || PATTERNS.byline.is_match(match_string)) && {
        let len = text_len(dom.text_content(id).trim());
        len > 0 && len < 100
    }
}

fn header_duplicates_title(dom: &Dom, id: NodeId, title: &str) -> bool {
    let heading = normalize_spaces(&dom.text_content(id));
    text_similarity(title, &heading) > 0.75
}

/// Share of `b`'s words that are also in `a` (Readability's `_textSimilarity`).
pub(crate) fn text_similarity(a: &str, b: &str) -> f32 {
    let tokenize = |s: &str| -> Vec<String> {
        s.to_lowercase().split(|c: char| !c.is_alphanumeric()).filter(|t| !t.is_empty()).map(str::to_string).collect()
    };
    let ta = tokenize(a);
    let tb = tokenize(b);
    if ta.is_empty() || tb.is_empty() {
        return 0.0;
    }
    let unique_b: Vec<&String> = tb.iter().filter(|t| !ta.contains(t)).collect();
    let joined_len = |v: &[&String]| v.iter().map(|s| s.chars().count()).sum::<usize>() + v.len().saturating_sub(1);
    let all_b: Vec<&String> = tb.iter().collect();
    let distance = joined_len(&unique_b) as f32 / joined_len(&all_b) as f32;
    1.0 - distance
}

fn has_ancestor_tag(dom: &Dom, id: NodeId, tag: &html5ever::LocalName) -> bool {
    dom.ancestor_named(id, tag, 3).is_some()
}

/// No text and only `<br>`/`<hr>` children (Readability's `_isElementWithoutContent`).
fn is_without_content(dom: &Dom, id: NodeId) -> bool {
    if dom.descendants(id).any(|d| dom.text(d).is_some_and(|t| !t.trim().is_empty())) {
        return false;
    }
    dom.element_children(id).all(|c| dom.is(c, &local_name!("br")) || dom.is(c, &local_name!("hr")))
}

/// Exactly one element child, named `tag`, and no text beside it.
fn has_single_tag_inside(dom: &Dom, id: NodeId, tag: &html5ever::LocalName) -> bool {
    let mut elements = dom.element_children(id);
    let (Some(only), None) = (elements.next(), elements.next()) else { return false };
    dom.is(only, tag) && !dom.children(id).any(|c| dom.text(c).is_some_and(|t| !t.trim().is_empty()))
}

/// Whether any descendant is a block element (Readability's `DIV_TO_P_ELEMS`).
fn has_child_block(dom: &Dom, id: NodeId) -> bool {
    dom.descendants(id).skip(1).any(|d| {
        dom.tag(d).is_some_and(|t| {
            matches!(
                *t,
                local_name!("blockquote")
                    | local_name!("dl")
                    | local_name!("div")
                    | local_name!("img")
                    | local_name!("ol")
                    | local_name!("p")
                    | local_name!("pre")
                    | local_name!("table")
                    | local_name!("ul")
            )
        })
    })
}

/// Wraps each run of phrasing content directly inside a `<div>` that also
/// has block children into a `<p>`, so loose text scores like a paragraph.
fn wrap_phrasing_runs(dom: &mut Dom, div: NodeId) {
    let mut child = dom.first_child(div);
    let mut run: Option<NodeId> = None;
    while let Some(c) = child {
        let next = dom.next_sibling(c);
        if dom.is_phrasing(c) {
            match run {
                Some(p) => dom.append(p, c),
                None if !dom.is_whitespace(c) => {
                    let p = dom.create_element(local_name!("p"));
                    dom.insert_before(c, p);
                    dom.append(p, c);
                    run = Some(p);
                }
                None => {}
            }
        } else if let Some(p) = run.take() {
            trim_trailing_whitespace(dom, p);
        }
        child = next;
    }
    if let Some(p) = run {
        trim_trailing_whitespace(dom, p);
    }
}

fn trim_trailing_whitespace(dom: &mut Dom, p: NodeId) {
    while let Some(last) = dom.last_child(p) {
        if !dom.is_whitespace(last) {
            break;
        }
        dom.remove(last);
    }
}

/// Link density computed directly (for the few nodes asked before the
/// tables exist).
pub fn link_density_of(dom: &Dom, id: NodeId) -> f32 {
    let total = text_len(dom.text_content(id).trim());
    if total == 0 {
        return 0.0;
    }
    let mut links = 0.0;
    let mut walk = dom.descendants(id);
    while let Some(d) = walk.next() {
        if dom.is(d, &local_name!("a")) {
            let href = dom.attr(d, "href").unwrap_or("");
            let coefficient = if href.len() > 1 && href.starts_with('#') { 0.3 } else { 1.0 };
            links += text_len(dom.text_content(d).trim()) as f32 * coefficient;
            walk.skip_subtree(d);
        }
    }
    links / total as f32
}
