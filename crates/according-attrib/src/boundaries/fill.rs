//! What a cue reports when the role tagger left its content empty and the words after it
//! have a plain shape: a `that` clause after a short aside, the clause right after a verb of
//! saying or after a telling verb's listener, the clause after an `as` frame, the paragraph
//! after a colon that closes its own, or the cue's object noun phrase.

use super::{MONTHS, TIME_NOUNS, TIME_WORDS};
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

/// Verbs of saying that report a clause and rarely take a noun phrase object.
const SAYING_VERBS: &[&str] = &[
    "say",
    "add",
    "insist",
    "argue",
    "explain",
    "note",
    "stress",
    "emphasise",
    "emphasize",
    "state",
    "reply",
    "complain",
    "testify",
    "conclude",
    "remark",
    "comment",
    "boast",
    "believe",
    "think",
    "reckon",
];

/// `She told BBC News she remained very concerned`, `he told MPs the Lord Chancellor … was
/// insisting …`: after the listener the parse makes the telling verb's indirect object, the
/// clause it was told, where one starts there.
fn clause_after_listener(v: &View, r: &RawAttribution) -> Option<std::ops::Range<usize>> {
    let verb = v.head_of(&r.cue)?;
    let sentence = v.toks[verb].sentence;
    let listener = (r.cue.end..v.len())
        .take_while(|&i| v.toks[i].sentence == sentence)
        .find(|&i| v.toks[i].head == Some(verb as u32) && v.toks[i].deprel == Some("iobj"))?;
    let start = listener + 1;
    let first = v.toks.get(start)?;
    let opens = first.sentence == sentence
        && first.mark == QuoteMark::None
        && first.lower != "that"
        && matches!(
            first.upos,
            Some("DET" | "NOUN" | "PROPN" | "PRON" | "ADJ" | "NUM")
        );
    let end = sentence_body_end(v, start);
    (opens && crate::claims::has_verb(v, &(start + 1..end))).then_some(start..end)
}

/// `the prime minister said Thursday's report reinforced stability`: the clause right after a
/// verb of saying (after a time phrase, `said on Monday the …`), where it has a subject and a
/// verb.
fn bare_clause_after(v: &View, from: usize) -> Option<std::ops::Range<usize>> {
    const MAX_TIME: usize = 3;
    let sentence = v.toks[from].sentence;
    let time_noun = |i: usize| {
        v.toks.get(i).is_some_and(|t| {
            let w = t.lower.as_ref();
            TIME_NOUNS.contains(&w) || MONTHS.contains(&w)
        })
    };
    let is_time = |i: usize| {
        let w = v.toks[i].lower.as_ref();
        // `Thursday's report` is the clause's subject, not when it was said.
        let possessed = v.toks.get(i + 1).is_some_and(|n| n.lower == "'s");
        // `on Monday`, `last week`; not the `the` of `said the report …`.
        let opens_time = TIME_WORDS.contains(&w) && w != "the" && w != "that" && time_noun(i + 1);
        !possessed && (time_noun(i) || opens_time)
    };
    let mut start = from;
    while start < v.len().min(from + MAX_TIME)
        && v.toks[start].sentence == sentence
        && is_time(start)
    {
        start += 1;
    }
    let first = v.toks.get(start)?;
    let opens_clause = first.sentence == sentence
        && first.mark == QuoteMark::None
        && matches!(
            first.upos,
            Some("DET" | "NOUN" | "PROPN" | "PRON" | "ADJ" | "NUM")
        )
        && !matches!(
            first.lower.as_ref(),
            "that"
                | "him"
                | "her"
                | "them"
                | "me"
                | "us"
                | "himself"
                | "herself"
                | "themselves"
                | "itself"
                | "myself"
                | "ourselves"
        );
    if !opens_clause {
        return None;
    }
    let end = sentence_body_end(v, start);
    crate::claims::has_verb(v, &(start + 1..end)).then_some(start..end)
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
    // A verb of saying takes no object a relative `that` could follow (`said in a statement
    // to the stock exchange that Illva will pay`), and may take a clause with no `that`.
    let saying = r
        .cue
        .clone()
        .any(|i| SAYING_VERBS.contains(&v.toks[i].lemma.as_ref()));
    let object = || (!telling).then(|| object_after(v, r.cue.end)).flatten();
    // `X said Y`: the source right before the cue (an adverb between), not `…, said Mr Ross`.
    let subject_before = r.source.iter().any(|s| {
        s.end <= r.cue.start
            && r.cue.start - s.end <= 2
            && (s.end..r.cue.start).all(|i| v.toks[i].upos == Some("ADV"))
    });
    let said_clause = || {
        (saying && subject_before)
            .then(|| {
                that_clause_after_as(v, r.cue.end, true).or_else(|| bare_clause_after(v, r.cue.end))
            })
            .flatten()
    };
    let clause = said_clause();
    let found = clause
        .clone()
        .or_else(|| that_clause_after_as(v, r.cue.end, telling))
        .or_else(|| telling.then(|| clause_after_listener(v, &r)).flatten())
        .or_else(|| clause_after_as_frame(v, &r))
        .or_else(object);
    if let Some(c) = found {
        let overlaps = |s: &std::ops::Range<usize>| s.start < c.end && c.start < s.end;
        // `the prime minister said Thursday's report reinforced …`, with the clause tagged as
        // a second piece of the source: a source before the cue keeps the clause from it.
        if clause.is_some() {
            r.source.retain(|s| !overlaps(s));
        }
        if !r.source.iter().any(overlaps) {
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
    fn a_verb_of_saying_reports_the_clause_after_it() {
        let tags = [
            ("the", "DET", "the"),
            ("prime", "ADJ", "prime"),
            ("minister", "NOUN", "minister"),
            ("said", "VERB", "say"),
            ("Thursday", "PROPN", "thursday"),
            ("'s", "PART", "'s"),
            ("on", "ADP", "on"),
            ("Monday", "PROPN", "monday"),
            ("report", "NOUN", "report"),
            ("reinforced", "VERB", "reinforce"),
            ("stability", "NOUN", "stability"),
            (".", "PUNCT", "."),
        ];
        let fill = |text: &str, source: std::ops::Range<usize>| {
            let (doc, w) = crate::test_support::tagged(text, &tags);
            let v = View::new(&doc);
            let said = w.iter().position(|x| x == "said").unwrap();
            // The clause tagged as a second piece of the source is taken from it.
            let r = raw(said..said + 1, vec![source, said + 1..w.len() - 1], vec![]);
            let r = fill_empty_content(&v, r);
            let text_of = |x: &std::ops::Range<usize>| w[x.clone()].join(" ");
            (
                r.source.iter().map(text_of).collect::<Vec<_>>(),
                r.content.iter().map(text_of).collect::<Vec<_>>(),
            )
        };
        // `Thursday's` opens the clause; `on Monday` says when it was said.
        let (source, content) = fill(
            "the prime minister said Thursday's report reinforced stability.",
            0..3,
        );
        assert_eq!(source, ["the prime minister"]);
        assert_eq!(content, ["Thursday 's report reinforced stability"]);
        let (_, content) = fill(
            "the prime minister said on Monday the report reinforced stability.",
            0..3,
        );
        assert_eq!(content, ["the report reinforced stability"]);
        // No clause without a verb after its subject.
        let (_, content) = fill("the prime minister said the report.", 0..3);
        assert!(content.is_empty(), "{content:?}");
    }

    #[test]
    fn a_verb_of_saying_takes_that_after_its_medium_as_a_complementizer() {
        let tags = [
            ("Changyu", "PROPN", "changyu"),
            ("said", "VERB", "say"),
            ("in", "ADP", "in"),
            ("a", "DET", "a"),
            ("statement", "NOUN", "statement"),
            ("to", "ADP", "to"),
            ("the", "DET", "the"),
            ("that", "PRON", "that"),
            ("will", "AUX", "will"),
            ("pay", "VERB", "pay"),
            ("was", "AUX", "be"),
            ("released", "VERB", "release"),
            (".", "PUNCT", "."),
        ];
        let text = "Changyu said in a statement to the exchange that Illva will pay.";
        let (doc, w) = crate::test_support::tagged(text, &tags);
        let v = View::new(&doc);
        let that = w.iter().position(|x| x == "that").unwrap();
        let r = fill_empty_content(&v, raw(1..2, vec![0..1], vec![]));
        assert_eq!(r.content, vec![that..w.len() - 1]);
        // A relative `that` followed by its verb opens no clause said.
        let text = "Changyu said in a statement that was released.";
        let (doc, _) = crate::test_support::tagged(text, &tags);
        let v = View::new(&doc);
        let r = fill_empty_content(&v, raw(1..2, vec![0..1], vec![]));
        assert!(
            r.content.iter().all(|c| v.word(c.start) != "that"),
            "{:?}",
            r.content
        );
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
