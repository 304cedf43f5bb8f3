//! The [`Extractor`] pipeline component: tag cues, label sources and contents, then build
//! `doc.attributions` (kinds, chains, flags) and `doc.entities` (resolved sources).

use crate::model::Model;
use crate::tagging::{self, RawAttribution};
use crate::view::View;
use according_core::{
    Attribution, Component, Content, Cue, Doc, DocError, Source, SourceType, Span, Stage,
};
use std::path::Path;

/// File name of the model inside a `--model DIR`.
pub const MODEL_FILE: &str = "attribution.bin";

pub struct Extractor {
    model: Model,
}

impl Extractor {
    pub fn from_model(model: Model) -> Extractor {
        Extractor { model }
    }

    pub fn from_bytes(data: &[u8]) -> Result<Extractor, String> {
        Ok(Extractor {
            model: Model::from_bytes(data)?,
        })
    }

    /// Load `DIR/attribution.bin`.
    pub fn load(dir: &Path) -> Result<Extractor, String> {
        let p = dir.join(MODEL_FILE);
        let data = std::fs::read(&p).map_err(|e| format!("{}: {e}", p.display()))?;
        Self::from_bytes(&data).map_err(|e| format!("{}: {e}", p.display()))
    }

    pub fn model(&self) -> &Model {
        &self.model
    }

    /// Find the attributions of `doc` (tokens, tags, parse and mentions are used when present).
    pub fn extract(&self, doc: &mut Doc) {
        let v = View::new(doc);
        let raw = tagging::extract(&self.model, &v);
        let atts = build(&v, &raw);
        doc.attributions = atts;
    }
}

fn spans_of(v: &View, ranges: &[std::ops::Range<usize>]) -> Vec<Span> {
    ranges
        .iter()
        .filter(|r| !r.is_empty())
        .map(|r| Span::new(v.toks[r.start].span.start, v.toks[r.end - 1].span.end))
        .collect()
}

fn cover(spans: &[Span]) -> Span {
    match (spans.first(), spans.last()) {
        (Some(a), Some(b)) => Span::new(a.start, b.end),
        _ => Span::default(),
    }
}

/// Plain attributions from the taggers' output (kinds, chains, flags and entities are added
/// by the later passes).
fn build(v: &View, raw: &[RawAttribution]) -> Vec<Attribution> {
    let mut out = Vec::with_capacity(raw.len());
    for (k, r) in raw.iter().enumerate() {
        let cue_spans = spans_of(v, std::slice::from_ref(&r.cue));
        let cue_span = cover(&cue_spans);
        let content_spans = spans_of(v, &r.content);
        let content_span = cover(&content_spans);
        let source_spans = spans_of(v, &r.source);
        let source = (!source_spans.is_empty()).then(|| {
            let s = cover(&source_spans);
            Source {
                span: s,
                text: s.slice(v.text).to_string(),
                entity: None,
                kind: SourceType::Unknown,
                role: None,
            }
        });
        out.push(Attribution {
            id: format!("a{}", k + 1),
            kind: according_core::AttributionKind::Other,
            source,
            cue: Cue {
                span: cue_span,
                spans: cue_spans,
                text: cue_span.slice(v.text).to_string(),
            },
            content: Content {
                span: content_span,
                spans: content_spans.clone(),
                text: content_spans
                    .iter()
                    .map(|s| s.slice(v.text))
                    .collect::<Vec<_>>()
                    .join(" … "),
            },
            parent: None,
            flags: Vec::new(),
            confidence: 1.0,
        });
    }
    out
}

impl Component for Extractor {
    fn name(&self) -> &'static str {
        "attrib"
    }
    fn process(&self, doc: &mut Doc) -> Result<(), DocError> {
        if doc.text.len() > 50_000_000 {
            return Err(DocError::new(
                doc.source.clone(),
                Stage::Attribute,
                "document too large for attribution extraction",
            )
            .with_id(doc.id.clone()));
        }
        self.extract(doc);
        Ok(())
    }
}
