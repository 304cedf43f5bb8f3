//! A 100 MB JSONL line: an error for that line, the lines around it read, and memory bounded
//! by the document limit (own test binary, so peak RSS is this test's alone).

mod common;
use according_ingest::ReadOptions;
use common::*;
use std::io::Write;

fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[test]
fn hundred_megabyte_line_is_skipped_with_bounded_memory() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("big.jsonl");
    {
        let mut f = std::io::BufWriter::new(std::fs::File::create(&p).unwrap());
        writeln!(f, r#"{{"id": "before", "text": "First, he said."}}"#).unwrap();
        write!(f, r#"{{"id": "huge", "text": ""#).unwrap();
        let chunk = b"x".repeat(1 << 20);
        for _ in 0..100 {
            f.write_all(&chunk).unwrap();
        }
        writeln!(f, r#""}}"#).unwrap();
        writeln!(f, r#"{{"id": "after", "text": "Last, she said."}}"#).unwrap();
    }
    let opts = ReadOptions::default();
    let (docs, errs) = read_all(&[s(&p)], &opts);
    let ids: Vec<_> = docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["before", "after"]);
    assert_eq!(errs.len(), 1);
    assert!(
        errs[0].source.ends_with("big.jsonl:2"),
        "{}",
        errs[0].source
    );
    assert!(
        errs[0].reason.contains("over the limit"),
        "{}",
        errs[0].reason
    );
    if let Some(kb) = peak_rss_kb() {
        // Limit 20 MiB + read buffers; far below the 100 MB line.
        assert!(kb < 80 * 1024, "peak RSS {kb} kB");
    }
}
