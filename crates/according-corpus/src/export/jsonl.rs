//! JSONL: every document, one line each, in the public schema (without tokens, which the
//! store does not keep).

use super::ExportError;
use crate::read::{doc_rowids, load_doc_json};
use rusqlite::Connection;
use std::io::Write;
use std::path::{Path, PathBuf};

pub fn export_jsonl(conn: &Connection, out: &Path) -> Result<PathBuf, ExportError> {
    let path = out.join("docs.jsonl");
    let mut w = std::io::BufWriter::new(std::fs::File::create(&path)?);
    for d in doc_rowids(conn)? {
        if let Some(dj) = load_doc_json(conn, d)? {
            serde_json::to_writer(&mut w, &dj).map_err(std::io::Error::other)?;
            w.write_all(b"\n")?;
        }
    }
    w.flush()?;
    Ok(path)
}
