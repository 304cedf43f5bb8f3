//! Crash safety: SIGKILL the indexer mid-run, rerun it, and compare with an uninterrupted run.
mod common;

use common::synthetic;
use rusqlite::{Connection, OpenFlags};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_according-corpus-index");
const DOCS: usize = 1000;

fn tmpdir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("according-corpus-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// 4 JSONL files of analysed docs, with one broken line, plus a few plain-text files.
fn make_corpus(dir: &Path) {
    for f in 0..4 {
        let mut w = std::fs::File::create(dir.join(format!("part{f}.jsonl"))).unwrap();
        for i in (f * DOCS / 4)..((f + 1) * DOCS / 4) {
            writeln!(
                w,
                "{}",
                according_core::json::to_json_line(&synthetic(i)).unwrap()
            )
            .unwrap();
            if i == 123 {
                writeln!(w, "{{\"schema_version\": 1, \"id\": \"broken\"").unwrap();
            }
        }
    }
    std::fs::create_dir_all(dir.join("txt")).unwrap();
    for i in 0..20 {
        std::fs::write(
            dir.join(format!("txt/{i:03}.txt")),
            format!("Title {i}\n\nBody of text {i}, the end.\n"),
        )
        .unwrap();
    }
}

fn run(db: &Path, corpus: &Path, extra: &[&str]) -> std::process::Output {
    Command::new(BIN)
        .arg(db)
        .arg(corpus)
        .args(extra)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn count(c: &Connection, sql: &str) -> i64 {
    c.query_row(sql, [], |r| r.get(0)).unwrap()
}

/// Everything that must be equal between an interrupted and an uninterrupted run.
fn fingerprint(db: &Path) -> Vec<String> {
    let c = Connection::open(db).unwrap();
    let mut out = Vec::new();
    for t in
        according_corpus::export::TABLES
            .iter()
            .chain(&["sentences", "notes", "attributions_fts"])
    {
        out.push(format!(
            "{t}={}",
            count(&c, &format!("SELECT count(*) FROM {t}"))
        ));
    }
    let q = |sql: &str| -> String {
        c.query_row(sql, [], |r| r.get::<_, Option<String>>(0))
            .unwrap()
            .unwrap_or_default()
    };
    out.push(q("SELECT group_concat(doc_id || ':' || content_hash, ',') FROM (SELECT * FROM documents ORDER BY doc_id)"));
    out.push(q("SELECT group_concat(name || ':' || n_docs, ',') FROM (SELECT * FROM corpus_entities ORDER BY name, n_docs)"));
    out.push(q("SELECT group_concat(text || ':' || n_docs || ':' || first_published, ',') FROM (SELECT * FROM claims ORDER BY text, first_published)"));
    out
}

#[test]
fn sigkill_mid_run_then_rerun_equals_uninterrupted_run() {
    let dir = tmpdir("crash");
    let corpus = dir.join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    make_corpus(&corpus);
    let total = (DOCS + 20) as i64;

    let clean_db = dir.join("clean.db");
    let o = run(&clean_db, &corpus, &[]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "one broken line fails: {stderr}");
    assert!(stderr.contains("\"stage\":\"read\""), "{stderr}");
    let want = fingerprint(&clean_db);
    assert_eq!(want[0], format!("documents={total}"));

    // Kill twice at different points, then let it finish.
    let db = dir.join("killed.db");
    let mut kills = Vec::new();
    for stop_at in [200i64, 700] {
        let mut child = Command::new(BIN)
            .arg(&db)
            .arg(&corpus)
            .args(["--delay-us", "3000"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let t0 = Instant::now();
        let mut seen = 0;
        while t0.elapsed() < Duration::from_secs(120) {
            if let Ok(c) = Connection::open_with_flags(&db, OpenFlags::SQLITE_OPEN_READ_ONLY) {
                seen = c
                    .query_row("SELECT count(*) FROM documents", [], |r| r.get(0))
                    .unwrap_or(0);
            }
            if seen >= stop_at {
                break;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        kills.push(seen);
    }
    assert!(
        kills.iter().all(|&k| k < total),
        "killed before the end: {kills:?}"
    );
    {
        let c = Connection::open(&db).unwrap();
        assert_eq!(
            c.query_row("PRAGMA integrity_check", [], |r| r.get::<_, String>(0))
                .unwrap(),
            "ok"
        );
        let partial = count(&c, "SELECT count(*) FROM documents");
        assert!(partial < total, "partial state after kill: {partial}");
        // No document half-written: every stored synthetic doc has its 4 attributions.
        assert_eq!(
            count(
                &c,
                "SELECT count(*) FROM documents d WHERE d.doc_id LIKE 'syn/%'
                             AND (SELECT count(*) FROM attributions a WHERE a.doc = d.id) != 4"
            ),
            0
        );
    }
    let o = run(&db, &corpus, &[]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("unchanged"), "{stderr}");
    let c = Connection::open(&db).unwrap();
    assert_eq!(
        c.query_row("PRAGMA integrity_check", [], |r| r.get::<_, String>(0))
            .unwrap(),
        "ok"
    );
    assert_eq!(count(&c, "SELECT count(*) FROM (SELECT doc, local_id FROM attributions GROUP BY 1, 2 HAVING count(*) > 1)"), 0);
    assert_eq!(
        fingerprint(&db),
        want,
        "interrupted + rerun = uninterrupted"
    );

    // A third run changes nothing.
    let o = run(&db, &corpus, &[]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.contains(&format!("indexed 0 (new 0, replaced 0), unchanged {total}")),
        "{stderr}"
    );
    assert_eq!(fingerprint(&db), want);
    std::fs::remove_dir_all(&dir).ok();
}
