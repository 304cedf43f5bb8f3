//! A query result as a table of SQLite values, printable as an aligned table, JSON or CSV.

use rusqlite::types::Value;
use rusqlite::Statement;
use std::io::Write;

/// Columns and rows of a query.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Value>>,
}

/// Output format of a [`Table`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Table,
    Json,
    Csv,
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "table" => Ok(Format::Table),
            "json" => Ok(Format::Json),
            "csv" => Ok(Format::Csv),
            _ => Err(format!("unknown format `{s}` (table, json, csv)")),
        }
    }
}

impl Table {
    /// Run a prepared statement and collect every row.
    pub fn from_statement(
        st: &mut Statement,
        params: impl rusqlite::Params,
    ) -> rusqlite::Result<Table> {
        let columns: Vec<String> = st.column_names().map(|s| s.to_string()).collect();
        let n = columns.len();
        let rows = st
            .query_map(params, |r| {
                (0..n)
                    .map(|i| r.get::<_, Value>(i))
                    .collect::<Result<Vec<_>, _>>()
            })?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Table { columns, rows })
    }

    /// Index of a column by name.
    pub fn col(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c == name)
    }

    pub fn write(&self, format: Format, out: &mut dyn Write) -> std::io::Result<()> {
        match format {
            Format::Json => self.write_json(out),
            Format::Csv => self.write_csv(out),
            Format::Table => self.write_table(out),
        }
    }

    /// One JSON array of objects.
    pub fn to_json(&self) -> serde_json::Value {
        let rows = self
            .rows
            .iter()
            .map(|r| {
                let obj = self
                    .columns
                    .iter()
                    .zip(r)
                    .map(|(c, v)| (c.clone(), value_json(v)))
                    .collect();
                serde_json::Value::Object(obj)
            })
            .collect();
        serde_json::Value::Array(rows)
    }

    fn write_json(&self, out: &mut dyn Write) -> std::io::Result<()> {
        serde_json::to_writer_pretty(&mut *out, &self.to_json())?;
        writeln!(out)
    }

    fn write_csv(&self, out: &mut dyn Write) -> std::io::Result<()> {
        let mut w = csv::Writer::from_writer(out);
        w.write_record(&self.columns)?;
        for r in &self.rows {
            w.write_record(r.iter().map(value_text))?;
        }
        w.flush()
    }

    fn write_table(&self, out: &mut dyn Write) -> std::io::Result<()> {
        const MAX: usize = 70;
        let cells: Vec<Vec<String>> = self
            .rows
            .iter()
            .map(|r| {
                r.iter()
                    .map(|v| clip(&value_text(v).replace(['\n', '\t'], " "), MAX))
                    .collect()
            })
            .collect();
        let mut width: Vec<usize> = self.columns.iter().map(|c| c.chars().count()).collect();
        for r in &cells {
            for (w, c) in width.iter_mut().zip(r) {
                *w = (*w).max(c.chars().count());
            }
        }
        let line = |out: &mut dyn Write, r: &[String]| -> std::io::Result<()> {
            let s: Vec<String> = r
                .iter()
                .zip(&width)
                .map(|(c, w)| format!("{c:<w$}"))
                .collect();
            writeln!(out, "{}", s.join("  ").trim_end())
        };
        line(out, &self.columns)?;
        line(
            out,
            &width.iter().map(|w| "-".repeat(*w)).collect::<Vec<_>>(),
        )?;
        for r in &cells {
            line(out, r)?;
        }
        writeln!(out, "({} rows)", self.rows.len())
    }
}

fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max - 1).collect();
        t.push('…');
        t
    }
}

/// A value as text (NULL → empty).
pub fn value_text(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::Integer(i) => i.to_string(),
        Value::Real(f) => format!("{f:.4}")
            .trim_end_matches('0')
            .trim_end_matches('.')
            .to_string(),
        Value::Text(s) => s.clone(),
        Value::Blob(b) => format!("<{} bytes>", b.len()),
    }
}

pub fn value_json(v: &Value) -> serde_json::Value {
    match v {
        Value::Null => serde_json::Value::Null,
        Value::Integer(i) => (*i).into(),
        Value::Real(f) => {
            serde_json::Number::from_f64(*f).map_or(serde_json::Value::Null, Into::into)
        }
        Value::Text(s) => s.clone().into(),
        Value::Blob(b) => b.len().into(),
    }
}
