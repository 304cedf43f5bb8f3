//! Minimal input reading for `according index` until `according_ingest` provides the readers:
//! plain-text files (one document each; a short first line followed by a blank line is the
//! title, as in the BBC corpus) and JSONL of already-analysed Docs in the public schema.
//! Directories are walked recursively, in sorted order, so reruns see the same sequence.

use according_core::{Doc, DocError, NoteKind, Span, Stage};
use std::io::BufRead;
use std::path::{Path, PathBuf};

/// One input file and the directory it was found under (for relative document ids).
#[derive(Debug, Clone)]
struct InputFile {
    path: PathBuf,
    root: Option<PathBuf>,
}

/// Files to read, expanded from the paths given on the command line.
#[derive(Debug, Clone, Default)]
pub struct Inputs {
    files: Vec<InputFile>,
    /// Paths that could not be listed.
    pub errors: Vec<DocError>,
}

fn is_input(p: &Path) -> bool {
    matches!(
        p.extension().and_then(|e| e.to_str()),
        Some("txt" | "jsonl")
    )
}

impl Inputs {
    pub fn from_paths<P: AsRef<Path>>(paths: &[P]) -> Inputs {
        let mut inp = Inputs::default();
        for p in paths {
            let p = p.as_ref();
            if p.is_dir() {
                let mut found = Vec::new();
                walk(p, &mut found, &mut inp.errors);
                found.sort();
                inp.files.extend(found.into_iter().map(|f| InputFile {
                    path: f,
                    root: Some(p.to_path_buf()),
                }));
            } else if p.exists() {
                inp.files.push(InputFile {
                    path: p.to_path_buf(),
                    root: None,
                });
            } else {
                inp.errors.push(DocError::new(
                    p.display().to_string(),
                    Stage::Read,
                    "no such file or directory",
                ));
            }
        }
        inp
    }

    /// Number of documents the inputs hold (text files, plus non-empty lines of JSONL files).
    pub fn count_docs(&self) -> u64 {
        self.files
            .iter()
            .map(|f| {
                if is_jsonl(&f.path) {
                    std::fs::File::open(&f.path)
                        .map(|fh| {
                            std::io::BufReader::new(fh)
                                .split(b'\n')
                                .filter(|l| l.as_ref().is_ok_and(|l| !l.trim_ascii().is_empty()))
                                .count() as u64
                        })
                        .unwrap_or(0)
                } else {
                    1
                }
            })
            .sum()
    }

    /// Every document, in order; a file or line that cannot be read gives an error record.
    pub fn docs(self) -> impl Iterator<Item = Result<Doc, DocError>> {
        let listing = self.errors.into_iter().map(Err);
        listing.chain(
            self.files
                .into_iter()
                .flat_map(|f| -> Box<dyn Iterator<Item = _>> {
                    if is_jsonl(&f.path) {
                        Box::new(read_jsonl(f.path))
                    } else {
                        Box::new(std::iter::once(read_text(&f.path, f.root.as_deref())))
                    }
                }),
        )
    }
}

fn is_jsonl(p: &Path) -> bool {
    p.extension().and_then(|e| e.to_str()) == Some("jsonl")
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>, errors: &mut Vec<DocError>) {
    let rd = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            errors.push(DocError::new(
                dir.display().to_string(),
                Stage::Read,
                e.to_string(),
            ));
            return;
        }
    };
    for entry in rd.flatten() {
        let p = entry.path();
        if p.is_dir() {
            walk(&p, out, errors);
        } else if is_input(&p) {
            out.push(p);
        }
    }
}

/// Id of a text file: its path under the directory given, without extension (`business/001`).
fn text_id(path: &Path, root: Option<&Path>) -> String {
    let rel = root
        .and_then(|r| path.strip_prefix(r).ok())
        .unwrap_or_else(|| Path::new(path.file_name().unwrap_or_default()));
    let s = rel.with_extension("").to_string_lossy().replace('\\', "/");
    if s.is_empty() {
        path.display().to_string()
    } else {
        s
    }
}

/// One plain-text document.
pub fn read_text(path: &Path, root: Option<&Path>) -> Result<Doc, DocError> {
    let source = path.display().to_string();
    let bytes =
        std::fs::read(path).map_err(|e| DocError::new(&source, Stage::Read, e.to_string()))?;
    let (text, lossy) = match String::from_utf8(bytes) {
        Ok(s) => (s, false),
        Err(e) => (String::from_utf8_lossy(e.as_bytes()).into_owned(), true),
    };
    let mut doc = Doc::new(text_id(path, root), source, text);
    if lossy {
        doc.add_note(
            NoteKind::InvalidUtf8,
            Span::new(0, 0),
            "invalid UTF-8 replaced by U+FFFD",
        );
    }
    let mut lines = doc.text.lines();
    if let (Some(first), Some(second)) = (lines.next(), lines.next()) {
        let first = first.trim();
        if !first.is_empty() && second.trim().is_empty() && first.chars().count() <= 200 {
            doc.meta.title = Some(first.to_string());
        }
    }
    Ok(doc)
}

/// Analysed Docs, one JSON object per line.
pub fn read_jsonl(path: PathBuf) -> impl Iterator<Item = Result<Doc, DocError>> {
    let source = path.display().to_string();
    let file = std::fs::File::open(&path);
    let (reader, open_err) = match file {
        Ok(f) => (Some(std::io::BufReader::new(f)), None),
        Err(e) => (
            None,
            Some(DocError::new(&source, Stage::Read, e.to_string())),
        ),
    };
    let lines = reader.into_iter().flat_map(|r| r.split(b'\n')).enumerate();
    open_err
        .map(Err)
        .into_iter()
        .chain(lines.filter_map(move |(i, line)| {
            let here = format!("{source}:{}", i + 1);
            let line = match line {
                Ok(l) => l,
                Err(e) => return Some(Err(DocError::new(here, Stage::Read, e.to_string()))),
            };
            if line.trim_ascii().is_empty() {
                return None;
            }
            let line = match String::from_utf8(line) {
                Ok(l) => l,
                Err(_) => {
                    return Some(Err(DocError::new(here, Stage::Decode, "line is not UTF-8")))
                }
            };
            Some(
                according_core::json::from_json_line(&line)
                    .map_err(|e| DocError::new(here, Stage::Read, e)),
            )
        }))
}
