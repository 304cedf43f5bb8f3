//! Repair of double-encoded UTF-8 ("mojibake": `â€™` for `’`, `Ã©` for `é`).
//!
//! Such text was UTF-8, decoded as Windows-1252 (or Latin-1), and encoded as UTF-8 again. As in
//! ftfy, a run is repaired by mapping each character back to its single cp1252 byte and decoding
//! those bytes as UTF-8. To stay conservative, only a lead byte (`Â`..`ô`) followed by exactly
//! the continuation bytes UTF-8 requires is considered, and the decoded character must be
//! plausible: Latin letters and symbols for two-byte sequences (Greek/Cyrillic/Hebrew/Arabic
//! only inside a run of several), anything but private-use for longer ones. Real words with `Ã`
//! or `Â` followed by ordinary letters are never touched.

use super::Pass;
use according_core::offsets::OffsetMapBuilder;
use according_core::{Note, NoteKind, Span};

/// The Windows-1252 byte that `c` was decoded from, if any (Latin-1 for the C1 range, which
/// also covers the five bytes cp1252 leaves undefined).
fn cp1252_byte(c: char) -> Option<u8> {
    let u = c as u32;
    if u < 0x100 {
        return Some(u as u8);
    }
    Some(match c {
        '€' => 0x80,
        '‚' => 0x82,
        'ƒ' => 0x83,
        '„' => 0x84,
        '…' => 0x85,
        '†' => 0x86,
        '‡' => 0x87,
        'ˆ' => 0x88,
        '‰' => 0x89,
        'Š' => 0x8A,
        '‹' => 0x8B,
        'Œ' => 0x8C,
        'Ž' => 0x8E,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '˜' => 0x98,
        '™' => 0x99,
        'š' => 0x9A,
        '›' => 0x9B,
        'œ' => 0x9C,
        'ž' => 0x9E,
        'Ÿ' => 0x9F,
        _ => return None,
    })
}

/// A mojibake sequence starting at byte `i` of `text`: its byte length and the decoded char.
fn sequence_at(text: &str, i: usize) -> Option<(usize, char)> {
    let mut chars = text[i..].chars();
    let lead = cp1252_byte(chars.next()?)?;
    let n = match lead {
        0xC2..=0xDF => 1,
        0xE0..=0xEF => 2,
        0xF0..=0xF4 => 3,
        _ => return None,
    };
    let mut bytes = [lead, 0, 0, 0];
    let mut len = text[i..].chars().next()?.len_utf8();
    for slot in bytes.iter_mut().skip(1).take(n) {
        let c = chars.next()?;
        let b = cp1252_byte(c)?;
        if !(0x80..=0xBF).contains(&b) {
            return None;
        }
        *slot = b;
        len += c.len_utf8();
    }
    let decoded = std::str::from_utf8(&bytes[..=n]).ok()?.chars().next()?;
    Some((len, decoded))
}

fn plausible_alone(n_bytes_decoded: usize, d: char) -> bool {
    let u = d as u32;
    match n_bytes_decoded {
        2 => (0xA0..=0x24F).contains(&u),
        3 => !(0xE000..=0xF8FF).contains(&u) && u != 0xFFFD && u != 0xFEFF,
        _ => true,
    }
}

fn plausible_in_run(d: char) -> bool {
    (0x370..=0x6FF).contains(&(d as u32))
}

/// Repair mojibake runs in `text`. Notes: one per line with repairs.
pub fn repair(text: &str) -> Pass {
    let bytes = text.as_bytes();
    // Every lead character `Â`..`ô` is encoded as C3 xx; no C3 byte, nothing to do.
    if text.is_ascii() || !bytes.contains(&0xC3) {
        return Pass::default();
    }
    let mut b = OffsetMapBuilder::with_capacity(text.len());
    let mut kept_from = 0;
    let mut notes: Vec<Note> = Vec::new();
    let mut last_repair_end = usize::MAX;
    let mut i = 0;
    while i < text.len() {
        if bytes[i] != 0xC3 {
            i += 1;
            continue;
        }
        let Some((len, d)) = sequence_at(text, i) else {
            i += 1;
            continue;
        };
        let ok = plausible_alone(d.len_utf8(), d)
            || plausible_in_run(d)
                && (last_repair_end == i
                    || sequence_at(text, i + len).is_some_and(|(_, e)| plausible_in_run(e)));
        if !ok {
            i += 1;
            continue;
        }
        b.keep(&text[kept_from..i]);
        let mut buf = [0u8; 4];
        b.replace(len, d.encode_utf8(&mut buf));
        record(&mut notes, text, Span::new(i, i + len), d);
        i += len;
        kept_from = i;
        last_repair_end = i;
    }
    if notes.is_empty() {
        return Pass::default();
    }
    Pass::rewritten(b, text, kept_from, notes)
}

/// Add a repair to the notes, merging with the previous note when on the same line.
fn record(notes: &mut Vec<Note>, text: &str, span: Span, d: char) {
    if let Some(last) = notes.last_mut() {
        if !text[last.span.end..span.start].contains('\n') {
            last.span.end = span.end;
            let count = last
                .detail
                .split(' ')
                .next()
                .and_then(|n| n.parse::<usize>().ok())
                .unwrap_or(1)
                + 1;
            let example = last
                .detail
                .split_once(", e.g. ")
                .map_or("", |(_, e)| e)
                .to_string();
            last.detail = format!("{count} double-encoded sequences repaired, e.g. {example}");
            return;
        }
    }
    let from = &text[span.start..span.end];
    notes.push(Note {
        kind: NoteKind::MojibakeRepaired,
        span,
        detail: format!("1 double-encoded sequences repaired, e.g. `{from}` → `{d}`"),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(s: &str) -> String {
        repair(s).text.unwrap_or_else(|| s.to_string())
    }

    #[test]
    fn repairs_common_sequences() {
        assert_eq!(fix("Bin Ladenâ€™s network"), "Bin Laden’s network");
        assert_eq!(fix("cafÃ© and crÃ¨me"), "café and crème");
        assert_eq!(fix("â€œQuoteâ€\u{9d} â€” yes"), "“Quote” — yes");
        assert_eq!(fix("Â£100"), "£100");
        assert_eq!(fix("ÐŸÑ€Ð¸Ð²ÐµÑ‚"), "Привет");
    }

    #[test]
    fn leaves_real_text_alone() {
        for s in [
            "São Paulo",
            "Ãlvaro Ãngel",
            "CAFÉ»",
            "naïve résumé",
            "Â",
            "Ã",
        ] {
            assert_eq!(fix(s), s);
        }
    }
}
