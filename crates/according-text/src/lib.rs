//! `according-text`: cleaning (encoding repairs, boilerplate, cut-offs) and news-aware
//! segmentation (sentences, UD-style tokens), every span mapped back to the original text.
//!
//! - [`clean`] sets `doc.clean` (a cleaned *view* plus its offset map; `doc.text` is never
//!   rewritten) and adds [`Note`](according_core::Note)s with original offsets: mojibake
//!   repaired, control characters dropped, NFC, lost characters (`expos?s`), boilerplate lines
//!   removed from the view, paragraphs cut off mid-sentence, datelines, the title.
//! - [`segment`] fills `doc.sentences` and `doc.tokens` from `doc.clean_text()`, with spans in
//!   the original text and `Token::text` in cleaned form.
//! - [`split_sentences`] and [`tokenize_sentence`] work on plain `&str` for other crates.
//!
//! ```
//! use according_core::{Doc, NoteKind};
//! let mut doc = Doc::new("d", "inline", "U.N. inspectors left in 1998. Bin Ladenâ€™s men stayed.\n\nRelated story:\n");
//! according_text::clean(&mut doc);
//! according_text::segment(&mut doc);
//! assert_eq!(doc.sentences.len(), 2);
//! assert!(doc.notes.iter().any(|n| n.kind == NoteKind::MojibakeRepaired));
//! assert!(doc.notes.iter().any(|n| n.kind == NoteKind::Boilerplate));
//! let words: Vec<&str> = doc.tokens.iter().map(|t| t.text.as_str()).collect();
//! assert_eq!(&words[..3], ["U.N.", "inspectors", "left"]);
//! assert!(words.contains(&"’s")); // repaired in the view; the span points at `â€™s`
//! ```

pub mod clean;
pub mod eval;
pub mod segment;

pub use clean::{clean, Cleaner};
pub use segment::{segment, split_sentences, tokenize_into, tokenize_sentence, Segmenter};
