//! Page bytes to text: gzip by magic number, then the encoding sniffed the
//! way browsers do (BOM, then `<meta charset>` in the first 1024 bytes,
//! then UTF-8 if valid, else windows-1252), per
//! <https://html.spec.whatwg.org/multipage/parsing.html#determining-the-character-encoding>.

use std::io::Read;

use encoding_rs::Encoding;

/// Decodes a page file's bytes.
pub fn decode(bytes: &[u8]) -> Result<String, String> {
    let bytes = if bytes.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(bytes).read_to_end(&mut out).map_err(|e| format!("bad gzip data: {e}"))?;
        out
    } else {
        bytes.to_vec()
    };
    if let Some((enc, bom_len)) = Encoding::for_bom(&bytes) {
        return Ok(enc.decode_without_bom_handling(&bytes[bom_len..]).0.into_owned());
    }
    if let Some(enc) = prescan_meta_charset(&bytes[..bytes.len().min(1024)]) {
        // A page that says UTF-16 in ASCII is lying: the spec says UTF-8.
        let enc = if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE { encoding_rs::UTF_8 } else { enc };
        return Ok(enc.decode_without_bom_handling(&bytes).0.into_owned());
    }
    match std::str::from_utf8(&bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(_) => Ok(encoding_rs::WINDOWS_1252.decode_without_bom_handling(&bytes).0.into_owned()),
    }
}

/// The charset a `<meta charset=…>` or `<meta http-equiv content="…charset=…">`
/// names near the start of the page.
fn prescan_meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let text = String::from_utf8_lossy(head).to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = text[from..].find("<meta") {
        let start = from + i;
        let end = text[start..].find('>').map_or(text.len(), |e| start + e);
        let tag = &text[start..end];
        if let Some(c) = tag.find("charset") {
            let rest = tag[c + 7..].trim_start().strip_prefix('=')?.trim_start();
            let label: String = rest.trim_start_matches(['"', '\'']).chars().take_while(|ch| !matches!(ch, '"' | '\'' | ';' | ' ' | '/' | '>')).collect();
            if let Some(enc) = Encoding::for_label(label.trim().as_bytes()) {
                return Some(enc);
            }
        }
        from = end;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_bom_meta_and_fallbacks() {
        assert_eq!(decode(b"\xEF\xBB\xBF<p>\xC3\xA9</p>").unwrap(), "<p>é</p>");
        assert_eq!(decode(b"<meta charset=\"windows-1251\"><p>\xE0</p>").unwrap(), "<meta charset=\"windows-1251\"><p>а</p>");
        assert_eq!(decode(b"<p>caf\xE9</p>").unwrap(), "<p>café</p>");
        assert_eq!(decode("<p>বাংলা</p>".as_bytes()).unwrap(), "<p>বাংলা</p>");
    }
}
