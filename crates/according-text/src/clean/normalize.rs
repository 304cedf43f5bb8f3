//! Character-level normalisation: invisible/control characters dropped, NFC, U+FFFD noted.

use super::Pass;
use according_core::offsets::OffsetMapBuilder;
use according_core::{Note, NoteKind, Span};
use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc, is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Characters dropped from the view: C0/C1 controls other than tab and line breaks, DEL, and
/// invisible format characters that split words (BOM, zero-width space, soft hyphen).
fn is_dropped(c: char) -> bool {
    match c {
        '\t' | '\n' | '\r' => false,
        '\u{0}'..='\u{1F}' | '\u{7F}'..='\u{9F}' => true,
        '\u{FEFF}' | '\u{200B}' | '\u{AD}' => true,
        _ => false,
    }
}

/// Drop control characters (one note per run) and note U+FFFD replacement characters.
pub fn drop_controls(text: &str) -> Pass {
    let ascii = text.is_ascii();
    let has_ascii_ctrl = text
        .bytes()
        .any(|b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || b == 0x7F);
    let mut notes = Vec::new();
    if !ascii {
        for (i, _) in text.match_indices('\u{FFFD}') {
            push_merged(
                &mut notes,
                NoteKind::InvalidUtf8,
                Span::new(i, i + 3),
                "U+FFFD replacement character: bytes were lost in decoding",
            );
        }
    }
    if !has_ascii_ctrl && (ascii || !text.chars().any(is_dropped)) {
        return Pass {
            notes,
            ..Default::default()
        };
    }
    let mut b = OffsetMapBuilder::with_capacity(text.len());
    let mut kept_from = 0;
    for (i, c) in text.char_indices() {
        if is_dropped(c) {
            b.keep(&text[kept_from..i]);
            b.replace(c.len_utf8(), "");
            kept_from = i + c.len_utf8();
            push_merged(
                &mut notes,
                NoteKind::ControlChars,
                Span::new(i, kept_from),
                "control or invisible characters dropped from the view",
            );
        }
    }
    Pass::rewritten(b, text, kept_from, notes)
}

/// Add a note, extending the previous one of the same kind when the spans touch.
fn push_merged(notes: &mut Vec<Note>, kind: NoteKind, span: Span, detail: &str) {
    if let Some(last) = notes.last_mut() {
        if last.kind == kind && last.span.end == span.start {
            last.span.end = span.end;
            return;
        }
    }
    notes.push(Note {
        kind,
        span,
        detail: detail.to_string(),
    });
}

/// Normalise to NFC, one combining cluster (a starter and its combining marks) at a time, so
/// that offsets of everything else stay exact.
pub fn nfc(text: &str) -> Pass {
    if text.is_ascii() || is_nfc_quick(text.chars()) == IsNormalized::Yes {
        return Pass::default();
    }
    let mut b = OffsetMapBuilder::with_capacity(text.len());
    let mut notes = Vec::new();
    let mut kept_from = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let mut end = i + c.len_utf8();
        while let Some(&(k, d)) = chars.peek() {
            if canonical_combining_class(d) == 0 {
                break;
            }
            end = k + d.len_utf8();
            chars.next();
        }
        let cluster = &text[i..end];
        if cluster.is_ascii() || is_nfc(cluster) {
            continue;
        }
        let normal: String = cluster.nfc().collect();
        b.keep(&text[kept_from..i]);
        b.replace(cluster.len(), &normal);
        kept_from = end;
        push_merged(
            &mut notes,
            NoteKind::Normalized,
            Span::new(i, end),
            "text normalised to Unicode NFC",
        );
    }
    if notes.is_empty() {
        return Pass::default();
    }
    Pass::rewritten(b, text, kept_from, notes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_controls_and_notes() {
        let p = drop_controls("a\u{0}b\u{FEFF}c\td");
        assert_eq!(p.text.as_deref(), Some("abc\td"));
        assert_eq!(p.notes.len(), 2);
        assert_eq!(p.notes[0].span, Span::new(1, 2));
    }

    #[test]
    fn composes_to_nfc() {
        let p = nfc("cafe\u{301} ok");
        assert_eq!(p.text.as_deref(), Some("café ok"));
        assert_eq!(p.notes[0].kind, NoteKind::Normalized);
    }

    #[test]
    fn notes_fffd() {
        let p = drop_controls("expos\u{FFFD}s");
        assert!(p.text.is_none());
        assert_eq!(p.notes[0].kind, NoteKind::InvalidUtf8);
    }
}
