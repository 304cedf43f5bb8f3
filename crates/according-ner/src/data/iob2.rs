//! UniversalNER IOB2 files: `# comment` lines, then one token per line with tab-separated
//! columns `id, form, tag, -, -` (`B-PER`, `I-ORG`, `O`), blank line between sentences.

use super::{strip_leading_the, Document, Sentence};
use crate::labels::{Kind, TokenSpan};

pub fn read_path(path: &std::path::Path) -> Result<Vec<Document>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    parse(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Parse IOB2 text. Tags of types other than PER/ORG/LOC are read as O.
pub fn parse(text: &str) -> Result<Vec<Document>, String> {
    let mut docs: Vec<Document> = Vec::new();
    let mut words: Vec<String> = Vec::new();
    let mut tags: Vec<String> = Vec::new();
    let flush = |docs: &mut Vec<Document>, words: &mut Vec<String>, tags: &mut Vec<String>| {
        if words.is_empty() {
            return;
        }
        let mut spans = spans_from_tags(tags);
        strip_leading_the(words, &mut spans);
        if docs.is_empty() {
            docs.push(Document::default());
        }
        let d = docs.last_mut().expect("a document exists");
        d.sentences.push(Sentence {
            words: std::mem::take(words),
            spans,
        });
        tags.clear();
    };
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            flush(&mut docs, &mut words, &mut tags);
            continue;
        }
        if let Some(c) = line.strip_prefix('#') {
            if let Some(id) = c.trim().strip_prefix("newdoc id =") {
                flush(&mut docs, &mut words, &mut tags);
                docs.push(Document {
                    id: id.trim().to_string(),
                    sentences: Vec::new(),
                });
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 3 {
            return Err(format!(
                "line {}: expected at least 3 tab-separated columns",
                n + 1
            ));
        }
        words.push(cols[1].to_string());
        tags.push(cols[2].to_string());
    }
    flush(&mut docs, &mut words, &mut tags);
    Ok(docs)
}

/// IOB2 tags → spans (an `I-` without a matching open span starts one, as conlleval does).
pub fn spans_from_tags(tags: &[String]) -> Vec<TokenSpan> {
    let mut out = Vec::new();
    let mut open: Option<(usize, Kind)> = None;
    for (i, t) in tags.iter().enumerate() {
        let (bio, kind) = match t.split_once('-') {
            Some((b, k)) => (b, Kind::parse(k)),
            None => ("O", None),
        };
        let continues = bio == "I" && kind.is_some() && open.is_some_and(|(_, k)| Some(k) == kind);
        if !continues {
            if let Some((s, k)) = open.take() {
                out.push(TokenSpan {
                    start: s,
                    end: i,
                    kind: k,
                });
            }
            if let Some(k) = kind {
                open = Some((i, k));
            }
        }
    }
    if let Some((s, k)) = open {
        out.push(TokenSpan {
            start: s,
            end: tags.len(),
            kind: k,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_docs_and_spans() {
        let t = "# newdoc id = d1\n# text = the United States\n1\tthe\tB-LOC\t-\t-\n2\tUnited\tI-LOC\t-\t-\n3\tStates\tI-LOC\t-\t-\n\n1\tKori\tB-PER\t-\t-\n2\tsaid\tO\t-\t-\n\n# newdoc id = d2\n1\tx\tI-ORG\t-\t-\n";
        let d = parse(t).unwrap();
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].sentences.len(), 2);
        assert_eq!(
            d[0].sentences[0].spans,
            vec![TokenSpan {
                start: 1,
                end: 3,
                kind: Kind::Loc
            }]
        );
        assert_eq!(
            d[0].sentences[1].spans,
            vec![TokenSpan {
                start: 0,
                end: 1,
                kind: Kind::Per
            }]
        );
        assert_eq!(d[1].sentences[0].spans[0].kind, Kind::Org);
        assert!(parse("1\tx\n").is_err());
    }
}
