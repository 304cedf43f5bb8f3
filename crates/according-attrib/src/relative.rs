//! Sources in relative clauses. `said Mr Fitzpatrick, who added that …`: the source `who`
//! stands for `Mr Fitzpatrick`, its antecedent, which is who the source is. `Universities
//! Scotland, which represents university principals, claimed …`: a source the tagger cut at
//! the relative pronoun takes in its antecedent (PolNeAR keeps `Kerry, who lost in 2004,`).
//! `stability, which he said was the cornerstone`: the relative pronoun is what was said,
//! not who said it, so the source is `he`.

use crate::tagging::RawAttribution;
use crate::view::{QuoteMark, View};
use std::ops::Range;

fn is_relative_pronoun(w: &str) -> bool {
    matches!(w, "who" | "which" | "whom" | "whose")
}

/// The verb of the relative clause the pronoun at `pron` opens: its head (`who added`) or,
/// for `whose`, its noun's head (`whose products are endorsed`), when the parse says
/// `acl:relcl`.
pub fn relative_verb(v: &View, pron: usize) -> Option<usize> {
    let mut i = pron;
    for _ in 0..2 {
        i = v.toks[i].head? as usize;
        if v.toks[i].deprel == Some("acl:relcl") {
            return Some(i);
        }
    }
    None
}

fn is_subject(v: &View, i: usize) -> bool {
    v.toks[i].deprel.is_some_and(|d| d.starts_with("nsubj"))
}

/// The noun phrase a relative pronoun at `pron` refers to, as a token range: the parse's
/// `acl:relcl` clause that the pronoun belongs to hangs off the antecedent's head noun; the
/// phrase runs from the leftmost word under that noun to the word before the pronoun (less a
/// comma). `None` without a parse or when the pronoun opens no relative clause.
pub fn antecedent(v: &View, pron: usize) -> Option<Range<usize>> {
    // (`that` opens a relative clause only where the parse says so: `the Universal Postal
    // Union that wants …`, not `said that …`.)
    let relative = is_relative_pronoun(&v.toks[pron].lower)
        || v.toks[pron].lower == "that" && relative_verb(v, pron).is_some();
    if !v.has_parse || !relative {
        return None;
    }
    let sent = &v.sentences[v.toks[pron].sentence as usize];
    let noun_like = |i: usize| matches!(v.toks[i].upos, Some("NOUN" | "PROPN" | "PRON" | "NUM"));
    let relcl = relative_verb(v, pron)
        .and_then(|verb| v.toks[verb].head)
        .map(|n| n as usize)
        .filter(|&n| n < pron && n >= sent.start && noun_like(n));
    // The parse missed the relative clause: `…, Mr Fitzpatrick, who added` still names the
    // phrase before the comma (its head, when the word there is part of a name).
    // (Or a name right before it, with no comma: `attorney general Eliot Spitzer who alleged`.)
    // (An aside after a dash is about the name right before it, whatever the parse hung it
    // on: `actress Sienna Miller, supermodel Claudia Schiffer - who`.)
    let after_dash = pron >= 2 && matches!(v.toks[pron - 1].lower.as_ref(), "-" | "–" | "—");
    let relcl =
        relcl.filter(|&n| !after_dash || !(n + 1..pron - 1).any(|i| v.toks[i].lower == ","));
    let noun = relcl.or_else(|| {
        let last = if v.toks.get(pron.checked_sub(1)?)?.upos == Some("PROPN") {
            pron - 1
        } else {
            pron.checked_sub(2)?
        };
        // (A dash opens an aside as a comma does: `The IAAF - which said …`.)
        let comma_or_name =
            matches!(v.toks[pron - 1].lower.as_ref(), "," | "-" | "–" | "—") || last == pron - 1;
        if last < sent.start || !comma_or_name || !noun_like(last) {
            return None;
        }
        // `Michael Johnson`: UD hangs `Johnson` off `Michael` (flat).
        let flat = matches!(v.toks[last].deprel, Some("flat" | "fixed"));
        Some(match v.toks[last].head.map(|h| h as usize) {
            // (Not over a comma: a parse may hang a list's names all on its first.)
            Some(h)
                if flat
                    && h < last
                    && h >= sent.start
                    && !(h..last).any(|i| v.toks[i].lower == ",") =>
            {
                h
            }
            _ => last,
        })
    })?;
    // Under `noun`: its head chain reaches `noun` (within a few steps; parses are trees).
    let under = |mut i: usize| {
        for _ in 0..16 {
            if i == noun {
                return true;
            }
            match v.toks[i].head {
                Some(h) => i = h as usize,
                None => return false,
            }
        }
        false
    };
    let mut start = noun;
    while start > sent.start && under(start - 1) {
        start -= 1;
    }
    // Not the preposition or conjunction that attaches the phrase (`a spokesman from the
    // IATA, which`).
    while start < noun && matches!(v.toks[start].deprel, Some("case" | "mark" | "cc" | "punct")) {
        start += 1;
    }
    // (`actress Sienna Miller, supermodel Claudia Schiffer - who`: the last of a list.)
    if let Some(c) = (start..noun).rev().find(|&i| v.toks[i].lower == ",") {
        start = c + 1;
    }
    // `best film and Staunton, who`: a coordination before the name is not part of it.
    if let Some(cc) = (start..noun)
        .rev()
        .find(|&i| v.toks[i].deprel == Some("cc"))
    {
        start = cc + 1;
    }
    let mut end = pron;
    while end > noun + 1 && matches!(v.toks[end - 1].lower.as_ref(), "," | "-" | "–" | "—") {
        end -= 1;
    }
    (end > start && end - start <= 12).then_some(start..end)
}

/// `his side, who are four places above them, were "not afraid"`: the relative clause at
/// `pron` sits inside the clause of its antecedent, whose predicate comes after it.
pub fn is_embedded(v: &View, pron: usize) -> bool {
    // The noun the clause hangs off: the parse's `acl:relcl` head, or else the word before
    // the comma when the pronoun's head (or its head's) hangs off it.
    let noun = relative_verb(v, pron)
        .and_then(|verb| v.toks[verb].head)
        .map(|n| n as usize)
        .or_else(|| {
            let n = pron.checked_sub(2)?;
            let h1 = v.toks[pron].head? as usize;
            let h2 = v.toks[h1].head.map(|h| h as usize);
            (h1 == n || h2 == Some(n)).then_some(n)
        });
    let Some(noun) = noun.filter(|&n| n < pron) else {
        return false;
    };
    v.toks[noun].head.is_some_and(|h| h as usize > pron)
}

/// `Nike, whose products are endorsed by Tiger Woods …, said "demand continues to grow"`,
/// labelled as content before the cue and no source: a name with a relative aside is a noun
/// phrase, not a reported clause, so when the cue reports words of its own after it, the
/// phrase is who speaks.
pub fn aside_as_source(v: &View, mut r: RawAttribution) -> RawAttribution {
    if r.source.iter().any(|s| s.end <= r.cue.start) {
        return r;
    }
    let Some(k) = r.content.iter().position(|p| {
        let gap = r.cue.start.saturating_sub(p.end);
        p.end <= r.cue.start
            && (gap == 0 || gap == 1 && v.toks[p.end].lower == ",")
            && p.len() >= 4
            && p.start == v.sentences[v.toks[p.start].sentence as usize].start
            && v.word(p.start).starts_with(|c: char| c.is_uppercase())
            && v.toks[p.start + 1].lower == ","
            && is_relative_pronoun(&v.toks[p.start + 2].lower)
    }) else {
        return r;
    };
    if !r.content.iter().any(|p| p.start >= r.cue.end) {
        return r;
    }
    let p = r.content.remove(k);
    r.source.push(p);
    r
}

/// Fix the edges of a source that starts with a relative pronoun (see the module docs). The
/// source piece nearest before the cue is the one [`crate::extractor`] keeps.
pub fn relative_source(v: &View, mut r: RawAttribution) -> RawAttribution {
    let Some(k) = (0..r.source.len())
        .filter(|&k| r.source[k].end <= r.cue.start)
        .max_by_key(|&k| r.source[k].end)
    else {
        return r;
    };
    let src = r.source[k].clone();
    if src.len() < 2 || !v.has_parse {
        return r;
    }
    let last = &v.toks[src.end - 1].lower;
    if matches!(last.as_ref(), "who" | "which" | "that") {
        // `Home Secretary Charles Clarke who said`: the pronoun only links the clause.
        r.source[k].end -= 1;
        return r;
    }
    // The relative pronoun: opening the source, or after a comma inside it (`Mr Howard,
    // whose grandmother died in Auschwitz, said`, the tagger stopping inside the aside), or
    // before it when the source is only the aside's closing words (`Nike, whose products are
    // endorsed | by Tiger Woods among other sports stars, | said`).
    let opens =
        |i: usize| is_relative_pronoun(&v.toks[i].lower) && i > 0 && v.toks[i - 1].lower == ",";
    let found = src
        .clone()
        .find(|&i| is_relative_pronoun(&v.toks[i].lower) && (i == src.start || opens(i)));
    let before = || {
        let sent_start = v.sentences[v.toks[src.start].sentence as usize].start;
        (src.start.saturating_sub(12).max(sent_start)..src.start)
            .rev()
            .take_while(|&i| v.toks[i].lower != "," && v.toks[i].mark == QuoteMark::None)
            .find(|&i| opens(i))
            .filter(|_| v.toks[src.end - 1].lower == ",")
    };
    let widened = found.is_none();
    let Some(first) = found.or_else(before) else {
        return r;
    };
    let src = first.min(src.start)..src.end;
    let subject_of_cue = |i: usize| {
        is_subject(v, i)
            && v.toks[i]
                .head
                .is_some_and(|h| r.cue.contains(&(h as usize)))
    };
    if first == src.start
        && !widened
        && v.toks[first].lower != "whose"
        && (first + 1..src.end).any(subject_of_cue)
    {
        // `which he said`: the pronoun belongs to the clause that was said.
        r.source[k].start += 1;
        return r;
    }
    // `Universities Scotland, which represents …,` / `Nike, whose products are endorsed by …,
    // said`: a relative clause that is not the cue's own is an aside of the source.
    let verb = relative_verb(v, first).or_else(|| {
        // A relative clause the parse missed: the pronoun's head (its noun's, for `whose`)
        // between the pronoun and the cue.
        let mut h = v.toks[first].head? as usize;
        if v.toks[first].lower == "whose" {
            h = v.toks[h].head? as usize;
        }
        (h > first && h < r.cue.start).then_some(h)
    });
    if verb.is_none_or(|verb| r.cue.contains(&verb)) {
        return r;
    }
    let start = if first > src.start {
        src.start
    } else {
        match antecedent(v, first) {
            Some(ante) => ante.start,
            None => return r,
        }
    };
    let taken = |i: usize| {
        r.cue.contains(&i)
            || r.content.iter().any(|p| p.contains(&i))
            || r.source.iter().any(|s| s.contains(&i) && s.start < start)
    };
    if (start..first).any(taken) {
        return r;
    }
    // The aside runs on to the comma before the cue when the tagger stopped inside it.
    let mut end = src.end;
    let gap = src.end..r.cue.start;
    if gap.len() > 1
        && gap.len() <= 16
        && v.toks[r.cue.start - 1].lower == ","
        && !gap.clone().any(taken)
        && gap
            .clone()
            .all(|i| v.toks[i].sentence == v.toks[first].sentence)
    {
        end = r.cue.start - 1;
    }
    // The antecedent may already be a source piece of its own: the two become one.
    r.source.retain(|s| s.end <= start || s.start >= end);
    r.source.push(start..end);
    r.source.sort_by_key(|s| s.start);
    r
}

#[cfg(test)]
#[allow(clippy::single_range_in_vec_init)] // one-piece spans are what we mean here
mod tests {
    use super::*;
    use crate::test_support::parsed;
    use crate::test_support::raw;

    #[test]
    fn a_relative_pronoun_names_its_antecedent() {
        // said Mr Fitzpatrick , who added that ...
        let doc = parsed(&[
            ("said", "VERB", "root", None),
            ("Mr", "PROPN", "compound", Some(2)),
            ("Fitzpatrick", "PROPN", "nsubj", Some(0)),
            (",", "PUNCT", "punct", Some(5)),
            ("who", "PRON", "nsubj", Some(5)),
            ("added", "VERB", "acl:relcl", Some(2)),
        ]);
        let v = View::new(&doc);
        assert_eq!(antecedent(&v, 4), Some(1..3));
        // Not a relative clause: no antecedent.
        assert_eq!(antecedent(&v, 2), None);
    }

    #[test]
    fn that_and_an_aside_after_a_dash_name_their_antecedent() {
        // the Union that wants ... (the parse hangs the clause on `backed`)
        let doc = parsed(&[
            ("backed", "VERB", "root", None),
            ("by", "ADP", "case", Some(4)),
            ("the", "DET", "det", Some(4)),
            ("Postal", "PROPN", "compound", Some(4)),
            ("Union", "PROPN", "obl", Some(0)),
            ("that", "PRON", "nsubj", Some(6)),
            ("wants", "VERB", "acl:relcl", Some(0)),
        ]);
        let v = View::new(&doc);
        assert_eq!(antecedent(&v, 5), Some(2..5));
        // The IAAF - which said ...
        let doc = parsed(&[
            ("The", "DET", "det", Some(1)),
            ("IAAF", "PROPN", "root", None),
            ("-", "PUNCT", "punct", Some(4)),
            ("which", "PRON", "nsubj", Some(4)),
            ("said", "VERB", "parataxis", Some(1)),
        ]);
        let v = View::new(&doc);
        assert_eq!(antecedent(&v, 3), Some(0..2));
        // `said that …` opens no relative clause.
        let doc = parsed(&[
            ("Officials", "NOUN", "nsubj", Some(1)),
            ("said", "VERB", "root", None),
            ("that", "SCONJ", "mark", Some(3)),
            ("rose", "VERB", "ccomp", Some(1)),
        ]);
        let v = View::new(&doc);
        assert_eq!(antecedent(&v, 2), None);
    }

    #[test]
    fn a_relative_clause_source_takes_in_its_antecedent() {
        // Universities Scotland , which represents principals , claimed ...
        let doc = parsed(&[
            ("Universities", "PROPN", "compound", Some(1)),
            ("Scotland", "PROPN", "nsubj", Some(7)),
            (",", "PUNCT", "punct", Some(4)),
            ("which", "PRON", "nsubj", Some(4)),
            ("represents", "VERB", "acl:relcl", Some(1)),
            ("principals", "NOUN", "obj", Some(4)),
            (",", "PUNCT", "punct", Some(4)),
            ("claimed", "VERB", "root", None),
            ("it", "PRON", "obj", Some(7)),
        ]);
        let v = View::new(&doc);
        let r = relative_source(&v, raw(7..8, vec![3..7], vec![8..9]));
        assert_eq!(r.source, vec![0..7]);
    }

    #[test]
    fn an_object_relative_pronoun_is_not_the_source() {
        // stability , which he said was the cornerstone
        let doc = parsed(&[
            ("stability", "NOUN", "obj", None),
            (",", "PUNCT", "punct", Some(5)),
            ("which", "PRON", "nsubj", Some(5)),
            ("he", "PRON", "nsubj", Some(4)),
            ("said", "VERB", "parataxis", Some(5)),
            ("was", "AUX", "cop", Some(7)),
            ("the", "DET", "det", Some(7)),
            ("cornerstone", "NOUN", "acl:relcl", Some(0)),
        ]);
        let v = View::new(&doc);
        let raw = raw(4..5, vec![2..4], vec![5..8]);
        assert_eq!(relative_source(&v, raw.clone()).source, vec![3..4]);
        // Unparsed, nothing is known: the source stays.
        let mut bare = doc.clone();
        bare.tokens.iter_mut().for_each(|t| t.head = None);
        bare.tokens.iter_mut().for_each(|t| t.deprel = None);
        let v = View::new(&bare);
        assert_eq!(relative_source(&v, raw).source, vec![2..4]);
    }
}
