//! Rule-based sentence splitting for news text.
//!
//! Paragraph breaks (blank lines) always end a sentence; so does a short line without final
//! punctuation (a headline) before another line. Inside a paragraph, a boundary needs terminal
//! punctuation (`.`, `!`, `?`, `…`), optional closing quotes or brackets, whitespace, and a next
//! word that can open a sentence; the word before a period decides how strict that last test is
//! (see [`super::abbrev`]).

use super::abbrev::{self, AbbrevKind};

/// Byte spans `(start, end)` of the sentences of `text`, in order, trimmed of whitespace.
pub fn split_sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(text.len() / 100 + 1);
    split_sentences_into(text, &mut out);
    out
}

/// Like [`split_sentences`], appending to `out`.
pub fn split_sentences_into(text: &str, out: &mut Vec<(usize, usize)>) {
    for (start, end) in blocks(text) {
        split_block(text, start, end, out);
    }
}

/// Blocks of text that always end a sentence: paragraphs, and lines that look like headlines.
fn blocks(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut lines = LineIter { text, pos: 0 };
    let mut pending: Option<(usize, usize)> = None;
    std::iter::from_fn(move || loop {
        let Some((ls, le)) = lines.next() else {
            return pending.take();
        };
        let line = &text[ls..le];
        let trimmed = line.trim();
        if trimmed.is_empty() {
            if let Some(b) = pending.take() {
                return Some(b);
            }
            continue;
        }
        let (ts, te) = (
            ls + (line.len() - line.trim_start().len()),
            ls + line.trim_end().len(),
        );
        match pending {
            None => pending = Some((ts, te)),
            Some((bs, be)) => {
                if line_is_standalone(&text[bs..be], trimmed) {
                    pending = Some((ts, te));
                    return Some((bs, be));
                }
                pending = Some((bs, te));
            }
        }
    })
}

/// Whether the line break between the block so far (whose last line is the tail of `block`) and
/// `next_line` is a sentence break: the last line is short, has no final punctuation, and does not
/// end as if it continued.
fn line_is_standalone(block: &str, next_line: &str) -> bool {
    let last_line = block.rsplit('\n').next().unwrap_or(block).trim();
    let Some(last) = last_line.chars().next_back() else {
        return false;
    };
    if matches!(
        last,
        '.' | '!' | '?' | '…' | ',' | ';' | '-' | '–' | '—' | '(' | '&'
    ) || is_closing(last)
    {
        // Final punctuation: the in-paragraph rules decide.
        return false;
    }
    let words = last_line.split_whitespace().count();
    if words > 10 {
        return false;
    }
    let last_word = last_line.rsplit(char::is_whitespace).next().unwrap_or("");
    if is_continuation_word(last_word) {
        return false;
    }
    next_line.starts_with(|c: char| c.is_uppercase() || c.is_numeric() || is_opening(c))
}

/// Lowercase function words after which a line cannot end a headline.
pub(crate) fn is_continuation_word(w: &str) -> bool {
    const WORDS: &[&str] = &[
        "a",
        "about",
        "after",
        "against",
        "an",
        "and",
        "as",
        "at",
        "before",
        "between",
        "but",
        "by",
        "for",
        "from",
        "in",
        "including",
        "into",
        "of",
        "on",
        "or",
        "over",
        "than",
        "that",
        "the",
        "their",
        "this",
        "to",
        "under",
        "which",
        "who",
        "with",
    ];
    WORDS.contains(&w)
}

struct LineIter<'a> {
    text: &'a str,
    pos: usize,
}

impl Iterator for LineIter<'_> {
    type Item = (usize, usize);
    fn next(&mut self) -> Option<(usize, usize)> {
        if self.pos >= self.text.len() {
            return None;
        }
        let start = self.pos;
        let rest = &self.text.as_bytes()[start..];
        let end = match rest.iter().position(|&b| b == b'\n') {
            Some(i) => start + i,
            None => self.text.len(),
        };
        self.pos = end + 1;
        Some((start, end))
    }
}

pub(crate) fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}')
}

pub(crate) fn is_opening(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '«' | '‹' | '(' | '[' | '{' | '¿' | '¡' | '`'
    )
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '‼' | '⁇' | '⁈' | '⁉')
}

/// Split one block `[start, end)` (no blank lines inside) into sentences.
fn split_block(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let bytes = text.as_bytes();
    let mut sent_start = start;
    let mut i = start;
    while i < end {
        let b = bytes[i];
        // Fast skip: only `.`, `!`, `?` and multi-byte chars (for `…` etc.) can end a sentence.
        if !(b == b'.' || b == b'!' || b == b'?' || b >= 0xE2) {
            i += 1;
            continue;
        }
        let c = text[i..].chars().next().unwrap_or(' ');
        if !is_terminal(c) {
            i += c.len_utf8().max(1);
            continue;
        }
        let run_start = i;
        let mut j = i;
        for ch in text[i..end].chars() {
            if is_terminal(ch) {
                j += ch.len_utf8();
            } else {
                break;
            }
        }
        let run_end = j;
        for ch in text[j..end].chars() {
            // An opening quote mark right after the period, before a space, is a misused
            // closing one (`decision.“ However`).
            let misused = matches!(ch, '“' | '‘')
                && j == run_end
                && text[j + ch.len_utf8()..end].starts_with(char::is_whitespace);
            if is_closing(ch) || misused {
                j += ch.len_utf8();
            } else {
                break;
            }
        }
        // A citation mark after the period belongs to the sentence (`research. [1 - 3] Next`).
        j += citation_len(&text[j..end]);
        i = j;
        if j >= end {
            break;
        }
        let Some(next_ch) = text[j..end].chars().next() else {
            break;
        };
        if !next_ch.is_whitespace() {
            continue;
        }
        let r = j + text[j..end].len() - text[j..end].trim_start().len();
        if r >= end {
            break;
        }
        if is_boundary(text, sent_start, run_start, run_end, j, r, end) {
            out.push((sent_start, j));
            sent_start = r;
            i = r;
        }
    }
    if sent_start < end {
        out.push((sent_start, end));
    }
}

/// Decide whether the terminal run `[run_start, run_end)` (closing punctuation up to `after`,
/// next sentence candidate at `next`) is a sentence boundary.
fn is_boundary(
    text: &str,
    sent_start: usize,
    run_start: usize,
    run_end: usize,
    after: usize,
    next: usize,
    end: usize,
) -> bool {
    let run = &text[run_start..run_end];
    let rest = &text[next..end];
    // The next word, past opening quotes and brackets.
    let opened = rest.starts_with(is_opening);
    let word_start = rest.trim_start_matches(is_opening);
    let Some(w) = word_start.chars().next() else {
        return false;
    };
    if w.is_lowercase() {
        return false;
    }
    if !(w.is_uppercase() || w.is_numeric() || opened) {
        // Dashes, symbols: a dateline or an aside (`N.Y. — The`) continues the sentence.
        return false;
    }
    let next_word = first_word(word_start);
    if run != "." {
        // `?`, `!`, `...`, `…` (or several): uppercase next word starts a sentence.
        let ellipsis = run.starts_with("..") || run.starts_with('…');
        return !(ellipsis && w.is_numeric());
    }
    let closed = after > run_end; // `."` `.)`: a quotation or aside ended with the sentence.
    let (prev, prev_start) = prev_word(text, sent_start, run_start);
    if prev.is_empty() {
        return true;
    }
    // A list marker opening the sentence (`1.`, `a.`, `IV.`) is not a sentence.
    if prev_start == sent_start && is_list_marker(prev) {
        return false;
    }
    if prev.chars().all(|c| c.is_ascii_digit()) {
        return closed || !w.is_numeric();
    }
    // Single capital letter: an initial (`George W. Bush`, `[George W.] Bush`), unless a
    // starter follows.
    let mut pc = prev.chars();
    if let (Some(p0), None) = (pc.next(), pc.next()) {
        if p0.is_uppercase() {
            return abbrev::is_starter(next_word) || opened;
        }
    }
    match abbrev::kind(prev) {
        None => true,
        Some(AbbrevKind::Title) => false,
        // `No. 5` continues; `No. The talks` (the word "No" answering) does not.
        Some(AbbrevKind::NumberPrefix) => !w.is_numeric(),
        Some(AbbrevKind::Month) => !w.is_numeric(),
        Some(AbbrevKind::MayEnd) => closed || abbrev::is_starter(next_word) || opened,
    }
}

fn is_list_marker(w: &str) -> bool {
    let n = w.chars().count();
    (n <= 3 && w.chars().all(|c| c.is_ascii_digit()))
        || (n == 1 && w.chars().all(|c| c.is_ascii_lowercase()))
        || (n <= 4 && w.chars().all(|c| matches!(c, 'I' | 'V' | 'X')))
}

/// Length of a citation mark (`[12]`, `[1 - 3]`, `[4, 5]`) plus the space before it, at the
/// start of `s`; 0 if there is none.
fn citation_len(s: &str) -> usize {
    let t = s.trim_start_matches([' ', '\u{a0}']);
    let Some(rest) = t.strip_prefix('[') else {
        return 0;
    };
    let Some(close) = rest.find(']') else {
        return 0;
    };
    let inner = &rest[..close];
    let ok = !inner.is_empty()
        && inner.len() <= 12
        && inner.chars().any(|c| c.is_ascii_digit())
        && inner
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | ',' | '-' | '–'));
    if ok {
        s.len() - t.len() + close + 2
    } else {
        0
    }
}

/// The word just before byte `pos` (a period), without leading punctuation (`(U.S` → `U.S`).
/// Also returns the byte offset where the raw word (with its punctuation) starts.
fn prev_word(text: &str, sent_start: usize, pos: usize) -> (&str, usize) {
    let before = &text[sent_start..pos];
    let raw = before.rsplit(char::is_whitespace).next().unwrap_or("");
    let w = raw.trim_start_matches(|c: char| !c.is_alphanumeric());
    // Strip closing quotes before the period (`"go".`).
    (w.trim_end_matches(is_closing), pos - raw.len())
}

fn first_word(s: &str) -> &str {
    let end = s.find(|c: char| !c.is_alphanumeric()).unwrap_or(s.len());
    &s[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(t: &str) -> Vec<&str> {
        split_sentences(t)
            .into_iter()
            .map(|(a, b)| &t[a..b])
            .collect()
    }

    #[test]
    fn basic() {
        assert_eq!(
            sents("Hello there. How are you?"),
            ["Hello there.", "How are you?"]
        );
        assert_eq!(
            sents("U.N. inspectors left. They said no."),
            ["U.N. inspectors left.", "They said no."]
        );
    }

    #[test]
    fn headline_line() {
        assert_eq!(
            sents("Big news today\nThe story begins here."),
            ["Big news today", "The story begins here."]
        );
        assert_eq!(sents("Title\n\nBody text."), ["Title", "Body text."]);
    }
}
