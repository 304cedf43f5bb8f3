//! Passes that only look and note: characters lost in transcoding (`expos?s`), paragraphs cut
//! off mid-sentence, datelines, and the title line.

use super::Pass;
use crate::segment::split_sentences;
use according_core::{Note, NoteKind, Span};

/// Scan the (cleaned) text and return notes in its coordinates; the text is not changed.
pub fn scan(text: &str) -> Pass {
    let mut notes = Vec::new();
    lost_chars(text, &mut notes);
    let paras = paragraphs(text);
    let title = title(text, &paras, &mut notes);
    for &(s, e) in paras.iter().take(3) {
        if let Some(end) = dateline_len(&text[s..e]) {
            let line = text[s..s + end].trim_end();
            let detail = format!("dateline `{line}`");
            let span = Span::new(s, s + line.len());
            notes.push(Note {
                kind: NoteKind::Dateline,
                span,
                detail,
            });
        }
    }
    for &(s, e) in paras.iter().skip(usize::from(title)) {
        truncated(text, s, e, &mut notes);
    }
    notes.sort_by_key(|n| n.span.start);
    Pass {
        notes,
        ..Default::default()
    }
}

/// Paragraphs: runs of non-blank lines, trimmed.
pub fn paragraphs(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut last_end = 0;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim();
        if t.is_empty() {
            if let Some(s) = start.take() {
                out.push((s, last_end));
            }
        } else {
            let lead = line.len() - line.trim_start().len();
            start.get_or_insert(pos + lead);
            last_end = pos + line.trim_end().len();
        }
        pos += line.len();
    }
    if let Some(s) = start {
        out.push((s, last_end));
    }
    out
}

/// `?` (or U+FFFD) between letters, outside URLs: a character lost in transcoding.
fn lost_chars(text: &str, notes: &mut Vec<Note>) {
    let bytes = text.as_bytes();
    let mut last_word_end = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let len = if b == b'?' {
            1
        } else if b == 0xEF && text[i..].starts_with('\u{FFFD}') {
            3
        } else {
            continue;
        };
        if i < last_word_end {
            continue;
        }
        let prev = text[..i].chars().next_back();
        let next = text[i + len..].chars().next();
        if !(prev.is_some_and(char::is_alphabetic) && next.is_some_and(char::is_lowercase)) {
            continue;
        }
        let ws = text[..i]
            .char_indices()
            .rev()
            .find(|&(_, c)| c.is_whitespace())
            .map_or(0, |(k, c)| k + c.len_utf8());
        let we = text[i..]
            .find(char::is_whitespace)
            .map_or(text.len(), |k| i + k);
        let chunk = &text[ws..we];
        if chunk.contains(['/', '=', '&', '@']) || chunk.contains("www.") {
            continue;
        }
        let word =
            chunk.trim_matches(|c: char| !c.is_alphanumeric() && c != '?' && c != '\u{FFFD}');
        let s = ws + chunk.find(word).unwrap_or(0);
        let e = s + word.len();
        notes.push(Note {
            kind: NoteKind::LostChar,
            span: Span::new(s, e),
            detail: format!(
                "`{word}`: `{}` probably stands for a letter lost in transcoding",
                &text[i..i + len]
            ),
        });
        last_word_end = e;
    }
}

/// A first paragraph of one short line without a final full stop, followed by more text.
fn title(text: &str, paras: &[(usize, usize)], notes: &mut Vec<Note>) -> bool {
    let (Some(&(s, e)), true) = (paras.first(), paras.len() > 1) else {
        return false;
    };
    let t = &text[s..e];
    let words = t.split_whitespace().count();
    if t.contains('\n')
        || words > 20
        || t.ends_with(['.', ',', ';', ':'])
        || dateline_len(t).is_some()
    {
        return false;
    }
    notes.push(Note {
        kind: NoteKind::Title,
        span: Span::new(s, e),
        detail: "first line taken as the title".into(),
    });
    true
}

/// Words after which a paragraph cannot really end: it was cut off.
const DANGLING: &[&str] = &[
    "a",
    "about",
    "according",
    "across",
    "after",
    "against",
    "along",
    "although",
    "among",
    "an",
    "and",
    "any",
    "are",
    "around",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "behind",
    "being",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "despite",
    "did",
    "do",
    "does",
    "during",
    "each",
    "either",
    "every",
    "for",
    "from",
    "had",
    "has",
    "have",
    "her",
    "his",
    "if",
    "in",
    "including",
    "into",
    "is",
    "its",
    "may",
    "might",
    "must",
    "my",
    "near",
    "neither",
    "nor",
    "of",
    "on",
    "onto",
    "or",
    "our",
    "over",
    "per",
    "shall",
    "should",
    "since",
    "than",
    "that",
    "the",
    "their",
    "these",
    "this",
    "those",
    "through",
    "to",
    "toward",
    "towards",
    "under",
    "unless",
    "until",
    "upon",
    "via",
    "was",
    "were",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "will",
    "with",
    "within",
    "without",
    "would",
    "your",
];

/// Note a paragraph that stops mid-sentence (no final punctuation, ends on a function word or a
/// comma); the note spans its last sentence.
fn truncated(text: &str, s: usize, e: usize, notes: &mut Vec<Note>) {
    let para = &text[s..e];
    let Some(last) = para.chars().next_back() else {
        return;
    };
    if matches!(last, '.' | '!' | '?' | '"' | '”' | '’' | ')' | ':') {
        return;
    }
    if para.split_whitespace().nth(4).is_none() {
        return;
    }
    let last_word = para.rsplit(char::is_whitespace).next().unwrap_or("");
    let dangling = matches!(last, ',' | ';') || DANGLING.contains(&last_word);
    if !dangling {
        return;
    }
    let (ls, le) = split_sentences(para)
        .last()
        .copied()
        .unwrap_or((0, para.len()));
    notes.push(Note {
        kind: NoteKind::TruncatedParagraph,
        span: Span::new(s + ls, s + le),
        detail: format!("paragraph stops mid-sentence after `{last_word}`"),
    });
}

/// Length in bytes of a dateline opening `para` (`MEXICO CITY (AP) — `, `WASHINGTON — `,
/// `LONDON, Jan 5 (Reuters) - `), including the dash and the space after it.
pub fn dateline_len(para: &str) -> Option<usize> {
    let head = &para[..floor_boundary(para, 100)];
    // Find the dash that closes the dateline.
    let mut dash = None;
    for (k, c) in head.char_indices() {
        if matches!(c, '—' | '–' | '-' | '_') && k > 0 && head[..k].ends_with(' ') {
            let after = &head[k..];
            let dl = if after.starts_with("--") {
                2
            } else {
                c.len_utf8()
            };
            if head[k + dl..].starts_with(' ') {
                dash = Some((k, k + dl + 1));
                break;
            }
        }
    }
    let (dk, dend) = dash?;
    let before = head[..dk].trim_end();
    // Optional agency in parentheses at the end.
    let (place_part, agency) = match before
        .strip_suffix(')')
        .and_then(|b| b.rfind('(').map(|o| (&before[..o], &b[o + 1..])))
    {
        Some((p, a)) => (p.trim_end(), Some(a)),
        None => (before, None),
    };
    if let Some(a) = agency {
        if a.is_empty()
            || a.split_whitespace().count() > 4
            || !a.starts_with(|c: char| c.is_uppercase())
        {
            return None;
        }
    }
    // Place, then optionally `, Region` or `, Jan 5`.
    let (place, extra) = place_part.split_once(',').unwrap_or((place_part, ""));
    let place_words: Vec<&str> = place.split_whitespace().collect();
    if place_words.is_empty() || place_words.len() > 4 {
        return None;
    }
    let all_caps =
        |w: &str| w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase);
    let capitalised = |w: &str| w.starts_with(|c: char| c.is_uppercase());
    if !place_words.iter().all(|w| capitalised(w)) {
        return None;
    }
    if !place_words.iter().all(|w| all_caps(w)) && agency.is_none() {
        return None;
    }
    let extra_words: Vec<&str> = extra
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    if extra_words.len() > 5
        || !extra_words
            .iter()
            .all(|w| capitalised(w) || w.chars().all(|c| c.is_ascii_digit()))
    {
        return None;
    }
    Some(dend)
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines() {
        assert_eq!(
            dateline_len("MEXICO CITY (AP) — The"),
            Some("MEXICO CITY (AP) — ".len())
        );
        assert_eq!(
            dateline_len("WASHINGTON — Lawmakers"),
            Some("WASHINGTON — ".len())
        );
        assert_eq!(
            dateline_len("LONDON, Jan 5 (Reuters) - Shares"),
            Some("LONDON, Jan 5 (Reuters) - ".len())
        );
        assert_eq!(
            dateline_len("LONDON, Jan. 5 (Reuters) - Shares"),
            Some("LONDON, Jan. 5 (Reuters) - ".len())
        );
        assert_eq!(
            dateline_len("Washington (CNN) -- The"),
            Some("Washington (CNN) -- ".len())
        );
        assert_eq!(
            dateline_len("Russian Defense Minister Sergei Ivanov denied that – outside"),
            None
        );
        assert_eq!(dateline_len("The U.S. — and others — said"), None);
    }

    #[test]
    fn lost_char_flagged() {
        let p = scan("One of the most thorough expos?s of the regime. Why? Because.");
        let lost: Vec<_> = p
            .notes
            .iter()
            .filter(|n| n.kind == NoteKind::LostChar)
            .collect();
        assert_eq!(lost.len(), 1);
        assert_eq!(lost[0].span, Span::new(25, 32));
    }

    #[test]
    fn truncated_flagged() {
        let t = "First para ends well.\n\nIraq is also suspected of receiving uranium, according to an earlier report in\n\nNext.";
        let p = scan(t);
        let n = p
            .notes
            .iter()
            .find(|n| n.kind == NoteKind::TruncatedParagraph)
            .unwrap();
        assert!(t[n.span.start..n.span.end].ends_with("according to an earlier report in"));
    }
}
