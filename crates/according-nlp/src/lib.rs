//! `according-nlp`: the NLP core as one [`Pipeline`] of [`Component`]s —
//! clean → segment → tag → parse → NER — each a `Doc → Doc` stage.
//!
//! Models are loaded once (embedded defaults, or `--model DIR` with `tagger.bin`, `parser.bin`,
//! `ner.bin`) and shared across threads; [`Pipeline::process`] is `&self`.
//!
//! ```no_run
//! use according_core::Doc;
//! let nlp = according_nlp::Pipeline::embedded().unwrap();
//! let mut doc = Doc::new("d", "inline", "Ivanov said the talks failed.");
//! nlp.process(&mut doc).unwrap();
//! assert!(doc.tokens.iter().all(|t| t.upos.is_some()));
//! ```

use according_core::{Component, Doc, DocError, Stage};
use std::path::Path;
use std::sync::Arc;

/// Cleaning (`according_text::clean`) as a component.
struct Clean;
impl Component for Clean {
    fn name(&self) -> &'static str {
        "clean"
    }
    fn process(&self, doc: &mut Doc) -> Result<(), DocError> {
        according_text::clean(doc);
        Ok(())
    }
}

/// Segmentation (`according_text::segment`) as a component.
struct Segment;
impl Component for Segment {
    fn name(&self) -> &'static str {
        "segment"
    }
    fn process(&self, doc: &mut Doc) -> Result<(), DocError> {
        according_text::segment(doc);
        Ok(())
    }
}

/// A model-backed stage that can come from the binary or from a file.
trait Loadable: Component + Sized + 'static {
    fn embedded() -> Result<Self, String>;
    fn load(path: &Path) -> Result<Self, String>;
}

macro_rules! loadable {
    ($ty:ty) => {
        impl Loadable for $ty {
            fn embedded() -> Result<Self, String> {
                <$ty>::embedded()
            }
            fn load(path: &Path) -> Result<Self, String> {
                <$ty>::load(path)
            }
        }
    };
}
loadable!(according_tagger::Tagger);
loadable!(according_parser::Parser);
loadable!(according_ner::Ner);

/// One stage's model: from `DIR/file` when the directory has it (then it must load), else the
/// embedded one; an embedded model this build lacks is skipped with a warning, so the rest of
/// the pipeline still runs.
fn load<M: Loadable>(models: Models<'_>, file: &str) -> Result<Option<Arc<dyn Component>>, String> {
    if let Models::Dir(d) = models {
        let path = d.join(file);
        if path.exists() {
            return Ok(Some(Arc::new(M::load(&path)?)));
        }
    }
    match M::embedded() {
        Ok(m) => Ok(Some(Arc::new(m))),
        Err(e) => {
            eprintln!("according: warning: {file} skipped: {e}");
            Ok(None)
        }
    }
}

/// An ordered list of components, run one after the other on each document.
#[derive(Clone, Default)]
pub struct Pipeline {
    components: Vec<Arc<dyn Component>>,
}

/// Where the models come from.
#[derive(Debug, Clone, Copy)]
pub enum Models<'a> {
    /// The models compiled into the binary.
    Embedded,
    /// A directory with `tagger.bin`, `parser.bin`, `ner.bin`; a missing file falls back to
    /// the embedded model of that component.
    Dir(&'a Path),
}

impl Pipeline {
    /// An empty pipeline; add stages with [`Pipeline::push`].
    pub fn new() -> Self {
        Pipeline::default()
    }

    /// clean → segment → tag → parse → NER with the embedded models.
    pub fn embedded() -> Result<Self, String> {
        Self::standard(Models::Embedded)
    }

    /// clean → segment → tag → parse → NER with the given models.
    ///
    /// The three models are decoded concurrently (one thread each): loading is mostly
    /// decompression and table building, independent per model, so the wait before the first
    /// document is the slowest model's load rather than the sum.
    pub fn standard(models: Models<'_>) -> Result<Self, String> {
        let (tagger, parser, ner) = std::thread::scope(|s| {
            let tagger = s.spawn(|| load::<according_tagger::Tagger>(models, "tagger.bin"));
            let parser = s.spawn(|| load::<according_parser::Parser>(models, "parser.bin"));
            let ner = load::<according_ner::Ner>(models, "ner.bin");
            let join = |h: std::thread::ScopedJoinHandle<'_, _>| {
                h.join()
                    .unwrap_or_else(|_| Err("model loading panicked".to_string()))
            };
            (join(tagger), join(parser), ner)
        });
        let mut p = Pipeline::new().push(Clean).push(Segment);
        for stage in [tagger?, parser?, ner?].into_iter().flatten() {
            p = p.push_arc(stage);
        }
        Ok(p)
    }

    /// Only clean → segment (what `according extract` runs).
    pub fn text_only() -> Self {
        Pipeline::new().push(Clean).push(Segment)
    }

    /// Append a stage.
    pub fn push(mut self, c: impl Component + 'static) -> Self {
        self.components.push(Arc::new(c));
        self
    }

    /// Append a shared stage.
    pub fn push_arc(mut self, c: Arc<dyn Component>) -> Self {
        self.components.push(c);
        self
    }

    /// Names of the stages, in order.
    pub fn stages(&self) -> Vec<&'static str> {
        self.components.iter().map(|c| c.name()).collect()
    }

    /// Run every stage on `doc`. A panic inside a stage (a bug, or hostile input no stage
    /// expected) is caught and reported as that document's error, so a run goes on.
    pub fn process(&self, doc: &mut Doc) -> Result<(), DocError> {
        for c in &self.components {
            let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| c.process(doc)));
            match r {
                Ok(Ok(())) => {}
                Ok(Err(e)) => return Err(e),
                Err(p) => {
                    let msg = p
                        .downcast_ref::<&str>()
                        .map(|s| s.to_string())
                        .or_else(|| p.downcast_ref::<String>().cloned())
                        .unwrap_or_else(|| "unknown panic".into());
                    let stage = match c.name() {
                        "clean" => Stage::Clean,
                        "segment" => Stage::Segment,
                        "attribution" | "attrib" => Stage::Attribute,
                        _ => Stage::Nlp,
                    };
                    return Err(DocError::new(
                        doc.source.clone(),
                        stage,
                        format!("internal error in `{}`: {msg}", c.name()),
                    )
                    .with_id(doc.id.clone()));
                }
            }
        }
        Ok(())
    }
}
