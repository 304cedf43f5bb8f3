//! The trained sequence model: averaged-perceptron weights over [`crate::features`], greedy
//! left-to-right decoding under BILOU constraints, and its model file.

use crate::features::{dynamic_features, DocMemory, SentFeats};
use crate::gazetteer::{build_matcher, Matcher};
use crate::labels::{allowed, decode, TokenSpan, N_LABELS};
use crate::prior::CasePrior;
use according_ml::modelfile::{ByteReader, ByteWriter, ModelFile};
use according_ml::perceptron::Weights;

pub const KIND: &str = "ner";
pub const FORMAT_VERSION: u32 = 1;

pub struct Model {
    pub weights: Weights,
    pub prior: CasePrior,
    pub matcher: Matcher,
    /// Outlet names stored with the model (the US newspaper list), also in `matcher`.
    pub extra_outlets: Vec<String>,
    /// Person names stored with the model (`F\tName`, `L\tName`), also in `matcher`.
    pub person_names: Vec<String>,
    pub provenance: serde_json::Value,
}

/// Reusable decoding buffers.
#[derive(Default)]
pub struct Scratch {
    pub sf: SentFeats,
    feats: Vec<u64>,
    scores: Vec<f32>,
    pub labels: Vec<usize>,
}

/// Best label allowed after `prev` (sentence end is not enforced: decoding is lenient).
pub fn constrained_argmax(scores: &[f32], prev: Option<usize>) -> usize {
    let mut best = usize::MAX;
    for (l, &s) in scores.iter().enumerate() {
        if allowed(prev, l) && (best == usize::MAX || s > scores[best]) {
            best = l;
        }
    }
    best.min(N_LABELS - 1)
}

impl Model {
    pub fn new(
        weights: Weights,
        prior: CasePrior,
        extra_outlets: Vec<String>,
        person_names: Vec<String>,
        provenance: serde_json::Value,
    ) -> Model {
        let matcher = build_matcher(&extra_outlets, &person_names);
        Model {
            weights,
            prior,
            matcher,
            extra_outlets,
            person_names,
            provenance,
        }
    }

    /// Tag one sentence; spans are left in `scratch.labels` (BILOU) and returned.
    pub fn tag(&self, words: &[&str], memory: &DocMemory, scratch: &mut Scratch) -> Vec<TokenSpan> {
        scratch.sf.compute(words, &self.prior, &self.matcher);
        scratch.labels.clear();
        for i in 0..words.len() {
            scratch.feats.clear();
            scratch.feats.extend_from_slice(scratch.sf.static_ids(i));
            dynamic_features(
                &scratch.sf,
                i,
                &scratch.labels,
                memory,
                words,
                &mut scratch.feats,
            );
            self.weights.scores(&scratch.feats, &mut scratch.scores);
            let prev = scratch.labels.last().copied();
            scratch
                .labels
                .push(constrained_argmax(&scratch.scores, prev));
        }
        decode(&scratch.labels)
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut m = ModelFile::new(KIND, FORMAT_VERSION, self.provenance.clone());
        let mut w = ByteWriter::default();
        self.weights.write(&mut w);
        m.add("weights", w.into_inner());
        let mut w = ByteWriter::default();
        self.prior.write(&mut w);
        m.add("case_prior", w.into_inner());
        let mut w = ByteWriter::default();
        w.strs(&self.extra_outlets);
        m.add("extra_outlets", w.into_inner());
        let mut w = ByteWriter::default();
        w.strs(&self.person_names);
        m.add("person_names", w.into_inner());
        m.to_bytes()
    }

    pub fn from_bytes(data: &[u8]) -> Result<Model, String> {
        let m = ModelFile::from_bytes(data, KIND, FORMAT_VERSION)?;
        let weights = Weights::read(&mut ByteReader::new(m.section("weights")?))?;
        if weights.n_classes() != N_LABELS {
            return Err(format!(
                "ner model has {} labels, expected {N_LABELS}",
                weights.n_classes()
            ));
        }
        let prior = CasePrior::read(&mut ByteReader::new(m.section("case_prior")?))?;
        let extra = ByteReader::new(m.section("extra_outlets")?).strs()?;
        let names = ByteReader::new(m.section("person_names")?).strs()?;
        Ok(Model::new(
            weights,
            prior,
            extra,
            names,
            m.header.provenance,
        ))
    }
}
