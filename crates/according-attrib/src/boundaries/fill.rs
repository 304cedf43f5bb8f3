//! What a cue reports when the role tagger left its content empty and the words after it
//! have a plain shape: a `that` clause after a short aside, the clause after an `as` frame,
//! the paragraph after a colon that closes its own, or the cue's object noun phrase.

use super::{MONTHS, TIME_NOUNS};
use crate::completion::sentence_body_end;
use crate::tagging::RawAttribution;
use crate::view::{QuoteMark, View};

/// `continues to insist, most recently in a Labor Day interview, that he …`: a `that` clause
/// after a short verbless stretch (an aside, a recipient).
pub(crate) fn that_clause_after(v: &View, from: usize) -> Option<std::ops::Range<usize>> {
    that_clause_after_as(v, from, false)
}

/// [`that_clause_after`], where the words before `that` may be the listener of a telling cue:
/// there `that` opens the clause told even where the tagger read it as a relative pronoun
/// (`told a meeting of Pacific Island leaders that few people understood …`), unless a verb
/// follows it (`leaders that understood`).
fn that_clause_after_as(
    v: &View,
    from: usize,
    after_listener: bool,
) -> Option<std::ops::Range<usize>> {
    // (`insist, most recently in a Labor Day interview with ABC News, that`: 12 words.)
    const MAX_BEFORE_THAT: usize = 16;
    let complementizer = |i: usize| {
        v.toks[i].upos == Some("SCONJ")
            || after_listener
                && v.toks
                    .get(i + 1)
                    .is_some_and(|n| !matches!(n.upos, Some("VERB" | "AUX")))
    };
    let sentence = v.toks[from].sentence;
    let that = (from..v.len().min(from + MAX_BEFORE_THAT))
        .take_while(|&i| {
            let t = &v.toks[i];
            t.sentence == sentence
                && t.mark == QuoteMark::None
                && (t.lower == "that" || !matches!(t.upos, Some("VERB" | "AUX")))
        })
        .find(|&i| v.toks[i].lower == "that" && complementizer(i))?;
    let end = sentence_body_end(v, that);
    (end > that + 1).then_some(that..end)
}

/// `The governor added:` closing its paragraph introduces the next paragraph, a quotation set
/// as a block without quotation marks: PolNeAR marks that paragraph as the content. Run after
/// the content cuts, which are for clauses, not for what a speaker says at length.
pub fn paragraph_after_colon(v: &View, mut r: RawAttribution) -> RawAttribution {
    if !r.content.is_empty() || r.source.is_empty() {
        return r;
    }
    let colon = if v.toks[r.cue.end - 1].lower == ":" {
        r.cue.end - 1
    } else {
        r.cue.end
    };
    let start = colon + 1;
    let (Some(c), Some(next)) = (v.toks.get(colon), v.toks.get(start)) else {
        return r;
    };
    if c.lower != ":" || next.paragraph == c.paragraph || next.mark != QuoteMark::None {
        return r;
    }
    let mut end = start;
    while end < v.len() && v.toks[end].paragraph == next.paragraph {
        end += 1;
    }
    while end > start && matches!(v.word(end - 1), "." | "!" | "?") {
        end -= 1;
    }
    if end > start {
        r.content = vec![start..end];
    }
    r
}

/// `As many tax experts have pointed out, Mr. Trump is free to disclose his returns`: an `as`
/// frame opening its sentence reports the clause after its comma.
fn clause_after_as_frame(v: &View, r: &RawAttribution) -> Option<std::ops::Range<usize>> {
    let source = r.source.first()?;
    let opens = source.start >= 1
        && v.toks[source.start - 1].lower == "as"
        && (source.start == 1
            || v.toks[source.start - 2].sentence != v.toks[source.start - 1].sentence);
    let comma = r.cue.end;
    if !opens || v.toks.get(comma)?.lower != "," || comma + 1 >= v.len() {
        return None;
    }
    let clause = comma + 1..sentence_body_end(v, comma + 1);
    let is_clause = v.toks[clause.start].mark == QuoteMark::None
        && clause
            .clone()
            .any(|i| matches!(v.toks[i].upos, Some("VERB" | "AUX")));
    is_clause.then_some(clause)
}

/// `has not mentioned Machado since the debate`, `first published the cellphone video Friday`:
/// the noun phrase right after the cue (`of` phrases included), up to a time word.
fn object_after(v: &View, from: usize) -> Option<std::ops::Range<usize>> {
    const MAX_OBJECT: usize = 12;
    let sentence = v.toks[from].sentence;
    let in_np = |i: usize| {
        let t = &v.toks[i];
        t.sentence == sentence
            && t.mark == QuoteMark::None
            && !TIME_NOUNS.contains(&t.lower.as_ref())
            && !MONTHS.contains(&t.lower.as_ref())
            && (matches!(
                t.upos,
                Some("DET" | "ADJ" | "NOUN" | "PROPN" | "NUM" | "PART")
            ) || (t.upos == Some("PRON") && t.lower != "that")
                || t.lower == "of")
    };
    let mut end = from;
    while end < v.len().min(from + MAX_OBJECT) && in_np(end) {
        end += 1;
    }
    // Not a dangling `of` or determiner.
    while end > from && matches!(v.toks[end - 1].upos, Some("DET" | "ADP")) {
        end -= 1;
    }
    let has_noun = (from..end).any(|i| matches!(v.toks[i].upos, Some("NOUN" | "PROPN" | "PRON")));
    (has_noun).then_some(from..end)
}

/// A cue the role tagger gave no content, whose words after it are a `that` clause after a
/// short aside or a plain object noun phrase: that is the content (PolNeAR gives every
/// attribution some content).
pub fn fill_empty_content(v: &View, mut r: RawAttribution) -> RawAttribution {
    // (With no source either the cue is dropped: filling would make a new attribution.)
    if !r.content.is_empty() || r.source.is_empty() || r.cue.end >= v.len() || !v.has_pos {
        return r;
    }
    // A cue that ends its line (a headline) reports nothing after it.
    if v.toks[r.cue.end].paragraph != v.toks[r.cue.end - 1].paragraph {
        return r;
    }
    // Who is told is no content (`told a meeting of island leaders`).
    let telling = r.cue.clone().any(|i| {
        matches!(
            v.toks[i].lemma.as_ref(),
            "tell" | "inform" | "assure" | "warn" | "remind" | "notify" | "urge" | "ask"
        )
    });
    let object = || (!telling).then(|| object_after(v, r.cue.end)).flatten();
    let found = that_clause_after_as(v, r.cue.end, telling)
        .or_else(|| clause_after_as_frame(v, &r))
        .or_else(object);
    if let Some(c) = found {
        if !r.source.iter().any(|s| s.start < c.end && c.start < s.end) {
            r.content = vec![c];
        }
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{raw, view_of};

    fn tagged(text: &str, tags: &[(&str, &str)]) -> (according_core::Doc, Vec<String>) {
        let (mut doc, w) = view_of(text);
        for t in &mut doc.tokens {
            let upos = tags.iter().find(|x| x.0 == t.text).map_or("NOUN", |x| x.1);
            t.upos = Some(upos.to_string().into());
            t.lemma = Some(t.text.to_lowercase());
        }
        (doc, w)
    }

    #[test]
    fn a_telling_cue_s_clause_follows_its_listener() {
        let tags = [
            ("He", "PRON", "he"),
            ("told", "VERB", "tell"),
            ("a", "DET", "a"),
            ("that", "PRON", "that"),
            ("few", "ADJ", "few"),
            ("understood", "VERB", "understand"),
            ("it", "PRON", "it"),
            (".", "PUNCT", "."),
        ];
        let text = "He told a meeting of island leaders that few people understood it.";
        let (doc, w) = crate::test_support::tagged(text, &tags);
        let v = View::new(&doc);
        let that = w.iter().position(|x| x == "that").unwrap();
        let r = fill_empty_content(&v, raw(1..2, vec![0..1], vec![]));
        assert_eq!(r.content, vec![that..w.len() - 1]);
        // A relative `that` followed by its verb is no clause told.
        let text = "He told a meeting of leaders that understood it.";
        let (doc, _) = crate::test_support::tagged(text, &tags);
        let v = View::new(&doc);
        let r = fill_empty_content(&v, raw(1..2, vec![0..1], vec![]));
        assert!(r.content.is_empty(), "{:?}", r.content);
    }

    #[test]
    fn an_empty_content_takes_the_object_noun_phrase() {
        let (doc, w) = tagged(
            "NBC News first published the cellphone video Friday afternoon.",
            &[("first", "ADV"), ("published", "VERB"), ("the", "DET")],
        );
        let v = View::new(&doc);
        let pos = |x: &str| w.iter().position(|y| y == x).unwrap();
        let r = raw(pos("first")..pos("the"), vec![0..2], vec![]);
        assert_eq!(
            fill_empty_content(&v, r).content,
            vec![pos("the")..pos("Friday")]
        );
    }

    #[test]
    fn an_empty_content_takes_a_that_clause_after_an_aside() {
        let (doc, w) = tagged(
            "He continues to insist, most recently in a Labor Day interview with ABC News, that he \
             wants it.",
            &[
                ("continues", "VERB"),
                ("to", "PART"),
                ("insist", "VERB"),
                (",", "PUNCT"),
                ("most", "ADV"),
                ("recently", "ADV"),
                ("in", "ADP"),
                ("an", "DET"),
                ("that", "SCONJ"),
                ("he", "PRON"),
                ("wants", "VERB"),
                ("it", "PRON"),
            ],
        );
        let v = View::new(&doc);
        let pos = |x: &str| w.iter().position(|y| y == x).unwrap();
        let r = raw(pos("continues")..pos(","), vec![0..1], vec![]);
        assert_eq!(
            fill_empty_content(&v, r).content,
            vec![pos("that")..w.len() - 1]
        );
    }

    #[test]
    fn an_as_frame_reports_the_clause_after_its_comma() {
        let (doc, w) = tagged(
            "As many experts have pointed out, Mr. Trump is free to disclose them.",
            &[
                ("have", "AUX"),
                ("pointed", "VERB"),
                ("is", "AUX"),
                ("disclose", "VERB"),
            ],
        );
        let v = View::new(&doc);
        let pos = |x: &str| w.iter().position(|y| y == x).unwrap();
        let comma = pos(",");
        let r = raw(pos("have")..comma, vec![1..pos("have")], vec![]);
        assert_eq!(
            fill_empty_content(&v, r).content,
            vec![comma + 1..w.len() - 1]
        );
        // Not without `as` opening the sentence.
        let (doc, w) = tagged(
            "Many experts have pointed out, Mr. Trump is free to disclose them.",
            &[
                ("have", "AUX"),
                ("pointed", "VERB"),
                ("is", "AUX"),
                ("disclose", "VERB"),
            ],
        );
        let v = View::new(&doc);
        let pos = |x: &str| w.iter().position(|y| y == x).unwrap();
        let r = raw(pos("have")..pos(","), vec![0..pos("have")], vec![]);
        assert_eq!(clause_after_as_frame(&v, &r), None);
    }

    #[test]
    fn a_colon_closing_its_paragraph_introduces_the_next_one() {
        let text = "The governor added:\n\nShe knows nothing, but the mouth never stops. It is typical.\n\nNext.";
        let (doc, w) = view_of(text);
        let v = View::new(&doc);
        let pos = |x: &str| w.iter().position(|y| y == x).unwrap();
        let r = raw(pos("added")..pos(":") + 1, vec![0..pos("added")], vec![]);
        let r = paragraph_after_colon(&v, r);
        assert_eq!(r.content, vec![pos("She")..pos("Next") - 1]);
        // A colon inside its paragraph is another rule's business.
        let (doc, w) = view_of("He added: she knows nothing.");
        let v = View::new(&doc);
        let r = raw(1..3, vec![0..1], vec![]);
        assert!(paragraph_after_colon(&v, r).content.is_empty());
        assert_eq!(w.len(), 7);
    }
}
