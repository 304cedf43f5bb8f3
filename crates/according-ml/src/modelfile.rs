//! Model files: `ACCORDM1` magic, a JSON header (kind, format version, provenance), then named
//! sections compressed with DEFLATE. Small, versioned, and self-describing.

use flate2::read::DeflateDecoder;
use flate2::write::DeflateEncoder;
use flate2::Compression;
use serde::{Deserialize, Serialize};
use std::io::{Read, Write};

const MAGIC: &[u8; 8] = b"ACCORDM1";

/// What a model is and where it came from.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Header {
    /// `tagger`, `parser`, `ner`, `attribution`, ...
    pub kind: String,
    /// Version of this model kind's section layout; readers refuse versions they don't know.
    pub format_version: u32,
    /// Training data, seed, epochs, scores at training time — free form.
    pub provenance: serde_json::Value,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ModelFile {
    pub header: Header,
    pub sections: Vec<(String, Vec<u8>)>,
}

impl ModelFile {
    pub fn new(kind: &str, format_version: u32, provenance: serde_json::Value) -> Self {
        ModelFile {
            header: Header {
                kind: kind.into(),
                format_version,
                provenance,
            },
            sections: Vec::new(),
        }
    }

    pub fn add(&mut self, name: &str, bytes: Vec<u8>) {
        self.sections.push((name.to_string(), bytes));
    }

    pub fn section(&self, name: &str) -> Result<&[u8], String> {
        self.sections
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, b)| b.as_slice())
            .ok_or_else(|| format!("model file has no section `{name}`"))
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let header = serde_json::to_vec(&self.header).expect("header serialises");
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(header.len() as u32).to_le_bytes());
        out.extend_from_slice(&header);
        let mut body = ByteWriter::default();
        body.u32(self.sections.len() as u32);
        for (name, bytes) in &self.sections {
            body.str(name);
            body.bytes(bytes);
        }
        let mut enc = DeflateEncoder::new(out, Compression::best());
        enc.write_all(&body.into_inner()).expect("in-memory write");
        enc.finish().expect("in-memory write")
    }

    /// Parse a model file, checking kind and format version.
    pub fn from_bytes(data: &[u8], kind: &str, format_version: u32) -> Result<Self, String> {
        if data.len() < 12 || &data[..8] != MAGIC {
            return Err("not an according model file (bad magic)".into());
        }
        let hlen = u32::from_le_bytes(data[8..12].try_into().unwrap()) as usize;
        let hend = 12usize
            .checked_add(hlen)
            .filter(|&e| e <= data.len())
            .ok_or("truncated header")?;
        let header: Header = serde_json::from_slice(&data[12..hend])
            .map_err(|e| format!("bad model header: {e}"))?;
        if header.kind != kind {
            return Err(format!(
                "model file is a `{}` model, expected `{kind}`",
                header.kind
            ));
        }
        if header.format_version != format_version {
            return Err(format!(
                "`{kind}` model format version {} is not supported (this build reads {format_version})",
                header.format_version
            ));
        }
        let mut body = Vec::new();
        DeflateDecoder::new(&data[hend..])
            .read_to_end(&mut body)
            .map_err(|e| format!("corrupt model body: {e}"))?;
        let mut r = ByteReader::new(&body);
        let n = r.u32()?;
        let mut sections = Vec::new();
        for _ in 0..n {
            let name = r.str()?;
            let bytes = r.bytes()?.to_vec();
            sections.push((name, bytes));
        }
        Ok(ModelFile { header, sections })
    }

    pub fn read_path(path: &std::path::Path, kind: &str, version: u32) -> Result<Self, String> {
        let data = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
        Self::from_bytes(&data, kind, version).map_err(|e| format!("{}: {e}", path.display()))
    }
}

/// Little-endian binary writer for model sections.
#[derive(Default)]
pub struct ByteWriter(Vec<u8>);

impl ByteWriter {
    pub fn into_inner(self) -> Vec<u8> {
        self.0
    }
    pub fn u8(&mut self, x: u8) {
        self.0.push(x);
    }
    pub fn u32(&mut self, x: u32) {
        self.0.extend_from_slice(&x.to_le_bytes());
    }
    pub fn u64(&mut self, x: u64) {
        self.0.extend_from_slice(&x.to_le_bytes());
    }
    pub fn i16(&mut self, x: i16) {
        self.0.extend_from_slice(&x.to_le_bytes());
    }
    pub fn f32(&mut self, x: f32) {
        self.0.extend_from_slice(&x.to_le_bytes());
    }
    pub fn bytes(&mut self, b: &[u8]) {
        self.u64(b.len() as u64);
        self.0.extend_from_slice(b);
    }
    pub fn str(&mut self, s: &str) {
        self.bytes(s.as_bytes());
    }
    pub fn strs(&mut self, v: &[String]) {
        self.u32(v.len() as u32);
        for s in v {
            self.str(s);
        }
    }
}

/// Reader matching [`ByteWriter`]; every read is bounds-checked.
pub struct ByteReader<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> ByteReader<'a> {
    pub fn new(data: &'a [u8]) -> Self {
        ByteReader { data, pos: 0 }
    }
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.data.len());
        let end = end.ok_or_else(|| "model data ends early".to_string())?;
        let s = &self.data[self.pos..end];
        self.pos = end;
        Ok(s)
    }
    pub fn u8(&mut self) -> Result<u8, String> {
        Ok(self.take(1)?[0])
    }
    pub fn u32(&mut self) -> Result<u32, String> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().unwrap()))
    }
    pub fn u64(&mut self) -> Result<u64, String> {
        Ok(u64::from_le_bytes(self.take(8)?.try_into().unwrap()))
    }
    pub fn i16(&mut self) -> Result<i16, String> {
        Ok(i16::from_le_bytes(self.take(2)?.try_into().unwrap()))
    }
    pub fn f32(&mut self) -> Result<f32, String> {
        Ok(f32::from_le_bytes(self.take(4)?.try_into().unwrap()))
    }
    pub fn bytes(&mut self) -> Result<&'a [u8], String> {
        let n = self.u64()?;
        let n = usize::try_from(n).map_err(|_| "length overflows".to_string())?;
        self.take(n)
    }
    pub fn str(&mut self) -> Result<String, String> {
        String::from_utf8(self.bytes()?.to_vec()).map_err(|_| "invalid UTF-8 in model".into())
    }
    pub fn strs(&mut self) -> Result<Vec<String>, String> {
        let n = self.u32()? as usize;
        (0..n).map(|_| self.str()).collect()
    }
    pub fn is_empty(&self) -> bool {
        self.pos >= self.data.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roundtrip_and_checks() {
        let mut m = ModelFile::new("tagger", 1, serde_json::json!({"seed": 1}));
        m.add("labels", vec![1, 2, 3]);
        let b = m.to_bytes();
        let back = ModelFile::from_bytes(&b, "tagger", 1).unwrap();
        assert_eq!(back, m);
        assert!(ModelFile::from_bytes(&b, "parser", 1)
            .unwrap_err()
            .contains("tagger"));
        assert!(ModelFile::from_bytes(&b, "tagger", 2).is_err());
        assert!(ModelFile::from_bytes(&b[..b.len() / 2], "tagger", 1).is_err());
        assert!(ModelFile::from_bytes(b"garbage", "tagger", 1).is_err());
    }
}
