//! How often two attributions claim the same words, over BBC articles: pairs of attributions,
//! neither inside the other, whose contents overlap (PolNeAR gives each word one role, and a
//! quotation is one speaker's), and attributions left with no content.
//! `cargo run --release -p according-attrib --example shared_content -- [DOCS]` (all 2,225 by
//! default, from `../shared/data/news/bbc-2005`).
use according_attrib::{nlp::Prep, Extractor};
use according_core::Attribution;

#[path = "../benches/common/bbc.rs"]
mod bbc;

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(usize::MAX);
    let prep = Prep::embedded();
    let ex = Extractor::embedded().unwrap();
    let (mut docs, mut attributions, mut shared, mut empty) = (0, 0, 0, 0);
    for mut d in bbc::bbc_docs(n) {
        prep.run(&mut d);
        ex.extract(&mut d);
        let atts = &d.attributions;
        docs += 1;
        attributions += atts.len();
        empty += atts.iter().filter(|a| a.content.spans.is_empty()).count();
        for (i, a) in atts.iter().enumerate() {
            shared += atts[i + 1..].iter().filter(|b| share_words(a, b)).count();
        }
    }
    println!(
        "{docs} docs, {attributions} attributions: {shared} pairs share content words, \
         {empty} have no content"
    );
}

/// Neither is the other's parent, and a piece of one content overlaps a piece of the other.
fn share_words(a: &Attribution, b: &Attribution) -> bool {
    let nested = a.parent.as_ref() == Some(&b.id) || b.parent.as_ref() == Some(&a.id);
    !nested
        && a.content
            .spans
            .iter()
            .any(|x| b.content.spans.iter().any(|y| x.overlaps(*y)))
}
