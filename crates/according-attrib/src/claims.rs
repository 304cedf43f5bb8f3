//! Which attribution a quotation belongs to. The role tagger labels each cue's window on its
//! own, so two cues can both take one quotation; these rules give it to one:
//! - a colon cue claims the quotation it introduces (`He added: "…" The firm reported …`);
//! - a cue closing a quotation claims it (`"…," she said`), not an earlier cue that ran on;
//! - a quotation going on after a cue and ending its sentence stays with that cue, not a cue in
//!   the next sentence (`"…," he said. "…." Shearer said he was unsure`), and a quotation
//!   opening the next sentence of the paragraph goes on with it;
//! - a piece before a frame that an earlier attribution reports is not this frame's.
//!
//! A claimed quotation is taken out of the other attributions' contents, except one it sits
//! inside (an outer frame whose content holds the owner's cue) and one whose cue it holds (an
//! attribution inside the quotation).

use crate::tagging::RawAttribution;
use crate::view::{QuoteMark, View};
use std::ops::Range;

/// How far after a cue its colon may come (tokens).
const COLON_REACH: usize = 8;

/// The quotation (opening to closing mark, inclusive) that the cue `cue` introduces with a
/// colon (`said: "…"`, `said : "…"`), if any. A quotation reopened mid-way (`… portfolio.
/// "Our businesses …"`) runs to the first closing mark; it must close in the same paragraph.
pub fn colon_quote(v: &View, cue: &Range<usize>) -> Option<Range<usize>> {
    let colon = if v.toks[cue.end - 1].lower == ":" {
        cue.end - 1
    } else {
        // `said:`, or after a few words saying to whom, when or where (`told The Times:`,
        // `said after the 4-0 win:`), with no verb among them.
        let sentence = v.toks[cue.end - 1].sentence;
        (cue.end..v.len().min(cue.end + COLON_REACH))
            .take_while(|&i| {
                let t = &v.toks[i];
                t.sentence == sentence
                    && t.mark == QuoteMark::None
                    && !matches!(t.upos, Some("VERB" | "AUX"))
                    && (t.lower == ":" || !t.lower.starts_with(|c: char| c.is_ascii_punctuation()))
            })
            .find(|&i| v.toks[i].lower == ":")?
    };
    quotation_at(v, colon + 1)
}

/// The quotation opening at token `open`, to the first closing mark in its paragraph
/// (inclusive).
fn quotation_at(v: &View, open: usize) -> Option<Range<usize>> {
    let t = v.toks.get(open)?;
    if t.mark != QuoteMark::Open {
        return None;
    }
    let close = (open + 1..v.len())
        .take_while(|&k| v.toks[k].paragraph == t.paragraph)
        .find(|&k| v.toks[k].mark == QuoteMark::Close)?;
    Some(open..close + 1)
}

/// The closing mark of a content piece that ends a quotation: its last token, or the one right
/// after it (a piece may leave the mark out).
fn closing_mark(v: &View, p: &Range<usize>) -> Option<usize> {
    if v.toks[p.end - 1].mark == QuoteMark::Close {
        Some(p.end - 1)
    } else {
        v.toks
            .get(p.end)
            .is_some_and(|t| t.mark == QuoteMark::Close)
            .then_some(p.end)
    }
}

/// Some token of `span` is a verb or an auxiliary.
pub(crate) fn has_verb(v: &View, span: &Range<usize>) -> bool {
    // (Not a participle inside a hyphenated word: `US-based`, `state-owned`.)
    let compound = |i: usize| {
        i > 0 && v.toks[i - 1].lower == "-" && v.toks[i - 1].span.end == v.toks[i].span.start
    };
    span.clone()
        .any(|i| matches!(v.toks[i].upos, Some("VERB" | "AUX")) && !compound(i))
}

/// `pieces` less the tokens of `cut`.
fn without(pieces: &[Range<usize>], cut: &Range<usize>) -> Vec<Range<usize>> {
    pieces
        .iter()
        .flat_map(|p| [p.start..p.end.min(cut.start), p.start.max(cut.end)..p.end])
        .filter(|p| !p.is_empty())
        .collect()
}

/// Which tokens are some attribution's cue.
fn cue_tokens(v: &View, raw: &[RawAttribution]) -> Vec<bool> {
    let mut is_cue = vec![false; v.len()];
    for r in raw {
        is_cue[r.cue.clone()].iter_mut().for_each(|x| *x = true);
    }
    is_cue
}

/// A cue that is only a colon (`Marco Rubio: …`, or the colon the cue tagger took alone).
fn bare_colon(r: &RawAttribution, v: &View) -> bool {
    r.cue.len() == 1 && v.toks[r.cue.start].lower == ":"
}

/// Take each colon-claimed quotation out of the contents of the attributions that do not own
/// it (see the module docs). The owner's content holds the whole quotation, and not the words
/// between its cue and the colon (`told BBC Radio Scotland: "…"`). A bare colon cue whose
/// colon closes a verb cue's frame (`Gen Musharraf told the BBC: "…"`) is that verb's colon,
/// not an attribution of its own (it made `the BBC` the source).
pub fn release_claimed_quotes(v: &View, raw: &mut Vec<RawAttribution>) {
    let claimed = |raw: &[RawAttribution]| -> Vec<(usize, Range<usize>)> {
        raw.iter()
            .enumerate()
            .filter_map(|(k, r)| colon_quote(v, &r.cue).map(|q| (k, q)))
            .collect()
    };
    let claims = claimed(raw);
    let by_verbs: Vec<Range<usize>> = claims
        .iter()
        .filter(|(k, _)| !bare_colon(&raw[*k], v))
        .map(|(_, q)| q.clone())
        .collect();
    let before = raw.len();
    raw.retain(|r| {
        !(bare_colon(r, v) && colon_quote(v, &r.cue).is_some_and(|q| by_verbs.contains(&q)))
    });
    let claims = if raw.len() == before {
        claims
    } else {
        claimed(raw)
    };
    for (owner, q) in claims {
        let owner_cue = raw[owner].cue.clone();
        for (k, r) in raw.iter_mut().enumerate() {
            let inside_quote = r.cue.start < q.end && q.start < r.cue.end;
            let outer_frame = r.content.iter().any(|p| p.contains(&owner_cue.start));
            if k == owner {
                // Everything from the cue to the closing mark is frame or quotation.
                r.content = without(&r.content, &(owner_cue.end..q.end));
                r.content.push(q.clone());
                r.content.sort_by_key(|p| p.start);
                continue;
            }
            if inside_quote || outer_frame {
                continue;
            }
            r.content = without(&r.content, &q);
        }
    }
}

/// The quotation an attribution closes with its cue: a content piece that is one quotation
/// (opening mark to closing mark) followed, up to the cue, only by the attribution's own source
/// and punctuation (`"…," she said`, `"…," said Warren`, `"…," he said Friday`).
fn trailing_quote(v: &View, r: &RawAttribution) -> Option<Range<usize>> {
    r.content.iter().find_map(|p| {
        let close = closing_mark(v, p)?;
        if v.toks[p.start].mark != QuoteMark::Open || p.end > r.cue.start {
            return None;
        }
        // `"… come from." He said it was …`: a quotation that ends its sentence is not what
        // the next sentence's cue reports.
        if v.toks[close - 1].lower == "." {
            return None;
        }
        let gap_is_frame = (p.end..r.cue.start).all(|i| {
            let t = &v.toks[i];
            t.mark == QuoteMark::Close || t.lower == "," || r.source.iter().any(|s| s.contains(&i))
        });
        gap_is_frame.then_some(p.start..close + 1)
    })
}

/// `"This just isn't right," Warren said. "You squeezed employees …," she said`: a quotation
/// that an attribution closes with its own cue (see `trailing_quote`) is not also the content
/// of an earlier cue that the role tagger let run on; it is taken out of the contents of
/// attributions whose cue comes before it, except an outer frame holding the owner's cue.
pub fn release_trailing_quotes(v: &View, raw: &mut [RawAttribution]) {
    let claims: Vec<(usize, Range<usize>)> = raw
        .iter()
        .enumerate()
        .filter_map(|(k, r)| trailing_quote(v, r).map(|q| (k, q)))
        .collect();
    let is_cue = cue_tokens(v, raw);
    let colon_quotes: Vec<Range<usize>> = if claims.is_empty() {
        Vec::new()
    } else {
        raw.iter().filter_map(|r| colon_quote(v, &r.cue)).collect()
    };
    for (owner, q) in claims {
        // A colon cue's quotation stays with it (`He told Today: "…," he said`).
        let colon_claimed = colon_quotes
            .iter()
            .any(|c| c.start < q.end && q.start < c.end);
        if colon_claimed {
            continue;
        }
        let owner_cue = raw[owner].cue.clone();
        for (k, r) in raw.iter_mut().enumerate() {
            let outer_frame = r.content.iter().any(|p| p.contains(&owner_cue.start));
            if k == owner || r.cue.end > q.start || outer_frame {
                continue;
            }
            let had_content = !r.content.is_empty();
            r.content = without(&r.content, &q);
            if had_content && r.content.is_empty() {
                r.content = fronted_clause(v, r, &is_cue).into_iter().collect();
            }
        }
    }
}

/// `"…," he said. "The medical department will try …" Shearer said he was unsure`: a
/// quotation that goes on after an earlier cue and ends its sentence belongs to that cue, not
/// to a cue in a later sentence that the role tagger let reach back over it. Taken out of the
/// later attribution's content only where the earlier one holds it too; a later attribution
/// left with nothing takes the clause after its cue.
pub fn release_continued_quotes(v: &View, raw: &mut [RawAttribution]) {
    // Only a piece before the cue that opens such a quotation can lose words; an attribution
    // without one is left as it is whatever the earlier one (weighing every pair of a long
    // document's attributions was quadratic).
    // A quotation opening at `start` that closes its sentence before `cue`'s sentence.
    let closed_before = |start: usize, cue: &Range<usize>| {
        quotation_at(v, start).filter(|q| {
            q.end <= cue.start
                && sentence_final_quote(v, q)
                && v.toks[cue.start].sentence != v.toks[q.end - 1].sentence
        })
    };
    let may_lose = |r: &RawAttribution| {
        r.content
            .iter()
            .any(|p| p.start < r.cue.start && closed_before(p.start, &r.cue).is_some())
    };
    let n = raw.len();
    for b in 0..n {
        if !may_lose(&raw[b]) {
            continue;
        }
        for a in 0..n {
            if a == b || raw[a].cue.start >= raw[b].cue.start {
                continue;
            }
            let (a_cue, b_cue) = (raw[a].cue.clone(), raw[b].cue.clone());
            // Nested attributions share their words by design.
            let nested = raw[a].content.iter().any(|p| p.contains(&b_cue.start))
                || raw[b].content.iter().any(|p| p.contains(&a_cue.start));
            if nested {
                continue;
            }
            let held_by_a = |p: &Range<usize>| {
                raw[a]
                    .content
                    .iter()
                    .any(|q| q.start < p.end && p.start < q.end)
            };
            // Each of b's pieces before its cue that opens with such a quotation loses it.
            let quote_at = |start: usize| closed_before(start, &b_cue).filter(|q| held_by_a(q));
            let pieces: Vec<Range<usize>> = raw[b]
                .content
                .iter()
                .map(|p| {
                    if p.start < a_cue.end || p.start >= b_cue.start {
                        return p.clone();
                    }
                    quote_at(p.start).map_or(p.clone(), |q| q.end.max(p.start)..p.end)
                })
                .collect();
            if pieces == raw[b].content {
                continue;
            }
            let r = &mut raw[b];
            r.content = pieces.into_iter().filter(|p| !p.is_empty()).collect();
            if r.content.is_empty() {
                r.content.extend(clause_after(v, &r.cue));
            }
            if !may_lose(&raw[b]) {
                break;
            }
        }
    }
}

/// `"…," he said last month. "They will receive the biggest benefit."`: a quotation closed
/// right before its frame goes on in the quotation that opens the next sentence of the same
/// paragraph (PolNeAR train: 867 of 917 such; after a paragraph break only 23 of 138). The
/// words between may be an aside (`, referring to …`), not another cue, and the quotation
/// is nobody else's: no cue inside or right after it, no other content holding it.
pub fn continued_quotation(v: &View, raw: &mut [RawAttribution]) {
    const MAX_BETWEEN: usize = 25;
    let is_cue = cue_tokens(v, raw);
    for k in 0..raw.len() {
        let r = &raw[k];
        let (frame_start, frame_end) = crate::boundaries::frame(r);
        // (The piece may leave out the comma and closing mark before the frame.)
        let quoted_before = r.content.iter().any(|p| {
            p.end <= frame_start
                && (p.end - 1..frame_start).any(|i| v.toks[i].mark == QuoteMark::Close)
                && (p.end..frame_start).all(|i| crate::boundaries::is_punct(v, i))
        });
        if !quoted_before || r.content.iter().any(|p| p.start >= frame_end) {
            continue;
        }
        let paragraph = v.toks[frame_end - 1].paragraph;
        let Some(open) = (frame_end..v.len().min(frame_end + MAX_BETWEEN))
            .take_while(|&i| v.toks[i].paragraph == paragraph && !is_cue[i])
            .find(|&i| v.toks[i].mark != QuoteMark::None)
        else {
            continue;
        };
        // The quotation opens the next sentence (the segmenter may have kept `said of RT.
        // "Having …` together).
        let opens_sentence = open > frame_end
            && (v.toks[open - 1].sentence != v.toks[open].sentence
                || v.word(open - 1).ends_with(['.', '?', '!']));
        let Some(q) = quotation_at(v, open).filter(|_| opens_sentence) else {
            continue;
        };
        let claimed_after = v.toks.get(q.end).is_some_and(|t| {
            t.sentence == v.toks[q.end - 1].sentence
                && is_cue[q.end..v.len().min(q.end + 4)].contains(&true)
        });
        let held = raw
            .iter()
            .enumerate()
            .any(|(j, o)| j != k && o.content.iter().any(|p| p.start < q.end && q.start < p.end));
        if is_cue[q.clone()].contains(&true) || claimed_after || held {
            continue;
        }
        raw[k].content.push(q);
    }
}

/// `The Tories say the Lib Dems would make people pay more tax and Labour says the party's
/// sums do not add up`, `Wendy Ide still thinks Staunton has a chance, Heat's Charles Gant
/// believes …`: a second frame (its source, its cue, then what it says) joined to the first by
/// `and`, `while`, `whereas` or a comma after a whole clause is a sibling, not part of what the
/// first says: the first's content stops before the joining word. (PolNeAR never puts one
/// attribution's cue inside another's content; `but` is left alone: `there's a "long road
/// ahead" but he feels confident …` is one content there.)
pub fn stop_before_coordinated_frame(v: &View, raw: &mut [RawAttribution]) {
    // Frames that open with their source and say something: (source start, cue start). (Not
    // `and you don't want to …`, `while police shout at him`: what the first reports may go
    // on with what someone wants or does.)
    const SAYING: &[&str] = &[
        "say", "tell", "claim", "argue", "believe", "think", "insist", "predict", "suggest",
        "warn", "note", "report", "add", "contend", "maintain", "announce", "find", "favor",
        "favour", "blame",
    ];
    let frames: Vec<(usize, usize)> = raw
        .iter()
        .filter_map(|r| {
            let s = r.nearest_source()?;
            let says_after = r.content.iter().any(|c| c.start >= r.cue.end);
            let saying = SAYING.contains(&v.toks[r.cue.end - 1].lemma.as_ref());
            (s.end <= r.cue.start && says_after && saying).then_some((s.start, r.cue.start))
        })
        .collect();
    for r in raw.iter_mut() {
        let cue_end = r.cue.end;
        for piece in r.content.iter_mut().filter(|c| c.start >= cue_end) {
            let Some(&(source, _)) = frames
                .iter()
                .filter(|&&(s, c)| s > piece.start + 1 && c < piece.end)
                .min()
            else {
                continue;
            };
            if !matches!(
                v.toks[source - 1].lower.as_ref(),
                "and" | "while" | "whereas" | ","
            ) {
                continue;
            }
            let mut end = source - 1;
            while end > piece.start && matches!(v.toks[end - 1].lower.as_ref(), "," | ";") {
                end -= 1;
            }
            // (What stays must be a clause: `Well, I think …`, `that, when he does, he
            // feels …` open what the frame says.)
            if !(piece.start..end).any(|i| matches!(v.toks[i].upos, Some("VERB" | "AUX"))) {
                continue;
            }
            piece.end = end;
        }
        r.content.retain(|c| !c.is_empty());
    }
}

/// `"…," Sanders said, going on to contrast …. "So I would …"`: an aside after the frame in
/// which the speaker goes on to another speech act (`adding`, `citing`, `going on to`) ends
/// the quotation there: what comes after it (`, including, "Mr. Trump, …"`, the next
/// sentence's quotation) is what that act said, not this frame's content (PolNeAR train: 31
/// of 41 such quotations stop; 280 of 375 go on after other asides).
pub fn stop_at_next_speech_act(v: &View, raw: &mut [RawAttribution]) {
    for r in raw.iter_mut() {
        let (frame_start, frame_end) = crate::boundaries::frame(r);
        if !r.content.iter().any(|p| p.end <= frame_start) || frame_end >= v.len() {
            continue;
        }
        let sentence = v.toks[frame_end - 1].sentence;
        let Some(act) = (frame_end..v.len())
            .take_while(|&i| v.toks[i].sentence == sentence)
            .find(|&i| v.toks[i - 1].lower == "," && speaks_again(v, i))
        else {
            continue;
        };
        r.content.retain(|p| p.start < act);
    }
}

fn speaks_again(v: &View, i: usize) -> bool {
    const SPEECH_PARTICIPLES: &[&str] = &[
        "adding",
        "saying",
        "noting",
        "arguing",
        "warning",
        "suggesting",
        "claiming",
        "insisting",
        "repeating",
        "citing",
        "calling",
        "asking",
        "explaining",
        "telling",
        "pointing",
        "declaring",
        "stating",
        "describing",
        "answering",
        "responding",
    ];
    let w = v.toks[i].lower.as_ref();
    SPEECH_PARTICIPLES.contains(&w)
        || w == "going" && v.toks.get(i + 1).is_some_and(|t| t.lower == "on")
}

/// `His assistant said that he looked like George Raft`: an attribution with a source whose
/// content the other rules gave to another frame (the tagger had read the quotation before
/// it) reports the clause after its cue, if there is one. Only a saying cue with its source
/// before it: `according to` and inverted frames get their content later, from the chain
/// they close.
pub fn fill_left_empty(v: &View, raw: &mut [RawAttribution]) {
    for r in raw.iter_mut() {
        // (Not `tell`: who is told would open the clause.)
        let saying = matches!(v.toks[r.cue.end - 1].lemma.as_ref(), "say" | "add");
        let source_before = !r.source.is_empty() && r.source.iter().all(|s| s.end <= r.cue.start);
        if r.content.is_empty() && saying && source_before {
            r.content.extend(clause_after(v, &r.cue));
            // (`said last week that …`: when it was said is no part of it.)
            *r = crate::boundaries::time_out_of_content_start(v, r.clone());
        }
    }
}

/// `said he was unsure what caused it.`: the cue's `that` clause after a short aside or
/// listener, else the rest of its sentence when that is a clause (it has a verb) opening with
/// a word, not punctuation or a quotation mark.
fn clause_after(v: &View, cue: &Range<usize>) -> Option<Range<usize>> {
    let t = v.toks.get(cue.end)?;
    if t.sentence != v.toks[cue.end - 1].sentence {
        return None;
    }
    if let Some(that) = crate::boundaries::that_clause_after(v, cue.end) {
        return Some(that);
    }
    let opens_clause = t.mark == QuoteMark::None
        && matches!(
            t.upos,
            Some("PRON" | "PROPN" | "NOUN" | "DET" | "NUM" | "ADJ" | "SCONJ")
        );
    let end = crate::completion::sentence_body_end(v, cue.end);
    (opens_clause && has_verb(v, &(cue.end..end))).then_some(cue.end..end)
}

/// `p` is a quotation (opening to closing mark) whose last words end a sentence (`… see."`).
fn sentence_final_quote(v: &View, p: &Range<usize>) -> bool {
    v.toks[p.start].mark == QuoteMark::Open
        && closing_mark(v, p)
            .is_some_and(|c| matches!(v.toks[c - 1].lower.as_ref(), "." | "?" | "!"))
}

/// `Fast 3G networks are here, says the Global Mobile Suppliers Association.`: an attribution
/// left without content whose source and cue close their sentence after a comma reports the
/// words before the comma.
pub fn fill_fronted_content(v: &View, raw: &mut [RawAttribution]) {
    let is_cue = cue_tokens(v, raw);
    for r in raw.iter_mut() {
        if !r.content.is_empty() || r.source.is_empty() {
            continue;
        }
        let (_, e) = crate::boundaries::frame(r);
        // (Not before a colon: `Howard says: UK heading wrong way` introduces what follows.)
        let sentence = v.toks[e - 1].sentence;
        // (`…, bankers said on Friday.`: a time phrase may close the frame.)
        let closes_sentence = (e..v.len())
            .take_while(|&i| v.toks[i].sentence == sentence)
            .all(|i| matches!(v.toks[i].upos, Some("PUNCT")) && v.toks[i].lower != ":")
            || says_when_to_sentence_end(v, e, sentence);
        // Or the sentence goes on past the frame with something it does not report: another
        // cue (`… problems, he claimed, saying he has …`) or a new clause (`…, said the report,
        // and an estimated …`); not a participle of the content's own (`…, Twitter announced,
        // gaining 22,000 followers`).
        let goes_on = v.toks.get(e).is_some_and(|t| t.lower == ",")
            && v.toks.get(e + 1).is_some_and(|t| {
                t.sentence == sentence
                    && t.mark == QuoteMark::None
                    && (matches!(t.lower.as_ref(), "and" | "but") || is_cue[e + 1])
            });
        let closes_sentence = closes_sentence || goes_on;
        // A clause, not a fronted adverbial (`In a speech in Edinburgh, the prime minister said`).
        let clause = closes_sentence
            .then(|| fronted_clause(v, r, &is_cue))
            .flatten()
            .filter(|c| has_verb(v, c));
        r.content.extend(clause);
        // `The Peter Hain "mongrel" attack, he says, is just the latest example of …`: a frame
        // set off by commas inside its sentence reports the sentence around it.
        if r.content.is_empty() && !closes_sentence {
            r.content.extend(around_inserted_frame(v, r, e, &is_cue));
        }
        if r.content.is_empty() {
            headline_says(v, r, &is_cue);
        }
        if r.content.is_empty() {
            retake_trailing_frame(v, r, &is_cue);
        }
    }
}

/// Token `end - 1` lies in a headline: a line of one sentence that ends with no closing
/// punctuation. (A sentence's `…, he said.` at a paragraph's end can still report what the
/// tagger missed: dropping those cost PolNeAR dev cues.)
pub(crate) fn in_a_headline(v: &View, end: usize) -> bool {
    let t = &v.toks[end - 1];
    let (paragraph, sent) = (t.paragraph, &v.sentences[t.sentence as usize]);
    let in_line = |i: usize| v.toks[i].paragraph == paragraph;
    // The line neither starts before the sentence nor goes on after it (read at the
    // sentence's edges: walking the whole line for every cue was quadratic in a long one).
    if (sent.start > 0 && in_line(sent.start - 1)) || (sent.end < v.len() && in_line(sent.end)) {
        return false;
    }
    let last = if in_line(sent.end - 1) {
        sent.end - 1
    } else {
        (end - 1..sent.end)
            .take_while(|&i| in_line(i))
            .last()
            .unwrap_or(end - 1)
    };
    !matches!(v.word(last), "." | "!" | "?" | "\"" | "”" | "’" | "'" | ":")
}

/// A cue in a headline that reports nothing is the headline's noun or participle (`Fiat mulls
/// Ferrari market listing`, `EU fraud clampdown urged`, `AstraZeneca hit by drug failure`), not
/// a verb saying what someone says, asks or warns (`Europe asks Asia for euro help`; the
/// tagger missed what).
pub fn drop_headline_nouns(v: &View, raw: &mut Vec<RawAttribution>) {
    raw.retain(|r| {
        let t = &v.toks[r.cue.start];
        // (Not the line's last word: `Henson stakes early Lions claim` is a noun.)
        let present_verb = t.upos == Some("VERB")
            && (t.lower.ends_with('s') || t.lower == t.lemma)
            && v.toks
                .get(r.cue.end)
                .is_some_and(|n| n.lower != "by" && n.paragraph == v.toks[r.cue.end - 1].paragraph);
        !r.content.is_empty() || present_verb || !in_a_headline(v, r.cue.end)
    });
}

/// What is won or withheld, not said: `claimed the men's shot put title`, `Federer claims
/// Dubai crown`, `was also denied Olympic gold`, `A hamstring injury denied Luscombe the
/// opportunity`, `denied Damien Duff, Jiri Jarosik and Mateja Kezman` (a goalkeeper's saves).
/// Only a verbless object counts: `critics claim the record is at best patchy` is a claim, and
/// `Ebbers denies WorldCom fraud` a denial.
pub fn drop_prizes_won_or_withheld(v: &View, raw: &mut Vec<RawAttribution>) {
    const PRIZES: &[&str] = &[
        "title",
        "titles",
        "victory",
        "win",
        "gold",
        "silver",
        "bronze",
        "medal",
        "medals",
        "crown",
        "trophy",
        "prize",
        "place",
        "spot",
        "record",
        "seat",
        "seats",
        "scalp",
        "wicket",
        "wickets",
        "point",
        "points",
        "honours",
        "championship",
        "cup",
        "goal",
        "goals",
        "opportunity",
        "chance",
        "lead",
        "slam",
    ];
    raw.retain(|r| {
        let verb = &v.toks[r.cue.end - 1];
        let deny = verb.lemma == "deny";
        if !(deny || verb.lemma == "claim") || !r.source.iter().all(|s| s.end <= r.cue.start) {
            return true;
        }
        let [object] = r.content.as_slice() else {
            return true;
        };
        if object.start != r.cue.end {
            return true;
        }
        // The parse says what the verb takes: its object (`the record` of `critics claim the
        // record is at best patchy` is the subject of a clause).
        let cue_verb = (r.cue.end - 1) as u32;
        let taken = |i: usize, rels: &[&str]| {
            v.toks[i].head == Some(cue_verb) && v.toks[i].deprel.is_some_and(|d| rels.contains(&d))
        };
        let prize = object.clone().take(6).any(|i| {
            PRIZES.contains(&v.toks[i].lower.as_ref()) && taken(i, &["obj", "iobj", "nsubj:pass"])
        });
        // `denied England`, `denied Damien Duff, … and Mateja Kezman`: people or a side, and
        // nothing denied of them; `denied Luscombe the opportunity`: whom, then what.
        let only_names = object
            .clone()
            .all(|i| matches!(v.toks[i].upos, Some("PROPN" | "PUNCT" | "CCONJ")))
            && !object.clone().any(|i| is_quote_char_tok(v, i));
        let withheld_from = object.clone().any(|i| taken(i, &["iobj"]));
        !(prize || (deny && (only_names || withheld_from)))
    });
}

/// `a BBC documentary called 'No More Mr Nasty'`, `The tool, called Picasa, …`, `Called
/// Speegle, it …`, `named after the Indian director`: a participle that names a thing (the
/// parse hangs it off a noun, or it opens the sentence) reports no one's words.
pub fn drop_namings(v: &View, raw: &mut Vec<RawAttribution>) {
    const NAMING: &[&str] = &["called", "dubbed", "named", "entitled", "titled"];
    raw.retain(|r| {
        let i = r.cue.start;
        if r.cue.len() != 1 || !NAMING.contains(&v.toks[i].lower.as_ref()) {
            return true;
        }
        let t = &v.toks[i];
        let next = v.toks.get(r.cue.end).map(|n| n.lower.as_ref());
        // (Not `called for`, `called on … for`, nor `which Variety called "…"`: a subject
        // says someone called it so.)
        // (Within its sentence: a whole document's tokens per cue would be quadratic.)
        let sent = v.sentences[t.sentence as usize].clone();
        let with_subject = v.toks[sent.clone()]
            .iter()
            .any(|s| s.head == Some(i as u32) && s.deprel.is_some_and(|d| d.starts_with("nsubj")));
        // (`which Apple's chief executive, Tim Cook, called "…"`: a relative clause's verb.)
        let sent_start = sent.start;
        let relative = (sent_start.max(i.saturating_sub(16))..i)
            .rev()
            .take_while(|&j| !matches!(v.toks[j].upos, Some("VERB" | "AUX")))
            .any(|j| matches!(v.toks[j].lower.as_ref(), "which" | "what" | "whom" | "that"));
        // (Nor a name or a pronoun the tagger took for its source, `Ted Cruz, who …, named
        // "Criminal Minds"`: someone named them, whatever the parse.)
        let named_source = r
            .source
            .iter()
            .any(|s| s.end <= i && matches!(v.toks[s.start].upos, Some("PROPN" | "PRON")));
        if matches!(next, Some("for" | "on")) || with_subject || relative || named_source {
            return true;
        }
        let naming = t.deprel == Some("acl")
            || t.deprel == Some("advcl") && sent_start == i
            || next == Some("after");
        !naming
    });
}

/// `Let's hope this is the start …`, `let's just call it music`: a suggestion to the reader,
/// whose `'s` (us) is no one's source.
pub fn drop_lets(v: &View, raw: &mut Vec<RawAttribution>) {
    raw.retain(|r| {
        !matches!(r.source.as_slice(), [s] if s.len() == 1
            && matches!(v.word(s.start), "'s" | "’s")
            && s.start > 0
            && v.toks[s.start - 1].lower == "let")
    });
}

fn is_quote_char_tok(v: &View, i: usize) -> bool {
    v.word(i).chars().all(crate::view::is_quote_char)
}

/// `More significantly, argues the report, broadband is encouraging people …`: a cue set off
/// by commas with a noun phrase after it is an inserted frame: the noun phrase is the source
/// (with an appositive after it: `said Stacey Jolna, senior vice president of TV Guide,`),
/// the sentence around it the content (the words before only when they are a clause, not a
/// verbless opener). The tagger's source, if any, must lie in those words (`The answer, says
/// Prof Brewer, is wi-fi`: it took `The answer`).
pub fn inserted_inverted_frame(v: &View, raw: &mut [RawAttribution]) {
    const SPEECH_LEMMAS: &[&str] = &[
        "say", "argue", "insist", "think", "explain", "add", "believe", "claim", "note", "warn",
        "suggest", "admit", "estimate", "predict", "write", "tell", "reckon", "contend",
    ];
    const MAX_SOURCE: usize = 8;
    let is_cue = cue_tokens(v, raw);
    for r in raw.iter_mut() {
        if r.cue.start == 0 || v.toks[r.cue.start - 1].lower != "," {
            continue;
        }
        let sentence = v.toks[r.cue.start].sentence;
        let sent = &v.sentences[sentence as usize];
        let Some(comma) =
            (r.cue.end..sent.end.min(r.cue.end + MAX_SOURCE + 1)).find(|&i| v.toks[i].lower == ",")
        else {
            continue;
        };
        let end = crate::completion::sentence_body_end(v, comma + 1);
        let after_piece = |s: &Range<usize>| (r.cue.end..comma).contains(&s.start);
        // `said Stacey Jolna, senior vice president of TV Guide TV group, is that …`: a
        // verbless stretch between two commas describes the source (a word the tagger took
        // into its source is no verb: `technology and manufacturing at IBM`).
        let in_tagged_source = |i: usize| r.source.iter().any(|s| after_piece(s) && s.contains(&i));
        let describes = matches!(
            v.toks.get(comma + 1).and_then(|t| t.upos),
            Some("DET" | "ADJ" | "NOUN" | "PROPN" | "NUM")
        );
        let appositive_end = (comma + 1..end.min(comma + 1 + MAX_SOURCE + 4))
            .take_while(|&i| {
                let t = &v.toks[i];
                (!matches!(t.upos, Some("VERB" | "AUX")) || in_tagged_source(i))
                    && t.mark == QuoteMark::None
            })
            .find(|&i| v.toks[i].lower == ",")
            .filter(|&c2| describes && c2 > comma + 1 && c2 + 1 < end);
        let source_end = appositive_end.unwrap_or(comma);
        // The tagger's source, if any: a name before the cue (`Tony Robinson, who played
        // Baldrick, told …`) or elsewhere stands, as does a source right after the cue that
        // ends at its comma; words before the cue that name no one (`The answer,`) or a source
        // after the cue that runs on past its commas (`Stacey Jolna, senior …, is`) do not.
        let before_piece = |s: &Range<usize>| s.start >= sent.start && s.end <= r.cue.start;
        let mistaken = r.source.iter().all(|s| before_piece(s) || after_piece(s))
            && !r
                .source
                .iter()
                .any(|s| before_piece(s) && v.toks[s.start].upos == Some("PROPN"))
            && (r.source.iter().any(before_piece)
                || r.source.iter().any(|s| s.end > source_end + 1));
        if !r.source.is_empty() && !mistaken {
            continue;
        }
        let source = r.cue.end..source_end;
        let noun_phrase = !source.is_empty()
            && matches!(
                v.toks[source.start].upos,
                Some("DET" | "PROPN" | "NOUN" | "PRON")
            )
            && (r.cue.end..comma).all(|i| {
                let t = &v.toks[i];
                !matches!(t.upos, Some("VERB" | "AUX")) && t.mark == QuoteMark::None
            });
        let after = source_end + 1..end;
        let speech = SPEECH_LEMMAS.contains(&v.toks[r.cue.end - 1].lemma.as_ref());
        if !speech || !noun_phrase || after.is_empty() || is_cue[after.clone()].contains(&true) {
            continue;
        }
        // What follows is the reported clause, not an appositive about the source (`insists
        // Mr Hadi, an Iraqi who left the country`): a verb comes before any relative word.
        let clause_after = !matches!(v.toks[after.start].lower.as_ref(), "a" | "an")
            && !matches!(v.toks[after.start].upos, Some("VERB" | "AUX"))
            && after
                .clone()
                .take_while(|&i| {
                    !matches!(v.toks[i].lower.as_ref(), "who" | "which" | "whose" | "that")
                })
                .any(|i| matches!(v.toks[i].upos, Some("VERB" | "AUX")));
        let before = sent.start..r.cue.start - 1;
        let quiet_before = !before.is_empty()
            && !is_cue[before.clone()].contains(&true)
            && before.clone().all(|i| v.toks[i].mark == QuoteMark::None);
        // `The answer, says Prof Brewer, is wi-fi`: the frame splits subject and predicate
        // (not `…, says X, adding …`).
        let first_after = &v.toks[after.start];
        let predicate_after = quiet_before
            && matches!(first_after.upos, Some("VERB" | "AUX"))
            && !first_after.lower.ends_with("ing")
            && matches!(
                v.toks[before.start].upos,
                Some("DET" | "NOUN" | "PROPN" | "PRON" | "ADJ" | "NUM")
            );
        if !clause_after && !predicate_after {
            continue;
        }
        let clause_before = has_verb(v, &before) && !is_cue[before.clone()].contains(&true);
        r.source = vec![source];
        r.content = if clause_before || predicate_after {
            vec![before, after]
        } else {
            vec![after]
        };
    }
}

/// `Putney said that the footage did not give "…," but he said that …`, `Husted said the
/// decision "will force us …" He said that …`: a content piece before an attribution's frame
/// that lies inside what an earlier attribution reports (its cue before the piece, its
/// content around it) is that attribution's, not a fronted piece of this one; nor is a piece
/// that cuts another attribution's frame in two (`said "the question is the timing."` without
/// `Roberts`). An attribution inside the other's content (a chain) keeps its pieces.
pub fn drop_claimed_pieces(raw: &mut [RawAttribution]) {
    let claimed: Vec<Vec<bool>> = raw
        .iter()
        .enumerate()
        .map(|(k, r)| {
            let (frame_start, _) = crate::boundaries::frame(r);
            // (Only pieces before the frame of a content of several can be claimed; the
            // others are not gathered for the rest, which made this quadratic.)
            if r.content.len() < 2 || !r.content.iter().any(|p| p.end <= frame_start) {
                return vec![false; r.content.len()];
            }
            // The others that do not hold this attribution in their content.
            let others: Vec<&RawAttribution> = raw
                .iter()
                .enumerate()
                .filter(|&(j, q)| j != k && !q.content.iter().any(|c| c.contains(&r.cue.start)))
                .map(|(_, q)| q)
                .collect();
            r.content
                .iter()
                .map(|p| {
                    let inside = |c: &Range<usize>| c.start <= p.start && p.end <= c.end;
                    p.end <= frame_start
                        && r.content.len() > 1
                        && others.iter().any(|q| {
                            let reports_it = q.cue.end <= p.start && q.content.iter().any(inside);
                            let cuts_frame = p.contains(&q.cue.start)
                                && q.source.iter().any(|s| s.end <= p.start);
                            reports_it || cuts_frame
                        })
                })
                .collect()
        })
        .collect();
    for (r, claimed) in raw.iter_mut().zip(claimed) {
        r.content = r
            .content
            .iter()
            .zip(claimed)
            .filter(|(_, claimed)| !claimed)
            .map(|(p, _)| p.clone())
            .collect();
    }
}

/// `House prices rebound says Halifax`, `No election TV debate, says Blair`: a headline's
/// `says` followed by a name to the line's end: the name is the source (the tagger, used to
/// sentences, took the words before the cue), the words before the cue the content.
fn headline_says(v: &View, r: &mut RawAttribution, is_cue: &[bool]) {
    const MAX_NAME: usize = 5;
    if v.toks[r.cue.start].lemma != "say" || !in_a_headline(v, r.cue.end) {
        return;
    }
    let sent = &v.sentences[v.toks[r.cue.start].sentence as usize];
    let name = r.cue.end..sent.end;
    let is_name = !name.is_empty()
        && name.len() <= MAX_NAME
        && name
            .clone()
            .all(|i| v.word(i).starts_with(|c: char| c.is_uppercase()));
    let mut end = r.cue.start;
    if end > sent.start && v.toks[end - 1].lower == "," {
        end -= 1;
    }
    let clause = sent.start..end;
    if is_name && !clause.is_empty() && !is_cue[clause.clone()].contains(&true) {
        r.source = vec![name];
        r.content = vec![clause];
    }
}

/// `The economy started to grow in 2004, but "reforms" are needed, the International Monetary
/// Fund (IMF) has said.`: a cue closing its sentence after a comma and a noun phrase, whose
/// attribution has no content (the tagger took a wrong source, `The Liberian economy`): the
/// noun phrase is the source and the clause before the comma the content. Also with a
/// listener after the cue (`…, union officers told the AP news agency.`) and inverted (`…, say
/// the Tories.`).
fn retake_trailing_frame(v: &View, r: &mut RawAttribution, is_cue: &[bool]) {
    const MAX_SOURCE: usize = 16;
    let sentence = v.toks[r.cue.start].sentence;
    let sent = &v.sentences[sentence as usize];
    let body_end = crate::completion::sentence_body_end(v, r.cue.start);
    let verbless = |span: &Range<usize>| {
        span.clone().all(|i| {
            let t = &v.toks[i];
            !matches!(t.upos, Some("VERB" | "AUX"))
                && !matches!(t.lower.as_ref(), "," | ";" | ":")
                && t.mark == QuoteMark::None
        })
    };
    let noun_phrase = |span: &Range<usize>| {
        // (`…, which the law lords have ruled against.`, `…, as the man says.` are no frames.)
        let opens = span.clone().next().is_some_and(|i| {
            let t = &v.toks[i];
            !matches!(t.upos, Some("SCONJ" | "ADP" | "CCONJ"))
                && !matches!(
                    t.lower.as_ref(),
                    "which" | "who" | "whom" | "that" | "as" | "while"
                )
        });
        opens && span.len() <= MAX_SOURCE && verbless(span)
    };
    let clause_ok =
        |clause: &Range<usize>| has_verb(v, clause) && !is_cue[clause.clone()].contains(&true);
    let before_cue = r.cue.start.checked_sub(1).filter(|&i| i >= sent.start);
    // Inverted: `…, say the Tories.`
    if before_cue.is_some_and(|i| v.toks[i].lower == ",") {
        let comma = r.cue.start - 1;
        let source = r.cue.end..body_end;
        let clause = sent.start..comma;
        if !source.is_empty() && noun_phrase(&source) && clause_ok(&clause) {
            r.source = vec![source];
            r.content = vec![clause];
        }
        return;
    }
    // What follows the cue: nothing, or whom a `told` addressed.
    let telling = matches!(v.toks[r.cue.end - 1].lemma.as_ref(), "tell" | "inform");
    let after = r.cue.end..body_end;
    if !(after.is_empty() || telling && verbless(&after)) {
        return;
    }
    let Some(comma) = (sent.start..r.cue.start)
        .rev()
        .take(MAX_SOURCE + 1)
        .find(|&i| v.toks[i].lower == ",")
    else {
        return;
    };
    let source = comma + 1..r.cue.start;
    let clause = sent.start..comma;
    if noun_phrase(&source) && clause_ok(&clause) {
        r.source = vec![source];
        r.content = vec![clause];
    }
}

/// `Security would be the key theme, said Mr Straw.`: the words of the sentence before the
/// comma that opens a trailing source and cue, if no other cue is among them.
/// The two pieces of a sentence around a frame set off by commas (`The attack, he says, is
/// the latest example`), the frame ending at `e`: the words before it (no cue among them) and
/// the rest of the sentence after it, when that goes on as the same sentence (not `and`,
/// `but`, a quotation, another cue or a participle of the frame's own) and the two hold a
/// verb.
fn around_inserted_frame(
    v: &View,
    r: &RawAttribution,
    e: usize,
    is_cue: &[bool],
) -> Vec<Range<usize>> {
    let sentence = v.toks[e - 1].sentence;
    let next = |i: usize| v.toks.get(i).filter(|t| t.sentence == sentence);
    let inserted = next(e).is_some_and(|t| t.lower == ",")
        && next(e + 1).is_some_and(|t| {
            t.mark == QuoteMark::None
                && t.upos != Some("PUNCT")
                && !is_cue[e + 1]
                && !matches!(t.lower.as_ref(), "and" | "but" | "or")
                && !t.lower.ends_with("ing")
        });
    let Some(before) = inserted.then(|| fronted_clause(v, r, is_cue)).flatten() else {
        return Vec::new();
    };
    let mut end = v.sentences[sentence as usize].end;
    while end > e + 1 && v.toks[end - 1].upos == Some("PUNCT") {
        end -= 1;
    }
    let after = e + 1..end;
    let quiet = !is_cue[after.clone()].contains(&true)
        && !after.clone().any(|i| v.toks[i].mark != QuoteMark::None);
    if after.is_empty() || !quiet || !(has_verb(v, &before) || has_verb(v, &after)) {
        return Vec::new();
    }
    vec![before, after]
}

/// The words from `from` to the end of `sentence` only say when, then close it (` on
/// Friday.`, ` last month.`, ` earlier this week.`).
fn says_when_to_sentence_end(v: &View, from: usize, sentence: u32) -> bool {
    use crate::boundaries::{MONTHS, TIME_NOUNS, TIME_WORDS};
    let mut when = false;
    for t in v.toks[from.min(v.len())..]
        .iter()
        .take_while(|t| t.sentence == sentence)
    {
        let w = t.lower.as_ref();
        if t.upos == Some("PUNCT") {
            if w == ":" {
                return false;
            }
        } else if TIME_NOUNS.contains(&w) || MONTHS.contains(&w) {
            when = true;
        } else if !(matches!(w, "on" | "in" | "early" | "late") || TIME_WORDS.contains(&w)) {
            return false;
        }
    }
    when
}

fn fronted_clause(v: &View, r: &RawAttribution, is_cue: &[bool]) -> Option<Range<usize>> {
    let (frame_start, _) = crate::boundaries::frame(r);
    let comma = frame_start.checked_sub(1)?;
    let sent = &v.sentences[v.toks[frame_start].sentence as usize];
    let clause = sent.start..comma;
    (v.toks[comma].lower == "," && !clause.is_empty() && !is_cue[clause.clone()].contains(&true))
        .then_some(clause)
}

#[cfg(test)]
#[allow(clippy::single_range_in_vec_init)] // one-piece spans are what we mean here
mod tests {
    use super::*;
    use crate::test_support::raw;
    use crate::test_support::view_of;

    #[test]
    fn a_participle_inside_a_hyphenated_word_is_no_verb() {
        let tags = [("based", "VERB", "base"), ("said", "VERB", "say")];
        let (doc, w) = crate::test_support::tagged("a US-based insurance expert said", &tags);
        let v = View::new(&doc);
        let said = w.iter().position(|x| x == "said").unwrap();
        assert!(!has_verb(&v, &(0..said)));
        assert!(has_verb(&v, &(0..said + 1)));
    }

    #[test]
    fn a_saying_frame_left_empty_reports_the_clause_after_it() {
        let tags = [
            ("said", "VERB", "say"),
            ("that", "SCONJ", "that"),
            ("he", "PRON", "he"),
            ("looked", "VERB", "look"),
            (".", "PUNCT", "."),
        ];
        let text = "His assistant said last week that he looked like Raft.";
        let (doc, w) = crate::test_support::tagged(text, &tags);
        let v = View::new(&doc);
        let said = w.iter().position(|x| x == "said").unwrap();
        let that = w.iter().position(|x| x == "that").unwrap();
        let mut raws = vec![raw(said..said + 1, vec![0..said], vec![])];
        fill_left_empty(&v, &mut raws);
        assert_eq!(raws[0].content, vec![that..w.len() - 1]);
        // An inverted frame gets its content from its chain, not here.
        let mut raws = vec![raw(said..said + 1, vec![said + 1..said + 2], vec![])];
        fill_left_empty(&v, &mut raws);
        assert!(raws[0].content.is_empty());
    }

    fn find(w: &[String], word: &str) -> usize {
        w.iter().position(|x| x == word).unwrap()
    }

    #[test]
    fn a_quote_after_a_colon_cue_is_taken_from_the_next_cue() {
        let (doc, w) = view_of(
            "He added: \"With half the year done, we remain confident.\" The firm reported \
             orders of $4.9bn.",
        );
        let v = View::new(&doc);
        let added = find(&w, "added");
        let reported = find(&w, "reported");
        let open = added + 2;
        let q = colon_quote(&v, &(added..added + 2)).expect("a colon quote");
        assert_eq!(q.start, open);
        assert_eq!(w[q.end - 1], "\"");
        let mut raw = vec![
            raw(added..added + 2, vec![0..1], vec![q.clone()]),
            raw(
                reported..reported + 1,
                vec![reported - 2..reported],
                vec![open + 1..q.end - 2, reported + 1..w.len() - 1],
            ),
        ];
        release_claimed_quotes(&v, &mut raw);
        assert_eq!(raw[0].content, vec![q]);
        assert_eq!(raw[1].content, vec![reported + 1..w.len() - 1]);
    }

    #[test]
    fn an_outer_frame_keeps_the_quote_it_holds() {
        let (doc, w) =
            view_of("According to the paper, Ivanov declared: \"The world has not found them.\"");
        let v = View::new(&doc);
        let declared = find(&w, "declared");
        let q = colon_quote(&v, &(declared..declared + 1)).expect("a colon quote");
        let outer = raw(0..2, vec![2..4], vec![declared - 1..w.len()]);
        let mut raw = vec![
            outer.clone(),
            raw(
                declared..declared + 1,
                vec![declared - 1..declared],
                vec![q],
            ),
        ];
        release_claimed_quotes(&v, &mut raw);
        assert_eq!(raw[0], outer);
    }

    #[test]
    fn a_quotation_closed_by_its_own_cue_leaves_the_earlier_content() {
        let (doc, w) = view_of(
            "\"This just isn't right,\" Warren said. \"You squeezed employees,\" she said.",
        );
        let v = View::new(&doc);
        let said = find(&w, "said");
        let said2 = w.iter().rposition(|x| x == "said").unwrap();
        let open2 = said + 2;
        let q1 = 0..said - 1;
        let q2 = open2..said2 - 1;
        assert_eq!(w[open2], "\"");
        let mut raw = vec![
            raw(
                said..said + 1,
                vec![said - 1..said],
                vec![q1.clone(), q2.clone()],
            ),
            raw(said2..said2 + 1, vec![said2 - 1..said2], vec![q2.clone()]),
        ];
        release_trailing_quotes(&v, &mut raw);
        assert_eq!(raw[0].content, vec![q1]);
        assert_eq!(raw[1].content, vec![q2]);
    }

    #[test]
    fn a_quotation_running_on_past_its_close_is_claimed_by_no_cue() {
        let (doc, w) = view_of("\"You squeezed them\" to drive up the price, she said.");
        let v = View::new(&doc);
        let said = find(&w, "said");
        let content = vec![0..said - 2];
        assert!(trailing_quote(&v, &raw(said..said + 1, vec![said - 1..said], content)).is_none());
    }

    #[test]
    fn a_colon_may_follow_the_listener_or_a_time_but_not_another_verb() {
        let (doc, w) = view_of("Mr Clarke told The Times: \"We should act.\" Then he left.");
        let v = View::new(&doc);
        let told = find(&w, "told");
        let q = colon_quote(&v, &(told..told + 1)).expect("a colon quote");
        assert_eq!(w[q.start], "\"");
        assert_eq!(w[q.end - 2], ".");
        let (doc, w) = crate::test_support::tagged(
            "He said they agreed: \"We should act.\"",
            &[("said", "VERB", "say"), ("agreed", "VERB", "agree")],
        );
        let v = View::new(&doc);
        let said = find(&w, "said");
        assert!(colon_quote(&v, &(said..said + 1)).is_none());
    }

    #[test]
    fn a_piece_another_attribution_reports_is_not_fronted_content() {
        let (_, w) = view_of(
            "Putney said that the footage was unclear, but he said that other evidence helps.",
        );
        let pos = |x: &str| find(&w, x);
        let (said, but) = (pos("said"), pos("but"));
        let said2 = but + 2;
        let putney = raw(said..said + 1, vec![0..1], vec![said + 1..but - 1]);
        let he = raw(
            said2..said2 + 1,
            vec![said2 - 1..said2],
            vec![pos("footage")..but - 1, said2 + 1..w.len() - 1],
        );
        let mut raws = vec![putney.clone(), he];
        drop_claimed_pieces(&mut raws);
        assert_eq!(raws[0], putney);
        assert_eq!(raws[1].content, vec![said2 + 1..w.len() - 1]);
        // A chain keeps its pieces: the outer frame's content holds the inner cue.
        let (_, w) = view_of("The paper reported that \"prices rose,\" Smith said, \"and fell.\"");
        let (reported, said) = (find(&w, "reported"), find(&w, "said"));
        let outer = raw(
            reported..reported + 1,
            vec![0..2],
            vec![reported + 1..w.len() - 1],
        );
        let inner = raw(
            said..said + 1,
            vec![said - 1..said],
            vec![reported + 3..said - 3, said + 3..w.len() - 3],
        );
        let mut raws = vec![outer, inner.clone()];
        drop_claimed_pieces(&mut raws);
        assert_eq!(raws[1], inner);
    }

    #[test]
    fn a_quotation_goes_on_in_the_next_sentence_of_its_paragraph() {
        let text = "\"Taxes will fall,\" he said last month. \"They will fall fast.\"\n\n\
                    \"Prices rose,\" she said.\n\n\"They did.\"";
        let (doc, w) = view_of(text);
        let v = View::new(&doc);
        let said: Vec<usize> = (0..w.len()).filter(|&i| w[i] == "said").collect();
        let inside = |open: usize| {
            let q = quotation_at(&v, open).unwrap();
            q.start + 1..q.end - 1
        };
        let second_open = said[0] + 4;
        let prices = second_open + 7;
        assert_eq!(
            (w[second_open].as_str(), w[prices + 1].as_str()),
            ("\"", "Prices")
        );
        let mut raws = vec![
            raw(
                said[0]..said[0] + 1,
                vec![said[0] - 1..said[0]],
                vec![inside(0)],
            ),
            raw(
                said[1]..said[1] + 1,
                vec![said[1] - 1..said[1]],
                vec![inside(prices)],
            ),
        ];
        continued_quotation(&v, &mut raws);
        // The same paragraph's next quotation goes on; the next paragraph's does not.
        let whole = quotation_at(&v, second_open).unwrap();
        assert_eq!(raws[0].content, vec![inside(0), whole]);
        assert_eq!(raws[1].content, vec![inside(prices)]);
    }

    #[test]
    fn a_frame_the_sentence_goes_on_past_reports_the_clause_before() {
        let text = "Blair has failed, he claimed, saying it was wrong. Sales rose, Twitter \
                    announced, gaining fans.";
        let verbs = [
            ("failed", "VERB", "fail"),
            ("rose", "VERB", "rise"),
            ("gaining", "VERB", "gain"),
        ];
        let (doc, w) = crate::test_support::tagged(text, &verbs);
        let v = View::new(&doc);
        let pos = |x: &str| find(&w, x);
        let (claimed, saying, announced) = (pos("claimed"), pos("saying"), pos("announced"));
        let mut raws = vec![
            raw(claimed..claimed + 1, vec![claimed - 1..claimed], vec![]),
            raw(saying..saying + 1, vec![], vec![saying + 1..saying + 4]),
            raw(
                announced..announced + 1,
                vec![announced - 1..announced],
                vec![],
            ),
        ];
        fill_fronted_content(&v, &mut raws);
        assert_eq!(raws[0].content, vec![0..pos(",")]);
        // `gaining` is no cue: the participle may be the content's own.
        assert!(raws[2].content.is_empty());
    }

    #[test]
    fn a_frame_closed_by_when_or_set_inside_its_sentence_reports_the_words_around_it() {
        let verbs = [
            ("was", "AUX", "be"),
            ("is", "AUX", "be"),
            ("said", "VERB", "say"),
            ("says", "VERB", "say"),
            ("on", "ADP", "on"),
            ("Friday", "PROPN", "Friday"),
            (".", "PUNCT", "."),
            (",", "PUNCT", ","),
        ];
        let text = "The offering was oversubscribed, bankers said on Friday.";
        let (doc, w) = crate::test_support::tagged(text, &verbs);
        let v = View::new(&doc);
        let said = find(&w, "said");
        let mut raws = vec![raw(said..said + 1, vec![said - 1..said], vec![])];
        fill_fronted_content(&v, &mut raws);
        assert_eq!(raws[0].content, vec![0..said - 2]);
        // (Not where the words after say more than when.)
        let text = "The offering was oversubscribed, bankers said on a call.";
        let (doc, w) = crate::test_support::tagged(text, &verbs);
        let v = View::new(&doc);
        let mut raws = vec![raw(said..said + 1, vec![said - 1..said], vec![])];
        fill_fronted_content(&v, &mut raws);
        assert!(raws[0].content.is_empty(), "{w:?}");
        let text = "The attack, he says, is the latest example.";
        let (doc, w) = crate::test_support::tagged(text, &verbs);
        let v = View::new(&doc);
        let says = find(&w, "says");
        let mut raws = vec![raw(says..says + 1, vec![says - 1..says], vec![])];
        fill_fronted_content(&v, &mut raws);
        assert_eq!(raws[0].content, vec![0..2, says + 2..w.len() - 1]);
    }
}
