//! Bytes to UTF-8: byte-order mark, then valid UTF-8, then a declared charset, then detection
//! (chardetng). Binary input is refused; what decoding changed is reported as notes.

use according_core::{Doc, NoteKind, Span};
use encoding_rs::{Encoding, UTF_8};

/// How the encoding was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chosen {
    Bom,
    Utf8,
    Declared,
    Detected,
}

/// Decoded text and how it was obtained.
#[derive(Debug, Clone)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static Encoding,
    pub chosen: Chosen,
    /// Number of malformed byte sequences replaced by U+FFFD.
    pub replaced: usize,
}

/// Hints for [`decode`]: a charset named by the container (HTTP header, `<meta>`), and the
/// top-level domain of the page (chardetng uses it to break ties).
#[derive(Debug, Clone, Copy, Default)]
pub struct Hints<'a> {
    pub declared: Option<&'a str>,
    pub tld: Option<&'a [u8]>,
}

/// Bytes detection reads at most: enough to decide, cheap on large pages.
const DETECT_PREFIX: usize = 256 << 10;
/// Bytes the binary check samples.
const BINARY_SAMPLE: usize = 8 << 10;

/// Decode `bytes` to UTF-8. Errors only for binary input (`"binary file (PNG image)"`).
pub fn decode(bytes: &[u8], hints: Hints) -> Result<Decoded, String> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, replaced) = decode_with(enc, &bytes[bom_len..]);
        return Ok(Decoded {
            text,
            encoding: enc,
            chosen: Chosen::Bom,
            replaced,
        });
    }
    if let Some(kind) = binary_kind(bytes) {
        return Err(format!("binary file ({kind})"));
    }
    // `output_encoding` maps UTF-16 labels to UTF-8, as browsers do for declared charsets.
    let declared = hints
        .declared
        .and_then(|l| Encoding::for_label(l.trim().as_bytes()));
    let declared = declared.map(|e| e.output_encoding());
    if let Ok(s) = std::str::from_utf8(bytes) {
        // Pure ASCII reads the same in every ASCII-compatible encoding; ISO-2022-JP is not one.
        match declared {
            Some(enc) if !enc.is_ascii_compatible() && s.is_ascii() => {
                let (text, replaced) = decode_with(enc, bytes);
                return Ok(Decoded {
                    text,
                    encoding: enc,
                    chosen: Chosen::Declared,
                    replaced,
                });
            }
            _ => {
                let text = s.to_owned();
                return Ok(Decoded {
                    text,
                    encoding: UTF_8,
                    chosen: Chosen::Utf8,
                    replaced: 0,
                });
            }
        }
    }
    if let Some(enc) = declared.filter(|&e| e != UTF_8) {
        let (text, replaced) = decode_with(enc, bytes);
        return Ok(Decoded {
            text,
            encoding: enc,
            chosen: Chosen::Declared,
            replaced,
        });
    }
    if declared == Some(UTF_8) || mostly_utf8(bytes) {
        let (text, replaced) = decode_with(UTF_8, bytes);
        return Ok(Decoded {
            text,
            encoding: UTF_8,
            chosen: Chosen::Utf8,
            replaced,
        });
    }
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(&bytes[..bytes.len().min(DETECT_PREFIX)], true);
    let enc = det.guess(hints.tld, chardetng::Utf8Detection::Allow);
    let (text, replaced) = decode_with(enc, bytes);
    Ok(Decoded {
        text,
        encoding: enc,
        chosen: Chosen::Detected,
        replaced,
    })
}

fn decode_with(enc: &'static Encoding, bytes: &[u8]) -> (String, usize) {
    if enc == UTF_8 {
        let mut out = String::with_capacity(bytes.len());
        let mut replaced = 0;
        for chunk in bytes.utf8_chunks() {
            out.push_str(chunk.valid());
            if !chunk.invalid().is_empty() {
                out.push('\u{FFFD}');
                replaced += 1;
            }
        }
        return (out, replaced);
    }
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    let replaced = if had_errors {
        text.matches('\u{FFFD}').count()
    } else {
        0
    };
    (text.into_owned(), replaced)
}

/// Invalid UTF-8 that still has more valid multi-byte characters than broken sequences is
/// UTF-8 with damage, not a legacy encoding: decoding it as windows-1252 would garble it all.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut multibyte, mut invalid) = (0usize, 0usize);
    for chunk in bytes[..bytes.len().min(DETECT_PREFIX)].utf8_chunks() {
        multibyte += chunk.valid().bytes().filter(|&b| b >= 0xC0).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    multibyte > 0 && multibyte >= invalid
}

/// Names what kind of binary data `bytes` is, if it is not text.
pub fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"\x89PNG", "PNG image"),
        (b"\xFF\xD8\xFF", "JPEG image"),
        (b"GIF8", "GIF image"),
        (b"%PDF-", "PDF"),
        (b"PK\x03\x04", "zip archive"),
        (b"\x7FELF", "ELF executable"),
        (b"\x1F\x8B", "gzip data"),
        (b"BZh", "bzip2 data"),
        (b"\xFD7zXZ\x00", "xz data"),
        (b"\x28\xB5\x2F\xFD", "zstd data"),
        (b"RIFF", "RIFF media"),
        (b"OggS", "Ogg media"),
        (b"wOFF", "web font"),
        (b"wOF2", "web font"),
    ];
    if let Some((_, kind)) = MAGIC.iter().find(|(m, _)| bytes.starts_with(m)) {
        return Some(kind);
    }
    let sample = &bytes[..bytes.len().min(BINARY_SAMPLE)];
    // Text has almost no C0 controls besides tab, newlines, form feed and escape.
    let odd = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0B | 0x0C | 0x1B))
        .count();
    (odd >= 8 && odd * 20 > sample.len()).then_some("control bytes")
}

/// Adds the notes a reader owes about decoding: the legacy encoding used, U+FFFD replacements,
/// control characters. Scans `doc.text` as it is (for HTML: the extracted text).
pub fn add_notes(doc: &mut Doc, d: &Decoded) {
    if d.encoding != UTF_8 || d.chosen == Chosen::Bom {
        let how = match d.chosen {
            Chosen::Bom => "byte-order mark",
            Chosen::Utf8 => "valid UTF-8",
            Chosen::Declared => "declared",
            Chosen::Detected => "detected",
        };
        doc.add_note(
            NoteKind::Decoded,
            Span::new(0, 0),
            format!("{} ({how})", d.encoding.name()),
        );
    }
    if d.replaced > 0 {
        note_runs(
            doc,
            NoteKind::InvalidUtf8,
            |c| c == '\u{FFFD}',
            |n| format!("{n} malformed byte sequence(s) replaced by U+FFFD"),
        );
    }
    note_control_chars(doc);
}

/// Notes runs of control characters (NUL, C0 other than tab/newlines, DEL, C1): the text
/// keeps them; the cleaning stage drops them from its view.
pub fn note_control_chars(doc: &mut Doc) {
    let suspicious = doc
        .text
        .bytes()
        .any(|b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || b == 0x7F || b == 0xC2);
    if suspicious {
        note_runs(doc, NoteKind::ControlChars, is_odd_control, |n| {
            format!("{n} control character(s)")
        });
    }
}

fn is_odd_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

/// At most this many notes of one kind per document; the last one says how many more.
const MAX_RUN_NOTES: usize = 20;

fn note_runs(
    doc: &mut Doc,
    kind: NoteKind,
    hit: impl Fn(char) -> bool,
    detail: impl Fn(usize) -> String,
) {
    let mut runs: Vec<(Span, usize)> = Vec::new();
    let mut cur: Option<(usize, usize, usize)> = None; // start, end, count
    for (i, c) in doc.text.char_indices() {
        if hit(c) {
            cur = Some(match cur {
                Some((s, e, n)) if e == i => (s, i + c.len_utf8(), n + 1),
                Some((s, e, n)) => {
                    runs.push((Span::new(s, e), n));
                    (i, i + c.len_utf8(), 1)
                }
                None => (i, i + c.len_utf8(), 1),
            });
        }
    }
    if let Some((s, e, n)) = cur {
        runs.push((Span::new(s, e), n));
    }
    let total = runs.len();
    for (k, (span, n)) in runs.into_iter().take(MAX_RUN_NOTES).enumerate() {
        if k + 1 == MAX_RUN_NOTES && total > MAX_RUN_NOTES {
            let more = total - MAX_RUN_NOTES;
            let d = format!("{} (and {more} more run(s) not noted)", detail(n));
            doc.add_note(kind, span, d);
        } else {
            doc.add_note(kind, span, detail(n));
        }
    }
}

/// The charset named by `<meta charset>` or `<meta http-equiv content="…; charset=…">` in the
/// first bytes of a page (browsers look at the first 1024; some pages put it later).
pub fn html_meta_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(p) = memchr::memmem::find(&lower[from..], b"<meta") {
        let tag_start = from + p;
        let tag_end =
            memchr::memchr(b'>', &lower[tag_start..]).map_or(lower.len(), |e| tag_start + e);
        let tag = &lower[tag_start..tag_end];
        if let Some(c) = memchr::memmem::find(tag, b"charset") {
            let rest = &tag[c + 7..];
            let rest = trim_start(rest);
            if let Some(rest) = rest.strip_prefix(b"=") {
                let rest = trim_start(rest);
                let rest = rest
                    .strip_prefix(b"\"")
                    .or_else(|| rest.strip_prefix(b"'"))
                    .unwrap_or(rest);
                let label: Vec<u8> = rest
                    .iter()
                    .copied()
                    .take_while(|b| {
                        b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.')
                    })
                    .collect();
                if !label.is_empty() {
                    return String::from_utf8(label).ok();
                }
            }
        }
        from = tag_end.max(tag_start + 5);
        if from >= lower.len() {
            break;
        }
    }
    None
}

fn trim_start(b: &[u8]) -> &[u8] {
    let n = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
    &b[n..]
}

/// The top-level domain of a URL, for chardetng (`http://www.example.ru/x` → `ru`).
pub fn url_tld(url: &str) -> Option<&str> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next()?;
    let tld = host.rsplit('.').next()?;
    (!tld.is_empty() && tld.bytes().all(|b| b.is_ascii_alphabetic())).then_some(tld)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_utf8_then_declared_then_detected() {
        let d = decode("“Hi,” she said.".as_bytes(), Hints::default()).unwrap();
        assert_eq!((d.chosen, d.replaced), (Chosen::Utf8, 0));
        let cyr = encoding_rs::WINDOWS_1251.encode("Привет, мир").0;
        let d = decode(
            &cyr,
            Hints {
                declared: Some("windows-1251"),
                tld: None,
            },
        )
        .unwrap();
        assert_eq!(
            (d.text.as_str(), d.chosen),
            ("Привет, мир", Chosen::Declared)
        );
        let d = decode(
            b"caf\xe9 na\xefve r\xe9sum\xe9 d\xe9j\xe0 vu",
            Hints::default(),
        )
        .unwrap();
        assert_eq!(d.chosen, Chosen::Detected);
        assert_eq!(d.text, "café naïve résumé déjà vu");
    }

    #[test]
    fn damaged_utf8_stays_utf8() {
        let d = decode(
            b"\xe2\x80\x9cQuote\xe2\x80\x9d and \xff here",
            Hints::default(),
        )
        .unwrap();
        assert_eq!(d.text, "“Quote” and \u{FFFD} here");
        assert_eq!((d.chosen, d.replaced), (Chosen::Utf8, 1));
    }

    #[test]
    fn refuses_binary() {
        assert!(decode(b"\x89PNG\r\n\x1a\n....", Hints::default())
            .unwrap_err()
            .contains("PNG"));
        let noise: Vec<u8> = (0..4096u32)
            .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
            .collect();
        assert!(decode(&noise, Hints::default()).is_err());
        let mut text = b"A line of text. ".repeat(50);
        text.extend_from_slice(b"\0\0");
        assert!(decode(&text, Hints::default()).is_ok());
    }

    #[test]
    fn finds_meta_charset_and_tld() {
        assert_eq!(
            html_meta_charset(b"<html><META charset=\"EUC-JP\">").as_deref(),
            Some("euc-jp")
        );
        let h = b"<meta http-equiv='Content-Type' content='text/html; charset=windows-1251'>";
        assert_eq!(html_meta_charset(h).as_deref(), Some("windows-1251"));
        assert_eq!(url_tld("http://news.example.ru:80/a?b"), Some("ru"));
        assert_eq!(url_tld("http://127.0.0.1/"), None);
    }

    #[test]
    fn notes_control_runs() {
        let mut doc = Doc::new("d", "s", "a\0\0b\u{1}c");
        note_control_chars(&mut doc);
        let spans: Vec<_> = doc
            .notes
            .iter()
            .map(|n| (n.span.start, n.span.end))
            .collect();
        assert_eq!(spans, vec![(1, 3), (4, 5)]);
    }
}
