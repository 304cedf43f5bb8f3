//! Silver training data for uptraining (Petrov et al. 2010): unlabeled news, segmented and
//! tagged exactly as at run time, parsed by a more accurate teacher (a beam-search model).
//! The greedy parser trained on gold + silver learns much of the teacher's accuracy at no
//! decoding cost.
//!
//! The crate does not segment or tag: the caller passes a `prepare` step (clean, segment,
//! tag) so the silver sees the run-time tokens and tags.

use crate::example::Example;
use crate::model::Parser;
use according_core::{Doc, DocError};
use std::fmt::Write;
use std::path::{Path, PathBuf};

/// Which teacher-parsed sentences become training data.
#[derive(Debug, Clone)]
pub struct SilverFilter {
    /// Shortest sentence kept, in words (headlines and bylines are noise).
    pub min_words: usize,
    /// Longest sentence kept, in words (the teacher is least reliable on long ones).
    pub max_words: usize,
    /// Keep only sentences with a VERB or AUX tag (fragments, lists and captions are not).
    pub require_verb: bool,
}

impl Default for SilverFilter {
    fn default() -> Self {
        SilverFilter {
            min_words: 3,
            max_words: 80,
            require_verb: true,
        }
    }
}

/// Counts from [`build_silver`].
#[derive(Debug, Clone, Default)]
pub struct SilverStats {
    pub documents: usize,
    pub errors: usize,
    pub sentences_seen: usize,
    pub sentences_kept: usize,
    pub words_kept: usize,
}

/// The unlabeled texts used for uptraining, in a fixed (sorted) order: BBC News 2005
/// (`news/bbc-2005/*/*.txt`) and/or PolNeAR *train* texts (`polnear/train/text/*`; never its
/// dev split, which scores attribution).
pub fn standard_silver_texts(
    data: &Path,
    bbc: bool,
    polnear: bool,
) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    if bbc {
        for dir in sorted_entries(&data.join("news/bbc-2005"))? {
            if dir.is_dir() {
                files.extend(
                    sorted_entries(&dir)?
                        .into_iter()
                        .filter(|f| f.extension().is_some_and(|e| e == "txt")),
                );
            }
        }
    }
    if polnear {
        files.extend(
            sorted_entries(&data.join("polnear/train/text"))?
                .into_iter()
                .filter(|f| f.is_file()),
        );
    }
    Ok(files)
}

fn sorted_entries(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .flatten()
        .map(|e| e.path())
        .collect();
    v.sort();
    Ok(v)
}

/// Read each file, run `prepare` on it (it must fill tokens with sentence indices and tags),
/// parse every sentence with `teacher`, and keep those `filter` accepts, in file order.
/// Unreadable files and documents `prepare` rejects are counted and skipped.
pub fn build_silver(
    files: &[PathBuf],
    teacher: &Parser,
    filter: &SilverFilter,
    mut prepare: impl FnMut(&mut Doc) -> Result<(), DocError>,
) -> (Vec<Example>, SilverStats) {
    let mut stats = SilverStats::default();
    let mut out = Vec::new();
    for f in files {
        // A stray non-UTF-8 byte (one BBC file has one) costs a character, not the file.
        let Ok(bytes) = std::fs::read(f) else {
            stats.errors += 1;
            continue;
        };
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let name = f.display().to_string();
        let mut doc = Doc::new(name.clone(), name, text);
        if prepare(&mut doc).is_err() {
            stats.errors += 1;
            continue;
        }
        stats.documents += 1;
        let before = out.len();
        silver_from_doc(teacher, &doc, filter, &mut out, &mut stats.sentences_seen);
        stats.sentences_kept += out.len() - before;
        stats.words_kept += out[before..].iter().map(|e| e.words.len()).sum::<usize>();
    }
    (out, stats)
}

/// Append the teacher's parses of the tagged sentences of `doc` that pass `filter`.
pub fn silver_from_doc(
    teacher: &Parser,
    doc: &Doc,
    filter: &SilverFilter,
    out: &mut Vec<Example>,
    seen: &mut usize,
) {
    for range in doc.sentence_token_ranges() {
        if range.is_empty() {
            continue;
        }
        *seen += 1;
        let toks = &doc.tokens[range];
        if toks.len() < filter.min_words || toks.len() > filter.max_words {
            continue;
        }
        // A form with whitespace could not be written as one CoNLL-U column.
        let usable = toks
            .iter()
            .all(|t| !t.text.is_empty() && !t.text.chars().any(char::is_whitespace));
        let (Some(upos), Some(xpos)) = (
            toks.iter()
                .map(|t| t.upos.as_deref())
                .collect::<Option<Vec<_>>>(),
            toks.iter()
                .map(|t| t.xpos.as_deref())
                .collect::<Option<Vec<_>>>(),
        ) else {
            continue;
        };
        if !usable || (filter.require_verb && !upos.iter().any(|u| matches!(*u, "VERB" | "AUX"))) {
            continue;
        }
        let words: Vec<&str> = toks.iter().map(|t| t.text.as_str()).collect();
        let tree = teacher.parse(&words, &upos, &xpos);
        out.push(Example {
            words: words.iter().map(|w| w.to_string()).collect(),
            upos: upos.iter().map(|u| u.to_string()).collect(),
            xpos: xpos.iter().map(|x| x.to_string()).collect(),
            heads: tree.iter().map(|&(h, _)| h).collect(),
            deprels: tree.iter().map(|&(_, l)| l.to_string()).collect(),
        });
    }
}

/// CoNLL-U text of examples (form, UPOS, XPOS, head, relation; other columns `_`), readable
/// by [`crate::read_examples`].
pub fn to_conllu(examples: &[Example]) -> String {
    let mut s = String::new();
    for ex in examples {
        for i in 0..ex.words.len() {
            let _ = writeln!(
                s,
                "{}\t{}\t_\t{}\t{}\t_\t{}\t{}\t_\t_",
                i + 1,
                ex.words[i],
                ex.upos[i],
                ex.xpos[i],
                ex.heads[i],
                ex.deprels[i]
            );
        }
        s.push('\n');
    }
    s
}

/// Tri-training filter (Li et al. 2014; Weiss et al. 2015): keep the silver sentences whose
/// tree `other` (a differently built parser) reproduces exactly, heads and relations.
/// Agreement selects the teacher's more reliable parses.
pub fn keep_agreed(examples: Vec<Example>, other: &Parser) -> Vec<Example> {
    examples
        .into_iter()
        .filter(|ex| {
            let w = ex.words();
            let u: Vec<&str> = ex.upos.iter().map(String::as_str).collect();
            let x: Vec<&str> = ex.xpos.iter().map(String::as_str).collect();
            let tree = other.parse(&w, &u, &x);
            tree.iter()
                .zip(ex.heads.iter().zip(&ex.deprels))
                .all(|(&(h, l), (&gh, gl))| h == gh && l == gl)
        })
        .collect()
}
