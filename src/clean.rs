//! Step 5: clean the found article.
//!
//! [`prep_article`] is Readability.js's `_prepArticle` (conditional cleaning
//! of tables, lists and divs by their text, link and image counts; embeds
//! kept only for video hosts; share bars out). [`remove_boilerplate`] goes
//! beyond it, dropping in-article ads, "read more" boxes, related-news
//! lists, tag lists, newsletter and comment blocks in any script.
//! [`post_process`] absolutizes URLs and drops presentational wrappers.

use html5ever::{local_name, LocalName};
use url::Url;

use crate::dom::{normalize_spaces, Dom, NodeData, NodeId};
use crate::find::stats::TextStats;
use crate::find::{class_weight, Flags};
use crate::patterns::PATTERNS;

/// Readability's `_prepArticle`, on the detached article root.
pub fn prep_article(dom: &mut Dom, article: NodeId, _title: &str, flags: Flags) {
    clean_styles(dom, article);
    let data_tables = mark_data_tables(dom, article);
    clean_conditionally(dom, article, &local_name!("form"), flags, &data_tables);
    clean_conditionally(dom, article, &local_name!("fieldset"), flags, &data_tables);
    for tag in [local_name!("object"), local_name!("embed"), local_name!("footer"), local_name!("link"), local_name!("aside")] {
        clean_tag(dom, article, &tag);
    }
    // Share bars with little text, inside each top-level child.
    let top_children: Vec<NodeId> = dom.element_children(article).collect();
    for child in top_children {
        let matched: Vec<NodeId> = dom
            .descendants(child)
            .skip(1)
            .filter(|&d| dom.is_element(d) && PATTERNS.share_elements.is_match(&dom.class_and_id(d)))
            .collect();
        for m in matched {
            if dom.parent(m).is_some() && dom.text_content(m).len() < 500 {
                dom.remove(m);
            }
        }
    }
    for tag in [local_name!("iframe"), local_name!("input"), local_name!("textarea"), local_name!("select"), local_name!("button")] {
        clean_tag(dom, article, &tag);
    }
    // Headings with a negative class weight.
    for h in dom.descendants(article).filter(|&d| dom.is(d, &local_name!("h1")) || dom.is(d, &local_name!("h2"))).collect::<Vec<_>>() {
        if class_weight(dom, h, flags) < 0.0 {
            dom.remove(h);
        }
    }
    clean_conditionally(dom, article, &local_name!("table"), flags, &data_tables);
    clean_conditionally(dom, article, &local_name!("ul"), flags, &data_tables);
    clean_conditionally(dom, article, &local_name!("div"), flags, &data_tables);
    // The title is shown apart: the article's own h1s become h2s.
    for h1 in dom.find_all(article, &local_name!("h1")) {
        dom.rename(h1, local_name!("h2"));
    }
    // Empty paragraphs.
    for p in dom.find_all(article, &local_name!("p")).into_iter().rev() {
        let has_media = dom.descendants(p).any(|d| {
            dom.tag(d).is_some_and(|t| matches!(*t, local_name!("img") | local_name!("embed") | local_name!("object") | local_name!("iframe")))
        });
        if !has_media && dom.text_content(p).trim().is_empty() {
            dom.remove(p);
        }
    }
    // A `<br>` right before a paragraph adds nothing.
    for br in dom.find_all(article, &local_name!("br")) {
        if let Some(next) = dom.next_significant(dom.next_sibling(br)) {
            if dom.is(next, &local_name!("p")) {
                dom.remove(br);
            }
        }
    }
    unwrap_single_cell_tables(dom, article);
}

/// Drops presentational attributes (Readability's `_cleanStyles`).
fn clean_styles(dom: &mut Dom, root: NodeId) {
    const PRESENTATIONAL: [&str; 12] =
        ["align", "background", "bgcolor", "border", "cellpadding", "cellspacing", "frame", "hspace", "rules", "style", "valign", "vspace"];
    let ids: Vec<NodeId> = dom.descendants(root).filter(|&d| dom.is_element(d)).collect();
    for id in ids {
        if dom.is(id, &local_name!("svg")) {
            continue;
        }
        let sized = dom.tag(id).is_some_and(|t| {
            matches!(*t, local_name!("table") | local_name!("th") | local_name!("td") | local_name!("hr") | local_name!("pre"))
        });
        if let Some(e) = dom.element_mut(id) {
            e.attrs.retain(|a| {
                let n = &*a.name.local;
                !PRESENTATIONAL.contains(&n) && !(sized && (n == "width" || n == "height"))
            });
        }
    }
}

/// Tables that hold data rather than layout (Readability's `_markDataTables`).
fn mark_data_tables(dom: &Dom, root: NodeId) -> Vec<NodeId> {
    let mut data = Vec::new();
    for table in dom.find_all(root, &local_name!("table")) {
        if dom.attr(table, "role") == Some("presentation") || dom.attr(table, "datatable") == Some("0") {
            continue;
        }
        let is_data = dom.has_attr(table, "summary")
            || dom.find(table, &local_name!("caption")).is_some_and(|c| dom.first_child(c).is_some())
            || dom.descendants(table).skip(1).any(|d| {
                dom.tag(d).is_some_and(|t| {
                    matches!(*t, local_name!("col") | local_name!("colgroup") | local_name!("tfoot") | local_name!("thead") | local_name!("th"))
                })
            });
        if is_data {
            data.push(table);
            continue;
        }
        if dom.descendants(table).skip(1).any(|d| dom.is(d, &local_name!("table"))) {
            continue;
        }
        let rows = dom.find_all(table, &local_name!("tr"));
        let columns = rows
            .iter()
            .map(|&r| {
                dom.element_children(r)
                    .filter(|&c| dom.is(c, &local_name!("td")) || dom.is(c, &local_name!("th")))
                    .map(|c| dom.attr(c, "colspan").and_then(|v| v.parse::<usize>().ok()).unwrap_or(1))
                    .sum::<usize>()
            })
            .max()
            .unwrap_or(0);
        if rows.len() >= 10 || columns > 4 || rows.len() * columns > 10 {
            data.push(table);
        }
    }
    data
}

/// Removes every `tag` element except embeds of allowed video hosts
/// (Readability's `_clean`).
fn clean_tag(dom: &mut Dom, root: NodeId, tag: &LocalName) {
    let is_embed = matches!(*tag, local_name!("object") | local_name!("embed") | local_name!("iframe"));
    for id in dom.find_all(root, tag).into_iter().rev() {
        if is_embed && is_video_embed(dom, id) {
            continue;
        }
        dom.remove(id);
    }
}

fn is_video_embed(dom: &Dom, id: NodeId) -> bool {
    let attrs_match = dom.element(id).is_some_and(|e| e.attrs.iter().any(|a| PATTERNS.videos.is_match(&a.value)));
    attrs_match
        || (dom.is(id, &local_name!("object"))
            && dom.descendants(id).any(|d| dom.element(d).is_some_and(|e| e.attrs.iter().any(|a| PATTERNS.videos.is_match(&a.value)))))
}

/// Counts of the elements conditional cleaning weighs.
#[derive(Default)]
struct Counts {
    p: usize,
    img: usize,
    li: usize,
    input: usize,
    embeds: usize,
    video_embed: bool,
    list_text: u32,
    heading_text: u32,
    textish_text: u32,
    has_data_table: bool,
    /// Li elements that are direct children, and whether any has >1 child.
    complex_li: bool,
}

fn count(dom: &Dom, node: NodeId, stats: &TextStats, data_tables: &[NodeId]) -> Counts {
    let mut c = Counts::default();
    let mut walk = dom.descendants(node);
    walk.next();
    let mut skip_list_below: Option<NodeId> = None;
    while let Some(d) = walk.next() {
        let Some(t) = dom.tag(d) else { continue };
        match *t {
            local_name!("p") => c.p += 1,
            local_name!("img") => c.img += 1,
            local_name!("li") => c.li += 1,
            local_name!("input") => c.input += 1,
            local_name!("object") | local_name!("embed") | local_name!("iframe") => {
                if is_video_embed(dom, d) {
                    c.video_embed = true;
                }
                c.embeds += 1;
            }
            local_name!("table") if data_tables.contains(&d) => c.has_data_table = true,
            _ => {}
        }
        if matches!(*t, local_name!("ul") | local_name!("ol")) && skip_list_below.is_none_or(|s| !dom.ancestors(d).any(|a| a == s)) {
            c.list_text += stats.text(d);
            skip_list_below = Some(d);
        }
        if matches!(*t, local_name!("h1") | local_name!("h2") | local_name!("h3") | local_name!("h4") | local_name!("h5") | local_name!("h6")) {
            c.heading_text += stats.text(d);
        }
        // Readability's textish tags: span, li, td and the div-to-p blocks.
        if matches!(
            *t,
            local_name!("span")
                | local_name!("li")
                | local_name!("td")
                | local_name!("blockquote")
                | local_name!("dl")
                | local_name!("div")
                | local_name!("img")
                | local_name!("ol")
                | local_name!("p")
                | local_name!("pre")
                | local_name!("table")
                | local_name!("ul")
        ) {
            c.textish_text += stats.text(d);
        }
    }
    c.complex_li = dom.element_children(node).any(|ch| dom.element_children(ch).count() > 1);
    c
}

/// Readability's `_cleanConditionally`: removes `tag` elements that look
/// like furniture by their counts, deepest first.
fn clean_conditionally(dom: &mut Dom, root: NodeId, tag: &LocalName, flags: Flags, data_tables: &[NodeId]) {
    if !flags.clean_conditionally {
        return;
    }
    let nodes = dom.find_all(root, tag);
    if nodes.is_empty() {
        return;
    }
    let mut stats = TextStats::new(dom, root);
    for node in nodes.into_iter().rev() {
        if dom.parent(node).is_none() || !dom.ancestors(node).any(|a| a == root) {
            continue;
        }
        if should_remove(dom, node, tag, flags, &stats, data_tables) {
            stats.remove(dom, node);
        }
    }
}

fn should_remove(dom: &Dom, node: NodeId, tag: &LocalName, flags: Flags, stats: &TextStats, data_tables: &[NodeId]) -> bool {
    if *tag == local_name!("table") && data_tables.contains(&node) {
        return false;
    }
    if dom.ancestors(node).any(|a| data_tables.contains(&a)) || dom.ancestor_named(node, &local_name!("code"), usize::MAX).is_some() {
        return false;
    }
    let counts = count(dom, node, stats, data_tables);
    if counts.has_data_table {
        return false;
    }
    let text_length = stats.text(node);
    let is_list = matches!(*tag, local_name!("ul") | local_name!("ol"))
        || (text_length > 0 && counts.list_text as f32 / text_length as f32 > 0.9);
    let weight = class_weight(dom, node, flags);
    if weight < 0.0 {
        return true;
    }
    let text = if text_length < 200 { normalize_spaces(&dom.text_content(node)) } else { String::new() };
    let commas = if text_length < 200 { text.matches(',').count() } else { dom.text_content(node).matches(',').count() };
    if commas >= 10 {
        return false;
    }
    if counts.video_embed {
        return false;
    }
    if text_length < 200 && (PATTERNS.ad_words.is_match(&text) || PATTERNS.loading_words.is_match(&text)) {
        return true;
    }
    let p = counts.p as f32;
    let img = counts.img as f32;
    let li = counts.li as f32 - 100.0;
    let content_length = text_length as f32;
    let link_density = stats.link_density(node);
    let heading_density = if text_length == 0 { 0.0 } else { counts.heading_text as f32 / content_length };
    let text_density = if text_length == 0 { 0.0 } else { counts.textish_text as f32 / content_length };
    let is_figure_child = dom.ancestor_named(node, &local_name!("figure"), usize::MAX).is_some();

    let remove = (!is_figure_child && img > 1.0 && p / img < 0.5)
        || (!is_list && li > p)
        || (counts.input as f32 > (p / 3.0).floor())
        || (!is_list && !is_figure_child && heading_density < 0.9 && content_length < 25.0 && (img == 0.0 || img > 2.0) && link_density > 0.0)
        || (!is_list && weight < 25.0 && link_density > 0.2)
        || (weight >= 25.0 && link_density > 0.5)
        || ((counts.embeds == 1 && content_length < 75.0) || counts.embeds > 1)
        || (img == 0.0 && text_density == 0.0);
    if is_list && remove {
        // Simple lists of images stay.
        if counts.complex_li {
            return true;
        }
        if counts.img == counts.li {
            return false;
        }
    }
    remove
}

/// A table of one cell is layout: it becomes its cell, as a `<p>` when the
/// cell holds only phrasing content.
fn unwrap_single_cell_tables(dom: &mut Dom, root: NodeId) {
    for table in dom.find_all(root, &local_name!("table")) {
        let single = |dom: &Dom, id: NodeId, tag: &LocalName| -> Option<NodeId> {
            let mut kids = dom.element_children(id);
            match (kids.next(), kids.next()) {
                (Some(only), None) if dom.is(only, tag) && !dom.children(id).any(|c| dom.text(c).is_some_and(|t| !t.trim().is_empty())) => Some(only),
                _ => None,
            }
        };
        let tbody = single(dom, table, &local_name!("tbody")).unwrap_or(table);
        let Some(row) = single(dom, tbody, &local_name!("tr")) else { continue };
        let Some(cell) = single(dom, row, &local_name!("td")) else { continue };
        let phrasing = dom.children(cell).all(|c| dom.is_phrasing(c));
        dom.rename(cell, if phrasing { local_name!("p") } else { local_name!("div") });
        if let Some(e) = dom.element_mut(cell) {
            e.attrs.clear();
        }
        dom.replace(table, cell);
    }
}

/// Beyond Readability: boilerplate that sits inside the article container
/// on news sites (ad slots and their labels, share bars, inline "read more"
/// links, related-news boxes, tag lists, comment and newsletter blocks).
pub fn remove_boilerplate(dom: &mut Dom, article: NodeId) {
    let p = &*PATTERNS;
    let stats = TextStats::new(dom, article);
    let total = stats.text(article).max(1);
    let mut doomed = Vec::new();
    let mut walk = dom.descendants(article);
    walk.next();
    while let Some(id) = walk.next() {
        if !dom.is_element(id) {
            continue;
        }
        let len = stats.text(id);
        // Never drop most of the article on a class name alone.
        let small = len * 3 < total;
        let class_id = dom.class_and_id(id);
        let mut remove = false;
        if small && !class_id.trim().is_empty() && p.boilerplate_class.is_match(&class_id) && !p.article_body_class.is_match(&class_id) {
            remove = true;
        } else if len < 400 && dom.tag(id).is_some_and(|t| !crate::dom::is_phrasing_tag(t) && *t != local_name!("a")) {
            let text = normalize_spaces(&dom.text_content(id));
            if p.boilerplate_line.is_match(&text) || p.ad_words.is_match(&text) {
                remove = true;
            } else if is_heading(dom, id) && p.boilerplate_heading.is_match(&text) {
                // A "Related"/"আরও পড়ুন" heading takes the list after it along.
                if let Some(next) = dom.next_significant(dom.next_sibling(id)) {
                    if dom.is_element(next) && stats.link_density(next) > 0.5 && stats.text(next) * 3 < total {
                        doomed.push(next);
                    }
                }
                remove = true;
            }
        }
        if remove {
            doomed.push(id);
            walk.skip_subtree(id);
        }
    }
    for id in doomed {
        dom.remove(id);
    }
}

fn is_heading(dom: &Dom, id: NodeId) -> bool {
    dom.tag(id).is_some_and(|t| {
        matches!(*t, local_name!("h1") | local_name!("h2") | local_name!("h3") | local_name!("h4") | local_name!("h5") | local_name!("h6"))
    }) || dom.attr(id, "role") == Some("heading")
}

/// Readability's `_postProcessContent`: absolute URLs, wrappers of one
/// child dropped, empty divs gone.
pub fn post_process(dom: &mut Dom, article: NodeId, base: Option<&Url>) {
    if let Some(base) = base {
        absolutize_urls(dom, article, base);
    }
    simplify_nested(dom, article);
}

fn absolutize_urls(dom: &mut Dom, root: NodeId, base: &Url) {
    let ids: Vec<NodeId> = dom.descendants(root).filter(|&d| dom.is_element(d)).collect();
    for id in ids {
        let Some(el) = dom.element_mut(id) else { continue };
        for a in el.attrs.iter_mut() {
            let name = &*a.name.local;
            if matches!(name, "href" | "src" | "poster" | "cite") {
                let v = a.value.trim();
                // In-page anchors stay in-page.
                if v.starts_with('#') || v.is_empty() {
                    continue;
                }
                if let Ok(u) = base.join(v) {
                    a.value = u.as_str().into();
                }
            } else if name == "srcset" {
                let rewritten: Vec<String> = a
                    .value
                    .split(',')
                    .filter_map(|cand| {
                        let mut parts = cand.split_whitespace();
                        let url = parts.next()?;
                        let abs = base.join(url).map(|u| u.to_string()).unwrap_or_else(|_| url.to_string());
                        let rest: Vec<&str> = parts.collect();
                        Some(if rest.is_empty() { abs } else { format!("{abs} {}", rest.join(" ")) })
                    })
                    .collect();
                a.value = rewritten.join(", ").into();
            }
        }
    }
}

/// A `div`/`section` with one `div`/`section` child and no text of its own
/// is replaced by the child; empty ones go (Readability's `_simplifyNestedElements`).
fn simplify_nested(dom: &mut Dom, root: NodeId) {
    let mut node = Some(root);
    while let Some(id) = node {
        let wrapper = id != root && dom.tag(id).is_some_and(|t| matches!(*t, local_name!("div") | local_name!("section")));
        if wrapper && !dom.attr(id, "id").is_some_and(|v| v.starts_with("readability")) {
            let no_text = !dom.children(id).any(|c| matches!(&dom.node(c).data, NodeData::Text(t) if !t.trim().is_empty()));
            let elements: Vec<NodeId> = dom.element_children(id).collect();
            if no_text && elements.is_empty() {
                let next = dom.next_in_order(id, root, true);
                dom.remove(id);
                node = next;
                continue;
            }
            if no_text && elements.len() == 1 && dom.tag(elements[0]).is_some_and(|t| matches!(*t, local_name!("div") | local_name!("section"))) {
                let child = elements[0];
                // The child keeps the wrapper's attributes it lacks.
                let attrs = dom.element(id).map(|e| e.attrs.clone()).unwrap_or_default();
                for a in attrs {
                    if !dom.has_attr(child, &a.name.local) {
                        dom.set_attr(child, &a.name.local, &a.value);
                    }
                }
                dom.replace(id, child);
                node = Some(child);
                continue;
            }
        }
        node = dom.next_in_order(id, root, false);
    }
}
