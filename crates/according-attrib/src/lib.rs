//! `according-attrib`: attribution extraction — for every attribution in an article, its
//! source, cue and content, its kind, the attribution it sits inside, who the source really is,
//! and what a careful reader should be warned about.
//!
//! A cue tagger and a cue-relative source/content tagger (structured perceptrons trained on
//! PolNeAR) find the spans; rules and lexicons add chains, flags, source resolution and
//! entities.
//!
//! ```no_run
//! use according_core::{Component, Doc};
//! let ex = according_attrib::Extractor::embedded().unwrap();
//! let mut doc = Doc::new("d", "inline", "“We will win,” Smith said.");
//! ex.process(&mut doc).unwrap();
//! assert_eq!(doc.attributions[0].cue.text, "said");
//! ```

pub mod evaluate;
pub mod extractor;
pub mod features;
pub mod lexicon;
pub mod metric;
pub mod model;
pub mod polnear;
pub mod sequence;
pub mod tagging;
pub mod train;
pub mod view;

pub use extractor::Extractor;

impl Extractor {
    /// The committed default model (`models/attribution.bin`). Not built yet.
    pub fn embedded() -> Result<Extractor, String> {
        Err("no embedded attribution model yet".into())
    }
}
