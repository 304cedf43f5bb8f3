//! Paths to documents: files, directories (recursively, sorted), `-` for stdin; each stream
//! gunzipped if it is gzip, sniffed, and handed to its reader.

use crate::jsonl::JsonlLines;
use crate::options::ReadOptions;
use crate::raw::{Body, RawDoc};
use crate::sniff::{is_gzip, sniff, Format};
use crate::warc_docs::WarcDocs;
use according_core::{Doc, DocError, Meta, Stage};
use std::collections::VecDeque;
use std::io::{self, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

type RawIter = Box<dyn Iterator<Item = Result<RawDoc, DocError>> + Send>;
type Stream = Box<dyn Read + Send>;

/// Read buffer: large enough that parsing runs on memory, small next to one document limit.
const BUF: usize = 1 << 20;
/// Bytes looked at to decide the format.
const SNIFF: usize = 4096;

/// The raw documents of a list of inputs, in order. See [`read_raw`].
pub struct Inputs {
    opts: Arc<ReadOptions>,
    queue: VecDeque<Entry>,
    current: Option<RawIter>,
}

enum Entry {
    Stdin,
    File { path: PathBuf, id: String },
    Dir { path: PathBuf, root: PathBuf },
    Missing { path: String, reason: String },
}

/// Stream the raw (undecoded) documents of `paths`: files, directories, `-` for stdin. Call
/// [`RawDoc::finish`] on each, possibly on other threads; or use [`read_inputs`].
pub fn read_raw(paths: &[String], opts: &ReadOptions) -> Inputs {
    let queue = paths
        .iter()
        .map(|p| {
            if p == "-" {
                return Entry::Stdin;
            }
            let path = PathBuf::from(p);
            match std::fs::metadata(&path) {
                Ok(m) if m.is_dir() => Entry::Dir {
                    root: path.clone(),
                    path,
                },
                Ok(_) => Entry::File {
                    id: file_id(&path, None),
                    path,
                },
                Err(e) => Entry::Missing {
                    path: p.clone(),
                    reason: e.to_string(),
                },
            }
        })
        .collect();
    Inputs {
        opts: Arc::new(opts.clone()),
        queue,
        current: None,
    }
}

/// Stream the documents of `paths`, one at a time, decoded (single-threaded).
pub fn read_inputs(
    paths: &[String],
    opts: &ReadOptions,
) -> impl Iterator<Item = Result<Doc, DocError>> + Send {
    let opts2 = opts.clone();
    read_raw(paths, opts).map(move |r| r.and_then(|raw| raw.finish(&opts2)))
}

/// Stream the raw documents of one reader (`name` helps format detection and names sources).
pub fn read_stream(r: impl Read + Send + 'static, name: &str, opts: &ReadOptions) -> Inputs {
    let mut inputs = Inputs {
        opts: Arc::new(opts.clone()),
        queue: VecDeque::new(),
        current: None,
    };
    inputs.current = Some(
        match open_stream(
            Box::new(r),
            name,
            name.to_string(),
            file_id(Path::new(name), None),
            &inputs.opts,
        ) {
            Ok(it) => it,
            Err(e) => Box::new(std::iter::once(Err(e))),
        },
    );
    inputs
}

impl Iterator for Inputs {
    type Item = Result<RawDoc, DocError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(cur) = &mut self.current {
                if let Some(item) = cur.next() {
                    return Some(item);
                }
                self.current = None;
            }
            let opened = match self.queue.pop_front()? {
                Entry::Missing { path, reason } => {
                    return Some(Err(DocError::new(path, Stage::Read, reason)))
                }
                Entry::Dir { path, root } => match list_dir(&path, &root) {
                    Ok(children) => {
                        for c in children.into_iter().rev() {
                            self.queue.push_front(c);
                        }
                        continue;
                    }
                    Err(e) => {
                        return Some(Err(DocError::new(
                            path.display().to_string(),
                            Stage::Read,
                            e.to_string(),
                        )))
                    }
                },
                Entry::Stdin => open_stream(
                    Box::new(io::stdin()),
                    "",
                    "-".into(),
                    "stdin".into(),
                    &self.opts,
                ),
                Entry::File { path, id } => {
                    let display = path.display().to_string();
                    match std::fs::File::open(&path) {
                        Ok(f) => {
                            let name = path
                                .file_name()
                                .map(|n| n.to_string_lossy().into_owned())
                                .unwrap_or_default();
                            open_stream(Box::new(f), &name, display, id, &self.opts)
                        }
                        Err(e) => Err(DocError::new(display, Stage::Read, e.to_string())),
                    }
                }
            };
            match opened {
                Ok(it) => self.current = Some(it),
                Err(e) => return Some(Err(e)),
            }
        }
    }
}

/// Children of a directory, sorted by name: subdirectories and document files (see
/// [`is_document_name`]); hidden entries left out, symlinked directories not followed.
fn list_dir(dir: &Path, root: &Path) -> io::Result<Vec<Entry>> {
    let mut names: Vec<_> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok())
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .collect();
    names.sort_by_key(|e| e.file_name());
    let mut out = Vec::with_capacity(names.len());
    for e in names {
        let path = e.path();
        let ft = match e.file_type() {
            Ok(ft) => ft,
            Err(_) => continue,
        };
        if ft.is_dir() {
            out.push(Entry::Dir {
                path,
                root: root.to_path_buf(),
            });
        } else if (ft.is_file() || (ft.is_symlink() && path.is_file()))
            && is_document_name(&e.file_name().to_string_lossy())
        {
            out.push(Entry::File {
                id: file_id(&path, Some(root)),
                path,
            });
        }
    }
    Ok(out)
}

/// Files a directory walk reads: known document extensions, gzipped or not (`LICENSE`,
/// `.png`, `.py` beside the articles are left alone; a file named on its own is always read).
fn is_document_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    let base = lower.strip_suffix(".gz").unwrap_or(&lower);
    let ext = base.rsplit_once('.').map_or("", |(_, e)| e);
    matches!(
        ext,
        "txt"
            | "text"
            | "jsonl"
            | "ndjson"
            | "jsonlines"
            | "json"
            | "html"
            | "htm"
            | "xhtml"
            | "shtml"
            | "warc"
    )
}

/// Document id of a file: its path below the input directory (or its name), without
/// extensions: `business/001` for `bbc-2005/business/001.txt`, `seed-article`.
fn file_id(path: &Path, root: Option<&Path>) -> String {
    let rel = root
        .and_then(|r| path.strip_prefix(r).ok())
        .unwrap_or_else(|| Path::new(path.file_name().unwrap_or(path.as_os_str())));
    let mut s = rel.to_string_lossy().replace('\\', "/");
    if let Some(x) = s.strip_suffix(".gz") {
        s.truncate(x.len());
    }
    let file_start = s.rfind('/').map_or(0, |i| i + 1);
    if let Some(dot) = s[file_start..].rfind('.').filter(|&d| d > 0) {
        s.truncate(file_start + dot);
    }
    s
}

/// First bytes of a stream, and a reader that still yields them.
fn peek(mut r: Stream) -> io::Result<(Vec<u8>, Stream)> {
    let mut prefix = Vec::with_capacity(SNIFF);
    (&mut r).take(SNIFF as u64).read_to_end(&mut prefix)?;
    let again = io::Cursor::new(prefix.clone()).chain(r);
    Ok((prefix, Box::new(again)))
}

fn open_stream(
    r: Stream,
    name: &str,
    display: String,
    id: String,
    opts: &ReadOptions,
) -> Result<RawIter, DocError> {
    let read_err = |e: io::Error| {
        DocError::new(&display, Stage::Read, format!("read error: {e}")).with_id(&id)
    };
    let (mut prefix, mut r) = peek(r).map_err(read_err)?;
    let mut name = name.to_string();
    if is_gzip(&prefix) {
        let gz = flate2::bufread::MultiGzDecoder::new(BufReader::with_capacity(256 << 10, r));
        (prefix, r) = peek(Box::new(gz))
            .map_err(|e| read_err(io::Error::new(e.kind(), format!("gzip: {e}"))))?;
        if let Some(n) = name
            .strip_suffix(".gz")
            .or_else(|| name.strip_suffix(".GZ"))
        {
            name = n.to_string();
        }
    }
    let reader = BufReader::with_capacity(BUF, r);
    let max = opts.max_doc_bytes;
    Ok(match sniff(&name, &prefix) {
        Format::Warc => Box::new(WarcDocs::new(reader, display, id, max)),
        Format::Jsonl => Box::new(JsonlLines::new(reader, display, id, max)),
        format => {
            let mut bytes = Vec::new();
            let res = reader.take(max as u64 + 1).read_to_end(&mut bytes);
            let item = match res {
                Err(e) => Err(read_err(e)),
                Ok(_) if bytes.len() > max => Err(DocError::new(
                    &display,
                    Stage::Read,
                    format!("file is larger than the limit of {max} bytes"),
                )
                .with_id(&id)),
                Ok(0) => Err(DocError::new(&display, Stage::Read, "empty file").with_id(&id)),
                Ok(_) => {
                    let body = if format == Format::Html {
                        Body::Html {
                            bytes,
                            charset: None,
                        }
                    } else {
                        Body::Text {
                            bytes,
                            charset: None,
                        }
                    };
                    Ok(RawDoc {
                        source: display,
                        id,
                        meta: Meta::default(),
                        body,
                    })
                }
            };
            Box::new(std::iter::once(item))
        }
    })
}

/// How many documents `paths` hold, when that is cheap to know: one per text or HTML file,
/// one per non-empty line of an uncompressed JSONL file. `None` when an input is stdin,
/// gzipped or WARC (counting would mean reading it twice), so a progress bar shows a rate
/// without an ETA.
pub fn count_docs(paths: &[String]) -> Option<u64> {
    let mut total = 0u64;
    let mut queue: Vec<PathBuf> = paths.iter().rev().map(PathBuf::from).collect();
    while let Some(path) = queue.pop() {
        if path.as_os_str() == "-" {
            return None;
        }
        let meta = std::fs::metadata(&path).ok()?;
        if meta.is_dir() {
            for e in list_dir(&path, &path).ok()?.into_iter().rev() {
                match e {
                    Entry::Dir { path, .. } | Entry::File { path, .. } => queue.push(path),
                    Entry::Stdin | Entry::Missing { .. } => return None,
                }
            }
            continue;
        }
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        let ext = name.rsplit_once('.').map_or("", |(_, e)| e);
        match ext {
            "gz" | "warc" => return None,
            "jsonl" | "ndjson" | "jsonlines" => {
                let f = std::fs::File::open(&path).ok()?;
                let mut lines = 0u64;
                for line in io::BufRead::split(BufReader::with_capacity(BUF, f), b'\n') {
                    if !line.ok()?.trim_ascii().is_empty() {
                        lines += 1;
                    }
                }
                total += lines;
            }
            _ => total += 1,
        }
    }
    Some(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_documents_when_cheap() {
        let dir = tempfile::tempdir().unwrap();
        let p = |n: &str| dir.path().join(n);
        std::fs::write(p("a.txt"), "One.\n").unwrap();
        std::fs::write(p("b.jsonl"), "{\"text\":\"x\"}\n\n{\"text\":\"y\"}\n").unwrap();
        std::fs::write(p("notes.py"), "skipped by the walk").unwrap();
        let root = dir.path().display().to_string();
        assert_eq!(count_docs(std::slice::from_ref(&root)), Some(3));
        std::fs::write(p("c.warc.gz"), b"").unwrap();
        assert_eq!(count_docs(&[root]), None, "a WARC is not counted ahead");
        assert_eq!(count_docs(&["-".to_string()]), None);
    }

    #[test]
    fn ids_from_paths() {
        assert_eq!(
            file_id(Path::new("examples/seed-article.txt"), None),
            "seed-article"
        );
        assert_eq!(
            file_id(Path::new("d/business/001.txt"), Some(Path::new("d"))),
            "business/001"
        );
        assert_eq!(file_id(Path::new("x/a.warc.gz"), None), "a");
        assert_eq!(file_id(Path::new(".hidden"), None), ".hidden");
    }
}
