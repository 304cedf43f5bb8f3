//! The [`Doc`]: one article, its text, and every annotation as a view into that text.

use crate::attribution::{Attribution, Entity};
use crate::offsets::OffsetMap;
use crate::span::Span;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// Article metadata, from the reader (file name, JSONL fields, HTML meta tags, WARC headers).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    pub url: Option<String>,
    pub title: Option<String>,
    #[serde(default)]
    pub authors: Vec<String>,
    /// Publication date as found, normalised to ISO 8601 (`2002-09-13` or a full timestamp)
    /// where it could be parsed.
    pub published: Option<String>,
    /// Outlet / site name (`The Guardian`, `bbc.co.uk`).
    pub site: Option<String>,
    pub language: Option<String>,
}

/// What a cleaning step changed or noticed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoteKind {
    /// Bytes were decoded from a legacy encoding (detail names it).
    Decoded,
    /// Invalid byte sequences were replaced by U+FFFD.
    InvalidUtf8,
    /// Control characters (NUL, etc.) were dropped from the cleaned view.
    ControlChars,
    /// Text was not in Unicode NFC and was normalised.
    Normalized,
    /// Double-encoded UTF-8 (`â€™`, `Ã©`) was repaired.
    MojibakeRepaired,
    /// A `?` (or U+FFFD) probably stands for a letter lost in transcoding (`expos?s`).
    LostChar,
    /// Site furniture (related links, share/subscribe lines, comment rules, repeated bylines).
    Boilerplate,
    /// A paragraph stops mid-sentence (`according to an earlier report in`).
    TruncatedParagraph,
    /// The first line was taken as the title.
    Title,
    /// A dateline (`MEXICO CITY (AP) —`).
    Dateline,
    /// Anything else a stage wants a reader to know.
    Other,
}

/// One cleaning note: what, where (byte span of the original text), and a human detail.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Note {
    pub kind: NoteKind,
    pub span: Span,
    pub detail: String,
}

/// The cleaned view of a document's text and the map of its offsets back to the original.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CleanText {
    pub text: String,
    pub map: OffsetMap,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub span: Span,
}

/// A tag from a closed set (`NOUN`, `NN`, `nsubj`): the tagger and parser lend their own
/// static names, so tagging a token allocates nothing; a tag read from JSON is owned.
pub type TagName = Cow<'static, str>;

/// A token. `span` points into the original text; `text` is its cleaned form (which differs
/// from the original slice where cleaning repaired it).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Token {
    pub span: Span,
    pub text: String,
    pub upos: Option<TagName>,
    pub xpos: Option<TagName>,
    pub lemma: Option<String>,
    /// Index of the head token within the document; `None` for a root (or before parsing).
    pub head: Option<u32>,
    pub deprel: Option<TagName>,
    /// Index of the sentence this token belongs to.
    #[serde(default)]
    pub sentence: u32,
}

/// A recognised name: `PERSON`, `ORG`, `OUTLET`, `GPE`, `LOC`, `NORP`, `DATE`, ...
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    pub span: Span,
    pub text: String,
    #[serde(rename = "type")]
    pub kind: String,
}

/// One article and everything the pipeline found in it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Doc {
    pub id: String,
    /// Where the document came from: a path, `path:line`, `file.warc.gz#record-offset`.
    pub source: String,
    pub meta: Meta,
    /// The original text as read (decoded to UTF-8; for HTML the extracted article text).
    pub text: String,
    /// Cleaned view for the NLP stages; `None` until cleaning ran.
    pub clean: Option<CleanText>,
    pub notes: Vec<Note>,
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
    pub mentions: Vec<Mention>,
    pub entities: Vec<Entity>,
    pub attributions: Vec<Attribution>,
}

impl Doc {
    pub fn new(id: impl Into<String>, source: impl Into<String>, text: impl Into<String>) -> Self {
        Doc {
            id: id.into(),
            source: source.into(),
            text: text.into(),
            ..Default::default()
        }
    }

    /// The text the NLP stages should read: the cleaned view if there is one.
    pub fn clean_text(&self) -> &str {
        self.clean.as_ref().map_or(&self.text, |c| &c.text)
    }

    /// Map a span of the cleaned view back to the original text.
    pub fn clean_to_original(&self, span: Span) -> Span {
        match &self.clean {
            Some(c) => c.map.to_original(span),
            None => span,
        }
    }

    /// The original text under a span.
    pub fn slice(&self, span: Span) -> &str {
        span.slice(&self.text)
    }

    /// Token index ranges of each sentence, in order (tokens must be sorted, as segmenters emit).
    pub fn sentence_token_ranges(&self) -> Vec<std::ops::Range<usize>> {
        let mut out = vec![0..0; self.sentences.len()];
        let mut i = 0;
        while i < self.tokens.len() {
            let s = self.tokens[i].sentence as usize;
            let start = i;
            while i < self.tokens.len() && self.tokens[i].sentence as usize == s {
                i += 1;
            }
            if let Some(r) = out.get_mut(s) {
                *r = start..i;
            }
        }
        out
    }

    pub fn add_note(&mut self, kind: NoteKind, span: Span, detail: impl Into<String>) {
        self.notes.push(Note {
            kind,
            span,
            detail: detail.into(),
        });
    }
}
