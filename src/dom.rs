//! The arena tree every step works on, and the few helpers they all need.
//!
//! Nodes live in one `Vec`, linked by index (parent, children, siblings), so
//! the whole tree is one allocation, walks never recurse, and per-node
//! analysis (scores, text lengths) lives in side tables indexed by
//! [`NodeId`]. Parsing into it is [`crate::parse`]'s job (html5ever's tree
//! builder talks to this storage through its `TreeSink` trait there).

use html5ever::{local_name, ns, Attribute, LocalName, QualName};
use tendril::StrTendril;

/// Index of a node in its [`Dom`]. The document is always `NodeId(0)`.
#[derive(Copy, Clone, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub struct NodeId(pub(crate) u32);

impl NodeId {
    /// The position in side tables (`Vec`s sized by [`Dom::len`]).
    #[inline]
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// What a node is.
#[derive(Debug, Clone)]
pub enum NodeData {
    Document,
    Doctype,
    /// A `<template>`'s contents and other detached fragments.
    Fragment,
    Element(Element),
    Text(StrTendril),
    Comment,
}

/// An element's name and attributes.
#[derive(Debug, Clone)]
pub struct Element {
    pub name: QualName,
    pub attrs: Vec<Attribute>,
    /// `<template>` contents live in a separate fragment, as the spec says.
    pub template_contents: Option<NodeId>,
}

/// One node and its links.
#[derive(Debug, Clone)]
pub struct Node {
    pub parent: Option<NodeId>,
    pub first_child: Option<NodeId>,
    pub last_child: Option<NodeId>,
    pub prev_sibling: Option<NodeId>,
    pub next_sibling: Option<NodeId>,
    pub data: NodeData,
}

impl Node {
    fn new(data: NodeData) -> Node {
        Node { parent: None, first_child: None, last_child: None, prev_sibling: None, next_sibling: None, data }
    }
}

/// A parsed page: an arena of nodes.
#[derive(Debug, Clone)]
pub struct Dom {
    pub(crate) nodes: Vec<Node>,
}

/// The document node.
pub const DOCUMENT: NodeId = NodeId(0);

impl Default for Dom {
    fn default() -> Self {
        Dom::new()
    }
}

impl Dom {
    /// An empty document.
    pub fn new() -> Dom {
        Dom { nodes: vec![Node::new(NodeData::Document)] }
    }

    /// How many nodes were ever created (the size side tables need).
    #[inline]
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.nodes.len() <= 1
    }

    #[inline]
    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id.index()]
    }

    #[inline]
    pub(crate) fn node_mut(&mut self, id: NodeId) -> &mut Node {
        &mut self.nodes[id.index()]
    }

    pub(crate) fn push(&mut self, data: NodeData) -> NodeId {
        let id = NodeId(self.nodes.len() as u32);
        self.nodes.push(Node::new(data));
        id
    }

    /// A new, detached element.
    pub fn create_element(&mut self, name: LocalName) -> NodeId {
        self.push(NodeData::Element(Element {
            name: QualName::new(None, ns!(html), name),
            attrs: Vec::new(),
            template_contents: None,
        }))
    }

    /// A new, detached text node.
    pub fn create_text(&mut self, text: &str) -> NodeId {
        self.push(NodeData::Text(StrTendril::from_slice(text)))
    }

    // ---- links ----

    #[inline]
    pub fn parent(&self, id: NodeId) -> Option<NodeId> {
        self.node(id).parent
    }
    #[inline]
    pub fn first_child(&self, id: NodeId) -> Option<NodeId> {
        self.node(id).first_child
    }
    #[inline]
    pub fn last_child(&self, id: NodeId) -> Option<NodeId> {
        self.node(id).last_child
    }
    #[inline]
    pub fn next_sibling(&self, id: NodeId) -> Option<NodeId> {
        self.node(id).next_sibling
    }
    #[inline]
    pub fn prev_sibling(&self, id: NodeId) -> Option<NodeId> {
        self.node(id).prev_sibling
    }

    /// The children of `id`, first to last.
    pub fn children(&self, id: NodeId) -> Children<'_> {
        Children { dom: self, next: self.first_child(id) }
    }

    /// The element children of `id`.
    pub fn element_children(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        self.children(id).filter(move |&c| self.is_element(c))
    }

    /// `id` and everything below it, in document order, without recursion.
    pub fn descendants(&self, id: NodeId) -> Descendants<'_> {
        Descendants { dom: self, root: id, next: Some(id) }
    }

    /// The ancestors of `id`, nearest first (not `id` itself).
    pub fn ancestors(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        std::iter::successors(self.parent(id), move |&p| self.parent(p))
    }

    /// The node after `id` in document order, skipping `id`'s subtree when
    /// `skip_children` is set; `None` past `root`'s subtree.
    pub fn next_in_order(&self, id: NodeId, root: NodeId, skip_children: bool) -> Option<NodeId> {
        if !skip_children {
            if let Some(c) = self.first_child(id) {
                return Some(c);
            }
        }
        let mut cur = id;
        loop {
            if cur == root {
                return None;
            }
            if let Some(n) = self.next_sibling(cur) {
                return Some(n);
            }
            cur = self.parent(cur)?;
        }
    }

    /// Whether `id` is attached under the document.
    pub fn is_attached(&self, id: NodeId) -> bool {
        id == DOCUMENT || self.ancestors(id).any(|a| a == DOCUMENT)
    }

    /// How many ancestors `id` has.
    pub fn depth(&self, id: NodeId) -> usize {
        self.ancestors(id).count()
    }

    // ---- what a node is ----

    #[inline]
    pub fn element(&self, id: NodeId) -> Option<&Element> {
        match &self.node(id).data {
            NodeData::Element(e) => Some(e),
            _ => None,
        }
    }

    #[inline]
    pub(crate) fn element_mut(&mut self, id: NodeId) -> Option<&mut Element> {
        match &mut self.node_mut(id).data {
            NodeData::Element(e) => Some(e),
            _ => None,
        }
    }

    #[inline]
    pub fn is_element(&self, id: NodeId) -> bool {
        matches!(self.node(id).data, NodeData::Element(_))
    }

    /// The element's local name (`div`, `p`), or `None` for other nodes.
    #[inline]
    pub fn tag(&self, id: NodeId) -> Option<&LocalName> {
        self.element(id).map(|e| &e.name.local)
    }

    /// Whether `id` is an element named `name` (use `local_name!("p")`).
    #[inline]
    pub fn is(&self, id: NodeId, name: &LocalName) -> bool {
        self.tag(id) == Some(name)
    }

    /// The text of a text node.
    #[inline]
    pub fn text(&self, id: NodeId) -> Option<&str> {
        match &self.node(id).data {
            NodeData::Text(t) => Some(t),
            _ => None,
        }
    }

    pub fn set_text(&mut self, id: NodeId, text: &str) {
        if let NodeData::Text(t) = &mut self.node_mut(id).data {
            *t = StrTendril::from_slice(text);
        }
    }

    // ---- attributes ----

    /// An attribute's value (names are matched ASCII case-insensitively, as
    /// html5ever already lowercases HTML attribute names).
    pub fn attr(&self, id: NodeId, name: &str) -> Option<&str> {
        self.element(id)?.attrs.iter().find(|a| &*a.name.local == name).map(|a| &*a.value)
    }

    pub fn has_attr(&self, id: NodeId, name: &str) -> bool {
        self.attr(id, name).is_some()
    }

    pub fn set_attr(&mut self, id: NodeId, name: &str, value: &str) {
        if let Some(e) = self.element_mut(id) {
            if let Some(a) = e.attrs.iter_mut().find(|a| &*a.name.local == name) {
                a.value = StrTendril::from_slice(value);
            } else {
                e.attrs.push(Attribute {
                    name: QualName::new(None, ns!(), LocalName::from(name)),
                    value: StrTendril::from_slice(value),
                });
            }
        }
    }

    pub fn remove_attr(&mut self, id: NodeId, name: &str) {
        if let Some(e) = self.element_mut(id) {
            e.attrs.retain(|a| &*a.name.local != name);
        }
    }

    /// `class` and `id` joined by a space: what class/id weights look at.
    pub fn class_and_id(&self, id: NodeId) -> String {
        let class = self.attr(id, "class").unwrap_or("");
        let ident = self.attr(id, "id").unwrap_or("");
        let mut s = String::with_capacity(class.len() + ident.len() + 1);
        s.push_str(class);
        s.push(' ');
        s.push_str(ident);
        s
    }

    /// Renames an element, keeping its attributes and children.
    pub fn rename(&mut self, id: NodeId, name: LocalName) {
        if let Some(e) = self.element_mut(id) {
            e.name = QualName::new(None, ns!(html), name);
        }
    }

    // ---- text ----

    /// All text below `id`, concatenated (like DOM `textContent`).
    pub fn text_content(&self, id: NodeId) -> String {
        let mut s = String::new();
        for d in self.descendants(id) {
            if let Some(t) = self.text(d) {
                s.push_str(t);
            }
        }
        s
    }

    /// `text_content` with whitespace runs folded to one space and trimmed.
    pub fn inner_text_normalized(&self, id: NodeId) -> String {
        normalize_spaces(&self.text_content(id))
    }

    // ---- mutation ----

    /// Unlinks `id` from its parent and siblings (its subtree stays intact).
    pub fn detach(&mut self, id: NodeId) {
        let node = self.node(id);
        let (parent, prev_sibling, next_sibling) = (node.parent, node.prev_sibling, node.next_sibling);
        if let Some(p) = prev_sibling {
            self.node_mut(p).next_sibling = next_sibling;
        } else if let Some(par) = parent {
            self.node_mut(par).first_child = next_sibling;
        }
        if let Some(n) = next_sibling {
            self.node_mut(n).prev_sibling = prev_sibling;
        } else if let Some(par) = parent {
            self.node_mut(par).last_child = prev_sibling;
        }
        let node = self.node_mut(id);
        node.parent = None;
        node.prev_sibling = None;
        node.next_sibling = None;
    }

    /// Appends `child` (detached first) as the last child of `parent`.
    pub fn append(&mut self, parent: NodeId, child: NodeId) {
        self.detach(child);
        let last = self.last_child(parent);
        {
            let c = self.node_mut(child);
            c.parent = Some(parent);
            c.prev_sibling = last;
        }
        match last {
            Some(l) => self.node_mut(l).next_sibling = Some(child),
            None => self.node_mut(parent).first_child = Some(child),
        }
        self.node_mut(parent).last_child = Some(child);
    }

    /// Inserts `new` (detached first) just before `sibling`.
    pub fn insert_before(&mut self, sibling: NodeId, new: NodeId) {
        self.detach(new);
        let parent = self.parent(sibling);
        let prev = self.prev_sibling(sibling);
        {
            let n = self.node_mut(new);
            n.parent = parent;
            n.prev_sibling = prev;
            n.next_sibling = Some(sibling);
        }
        self.node_mut(sibling).prev_sibling = Some(new);
        match prev {
            Some(p) => self.node_mut(p).next_sibling = Some(new),
            None => {
                if let Some(par) = parent {
                    self.node_mut(par).first_child = Some(new);
                }
            }
        }
    }

    /// Puts `new` where `old` is; `old` is left detached.
    pub fn replace(&mut self, old: NodeId, new: NodeId) {
        if new == old {
            return;
        }
        self.insert_before(old, new);
        self.detach(old);
    }

    /// Moves every child of `from` to the end of `to`.
    pub fn move_children(&mut self, from: NodeId, to: NodeId) {
        while let Some(c) = self.first_child(from) {
            self.append(to, c);
        }
    }

    /// Replaces `id` by its children.
    pub fn unwrap(&mut self, id: NodeId) {
        while let Some(c) = self.first_child(id) {
            self.insert_before(id, c);
        }
        self.detach(id);
    }

    /// Removes `id` from the tree.
    pub fn remove(&mut self, id: NodeId) {
        self.detach(id);
    }

    // ---- finding ----

    /// The first element named `name` at or below `root`.
    pub fn find(&self, root: NodeId, name: &LocalName) -> Option<NodeId> {
        self.descendants(root).find(|&d| self.is(d, name))
    }

    /// Every element named `name` at or below `root`, in document order.
    pub fn find_all(&self, root: NodeId, name: &LocalName) -> Vec<NodeId> {
        self.descendants(root).filter(|&d| self.is(d, name)).collect()
    }

    /// The `<html>` element.
    pub fn html(&self) -> Option<NodeId> {
        self.element_children(DOCUMENT).find(|&c| self.is(c, &local_name!("html")))
    }

    /// The `<head>` element.
    pub fn head(&self) -> Option<NodeId> {
        let html = self.html()?;
        self.element_children(html).find(|&c| self.is(c, &local_name!("head")))
    }

    /// The `<body>` element (html5ever always makes one for documents).
    pub fn body(&self) -> Option<NodeId> {
        let html = self.html()?;
        self.element_children(html).find(|&c| self.is(c, &local_name!("body")))
    }

    /// The nearest ancestor (not `id` itself) named `name`, within `max_hops`.
    pub fn ancestor_named(&self, id: NodeId, name: &LocalName, max_hops: usize) -> Option<NodeId> {
        self.ancestors(id).take(max_hops).find(|&a| self.is(a, name))
    }
}

/// Iterator over a node's children.
pub struct Children<'a> {
    dom: &'a Dom,
    next: Option<NodeId>,
}

impl Iterator for Children<'_> {
    type Item = NodeId;
    #[inline]
    fn next(&mut self) -> Option<NodeId> {
        let cur = self.next?;
        self.next = self.dom.next_sibling(cur);
        Some(cur)
    }
}

/// Pre-order iterator over a subtree, following links instead of recursing.
pub struct Descendants<'a> {
    dom: &'a Dom,
    root: NodeId,
    next: Option<NodeId>,
}

impl Descendants<'_> {
    /// Do not descend into the node last returned.
    pub fn skip_subtree(&mut self, last: NodeId) {
        self.next = self.dom.next_in_order(last, self.root, true);
    }
}

impl Iterator for Descendants<'_> {
    type Item = NodeId;
    #[inline]
    fn next(&mut self) -> Option<NodeId> {
        let cur = self.next?;
        self.next = self.dom.next_in_order(cur, self.root, false);
        Some(cur)
    }
}

/// Folds runs of whitespace (any Unicode white space) into one space and trims.
pub fn normalize_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for ch in s.chars() {
        if ch.is_whitespace() {
            pending_space = !out.is_empty();
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(ch);
        }
    }
    out
}

/// Elements with no end tag and no children
/// (<https://html.spec.whatwg.org/multipage/syntax.html#void-elements>).
pub fn is_void(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("area")
            | local_name!("base")
            | local_name!("br")
            | local_name!("col")
            | local_name!("embed")
            | local_name!("hr")
            | local_name!("img")
            | local_name!("input")
            | local_name!("link")
            | local_name!("meta")
            | local_name!("source")
            | local_name!("track")
            | local_name!("wbr")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> (Dom, NodeId, NodeId, NodeId) {
        let mut dom = Dom::new();
        let div = dom.create_element(local_name!("div"));
        dom.append(DOCUMENT, div);
        let a = dom.create_text("a");
        let p = dom.create_element(local_name!("p"));
        dom.append(div, a);
        dom.append(div, p);
        let b = dom.create_text("b");
        dom.append(p, b);
        (dom, div, a, p)
    }

    #[test]
    fn links_stay_consistent_through_mutation() {
        let (mut dom, div, a, p) = sample();
        assert_eq!(dom.children(div).collect::<Vec<_>>(), vec![a, p]);
        dom.unwrap(p);
        assert_eq!(dom.text_content(div), "ab");
        assert_eq!(dom.children(div).count(), 2);
        assert!(!dom.is_attached(p));
        dom.detach(a);
        assert_eq!(dom.text_content(div), "b");
        assert_eq!(dom.prev_sibling(dom.first_child(div).unwrap()), None);
    }

    #[test]
    fn descendants_walk_without_recursion_and_can_skip() {
        let (dom, div, a, p) = sample();
        let all: Vec<_> = dom.descendants(div).collect();
        assert_eq!(all.len(), 4);
        assert_eq!(all[1], a);
        let mut it = dom.descendants(div);
        let mut seen = vec![];
        while let Some(n) = it.next() {
            seen.push(n);
            if n == p {
                it.skip_subtree(n);
            }
        }
        assert_eq!(seen, vec![div, a, p]);
    }

    #[test]
    fn attributes_set_replace_and_remove() {
        let (mut dom, div, ..) = sample();
        dom.set_attr(div, "class", "x");
        dom.set_attr(div, "class", "y");
        dom.set_attr(div, "id", "z");
        assert_eq!(dom.class_and_id(div), "y z");
        dom.remove_attr(div, "class");
        assert_eq!(dom.attr(div, "class"), None);
    }

    #[test]
    fn normalize_spaces_folds_unicode_whitespace() {
        assert_eq!(normalize_spaces("  a \u{a0}\n b  "), "a b");
        assert_eq!(normalize_spaces(""), "");
    }
}

/// Phrasing content, as Readability.js counts it
/// (<https://developer.mozilla.org/docs/Web/HTML/Content_categories#phrasing_content>).
pub fn is_phrasing_tag(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("abbr")
            | local_name!("audio")
            | local_name!("b")
            | local_name!("bdo")
            | local_name!("br")
            | local_name!("button")
            | local_name!("cite")
            | local_name!("code")
            | local_name!("data")
            | local_name!("datalist")
            | local_name!("dfn")
            | local_name!("em")
            | local_name!("embed")
            | local_name!("i")
            | local_name!("img")
            | local_name!("input")
            | local_name!("kbd")
            | local_name!("label")
            | local_name!("mark")
            | local_name!("math")
            | local_name!("meter")
            | local_name!("noscript")
            | local_name!("object")
            | local_name!("output")
            | local_name!("progress")
            | local_name!("q")
            | local_name!("ruby")
            | local_name!("samp")
            | local_name!("script")
            | local_name!("select")
            | local_name!("small")
            | local_name!("span")
            | local_name!("strong")
            | local_name!("sub")
            | local_name!("sup")
            | local_name!("textarea")
            | local_name!("time")
            | local_name!("var")
            | local_name!("wbr")
            | local_name!("font")
            | local_name!("u")
            | local_name!("s")
            | local_name!("picture")
    )
}

impl Dom {
    /// Text, phrasing elements, and `a`/`del`/`ins` holding only phrasing
    /// content (Readability's `_isPhrasingContent`, without recursion: the
    /// inner check looks one level down, which is what matters for wrapping).
    pub fn is_phrasing(&self, id: NodeId) -> bool {
        match &self.node(id).data {
            NodeData::Text(_) => true,
            NodeData::Element(e) => {
                let n = &e.name.local;
                is_phrasing_tag(n)
                    || (matches!(*n, local_name!("a") | local_name!("del") | local_name!("ins"))
                        && self.descendants(id).skip(1).all(|d| match self.tag(d) {
                            Some(t) => is_phrasing_tag(t) || matches!(*t, local_name!("a") | local_name!("del") | local_name!("ins")),
                            None => true,
                        }))
            }
            _ => false,
        }
    }

    /// A text node of only whitespace, or a `<br>` (Readability's `_isWhitespace`).
    pub fn is_whitespace(&self, id: NodeId) -> bool {
        match &self.node(id).data {
            NodeData::Text(t) => t.trim().is_empty(),
            NodeData::Element(e) => e.name.local == local_name!("br"),
            NodeData::Comment => true,
            _ => false,
        }
    }

    /// The next sibling that is an element or non-blank text (`_nextNode`).
    pub fn next_significant(&self, id: Option<NodeId>) -> Option<NodeId> {
        let mut cur = id;
        while let Some(c) = cur {
            match &self.node(c).data {
                NodeData::Element(_) => return Some(c),
                NodeData::Text(t) if !t.trim().is_empty() => return Some(c),
                _ => cur = self.next_sibling(c),
            }
        }
        None
    }
}
