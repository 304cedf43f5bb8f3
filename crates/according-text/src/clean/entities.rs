//! HTML character references left in plain text (`Jos&#233; Manuel Barroso`, `AT&amp;T`):
//! scraped articles and corpora often keep them. Decoded in the view, noted once.

use super::Pass;
use according_core::offsets::OffsetMapBuilder;
use according_core::{Note, NoteKind, Span};

/// Named references worth knowing in news text (the rest stay as written).
const NAMED: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", ' '),
    ("ndash", '–'),
    ("mdash", '—'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("hellip", '…'),
    ("pound", '£'),
    ("euro", '€'),
    ("eacute", 'é'),
    ("egrave", 'è'),
    ("aacute", 'á'),
    ("agrave", 'à'),
    ("iacute", 'í'),
    ("oacute", 'ó'),
    ("uacute", 'ú'),
    ("ccedil", 'ç'),
    ("ntilde", 'ñ'),
    ("auml", 'ä'),
    ("ouml", 'ö'),
    ("uuml", 'ü'),
];

/// The character a reference at the start of `s` (just after `&`) stands for, with the
/// reference's length after the `&` (including `;`).
fn reference(s: &str) -> Option<(char, usize)> {
    let end = s.bytes().take(10).position(|b| b == b';')?;
    let body = &s[..end];
    let c = if let Some(num) = body.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse::<u32>().ok()?,
        };
        char::from_u32(code).filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))?
    } else {
        NAMED.iter().find(|(n, _)| *n == body)?.1
    };
    Some((c, end + 1))
}

/// Decode the character references of `text`.
pub fn decode(text: &str) -> Pass {
    if !text.contains('&') || !text.contains(';') {
        return Pass::default();
    }
    let mut b = OffsetMapBuilder::with_capacity(text.len());
    let mut kept_from = 0;
    let mut first: Option<Span> = None;
    let mut count = 0usize;
    let mut at = 0;
    while let Some(p) = text[at..].find('&') {
        let i = at + p;
        match reference(&text[i + 1..]) {
            Some((c, len)) => {
                b.keep(&text[kept_from..i]);
                let mut buf = [0u8; 4];
                b.replace(len + 1, c.encode_utf8(&mut buf));
                kept_from = i + 1 + len;
                at = kept_from;
                count += 1;
                let span = Span::new(i, kept_from);
                first = Some(first.map_or(span, |f| Span::new(f.start, span.end)));
            }
            None => at = i + 1,
        }
    }
    let Some(span) = first else {
        return Pass::default();
    };
    let note = Note {
        kind: NoteKind::Other,
        span,
        detail: format!("{count} HTML character references decoded (`&#233;` → `é`)"),
    };
    Pass::rewritten(b, text, kept_from, vec![note])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_numeric_and_named_references_and_maps_back() {
        let text = "EC President Jos&#233; Manuel Barroso said AT&amp;T &#x2014; and R&D; lost.";
        let p = decode(text);
        let out = p.text.expect("changed");
        assert_eq!(
            out,
            "EC President José Manuel Barroso said AT&T — and R&D; lost."
        );
        // `é` in the view maps back to the whole reference in the original.
        let e = out.find('é').unwrap();
        let span = p.map.to_original(Span::new(e, e + 'é'.len_utf8()));
        assert_eq!(&text[span.start..span.end], "&#233;");
        let after = out.find("Manuel").unwrap();
        let m = p.map.to_original(Span::new(after, after + 6));
        assert_eq!(&text[m.start..m.end], "Manuel");
        assert_eq!(p.notes.len(), 1);
    }

    #[test]
    fn leaves_text_without_references_alone() {
        assert!(decode("Johnson & Johnson; R&D spending").text.is_none());
        assert!(decode("&#0; &#xZZ; &bogus;").text.is_none());
    }
}
