fn main() {
    let path = std::env::args().nth(1).unwrap();
    let html = std::fs::read_to_string(&path).unwrap();
    match pathok::extract(&html, Some("http://fakehost/test/page.html"), &pathok::Options::default()) {
        Ok(a) => { println!("TITLE: {}\nBYLINE: {:?}\nPUB: {:?}\n---\n{}\n---HTML---\n{}", a.title, a.byline, a.published, a.text, if std::env::var("HTML").is_ok() { a.content.as_str() } else { "" }); }
        Err(e) => println!("ERR {e}"),
    }
}
