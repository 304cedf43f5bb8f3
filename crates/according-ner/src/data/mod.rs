//! Training and evaluation data: UniversalNER IOB2 files and GUM's `Entity=` annotations,
//! both read into the same [`Document`] / [`Sentence`] shape.

pub mod gum;
pub mod iob2;
pub mod silver;

use crate::labels::TokenSpan;

/// One sentence of words with its gold entity spans.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sentence {
    pub words: Vec<String>,
    pub spans: Vec<TokenSpan>,
}

/// A document: sentences in order (document-level features need the order).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    pub id: String,
    pub sentences: Vec<Sentence>,
}

impl Document {
    pub fn n_tokens(&self) -> usize {
        self.sentences.iter().map(|s| s.words.len()).sum()
    }
}

/// Drop a leading `the`/`The` from spans: UniversalNER mostly leaves it out of names, and
/// both training and scoring use this one convention.
pub fn strip_leading_the(words: &[String], spans: &mut Vec<TokenSpan>) {
    for s in spans.iter_mut() {
        if s.end - s.start > 1 && words[s.start].eq_ignore_ascii_case("the") {
            s.start += 1;
        }
    }
    spans.retain(|s| s.start < s.end);
}

/// Lower-case words that may sit inside a name (`Bay of Plenty`, `Osama bin Laden`).
const NAME_INNER_LOWER: &[&str] = &[
    "of", "the", "and", "for", "on", "upon", "in", "de", "da", "di", "del", "della", "du", "des",
    "van", "von", "der", "den", "bin", "ibn", "al", "el", "la", "le", "y", "&", "-", "'s", "’s",
    ".", "'", "’",
];

/// Bring spans from converted or silver sources to UniversalNER's conventions: titles and
/// nationalities alone are not names (`the Secretary`, `Americans`); a title in front of a
/// person is not part of the name (`Professor [Cres Eastman]`); a span with other lower-case
/// words or opening with a number is a description, not a name (`Command-in-Chief of our
/// Armies`, `43 million Americans`).
pub fn conform(words: &[String], spans: &mut Vec<TokenSpan>, matcher: &crate::gazetteer::Matcher) {
    use crate::gazetteer::GazType;
    use crate::labels::Kind;
    let is = |w: &str, t: GazType| matcher.types_of(w).contains(&t);
    let title_or_norp = |w: &str| {
        let types = matcher.types_of(w);
        types.contains(&GazType::Title) || types.contains(&GazType::Norp)
    };
    spans.retain_mut(|s| {
        if s.kind == Kind::Per {
            while s.end - s.start > 1 && is(&words[s.start], GazType::Title) {
                s.start += 1;
            }
            // `Emperor of the United States`: a role, not a name.
            if words[s.start]
                .chars()
                .next()
                .is_some_and(char::is_lowercase)
            {
                return false;
            }
        }
        let ws = &words[s.start..s.end];
        let wordy: Vec<&String> = ws
            .iter()
            .filter(|w| w.chars().any(char::is_alphabetic))
            .collect();
        if wordy.is_empty() || wordy.iter().all(|w| title_or_norp(w)) {
            return false;
        }
        if ws[0].chars().next().is_some_and(|c| c.is_numeric()) {
            return false;
        }
        let lower_inner = ws.iter().any(|w| {
            w.chars().next().is_some_and(char::is_lowercase)
                && !NAME_INNER_LOWER.contains(&w.as_str())
        });
        // A lower-case name in informal text (`cordoba`) is fine when it is the whole span.
        !(lower_inner
            && ws
                .iter()
                .any(|w| w.chars().next().is_some_and(char::is_uppercase)))
    });
}
