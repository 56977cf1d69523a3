//! Plain text of an article: what a reader would copy. Blocks are separated
//! by a blank line, `<br>` is a line break, white space inside a block folds
//! to one space (`<pre>` keeps its own), and no word is glued to the next
//! block's or split at an inline element's edge.

use html5ever::{local_name, LocalName};

use crate::dom::{Dom, NodeData, NodeId};

/// Elements that start and end a paragraph of text.
pub fn is_block(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("p")
            | local_name!("div")
            | local_name!("section")
            | local_name!("article")
            | local_name!("main")
            | local_name!("header")
            | local_name!("footer")
            | local_name!("aside")
            | local_name!("nav")
            | local_name!("h1")
            | local_name!("h2")
            | local_name!("h3")
            | local_name!("h4")
            | local_name!("h5")
            | local_name!("h6")
            | local_name!("ul")
            | local_name!("ol")
            | local_name!("li")
            | local_name!("dl")
            | local_name!("dt")
            | local_name!("dd")
            | local_name!("blockquote")
            | local_name!("pre")
            | local_name!("figure")
            | local_name!("figcaption")
            | local_name!("table")
            | local_name!("thead")
            | local_name!("tbody")
            | local_name!("tfoot")
            | local_name!("tr")
            | local_name!("caption")
            | local_name!("hr")
            | local_name!("address")
            | local_name!("details")
            | local_name!("summary")
            | local_name!("form")
            | local_name!("fieldset")
            | local_name!("center")
    )
}

struct Writer {
    out: String,
    /// A space is owed before the next word of this paragraph.
    space: bool,
    /// A paragraph break is owed before the next word.
    para: bool,
}

impl Writer {
    fn word_text(&mut self, s: &str) {
        for (i, piece) in s.split(char::is_whitespace).enumerate() {
            if i > 0 {
                self.space = true;
            }
            if piece.is_empty() {
                continue;
            }
            self.emit(piece);
        }
    }

    fn emit(&mut self, piece: &str) {
        if self.para && !self.out.is_empty() {
            while self.out.ends_with([' ', '\n']) {
                self.out.pop();
            }
            self.out.push_str("\n\n");
        } else if self.space && !self.out.is_empty() && !self.out.ends_with('\n') {
            self.out.push(' ');
        }
        self.para = false;
        self.space = false;
        self.out.push_str(piece);
    }

    fn line_break(&mut self) {
        if !self.out.is_empty() && !self.para {
            while self.out.ends_with(' ') {
                self.out.pop();
            }
            self.out.push('\n');
            self.space = false;
        }
    }
}

/// The plain text of `root`'s subtree.
pub fn to_text(dom: &Dom, root: NodeId) -> String {
    let mut w = Writer { out: String::new(), space: false, para: false };
    // (node, leaving) pairs: an explicit stack instead of recursion.
    let mut stack: Vec<(NodeId, bool)> = vec![(root, false)];
    let mut pre_depth = 0usize;
    while let Some((id, leaving)) = stack.pop() {
        match &dom.node(id).data {
            NodeData::Text(t) if !leaving => {
                if pre_depth > 0 {
                    let mut lines = t.split('\n').peekable();
                    while let Some(line) = lines.next() {
                        if !line.is_empty() {
                            w.emit(line);
                        }
                        if lines.peek().is_some() {
                            w.line_break();
                        }
                    }
                } else {
                    w.word_text(t);
                }
            }
            NodeData::Element(e) => {
                let name = &e.name.local;
                if matches!(*name, local_name!("script") | local_name!("style") | local_name!("template") | local_name!("noscript")) {
                    continue;
                }
                if leaving {
                    if is_block(name) {
                        w.para = true;
                    } else if matches!(*name, local_name!("td") | local_name!("th")) {
                        w.space = true;
                    }
                    if *name == local_name!("pre") {
                        pre_depth -= 1;
                    }
                    continue;
                }
                if *name == local_name!("br") {
                    w.line_break();
                    continue;
                }
                if is_block(name) {
                    w.para = true;
                } else if matches!(*name, local_name!("td") | local_name!("th")) {
                    w.space = true;
                }
                if *name == local_name!("pre") {
                    pre_depth += 1;
                }
                stack.push((id, true));
                let start = stack.len();
                stack.extend(dom.children(id).map(|c| (c, false)));
                stack[start..].reverse();
            }
            NodeData::Document | NodeData::Fragment if !leaving => {
                let start = stack.len();
                stack.extend(dom.children(id).map(|c| (c, false)));
                stack[start..].reverse();
            }
            _ => {}
        }
    }
    let mut out = w.out;
    while out.ends_with([' ', '\n']) {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_html;

    fn text(html: &str) -> String {
        let dom = parse_html(html, 512);
        to_text(&dom, dom.body().unwrap())
    }

    #[test]
    fn blocks_are_paragraphs_and_inline_edges_join() {
        assert_eq!(text("<p>end.</p><p>Start <b>wo</b>rd</p>"), "end.\n\nStart word");
        assert_eq!(text("<div>a<div>b</div>c</div>"), "a\n\nb\n\nc");
        assert_eq!(text("<ul><li>one</li><li>two</li></ul>"), "one\n\ntwo");
        assert_eq!(text("<p>line<br>next</p>"), "line\nnext");
    }

    #[test]
    fn whitespace_folds_but_pre_keeps_lines() {
        assert_eq!(text("<p>  a \n\n b  </p>"), "a b");
        assert_eq!(text("<pre>x  = 1\ny = 2</pre>"), "x  = 1\ny = 2");
    }

    #[test]
    fn table_cells_do_not_glue() {
        assert_eq!(text("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>"), "a b\n\nc");
    }
}
