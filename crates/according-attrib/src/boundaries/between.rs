//! Boundaries between attributions: an outer content takes its inner attribution in, a content
//! stops before the source of the frame that follows it, `citing` splits what is cited from
//! what is reported.

use super::is_punct;
use crate::tagging::RawAttribution;
use crate::view::View;
use std::ops::Range;

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
    // Where each attribution starts when its source comes right before its cue.
    let source_starts: Vec<Option<usize>> = raw
        .iter()
        .map(|r| {
            r.source
                .iter()
                .find(|s| s.end == r.cue.start)
                .map(|s| s.start)
        })
        .collect();
    // The other direction: a content that starts right after an inner attribution's cue (or
    // its `that`) starts where that attribution does (its source right before the cue).
    // A participle opening the sentence is no content of a frame that reports something after
    // itself (`Asked to describe the device, O'Neill said, "…"`: it tells how the speaker came
    // to speak; PolNeAR train: 1 of 93 such openers is content), unlike a gerund subject of
    // the content (`Asking firms to second-guess … would stifle innovation, it said`).
    let opens_with_participle = |r: &RawAttribution| {
        let t = &v.toks[r.cue.start];
        let first = r.cue.start == 0 || v.toks[r.cue.start - 1].sentence != t.sentence;
        first
            && r.source.is_empty()
            && t.upos == Some("VERB")
            && (t.lower.ends_with("ed") || t.lower.ends_with("ing"))
    };
    let starts: Vec<(usize, usize, bool)> = raw
        .iter()
        .map(|r| {
            // With no source right before the cue, a content piece there is where the inner
            // attribution starts (`Iraq is also suspected of …, according to a report`: the
            // subject of a hedged or raising cue is its content, and the outer frame's).
            let s = r
                .source
                .iter()
                .chain(r.content.iter())
                .find(|s| s.end == r.cue.start)
                .map_or(r.cue.start, |s| s.start);
            (
                r.cue.end,
                after_leading_time(v, s),
                opens_with_participle(r),
            )
        })
        .collect();
    // The attributions by where their cue ends, by where their cue starts, and by where their
    // source right before the cue starts: looked up, not searched, for each content piece
    // (searching was quadratic in a long document's attributions).
    let starts_by_end = index_by(starts.iter().map(|s| Some(s.0)));
    let frames_by_cue = index_by(frames.iter().map(|(c, _)| Some(c.start)));
    let frames_by_source = index_by(source_starts.iter().copied());
    for r in raw.iter_mut() {
        // (Only the source piece nearest the cue counts: the tagger may have taken the inner
        // source for a second piece of this one, `Clinton plans to visit …, according to an
        // aide`, and a piece taken into the content is dropped below.)
        let (cue, source) = (r.cue.clone(), r.nearest_source().cloned());
        let reports_after = r.content.iter().any(|p| p.start >= cue.end);
        for p in r.content.iter_mut() {
            // (`declared that “the civilized world …”`: the quote mark may come between.)
            let opens = |i: usize| v.toks[i].mark == crate::view::QuoteMark::Open;
            // The first attribution (in their order) whose cue ends there: one of those
            // ending at most two tokens before the piece.
            let inner = [2, 1, 0]
                .iter()
                .filter_map(|&d| p.start.checked_sub(d))
                .flat_map(|e| indexed(&starts_by_end, e))
                .filter(|&k| {
                    let (e, _, participle) = starts[k];
                    if participle && reports_after && p.end <= cue.start {
                        return false;
                    }
                    // A piece in an earlier sentence than this frame that another frame opens
                    // there is that frame's quotation (`He added: "…" But he said they would
                    // …`), no chain of this one.
                    if p.end <= cue.start && v.toks[p.start].sentence != v.toks[cue.start].sentence
                    {
                        return false;
                    }
                    e == p.start
                        || e + 1 == p.start && (v.toks[e].lower == "that" || opens(e))
                        || e + 2 == p.start && v.toks[e].lower == "that" && opens(e + 1)
                })
                .min()
                .map(|k| &starts[k]);
            if let Some(&(_, s, _)) = inner {
                if s < p.start
                    && v.toks[s].sentence == v.toks[p.start].sentence
                    && (s..p.start)
                        .all(|i| !cue.contains(&i) && !source.iter().any(|x| x.contains(&i)))
                {
                    p.start = s;
                }
            }
        }
        let content = &r.content;
        r.source
            .retain(|x| !content.iter().any(|c| c.start <= x.start && x.end <= c.end));
    }
    for r in raw.iter_mut() {
        let Some(k) = r.content.iter().position(|p| p.start >= r.cue.end) else {
            continue;
        };
        let p = r.content[k].clone();
        if p.end >= v.len() {
            continue;
        }
        // A content that ends with its `that` where an inner attribution's source begins
        // takes that attribution in (`effort … that Sanders said would make …`), and so does
        // a content ending in punctuation that holds the inner source (`said that the
        // advertisement “unmistakably and wrongfully” suggests that …`); any other ending in
        // punctuation is complete.
        let ends_with_that = v.toks[p.end - 1].lower == "that";
        let inner = indexed(&frames_by_cue, p.end)
            .chain(indexed(&frames_by_source, p.end))
            .filter(|&j| {
                let ((c, _), s) = (&frames[j], source_starts[j]);
                if c.start == p.end {
                    !is_punct(v, p.end - 1) || s.is_some_and(|s| p.contains(&s))
                } else {
                    ends_with_that && s == Some(p.end)
                }
            })
            .min();
        let Some((cue, Some(end))) = inner.map(|j| &frames[j]) else {
            continue;
        };
        let next = r.content.get(k + 1).map_or(usize::MAX, |n| n.start);
        if *end > cue.end && *end <= next && v.toks[*end - 1].sentence == v.toks[p.start].sentence {
            r.content[k].end = *end;
        }
    }
}

/// `(key, index)` of every item with a key, sorted.
fn index_by(keys: impl Iterator<Item = Option<usize>>) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = keys
        .enumerate()
        .filter_map(|(k, key)| key.map(|key| (key, k)))
        .collect();
    out.sort_unstable();
    out
}

/// The indices of the items of `index` (from [`index_by`]) whose key is `key`.
fn indexed(index: &[(usize, usize)], key: usize) -> impl Iterator<Item = usize> + '_ {
    let from = index.partition_point(|&(k, _)| k < key);
    index[from..]
        .iter()
        .take_while(move |&&(k, _)| k == key)
        .map(|&(_, i)| i)
}

/// `The same day President Bush demanded …, Russian officials were meeting …, according to
/// a report`: a bare time phrase opening the sentence right before the inner attribution
/// (no comma: `The same day` is no part of Bush's name, but of what the report says) is
/// where it starts for the outer frame.
fn after_leading_time(v: &View, s: usize) -> usize {
    let sent = &v.sentences[v.toks[s].sentence as usize];
    let words = sent.start..s;
    let bare_time = words.len() >= 2
        && words.clone().all(|i| {
            let w = v.toks[i].lower.as_ref();
            super::TIME_WORDS.contains(&w) || super::TIME_NOUNS.contains(&w)
        })
        && super::TIME_NOUNS.contains(&v.toks[s - 1].lower.as_ref());
    if bare_time {
        sent.start
    } else {
        s
    }
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

/// `According to the Financial Times, chief operating officer Peter Chernin said …`: the
/// source of `according to` that runs on past a comma into another attribution's source ends at
/// that comma (the words after it name who the inner attribution quotes). Only there: after a
/// name, what follows a comma is mostly an appositive (`Anthony Sebok, a professor at …`),
/// which the source keeps, even when a stray attribution starts inside it.
pub fn according_to_source_stops_at_other_sources(v: &View, raw: &mut [RawAttribution]) {
    let starts: Vec<(Range<usize>, usize)> = raw
        .iter()
        .flat_map(|r| r.source.iter().map(|s| (r.cue.clone(), s.start)))
        .collect();
    for r in raw.iter_mut() {
        if !super::is_according_to(v, &r.cue) {
            continue;
        }
        for s in r.source.iter_mut() {
            let cut = starts
                .iter()
                .filter(|(cue, start)| *cue != r.cue && s.start + 1 < *start && *start < s.end)
                .map(|(_, start)| *start)
                .filter(|&start| v.toks[start - 1].lower == ",")
                .min();
            if let Some(start) = cut {
                s.end = start - 1;
            }
        }
    }
}

/// `He told BBC Radio 4's Today programme: "No politician should …"`: a colon cue right after
/// a telling or saying cue's listener or topic (no verb or quotation mark between) is not a
/// frame of its own: what it introduces is that cue's content, and the colon's attribution
/// (whose source the tagger made of the listener's last word) goes.
pub fn colon_after_listener(v: &View, raw: &mut Vec<RawAttribution>) {
    const MAX_LISTENER: usize = 8;
    const TELLING: &[&str] = &[
        "tell", "say", "add", "explain", "write", "insist", "comment",
    ];
    let is_colon = |r: &RawAttribution| r.cue.len() == 1 && v.toks[r.cue.start].lower == ":";
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (k, colon) in raw.iter().enumerate().filter(|(_, r)| is_colon(r)) {
        let c = colon.cue.start;
        let quoted = v
            .toks
            .get(c + 1)
            .is_some_and(|t| t.mark == crate::view::QuoteMark::Open);
        if !quoted || colon.content.is_empty() {
            continue;
        }
        let teller = raw.iter().position(|q| {
            let listener = q.cue.end..c;
            !is_colon(q)
                && q.cue.end < c
                && c - q.cue.end <= MAX_LISTENER
                && TELLING.contains(&v.toks[q.cue.end - 1].lemma.as_ref())
                && v.toks[q.cue.start].sentence == v.toks[c].sentence
                && listener.clone().all(|i| {
                    let t = &v.toks[i];
                    !matches!(t.upos, Some("VERB" | "AUX"))
                        && t.mark == crate::view::QuoteMark::None
                })
        });
        if let Some(j) = teller {
            merged.push((j, k));
        }
    }
    let mut gone = vec![false; raw.len()];
    for &(j, k) in &merged {
        // (What the teller's content held past the colon stays: a quotation that goes on in
        // the next paragraph.)
        let colon = raw[k].cue.start;
        let mut pieces: Vec<Range<usize>> = raw[k]
            .content
            .iter()
            .chain(raw[j].content.iter().filter(|p| p.start > colon))
            .cloned()
            .collect();
        pieces.sort_by_key(|p| p.start);
        let mut content: Vec<Range<usize>> = Vec::new();
        for p in pieces {
            match content.last_mut() {
                Some(last) if p.start <= last.end => last.end = last.end.max(p.end),
                _ => content.push(p),
            }
        }
        raw[j].content = content;
        gone[k] = true;
    }
    let mut k = 0;
    raw.retain(|_| {
        k += 1;
        !gone[k - 1]
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{raw, view_of};

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
        // The tagger took the inner source for a second source piece of the outer frame.
        let (doc, w) = view_of("Clinton plans to visit on Sunday, according to an aide.");
        let v = View::new(&doc);
        let pos = |x: &str| w.iter().position(|y| y == x).unwrap();
        let (plans, according) = (pos("plans"), pos("according"));
        let mut atts = vec![
            raw(plans..plans + 1, vec![0..1], vec![plans + 1..according - 1]),
            raw(
                according..according + 2,
                vec![0..1, according + 2..w.len() - 1],
                vec![plans + 1..according - 1],
            ),
        ];
        nest_inner(&v, &mut atts);
        assert_eq!(atts[1].content, vec![0..according - 1]);
        assert_eq!(atts[1].source, vec![according + 2..w.len() - 1]);
        // A participle opening the sentence before a frame that reports a quotation stays out.
        let (mut doc, w) = view_of("Asked to describe it, O'Neill said, \"Not going into that.\"");
        doc.tokens[0].upos = Some("VERB".into());
        let v = View::new(&doc);
        let pos = |x: &str| w.iter().position(|y| y == x).unwrap();
        let (said, comma) = (pos("said"), pos(","));
        let quote = said + 2..w.len();
        let mut atts = vec![
            raw(0..1, vec![], vec![1..comma]),
            raw(
                said..said + 1,
                vec![said - 1..said],
                vec![1..comma, quote.clone()],
            ),
        ];
        nest_inner(&v, &mut atts);
        assert_eq!(atts[1].content, vec![1..comma, quote]);
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

    #[test]
    fn a_content_holding_the_inner_source_takes_the_inner_attribution_in() {
        let text = "Holm said that the ad “plainly” suggests that police back Trump.";
        let (doc, w) = view_of(text);
        let v = View::new(&doc);
        let pos = |x: &str| w.iter().position(|y| y == x).unwrap();
        let (said, suggests) = (pos("said"), pos("suggests"));
        let end = w.len() - 1;
        let mut atts = vec![
            raw(said..said + 1, vec![0..1], vec![said + 1..suggests]),
            raw(
                suggests..suggests + 1,
                vec![pos("the")..suggests],
                vec![suggests + 1..end],
            ),
        ];
        nest_inner(&v, &mut atts);
        assert_eq!(atts[0].content, vec![said + 1..end]);
        // A content ending with its `that` where the inner source begins.
        let (doc, w) = view_of("He slammed an effort that Sanders said would fail.");
        let v = View::new(&doc);
        let pos = |x: &str| w.iter().position(|y| y == x).unwrap();
        let (slammed, said) = (pos("slammed"), pos("said"));
        let end = w.len() - 1;
        let mut atts = vec![
            raw(
                slammed..slammed + 1,
                vec![0..1],
                vec![slammed + 1..said - 1],
            ),
            raw(said..said + 1, vec![said - 1..said], vec![said + 1..end]),
        ];
        nest_inner(&v, &mut atts);
        assert_eq!(atts[0].content, vec![slammed + 1..end]);
    }
}
