//! Layout patterns of attribution that the token taggers see poorly because they span lines:
//!
//! - a quote signed with a dash: `“We will win.” ― Jane Doe` (cue `―`, source the name,
//!   content the quote before it);
//! - a transcript line: `WALLACE: Let's start with…` (cue `:`, source the all-caps speaker,
//!   content the rest of the line).

#![allow(clippy::single_range_in_vec_init)] // one-piece spans are what we mean here

use crate::tagging::RawAttribution;
use crate::view::{QuoteMark, View};

fn is_dash(w: &str) -> bool {
    matches!(w, "―" | "—" | "–" | "--")
}

fn is_quote(w: &str) -> bool {
    matches!(w, "”" | "“" | "\"" | "''" | "’")
}

fn capitalised(w: &str) -> bool {
    w.starts_with(|c: char| c.is_uppercase())
}

/// An all-caps speaker label word (`WALLACE`, `MR.`), at least two letters.
fn speaker_word(w: &str) -> bool {
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && w.chars().all(|c| c.is_uppercase() || c == '.' || c == '-')
}

/// Margin given to pattern attributions: as sure as the tagger's surest cues.
pub const PATTERN_SCORE: f32 = 20.0;

/// Every attribution of the two layout patterns in the view.
pub fn find(v: &View) -> Vec<RawAttribution> {
    let mut out = Vec::new();
    let n = v.len();
    let para_end = |i: usize| {
        let p = v.toks[i].paragraph;
        let mut e = i;
        while e < n && v.toks[e].paragraph == p {
            e += 1;
        }
        e
    };
    let para_start = |i: usize| {
        let p = v.toks[i].paragraph;
        let mut s = i;
        while s > 0 && v.toks[s - 1].paragraph == p {
            s -= 1;
        }
        s
    };
    // Where the last dash signature of the current paragraph ended (content starts after it).
    let mut last_sig_end: Option<usize> = None;
    for i in 1..n {
        let w = v.word(i);
        // Most tokens are words, which are neither a dash nor a colon: skip them cheaply.
        if w.as_bytes().first().is_some_and(u8::is_ascii_alphanumeric) {
            continue;
        }
        // `”―` may come as one token or two.
        let bare = w.trim_start_matches(['”', '“', '"', '’']);
        let after_quote = || bare.len() < w.len() || is_quote(v.word(i - 1));
        if is_dash(bare) && after_quote() && i + 1 < n {
            let p = v.toks[i].paragraph;
            // The signature: capitalised words up to the line end, an opening quote or `.`.
            let mut e = i + 1;
            while e < n
                && e - i <= 6
                && v.toks[e].paragraph == p
                && v.toks[e].mark != QuoteMark::Open
                && !matches!(v.word(e), "." | "“" | "\"" | "”")
            {
                e += 1;
            }
            let name = i + 1..e;
            let signature_ends = e >= n || v.toks[e].paragraph != p || !matches!(v.word(e), ",");
            if name.is_empty()
                || !capitalised(v.word(name.start))
                || !signature_ends
                || e - i > 6
                || !name.clone().all(|k| {
                    let w = v.word(k);
                    capitalised(w) || w.len() <= 3 || w.chars().all(|c| !c.is_alphabetic())
                })
            {
                continue;
            }
            let mut start = para_start(i);
            if let Some(prev) = last_sig_end.filter(|&x| x > start && x < i) {
                start = prev;
            }
            if start + 1 >= i {
                continue;
            }
            out.push(RawAttribution {
                cue: i..i + 1,
                score: PATTERN_SCORE,
                source: vec![name.clone()],
                content: vec![start..i],
            });
            last_sig_end = Some(name.end);
        } else if w == ":" {
            let s = para_start(i);
            let first = if is_quote(v.word(s)) { s + 1 } else { s };
            if first >= i || i - first > 3 || !(first..i).all(|k| speaker_word(v.word(k))) {
                continue;
            }
            let e = para_end(i);
            if e <= i + 1 {
                continue;
            }
            out.push(RawAttribution {
                cue: i..i + 1,
                score: PATTERN_SCORE,
                source: vec![first..i],
                content: vec![i + 1..e],
            });
        }
    }
    out
}

/// Add the pattern attributions to the tagger's, replacing tagger attributions whose cue
/// overlaps a pattern's cue or source.
pub fn merge(mut tagged: Vec<RawAttribution>, found: Vec<RawAttribution>) -> Vec<RawAttribution> {
    if found.is_empty() {
        return tagged;
    }
    let clash = |a: &RawAttribution| {
        found.iter().any(|f| {
            let ov = |r: &std::ops::Range<usize>| r.start < a.cue.end && a.cue.start < r.end;
            ov(&f.cue) || f.source.iter().any(ov)
        })
    };
    tagged.retain(|a| !clash(a));
    tagged.extend(found);
    tagged.sort_by_key(|a| (a.cue.start, a.cue.end));
    tagged
}

#[cfg(test)]
mod tests {
    use super::*;
    use according_core::Doc;

    fn text_of(v: &View, r: &std::ops::Range<usize>) -> String {
        v.text[v.toks[r.start].span.start..v.toks[r.end - 1].span.end].to_string()
    }

    #[test]
    fn dash_signatures_and_transcripts() {
        let doc = Doc::new(
            "t",
            "t",
            "Intro line.\n“He is wrong. Very wrong.” ― Jane Doe\n“Go.”― Al B. Smith\nWALLACE: Let’s start.\nNote: this is not a speaker.",
        );
        let v = View::new(&doc);
        let f = find(&v);
        assert_eq!(f.len(), 3, "{f:?}");
        assert_eq!(text_of(&v, &f[0].source[0]), "Jane Doe");
        assert_eq!(text_of(&v, &f[0].content[0]), "“He is wrong. Very wrong.”");
        assert_eq!(text_of(&v, &f[1].source[0]), "Al B. Smith");
        assert_eq!(text_of(&v, &f[2].source[0]), "WALLACE");
        assert_eq!(text_of(&v, &f[2].content[0]), "Let’s start.");
    }
}
