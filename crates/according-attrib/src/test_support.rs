//! Helpers shared by the unit tests.

use according_core::Doc;

/// `text` cleaned and segmented as the pipeline does, with its token texts.
pub(crate) fn view_of(text: &str) -> (Doc, Vec<String>) {
    let mut doc = Doc::new("t", "t", text);
    according_text::clean(&mut doc);
    according_text::segment(&mut doc);
    let words = doc.tokens.iter().map(|t| t.text.clone()).collect();
    (doc, words)
}
