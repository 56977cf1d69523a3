//! The corpus metrics: word F1 as the WCXB benchmark defines it, and the
//! first differing node between two trees, by path.

use std::collections::HashMap;
use std::sync::LazyLock;

use pathok::dom::{Dom, NodeId, DOCUMENT};

static WORD: LazyLock<regex::Regex> = LazyLock::new(|| regex::Regex::new(r"\w+").expect("word regex"));

/// Lowercased `\w+` tokens (Unicode word characters), counted as a multiset.
pub fn tokens(s: &str) -> HashMap<String, usize> {
    let mut m = HashMap::new();
    for t in WORD.find_iter(&s.to_lowercase()) {
        *m.entry(t.as_str().to_string()).or_default() += 1;
    }
    m
}

/// Word F1 between `ours` and `truth` (both empty: 1; one empty: 0).
pub fn word_f1(ours: &str, truth: &str) -> f64 {
    let (a, b) = (tokens(ours), tokens(truth));
    let (na, nb): (usize, usize) = (a.values().sum(), b.values().sum());
    if na == 0 && nb == 0 {
        return 1.0;
    }
    let common: usize = a.iter().map(|(k, v)| (*v).min(*b.get(k).unwrap_or(&0))).sum();
    if common == 0 {
        return 0.0;
    }
    let (p, r) = (common as f64 / na as f64, common as f64 / nb as f64);
    2.0 * p * r / (p + r)
}

/// Non-blank text nodes with the element path to them (`div[1] > p[3]`,
/// 1-based among element siblings), in document order.
fn text_blocks(dom: &Dom) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for id in dom.descendants(DOCUMENT) {
        let Some(t) = dom.text(id) else { continue };
        if t.trim().is_empty() {
            continue;
        }
        out.push((path_of(dom, id), t.split_whitespace().collect::<Vec<_>>().join(" ")));
    }
    out
}

fn path_of(dom: &Dom, id: NodeId) -> String {
    let mut parts: Vec<String> = dom
        .ancestors(id)
        .filter_map(|a| {
            let tag = dom.tag(a)?;
            let parent = dom.parent(a)?;
            let index = dom.element_children(parent).take_while(|&c| c != a).filter(|&c| dom.tag(c) == Some(tag)).count() + 1;
            Some(format!("{tag}[{index}]"))
        })
        .collect();
    parts.reverse();
    parts.join(" > ")
}

/// The first text node whose text differs between the two trees, reported
/// with both paths. White space runs are shown folded, never stripped.
pub fn first_difference(ours: &Dom, expected: &Dom) -> String {
    let a = text_blocks(ours);
    let b = text_blocks(expected);
    for i in 0..a.len().max(b.len()) {
        match (a.get(i), b.get(i)) {
            (Some(x), Some(y)) if x.1 == y.1 => continue,
            (x, y) => {
                let show = |v: Option<&(String, String)>| match v {
                    Some((p, t)) => format!("{p}: {:?}", t.chars().take(120).collect::<String>()),
                    None => "(nothing)".to_string(),
                };
                return format!("\n  first difference at text node {i}:\n    ours:     {}\n    expected: {}", show(x), show(y));
            }
        }
    }
    String::new()
}
