//! Plain text, HTML files, directories, gzip, and the real examples.

mod common;
use according_core::NoteKind;
use according_ingest::{read_inputs, read_stream, ReadOptions};
use common::*;
use std::io::Write;

#[test]
fn seed_article_has_no_title() {
    let p =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/seed-article.txt");
    let docs: Vec<_> = read_inputs(&[s(&p)], &ReadOptions::default()).collect();
    let d = docs[0].as_ref().unwrap();
    assert_eq!(d.id, "seed-article");
    assert_eq!(d.meta.title, None);
    assert!(d.notes.is_empty(), "{:?}", d.notes);
    assert_eq!(d.text, std::fs::read_to_string(&p).unwrap());
}

#[test]
fn bbc_articles_have_titles_and_keep_them_in_the_text() {
    let dir = data_dir().join("news/bbc-2005/business");
    let (docs, errs) = read_all(&[s(&dir)], &ReadOptions::default());
    assert!(errs.is_empty(), "{errs:?}");
    assert_eq!(docs.len(), std::fs::read_dir(&dir).unwrap().count());
    assert_eq!(docs[0].id, "001");
    assert_eq!(
        docs[0].meta.title.as_deref(),
        Some("Ad sales boost Time Warner profit")
    );
    assert!(docs[0]
        .text
        .starts_with("Ad sales boost Time Warner profit\n"));
    let titled = docs.iter().filter(|d| d.meta.title.is_some()).count();
    assert!(
        titled * 100 >= docs.len() * 99,
        "{titled} of {} titled",
        docs.len()
    );
    let n = &docs[0].notes[0];
    assert_eq!((n.kind, n.span.start, n.span.end), (NoteKind::Title, 0, 33));
}

#[test]
fn directories_are_walked_in_sorted_order() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("b/sub")).unwrap();
    std::fs::create_dir_all(dir.path().join("a")).unwrap();
    for (name, text) in [
        ("b/sub/z.txt", "Z said so."),
        ("a/y.txt", "Y said so."),
        ("b/x.txt", "X said so."),
        ("c.txt", "C said so."),
        ("LICENSE", "not read"),
        (".hidden.txt", "not read"),
    ] {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let (docs, errs) = read_all(&[s(dir.path())], &ReadOptions::default());
    assert!(errs.is_empty());
    let ids: Vec<_> = docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["a/y", "b/sub/z", "b/x", "c"]);
}

#[test]
fn gzip_text_and_truncated_gzip() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("story.txt.gz");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all("Big headline here\n\nThe “quoted” minister said it. ".as_bytes())
        .unwrap();
    gz.write_all(&b"More text follows here. ".repeat(2000))
        .unwrap();
    let bytes = gz.finish().unwrap();
    std::fs::write(&p, &bytes).unwrap();
    let cut = dir.path().join("cut.txt.gz");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    let (docs, errs) = read_all(&[s(&p), s(&cut)], &ReadOptions::default());
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].id, "story");
    assert_eq!(docs[0].meta.title.as_deref(), Some("Big headline here"));
    assert_eq!(errs.len(), 1);
    assert!(
        errs[0].source.ends_with("cut.txt.gz") && errs[0].reason.contains("read error"),
        "{errs:?}"
    );
}

#[test]
fn stdin_like_streams_are_sniffed() {
    let opts = stub_opts();
    let html = b"<!DOCTYPE html><html><head><meta charset=\"windows-1252\"></head><body>caf\xe9</body></html>".to_vec();
    let raw: Vec<_> = read_stream(std::io::Cursor::new(html), "-", &opts).collect();
    let d = raw
        .into_iter()
        .next()
        .unwrap()
        .unwrap()
        .finish(&opts)
        .unwrap();
    assert!(d.text.contains("café"), "{}", d.text);
    let jsonl = b"{\"text\": \"one\"}\n{\"text\": \"two\"}\n".to_vec();
    assert_eq!(
        read_stream(std::io::Cursor::new(jsonl), "-", &opts).count(),
        2
    );
}

#[test]
fn html_files_go_through_the_extractor_and_its_errors_are_per_document() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("page.html");
    std::fs::write(&p, "<html><body><p>Hello, she said.</p></body></html>").unwrap();
    fn failing(_: &str, _: Option<&str>) -> Result<according_html::Article, String> {
        Err("no article found".into())
    }
    let opts = ReadOptions {
        html_extractor: failing,
        ..ReadOptions::default()
    };
    let (docs, errs) = read_all(&[s(&p), s(&p)], &opts);
    assert_eq!((docs.len(), errs.len()), (0, 2));
    assert_eq!(errs[0].stage, according_core::Stage::Extract);
    assert_eq!(errs[0].reason, "no article found");
    let (docs, _) = read_all(&[s(&p)], &stub_opts());
    assert_eq!(docs[0].meta.title.as_deref(), Some("stub"));
}

#[test]
fn missing_paths_are_errors_and_reading_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("ok.txt");
    std::fs::write(&p, "Fine text, he said.").unwrap();
    let (docs, errs) = read_all(
        &["/nonexistent/x.txt".into(), s(&p)],
        &ReadOptions::default(),
    );
    assert_eq!((docs.len(), errs.len()), (1, 1));
    assert_eq!(errs[0].source, "/nonexistent/x.txt");
}
