//! The tagger model: joint `UPOS|XPOS` tags predicted greedily left to right by an averaged
//! perceptron, then lemmas from the predicted XPOS.

use crate::features::{context_features, word_features, Scratch, TokenInfo, START1, START2};
use crate::lemmatizer::Lemmatizer;
use crate::lexicon::Lexicon;
use crate::weights::Weights;
use according_ml::modelfile::ModelFile;
use std::borrow::Cow;
use std::path::Path;

/// One joint tag of the model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JointTag {
    pub upos: Box<str>,
    pub xpos: Box<str>,
}

/// The analysis of one word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag<'m> {
    pub upos: &'m str,
    pub xpos: &'m str,
    pub lemma: Cow<'m, str>,
}

/// Reusable buffers for tagging (one per thread); [`Tagger::tag`] makes a fresh one. Keeping
/// one across calls also keeps its cache of word scores warm.
#[derive(Default)]
pub struct TagScratch {
    infos: Vec<TokenInfo>,
    feats: Vec<u64>,
    acc: Vec<i32>,
    word: Scratch,
    words: WordScores,
}

/// Scores of the word-only features ([`word_features`]) per word form: news repeats its words,
/// so most tokens need only their context features looked up. Integer sums, so the tags are
/// exactly those computed without the cache.
#[derive(Default)]
struct WordScores {
    /// The [`Tagger::id`] the scores belong to.
    owner: u64,
    /// Form hash → offset of its row in `rows`.
    index: according_ml::perceptron::IdMap<u32>,
    rows: Vec<i32>,
}

/// Word types cached before the cache starts over (bounds memory: ~50 classes × 4 bytes each).
const WORD_CACHE_MAX: usize = 1 << 15;

/// Source of [`Tagger::id`]s.
static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// A fresh model id: every new or changed set of weights gets one.
pub(crate) fn next_id() -> u64 {
    NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// Part-of-speech tagger and lemmatizer. Loaded once, shared across threads.
#[derive(Debug, Clone)]
pub struct Tagger {
    /// Distinguishes loaded models, so a scratch's word-score cache never serves another one.
    pub(crate) id: u64,
    pub(crate) tags: Vec<JointTag>,
    pub(crate) weights: Weights,
    pub(crate) lexicon: Lexicon,
    pub(crate) lemmatizer: Lemmatizer,
    pub(crate) provenance: serde_json::Value,
}

/// Model-file kind and section layout version.
pub const KIND: &str = "tagger";
pub const FORMAT_VERSION: u32 = 1;
/// File name inside a `--model DIR`.
pub const FILE_NAME: &str = "tagger.bin";

static EMBEDDED: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../models/tagger.bin"
));

impl Tagger {
    /// The model committed in `models/tagger.bin`, compiled into the binary.
    pub fn embedded() -> Result<Tagger, String> {
        Tagger::from_bytes(EMBEDDED).map_err(|e| format!("embedded tagger model: {e}"))
    }

    /// Load `path`, or `path/tagger.bin` when `path` is a directory.
    pub fn load(path: &Path) -> Result<Tagger, String> {
        let file = if path.is_dir() {
            path.join(FILE_NAME)
        } else {
            path.to_path_buf()
        };
        let data = std::fs::read(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        Tagger::from_bytes(&data).map_err(|e| format!("{}: {e}", file.display()))
    }

    pub fn from_bytes(data: &[u8]) -> Result<Tagger, String> {
        let m = ModelFile::from_bytes(data, KIND, FORMAT_VERSION)?;
        let mut tags = Vec::new();
        for line in std::str::from_utf8(m.section("tags")?)
            .map_err(|_| "tag list is not UTF-8")?
            .lines()
        {
            let (u, x) = line
                .split_once('\t')
                .ok_or_else(|| format!("bad tag line `{line}`"))?;
            tags.push(JointTag {
                upos: u.into(),
                xpos: x.into(),
            });
        }
        let weights = Weights::from_bytes(m.section("weights")?)?;
        if tags.is_empty() || weights.n_classes() != tags.len() {
            return Err("tagger model: weights and tag list disagree".into());
        }
        Ok(Tagger {
            id: next_id(),
            lexicon: Lexicon::from_bytes(m.section("lexicon")?, tags.len())?,
            lemmatizer: Lemmatizer::from_bytes(m.section("lemmatizer")?)?,
            weights,
            tags,
            provenance: m.header.provenance,
        })
    }

    pub fn to_model_file(&self) -> ModelFile {
        let mut m = ModelFile::new(KIND, FORMAT_VERSION, self.provenance.clone());
        let tags: String = self
            .tags
            .iter()
            .map(|t| format!("{}\t{}\n", t.upos, t.xpos))
            .collect();
        m.add("tags", tags.into_bytes());
        m.add("weights", self.weights.to_bytes());
        m.add("lexicon", self.lexicon.to_bytes());
        m.add("lemmatizer", self.lemmatizer.to_bytes());
        m
    }

    /// Training data, options and dev scores recorded when the model was trained.
    pub fn provenance(&self) -> &serde_json::Value {
        &self.provenance
    }

    pub fn tag_set(&self) -> &[JointTag] {
        &self.tags
    }

    /// Tags and lemmas of one sentence of words (UD tokenization).
    pub fn tag<'m>(&'m self, words: &[&str]) -> Vec<Tag<'m>> {
        let mut scratch = TagScratch::default();
        let mut ids = Vec::new();
        self.tag_ids(words, &mut scratch, &mut ids);
        words
            .iter()
            .zip(&ids)
            .map(|(w, &t)| {
                let jt = &self.tags[t as usize];
                Tag {
                    upos: &jt.upos,
                    xpos: &jt.xpos,
                    lemma: self.lemmatizer.lemma(w, &jt.xpos),
                }
            })
            .collect()
    }

    /// The joint tag of each word as an index into [`Tagger::tag_set`] (no lemmas, no
    /// allocation once the buffers are warm).
    pub fn tag_ids(&self, words: &[&str], s: &mut TagScratch, out: &mut Vec<u16>) {
        s.infos.clear();
        s.infos.push(TokenInfo::pad(1));
        s.infos.push(TokenInfo::pad(2));
        for w in words {
            s.infos
                .push(TokenInfo::compute(w, &self.lexicon, &mut s.word));
        }
        s.infos.push(TokenInfo::pad(3));
        s.infos.push(TokenInfo::pad(4));
        out.clear();
        let n = self.tags.len();
        s.acc.resize(n, 0);
        if s.words.owner != self.id || s.words.index.len() >= WORD_CACHE_MAX {
            s.words.owner = self.id;
            s.words.index.clear();
            s.words.rows.clear();
        }
        let (mut p1, mut p2) = (START1, START2);
        for i in 0..words.len() {
            let t = match self.lexicon.dict_tag(s.infos[i + 2].form) {
                Some(t) => t,
                None => {
                    let form = s.infos[i + 2].form;
                    match s.words.index.get(&form) {
                        Some(&at) => {
                            let at = at as usize;
                            s.acc.copy_from_slice(&s.words.rows[at..at + n]);
                        }
                        None => {
                            s.feats.clear();
                            word_features(&s.infos[i + 2], &mut s.feats);
                            s.acc.iter_mut().for_each(|x| *x = 0);
                            self.weights.add_scores(&s.feats, &mut s.acc);
                            s.words.index.insert(form, s.words.rows.len() as u32);
                            s.words.rows.extend_from_slice(&s.acc);
                        }
                    }
                    s.feats.clear();
                    context_features(&s.infos, i, p1, p2, &mut s.feats);
                    self.weights.add_scores(&s.feats, &mut s.acc);
                    best(&s.acc) as u16
                }
            };
            out.push(t);
            p2 = p1;
            p1 = t as u64;
        }
    }

    /// Replace the weights (training), under a new id so no cached word scores survive.
    pub(crate) fn set_weights(&mut self, weights: Weights) {
        self.weights = weights;
        self.id = next_id();
    }

    /// UPOS and XPOS of a joint tag id.
    pub fn tag_names(&self, id: u16) -> (&str, &str) {
        let t = &self.tags[id as usize];
        (&t.upos, &t.xpos)
    }

    /// Lemma of `word` given its XPOS.
    pub fn lemma<'m>(&'m self, word: &str, xpos: &str) -> Cow<'m, str> {
        self.lemmatizer.lemma(word, xpos)
    }
}

/// Index of the highest score, first on ties.
#[inline]
pub(crate) fn best(acc: &[i32]) -> usize {
    let mut b = 0;
    for (i, &x) in acc.iter().enumerate() {
        if x > acc[b] {
            b = i;
        }
    }
    b
}
