//! Rules that complete what the taggers leave empty, where the sentence's shape is plain:
//!
//! - a cue followed by `that` with no content found: the content is the `that` clause to the
//!   sentence end (`denied that – outside of … – there was any conclusive evidence …`);
//! - a reporting frame set off by a comma with no content: closing the sentence (`The Council
//!   later came to the same conclusion, Butler noted.`, `…, said the MDA.`), the content is
//!   the sentence before the comma; going on after another comma, the clause before it, the
//!   subject before and predicate after it, or the clause after a verbless opener;
//! - a nominal report cue the cue tagger missed: `X carried a report that …`,
//!   `X published a story that …` (source the subject, content the `that` clause).
//!
//! - a source that is only the name inside `police in the Czech Republic`, `officials of
//!   the ministry`: it widens to the common noun the name modifies.
//!
//! Each rule fires only on an empty slot or a source of that exact shape, so what the learned
//! taggers found is otherwise kept.

#![allow(clippy::single_range_in_vec_init)] // one-piece spans are what we mean here

use crate::tagging::RawAttribution;
use crate::view::{QuoteMark, View};
use std::ops::Range;

/// Verbs that carry a report in `X carried a report that …`.
const CARRY_VERBS: &[&str] = &[
    "carried",
    "carries",
    "published",
    "publishes",
    "ran",
    "runs",
    "aired",
    "airs",
    "broadcast",
    "broadcasts",
    "printed",
    "prints",
];

/// Nouns for a report in `X carried a report that …`.
const REPORT_NOUNS: &[&str] = &[
    "report",
    "story",
    "article",
    "piece",
    "interview",
    "statement",
    "dispatch",
    "claim",
];

/// End of the sentence of token `i`, without its closing punctuation (and closing quotes);
/// the document's end for `i` past its last token (the end of a cue that closes it).
pub(crate) fn sentence_body_end(v: &View, i: usize) -> usize {
    let Some(t) = v.toks.get(i) else {
        return v.len();
    };
    let s = t.sentence;
    let mut e = i;
    while e < v.len() && v.toks[e].sentence == s {
        e += 1;
    }
    while e > i && matches!(v.word(e - 1), "." | "!" | "?" | "”" | "\"" | "’") {
        e -= 1;
    }
    e
}

pub(crate) fn sentence_start(v: &View, i: usize) -> usize {
    let s = v.toks[i].sentence;
    let mut b = i;
    while b > 0 && v.toks[b - 1].sentence == s {
        b -= 1;
    }
    b
}

/// Fill an empty content from the sentence's shape (see the module docs).
pub fn complete_content(v: &View, mut r: RawAttribution) -> RawAttribution {
    if r.cue.end >= v.len() {
        return r;
    }
    // `denied that – outside of the Taliban regime – there was …`: a content that is only the
    // `that` (the tagger stopped at the aside) is no content yet.
    let only_that = matches!(r.content.as_slice(), [c] if *c == (r.cue.end..r.cue.end + 1))
        && v.toks[r.cue.end].lower == "that";
    if !r.content.is_empty() && !only_that {
        return r;
    }
    let next = r.cue.end;
    if v.toks[next].lower == "that" && v.toks[next].sentence == v.toks[r.cue.start].sentence {
        let end = sentence_body_end(v, next);
        if end > next + 1 {
            r.content = vec![next..end];
        }
        return r;
    }
    // `…, Butler noted.`, `…, said the MDA.`: a frame after a comma closes the sentence, or a
    // clause that goes on after another comma (`…, said Mr Fogg, who also expected …`). The
    // source is the piece right before the cue or right after it (a second piece the tagger
    // made of the clause, `The release of the Mac mini fit | he said`, goes).
    let start = sentence_start(v, r.cue.start);
    let before = r.source.iter().find(|s| s.end == r.cue.start).cloned();
    let after = r.source.iter().find(|s| s.start == r.cue.end).cloned();
    let Some(mut src) = before.clone().or(after.clone()) else {
        return r;
    };
    let frame_end = if before.is_some() { r.cue.end } else { src.end };
    let body_end = sentence_body_end(v, r.cue.start);
    let closes = body_end == frame_end;
    let goes_on = !closes
        && v.toks.get(frame_end).is_some_and(|t| t.lower == ",")
        && frame_end + 1 < body_end;
    if !closes && !goes_on {
        return r;
    }
    // `…, one of the world's leading credit rating agencies says.`: the source takes in the
    // words of number before it.
    if before.is_some() {
        while src.start > start + 3
            && matches!(
                v.toks[src.start - 1].lower.as_ref(),
                "one" | "of" | "some" | "many" | "several" | "two" | "three" | "each" | "most"
            )
        {
            src.start -= 1;
        }
    }
    let frame_start = src.start.min(r.cue.start);
    // (Something before the comma: a clause, or for a frame the sentence goes on after, at
    // least an opener.)
    let least = if closes { start + 2 } else { start + 1 };
    if frame_start <= least || v.word(frame_start - 1) != "," {
        return r;
    }
    let clause = start..frame_start - 1;
    // (Quotations have rules of their own, over sentences: `"… He hates them. He's trying to
    // kill them," Hewitt said, according to a transcript`; only a frame closing the sentence
    // after its source takes a quotation's words here: `… showed a "post-Christmas lull" in
    // January, lenders have said.`)
    let quoted = clause
        .clone()
        .any(|i| v.toks[i].mark != QuoteMark::None || v.toks[i].in_quote);
    if quoted && !(closes && before.is_some()) {
        return r;
    }
    if closes {
        r.content = vec![clause];
        r.source = vec![src];
        return r;
    }
    // Going on after another comma: `…, said Mr Fogg, who also expected …` reports the clause
    // before; `The Peter Hain attack, he says, is just …`, `the prime minister who, he claims,
    // is "ramming" …` a subject before and a predicate after; `Already, he said, PC owning
    // friends had declared …` the clause after a verbless opener.
    let rest = frame_end + 1..body_end;
    let predicate = matches!(v.toks[rest.start].upos, Some("VERB" | "AUX"))
        && !v.toks[rest.start].lower.ends_with("ing");
    let content = if predicate {
        vec![clause, rest]
    } else if crate::claims::has_verb(v, &clause) {
        vec![clause]
    } else if crate::claims::has_verb(v, &rest) && v.toks[rest.start].mark == QuoteMark::None {
        vec![rest]
    } else {
        return r;
    };
    r.content = content;
    r.source = vec![src];
    r
}

/// A source that is the object of `in`/`of`/`from`/`at` after a common noun (`police in the
/// Czech Republic`): the noun phrase it belongs to is the source.
pub fn widen_source_to_head(v: &View, mut r: RawAttribution) -> RawAttribution {
    let [src] = r.source.as_slice() else {
        return r;
    };
    let named = src
        .clone()
        .all(|i| v.word(i).starts_with(|c: char| c.is_uppercase()) || v.toks[i].lower == "the");
    let mut k = src.start;
    if k > 0 && matches!(v.toks[k - 1].lower.as_ref(), "the" | "a" | "an") {
        k -= 1;
    }
    if !named
        || k < 2
        || v.toks[k - 1].sentence != v.toks[src.start].sentence
        || !matches!(v.toks[k - 1].lower.as_ref(), "in" | "of" | "from" | "at")
        || v.toks[k - 2].upos != Some("NOUN")
        || v.word(k - 2).starts_with(|c: char| c.is_uppercase()) && k - 2 > 0
    {
        return r;
    }
    // The noun phrase: the noun with its determiners, adjectives and compounds before it.
    let mut start = k - 2;
    while start > 0
        && v.toks[start - 1].sentence == v.toks[k].sentence
        && matches!(v.toks[start - 1].upos, Some("ADJ" | "DET" | "NOUN" | "NUM"))
    {
        start -= 1;
    }
    let wide = start..src.end;
    if r.content
        .iter()
        .any(|c| c.start < wide.end && wide.start < c.end)
        || wide.len() > 12
    {
        return r;
    }
    r.source = vec![wide];
    r
}

/// A source cut inside a name written with a joining mark (`…, Radio Free Europe/Radio
/// Liberty reported` labelled `/Radio Liberty`): the whole name is the source. The mark is
/// written without spaces, between capitalised words.
pub fn widen_over_joined_name(v: &View, mut r: RawAttribution) -> RawAttribution {
    let [src] = r.source.as_slice() else {
        return r;
    };
    let joined = |i: usize| {
        i > 0
            && i + 1 < v.len()
            && matches!(v.word(i), "/" | "&" | "-")
            && v.toks[i - 1].span.end == v.toks[i].span.start
            && v.toks[i].span.end == v.toks[i + 1].span.start
            && v.word(i - 1).starts_with(|c: char| c.is_uppercase())
            && v.word(i + 1).starts_with(|c: char| c.is_uppercase())
    };
    // The mark opens the source, or sits right before it.
    let mark = if joined(src.start) {
        src.start
    } else if src.start > 0 && joined(src.start - 1) {
        src.start - 1
    } else {
        return r;
    };
    let sentence = v.toks[src.start].sentence;
    let mut start = mark - 1;
    while start > 0
        && v.toks[start - 1].sentence == sentence
        && v.word(start - 1).starts_with(|c: char| c.is_uppercase())
    {
        start -= 1;
    }
    let wide = start..src.end;
    if r.cue.start < wide.end && wide.start < r.cue.end {
        return r;
    }
    // The content may have taken the name's first half (`… with Iraq, Radio Free Europe`):
    // it gives it back, with the comma before it.
    let mut content = r.content.clone();
    for c in &mut content {
        if c.end == mark && c.start < start {
            c.end = start;
            while c.end > c.start && matches!(v.word(c.end - 1), "," | ";" | "-" | "–" | "—") {
                c.end -= 1;
            }
        }
    }
    if content
        .iter()
        .any(|c| c.start < wide.end && wide.start < c.end)
    {
        return r;
    }
    r.content = content;
    r.source = vec![wide];
    r
}

/// Reporting verbs that close a quotation's frame (`“…,” Corriere della Sera reported.`).
const FRAME_VERBS: &[&str] = &[
    "said",
    "says",
    "reported",
    "reports",
    "added",
    "adds",
    "told",
    "wrote",
    "writes",
    "announced",
    "stated",
    "declared",
    "explained",
    "noted",
    "insisted",
    "claimed",
    "warned",
    "argued",
    "continued",
    "concluded",
    "recalled",
    "asked",
];

/// Words inside a name besides capitalised ones (`Corriere della Sera`, `Radio Free
/// Europe/Radio Liberty`).
const NAME_JOINERS: &[&str] = &[
    "della", "de", "di", "del", "da", "van", "von", "der", "of", "the", "al", "la", "le", "/", "&",
    "-",
];

/// `“…,” Corriere della Sera reported.`, `“…,” said Mr Rubio.`: a quotation closed after a
/// comma, then a speaker's name and a reporting verb ending the sentence. Every reader sees
/// this frame; the cue tagger, which weighs the parse, sometimes does not.
pub fn find_trailing_frames(v: &View, tagged: &[RawAttribution]) -> Vec<RawAttribution> {
    use crate::view::QuoteMark;
    let mut out = Vec::new();
    let is_verb = |k: usize| FRAME_VERBS.contains(&v.toks[k].lower.as_ref());
    let name_run = |a: usize, b: usize| {
        (1..=6).contains(&(b - a))
            && (v.word(a).starts_with(|c: char| c.is_uppercase())
                || b - a == 1 && matches!(v.toks[a].lower.as_ref(), "he" | "she" | "they"))
            && (a..b).all(|k| {
                v.word(k).starts_with(|c: char| c.is_uppercase())
                    || NAME_JOINERS.contains(&v.toks[k].lower.as_ref())
            })
    };
    for i in 1..v.len() {
        if v.toks[i].mark != QuoteMark::Close || v.word(i - 1) != "," {
            continue;
        }
        let s = v.toks[i].sentence;
        let end = (i + 1..v.len())
            .find(|&k| v.toks[k].sentence != s)
            .unwrap_or(v.len());
        // The frame runs to the sentence's end (its full stop aside).
        let last = if end > i + 1 && matches!(v.word(end - 1), "." | "!" | "?") {
            end - 1
        } else {
            end
        };
        if last <= i + 2 {
            continue;
        }
        let (cue, source) = if is_verb(last - 1) && name_run(i + 1, last - 1) {
            (last - 1..last, i + 1..last - 1)
        } else if is_verb(i + 1) && name_run(i + 2, last) {
            (i + 1..i + 2, i + 2..last)
        } else {
            continue;
        };
        if cue_taken(tagged, &cue) {
            continue;
        }
        // What was said: the quotation with whatever frames it inside its sentence
        // (`Ivanov declared that “…,”`), from the sentence of its opening mark.
        let open = (0..i)
            .rev()
            .take_while(|&k| v.toks[k].sentence + 3 >= s)
            .find(|&k| v.toks[k].mark == QuoteMark::Open);
        let start = sentence_start(v, open.unwrap_or(i));
        out.push(RawAttribution {
            cue,
            score: crate::patterns::PATTERN_SCORE,
            source: vec![source],
            content: vec![start..i + 1],
        });
    }
    out
}

/// Contents that ran on over a trailing frame found by [`find_trailing_frames`] (`Ivanov
/// declared that “…,” Corriere della Sera reported`) stop where the frame begins.
pub fn stop_at_frames(raw: &mut [RawAttribution], frames: &[RawAttribution]) {
    for f in frames {
        let begin = f
            .cue
            .start
            .min(f.source.first().map_or(f.cue.start, |s| s.start));
        for r in raw.iter_mut().filter(|r| r.cue != f.cue) {
            for p in r.content.iter_mut() {
                if p.start < begin && begin < p.end {
                    p.end = begin;
                }
            }
        }
    }
}

/// A content does not end with the comma that closes it off from its frame (`… ties with
/// Iraq, Radio Free Europe/Radio Liberty reported`).
pub fn content_without_closing_comma(v: &View, mut r: RawAttribution) -> RawAttribution {
    for c in &mut r.content {
        while c.len() > 1 && v.word(c.end - 1) == "," {
            c.end -= 1;
        }
    }
    r
}

/// `… an 'intentional act.'`: a content that stops before a full stop which a closing
/// quotation mark follows ends with both, as quoted words keep their own full stop (PolNeAR
/// train: 3,270 of 3,390 such contents do; without the quotation mark 84 of 8,395).
pub fn full_stop_inside_quote(v: &View, mut r: RawAttribution) -> RawAttribution {
    for c in &mut r.content {
        let e = c.end;
        // (Right after the stop: not a stray mark opening the next paragraph.)
        let closes = |i: usize| {
            v.toks.get(i).is_some_and(|t| {
                t.mark == QuoteMark::Close && t.span.start == v.toks[i - 1].span.end
            })
        };
        if e + 1 < v.len() && matches!(v.word(e), "." | "?" | "!") && closes(e + 1) {
            c.end = e + 2;
        }
    }
    r
}

/// `Oversight Chairman Jason Chaffetz (R-Utah`, `1bn Swiss francs ($861m`: a source or content
/// piece that opens a bracket it does not close goes on to the close, when that comes soon in
/// the same sentence with nothing of this attribution's on the way.
pub fn close_brackets(v: &View, mut r: RawAttribution) -> RawAttribution {
    const MAX_AFTER: usize = 8;
    let open = |p: &Range<usize>| {
        p.clone()
            .map(|i| crate::boundaries::bracket_depth(v, i))
            .sum::<i32>()
            > 0
    };
    // (Most attributions open no bracket: nothing to collect.)
    if !r.source.iter().chain(&r.content).any(open) {
        return r;
    }
    let cue = r.cue.clone();
    let taken: Vec<Range<usize>> = r.source.iter().chain(&r.content).cloned().collect();
    let close = |p: &Range<usize>| -> Option<usize> {
        if !open(p) {
            return None;
        }
        let sentence = v.toks[p.end - 1].sentence;
        (p.end..v.len().min(p.end + MAX_AFTER))
            .take_while(|&i| {
                v.toks[i].sentence == sentence
                    && !cue.contains(&i)
                    && !taken.iter().any(|t| t.contains(&i))
                    && !matches!(v.toks[i].lower.as_ref(), "(" | "[")
            })
            .find(|&i| matches!(v.toks[i].lower.as_ref(), ")" | "]"))
            .map(|i| i + 1)
    };
    for p in r.source.iter_mut().chain(r.content.iter_mut()) {
        if let Some(end) = close(p) {
            p.end = end;
        }
    }
    r
}

/// `election-night coverage`: the tokenizer splits a hyphenated word (as UD does), and a
/// tagger may stop at the hyphen; a source or content piece never ends or starts inside
/// such a word (a hyphen with no space on either side).
pub fn whole_hyphenated_words(v: &View, raw: &mut [RawAttribution]) {
    let joins = |h: usize| {
        h > 0
            && h + 1 < v.len()
            && v.word(h) == "-"
            && v.toks[h - 1].span.end == v.toks[h].span.start
            && v.toks[h].span.end == v.toks[h + 1].span.start
    };
    for p in raw
        .iter_mut()
        .flat_map(|r| r.source.iter_mut().chain(r.content.iter_mut()))
    {
        while p.end < v.len() && joins(p.end) {
            p.end += 2;
        }
        while p.start >= 2 && joins(p.start - 1) {
            p.start -= 2;
        }
    }
}

/// `… a ballooning trade deficit and`: a content piece does not end with the `and`, `but` or
/// `or` that joins it to what comes next (PolNeAR train: 9 of 23,288 pieces do), nor with a
/// bracket or quotation mark that opens what comes next. Run last: a content that ends right
/// before another attribution's cue after `and` takes that attribution in first (`are
/// looking to lessen the load and are hoping …`).
pub fn drop_dangling_ends(v: &View, raw: &mut [RawAttribution]) {
    for c in raw.iter_mut().flat_map(|r| r.content.iter_mut()) {
        while c.len() > 1 && {
            let t = &v.toks[c.end - 1];
            t.mark == QuoteMark::Open
                || matches!(t.lower.as_ref(), "(" | "[")
                || matches!(t.lower.as_ref(), "and" | "but" | "or" | ",") && !t.in_quote
        } {
            c.end -= 1;
        }
    }
}

/// Some attribution in `tagged` already has a cue overlapping `cue`.
pub(crate) fn cue_taken(tagged: &[RawAttribution], cue: &Range<usize>) -> bool {
    tagged
        .iter()
        .any(|t| t.cue.start < cue.end && cue.start < t.cue.end)
}

/// `X carried a report that …` and its kin, where the cue tagger found no cue on the verb.
pub fn find_report_cues(v: &View, tagged: &[RawAttribution]) -> Vec<RawAttribution> {
    let mut out = Vec::new();
    for i in 1..v.len() {
        // (`that` two or three words on first: one comparison rules out most tokens.)
        let that_at = |k: usize| v.toks.get(k).is_some_and(|t| t.lower == "that");
        if !(that_at(i + 2) || that_at(i + 3)) || !CARRY_VERBS.contains(&v.toks[i].lower.as_ref()) {
            continue;
        }
        let mut j = i + 1;
        if j < v.len() && matches!(v.toks[j].lower.as_ref(), "a" | "an" | "the") {
            j += 1;
        }
        if j + 1 >= v.len()
            || !REPORT_NOUNS.contains(&v.toks[j].lower.as_ref())
            || v.toks[j + 1].lower != "that"
        {
            continue;
        }
        let cue: Range<usize> = i..j + 1;
        if cue_taken(tagged, &cue) {
            continue;
        }
        // The subject: from the sentence start (or the last comma) to the verb, a short
        // phrase opening with a capital (a named outlet or person).
        let s0 = sentence_start(v, i);
        let sub_start = (s0..i)
            .rev()
            .find(|&k| v.word(k) == ",")
            .map_or(s0, |k| k + 1);
        let subject: Range<usize> = sub_start..i;
        if subject.is_empty()
            || subject.len() > 8
            || !v
                .word(subject.start)
                .starts_with(|c: char| c.is_uppercase())
        {
            continue;
        }
        let end = sentence_body_end(v, j + 1);
        if end <= j + 2 {
            continue;
        }
        out.push(RawAttribution {
            cue,
            score: crate::patterns::PATTERN_SCORE,
            source: vec![subject],
            content: vec![j + 1..end],
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::raw;
    use crate::test_support::view_of;

    #[test]
    fn a_piece_holds_whole_hyphenated_words() {
        let (doc, w) = view_of("He said he would host the election-night coverage - live.");
        let v = View::new(&doc);
        let at = |x: &str| w.iter().position(|y| y == x).unwrap();
        let (election, night) = (at("election"), at("night"));
        let mut raws = vec![raw(1..2, vec![0..1], vec![2..election + 1])];
        whole_hyphenated_words(&v, &mut raws);
        assert_eq!(raws[0].content, vec![2..night + 1]);
        // A dash with spaces around it is no hyphen.
        let coverage = at("coverage");
        let mut raws = vec![raw(1..2, vec![0..1], vec![2..coverage + 1])];
        whole_hyphenated_words(&v, &mut raws);
        assert_eq!(raws[0].content, vec![2..coverage + 1]);
    }

    #[test]
    fn a_piece_does_not_end_with_its_conjunction() {
        let (doc, w) = view_of("Doom 3 was developed over four years and is thought to cost $15m.");
        let v = View::new(&doc);
        let and = w.iter().position(|x| x == "and").unwrap();
        let mut raw = vec![raw(and + 1..and + 4, vec![], vec![0..and + 1])];
        drop_dangling_ends(&v, &mut raw);
        assert_eq!(raw[0].content, vec![0..and]);
    }

    #[test]
    fn an_opened_bracket_closes_in_its_piece() {
        let (doc, w) = view_of("Rep. Jason Chaffetz (R-Utah) said it cost $10bn (£5bn) in all.");
        let v = View::new(&doc);
        let at = |x: &str, from: usize| from + w[from..].iter().position(|y| y == x).unwrap();
        let said = at("said", 0);
        let (close1, open2) = (at(")", 0), at("(", said));
        let close2 = at(")", open2);
        let r = raw(said..said + 1, vec![0..close1], vec![said + 1..close2]);
        let r = close_brackets(&v, r);
        assert_eq!(r.source, vec![0..close1 + 1]);
        assert_eq!(r.content, vec![said + 1..close2 + 1]);
    }

    #[test]
    fn quoted_words_keep_their_full_stop() {
        let (doc, w) = view_of("He called it an \"intentional act.\" Police agreed.");
        let v = View::new(&doc);
        let act = w.iter().position(|x| x == "act").unwrap();
        let r = full_stop_inside_quote(&v, raw(1..2, vec![0..1], vec![2..act + 1]));
        assert_eq!(r.content, vec![2..act + 3]);
        // A stop with no quotation mark after it stays out.
        let (doc, w) = view_of("He called it an intentional act. Police agreed.");
        let v = View::new(&doc);
        let act = w.iter().position(|x| x == "act").unwrap();
        let r = raw(1..2, vec![0..1], vec![2..act + 1]);
        assert_eq!(full_stop_inside_quote(&v, r.clone()), r);
    }

    fn text(v: &View, r: &Range<usize>) -> String {
        v.text[v.toks[r.start].span.start..v.toks[r.end - 1].span.end].to_string()
    }

    #[test]
    fn fills_that_clauses_and_fronted_contents() {
        let (doc, w) = view_of(
            "Ivanov denied that – outside Afghanistan – there was any evidence. \
             The Council later came to the same conclusion, Butler noted.",
        );
        let v = View::new(&doc);
        let denied = w.iter().position(|x| x == "denied").unwrap();
        let r = complete_content(&v, raw(denied..denied + 1, vec![0..1], vec![]));
        assert_eq!(
            text(&v, &r.content[0]),
            "that – outside Afghanistan – there was any evidence"
        );
        let noted = w.iter().position(|x| x == "noted").unwrap();
        let r = complete_content(&v, raw(noted..noted + 1, vec![noted - 1..noted], vec![]));
        assert_eq!(
            text(&v, &r.content[0]),
            "The Council later came to the same conclusion"
        );
        // The source takes in `one of` before it.
        let (doc, w) =
            view_of("Russian debt is no longer risky, one of the leading rating agencies says.");
        let v = View::new(&doc);
        let says = w.iter().position(|x| x == "says").unwrap();
        let the = w.iter().position(|x| x == "the").unwrap();
        let r = complete_content(&v, raw(says..says + 1, vec![the..says], vec![]));
        assert_eq!(text(&v, &r.content[0]), "Russian debt is no longer risky");
        assert_eq!(text(&v, &r.source[0]), "one of the leading rating agencies");
    }

    #[test]
    fn fills_the_clause_around_a_frame_set_off_by_commas() {
        // (`source`: the source's first word and its length in tokens.)
        let fill = |sentence: &str, cue: &str, source: (&str, usize)| {
            let (mut doc, w) = view_of(sentence);
            for t in &mut doc.tokens {
                let verb = [
                    "set", "said", "expected", "has", "done", "is", "says", "had", "declared",
                ];
                t.upos = Some(
                    if verb.contains(&t.text.as_str()) {
                        "VERB"
                    } else {
                        "NOUN"
                    }
                    .into(),
                );
            }
            let v = View::new(&doc);
            let c = w.iter().position(|x| x == cue).unwrap();
            let s = w.iter().position(|x| x == source.0).unwrap();
            let r = complete_content(&v, raw(c..c + 1, vec![s..s + source.1], vec![]));
            (
                r.content.iter().map(|p| text(&v, p)).collect::<Vec<_>>(),
                r.source.iter().map(|p| text(&v, p)).collect::<Vec<_>>(),
            )
        };
        // The frame after the clause, the sentence going on after it.
        let (content, source) = fill(
            "Texting is set to grow, said the MDA, with forecasts of more.",
            "said",
            ("the", 2),
        );
        assert_eq!(content, ["Texting is set to grow"]);
        assert_eq!(source, ["the MDA"]);
        // A subject before and a predicate after.
        let (content, _) = fill(
            "The attack, he says, is just the latest example.",
            "says",
            ("he", 1),
        );
        assert_eq!(content, ["The attack", "is just the latest example"]);
        // A verbless opener before: the clause after.
        let (content, _) = fill(
            "Already, he said, friends had declared it.",
            "said",
            ("he", 1),
        );
        assert_eq!(content, ["friends had declared it"]);
    }

    #[test]
    fn widens_a_place_to_the_noun_it_modifies() {
        let (mut doc, w) =
            view_of("In October, police in the Czech Republic verified that he met them.");
        // The rule reads POS tags: give the few it needs.
        for t in &mut doc.tokens {
            t.upos = Some(if t.text == "police" { "NOUN" } else { "PROPN" }.into());
        }
        let v = View::new(&doc);
        let czech = w.iter().position(|x| x == "Czech").unwrap();
        let verified = w.iter().position(|x| x == "verified").unwrap();
        let r = widen_source_to_head(
            &v,
            raw(verified..verified + 1, vec![czech..czech + 2], vec![]),
        );
        assert_eq!(text(&v, &r.source[0]), "police in the Czech Republic");
    }

    #[test]
    fn finds_carried_a_report() {
        let (doc, _) = view_of(
            "The British Broadcasting Corporation carried a report that Iraqi intelligence \
             operated a secret base. He carried a box that was heavy.",
        );
        let v = View::new(&doc);
        let found = find_report_cues(&v, &[]);
        assert_eq!(found.len(), 1);
        let f = &found[0];
        assert_eq!(text(&v, &f.cue), "carried a report");
        assert_eq!(
            text(&v, &f.source[0]),
            "The British Broadcasting Corporation"
        );
        assert_eq!(
            text(&v, &f.content[0]),
            "that Iraqi intelligence operated a secret base"
        );
    }
}
