//! HTML text into the arena [`Dom`], through html5ever.
//!
//! html5ever's tree builder talks to storage through its `TreeSink` trait;
//! [`ArenaSink`] implements it over [`Dom`]. Between the tokenizer and the
//! tree builder sits [`DepthLimiter`]: the tree builder scans its stack of
//! open elements for every tag, so 20,000 nested `<div>`s take seconds
//! (quadratic), and browsers cap nesting anyway (Blink at 512,
//! <https://crbug.com/1052853>). Start tags past the cap are dropped with
//! their end tags, so their content lands in the deepest allowed element.

use std::borrow::Cow;
use std::cell::{Ref, RefCell};
use std::collections::HashMap;

use html5ever::interface::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::tree_builder::{TreeBuilder, TreeBuilderOpts};
use html5ever::{local_name, Attribute, LocalName, QualName};
use tendril::StrTendril;
use html5ever::TokenizerResult;

use crate::dom::{is_void, Dom, Element, NodeData, NodeId, DOCUMENT};

/// Parses a whole document. `<noscript>` content is parsed as elements
/// (scripting off), because lazy-loading pages keep their real `<img>` there.
pub fn parse_html(html: &str, max_depth: usize) -> Dom {
    let sink = ArenaSink { dom: RefCell::new(Dom::new()) };
    let builder = TreeBuilder::new(
        sink,
        TreeBuilderOpts { scripting_enabled: false, ..Default::default() },
    );
    let limiter = DepthLimiter {
        inner: builder,
        max_depth: max_depth.max(16),
        open: RefCell::new(Vec::new()),
        dropped: RefCell::new(HashMap::new()),
    };
    let tokenizer = Tokenizer::new(limiter, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    // `feed` pauses at each `</script>` (so a browser could run it) and at
    // each `<meta charset>` (so a decoder could restart); we do neither:
    // the input is already text.
    while !matches!(tokenizer.feed(&input), TokenizerResult::Done) {}
    tokenizer.end();
    tokenizer.sink.inner.sink.dom.into_inner()
}

/// The tree builder's storage: the arena, behind a `RefCell` because
/// html5ever's `TreeSink` methods take `&self`.
struct ArenaSink {
    dom: RefCell<Dom>,
}

impl ArenaSink {
    fn append_text_or_node(&self, parent: NodeId, child: NodeOrText<NodeId>, before: Option<NodeId>) {
        let mut dom = self.dom.borrow_mut();
        match child {
            NodeOrText::AppendNode(node) => match before {
                Some(sibling) => dom.insert_before(sibling, node),
                None => dom.append(parent, node),
            },
            NodeOrText::AppendText(text) => {
                // Merge with the neighbouring text node, as the spec's
                // "insert a character" does.
                let neighbour = match before {
                    Some(sibling) => dom.prev_sibling(sibling),
                    None => dom.last_child(parent),
                };
                if let Some(n) = neighbour {
                    if let NodeData::Text(t) = &mut dom.node_mut(n).data {
                        t.push_tendril(&text);
                        return;
                    }
                }
                let id = dom.push(NodeData::Text(text));
                match before {
                    Some(sibling) => dom.insert_before(sibling, id),
                    None => dom.append(parent, id),
                }
            }
        }
    }
}

impl TreeSink for ArenaSink {
    type Handle = NodeId;
    type Output = Dom;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Dom {
        self.dom.into_inner()
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> NodeId {
        DOCUMENT
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Ref<'a, QualName> {
        Ref::map(self.dom.borrow(), |dom| match &dom.node(*target).data {
            NodeData::Element(e) => &e.name,
            // The tree builder only asks for names of elements it created.
            _ => unreachable_name(),
        })
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        let mut dom = self.dom.borrow_mut();
        let template_contents = flags.template.then(|| dom.push(NodeData::Fragment));
        dom.push(NodeData::Element(Element { name, attrs, template_contents }))
    }

    fn create_comment(&self, _text: StrTendril) -> NodeId {
        self.dom.borrow_mut().push(NodeData::Comment)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> NodeId {
        self.dom.borrow_mut().push(NodeData::Comment)
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        self.append_text_or_node(*parent, child, None);
    }

    fn append_based_on_parent_node(&self, element: &NodeId, prev_element: &NodeId, child: NodeOrText<NodeId>) {
        if self.dom.borrow().parent(*element).is_some() {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _name: StrTendril, _public_id: StrTendril, _system_id: StrTendril) {
        let mut dom = self.dom.borrow_mut();
        let id = dom.push(NodeData::Doctype);
        dom.append(DOCUMENT, id);
    }

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        let dom = self.dom.borrow();
        dom.element(*target).and_then(|e| e.template_contents).unwrap_or(*target)
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        let parent = self.dom.borrow().parent(*sibling);
        if let Some(parent) = parent {
            self.append_text_or_node(parent, new_node, Some(*sibling));
        }
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        let mut dom = self.dom.borrow_mut();
        if let Some(e) = dom.element_mut(*target) {
            for a in attrs {
                if !e.attrs.iter().any(|x| x.name == a.name) {
                    e.attrs.push(a);
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &NodeId) {
        self.dom.borrow_mut().detach(*target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        self.dom.borrow_mut().move_children(*node, *new_parent);
    }
}

fn unreachable_name() -> &'static QualName {
    static NAME: std::sync::OnceLock<QualName> = std::sync::OnceLock::new();
    NAME.get_or_init(|| QualName::new(None, html5ever::ns!(html), local_name!("div")))
}

/// Drops start tags nested deeper than `max_depth` (and their end tags).
///
/// It keeps its own light model of the open-element stack: end tags pop to
/// their match, and the common implied end tags (`<p>`, `<li>`, `<td>`,
/// `<option>`…) are modelled so long flat runs of unclosed `<p>` or `<li>`
/// do not count as nesting.
struct DepthLimiter<S> {
    inner: S,
    max_depth: usize,
    open: RefCell<Vec<LocalName>>,
    dropped: RefCell<HashMap<LocalName, usize>>,
}

impl<S: TokenSink> TokenSink for DepthLimiter<S> {
    type Handle = S::Handle;

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<S::Handle> {
        if let Token::TagToken(tag) = &token {
            if !self.admit(tag) {
                return TokenSinkResult::Continue;
            }
        }
        self.inner.process_token(token, line_number)
    }

    fn end(&self) {
        self.inner.end()
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.inner.adjusted_current_node_present_but_not_in_html_namespace()
    }
}

impl<S> DepthLimiter<S> {
    /// Updates the model for `tag`; `false` means drop the token.
    fn admit(&self, tag: &Tag) -> bool {
        let mut open = self.open.borrow_mut();
        match tag.kind {
            TagKind::StartTag => {
                if tag.self_closing || is_void(&tag.name) {
                    return true;
                }
                close_implied(&mut open, &tag.name);
                if open.len() >= self.max_depth {
                    *self.dropped.borrow_mut().entry(tag.name.clone()).or_default() += 1;
                    return false;
                }
                open.push(tag.name.clone());
                true
            }
            TagKind::EndTag => {
                let mut dropped = self.dropped.borrow_mut();
                if let Some(n) = dropped.get_mut(&tag.name) {
                    if *n > 0 {
                        *n -= 1;
                        return false;
                    }
                }
                if let Some(pos) = open.iter().rposition(|n| *n == tag.name) {
                    open.truncate(pos);
                }
                true
            }
        }
    }
}

/// Pops what a start tag implicitly closes, in the common cases
/// (<https://html.spec.whatwg.org/multipage/syntax.html#optional-tags>).
fn close_implied(open: &mut Vec<LocalName>, start: &LocalName) {
    let closes_p = matches!(
        *start,
        local_name!("p")
            | local_name!("div")
            | local_name!("ul")
            | local_name!("ol")
            | local_name!("table")
            | local_name!("section")
            | local_name!("article")
            | local_name!("blockquote")
            | local_name!("h1")
            | local_name!("h2")
            | local_name!("h3")
            | local_name!("h4")
            | local_name!("h5")
            | local_name!("h6")
            | local_name!("pre")
            | local_name!("figure")
            | local_name!("header")
            | local_name!("footer")
            | local_name!("nav")
            | local_name!("aside")
            | local_name!("dl")
            | local_name!("form")
    );
    if closes_p && open.last() == Some(&local_name!("p")) {
        open.pop();
    }
    let (same, boundary): (&[LocalName], &[LocalName]) = match *start {
        local_name!("li") => (&[local_name!("li")], &[local_name!("ul"), local_name!("ol"), local_name!("menu")]),
        local_name!("dt") | local_name!("dd") => (&[local_name!("dt"), local_name!("dd")], &[local_name!("dl")]),
        local_name!("option") => (&[local_name!("option")], &[local_name!("select"), local_name!("datalist")]),
        local_name!("td") | local_name!("th") => (&[local_name!("td"), local_name!("th")], &[local_name!("tr"), local_name!("table")]),
        local_name!("tr") => (&[local_name!("tr")], &[local_name!("table"), local_name!("tbody"), local_name!("thead"), local_name!("tfoot")]),
        _ => return,
    };
    // Only look a few levels up: an implied end tag closes a near ancestor.
    let window = open.len().saturating_sub(8);
    for i in (window..open.len()).rev() {
        if boundary.contains(&open[i]) {
            return;
        }
        if same.contains(&open[i]) {
            open.truncate(i);
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::serialize::outer_html;

    #[test]
    fn parses_a_document_with_implied_elements() {
        let dom = parse_html("<title>T</title><p>Hello <b>world</b>", 512);
        let body = dom.body().unwrap();
        assert_eq!(outer_html(&dom, body), "<body><p>Hello <b>world</b></p></body>");
        assert_eq!(dom.text_content(dom.head().unwrap()), "T");
    }

    #[test]
    fn meta_charset_does_not_stop_the_parse() {
        let dom = parse_html("<head><meta charset=utf-8><title>T</title></head><p>body text", 512);
        assert_eq!(dom.text_content(dom.body().unwrap()), "body text");
    }

    #[test]
    fn noscript_content_is_parsed_as_elements() {
        let dom = parse_html("<body><noscript><img src=a.jpg></noscript>", 512);
        assert!(dom.find(crate::dom::DOCUMENT, &local_name!("img")).is_some());
    }

    #[test]
    fn deep_nesting_is_capped_and_content_kept() {
        let n = 100_000;
        let html = format!("{}x{}", "<div>".repeat(n), "</div>".repeat(n));
        let dom = parse_html(&html, 512);
        let depth = dom.descendants(DOCUMENT).map(|d| dom.depth(d)).max().unwrap();
        assert!(depth <= 520, "depth {depth}");
        assert_eq!(dom.text_content(dom.body().unwrap()), "x");
    }

    #[test]
    fn long_runs_of_unclosed_paragraphs_are_not_nesting() {
        let html = format!("<div>{}</div><p>after", "<p>para".repeat(2000));
        let dom = parse_html(&html, 512);
        assert_eq!(dom.find_all(DOCUMENT, &local_name!("p")).len(), 2001);
    }

    #[test]
    fn template_contents_are_kept_apart() {
        let dom = parse_html("<template><p>hidden</p></template><p>shown</p>", 512);
        assert_eq!(dom.text_content(dom.body().unwrap()), "shown");
    }
}
