//! `according-text`: cleaning (encoding repairs, boilerplate, cut-offs) and news-aware
//! segmentation (sentences, tokens), every span mapped back to the original text.
//!
//! Interface used by the rest of the workspace (keep these signatures):
//! - [`clean`]: sets `doc.clean` (cleaned view + offset map) and adds `doc.notes`.
//! - [`segment`]: fills `doc.sentences` and `doc.tokens` from `doc.clean_text()`, with spans
//!   mapped to the original text.

use according_core::Doc;

/// Clean `doc.text` into `doc.clean`, recording every change as a note. (Placeholder: identity.)
pub fn clean(doc: &mut Doc) {
    let _ = doc;
}

/// Split the cleaned text into sentences and tokens. (Placeholder: not built yet.)
pub fn segment(doc: &mut Doc) {
    let _ = doc;
}
