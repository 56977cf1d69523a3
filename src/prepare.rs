//! Step 2: the page made ready for scoring.
//!
//! Scripts, styles, hidden nodes and form controls go; `<noscript>` images
//! replace their lazy placeholders; lazy image URLs move into `src`; runs of
//! `<br>` become paragraphs; `<font>` becomes `<span>` (Readability's
//! `_prepDocument`, `_unwrapNoscriptImages`, `_fixLazyImages`).

use html5ever::local_name;

use crate::dom::{Dom, NodeData, NodeId, DOCUMENT};

/// Runs every preparation on the whole document.
pub fn prepare(dom: &mut Dom) {
    unwrap_noscript_images(dom);
    remove_unwanted(dom);
    fix_lazy_images(dom);
    replace_brs(dom);
}

/// Whether the page (or the content script, through `data-pathok-hidden`)
/// says this element is not shown (Readability's `_isProbablyVisible`).
pub fn is_hidden(dom: &Dom, id: NodeId) -> bool {
    let Some(el) = dom.element(id) else { return false };
    for a in &el.attrs {
        match &*a.name.local {
            "hidden" | "data-pathok-hidden" => return true,
            // Readability keeps aria-hidden images marked as fallbacks
            // (wikimedia's `mwe-math-fallback-image`).
            "aria-hidden" if &*a.value == "true" => {
                return !dom.attr(id, "class").is_some_and(|c| c.contains("fallback-image"));
            }
            "style" => {
                let style = a.value.to_ascii_lowercase();
                let style: String = style.chars().filter(|c| !c.is_whitespace()).collect();
                if style.contains("display:none") || style.contains("visibility:hidden") {
                    return true;
                }
            }
            _ => {}
        }
    }
    false
}

/// Removes scripts, styles, templates, comments, hidden elements, form
/// controls and dialogs in one walk.
fn remove_unwanted(dom: &mut Dom) {
    let mut doomed = Vec::new();
    let mut unwrap = Vec::new();
    let mut walk = dom.descendants(DOCUMENT);
    while let Some(id) = walk.next() {
        let remove = match &dom.node(id).data {
            NodeData::Comment => true,
            NodeData::Element(e) => {
                let name = &e.name.local;
                let in_head = matches!(*name, local_name!("head"));
                if in_head {
                    walk.skip_subtree(id);
                    false
                } else if matches!(
                    *name,
                    local_name!("script")
                        | local_name!("style")
                        | local_name!("template")
                        | local_name!("noscript")
                        | local_name!("link")
                        | local_name!("input")
                        | local_name!("select")
                        | local_name!("textarea")
                        | local_name!("button")
                        | local_name!("dialog")
                ) {
                    true
                } else if *name == local_name!("font") {
                    unwrap.push(id);
                    false
                } else {
                    is_hidden(dom, id)
                        || dom.attr(id, "aria-modal") == Some("true") && dom.attr(id, "role") == Some("dialog")
                }
            }
            _ => false,
        };
        if remove {
            doomed.push(id);
            walk.skip_subtree(id);
        }
    }
    for id in doomed {
        dom.remove(id);
    }
    // `<font>` carries nothing we keep; Readability renames it to `<span>`.
    for id in unwrap {
        dom.rename(id, local_name!("span"));
    }
}

/// A `<noscript>` holding an image replaces the placeholder image before it,
/// or is unwrapped in place when there is none.
fn unwrap_noscript_images(dom: &mut Dom) {
    let noscripts = dom.find_all(DOCUMENT, &local_name!("noscript"));
    if noscripts.is_empty() {
        return;
    }
    // Text a reader with scripts would see: everything outside `<noscript>`.
    let chars = |dom: &Dom, id: NodeId| crate::find::stats::text_len(dom.text_content(id).trim()) as usize;
    let total = dom.body().map_or(0, |b| chars(dom, b));
    let fallback: usize = noscripts.iter().map(|&n| chars(dom, n)).sum();
    let scripted_text = total.saturating_sub(fallback);
    for noscript in noscripts {
        let images: Vec<NodeId> = dom.find_all(noscript, &local_name!("img"));
        if images.len() != 1 {
            // Server-rendered fallbacks of script-built pages (forum
            // software such as Discourse ships the whole thread in
            // `<noscript>` and little else): that is the content.
            let len = dom.text_content(noscript).trim().chars().count();
            if len > 500 && scripted_text < len {
                dom.unwrap(noscript);
            }
            continue;
        }
        let img = images[0];
        // The placeholder: the previous element sibling, if it is (or only
        // wraps) an image.
        let mut prev = dom.prev_sibling(noscript);
        while let Some(p) = prev {
            if dom.is_element(p) {
                break;
            }
            prev = dom.prev_sibling(p);
        }
        if let Some(p) = prev {
            let placeholder = if dom.is(p, &local_name!("img")) {
                Some(p)
            } else {
                let imgs = dom.find_all(p, &local_name!("img"));
                (imgs.len() == 1 && dom.text_content(p).trim().is_empty()).then(|| imgs[0])
            };
            if let Some(ph) = placeholder {
                // Keep any real URL the placeholder had as a fallback.
                copy_missing_image_attrs(dom, ph, img);
                dom.replace(p, img);
                continue;
            }
        }
        dom.replace(noscript, img);
    }
}

fn copy_missing_image_attrs(dom: &mut Dom, from: NodeId, to: NodeId) {
    let Some(src_el) = dom.element(from) else { return };
    let attrs: Vec<(String, String)> = src_el
        .attrs
        .iter()
        .filter(|a| matches!(&*a.name.local, "alt" | "width" | "height") || a.name.local.starts_with("data-src"))
        .map(|a| (a.name.local.to_string(), a.value.to_string()))
        .collect();
    for (k, v) in attrs {
        if !dom.has_attr(to, &k) {
            dom.set_attr(to, &k, &v);
        }
    }
}

/// URLs that are placeholders, not images: tiny data URIs and spacer GIFs.
fn is_placeholder_src(src: &str) -> bool {
    let s = src.trim();
    s.is_empty()
        || (s.starts_with("data:") && (s.len() < 200 || s.contains("image/svg") || s.contains("image/gif")))
        || s.contains("blank.gif")
        || s.contains("spacer.gif")
        || s.contains("placeholder")
        || s.contains("lazy-load")
        || s.contains("lazyload")
}

/// Copies lazy-loading URLs into `src`/`srcset` (`data-src`, `data-srcset`,
/// `data-original`, `data-lazy-src`, `<picture>` sources).
fn fix_lazy_images(dom: &mut Dom) {
    const LAZY_SRC: [&str; 7] =
        ["data-src", "data-original", "data-lazy-src", "data-lazy", "data-url", "data-hi-res-src", "data-full-src"];
    const LAZY_SRCSET: [&str; 3] = ["data-srcset", "data-lazy-srcset", "data-original-set"];
    for img in dom.find_all(DOCUMENT, &local_name!("img")) {
        let src = dom.attr(img, "src").unwrap_or("");
        if is_placeholder_src(src) {
            if let Some(url) = LAZY_SRC.iter().find_map(|k| dom.attr(img, k).filter(|v| !v.trim().is_empty())) {
                let url = url.trim().to_string();
                dom.set_attr(img, "src", &url);
            } else if let Some(set) = dom.attr(img, "srcset").or_else(|| LAZY_SRCSET.iter().find_map(|k| dom.attr(img, k))) {
                // No plain URL: take the first srcset candidate.
                if let Some(first) = set.split(',').next().and_then(|c| c.split_whitespace().next()) {
                    let first = first.to_string();
                    dom.set_attr(img, "src", &first);
                }
            } else if let Some(picture) = dom.parent(img).filter(|&p| dom.is(p, &local_name!("picture"))) {
                let url = dom
                    .element_children(picture)
                    .filter(|&c| dom.is(c, &local_name!("source")))
                    .find_map(|s| dom.attr(s, "srcset").or_else(|| dom.attr(s, "data-srcset")))
                    .and_then(|set| set.split(',').next().and_then(|c| c.split_whitespace().next()))
                    .map(str::to_string);
                if let Some(url) = url {
                    dom.set_attr(img, "src", &url);
                }
            }
        }
        if !dom.has_attr(img, "srcset") {
            if let Some(set) = LAZY_SRCSET.iter().find_map(|k| dom.attr(img, k)) {
                let set = set.to_string();
                dom.set_attr(img, "srcset", &set);
            }
        }
    }
    for source in dom.find_all(DOCUMENT, &local_name!("source")) {
        if !dom.has_attr(source, "srcset") {
            if let Some(set) = dom.attr(source, "data-srcset") {
                let set = set.to_string();
                dom.set_attr(source, "srcset", &set);
            }
        }
    }
}

/// Two or more `<br>` in a row end a paragraph: the phrasing content after
/// them goes into a new `<p>` (Readability's `_replaceBrs`).
fn replace_brs(dom: &mut Dom) {
    let Some(body) = dom.body() else { return };
    for br in dom.find_all(body, &local_name!("br")) {
        if dom.parent(br).is_none() {
            continue; // removed by an earlier run
        }
        let mut next = dom.next_sibling(br);
        let mut replaced = false;
        while let Some(n) = dom.next_significant(next) {
            if !dom.is(n, &local_name!("br")) {
                break;
            }
            replaced = true;
            next = dom.next_sibling(n);
            dom.remove(n);
        }
        if !replaced {
            continue;
        }
        let p = dom.create_element(local_name!("p"));
        dom.replace(br, p);
        let mut next = dom.next_sibling(p);
        while let Some(n) = next {
            if dom.is(n, &local_name!("br")) {
                if let Some(after) = dom.next_significant(dom.next_sibling(n)) {
                    if dom.is(after, &local_name!("br")) {
                        break;
                    }
                }
            }
            if !dom.is_phrasing(n) {
                break;
            }
            next = dom.next_sibling(n);
            dom.append(p, n);
        }
        while let Some(last) = dom.last_child(p) {
            if !dom.is_whitespace(last) {
                break;
            }
            dom.remove(last);
        }
        if let Some(parent) = dom.parent(p) {
            if dom.is(parent, &local_name!("p")) {
                dom.rename(parent, local_name!("div"));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_html;
    use crate::serialize::inner_html;

    fn prepared(html: &str) -> String {
        let mut dom = parse_html(html, 512);
        prepare(&mut dom);
        inner_html(&dom, dom.body().unwrap())
    }

    #[test]
    fn removes_scripts_hidden_nodes_and_controls() {
        let out = prepared(
            r#"<p>a<script>x()</script></p><div hidden>h</div><div style="display: none">n</div><div data-pathok-hidden="">m</div><div aria-hidden="true">q</div><input value=1><p>b</p>"#,
        );
        assert_eq!(out, "<p>a</p><p>b</p>");
    }

    #[test]
    fn noscript_image_replaces_its_placeholder() {
        let out = prepared(r#"<p><img src="data:image/gif;base64,R0lGOD"><noscript><img src="real.jpg"></noscript></p>"#);
        assert_eq!(out, r#"<p><img src="real.jpg"></p>"#);
    }

    #[test]
    fn lazy_image_urls_move_into_src() {
        let out = prepared(r#"<img data-src="a.jpg"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-srcset="b.jpg 1x, c.jpg 2x"><picture><source data-srcset="d.webp"><img></picture>"#);
        assert!(out.contains(r#"src="a.jpg""#), "{out}");
        assert!(out.contains(r#"src="b.jpg""#), "{out}");
        assert!(out.contains(r#"<img src="d.webp">"#), "{out}");
    }

    #[test]
    fn double_br_becomes_a_paragraph() {
        let out = prepared("<div>one<br><br>two <b>bold</b><br><br>three</div>");
        assert_eq!(out, "<div>one<p>two <b>bold</b></p><p>three</p></div>");
    }
}
