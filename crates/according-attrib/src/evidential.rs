//! Hedged claims with no one behind them: `Iraq is linked with the training of terrorists`,
//! `he is said to have fled`, `the firm is suspected of fraud`. An evidential passive puts a
//! claim on record while hiding who makes it; a reader should see it as an attribution whose
//! source is missing (flagged `no_source` and `hedged`). The cue tagger learns the common ones
//! from PolNeAR; this pass finds the rest of a closed list the tagger left out.

use crate::completion::{cue_taken, sentence_body_end, sentence_start};
use crate::tagging::RawAttribution;
use crate::view::View;
use std::ops::Range;

const BE: &[&str] = &["is", "are", "was", "were", "been", "being"];

/// Participles that hedge what follows them, each with the prepositions that open the claim.
const PARTICIPLES: &[(&str, &[&str])] = &[
    ("suspected", &["of", "to"]),
    ("alleged", &["to"]),
    ("rumored", &["to"]),
    ("rumoured", &["to"]),
    ("said", &["to"]),
    ("reported", &["to"]),
    ("believed", &["to"]),
    ("thought", &["to"]),
    ("linked", &["to", "with"]),
    ("accused", &["of"]),
];

/// Adverbs that may stand between the verb and the participle (`is also suspected of`).
const BETWEEN: &[&str] = &[
    "also",
    "widely",
    "long",
    "still",
    "now",
    "further",
    "reportedly",
];

/// The longest subject an evidential passive is taken to have (tokens).
const MAX_SUBJECT: usize = 12;

// (`tied to` measured as a plain claim as often as a hedge: `the regime is tied to terrorism`.)

/// Every evidential passive of the view whose words no cue in `tagged` covers.
pub fn find_hedged_passives(v: &View, tagged: &[RawAttribution]) -> Vec<RawAttribution> {
    let mut out = Vec::new();
    for i in 1..v.len() {
        if !BE.contains(&v.toks[i].lower.as_ref()) {
            continue;
        }
        let mut p = i + 1;
        while p < v.len() && p <= i + 2 && BETWEEN.contains(&v.toks[p].lower.as_ref()) {
            p += 1;
        }
        let Some(preps) = (p < v.len())
            .then(|| PARTICIPLES.iter().find(|(w, _)| *w == v.toks[p].lower))
            .flatten()
            .map(|(_, preps)| *preps)
        else {
            continue;
        };
        let prep = p + 1;
        if prep + 1 >= v.len()
            || !preps.contains(&v.toks[prep].lower.as_ref())
            || v.toks[prep + 1].sentence != v.toks[i].sentence
        {
            continue;
        }
        let cue: Range<usize> = i..prep + 1;
        if cue_taken(tagged, &cue) {
            continue;
        }
        // The subject: back to the sentence start or the last clause-opening comma.
        let s0 = sentence_start(v, i);
        let sub_start = (s0..i)
            .rev()
            .find(|&k| {
                matches!(v.word(k), "," | ";" | ":" | "—" | "–")
                    || matches!(
                        v.toks[k].lower.as_ref(),
                        "that" | "which" | "who" | "whether"
                    )
            })
            .map_or(s0, |k| k + 1);
        let subject: Range<usize> = sub_start..i;
        // (`been` needs its auxiliary: `has been linked to` keeps `has` out of the subject.)
        let subject = if v.toks[i].lower == "been" && !subject.is_empty() {
            subject.start..subject.end - 1
        } else {
            subject
        };
        if subject.is_empty() || subject.len() > MAX_SUBJECT {
            continue;
        }
        let end = sentence_body_end(v, prep + 1);
        if end <= prep + 1 {
            continue;
        }
        let cue = if v.toks[i].lower == "been" && subject.end < i {
            subject.end..prep + 1
        } else {
            cue
        };
        out.push(RawAttribution {
            cue,
            score: crate::patterns::PATTERN_SCORE,
            source: Vec::new(),
            content: vec![subject, prep + 1..end],
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::raw;
    use crate::test_support::view_of;

    fn text(v: &View, r: &Range<usize>) -> String {
        v.text[v.toks[r.start].span.start..v.toks[r.end - 1].span.end].to_string()
    }

    #[test]
    fn finds_evidential_passives_and_leaves_plain_ones() {
        let (doc, _) = view_of(
            "In addition to secret meetings, Iraq is linked with the training of terrorists. \
             The two towns are linked by a bridge. The minister has been accused of fraud. \
             He was said to be ill.",
        );
        let v = View::new(&doc);
        let found = find_hedged_passives(&v, &[]);
        let shown: Vec<(String, String, String)> = found
            .iter()
            .map(|f| {
                assert!(f.source.is_empty());
                (
                    text(&v, &f.cue),
                    text(&v, &f.content[0]),
                    text(&v, &f.content[1]),
                )
            })
            .collect();
        assert_eq!(
            shown,
            [
                ("is linked with", "Iraq", "the training of terrorists"),
                ("has been accused of", "The minister", "fraud"),
                ("was said to", "He", "be ill"),
            ]
            .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
        );
    }

    #[test]
    fn leaves_what_the_tagger_found() {
        let (doc, w) = view_of("Iraq is also suspected of receiving uranium.");
        let v = View::new(&doc);
        let is = w.iter().position(|x| x == "is").unwrap();
        let tagged = raw(is..is + 4, vec![], vec![]);
        assert!(find_hedged_passives(&v, &[tagged]).is_empty());
        assert_eq!(find_hedged_passives(&v, &[]).len(), 1);
    }
}
