//! Accuracy against gold UD files, with predicted tags on gold tokenization (UD words).

use crate::tagger::{TagScratch, Tagger};
use according_ml::conllu::{self, Sentence};
use std::path::Path;

/// Counts of correct predictions over `words` scored words.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Scores {
    pub words: usize,
    pub upos: usize,
    pub xpos: usize,
    /// UPOS and XPOS both right.
    pub both: usize,
    /// Lemma right (exact string); 0 when lemmas were not scored.
    pub lemma: usize,
}

fn pct(n: usize, d: usize) -> f64 {
    100.0 * n as f64 / d.max(1) as f64
}

impl Scores {
    pub fn upos(&self) -> f64 {
        pct(self.upos, self.words)
    }
    pub fn xpos(&self) -> f64 {
        pct(self.xpos, self.words)
    }
    pub fn both(&self) -> f64 {
        pct(self.both, self.words)
    }
    pub fn lemma(&self) -> f64 {
        pct(self.lemma, self.words)
    }
    pub fn to_json(&self, sentences: usize) -> serde_json::Value {
        let r = |x: f64| (x * 100.0).round() / 100.0;
        serde_json::json!({
            "sentences": sentences,
            "words": self.words,
            "upos": r(self.upos()),
            "xpos": r(self.xpos()),
            "upos_xpos": r(self.both()),
            "lemma": r(self.lemma()),
        })
    }
}

/// Tag every sentence and count agreements with the gold columns.
pub fn evaluate(tagger: &Tagger, sents: &[Sentence], lemmas: bool) -> Scores {
    let mut s = Scores::default();
    let mut scratch = TagScratch::default();
    let mut ids = Vec::new();
    let mut words: Vec<&str> = Vec::new();
    for sent in sents {
        words.clear();
        words.extend(sent.words.iter().map(|w| w.form.as_str()));
        tagger.tag_ids(&words, &mut scratch, &mut ids);
        for (w, &id) in sent.words.iter().zip(&ids) {
            let (u, x) = tagger.tag_names(id);
            s.words += 1;
            s.upos += (u == w.upos) as usize;
            s.xpos += (x == w.xpos) as usize;
            s.both += (u == w.upos && x == w.xpos) as usize;
            if lemmas {
                s.lemma += (tagger.lemma(&w.form, x) == w.lemma) as usize;
            }
        }
    }
    s
}

/// Evaluate one CoNLL-U file; returns the scores and the number of sentences.
pub fn evaluate_file(tagger: &Tagger, path: &Path) -> Result<(Scores, usize), String> {
    let sents = conllu::read_path(path)?;
    Ok((evaluate(tagger, &sents, true), sents.len()))
}
