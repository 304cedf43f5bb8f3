//! Synthetic Common-Crawl-like WARC data for the benchmark and the memory example: per record
//! gzip members, request/response/metadata triples, 20-120 KB HTML responses.

use std::io::{self, Write};

const WORDS: &[&str] = &[
    "the",
    "minister",
    "said",
    "according",
    "to",
    "report",
    "officials",
    "in",
    "Moscow",
    "on",
    "Tuesday",
    "government",
    "would",
    "not",
    "comment",
    "spokesman",
    "told",
    "reporters",
    "that",
    "a",
    "of",
    "and",
    "news",
    "agency",
    "claimed",
    "sources",
    "familiar",
    "with",
    "talks",
];

struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

fn html_page(rng: &mut Lcg, target: usize) -> Vec<u8> {
    let mut page =
        b"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Report</title></head><body>\n"
            .to_vec();
    while page.len() < target {
        page.extend_from_slice(b"<div class=\"para\"><p>");
        for _ in 0..40 {
            page.extend_from_slice(WORDS[rng.next() as usize % WORDS.len()].as_bytes());
            page.push(b' ');
        }
        page.extend_from_slice(b"</p></div>\n");
    }
    page.extend_from_slice(b"</body></html>\n");
    page
}

fn record(kind: &str, id: u64, uri: &str, ctype: &str, block: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Date: 2024-01-01T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{id:012}>\r\nWARC-Target-URI: {uri}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

/// Write about `target` uncompressed bytes of WARC to `w`, gzipped per record if `gzip`.
/// Returns (uncompressed bytes, HTML responses).
pub fn write_warc(mut w: impl Write, target: u64, gzip: bool) -> io::Result<(u64, u64)> {
    let mut rng = Lcg(42);
    let (mut total, mut pages, mut id) = (0u64, 0u64, 0u64);
    let mut emit = |rec: Vec<u8>, total: &mut u64| -> io::Result<()> {
        *total += rec.len() as u64;
        if gzip {
            let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            gz.write_all(&rec)?;
            w.write_all(&gz.finish()?)
        } else {
            w.write_all(&rec)
        }
    };
    emit(
        record(
            "warcinfo",
            id,
            "",
            "application/warc-fields",
            b"software: according-bench\r\n",
        ),
        &mut total,
    )?;
    while total < target {
        id += 1;
        let uri = format!("http://news.example.com/story/{id}");
        let req = format!(
            "GET /story/{id} HTTP/1.1\r\nHost: news.example.com\r\nUser-Agent: bench\r\n\r\n"
        );
        emit(
            record(
                "request",
                id * 3,
                &uri,
                "application/http; msgtype=request",
                req.as_bytes(),
            ),
            &mut total,
        )?;
        let size = 20_000 + (rng.next() as usize % 100_000);
        let mut block =
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nServer: bench\r\n\r\n"
                .to_vec();
        block.extend_from_slice(&html_page(&mut rng, size));
        emit(
            record(
                "response",
                id * 3 + 1,
                &uri,
                "application/http; msgtype=response",
                &block,
            ),
            &mut total,
        )?;
        pages += 1;
        let meta = b"fetchTimeMs: 120\r\ncharset-detected: UTF-8\r\n";
        emit(
            record(
                "metadata",
                id * 3 + 2,
                &uri,
                "application/warc-fields",
                meta,
            ),
            &mut total,
        )?;
    }
    Ok((total, pages))
}
