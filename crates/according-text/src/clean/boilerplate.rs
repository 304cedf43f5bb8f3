//! Boilerplate lines: site furniture that is not part of the article (related-link blocks,
//! share/subscribe/follow lines, comment rules, copyright lines, bylines repeated at the end).
//!
//! Decided line by line from a lexicon of patterns, plus positions: the short title lines after
//! a "Related story:" header are links, and credit lines only count at the end of the article.

use super::Pass;
use according_core::offsets::OffsetMapBuilder;
use according_core::{Note, NoteKind, Span};

/// Headers that open a block of links (`Related story:`). The lines after them, while short and
/// title-like, are link titles.
const LINK_HEADERS: &[&str] = &[
    "related",
    "related story",
    "related stories",
    "related article",
    "related articles",
    "related link",
    "related links",
    "related content",
    "related coverage",
    "related news",
    "related topics",
    "related reading",
    "related video",
    "related videos",
    "see also",
    "more on this story",
    "more on this",
    "more stories",
    "more news",
    "read more",
    "read next",
    "also read",
    "read also",
    "further reading",
    "recommended",
    "recommended stories",
    "you may also like",
    "you might also like",
    "most read",
    "most popular",
    "most viewed",
    "top stories",
    "latest news",
    "don't miss",
    "trending",
    "more from",
    "elsewhere on the web",
    "around the web",
    "in other news",
    "popular now",
];

/// Whole lines (case-insensitive, trailing punctuation ignored) that are furniture.
const WHOLE_LINES: &[&str] = &[
    "advertisement",
    "advertising",
    "share",
    "share this",
    "share this article",
    "share this story",
    "share this page",
    "tweet",
    "email",
    "print",
    "comments",
    "comment",
    "leave a comment",
    "post a comment",
    "story continues below",
    "continue reading",
    "continue reading below",
    "skip to content",
    "skip advertisement",
    "back to top",
    "getty images",
    "image copyright",
    "image caption",
    "media caption",
    "media playback is unsupported on your device",
    "sponsored",
    "sponsored content",
    "subscribe",
    "sign up",
    "log in",
    "login",
    "register",
    "watch",
    "listen",
    "close",
    "menu",
    "follow us",
];

/// Phrases that make a short line furniture wherever they appear in it.
const PHRASES: &[&str] = &[
    "discussion guidelines",
    "before commenting",
    "comment policy",
    "click here",
    "follow us on",
    "like us on facebook",
    "share on facebook",
    "share on twitter",
    "share on linkedin",
    "all rights reserved",
    "terms of use",
    "terms of service",
    "privacy policy",
    "cookie policy",
    "download our app",
    "this article was originally published",
    "this story was originally published",
    "reprinted with permission",
    "copyright ©",
    "copyright (c)",
    "comments are closed",
    "you must be logged in",
    "story continues below",
];

/// Phrases that make a short line furniture when they open it (`Subscribe to our newsletter`,
/// but not `Few subscribe to the theory`).
const OPENERS: &[&str] = &[
    "subscribe to",
    "subscribe for",
    "sign up for",
    "sign up to",
    "share via",
    "share this",
    "email this",
    "e-mail this",
    "print this",
    "follow us",
    "like us on",
    "get our newsletter",
    "send us a tip",
    "report an error",
    "view comments",
    "advertisement",
    "join the conversation",
    "read our",
    "have your say",
    "watch:",
    "listen:",
    "photo:",
    "video:",
];

/// Credit lines: only furniture at the end of the article.
const CREDIT_STARTS: &[&str] = &[
    "by ",
    "written by ",
    "reporting by ",
    "additional reporting by ",
    "editing by ",
    "edited by ",
    "compiled by ",
    "writing by ",
    "contact the writer",
    "contact the reporter",
    "— ",
    "-- ",
];
const CREDIT_ENDS: &[&str] = &[
    "contributed to this report",
    "contributed to this story",
    "contributed reporting",
];

/// Longest line (in words) that the lexicon may remove: real paragraphs mentioning "newsletter"
/// are longer.
const MAX_WORDS: usize = 16;

fn normalise_line(line: &str) -> String {
    let t = line.trim().trim_end_matches(|c: char| {
        matches!(c, ':' | '.' | '!' | '»' | '>' | '|' | '›') || c.is_whitespace()
    });
    t.to_lowercase().replace('’', "'")
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

fn is_link_header(norm: &str, raw: &str) -> bool {
    LINK_HEADERS.contains(&norm) || norm.starts_with("more from ") && word_count(raw) <= 5
}

fn is_furniture(norm: &str, raw: &str) -> bool {
    let t = raw.trim();
    if WHOLE_LINES.contains(&norm)
        || t.starts_with('©')
        || norm.starts_with("copyright ") && word_count(t) <= MAX_WORDS
    {
        return true;
    }
    word_count(t) <= MAX_WORDS
        && (PHRASES.iter().any(|p| norm.contains(p)) || OPENERS.iter().any(|p| norm.starts_with(p)))
}

/// A short title-like line, as in a list of links: few words, no final full stop.
fn is_title_like(raw: &str) -> bool {
    let t = raw.trim();
    let n = word_count(t);
    (1..=15).contains(&n)
        && !t.ends_with('.')
        && !t.ends_with(',')
        && t.starts_with(|c: char| c.is_uppercase() || c.is_numeric() || c == '"' || c == '“')
}

fn is_credit(norm: &str, raw: &str) -> bool {
    let t = raw.trim();
    if word_count(t) > MAX_WORDS {
        return false;
    }
    let starts = CREDIT_STARTS
        .iter()
        .find(|p| norm.starts_with(*p))
        .is_some_and(|p| names_only(t.get(p.len()..).unwrap_or("")));
    starts || CREDIT_ENDS.iter().any(|p| norm.ends_with(p)) || looks_like_email_line(t)
}

/// Whether `s` reads like a list of names and titles (`John Smith, Associated Press Writer`,
/// `Jane Doe; Editing by John Roe`): capitalised words and connectors only.
fn names_only(s: &str) -> bool {
    const CONNECTORS: &[&str] = &[
        "and", "by", "of", "in", "the", "de", "da", "van", "von", "al", "bin", "for", "at", "&",
        "/", "|",
    ];
    let mut names = 0;
    for w in s.split_whitespace() {
        let w = w.trim_matches(|c: char| matches!(c, ',' | ';' | ':' | '(' | ')' | '.'));
        if w.is_empty() || CONNECTORS.contains(&w) {
            continue;
        }
        if w.starts_with(|c: char| c.is_uppercase() || c == '@') {
            names += 1;
        } else {
            return false;
        }
    }
    names > 0 && !s.trim_end().ends_with(['?', '!'])
}

fn looks_like_email_line(t: &str) -> bool {
    word_count(t) <= 6
        && t.split_whitespace()
            .any(|w| w.contains('@') && w.contains('.'))
}

/// Find boilerplate lines and cut them (with their line break) from the view.
pub fn strip(text: &str) -> Pass {
    // (start, end incl. newline, content end) of every line.
    let mut lines: Vec<(usize, usize, usize)> = Vec::new();
    let mut pos = 0;
    for l in text.split_inclusive('\n') {
        let content = l.trim_end_matches(['\n', '\r']);
        lines.push((pos, pos + l.len(), pos + content.len()));
        pos += l.len();
    }
    let mut remove: Vec<(usize, &'static str)> = Vec::new(); // (line index, reason)
    let mut in_links = false;
    for (k, &(s, _, ce)) in lines.iter().enumerate() {
        let raw = &text[s..ce];
        if raw.trim().is_empty() {
            continue;
        }
        // Long lines are article text: no lexicon entry applies to them.
        if raw.split_whitespace().nth(MAX_WORDS).is_some() {
            in_links = false;
            continue;
        }
        let norm = normalise_line(raw);
        if is_link_header(&norm, raw) {
            remove.push((k, "related-links header"));
            in_links = true;
            continue;
        }
        if is_furniture(&norm, raw) {
            remove.push((k, "site furniture (share/subscribe/comments/copyright)"));
            continue;
        }
        if in_links && is_title_like(raw) {
            remove.push((k, "related-link title"));
            continue;
        }
        in_links = false;
    }
    // Credit lines and repeated bylines at the end: walk back over the last non-empty lines.
    let mut tail = lines.len();
    while tail > 0 {
        let k = tail - 1;
        let (s, _, ce) = lines[k];
        let raw = &text[s..ce];
        if raw.trim().is_empty() || remove.iter().any(|&(r, _)| r == k) {
            tail -= 1;
            continue;
        }
        if is_credit(&normalise_line(raw), raw) {
            remove.push((k, "credit or byline at the end of the article"));
            tail -= 1;
            continue;
        }
        break;
    }
    if remove.is_empty() {
        return Pass::default();
    }
    remove.sort_unstable();
    let mut b = OffsetMapBuilder::with_capacity(text.len());
    let mut notes = Vec::new();
    let mut kept_from = 0;
    for &(k, reason) in &remove {
        let (s, e, ce) = lines[k];
        b.keep(&text[kept_from..s]);
        b.replace(e - s, "");
        kept_from = e;
        let raw = &text[s..ce];
        let lead = raw.len() - raw.trim_start().len();
        notes.push(Note {
            kind: NoteKind::Boilerplate,
            span: Span::new(s + lead, s + raw.trim_end().len()),
            detail: format!("{reason}: `{}`", raw.trim()),
        });
    }
    Pass::rewritten(b, text, kept_from, notes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_related_block_and_comment_rules() {
        let t = "Body sentence here.\n\nRelated story:\n\nAdvice from Baghdad\n\nNote: Read our discussion guidelines before commenting.";
        let p = strip(t);
        assert_eq!(p.text.as_deref(), Some("Body sentence here.\n\n\n\n"));
        assert_eq!(p.notes.len(), 3);
    }

    #[test]
    fn keeps_article_lines() {
        let t = "Title of story\n\nThe newsletter industry grew by a third, analysts said on Monday.\n\nFew subscribe to the theory.\n\nBy Monday, the army had left.";
        assert!(strip(t).text.is_none());
    }

    #[test]
    fn strips_tail_credits() {
        let t = "He said so.\n\nReporting by Jane Doe; Editing by John Roe\n";
        let p = strip(t);
        assert_eq!(p.text.as_deref(), Some("He said so.\n\n"));
    }
}
