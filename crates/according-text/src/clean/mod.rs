//! Cleaning: a chain of passes, each producing a view of its input plus the map back, and notes.
//!
//! Order matters: mojibake is repaired first (its C1 bytes would otherwise be dropped as control
//! characters), then HTML character references are decoded, then control characters and NFC, then boilerplate lines are cut from the view;
//! the last passes only look (lost characters, truncated paragraphs, datelines, title) and add
//! notes.

pub mod boilerplate;
pub mod entities;
pub mod flags;
pub mod mojibake;
pub mod normalize;

use according_core::offsets::OffsetMapBuilder;
use according_core::{CleanText, Component, Doc, DocError, Note, OffsetMap};

/// The result of one rewriting pass over a text.
#[derive(Debug, Default)]
pub struct Pass {
    /// The new view; `None` when the pass changed nothing.
    pub text: Option<String>,
    /// Map from the new view to the pass's input (identity when unchanged).
    pub map: OffsetMap,
    /// Notes with spans in the pass's *input* coordinates.
    pub notes: Vec<Note>,
}

impl Pass {
    /// The view a pass built in `b`, with the input after `kept_from` kept as it is.
    fn rewritten(mut b: OffsetMapBuilder, text: &str, kept_from: usize, notes: Vec<Note>) -> Pass {
        b.keep(&text[kept_from..]);
        let (out, map) = b.finish();
        Pass {
            text: Some(out),
            map,
            notes,
        }
    }
}

/// Accumulates passes: the current view, the composed map to the original, the notes so far.
struct Chain<'a> {
    original: &'a str,
    text: Option<String>,
    map: OffsetMap,
    notes: Vec<Note>,
}

impl<'a> Chain<'a> {
    fn current(&self) -> &str {
        self.text.as_deref().unwrap_or(self.original)
    }

    fn apply(&mut self, pass: Pass) -> bool {
        for mut n in pass.notes {
            n.span = self.map.to_original(n.span);
            self.notes.push(n);
        }
        match pass.text {
            Some(t) => {
                let m = std::mem::take(&mut self.map);
                self.map = m.then(pass.map);
                self.text = Some(t);
                true
            }
            None => false,
        }
    }
}

/// Clean `doc.text` into `doc.clean` (a view plus its offset map) and append a note, with
/// original offsets, for every change and every problem noticed. `doc.text` is not modified.
pub fn clean(doc: &mut Doc) {
    let mut chain = Chain {
        original: &doc.text,
        text: None,
        map: OffsetMap::identity(),
        notes: Vec::new(),
    };
    // Double-double encodings (`Ã¢â‚¬â„¢`) need a second round.
    for _ in 0..3 {
        let pass = mojibake::repair(chain.current());
        if !chain.apply(pass) {
            break;
        }
    }
    let pass = entities::decode(chain.current());
    chain.apply(pass);
    let pass = normalize::drop_controls(chain.current());
    chain.apply(pass);
    let pass = normalize::nfc(chain.current());
    chain.apply(pass);
    let pass = boilerplate::strip(chain.current());
    chain.apply(pass);
    let pass = flags::scan(chain.current());
    chain.apply(pass);

    let Chain {
        text, map, notes, ..
    } = chain;
    let text = text.unwrap_or_else(|| doc.text.clone());
    let mut notes = notes;
    notes.sort_by_key(|n| (n.span.start, n.span.end));
    for n in notes {
        if !doc
            .notes
            .iter()
            .any(|m| m.kind == n.kind && m.span == n.span)
        {
            doc.notes.push(n);
        }
    }
    doc.clean = Some(CleanText { text, map });
}

/// The cleaning stage as a pipeline [`Component`].
#[derive(Debug, Default, Clone, Copy)]
pub struct Cleaner;

impl Component for Cleaner {
    fn name(&self) -> &'static str {
        "clean"
    }
    fn process(&self, doc: &mut Doc) -> Result<(), DocError> {
        clean(doc);
        Ok(())
    }
}
