//! JSONL: good lines, bad lines (each an error naming file:line), field options, Docs read back.

mod common;
use according_ingest::{JsonlFields, ReadOptions};
use common::*;

fn write(dir: &tempfile::TempDir, name: &str, content: &str) -> String {
    let p = dir.path().join(name);
    std::fs::write(&p, content).unwrap();
    s(&p)
}

#[test]
fn good_and_bad_lines() {
    let dir = tempfile::tempdir().unwrap();
    let content = [
        r#"{"id": "a1", "text": "Officials said the talks failed.", "url": "http://x.test/a", "title": "Talks fail", "date": "2002-09-13"}"#,
        r#"{"text": "No id here, the spokesman said."}"#,
        "",
        r#"{"id": 7, "text": "Numeric id."}"#,
        r#"{"id": "bad-json", "text": "unterminated"#,
        r#"{"id": "no-text"}"#,
        r#"{"id": "wrong-type", "text": 42}"#,
        r#"["not", "an", "object"]"#,
        r#"{"id": "last", "text": "After the bad lines."}"#,
    ]
    .join("\n");
    let path = write(&dir, "news.jsonl", &content);
    let (docs, errs) = read_all(std::slice::from_ref(&path), &ReadOptions::default());
    let ids: Vec<_> = docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["a1", "news:2", "7", "last"]);
    let a = &docs[0];
    assert_eq!(a.meta.url.as_deref(), Some("http://x.test/a"));
    assert_eq!(a.meta.title.as_deref(), Some("Talks fail"));
    assert_eq!(a.meta.published.as_deref(), Some("2002-09-13"));
    assert_eq!(a.source, format!("{path}:1"));
    let got: Vec<_> = errs
        .iter()
        .map(|e| {
            (
                e.source.rsplit(':').next().unwrap().to_string(),
                e.reason.clone(),
            )
        })
        .collect();
    assert_eq!(got.len(), 4, "{got:?}");
    assert_eq!(got[0].0, "5");
    assert!(got[0].1.starts_with("invalid JSON"), "{got:?}");
    assert_eq!(got[1], ("6".into(), "missing field `text`".into()));
    assert_eq!(
        got[2],
        (
            "7".into(),
            "field `text` is a number, expected a string".into()
        )
    );
    assert_eq!(
        got[3],
        ("8".into(), "expected a JSON object, found an array".into())
    );
}

#[test]
fn field_names_are_configurable() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        &dir,
        "x.jsonl",
        r#"{"uid": "u1", "body": "The body.", "link": "http://l.test", "headline": "H", "pubdate": "2020-01-01"}"#,
    );
    let opts = ReadOptions {
        fields: JsonlFields {
            text: "body".into(),
            id: "uid".into(),
            url: "link".into(),
            title: "headline".into(),
            date: "pubdate".into(),
        },
        ..ReadOptions::default()
    };
    let (docs, errs) = read_all(&[path], &opts);
    assert!(errs.is_empty(), "{errs:?}");
    let d = &docs[0];
    assert_eq!((d.id.as_str(), d.text.as_str()), ("u1", "The body."));
    assert_eq!(
        (
            d.meta.url.as_deref(),
            d.meta.title.as_deref(),
            d.meta.published.as_deref()
        ),
        (Some("http://l.test"), Some("H"), Some("2020-01-01"))
    );
}

#[test]
fn according_docs_read_back() {
    let mut doc = according_ingest::Doc::new("d1", "orig.txt", "“No,” Ivanov said.");
    doc.sentences.push(according_core::Sentence {
        span: according_core::Span::new(0, doc.text.len()),
    });
    let line = according_core::json::to_json_line(&doc).unwrap();
    let dir = tempfile::tempdir().unwrap();
    // No extension: the leading `{` says JSONL.
    let path = write(&dir, "dump", &format!("{line}\n{line}\n"));
    let (docs, errs) = read_all(&[path], &ReadOptions::default());
    assert!(errs.is_empty(), "{errs:?}");
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0], doc);
}

#[test]
fn gzipped_jsonl() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.jsonl.gz");
    let mut gz = flate2::write::GzEncoder::new(
        std::fs::File::create(&p).unwrap(),
        flate2::Compression::default(),
    );
    for i in 0..100 {
        writeln!(gz, r#"{{"id": "n{i}", "text": "Line {i}, he said."}}"#).unwrap();
    }
    gz.finish().unwrap();
    let (docs, errs) = read_all(&[s(&p)], &ReadOptions::default());
    assert_eq!((docs.len(), errs.len()), (100, 0));
    assert_eq!(docs[99].text, "Line 99, he said.");
}
