//! A verb of saying whose subject the tagger did not take: `Tory MP Michael Mates, who is a
//! member of the Commons intelligence and security committee and was part of the Butler
//! inquiry, told the BBC: "…"`, `lawyers for Menatep, a group through which Mr Khodorkovsky
//! controls Yukos, said …`. The tagger reads a window of words and loses the subject behind a
//! long aside; the parse still joins the verb to it.

use super::{is_punct, phrase_of, subject_tokens, SAYING};
use crate::tagging::RawAttribution;
use crate::view::View;

/// Longest subject taken whole; a longer one keeps its words up to the first comma or dash
/// after its head (the name and its title, not the aside).
const WHOLE: usize = 6;

/// A cue with no source whose verb is one of saying ([`SAYING`], or `tell`) in the active voice,
/// with a subject before it in its sentence, takes that subject as its source.
pub fn say_subject_source(v: &View, mut r: RawAttribution) -> RawAttribution {
    if !r.source.is_empty() || !v.has_parse {
        return r;
    }
    let sent = v.sentences[v.toks[r.cue.start].sentence as usize].clone();
    let Some(top) = r.cue.clone().find(|&i| {
        v.toks[i]
            .head
            .is_none_or(|h| !r.cue.contains(&(h as usize)))
    }) else {
        return r;
    };
    let verb = &v.toks[top];
    let lemma = verb.lemma.as_ref();
    if verb.upos != Some("VERB") || !(SAYING.contains(&lemma) || lemma == "tell") {
        return r;
    }
    // (Not a passive: `was told`, whose subject is who heard it.)
    let passive = sent
        .clone()
        .any(|i| v.toks[i].head == Some(top as u32) && v.toks[i].deprel == Some("aux:pass"));
    let Some(s) = subject_tokens(v, &sent, top).find(|&i| {
        i < r.cue.start && v.toks[i].deprel == Some("nsubj") && v.toks[i].lower != "there"
    }) else {
        return r;
    };
    if passive {
        return r;
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{parsed, raw};

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
