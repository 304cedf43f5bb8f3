//! Byte spans and their conversion to Unicode code points.

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into a document's original text.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span start {start} > end {end}");
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    /// The text under this span; empty if the span does not fall on char boundaries.
    // (Inline across crates: the extractor slices every token several times.)
    #[inline]
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// Converts byte offsets of one text to Unicode code point offsets and back.
///
/// Keeps one checkpoint every [`CharIndex::STRIDE`] bytes, so memory stays at a few percent of
/// the text and each lookup scans at most one stride. Pure-ASCII texts convert as identity.
#[derive(Debug, Clone)]
pub struct CharIndex<'a> {
    text: &'a str,
    ascii: bool,
    /// `checkpoints[i]` = number of chars in `text[..i * STRIDE]` (rounded down to a boundary).
    checkpoints: Vec<(usize, usize)>,
}

impl<'a> CharIndex<'a> {
    pub const STRIDE: usize = 256;

    pub fn new(text: &'a str) -> Self {
        let ascii = text.is_ascii();
        let mut checkpoints = Vec::new();
        if !ascii {
            let mut chars = 0usize;
            let mut next = 0usize;
            for (b, _) in text.char_indices() {
                if b >= next {
                    checkpoints.push((b, chars));
                    next = b + Self::STRIDE;
                }
                chars += 1;
            }
            checkpoints.push((text.len(), chars));
        }
        CharIndex {
            text,
            ascii,
            checkpoints,
        }
    }

    /// Code point offset of byte offset `byte` (clamped to the text; a byte inside a
    /// multi-byte character counts as that character's start).
    pub fn char_of(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        if self.ascii {
            return byte;
        }
        let i = match self.checkpoints.binary_search_by(|&(b, _)| b.cmp(&byte)) {
            Ok(i) => return self.checkpoints[i].1,
            Err(i) => i - 1,
        };
        let (b0, c0) = self.checkpoints[i];
        c0 + self.text[b0..]
            .char_indices()
            .take_while(|&(off, _)| b0 + off < byte)
            .count()
    }

    /// Byte offset of code point offset `ch` (clamped to the text length).
    pub fn byte_of(&self, ch: usize) -> usize {
        if self.ascii {
            return ch.min(self.text.len());
        }
        let i = match self.checkpoints.binary_search_by(|&(_, c)| c.cmp(&ch)) {
            Ok(i) => return self.checkpoints[i].0,
            Err(0) => 0,
            Err(i) => i - 1,
        };
        let (b0, c0) = self.checkpoints[i];
        self.text[b0..]
            .char_indices()
            .nth(ch - c0)
            .map(|(off, _)| b0 + off)
            .unwrap_or(self.text.len())
    }

    pub fn span_to_chars(&self, span: Span) -> (usize, usize) {
        (self.char_of(span.start), self.char_of(span.end))
    }

    pub fn span_from_chars(&self, start: usize, end: usize) -> Span {
        Span::new(
            self.byte_of(start),
            self.byte_of(end).max(self.byte_of(start)),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn converts_multibyte() {
        let t = "a“b”é";
        let ix = CharIndex::new(t);
        assert_eq!(ix.char_of(0), 0);
        assert_eq!(ix.char_of(1), 1);
        assert_eq!(ix.char_of(4), 2);
        assert_eq!(ix.char_of(t.len()), 5);
        assert_eq!(ix.byte_of(2), 4);
        assert_eq!(ix.byte_of(5), t.len());
    }

    proptest! {
        #[test]
        fn roundtrip(s in "\\PC{0,700}") {
            let ix = CharIndex::new(&s);
            for (n, (b, _)) in s.char_indices().enumerate() {
                prop_assert_eq!(ix.char_of(b), n);
                prop_assert_eq!(ix.byte_of(n), b);
            }
            prop_assert_eq!(ix.char_of(s.len()), s.chars().count());
        }
    }
}
