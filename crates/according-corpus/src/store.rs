//! The [`Store`]: one SQLite file (WAL), its schema, and batched, idempotent indexing.

use crate::hash::content_hash;
use crate::write::{delete_doc_rows, insert_doc};
use according_core::{Doc, DocError, Stage};
use rusqlite::{params, Connection, OptionalExtension};
use std::path::Path;

/// The schema, as shipped in `schema.sql` (also readable with `sqlite3 corpus.db .schema`).
pub const SCHEMA_SQL: &str = include_str!("../schema.sql");

/// Version of the database layout; a store with another version is refused, not migrated.
pub const STORE_VERSION: &str = "1";

/// Documents written per transaction: a crash loses at most this many (they are redone on rerun).
pub const DEFAULT_BATCH: usize = 200;

/// Version of the entity-merging and claim-grouping rules: a store linked by other rules is
/// relinked by the next `according index`, even when no document changed.
pub const LINK_VERSION: &str = "3";

/// What happened to one document handed to the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// New document.
    Inserted,
    /// Same id, different content: its rows were replaced.
    Replaced,
    /// Same id and content hash as already indexed: nothing written.
    Unchanged,
}

/// Counts of an indexing run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct IndexStats {
    pub inserted: usize,
    pub replaced: usize,
    pub unchanged: usize,
    pub failed: usize,
}

impl IndexStats {
    pub fn add(&mut self, o: Outcome) {
        match o {
            Outcome::Inserted => self.inserted += 1,
            Outcome::Replaced => self.replaced += 1,
            Outcome::Unchanged => self.unchanged += 1,
        }
    }
    pub fn changed(&self) -> usize {
        self.inserted + self.replaced
    }
}

/// An open corpus database.
pub struct Store {
    pub(crate) conn: Connection,
}

impl Store {
    /// Open (or create) the store at `path`: WAL journal, schema created if missing.
    pub fn open(path: impl AsRef<Path>) -> rusqlite::Result<Store> {
        let conn = Connection::open(path)?;
        Self::init(conn)
    }

    /// A store in memory (tests, scratch work).
    pub fn open_in_memory() -> rusqlite::Result<Store> {
        Self::init(Connection::open_in_memory()?)
    }

    fn init(conn: Connection) -> rusqlite::Result<Store> {
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        // WAL + synchronous=NORMAL: a killed process never corrupts the file or loses a
        // committed batch (only a power loss could drop the last commits).
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        // REFERENCES document the links; derived rows are rebuilt by relink, not cascaded, so
        // enforcement (on by default in the bundled build) would only block replacing a doc.
        conn.pragma_update(None, "foreign_keys", "OFF")?;
        conn.pragma_update(None, "cache_size", -64_000)?;
        conn.execute_batch(SCHEMA_SQL)?;
        let version: Option<String> = conn
            .query_row(
                "SELECT value FROM store_meta WHERE key = 'store_version'",
                [],
                |r| r.get(0),
            )
            .optional()?;
        match version {
            None => {
                conn.execute(
                    "INSERT INTO store_meta(key, value) VALUES ('store_version', ?1)",
                    [STORE_VERSION],
                )?;
            }
            Some(v) if v == STORE_VERSION => {}
            Some(v) => {
                return Err(rusqlite::Error::InvalidParameterName(format!(
                    "store version {v} is not supported by this build (reads {STORE_VERSION})"
                )))
            }
        }
        Ok(Store { conn })
    }

    /// The underlying connection, for ad-hoc SQL.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Hash recorded for a document id, if that document is indexed.
    pub fn indexed_hash(&self, doc_id: &str) -> rusqlite::Result<Option<String>> {
        self.conn
            .prepare_cached("SELECT content_hash FROM documents WHERE doc_id = ?1")?
            .query_row([doc_id], |r| r.get(0))
            .optional()
    }

    /// Index analysed documents, [`DEFAULT_BATCH`] per transaction. A document whose id and
    /// content hash are already in the store is skipped; a changed one replaces its rows.
    /// Corpus-level links (entities, claims) are marked stale; call [`Store::relink`] after.
    pub fn index_docs<I>(&mut self, docs: I) -> rusqlite::Result<IndexStats>
    where
        I: IntoIterator<Item = Doc>,
    {
        let mut stats = IndexStats::default();
        let mut batch = Vec::with_capacity(DEFAULT_BATCH);
        for doc in docs {
            let hash = content_hash(&doc);
            batch.push((doc, hash));
            if batch.len() == DEFAULT_BATCH {
                for (o, _) in self.write_batch(&batch)? {
                    stats.add(o);
                }
                batch.clear();
            }
        }
        for (o, _) in self.write_batch(&batch)? {
            stats.add(o);
        }
        Ok(stats)
    }

    /// Write documents with their hashes in one transaction. Returns each document's outcome;
    /// a document that cannot be stored gets an error record and the others are still written.
    pub fn write_batch(
        &mut self,
        docs: &[(Doc, String)],
    ) -> rusqlite::Result<Vec<(Outcome, Option<DocError>)>> {
        if docs.is_empty() {
            return Ok(Vec::new());
        }
        let mut tx = self.conn.transaction()?;
        let mut out = Vec::with_capacity(docs.len());
        let mut changed = false;
        for (doc, hash) in docs {
            let existing: Option<(i64, String)> = tx
                .prepare_cached("SELECT id, content_hash FROM documents WHERE doc_id = ?1")?
                .query_row([&doc.id], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?;
            let outcome = match &existing {
                Some((_, h)) if h == hash => {
                    out.push((Outcome::Unchanged, None));
                    continue;
                }
                Some((rowid, _)) => {
                    delete_doc_rows(&tx, *rowid)?;
                    Outcome::Replaced
                }
                None => Outcome::Inserted,
            };
            // A savepoint per document: a row that fails (it should not) drops that document only.
            let sp = tx.savepoint()?;
            match insert_doc(&sp, doc, hash) {
                Ok(()) => {
                    sp.commit()?;
                    changed = true;
                    out.push((outcome, None));
                }
                Err(e) => {
                    drop(sp); // rolls back this document
                    let err = DocError::new(&doc.source, Stage::Store, e.to_string())
                        .with_id(doc.id.clone());
                    out.push((outcome, Some(err)));
                }
            }
        }
        if changed {
            tx.execute(
                "INSERT INTO store_meta(key, value) VALUES ('links_stale', '1')
                 ON CONFLICT(key) DO UPDATE SET value = '1'",
                [],
            )?;
        }
        tx.commit()?;
        Ok(out)
    }

    /// True when documents changed since the last [`Store::relink`], or when it was made by
    /// other linking rules ([`LINK_VERSION`]).
    pub fn links_stale(&self) -> rusqlite::Result<bool> {
        let meta = |key: &str| -> rusqlite::Result<Option<String>> {
            self.conn
                .query_row("SELECT value FROM store_meta WHERE key = ?1", [key], |r| {
                    r.get(0)
                })
                .optional()
        };
        Ok(meta("links_stale")?.as_deref() == Some("1")
            || meta("link_version")?.as_deref() != Some(LINK_VERSION))
    }

    /// Recompute the corpus-level rows (cross-document entities, claims) from the
    /// per-document rows, in one transaction.
    pub fn relink(&mut self) -> rusqlite::Result<LinkStats> {
        let tx = self.conn.transaction()?;
        let entities = crate::link::relink_entities(&tx)?;
        let claims = crate::claims::rebuild_claims(&tx, &crate::claims::ClaimParams::default())?;
        tx.execute(
            "INSERT INTO store_meta(key, value) VALUES ('links_stale', '0')
             ON CONFLICT(key) DO UPDATE SET value = '0'",
            [],
        )?;
        tx.execute(
            "INSERT INTO store_meta(key, value) VALUES ('link_version', ?1)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [LINK_VERSION],
        )?;
        tx.commit()?;
        Ok(LinkStats {
            corpus_entities: entities,
            claims,
        })
    }

    /// Row count of a table (for summaries and tests).
    pub fn count(&self, table: &str) -> rusqlite::Result<i64> {
        if !crate::export::TABLES.contains(&table) && table != "sentences" && table != "notes" {
            return Err(rusqlite::Error::InvalidParameterName(table.to_string()));
        }
        self.conn
            .query_row(&format!("SELECT count(*) FROM {table}"), params![], |r| {
                r.get(0)
            })
    }
}

/// Counts of a [`Store::relink`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LinkStats {
    pub corpus_entities: usize,
    pub claims: usize,
}
