//! Hostile input: invalid UTF-8, NUL bytes, binary files, deep nesting, oversized and empty
//! documents. Each gives a document with notes or a per-document error; nothing panics.

mod common;
use according_core::{NoteKind, Stage};
use according_ingest::ReadOptions;
use common::*;

fn file(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> String {
    let p = dir.path().join(name);
    std::fs::write(&p, bytes).unwrap();
    s(&p)
}

#[test]
fn invalid_utf8_is_replaced_and_noted() {
    let dir = tempfile::tempdir().unwrap();
    let p = file(
        &dir,
        "bad.txt",
        b"\xe2\x80\x9cWe will not,\xe2\x80\x9d he said \xff\xfe of the plan.",
    );
    let (docs, errs) = read_all(&[p], &ReadOptions::default());
    assert!(errs.is_empty());
    let d = &docs[0];
    let n = d
        .notes
        .iter()
        .find(|n| n.kind == NoteKind::InvalidUtf8)
        .expect("note");
    assert_eq!(d.slice(n.span), "\u{FFFD}\u{FFFD}");
    assert!(d.text.starts_with("“We will not,” he said"));
}

#[test]
fn nul_bytes_are_kept_and_noted() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = b"The minister said\0\0 the talks had failed. ".repeat(20);
    bytes.extend_from_slice(b"\x01end.");
    let p = file(&dir, "nul.txt", &bytes);
    let (docs, errs) = read_all(&[p], &ReadOptions::default());
    assert!(errs.is_empty(), "{errs:?}");
    let d = &docs[0];
    assert_eq!(d.text.as_bytes(), &bytes[..]);
    let notes: Vec<_> = d
        .notes
        .iter()
        .filter(|n| n.kind == NoteKind::ControlChars)
        .collect();
    assert_eq!(notes.len(), 20, "capped at 20 notes");
    assert!(notes[19].detail.contains("1 more"), "{}", notes[19].detail);
    assert_eq!(d.slice(notes[0].span), "\0\0");
}

#[test]
fn binary_files_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    let png = file(&dir, "img.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    let noise: Vec<u8> = (0..100_000u64)
        .map(|i| (i.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 56) as u8)
        .collect();
    let noise = file(&dir, "noise.bin", &noise);
    let ok = file(&dir, "ok.txt", b"Still read, she said.");
    let (docs, errs) = read_all(&[png, noise, ok], &ReadOptions::default());
    assert_eq!(docs.len(), 1);
    assert_eq!(errs.len(), 2);
    assert!(
        errs.iter()
            .all(|e| e.stage == Stage::Decode && e.reason.starts_with("binary file")),
        "{errs:?}"
    );
    assert!(errs[0].reason.contains("PNG"));
}

#[test]
fn oversized_and_empty_documents_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    let big = file(&dir, "big.txt", &b"word ".repeat(3000));
    let empty = file(&dir, "empty.txt", b"");
    let blank = file(&dir, "blank.txt", b" \n\n \t\n");
    let ok = file(&dir, "ok.txt", b"Small, he said.");
    let opts = ReadOptions {
        max_doc_bytes: 10_000,
        ..ReadOptions::default()
    };
    let (docs, errs) = read_all(&[big, empty, blank, ok], &opts);
    assert_eq!(docs.len(), 1);
    let reasons: Vec<_> = errs.iter().map(|e| e.reason.as_str()).collect();
    assert_eq!(
        reasons,
        [
            "file is larger than the limit of 10000 bytes",
            "empty file",
            "no text"
        ]
    );
}

/// Recurses once per `<div` (not a loop the optimiser could flatten): overflows an 8 MB stack
/// at 100k levels.
fn recursive_extractor(html: &str, _: Option<&str>) -> Result<according_html::Article, String> {
    fn depth(s: &[u8], i: usize) -> usize {
        let pad = std::hint::black_box([0u8; 128]);
        match memchr_div(&s[i..]) {
            Some(j) => 1 + depth(s, i + j + 4) + pad[0] as usize,
            None => 0,
        }
    }
    fn memchr_div(s: &[u8]) -> Option<usize> {
        s.windows(4).position(|w| w == b"<div")
    }
    let d = depth(html.as_bytes(), 0);
    Ok(according_html::Article {
        text: format!("depth {d}"),
        ..Default::default()
    })
}

fn nested_divs(n: usize) -> Vec<u8> {
    let mut page = b"<!DOCTYPE html><html><body>".to_vec();
    page.extend_from_slice(&b"<div>".repeat(n));
    page.extend_from_slice(b"<p>Deep, the report said.</p>");
    page.extend_from_slice(&b"</div>".repeat(n));
    page.extend_from_slice(b"</body></html>");
    page
}

#[test]
fn deeply_nested_html_does_not_overflow_the_stack() {
    let dir = tempfile::tempdir().unwrap();
    let p = file(&dir, "deep.html", &nested_divs(100_000));
    let opts = ReadOptions {
        html_extractor: recursive_extractor,
        ..ReadOptions::default()
    };
    let (docs, errs) = read_all(std::slice::from_ref(&p), &opts);
    assert!(errs.is_empty(), "{errs:?}");
    assert_eq!(docs[0].text, "depth 100000");
    // The real extractor: a document or a per-document error, and the process survives.
    let (docs, errs) = read_all(&[p], &ReadOptions::default());
    assert_eq!(docs.len() + errs.len(), 1);
}

#[test]
fn panicking_extractor_is_a_per_document_error() {
    fn boom(_: &str, _: Option<&str>) -> Result<according_html::Article, String> {
        panic!("boom")
    }
    let dir = tempfile::tempdir().unwrap();
    let p = file(&dir, "a.html", b"<html><body>x</body></html>");
    let opts = ReadOptions {
        html_extractor: boom,
        ..ReadOptions::default()
    };
    let (_, errs) = read_all(&[p], &opts);
    assert_eq!(errs[0].reason, "HTML extractor panicked: boom");
}
