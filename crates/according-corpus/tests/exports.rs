//! Exports read back: Parquet through pyarrow (skipped with a message if it is missing),
//! CSV through the csv crate, JSONL through the public schema, brat by checking every span.
mod common;

use according_core::json::{from_json_line, DocJson};
use according_corpus::export::TABLES;
use according_corpus::{export, ExportFormat, Store};
use common::synthetic;
use std::path::{Path, PathBuf};
use std::process::Command;

fn store(n: usize) -> Store {
    let mut s = Store::open_in_memory().unwrap();
    s.index_docs((0..n).map(synthetic)).unwrap();
    s.relink().unwrap();
    s
}

fn tmpdir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("according-corpus-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// The Python with pyarrow: $ACCORDING_PYTHON, the venv made by scripts/setup-python.sh, or python3.
fn python_with_pyarrow() -> Option<String> {
    let candidates = [
        std::env::var("ACCORDING_PYTHON").ok(),
        Some("/work/venv-corpus/bin/python".to_string()),
        Some("python3".to_string()),
    ];
    candidates.into_iter().flatten().find(|p| {
        Command::new(p)
            .args(["-c", "import pyarrow"])
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

#[test]
fn parquet_reads_back_in_pyarrow() {
    let s = store(30);
    let dir = tmpdir("parquet");
    let files = export(&s, ExportFormat::Parquet, &dir).unwrap();
    assert_eq!(files.len(), TABLES.len());
    let Some(py) = python_with_pyarrow() else {
        eprintln!("SKIPPED parquet_reads_back_in_pyarrow: no python with pyarrow (run crates/according-corpus/scripts/setup-python.sh)");
        return;
    };
    let script = r#"
import json, sys, pyarrow.parquet as pq
d = sys.argv[1]
out = {}
for t in sys.argv[2:]:
    tab = pq.read_table(f"{d}/{t}.parquet")
    out[t] = {"rows": tab.num_rows, "types": {f.name: str(f.type) for f in tab.schema}}
a = pq.read_table(f"{d}/attributions.parquet").to_pylist()
docs = {r["id"]: r["text"] for r in pq.read_table(f"{d}/documents.parquet").to_pylist()}
out["content_ok"] = all(docs[r["doc"]][r["content_start"]:r["content_end"]] == r["content_text"] for r in a)
print(json.dumps(out))
"#;
    let o = Command::new(&py)
        .arg("-c")
        .arg(script)
        .arg(&dir)
        .args(TABLES)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    for t in TABLES {
        assert_eq!(v[t]["rows"].as_i64().unwrap(), s.count(t).unwrap(), "{t}");
    }
    assert_eq!(v["attributions"]["types"]["content_start"], "int64");
    assert_eq!(v["attributions"]["types"]["confidence"], "double");
    assert_eq!(v["documents"]["types"]["text"], "string");
    assert_eq!(
        v["content_ok"], true,
        "code-point offsets slice the text in Python"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn csv_has_every_row() {
    let s = store(12);
    let dir = tmpdir("csv");
    export(&s, ExportFormat::Csv, &dir).unwrap();
    for t in TABLES {
        let mut r = csv::Reader::from_path(dir.join(format!("{t}.csv"))).unwrap();
        assert_eq!(r.records().count() as i64, s.count(t).unwrap(), "{t}");
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn jsonl_roundtrips_docs() {
    let s = store(12);
    let dir = tmpdir("jsonl");
    let files = export(&s, ExportFormat::Jsonl, &dir).unwrap();
    let text = std::fs::read_to_string(&files[0]).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 12);
    for (i, line) in lines.iter().enumerate() {
        let back = from_json_line(line).unwrap();
        let want = DocJson::from_doc(&synthetic(i));
        assert_eq!(
            serde_json::to_value(DocJson::from_doc(&back)).unwrap(),
            serde_json::to_value(want).unwrap()
        );
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// Parse `T`/`E` lines the way brat does and check each span against the text.
fn check_ann(txt: &Path, ann: &Path) -> (usize, usize) {
    let chars: Vec<char> = std::fs::read_to_string(txt).unwrap().chars().collect();
    let ann = std::fs::read_to_string(ann).unwrap();
    let mut ts = std::collections::HashSet::new();
    let mut events = 0;
    for line in ann.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        match line.chars().next() {
            Some('T') => {
                let (kind_offs, text) = (f[1], f[2]);
                let (kind, offs) = kind_offs.split_once(' ').unwrap();
                assert!([
                    "Source",
                    "Cue",
                    "Content",
                    "Attribution",
                    "Attribution-no-source"
                ]
                .contains(&kind));
                let pieces: Vec<String> = offs
                    .split(';')
                    .map(|p| {
                        let (a, b) = p.split_once(' ').unwrap();
                        chars[a.parse::<usize>().unwrap()..b.parse::<usize>().unwrap()]
                            .iter()
                            .collect()
                    })
                    .collect();
                assert_eq!(pieces.join(" "), text, "{line}");
                ts.insert(f[0].to_string());
            }
            Some('E') => {
                for arg in f[1].split(' ') {
                    let (_, t) = arg.split_once(':').unwrap();
                    assert!(ts.contains(t), "{line}: {t} undefined");
                }
                events += 1;
            }
            Some('#') => assert!(f[1].starts_with("AnnotatorNotes T")),
            _ => panic!("unexpected line {line}"),
        }
    }
    (ts.len(), events)
}

#[test]
fn brat_spans_match_the_text() {
    let s = store(6);
    let dir = tmpdir("brat");
    export(&s, ExportFormat::Brat, &dir).unwrap();
    assert!(dir.join("annotation.conf").exists());
    let (ts, events) = check_ann(&dir.join("syn_00002.txt"), &dir.join("syn_00002.ann"));
    assert_eq!(events, 4);
    assert_eq!(
        ts,
        4 * 4,
        "source, cue, content and trigger per attribution"
    );
    let ann = std::fs::read_to_string(dir.join("syn_00002.ann")).unwrap();
    assert!(
        ann.contains("flags=vague_source,anonymous_source; parent=E3"),
        "{ann}"
    );
    std::fs::remove_dir_all(&dir).ok();
}
