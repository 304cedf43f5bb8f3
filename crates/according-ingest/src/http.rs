//! The HTTP response inside a WARC `response` record: status, headers, and the payload with
//! transfer and content encodings undone (only where the bytes show they are still applied:
//! Common Crawl stores decoded payloads but keeps the original headers).

use std::io::Read;

/// Head of an HTTP response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpHead {
    pub status: u16,
    /// Lowercased media type without parameters (`text/html`).
    pub mime: Option<String>,
    pub charset: Option<String>,
    pub chunked: bool,
    /// Lowercased `Content-Encoding` (`gzip`, `br`).
    pub content_encoding: Option<String>,
    /// Offset of the payload in the record block.
    pub body_start: usize,
}

/// Longest HTTP head looked at.
const MAX_HEAD: usize = 256 << 10;

/// Parse the status line and headers of `block` (a WARC response record's content).
pub fn parse_head(block: &[u8]) -> Result<HttpHead, String> {
    let scan = &block[..block.len().min(MAX_HEAD)];
    // Heads end with CRLF CRLF; some crawlers (ClueWeb09) wrote bare LFs.
    let crlf = memchr::memmem::find(scan, b"\r\n\r\n").map(|i| (i, i + 4));
    let lf = memchr::memmem::find(scan, b"\n\n").map(|i| (i, i + 2));
    let (head_end, body_start) = match (crlf, lf) {
        (Some(a), Some(b)) => a.min(b),
        (a, b) => a.or(b).ok_or("HTTP head does not end (no blank line)")?,
    };
    let head = String::from_utf8_lossy(&block[..head_end]);
    let mut lines = head.split('\n').map(|l| l.trim_end_matches('\r'));
    let status_line = lines.next().unwrap_or("");
    if !status_line.starts_with("HTTP/") {
        return Err(format!(
            "not an HTTP response: {:?}",
            truncate(status_line, 40)
        ));
    }
    let status = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse::<u16>().ok())
        .ok_or_else(|| format!("bad HTTP status line {:?}", truncate(status_line, 60)))?;
    let mut out = HttpHead {
        status,
        mime: None,
        charset: None,
        chunked: false,
        content_encoding: None,
        body_start,
    };
    for line in lines {
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let (name, value) = (name.trim(), value.trim());
        if name.eq_ignore_ascii_case("content-type") {
            let (mime, charset) = parse_content_type(value);
            out.mime = mime;
            out.charset = charset;
        } else if name.eq_ignore_ascii_case("transfer-encoding") {
            out.chunked = value.to_ascii_lowercase().contains("chunked");
        } else if name.eq_ignore_ascii_case("content-encoding") {
            out.content_encoding = Some(value.to_ascii_lowercase());
        }
    }
    Ok(out)
}

/// `text/html; charset="UTF-8"` → (`text/html`, `UTF-8`).
pub fn parse_content_type(value: &str) -> (Option<String>, Option<String>) {
    let mut parts = value.split(';');
    let mime = parts
        .next()
        .map(|m| m.trim().to_ascii_lowercase())
        .filter(|m| !m.is_empty());
    let charset = parts.find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| v.trim().trim_matches(['"', '\'']).to_string())
            .filter(|v| !v.is_empty())
    });
    (mime, charset)
}

/// Whether a payload is an HTML page: by media type, or by its first bytes when there is none.
pub fn is_html(mime: Option<&str>, payload: &[u8]) -> bool {
    match mime {
        Some("text/html" | "application/xhtml+xml") => true,
        None | Some("" | "application/octet-stream" | "unknown/unknown") => {
            looks_like_html(payload)
        }
        Some(_) => false,
    }
}

/// `<!doctype html`, `<html`, `<head` near the start (after a BOM, whitespace, comments).
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let lower = head.to_ascii_lowercase();
    let t = lower.trim_ascii_start();
    t.starts_with(b"<!doctype html")
        || t.starts_with(b"<html")
        || t.starts_with(b"<head")
        || ((t.starts_with(b"<!--") || t.starts_with(b"<?xml"))
            && memchr::memmem::find(&lower, b"<html").is_some())
}

/// Undo chunked transfer coding and gzip/deflate content coding where they are present,
/// bounded by `max` output bytes.
pub fn decode_payload(head: &HttpHead, block: &[u8], max: usize) -> Result<Vec<u8>, String> {
    let body = &block[head.body_start.min(block.len())..];
    let dechunked;
    let body = if head.chunked && looks_chunked(body) {
        dechunked = dechunk(body);
        &dechunked[..]
    } else {
        body
    };
    match head.content_encoding.as_deref() {
        Some("gzip" | "x-gzip") if body.starts_with(b"\x1F\x8B") => {
            inflate(flate2::read::MultiGzDecoder::new(body), max, "gzip")
        }
        Some("deflate") if !body.is_empty() && !looks_like_text(body) => {
            if body[0] & 0x0F == 8 {
                inflate(flate2::read::ZlibDecoder::new(body), max, "deflate")
            } else {
                inflate(flate2::read::DeflateDecoder::new(body), max, "deflate")
            }
        }
        Some(enc @ ("br" | "zstd" | "compress")) if !looks_like_text(body) => {
            Err(format!("content-encoding {enc} is not supported"))
        }
        _ => Ok(body.to_vec()),
    }
}

fn inflate(mut r: impl Read, max: usize, what: &str) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    r.by_ref()
        .take(max as u64 + 1)
        .read_to_end(&mut out)
        .map_err(|e| format!("bad {what} payload: {e}"))?;
    if out.len() > max {
        return Err(format!("payload inflates to more than {max} bytes"));
    }
    Ok(out)
}

fn looks_like_text(b: &[u8]) -> bool {
    crate::decode::binary_kind(b).is_none()
}

/// A chunked body starts with a hex size line: `1a2f\r\n` or `1a2f;ext\r\n`.
fn looks_chunked(body: &[u8]) -> bool {
    let line_end = match memchr::memchr(b'\n', &body[..body.len().min(64)]) {
        Some(i) => i,
        None => return false,
    };
    let line = body[..line_end]
        .strip_suffix(b"\r")
        .unwrap_or(&body[..line_end]);
    let size = line
        .split(|&b| b == b';')
        .next()
        .unwrap_or(b"")
        .trim_ascii();
    if size.is_empty() || size.len() > 15 || !size.iter().all(u8::is_ascii_hexdigit) {
        return false;
    }
    // A text line that happens to be hex (`add`, `cafe`) is not followed by CRLF where the
    // chunk would end.
    let n = std::str::from_utf8(size)
        .ok()
        .and_then(|s| usize::from_str_radix(s, 16).ok());
    let after = n.and_then(|n| body.get(line_end + 1 + n..));
    match after {
        Some(rest) => rest.is_empty() || rest.starts_with(b"\r\n") || rest.starts_with(b"\n"),
        None => true, // cut short: cannot tell, trust the header
    }
}

/// Join the chunks; a body cut short keeps what arrived.
fn dechunk(mut body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len());
    while let Some(nl) = memchr::memchr(b'\n', body) {
        let line = body[..nl].strip_suffix(b"\r").unwrap_or(&body[..nl]);
        let size = line
            .split(|&b| b == b';')
            .next()
            .unwrap_or(b"")
            .trim_ascii();
        let Some(size) = std::str::from_utf8(size)
            .ok()
            .and_then(|s| usize::from_str_radix(s, 16).ok())
        else {
            break;
        };
        body = &body[nl + 1..];
        if size == 0 {
            break;
        }
        let take = size.min(body.len());
        out.extend_from_slice(&body[..take]);
        body = &body[take..];
        body = body
            .strip_prefix(b"\r\n")
            .or_else(|| body.strip_prefix(b"\n"))
            .unwrap_or(body);
    }
    out
}

fn truncate(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn parses_crlf_and_bare_lf_heads() {
        let b = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=\"EUC-JP\"\r\n\r\n<html>";
        let h = parse_head(b).unwrap();
        assert_eq!(
            (h.status, h.mime.as_deref(), h.charset.as_deref()),
            (200, Some("text/html"), Some("EUC-JP"))
        );
        assert_eq!(&b[h.body_start..], b"<html>");
        let b = b"HTTP/1.1 404 Not Found\nContent-Type: text/html\n\n<html>\r\n\r\n";
        let h = parse_head(b).unwrap();
        assert_eq!(
            (h.status, &b[h.body_start..h.body_start + 6]),
            (404, &b"<html>"[..])
        );
    }

    #[test]
    fn undoes_chunking_and_gzip_only_when_present() {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(b"<html>hello</html>").unwrap();
        let gz = gz.finish().unwrap();
        let mut chunked = format!("{:x}\r\n", gz.len()).into_bytes();
        chunked.extend_from_slice(&gz);
        chunked.extend_from_slice(b"\r\n0\r\n\r\n");
        let mut block =
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n"
                .to_vec();
        block.extend_from_slice(&chunked);
        let h = parse_head(&block).unwrap();
        assert_eq!(
            decode_payload(&h, &block, 1 << 20).unwrap(),
            b"<html>hello</html>"
        );
        // Headers say chunked+gzip, the stored payload is already plain (Common Crawl).
        let block = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n<!DOCTYPE html>";
        let h = parse_head(block).unwrap();
        assert_eq!(
            decode_payload(&h, block, 1 << 20).unwrap(),
            b"<!DOCTYPE html>"
        );
    }
}
