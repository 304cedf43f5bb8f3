//! The tagger as a pipeline stage: fills `upos`, `xpos` and `lemma` of every token.

use crate::tagger::{with_scratch, TagScratch, Tagger};
use according_core::{Component, Doc, DocError};

impl Component for Tagger {
    fn name(&self) -> &'static str {
        "tagger"
    }

    fn process(&self, doc: &mut Doc) -> Result<(), DocError> {
        with_scratch(|scratch| self.annotate(doc, scratch));
        Ok(())
    }
}

impl Tagger {
    fn annotate(&self, doc: &mut Doc, scratch: &mut TagScratch) {
        let mut ids = Vec::new();
        let mut words: Vec<&str> = Vec::new();
        let mut results: Vec<u16> = Vec::with_capacity(doc.tokens.len());
        let ranges = doc.sentence_token_ranges();
        // Tokens outside any listed sentence are still tagged, as one extra run.
        let covered: usize = ranges.iter().map(|r| r.len()).sum();
        let ranges = if covered == doc.tokens.len() {
            ranges
        } else {
            std::iter::once(0..doc.tokens.len()).collect()
        };
        let mut order = Vec::with_capacity(doc.tokens.len());
        let mut lemmas: Vec<String> = Vec::with_capacity(doc.tokens.len());
        for r in ranges {
            words.clear();
            words.extend(doc.tokens[r.clone()].iter().map(|t| t.text.as_str()));
            self.tag_ids(&words, scratch, &mut ids);
            self.lemmas(&words, &ids, scratch, |_, l| lemmas.push(l.into_owned()));
            results.extend_from_slice(&ids);
            order.extend(r);
        }
        for ((&i, &id), lemma) in order.iter().zip(&results).zip(lemmas) {
            let (u, x) = self.tag_names(id);
            let t = &mut doc.tokens[i];
            t.upos = Some(u.into());
            t.xpos = Some(x.into());
            t.lemma = Some(lemma);
        }
    }
}
