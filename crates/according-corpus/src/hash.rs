//! Content hashes: what decides whether a document is already indexed as it is.

use according_core::Doc;
use sha2::{Digest, Sha256};

/// Hash of an analysed document: its public JSON line (text, metadata and every annotation), so
/// a changed analysis of the same text counts as a change.
pub fn content_hash(doc: &Doc) -> String {
    let line = according_core::json::to_json_line(doc).unwrap_or_default();
    hex(&Sha256::digest(line.as_bytes()))
}

/// Hash of a document *before* analysis, salted with the analyzer's name and version: lets an
/// indexer skip an unchanged document without running the pipeline on it again, while a new
/// pipeline version re-analyses everything.
pub fn input_hash(doc: &Doc, analyzer: &str) -> String {
    let line = according_core::json::to_json_line(doc).unwrap_or_default();
    let mut h = Sha256::new();
    h.update(analyzer.as_bytes());
    h.update([0u8]);
    h.update(line.as_bytes());
    hex(&h.finalize())
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}
