//! Silver training data written by `scripts/silver.py` (spaCy `en_core_web_sm` over news):
//! JSONL, one document per line, `{"id", "sentences": [{"words": [..], "ents": [[s, e, label]]}]}`.
//! OntoNotes labels map to UniversalNER types: PERSON→PER, ORG→ORG, GPE/LOC/FAC→LOC; others
//! (NORP, DATE, ...) are left out, as UniversalNER leaves them out.

use super::{strip_leading_the, Document, Sentence};
use crate::labels::{Kind, TokenSpan};
use serde::Deserialize;

#[derive(Deserialize)]
struct SilverDoc {
    id: String,
    sentences: Vec<SilverSentence>,
}

#[derive(Deserialize)]
struct SilverSentence {
    words: Vec<String>,
    ents: Vec<(usize, usize, String)>,
}

fn kind(label: &str) -> Option<Kind> {
    match label {
        "PERSON" => Some(Kind::Per),
        "ORG" => Some(Kind::Org),
        "GPE" | "LOC" | "FAC" => Some(Kind::Loc),
        _ => None,
    }
}

pub fn read_path(path: &std::path::Path) -> Result<Vec<Document>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    parse(&text).map_err(|e| format!("{}: {e}", path.display()))
}

pub fn parse(text: &str) -> Result<Vec<Document>, String> {
    let matcher = crate::gazetteer::build_matcher(&[], &[]);
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let d: SilverDoc =
            serde_json::from_str(line).map_err(|e| format!("line {}: {e}", n + 1))?;
        let sentences = d
            .sentences
            .into_iter()
            .map(|s| {
                let n = s.words.len();
                let mut spans: Vec<TokenSpan> = s
                    .ents
                    .iter()
                    .filter(|(a, b, _)| a < b && *b <= n)
                    .filter_map(|(a, b, l)| {
                        Some(TokenSpan {
                            start: *a,
                            end: *b,
                            kind: kind(l)?,
                        })
                    })
                    .collect();
                strip_leading_the(&s.words, &mut spans);
                // Possessive `'s` is never part of a UniversalNER name.
                for sp in spans.iter_mut() {
                    if sp.end - sp.start > 1
                        && matches!(s.words[sp.end - 1].as_str(), "'s" | "’s" | "'")
                    {
                        sp.end -= 1;
                    }
                }
                super::conform(&s.words, &mut spans, &matcher);
                Sentence {
                    words: s.words,
                    spans,
                }
            })
            .collect();
        out.push(Document {
            id: d.id,
            sentences,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_labels() {
        let t = r#"{"id":"a","sentences":[{"words":["The","BBC","said","Russian","officials","met"],"ents":[[0,2,"ORG"],[3,4,"NORP"]]}]}"#;
        let d = parse(t).unwrap();
        assert_eq!(
            d[0].sentences[0].spans,
            vec![TokenSpan {
                start: 1,
                end: 2,
                kind: Kind::Org
            }]
        );
        assert!(parse("{bad").is_err());
    }
}
