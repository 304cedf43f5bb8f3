//! Source and content boundary corrections after the role tagger, where the sentence's
//! structure says more than the tagger's local view:
//!
//! - `“…?” Trump said, looking out on the crowd`: a quotation that closes right before its
//!   source and cue is the content; an unquoted stretch after the cue is not (a continuation
//!   quote, `“…,” she said, “…”`, is);
//! - content pieces split around a stretch with no cue, source or quotation mark in it are
//!   one piece (the tagger often leaves out a relative clause in the middle);
//! - a content that stops inside a quotation runs on to the quotation's close (the tagger
//!   stops at sentence ends inside long quotes), over paragraphs when the quotation goes on
//!   in the next one;
//! - a content after its cue ends before `;` and before `, which …`, `, but …` (the
//!   sentence goes on about something else);
//! - a noun-phrase content ends before `, which …`, `, dialing back …` (a clause that
//!   modifies the sentence, not the attributed thing);
//! - a content that stops mid-clause where an inner attribution's cue begins, or starts
//!   right after one, takes that attribution in (PolNeAR nests them: `notes that the
//!   Commission announced that …`, `Saltanov stated that …, RFE/RL reported`);
//! - what a colon cue introduces ends with the colon's paragraph (a headline);
//! - `…, Reuters reported` where the source took in the clause: Reuters is the source;
//! - `quoted X as saying`: X says; `X reported, citing Y, that …`: Y is cited, the clause
//!   is what X reported;
//! - `X, the bank said, is likely …`: the words before a source and cue set off by commas
//!   are content;
//! - `tweeted on Friday that …`: the time phrase is neither cue nor content;
//! - a cue with no source that hangs off another verb (`Trump …, promising to lift
//!   regulations`) takes that verb's subject;
//! - a source set off by a parenthetical pair of commas keeps its closing comma (`Kerry, who
//!   lost in 2004, said`), and does not open with a comma.

#![allow(clippy::single_range_in_vec_init)] // one-piece spans are what we mean here

use crate::tagging::RawAttribution;
use crate::view::{QuoteMark, View};
use std::ops::Range;

fn is_punct(v: &View, i: usize) -> bool {
    !v.toks[i].lower.chars().any(char::is_alphanumeric)
}

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

/// Token range from the first to the last token of the attribution's source and cue.
fn frame(r: &RawAttribution) -> (usize, usize) {
    let a = r.source.iter().map(|s| s.start).chain([r.cue.start]).min();
    let b = r.source.iter().map(|s| s.end).chain([r.cue.end]).max();
    (a.unwrap_or(r.cue.start), b.unwrap_or(r.cue.end))
}

/// `Libertarian presidential candidate Gary Johnson`: words the parse hangs off the source's
/// words as modifiers (compound, amod, det) just before it belong to it; `Hillary Clinton, the
/// former secretary of State, said`: an appositive between the source and its cue too, as
/// PolNeAR keeps it.
pub fn source_modifiers(v: &View, mut r: RawAttribution) -> RawAttribution {
    if !v.has_parse {
        return r;
    }
    let taken = |r: &RawAttribution, i: usize| {
        r.cue.contains(&i) || r.content.iter().any(|p| p.contains(&i))
    };
    for k in 0..r.source.len() {
        let s = r.source[k].clone();
        let sent = v.toks[s.start].sentence;
        let mut start = s.start;
        while start > 0
            && v.toks[start - 1].sentence == sent
            && !taken(&r, start - 1)
            && !r.source.iter().any(|x| x.contains(&(start - 1)))
            && matches!(v.toks[start - 1].deprel, Some("compound" | "amod"))
            && !TIME_NOUNS.contains(&v.toks[start - 1].lower.as_ref())
            && v.toks[start - 1]
                .head
                .is_some_and(|h| (start..s.end).contains(&(h as usize)))
        {
            start -= 1;
        }
        r.source[k].start = start;
        // The appositive: `, NP ,` right before the cue, with no verb or quotation in it.
        let gap = s.end..r.cue.start;
        if gap.len() >= 3
            && gap.len() <= 16
            && v.toks[gap.start].lower == ","
            && v.toks[gap.end - 1].lower == ","
            && gap.clone().all(|i| {
                !taken(&r, i)
                    && v.toks[i].sentence == sent
                    && v.toks[i].mark == QuoteMark::None
                    && !matches!(v.toks[i].upos, Some("VERB" | "AUX"))
            })
            && gap.clone().any(|i| {
                v.toks[i].deprel == Some("appos")
                    && v.toks[i].head.is_some_and(|h| s.contains(&(h as usize)))
            })
        {
            r.source[k].end = gap.end - 1;
        }
    }
    r
}

/// `According to Microsoft, nine out of 10 members …`: a source after `according to` ends at
/// its comma when what follows the comma is the start of the content (a number or a word that
/// opens no appositive), not `according to Richard Butler, the former head of …`.
pub fn according_to_comma(v: &View, mut r: RawAttribution) -> RawAttribution {
    let cue: Vec<&str> = r.cue.clone().map(|i| v.toks[i].lower.as_ref()).collect();
    if cue != ["according", "to"] {
        return r;
    }
    let Some(k) = r.source.iter().position(|s| s.start == r.cue.end) else {
        return r;
    };
    let s = r.source[k].clone();
    let Some(comma) = s.clone().find(|&i| v.toks[i].lower == ",") else {
        return r;
    };
    let tail = comma + 1..s.end;
    // An appositive hangs off a word before the comma (by the parse, when there is one).
    let appositive = tail.clone().any(|i| {
        v.toks[i].deprel == Some("appos") && v.toks[i].head.is_some_and(|h| (h as usize) < comma)
    }) || matches!(
        v.toks.get(tail.start).map(|t| t.lower.as_ref()),
        Some("the" | "a" | "an" | "who" | "which" | "whose" | "its" | "his" | "her")
    );
    let opens_content = !tail.is_empty()
        && tail.len() <= 8
        && !appositive
        && (v.has_parse
            || v.toks[tail.start].upos == Some("NUM")
            || v.word(tail.start).starts_with(char::is_lowercase));
    let content_follows = r.content.iter().any(|c| c.start == s.end);
    if opens_content && content_follows && comma > s.start {
        r.source[k].end = comma;
        if let Some(c) = r.content.iter_mut().find(|c| c.start == s.end) {
            c.start = tail.start;
        }
    }
    r
}

/// Nouns of time (`the same day`, `on Monday`).
const TIME_NOUNS: &[&str] = &[
    "day",
    "week",
    "month",
    "year",
    "morning",
    "afternoon",
    "evening",
    "night",
    "weekend",
    "time",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
];

/// `The same day President George W. Bush demanded`: a time phrase opening the source is
/// not part of it.
pub fn drop_leading_time(v: &View, mut r: RawAttribution) -> RawAttribution {
    const TIME_WORDS: &[&str] = &[
        "the",
        "that",
        "this",
        "last",
        "next",
        "same",
        "earlier",
        "later",
        "following",
        "previous",
        "on",
        "early",
        "late",
    ];
    for s in &mut r.source {
        let Some(k) = (s.start..s.end.saturating_sub(1))
            .take_while(|&i| {
                let w = v.toks[i].lower.as_ref();
                TIME_WORDS.contains(&w) || TIME_NOUNS.contains(&w)
            })
            .filter(|&i| TIME_NOUNS.contains(&v.toks[i].lower.as_ref()))
            .last()
        else {
            continue;
        };
        // A time word other than `the` makes it a time phrase, not a name (`the Sunday
        // Telegraph`, `Time Warner`, `Evening Standard`).
        let timed = (s.start..k).any(|i| {
            let w = v.toks[i].lower.as_ref();
            TIME_WORDS.contains(&w) && w != "the"
        });
        let next = k + 1;
        if timed && (v.toks[next].lower == "," || v.word(next).starts_with(char::is_uppercase)) {
            s.start = next + usize::from(v.toks[next].lower == ",");
        }
    }
    r.source.retain(|s| !s.is_empty());
    r
}

/// `tweeted on Friday that …`: a time phrase the taggers split between cue and content is
/// neither: the cue ends before its preposition, the content starts after it.
pub fn time_out_of_cue(v: &View, mut r: RawAttribution) -> RawAttribution {
    const MONTHS: &[&str] = &[
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
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

/// PolNeAR's comma convention for sources: `Kerry, who lost in 2004, said` keeps the comma
/// that closes the parenthetical pair; a leading comma is never part of a source (nor a
/// trailing `both`).
pub fn source_commas(v: &View, mut r: RawAttribution) -> RawAttribution {
    for s in &mut r.source {
        // `The Times and the Wall Street Journal both reported`: the quantifier is no name.
        while s.len() > 1 && matches!(v.toks[s.end - 1].lower.as_ref(), "both" | "all" | "each") {
            s.end -= 1;
        }
        while s.len() > 1 && v.toks[s.start].lower == "," {
            s.start += 1;
        }
        let inner_comma = (s.start + 1..s.end).any(|i| v.toks[i].lower == ",");
        if inner_comma && s.end == r.cue.start.saturating_sub(1) && v.toks[s.end].lower == "," {
            s.end += 1;
        }
    }
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
    let capitalised = c
        .clone()
        .all(|i| v.word(i).starts_with(|ch: char| ch.is_uppercase()));
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

fn is_dash(w: &str) -> bool {
    matches!(w, "-" | "--" | "–" | "—" | "―")
}

/// `Gerry Conlon - who was wrongly convicted - said …`: when the tagger took only the closing
/// dash of an aside for the source, the source is the name before the aside with the aside
/// (as PolNeAR keeps `Kerry, who lost in 2004,`), and the aside is not content.
pub fn dash_aside_source(v: &View, mut r: RawAttribution) -> RawAttribution {
    let Some(src) = r.source.last().cloned() else {
        return r;
    };
    // (`No campaign -`: the tagger took the aside's last words and its closing dash.)
    if src.end != r.cue.start
        || !is_dash(v.word(src.end - 1))
        || (src.start..src.end - 1).any(|i| is_dash(v.word(i)))
    {
        return r;
    }
    let close = src.end - 1;
    let sent = &v.sentences[v.toks[close].sentence as usize];
    let Some(open) = (sent.start.max(close.saturating_sub(40))..src.start.min(close))
        .rev()
        .find(|&i| is_dash(v.word(i)))
    else {
        return r;
    };
    // The name: a source piece the tagger found before the aside, or else the words back to
    // the clause's comma.
    let start = match r.source.first() {
        Some(first) if first.end <= open && first.start >= sent.start => first.start,
        _ => (sent.start..open)
            .rev()
            .find(|&i| matches!(v.word(i), "," | ";" | ":") || v.toks[i].mark != QuoteMark::None)
            .map_or(sent.start, |i| i + 1),
    };
    let mut start = start;
    while start < open && matches!(v.toks[start].lower.as_ref(), "but" | "and" | "so" | "yet") {
        start += 1;
    }
    if start >= open || open - start > 8 {
        return r;
    }
    r.source = vec![start..close + 1];
    let aside = start..close + 1;
    r.content
        .retain(|p| p.end <= aside.start || p.start >= aside.end);
    r
}

/// `Trump …, promising to lift regulations`: a cue with no source that hangs off another
/// verb as a participle, infinitive or conjunct takes that verb's subject as its source
/// (not a passive `asked`: the subject is who was asked).
pub fn controller_source(v: &View, mut r: RawAttribution) -> RawAttribution {
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
    // `Asked whether he would resign, the minister replied`: who was asked is the subject, not
    // who asked.
    let opens_clause = r.cue.start == sent.start
        || matches!(
            v.toks[r.cue.start - 1].lower.as_ref(),
            "when" | "if" | "after" | "once" | "," | "-" | "—"
        );
    if r.cue.len() == 1
        && opens_clause
        && matches!(
            v.toks[top].lower.as_ref(),
            "asked" | "questioned" | "pressed" | "quizzed" | "challenged"
        )
    {
        return r;
    }
    let subject_of = |h: usize| {
        sent.clone().find(|&i| {
            v.toks[i].head == Some(h as u32)
                && matches!(v.toks[i].deprel, Some("nsubj" | "nsubj:pass"))
                && !r.cue.contains(&i)
        })
    };
    let mut cur = top;
    let mut subj = None;
    for _ in 0..3 {
        if !matches!(v.toks[cur].deprel, Some("advcl" | "xcomp" | "conj")) {
            break;
        }
        let Some(h) = v.toks[cur].head.map(|h| h as usize) else {
            break;
        };
        if !sent.contains(&h) {
            break;
        }
        if let Some(s) = subject_of(h) {
            subj = Some(s);
            break;
        }
        cur = h;
    }
    let Some(s) = subj else { return r };
    // The subject's phrase: the contiguous stretch of its subtree around it.
    let under = |mut i: usize| {
        for _ in 0..32 {
            if i == s {
                return true;
            }
            match v.toks[i].head {
                Some(h) if sent.contains(&(h as usize)) => i = h as usize,
                _ => return false,
            }
        }
        false
    };
    let mut a = s;
    while a > sent.start && under(a - 1) {
        a -= 1;
    }
    let mut b = s + 1;
    while b < sent.end && under(b) {
        b += 1;
    }
    while b > a + 1 && is_punct(v, b - 1) {
        b -= 1;
    }
    while a + 1 < b && is_punct(v, a) {
        a += 1;
    }
    let src = a..b;
    let clash = |x: &Range<usize>| x.start < src.end && src.start < x.end;
    // Long subject phrases were mostly wrong on dev; short ones pay.
    if src.len() <= 6 && !clash(&r.cue) && !r.content.iter().any(clash) {
        r.source = vec![src];
    }
    r
}

/// `Reuters quoted a senior official as saying …`, `cited a witness as saying …`: who says is
/// the one quoted, not the outlet quoting (whose own attribution frames this one).
pub fn quoted_as_saying(v: &View, mut r: RawAttribution) -> RawAttribution {
    let c = r.cue.start;
    if r.cue.len() != 1 || c < 3 || v.toks[c - 1].lower != "as" {
        return r;
    }
    if !matches!(
        v.toks[c].lower.as_ref(),
        "saying" | "stating" | "telling" | "writing"
    ) {
        return r;
    }
    let sent = v.toks[c].sentence;
    let Some(verb) = (c.saturating_sub(14)..c - 1)
        .rev()
        .take_while(|&i| v.toks[i].sentence == sent)
        .find(|&i| matches!(v.toks[i].lemma.as_ref(), "quote" | "cite"))
    else {
        return r;
    };
    let (mut a, mut b) = (verb + 1, c - 1);
    while a < b && is_punct(v, a) {
        a += 1;
    }
    while b > a && is_punct(v, b - 1) {
        b -= 1;
    }
    if a < b {
        r.source = vec![a..b];
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

/// `notes that the Commission announced Friday that there was an issue`: a content that
/// stops mid-clause where an inner attribution's cue begins takes that attribution in
/// (its cue and its content after the cue); `Saltanov stated that his nation …, RFE/RL
/// reported`: a content that starts right after an inner cue starts with that attribution.
pub fn nest_inner(v: &View, raw: &mut [RawAttribution]) {
    let frames: Vec<(Range<usize>, Option<usize>)> = raw
        .iter()
        .map(|r| {
            let end = r
                .content
                .iter()
                .filter(|c| c.start >= r.cue.end)
                .map(|c| c.end)
                .max();
            // Starting at a source right before the cue instead measured worse on dev.
            (r.cue.clone(), end)
        })
        .collect();
    // The other direction: a content that starts right after an inner attribution's cue (or
    // its `that`) starts where that attribution does (its source right before the cue).
    let starts: Vec<(usize, usize)> = raw
        .iter()
        .map(|r| {
            let s = r
                .source
                .iter()
                .find(|s| s.end == r.cue.start)
                .map_or(r.cue.start, |s| s.start);
            (r.cue.end, s)
        })
        .collect();
    for r in raw.iter_mut() {
        let (cue, source) = (r.cue.clone(), r.source.clone());
        for p in r.content.iter_mut() {
            let inner = starts
                .iter()
                .find(|(e, _)| *e == p.start || (*e + 1 == p.start && v.toks[*e].lower == "that"));
            if let Some(&(_, s)) = inner {
                if s < p.start
                    && v.toks[s].sentence == v.toks[p.start].sentence
                    && (s..p.start)
                        .all(|i| !cue.contains(&i) && !source.iter().any(|x| x.contains(&i)))
                {
                    p.start = s;
                }
            }
        }
    }
    for r in raw.iter_mut() {
        let Some(k) = r.content.iter().position(|p| p.start >= r.cue.end) else {
            continue;
        };
        let p = r.content[k].clone();
        if p.end >= v.len() || is_punct(v, p.end - 1) {
            continue;
        }
        let Some((cue, Some(end))) = frames.iter().find(|(c, _)| c.start == p.end) else {
            continue;
        };
        let next = r.content.get(k + 1).map_or(usize::MAX, |n| n.start);
        if *end > cue.end && *end <= next && v.toks[*end - 1].sentence == v.toks[p.start].sentence {
            r.content[k].end = *end;
        }
    }
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

/// `said the timing was not intentional; they only learned on Friday …`, `… pardon Hillary
/// Clinton, who has not been charged`: a content after its cue ends before a semicolon, or
/// before a comma that opens a relative clause, a concession or a `but` clause (not a
/// relative clause inside the content's own subject: `his side, who are …, were …`).
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
            "which"
                | "who"
                | "whose"
                | "despite"
                | "although"
                | "though"
                | "especially"
                | "according"
                | "but"
        )
    };
    // (Participles, `(` and `—` as cut points measured no better on dev.)
    let k = (p.start + 1..p.end).find(|&i| {
        !v.toks[i].in_quote
            && (v.toks[i].lower == ";"
                || (v.toks[i].lower == ","
                    && i + 1 < p.end
                    && opens_clause(i + 1)
                    && !crate::relative::is_embedded(v, i + 1)))
    });
    if let Some(k) = k {
        p.end = k;
    }
    r
}

/// `The economy, the central bank said in its report, is likely to shrink`: a source and cue
/// set off by commas inside the sentence they report leave its opening words to the
/// content, which the tagger (reading on from the cue) often misses.
pub fn fronted_content(v: &View, mut r: RawAttribution, is_cue: &[bool]) -> RawAttribution {
    const MAX_FRONT: usize = 15;
    let (Some(first), false) = (r.content.first().cloned(), r.source.is_empty()) else {
        return r;
    };
    let (frame_start, frame_end) = frame(&r);
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
    }
    r
}

/// `The AP reported, citing local officials, that 12 people had died`: what `citing` cites is
/// the officials; the clause after them is what the frame before it reported.
pub fn citing_clause(v: &View, raw: &mut [RawAttribution]) {
    for k in 0..raw.len() {
        let c = raw[k].cue.clone();
        if c.len() != 1
            || c.start == 0
            || !matches!(v.toks[c.start].lower.as_ref(), "citing" | "quoting")
            || v.toks[c.start - 1].lower != ","
        {
            continue;
        }
        let Some(p) = raw[k].content.first().cloned().filter(|p| p.start == c.end) else {
            continue;
        };
        let Some(comma) = (p.start..p.end.saturating_sub(1))
            .find(|&i| v.toks[i].lower == "," && v.toks[i + 1].lower == "that")
        else {
            continue;
        };
        let sent = v.toks[c.start].sentence;
        // The frame: the nearest cue before, in the sentence, with nothing reported after it.
        let frame = (0..raw.len())
            .filter(|&j| {
                j != k
                    && raw[j].cue.end <= c.start
                    && v.toks[raw[j].cue.start].sentence == sent
                    && raw[j].content.iter().all(|q| q.end <= raw[j].cue.start)
            })
            .max_by_key(|&j| raw[j].cue.end);
        let Some(j) = frame else { continue };
        let clause = comma + 1..p.end;
        raw[k].content[0] = p.start..comma;
        raw[j].content.push(clause);
    }
}

/// `Customs … requires payment within 10 days, Reuters reported`: a source that takes in a
/// clause before a comma is only the name after it; the clause is what was reported.
pub fn clause_out_of_source(v: &View, mut r: RawAttribution) -> RawAttribution {
    const MAX_NAME: usize = 6;
    let [src] = r.source.as_slice() else {
        return r;
    };
    let src = src.clone();
    // (A source closing with a comma is an appositive's end: `MMO2, the operator …, Ireland
    // and Germany,`.)
    if src.end != r.cue.start || src.len() < 4 || !v.has_pos || is_punct(v, src.end - 1) {
        return r;
    }
    let Some(comma) = (src.start + 1..src.end - 1)
        .rev()
        .find(|&i| v.toks[i].lower == ",")
    else {
        return r;
    };
    // (A verb of the clause, not of a compound: `Delhi-based`.)
    let has_verb = (src.start..comma).any(|i| {
        matches!(v.toks[i].upos, Some("VERB")) && (i == 0 || !v.word(i - 1).ends_with('-'))
    });
    // (Not the last item of a list: `Energy, Environment and Water`.)
    let name_after = src.end - comma - 1 <= MAX_NAME
        && v.word(comma + 1).starts_with(|c: char| c.is_uppercase())
        && (comma + 1..src.end)
            .all(|i| !matches!(v.toks[i].upos, Some("VERB" | "AUX")) && v.toks[i].lower != "and");
    if has_verb
        && name_after
        && r.content
            .iter()
            .all(|p| p.end <= src.start || p.start >= r.cue.end)
    {
        r.source = vec![comma + 1..src.end];
        if r.content.is_empty() {
            r.content = vec![src.start..comma];
        }
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

/// `Ivanov declared that “…,” Corriere della Sera reported`: an inner content does not run
/// into the source of the frame that follows it. A content that ends right before another
/// attribution's cue stops where that attribution's source (right before its cue) begins.
/// (Stopping at any other attribution's source measured worse on dev: PolNeAR contents do
/// take in sources of attributions whose cue lies elsewhere.)
pub fn stop_at_other_sources(raw: &mut [RawAttribution]) {
    let others: Vec<(Range<usize>, Vec<Range<usize>>)> = raw
        .iter()
        .map(|r| (r.cue.clone(), r.source.clone()))
        .collect();
    for (k, r) in raw.iter_mut().enumerate() {
        for p in r.content.iter_mut() {
            let cut = others
                .iter()
                .enumerate()
                .filter(|(j, (cue, _))| *j != k && cue.start == p.end)
                .flat_map(|(_, (cue, sources))| sources.iter().filter(|s| s.end == cue.start))
                .filter(|s| s.start > p.start)
                .map(|s| s.start)
                .min();
            if let Some(end) = cut {
                p.end = end;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::raw;

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
    }

    #[test]
    fn citing_cites_the_source_and_the_frame_reports_the_clause() {
        let (doc, w) = crate::test_support::view_of(
            "The AP reported, citing local officials, that 12 people had died.",
        );
        let v = View::new(&doc);
        let pos = |x: &str| w.iter().position(|y| y == x).unwrap();
        let (reported, citing, that) = (pos("reported"), pos("citing"), pos("that"));
        let mut atts = vec![
            raw(reported..reported + 1, vec![0..reported], vec![]),
            raw(
                citing..citing + 1,
                vec![0..reported],
                vec![citing + 1..w.len() - 1],
            ),
        ];
        citing_clause(&v, &mut atts);
        assert_eq!(atts[1].content, vec![citing + 1..that - 1]);
        assert_eq!(atts[0].content, vec![that..w.len() - 1]);
    }

    #[test]
    fn a_clause_before_a_trailing_name_is_content_not_source() {
        let (doc, w) = crate::test_support::view_of(
            "Customs requires payment within 10 days, Reuters reported.",
        );
        let mut doc = doc;
        for (t, w) in doc.tokens.iter_mut().zip(&w) {
            t.upos = Some(if w == "requires" { "VERB" } else { "NOUN" }.into());
        }
        let v = View::new(&doc);
        let pos = |x: &str| w.iter().position(|y| y == x).unwrap();
        let (comma, reported) = (pos(","), pos("reported"));
        let r = clause_out_of_source(&v, raw(reported..reported + 1, vec![0..reported], vec![]));
        assert_eq!(
            (r.source, r.content),
            (vec![comma + 1..reported], vec![0..comma])
        );
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
    fn according_to_a_source_ends_at_the_comma_that_opens_the_content() {
        let (doc, w) =
            crate::test_support::view_of("According to Microsoft, nine out of 10 members played.");
        let v = View::new(&doc);
        let r = according_to_comma(&v, raw(0..2, vec![2..5], vec![5..w.len() - 1]));
        assert_eq!((r.source, r.content), (vec![2..3], vec![4..w.len() - 1]));
        // An appositive stays with the name.
        let (doc, w) = crate::test_support::view_of(
            "According to Richard Butler, the former head, weapons remained.",
        );
        let v = View::new(&doc);
        let raw = raw(0..2, vec![2..8], vec![8..w.len() - 1]);
        assert_eq!(according_to_comma(&v, raw.clone()), raw);
    }

    #[test]
    fn a_source_takes_its_modifiers_and_appositive() {
        // presidential candidate Gary Johnson , the Libertarian , said it
        let doc = crate::test_support::parsed(&[
            ("presidential", "ADJ", "amod", Some(1)),
            ("candidate", "NOUN", "compound", Some(3)),
            ("Gary", "PROPN", "compound", Some(3)),
            ("Johnson", "PROPN", "nsubj", Some(8)),
            (",", "PUNCT", "punct", Some(6)),
            ("the", "DET", "det", Some(6)),
            ("Libertarian", "PROPN", "appos", Some(3)),
            (",", "PUNCT", "punct", Some(6)),
            ("said", "VERB", "root", None),
            ("it", "PRON", "obj", Some(8)),
        ]);
        let v = View::new(&doc);
        let r = source_modifiers(&v, raw(8..9, vec![2..4], vec![9..10]));
        assert_eq!(r.source, vec![0..7]);
    }

    #[test]
    fn a_time_phrase_opening_a_source_is_not_part_of_it() {
        let cases = [
            (
                "The same day President George W. Bush demanded more.",
                "President",
            ),
            ("Last year, a street survey found more.", "a"),
            ("The Sunday Telegraph reported more.", "The"),
            ("Time Warner said more.", "Time"),
        ];
        for (text, first) in cases {
            let (doc, w) = crate::test_support::view_of(text);
            let v = View::new(&doc);
            let cue = w.len() - 3;
            let r = drop_leading_time(&v, raw(cue..cue + 1, vec![0..cue], vec![cue + 1..cue + 2]));
            assert_eq!(w[r.source[0].start], first, "{text}");
        }
    }

    #[test]
    fn a_dash_aside_is_part_of_the_source_not_the_content() {
        let (doc, w) = crate::test_support::view_of(
            "However, one of them, Gerry Conlon - who was wrongly convicted - said the \
             families were delighted.",
        );
        let v = View::new(&doc);
        let said = w.iter().position(|x| x == "said").unwrap();
        let who = w.iter().position(|x| x == "who").unwrap();
        let r = dash_aside_source(
            &v,
            raw(
                said..said + 1,
                vec![said - 1..said],
                vec![who..said - 1, said + 1..w.len() - 1],
            ),
        );
        let text = |r: &Range<usize>| {
            v.text[v.toks[r.start].span.start..v.toks[r.end - 1].span.end].to_string()
        };
        assert_eq!(
            text(&r.source[0]),
            "Gerry Conlon - who was wrongly convicted -"
        );
        assert_eq!(r.content.len(), 1);
        assert_eq!(text(&r.content[0]), "the families were delighted");
    }
    use crate::test_support::view_of;

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
    fn parenthetical_sources_keep_their_closing_comma() {
        let (doc, w) = view_of("Kerry, who lost in 2004, said he was a gentleman.");
        let v = View::new(&doc);
        let said = w.iter().position(|x| x == "said").unwrap();
        let r = raw(
            said..said + 1,
            vec![0..said - 1],
            vec![said + 1..w.len() - 1],
        );
        assert_eq!(source_commas(&v, r).source, vec![0..said]);
    }

    #[test]
    fn a_participle_cue_takes_the_subject_of_its_verb() {
        let (mut doc, w) = view_of("Trump spoke on Monday, promising to cut taxes.");
        let pos = |x: &str| w.iter().position(|y| y == x).unwrap() as u32;
        let (spoke, promising) = (pos("spoke"), pos("promising"));
        for (i, t) in doc.tokens.iter_mut().enumerate() {
            let (h, d) = match t.text.as_str() {
                "Trump" => (spoke, "nsubj"),
                "promising" => (spoke, "advcl"),
                "spoke" => (spoke, "root"),
                _ => (
                    if i as u32 > promising {
                        promising
                    } else {
                        spoke
                    },
                    "dep",
                ),
            };
            t.head = (t.text != "spoke").then_some(h);
            t.deprel = Some(d.into());
        }
        let v = View::new(&doc);
        let p = promising as usize;
        let r = raw(p..p + 1, vec![], vec![p + 1..w.len() - 1]);
        assert_eq!(controller_source(&v, r).source, vec![0..1]);
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
    fn a_content_cut_at_an_inner_cue_takes_the_inner_attribution_in() {
        let (doc, w) =
            view_of("Politifact notes that the Commission announced Friday that it erred.");
        let v = View::new(&doc);
        let pos = |x: &str| w.iter().position(|y| y == x).unwrap();
        let (notes, announced) = (pos("notes"), pos("announced"));
        let mut atts = vec![
            raw(notes..notes + 1, vec![0..1], vec![notes + 1..announced]),
            raw(
                announced..announced + 1,
                vec![pos("the")..announced],
                vec![pos("Friday") + 1..w.len() - 1],
            ),
        ];
        nest_inner(&v, &mut atts);
        assert_eq!(atts[0].content, vec![notes + 1..w.len() - 1]);
        assert_eq!(atts[1].content, vec![pos("Friday") + 1..w.len() - 1]);
        // A fronted outer content that starts after the inner `that`.
        let (doc, w) = view_of("Ivanov stated that he left, the radio reported.");
        let v = View::new(&doc);
        let pos = |x: &str| w.iter().position(|y| y == x).unwrap();
        let (stated, reported) = (pos("stated"), pos("reported"));
        let mut atts = vec![
            raw(stated..stated + 1, vec![0..1], vec![stated + 1..pos(",")]),
            raw(
                reported..reported + 1,
                vec![pos("the")..reported],
                vec![stated + 2..pos(",")],
            ),
        ];
        nest_inner(&v, &mut atts);
        assert_eq!(atts[1].content, vec![0..pos(",")]);
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
    fn an_inner_content_stops_at_the_next_frames_source() {
        // `Ivanov(0) declared(1) that(2) “(3) X(4) ,(5) ”(6) Corriere(7) della(8) Sera(9) reported(10)`
        let att = |cue: Range<usize>, source: Vec<Range<usize>>, content: Vec<Range<usize>>| {
            RawAttribution {
                cue,
                score: 0.0,
                source,
                content,
            }
        };
        let mut raw = vec![
            att(1..2, vec![0..1], vec![2..10]),
            att(10..11, vec![7..10], vec![0..7]),
        ];
        stop_at_other_sources(&mut raw);
        assert_eq!(raw[0].content, vec![2..7]);
        // The outer frame keeps its content: the inner source lies inside it with its cue.
        assert_eq!(raw[1].content, vec![0..7]);
    }
}
