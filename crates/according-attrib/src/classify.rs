//! The kind of an attribution (direct, indirect, mixed, according to, nominal, headline) and
//! the warnings for a careful reader (vague, anonymous, truncated or missing source, hedged,
//! denial).

use crate::lexicon::{ANONYMOUS, DENIALS, HEDGES};
use crate::sources::SourceInfo;
use crate::view::is_quote_char;
use according_core::{Attribution, AttributionKind, Flag, SourceType};

const NOMINAL_CUES: &[&str] = &[
    "report",
    "statement",
    "contention",
    "contentions",
    "claim",
    "claims",
    "remarks",
    "assertion",
    "announcement",
    "comments",
    "testimony",
    "interview",
    "allegation",
    "allegations",
    "accusation",
    "warning",
    "view",
    "belief",
    "argument",
    "disclaimers",
    "denial",
    "reports",
];

/// The kind of `a`, from its cue and the quotation marks of its content.
pub fn kind(text: &str, a: &Attribution, cue_pos: Option<&str>) -> AttributionKind {
    let cue = a.cue.text.to_lowercase();
    if cue.starts_with("according to") {
        return AttributionKind::AccordingTo;
    }
    if a.cue.text.trim() == ":" {
        // Headline colon: the source starts its line.
        let line_start = text[..a.cue.span.start].rfind('\n').map_or(0, |p| p + 1);
        if a.source
            .as_ref()
            .is_some_and(|s| s.span.start <= line_start + 1)
        {
            return AttributionKind::Headline;
        }
    }
    let last = cue.split_whitespace().last().unwrap_or("");
    if cue_pos == Some("NOUN") || NOMINAL_CUES.contains(&last) || cue.contains("report that") {
        return AttributionKind::Nominal;
    }
    if a.content.spans.is_empty() {
        return AttributionKind::Other;
    }
    let content = a
        .content
        .spans
        .iter()
        .map(|s| s.slice(text))
        .collect::<Vec<_>>()
        .join(" ");
    let c =
        content.trim_matches(|ch: char| ch.is_whitespace() || matches!(ch, ',' | '.' | ';' | ':'));
    let quotes = c.chars().filter(|&ch| is_quote_char(ch)).count();
    if quotes == 0 {
        return AttributionKind::Indirect;
    }
    let starts = c.starts_with(is_quote_char);
    let ends = c.ends_with(is_quote_char)
        || c.trim_end_matches(|ch: char| !ch.is_alphanumeric() && !is_quote_char(ch))
            .ends_with(is_quote_char);
    if starts && ends {
        // Every piece quoted: direct; quotes with plain words around them: mixed.
        let all_quoted = a.content.spans.iter().all(|s| {
            let p = s
                .slice(text)
                .trim_matches(|ch: char| ch.is_whitespace() || matches!(ch, ',' | '.' | ';' | ':'));
            p.starts_with(is_quote_char)
        });
        if all_quoted {
            return AttributionKind::Direct;
        }
    }
    AttributionKind::Mixed
}

fn has_word(hay: &str, words: &[&str]) -> bool {
    // Compare word sequences (a phrase matches whole words only); splitting once is much
    // cheaper than a substring search per listed word.
    let lower = hay.to_lowercase();
    let toks: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().any(|w| {
        let phrase: Vec<&str> = w
            .split(|c: char| !c.is_alphanumeric())
            .filter(|x| !x.is_empty())
            .collect();
        !phrase.is_empty()
            && toks
                .windows(phrase.len())
                .any(|win| win == phrase.as_slice())
    })
}

/// Flags of `a`. `sentence` is the text of the sentence(s) around the cue; `truncated_here`
/// says the text stops right after the cue/source (a cut-off paragraph).
pub fn flags(
    text: &str,
    a: &Attribution,
    info: Option<&SourceInfo>,
    sentence: &str,
    truncated_here: bool,
) -> Vec<Flag> {
    let mut f = Vec::new();
    let cue = a.cue.text.to_lowercase();
    match (&a.source, info) {
        (None, _) => {
            // `reports regularly appear indicating …`: the cue itself names a vague source.
            if cue.split_whitespace().any(|w| {
                matches!(
                    w,
                    "reports" | "rumors" | "rumours" | "reportedly" | "allegedly"
                )
            }) {
                f.push(Flag::VagueSource);
            }
            if truncated_here && cue.starts_with("according to") {
                f.push(Flag::TruncatedSource);
            }
            f.push(Flag::NoSource);
        }
        (Some(_), Some(i)) => {
            if i.truncated || truncated_here {
                f.push(Flag::TruncatedSource);
            }
            if i.kind == SourceType::Vague {
                f.push(Flag::VagueSource);
            }
        }
        _ => {}
    }
    let src_text = a.source.as_ref().map_or("", |s| s.text.as_str());
    if has_word(src_text, ANONYMOUS)
        || has_word(
            sentence,
            &["anonymity", "anonymously", "unnamed", "familiar with the"],
        )
    {
        f.push(Flag::AnonymousSource);
    }
    let content: String = a
        .content
        .spans
        .iter()
        .map(|s| s.slice(text))
        .collect::<Vec<_>>()
        .join(" ");
    if has_word(&cue, HEDGES)
        || has_word(
            &content,
            &[
                "reportedly",
                "allegedly",
                "purportedly",
                "is suspected",
                "are suspected",
                "is linked",
                "are linked",
                "is tied",
                "is believed",
            ],
        )
    {
        f.push(Flag::Hedged);
    }
    if has_word(&cue, DENIALS)
        || has_word(&content, &["no proof", "no evidence", "not true", "false"])
        || has_word(&cue, &["disclaimers"])
    {
        f.push(Flag::Denial);
    }
    f.sort();
    f.dedup();
    f
}
