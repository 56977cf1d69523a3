//! The allow-list: the only gate between a page and the reader view, which
//! runs inside an extension page.
//!
//! Modelled on DOMPurify and ammonia: elements not on the list are unwrapped
//! (harmless containers) or dropped with their content (scripts, styles,
//! embeds, forms, foreign content); attributes not on the list go, `on*` and
//! `style` always; every URL-bearing attribute is absolutized and must use
//! an allowed scheme (<https://url.spec.whatwg.org/#concept-basic-url-parser>
//! strips ASCII tab/newline and leading controls before the scheme, so we do
//! the same before checking). `<iframe>` survives only for video hosts,
//! sandboxed.

use html5ever::{local_name, ns, LocalName};
use url::Url;

use crate::dom::{Dom, NodeData, NodeId};

/// Sanitizer settings.
#[derive(Debug, Clone, Default)]
pub struct SanitizeOptions {
    /// Keep `class` attributes. Default: `false`.
    pub keep_classes: bool,
}

/// Elements dropped with everything inside them.
fn is_dropped(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("script")
            | local_name!("style")
            | local_name!("template")
            | local_name!("noscript")
            | local_name!("object")
            | local_name!("embed")
            | local_name!("applet")
            | local_name!("frame")
            | local_name!("frameset")
            | local_name!("base")
            | local_name!("link")
            | local_name!("meta")
            | local_name!("form")
            | local_name!("input")
            | local_name!("button")
            | local_name!("select")
            | local_name!("textarea")
            | local_name!("option")
            | local_name!("dialog")
            | local_name!("title")
            | local_name!("head")
            | local_name!("svg")
            | local_name!("canvas")
            | local_name!("xmp")
            | local_name!("plaintext")
            | local_name!("noembed")
            | local_name!("noframes")
            | local_name!("param")
    )
}

/// Elements kept (with their allowed attributes).
fn is_allowed(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("a")
            | local_name!("abbr")
            | local_name!("address")
            | local_name!("article")
            | local_name!("aside")
            | local_name!("b")
            | local_name!("bdi")
            | local_name!("bdo")
            | local_name!("blockquote")
            | local_name!("br")
            | local_name!("caption")
            | local_name!("cite")
            | local_name!("code")
            | local_name!("col")
            | local_name!("colgroup")
            | local_name!("data")
            | local_name!("dd")
            | local_name!("del")
            | local_name!("details")
            | local_name!("dfn")
            | local_name!("div")
            | local_name!("dl")
            | local_name!("dt")
            | local_name!("em")
            | local_name!("figcaption")
            | local_name!("figure")
            | local_name!("footer")
            | local_name!("h1")
            | local_name!("h2")
            | local_name!("h3")
            | local_name!("h4")
            | local_name!("h5")
            | local_name!("h6")
            | local_name!("header")
            | local_name!("hr")
            | local_name!("i")
            | local_name!("img")
            | local_name!("ins")
            | local_name!("kbd")
            | local_name!("li")
            | local_name!("main")
            | local_name!("mark")
            | local_name!("ol")
            | local_name!("p")
            | local_name!("picture")
            | local_name!("pre")
            | local_name!("q")
            | local_name!("rp")
            | local_name!("rt")
            | local_name!("ruby")
            | local_name!("s")
            | local_name!("samp")
            | local_name!("section")
            | local_name!("small")
            | local_name!("source")
            | local_name!("span")
            | local_name!("strong")
            | local_name!("sub")
            | local_name!("summary")
            | local_name!("sup")
            | local_name!("table")
            | local_name!("tbody")
            | local_name!("td")
            | local_name!("tfoot")
            | local_name!("th")
            | local_name!("thead")
            | local_name!("time")
            | local_name!("tr")
            | local_name!("u")
            | local_name!("ul")
            | local_name!("var")
            | local_name!("wbr")
            | local_name!("video")
            | local_name!("audio")
            | local_name!("track")
            | local_name!("iframe")
            // MathML presentation markup.
            | local_name!("math")
            | local_name!("mi")
            | local_name!("mn")
            | local_name!("mo")
            | local_name!("ms")
            | local_name!("mtext")
            | local_name!("mrow")
            | local_name!("msup")
            | local_name!("msub")
            | local_name!("msubsup")
            | local_name!("mfrac")
            | local_name!("msqrt")
            | local_name!("mroot")
            | local_name!("mtable")
            | local_name!("mtr")
            | local_name!("mtd")
            | local_name!("munder")
            | local_name!("mover")
            | local_name!("munderover")
            | local_name!("mspace")
            | local_name!("mpadded")
            | local_name!("mphantom")
            | local_name!("semantics")
            | local_name!("menclose")
    )
}

/// Attributes allowed on `element`.
fn attribute_allowed(element: &LocalName, attr: &str, keep_classes: bool) -> bool {
    match attr {
        "title" | "lang" | "dir" => true,
        "class" => keep_classes,
        _ => match *element {
            local_name!("a") => attr == "href",
            local_name!("img") => matches!(attr, "src" | "srcset" | "alt" | "width" | "height" | "sizes"),
            local_name!("source") => matches!(attr, "src" | "srcset" | "type" | "media" | "sizes"),
            local_name!("video") | local_name!("audio") => matches!(attr, "src" | "poster" | "controls" | "width" | "height" | "loop" | "muted"),
            local_name!("track") => matches!(attr, "src" | "kind" | "srclang" | "label" | "default"),
            local_name!("td") | local_name!("th") => matches!(attr, "colspan" | "rowspan" | "headers" | "scope"),
            local_name!("ol") => matches!(attr, "start" | "reversed" | "type"),
            local_name!("li") => attr == "value",
            local_name!("time") => attr == "datetime",
            local_name!("data") => attr == "value",
            local_name!("q") | local_name!("blockquote") | local_name!("del") | local_name!("ins") => attr == "cite",
            local_name!("col") | local_name!("colgroup") => attr == "span",
            local_name!("iframe") => matches!(attr, "src" | "width" | "height" | "allowfullscreen"),
            local_name!("math") => matches!(attr, "display"),
            local_name!("mi") | local_name!("mo") | local_name!("mn") | local_name!("mtext") => matches!(attr, "mathvariant"),
            _ => false,
        },
    }
}

/// Hosts whose embedded players the reader keeps.
const VIDEO_HOSTS: [&str; 8] =
    ["www.youtube.com", "youtube.com", "www.youtube-nocookie.com", "player.vimeo.com", "www.dailymotion.com", "player.twitch.tv", "archive.org", "embed.ted.com"];

/// Resolves `value` against `base` and returns it if its scheme is allowed.
fn safe_url(value: &str, base: Option<&Url>, attr: &str, element: &LocalName) -> Option<String> {
    // Browsers drop tab/newline anywhere and C0 controls/space at the ends.
    let cleaned: String = value.chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
    let cleaned = cleaned.trim_matches(|c: char| c <= ' ');
    if cleaned.starts_with('#') && attr == "href" {
        return Some(cleaned.to_string());
    }
    let url = match base {
        Some(b) => b.join(cleaned).ok()?,
        None => Url::parse(cleaned).ok()?,
    };
    let ok = match url.scheme() {
        "http" | "https" => true,
        "mailto" | "tel" => attr == "href",
        "data" => {
            *element == local_name!("img") && attr == "src" && {
                let lower = cleaned.to_ascii_lowercase();
                ["data:image/png", "data:image/jpeg", "data:image/jpg", "data:image/gif", "data:image/webp", "data:image/avif"].iter().any(|p| lower.starts_with(p))
            }
        }
        _ => false,
    };
    ok.then(|| url.to_string())
}

/// Cleans `root`'s subtree in place.
pub fn sanitize(dom: &mut Dom, root: NodeId, base: Option<&Url>, options: &SanitizeOptions) {
    let mut doomed = Vec::new();
    let mut unwrap = Vec::new();
    let mut walk = dom.descendants(root);
    walk.next();
    let mut elements = Vec::new();
    while let Some(id) = walk.next() {
        match &dom.node(id).data {
            NodeData::Comment | NodeData::Doctype | NodeData::Document | NodeData::Fragment => {
                doomed.push(id);
                walk.skip_subtree(id);
            }
            NodeData::Text(_) => {}
            NodeData::Element(e) => {
                let name = &e.name.local;
                let foreign = e.name.ns != ns!(html) && e.name.ns != ns!(mathml);
                if foreign || is_dropped(name) || (*name == local_name!("iframe") && !is_video_iframe(dom, id)) {
                    doomed.push(id);
                    walk.skip_subtree(id);
                } else if !is_allowed(name) {
                    unwrap.push(id);
                } else {
                    elements.push(id);
                }
            }
        }
    }
    for id in doomed {
        dom.remove(id);
    }
    for id in unwrap.into_iter().rev() {
        dom.unwrap(id);
    }
    for id in elements {
        clean_attributes(dom, id, base, options);
    }
}

fn is_video_iframe(dom: &Dom, id: NodeId) -> bool {
    dom.attr(id, "src").and_then(|s| Url::parse(s.trim()).ok()).is_some_and(|u| u.scheme() == "https" && u.host_str().is_some_and(|h| VIDEO_HOSTS.contains(&h)))
}

fn clean_attributes(dom: &mut Dom, id: NodeId, base: Option<&Url>, options: &SanitizeOptions) {
    let Some(el) = dom.element_mut(id) else { return };
    let name = el.name.local.clone();
    let mut attrs = std::mem::take(&mut el.attrs);
    attrs.retain_mut(|a| {
        let attr = a.name.local.to_ascii_lowercase();
        if a.name.prefix.is_some() || !attribute_allowed(&name, &attr, options.keep_classes) {
            return false;
        }
        match attr.as_str() {
            "href" | "src" | "poster" | "cite" => match safe_url(&a.value, base, &attr, &name) {
                Some(u) => {
                    a.value = u.into();
                    true
                }
                None => false,
            },
            "srcset" => {
                let kept: Vec<String> = a
                    .value
                    .split(',')
                    .filter_map(|cand| {
                        let mut parts = cand.split_whitespace();
                        let url = safe_url(parts.next()?, base, "src", &local_name!("img"))?;
                        let rest: Vec<&str> = parts.collect();
                        Some(if rest.is_empty() { url } else { format!("{url} {}", rest.join(" ")) })
                    })
                    .collect();
                a.value = kept.join(", ").into();
                !kept.is_empty()
            }
            _ => true,
        }
    });
    el.attrs = attrs;
    if name == local_name!("iframe") {
        dom.set_attr(id, "sandbox", "allow-scripts allow-same-origin allow-popups");
        dom.set_attr(id, "referrerpolicy", "no-referrer");
    } else if name == local_name!("video") || name == local_name!("audio") {
        dom.set_attr(id, "controls", "");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_html;
    use crate::serialize::inner_html;

    fn clean(html: &str) -> String {
        let mut dom = parse_html(&format!("<body><article>{html}</article></body>"), 512);
        let body = dom.body().unwrap();
        let base = Url::parse("https://example.com/a/").unwrap();
        sanitize(&mut dom, body, Some(&base), &SanitizeOptions::default());
        inner_html(&dom, body)
    }

    #[test]
    fn scripts_handlers_and_bad_urls_go() {
        assert_eq!(clean(r#"<p onclick="x()" style="color:red">a<script>x()</script></p>"#), "<article><p>a</p></article>");
        assert_eq!(clean(r#"<a href="java&#9;script:alert(1)">x</a>"#), "<article><a>x</a></article>");
        assert_eq!(clean(r#"<a href=" JAVASCRIPT:alert(1)">x</a>"#), "<article><a>x</a></article>");
        assert_eq!(clean(r#"<img src="data:image/svg+xml,<svg onload=alert(1)>">"#), "<article><img></article>");
        assert_eq!(clean(r#"<svg><script>alert(1)</script></svg><math><mi xlink:href="javascript:x">x</mi></math>"#), "<article><math><mi>x</mi></math></article>");
        assert_eq!(clean(r#"<iframe src="https://evil.example/"></iframe>"#), "<article></article>");
    }

    #[test]
    fn urls_are_absolutized_and_players_sandboxed() {
        assert_eq!(clean(r#"<a href="b">x</a>"#), r#"<article><a href="https://example.com/a/b">x</a></article>"#);
        assert_eq!(clean(r##"<a href="#n">x</a>"##), r##"<article><a href="#n">x</a></article>"##);
        let out = clean(r#"<iframe src="https://www.youtube.com/embed/x" onload="x()"></iframe>"#);
        assert!(out.contains(r#"sandbox="allow-scripts allow-same-origin allow-popups""#) && !out.contains("onload"), "{out}");
        assert_eq!(clean(r#"<custom-el><span>t</span></custom-el>"#), "<article><span>t</span></article>");
    }
}
