//! Candidate scoring (Readability's `_initializeNode`, `_getClassWeight`
//! and the paragraph loop of `_grabArticle`). Scores live in a side table.

use html5ever::local_name;

use crate::dom::{Dom, NodeId};
use crate::patterns::PATTERNS;

use super::Flags;

/// Content scores by node, `None` for nodes never scored.
#[derive(Default)]
pub struct Scores {
    score: Vec<Option<f32>>,
}

impl Scores {
    pub fn get(&self, id: NodeId) -> Option<f32> {
        self.score.get(id.index()).copied().flatten()
    }

    pub fn set(&mut self, id: NodeId, value: f32) {
        let i = id.index();
        if i >= self.score.len() {
            self.score.resize(i + 1, None);
        }
        self.score[i] = Some(value);
    }

    pub fn add(&mut self, id: NodeId, delta: f32) {
        let v = self.get(id).unwrap_or(0.0);
        self.set(id, v + delta);
    }
}

/// ±25 for class and for id matching the positive/negative patterns.
pub fn class_weight(dom: &Dom, id: NodeId, flags: Flags) -> f32 {
    if !flags.weight_classes {
        return 0.0;
    }
    let p = &*PATTERNS;
    let mut weight = 0.0;
    for value in [dom.attr(id, "class"), dom.attr(id, "id")].into_iter().flatten() {
        if value.is_empty() {
            continue;
        }
        if p.negative.is_match(value) {
            weight -= 25.0;
        }
        if p.positive.is_match(value) {
            weight += 25.0;
        }
    }
    weight
}

/// The starting score of a candidate, from its tag and class weight.
pub fn initial_score(dom: &Dom, id: NodeId, flags: Flags) -> f32 {
    let tag_score = match dom.tag(id) {
        Some(t) => match *t {
            local_name!("div") => 5.0,
            local_name!("pre") | local_name!("td") | local_name!("blockquote") => 3.0,
            local_name!("address")
            | local_name!("ol")
            | local_name!("ul")
            | local_name!("dl")
            | local_name!("dd")
            | local_name!("dt")
            | local_name!("li")
            | local_name!("form") => -3.0,
            local_name!("h1")
            | local_name!("h2")
            | local_name!("h3")
            | local_name!("h4")
            | local_name!("h5")
            | local_name!("h6")
            | local_name!("th") => -5.0,
            _ => 0.0,
        },
        None => 0.0,
    };
    tag_score + class_weight(dom, id, flags)
}

/// The score one paragraph gives its ancestors: 1, plus one per comma
/// (in any script), plus one per 100 characters up to 3.
pub fn paragraph_score(text: &str, text_len: u32) -> f32 {
    let commas = PATTERNS.commas.find_iter(text).count() as f32;
    1.0 + commas + (text_len / 100).min(3) as f32
}

/// Divides a paragraph's score among ancestors: the parent gets it whole,
/// the grandparent half, then a third per level.
pub fn ancestor_divider(level: usize) -> f32 {
    match level {
        0 => 1.0,
        1 => 2.0,
        n => n as f32 * 3.0,
    }
}
