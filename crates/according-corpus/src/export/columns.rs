//! Column names and types of a table, from its declared SQL types.

use rusqlite::Connection;

/// Arrow/CSV type of a column, from its declared SQLite type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnType {
    Int,
    Real,
    Text,
}

/// `(name, type)` of each column of `table`, in order.
pub fn table_columns(
    conn: &Connection,
    table: &str,
) -> rusqlite::Result<Vec<(String, ColumnType)>> {
    let mut st = conn.prepare(&format!("PRAGMA table_info({table})"))?;
    let cols = st
        .query_map([], |r| {
            let name: String = r.get(1)?;
            let decl: String = r.get(2)?;
            let t = match decl.to_ascii_uppercase().as_str() {
                d if d.contains("INT") => ColumnType::Int,
                d if d.contains("REAL") || d.contains("FLOA") || d.contains("DOUB") => {
                    ColumnType::Real
                }
                _ => ColumnType::Text,
            };
            Ok((name, t))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(cols)
}
