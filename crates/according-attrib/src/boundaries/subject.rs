//! A verb of saying whose subject the tagger did not take: `Tory MP Michael Mates, who is a
//! member of the Commons intelligence and security committee and was part of the Butler
//! inquiry, told the BBC: "…"`, `lawyers for Menatep, a group through which Mr Khodorkovsky
//! controls Yukos, said …`. The tagger reads a window of words and loses the subject behind a
//! long aside; the parse still joins the verb to it.

use super::{is_punct, phrase_of, subject_tokens, SAYING};
use crate::tagging::RawAttribution;
use crate::view::{QuoteMark, View};

/// Longest subject taken whole; a longer one keeps its words up to the first comma or dash
/// after its head (the name and its title, not the aside).
const WHOLE: usize = 6;

/// A cue with no source whose verb is one of saying (`SAYING`, or `tell`) in the active voice,
/// with a subject before it in its sentence, takes that subject as its source.
pub fn say_subject_source(v: &View, mut r: RawAttribution) -> RawAttribution {
    if !r.source.is_empty() || !v.has_parse {
        return r;
    }
    let sent = v.sentences[v.toks[r.cue.start].sentence as usize].clone();
    let Some(top) = v.head_of(&r.cue) else {
        return r;
    };
    // (Not a passive: `was told`, whose subject is who heard it.)
    let passive = sent
        .clone()
        .any(|i| v.toks[i].head == Some(top as u32) && v.toks[i].deprel == Some("aux:pass"));
    if !is_saying_verb(v, top) || passive {
        return r;
    }
    let Some(s) = subject_tokens(v, &sent, top).find(|&i| {
        i < r.cue.start && v.toks[i].deprel == Some("nsubj") && v.toks[i].lower != "there"
    }) else {
        return r;
    };
    let mut src = phrase_of(v, &sent, s);
    src.end = src.end.min(r.cue.start);
    if src.len() > WHOLE {
        if let Some(cut) = (s + 1..src.end)
            .find(|&i| matches!(v.toks[i].lower.as_ref(), "," | "-" | "–" | "—" | "("))
        {
            src.end = cut;
        }
    }
    while src.end > src.start + 1 && is_punct(v, src.end - 1) {
        src.end -= 1;
    }
    let clash = |x: &std::ops::Range<usize>| x.start < src.end && src.start < x.end;
    if src.is_empty() || src.start < sent.start || r.content.iter().any(clash) {
        return r;
    }
    r.source = vec![src];
    r
}

/// Token `i` is a verb of saying ([`SAYING`], or `tell`).
fn is_saying_verb(v: &View, i: usize) -> bool {
    let lemma = v.toks[i].lemma.as_ref();
    v.toks[i].upos == Some("VERB") && (SAYING.contains(&lemma) || lemma == "tell")
}

/// First words of an aside that describes a name before a verb of saying: a relative clause,
/// an appositive, an age, a time (`Barbara Follet, one of the so-called "Blair Babes"
/// elected in 1997, told …`, `Stephen, 57, said`, `Alastair Campbell, now working on …,
/// says`).
const ASIDE_OPENERS: &[&str] = &[
    "who", "whose", "which", "a", "an", "the", "one", "now", "aged", "also", "himself", "herself",
    "formerly", "then", "once",
];

/// Words that open a sentence before its subject, no part of a name.
const OPENERS: &[&str] = &["But", "And", "However", "So", "Yet", "Now", "Meanwhile"];

/// `Tory MP Michael Mates, who is a member of … and was part of the Butler inquiry, told the
/// BBC`: where the parse lost the subject of a verb of saying behind a long aside, a
/// capitalised name right before the aside (which opens as one: `who`, `a`, `one of`, an
/// age) is the source, with its aside, as PolNeAR marks such sources.
pub fn aside_subject_source(v: &View, mut r: RawAttribution, is_cue: &[bool]) -> RawAttribution {
    if !r.source.is_empty() || r.cue.start < 4 || v.toks[r.cue.start - 1].lower != "," {
        return r;
    }
    let top = r.cue.end - 1;
    if !is_saying_verb(v, top) || v.toks[top].lower.ends_with("ing") {
        return r;
    }
    let sent = v.sentences[v.toks[r.cue.start].sentence as usize].clone();
    let cap = |i: usize| v.word(i).starts_with(|c: char| c.is_uppercase());
    let close = r.cue.start - 1;
    // The comma that opens the aside: the nearest whose next word opens one and whose word
    // before is capitalised.
    let Some(open) = (sent.start + 1..close).rev().find(|&k| {
        v.toks[k].lower == ","
            && cap(k - 1)
            && v.toks.get(k + 1).is_some_and(|t| {
                ASIDE_OPENERS.contains(&t.lower.as_ref())
                    || t.lower.starts_with(|c: char| c.is_ascii_digit())
            })
    }) else {
        return r;
    };
    let aside = open + 1..close;
    if aside.is_empty()
        || aside.len() > 30
        || aside
            .clone()
            .any(|i| is_cue[i] || v.toks[i].mark != QuoteMark::None || v.toks[i].lower == ";")
    {
        return r;
    }
    let mut start = open;
    while start > sent.start && (cap(start - 1) || matches!(v.word(start - 1), "'s" | "’s")) {
        start -= 1;
    }
    while start < open && OPENERS.contains(&v.word(start)) {
        start += 1;
    }
    // (The name must open its clause: not `the chairman of the Police Federation, which …`.)
    let opens_clause = start == sent.start
        || OPENERS.contains(&v.word(start - 1))
        || v.toks[start - 1].lower == ","
        || matches!(v.toks[start - 1].upos, Some("NOUN"))
            && !matches!(v.toks[start - 1].lower.as_ref(), "of" | "for" | "from");
    let src = start..close + 1;
    let clash = |x: &std::ops::Range<usize>| x.start < src.end && src.start < x.end;
    if start == open || !opens_clause || r.content.iter().any(clash) {
        return r;
    }
    r.source = vec![src];
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{parsed, raw};
    use std::ops::Range;

    /// The source [`aside_subject_source`] gives the cue `said` of `text` (tags as in
    /// `tagged`), with its content the next `content` words.
    fn aside_source(text: &str, tags: &[(&str, &str, &str)], content: usize) -> Vec<Range<usize>> {
        let (doc, w) = crate::test_support::tagged(text, tags);
        let v = View::new(&doc);
        let said = w.iter().position(|x| x == "said").unwrap();
        let none = vec![false; v.len()];
        let r = raw(said..said + 1, vec![], vec![said + 1..said + 1 + content]);
        aside_subject_source(&v, r, &none).source
    }

    #[test]
    fn a_name_before_an_aside_before_a_verb_of_saying_is_the_source() {
        let tags = [
            ("said", "VERB", "say"),
            ("But", "CCONJ", "but"),
            ("who", "PRON", "who"),
            ("monitored", "VERB", "monitor"),
            ("she", "PRON", "she"),
            ("had", "AUX", "have"),
            ("seen", "VERB", "see"),
        ];
        // `Penny Little, who monitored the hunt,`
        let text = "But Penny Little, who monitored the hunt, said she had seen it.";
        assert_eq!(aside_source(text, &tags, 4), vec![1..9]);
        // Not a name inside a phrase: `the chairman of the Police Federation, which …`.
        let tags = [
            ("said", "VERB", "say"),
            ("which", "PRON", "which"),
            ("represents", "VERB", "represent"),
            ("of", "ADP", "of"),
            ("the", "DET", "the"),
        ];
        let text =
            "Later the chairman of the Police Federation, which represents officers, said it.";
        assert!(aside_source(text, &tags, 1).is_empty());
    }

    #[test]
    fn a_subject_behind_a_long_aside_is_the_source() {
        // Mr Mates , who is a member , told the BBC
        let mut doc = parsed(&[
            ("Mr", "PROPN", "compound", Some(1)),
            ("Mates", "PROPN", "nsubj", Some(7)),
            (",", "PUNCT", "punct", Some(5)),
            ("who", "PRON", "nsubj", Some(5)),
            ("is", "AUX", "cop", Some(5)),
            ("member", "NOUN", "acl:relcl", Some(1)),
            (",", "PUNCT", "punct", Some(5)),
            ("told", "VERB", "root", None),
            ("the", "DET", "det", Some(9)),
            ("BBC", "PROPN", "obj", Some(7)),
        ]);
        doc.tokens[7].lemma = Some("tell".into());
        let v = View::new(&doc);
        let r = say_subject_source(&v, raw(7..8, vec![], vec![]));
        // (Six words or fewer: the whole subject, its aside too.)
        assert_eq!(r.source, vec![0..6]);
        // Not when it was said to the subject.
        let mut doc = parsed(&[
            ("He", "PRON", "nsubj:pass", Some(2)),
            ("was", "AUX", "aux:pass", Some(2)),
            ("told", "VERB", "root", None),
        ]);
        doc.tokens[2].lemma = Some("tell".into());
        let v = View::new(&doc);
        assert!(say_subject_source(&v, raw(2..3, vec![], vec![]))
            .source
            .is_empty());
    }
}
