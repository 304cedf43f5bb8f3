//! Parquet: one file per table, typed columns (INTEGER → int64, REAL → float64, else utf8),
//! snappy-compressed, written in row groups of a few thousand rows so memory stays flat.

use super::columns::{table_columns, ColumnType};
use super::{ExportError, TABLES};
use arrow_array::builder::{ArrayBuilder, Float64Builder, Int64Builder, StringBuilder};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;
use rusqlite::types::ValueRef;
use rusqlite::Connection;
use std::path::{Path, PathBuf};
use std::sync::Arc;

const BATCH_ROWS: usize = 4096;

fn pq(e: impl std::fmt::Display) -> ExportError {
    ExportError::Parquet(e.to_string())
}

enum Col {
    Int(Int64Builder),
    Real(Float64Builder),
    Text(StringBuilder),
}

impl Col {
    fn new(t: ColumnType) -> Col {
        match t {
            ColumnType::Int => Col::Int(Int64Builder::new()),
            ColumnType::Real => Col::Real(Float64Builder::new()),
            ColumnType::Text => Col::Text(StringBuilder::new()),
        }
    }

    /// Append a value, converting what SQLite's loose typing may hold.
    fn push(&mut self, v: ValueRef) {
        match (self, v) {
            (Col::Int(b), ValueRef::Integer(i)) => b.append_value(i),
            (Col::Int(b), ValueRef::Real(f)) => b.append_value(f as i64),
            (Col::Int(b), _) => b.append_null(),
            (Col::Real(b), ValueRef::Real(f)) => b.append_value(f),
            (Col::Real(b), ValueRef::Integer(i)) => b.append_value(i as f64),
            (Col::Real(b), _) => b.append_null(),
            (Col::Text(b), ValueRef::Null) => b.append_null(),
            (Col::Text(b), ValueRef::Text(t)) => b.append_value(String::from_utf8_lossy(t)),
            (Col::Text(b), ValueRef::Integer(i)) => b.append_value(i.to_string()),
            (Col::Text(b), ValueRef::Real(f)) => b.append_value(f.to_string()),
            (Col::Text(b), ValueRef::Blob(_)) => b.append_null(),
        }
    }

    fn finish(&mut self) -> ArrayRef {
        match self {
            Col::Int(b) => Arc::new(b.finish()),
            Col::Real(b) => Arc::new(b.finish()),
            Col::Text(b) => Arc::new(b.finish()),
        }
    }

    fn len(&self) -> usize {
        match self {
            Col::Int(b) => b.len(),
            Col::Real(b) => b.len(),
            Col::Text(b) => b.len(),
        }
    }
}

/// Write one table to `path`; returns the number of rows.
pub fn export_table_parquet(
    conn: &Connection,
    table: &str,
    path: &Path,
) -> Result<usize, ExportError> {
    let cols = table_columns(conn, table)?;
    let schema = Arc::new(Schema::new(
        cols.iter()
            .map(|(n, t)| {
                let dt = match t {
                    ColumnType::Int => DataType::Int64,
                    ColumnType::Real => DataType::Float64,
                    ColumnType::Text => DataType::Utf8,
                };
                Field::new(n, dt, true)
            })
            .collect::<Vec<_>>(),
    ));
    let props = WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .build();
    let file = std::fs::File::create(path)?;
    let mut w = ArrowWriter::try_new(file, schema.clone(), Some(props)).map_err(pq)?;
    let names: Vec<&str> = cols.iter().map(|(n, _)| n.as_str()).collect();
    let sql = format!(
        "SELECT {} FROM {table}",
        names
            .iter()
            .map(|n| format!("\"{n}\""))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let mut st = conn.prepare(&sql)?;
    let mut rows = st.query([])?;
    let mut builders: Vec<Col> = cols.iter().map(|(_, t)| Col::new(*t)).collect();
    let mut total = 0;
    let flush =
        |builders: &mut Vec<Col>, w: &mut ArrowWriter<std::fs::File>| -> Result<(), ExportError> {
            if builders.first().map_or(0, |b| b.len()) == 0 {
                return Ok(());
            }
            let arrays: Vec<ArrayRef> = builders.iter_mut().map(|b| b.finish()).collect();
            let batch = RecordBatch::try_new(schema.clone(), arrays).map_err(pq)?;
            w.write(&batch).map_err(pq)
        };
    while let Some(r) = rows.next()? {
        for (i, b) in builders.iter_mut().enumerate() {
            b.push(r.get_ref(i)?);
        }
        total += 1;
        if total % BATCH_ROWS == 0 {
            flush(&mut builders, &mut w)?;
        }
    }
    flush(&mut builders, &mut w)?;
    w.close().map_err(pq)?;
    Ok(total)
}

pub fn export_parquet(conn: &Connection, out: &Path) -> Result<Vec<PathBuf>, ExportError> {
    let mut files = Vec::new();
    for table in TABLES {
        let path = out.join(format!("{table}.parquet"));
        export_table_parquet(conn, table, &path)?;
        files.push(path);
    }
    Ok(files)
}
