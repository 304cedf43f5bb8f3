//! Evaluation against Universal Dependencies gold data: sentence-boundary P/R/F1 and token
//! agreement. `according eval sbd FILE.conllu` prints these.
//!
//! Sentence boundaries: each gold document is rebuilt as text (sentences joined by a space,
//! paragraphs by a blank line where `# newpar` marks one), cleaned and segmented, and the
//! predicted sentence end offsets are compared with the gold ones (the end of the document,
//! which no splitter can miss, is left out). Tokens: each gold sentence's `# text` is tokenized
//! and token spans are compared with the gold token spans.

pub mod conllu;

use crate::segment::tokenize_sentence;
use according_core::Doc;
pub use conllu::{GoldDoc, GoldSentence};
use std::collections::HashSet;

pub use according_ml::metric::Prf;

/// Which sentence splitter to score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Splitter {
    /// This crate: `clean` + `segment`.
    According,
    /// Baseline: split after `.`/`!`/`?` (and closing quotes) before whitespace and a capital,
    /// and at paragraph breaks.
    Naive,
}

/// A boundary error, for inspection: the text around a missed or spurious boundary.
#[derive(Debug, Clone)]
pub struct BoundaryError {
    pub doc: String,
    pub missed: bool,
    pub context: String,
}

/// Sentence-boundary scores over `docs`, plus up to `max_errors` error examples.
pub fn score_sbd(
    docs: &[GoldDoc],
    splitter: Splitter,
    max_errors: usize,
) -> (Prf, Vec<BoundaryError>) {
    match splitter {
        Splitter::According => score_sbd_with(docs, &according_ends, max_errors),
        Splitter::Naive => score_sbd_with(docs, &naive_ends, max_errors),
    }
}

/// Sentence-boundary scores of any splitter given as a function from text to sentence end
/// offsets (e.g. a third-party baseline).
pub fn score_sbd_with(
    docs: &[GoldDoc],
    splitter: &dyn Fn(&str) -> Vec<usize>,
    max_errors: usize,
) -> (Prf, Vec<BoundaryError>) {
    let mut prf = Prf::default();
    let mut errors = Vec::new();
    for d in docs {
        let (text, gold_ends) = d.text_and_ends();
        let pred_ends = splitter(&text);
        let gold: HashSet<usize> = gold_ends.into_iter().filter(|&e| e < text.len()).collect();
        let pred: HashSet<usize> = pred_ends.into_iter().filter(|&e| e < text.len()).collect();
        prf.add_sets(&gold, &pred);
        if errors.len() < max_errors {
            let mut errs: Vec<(usize, bool)> = gold.difference(&pred).map(|&e| (e, true)).collect();
            errs.extend(pred.difference(&gold).map(|&e| (e, false)));
            errs.sort_unstable();
            for (e, missed) in errs.into_iter().take(max_errors - errors.len()) {
                let a = floor(&text, e.saturating_sub(60));
                let b = floor(&text, (e + 40).min(text.len()));
                let context = format!("{}|{}", &text[a..e], &text[e..b]).replace('\n', "¶");
                errors.push(BoundaryError {
                    doc: d.id.clone(),
                    missed,
                    context,
                });
            }
        }
    }
    (prf, errors)
}

fn floor(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn according_ends(text: &str) -> Vec<usize> {
    let mut doc = Doc::new("eval", "eval", text);
    crate::clean(&mut doc);
    crate::segment(&mut doc);
    doc.sentences.iter().map(|s| s.span.end).collect()
}

/// The baseline splitter (see [`Splitter::Naive`]).
pub fn naive_ends(text: &str) -> Vec<usize> {
    let mut ends = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        let (i, c) = chars[k];
        if c == '\n' && chars.get(k + 1).is_some_and(|&(_, d)| d == '\n') {
            let e = text[..i].trim_end().len();
            if e > 0 && ends.last() != Some(&e) {
                ends.push(e);
            }
        } else if matches!(c, '.' | '!' | '?') {
            let mut m = k + 1;
            while m < chars.len() && matches!(chars[m].1, '"' | '\'' | '”' | '’' | ')') {
                m += 1;
            }
            let end = chars.get(m).map_or(text.len(), |&(p, _)| p);
            if chars.get(m).is_some_and(|&(_, d)| d == ' ')
                && chars
                    .get(m + 1)
                    .is_some_and(|&(_, d)| d.is_uppercase() || matches!(d, '"' | '“' | '‘'))
                && ends.last() != Some(&end)
            {
                ends.push(end);
            }
        }
        k += 1;
    }
    ends.push(text.trim_end().len());
    ends
}

/// Token scores: span P/R/F1 and the number of sentences tokenized exactly like the gold.
#[derive(Debug, Clone, Copy, Default)]
pub struct TokenScore {
    pub prf: Prf,
    pub sentences: usize,
    pub exact: usize,
}

/// Tokenize every gold sentence's text and compare spans with the gold tokens.
pub fn score_tokens(docs: &[GoldDoc], max_errors: usize) -> (TokenScore, Vec<String>) {
    let mut sc = TokenScore::default();
    let mut errors = Vec::new();
    for d in docs {
        for s in d.paragraphs.iter().flatten() {
            let gold: HashSet<(usize, usize)> =
                conllu::align(&s.text, &s.tokens).into_iter().collect();
            let pred: HashSet<(usize, usize)> = tokenize_sentence(&s.text).into_iter().collect();
            let tp = gold.intersection(&pred).count();
            sc.prf.tp += tp;
            sc.prf.fp += pred.len() - tp;
            sc.prf.fn_ += gold.len() - tp;
            sc.sentences += 1;
            if tp == gold.len() && tp == pred.len() {
                sc.exact += 1;
            } else if errors.len() < max_errors {
                let mut p: Vec<_> = pred
                    .difference(&gold)
                    .map(|&(a, b)| &s.text[a..b])
                    .collect();
                let mut g: Vec<_> = gold
                    .difference(&pred)
                    .map(|&(a, b)| &s.text[a..b])
                    .collect();
                p.sort_unstable();
                g.sort_unstable();
                errors.push(format!("gold {g:?} / ours {p:?}"));
            }
        }
    }
    (sc, errors)
}

/// Keep only documents whose id starts with `prefix`.
pub fn filter_docs(docs: Vec<GoldDoc>, prefix: Option<&str>) -> Vec<GoldDoc> {
    match prefix {
        Some(p) => docs.into_iter().filter(|d| d.id.starts_with(p)).collect(),
        None => docs,
    }
}

/// The full report printed by `according eval sbd`: sentence-boundary scores (this crate and
/// the naive baseline) and token agreement, for the documents of one CoNLL-U text.
pub fn report(name: &str, conllu_src: &str, prefix: Option<&str>, max_errors: usize) -> String {
    use std::fmt::Write;
    let docs = filter_docs(conllu::parse(conllu_src), prefix);
    let n_sent: usize = docs
        .iter()
        .map(|d| d.paragraphs.iter().map(Vec::len).sum::<usize>())
        .sum();
    let mut out = String::new();
    let ids = prefix.map(|p| format!(", ids {p}*")).unwrap_or_default();
    let _ = writeln!(out, "{name} ({} docs, {n_sent} sentences{ids})", docs.len());
    for (label, splitter) in [
        ("according", Splitter::According),
        ("naive baseline", Splitter::Naive),
    ] {
        let errs = if splitter == Splitter::According {
            max_errors
        } else {
            0
        };
        let (prf, errors) = score_sbd(&docs, splitter, errs);
        let _ = writeln!(
            out,
            "  sentence boundaries, {label:15} P {:.4}  R {:.4}  F1 {:.4}  (tp {} fp {} fn {})",
            prf.precision(),
            prf.recall(),
            prf.f1(),
            prf.tp,
            prf.fp,
            prf.fn_
        );
        for e in errors {
            let kind = if e.missed { "MISSED  " } else { "SPURIOUS" };
            let _ = writeln!(out, "    {kind} {} {}", e.doc, e.context);
        }
    }
    let (tok, errors) = score_tokens(&docs, max_errors);
    let _ = writeln!(
        out,
        "  tokens vs gold:  P {:.4}  R {:.4}  F1 {:.4}  sentences tokenized exactly {}/{} ({:.1}%)",
        tok.prf.precision(),
        tok.prf.recall(),
        tok.prf.f1(),
        tok.exact,
        tok.sentences,
        100.0 * tok.exact as f64 / tok.sentences.max(1) as f64
    );
    for e in errors {
        let _ = writeln!(out, "    {e}");
    }
    out
}
