//! CSV: one file per table, a header row, NULL as an empty field.

use super::{ExportError, TABLES};
use crate::table::value_text;
use rusqlite::types::Value;
use rusqlite::Connection;
use std::path::{Path, PathBuf};

pub fn export_csv(conn: &Connection, out: &Path) -> Result<Vec<PathBuf>, ExportError> {
    let mut files = Vec::new();
    for table in TABLES {
        let path = out.join(format!("{table}.csv"));
        let mut w = csv::Writer::from_path(&path)?;
        let mut st = conn.prepare(&format!("SELECT * FROM {table}"))?;
        let names: Vec<String> = st.column_names().map(|s| s.to_string()).collect();
        w.write_record(&names)?;
        let n = names.len();
        let mut rows = st.query([])?;
        let mut rec = Vec::with_capacity(n);
        while let Some(r) = rows.next()? {
            rec.clear();
            for i in 0..n {
                rec.push(value_text(&r.get::<_, Value>(i)?));
            }
            w.write_record(&rec)?;
        }
        w.flush()?;
        files.push(path);
    }
    Ok(files)
}
