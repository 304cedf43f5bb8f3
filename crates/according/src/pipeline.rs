//! The full analysis pipeline, assembled once per run and shared by every command that
//! analyses documents (`analyze`, `index`).

use according_nlp::{Models, Pipeline};
use std::path::Path;

/// clean → segment → tag → parse → NER → attribution, with the embedded models or those in
/// `model_dir` (any file missing there falls back to the embedded one).
pub fn full(model_dir: Option<&Path>) -> Result<Pipeline, String> {
    let models = model_dir.map_or(Models::Embedded, Models::Dir);
    let nlp = Pipeline::standard(models)?;
    let extractor = match model_dir
        .map(|d| d.join("attribution.bin"))
        .filter(|p| p.exists())
    {
        Some(p) => according_attrib::Extractor::load(p.parent().unwrap_or(&p))?,
        None => according_attrib::Extractor::embedded()?,
    };
    Ok(nlp.push(extractor))
}
