//! `according-ner`: named-entity recognition for news, pure Rust at runtime.
//!
//! An averaged-perceptron BILOU tagger (greedy, lenient decoding) over word, affix, shape,
//! capitalisation-prior, word-cluster, typed-silver-prior, capitalised-run, gazetteer and
//! document-memory features finds PER/ORG/LOC names as UniversalNER annotates them (trained on
//! UniversalNER EWT, GUM entities and agreement-filtered spaCy silver over news, three times
//! with different shuffles and averaged; see [`train`] and [`average`]); a second stage
//! ([`span_typer`]) re-decides each name's type from features of the whole span, and
//! [`propagate`] brings back the surnames of people the document named in full that the
//! tagger missed; [`refine`] then types them for news: `PERSON`, `ORG`,
//! `OUTLET` (news outlets, from [`gazetteer::outlets`]), `GPE`, `LOC`, `FAC`, plus `NORP`
//! (demonyms) and `DATE` (by rule).
//!
//! ```no_run
//! use according_ner::Ner;
//! let ner = Ner::embedded().unwrap();
//! let words = ["Russian", "President", "Vladimir", "Putin", "spoke", "to", "the", "BBC", "."];
//! for m in ner.recognize(&words) {
//!     println!("{} {}", words[m.start..m.end].join(" "), m.kind.name());
//! }
//! // Russian NORP / Vladimir Putin PERSON / BBC OUTLET
//! ```
//!
//! As a pipeline stage ([`according_core::Component`]) it reads `doc.tokens` (by sentence) and
//! writes `doc.mentions` with byte spans into the original text.

// Token loops index several parallel arrays (words, labels, gazetteer positions) at once.
#![allow(clippy::needless_range_loop)]

pub mod average;
pub mod clusters;
pub mod companies;
pub mod data;
pub mod dates;
pub mod eval;
pub mod features;
pub mod gazetteer;
pub mod labels;
mod lanes;
pub mod model;
pub mod prior;
pub mod propagate;
pub mod refine;
pub mod scoring;
pub mod span_typer;
pub mod train;
pub mod typeprior;
mod word_buckets;

use according_core::{Component, Doc, DocError, Mention, Span};
use features::DocMemory;
use model::{Model, Scratch};
pub use refine::{EntityType, WordMention};
use std::path::Path;

/// The named-entity recognizer: load once, share across threads.
pub struct Ner {
    model: Model,
}

/// File name of the model inside a `--model DIR`.
pub const MODEL_FILE: &str = "ner.bin";

impl Ner {
    pub fn from_model(model: Model) -> Ner {
        Ner { model }
    }

    /// The committed default model (`models/ner.bin`, embedded at build time).
    pub fn embedded() -> Result<Ner, String> {
        static BYTES: &[u8] =
            include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../models/ner.bin"));
        Ner::from_bytes(BYTES).map_err(|e| format!("embedded ner model: {e}"))
    }

    pub fn from_bytes(data: &[u8]) -> Result<Ner, String> {
        Model::from_bytes(data).map(Ner::from_model)
    }

    /// Load `path` (a model file, or a directory holding `ner.bin`).
    pub fn load(path: &Path) -> Result<Ner, String> {
        let file = if path.is_dir() {
            path.join(MODEL_FILE)
        } else {
            path.to_path_buf()
        };
        let data = std::fs::read(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        Ner::from_bytes(&data).map_err(|e| format!("{}: {e}", file.display()))
    }

    pub fn model(&self) -> &Model {
        &self.model
    }

    /// Entities of one sentence, on its own.
    pub fn recognize(&self, words: &[&str]) -> Vec<WordMention> {
        let mut rec = self.document();
        rec.sentence(words)
    }

    /// A recognizer for the sentences of one document, in order (later sentences use what
    /// earlier ones found).
    pub fn document(&self) -> DocRecognizer<'_> {
        let scratch = SPARE_SCRATCH
            .try_with(|s| s.borrow_mut().take())
            .ok()
            .flatten()
            .unwrap_or_default();
        DocRecognizer {
            model: &self.model,
            memory: DocMemory::default(),
            names: propagate::DocNames::default(),
            companies: companies::DocCompanies::default(),
            scratch,
        }
    }
}

thread_local! {
    /// Decoding buffers handed from one document's recognizer to the next on each thread: a
    /// fresh set per document regrew every buffer and per-token string (about 5% of the
    /// recognizer's instructions on BBC articles). They hold nothing across sentences.
    static SPARE_SCRATCH: std::cell::RefCell<Option<Scratch>> = const { std::cell::RefCell::new(None) };
}

impl Drop for DocRecognizer<'_> {
    fn drop(&mut self) {
        let scratch = std::mem::take(&mut self.scratch);
        // During thread teardown the slot may be gone: the buffers are then just freed.
        let _ = SPARE_SCRATCH.try_with(|s| *s.borrow_mut() = Some(scratch));
    }
}

/// Recognizes the sentences of one document in order.
pub struct DocRecognizer<'a> {
    model: &'a Model,
    memory: DocMemory,
    names: propagate::DocNames,
    companies: companies::DocCompanies,
    scratch: Scratch,
}

impl DocRecognizer<'_> {
    pub fn sentence(&mut self, words: &[&str]) -> Vec<WordMention> {
        if words.is_empty() {
            return Vec::new();
        }
        let mut spans = self.model.tag(words, &self.memory, &mut self.scratch);
        self.model.retype(words, &mut spans, &mut self.scratch);
        self.names.extend(words, &self.scratch.sf, &mut spans);
        self.names.learn(words, &self.scratch.sf, &spans);
        self.memory.learn(&self.scratch.sf, &spans);
        let mut mentions = refine::refine(
            words,
            &spans,
            self.scratch.sf.matches(),
            &self.model.matcher,
        );
        let matcher = &self.model.matcher;
        self.companies
            .retype(words, &mut mentions, |w| is_known_place(matcher, w));
        mentions
    }

    /// Once the document is read: a mention of `name` typed `kind` in it, as the whole
    /// document shows it (a one-word person or unknown place it showed to be a company is an
    /// organisation everywhere, its headline too).
    pub fn settled(&self, name: &str, kind: EntityType) -> EntityType {
        let matcher = &self.model.matcher;
        if self
            .companies
            .settled_company(name, kind, |w| is_known_place(matcher, w))
        {
            EntityType::Org
        } else {
            kind
        }
    }

    /// [`DocRecognizer::settled`] for every mention (as [`Ner`] reports them).
    pub fn settle(&self, mentions: &mut [Mention]) {
        for m in mentions.iter_mut() {
            if let Some(kind) = EntityType::from_name(&m.kind) {
                m.kind = self.settled(&m.text, kind).name().to_string();
            }
        }
    }
}

/// The gazetteer knows `word` for a country, city or region.
fn is_known_place(matcher: &gazetteer::Matcher, word: &str) -> bool {
    matcher
        .types_of(word)
        .iter()
        .any(|t| matches!(t, gazetteer::GazType::Gpe | gazetteer::GazType::Loc))
}

impl Component for Ner {
    fn name(&self) -> &'static str {
        "ner"
    }

    fn process(&self, doc: &mut Doc) -> Result<(), DocError> {
        let mut rec = self.document();
        let mut mentions = Vec::new();
        let mut words: Vec<&str> = Vec::new();
        for range in doc.sentence_token_ranges() {
            let toks = &doc.tokens[range];
            words.clear();
            words.extend(toks.iter().map(|t| t.text.as_str()));
            for m in rec.sentence(&words) {
                let (start, end) = (toks[m.start].span.start, toks[m.end - 1].span.end);
                if start > end {
                    continue; // tokens out of order: not a span we can report
                }
                let span = Span::new(start, end);
                let Some(text) = doc.text.get(span.start..span.end) else {
                    continue;
                };
                mentions.push(Mention {
                    span,
                    text: text.to_string(),
                    kind: m.kind.name().to_string(),
                });
            }
        }
        rec.settle(&mut mentions);
        doc.mentions = mentions;
        Ok(())
    }
}

#[cfg(test)]
mod scratch_reuse_tests {
    use super::*;

    /// Buffers handed from one document to the next change nothing: a document recognised
    /// after another gives the mentions it gets on a fresh thread.
    #[test]
    fn a_document_after_another_gets_the_same_mentions() {
        let ner = Ner::embedded().unwrap();
        let long = "Russian Defense Minister Sergei Ivanov told Corriere della Sera in Rome that \
                    the Korean People 's Army ( KPA ) and Reuters reported nothing .";
        let short = "Ivanov met Blair in London .";
        let run = |text: &str| {
            let words: Vec<&str> = text.split(' ').collect();
            let mut rec = ner.document();
            format!("{:?}", rec.sentence(&words))
        };
        let fresh = std::thread::scope(|s| s.spawn(|| run(short)).join().unwrap());
        let _ = run(long);
        assert_eq!(run(short), fresh);
        assert!(fresh.contains("start: 4, end: 5, kind: Gpe"), "{fresh}");
    }

    /// More word types than the per-thread caches hold (so they start over, here right when
    /// the sentence checked comes: its words take the numbers of words cached before) change
    /// nothing either.
    #[test]
    fn caches_starting_over_change_nothing() {
        let ner = Ner::embedded().unwrap();
        let text = "Russian Defense Minister Sergei Ivanov told Corriere della Sera in Rome that \
                    Reuters and the BBC reported nothing , Ivanov said .";
        let words: Vec<&str> = text.split(' ').collect();
        let run = || format!("{:?}", ner.recognize(&words));
        let fresh = std::thread::scope(|s| s.spawn(run).join().unwrap());
        let after_restart = std::thread::scope(|s| {
            s.spawn(|| {
                // Distinct new words up to just below the limit, then the sentence checked.
                let chunks = (features::LEX_CACHE_MAX - 10) / 25;
                for c in 0..chunks {
                    let filler: Vec<String> = (0..25).map(|i| format!("Word{c}x{i}")).collect();
                    let s: Vec<&str> = filler.iter().map(String::as_str).collect();
                    let _ = ner.recognize(&s);
                }
                assert!(chunks * 25 + words.len() > features::LEX_CACHE_MAX);
                run()
            })
            .join()
            .unwrap()
        });
        assert_eq!(after_restart, fresh);
    }

    /// One "sentence" with more distinct words than the caches hold (unsegmented text) is
    /// recognised like any other, without the caches getting in the way.
    #[test]
    fn a_sentence_longer_than_the_caches() {
        let ner = Ner::embedded().unwrap();
        let mut text: Vec<String> = (0..features::LEX_CACHE_MAX * 2 + 100)
            .map(|i| format!("w{i}"))
            .collect();
        text.extend(["Ivanov", "met", "Blair", "in", "London", "."].map(String::from));
        let words: Vec<&str> = text.iter().map(String::as_str).collect();
        let found = ner.recognize(&words);
        let n = words.len();
        assert!(
            found.iter().any(|m| (m.start, m.end) == (n - 2, n - 1)),
            "{found:?}"
        );
    }
}
