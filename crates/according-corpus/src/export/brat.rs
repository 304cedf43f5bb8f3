//! brat standoff, as PolNeAR writes it: per attribution, `T` lines for Source, Cue and Content
//! (discontinuous pieces joined by `;`), an `Attribution` (or `Attribution-no-source`) trigger
//! on the cue, an `E` line tying them, and an `AnnotatorNotes` line with kind, flags,
//! confidence and parent. Offsets are code points into the `.txt`, which is the document text.

use super::ExportError;
use crate::read::{doc_rowids, load_doc_json};
use according_core::json::DocJson;
use rusqlite::Connection;
use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// brat's configuration for these annotations, written next to the documents.
pub const ANNOTATION_CONF: &str = "[entities]\nSource\nCue\nContent\n\n[relations]\n\n[events]\n\
Attribution\tSource:Source, Cue:Cue, Content:Content\n\
Attribution-no-source\tCue:Cue, Content:Content\n\n[attributes]\n";

/// The `.ann` text of one document.
pub fn doc_to_ann(dj: &DocJson) -> String {
    let chars: Vec<char> = dj.text.chars().collect();
    let slice = |a: usize, b: usize| -> String {
        chars
            .get(a..b.min(chars.len()))
            .map(|c| c.iter().collect::<String>())
            .unwrap_or_default()
    };
    // brat: `a b;c d` and the fragments' texts joined by a space; no newlines in the text field.
    let frag = |spans: &[[usize; 2]], start: usize, end: usize| -> Option<(String, String)> {
        let spans: Vec<[usize; 2]> = if spans.is_empty() {
            vec![[start, end]]
        } else {
            spans.to_vec()
        };
        let spans: Vec<[usize; 2]> = spans
            .into_iter()
            .filter(|[a, b]| a < b && *b <= chars.len())
            .collect();
        if spans.is_empty() {
            return None;
        }
        let offs = spans
            .iter()
            .map(|[a, b]| format!("{a} {b}"))
            .collect::<Vec<_>>()
            .join(";");
        let text = spans
            .iter()
            .map(|[a, b]| slice(*a, *b))
            .collect::<Vec<_>>()
            .join(" ");
        Some((offs, text.replace(['\n', '\r', '\t'], " ")))
    };
    let mut out = String::new();
    let (mut t, mut e, mut note) = (0usize, 0usize, 0usize);
    let mut event_of: HashMap<&str, usize> = HashMap::new();
    let mut pending_notes = Vec::new();
    for a in &dj.attributions {
        let mut tline =
            |kind: &str, f: Option<(String, String)>, out: &mut String| -> Option<usize> {
                let (offs, text) = f?;
                t += 1;
                let _ = writeln!(out, "T{t}\t{kind} {offs}\t{text}");
                Some(t)
            };
        let src = a
            .source
            .as_ref()
            .and_then(|s| tline("Source", frag(&[], s.start, s.end), &mut out));
        let Some(cue) = tline("Cue", frag(&a.cue.spans, a.cue.start, a.cue.end), &mut out) else {
            continue; // no cue span: nothing to anchor an event on
        };
        let Some(content) = tline(
            "Content",
            frag(&a.content.spans, a.content.start, a.content.end),
            &mut out,
        ) else {
            continue;
        };
        let trig_kind = if src.is_some() {
            "Attribution"
        } else {
            "Attribution-no-source"
        };
        let trig = tline(
            trig_kind,
            frag(&a.cue.spans, a.cue.start, a.cue.end),
            &mut out,
        )
        .unwrap_or(cue);
        e += 1;
        let mut line = format!("E{e}\t{trig_kind}:T{trig} Content:T{content} Cue:T{cue}");
        if let Some(s) = src {
            let _ = write!(line, " Source:T{s}");
        }
        let _ = writeln!(out, "{line}");
        event_of.insert(a.id.as_str(), e);
        pending_notes.push((trig, a));
    }
    for (trig, a) in pending_notes {
        note += 1;
        let kind = serde_json::to_value(a.kind)
            .ok()
            .and_then(|v| v.as_str().map(String::from))
            .unwrap_or_default();
        let flags: Vec<String> = a
            .flags
            .iter()
            .filter_map(|f| {
                serde_json::to_value(f)
                    .ok()
                    .and_then(|v| v.as_str().map(String::from))
            })
            .collect();
        let mut s = format!("id={}; kind={kind}; confidence={:.2}", a.id, a.confidence);
        if !flags.is_empty() {
            let _ = write!(s, "; flags={}", flags.join(","));
        }
        if let Some(p) = a.parent.as_deref() {
            match event_of.get(p) {
                Some(pe) => {
                    let _ = write!(s, "; parent=E{pe}");
                }
                None => {
                    let _ = write!(s, "; parent={p}");
                }
            }
        }
        let _ = writeln!(out, "#{note}\tAnnotatorNotes T{trig}\t{s}");
    }
    out
}

/// A file stem from a document id: path separators and odd characters become `_`.
fn stem(doc_id: &str) -> String {
    let s: String = doc_id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let s = s.trim_start_matches('.').to_string();
    if s.is_empty() {
        "doc".into()
    } else {
        s
    }
}

pub fn export_brat(conn: &Connection, out: &Path) -> Result<Vec<PathBuf>, ExportError> {
    std::fs::write(out.join("annotation.conf"), ANNOTATION_CONF)?;
    let mut files = vec![out.join("annotation.conf")];
    let mut used: HashSet<String> = HashSet::new();
    for d in doc_rowids(conn)? {
        let Some(dj) = load_doc_json(conn, d)? else {
            continue;
        };
        let mut name = stem(&dj.id);
        if !used.insert(name.clone()) {
            name = format!("{name}_{d}");
            used.insert(name.clone());
        }
        let txt = out.join(format!("{name}.txt"));
        let ann = out.join(format!("{name}.ann"));
        std::fs::write(&txt, &dj.text)?;
        std::fs::write(&ann, doc_to_ann(&dj))?;
        files.push(txt);
        files.push(ann);
    }
    Ok(files)
}
