//! A streaming WARC record parser (WARC/0.18 to 1.1) over any `BufRead`: headers parsed, the
//! block read only for records the caller wants, others skipped without copying. A broken
//! record yields an error and parsing resumes at the next `WARC/` line where it can.

use crate::lines::{read_line_bounded, Line};
use std::io::{self, BufRead};

/// Header fields of one record, in file order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WarcHeader {
    /// `WARC/1.1`
    pub version: String,
    pub fields: Vec<(String, String)>,
}

impl WarcHeader {
    /// First value of a field, case-insensitively.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// `response`, `request`, `warcinfo`, ... lowercased; empty if missing.
    pub fn record_type(&self) -> String {
        self.get("WARC-Type").unwrap_or("").to_ascii_lowercase()
    }

    /// `WARC-Record-ID` without its angle brackets (`urn:uuid:…`).
    pub fn record_id(&self) -> Option<&str> {
        self.get("WARC-Record-ID")
            .map(strip_angles)
            .filter(|s| !s.is_empty())
    }

    /// `WARC-Target-URI` without angle brackets (WARC/1.1 drafts wrote `<http://…>`).
    pub fn target_uri(&self) -> Option<&str> {
        self.get("WARC-Target-URI")
            .map(strip_angles)
            .filter(|s| !s.is_empty())
    }
}

fn strip_angles(s: &str) -> &str {
    let s = s.trim();
    s.strip_prefix('<')
        .and_then(|s| s.strip_suffix('>'))
        .unwrap_or(s)
}

/// One record: where it starts (byte offset in the uncompressed stream), its header, and its
/// block if it was asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WarcRecord {
    pub offset: u64,
    pub header: WarcHeader,
    pub block: Option<Vec<u8>>,
}

/// A record that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WarcError {
    pub offset: u64,
    pub record_id: Option<String>,
    pub reason: String,
}

/// Longest header line; longest header.
const MAX_HEADER_LINE: usize = 64 << 10;
const MAX_HEADER: usize = 1 << 20;

/// Streams records out of `r` (an uncompressed WARC; wrap `.warc.gz` in a `MultiGzDecoder`).
pub struct WarcReader<R> {
    r: R,
    pos: u64,
    done: bool,
    max_block: usize,
    /// A `WARC/` line already consumed while resynchronising, with its offset.
    pending: Option<(u64, String)>,
    line: Vec<u8>,
}

impl<R: BufRead> WarcReader<R> {
    /// `max_block`: larger blocks are skipped and reported instead of read into memory.
    pub fn new(r: R, max_block: usize) -> Self {
        WarcReader {
            r,
            pos: 0,
            done: false,
            max_block,
            pending: None,
            line: Vec::new(),
        }
    }

    /// Bytes consumed so far (uncompressed).
    pub fn position(&self) -> u64 {
        self.pos
    }

    /// The next record; its block is read if `want(header)` says so, else skipped.
    pub fn next_record(
        &mut self,
        mut want: impl FnMut(&WarcHeader) -> bool,
    ) -> Option<Result<WarcRecord, WarcError>> {
        if self.done {
            return None;
        }
        let (offset, version) = match self.pending.take() {
            Some(p) => p,
            None => {
                match self.skip_blank() {
                    Ok(true) => {}
                    Ok(false) => {
                        self.done = true;
                        return None;
                    }
                    Err(e) => {
                        return Some(Err(self.fatal(self.pos, None, format!("read error: {e}"))))
                    }
                }
                let offset = self.pos;
                match self.line() {
                    Ok(Line::Ok) if self.line.starts_with(b"WARC/") => (
                        offset,
                        String::from_utf8_lossy(&self.line).trim().to_string(),
                    ),
                    Ok(Line::Eof) => {
                        self.done = true;
                        return None;
                    }
                    Ok(_) => {
                        let found = String::from_utf8_lossy(&self.line[..self.line.len().min(40)])
                            .into_owned();
                        let reason = format!("expected a WARC/ version line, found {found:?}");
                        return Some(Err(self.resync(offset, None, reason)));
                    }
                    Err(e) => {
                        return Some(Err(self.fatal(offset, None, format!("read error: {e}"))))
                    }
                }
            }
        };
        let mut header = WarcHeader {
            version,
            fields: Vec::new(),
        };
        let mut header_bytes = 0usize;
        loop {
            let before = self.pos;
            match self.line() {
                Ok(Line::Ok) if self.line.is_empty() => break,
                Ok(Line::Ok) => {
                    header_bytes += self.line.len();
                    if self.line.starts_with(b"WARC/") {
                        // A new record began inside this header: this one was cut off.
                        let v = String::from_utf8_lossy(&self.line).trim().to_string();
                        self.pending = Some((before, v));
                        let id = header.record_id().map(String::from);
                        return Some(Err(WarcError {
                            offset,
                            record_id: id,
                            reason: "record header cut short".into(),
                        }));
                    }
                    let line = String::from_utf8_lossy(&self.line);
                    if line.starts_with([' ', '\t']) {
                        if let Some((_, v)) = header.fields.last_mut() {
                            v.push(' ');
                            v.push_str(line.trim());
                        }
                    } else if let Some((k, v)) = line.split_once(':') {
                        header
                            .fields
                            .push((k.trim().to_string(), v.trim().to_string()));
                    }
                    if header_bytes > MAX_HEADER {
                        let id = header.record_id().map(String::from);
                        return Some(Err(self.resync(
                            offset,
                            id,
                            "record header over 1 MiB".into(),
                        )));
                    }
                }
                Ok(Line::TooLong(n)) => {
                    let id = header.record_id().map(String::from);
                    return Some(Err(self.resync(
                        offset,
                        id,
                        format!("header line of {n} bytes"),
                    )));
                }
                Ok(Line::Eof) => {
                    let id = header.record_id().map(String::from);
                    return Some(Err(self.fatal(
                        offset,
                        id,
                        "record header cut short by the end of input".into(),
                    )));
                }
                Err(e) => {
                    let id = header.record_id().map(String::from);
                    return Some(Err(self.fatal(
                        offset,
                        id,
                        format!("read error in record header: {e}"),
                    )));
                }
            }
        }
        let id = header.record_id().map(String::from);
        let len = match header
            .get("Content-Length")
            .map(|v| v.trim().parse::<u64>())
        {
            Some(Ok(n)) => n,
            Some(Err(_)) | None => {
                let what = header
                    .get("Content-Length")
                    .map_or("missing Content-Length".into(), |v| {
                        format!("bad Content-Length {v:?}")
                    });
                return Some(Err(self.resync(offset, id, what)));
            }
        };
        let read_it = len <= self.max_block as u64 && want(&header);
        let block = if read_it {
            let mut block = Vec::with_capacity(len as usize);
            match self.read_block(len, Some(&mut block)) {
                Ok(()) => Some(block),
                Err(reason) => return Some(Err(self.fatal(offset, id, reason))),
            }
        } else {
            if let Err(reason) = self.read_block(len, None) {
                return Some(Err(self.fatal(offset, id, reason)));
            }
            if len > self.max_block as u64 && want(&header) {
                let reason = format!(
                    "record block is {len} bytes, over the limit of {}",
                    self.max_block
                );
                return Some(Err(WarcError {
                    offset,
                    record_id: id,
                    reason,
                }));
            }
            None
        };
        Some(Ok(WarcRecord {
            offset,
            header,
            block,
        }))
    }

    fn line(&mut self) -> io::Result<Line> {
        let (line, n) = read_line_bounded(&mut self.r, &mut self.line, MAX_HEADER_LINE)?;
        self.pos += n;
        Ok(line)
    }

    /// Skip the CR/LF between records. `false` at the end of input.
    fn skip_blank(&mut self) -> io::Result<bool> {
        loop {
            let buf = match self.r.fill_buf() {
                Ok(b) => b,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if buf.is_empty() {
                return Ok(false);
            }
            let n = buf
                .iter()
                .take_while(|b| matches!(b, b'\r' | b'\n'))
                .count();
            let more = n < buf.len();
            self.r.consume(n);
            self.pos += n as u64;
            if more {
                return Ok(true);
            }
        }
    }

    /// Read (into `out`) or skip exactly `len` bytes.
    fn read_block(&mut self, len: u64, mut out: Option<&mut Vec<u8>>) -> Result<(), String> {
        let mut left = len;
        while left > 0 {
            let buf = match self.r.fill_buf() {
                Ok(b) => b,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    return Err(format!(
                        "read error after {} of {len} block bytes: {e}",
                        len - left
                    ))
                }
            };
            if buf.is_empty() {
                return Err(format!(
                    "record cut short: Content-Length {len}, input ended after {} bytes",
                    len - left
                ));
            }
            let n = buf.len().min(left as usize);
            if let Some(out) = out.as_deref_mut() {
                out.extend_from_slice(&buf[..n]);
            }
            self.r.consume(n);
            self.pos += n as u64;
            left -= n as u64;
        }
        Ok(())
    }

    /// Report an error after which nothing more can be read.
    fn fatal(&mut self, offset: u64, record_id: Option<String>, reason: String) -> WarcError {
        self.done = true;
        WarcError {
            offset,
            record_id,
            reason,
        }
    }

    /// Report an error and skip to the next line that starts a record.
    fn resync(&mut self, offset: u64, record_id: Option<String>, reason: String) -> WarcError {
        loop {
            let before = self.pos;
            match self.line() {
                Ok(Line::Ok) if self.line.starts_with(b"WARC/") => {
                    let v = String::from_utf8_lossy(&self.line).trim().to_string();
                    self.pending = Some((before, v));
                    break;
                }
                Ok(Line::Ok | Line::TooLong(_)) => {}
                Ok(Line::Eof) | Err(_) => {
                    self.done = true;
                    break;
                }
            }
        }
        WarcError {
            offset,
            record_id,
            reason,
        }
    }
}

impl<R: BufRead> Iterator for WarcReader<R> {
    type Item = Result<WarcRecord, WarcError>;
    fn next(&mut self) -> Option<Self::Item> {
        self.next_record(|_| true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(kind: &str, body: &str) -> String {
        format!("WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{kind}>\r\nContent-Length: {}\r\n\r\n{body}\r\n\r\n", body.len())
    }

    #[test]
    fn reads_and_skips_records() {
        let data = rec("warcinfo", "software: x\r\n")
            + &rec("resource", "hello")
            + &rec("request", "GET /");
        let mut r = WarcReader::new(data.as_bytes(), 1 << 20);
        let a = r
            .next_record(|h| h.record_type() == "resource")
            .unwrap()
            .unwrap();
        assert_eq!((a.offset, a.block.is_none()), (0, true));
        let b = r
            .next_record(|h| h.record_type() == "resource")
            .unwrap()
            .unwrap();
        assert_eq!(b.block.as_deref(), Some(&b"hello"[..]));
        assert_eq!(b.header.record_id(), Some("urn:uuid:resource"));
        assert_eq!(&data[b.offset as usize..b.offset as usize + 8], "WARC/1.0");
        assert!(r.next_record(|_| false).unwrap().is_ok());
        assert!(r.next_record(|_| true).is_none());
    }

    #[test]
    fn resyncs_after_garbage_and_reports_truncation() {
        let data = format!(
            "{}garbage line\r\nmore\r\n{}{}",
            rec("resource", "a"),
            rec("resource", "b"),
            "WARC/1.0\r\nContent-Length: 100\r\n\r\nshort"
        );
        let out: Vec<_> = WarcReader::new(data.as_bytes(), 1 << 20).collect();
        assert_eq!(out.len(), 4, "{out:?}");
        assert!(out[0].is_ok() && out[2].is_ok());
        assert!(out[1]
            .as_ref()
            .unwrap_err()
            .reason
            .contains("expected a WARC/"));
        assert!(out[3].as_ref().unwrap_err().reason.contains("cut short"));
    }
}
