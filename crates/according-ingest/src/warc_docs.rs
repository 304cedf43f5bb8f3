//! WARC records → raw documents: HTML `response`s (2xx) and text/HTML `resource` or
//! `conversion` records. Requests, metadata, warcinfo and non-HTML responses are skipped.

use crate::http;
use crate::raw::{Body, RawDoc};
use crate::warc::{WarcHeader, WarcReader};
use according_core::{DocError, Meta, Stage};
use std::io::BufRead;

/// Yields the documents of one WARC stream.
pub struct WarcDocs<R> {
    reader: WarcReader<R>,
    path: String,
    file_id: String,
}

impl<R: BufRead> WarcDocs<R> {
    pub fn new(r: R, path: String, file_id: String, max_doc_bytes: usize) -> Self {
        // A block holds the HTTP head too: allow for it on top of the document limit.
        WarcDocs {
            reader: WarcReader::new(r, max_doc_bytes.saturating_add(1 << 20)),
            path,
            file_id,
        }
    }
}

/// Record types that can hold a document.
fn wanted(h: &WarcHeader) -> bool {
    matches!(
        h.record_type().as_str(),
        "response" | "resource" | "conversion"
    )
}

impl<R: BufRead> Iterator for WarcDocs<R> {
    type Item = Result<RawDoc, DocError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let rec = match self.reader.next_record(wanted)? {
                Ok(r) => r,
                Err(e) => {
                    let mut err =
                        DocError::new(format!("{}@{}", self.path, e.offset), Stage::Read, e.reason);
                    err.id = e.record_id;
                    return Some(Err(err));
                }
            };
            let Some(block) = rec.block else { continue };
            let h = &rec.header;
            let source = format!("{}@{}", self.path, rec.offset);
            let id = h
                .record_id()
                .map_or_else(|| format!("{}@{}", self.file_id, rec.offset), String::from);
            let meta = Meta {
                url: h.target_uri().map(String::from),
                published: h
                    .get("WARC-Date")
                    .map(|d| d.trim().to_string())
                    .filter(|d| !d.is_empty()),
                ..Meta::default()
            };
            let (mime, charset) = h
                .get("Content-Type")
                .map(http::parse_content_type)
                .unwrap_or_default();
            let body = if h.record_type() == "response" {
                if mime
                    .as_deref()
                    .is_some_and(|m| !m.starts_with("application/http"))
                {
                    // A response record of a non-HTTP protocol (dns:, ftp:): not a page.
                    continue;
                }
                let head = match http::parse_head(&block) {
                    Ok(head) => head,
                    Err(reason) => {
                        return Some(Err(DocError::new(source, Stage::Read, reason).with_id(id)))
                    }
                };
                let payload = &block[head.body_start.min(block.len())..];
                if !(200..300).contains(&head.status)
                    || !http::is_html(head.mime.as_deref(), payload)
                {
                    continue;
                }
                Body::HttpHtml { block, head }
            } else {
                match mime.as_deref() {
                    Some("text/plain") => Body::Text {
                        bytes: block,
                        charset,
                    },
                    Some("text/html" | "application/xhtml+xml") => Body::Html {
                        bytes: block,
                        charset,
                    },
                    None if http::looks_like_html(&block) => Body::Html {
                        bytes: block,
                        charset,
                    },
                    _ => continue,
                }
            };
            return Some(Ok(RawDoc {
                source,
                id,
                meta,
                body,
            }));
        }
    }
}
