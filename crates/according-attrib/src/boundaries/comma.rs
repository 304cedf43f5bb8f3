//! Where a content goes on past a comma or stops there: before `;` or a clause of its own
//! (`, which …`, `, but her allies fear …`), over a list (`, including …`), on to the comma of
//! a frame that closes the sentence, and not past an `according to` source after a whole
//! clause.

use super::{bracket_depth, frame, is_punct};
use crate::tagging::RawAttribution;
use crate::view::{QuoteMark, View};

/// `cited several factors for the low turnout, including Republican-backed laws …`: a
/// content after its cue that stops before `, including` goes on over the list to the
/// sentence's end (PolNeAR train: 26 of 33 such contents do), unless another cue comes first.
pub fn including_list_in_content(
    v: &View,
    mut r: RawAttribution,
    is_cue: &[bool],
) -> RawAttribution {
    let Some(last) = r.content.last().cloned() else {
        return r;
    };
    let (comma, including) = (last.end, last.end + 1);
    if last.start < r.cue.end
        || including >= v.len()
        || v.toks[comma].lower != ","
        || v.toks[including].lower != "including"
        || v.toks[last.end - 1].in_quote
    {
        return r;
    }
    let sentence = v.toks[comma].sentence as usize;
    let mut end = v.sentences[sentence].end;
    while end > including && is_punct(v, end - 1) && v.toks[end - 1].mark == QuoteMark::None {
        end -= 1;
    }
    if (including..end).any(|i| is_cue[i] || r.source.iter().any(|s| s.contains(&i))) {
        return r;
    }
    let k = r.content.len() - 1;
    r.content[k].end = end;
    r
}

/// `Verizon has struck a provisional work agreement …, according to the Labor Department,
/// taking a step toward …`: when the clause before an `according to` frame has a verb, it is
/// what the frame reports, and what follows the source in that sentence is not (PolNeAR
/// train: 29 of 37 such pieces are no part of the content; with no verb before, 11 of 15 are).
pub fn according_to_after_clause(v: &View, mut r: RawAttribution) -> RawAttribution {
    let Some(source_end) = r.source.iter().map(|s| s.end).max() else {
        return r;
    };
    if !super::is_according_to(v, &r.cue) {
        return r;
    }
    let sentence = v.toks[r.cue.start].sentence;
    // The clause closes at the comma before the frame (not `… ago after, according to X,
    // Mexico's …`, where the frame interrupts it).
    let clause_before = r.content.iter().any(|p| {
        p.end + 1 == r.cue.start
            && v.toks[p.end].lower == ","
            && v.toks[p.end - 1].sentence == sentence
            && !matches!(
                v.toks[p.end - 1].upos,
                Some("ADP" | "SCONJ" | "DET" | "CCONJ" | "PRON")
            )
            && crate::claims::has_verb(v, p)
    });
    if clause_before {
        // (A predicate after the frame goes on with the clause: `…, according to X, is to
        // turn any Trump attacks …`, `adopted a new strategy`.)
        r.content.retain(|p| {
            p.start < source_end
                || v.toks[p.start].sentence != sentence
                || matches!(v.toks[p.start].upos, Some("VERB" | "AUX"))
        });
    }
    r
}

/// `said the timing was not intentional; they only learned on Friday …`, `… pardon Hillary
/// Clinton, who has not been charged`: a content after its cue ends before a semicolon, or
/// before a comma that opens a relative clause, a concession or a `but` clause with a subject
/// of its own (not a relative clause inside the content's own subject: `his side, who are …,
/// were …`). Not before `, especially` or `, according` (PolNeAR train keeps them: 7 of 7).
pub fn clause_content_cut(v: &View, mut r: RawAttribution) -> RawAttribution {
    let Some(p) = r.content.iter_mut().find(|p| p.start >= r.cue.end) else {
        return r;
    };
    let first = &v.toks[p.start];
    if first.mark != QuoteMark::None || first.in_quote {
        return r;
    }
    let opens_clause = |i: usize| {
        matches!(
            v.toks[i].lower.as_ref(),
            "which" | "who" | "whose" | "despite" | "although" | "though" | "but"
        )
    };
    // (Participles, `(` and `—` as cut points measured no better on dev.)
    // (Not inside brackets: `1.16bn euros ($1.5bn; £800m)`; `find` visits the tokens in
    // order, so the depth is that of the token asked about.)
    let mut depth = bracket_depth(v, p.start).max(0);
    let k = (p.start + 1..p.end).find(|&i| {
        depth = (depth + bracket_depth(v, i)).max(0);
        !v.toks[i].in_quote
            && depth == 0
            && (v.toks[i].lower == ";"
                || (v.toks[i].lower == ","
                    && i + 1 < p.end
                    && opens_clause(i + 1)
                    && !crate::relative::is_embedded(v, i + 1)
                    && (v.toks[i + 1].lower != "but" || but_opens_own_subject(v, i + 1, p.end))))
    });
    if let Some(k) = k {
        p.end = k;
    }
    r
}

/// `…, but her allies fear that …`: a `but` clause with a subject of its own may go on about
/// something else; one without (`, but could not bear to …`, `, but not for …`, `, but that
/// …`, `, but a catastrophe`) goes on with what was said (PolNeAR train: cutting before every
/// `, but` was wrong 50 times and right 16).
fn but_opens_own_subject(v: &View, but: usize, end: usize) -> bool {
    if !v.has_parse {
        return true;
    }
    let mut j = but + 1;
    while j < end && v.toks[j].upos == Some("ADV") {
        j += 1;
    }
    if j >= end
        || matches!(v.toks[j].upos, Some("VERB" | "AUX" | "PART" | "ADP"))
        || (v.toks[j].lower == "that" && v.toks[j].upos == Some("SCONJ"))
    {
        return false;
    }
    // A subject before the clause's first verb (the parse may hang `but` elsewhere).
    (j..end)
        .take_while(|&k| !matches!(v.toks[k].upos, Some("VERB" | "AUX")))
        .any(|k| {
            v.toks[k]
                .deprel
                .is_some_and(|d| d.starts_with("nsubj") || d == "expl")
        })
}

/// `Moves against the United States government-financed Voice of America … led to their
/// removal …, said Jeffrey N. Trimble`: a content before a frame that closes its sentence
/// after a comma runs on to that comma when the tagger stopped short (at a name it did not
/// take for content), with no cue, source or quotation mark on the way.
pub fn content_to_trailing_frame(
    v: &View,
    mut r: RawAttribution,
    is_cue: &[bool],
) -> RawAttribution {
    let (f, _) = frame(&r);
    if f == 0 || v.toks[f - 1].lower != "," {
        return r;
    }
    let comma = f - 1;
    // (Not a raising frame's subject, `The statistics, purported to be …, appear to be`.)
    if r.content.iter().any(|p| p.end > comma) {
        return r;
    }
    let sentence = v.toks[comma].sentence;
    let Some(p) = r.content.iter_mut().rev().find(|p| p.end <= comma) else {
        return r;
    };
    if p.end == comma || v.toks[p.start].sentence != sentence || v.toks[p.end - 1].in_quote {
        return r;
    }
    let source_at = |i: usize| r.source.iter().any(|s| s.contains(&i));
    // (A clause, not `Locally, too, say analysts, …` or `The film, however, has been …`.)
    let clause = crate::claims::has_verb(v, &(p.start..comma));
    // (Nor over a name the tagger left out of the source: `…, Alan Milburn, Labour's election
    // strategist told …`.)
    let last_comma = (p.end..comma).rev().find(|&i| v.toks[i].lower == ",");
    let name_after_comma =
        last_comma.is_some_and(|k| (k + 1..comma).all(|i| v.toks[i].upos == Some("PROPN")));
    if clause
        && !name_after_comma
        && (p.end..comma).all(|i| !is_cue[i] && !source_at(i) && v.toks[i].mark == QuoteMark::None)
    {
        p.end = comma;
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{raw, tagged, view_of};

    #[test]
    fn a_clause_is_not_cut_at_a_semicolon_in_brackets() {
        let text = "It said profits rose to 1bn euros ($1.5bn; £800m) in 2004; shares fell.";
        let (doc, w) = view_of(text);
        let v = View::new(&doc);
        let semicolons: Vec<usize> = (0..w.len()).filter(|&i| w[i] == ";").collect();
        let r = clause_content_cut(&v, raw(1..2, vec![0..1], vec![2..w.len() - 1]));
        assert_eq!(r.content, vec![2..semicolons[1]]);
    }

    #[test]
    fn a_clause_content_stops_before_a_semicolon_or_a_relative_clause() {
        let (doc, w) = view_of(
            "They said the timing was not intentional; they learned of it Friday, which is odd.",
        );
        let v = View::new(&doc);
        let pos = |x: &str| w.iter().position(|y| y == x).unwrap();
        let r = raw(
            pos("said")..pos("said") + 1,
            vec![0..1],
            vec![pos("the")..w.len() - 1],
        );
        assert_eq!(
            clause_content_cut(&v, r).content,
            vec![pos("the")..pos(";")]
        );
    }

    #[test]
    fn a_but_clause_without_a_subject_of_its_own_stays_in_the_content() {
        // They said it was fine , but could not say why .
        let words = [
            ("They", "PRON", "nsubj", Some(1)),
            ("said", "VERB", "root", None),
            ("it", "PRON", "nsubj", Some(4)),
            ("was", "AUX", "cop", Some(4)),
            ("fine", "ADJ", "ccomp", Some(1)),
            (",", "PUNCT", "punct", Some(9)),
            ("but", "CCONJ", "cc", Some(9)),
            ("could", "AUX", "aux", Some(9)),
            ("not", "PART", "advmod", Some(9)),
            ("say", "VERB", "conj", Some(4)),
            ("why", "ADV", "advmod", Some(9)),
        ];
        let doc = crate::test_support::parsed(&words);
        let v = View::new(&doc);
        let r = raw(1..2, vec![0..1], vec![2..11]);
        assert_eq!(clause_content_cut(&v, r.clone()), r);
        // With a subject of its own (`, but her allies fear it`), the content ends before it.
        let mut words = words.to_vec();
        words[7..].copy_from_slice(&[
            ("her", "PRON", "nmod:poss", Some(8)),
            ("allies", "NOUN", "nsubj", Some(9)),
            ("fear", "VERB", "conj", Some(4)),
            ("it", "PRON", "obj", Some(9)),
        ]);
        let doc = crate::test_support::parsed(&words);
        let v = View::new(&doc);
        let r = clause_content_cut(&v, raw(1..2, vec![0..1], vec![2..11]));
        assert_eq!(r.content, vec![2..5]);
    }

    #[test]
    fn a_content_stopped_before_including_goes_on_over_the_list() {
        let text = "He cited several factors, including new laws and the economy.";
        let (doc, w) = view_of(text);
        let v = View::new(&doc);
        let pos = |x: &str| w.iter().position(|y| y == x).unwrap();
        let is_cue = vec![false; v.len()];
        let r = raw(1..2, vec![0..1], vec![2..pos(",")]);
        let r = including_list_in_content(&v, r, &is_cue);
        assert_eq!(r.content, vec![2..w.len() - 1]);
        // Not over another frame's cue.
        let mut is_cue = vec![false; v.len()];
        is_cue[pos("economy")] = true;
        let r = raw(1..2, vec![0..1], vec![2..pos(",")]);
        assert_eq!(including_list_in_content(&v, r.clone(), &is_cue), r);
    }

    #[test]
    fn a_content_before_a_closing_frame_runs_on_to_its_comma() {
        let text = "Moves against Voice of America led to their removal, said Jeffrey Trimble.";
        let (doc, w) = tagged(text, &[("led", "VERB", "lead"), ("said", "VERB", "say")]);
        let v = View::new(&doc);
        let pos = |x: &str| w.iter().position(|y| y == x).unwrap();
        let is_cue = vec![false; v.len()];
        let said = pos("said");
        let r = raw(said..said + 1, vec![said + 1..w.len() - 1], vec![0..2]);
        let r = content_to_trailing_frame(&v, r, &is_cue);
        assert_eq!(r.content, vec![0..said - 1]);
        // Not when the content goes on after the frame (a raising frame's subject).
        let r = raw(
            said..said + 1,
            vec![said + 1..w.len() - 1],
            vec![0..2, w.len() - 1..w.len()],
        );
        assert_eq!(content_to_trailing_frame(&v, r.clone(), &is_cue), r);
    }

    #[test]
    fn what_follows_an_according_to_source_after_a_whole_clause_is_not_content() {
        let tags = [
            ("Verizon", "PROPN", "verizon"),
            ("struck", "VERB", "strike"),
            ("a", "DET", "a"),
            ("according", "VERB", "accord"),
            ("to", "ADP", "to"),
            ("the", "DET", "the"),
            (",", "PUNCT", ","),
            ("is", "AUX", "be"),
            (".", "PUNCT", "."),
        ];
        let text = "Verizon struck a deal, according to the department, a sign of progress.";
        let (doc, w) = tagged(text, &tags);
        let v = View::new(&doc);
        let pos = |x: &str| w.iter().position(|y| y == x).unwrap();
        let (acc, sign) = (pos("according"), pos("sign") - 1);
        let r = raw(
            acc..acc + 2,
            vec![acc + 2..sign - 1],
            vec![0..acc - 1, sign..w.len() - 1],
        );
        let r = according_to_after_clause(&v, r);
        assert_eq!(r.content, vec![0..acc - 1]);
        // A predicate after the frame goes on with the clause.
        let text = "One decision they made, according to the aide, is to hit back.";
        let (doc, w) = tagged(
            text,
            &[
                ("made", "VERB", "make"),
                ("according", "VERB", "accord"),
                ("is", "AUX", "be"),
            ],
        );
        let v = View::new(&doc);
        let pos = |x: &str| w.iter().position(|y| y == x).unwrap();
        let (acc, is) = (pos("according"), pos("is"));
        let r = raw(
            acc..acc + 2,
            vec![acc + 2..is - 1],
            vec![0..acc - 1, is..w.len() - 1],
        );
        assert_eq!(according_to_after_clause(&v, r.clone()), r);
    }
}
