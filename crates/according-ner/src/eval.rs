//! Scoring against UniversalNER-style gold: spans by character offsets of the sentence text
//! rebuilt from its tokens (single spaces), typed (PER/ORG/LOC) and untyped exact match.
//! Output types map to UniversalNER as PERSON→PER, ORG/OUTLET→ORG, GPE/LOC/FAC→LOC;
//! NORP and DATE are not scored. A leading `the` is dropped from gold and predicted names alike.

use crate::data::Document;
use crate::labels::{Kind, KINDS};
use crate::Ner;
use std::collections::HashSet;

pub use according_ml::metric::Prf;

#[derive(Debug, Clone, Default)]
pub struct Report {
    pub typed: Prf,
    pub untyped: Prf,
    pub per_kind: [Prf; 3],
    pub sentences: usize,
    pub tokens: usize,
}

impl Report {
    pub fn format(&self, name: &str) -> String {
        let mut s = format!(
            "{name}: {} sentences, {} tokens\n  typed   P {:.1} R {:.1} F1 {:.1}\n  untyped P {:.1} R {:.1} F1 {:.1}\n",
            self.sentences,
            self.tokens,
            100.0 * self.typed.precision(),
            100.0 * self.typed.recall(),
            100.0 * self.typed.f1(),
            100.0 * self.untyped.precision(),
            100.0 * self.untyped.recall(),
            100.0 * self.untyped.f1(),
        );
        for k in KINDS {
            let p = &self.per_kind[k as usize];
            s.push_str(&format!(
                "  {:<7} P {:.1} R {:.1} F1 {:.1} (gold {})\n",
                k.name(),
                100.0 * p.precision(),
                100.0 * p.recall(),
                100.0 * p.f1(),
                p.tp + p.fn_
            ));
        }
        s
    }
}

/// Character offsets of each token in the sentence rebuilt with single spaces.
fn char_offsets(words: &[String]) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(words.len());
    let mut pos = 0;
    for w in words {
        let n = w.chars().count();
        out.push((pos, pos + n));
        pos += n + 1;
    }
    out
}

fn strip_the(words: &[String], start: usize, end: usize) -> usize {
    if end - start > 1 && words[start].eq_ignore_ascii_case("the") {
        start + 1
    } else {
        start
    }
}

/// Run the recognizer over gold documents and score it.
pub fn evaluate(ner: &Ner, docs: &[Document]) -> Report {
    let mut r = Report::default();
    for d in docs {
        let mut rec = ner.document();
        // The document read through first, as `Ner` reads one, then settled and scored.
        let found: Vec<Vec<crate::refine::WordMention>> = d
            .sentences
            .iter()
            .map(|s| {
                let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
                rec.sentence(&words)
            })
            .collect();
        for (s, found) in d.sentences.iter().zip(found) {
            r.sentences += 1;
            r.tokens += s.words.len();
            let offs = char_offsets(&s.words);
            let span = |a: usize, b: usize| (offs[a].0, offs[b - 1].1);
            let gold: HashSet<(usize, usize, Kind)> = s
                .spans
                .iter()
                .map(|g| {
                    let (a, b) = span(strip_the(&s.words, g.start, g.end), g.end);
                    (a, b, g.kind)
                })
                .collect();
            let pred: HashSet<(usize, usize, Kind)> = found
                .into_iter()
                .filter_map(|m| {
                    let text = s.words[m.start..m.end].join(" ");
                    let k = rec.settled(&text, m.kind).uner()?;
                    let (a, b) = span(strip_the(&s.words, m.start, m.end), m.end);
                    Some((a, b, k))
                })
                .collect();
            score(&gold, &pred, &mut r);
        }
    }
    r
}

fn score(
    gold: &HashSet<(usize, usize, Kind)>,
    pred: &HashSet<(usize, usize, Kind)>,
    r: &mut Report,
) {
    r.typed.add_sets(gold, pred);
    for (k, m) in r.per_kind.iter_mut().enumerate() {
        let of_kind = |set: &HashSet<(usize, usize, Kind)>| -> HashSet<(usize, usize, Kind)> {
            set.iter().filter(|x| x.2 as usize == k).copied().collect()
        };
        m.add_sets(&of_kind(gold), &of_kind(pred));
    }
    let untyped = |set: &HashSet<(usize, usize, Kind)>| -> HashSet<(usize, usize)> {
        set.iter().map(|x| (x.0, x.1)).collect()
    };
    r.untyped.add_sets(&untyped(gold), &untyped(pred));
}
