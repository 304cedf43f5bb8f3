//! Words at a span's edge that belong to the article, not to the attribution: a dateline
//! opening the paragraph (`WASHINGTON —`), a time phrase closing a source (`The Times on
//! Saturday`).

use super::{MONTHS, TIME_NOUNS};
use crate::tagging::RawAttribution;
use crate::view::{QuoteMark, View};
use std::ops::Range;

fn is_dash(w: &str) -> bool {
    matches!(w, "-" | "--" | "–" | "—" | "―")
}

/// The first token after a dateline (`FLINT, Mich., Oct. 4 (UPI) —`) that opens the span at
/// `s`: a capitalised place at the paragraph's start, then only capitalised words, numbers and
/// punctuation up to a dash.
fn after_dateline(v: &View, s: &Range<usize>) -> Option<usize> {
    const MAX_DATELINE: usize = 12;
    let starts_paragraph =
        s.start == 0 || v.toks[s.start - 1].paragraph != v.toks[s.start].paragraph;
    let place = v.word(s.start);
    if !starts_paragraph || place.len() < 3 || !place.chars().all(|c| c.is_ascii_uppercase()) {
        return None;
    }
    let dash = (s.start + 1..s.end.min(s.start + MAX_DATELINE))
        .take_while(|&i| {
            let w = v.word(i);
            is_dash(w) || !w.starts_with(|c: char| c.is_lowercase())
        })
        .find(|&i| is_dash(v.word(i)))?;
    (dash + 1 < s.end).then_some(dash + 1)
}

/// `WASHINGTON ― Donald Trump’s obsession … is an insult, …`: a dateline is neither source
/// nor content.
pub fn drop_dateline(v: &View, mut r: RawAttribution) -> RawAttribution {
    for s in r.source.iter_mut().chain(r.content.iter_mut()) {
        if let Some(start) = after_dateline(v, s) {
            s.start = start;
        }
    }
    r
}

/// `The Times on Saturday`, `Wells Fargo just this month`: a
/// time phrase closing a source right before its cue tells when, not who.
pub fn drop_trailing_time(v: &View, mut r: RawAttribution) -> RawAttribution {
    let cue_start = r.cue.start;
    // (With no content yet, a later step reads a source cut short of its cue as no source of
    // this cue: `The Times on Monday said Australian Lynton Crosby told …` became Crosby's.)
    if r.content.is_empty() {
        return r;
    }
    for s in &mut r.source {
        if s.end != cue_start || s.len() < 3 {
            continue;
        }
        let last = v.toks[s.end - 1].lower.as_ref();
        // (Not a year: `A memorable Clinton ad in 2008` is which ad.)
        if !(TIME_NOUNS.contains(&last) || MONTHS.contains(&last)) {
            continue;
        }
        // Walk back over the phrase: `on`, `in`, `this`, `last`, `just`, `earlier` …
        let mut k = s.end - 1;
        while k > s.start + 1
            && matches!(
                v.toks[k - 1].lower.as_ref(),
                "on" | "in" | "this" | "last" | "that" | "just" | "earlier" | "late" | "early"
            )
        {
            k -= 1;
        }
        // Only a phrase with a time word of its own (`Time Warner`, `the Sunday Times` are
        // names): a preposition or a determiner before the time noun.
        // (`A report released last year` is which report.)
        let after_participle = matches!(v.toks[k - 1].upos, Some("VERB" | "AUX"));
        if k < s.end - 1 && k > s.start && !after_participle {
            s.end = k;
        }
    }
    r
}

/// `During a speech earlier in the day, Trump attacked Clinton, saying, “She's trigger-happy”`,
/// `If anything, experts say her plans …`: a verbless adverbial phrase opening the sentence
/// before the source, set off by a comma, tells when or how the source spoke, not what it
/// said. It is no content piece when the content after the cue is a quotation or the phrase
/// opens with a subordinator (`in recent days`, `too often` may be the reported clause's own
/// and stay).
pub fn fronted_adverbial_out(v: &View, mut r: RawAttribution) -> RawAttribution {
    let (Some(src), [first, second, ..]) = (r.source.first(), r.content.as_slice()) else {
        return r;
    };
    let sentence = v.toks[src.start].sentence;
    let opens_sentence =
        first.start == 0 || v.toks[first.start - 1].sentence != v.toks[first.start].sentence;
    let before_frame = first.end <= src.start
        && src.end <= r.cue.start
        && second.start >= r.cue.end
        && v.toks[first.start].sentence == sentence
        && (first.end..src.start).all(|i| v.toks[i].lower == ",");
    if !opens_sentence || !before_frame || first.end == src.start {
        return r;
    }
    let t = &v.toks[first.start];
    if t.in_quote || t.mark != QuoteMark::None {
        return r;
    }
    let quotation_after = v.toks[second.start].in_quote
        || v.toks[second.start].mark == QuoteMark::Open
        || (second.start > 0 && v.toks[second.start - 1].mark == QuoteMark::Open);
    let subordinator = matches!(
        t.lower.as_ref(),
        "asked" | "though" | "although" | "if" | "during" | "as" | "based" | "given" | "despite"
    );
    // A clause there (`Many of the visitors were older, she said, and “…”`, `Though that
    // transition was seamless, he said, …`) is as often what was said.
    let verbless =
        (first.start + 1..first.end).all(|i| !matches!(v.toks[i].upos, Some("VERB" | "AUX")));
    // `Asked about the bomb, she said …`, `Speaking in Ohio, Trump said …`: a participial
    // opener tells how the source came to speak (PolNeAR train: 1 of 93 such openers is content).
    // (A gerund subject is content: `Selling the unit may not prove simple, analysts say,
    // especially …`, where the sentence goes on after a comma closing the frame.)
    let frame_closed = v.toks[second.start - 1].lower == ",";
    let participle = t.upos == Some("VERB")
        && (t.lower.ends_with("ing") || t.lower.ends_with("ed"))
        && v.word(first.start).starts_with(char::is_uppercase)
        && (quotation_after || !frame_closed);
    if participle || (verbless && (quotation_after || subordinator)) {
        r.content.remove(0);
    }
    r
}

/// `as Eric Garner said`, `Even China … warned`, `how experts say`: a conjunction or focus
/// word opening a source of several words belongs to the sentence, not to who speaks. A
/// `which` or `how` there stands for what is said (`which Apple's chief, Tim Cook, called
/// “total political crap”`): it is a content piece, as PolNeAR marks it.
pub fn source_without_leading_conjunction(v: &View, mut r: RawAttribution) -> RawAttribution {
    // `How many people`: a quantity; `which tracks …`: a relative clause's own subject; an
    // object `which` has the clause's subject after it (`which Tim Cook called`).
    let opens_sentence_part = |i: usize| {
        let next = &v.toks[i + 1];
        match v.toks[i].lower.as_ref() {
            "how" => !matches!(
                next.lower.as_ref(),
                "many" | "much" | "few" | "long" | "far"
            ),
            "which" => {
                matches!(next.upos, Some("DET" | "PRON" | "PROPN"))
                    || v.word(i + 1).starts_with(char::is_uppercase)
            }
            w => matches!(
                w,
                "as" | "even" | "and" | "but" | "so" | "yet" | "also" | "then"
            ),
        }
    };
    let mut said = None;
    for s in &mut r.source {
        while s.len() > 1 && opens_sentence_part(s.start) {
            if matches!(v.toks[s.start].lower.as_ref(), "which" | "how") {
                said = Some(s.start..s.start + 1);
            }
            s.start += 1;
            if s.len() > 1 && v.toks[s.start].lower == "," {
                s.start += 1;
            }
        }
    }
    if let Some(w) = said {
        if r.content.iter().all(|p| p.start >= r.cue.end) {
            r.content.insert(0, w);
        }
    }
    r
}

/// The source piece that starts right after the cue ending at `cue_end` (or one token on).
fn source_after_cue(sources: &mut [Range<usize>], cue_end: usize) -> Option<&mut Range<usize>> {
    sources
        .iter_mut()
        .find(|s| s.start >= cue_end && s.start <= cue_end + 1)
}

/// `"…," said Rep. Elijah Cummings of Maryland, the panel's ranking Democrat.`: a source after
/// its cue goes on over an appositive or relative clause to the sentence's end (PolNeAR
/// train: 262 of 300 such appositives and 64 of 109 relative clauses are in the source), up to
/// a phrase saying when, where or how it spoke (`, in a statement`).
pub fn inverted_source_appositive(
    v: &View,
    mut r: RawAttribution,
    is_cue: &[bool],
) -> RawAttribution {
    let Some(s) = source_after_cue(&mut r.source, r.cue.end) else {
        return r;
    };
    let comma = s.end;
    let opens_appositive = v.toks.get(comma).is_some_and(|t| t.lower == ",")
        && v.toks.get(comma + 1).is_some_and(|t| {
            matches!(
                t.lower.as_ref(),
                "the" | "a" | "an" | "who" | "whose" | "which"
            ) && !t.in_quote
        });
    if !opens_appositive || r.content.iter().any(|c| c.start >= comma) {
        return r;
    }
    let end = crate::completion::sentence_body_end(v, comma);
    let stop = (comma + 1..end)
        .find(|&i| {
            is_cue[i]
                || v.toks[i].mark != QuoteMark::None
                || (v.toks[i].lower == ","
                    && v.toks.get(i + 1).is_some_and(|n| {
                        matches!(
                            n.lower.as_ref(),
                            "in" | "on"
                                | "at"
                                | "during"
                                | "after"
                                | "adding"
                                | "according"
                                | "saying"
                        )
                    }))
                || clause_after_comma(v, i)
        })
        .unwrap_or(end);
    if stop > comma + 2 {
        s.end = stop;
    }
    r
}

/// `…, said Mr. Barrett, the lawyer for West Virginia's environmental protection agency.`: in
/// a frame closing a sentence, a content piece right after the source that follows its cue is
/// the rest of who the source is (its appositive or relative clause), not what was said
/// (PolNeAR train: none of 6 such pieces is content, 2 are in the source).
pub fn trailing_appositive_piece(v: &View, mut r: RawAttribution) -> RawAttribution {
    if r.cue.start == 0 || super::is_according_to(v, &r.cue) {
        return r;
    }
    let before = &v.toks[r.cue.start - 1];
    if before.lower != "," && before.mark != QuoteMark::Close {
        return r;
    }
    let Some(s) = source_after_cue(&mut r.source, r.cue.end) else {
        return r;
    };
    let Some(k) = r.content.iter().position(|p| {
        // `, the lawyer for …`, `, who does not …`; with no comma only a relative clause
        // (`the Broadcasting Board of Governors that oversees them`). (`, which means less
        // strain on …` after a closing frame is about what was said.)
        let opens = if p.start == s.end + 1 && v.toks[s.end].lower == "," {
            super::reads_as_appositive(v, p.clone())
        } else {
            p.start == s.end && matches!(v.toks[p.start].lower.as_ref(), "that" | "who" | "whose")
        };
        opens
            && v.toks[p.start].mark == QuoteMark::None
            && !v.toks[p.start].in_quote
            && v.toks[p.start].sentence == v.toks[r.cue.start].sentence
    }) else {
        return r;
    };
    s.end = r.content[k].end;
    r.content.remove(k);
    r
}

/// `Hillary Clinton, at a later press gaggle, said`, `President Obama, dedicating the museum,
/// said`: an aside that says when or where the source spoke, or what it was doing, is not who
/// it is; the source ends before it (an appositive noun phrase, `Scott Pruitt, the attorney
/// general of Oklahoma,`, stays).
pub fn source_without_circumstance(v: &View, mut r: RawAttribution) -> RawAttribution {
    for s in &mut r.source {
        let Some(k) = (s.start + 1..s.end.saturating_sub(1)).find(|&i| v.toks[i].lower == ",")
        else {
            continue;
        };
        let next = &v.toks[k + 1];
        // When or where (not `, for the Liberal Democrats,`, `, from Harvard,`, `, in
        // particular,`: who the source is or which of them), or what the source was doing
        // (not `, managing director of 3ami` nor `, including the AFL-CIO,`: who it is).
        let when_or_where = matches!(
            next.lower.as_ref(),
            "on" | "at" | "during" | "after" | "before"
        );
        let doing = next.upos == Some("VERB")
            && next.lower.ends_with("ing")
            && next.lower != "including"
            && !v
                .toks
                .get(k + 2)
                .is_some_and(|t| matches!(t.upos, Some("NOUN" | "PROPN")));
        let circumstance = when_or_where || doing;
        if circumstance && !v.toks[k + 1].in_quote {
            s.end = k;
        }
        if let Some(k) = (s.start + 1..s.end).find(|&i| clause_after_comma(v, i)) {
            s.end = k;
        }
    }
    r
}

/// A comma after which a clause of its own begins, no part of a source: `said Oliver
/// Valente, Sprint's vice president, | when the contract was announced`, `said Travis
/// Kalanick, founder of Red Swoosh, | and soon they are all going to want a slice of it`.
fn clause_after_comma(v: &View, i: usize) -> bool {
    let word = |k: usize| v.toks.get(k).filter(|t| !t.in_quote);
    v.toks[i].lower == ","
        && word(i + 1).is_some_and(|n| {
            matches!(
                n.lower.as_ref(),
                "when" | "while" | "because" | "although" | "though" | "but"
            ) || n.lower == "and"
                && word(i + 2).is_some_and(|w| matches!(w.upos, Some("PRON" | "ADV")))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{raw, tagged, view_of};

    #[test]
    fn a_dateline_is_neither_source_nor_content() {
        let (doc, w) = view_of("BRUSSELS — European leaders said they would meet.");
        let v = View::new(&doc);
        let said = w.iter().position(|x| x == "said").unwrap();
        let r = drop_dateline(
            &v,
            raw(said..said + 1, vec![0..said], vec![said + 1..w.len() - 1]),
        );
        assert_eq!(r.source, vec![2..said]);
        // A capitalised name with no dash stays.
        let (doc, w) = view_of("NATO said it would meet.");
        let v = View::new(&doc);
        let r = drop_dateline(&v, raw(1..2, vec![0..1], vec![2..w.len() - 1]));
        assert_eq!(r.source, vec![0..1]);
    }

    #[test]
    fn a_closing_time_phrase_is_not_the_source() {
        let (doc, w) = view_of("The Times on Saturday reported that taxes rose.");
        let v = View::new(&doc);
        let rep = w.iter().position(|x| x == "reported").unwrap();
        let r = drop_trailing_time(
            &v,
            raw(rep..rep + 1, vec![0..rep], vec![rep + 1..w.len() - 1]),
        );
        assert_eq!(r.source, vec![0..2]);
        // `The Sunday Times` is a name.
        let (doc, w) = view_of("The Sunday Times reported that taxes rose.");
        let v = View::new(&doc);
        let rep = w.iter().position(|x| x == "reported").unwrap();
        let r = drop_trailing_time(
            &v,
            raw(rep..rep + 1, vec![0..rep], vec![rep + 1..w.len() - 1]),
        );
        assert_eq!(r.source, vec![0..rep]);
    }

    #[test]
    fn a_fronted_adverbial_before_the_frame_is_not_content() {
        let (doc, w) = tagged(
            "During a speech, Trump said, “She is unstable.”",
            &[("said", "VERB", "say"), ("is", "VERB", "be")],
        );
        let v = View::new(&doc);
        let pos = |x: &str| w.iter().position(|y| y == x).unwrap();
        let said = pos("said");
        let quote = pos("She")..pos("unstable") + 1;
        let r = raw(
            said..said + 1,
            vec![pos("Trump")..said],
            vec![0..pos(","), quote.clone()],
        );
        assert_eq!(fronted_adverbial_out(&v, r).content, vec![quote.clone()]);
        // A clause there may be what was said: kept.
        let (doc, w) = tagged(
            "Many were older, she said, “and I cried.”",
            &[
                ("said", "VERB", "say"),
                ("were", "VERB", "be"),
                ("cried", "VERB", "cry"),
            ],
        );
        let v = View::new(&doc);
        let pos = |x: &str| w.iter().position(|y| y == x).unwrap();
        let said = pos("said");
        let r = raw(
            said..said + 1,
            vec![pos("she")..said],
            vec![0..pos(","), pos("and")..pos("cried") + 1],
        );
        assert_eq!(fronted_adverbial_out(&v, r.clone()).content, r.content);
    }

    #[test]
    fn a_participial_opener_is_not_content_but_a_gerund_subject_is() {
        let verbs = [
            ("Questioned", "VERB", "question"),
            ("said", "VERB", "say"),
            ("had", "AUX", "have"),
            ("been", "AUX", "be"),
            ("shaken", "VERB", "shake"),
        ];
        let (doc, w) = tagged("Questioned about it, he said he had been shaken.", &verbs);
        let v = View::new(&doc);
        let pos = |x: &str| w.iter().position(|y| y == x).unwrap();
        let said = pos("said");
        let after = said + 1..w.len() - 1;
        let r = raw(
            said..said + 1,
            vec![said - 1..said],
            vec![0..3, after.clone()],
        );
        assert_eq!(fronted_adverbial_out(&v, r).content, vec![after]);
        // `Selling …, analysts say, especially …`: the sentence goes on after the frame.
        let verbs = [
            ("Selling", "VERB", "sell"),
            ("may", "AUX", "may"),
            ("prove", "VERB", "prove"),
            ("say", "VERB", "say"),
        ];
        let text = "Selling the unit may prove hard, analysts say, especially now.";
        let (doc, w) = tagged(text, &verbs);
        let v = View::new(&doc);
        let pos = |x: &str| w.iter().position(|y| y == x).unwrap();
        let say = pos("say");
        let r = raw(
            say..say + 1,
            vec![say - 1..say],
            vec![0..pos(","), pos("especially")..w.len() - 1],
        );
        assert_eq!(fronted_adverbial_out(&v, r.clone()).content, r.content);
    }

    #[test]
    fn a_source_does_not_open_with_a_conjunction() {
        let (doc, w) = view_of("Even China said it was opposed.");
        let v = View::new(&doc);
        let said = w.iter().position(|x| x == "said").unwrap();
        let r = raw(said..said + 1, vec![0..said], vec![said + 1..w.len() - 1]);
        let r = source_without_leading_conjunction(&v, r);
        assert_eq!((r.source, r.content.len()), (vec![1..said], 1));
        // `which` stands for what was called so: a content piece.
        let (doc, w) = view_of("It was a tax, which Tim Cook called crap.");
        let v = View::new(&doc);
        let pos = |x: &str| w.iter().position(|y| y == x).unwrap();
        let called = pos("called");
        let r = raw(
            called..called + 1,
            vec![pos("which")..called],
            vec![called + 1..w.len() - 1],
        );
        let r = source_without_leading_conjunction(&v, r);
        assert_eq!(r.source, vec![pos("Tim")..called]);
        assert_eq!(
            r.content,
            vec![pos("which")..pos("Tim"), called + 1..w.len() - 1]
        );
    }

    #[test]
    fn a_circumstance_after_the_name_is_not_the_source() {
        let (mut doc, w) = view_of("Hillary Clinton, at a later press gaggle, said it was a bomb.");
        for t in &mut doc.tokens {
            t.upos = Some(
                if t.text == "at" { "ADP" } else { "NOUN" }
                    .to_string()
                    .into(),
            );
        }
        let v = View::new(&doc);
        let said = w.iter().position(|x| x == "said").unwrap();
        let r = raw(said..said + 1, vec![0..said], vec![said + 1..w.len() - 1]);
        assert_eq!(source_without_circumstance(&v, r).source, vec![0..2]);
        // `Other unions, including the AFL-CIO,` name who speaks.
        let (mut doc, w) = view_of("Other unions, including the AFL-CIO, endorsed Clinton.");
        for t in &mut doc.tokens {
            t.upos = Some(
                if t.text == "including" {
                    "VERB"
                } else {
                    "NOUN"
                }
                .to_string()
                .into(),
            );
        }
        let v = View::new(&doc);
        let e = w.iter().position(|x| x == "endorsed").unwrap();
        let r = raw(e..e + 1, vec![0..e], vec![e + 1..w.len() - 1]);
        assert_eq!(source_without_circumstance(&v, r).source, vec![0..e]);
    }

    #[test]
    fn a_clause_after_the_source_is_not_the_source() {
        let text = "It works, said Tom Kay, founder of Swoosh, and soon they will want it.";
        let (mut doc, w) = view_of(text);
        for t in &mut doc.tokens {
            let upos = match t.text.as_str() {
                "soon" => "ADV",
                "they" => "PRON",
                _ => "NOUN",
            };
            t.upos = Some(upos.to_string().into());
        }
        let v = View::new(&doc);
        let pos = |x: &str| w.iter().position(|y| y == x).unwrap();
        let said = pos("said");
        let r = raw(said..said + 1, vec![said + 1..w.len() - 1], vec![0..2]);
        let source = source_without_circumstance(&v, r).source;
        assert_eq!(source, vec![said + 1..pos("Swoosh") + 1]);
        // `, and` joining the source's own words stays (`who helmed …, and has backed`).
        let (doc, w) = view_of("It works, said Tom Kay, who helmed it, and has backed it.");
        let v = View::new(&doc);
        let said = w.iter().position(|x| x == "said").unwrap();
        let r = raw(said..said + 1, vec![said + 1..w.len() - 1], vec![0..2]);
        let source = source_without_circumstance(&v, r).source;
        assert_eq!(source, vec![said + 1..w.len() - 1]);
    }

    #[test]
    fn an_inverted_source_takes_its_appositive() {
        let text = "\"We will fight,\" said Rep. Elijah Cummings, the top Democrat on the panel, in a statement.";
        let (doc, w) = view_of(text);
        let v = View::new(&doc);
        let pos = |x: &str| w.iter().position(|y| y == x).unwrap();
        let said = pos("said");
        let is_cue = vec![false; v.len()];
        let comma = (said..w.len()).find(|&i| w[i] == ",").unwrap();
        let r = raw(said..said + 1, vec![said + 1..comma], vec![1..said - 2]);
        let r = inverted_source_appositive(&v, r, &is_cue);
        let in_ = pos("in");
        assert_eq!(r.source, vec![said + 1..in_ - 1]);
    }

    #[test]
    fn an_appositive_piece_after_a_closing_frame_s_source_is_the_source() {
        let text = "Officials felt safe, said Mr. Barrett, the lawyer for the agency.";
        let (doc, w) = view_of(text);
        let v = View::new(&doc);
        let pos = |x: &str| w.iter().position(|y| y == x).unwrap();
        let said = pos("said");
        let lawyer = pos("lawyer");
        let r = raw(
            said..said + 1,
            vec![said + 1..said + 3],
            vec![lawyer - 1..w.len() - 1],
        );
        let r = trailing_appositive_piece(&v, r);
        assert_eq!((r.source, r.content), (vec![said + 1..w.len() - 1], vec![]));
        // Not a clause after a comma (`, with games of …` is no appositive).
        let text = "It draws crowds, said Ms. Gil, with games and hikes.";
        let (doc, w) = view_of(text);
        let v = View::new(&doc);
        let pos = |x: &str| w.iter().position(|y| y == x).unwrap();
        let said = pos("said");
        let r = raw(
            said..said + 1,
            vec![said + 1..said + 3],
            vec![pos("with")..w.len() - 1],
        );
        assert_eq!(trailing_appositive_piece(&v, r.clone()), r);
    }
}
