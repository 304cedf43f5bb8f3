//! `according analyze` on a mix of good and bad input: every document ends up once, either in
//! the output or in the error report (named by its source, with the stage and the reason),
//! the run goes on after each bad one, and the exit status says whether any failed.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

struct Run {
    status: i32,
    /// Each output document's `source`.
    written: Vec<String>,
    /// Each error record's `source`, with its `stage` and `reason`.
    errors: Vec<(String, String, String)>,
    stderr: String,
}

fn analyze(dir: &Path, extra: &[&str]) -> Run {
    let out = dir.join("out.jsonl");
    let errors = dir.join("errors.jsonl");
    let o = Command::new(env!("CARGO_BIN_EXE_according"))
        .arg("analyze")
        .arg(dir.join("in"))
        .arg("--out")
        .arg(&out)
        .arg("--errors")
        .arg(&errors)
        .args(extra)
        .output()
        .expect("run according");
    let lines = |p: &Path| -> Vec<serde_json::Value> {
        std::fs::read_to_string(p)
            .unwrap_or_default()
            .lines()
            .map(|l| serde_json::from_str(l).expect("a JSON line"))
            .collect()
    };
    let field = |v: &serde_json::Value, k: &str| v[k].as_str().unwrap_or_default().to_string();
    Run {
        status: o.status.code().unwrap_or(-1),
        written: lines(&out).iter().map(|d| field(d, "source")).collect(),
        errors: lines(&errors)
            .iter()
            .map(|e| (field(e, "source"), field(e, "stage"), field(e, "reason")))
            .collect(),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
    }
}

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::create_dir_all(dir.join("in")).unwrap();
    std::fs::write(dir.join("in").join(name), bytes).unwrap();
}

fn file_name(source: &str) -> String {
    Path::new(source)
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned()
}

#[test]
fn every_document_is_written_or_reported_once_and_the_run_goes_on() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    write(
        dir,
        "good.txt",
        b"Officials said the talks would resume on Monday.",
    );
    write(dir, "empty.txt", b"");
    write(
        dir,
        "binary.txt",
        &(0u8..=255).cycle().take(4000).collect::<Vec<u8>>(),
    );
    // Latin-1, not UTF-8: decoded, not refused.
    write(
        dir,
        "latin1.txt",
        b"Le ministre a d\xe9clar\xe9 que la r\xe9forme \xe9tait pr\xeate, selon l'AFP.",
    );
    write(
        dir,
        "docs.jsonl",
        b"{\"id\":\"j1\",\"text\":\"He said it rained.\"}\nnot json\n{\"id\":\"j3\"}\n\
          {\"id\":\"j4\",\"text\":42}\n{\"id\":\"j5\",\"text\":\"Reuters reported a fall.\"}\n",
    );
    write(
        dir,
        "page.html",
        b"<html><head><title>Talks</title></head><body><article><p>The minister said on \
          Monday that the talks on the new budget would resume next week, according to \
          Reuters.</p></article></body></html>",
    );
    // Words the pipeline once panicked on (a cue closing the document).
    write(dir, "edge.txt", "said \u{201d} said".as_bytes());
    let run = analyze(dir, &[]);

    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for s in run.written.iter().chain(run.errors.iter().map(|e| &e.0)) {
        *seen.entry(file_name(s)).or_default() += 1;
    }
    let want: BTreeMap<String, usize> = [
        "good.txt",
        "empty.txt",
        "binary.txt",
        "latin1.txt",
        "docs.jsonl:1",
        "docs.jsonl:2",
        "docs.jsonl:3",
        "docs.jsonl:4",
        "docs.jsonl:5",
        "page.html",
        "edge.txt",
    ]
    .iter()
    .map(|s| (s.to_string(), 1))
    .collect();
    assert_eq!(seen, want, "stderr:\n{}", run.stderr);
    let mut failed: Vec<String> = run.errors.iter().map(|e| file_name(&e.0)).collect();
    failed.sort();
    assert_eq!(
        failed,
        [
            "binary.txt",
            "docs.jsonl:2",
            "docs.jsonl:3",
            "docs.jsonl:4",
            "empty.txt"
        ],
        "{:?}",
        run.errors
    );
    assert!(run
        .errors
        .iter()
        .all(|(_, stage, reason)| !stage.is_empty() && !reason.is_empty()));
    assert!(
        run.stderr.contains("read 11, written 6, failed 5"),
        "{}",
        run.stderr
    );
    assert_eq!(run.status, 1);
}

#[test]
fn a_document_over_the_size_limit_is_reported_and_the_others_analysed() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    write(dir, "a.txt", b"Officials said the talks would resume.");
    write(
        dir,
        "big.txt",
        "He said it rained. ".repeat(80_000).as_bytes(),
    );
    write(dir, "z.txt", b"Reuters reported that prices fell.");
    let run = analyze(dir, &["--max-doc-mb", "1"]);
    assert_eq!(run.written.len(), 2, "{}", run.stderr);
    assert_eq!(run.errors.len(), 1, "{}", run.stderr);
    assert!(run.errors[0].0.ends_with("big.txt"), "{:?}", run.errors);
    assert_eq!(run.status, 1);
}

#[test]
fn a_clean_run_exits_zero() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    write(dir, "a.txt", b"Officials said the talks would resume.");
    let run = analyze(dir, &[]);
    assert_eq!(
        (run.written.len(), run.errors.len(), run.status),
        (1, 0, 0),
        "{}",
        run.stderr
    );
}
