//! JSONL: one article per line. Lines are read with a bound (a 100 MB line is skipped with an
//! error, not buffered); each line is parsed later, in parallel, by [`parse_line`].

use crate::lines::{read_line_bounded, Line};
use crate::options::ReadOptions;
use crate::raw::{Body, RawDoc};
use according_core::{Doc, DocError, Meta, Stage};
use serde_json::Value;
use std::io::BufRead;

/// Yields one [`RawDoc`] per non-blank line of a JSONL stream.
pub struct JsonlLines<R> {
    r: R,
    path: String,
    file_id: String,
    line_no: u64,
    max: usize,
    done: bool,
}

impl<R: BufRead> JsonlLines<R> {
    pub fn new(r: R, path: String, file_id: String, max: usize) -> Self {
        JsonlLines {
            r,
            path,
            file_id,
            line_no: 0,
            max,
            done: false,
        }
    }
}

impl<R: BufRead> Iterator for JsonlLines<R> {
    type Item = Result<RawDoc, DocError>;

    fn next(&mut self) -> Option<Self::Item> {
        let mut buf = Vec::new();
        while !self.done {
            self.line_no += 1;
            let source = format!("{}:{}", self.path, self.line_no);
            match read_line_bounded(&mut self.r, &mut buf, self.max) {
                Ok((Line::Eof, _)) => self.done = true,
                Ok((Line::TooLong(n), _)) => {
                    let reason = format!("line is {n} bytes, over the limit of {} bytes", self.max);
                    return Some(Err(DocError::new(source, Stage::Read, reason)));
                }
                Ok((Line::Ok, _)) if buf.trim_ascii().is_empty() => {}
                Ok((Line::Ok, _)) => {
                    let id = format!("{}:{}", self.file_id, self.line_no);
                    let body = Body::JsonLine(std::mem::take(&mut buf));
                    return Some(Ok(RawDoc {
                        source,
                        id,
                        meta: Meta::default(),
                        body,
                    }));
                }
                Err(e) => {
                    self.done = true;
                    return Some(Err(DocError::new(
                        source,
                        Stage::Read,
                        format!("read error: {e}"),
                    )));
                }
            }
        }
        None
    }
}

/// Parse one JSONL line: an `according` Doc (it has `schema_version`), or an object with the
/// configured text/id/url/title/date fields.
pub fn parse_line(
    line: &[u8],
    source: &str,
    default_id: &str,
    opts: &ReadOptions,
) -> Result<Doc, DocError> {
    let err = |reason: String| DocError::new(source, Stage::Read, reason);
    let (text, replaced) = match std::str::from_utf8(line) {
        Ok(s) => (std::borrow::Cow::Borrowed(s), false),
        Err(_) => (String::from_utf8_lossy(line), true),
    };
    let value: Value =
        serde_json::from_str(&text).map_err(|e| err(format!("invalid JSON: {e}")))?;
    let Value::Object(obj) = value else {
        return Err(err(format!(
            "expected a JSON object, found {}",
            kind(&value)
        )));
    };
    if obj.contains_key("schema_version") {
        let mut doc = according_core::json::from_json_line(&text)
            .map_err(|e| err(format!("not a valid according Doc: {e}")))?;
        if doc.source.is_empty() {
            doc.source = source.to_string();
        }
        return Ok(doc);
    }
    let f = &opts.fields;
    let body = match obj.get(&f.text) {
        Some(Value::String(s)) => s.clone(),
        Some(other) => {
            return Err(err(format!(
                "field `{}` is {}, expected a string",
                f.text,
                kind(other)
            )))
        }
        None => return Err(err(format!("missing field `{}`", f.text))),
    };
    let id = match obj.get(&f.id) {
        Some(Value::String(s)) if !s.is_empty() => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => default_id.to_string(),
    };
    let string = |name: &str| match obj.get(name) {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
        _ => None,
    };
    let mut doc = Doc::new(id, source, body);
    doc.meta.url = string(&f.url);
    doc.meta.title = string(&f.title);
    doc.meta.published = string(&f.date);
    doc.meta.site = string("site");
    doc.meta.language = string("language");
    if let Some(Value::Array(a)) = obj.get("authors") {
        doc.meta.authors = a
            .iter()
            .filter_map(|v| v.as_str().map(String::from))
            .collect();
    }
    if replaced {
        let d = crate::decode::Decoded {
            text: String::new(),
            encoding: encoding_rs::UTF_8,
            chosen: crate::decode::Chosen::Utf8,
            replaced: 1,
        };
        crate::decode::add_notes(&mut doc, &d);
    } else {
        crate::decode::note_control_chars(&mut doc);
    }
    Ok(doc)
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
