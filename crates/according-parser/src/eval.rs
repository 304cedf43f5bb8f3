//! Attachment scores, CoNLL 2018 style: every word counts (punctuation included), LAS
//! compares the full relation (`nsubj:pass`, not just `nsubj`).

use crate::example::Example;
use crate::Parser;

#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Scores {
    pub words: usize,
    pub head_correct: usize,
    pub labeled_correct: usize,
}

impl Scores {
    pub fn uas(&self) -> f64 {
        100.0 * self.head_correct as f64 / self.words.max(1) as f64
    }
    pub fn las(&self) -> f64 {
        100.0 * self.labeled_correct as f64 / self.words.max(1) as f64
    }
    pub fn add(&mut self, o: Scores) {
        self.words += o.words;
        self.head_correct += o.head_correct;
        self.labeled_correct += o.labeled_correct;
    }
}

/// Compare one predicted tree with the gold one.
pub fn score_sentence(pred: &[(u32, &str)], gold: &Example) -> Scores {
    let mut s = Scores::default();
    for (i, (h, l)) in pred.iter().enumerate() {
        s.words += 1;
        if gold.heads.get(i) == Some(h) {
            s.head_correct += 1;
            if gold.deprels.get(i).map(String::as_str) == Some(*l) {
                s.labeled_correct += 1;
            }
        }
    }
    s
}

/// Parse every example with its own tags and score against its gold tree.
pub fn evaluate(parser: &Parser, examples: &[Example]) -> Scores {
    let mut total = Scores::default();
    for ex in examples {
        let w = ex.words();
        let u: Vec<&str> = ex.upos.iter().map(String::as_str).collect();
        let x: Vec<&str> = ex.xpos.iter().map(String::as_str).collect();
        let pred = parser.parse(&w, &u, &x);
        total.add(score_sentence(&pred, ex));
    }
    total
}
