//! Word-level helpers for reading a source's text: words with their byte ranges, trimming,
//! and the time and age phrases that are no part of a name or role.

use super::*;

/// `list` holds `x` lowercased. An ASCII word is compared byte by byte with its lowercase
/// form, without building it as a new String (sources look up every word this way).
pub(super) fn holds_lowercased(list: &[&str], x: &str) -> bool {
    if x.is_ascii() {
        list.iter().any(|w| {
            w.len() == x.len()
                && w.bytes()
                    .zip(x.bytes())
                    .all(|(a, b)| a == b.to_ascii_lowercase())
        })
    } else {
        list.contains(&x.to_lowercase().as_str())
    }
}

/// `words` read as a clause, not a noun phrase: they hold a finite verb or a relative pronoun
/// (`the singer's agent has confirmed`, `an RPG which allows …`). For appositives, which
/// describe a name only as noun phrases.
pub(crate) fn reads_as_clause(words: &str) -> bool {
    words.split_whitespace().any(|w| {
        matches!(
            w,
            "is" | "are"
                | "was"
                | "were"
                | "has"
                | "have"
                | "had"
                | "will"
                | "would"
                | "which"
                | "who"
                | "that"
                | "said"
                | "says"
                | "reported"
                | "reports"
        )
    })
}

pub(super) fn is_cap(w: &str) -> bool {
    w.starts_with(|c: char| c.is_uppercase())
}

/// Words of `s` with their byte ranges.
pub(super) fn words(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            if let Some(a) = start.take() {
                out.push((a, i));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(a) = start {
        out.push((a, s.len()));
    }
    out
}

pub(super) fn trim_punct(s: &str) -> &str {
    let t = s.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | ':' | '“' | '”' | '"' | '(' | ')' | '—' | '–')
    });
    // `the US Federal Communications Commission (FCC)` lost its closing bracket: the
    // bracketed acronym goes, not half of it.
    if !t.contains('(') {
        return t;
    }
    match t.rfind(" (") {
        Some(p) if !t[p..].contains(')') => trim_punct(&t[..p]),
        _ => t,
    }
}

/// Where `needle` first occurs in `hay`: `str::find` without building a searcher, which
/// costs more than the search itself for a source's few words and a short phrase.
pub(super) fn find_short(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let first = *n.first()?;
    (0..(h.len() + 1).saturating_sub(n.len())).find(|&i| h[i] == first && &h[i..i + n.len()] == n)
}

/// Where the earliest of `needles` occurs in `hay`: one pass over `hay`, trying at each byte
/// only the needles that start with it (as `needles.map(find_short).min()`, without a pass
/// per needle).
pub(super) fn find_first_of(hay: &str, needles: &[&str]) -> Option<usize> {
    let mut opens = [false; 256];
    for n in needles {
        opens[*n.as_bytes().first()? as usize] = true;
    }
    let h = hay.as_bytes();
    (0..h.len())
        .find(|&i| opens[h[i] as usize] && needles.iter().any(|n| h[i..].starts_with(n.as_bytes())))
}

/// `name` without a closing time phrase: `… on Friday`, `… in June`, `… last week`,
/// `… yesterday`.
pub(super) fn without_time(name: &str) -> &str {
    const LEADS: &[&str] = &["on", "in", "last", "this", "earlier", "late", "early"];
    // (Most names end in no time word: look at the last word before splitting them all.)
    let last = trim_punct(name.rsplit(char::is_whitespace).next().unwrap_or(""));
    let time = |w: &str| {
        holds_lowercased(TIME_NOUNS, w)
            || holds_lowercased(MONTHS, w)
            || holds_lowercased(&["tonight"], w)
    };
    if !time(last) {
        return name;
    }
    let ws = words(name);
    if let Some(&(a, b)) = ws.last() {
        let last = trim_punct(&name[a..b]).to_lowercase();
        if matches!(last.as_str(), "yesterday" | "today" | "tonight") && ws.len() >= 2 {
            return trim_punct(&name[..a]);
        }
        if ws.len() >= 3 && (TIME_NOUNS.contains(&last.as_str()) || MONTHS.contains(&last.as_str()))
        {
            let lead = trim_punct(&name[ws[ws.len() - 2].0..ws[ws.len() - 2].1]);
            // (`the head of Universal Music until last year`: the time belongs to the role.)
            let before = trim_punct(&name[ws[ws.len() - 3].0..ws[ws.len() - 3].1]);
            let bound = matches!(
                before.to_lowercase().as_str(),
                "until"
                    | "till"
                    | "since"
                    | "from"
                    | "by"
                    | "of"
                    | "for"
                    | "to"
                    | "before"
                    | "after"
                    | "during"
            );
            if LEADS.contains(&lead.to_lowercase().as_str()) && !bound {
                return trim_punct(&name[..ws[ws.len() - 2].0]);
            }
        }
    }
    name
}

pub(super) fn without_age(role: &str) -> &str {
    let digits = role.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=3).contains(&digits) {
        return role;
    }
    match role[digits..].strip_prefix(',') {
        Some(rest) => trim_punct(rest),
        None if role.len() == digits => "",
        None => role,
    }
}
