//! Content boundaries: where what is reported starts and ends (a quotation closed before its
//! frame, a quotation running on to its close and over paragraphs, a fronted clause's end, a
//! headline's line, fronted words before a parenthetical frame, holes the tagger left, a time
//! phrase between cue and content). Where it stops at a comma: [`super::comma`].

use super::{frame, is_punct, MONTHS, TIME_NOUNS};
use crate::tagging::RawAttribution;
use crate::view::{QuoteMark, View};
use std::ops::Range;

/// Drop unquoted content pieces after the cue when the content is a quotation closed right
/// before the source and cue.
pub fn drop_unquoted_tail(v: &View, mut r: RawAttribution) -> RawAttribution {
    let (frame_start, frame_end) = frame(&r);
    let quoted_before = r.content.iter().any(|p| {
        p.end <= frame_start
            && (p.end..frame_start).all(|i| is_punct(v, i))
            && (p.start..frame_start.min(p.end + 1)).any(|i| v.toks[i].mark == QuoteMark::Close)
    });
    if !quoted_before {
        return r;
    }
    r.content.retain(|p| {
        p.end <= frame_start
            || p.start < frame_end
            || v.toks[p.start].in_quote
            || (p.start > 0 && v.toks[p.start - 1].mark == QuoteMark::Open)
    });
    r
}

/// `tweeted on Friday that …`: a time phrase the taggers split between cue and content is
/// neither: the cue ends before its preposition, the content starts after it.
pub fn time_out_of_cue(v: &View, mut r: RawAttribution) -> RawAttribution {
    let c = r.cue.end;
    if r.cue.len() < 2 || !matches!(v.toks[c - 1].lower.as_ref(), "on" | "in" | "at") {
        return r;
    }
    let Some(k) = r.content.iter().position(|p| p.start == c) else {
        return r;
    };
    let timeish = |w: &str| {
        TIME_NOUNS.contains(&w) || MONTHS.contains(&w) || w.chars().all(|ch| ch.is_ascii_digit())
    };
    let mut i = c;
    while i < r.content[k].end {
        let w = v.toks[i].lower.as_ref();
        if !(timeish(w) || matches!(w, "last" | "this" | "next" | "early" | "late" | "the")) {
            break;
        }
        i += 1;
    }
    if !(c..i).any(|j| timeish(v.toks[j].lower.as_ref())) {
        return r;
    }
    if i < r.content[k].end && v.toks[i].lower == "," {
        i += 1;
    }
    r.cue.end -= 1;
    r.content[k].start = i;
    r.content.retain(|p| !p.is_empty());
    r
}

/// `Hamza leaves no doubt as to the regime's determination`: `as to` is one preposition, the
/// cue's (PolNeAR keeps it there: `will no doubt raise questions as to`), not `as` in the cue
/// and `to` opening the content.
pub fn as_to_in_cue(v: &View, mut r: RawAttribution) -> RawAttribution {
    let c = r.cue.end;
    if v.toks[c - 1].lower != "as" || v.toks.get(c).is_none_or(|t| t.lower != "to") {
        return r;
    }
    if let Some(p) = r.content.iter_mut().find(|p| p.start == c) {
        p.start += 1;
        r.cue.end += 1;
    }
    r.content.retain(|p| !p.is_empty());
    r
}

/// `ruled Friday against Ohio's procedure`, `said last week that …`: a time phrase right after
/// the cue tells when the source spoke; the content starts after it (PolNeAR train: 112 of 123
/// such contents do).
pub fn time_out_of_content_start(v: &View, mut r: RawAttribution) -> RawAttribution {
    // A named day: `Friday`, `yesterday`, `today` (not `day` itself), or `tonight`.
    let is_day =
        |w: &str| (w != "day" && w.ends_with("day") && TIME_NOUNS.contains(&w)) || w == "tonight";
    let Some(p) = r.content.iter_mut().find(|p| p.start == r.cue.end) else {
        return r;
    };
    let word = |i: usize| v.toks.get(i).map_or("", |t| t.lower.as_ref());
    let mut i = p.start;
    if word(i) == "on" {
        i += 1;
    }
    // `Friday`, `last week`, `earlier this month`; not a name (`the Sunday Times`) or a noun
    // phrase (`the year had begun well`, `weekend newspaper reports`).
    if is_day(word(i)) {
        i += 1;
    } else {
        if word(i) == "earlier" || word(i) == "late" {
            i += 1;
        }
        // (Not `next year`: the time of what is said, not of the saying.)
        if !matches!(word(i), "last" | "this") || !TIME_NOUNS.contains(&word(i + 1)) {
            return r;
        }
        i += 2;
    }
    while i < p.end && matches!(word(i), "morning" | "afternoon" | "evening" | "night" | ",") {
        i += 1;
    }
    let name_goes_on = v.word(i).starts_with(char::is_uppercase) && word(i - 1) != ",";
    if i < p.end && !name_goes_on && !matches!(word(i), "'s" | "’s") {
        p.start = i;
    }
    r
}

/// `has acknowledged the reality of climate change, which makes him an outlier`: a
/// noun-phrase content right after its cue ends before a comma that opens a relative,
/// participial or adverbial clause.
pub fn noun_content_to_comma(v: &View, mut r: RawAttribution) -> RawAttribution {
    let Some(p) = r.content.iter_mut().find(|p| p.start == r.cue.end) else {
        return r;
    };
    let first = &v.toks[p.start];
    if first.mark != QuoteMark::None || first.in_quote || first.lower == "that" {
        return r;
    }
    let opens_clause = |i: usize| {
        let t = &v.toks[i];
        matches!(
            t.lower.as_ref(),
            "which"
                | "who"
                | "whose"
                | "where"
                | "while"
                | "as"
                | "even"
                | "although"
                | "though"
                | "because"
                | "especially"
                | "from"
                | "including"
        ) || (t.upos == Some("VERB") && t.lower.ends_with("ing"))
    };
    let k = (p.start + 1..p.end)
        .find(|&i| v.toks[i].lower == "," && i + 1 < p.end && opens_clause(i + 1));
    let Some(k) = k else { return r };
    let verbless = (p.start..k).all(|i| !matches!(v.toks[i].upos, Some("VERB" | "AUX")));
    // With a verb before the comma the content is a clause, whose modifiers gold keeps.
    if verbless && (p.start..k).all(|i| !v.toks[i].in_quote) {
        p.end = k;
    }
    r
}

/// `Marco Rubio: I'm Not Interested` + paragraph break: what a colon cue introduces ends with
/// the colon's paragraph (a quotation opened after the colon that closes in a later paragraph
/// is left to [`to_quote_close`] and `claims`).
pub fn colon_content_in_paragraph(v: &View, mut r: RawAttribution) -> RawAttribution {
    if r.cue.len() != 1 || v.word(r.cue.start) != ":" {
        return r;
    }
    let para = v.toks[r.cue.start].paragraph;
    for p in &mut r.content {
        if p.start >= r.cue.end && v.toks[p.start].paragraph == para {
            p.end = (p.start..p.end)
                .find(|&i| v.toks[i].paragraph != para)
                .unwrap_or(p.end);
        }
    }
    r.content
        .retain(|p| p.start < r.cue.end || v.toks[p.start].paragraph == para);
    r
}

/// A content that stops inside a quotation runs on to the quotation's close, with no other
/// cue on the way. A quotation left open at the end of a paragraph goes on in the next one
/// when that opens with a quotation mark (the news convention for a quote over paragraphs).
pub fn to_quote_close(v: &View, mut r: RawAttribution, is_cue: &[bool]) -> RawAttribution {
    const MAX_PARAGRAPHS: u32 = 6;
    let Some(last) = r.content.last().cloned() else {
        return r;
    };
    let e = last.end - 1;
    if !v.toks[e].in_quote || v.toks[e].mark == QuoteMark::Close {
        return r;
    }
    let first_para = v.toks[e].paragraph;
    let mut para = first_para;
    let mut i = last.end;
    loop {
        while i < v.len() && v.toks[i].paragraph == para && v.toks[i].mark != QuoteMark::Close {
            if is_cue[i] || r.cue.contains(&i) || r.source.iter().any(|s| s.contains(&i)) {
                return r;
            }
            i += 1;
        }
        let continues = i < v.len()
            && v.toks[i].paragraph == para + 1
            && v.toks[i].mark == QuoteMark::Open
            && para + 1 - first_para < MAX_PARAGRAPHS;
        if !continues {
            break;
        }
        para += 1;
        i += 1;
    }
    if i < v.len() && v.toks[i].mark == QuoteMark::Close && i > last.end {
        // The closing mark belongs to the quotation, as PolNeAR's contents keep it.
        let k = r.content.len() - 1;
        r.content[k].end = i + 1;
    }
    r
}

/// `"… I've heard she has swollen glands."`: a later content piece that starts inside a
/// quotation (the tagger's window ended there: `glands."` alone) starts at the quotation's
/// opening mark, with no cue, source or other piece of this attribution on the way, unless
/// another cue introduces that quotation.
pub fn from_quote_open(v: &View, mut r: RawAttribution, is_cue: &[bool]) -> RawAttribution {
    for k in 1..r.content.len() {
        let p = r.content[k].clone();
        let inside = |i: usize| v.toks[i].in_quote && v.toks[i].mark == QuoteMark::None;
        if p.start == 0 || !inside(p.start) || !inside(p.start - 1) {
            continue;
        }
        let prev_end = r.content[k - 1].end;
        let mut i = p.start - 1;
        while i > prev_end && inside(i) {
            i -= 1;
        }
        // (Nor when another cue introduces the quotation: `he added: "…`.)
        let introduced = (i.saturating_sub(2)..i).any(|j| is_cue[j] && !r.cue.contains(&j));
        let blocked = introduced
            || (i..p.start).any(|j| {
                is_cue[j] || r.cue.contains(&j) || r.source.iter().any(|s| s.contains(&j))
            });
        if v.toks[i].mark == QuoteMark::Open && i >= prev_end && !blocked {
            r.content[k].start = i;
        }
    }
    r
}

/// `told the conference that China's new media market "is already experiencing explosive
/// growth"`: a content the tagger began at a quotation after its cue begins at the `that`
/// before it, where only the listener and the clause's first words lie between (no cue,
/// source, sentence end or colon: `added that: "…"` introduces the quotation itself).
pub fn from_that_before_quote(v: &View, mut r: RawAttribution, is_cue: &[bool]) -> RawAttribution {
    const MAX_GAP: usize = 25;
    let Some(first) = r.content.first().cloned() else {
        return r;
    };
    if first.start <= r.cue.end || v.toks[first.start].mark != QuoteMark::Open {
        return r;
    }
    let gap = r.cue.end..first.start;
    let sentence = v.toks[r.cue.end - 1].sentence;
    let open = gap.len() <= MAX_GAP
        && gap.clone().all(|i| {
            let t = &v.toks[i];
            t.sentence == sentence
                && t.mark == QuoteMark::None
                && !is_cue[i]
                && !matches!(t.lower.as_ref(), ":" | ";")
                && !r.source.iter().any(|s| s.contains(&i))
        });
    // (`the conference that China's …`: read as a relative pronoun, but no verb follows it.)
    let that = gap.clone().find(|&i| {
        v.toks[i].lower == "that"
            && (v.toks[i].upos == Some("SCONJ")
                || !matches!(v.toks[i + 1].upos, Some("VERB" | "AUX")))
    });
    if let (true, Some(that)) = (open, that) {
        r.content[0].start = that;
    }
    r
}

/// How token `i` changes the bracket depth: +1 opening, -1 closing.
pub(crate) fn bracket_depth(v: &View, i: usize) -> i32 {
    match v.toks[i].lower.as_ref() {
        "(" | "[" => 1,
        ")" | "]" => -1,
        _ => 0,
    }
}

/// `The same day President George W. Bush demanded that Iraq readmit inspectors, Russian and
/// Iraqi officials were meeting …`, `Saying that he would not send me to prison, Judge Berman
/// proceeded …`: a cue inside a clause fronted before the sentence's main clause (the cue
/// opens the sentence, or a subordinator or a bare `the same day` does) reports a `that`
/// clause that ends before the main clause: at the first comma followed by a subject and a
/// finite verb (PolNeAR train: 34 of 39 such contents stop there). Not when the clause opens
/// with an adverbial of its own (`that when you live by the pen, you die by the pen`).
pub fn fronted_clause_content_cut(v: &View, mut r: RawAttribution) -> RawAttribution {
    const MAX_SUBJECT: usize = 6;
    // (The content's `that` first: most attributions end here, before the sentence is read.)
    let Some(k) = r.content.iter().position(|p| p.start >= r.cue.end) else {
        return r;
    };
    let p = r.content[k].clone();
    let first = p.start + 1;
    if v.toks[p.start].lower != "that"
        || first >= p.end
        || v.toks[first].mark != QuoteMark::None
        || is_punct(v, first)
        || SUBORDINATORS.contains(&v.toks[first].lower.as_ref())
    {
        return r;
    }
    let sent = v.sentences[v.toks[r.cue.start].sentence as usize].clone();
    if !opens_fronted_clause(v, &r, &sent) {
        return r;
    }
    let subject_and_verb = |comma: usize| {
        let next = &v.toks[comma + 1];
        if next.upos == Some("CCONJ") || matches!(next.lower.as_ref(), "which" | "who" | "that") {
            return false;
        }
        let words = (comma + 1..p.end)
            .take_while(|&i| {
                matches!(
                    v.toks[i].upos,
                    Some("DET" | "ADJ" | "NOUN" | "PROPN" | "CCONJ" | "NUM" | "PRON")
                )
            })
            .count();
        let verb = comma + 1 + words;
        (1..=MAX_SUBJECT).contains(&words)
            && verb < p.end
            && (v.toks[verb].upos == Some("AUX")
                || v.toks[verb].upos == Some("VERB") && !v.toks[verb].lower.ends_with("ing"))
    };
    if let Some(comma) = (first..p.end.saturating_sub(2))
        .find(|&i| v.toks[i].lower == "," && !v.toks[i].in_quote && subject_and_verb(i))
    {
        r.content[k].end = comma;
    }
    r
}

/// Words that open an adverbial clause.
const SUBORDINATORS: &[&str] = &[
    "when", "if", "as", "although", "while", "because", "for", "despite", "though", "once",
    "until", "after", "before", "since", "unless", "in", "on", "at", "by", "with", "under",
    "given", "even", "now", "so",
];

/// The attribution's frame sits in a clause fronted before its sentence's main clause: its
/// cue opens the sentence, or a subordinator or a bare time phrase (`The same day`) does.
fn opens_fronted_clause(v: &View, r: &RawAttribution, sent: &Range<usize>) -> bool {
    const FRONTING: &[&str] = &[
        "after", "despite", "while", "although", "though", "when", "since", "before", "because",
        "as", "if", "even", "having", "asked", "once", "until",
    ];
    let frame_start = r
        .source
        .iter()
        .map(|s| s.start)
        .fold(r.cue.start, usize::min);
    if frame_start < sent.start {
        return false;
    }
    let word = |i: usize| {
        v.toks
            .get(i)
            .filter(|_| sent.contains(&i))
            .map(|t| t.lower.as_ref())
    };
    let first = sent.start;
    let same_day = matches!(
        (
            word(first),
            word(first + 1),
            word(first + 2),
            word(first + 3)
        ),
        (Some("the"), Some("same"), Some("day"), _)
            | (Some("the"), Some("day"), ..)
            | (Some("on"), Some("the"), Some("same"), Some("day"))
    );
    // (`When asked, Bush said that …`: the frame is in the main clause.)
    let no_comma_before = (first..frame_start).all(|i| v.toks[i].lower != ",");
    (r.cue.start == first && r.source.iter().all(|s| s.start > r.cue.start))
        || no_comma_before
            && frame_start > first
            && (same_day || word(first).is_some_and(|w| FRONTING.contains(&w)))
}

/// `The economy, the central bank said in its report, is likely to shrink`: a source and cue
/// set off by commas inside the sentence they report leave its opening words to the
/// content, which the tagger (reading on from the cue) often misses.
pub fn fronted_content(v: &View, mut r: RawAttribution, is_cue: &[bool]) -> RawAttribution {
    const MAX_FRONT: usize = 15;
    let (Some(first), Some(source)) = (r.content.first().cloned(), r.nearest_source().cloned())
    else {
        return r;
    };
    // The frame is the source nearest the cue: a fronted subject the tagger took for a second
    // source piece (`Acts of protest, Mr. Obama said, are …`) is what this rule gives back.
    let frame_start = source.start.min(r.cue.start);
    let frame_end = source.end.max(r.cue.end);
    if first.start < frame_end || first.start < 2 || v.toks[first.start - 1].lower != "," {
        return r;
    }
    let sent = v.sentences[v.toks[frame_start].sentence as usize].clone();
    let open = frame_start.saturating_sub(1);
    if open <= sent.start || v.toks[open].lower != "," || open - sent.start > MAX_FRONT {
        return r;
    }
    // Nothing between the cue and the content but a phrase (`in its report`).
    let between_plain = (frame_end..first.start - 1)
        .all(|i| !is_cue[i] && v.toks[i].mark == QuoteMark::None && v.toks[i].lower != ",");
    let front_plain = (sent.start..open).all(|i| !is_cue[i] && v.toks[i].mark == QuoteMark::None);
    if between_plain && front_plain && v.toks[first.start].sentence == v.toks[open].sentence {
        r.content.insert(0, sent.start..open);
        r.source.retain(|s| s.start >= open);
    }
    r
}

/// `Trump said Democrats and the media are to blame`: with its source before the cue, a source
/// piece the tagger found right after the cue opens the content when only plain words (no cue,
/// no quotation mark) lie between it and the content in the same sentence.
pub fn subject_after_cue(v: &View, mut r: RawAttribution, is_cue: &[bool]) -> RawAttribution {
    // (Not an inverted frame, `The tone, said Mr Milburn, would be …`: there the name after
    // the cue is the source and the words before it the content.)
    let before = r.source.iter().any(|s| s.end == r.cue.start)
        && r.cue.start > 0
        && v.toks[r.cue.start - 1].lower != ",";
    let Some(k) = r.source.iter().position(|s| s.start == r.cue.end) else {
        return r;
    };
    let Some(c) = r.content.iter().position(|c| c.start >= r.source[k].end) else {
        return r;
    };
    let (s, content) = (r.source[k].clone(), r.content[c].clone());
    let same_sentence = v.toks[s.start].sentence == v.toks[content.start].sentence;
    let plain = (s.start..content.start).all(|i| !is_cue[i] && v.toks[i].mark == QuoteMark::None)
        && v.toks[s.end].lower != ",";
    if before && same_sentence && plain && c == 0 {
        r.content[c].start = s.start;
        r.source.remove(k);
    }
    r
}

/// Join content pieces split around a stretch the tagger left out (`the 1994 crime bill,
/// which put more police officers on the street`) when that stretch is in the same sentence
/// and holds no cue, no source and no quotation mark.
pub fn fill_holes(v: &View, mut r: RawAttribution, is_cue: &[bool]) -> RawAttribution {
    let source_at = |i: usize| r.source.iter().any(|s| s.contains(&i));
    let mut out: Vec<Range<usize>> = Vec::with_capacity(r.content.len());
    for p in r.content.drain(..) {
        if let Some(last) = out.last_mut() {
            let gap = last.end..p.start;
            if v.toks[last.end - 1].sentence == v.toks[p.start].sentence
                && gap
                    .clone()
                    .all(|i| !is_cue[i] && !source_at(i) && v.toks[i].mark == QuoteMark::None)
            {
                last.end = p.end;
                continue;
            }
        }
        out.push(p);
    }
    r.content = out;
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{raw, tagged, view_of};

    #[test]
    fn a_later_piece_starting_inside_a_quotation_starts_at_its_opening() {
        let text = "Mr Coppin said it was easy. \"Two clicks and your show is downloading.\"";
        let (doc, w) = view_of(text);
        let v = View::new(&doc);
        let at = |x: &str| w.iter().position(|y| y == x).unwrap();
        let (said, open, show) = (at("said"), at("Two") - 1, at("show"));
        let is_cue = vec![false; v.len()];
        let r = raw(
            said..said + 1,
            vec![0..said],
            vec![said + 1..said + 4, show..w.len()],
        );
        let r = from_quote_open(&v, r, &is_cue);
        assert_eq!(r.content, vec![said + 1..said + 4, open..w.len()]);
        // Another cue introducing the quotation keeps it.
        let mut is_cue = vec![false; v.len()];
        is_cue[open - 1] = true;
        let r = raw(
            said..said + 1,
            vec![0..said],
            vec![said + 1..said + 4, show..w.len()],
        );
        assert_eq!(from_quote_open(&v, r.clone(), &is_cue), r);
    }

    #[test]
    fn as_to_is_the_cue_s() {
        let (doc, w) = view_of("Hamza leaves no doubt as to the regime's aims.");
        let v = View::new(&doc);
        let at = |x: &str| w.iter().position(|y| y == x).unwrap();
        let (cue, to) = (at("leaves"), at("to"));
        let r = as_to_in_cue(&v, raw(cue..to, vec![0..1], vec![to..w.len() - 1]));
        assert_eq!((r.cue, r.content), (cue..to + 1, vec![to + 1..w.len() - 1]));
    }

    #[test]
    fn a_fronted_clause_s_content_ends_before_the_main_clause() {
        let tags = [
            ("found", "VERB", "find"),
            ("that", "SCONJ", "that"),
            ("when", "ADV", "when"),
            (",", "PUNCT", ","),
            ("his", "PRON", "he"),
            ("was", "AUX", "be"),
            ("overturned", "VERB", "overturn"),
        ];
        let text = "After a judge found that action unconstitutional, his decision was overturned.";
        let (doc, w) = tagged(text, &tags);
        let v = View::new(&doc);
        let at = |x: &str| w.iter().position(|y| y == x).unwrap();
        let (found, comma) = (at("found"), at(","));
        let r = raw(
            found..found + 1,
            vec![1..found],
            vec![found + 1..w.len() - 1],
        );
        let r = fronted_clause_content_cut(&v, r);
        assert_eq!(r.content, vec![found + 1..comma]);
        // The frame in the main clause: the content goes on.
        let text = "A judge found that action unconstitutional, his decision was overturned.";
        let (doc, w) = tagged(text, &tags);
        let v = View::new(&doc);
        let found = w.iter().position(|y| y == "found").unwrap();
        let r = raw(
            found..found + 1,
            vec![0..found],
            vec![found + 1..w.len() - 1],
        );
        assert_eq!(fronted_clause_content_cut(&v, r.clone()), r);
        // An adverbial clause opening the content holds its own comma.
        let text = "After he found that when it rains, his roof was wet.";
        let (doc, w) = tagged(text, &tags);
        let v = View::new(&doc);
        let found = w.iter().position(|y| y == "found").unwrap();
        let r = raw(
            found..found + 1,
            vec![1..found],
            vec![found + 1..w.len() - 1],
        );
        assert_eq!(fronted_clause_content_cut(&v, r.clone()), r);
    }

    #[test]
    fn a_headline_colon_content_ends_with_its_paragraph() {
        let (doc, w) = crate::test_support::view_of(
            "Marco Rubio: I am Not Interested\n\nThe senator said so on Monday.",
        );
        let v = View::new(&doc);
        let colon = w.iter().position(|x| x == ":").unwrap();
        let the = w.iter().position(|x| x == "The").unwrap();
        let r = colon_content_in_paragraph(
            &v,
            raw(colon..colon + 1, vec![0..colon], vec![colon + 1..w.len()]),
        );
        assert_eq!(r.content, vec![colon + 1..the]);
        // A colon inside a paragraph keeps its content.
        let r = colon_content_in_paragraph(
            &v,
            raw(colon..colon + 1, vec![0..colon], vec![colon + 1..the]),
        );
        assert_eq!(r.content, vec![colon + 1..the]);
    }

    #[test]
    fn a_time_phrase_is_neither_cue_nor_content() {
        let (doc, w) =
            crate::test_support::view_of("Trump tweeted on Friday that the vote was rigged.");
        let v = View::new(&doc);
        let pos = |x: &str| w.iter().position(|y| y == x).unwrap();
        let (tweeted, on) = (pos("tweeted"), pos("on"));
        let r = time_out_of_cue(
            &v,
            raw(tweeted..on + 1, vec![0..1], vec![on + 1..w.len() - 1]),
        );
        assert_eq!(
            (r.cue, r.content),
            (tweeted..on, vec![pos("that")..w.len() - 1])
        );
        // `commented on plans`: no time, no change.
        let (doc, w) = crate::test_support::view_of("She commented on plans to close it.");
        let v = View::new(&doc);
        let r = time_out_of_cue(&v, raw(1..3, vec![0..1], vec![3..w.len() - 1]));
        assert_eq!(r.cue, 1..3);
    }

    #[test]
    fn the_words_before_a_parenthetical_frame_are_content() {
        let (doc, w) = crate::test_support::view_of(
            "The economy, the central bank said in its report, is likely to shrink.",
        );
        let v = View::new(&doc);
        let pos = |x: &str| w.iter().position(|y| y == x).unwrap();
        let said = pos("said");
        let is_cue = vec![false; v.len()];
        let r = fronted_content(
            &v,
            raw(said..said + 1, vec![3..said], vec![pos("is")..w.len() - 1]),
            &is_cue,
        );
        assert_eq!(r.content, vec![0..2, pos("is")..w.len() - 1]);
        // The tagger took the fronted subject for a second source piece: it is content.
        let r = fronted_content(
            &v,
            raw(
                said..said + 1,
                vec![0..2, 3..said],
                vec![pos("is")..w.len() - 1],
            ),
            &is_cue,
        );
        assert_eq!(r.content, vec![0..2, pos("is")..w.len() - 1]);
        assert_eq!(r.source, vec![3..said]);
    }

    #[test]
    fn an_unquoted_tail_after_a_closed_quote_is_not_content() {
        let (doc, w) =
            view_of("“Who would have believed it?” Trump said, looking out on the crowd.");
        let v = View::new(&doc);
        let said = w.iter().position(|x| x == "said").unwrap();
        let looking = w.iter().position(|x| x == "looking").unwrap();
        let r = raw(
            said..said + 1,
            vec![said - 1..said],
            vec![1..said - 2, looking..w.len() - 1],
        );
        let r = drop_unquoted_tail(&v, r);
        assert_eq!(r.content, vec![1..said - 2]);
    }

    #[test]
    fn a_hole_without_cue_source_or_quote_is_filled() {
        let (doc, w) = view_of("He said the bill, which cut aid, failed, experts say.");
        let v = View::new(&doc);
        let pos = |x: &str| w.iter().position(|y| y == x).unwrap();
        let mut is_cue = vec![false; v.len()];
        is_cue[pos("say")] = true;
        let r = raw(
            pos("said")..pos("said") + 1,
            vec![0..1],
            vec![pos("the")..pos(","), pos("failed")..pos("failed") + 1],
        );
        let r = fill_holes(&v, r, &is_cue);
        assert_eq!(r.content, vec![pos("the")..pos("failed") + 1]);
        // A hole holding another cue stays.
        let r = raw(
            pos("said")..pos("said") + 1,
            vec![0..1],
            vec![pos("the")..pos("failed") + 1, pos("say") + 1..w.len()],
        );
        assert_eq!(fill_holes(&v, r.clone(), &is_cue).content, r.content);
    }

    #[test]
    fn a_noun_content_stops_before_a_relative_clause() {
        let (mut doc, w) = view_of(
            "Graham has acknowledged the reality of climate change, which makes him an outlier.",
        );
        for t in &mut doc.tokens {
            t.upos = Some(if t.text == "makes" { "VERB" } else { "NOUN" }.into());
        }
        let v = View::new(&doc);
        let pos = |x: &str| w.iter().position(|y| y == x).unwrap();
        let r = raw(
            pos("has")..pos("the"),
            vec![0..1],
            vec![pos("the")..w.len() - 1],
        );
        assert_eq!(
            noun_content_to_comma(&v, r).content,
            vec![pos("the")..pos(",")]
        );
    }

    #[test]
    fn a_content_inside_a_quote_runs_to_its_close() {
        let (doc, w) = view_of("He said: “We lost. They cheated. Nobody cares.” Then he left.");
        let v = View::new(&doc);
        let pos = |x: &str| w.iter().position(|y| y == x).unwrap();
        let cue = pos("said")..pos(":") + 1;
        let r = raw(cue.clone(), vec![0..1], vec![pos("We")..pos("They")]);
        let is_cue = vec![false; v.len()];
        let close = pos("cares") + 2;
        assert_eq!(v.word(close), "”");
        assert_eq!(
            to_quote_close(&v, r, &is_cue).content,
            vec![pos("We")..close + 1]
        );
    }

    #[test]
    fn a_continuation_quote_stays() {
        let (doc, w) = view_of("“I have not heard,” she said, “but it may be true.”");
        let v = View::new(&doc);
        let said = w.iter().position(|x| x == "said").unwrap();
        let but = w.iter().position(|x| x == "but").unwrap();
        let r = raw(
            said..said + 1,
            vec![said - 1..said],
            vec![1..said - 3, but..w.len() - 2],
        );
        let r = drop_unquoted_tail(&v, r.clone());
        assert_eq!(r.content.len(), 2);
    }

    #[test]
    fn a_source_piece_right_after_the_cue_opens_the_content() {
        let (doc, w) = view_of("Trump said Democrats and the media are to blame.");
        let v = View::new(&doc);
        let pos = |x: &str| w.iter().position(|y| y == x).unwrap();
        let (said, to) = (pos("said"), pos("to"));
        let is_cue = vec![false; v.len()];
        let r = raw(
            said..said + 1,
            vec![0..1, said + 1..said + 2],
            vec![to..w.len() - 1],
        );
        let r = subject_after_cue(&v, r, &is_cue);
        assert_eq!(
            (r.source, r.content),
            (vec![0..1], vec![said + 1..w.len() - 1])
        );
        // An inverted frame keeps its source after the cue.
        let (doc, w) = view_of("The tone, said Mr Milburn, would be calm.");
        let v = View::new(&doc);
        let said = w.iter().position(|y| y == "said").unwrap();
        let r = raw(
            said..said + 1,
            vec![0..2, said + 1..said + 3],
            vec![said + 4..w.len() - 1],
        );
        assert_eq!(subject_after_cue(&v, r.clone(), &is_cue), r);
    }

    #[test]
    fn a_time_phrase_after_the_cue_is_not_content() {
        let cases = [
            ("The court ruled Friday against the rule.", Some("against")),
            ("The bank said last week it would cut jobs.", Some("it")),
            ("Ms Lee told Sunday Times readers it was over.", None),
            ("The firm said the year had begun well.", None),
            ("We both think next year we will win.", None),
        ];
        for (text, start) in cases {
            let (doc, w) = view_of(text);
            let v = View::new(&doc);
            let cue = 2..3;
            let r = raw(cue.clone(), vec![0..2], vec![3..w.len() - 1]);
            let got = time_out_of_content_start(&v, r).content[0].start;
            let want = start.map_or(3, |s| w.iter().position(|x| x == s).unwrap());
            assert_eq!(got, want, "{text}");
        }
    }
}
