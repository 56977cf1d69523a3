//! The arena [`Dom`] back to HTML text
//! (<https://html.spec.whatwg.org/multipage/parsing.html#serialising-html-fragments>).

use html5ever::local_name;

use crate::dom::{is_void, Dom, NodeData, NodeId};

/// The HTML of `id` and its subtree.
pub fn outer_html(dom: &Dom, id: NodeId) -> String {
    let mut out = String::new();
    write_node(dom, id, &mut out, true);
    out
}

/// The HTML of `id`'s children.
pub fn inner_html(dom: &Dom, id: NodeId) -> String {
    let mut out = String::new();
    write_node(dom, id, &mut out, false);
    out
}

/// Walks the subtree without recursion: opening tags on the way down,
/// closing tags when a node's last child is done.
fn write_node(dom: &Dom, root: NodeId, out: &mut String, include_root: bool) {
    let mut stack: Vec<(NodeId, bool)> = Vec::new();
    if include_root {
        stack.push((root, false));
    } else {
        push_children(dom, root, &mut stack);
    }
    while let Some((id, closing)) = stack.pop() {
        if closing {
            if let Some(tag) = dom.tag(id) {
                out.push_str("</");
                out.push_str(tag);
                out.push('>');
            }
            continue;
        }
        match &dom.node(id).data {
            NodeData::Text(t) => {
                let raw = dom.parent(id).and_then(|p| dom.tag(p)).is_some_and(|t| {
                    matches!(
                        *t,
                        local_name!("style")
                            | local_name!("script")
                            | local_name!("xmp")
                            | local_name!("iframe")
                            | local_name!("noembed")
                            | local_name!("noframes")
                            | local_name!("plaintext")
                    )
                });
                if raw {
                    out.push_str(t);
                } else {
                    escape(t, false, out);
                }
            }
            NodeData::Element(e) => {
                out.push('<');
                out.push_str(&e.name.local);
                for a in &e.attrs {
                    out.push(' ');
                    if let Some(prefix) = &a.name.prefix {
                        out.push_str(prefix);
                        out.push(':');
                    }
                    out.push_str(&a.name.local);
                    out.push_str("=\"");
                    escape(&a.value, true, out);
                    out.push('"');
                }
                out.push('>');
                if is_void(&e.name.local) {
                    continue;
                }
                stack.push((id, true));
                let content = e.template_contents.unwrap_or(id);
                push_children(dom, content, &mut stack);
            }
            NodeData::Document | NodeData::Fragment => push_children(dom, id, &mut stack),
            NodeData::Doctype => out.push_str("<!DOCTYPE html>"),
            NodeData::Comment => {}
        }
    }
}

fn push_children(dom: &Dom, id: NodeId, stack: &mut Vec<(NodeId, bool)>) {
    let start = stack.len();
    stack.extend(dom.children(id).map(|c| (c, false)));
    stack[start..].reverse();
}

/// Escapes text or an attribute value as the serialization algorithm says.
pub fn escape(s: &str, attribute: bool, out: &mut String) {
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '\u{a0}' => out.push_str("&nbsp;"),
            '"' if attribute => out.push_str("&quot;"),
            '<' if !attribute => out.push_str("&lt;"),
            '>' if !attribute => out.push_str("&gt;"),
            _ => out.push(ch),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_html;

    #[test]
    fn round_trips_markup_and_escapes() {
        let dom = parse_html(r#"<p title='a"b'>x &lt; y &amp; z<br>w</p>"#, 512);
        let body = dom.body().unwrap();
        assert_eq!(inner_html(&dom, body), r#"<p title="a&quot;b">x &lt; y &amp; z<br>w</p>"#);
    }

    #[test]
    fn deep_trees_serialize_without_recursion() {
        let html = format!("{}x{}", "<span>".repeat(400), "</span>".repeat(400));
        let dom = parse_html(&html, 512);
        assert_eq!(inner_html(&dom, dom.body().unwrap()).len(), 400 * 13 + 1);
    }
}
