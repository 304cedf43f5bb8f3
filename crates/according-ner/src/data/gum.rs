//! GUM's entity layer (MISC `Entity=`) decoded into UniversalNER-style names.
//!
//! GUM brackets every mention (`(6-person-new-...` opens entity 6, `6)` closes it), named or
//! not, and its spans include modifiers and appositions (`University of Portsmouth, United
//! Kingdom`). UniversalNER tags only names, without leading `the`, titles or appositions. So:
//! keep person/organization/place mentions whose syntactic head is a proper noun, trim each to
//! the head's name-internal dependents (compound, flat, `of`-modifiers that are proper nouns),
//! then keep the outermost non-overlapping trimmed names.

use super::{strip_leading_the, Document, Sentence};
use crate::labels::{Kind, TokenSpan};
use according_ml::conllu::{self, Word};

pub fn read_path(path: &std::path::Path) -> Result<Vec<Document>, String> {
    let sents = conllu::read_path(path)?;
    Ok(from_sentences(&sents))
}

pub fn from_sentences(sents: &[conllu::Sentence]) -> Vec<Document> {
    let matcher = crate::gazetteer::build_matcher(&[], &[]);
    let mut docs: Vec<Document> = Vec::new();
    for s in sents {
        if s.newdoc.is_some() || docs.is_empty() {
            docs.push(Document {
                id: s.newdoc.clone().unwrap_or_default(),
                sentences: Vec::new(),
            });
        }
        let words: Vec<String> = s.words.iter().map(|w| w.form.clone()).collect();
        let mut spans = named_spans(&s.words);
        strip_leading_the(&words, &mut spans);
        super::conform(&words, &mut spans, &matcher);
        docs.last_mut()
            .expect("a document exists")
            .sentences
            .push(Sentence { words, spans });
    }
    docs
}

/// A raw GUM mention: word index range (inclusive) and its entity type.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub etype: String,
}

/// Decode the bracket notation of one sentence's `Entity=` values into mentions.
pub fn mentions(words: &[Word]) -> Vec<Mention> {
    let mut open: Vec<(String, String, usize)> = Vec::new(); // (id, type, start)
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let Some(v) = w.misc_value("Entity") else {
            continue;
        };
        let b = v.as_bytes();
        let mut p = 0;
        while p < b.len() {
            if b[p] == b'(' {
                let q = (p + 1..b.len())
                    .find(|&q| b[q] == b'(' || b[q] == b')')
                    .unwrap_or(b.len());
                let body = &v[p + 1..q];
                let mut f = body.split('-');
                let id = f.next().unwrap_or("").to_string();
                let etype = f.next().unwrap_or("").to_string();
                if q < b.len() && b[q] == b')' {
                    out.push(Mention {
                        start: i,
                        end: i,
                        etype,
                    });
                    p = q + 1;
                } else {
                    open.push((id, etype, i));
                    p = q;
                }
            } else if b[p].is_ascii_digit() {
                let q = (p..b.len())
                    .find(|&q| !b[q].is_ascii_digit())
                    .unwrap_or(b.len());
                let id = &v[p..q];
                if let Some(k) = open.iter().rposition(|(oid, _, _)| oid == id) {
                    let (_, etype, start) = open.remove(k);
                    out.push(Mention {
                        start,
                        end: i,
                        etype,
                    });
                }
                p = q + 1;
            } else {
                p += 1;
            }
        }
    }
    out
}

fn base(deprel: &str) -> &str {
    deprel.split(':').next().unwrap_or(deprel)
}

fn capitalised(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_uppercase())
}

/// Names (UniversalNER style) in one sentence from its GUM mentions.
pub fn named_spans(words: &[Word]) -> Vec<TokenSpan> {
    let mut cands: Vec<TokenSpan> = Vec::new();
    for m in mentions(words) {
        let Some(kind) = Kind::parse(&m.etype) else {
            continue;
        };
        if let Some((s, mut e)) = trim_to_name(words, m.start, m.end) {
            // `Portland , Oregon` is two places in UniversalNER (`Washington , D.C.` in EWT),
            // `Li , of the University of NSW` a person and a place; the inner mention after
            // the comma is a candidate of its own. (Organisations keep `, Inc.`, as EWT does.)
            if kind != Kind::Org {
                if let Some(c) = (s + 1..e).find(|&i| words[i].form == ",") {
                    e = c - 1;
                }
            }
            cands.push(TokenSpan {
                start: s,
                end: e + 1,
                kind,
            });
        }
    }
    // Outermost first; ties keep the earlier mention.
    cands.sort_by_key(|c| (std::cmp::Reverse(c.end - c.start), c.start));
    let mut kept: Vec<TokenSpan> = Vec::new();
    for c in cands {
        if kept.iter().all(|k| c.end <= k.start || k.end <= c.start) {
            kept.push(c);
        }
    }
    kept.sort();
    kept
}

/// The name inside mention `[start, end]` (inclusive): `None` unless its head is a proper noun.
fn trim_to_name(words: &[Word], start: usize, end: usize) -> Option<(usize, usize)> {
    let inside = |i: usize| i >= start && i <= end;
    let head_of = |i: usize| (words[i].head as usize).checked_sub(1);
    let h = (start..=end).find(|&i| head_of(i).is_none_or(|hd| !inside(hd)))?;
    if words[h].upos != "PROPN" {
        return None;
    }
    let mut keep = vec![h];
    let mut stack = vec![h];
    while let Some(t) = stack.pop() {
        for c in start..=end {
            if head_of(c) != Some(t) {
                continue;
            }
            let w = &words[c];
            let ok = match base(&w.deprel) {
                "compound" | "flat" | "fixed" | "goeswith" => true,
                "nmod" => w.upos == "PROPN" && !w.deprel.contains("poss") && c > t,
                "case" => t != h && c < t, // `of` inside `University of Portsmouth`
                "amod" | "nummod" => capitalised(&w.form) || w.upos == "NUM",
                "punct" => w.form == "-" || w.form == "." || w.form == "&",
                "cc" => w.form == "&",
                _ => false,
            };
            if ok {
                keep.push(c);
                stack.push(c);
            }
        }
    }
    let s = *keep.iter().min()?;
    let e = *keep.iter().max()?;
    // Trim punctuation at the edges.
    let (mut s, mut e) = (s, e);
    while s < e && words[s].upos == "PUNCT" {
        s += 1;
    }
    while e > s && words[e].upos == "PUNCT" && words[e].form != "." {
        e -= 1;
    }
    Some((s, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# newdoc id = GUM_x\n\
1\tUniversity\tUniversity\tPROPN\tNNP\t_\t0\troot\t_\tEntity=(8-organization-new-nnnnn-cf3-3-sgl\n\
2\tof\tof\tADP\tIN\t_\t3\tcase\t_\t_\n\
3\tPortsmouth\tPortsmouth\tPROPN\tNNP\t_\t1\tnmod\t_\tEntity=(9-place-new-nnnnn-cf4-3-sgl|SpaceAfter=No\n\
4\t,\t,\tPUNCT\t,\t_\t6\tpunct\t_\t_\n\
5\tUnited\tUnited\tPROPN\tNNP\t_\t6\tcompound\t_\tEntity=(10-place-new-nnnnn-cf5-1,2-coref\n\
6\tKingdom\tKingdom\tPROPN\tNNP\t_\t3\tappos\t_\tEntity=10)9)8)\n\
7\tsaid\tsay\tVERB\tVBD\t_\t1\tacl\t_\t_\n\
8\tthe\tthe\tDET\tDT\t_\t9\tdet\t_\tEntity=(11-person-new-nnnnn-cf5-1-sgl\n\
9\tman\tman\tNOUN\tNN\t_\t7\tobj\t_\tEntity=11)\n\n";

    #[test]
    fn decodes_and_trims() {
        let s = conllu::parse_str(SAMPLE).unwrap();
        let m = mentions(&s[0].words);
        assert_eq!(m.len(), 4);
        let spans = named_spans(&s[0].words);
        assert_eq!(
            spans,
            vec![
                TokenSpan {
                    start: 0,
                    end: 3,
                    kind: Kind::Org
                },
                TokenSpan {
                    start: 4,
                    end: 6,
                    kind: Kind::Loc
                },
            ]
        );
        let docs = from_sentences(&s);
        assert_eq!(docs.len(), 1);
    }
}
