//! Document-level name propagation: once a document has named someone in full (`Abba
//! Theodorus`, `Evariste Galois`), a later capitalised word that is that name's surname is the
//! same person even where the tagger, which has never seen the word, leaves it out
//! (`Praying and weeping, Theodorus became determined ...`).

use crate::features::SentFeats;
use crate::labels::{Kind, TokenSpan};
use according_ml::perceptron::IdMap;

/// Surnames of the people a document has named so far, keyed by lower-case word hash.
#[derive(Default, Debug, Clone)]
pub struct Surnames {
    seen: IdMap<()>,
}

impl Surnames {
    pub fn clear(&mut self) {
        self.seen.clear();
    }

    /// Remember the last word of every person span of two words or more.
    pub fn learn(&mut self, words: &[&str], sf: &SentFeats, spans: &[TokenSpan]) {
        for s in spans {
            if s.kind == Kind::Per && s.end - s.start >= 2 && s.end <= words.len() {
                let last = s.end - 1;
                if surname_shaped(words[last]) {
                    self.seen.insert(sf.lower_hash(last), ());
                }
            }
        }
    }

    /// Add a one-word person span for each capitalised word outside (and not next to) any
    /// span whose word is a remembered surname. Returns how many were added.
    pub fn extend(&self, words: &[&str], sf: &SentFeats, spans: &mut Vec<TokenSpan>) -> usize {
        if self.seen.is_empty() {
            return 0;
        }
        let n = words.len();
        let mut covered = vec![false; n + 2];
        for s in spans.iter() {
            // A span's own words and one word either side.
            for c in &mut covered[s.start..(s.end + 2).min(n + 2)] {
                *c = true;
            }
        }
        let before = spans.len();
        for i in 0..n {
            // `covered[i + 1]` is word i (shifted by one so the word before a span fits).
            if covered[i + 1] || !surname_shaped(words[i]) {
                continue;
            }
            if self.seen.contains_key(&sf.lower_hash(i)) {
                spans.push(TokenSpan {
                    start: i,
                    end: i + 1,
                    kind: Kind::Per,
                });
                for c in &mut covered[i..(i + 3).min(n + 2)] {
                    *c = true;
                }
            }
        }
        if spans.len() > before {
            spans.sort();
        }
        spans.len() - before
    }
}

/// A capitalised word of letters with a lower-case letter in it (`Galois`, `O'Neill`), not an
/// initial or an acronym.
fn surname_shaped(w: &str) -> bool {
    let mut chars = w.chars();
    chars.next().is_some_and(char::is_uppercase)
        && w.chars().count() >= 3
        && w.chars().any(char::is_lowercase)
        && w.chars()
            .all(|c| c.is_alphabetic() || c == '\'' || c == '’' || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clusters::WordClusters;
    use crate::gazetteer::build_matcher;
    use crate::prior::CasePrior;
    use crate::typeprior::TypePrior;

    fn feats(words: &[&str]) -> SentFeats {
        let mut sf = SentFeats::default();
        let matcher = build_matcher(&[], &[]);
        sf.compute(
            words,
            &CasePrior::default(),
            &WordClusters::default(),
            &TypePrior::default(),
            &matcher,
        );
        sf
    }

    fn per(start: usize, end: usize) -> TokenSpan {
        TokenSpan {
            start,
            end,
            kind: Kind::Per,
        }
    }

    #[test]
    fn surnames_of_named_people_come_back_as_people() {
        let mut names = Surnames::default();
        let first = ["Abba", "Theodorus", "met", "Pachomius", "."];
        names.learn(&first, &feats(&first), &[per(0, 2), per(3, 4)]);
        let later = ["Praying", ",", "Theodorus", "left", "Pachomius", "."];
        let mut spans = Vec::new();
        assert_eq!(names.extend(&later, &feats(&later), &mut spans), 1);
        // A one-word name teaches nothing (`Pachomius` may have been a mistake).
        assert_eq!(spans, vec![per(2, 3)]);
    }

    #[test]
    fn words_next_to_names_or_lower_case_stay_out() {
        let mut names = Surnames::default();
        let first = ["Mary", "Holt", "spoke"];
        names.learn(&first, &feats(&first), &[per(0, 2)]);
        let later = ["Holt", "Street", "and", "holt", "HOLT"];
        let street = TokenSpan {
            start: 1,
            end: 2,
            kind: Kind::Loc,
        };
        let mut spans = vec![street];
        assert_eq!(names.extend(&later, &feats(&later), &mut spans), 0);
        assert_eq!(spans, vec![street]);
    }
}
