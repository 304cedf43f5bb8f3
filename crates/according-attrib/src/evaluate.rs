//! Scoring an [`Extractor`] against a PolNeAR-layout directory.

use crate::extractor::Extractor;
use crate::metric::{Report, SpanTriple};
use crate::polnear;
use according_core::{Attribution, Doc};
use std::path::Path;

/// The span triple of a predicted attribution, as the metric sees it.
pub fn triple(a: &Attribution) -> SpanTriple {
    SpanTriple {
        cue: a.cue.spans.clone(),
        source: a.source.iter().map(|s| s.span).collect(),
        content: a.content.spans.clone(),
    }
}

/// Run the extractor on every gold article of `dir` (after `prep`, the NLP stages) and score.
pub fn evaluate_dir(
    ex: &Extractor,
    dir: &Path,
    prep: &(dyn Fn(&mut Doc) + Sync),
) -> Result<Report, String> {
    let articles = polnear::read_dir(dir)?;
    let mut report = Report::default();
    for a in &articles {
        let mut doc = Doc::new(a.id.clone(), a.id.clone(), a.text.clone());
        prep(&mut doc);
        ex.extract(&mut doc);
        let pred: Vec<SpanTriple> = doc.attributions.iter().map(triple).collect();
        report.add_article(&a.text, &a.attributions, &pred);
    }
    Ok(report)
}
