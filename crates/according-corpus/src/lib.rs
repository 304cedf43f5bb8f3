//! `according-corpus`: the corpus layer of `according`. It stores analysed documents in one
//! SQLite file, links entities across documents, groups what sources said into claims,
//! answers questions about who said what, and exports it all.
//!
//! ```
//! use according_core::{Doc, Span, Attribution, AttributionKind, Cue, Content, Source, SourceType};
//! use according_corpus::Store;
//!
//! let text = "Ivanov said the talks would resume.";
//! let mut doc = Doc::new("d1", "inline", text);
//! doc.meta.site = Some("Example News".into());
//! doc.attributions.push(Attribution {
//!     id: "a1".into(),
//!     kind: AttributionKind::Indirect,
//!     source: Some(Source { span: Span::new(0, 6), text: "Ivanov".into(), entity: None,
//!                           kind: SourceType::Person, role: None, members: vec![] }),
//!     cue: Cue { span: Span::new(7, 11), spans: vec![Span::new(7, 11)], text: "said".into() },
//!     content: Content { span: Span::new(12, 34), spans: vec![Span::new(12, 34)],
//!                        text: "the talks would resume".into() },
//!     parent: None, flags: vec![], confidence: 0.9,
//! });
//! let mut store = Store::open_in_memory().unwrap();
//! let stats = store.index_docs(vec![doc.clone()]).unwrap();
//! assert_eq!(stats.inserted, 1);
//! assert_eq!(store.index_docs(vec![doc]).unwrap().unchanged, 1); // idempotent
//! store.relink().unwrap();
//! let hits = store.who_said("talks resume", 10).unwrap();
//! assert_eq!(hits.rows.len(), 1);
//! ```
//!
//! # The store
//!
//! One SQLite file in WAL mode; the schema is [`SCHEMA_SQL`] (the crate's `schema.sql`), which
//! a user can read with `sqlite3 corpus.db .schema`:
//!
//! | table | one row per |
//! |---|---|
//! | `documents` | document: `doc_id`, source, url, title, site, `outlet`, published, `content_hash`, text |
//! | `outlets` | publishing outlet (normalised site name) |
//! | `sentences`, `notes` | sentence span / cleaning note of a document |
//! | `mentions` | NER mention (`PERSON`, `ORG`, `OUTLET`...) |
//! | `entities`, `entity_mentions` | entity of one document and each of its mention spans |
//! | `attributions` | source/cue/content text and offsets, kind, flags (JSON + 0/1 columns), confidence, `parent` |
//! | `attributions_fts` | FTS5 index over attribution contents and sources |
//! | `corpus_entities`, `corpus_entity_aliases`, `entity_roles` | merged cross-document entity, its surface forms, its roles with dates |
//! | `claims`, `claim_links` | group of contents saying the same thing; each appearance in order with whom it credits |
//!
//! Offsets are Unicode code points into `documents.text`, end-exclusive, as in the public JSON.
//!
//! # Indexing
//!
//! [`Store::index_docs`] writes [`DEFAULT_BATCH`] documents per transaction: a crash loses at
//! most the batch in flight, and a rerun resumes because a document already stored with the
//! same id and content hash is skipped (a changed one has its rows replaced).
//! [`indexer::index_stream`] does the same for a stream read from files, hashing documents
//! *before* analysis so a rerun skips them without analysing them again. Corpus-level rows are
//! derived: [`Store::relink`] rebuilds them (see [`link`] for how entities merge and [`claims`]
//! for how contents group).

pub mod claims;
pub mod export;
pub mod hash;
pub mod indexer;
pub mod link;
pub mod minhash;
pub mod names;
pub mod query;
pub mod read;
pub mod store;
pub mod table;
mod union_find;
mod write;

pub use export::{export, ExportFormat};
pub use store::{IndexStats, LinkStats, Outcome, Store, DEFAULT_BATCH, LINK_VERSION, SCHEMA_SQL};
pub use table::{Format, Table};
pub use write::doc_rowid;
