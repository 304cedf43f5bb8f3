//! Limits that keep hostile pages from exhausting the stack, memory or time.
//!
//! The parsers keep trees in arenas, but the extractors walk them recursively, so very deep
//! nesting is refused before parsing, and extraction runs on a thread with a generous stack
//! (a panic there becomes an error, not a crash).

/// Pages larger than this are refused (real article pages are well under 5 MB).
pub const MAX_BYTES: usize = 16 * 1024 * 1024;
/// Deepest element nesting accepted (real pages stay under a few hundred).
pub const MAX_DEPTH: usize = 1_000;
/// Stack of the extraction thread.
const STACK_BYTES: usize = 64 * 1024 * 1024;

/// Elements that never hold children, or that the parser closes implicitly when a sibling
/// opens: counting them would overestimate depth on ordinary pages.
const NOT_NESTING: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody",
    "thead", "tfoot", "rb", "rt", "rp", "colgroup", "caption", "!doctype",
];

/// Elements whose content is raw text (no tags inside).
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp", "noscript"];

/// An upper estimate of element nesting depth, from a linear scan of the tags.
pub fn nesting_depth(html: &str) -> usize {
    let bytes = html.as_bytes();
    let (mut i, mut depth, mut max) = (0usize, 0usize, 0usize);
    while let Some(off) = memchr(b'<', &bytes[i..]) {
        i += off + 1;
        if bytes[i..].starts_with(b"!--") {
            i = find(bytes, i + 3, b"-->").map_or(bytes.len(), |e| e + 3);
            continue;
        }
        let closing = bytes.get(i) == Some(&b'/');
        let name_start = if closing { i + 1 } else { i };
        let name_end = bytes[name_start..]
            .iter()
            .position(|b| b.is_ascii_whitespace() || *b == b'>' || *b == b'/')
            .map_or(bytes.len(), |p| name_start + p);
        let name = html
            .get(name_start..name_end)
            .unwrap_or("")
            .to_ascii_lowercase();
        let tag_end = memchr(b'>', &bytes[name_end..]).map_or(bytes.len(), |p| name_end + p);
        let self_closing = tag_end > 0 && bytes.get(tag_end - 1) == Some(&b'/');
        i = (tag_end + 1).min(bytes.len());
        if name.is_empty() || !name.as_bytes()[0].is_ascii_alphabetic() && name != "!doctype" {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else if RAW_TEXT.contains(&name.as_str()) {
            let close = format!("</{name}");
            i = find_ci(bytes, i, close.as_bytes()).unwrap_or(bytes.len());
        } else if !self_closing && !NOT_NESTING.contains(&name.as_str()) {
            depth += 1;
            max = max.max(depth);
        }
    }
    max
}

fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|b| *b == needle)
}

fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

fn find_ci(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|p| from + p)
}

/// Refuse pages too large or too deeply nested to process safely.
pub fn check(html: &str) -> Result<(), String> {
    if html.len() > MAX_BYTES {
        return Err(format!(
            "page too large: {} bytes (limit {MAX_BYTES})",
            html.len()
        ));
    }
    let depth = nesting_depth(html);
    if depth > MAX_DEPTH {
        return Err(format!(
            "page nested too deeply: depth {depth} (limit {MAX_DEPTH})"
        ));
    }
    Ok(())
}

/// Run `f` on a thread with a large stack; a panic becomes an `Err`.
pub fn run_isolated<T: Send>(f: impl FnOnce() -> Result<T, String> + Send) -> Result<T, String> {
    std::thread::scope(|scope| {
        std::thread::Builder::new()
            .name("according-html".into())
            .stack_size(STACK_BYTES)
            .spawn_scoped(scope, f)
            .map_err(|e| format!("cannot start extraction thread: {e}"))?
            .join()
            .map_err(|_| "extractor panicked on this page".to_string())?
    })
}
