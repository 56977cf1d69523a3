//! Huge and deeply nested pages finish, natively, with a result or a clear
//! error and no stack overflow (the bound is the test timeout of the
//! runner; the times seen are in the README).

use std::time::Instant;

fn para(i: usize) -> String {
    format!("<p>Paragraph {i} of a very long article, with enough words and commas, to count as real text for the finder.</p>\n")
}

#[test]
fn a_ten_megabyte_page_extracts() {
    let mut html = String::from("<html><head><title>Big page</title></head><body><article>");
    let mut i = 0;
    while html.len() < 10 * 1024 * 1024 {
        html.push_str(&para(i));
        i += 1;
    }
    html.push_str("</article></body></html>");
    let start = Instant::now();
    let article = pathok::extract(&html, None, &pathok::Options::default()).expect("a big article extracts");
    eprintln!("10 MB page: {:?}, {} words", start.elapsed(), article.word_count);
    assert!(article.text.contains(&format!("Paragraph {} of", i - 1)));
}

#[test]
fn a_hundred_thousand_deep_nesting_extracts() {
    let n = 100_000;
    let html = format!("<html><body>{}{}{}</body></html>", "<div>".repeat(n), para(1).repeat(20), "</div>".repeat(n));
    let start = Instant::now();
    let article = pathok::extract(&html, None, &pathok::Options::default()).expect("deep page extracts");
    eprintln!("100,000-deep nesting: {:?}", start.elapsed());
    assert!(article.text.contains("Paragraph 1 of"));
}

#[test]
fn empty_and_junk_input_are_errors() {
    assert_eq!(pathok::extract("", None, &pathok::Options::default()).unwrap_err().code(), "empty-input");
    assert_eq!(pathok::extract("   \n ", None, &pathok::Options::default()).unwrap_err().code(), "empty-input");
    assert_eq!(pathok::extract("\u{0}\u{1}\u{2}\u{3}\u{4}\u{5}", None, &pathok::Options::default()).unwrap_err().code(), "not-html");
    assert_eq!(pathok::extract("<html><body><nav></nav></body></html>", None, &pathok::Options::default()).unwrap_err().code(), "no-article");
}
