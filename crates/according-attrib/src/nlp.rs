//! The NLP stages the extractor is trained and evaluated behind: cleaning, segmentation, POS
//! tagging and dependency parsing (the same chain the `according` pipeline runs before
//! attribution; NER is not needed by the extractor).

use according_core::{Component, Doc};
use according_parser::Parser;
use according_tagger::Tagger;
use std::path::Path;

pub struct Prep {
    tagger: Option<Tagger>,
    parser: Option<Parser>,
}

impl Prep {
    /// Cleaning + segmentation + the embedded tagger and parser (a stage whose model fails to
    /// load is skipped).
    pub fn embedded() -> Prep {
        Prep {
            tagger: Tagger::embedded().ok(),
            parser: Parser::embedded()
                .map_err(|e| eprintln!("according-attrib: warning: no parse: {e}"))
                .ok(),
        }
    }

    /// Like [`Prep::embedded`], but `tagger.bin` and `parser.bin` in `dir` replace the
    /// embedded models (a file missing there falls back to the embedded one, as `according
    /// analyze --model DIR` does). A file that exists but does not load is an error.
    pub fn with_models(dir: Option<&Path>) -> Result<Prep, String> {
        let Some(dir) = dir else {
            return Ok(Prep::embedded());
        };
        let tagger = match dir.join("tagger.bin") {
            f if f.exists() => Tagger::load(&f)?,
            _ => Tagger::embedded()?,
        };
        let parser = match dir.join("parser.bin") {
            f if f.exists() => Parser::load(&f)?,
            _ => Parser::embedded()?,
        };
        Ok(Prep {
            tagger: Some(tagger),
            parser: Some(parser),
        })
    }

    /// Cleaning + segmentation + the embedded tagger, no parse.
    pub fn without_parser() -> Prep {
        Prep {
            tagger: Tagger::embedded().ok(),
            parser: None,
        }
    }

    /// Cleaning + segmentation only.
    pub fn segment_only() -> Prep {
        Prep {
            tagger: None,
            parser: None,
        }
    }

    pub fn describe(&self) -> &'static str {
        match (&self.tagger, &self.parser) {
            (Some(_), Some(_)) => "clean+segment+tagger+parser",
            (Some(_), None) => "clean+segment+tagger",
            _ => "clean+segment",
        }
    }

    pub fn run(&self, doc: &mut Doc) {
        according_text::clean(doc);
        according_text::segment(doc);
        if let Some(t) = &self.tagger {
            // A tagging or parsing failure leaves the tokens bare; extraction still runs.
            if t.process(doc).is_ok() {
                if let Some(p) = &self.parser {
                    let _ = p.process(doc);
                }
            }
        }
    }
}
