//! Exports: Parquet and CSV (one file per table), JSONL (Docs in the public schema), and brat
//! standoff (`.txt` + `.ann`, PolNeAR style) for annotators to correct.

mod brat;
mod columns;
mod csv_out;
mod jsonl;
mod parquet_out;

pub use brat::{doc_to_ann, export_brat};
pub use columns::{table_columns, ColumnType};
pub use csv_out::export_csv;
pub use jsonl::export_jsonl;
pub use parquet_out::export_parquet;

/// Tables exported to Parquet and CSV, in this order.
pub const TABLES: &[&str] = &[
    "documents",
    "outlets",
    "sentences",
    "mentions",
    "entities",
    "entity_mentions",
    "attributions",
    "source_members",
    "corpus_entities",
    "corpus_entity_aliases",
    "entity_roles",
    "claims",
    "claim_links",
];

/// Export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Parquet,
    Csv,
    Jsonl,
    Brat,
}

impl std::str::FromStr for ExportFormat {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "parquet" => Ok(ExportFormat::Parquet),
            "csv" => Ok(ExportFormat::Csv),
            "jsonl" => Ok(ExportFormat::Jsonl),
            "brat" => Ok(ExportFormat::Brat),
            _ => Err(format!(
                "unknown export format `{s}` (parquet, csv, jsonl, brat)"
            )),
        }
    }
}

/// Errors of an export.
#[derive(Debug)]
pub enum ExportError {
    Sql(rusqlite::Error),
    Io(std::io::Error),
    Parquet(String),
}

impl std::fmt::Display for ExportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ExportError::Sql(e) => write!(f, "sqlite: {e}"),
            ExportError::Io(e) => write!(f, "io: {e}"),
            ExportError::Parquet(e) => write!(f, "parquet: {e}"),
        }
    }
}

impl std::error::Error for ExportError {}

impl From<rusqlite::Error> for ExportError {
    fn from(e: rusqlite::Error) -> Self {
        ExportError::Sql(e)
    }
}
impl From<std::io::Error> for ExportError {
    fn from(e: std::io::Error) -> Self {
        ExportError::Io(e)
    }
}
impl From<csv::Error> for ExportError {
    fn from(e: csv::Error) -> Self {
        ExportError::Io(e.into())
    }
}

/// Export the store to `out` (a directory, created if missing). Returns the files written.
pub fn export(
    store: &crate::Store,
    format: ExportFormat,
    out: &std::path::Path,
) -> Result<Vec<std::path::PathBuf>, ExportError> {
    std::fs::create_dir_all(out)?;
    match format {
        ExportFormat::Parquet => export_parquet(store.conn(), out),
        ExportFormat::Csv => export_csv(store.conn(), out),
        ExportFormat::Jsonl => export_jsonl(store.conn(), out).map(|p| vec![p]),
        ExportFormat::Brat => export_brat(store.conn(), out),
    }
}
