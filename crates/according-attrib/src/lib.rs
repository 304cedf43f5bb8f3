//! `according-attrib`: attribution extraction — for every attribution in an article, its
//! source, cue and content, its kind, the attribution it sits inside, who the source really is,
//! and what a careful reader should be warned about.
//!
//! A cue tagger and a cue-relative source/content tagger (structured perceptrons trained on
//! PolNeAR, with POS, dependency-parse and learned cue-lexicon features) find the spans; two
//! layout patterns (dash-signed quotes, transcript speaker labels) add what spans lines; rules
//! and lexicons add chains, flags, source resolution and entities. Each attribution's
//! `confidence` is the cue tagger's margin through a logistic curve fitted on PolNeAR dev.
//!
//! ```
//! use according_core::{Component, Doc};
//! let ex = according_attrib::Extractor::embedded().unwrap();
//! let mut doc = Doc::new("d", "inline", "“We will win the vote,” Senator John Smith said on Monday.");
//! according_attrib::nlp::Prep::embedded().run(&mut doc); // clean, segment, tag, parse
//! ex.process(&mut doc).unwrap();
//! let a = &doc.attributions[0];
//! assert_eq!(a.cue.text, "said");
//! assert_eq!(a.source.as_ref().unwrap().text, "Senator John Smith");
//! assert!(a.confidence > 0.5 && a.confidence < 1.0);
//! println!("{}", according_attrib::table::render(&doc));
//! ```
//!
//! Modules: [`polnear`] reads the gold data, [`metric`] scores (exact / overlap / whole
//! attribution), [`train`] trains, [`evaluate`] runs the extractor on a gold directory,
//! [`tagging`] runs the two taggers, [`chains`], [`classify`], [`sources`], [`resolve`] and
//! [`outlets`] add chains, kinds, flags and entities, [`table`] renders `--format table`,
//! [`cue_lexicon`] learns cue rates from training data, [`patterns`] finds layout patterns,
//! [`boundaries`] corrects source and content edges from the sentence's structure,
//! [`relative`] reads sources in relative clauses, [`claims`] gives a quotation to the colon
//! cue that introduces it, [`evidential`] finds hedged claims nobody signs, [`gender`] keeps
//! pronoun resolution to people of the pronoun's gender, [`calibrate`] fits confidences.

mod antecedent;
pub mod boundaries;
pub mod calibrate;
pub mod chains;
pub mod claims;
pub mod classify;
pub mod completion;
pub mod coordination;
pub mod cue_lexicon;
mod entity_names;
pub mod evaluate;
pub mod evidential;
pub mod extractor;
pub mod features;
pub mod gender;
pub mod lexicon;
pub mod metric;
pub mod model;
pub mod nlp;
pub mod outlets;
pub mod patterns;
pub mod polnear;
pub mod relative;
pub mod resolve;
pub mod score_table;
pub mod sequence;
mod source_words;
pub mod sources;
pub mod table;
pub mod tagging;
#[cfg(test)]
mod test_support;
pub mod train;
pub mod view;

pub use extractor::Extractor;

/// The committed default model, trained by `according train attribution`.
static EMBEDDED_MODEL: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../models/attribution.bin"
));

impl Extractor {
    /// The committed default model (`models/attribution.bin`).
    pub fn embedded() -> Result<Extractor, String> {
        Extractor::from_bytes(EMBEDDED_MODEL)
            .map_err(|e| format!("embedded attribution model: {e}"))
    }
}
