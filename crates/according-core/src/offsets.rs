//! Offset map from a cleaned text back to the original text it was made from.
//!
//! A cleaning pass walks the original and emits, in order, pieces it keeps and pieces it
//! replaces (a replacement may be empty: a deletion). [`OffsetMapBuilder`] records those pieces
//! while it builds the cleaned string, so every cleaned byte offset maps back to an original one.
//! Passes stack: [`OffsetMap::then`] composes a later pass onto an earlier one.

/// One piece of the cleaned text and the original bytes it stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Piece {
    clean_start: usize,
    clean_len: usize,
    orig_start: usize,
    orig_len: usize,
    /// Kept verbatim: offsets inside map one to one.
    kept: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Layer {
    pieces: Vec<Piece>,
    clean_len: usize,
    orig_len: usize,
}

impl Layer {
    fn find(&self, pos: usize) -> Option<&Piece> {
        if self.pieces.is_empty() {
            return None;
        }
        let i = self.pieces.partition_point(|p| p.clean_start <= pos);
        Some(&self.pieces[i.saturating_sub(1)])
    }

    /// Map a cleaned offset to the original; `end_side` decides where an offset strictly inside
    /// (or at the end of) a replaced piece lands.
    fn map(&self, pos: usize, end_side: bool) -> usize {
        let pos = pos.min(self.clean_len);
        let Some(p) = self.find(pos) else {
            return pos.min(self.orig_len);
        };
        // An end offset that lands exactly on a piece start belongs to the piece before it.
        if end_side && pos == p.clean_start && pos > 0 {
            let i = self.pieces.partition_point(|q| q.clean_start < pos);
            if i > 0 {
                let q = &self.pieces[i - 1];
                return q.orig_start
                    + if q.kept {
                        pos - q.clean_start
                    } else {
                        q.orig_len
                    };
            }
        }
        let rel = pos - p.clean_start;
        if p.kept {
            p.orig_start + rel.min(p.orig_len)
        } else if rel == 0 && !end_side {
            p.orig_start
        } else if end_side || rel >= p.clean_len {
            p.orig_start + p.orig_len
        } else {
            p.orig_start
        }
    }
}

/// Maps byte offsets of a cleaned text to byte offsets of the original text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    /// Earliest pass first; mapping applies them last to first.
    layers: Vec<Layer>,
}

impl OffsetMap {
    /// The map of a text left unchanged.
    pub fn identity() -> Self {
        OffsetMap { layers: Vec::new() }
    }

    pub fn is_identity(&self) -> bool {
        self.layers.is_empty()
    }

    /// Original offset of a cleaned *start* offset.
    pub fn to_original_start(&self, pos: usize) -> usize {
        self.layers.iter().rev().fold(pos, |p, l| l.map(p, false))
    }

    /// Original offset of a cleaned *end* offset (end-exclusive).
    pub fn to_original_end(&self, pos: usize) -> usize {
        self.layers.iter().rev().fold(pos, |p, l| l.map(p, true))
    }

    /// Original span of a cleaned span.
    pub fn to_original(&self, span: crate::Span) -> crate::Span {
        let s = self.to_original_start(span.start);
        let e = self.to_original_end(span.end).max(s);
        crate::Span::new(s, e)
    }

    /// Compose: `later` maps a text made from this map's cleaned text.
    pub fn then(mut self, later: OffsetMap) -> OffsetMap {
        self.layers.extend(later.layers);
        self
    }
}

/// Builds a cleaned string and its [`OffsetMap`] in one pass over the original.
#[derive(Debug, Default)]
pub struct OffsetMapBuilder {
    out: String,
    layer: Layer,
    orig_pos: usize,
    changed: bool,
}

impl OffsetMapBuilder {
    pub fn with_capacity(n: usize) -> Self {
        OffsetMapBuilder {
            out: String::with_capacity(n),
            ..Default::default()
        }
    }

    /// Current offset in the original text (everything before it has been emitted).
    pub fn orig_pos(&self) -> usize {
        self.orig_pos
    }

    /// Length of the cleaned text so far.
    pub fn clean_len(&self) -> usize {
        self.out.len()
    }

    /// Copy `s`, the next `s.len()` bytes of the original, unchanged.
    pub fn keep(&mut self, s: &str) {
        if s.is_empty() {
            return;
        }
        if let Some(last) = self.layer.pieces.last_mut() {
            if last.kept && last.orig_start + last.orig_len == self.orig_pos {
                last.clean_len += s.len();
                last.orig_len += s.len();
                self.out.push_str(s);
                self.orig_pos += s.len();
                return;
            }
        }
        self.push(s, s.len(), true);
    }

    /// Replace the next `orig_len` bytes of the original by `with` (empty: delete them).
    pub fn replace(&mut self, orig_len: usize, with: &str) {
        self.changed = true;
        self.push(with, orig_len, false);
    }

    fn push(&mut self, s: &str, orig_len: usize, kept: bool) {
        self.layer.pieces.push(Piece {
            clean_start: self.out.len(),
            clean_len: s.len(),
            orig_start: self.orig_pos,
            orig_len,
            kept,
        });
        self.out.push_str(s);
        self.orig_pos += orig_len;
    }

    /// The cleaned text and the map of this pass (identity when nothing was replaced).
    pub fn finish(mut self) -> (String, OffsetMap) {
        if !self.changed {
            return (self.out, OffsetMap::identity());
        }
        self.layer.clean_len = self.out.len();
        self.layer.orig_len = self.orig_pos;
        (
            self.out,
            OffsetMap {
                layers: vec![self.layer],
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Span;
    use proptest::prelude::*;

    #[test]
    fn maps_replacement_and_deletion() {
        let orig = "It’s â€™ok\u{0}!";
        let mut b = OffsetMapBuilder::default();
        b.keep("It’s ");
        b.replace("â€™".len(), "’");
        b.keep("ok");
        b.replace(1, "");
        b.keep("!");
        let (clean, map) = b.finish();
        assert_eq!(clean, "It’s ’ok!");
        let ok = clean.find("ok").unwrap();
        let o = map.to_original(Span::new(ok, ok + 2));
        assert_eq!(&orig[o.start..o.end], "ok");
        let q = clean.rfind('’').unwrap();
        let o = map.to_original(Span::new(q, q + '’'.len_utf8()));
        assert_eq!(&orig[o.start..o.end], "â€™");
        let bang = clean.find('!').unwrap();
        let o = map.to_original(Span::new(bang, bang + 1));
        assert_eq!(&orig[o.start..o.end], "!");
    }

    #[test]
    fn composes_layers() {
        let mut b = OffsetMapBuilder::default();
        b.replace(2, "");
        b.keep("abc");
        let (t1, m1) = b.finish(); // "XXabc" -> "abc"
        let mut b = OffsetMapBuilder::default();
        b.keep("a");
        b.replace(1, "BB");
        b.keep("c");
        let (t2, m2) = b.finish(); // "abc" -> "aBBc"
        assert_eq!((t1.as_str(), t2.as_str()), ("abc", "aBBc"));
        let m = m1.then(m2);
        assert_eq!(m.to_original(Span::new(3, 4)), Span::new(4, 5));
        assert_eq!(m.to_original(Span::new(1, 3)), Span::new(3, 4));
    }

    proptest! {
        // Every cleaned span maps to an in-bounds, ordered original span on char boundaries.
        #[test]
        fn spans_map_into_original(s in "[a-zé“” \\x00]{0,60}", a in 0usize..80, b in 0usize..80) {
            let mut bld = OffsetMapBuilder::default();
            for ch in s.chars() {
                let mut buf = [0u8; 4];
                let c = ch.encode_utf8(&mut buf);
                match ch {
                    '\0' => bld.replace(1, ""),
                    '“' | '”' => bld.replace(c.len(), "\""),
                    _ => bld.keep(c),
                }
            }
            let (clean, map) = bld.finish();
            let snap = |x: usize| (0..=x.min(clean.len())).rev().find(|&i| clean.is_char_boundary(i)).unwrap();
            let (a, b) = (snap(a), snap(b));
            let span = Span::new(a.min(b), a.max(b));
            let o = map.to_original(span);
            prop_assert!(o.start <= o.end && o.end <= s.len());
            prop_assert!(s.is_char_boundary(o.start) && s.is_char_boundary(o.end));
        }
    }
}
