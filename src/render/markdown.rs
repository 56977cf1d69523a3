//! The article as CommonMark (GFM tables), from the arena tree, without
//! recursion: an explicit stack of (node, leaving) with a context stack for
//! lists and blockquotes.

use html5ever::local_name;

use crate::dom::{Dom, NodeData, NodeId};
use crate::render::text::is_block;

/// Parses `html` (an article's content) and renders it as Markdown.
pub fn html_to_markdown(html: &str) -> String {
    let dom = crate::parse::parse_html(html, 512);
    match dom.body() {
        Some(body) => to_markdown(&dom, body),
        None => String::new(),
    }
}

#[derive(Clone)]
enum Ctx {
    List { ordered: bool, next: u64 },
    Quote,
}

struct Md {
    out: String,
    ctx: Vec<Ctx>,
    /// Block break owed before the next content.
    para: bool,
    space: bool,
    /// Prefix for continuation lines inside list items/quotes.
    pending_item: Option<String>,
    /// The owed break is between list items: one newline, not a blank line.
    tight: bool,
}

impl Md {
    fn prefix(&self) -> String {
        let mut p = String::new();
        for c in &self.ctx {
            match c {
                Ctx::Quote => p.push_str("> "),
                Ctx::List { ordered: true, .. } => p.push_str("    "),
                Ctx::List { .. } => p.push_str("  "),
            }
        }
        p
    }

    fn start_content(&mut self) {
        if self.para && !self.out.is_empty() {
            while self.out.ends_with([' ', '\n']) {
                self.out.pop();
            }
            self.out.push('\n');
            if !self.tight {
                let pre = self.prefix();
                self.out.push_str(pre.trim_end());
                self.out.push('\n');
            }
        }
        self.tight = false;
        if self.para || self.out.is_empty() || self.out.ends_with('\n') {
            if let Some(item) = self.pending_item.take() {
                let pre = self.prefix();
                // The item marker replaces the last list level's indent.
                let cut = pre.len().saturating_sub(if item.len() > 2 { 4 } else { 2 });
                self.out.push_str(&pre[..cut]);
                self.out.push_str(&item);
            } else if self.out.is_empty() || self.out.ends_with('\n') {
                let pre = self.prefix();
                self.out.push_str(&pre);
            }
        } else if self.space {
            self.out.push(' ');
        }
        self.para = false;
        self.space = false;
    }

    fn text(&mut self, s: &str) {
        for (i, word) in s.split(char::is_whitespace).enumerate() {
            if i > 0 {
                self.space = true;
            }
            if word.is_empty() {
                continue;
            }
            self.start_content();
            let at_line_start = self.out.is_empty() || self.out.ends_with('\n') || self.out.ends_with("> ") || self.out.ends_with("  ");
            self.out.push_str(&escape(word, at_line_start));
        }
    }

    fn raw(&mut self, s: &str) {
        self.start_content();
        self.out.push_str(s);
    }
}

/// Escapes Markdown syntax in a word of text.
fn escape(word: &str, line_start: bool) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        if matches!(c, '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>') {
            out.push('\\');
        }
        out.push(c);
    }
    if line_start {
        let starts_block = out.starts_with('#') || out.starts_with('+') || out.starts_with('-') || out.starts_with('=');
        let numbered = out.trim_end_matches(['.', ')']).chars().all(|c| c.is_ascii_digit()) && (out.ends_with('.') || out.ends_with(')')) && out.len() > 1;
        if starts_block {
            out.insert(0, '\\');
        } else if numbered {
            let at = out.len() - 1;
            out.insert(at, '\\');
        }
    }
    out
}

fn fence_for(code: &str) -> String {
    let longest = code.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    "`".repeat((longest + 1).max(3))
}

/// The Markdown of `root`'s subtree.
pub fn to_markdown(dom: &Dom, root: NodeId) -> String {
    let mut md = Md { out: String::new(), ctx: Vec::new(), para: false, space: false, pending_item: None, tight: false };
    let mut stack: Vec<(NodeId, bool)> = vec![(root, false)];
    while let Some((id, leaving)) = stack.pop() {
        let NodeData::Element(e) = &dom.node(id).data else {
            if let (Some(t), false) = (dom.text(id), leaving) {
                md.text(t);
            } else if matches!(dom.node(id).data, NodeData::Document | NodeData::Fragment) {
                push_children(dom, id, &mut stack);
            }
            continue;
        };
        let name = e.name.local.clone();
        if leaving {
            match name {
                local_name!("strong") | local_name!("b") => md.out.push_str("**"),
                local_name!("em") | local_name!("i") => md.out.push('*'),
                local_name!("a") => {
                    let href = dom.attr(id, "href").unwrap_or("");
                    md.out.push_str(&format!("]({})", href.replace(' ', "%20").replace(')', "%29")));
                }
                local_name!("ul") | local_name!("ol") | local_name!("blockquote") => {
                    md.ctx.pop();
                    md.para = true;
                }
                local_name!("tr") => {
                    md.out.push_str(" |\n");
                    // A header separator after the first row.
                    if dom.prev_sibling(id).is_none_or(|_| !dom.children(dom.parent(id).unwrap_or(id)).any(|r| r != id && dom.is(r, &local_name!("tr")) && r < id)) {
                        let cells = dom.element_children(id).count().max(1);
                        md.out.push_str(&format!("|{}\n", " --- |".repeat(cells)));
                    }
                }
                local_name!("figcaption") => {
                    md.out.push('*');
                    md.para = true;
                }
                _ if is_block(&name) => md.para = true,
                _ => {}
            }
            continue;
        }
        match name {
            local_name!("script") | local_name!("style") | local_name!("template") => continue,
            local_name!("br") => {
                md.out.push_str("\\\n");
                md.out.push_str(&md.prefix());
                continue;
            }
            local_name!("hr") => {
                md.para = true;
                md.raw("---");
                md.para = true;
                continue;
            }
            local_name!("img") => {
                let src = dom.attr(id, "src").unwrap_or("");
                if !src.is_empty() {
                    let alt = dom.attr(id, "alt").unwrap_or("").replace(['[', ']'], "");
                    md.raw(&format!("![{alt}]({})", src.replace(' ', "%20")));
                }
                continue;
            }
            local_name!("pre") => {
                let code = dom.text_content(id);
                let lang = dom
                    .descendants(id)
                    .find_map(|d| dom.attr(d, "class").and_then(|c| c.split_whitespace().find_map(|k| k.strip_prefix("language-").map(str::to_string))))
                    .unwrap_or_default();
                let fence = fence_for(&code);
                md.para = true;
                md.raw(&format!("{fence}{lang}\n{}\n{fence}", code.trim_end_matches('\n')));
                md.para = true;
                continue;
            }
            local_name!("code") => {
                let code = dom.text_content(id);
                let ticks = "`".repeat(code.split(|c| c != '`').map(str::len).max().unwrap_or(0) + 1);
                let pad = if code.starts_with('`') || code.ends_with('`') { " " } else { "" };
                md.raw(&format!("{ticks}{pad}{code}{pad}{ticks}"));
                continue;
            }
            local_name!("h1") | local_name!("h2") | local_name!("h3") | local_name!("h4") | local_name!("h5") | local_name!("h6") => {
                let level = name.as_bytes()[1] - b'0';
                md.para = true;
                md.raw(&format!("{} ", "#".repeat(level as usize)));
            }
            local_name!("strong") | local_name!("b") => md.raw("**"),
            local_name!("em") | local_name!("i") => md.raw("*"),
            local_name!("a") => md.raw("["),
            local_name!("ul") | local_name!("ol") => {
                let ordered = name == local_name!("ol");
                let start = dom.attr(id, "start").and_then(|s| s.parse().ok()).unwrap_or(1);
                md.para = true;
                md.tight = md.ctx.iter().any(|c| matches!(c, Ctx::List { .. }));
                md.ctx.push(Ctx::List { ordered, next: start });
            }
            local_name!("li") => {
                md.para = true;
                md.tight = true;
                let marker = match md.ctx.iter_mut().rev().find(|c| matches!(c, Ctx::List { .. })) {
                    Some(Ctx::List { ordered: true, next }) => {
                        let m = format!("{next}. ");
                        *next += 1;
                        format!("{m:<4}")
                    }
                    _ => "- ".to_string(),
                };
                md.pending_item = Some(marker);
            }
            local_name!("blockquote") => {
                md.para = true;
                md.ctx.push(Ctx::Quote);
            }
            local_name!("tr") => {
                md.para = md.para || !md.out.ends_with('\n');
                if md.para {
                    md.out.push_str("\n\n");
                    md.para = false;
                }
                md.out.push('|');
            }
            local_name!("td") | local_name!("th") => {
                let cell = crate::dom::normalize_spaces(&dom.text_content(id)).replace('|', "\\|");
                md.out.push_str(&format!(" {cell} |"));
                continue;
            }
            local_name!("table") | local_name!("tbody") | local_name!("thead") | local_name!("tfoot") => {}
            local_name!("figcaption") => {
                md.para = true;
                md.raw("*");
            }
            _ if is_block(&name) => md.para = true,
            _ => {}
        }
        stack.push((id, true));
        push_children(dom, id, &mut stack);
    }
    let mut out = md.out.replace(" |\n|", " |\n|");
    while out.ends_with([' ', '\n']) {
        out.pop();
    }
    out.push('\n');
    out
}

fn push_children(dom: &Dom, id: NodeId, stack: &mut Vec<(NodeId, bool)>) {
    let start = stack.len();
    stack.extend(dom.children(id).map(|c| (c, false)));
    stack[start..].reverse();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_common_constructs() {
        assert_eq!(html_to_markdown("<h2>Title</h2><p>Some <b>bold</b> and <em>em</em>.</p>"), "## Title\n\nSome **bold** and *em*.\n");
        assert_eq!(html_to_markdown(r#"<p><a href="https://x.org/a b">link</a></p>"#), "[link](https://x.org/a%20b)\n");
        assert_eq!(html_to_markdown("<ul><li>one</li><li>two</li></ul>"), "- one\n- two\n");
        assert_eq!(html_to_markdown("<ol><li>one</li><li>two</li></ol>"), "1.  one\n2.  two\n");
        assert_eq!(html_to_markdown("<blockquote><p>quoted</p></blockquote>"), "> quoted\n");
        assert_eq!(html_to_markdown("<pre><code class=\"language-rust\">fn x() {}</code></pre>"), "```rust\nfn x() {}\n```\n");
        assert_eq!(html_to_markdown("<p>a * b _c_ [d]</p>"), "a \\* b \\_c\\_ \\[d\\]\n");
        assert_eq!(html_to_markdown("<p>1. not a list</p>"), "1\\. not a list\n");
        assert_eq!(html_to_markdown(r#"<p><img src="a.jpg" alt="A"></p>"#), "![A](a.jpg)\n");
    }

    #[test]
    fn keeps_every_word_of_the_text() {
        let html = "<h2>Head</h2><p>One <i>two</i> three.</p><ul><li>four<ul><li>five</li></ul></li></ul><table><tr><th>six</th></tr><tr><td>seven</td></tr></table><blockquote>eight</blockquote>";
        let md = html_to_markdown(html);
        for w in ["Head", "One", "two", "three", "four", "five", "six", "seven", "eight"] {
            assert!(md.contains(w), "{w} missing from {md}");
        }
    }
}
