//! Text lengths and link text lengths of every node under a root, computed
//! bottom-up in one pass and kept current as nodes are removed, so link
//! density and text length cost O(1) per question instead of a subtree walk.

use html5ever::local_name;

use crate::dom::{Dom, NodeData, NodeId};

/// Side tables keyed by [`NodeId::index`].
pub struct TextStats {
    /// Characters of text (UTF-16 units, whitespace runs counted once), as
    /// Readability's `getInnerText().length` counts them.
    text: Vec<u32>,
    /// Characters of text inside links, hash links weighted 0.3
    /// (Readability's `_getLinkDensity`).
    link: Vec<f32>,
}

/// Characters of `s` with each whitespace run counted as one (UTF-16 units).
pub fn text_len(s: &str) -> u32 {
    let mut n = 0u32;
    let mut in_space = false;
    for ch in s.chars() {
        if ch.is_whitespace() {
            if !in_space {
                n += 1;
            }
            in_space = true;
        } else {
            n += ch.len_utf16() as u32;
            in_space = false;
        }
    }
    n
}

impl TextStats {
    /// Computes the tables for `root`'s subtree.
    pub fn new(dom: &Dom, root: NodeId) -> TextStats {
        let mut stats = TextStats { text: vec![0; dom.len()], link: vec![0.0; dom.len()] };
        let order: Vec<NodeId> = dom.descendants(root).collect();
        for &id in order.iter().rev() {
            let i = id.index();
            match &dom.node(id).data {
                NodeData::Text(t) => stats.text[i] = text_len(t),
                NodeData::Element(e) if e.name.local == local_name!("a") => {
                    let href = dom.attr(id, "href").unwrap_or("");
                    let coefficient = if href.len() > 1 && href.starts_with('#') { 0.3 } else { 1.0 };
                    stats.link[i] = stats.text[i] as f32 * coefficient;
                }
                _ => {}
            }
            if id != root {
                if let Some(p) = dom.parent(id) {
                    stats.text[p.index()] += stats.text[i];
                    // Links inside links count once, at the outer link.
                    if !dom.is(p, &local_name!("a")) {
                        stats.link[p.index()] += stats.link[i];
                    }
                }
            }
        }
        stats
    }

    /// Text length of `id` (0 for nodes created after the tables).
    #[inline]
    pub fn text(&self, id: NodeId) -> u32 {
        self.text.get(id.index()).copied().unwrap_or(0)
    }

    /// Share of `id`'s text that sits in links.
    #[inline]
    pub fn link_density(&self, id: NodeId) -> f32 {
        let text = self.text(id);
        if text == 0 {
            return 0.0;
        }
        self.link.get(id.index()).copied().unwrap_or(0.0) / text as f32
    }

    /// Removes `id` from the tree and its counts from its ancestors'.
    pub fn remove(&mut self, dom: &mut Dom, id: NodeId) {
        let (t, l) = (self.text(id), self.link.get(id.index()).copied().unwrap_or(0.0));
        let mut in_link = false;
        for a in dom.ancestors(id).collect::<Vec<_>>() {
            if let Some(x) = self.text.get_mut(a.index()) {
                *x = x.saturating_sub(t);
            }
            if !in_link {
                if let Some(x) = self.link.get_mut(a.index()) {
                    *x = (*x - l).max(0.0);
                }
            }
            in_link |= dom.is(a, &local_name!("a"));
        }
        dom.remove(id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_html;

    #[test]
    fn counts_text_and_links_bottom_up() {
        let mut dom = parse_html(r##"<div><p>abcd <a href="/x">efgh</a></p><p><a href="#n">ijklmnopqr</a></p></div>"##, 512);
        let div = dom.find(crate::dom::DOCUMENT, &local_name!("div")).unwrap();
        let mut stats = TextStats::new(&dom, div);
        assert_eq!(stats.text(div), 5 + 4 + 10);
        assert!((stats.link_density(div) - (4.0 + 3.0) / 19.0).abs() < 1e-6);
        let second = dom.element_children(div).nth(1).unwrap();
        stats.remove(&mut dom, second);
        assert_eq!(stats.text(div), 9);
        assert!((stats.link_density(div) - 4.0 / 9.0).abs() < 1e-6);
    }

    #[test]
    fn whitespace_runs_count_once() {
        assert_eq!(text_len("a  \n b"), 3);
        assert_eq!(text_len("😀"), 2);
    }
}
