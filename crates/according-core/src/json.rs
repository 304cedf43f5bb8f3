//! The public JSON schema (`schema_version` 1): a [`Doc`] with every offset in Unicode code
//! points, end-exclusive, as brat and spaCy use. This is the only place that converts.
//!
//! ```json
//! {"schema_version":1,"id":"…","source":"…","meta":{…},"text":"…",
//!  "notes":[{"kind":"lost_char","start":0,"end":0,"detail":"…"}],
//!  "sentences":[{"start":0,"end":0}],
//!  "tokens":[{"start":0,"end":0,"text":"…","upos":"PROPN","xpos":"NNP","lemma":"…","head":3,"deprel":"nsubj"}],
//!  "mentions":[{"start":0,"end":0,"text":"…","type":"OUTLET"}],
//!  "entities":[{"id":"e1","name":"…","type":"person","mentions":[[0,5]],"roles":[],"affiliation":null}],
//!  "attributions":[{"id":"a1","kind":"direct","source":{…}|null,"cue":{…},"content":{…},
//!                   "parent":null,"flags":[],"confidence":0.9}]}
//! ```

use crate::attribution::*;
use crate::doc::*;
use crate::span::{CharIndex, Span};
use crate::SCHEMA_VERSION;
use serde::{Deserialize, Serialize};

#[derive(Debug, Serialize, Deserialize)]
pub struct DocJson {
    pub schema_version: u32,
    pub id: String,
    pub source: String,
    pub meta: Meta,
    pub text: String,
    #[serde(default)]
    pub notes: Vec<NoteJson>,
    #[serde(default)]
    pub sentences: Vec<SpanJson>,
    #[serde(default)]
    pub tokens: Vec<TokenJson>,
    #[serde(default)]
    pub mentions: Vec<MentionJson>,
    #[serde(default)]
    pub entities: Vec<EntityJson>,
    #[serde(default)]
    pub attributions: Vec<AttributionJson>,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub struct SpanJson {
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct NoteJson {
    pub kind: NoteKind,
    pub start: usize,
    pub end: usize,
    pub detail: String,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct TokenJson {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub upos: Option<TagName>,
    pub xpos: Option<TagName>,
    pub lemma: Option<String>,
    pub head: Option<u32>,
    pub deprel: Option<TagName>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct MentionJson {
    pub start: usize,
    pub end: usize,
    pub text: String,
    #[serde(rename = "type")]
    pub kind: String,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct EntityJson {
    pub id: String,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: EntityType,
    pub mentions: Vec<[usize; 2]>,
    pub roles: Vec<String>,
    pub affiliation: Option<String>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct SourceJson {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub entity: Option<String>,
    #[serde(rename = "type")]
    pub kind: SourceType,
    pub role: Option<String>,
    /// Each name of a source that names several together (`Sony, IBM and Toshiba`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<SourceJson>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct PiecesJson {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub spans: Vec<[usize; 2]>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct AttributionJson {
    pub id: String,
    pub kind: AttributionKind,
    pub source: Option<SourceJson>,
    pub cue: PiecesJson,
    pub content: PiecesJson,
    pub parent: Option<String>,
    pub flags: Vec<Flag>,
    pub confidence: f32,
}

impl DocJson {
    /// Convert a [`Doc`] (byte offsets) to the public form (code points).
    pub fn from_doc(doc: &Doc) -> DocJson {
        let ix = CharIndex::new(&doc.text);
        let sp = |s: Span| {
            let (start, end) = ix.span_to_chars(s);
            SpanJson { start, end }
        };
        let pair = |s: &Span| {
            let (a, b) = ix.span_to_chars(*s);
            [a, b]
        };
        // (Members are one level deep: a member names one.)
        let source_json = |s: &Source| {
            let p = sp(s.span);
            SourceJson {
                text: s.text.clone(),
                start: p.start,
                end: p.end,
                entity: s.entity.clone(),
                kind: s.kind,
                role: s.role.clone(),
                members: Vec::new(),
            }
        };
        let pieces = |span: Span, spans: &[Span], text: &str| {
            let s = sp(span);
            PiecesJson {
                text: text.to_string(),
                start: s.start,
                end: s.end,
                spans: spans.iter().map(pair).collect(),
            }
        };
        DocJson {
            schema_version: SCHEMA_VERSION,
            id: doc.id.clone(),
            source: doc.source.clone(),
            meta: doc.meta.clone(),
            text: doc.text.clone(),
            notes: doc
                .notes
                .iter()
                .map(|n| {
                    let s = sp(n.span);
                    NoteJson {
                        kind: n.kind,
                        start: s.start,
                        end: s.end,
                        detail: n.detail.clone(),
                    }
                })
                .collect(),
            sentences: doc.sentences.iter().map(|s| sp(s.span)).collect(),
            tokens: doc
                .tokens
                .iter()
                .map(|t| {
                    let s = sp(t.span);
                    TokenJson {
                        start: s.start,
                        end: s.end,
                        text: t.text.clone(),
                        upos: t.upos.clone(),
                        xpos: t.xpos.clone(),
                        lemma: t.lemma.clone(),
                        head: t.head,
                        deprel: t.deprel.clone(),
                    }
                })
                .collect(),
            mentions: doc
                .mentions
                .iter()
                .map(|m| {
                    let s = sp(m.span);
                    MentionJson {
                        start: s.start,
                        end: s.end,
                        text: m.text.clone(),
                        kind: m.kind.clone(),
                    }
                })
                .collect(),
            entities: doc
                .entities
                .iter()
                .map(|e| EntityJson {
                    id: e.id.clone(),
                    name: e.name.clone(),
                    kind: e.kind,
                    mentions: e.mentions.iter().map(pair).collect(),
                    roles: e.roles.clone(),
                    affiliation: e.affiliation.clone(),
                })
                .collect(),
            attributions: doc
                .attributions
                .iter()
                .map(|a| AttributionJson {
                    id: a.id.clone(),
                    kind: a.kind,
                    source: a.source.as_ref().map(|s| SourceJson {
                        members: s.members.iter().map(source_json).collect(),
                        ..source_json(s)
                    }),
                    cue: pieces(a.cue.span, &a.cue.spans, &a.cue.text),
                    content: pieces(a.content.span, &a.content.spans, &a.content.text),
                    parent: a.parent.clone(),
                    flags: a.flags.clone(),
                    confidence: a.confidence,
                })
                .collect(),
        }
    }

    /// Convert back to a [`Doc`] with byte offsets. The cleaned view is not part of the schema
    /// and comes back as `None`.
    pub fn into_doc(self) -> Result<Doc, String> {
        if self.schema_version != SCHEMA_VERSION {
            return Err(format!(
                "schema_version {} is not supported (this build reads {SCHEMA_VERSION})",
                self.schema_version
            ));
        }
        let text = self.text;
        let ix = CharIndex::new(&text);
        let n = text.chars().count();
        let check = |s: usize, e: usize| -> Result<Span, String> {
            if s > e || e > n {
                return Err(format!(
                    "span [{s}, {e}) is outside the text ({n} code points)"
                ));
            }
            Ok(ix.span_from_chars(s, e))
        };
        let sentences: Vec<Sentence> = self
            .sentences
            .iter()
            .map(|s| check(s.start, s.end).map(|span| Sentence { span }))
            .collect::<Result<_, _>>()?;
        let mut tokens = Vec::with_capacity(self.tokens.len());
        let mut si = 0usize;
        for t in self.tokens {
            let span = check(t.start, t.end)?;
            while si + 1 < sentences.len() && sentences[si].span.end <= span.start {
                si += 1;
            }
            tokens.push(Token {
                span,
                text: t.text,
                upos: t.upos,
                xpos: t.xpos,
                lemma: t.lemma,
                head: t.head,
                deprel: t.deprel,
                sentence: si as u32,
            });
        }
        let pieces = |p: PiecesJson| -> Result<(Span, Vec<Span>, String), String> {
            let span = check(p.start, p.end)?;
            let spans = p
                .spans
                .iter()
                .map(|[a, b]| check(*a, *b))
                .collect::<Result<_, _>>()?;
            Ok((span, spans, p.text))
        };
        let mut attributions = Vec::with_capacity(self.attributions.len());
        for a in self.attributions {
            let source_of = |s: SourceJson| -> Result<Source, String> {
                Ok(Source {
                    span: check(s.start, s.end)?,
                    text: s.text,
                    entity: s.entity,
                    kind: s.kind,
                    role: s.role,
                    members: Vec::new(),
                })
            };
            let source = match a.source {
                Some(mut s) => {
                    let members = std::mem::take(&mut s.members)
                        .into_iter()
                        .map(source_of)
                        .collect::<Result<_, _>>()?;
                    Some(Source {
                        members,
                        ..source_of(s)?
                    })
                }
                None => None,
            };
            let (cs, cspans, ctext) = pieces(a.cue)?;
            let (ts, tspans, ttext) = pieces(a.content)?;
            attributions.push(Attribution {
                id: a.id,
                kind: a.kind,
                source,
                cue: Cue {
                    span: cs,
                    spans: cspans,
                    text: ctext,
                },
                content: Content {
                    span: ts,
                    spans: tspans,
                    text: ttext,
                },
                parent: a.parent,
                flags: a.flags,
                confidence: a.confidence,
            });
        }
        Ok(Doc {
            id: self.id,
            source: self.source,
            meta: self.meta,
            clean: None,
            notes: self
                .notes
                .into_iter()
                .map(|x| {
                    Ok(Note {
                        kind: x.kind,
                        span: check(x.start, x.end)?,
                        detail: x.detail,
                    })
                })
                .collect::<Result<_, String>>()?,
            sentences,
            tokens,
            mentions: self
                .mentions
                .into_iter()
                .map(|m| {
                    Ok(Mention {
                        span: check(m.start, m.end)?,
                        text: m.text,
                        kind: m.kind,
                    })
                })
                .collect::<Result<_, String>>()?,
            entities: self
                .entities
                .into_iter()
                .map(|e| {
                    Ok(Entity {
                        id: e.id,
                        name: e.name,
                        kind: e.kind,
                        mentions: e
                            .mentions
                            .iter()
                            .map(|[a, b]| check(*a, *b))
                            .collect::<Result<_, _>>()?,
                        roles: e.roles,
                        affiliation: e.affiliation,
                    })
                })
                .collect::<Result<_, String>>()?,
            attributions,
            text,
        })
    }
}

/// One JSONL line for a document.
pub fn to_json_line(doc: &Doc) -> serde_json::Result<String> {
    serde_json::to_string(&DocJson::from_doc(doc))
}

/// Parse one JSONL line of the public schema back into a [`Doc`].
pub fn from_json_line(line: &str) -> Result<Doc, String> {
    let dj: DocJson = serde_json::from_str(line).map_err(|e| e.to_string())?;
    dj.into_doc()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roundtrips_with_code_points() {
        let mut doc = Doc::new("d1", "t", "“No,” Ivanov said.");
        let s = doc.text.find("Ivanov").unwrap();
        doc.mentions.push(Mention {
            span: Span::new(s, s + 6),
            text: "Ivanov".into(),
            kind: "PERSON".into(),
        });
        doc.sentences.push(Sentence {
            span: Span::new(0, doc.text.len()),
        });
        let line = to_json_line(&doc).unwrap();
        let v: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert_eq!(v["mentions"][0]["start"], 6);
        assert_eq!(v["mentions"][0]["end"], 12);
        assert_eq!(v["schema_version"], 1);
        let back = from_json_line(&line).unwrap();
        assert_eq!(back.mentions, doc.mentions);
        assert_eq!(back.sentences, doc.sentences);
    }

    #[test]
    fn rejects_out_of_range() {
        let line = r#"{"schema_version":1,"id":"x","source":"s","meta":{"url":null,"title":null,"authors":[],"published":null,"site":null,"language":null},"text":"ab","sentences":[{"start":0,"end":9}]}"#;
        assert!(from_json_line(line).unwrap_err().contains("outside"));
    }
}
