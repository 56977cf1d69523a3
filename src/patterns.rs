//! Every regex and word list the finder uses, compiled once.
//!
//! The class/id patterns start from Readability.js's `REGEXPS`
//! (<https://github.com/mozilla/readability/blob/main/Readability.js>) so the
//! Mozilla test pages keep parity; the boilerplate phrases extend them to the
//! scripts our readers use (Bengali, Devanagari, Arabic, CJK).

use std::sync::LazyLock;

use regex::Regex;

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("pattern table entry compiles")
}

/// All patterns, in one place.
pub struct Patterns {
    /// Class/id that marks page furniture (Readability's `unlikelyCandidates`).
    pub unlikely_candidates: Regex,
    /// Class/id that rescues an unlikely match (`okMaybeItsACandidate`).
    pub maybe_candidate: Regex,
    /// Class/id weight +25 (`positive`).
    pub positive: Regex,
    /// Class/id weight −25 (`negative`).
    pub negative: Regex,
    /// Byline containers (`byline`).
    pub byline: Regex,
    /// Embeds worth keeping (`videos`).
    pub videos: Regex,
    /// Share bars (`shareElements`).
    pub share_elements: Regex,
    /// Commas of every script, for the score (`commas` plus `।`, `、`, `。`).
    pub commas: Regex,
    /// A lone ad label as an element's whole text (`adWords`, more scripts).
    pub ad_words: Regex,
    /// A lone "loading…" text (`loadingWords`).
    pub loading_words: Regex,
    /// Sentence end followed by space or end (sibling paragraphs).
    pub sentence_end: Regex,
    /// Headings of boxes that are never the article: "Related", "Read more",
    /// "আরও পড়ুন", "ये भी पढ़ें", "اقرأ أيضا", "相关阅读", comments, newsletters.
    pub boilerplate_heading: Regex,
    /// A short element whose whole text is a call to action or an inline
    /// promo ("Follow us on Google News", "Share this", "আরও পড়ুন: …").
    pub boilerplate_line: Regex,
    /// Class/id of things that are boilerplate even inside the article
    /// (ads, share bars, newsletters, related boxes, tag lists, comments).
    pub boilerplate_class: Regex,
    /// Class/id that says "this is the article body" (schema.org
    /// `articleBody`, `article-body`, `entry-content`, `post-content`…).
    pub article_body_class: Regex,
    /// Elements whose role says navigation, not content.
    pub unlikely_roles: &'static [&'static str],
}

/// The compiled table.
pub static PATTERNS: LazyLock<Patterns> = LazyLock::new(|| Patterns {
    unlikely_candidates: re(r"(?i)-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote"),
    maybe_candidate: re(r"(?i)and|article|body|column|content|main|mathjax|shadow"),
    positive: re(r"(?i)article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story"),
    negative: re(r"(?i)-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget"),
    byline: re(r"(?i)byline|author|dateline|writtenby|p-author"),
    videos: re(r"(?i)//(www\.)?((dailymotion|youtube|youtube-nocookie|player\.vimeo|v\.qq|bilibili|live\.bilibili)\.com|(archive|upload\.wikimedia)\.org|player\.twitch\.tv)"),
    share_elements: re(r"(?i)(\b|_)(share|sharedaddy)(\b|_)"),
    commas: re("[\u{002C}\u{060C}\u{FE50}\u{FE10}\u{FE11}\u{2E41}\u{2E34}\u{2E32}\u{FF0C}\u{3001}\u{0964}\u{3002}]"),
    ad_words: re(r"(?iu)^(ad(vertising|vertisement)?|pub(licité)?|werb(ung)?|广告|Реклама|Anuncio|বিজ্ঞাপন|विज्ञापन|إعلان|اعلان|広告|광고|sponsored)$"),
    loading_words: re(r"(?iu)^((loading|正在加载|Загрузка|chargement|cargando|লোড হচ্ছে)(…|\.\.\.)?)$"),
    sentence_end: re(r"[.।。!?؟](\s|$)"),
    boilerplate_heading: re(r"(?iu)^\W*(related( (articles?|stories|posts|news|content|reading))?|read (more|also|next)|more (from|on|in|stories|news|like this)|you (may|might) (also )?like|recommended( for you)?|trending( now)?|most (read|popular|viewed)|popular( posts| stories)?|latest( news| posts| stories)?|also read|see also|further reading|top stories|more stories|comments?|leave a (comment|reply)|newsletter|sign up|subscribe|share (this|on)|আরও পড়ুন|আরও খবর|এই বিভাগের আরও খবর|সম্পর্কিত খবর|সর্বশেষ|জনপ্রিয়|মন্তব্য করুন|সর্বাধিক পঠিত|ये भी पढ़ें|यह भी पढ़ें|और पढ़ें|संबंधित खबरें|ताज़ा खबरें|اقرأ أيضا|اقرأ أيضاً|اقرأ ايضا|أخبار ذات صلة|الأكثر قراءة|相关阅读|相关新闻|相关文章|延伸阅读|热门|関連記事|あわせて読みたい|관련 기사)\W*$"),
    boilerplate_line: re(r"(?iu)^\W*(advertisement|sponsored( content)?|follow us on .{0,30}|share (this|on) .{0,30}|আরও পড়ুন\s*[:：].{0,200}|আরও পড়ুন|ये भी पढ़ें\s*[:：].{0,200}|यह भी पढ़ें\s*[:：].{0,200}|اقرأ أيضا\s*[:：].{0,200}|read (more|also)\s*[:：].{0,200}|also read\s*[:：].{0,200}|বিজ্ঞাপন|विज्ञापन|إعلان)\W*$"),
    boilerplate_class: re(r"(?i)(^|[\s_-])(ads?|adsbygoogle|advert\w*|ad-?(box|slot|unit|wrap\w*|container|label|banner)|sponsor\w*|promo\w*|share\w*|social\w*|newsletter\w*|subscribe\w*|signup|related\w*|more-news|read-?more|also-?read|recommend\w*|outbrain|taboola|tags?|tag-?list|keywords|comments?|comment-\w+|fb-comments|disqus\w*|cookie\w*|consent|gdpr|breadcrumbs?|author-?bio|google-news\w*|follow-us|print|toolbar|pagination)($|[\s_-])"),
    article_body_class: re(r"(?i)(^|[\s_-])(article-?body|articlebody|article-?content|article-?text|story-?body|story-?content|post-?body|post-?content|entry-?content|content-?body|news-?content|news-?details?|details?-?content|body-?text|main-?content|td-post-content|rich-?text|dtl_content\w*|itemprop-articlebody)($|[\s_-])"),
    unlikely_roles: &["menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog"],
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_compiles_and_matches_across_scripts() {
        let p = &*PATTERNS;
        assert!(p.unlikely_candidates.is_match("sidebar-right"));
        assert!(p.commas.is_match("এক। দুই"));
        assert!(p.boilerplate_heading.is_match("আরও পড়ুন"));
        assert!(p.boilerplate_heading.is_match("ये भी पढ़ें"));
        assert!(p.boilerplate_heading.is_match("اقرأ أيضا"));
        assert!(p.boilerplate_heading.is_match("Related Articles"));
        assert!(!p.boilerplate_heading.is_match("Related work in physics shows"));
        assert!(p.ad_words.is_match("বিজ্ঞাপন"));
        assert!(p.boilerplate_class.is_match("ads-box in-article-ad"));
        assert!(p.boilerplate_class.is_match("share-buttons"));
        assert!(!p.boilerplate_class.is_match("shadow loaded"));
        assert!(p.article_body_class.is_match("entry-content clearfix"));
    }
}
