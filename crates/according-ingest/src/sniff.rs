//! Which reader a stream needs: by its first bytes, then by its file name.

use crate::http::looks_like_html;

/// The input formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Warc,
    Jsonl,
    Html,
    Text,
}

/// gzip's magic number.
pub fn is_gzip(prefix: &[u8]) -> bool {
    prefix.starts_with(b"\x1F\x8B")
}

/// Decide the format of a (decompressed) stream from its `name` (file name, `.gz` removed;
/// empty for stdin) and its first bytes. A WARC header wins over any name; then the
/// extension; then the content (`<html`/`<!doctype` → HTML, `{` → JSONL, else text).
pub fn sniff(name: &str, prefix: &[u8]) -> Format {
    let body = prefix
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(prefix)
        .trim_ascii_start();
    if body.starts_with(b"WARC/") {
        return Format::Warc;
    }
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "warc" => return Format::Warc,
        "jsonl" | "ndjson" | "jsonlines" | "json" => return Format::Jsonl,
        "html" | "htm" | "xhtml" | "shtml" => return Format::Html,
        _ => {}
    }
    if looks_like_html(prefix) {
        Format::Html
    } else if body.starts_with(b"{") {
        Format::Jsonl
    } else {
        Format::Text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_then_name() {
        assert_eq!(sniff("a.txt", b"WARC/1.0\r\n"), Format::Warc);
        assert_eq!(sniff("a.jsonl", b"  "), Format::Jsonl);
        assert_eq!(sniff("", b"\n<!DOCTYPE html><html>"), Format::Html);
        assert_eq!(sniff("", b"{\"text\": \"x\"}\n"), Format::Jsonl);
        assert_eq!(sniff("a.txt", b"Title\n\nBody."), Format::Text);
    }
}
