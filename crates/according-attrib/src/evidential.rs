//! Hedged claims with no one behind them: `Iraq is linked with the training of terrorists`,
//! `he is said to have fled`, `the firm is suspected of fraud`. An evidential passive puts a
//! claim on record while hiding who makes it; a reader should see it as an attribution whose
//! source is missing (flagged `no_source` and `hedged`). So does a hedging adverb (`is
//! reportedly planning`). The cue tagger learns the common ones from PolNeAR; this pass finds
//! the rest of a closed list the tagger left out.

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
        // (Every form of `be` here starts with one of these letters: most tokens are ruled
        // out by their first byte.)
        let first = v.toks[i].lower.as_bytes().first().copied();
        if !matches!(first, Some(b'i' | b'a' | b'w' | b'b'))
            || !BE.contains(&v.toks[i].lower.as_ref())
        {
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

/// Participles of `It is … that`: a claim put on record by no one the sentence names.
const EXPLETIVE_PARTICIPLES: &[&str] = &[
    "believed",
    "thought",
    "understood",
    "said",
    "reported",
    "claimed",
    "alleged",
    "rumoured",
    "rumored",
    "feared",
    "expected",
    "estimated",
    "hoped",
    "suggested",
    "known",
    "assumed",
    "argued",
];

/// The cue after token `it` when it is an `it` opening its clause followed by `is`/`was`/
/// `has been`, an adverb or two and one of [`EXPLETIVE_PARTICIPLES`]: `is understood`, `was
/// widely reported`.
fn expletive_cue(v: &View, it: usize) -> Option<Range<usize>> {
    if v.toks.get(it)?.lower != "it" {
        return None;
    }
    let opens = it == 0
        || v.toks[it - 1].sentence != v.toks[it].sentence
        || matches!(
            v.toks[it - 1].lower.as_ref(),
            "," | "and" | "but" | "that" | "as"
        );
    if !opens {
        return None;
    }
    let word = |k: usize| v.toks.get(k).map(|t| t.lower.as_ref());
    let mut p = match (word(it + 1), word(it + 2)) {
        (Some("is" | "was"), _) => it + 2,
        (Some("has" | "had"), Some("been")) => it + 3,
        _ => return None,
    };
    while p <= it + 4 && word(p).is_some_and(|w| BETWEEN.contains(&w)) {
        p += 1;
    }
    word(p)
        .is_some_and(|w| EXPLETIVE_PARTICIPLES.contains(&w))
        .then_some(it + 1..p + 1)
}

/// The cue is an [`expletive_cue`] (or one with `to` after it, `is thought to`): nobody the
/// sentence names speaks (`Tindall is out of contract but it is understood that …` is not
/// Tindall's word).
pub fn after_expletive_it(v: &View, cue: &Range<usize>) -> bool {
    cue.start > 0
        && expletive_cue(v, cue.start - 1).is_some_and(|c| {
            c.start == cue.start
                && c.end <= cue.end
                && (c.end..cue.end).all(|k| v.toks[k].lower == "to")
        })
}

/// `It is believed that the plans may change`, `It is understood the talks have stalled`: an
/// expletive `it` with a passive verb of saying or belief and a clause after it is a cue with
/// no source (PolNeAR train: `it was widely reported that …`, `It was said that …`: the cue
/// `was said`, the content from `that`), which the tagger misses for the verbs it rarely saw
/// so. Not `it was reported by Reuters` (a source follows) nor `It is expected to rise` (the
/// tagger's: `it` stands for something there).
#[allow(clippy::single_range_in_vec_init)] // a one-piece content is what we mean here
pub fn find_expletive_passives(v: &View, tagged: &[RawAttribution]) -> Vec<RawAttribution> {
    let mut out = Vec::new();
    for i in 0..v.len() {
        let Some(cue) = expletive_cue(v, i) else {
            continue;
        };
        let p = cue.end - 1;
        let Some(next) = v.toks.get(p + 1) else {
            continue;
        };
        let clause = next.lower == "that"
            || matches!(next.upos, Some("DET" | "PRON" | "PROPN" | "NOUN" | "NUM"))
                && !matches!(next.lower.as_ref(), "by" | "to");
        if !clause || next.sentence != v.toks[i].sentence || cue_taken(tagged, &cue) {
            continue;
        }
        let mut end = sentence_body_end(v, p + 1);
        // (Up to a frame around it: `it is thought he failed …, said Mr Dobrow` ends before
        // `, said`, and `…, Mr Dobrow said` before his name.)
        if let Some(frame) = tagged
            .iter()
            .filter(|r| r.cue.start > p + 1 && r.cue.start < end)
            .min_by_key(|r| r.cue.start)
        {
            end = frame
                .source
                .iter()
                .map(|s| s.start)
                .filter(|&s| s > p + 1 && s < frame.cue.start)
                .min()
                .unwrap_or(frame.cue.start);
            while end > p + 1 && matches!(v.word(end - 1), "," | "—" | "–" | "-") {
                end -= 1;
            }
        }
        // (A clause of a few words at least: not `it is thought so`.)
        if end < p + 4 {
            continue;
        }
        out.push(RawAttribution {
            cue,
            score: crate::patterns::PATTERN_SCORE,
            source: Vec::new(),
            content: vec![p + 1..end],
        });
    }
    out
}

/// Adverbs that put a claim on someone else's record without saying whose.
const HEDGING_ADVERBS: &[&str] = &["reportedly", "allegedly", "purportedly", "supposedly"];

/// `The Egyptian government is reportedly planning to privatise a bank`: a hedging adverb no
/// cue covers is a cue with no source (PolNeAR train marks `reportedly` so, 14 of 15 times
/// without a source). The content is the rest of its sentence after it, with the subject of
/// the verb it modifies when the parse finds one before it (not after a preposition: `charged
/// for allegedly faking an accident` hedges only the faking).
pub fn find_hedging_adverbs(v: &View, tagged: &[RawAttribution]) -> Vec<RawAttribution> {
    let mut out = Vec::new();
    for i in 0..v.len() {
        if !HEDGING_ADVERBS.contains(&v.toks[i].lower.as_ref()) || cue_taken(tagged, &(i..i + 1)) {
            continue;
        }
        let mut after = i + 1;
        if v.toks.get(after).is_some_and(|t| t.lower == ",") {
            after += 1;
        }
        if after >= v.len() || v.toks[after].sentence != v.toks[i].sentence {
            continue;
        }
        let end = sentence_body_end(v, after);
        if end <= after {
            continue;
        }
        let sent = v.sentences[v.toks[i].sentence as usize].clone();
        let subject = v.toks[i]
            .head
            .and_then(|h| crate::boundaries::subject_tokens(v, &sent, h as usize).find(|&k| k < i));
        let mut content = Vec::new();
        if let Some(k) = subject {
            let phrase = crate::boundaries::phrase_of(v, &sent, k);
            if phrase.end <= i && phrase.len() <= MAX_SUBJECT {
                content.push(phrase);
            }
        }
        content.push(after..end);
        out.push(RawAttribution {
            cue: i..i + 1,
            score: crate::patterns::PATTERN_SCORE,
            source: Vec::new(),
            content,
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

    #[test]
    fn a_hedging_adverb_is_a_cue_without_source() {
        let (mut doc, w) = view_of("The government is reportedly planning a sale. They face charges for allegedly faking it.");
        // A parse as the parser gives it: `reportedly` and `government` hang on `planning`.
        let pos = |x: &str| w.iter().position(|y| y == x).unwrap();
        let (gov, planning, rep) = (pos("government"), pos("planning"), pos("reportedly"));
        for (i, t) in doc.tokens.iter_mut().enumerate() {
            if i == gov || i == rep || i == pos("The") {
                t.head = Some(if i == pos("The") { gov } else { planning } as u32);
                t.deprel = Some(
                    if i == gov {
                        "nsubj"
                    } else if i == rep {
                        "advmod"
                    } else {
                        "det"
                    }
                    .into(),
                );
            }
        }
        let v = View::new(&doc);
        let found = find_hedging_adverbs(&v, &[]);
        let shown: Vec<(String, Vec<String>)> = found
            .iter()
            .map(|f| {
                (
                    text(&v, &f.cue),
                    f.content.iter().map(|c| text(&v, c)).collect(),
                )
            })
            .collect();
        assert_eq!(
            shown,
            vec![
                (
                    "reportedly".into(),
                    vec!["The government".into(), "planning a sale".into()]
                ),
                ("allegedly".into(), vec!["faking it".into()]),
            ]
        );
        // A cue the tagger found already covers it.
        let taken = raw(rep..rep + 1, vec![], vec![]);
        assert_eq!(find_hedging_adverbs(&v, &[taken]).len(), 1);
    }
}
