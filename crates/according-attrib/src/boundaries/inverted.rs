//! Frames that follow what was said (`"…," said Small, who attended the rally`, `…, suggests
//! a report into search habits`, `… thinks Mr Vaughan`): the name after the cue is the source,
//! with its appositive and the comma that closes it, and the clause before the frame the
//! content, where the role tagger read them the other way round or not at all.

use super::is_punct;
use crate::claims::has_verb;
use crate::tagging::RawAttribution;
use crate::view::{QuoteMark, View};

/// `said Rep. Elijah Cummings, the top Democrat on the Oversight Committee, in a statement`:
/// a source after its cue with an appositive keeps the comma that closes it, as one before
/// its cue does (PolNeAR train: 70 of 101 such sources end with that comma; after `according
/// to` the comma is the frame's, and train is split 3 / 3).
pub fn closing_comma_after_cue(v: &View, mut r: RawAttribution) -> RawAttribution {
    if super::is_according_to(v, &r.cue) {
        return r;
    }
    let cue_end = r.cue.end;
    for s in r.source.iter_mut().filter(|s| s.start >= cue_end) {
        let inner_comma = (s.start + 1..s.end).any(|i| v.toks[i].lower == ",");
        if inner_comma && v.toks.get(s.end).is_some_and(|t| t.lower == ",") {
            s.end += 1;
        }
    }
    r
}

/// Verbs that close a quotation with who said it (`"…," said Small`), not with their object
/// (`"…," welcomed the opportunity`).
pub(crate) const SAYING: &[&str] = &[
    "say",
    "add",
    "explain",
    "insist",
    "continue",
    "reply",
    "respond",
    "recall",
    "react",
    "note",
    "admit",
    "warn",
    "comment",
    "declare",
    "claim",
    "argue",
    "observe",
    "assure",
    "joke",
    "laugh",
    "quip",
    "write",
    "conclude",
    "predict",
    "suggest",
    "complain",
    "acknowledge",
    "agree",
    "concede",
    "counter",
    "remark",
    "state",
    "announce",
    "confirm",
    "deny",
    "exclaim",
    "shout",
    "tweet",
    "report",
    "read",
    "whisper",
    "sigh",
    "smile",
    "boast",
    "promise",
    "stress",
    "emphasise",
    "emphasize",
    "maintain",
    "reckon",
    "believe",
    "think",
    "reflect",
    "ask",
    "opine",
    "muse",
    "wonder",
    "demand",
    "urge",
    "plead",
    "recount",
];

/// Verbs whose noun phrase after a comma closing the sentence is who reports (`…, suggests a
/// report`).
const REPORTING: &[&str] = &[
    "say", "add", "suggest", "warn", "claim", "argue", "report", "show", "write", "insist",
    "predict", "estimate",
];

/// `word` (lemma `lemma`) is one of [`SAYING`], by its lemma or its inflection (`opined`,
/// where the lemmatizer may not know the verb).
fn is_saying(word: &str, lemma: &str) -> bool {
    SAYING.contains(&lemma)
        || SAYING.iter().any(|s| {
            [
                word.strip_suffix("ed"),
                word.strip_suffix('d'),
                word.strip_suffix('s'),
            ]
            .contains(&Some(*s))
        })
}

/// `"It's a positive story …," said Small, who attended the rally.`, `"Is Obama profiling?"
/// reacted Trump.`: after a quotation that closes right before the cue, a noun phrase the
/// tagger read as content right after the cue is the source.
pub fn quote_then_inverted_source(v: &View, mut r: RawAttribution) -> RawAttribution {
    const MAX_WORDS: usize = 12;
    // (One saying verb: not `Continuing to explain his perspective`; in the quotation's
    // sentence: not `"…." Asked what a firm commitment looks like, …`.)
    if !r.source.is_empty()
        || r.cue.len() != 1
        || r.cue.start == 0
        || v.toks[r.cue.start - 1].mark != QuoteMark::Close
        || v.toks[r.cue.start - 1].sentence != v.toks[r.cue.start].sentence
    {
        return r;
    }
    // The piece the tagger made of it, or else the words after the cue it left unlabelled.
    let k = r.content.iter().position(|p| p.start == r.cue.end);
    let p = match k {
        Some(k) => r.content[k].clone(),
        None => {
            let end = crate::completion::sentence_body_end(v, r.cue.end);
            if r.cue.end >= end || r.content.iter().any(|c| c.start < end && r.cue.end < c.end) {
                return r;
            }
            r.cue.end..end
        }
    };
    let first = &v.toks[p.start];
    // (`said his coach Peter Stanley`.)
    let possessive = matches!(first.lower.as_ref(), "his" | "her" | "its" | "their");
    // (A finite saying verb: `Listing several of Trump's business ventures`, `recalling summer
    // visits` report their object.)
    let cue = &v.toks[r.cue.end - 1];
    // (A capitalised word there is a name whatever its tag, `said Yelling`; a word the tagger
    // could not place, `said asbestosis sufferer Bernie Banton`, opens a noun phrase.)
    let named = v.word(p.start).starts_with(char::is_uppercase) || first.upos == Some("X");
    if first.mark != QuoteMark::None
        || first.in_quote
        || !(possessive
            || named
            || matches!(first.upos, Some("PROPN" | "NOUN" | "DET" | "ADJ" | "NUM")))
        || cue.upos != Some("VERB")
        || cue.lower.ends_with("ing")
        || !is_saying(&cue.lower, &cue.lemma)
    {
        return r;
    }
    // The noun phrase: up to a comma or a phrase saying where it spoke (`in a statement`).
    let medium = |i: usize| {
        matches!(v.toks[i].lower.as_ref(), "in" | "on" | "at" | "during")
            && (i + 1..(i + 4).min(p.end)).any(|j| {
                let w = v.toks[j].lower.as_ref();
                super::MEDIUM_NOUNS.contains(&w)
                    || matches!(
                        w,
                        "conference" | "briefing" | "rally" | "meeting" | "hearing"
                    )
            })
    };
    let np_end = p
        .clone()
        .find(|&i| v.toks[i].lower == "," || medium(i))
        .unwrap_or(p.end);
    // (A verb tag inside a name after a quotation's cue is the tagger's slip, `England sevens
    // coach Mike Friday`; an auxiliary would make it a clause.)
    if np_end == p.start
        || np_end - p.start > MAX_WORDS
        || (p.start..np_end)
            .any(|i| v.toks[i].upos == Some("AUX") || v.toks[i].mark != QuoteMark::None)
    {
        return r;
    }
    // An appositive or relative clause after the name is the source's (`, who attended the
    // rally`); anything else after it goes with the unquoted tail.
    let rest = (np_end + 1).min(p.end)..p.end;
    let appositive = v.toks.get(np_end).is_some_and(|t| t.lower == ",")
        && !rest.is_empty()
        && super::reads_as_appositive(v, rest.clone());
    if let Some(k) = k {
        r.content.remove(k);
    }
    let mut source = p.start..if appositive { p.end } else { np_end };
    // (The tagger may have made the appositive a piece of its own: `Small` | `who attended`.)
    if let Some(j) = r.content.iter().position(|q| {
        q.start == source.end + 1
            && v.toks[source.end].lower == ","
            && super::reads_as_appositive(v, q.clone())
    }) {
        source.end = r.content.remove(j).end;
    }
    r.source = vec![source];
    r
}

/// `… altering the role of the high street in our lives thinks Mr Vaughan.`: an inverted cue
/// without a comma, where the tagger took the name after the cue for the content. A short
/// capitalised name closing the sentence right after a cue with no source is the source,
/// and the clause before the cue the content.
pub fn inverted_name_source(v: &View, mut r: RawAttribution) -> RawAttribution {
    let [c] = r.content.as_slice() else {
        return r;
    };
    if !r.source.is_empty() || c.start != r.cue.end || c.len() > 4 {
        return r;
    }
    let end = crate::completion::sentence_body_end(v, c.start);
    let start = crate::completion::sentence_start(v, r.cue.start);
    // (A possessive joins two names: `NBC's Dante Chinni`.)
    let capitalised = c.clone().all(|i| {
        v.word(i).starts_with(|ch: char| ch.is_uppercase()) || matches!(v.word(i), "'s" | "’s")
    }) && v.word(c.start).starts_with(|ch: char| ch.is_uppercase());
    let mut body_end = r.cue.start;
    while body_end > start && is_punct(v, body_end - 1) {
        body_end -= 1;
    }
    if !capitalised || c.end != end || body_end < start + 3 {
        return r;
    }
    r.source = vec![c.clone()];
    r.content = vec![start..body_end];
    r
}

/// `The group … is $9 million to $10 million short, said former Pennsylvania governor Ed
/// Rendell, who serves as chair`, `…, suggests a report into search habits`: in a frame
/// closing its sentence after a comma, where the tagger took the noun phrase after a saying
/// or reporting cue for the content (and perhaps the sentence's subject for the source), the
/// noun phrase is the source and the clause before the comma the content.
pub fn inverted_frame_roles(v: &View, mut r: RawAttribution) -> RawAttribution {
    let [c] = r.content.as_slice() else {
        return r;
    };
    let c = c.clone();
    if c.start != r.cue.end
        || !closing_frame_cue(v, &r.cue)
        || c.end != crate::completion::sentence_body_end(v, c.start)
        || r.source.iter().any(|s| s.start >= r.cue.end)
        // (`Senator Richard Shelby, who heads …, said Ms. Brainard's donations …`: a source
        // set off before the cue is the source.)
        || r.source.iter().any(|s| s.end + 1 >= r.cue.start)
    {
        return r;
    }
    let Some(np) = frame_noun_phrase(v, c.start, c.end) else {
        return r;
    };
    let start = crate::completion::sentence_start(v, r.cue.start);
    let body_end = r.cue.start - 1;
    if body_end < start + 3 || (start..body_end).any(|i| v.toks[i].mark != QuoteMark::None) {
        return r;
    }
    r.source = vec![np];
    r.content = vec![start..body_end];
    r
}

/// `Sales have tripled since launch, say industry experts.`, `…, said Aston's chief executive
/// Ulrich Bez.`: a saying or reporting cue after a comma, with the clause before it as its
/// content and no source, is followed by who reports: the noun phrase up to the sentence's
/// end (or to the comma of an appositive after it), with no verb in it. Where the tagger
/// gave that phrase to the content as a second piece, it leaves the content.
pub fn closing_frame_source(v: &View, mut r: RawAttribution) -> RawAttribution {
    if !r.source.is_empty()
        || !closing_frame_cue(v, &r.cue)
        || r.cue.end >= v.len()
        || v.toks[r.cue.end].sentence != v.toks[r.cue.end - 1].sentence
    {
        return r;
    }
    let end = crate::completion::sentence_body_end(v, r.cue.end);
    let Some(np) = frame_noun_phrase(v, r.cue.end, end).filter(|np| np.len() <= 10) else {
        return r;
    };
    // The content is the clause before the comma (a piece the tagger took after the cue, the
    // noun phrase itself, goes).
    let before = r.content.iter().any(|c| c.end < r.cue.start);
    let only_np = r
        .content
        .iter()
        .filter(|c| c.start >= r.cue.end)
        .all(|c| c.start == np.start && c.end <= end);
    if !before || !only_np {
        return r;
    }
    r.content.retain(|c| c.end < r.cue.start);
    r.source = vec![np];
    r
}

/// `cue` can close a sentence as a frame after it: a finite saying or reporting verb right
/// after a comma (`…, said X`, `…, suggests a report`). A participle or an infinitive is no
/// frame (`…, adding showbiz news`, `to claim the women's 60m hurdles`).
fn closing_frame_cue(v: &View, cue: &std::ops::Range<usize>) -> bool {
    let last = &v.toks[cue.end - 1];
    cue.start > 0
        && v.toks[cue.start - 1].lower == ","
        && last.upos == Some("VERB")
        && REPORTING.contains(&last.lemma.as_ref())
        && !last.lower.ends_with("ing")
        && !cue.clone().any(|i| v.toks[i].lower == "to")
}

/// Who a closing frame names after its cue: the noun phrase opening at `start`, up to `end` or
/// to a comma, with no verb in it. After the comma an appositive or relative clause may follow
/// (`, who serves as …`), not the reported clause of an inserted frame (`Locally, too, say
/// analysts, recent developments have worked …`).
fn frame_noun_phrase(v: &View, start: usize, end: usize) -> Option<std::ops::Range<usize>> {
    let first = &v.toks[start];
    if !matches!(first.upos, Some("DET" | "PROPN" | "NOUN" | "ADJ" | "NUM"))
        || first.mark != QuoteMark::None
        || first.in_quote
    {
        return None;
    }
    let np_end = (start..end)
        .find(|&i| v.toks[i].lower == ",")
        .unwrap_or(end);
    let rest = (np_end + 1).min(end)..end;
    let appositive = rest.is_empty() || !has_verb(v, &rest) || super::reads_as_appositive(v, rest);
    let np = start..np_end;
    (!np.is_empty() && !has_verb(v, &np) && appositive).then_some(np)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{raw, view_of};

    #[test]
    fn the_noun_phrase_closing_a_frame_with_no_source_is_the_source() {
        let tags = [
            ("Sales", "NOUN", "sale"),
            ("have", "AUX", "have"),
            ("tripled", "VERB", "triple"),
            (",", "PUNCT", ","),
            ("say", "VERB", "say"),
            ("industry", "NOUN", "industry"),
            ("experts", "NOUN", "expert"),
            (".", "PUNCT", "."),
        ];
        let (doc, _) =
            crate::test_support::tagged("Sales have tripled, say industry experts.", &tags);
        let v = View::new(&doc);
        // The tagger's content: the clause, and perhaps the noun phrase as a second piece.
        for content in [vec![0..3], vec![0..3, 5..7]] {
            let r = closing_frame_source(&v, raw(4..5, vec![], content));
            assert_eq!((r.source, r.content), (vec![5..7], vec![0..3]));
        }
        // (What follows with a verb of its own is no source: `…, said it would …`.)
        let tags = [
            ("Sales", "NOUN", "sale"),
            ("rose", "VERB", "rise"),
            (",", "PUNCT", ","),
            ("said", "VERB", "say"),
            ("the", "DET", "the"),
            ("firm", "NOUN", "firm"),
            ("expects", "VERB", "expect"),
            ("more", "ADJ", "more"),
            (".", "PUNCT", "."),
        ];
        let (doc, _) =
            crate::test_support::tagged("Sales rose, said the firm expects more.", &tags);
        let v = View::new(&doc);
        let r = closing_frame_source(&v, raw(3..4, vec![], vec![0..2]));
        assert!(r.source.is_empty());
    }

    #[test]
    fn an_inverted_name_after_its_cue_is_the_source() {
        let (doc, w) = crate::test_support::view_of(
            "Gadgets are altering the role of the high street thinks Mr Vaughan.",
        );
        let v = View::new(&doc);
        let thinks = w.iter().position(|x| x == "thinks").unwrap();
        let r = inverted_name_source(
            &v,
            raw(thinks..thinks + 1, vec![], vec![thinks + 1..thinks + 3]),
        );
        assert_eq!(r.source, vec![thinks + 1..thinks + 3]);
        assert_eq!(r.content, vec![0..thinks]);
    }

    #[test]
    fn the_noun_phrase_after_a_closing_saying_cue_is_its_source() {
        let tags = [
            ("The", "DET", "the"),
            ("is", "AUX", "be"),
            ("short", "ADJ", "short"),
            (",", "PUNCT", ","),
            ("said", "VERB", "say"),
            ("former", "ADJ", "former"),
            ("Ed", "PROPN", "ed"),
            ("Rendell", "PROPN", "rendell"),
            (".", "PUNCT", "."),
        ];
        let text = "The group is short, said former governor Ed Rendell.";
        let (doc, w) = crate::test_support::tagged(text, &tags);
        let v = View::new(&doc);
        let said = w.iter().position(|x| x == "said").unwrap();
        let r = raw(said..said + 1, vec![0..2], vec![said + 1..w.len() - 1]);
        let r = inverted_frame_roles(&v, r);
        assert_eq!(
            (r.source, r.content),
            (vec![said + 1..w.len() - 1], vec![0..said - 1])
        );
        // A source set off right before the cue is the source.
        let r = raw(
            said..said + 1,
            vec![0..said - 1],
            vec![said + 1..w.len() - 1],
        );
        assert_eq!(inverted_frame_roles(&v, r.clone()), r);
    }

    #[test]
    fn a_source_after_its_cue_keeps_the_comma_closing_its_appositive() {
        let text = "\"We won,\" said Rep. Cummings, the top Democrat, in a statement.";
        let (doc, w) = view_of(text);
        let v = View::new(&doc);
        let pos = |x: &str| w.iter().position(|y| y == x).unwrap();
        let said = pos("said");
        let comma = pos("Democrat") + 1;
        let r = raw(said..said + 1, vec![said + 1..comma], vec![1..said - 2]);
        let r = closing_comma_after_cue(&v, r);
        assert_eq!(r.source, vec![said + 1..comma + 1]);
        // Not a plain name (no appositive to close).
        let r = raw(said..said + 1, vec![said + 1..pos("Cummings") + 1], vec![]);
        assert_eq!(closing_comma_after_cue(&v, r.clone()), r);
    }

    #[test]
    fn a_name_after_a_cue_closing_a_quotation_is_the_source() {
        let tags = [
            ("said", "VERB", "say"),
            ("Small", "PROPN", "small"),
            ("who", "PRON", "who"),
            ("attended", "VERB", "attend"),
            ("the", "DET", "the"),
        ];
        let text = "\"It is a good story,\" said Small, who attended the rally.";
        let (doc, w) = crate::test_support::tagged(text, &tags);
        let v = View::new(&doc);
        let pos = |x: &str| w.iter().position(|y| y == x).unwrap();
        let said = pos("said");
        let quote = 0..said;
        let r = raw(
            said..said + 1,
            vec![],
            vec![quote.clone(), said + 1..said + 2, pos("who")..w.len() - 1],
        );
        let r = quote_then_inverted_source(&v, r);
        assert_eq!(
            (r.source, r.content),
            (vec![said + 1..w.len() - 1], vec![quote])
        );
        // Not a participle's object (`recalling summer visits`).
        let (doc, w) = crate::test_support::tagged(
            "\"It was fine,\" recalling summer visits.",
            &[("recalling", "VERB", "recall")],
        );
        let v = View::new(&doc);
        let c = w.iter().position(|y| y == "recalling").unwrap();
        let r = raw(c..c + 1, vec![], vec![0..c, c + 1..w.len() - 1]);
        assert_eq!(quote_then_inverted_source(&v, r.clone()), r);
    }

    #[test]
    fn a_report_closing_a_lead_sentence_is_its_source_not_an_infinitive_s_object() {
        let tags = [
            ("Users", "NOUN", "user"),
            ("are", "AUX", "be"),
            ("odd", "ADJ", "odd"),
            (",", "PUNCT", ","),
            ("suggests", "VERB", "suggest"),
            ("a", "DET", "a"),
            ("to", "PART", "to"),
            ("claim", "VERB", "claim"),
            ("the", "DET", "the"),
            (".", "PUNCT", "."),
        ];
        let text = "Users are odd and naive, suggests a report into search habits.";
        let (doc, w) = crate::test_support::tagged(text, &tags);
        let v = View::new(&doc);
        let c = w.iter().position(|x| x == "suggests").unwrap();
        let r = inverted_frame_roles(&v, raw(c..c + 1, vec![], vec![c + 1..w.len() - 1]));
        assert_eq!(
            (r.source, r.content),
            (vec![c + 1..w.len() - 1], vec![0..c - 1])
        );
        let text = "She ran very fast indeed, to claim the hurdles title.";
        let (doc, w) = crate::test_support::tagged(text, &tags);
        let v = View::new(&doc);
        let c = w.iter().position(|x| x == "to").unwrap();
        let r = raw(c..c + 2, vec![], vec![c + 2..w.len() - 1]);
        assert_eq!(inverted_frame_roles(&v, r.clone()), r);
    }

    #[test]
    fn a_name_the_tagger_left_out_after_a_quotation_s_cue_is_the_source() {
        let tags = [
            ("said", "VERB", "say"),
            ("welcomed", "VERB", "welcome"),
            ("England", "PROPN", "england"),
            ("sevens", "VERB", "seven"),
            ("Mike", "PROPN", "mike"),
            ("Friday", "PROPN", "friday"),
            ("the", "DET", "the"),
        ];
        let text = "\"We can win,\" said England sevens coach Mike Friday.";
        let (doc, w) = crate::test_support::tagged(text, &tags);
        let v = View::new(&doc);
        let said = w.iter().position(|x| x == "said").unwrap();
        let r = quote_then_inverted_source(&v, raw(said..said + 1, vec![], vec![0..said]));
        assert_eq!(r.source, vec![said + 1..w.len() - 1]);
        // A verb that takes an object is no frame: `"…," welcomed the opportunity`.
        let text = "\"We can win,\" welcomed the chance.";
        let (doc, w) = crate::test_support::tagged(text, &tags);
        let v = View::new(&doc);
        let c = w.iter().position(|x| x == "welcomed").unwrap();
        let r = raw(c..c + 1, vec![], vec![0..c]);
        assert_eq!(quote_then_inverted_source(&v, r.clone()), r);
        // A capitalised name the tagger took for a verb: `said Yelling`.
        let tags = [("said", "VERB", "say"), ("Yelling", "VERB", "yell")];
        let text = "\"It meant so much to me,\" said Yelling.";
        let (doc, w) = crate::test_support::tagged(text, &tags);
        let v = View::new(&doc);
        let said = w.iter().position(|x| x == "said").unwrap();
        let r = quote_then_inverted_source(&v, raw(said..said + 1, vec![], vec![0..said]));
        assert_eq!(r.source, vec![said + 1..said + 2]);
    }
}
