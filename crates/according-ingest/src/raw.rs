//! A document as read but not yet decoded: the cheap, sequential part of reading yields
//! [`RawDoc`]s; [`RawDoc::finish`] (decoding, JSON parsing, HTML extraction) is the costly part
//! and can run on many threads.

use crate::decode::{self, Hints};
use crate::http::{self, HttpHead};
use crate::options::ReadOptions;
use crate::{html, jsonl, title};
use according_core::{Doc, DocError, Meta, NoteKind, Stage};

/// Where a raw document came from and what it holds.
#[derive(Debug, Clone)]
pub struct RawDoc {
    /// `path`, `path:line`, `file.warc.gz@offset`.
    pub source: String,
    /// The id to use unless the content names one (JSONL `id` field).
    pub id: String,
    /// Metadata known from the container (WARC headers).
    pub meta: Meta,
    pub body: Body,
}

/// The undecoded content of a [`RawDoc`].
#[derive(Debug, Clone)]
pub enum Body {
    /// A plain-text article (file, or WARC `resource` record); `charset` if declared.
    Text {
        bytes: Vec<u8>,
        charset: Option<String>,
    },
    /// An HTML page (file, or WARC `resource` record).
    Html {
        bytes: Vec<u8>,
        charset: Option<String>,
    },
    /// A WARC `response` record block: HTTP head plus an HTML payload.
    HttpHtml { block: Vec<u8>, head: HttpHead },
    /// One JSONL line (without its newline).
    JsonLine(Vec<u8>),
}

impl RawDoc {
    /// Bytes held, for batching.
    pub fn len(&self) -> usize {
        match &self.body {
            Body::Text { bytes, .. } | Body::Html { bytes, .. } | Body::JsonLine(bytes) => {
                bytes.len()
            }
            Body::HttpHtml { block, .. } => block.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// A per-document error for this document.
    pub fn error(&self, stage: Stage, reason: impl Into<String>) -> DocError {
        DocError::new(&self.source, stage, reason).with_id(&self.id)
    }

    /// Decode, parse or extract into a [`Doc`], with notes on what decoding found.
    pub fn finish(self, opts: &ReadOptions) -> Result<Doc, DocError> {
        let err =
            |stage, reason: String| DocError::new(&self.source, stage, reason).with_id(&self.id);
        let doc = match &self.body {
            Body::Text { bytes, charset } => {
                let mut d = decode::decode(
                    bytes,
                    Hints {
                        declared: charset.as_deref(),
                        tld: None,
                    },
                )
                .map_err(|r| err(Stage::Decode, r))?;
                let mut doc = self.new_doc(std::mem::take(&mut d.text));
                if doc.meta.title.is_none() {
                    if let Some(span) = title::detect_title(&doc.text) {
                        doc.meta.title = Some(doc.text[span.start..span.end].to_string());
                        doc.add_note(NoteKind::Title, span, "first line taken as the title");
                    }
                }
                decode::add_notes(&mut doc, &d);
                doc
            }
            Body::Html { bytes, charset } => self.finish_html(bytes, charset.clone(), opts)?,
            Body::HttpHtml { block, head } => {
                let payload = http::decode_payload(head, block, opts.max_doc_bytes)
                    .map_err(|r| err(Stage::Decode, r))?;
                self.finish_html(&payload, head.charset.clone(), opts)?
            }
            Body::JsonLine(line) => jsonl::parse_line(line, &self.source, &self.id, opts)?,
        };
        if doc.text.trim().is_empty() {
            return Err(err(Stage::Read, "no text".into()));
        }
        if doc.text.len() > opts.max_doc_bytes {
            let n = doc.text.len();
            return Err(err(
                Stage::Read,
                format!(
                    "text is {n} bytes, over the limit of {}",
                    opts.max_doc_bytes
                ),
            ));
        }
        Ok(doc)
    }

    fn new_doc(&self, text: String) -> Doc {
        let mut doc = Doc::new(&self.id, &self.source, text);
        doc.meta = self.meta.clone();
        doc
    }

    fn finish_html(
        &self,
        bytes: &[u8],
        charset: Option<String>,
        opts: &ReadOptions,
    ) -> Result<Doc, DocError> {
        let charset = charset.or_else(|| decode::html_meta_charset(bytes));
        let url = self.meta.url.as_deref();
        let hints = Hints {
            declared: charset.as_deref(),
            tld: url.and_then(decode::url_tld).map(str::as_bytes),
        };
        let d = decode::decode(bytes, hints).map_err(|r| self.error(Stage::Decode, r))?;
        let article =
            html::extract(opts, &d.text, url).map_err(|r| self.error(Stage::Extract, r))?;
        let mut doc = self.new_doc(article.text);
        let m = &mut doc.meta;
        m.title = article.title.or(m.title.take());
        if !article.authors.is_empty() {
            m.authors = article.authors;
        }
        // The page's own date is the publication date; a WARC-Date is only when it was crawled.
        m.published = article.published.or(m.published.take());
        m.site = article.site.or(m.site.take());
        m.language = article.language.or(m.language.take());
        decode::add_notes(&mut doc, &d);
        Ok(doc)
    }
}
