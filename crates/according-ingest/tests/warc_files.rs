//! Every WARC file in ../shared/data/warc, read through: counts of records and documents.

mod common;
use according_ingest::{read_raw, Body, WarcReader};
use common::*;
use std::io::BufReader;

fn records(name: &str) -> (usize, Vec<String>) {
    let f = std::fs::File::open(data_dir().join("warc").join(name)).unwrap();
    let gz = flate2::bufread::MultiGzDecoder::new(BufReader::new(f));
    let mut ok = 0;
    let mut errs = Vec::new();
    for r in WarcReader::new(BufReader::new(gz), 1 << 30) {
        match r {
            Ok(_) => ok += 1,
            Err(e) => errs.push(e.reason),
        }
    }
    (ok, errs)
}

#[test]
fn record_counts() {
    assert_eq!(records("warcfile.warc.gz"), (50, vec![]));
    assert_eq!(records("clueweb-quirk.warc.gz"), (30, vec![]));
    assert_eq!(records("block-sized-records.warc.gz"), (3, vec![]));
    let (ok, errs) = records("clipped.warc.gz");
    assert_eq!((ok, errs.len()), (0, 1), "{errs:?}");
}

#[test]
fn common_crawl_file_gives_its_16_html_responses() {
    let path = s(&data_dir().join("warc/warcfile.warc.gz"));
    let opts = stub_opts();
    let raws: Vec<_> = read_raw(std::slice::from_ref(&path), &opts)
        .map(Result::unwrap)
        .collect();
    assert_eq!(raws.len(), 16);
    assert!(raws.iter().all(|r| matches!(r.body, Body::HttpHtml { .. })));
    assert!(raws
        .iter()
        .all(|r| r.meta.url.as_deref().is_some_and(|u| u.starts_with("http"))));
    assert!(raws
        .iter()
        .all(|r| r.id.starts_with("urn:uuid:") && r.source.starts_with(&format!("{path}@"))));
    let (docs, errs) = read_all(&[path], &opts);
    assert_eq!((docs.len(), errs.len()), (16, 0), "{errs:?}");
    // Declared windows-1251 and gb2312 pages come out as Cyrillic and Chinese.
    assert!(docs
        .iter()
        .any(|d| d.text.contains("и")
            && d.notes.iter().any(|n| n.detail.starts_with("windows-1251"))));
    assert!(docs.iter().any(|d| d
        .text
        .chars()
        .any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c))));
    assert!(docs.iter().all(|d| d
        .meta
        .published
        .as_deref()
        .is_some_and(|p| p.starts_with("20"))));
}

#[test]
fn clueweb_quirks_bare_lf_heads_and_euc_jp() {
    let path = s(&data_dir().join("warc/clueweb-quirk.warc.gz"));
    let (docs, errs) = read_all(&[path], &stub_opts());
    assert_eq!((docs.len(), errs.len()), (29, 0), "{errs:?}");
    for d in &docs {
        // The HTTP head (bare LF line ends) is not part of the page.
        assert!(!d.text.starts_with("HTTP/"), "{}", &d.text[..40]);
        assert!(
            d.text
                .chars()
                .any(|c| ('\u{3040}'..='\u{30FF}').contains(&c)),
            "no kana in {}",
            d.id
        );
    }
}

#[test]
fn unknown_records_are_skipped_silently() {
    let path = s(&data_dir().join("warc/block-sized-records.warc.gz"));
    let (docs, errs) = read_all(&[path], &stub_opts());
    assert_eq!((docs.len(), errs.len()), (0, 0));
}

#[test]
fn clipped_record_is_an_error_naming_its_offset() {
    let path = s(&data_dir().join("warc/clipped.warc.gz"));
    let (docs, errs) = read_all(std::slice::from_ref(&path), &stub_opts());
    assert_eq!((docs.len(), errs.len()), (0, 1));
    assert_eq!(errs[0].source, format!("{path}@0"));
    assert_eq!(
        errs[0].id.as_deref(),
        Some("urn:uuid:f3dfa8fa-f031-4a38-90cc-1dcee3d07bb5")
    );
}

#[test]
fn whole_folder_reads_the_rest_after_the_clipped_file() {
    let (docs, errs) = read_all(&[s(&data_dir().join("warc"))], &stub_opts());
    assert_eq!((docs.len(), errs.len()), (16 + 29, 1), "{errs:?}");
}

#[test]
fn clipped_record_in_the_middle_is_reported_and_reading_goes_on() {
    // A record whose block is shorter than its Content-Length, followed by good records
    // (uncompressed stream, so the parser must resynchronise on the next WARC/ line).
    let good = |id: &str| {
        let body = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><p>Hello</p></html>";
        format!("WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:{id}>\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n{body}\r\n\r\n", body.len())
    };
    let broken = "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 9999\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<html>\r\n\r\n";
    let data = format!("{}{}{}", good("a"), "garbage\r\n", good("b")) + broken;
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("x.warc");
    std::fs::write(&p, data).unwrap();
    let (docs, errs) = read_all(&[s(&p)], &stub_opts());
    let ids: Vec<_> = docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["urn:a", "urn:b"]);
    assert_eq!(errs.len(), 2, "{errs:?}");
    assert!(errs[1].reason.contains("cut short"));
}
