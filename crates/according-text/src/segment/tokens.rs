//! Tokenization following Universal Dependencies English (EWT/GUM) conventions, because the
//! tagger, parser and NER downstream are trained on those tokens:
//! punctuation split off, clitics split (`do|n't`, `ca|n't`, `it|'s`, `parents|'`), `gonna` →
//! `gon|na`, `cannot` → `can|not`, hyphens split except after common prefixes (`re-elected`,
//! `e-mail`), `$`/`%` split, abbreviations and acronyms keep their period (`U.S.`, `Mr.`),
//! numbers (`1,000.5`, `10:30`, `16/11/2004`), URLs and e-mail addresses stay whole.

use super::abbrev;
use super::sentences::{is_closing, is_opening};

/// Byte spans `(start, end)` of the tokens of one sentence.
pub fn tokenize_sentence(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(s.len() / 4 + 1);
    tokenize_into(s, 0, &mut out);
    out
}

/// Tokenize `s`, appending spans shifted by `offset` to `out`.
pub fn tokenize_into(s: &str, offset: usize, out: &mut Vec<(usize, usize)>) {
    let mut chunks = WsChunks { s, pos: 0 }.peekable();
    let mut is_first = true;
    while let Some((a, b)) = chunks.next() {
        let is_last = chunks.peek().is_none();
        let before = out.len();
        // A list marker opening the sentence (`1.`, `2.`) is one token.
        let marker = &s[a..b];
        // Fast path: most chunks are plain words.
        if marker.bytes().all(|c| c.is_ascii_alphabetic()) && fused_cut(marker).is_none() {
            out.push((a + offset, b + offset));
            is_first = false;
            continue;
        }
        let digits = marker.strip_suffix('.').unwrap_or("");
        if is_first && (1..=3).contains(&digits.len()) && digits.bytes().all(|c| c.is_ascii_digit())
        {
            out.push((a, b));
        } else {
            tokenize_chunk(s, a, b, is_last, out);
        }
        is_first = false;
        for t in &mut out[before..] {
            t.0 += offset;
            t.1 += offset;
        }
    }
}

/// Whitespace-separated chunks (Unicode whitespace, incl. no-break space).
struct WsChunks<'a> {
    s: &'a str,
    pos: usize,
}

impl Iterator for WsChunks<'_> {
    type Item = (usize, usize);
    fn next(&mut self) -> Option<(usize, usize)> {
        let bytes = self.s.as_bytes();
        let mut i = self.pos;
        while i < bytes.len() {
            match ws_len(self.s, i) {
                0 => break,
                n => i += n,
            }
        }
        if i >= bytes.len() {
            self.pos = bytes.len();
            return None;
        }
        let start = i;
        while i < bytes.len() {
            if bytes[i] < 0x80 {
                if bytes[i].is_ascii_whitespace() || bytes[i] == 0x0B {
                    break;
                }
                i += 1;
            } else if ws_len(self.s, i) > 0 {
                break;
            } else {
                i += utf8_len(bytes[i]);
            }
        }
        self.pos = i;
        Some((start, i))
    }
}

fn utf8_len(lead: u8) -> usize {
    match lead {
        0xF0..=0xFF => 4,
        0xE0..=0xEF => 3,
        0xC0..=0xDF => 2,
        _ => 1,
    }
}

/// Byte length of the whitespace character at `i` (a char boundary), 0 if none.
fn ws_len(s: &str, i: usize) -> usize {
    let b = s.as_bytes()[i];
    if b < 0x80 {
        return usize::from(b.is_ascii_whitespace() || b == 0x0B);
    }
    match s[i..].chars().next() {
        Some(c) if c.is_whitespace() => c.len_utf8(),
        _ => 0,
    }
}

fn is_url_or_email(w: &str) -> bool {
    if w.contains("://")
        || w.starts_with("www.")
        || w.starts_with("WWW.")
        || w.starts_with("mailto:")
    {
        return true;
    }
    if let Some(at) = w.find('@') {
        let (user, host) = (&w[..at], &w[at + 1..]);
        return !user.is_empty()
            && user.chars().next().is_some_and(char::is_alphanumeric)
            && host.contains('.')
            && host.chars().next().is_some_and(char::is_alphanumeric);
    }
    false
}

fn is_lead_punct(c: char) -> bool {
    is_opening(c) && c != '\'' || matches!(c, '$' | '£' | '€' | '¥' | '₹' | '*' | '#' | '~' | '<')
}

fn is_trail_punct(c: char) -> bool {
    is_closing(c)
        || matches!(
            c,
            ',' | ';' | ':' | '!' | '?' | '…' | '%' | '*' | '“' | '‘' | '«' | '(' | '[' | '>'
        )
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '‒' | '―' | '−')
}

/// Tokenize the chunk `[a, b)` of `s` (no whitespace inside).
fn tokenize_chunk(s: &str, a: usize, b: usize, is_last: bool, out: &mut Vec<(usize, usize)>) {
    let mut i = a;
    let mut j = b;
    // Leading punctuation.
    while i < j {
        let rest = &s[i..j];
        let c = rest.chars().next().unwrap_or(' ');
        let n = if rest.starts_with("``") || rest.starts_with("--") {
            2
        } else if rest.starts_with("...") {
            3
        } else if c == '\'' || c == '‘' || c == '’' {
            // `'90s`, `'s` (a clitic on its own), `'em`: keep; otherwise an opening quote.
            let after = &rest[c.len_utf8()..];
            if after.starts_with(|d: char| d.is_ascii_digit())
                || is_clitic(after)
                || after.is_empty()
            {
                break;
            }
            c.len_utf8()
        } else if (is_lead_punct(c) || is_dash(c)) && rest.len() > c.len_utf8() {
            c.len_utf8()
        } else {
            break;
        };
        out.push((i, i + n));
        i += n;
    }
    if i >= j {
        return;
    }
    if is_url_or_email(&s[i..j]) {
        let core = s[i..j].trim_end_matches(|c: char| {
            matches!(
                c,
                '.' | ',' | ';' | ':' | '!' | '?' | '"' | '\'' | '”' | '’' | ')' | ']'
            )
        });
        let core_end = i + core.len().max(1);
        out.push((i, core_end));
        push_chars(s, core_end, j, out);
        return;
    }
    // Trailing punctuation, collected from the end.
    let mut trail: Vec<(usize, usize)> = Vec::new();
    while j > i {
        let core = &s[i..j];
        if core.len() >= 3 && core.ends_with("...") {
            if core.len() == 3 {
                break;
            }
            trail.push((j - 3, j));
            j -= 3;
            continue;
        }
        if core.len() >= 2 && core.ends_with("--") {
            if core.len() == 2 {
                break;
            }
            trail.push((j - 2, j));
            j -= 2;
            continue;
        }
        let c = core.chars().next_back().unwrap_or(' ');
        let cl = c.len_utf8();
        if core.len() == cl {
            break;
        }
        if c == '.' {
            let word = &core[..core.len() - 1];
            let at_end = is_last && trail.iter().all(|&(x, y)| is_closing_str(&s[x..y]));
            if keeps_period(word, at_end) {
                break;
            }
            trail.push((j - 1, j));
            j -= 1;
            continue;
        }
        // A word fragment (`Th-`, `pro- and anti-war`) keeps its hyphen.
        if c == '-' && core[..core.len() - 1].ends_with(char::is_alphabetic) && trail.is_empty() {
            break;
        }
        if c == ')' && (core.ends_with("(s)") || core.ends_with("(S)")) && core.len() > 3 {
            break;
        }
        if is_trail_punct(c) || is_dash(c) {
            // A run of one mark (`!!!`, `???`, `***`) is one token.
            let run = core.len() - core.trim_end_matches(c).len();
            let n = if run == core.len() { run } else { run.max(cl) };
            trail.push((j - n, j));
            j -= n;
            continue;
        }
        break;
    }
    split_core(s, i, j, out);
    out.extend(trail.into_iter().rev());
}

fn is_closing_str(t: &str) -> bool {
    t.chars().all(is_closing)
}

/// Whether `word.` keeps its period as one token.
fn keeps_period(word: &str, at_sentence_end: bool) -> bool {
    if word.is_empty()
        || !word.chars().all(|c| c.is_alphabetic() || c == '.')
        || word.ends_with('.')
    {
        return false;
    }
    if abbrev::keeps_period(word) {
        // At the very end, a lone capital (`Plan B.`), a title or `No.` is a word and a period.
        let word_like = word.chars().count() == 1
            || matches!(
                abbrev::kind(word),
                Some(abbrev::AbbrevKind::NumberPrefix | abbrev::AbbrevKind::Title)
            );
        return !(at_sentence_end && word_like);
    }
    // Mid-sentence short capitalised words with a period (`Gen.`, `Ky.`) are abbreviations:
    // the sentence splitter already decided the period does not end the sentence.
    !at_sentence_end && word.len() <= 4 && word.starts_with(|c: char| c.is_ascii_uppercase())
}

const CLITICS: &[&str] = &["s", "re", "ll", "ve", "d", "m"];
const PREFIXES: &[&str] = &[
    "anti", "bi", "co", "counter", "cross", "de", "e", "ex", "extra", "hyper", "inter", "intra",
    "macro", "mega", "micro", "mid", "mini", "multi", "neo", "non", "over", "pan", "para", "post",
    "pre", "pro", "pseudo", "re", "semi", "socio", "sub", "super", "trans", "uh", "ultra", "un",
    "vice", "wi", "x",
];

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// `s`, `re`, ... after an apostrophe (the text after it), case-insensitive, as the whole rest.
fn is_clitic(after: &str) -> bool {
    after.len() <= 2 && CLITICS.iter().any(|c| c.eq_ignore_ascii_case(after))
}

/// Where UD splits a fused form (`gonna` → `gon|na`, `cannot` → `can|not`).
fn fused_cut(w: &str) -> Option<usize> {
    const FUSED: &[(&str, usize)] = &[
        ("gonna", 3),
        ("wanna", 3),
        ("gotta", 3),
        ("cannot", 3),
        ("oughta", 5),
        ("outta", 3),
    ];
    if !(5..=6).contains(&w.len()) {
        return None;
    }
    FUSED
        .iter()
        .find(|(f, _)| f.eq_ignore_ascii_case(w))
        .map(|&(_, cut)| cut)
}

/// Split a chunk core with no leading/trailing punctuation: clitics, fused forms, inner
/// punctuation.
fn split_core(s: &str, i: usize, j: usize, out: &mut Vec<(usize, usize)>) {
    if i >= j {
        return;
    }
    let core = &s[i..j];
    // Fused forms UD splits: gonna, wanna, gotta, cannot.
    if let Some(cut) = fused_cut(core) {
        out.push((i, i + cut));
        out.push((i + cut, j));
        return;
    }
    // n't
    for nt in ["n't", "n’t", "N'T", "N’T"] {
        if core.len() > nt.len() && core.ends_with(nt) {
            let cut = j - nt.len();
            split_inner(s, i, cut, out);
            out.push((cut, j));
            return;
        }
    }
    // 's 're 'll 've 'd 'm
    if let Some((pos, ap)) = core.char_indices().rev().find(|&(_, c)| is_apostrophe(c)) {
        let after = &core[pos + ap.len_utf8()..];
        if pos > 0 && is_clitic(after) {
            let cut = i + pos;
            split_inner(s, i, cut, out);
            out.push((cut, j));
            return;
        }
    }
    split_inner(s, i, j, out);
}

/// Split at inner punctuation that UD tokenizes separately (hyphens after non-prefixes, slashes
/// and commas between non-digits, brackets, quotes, ellipses).
fn split_inner(s: &str, i: usize, j: usize, out: &mut Vec<(usize, usize)>) {
    let core = &s[i..j];
    if core.chars().all(char::is_alphanumeric) {
        push_word(s, i, j, out);
        return;
    }
    let mut tok_start = i;
    let mut k = i;
    let mut prev: Option<char> = None;
    while k < j {
        let c = s[k..j].chars().next().unwrap_or(' ');
        let cl = c.len_utf8();
        let next = s[k + cl..j].chars().next();
        let digits_around =
            prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|n| n.is_ascii_digit());
        let letters_around =
            prev.is_some_and(char::is_alphabetic) && next.is_some_and(char::is_alphabetic);
        let split_len = if s[k..j].starts_with("...") || s[k..j].starts_with("--") {
            Some(if s[k..j].starts_with("...") { 3 } else { 2 })
        } else {
            match c {
                '-' => (!keep_hyphen(&s[tok_start..k], &s[k + 1..j], prev, next)).then_some(1),
                '/' | ',' | ':' => (!digits_around).then_some(1),
                // `Governor(s)` stays whole.
                '(' if s[k..j].eq_ignore_ascii_case("(s)") => None,
                ')' if s[tok_start..k].ends_with("(s") || s[tok_start..k].ends_with("(S") => None,
                '?' => (!letters_around).then_some(1),
                '.' | '&' | '@' | '_' | '\'' | '’' | '+' | '=' | '#' => None,
                c if is_dash(c) => Some(cl),
                c if c.is_alphanumeric() => None,
                c if is_opening(c)
                    || is_closing(c)
                    || matches!(
                        c,
                        '!' | ';' | '…' | '“' | '”' | '*' | '%' | '$' | '£' | '€' | '¥'
                    ) =>
                {
                    Some(cl)
                }
                _ => None,
            }
        };
        match split_len {
            Some(n) => {
                if tok_start < k {
                    push_word(s, tok_start, k, out);
                }
                out.push((k, k + n));
                k += n;
                tok_start = k;
                prev = s[..k].chars().next_back();
            }
            None => {
                k += cl;
                prev = Some(c);
            }
        }
    }
    if tok_start < j {
        push_word(s, tok_start, j, out);
    }
}

/// Units UD splits from a preceding number (`10am` → `10 am`, `£221bn` → `221 bn`).
const UNITS: &[&str] = &[
    "am", "pm", "bn", "m", "k", "km", "kg", "mph", "ft", "lb", "lbs", "mm", "cm", "mg", "ml", "gb",
    "mb", "tb",
];

/// Push a word, splitting a number from a unit suffix.
fn push_word(s: &str, a: usize, b: usize, out: &mut Vec<(usize, usize)>) {
    let w = &s[a..b];
    if w.starts_with(|c: char| c.is_ascii_digit()) {
        if let Some(k) = w.find(|c: char| c.is_ascii_alphabetic()) {
            let (num, unit) = w.split_at(k);
            let numeric = num
                .bytes()
                .all(|c| c.is_ascii_digit() || c == b'.' || c == b',');
            if numeric && UNITS.iter().any(|u| u.eq_ignore_ascii_case(unit)) {
                out.push((a, a + k));
                out.push((a + k, b));
                return;
            }
        }
    }
    out.push((a, b));
}

/// Whether a hyphen between `left` (the token so far) and `right` (the rest) stays inside one
/// token: after a common prefix (`re-elected`, `e-mail`), or in long digit groups (phone numbers).
fn keep_hyphen(left: &str, right: &str, prev: Option<char>, next: Option<char>) -> bool {
    if next.is_none() && prev.is_some_and(char::is_alphabetic) {
        return true; // a word fragment: `Th-`
    }
    let (Some(p), Some(n)) = (prev, next) else {
        return false;
    };
    if p.is_ascii_digit() && n.is_ascii_digit() {
        // Phone numbers stay whole (`713-654-0365`, `345-8702`); ranges split (`2013-2014`).
        let groups: Vec<&str> = left.split('-').chain(right.split('-')).collect();
        let digits = groups
            .iter()
            .all(|g| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit()));
        let local =
            groups.len() == 2 && matches!((groups[0].len(), groups[1].len()), (3, 4) | (5, 4));
        return digits && (groups.len() >= 3 || local);
    }
    if !p.is_alphabetic() || !n.is_alphanumeric() {
        return false;
    }
    let seg = left.rsplit('-').next().unwrap_or(left);
    seg.len() <= 7 && PREFIXES.iter().any(|x| x.eq_ignore_ascii_case(seg))
}

fn push_chars(s: &str, from: usize, to: usize, out: &mut Vec<(usize, usize)>) {
    for (k, c) in s[from..to].char_indices() {
        out.push((from + k, from + k + c.len_utf8()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<&str> {
        tokenize_sentence(s)
            .into_iter()
            .map(|(a, b)| &s[a..b])
            .collect()
    }

    #[test]
    fn ud_style() {
        assert_eq!(toks("I don't know."), ["I", "do", "n't", "know", "."]);
        assert_eq!(
            toks("We can't, won't."),
            ["We", "ca", "n't", ",", "wo", "n't", "."]
        );
        assert_eq!(toks("Bush’s plan"), ["Bush", "’s", "plan"]);
        assert_eq!(toks("the U.S. officials"), ["the", "U.S.", "officials"]);
        assert_eq!(
            toks("$1.2 billion, 5%"),
            ["$", "1.2", "billion", ",", "5", "%"]
        );
        assert_eq!(
            toks("“Go,” he said."),
            ["“", "Go", ",", "”", "he", "said", "."]
        );
        assert_eq!(
            toks("a 10-week re-elected plan"),
            ["a", "10", "-", "week", "re-elected", "plan"]
        );
        assert_eq!(
            toks("Europe/Radio Liberty"),
            ["Europe", "/", "Radio", "Liberty"]
        );
        assert_eq!(toks("see www.bbc.co.uk."), ["see", "www.bbc.co.uk", "."]);
        assert_eq!(toks("the parents' cars"), ["the", "parents", "'", "cars"]);
        assert_eq!(toks("gonna go"), ["gon", "na", "go"]);
        assert_eq!(toks("expos?s of"), ["expos?s", "of"]);
        assert_eq!(toks("Mr. Smith"), ["Mr.", "Smith"]);
    }
}
