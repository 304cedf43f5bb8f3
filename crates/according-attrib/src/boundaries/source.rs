//! Source boundaries: where a source starts and ends when the sentence's structure says more
//! than the role tagger's local view (modifiers and appositives, `according to X,`, a time
//! phrase or a clause the tagger took in, parenthetical commas, dash asides, a controlling
//! verb's subject, `quoted X as saying`). A frame that follows what was said: [`super::inverted`].

use super::{is_punct, TIME_NOUNS, TIME_WORDS};
use crate::tagging::RawAttribution;
use crate::view::{QuoteMark, View};
use std::ops::Range;

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
/// opens no appositive), not `according to Richard Butler, the former head of …`; also when
/// the tagger stopped it inside a phrase that runs on into the content, and where the parse
/// finds the subject of the reported clause inside it (after a comma, or with none: `According
/// to Mr Peston the prime minister said`).
pub fn according_to_comma(v: &View, mut r: RawAttribution) -> RawAttribution {
    if !super::is_according_to(v, &r.cue) {
        return r;
    }
    let Some(k) = r.source.iter().position(|s| s.start == r.cue.end) else {
        return r;
    };
    let s = r.source[k].clone();
    // (No comma: only the parse can tell where the source ends.)
    let comma = s.clone().find(|&i| v.toks[i].lower == ",").unwrap_or(s.end);
    let tail = (comma + 1).min(s.end)..s.end;
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
    } else if let Some(cut) = comma_before_split_phrase(v, &r, &s) {
        // `According to Microsoft, nine | out of 10 members have …`: the tagger ended the
        // source inside a phrase that runs on into its content, no punctuation between; what
        // comes after the source's last comma is the content's start, whatever the parse
        // hangs it on (here: `nine` as an appositive of Microsoft).
        r.source[k].end = cut;
        if let Some(c) = r.content.iter_mut().find(|c| c.start == s.end) {
            c.start = cut + 1;
        }
    } else if let Some(gap) = before_clause_subject(v, &s) {
        // `According to Asahi Breweries, the market for … is set to`, `According to Mr Peston
        // the prime minister said`: the words after the comma (or from the subject on) are
        // the subject of the reported clause, whatever they start with: they open the
        // content the tagger began later.
        r.source[k].end = gap.start;
        let sentence = v.toks[s.end - 1].sentence;
        let next = r
            .content
            .iter()
            .enumerate()
            .filter(|(_, c)| c.start >= s.end && v.toks[c.start].sentence == sentence)
            .min_by_key(|(_, c)| c.start)
            .map(|(j, _)| j);
        match next {
            Some(j) => r.content[j].start = gap.end,
            // (An attribution with no content yet gets its whole clause from the rules that
            // fill empty contents.)
            None if !r.content.is_empty() => {
                let at = r.content.partition_point(|c| c.start < gap.start);
                r.content.insert(at, gap.end..s.end);
            }
            None => {}
        }
    }
    r
}

/// The source's last comma, when the content follows the source with no punctuation between
/// them (a quotation mark aside) and at most 12 words come after that comma.
fn comma_before_split_phrase(v: &View, r: &RawAttribution, s: &Range<usize>) -> Option<usize> {
    const MAX_TAIL: usize = 12;
    let splits = |i: usize| {
        v.toks.get(i).is_some_and(|t| {
            !matches!(
                t.lower.as_ref(),
                "," | ";" | ":" | "-" | "–" | "—" | "(" | ")"
            ) && v.toks[i].sentence == v.toks[s.start].sentence
        })
    };
    if !r.content.iter().any(|c| c.start == s.end) || !splits(s.end - 1) || !splits(s.end) {
        return None;
    }
    let cut = (s.start..s.end).rev().find(|&i| v.toks[i].lower == ",")?;
    (cut > s.start && s.end - cut - 1 <= MAX_TAIL).then_some(cut)
}

/// Where a source holds the subject of a clause of its own (not that of a relative clause or
/// participle hung on it: `John Binks, director of GfK, which monitors …`), by the parse: the
/// last comma before that subject, else (no comma) the empty gap where the subject's phrase
/// begins, when that is not where the source begins.
fn before_clause_subject(v: &View, s: &Range<usize>) -> Option<Range<usize>> {
    if !v.has_parse {
        return None;
    }
    let subject = (s.start + 1..s.end).find(|&i| {
        let t = &v.toks[i];
        let relative = matches!(t.lower.as_ref(), "who" | "which" | "that" | "whose");
        matches!(t.deprel, Some("nsubj" | "nsubj:pass" | "csubj"))
            && !relative
            && t.head.is_some_and(|h| {
                let h = h as usize;
                h > i && !matches!(v.toks[h].deprel, Some("acl:relcl" | "acl" | "advcl:relcl"))
            })
    })?;
    if let Some(comma) = (s.start + 1..subject)
        .rev()
        .find(|&i| v.toks[i].lower == ",")
    {
        return Some(comma..comma + 1);
    }
    // Without a comma, only a main clause's subject that opens with a determiner or a number
    // right after a name or noun (`Mr Peston | the prime minister said`, `Microsoft | the
    // messages were sent`), not `how long | he spends` or `the | World … Council`.
    let sent = &v.sentences[v.toks[subject].sentence as usize];
    let start = phrase_of(v, sent, subject).start;
    let main = v.toks[subject]
        .head
        .is_some_and(|h| v.toks[h as usize].deprel == Some("root"));
    let opens = matches!(v.toks[start].upos, Some("DET" | "NUM"));
    let after_noun = start > s.start && matches!(v.toks[start - 1].upos, Some("PROPN" | "NOUN"));
    (main && opens && after_noun && v.toks[subject].upos != Some("PRON") && start < s.end)
        .then_some(start..start)
}

/// `The same day President George W. Bush demanded`: a time phrase opening the source is
/// not part of it.
pub fn drop_leading_time(v: &View, mut r: RawAttribution) -> RawAttribution {
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
    let Some(top) = v.head_of(&r.cue) else {
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
    let subject_of = |h: usize| subject_tokens(v, &sent, h).find(|i| !r.cue.contains(i));
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
    let src = phrase_of(v, &sent, s);
    let clash = |x: &Range<usize>| x.start < src.end && src.start < x.end;
    // Long subject phrases were mostly wrong on dev; short ones pay.
    if src.len() <= 6 && !clash(&r.cue) && !r.content.iter().any(clash) {
        r.source = vec![src];
    }
    r
}

/// The tokens of sentence `sent` the parse makes subjects (active or passive) of token `head`.
pub(crate) fn subject_tokens<'a>(
    v: &'a View,
    sent: &Range<usize>,
    head: usize,
) -> impl Iterator<Item = usize> + 'a {
    sent.clone().filter(move |&i| {
        v.toks[i].head == Some(head as u32)
            && matches!(v.toks[i].deprel, Some("nsubj" | "nsubj:pass"))
    })
}

/// The phrase headed by token `s`: the contiguous stretch of its subtree around it, without
/// punctuation at its edges.
pub(crate) fn phrase_of(v: &View, sent: &Range<usize>, s: usize) -> Range<usize> {
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
    a..b
}

/// A cue whose subject is what it reports, not who: `seem`, `appear`, `be expected` (`Obama
/// and his wife expected to visit` reads as `are expected to`; `had expected`, `No one
/// expected a debate` have someone expecting).
fn is_raising(v: &View, cue: &Range<usize>) -> bool {
    let last = cue.end - 1;
    let expected = v.toks[last].lower == "expected";
    let passive = cue.clone().any(|i| v.toks[i].lemma == "be");
    let perfect = cue.clone().any(|i| v.toks[i].lemma == "have");
    let to_after = v.toks.get(cue.end).is_some_and(|t| t.lower == "to");
    matches!(v.toks[last].lemma.as_ref(), "seem" | "appear")
        || (expected && (passive || (to_after && !perfect)))
}

/// `Republicans seem confident`, `The losing side could be expected to appeal`: what seems or
/// is expected has no source; its subject is part of the content (PolNeAR train: 1 of 212
/// `seem`/`appear`/`be expected` cues has a source). The subject comes from the tagger's
/// source, else from the parse.
pub fn raising_subject_is_content(v: &View, mut r: RawAttribution) -> RawAttribution {
    let last = r.cue.end - 1;
    let raising = is_raising(v, &r.cue);
    if !raising {
        return r;
    }
    let sent = v.sentences[v.toks[last].sentence as usize].clone();
    // (`About one of every nine voters this fall is expected to …`: the tagger or the parse
    // may leave the subject's first words out; words with no verb or punctuation before it
    // back to the sentence start are still its, when they are noun-phrase words (not `While`,
    // `Later this week`), but for an opening `And`.)
    let whole = |mut phrase: Range<usize>| {
        let mut from = sent.start;
        while from < phrase.start && v.toks[from].upos == Some("CCONJ") {
            from += 1;
        }
        let np = (from..phrase.start).all(|i| {
            matches!(
                v.toks[i].upos,
                Some("DET" | "NUM" | "ADJ" | "NOUN" | "PROPN" | "ADP")
            ) && !TIME_NOUNS.contains(&v.toks[i].lower.as_ref())
        });
        if np && v.has_pos {
            phrase.start = from.min(phrase.start);
        }
        phrase
    };
    if let Some(k) = r.content.iter().position(|c| c.end <= r.cue.start) {
        if r.content[k].end == r.cue.start {
            r.content[k] = whole(r.content[k].clone());
            // (Nor is a name before that subject its source: `Parker has not recovered …,
            // and Tom Shanklin is expected to continue`.)
            let subject_at = r.content[k].start;
            r.source.retain(|s| s.start >= subject_at);
        }
        return r;
    }
    // (`It appeared that …`: an empty `it` is no part of what appeared. `Reports regularly
    // appear indicating …`: reports are what speaks, a source.)
    let dummy = |s: &Range<usize>| {
        (s.len() == 1 && matches!(v.toks[s.start].lower.as_ref(), "it" | "there"))
            || s.clone()
                .any(|i| crate::source_words::REPORT_NOUNS.contains(&v.toks[i].lemma.as_ref()))
    };
    if let Some(subject) = r
        .source
        .iter()
        .find(|s| s.end == r.cue.start && !dummy(s))
        .cloned()
    {
        r.content.insert(0, whole(subject));
        r.source.clear();
        return r;
    }
    if !r.source.is_empty() || !v.has_parse {
        return r;
    }
    let subject = subject_tokens(v, &sent, last).find(|&i| i < r.cue.start);
    if let Some(s) = subject {
        let phrase = whole(phrase_of(v, &sent, s));
        if phrase.end <= r.cue.start && !dummy(&phrase) {
            r.content.insert(0, phrase);
        }
    }
    r
}

/// `The International Monetary Fund announced Tuesday that it is lowering its forecast`: a
/// content piece right before an active cue, with the cue's content after it too, is the
/// cue's subject when the parse says so, and so its source (the tagger sometimes reads such
/// a subject as the patient of a passive cue).
pub fn subject_piece_is_source(v: &View, mut r: RawAttribution) -> RawAttribution {
    if !r.source.is_empty() || !v.has_parse || r.content.len() < 2 {
        return r;
    }
    let Some(k) = r.content.iter().position(|c| c.end == r.cue.start) else {
        return r;
    };
    let passive = r.cue.clone().any(|i| v.toks[i].lemma == "be") || is_raising(v, &r.cue);
    let after = r.content.iter().any(|c| c.start >= r.cue.end);
    let piece = r.content[k].clone();
    let subject = piece.clone().any(|i| {
        v.toks[i].deprel == Some("nsubj")
            && v.toks[i]
                .head
                .is_some_and(|h| r.cue.contains(&(h as usize)))
    });
    // (`People briefed on the move said that …`: the parse may take the subject's participle
    // for the clause the cue reports; a piece hanging off the cue right before it, when the
    // content after the cue opens with `that`, is no second reported clause but who speaks.)
    let hangs_off_cue = piece.clone().any(|i| {
        v.toks[i]
            .head
            .is_some_and(|h| r.cue.contains(&(h as usize)))
    });
    let that_after = r
        .content
        .iter()
        .any(|c| c.start == r.cue.end && v.toks[c.start].lower == "that");
    let plain = piece
        .clone()
        .all(|i| v.toks[i].mark == QuoteMark::None && !v.toks[i].in_quote);
    if !passive && after && (subject || hangs_off_cue && that_after) && plain {
        r.content.remove(k);
        r.source = vec![piece];
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{raw, view_of};

    #[test]
    fn a_raising_cue_s_subject_reaches_back_over_its_noun_phrase() {
        let tags = [
            ("About", "ADP", "about"),
            ("one", "NUM", "one"),
            ("of", "ADP", "of"),
            ("every", "DET", "every"),
            ("nine", "NUM", "nine"),
            ("this", "DET", "this"),
            ("is", "AUX", "be"),
            ("expected", "VERB", "expect"),
            ("to", "PART", "to"),
            ("Later", "ADV", "later"),
        ];
        let text = "About one of every nine voters this fall is expected to be Latino.";
        let (doc, w) = crate::test_support::tagged(text, &tags);
        let v = View::new(&doc);
        let at = |x: &str| w.iter().position(|y| y == x).unwrap();
        let (nine, is) = (at("nine"), at("is"));
        let r = raising_subject_is_content(&v, raw(is..is + 2, vec![], vec![nine..is]));
        assert_eq!(r.content, vec![0..is]);
        // Not over an adverb: `Later` is when, not what is expected.
        let (doc, w) = crate::test_support::tagged("Later Blair is expected to speak.", &tags);
        let v = View::new(&doc);
        let is = w.iter().position(|y| y == "is").unwrap();
        let r = raising_subject_is_content(&v, raw(is..is + 2, vec![], vec![1..is]));
        assert_eq!(r.content, vec![1..is]);
        // A name before that subject is no source of what is expected.
        let text = "Parker is out, and Shanklin is expected to play.";
        let (doc, w) = crate::test_support::tagged(text, &tags);
        let v = View::new(&doc);
        let at = |x: &str| w.iter().position(|y| y == x).unwrap();
        let (shanklin, is) = (at("Shanklin"), w.iter().rposition(|y| y == "is").unwrap());
        let r = raising_subject_is_content(
            &v,
            raw(is..is + 2, vec![0..1], vec![shanklin..is, is + 2..is + 4]),
        );
        assert!(r.source.is_empty());
        assert_eq!(r.content[0], shanklin..is);
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
    fn according_to_a_source_split_inside_a_phrase_ends_at_its_last_comma() {
        // The tagger's source runs past the comma and stops inside the content's subject.
        let (doc, w) = crate::test_support::view_of(
            "According to Asahi Breweries, the market for drinks is set to grow.",
        );
        let v = View::new(&doc);
        let r = according_to_comma(&v, raw(0..2, vec![2..7], vec![7..w.len() - 1]));
        assert_eq!((r.source, r.content), (vec![2..4], vec![5..w.len() - 1]));
        // With a comma between source and content the source is left alone.
        let (doc, w) = crate::test_support::view_of(
            "According to Richard Butler, the former head, weapons remained.",
        );
        let v = View::new(&doc);
        let raw = raw(0..2, vec![2..8], vec![9..w.len() - 1]);
        assert_eq!(according_to_comma(&v, raw.clone()), raw);
    }

    #[test]
    fn according_to_a_source_ends_before_the_subject_of_a_clause() {
        // Later , according to The Independent , Wenger spoke .
        let doc = crate::test_support::parsed(&[
            ("Later", "ADV", "advmod", Some(9)),
            (",", "PUNCT", "punct", Some(0)),
            ("according", "VERB", "case", Some(9)),
            ("to", "ADP", "fixed", Some(2)),
            ("The", "DET", "det", Some(9)),
            ("Independent", "ADJ", "advcl", Some(9)),
            (",", "PUNCT", "punct", Some(5)),
            ("Wenger", "PROPN", "nsubj", Some(8)),
            ("spoke", "VERB", "root", None),
            (".", "PUNCT", "punct", Some(8)),
        ]);
        let v = View::new(&doc);
        let r = according_to_comma(&v, raw(2..4, vec![4..9], vec![0..1]));
        assert_eq!((r.source, r.content), (vec![4..6], vec![0..1, 7..9]));
        // With no comma: from the main clause's subject on (according to Peston the prime
        // minister said it).
        let doc = crate::test_support::parsed(&[
            ("according", "VERB", "case", Some(2)),
            ("to", "ADP", "fixed", Some(0)),
            ("Peston", "PROPN", "obl", Some(6)),
            ("the", "DET", "det", Some(5)),
            ("prime", "ADJ", "amod", Some(5)),
            ("minister", "NOUN", "nsubj", Some(6)),
            ("said", "VERB", "root", None),
            ("it", "PRON", "obj", Some(6)),
        ]);
        let v = View::new(&doc);
        let r = according_to_comma(&v, raw(0..2, vec![2..6], vec![6..8]));
        assert_eq!((r.source, r.content), (vec![2..3], vec![3..8]));
        // A relative clause after the comma stays with the source.
        let doc = crate::test_support::parsed(&[
            ("according", "VERB", "case", Some(2)),
            ("to", "ADP", "fixed", Some(0)),
            ("Binks", "PROPN", "obl", None),
            (",", "PUNCT", "punct", Some(5)),
            ("who", "PRON", "nsubj", Some(5)),
            ("monitors", "VERB", "acl:relcl", Some(2)),
            ("markets", "NOUN", "obj", Some(5)),
        ]);
        let v = View::new(&doc);
        let raw = raw(0..2, vec![2..7], vec![]);
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
    fn what_seems_has_no_source_and_its_subject_is_content() {
        let (doc, w) = crate::test_support::tagged(
            "Republicans seem confident. It appeared that he left.",
            &[("seem", "VERB", "seem"), ("appeared", "VERB", "appear")],
        );
        let v = View::new(&doc);
        let pos = |x: &str| w.iter().position(|y| y == x).unwrap();
        let seem = pos("seem");
        let r = raw(seem..seem + 1, vec![0..1], vec![seem + 1..seem + 2]);
        let r = raising_subject_is_content(&v, r);
        assert_eq!(
            (r.source, r.content),
            (vec![], vec![0..1, seem + 1..seem + 2])
        );
        // An empty `it` stays out of the content.
        let app = pos("appeared");
        let r = raw(app..app + 1, vec![app - 1..app], vec![app + 1..w.len() - 1]);
        assert_eq!(raising_subject_is_content(&v, r.clone()), r);
        // `expected to` reads as `are expected to`; `had expected` has someone expecting.
        let verbs = [("expected", "VERB", "expect"), ("had", "AUX", "have")];
        let (doc, w) =
            crate::test_support::tagged("Sales expected to grow. He had expected to win.", &verbs);
        let v = View::new(&doc);
        let exp: Vec<usize> = (0..w.len()).filter(|&i| w[i] == "expected").collect();
        let r = raw(exp[0]..exp[0] + 1, vec![0..1], vec![exp[0] + 1..exp[0] + 3]);
        assert_eq!(raising_subject_is_content(&v, r).source, vec![]);
        let r = raw(
            exp[1] - 1..exp[1] + 1,
            vec![exp[1] - 2..exp[1] - 1],
            vec![exp[1] + 1..exp[1] + 3],
        );
        assert_eq!(raising_subject_is_content(&v, r.clone()), r);
    }

    #[test]
    fn a_subject_piece_before_an_active_cue_is_its_source() {
        let (mut doc, w) = view_of("The fund announced Tuesday that growth slowed.");
        let pos = |x: &str| w.iter().position(|y| y == x).unwrap();
        let (fund, announced) = (pos("fund"), pos("announced"));
        doc.tokens[fund].head = Some(announced as u32);
        doc.tokens[fund].deprel = Some("nsubj".into());
        let v = View::new(&doc);
        let cue = announced..announced + 2;
        let r = raw(
            cue.clone(),
            vec![],
            vec![0..announced, pos("that")..w.len() - 1],
        );
        let r = subject_piece_is_source(&v, r);
        assert_eq!(
            (r.source, r.content),
            (vec![0..announced], vec![pos("that")..w.len() - 1])
        );
        // A possessive joins the names of an inverted source at the sentence's end.
        let (doc, w) = view_of("The race will not change, noted NBC's Dante Chinni.");
        let v = View::new(&doc);
        let noted = w.iter().position(|y| y == "noted").unwrap();
        let r = crate::boundaries::inverted_name_source(
            &v,
            raw(noted..noted + 1, vec![], vec![noted + 1..w.len() - 1]),
        );
        assert_eq!(r.source, vec![noted + 1..w.len() - 1]);
    }

    #[test]
    fn a_piece_hanging_off_a_cue_before_its_that_clause_is_who_speaks() {
        // People briefed on the move said that it mattered (the parse took `briefed` for
        // the reported clause).
        let doc = crate::test_support::parsed(&[
            ("People", "NOUN", "nsubj", Some(1)),
            ("briefed", "VERB", "ccomp", Some(5)),
            ("on", "ADP", "case", Some(4)),
            ("the", "DET", "det", Some(4)),
            ("move", "NOUN", "obl", Some(1)),
            ("said", "VERB", "root", None),
            ("that", "SCONJ", "mark", Some(8)),
            ("it", "PRON", "nsubj", Some(8)),
            ("mattered", "VERB", "ccomp", Some(5)),
        ]);
        let v = View::new(&doc);
        let r = subject_piece_is_source(&v, raw(5..6, vec![], vec![0..5, 6..9]));
        assert_eq!((r.source, r.content), (vec![0..5], vec![6..9]));
        // Without the `that`, a piece before the cue may be a fronted content.
        let r = raw(5..6, vec![], vec![0..5, 7..9]);
        assert_eq!(subject_piece_is_source(&v, r.clone()), r);
    }
}
