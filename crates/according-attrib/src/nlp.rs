//! The NLP stages the extractor is trained and evaluated behind: cleaning, segmentation and
//! POS tagging (the same chain the `according` pipeline runs before attribution).

use according_core::{Component, Doc};
use according_tagger::Tagger;

pub struct Prep {
    tagger: Option<Tagger>,
}

impl Prep {
    /// Cleaning + segmentation + the embedded tagger (segmentation only if it fails to load).
    pub fn embedded() -> Prep {
        Prep {
            tagger: Tagger::embedded().ok(),
        }
    }

    /// Cleaning + segmentation only.
    pub fn segment_only() -> Prep {
        Prep { tagger: None }
    }

    pub fn describe(&self) -> &'static str {
        if self.tagger.is_some() {
            "clean+segment+tagger"
        } else {
            "clean+segment"
        }
    }

    pub fn run(&self, doc: &mut Doc) {
        according_text::clean(doc);
        according_text::segment(doc);
        if let Some(t) = &self.tagger {
            // A tagging failure leaves the tokens untagged; extraction still runs.
            let _ = t.process(doc);
        }
    }
}
