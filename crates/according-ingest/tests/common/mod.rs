#![allow(dead_code)]
//! Helpers shared by the integration tests.

use according_html::Article;
use according_ingest::{read_raw, Doc, DocError, ReadOptions};
use std::path::PathBuf;

/// `../shared/data` seen from the repository root.
pub fn data_dir() -> PathBuf {
    let d = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data");
    assert!(d.is_dir(), "shared data not found at {}", d.display());
    d
}

/// A stand-in extractor that keeps the decoded page as the article text, so reader tests do
/// not depend on the real extractor.
pub fn keep_html(html: &str, _url: Option<&str>) -> Result<Article, String> {
    Ok(Article {
        text: html.to_string(),
        title: Some("stub".into()),
        ..Article::default()
    })
}

pub fn stub_opts() -> ReadOptions {
    ReadOptions {
        html_extractor: keep_html,
        ..ReadOptions::default()
    }
}

/// Read and finish everything under `paths`: (docs, errors).
pub fn read_all(paths: &[String], opts: &ReadOptions) -> (Vec<Doc>, Vec<DocError>) {
    let (mut docs, mut errs) = (Vec::new(), Vec::new());
    for item in read_raw(paths, opts) {
        match item.and_then(|raw| raw.finish(opts)) {
            Ok(d) => docs.push(d),
            Err(e) => errs.push(e),
        }
    }
    (docs, errs)
}

pub fn s(p: &std::path::Path) -> String {
    p.display().to_string()
}
