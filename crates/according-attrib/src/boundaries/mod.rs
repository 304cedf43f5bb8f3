//! Source and content boundary corrections after the role tagger, where the sentence's
//! structure says more than the tagger's local view:
//!
//! - `“…?” Trump said, looking out on the crowd`: a quotation that closes right before its
//!   source and cue is the content; an unquoted stretch after the cue is not (a continuation
//!   quote, `“…,” she said, “…”`, is);
//! - content pieces split around a stretch with no cue, source or quotation mark in it are
//!   one piece (the tagger often leaves out a relative clause in the middle);
//! - a content that stops inside a quotation runs on to the quotation's close (the tagger
//!   stops at sentence ends inside long quotes), over paragraphs when the quotation goes on
//!   in the next one;
//! - a content after its cue ends before `;` and before `, which …`, `, but …` (the
//!   sentence goes on about something else);
//! - a noun-phrase content ends before `, which …`, `, dialing back …` (a clause that
//!   modifies the sentence, not the attributed thing);
//! - a content that stops mid-clause where an inner attribution's cue begins, or starts
//!   right after one, takes that attribution in (PolNeAR nests them: `notes that the
//!   Commission announced that …`, `Saltanov stated that …, RFE/RL reported`);
//! - what a colon cue introduces ends with the colon's paragraph (a headline);
//! - `…, Reuters reported` where the source took in the clause: Reuters is the source;
//! - `quoted X as saying`: X says; `X reported, citing Y, that …`: Y is cited, the clause
//!   is what X reported;
//! - `X, the bank said, is likely …`: the words before a source and cue set off by commas
//!   are content;
//! - `tweeted on Friday that …`: the time phrase is neither cue nor content;
//! - a cue with no source that hangs off another verb (`Trump …, promising to lift
//!   regulations`) takes that verb's subject;
//! - a source set off by a parenthetical pair of commas keeps its closing comma (`Kerry, who
//!   lost in 2004, said`), and does not open with a comma.
//! - a content after its cue ends before a second predicate of the source (`has promoted
//!   unproven therapies and downplayed the risk`), before a participial clause the parse
//!   hangs off the cue, and a noun-phrase content before `in a statement`, `on Twitter`;
//! - a dateline (`WASHINGTON —`) is neither source nor content, a closing time phrase
//!   (`The Times on Saturday`) is not the source, a verbless adverbial opening the sentence
//!   before the frame (`During a speech earlier in the day, Trump …, saying “…”`) not content;
//! - a source does not open with `as`, `how`, `even`, `which` (a `which` or `how` there is a
//!   content piece: `which Tim Cook called “crap”`);
//! - a source ends before an aside that opens with a preposition or a participle
//!   (`Hillary Clinton, at a later press gaggle, said`), not `, including …`;
//! - a cue left without content takes a `that` clause after a short aside, the clause after an
//!   `as` frame, the paragraph after a colon closing its own, or its object noun phrase (`first
//!   published the cellphone video Friday`);
//! - PolNeAR's conventions, counted on its train split: what seems or is expected has no
//!   source, its subject is content; who is told is no content (`told officials that …`), nor a
//!   time phrase after the cue (`ruled Friday against`); a speaking cue ends before `of`, `via`,
//!   `on Twitter`; a source after its cue takes its appositive.

#![allow(clippy::single_range_in_vec_init)] // one-piece spans are what we mean here

mod between;
mod comma;
mod content;
mod edges;
mod fill;
mod inverted;
mod source;
mod subject;
mod tail;

pub use between::*;
pub use comma::*;
pub use content::*;
pub use edges::*;
pub use fill::*;
pub use inverted::*;
pub use source::*;
pub use subject::*;
pub use tail::*;

use crate::tagging::RawAttribution;
use crate::view::View;

/// The cue is `according to`.
pub(crate) fn is_according_to(v: &View, cue: &std::ops::Range<usize>) -> bool {
    cue.len() == 2 && v.toks[cue.start].lower == "according" && v.toks[cue.start + 1].lower == "to"
}

pub(crate) fn is_punct(v: &View, i: usize) -> bool {
    !v.toks[i].lower.chars().any(char::is_alphanumeric)
}

/// `the lawyer for the agency`, `the official who oversees them`, `who serves as chair`: the
/// tokens `k` read as an appositive or relative clause of a name before them, not as a clause
/// of their own (`the government may need to …`: a finite verb comes before any relative
/// pronoun).
pub(crate) fn reads_as_appositive(v: &View, k: std::ops::Range<usize>) -> bool {
    let Some(first) = v.toks.get(k.start) else {
        return false;
    };
    match first.lower.as_ref() {
        "who" | "whose" => true,
        "the" | "a" | "an" => {
            // (A participle may modify the noun: `the former governor challenged by Sanders`.)
            let finite_verb = |i: usize| {
                let t = &v.toks[i];
                t.upos == Some("AUX")
                    || t.upos == Some("VERB")
                        && !t.lower.ends_with("ed")
                        && !t.lower.ends_with("ing")
            };
            let first = k.clone().find(|&i| {
                finite_verb(i)
                    || matches!(v.toks[i].lower.as_ref(), "who" | "whose" | "which" | "that")
            });
            first.is_none_or(|i| !finite_verb(i))
        }
        _ => false,
    }
}

/// Token range from the first to the last token of the attribution's source and cue.
pub(crate) fn frame(r: &RawAttribution) -> (usize, usize) {
    let a = r.source.iter().map(|s| s.start).chain([r.cue.start]).min();
    let b = r.source.iter().map(|s| s.end).chain([r.cue.end]).max();
    (a.unwrap_or(r.cue.start), b.unwrap_or(r.cue.end))
}

/// Month names, lowercased.
pub(crate) const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Words that may open a time phrase with a noun of time (`the same day`, `last week`).
pub(crate) const TIME_WORDS: &[&str] = &[
    "the",
    "that",
    "this",
    "last",
    "next",
    "same",
    "earlier",
    "later",
    "following",
    "previous",
    "on",
    "early",
    "late",
];

/// Nouns of time (`the same day`, `on Monday`).
pub(crate) const TIME_NOUNS: &[&str] = &[
    "day",
    "week",
    "month",
    "year",
    "morning",
    "afternoon",
    "evening",
    "night",
    "weekend",
    "time",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
];
