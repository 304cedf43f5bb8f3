//! Where a content after its cue stops when the sentence goes on about the source: a second
//! predicate of the cue's subject (`has promoted unproven therapies and downplayed the risk`).

use crate::tagging::RawAttribution;
use crate::view::{QuoteMark, View};

/// The inflection of a verb, read off its word and lemma (the view carries no PTB tag).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    /// `say`, `put`: also an infinitive or a plural present, too ambiguous to pair.
    Base,
    /// `says`, `has`, `is`.
    ThirdPerson,
    /// `said`, `declined`, `was`: a past tense or a past participle.
    Past,
    /// `saying`.
    Gerund,
    /// `would`, `could`: a modal leaves its clause's tense open.
    Modal,
}

fn form(v: &View, i: usize) -> Form {
    let t = &v.toks[i];
    let (w, lemma) = (t.lower.as_ref(), t.lemma.as_ref());
    if matches!(
        w,
        "would" | "could" | "should" | "might" | "must" | "will" | "can" | "may" | "shall"
    ) {
        return Form::Modal;
    }
    if matches!(w, "has" | "is" | "does") {
        return Form::ThirdPerson;
    }
    if matches!(w, "was" | "were" | "had" | "did") {
        return Form::Past;
    }
    if w == lemma || matches!(w, "are" | "have" | "do" | "am") {
        Form::Base
    } else if w.ends_with("ing") {
        Form::Gerund
    } else if w.ends_with('s') && !lemma.ends_with('s') {
        Form::ThirdPerson
    } else {
        Form::Past
    }
}

fn is_verb(v: &View, i: usize) -> bool {
    matches!(v.toks[i].upos, Some("VERB" | "AUX"))
}

/// `has promoted a raft of unproven therapies and downplayed the risk of concussions`: a
/// content after its cue ends before `and` / `but` / `or` + a verb inflected like the cue's
/// (a second predicate of the cue's subject), when no verb inflected so comes first in the
/// content (`said prices rose and fell` keeps its coordination).
pub fn second_predicate_cut(v: &View, mut r: RawAttribution) -> RawAttribution {
    let Some(cue_verb) = r
        .cue
        .clone()
        .rev()
        .find(|&i| v.toks[i].upos == Some("VERB"))
    else {
        return r;
    };
    let cue_form = form(v, cue_verb);
    if !matches!(cue_form, Form::Past | Form::ThirdPerson) {
        return r;
    }
    let sentence = v.toks[cue_verb].sentence;
    let Some(p) = r
        .content
        .iter_mut()
        .find(|p| p.start >= r.cue.end && v.toks[p.start].sentence == sentence)
    else {
        return r;
    };
    let first = &v.toks[p.start];
    if first.mark != QuoteMark::None || first.in_quote {
        return r;
    }
    for i in p.start..p.end {
        let t = &v.toks[i];
        if t.in_quote || t.mark != QuoteMark::None {
            continue;
        }
        if is_verb(v, i) && form(v, i) == cue_form {
            // A verb like the cue's inside the content: what follows may coordinate with it.
            return r;
        }
        if i == p.start || !matches!(t.lower.as_ref(), "and" | "but" | "or") {
            continue;
        }
        let mut j = i + 1;
        while j < p.end && v.toks[j].upos == Some("ADV") {
            j += 1;
        }
        // `called the charges unsubstantiated and fabricated`: participles as adjectives.
        let adjectives = v.toks[i - 1].upos == Some("ADJ");
        // A capitalised word is a name the tagger took for a verb (`Spain and United States`).
        let lowercase = j < p.end && v.word(j).starts_with(|c: char| c.is_lowercase());
        if lowercase && is_verb(v, j) && !adjectives && form(v, j) == cue_form {
            let end = if v.toks[i - 1].lower == "," { i - 1 } else { i };
            p.end = end;
            break;
        }
    }
    r.content.retain(|p| !p.is_empty());
    r
}

/// `shows that Crutcher had his hands in the air, contradicting the police's earlier claim`:
/// a participial clause after a comma that the parse hangs off the cue itself tells what the
/// source did by saying it, not what was said; the content ends before it.
pub fn cue_participle_cut(v: &View, mut r: RawAttribution) -> RawAttribution {
    if !v.has_parse {
        return r;
    }
    let cue = r.cue.clone();
    let Some(p) = r.content.iter_mut().find(|p| p.start >= cue.end) else {
        return r;
    };
    let k = (p.start + 1..p.end.saturating_sub(1)).find(|&i| {
        let (t, next) = (&v.toks[i], &v.toks[i + 1]);
        t.lower == ","
            && !t.in_quote
            && next.upos == Some("VERB")
            && next.lower.ends_with("ing")
            && next.head.is_some_and(|h| cue.contains(&(h as usize)))
    });
    if let Some(k) = k {
        p.end = k;
    }
    r
}

/// Nouns of a medium or an occasion of speaking: `in a statement`, `on Twitter`.
pub(crate) const MEDIUM_NOUNS: &[&str] = &[
    "statement",
    "interview",
    "speech",
    "letter",
    "ruling",
    "remarks",
    "op-ed",
    "column",
    "tweet",
    "post",
    "email",
    "memo",
    "diatribe",
    "twitter",
    "facebook",
    "website",
    "blog",
    "television",
    "radio",
];

/// `called for more school investment in a statement on Thursday`, `denounced the annexation
/// in an on-air diatribe`: a noun-phrase content ends before a phrase that says where
/// the source said it (`in a statement`, `on Twitter`; a time phrase, `in July`, is as often
/// when the reported thing happened).
pub fn medium_out_of_content(v: &View, mut r: RawAttribution) -> RawAttribution {
    const MAX_PHRASE: usize = 5;
    let Some(p) = r.content.iter_mut().find(|p| p.start == r.cue.end) else {
        return r;
    };
    let first = &v.toks[p.start];
    if first.mark != QuoteMark::None || first.in_quote || first.lower == "that" {
        return r;
    }
    let plain = |i: usize| {
        let t = &v.toks[i];
        !matches!(t.upos, Some("VERB" | "AUX")) && !t.in_quote && t.mark == QuoteMark::None
    };
    // A verb makes the content a clause, whose phrases may belong to its own verb; a verb or a
    // quotation after the phrase makes it part of the content (`urged supporters at a rally
    // to ask why`).
    if !(p.start..p.end).all(plain) {
        return r;
    }
    let says_where_or_when = |k: usize| {
        if !matches!(v.toks[k].lower.as_ref(), "in" | "on" | "at" | "during") {
            return false;
        }
        let next = v.toks[k + 1].lower.as_ref();
        // (`in the interview last week` is which interview: PolNeAR keeps it.)
        let medium_det = matches!(next, "a" | "an" | "his" | "her" | "its" | "their");
        let medium = (k + 1..p.end.min(k + 1 + MAX_PHRASE))
            .any(|i| MEDIUM_NOUNS.contains(&v.toks[i].lower.as_ref()));
        medium && (medium_det || MEDIUM_NOUNS.contains(&next))
    };
    if let Some(k) = (p.start + 1..p.end.saturating_sub(1)).find(|&k| says_where_or_when(k)) {
        p.end = k;
    }
    r
}

/// `told police officials that she didn't want the escort`, `is telling a veterans group that
/// …`: who is told is no part of what is told; the content starts at `that` (PolNeAR train:
/// 150 of 158 such contents do).
pub fn listener_out_of_content(v: &View, mut r: RawAttribution) -> RawAttribution {
    const MAX_LISTENER: usize = 7;
    const TELLING: &[&str] = &[
        "tell", "assure", "warn", "remind", "inform", "notify", "convince",
    ];
    if !TELLING.contains(&v.toks[r.cue.end - 1].lemma.as_ref()) {
        return r;
    }
    let Some(p) = r.content.iter_mut().find(|p| p.start == r.cue.end) else {
        return r;
    };
    let that = (p.start..p.end.min(p.start + MAX_LISTENER + 1))
        .take_while(|&i| {
            let t = &v.toks[i];
            t.lower == "that"
                || (!matches!(t.upos, Some("VERB" | "AUX" | "PUNCT")) && t.mark == QuoteMark::None)
        })
        .find(|&i| v.toks[i].lower == "that");
    if let Some(k) = that.filter(|&k| k > p.start && k + 1 < p.end) {
        p.start = k;
    }
    r
}

/// `cautioned, as did the Clinton campaign itself, that …`, `argued, without evidence, that
/// …`: an aside set off by commas between the cue and `that` is no part of what is said; the
/// content starts at `that` (PolNeAR train: 15 of 17 such contents do).
pub fn aside_out_of_content(v: &View, mut r: RawAttribution) -> RawAttribution {
    const MAX_ASIDE: usize = 12;
    let cue_end = r.cue.end;
    let Some(p) = r
        .content
        .iter_mut()
        .find(|p| p.start == cue_end || p.start == cue_end + 1)
    else {
        return r;
    };
    if v.toks.get(cue_end).is_none_or(|t| t.lower != ",") {
        return r;
    }
    let limit = p.end.min(cue_end + MAX_ASIDE + 2);
    let that = (cue_end + 1..limit)
        .take_while(|&i| v.toks[i].mark == QuoteMark::None)
        .find(|&i| v.toks[i].lower == "," && v.toks.get(i + 1).is_some_and(|t| t.lower == "that"));
    if let Some(comma) = that.filter(|&c| c > cue_end + 1 && c + 2 < p.end) {
        p.start = comma + 1;
    }
    r
}

/// `urged Republicans to join the ranks of climate change believers`, `told his advisers to
/// figure out how …`: before an infinitive, who is told or urged is part of what is told
/// (PolNeAR train: 109 of 141 such contents hold the listener); the content starts right
/// after the cue, not at `to`.
pub fn listener_with_infinitive(v: &View, mut r: RawAttribution) -> RawAttribution {
    const MAX_LISTENER: usize = 6;
    const ASKING: &[&str] = &[
        "tell",
        "urge",
        "ask",
        "warn",
        "order",
        "encourage",
        "invite",
        "push",
        "press",
        "pressure",
        "challenge",
        "beg",
        "implore",
        "direct",
    ];
    let cue_end = r.cue.end;
    if !ASKING.contains(&v.toks[cue_end - 1].lemma.as_ref()) {
        return r;
    }
    let Some(p) = r.content.iter_mut().find(|p| p.start > cue_end) else {
        return r;
    };
    let infinitive = v.toks[p.start].lower == "to"
        && v.toks
            .get(p.start + 1)
            .is_some_and(|t| matches!(t.upos, Some("VERB" | "AUX")));
    let listener = p.start - cue_end <= MAX_LISTENER
        && (cue_end..p.start).all(|i| {
            let t = &v.toks[i];
            t.mark == QuoteMark::None
                && !super::is_punct(v, i)
                && t.lower != "that"
                && matches!(
                    t.upos,
                    Some("PRON" | "PROPN" | "NOUN" | "DET" | "ADJ" | "NUM")
                )
        });
    if infinitive && listener {
        p.start = cue_end;
    }
    r
}

/// `told BBC Radio 4's Today programme: "What we are talking about …"`, `said of winning: "We
/// love playing live"`: when a colon and a quotation follow the cue's listener or topic, the
/// quotation is the content, not the words before the colon.
pub fn content_from_colon_quote(v: &View, mut r: RawAttribution) -> RawAttribution {
    const MAX_BEFORE_COLON: usize = 8;
    let Some(p) = r.content.iter_mut().find(|p| p.start == r.cue.end) else {
        return r;
    };
    let colon = (p.start..p.end.min(p.start + MAX_BEFORE_COLON + 1))
        .take_while(|&i| {
            let t = &v.toks[i];
            t.lower == ":" || (!matches!(t.upos, Some("VERB" | "AUX")) && t.mark == QuoteMark::None)
        })
        .find(|&i| v.toks[i].lower == ":");
    if let Some(c) = colon.filter(|&c| c > p.start && c + 2 < p.end) {
        if v.toks[c + 1].mark == QuoteMark::Open {
            p.start = c + 1;
        }
    }
    r
}

/// `said of Mrs. Clinton's plan`, `said via email`, `said on Twitter`, `said in a statement`:
/// a speaking verb's cue ends before what it spoke of and where, as PolNeAR marks it most
/// often (train: `of` 5 of 5 left out, `on Twitter` 2 of 2, `in a statement` 2 of 3; `in an
/// interview` is kept 3 of 4 times, and stays). The words cut off are neither cue nor content.
pub fn cue_without_medium(v: &View, mut r: RawAttribution) -> RawAttribution {
    const SPEAKING: &[&str] = &["say", "tell", "write", "add", "comment", "speak"];
    if r.cue.len() < 2 || !SPEAKING.contains(&v.toks[r.cue.start].lemma.as_ref()) {
        return r;
    }
    let tail: Vec<&str> = (r.cue.start + 1..r.cue.end)
        .map(|i| v.toks[i].lower.as_ref())
        .collect();
    let medium = match tail.as_slice() {
        ["of"] => true,
        ["via", ..] => true,
        ["on", w] => matches!(*w, "twitter" | "facebook" | "instagram"),
        ["in", "a" | "the", w] => matches!(*w, "statement" | "letter"),
        _ => false,
    };
    if medium {
        r.cue.end = r.cue.start + 1;
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{raw, tagged};

    #[test]
    fn an_aside_before_that_is_not_content() {
        let tags = [
            ("He", "PRON", "he"),
            ("argued", "VERB", "argue"),
            (",", "PUNCT", ","),
            ("that", "SCONJ", "that"),
            (".", "PUNCT", "."),
        ];
        let text = "He argued, without evidence, that the vote was rigged.";
        let (doc, w) = tagged(text, &tags);
        let v = View::new(&doc);
        let that = w.iter().position(|x| x == "that").unwrap();
        let r = aside_out_of_content(&v, raw(1..2, vec![0..1], vec![2..w.len() - 1]));
        assert_eq!(r.content, vec![that..w.len() - 1]);
    }

    #[test]
    fn who_is_urged_to_act_is_part_of_the_content() {
        let tags = [
            ("It", "PRON", "it"),
            ("urged", "VERB", "urge"),
            ("supporters", "NOUN", "supporter"),
            ("to", "PART", "to"),
            ("join", "VERB", "join"),
            ("the", "DET", "the"),
            ("rally", "NOUN", "rally"),
            (".", "PUNCT", "."),
            (",", "PUNCT", ","),
        ];
        let (doc, w) = tagged("It urged supporters to join the rally.", &tags);
        let v = View::new(&doc);
        let r = listener_with_infinitive(&v, raw(1..2, vec![0..1], vec![3..w.len() - 1]));
        assert_eq!(r.content, vec![2..w.len() - 1]);
        // Not over an aside.
        let (doc, w) = tagged("It urged, supporters to join the rally.", &tags);
        let v = View::new(&doc);
        let r = raw(1..2, vec![0..1], vec![4..w.len() - 1]);
        assert_eq!(listener_with_infinitive(&v, r.clone()), r);
    }

    #[test]
    fn a_second_predicate_of_the_source_is_not_content() {
        let (doc, w) = tagged(
            "He has promoted unproven therapies and downplayed the risk.",
            &[
                ("has", "AUX", "have"),
                ("promoted", "VERB", "promote"),
                ("unproven", "ADJ", "unproven"),
                ("and", "CCONJ", "and"),
                ("downplayed", "VERB", "downplay"),
            ],
        );
        let v = View::new(&doc);
        let pos = |x: &str| w.iter().position(|y| y == x).unwrap();
        let r = raw(1..3, vec![0..1], vec![3..w.len() - 1]);
        assert_eq!(second_predicate_cut(&v, r).content, vec![3..pos("and")]);
    }

    #[test]
    fn a_coordination_inside_the_content_stays() {
        let (doc, w) = tagged(
            "She said prices rose and fell.",
            &[
                ("said", "VERB", "say"),
                ("rose", "VERB", "rise"),
                ("and", "CCONJ", "and"),
                ("fell", "VERB", "fall"),
            ],
        );
        let v = View::new(&doc);
        let r = raw(1..2, vec![0..1], vec![2..w.len() - 1]);
        assert_eq!(second_predicate_cut(&v, r).content, vec![2..w.len() - 1]);
    }

    #[test]
    fn a_medium_phrase_closing_a_noun_content_is_not_content() {
        let (doc, w) = tagged(
            "They called for more investment in a statement on Thursday.",
            &[("called", "VERB", "call"), ("for", "ADP", "for")],
        );
        let v = View::new(&doc);
        let pos = |x: &str| w.iter().position(|y| y == x).unwrap();
        let cue = pos("called")..pos("more");
        let r = raw(cue, vec![0..1], vec![pos("more")..w.len() - 1]);
        assert_eq!(
            medium_out_of_content(&v, r).content,
            vec![pos("more")..pos("in")]
        );
        // `in the interview last week` names which interview: kept.
        let (doc, w) = tagged(
            "She noted the rule in the interview last week.",
            &[("noted", "VERB", "note")],
        );
        let v = View::new(&doc);
        let r = raw(1..2, vec![0..1], vec![2..w.len() - 1]);
        assert_eq!(medium_out_of_content(&v, r).content, vec![2..w.len() - 1]);
    }

    #[test]
    fn a_speaking_cue_ends_before_of_and_its_medium() {
        let text = "Smith said of the plan. Jones said via email that it failed. \
                    Lee said in a statement that it won. Kim said in an interview that it lost.";
        let (doc, w) = tagged(text, &[("said", "VERB", "say")]);
        let v = View::new(&doc);
        let said: Vec<usize> = (0..w.len()).filter(|&i| w[i] == "said").collect();
        let cue_to = |k: usize, end: &str| {
            let e = (said[k]..w.len()).find(|&i| w[i] == end).unwrap();
            let r = raw(said[k]..e, vec![said[k] - 1..said[k]], vec![]);
            cue_without_medium(&v, r).cue
        };
        assert_eq!(cue_to(0, "the"), said[0]..said[0] + 1);
        assert_eq!(cue_to(1, "that"), said[1]..said[1] + 1);
        assert_eq!(cue_to(2, "that"), said[2]..said[2] + 1);
        // PolNeAR keeps `in an interview` in the cue more often than not.
        let k = said[3];
        assert_eq!(cue_to(3, "that"), k..k + 4);
    }

    #[test]
    fn who_is_told_is_not_content() {
        let verbs = [("told", "VERB", "tell"), ("wanted", "VERB", "want")];
        let (doc, w) = tagged(
            "She told police officials that she wanted no escort.",
            &verbs,
        );
        let v = View::new(&doc);
        let that = w.iter().position(|x| x == "that").unwrap();
        let r = raw(1..2, vec![0..1], vec![2..w.len() - 1]);
        assert_eq!(
            listener_out_of_content(&v, r).content,
            vec![that..w.len() - 1]
        );
        // Not past a verb: `told reporters he wanted that` keeps its clause.
        let (doc, w) = tagged("She told reporters she wanted that.", &verbs);
        let v = View::new(&doc);
        let r = raw(1..2, vec![0..1], vec![2..w.len() - 1]);
        assert_eq!(listener_out_of_content(&v, r.clone()), r);
    }

    #[test]
    fn a_quotation_after_a_listener_and_colon_is_the_content() {
        let text = "She told BBC Radio 4's Today programme: \"We will win.\"";
        let (doc, w) = tagged(text, &[("told", "VERB", "tell"), ("will", "AUX", "will")]);
        let v = View::new(&doc);
        let open = w.iter().position(|x| x == ":").unwrap() + 1;
        let r = raw(1..2, vec![0..1], vec![2..w.len()]);
        assert_eq!(content_from_colon_quote(&v, r).content, vec![open..w.len()]);
    }
}
