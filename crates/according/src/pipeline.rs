//! The full analysis pipeline, assembled once per run and shared by every command that
//! analyses documents (`analyze`, `index`).

use according_nlp::{Models, Pipeline};
use std::path::Path;

/// clean → segment → tag → parse → NER → attribution, with the embedded models or those in
/// `model_dir` (any file missing there falls back to the embedded one).
pub fn full(model_dir: Option<&Path>) -> Result<Pipeline, String> {
    let models = model_dir.map_or(Models::Embedded, Models::Dir);
    // The extractor's model loads while the NLP core's three load (see `Pipeline::standard`).
    let (nlp, extractor) = std::thread::scope(|s| {
        let extractor = s.spawn(|| {
            match model_dir
                .map(|d| d.join("attribution.bin"))
                .filter(|p| p.exists())
            {
                Some(p) => according_attrib::Extractor::load(p.parent().unwrap_or(&p)),
                None => according_attrib::Extractor::embedded(),
            }
        });
        let nlp = Pipeline::standard(models);
        let extractor = extractor
            .join()
            .unwrap_or_else(|_| Err("attribution model loading panicked".to_string()));
        (nlp, extractor)
    });
    Ok(nlp?.push(extractor?))
}
