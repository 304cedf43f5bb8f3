//! `according-ingest`: the readers of `according`. They turn files, directories and stdin
//! into [`Doc`]s one at a time, never holding a whole input in memory:
//!
//! - plain text: one article per file; a short first line followed by a paragraph becomes
//!   `meta.title` (with a `title` note; the text keeps it);
//! - JSONL: one article per line (`text`, `id`, `url`, `title`, `date` fields, names
//!   configurable), or Docs written by `according` read back;
//! - HTML files: decoded (BOM, declared charset, detection) and passed to
//!   [`according_html::extract`];
//! - WARC (`.warc`, `.warc.gz`): HTML `response` records (chunked and gzip payloads undone)
//!   and text `resource`/`conversion` records; others skipped;
//! - `.gz` of any of these, directories (recursively, sorted), `-` for stdin.
//!
//! The format is decided by the first bytes (gzip, `WARC/`, `<html`, `{`) and the file name.
//! Anything wrong with one document (bad JSON line, binary file, clipped WARC record, too
//! large) is an error item naming its source (`path`, `path:line`, `file.warc.gz@offset`)
//! and reading goes on.
//!
//! ```
//! use according_ingest::{read_inputs, ReadOptions};
//! let dir = tempfile::tempdir().unwrap();
//! let path = dir.path().join("a.txt");
//! std::fs::write(&path, "Minister quits\n\nThe minister resigned, officials said.\n").unwrap();
//! let docs: Vec<_> = read_inputs(&[path.display().to_string()], &ReadOptions::default()).collect();
//! let doc = docs[0].as_ref().unwrap();
//! assert_eq!((doc.id.as_str(), doc.meta.title.as_deref()), ("a", Some("Minister quits")));
//! ```
//!
//! Reading is split in two so callers can parallelise: [`read_raw`] yields [`RawDoc`]s
//! (cheap, sequential: file walking, gunzip, WARC framing, line splitting) and
//! [`RawDoc::finish`] does the costly part (decoding, JSON parsing, HTML extraction).

pub mod decode;
pub mod html;
pub mod http;
pub mod inputs;
pub mod jsonl;
pub mod lines;
pub mod options;
pub mod raw;
pub mod sniff;
pub mod title;
pub mod warc;
pub mod warc_docs;

pub use according_core::{Doc, DocError};
pub use inputs::{count_docs, read_inputs, read_raw, read_stream, Inputs};
pub use options::{HtmlExtractor, JsonlFields, ReadOptions};
pub use raw::{Body, RawDoc};
pub use sniff::Format;
pub use warc::{WarcHeader, WarcReader, WarcRecord};
