//! `according-core`: the document model every stage of `according` reads and writes.
//!
//! One [`Doc`] owns the original text of an article. Every later annotation (sentences, tokens,
//! mentions, attributions) is a [`Span`] of **byte** offsets into that original text, so Rust
//! code can slice it directly. At public boundaries (JSON, Python, brat, HTTP) offsets become
//! Unicode code points, end-exclusive; [`json`] does that conversion in one place.
//!
//! Cleaning never rewrites [`Doc::text`]: it produces a [`CleanText`] view plus an
//! [`OffsetMap`] back to the original, and records what it changed as [`Note`]s.
//!
//! ```
//! use according_core::{Doc, Span};
//! let mut doc = Doc::new("demo", "inline", "“No,” Ivanov said.");
//! doc.sentences.push(according_core::Sentence { span: Span::new(0, doc.text.len()) });
//! let json = according_core::json::to_json_line(&doc).unwrap();
//! assert!(json.contains("\"end\":18")); // 18 code points, although 22 bytes
//! ```

pub mod attribution;
pub mod doc;
pub mod error;
pub mod intern;
pub mod json;
pub mod offsets;
pub mod pipeline;
pub mod span;

pub use attribution::{
    Attribution, AttributionKind, Content, Cue, Entity, EntityType, Flag, Source, SourceType,
};
pub use doc::{CleanText, Doc, Mention, Meta, Note, NoteKind, Sentence, TagName, Token};
pub use error::{DocError, Stage};
pub use offsets::OffsetMap;
pub use pipeline::Component;
pub use span::{CharIndex, Span};

/// Version of the public JSON schema written by [`json`]. Bump on any incompatible change.
pub const SCHEMA_VERSION: u32 = 1;
