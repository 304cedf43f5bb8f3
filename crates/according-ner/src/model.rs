//! The trained sequence model: averaged-perceptron weights over [`crate::features`], greedy
//! left-to-right decoding under BILOU constraints, and its model file.

use crate::clusters::WordClusters;
use crate::features::{
    dynamic_features, history_other_features, history_word_features, DocMemory, LexCache, Role,
    SentFeats, LEX_CACHE_MAX,
};
use crate::gazetteer::{build_matcher, Matcher};
use crate::labels::{allowed, decode, label, split, Pos, TokenSpan, KINDS, N_LABELS, O};
use crate::lanes::Lanes;
use crate::prior::CasePrior;
use crate::scoring::FastWeights;
use crate::span_typer::SpanTyper;
use crate::typeprior::TypePrior;
use according_ml::huge::{HugeVec, Zeroable};
use according_ml::modelfile::{ByteReader, ByteWriter, ModelFile};
use according_ml::perceptron::Weights;

pub const KIND: &str = "ner";
pub const FORMAT_VERSION: u32 = 3;

pub struct Model {
    /// The perceptron weights as [`Weights::write`] serialises them (kept to save the model).
    weights_bytes: Vec<u8>,
    /// The same weights laid out for fast lookups.
    fast: FastWeights,
    /// This model's id for the per-thread word-score cache.
    id: u64,
    pub prior: CasePrior,
    pub clusters: WordClusters,
    pub typed: TypePrior,
    pub matcher: Matcher,
    /// Outlet names stored with the model (the US newspaper list), also in `matcher`.
    pub extra_outlets: Vec<String>,
    /// Person names stored with the model (`F\tName`, `L\tName`), also in `matcher`.
    pub person_names: Vec<String>,
    pub provenance: serde_json::Value,
    /// Second-stage span typing (absent in older model files).
    pub typer: Option<SpanTyper>,
}

/// Per thread, for the model `model`, the scores each word type (by raw form) contributes
/// on its own: as the token being tagged ([`SentFeats::word_features`]; not sentence-opening,
/// opening) and as each neighbour of it ([`SentFeats::neighbour_features`]). Words repeat
/// across documents (`the`, `said`, `Blair`), so most tokens only add a few rows. Integer
/// sums: the scores are exactly those of the features looked up one by one.
struct WordScores {
    model: u64,
    /// Per [`LexCache`] entry (same numbering), the word's block. On huge pages: blocks are
    /// read at random over megabytes, which with 4 KB pages would mostly miss the TLB.
    blocks: HugeVec<WordBlock>,
    /// Per block, bit r: row r computed (the word rows on first need; the role rows all at
    /// once).
    have: Vec<u8>,
    /// The [`LexCache::generation`] the blocks are numbered for.
    generation: u64,
    /// What the model's lexicons say about each word type.
    lex: LexCache,
}

impl Default for WordScores {
    fn default() -> Self {
        WordScores {
            model: 0,
            blocks: HugeVec::with_capacity(LEX_CACHE_MAX),
            have: Vec::new(),
            generation: 0,
            lex: LexCache::default(),
        }
    }
}

/// Rows: the word tagged (not opening the sentence, opening it), then as [`Role::ALL`], then
/// its [`history_word_features`] after an `O` (the label before most tokens).
#[derive(Clone, Copy)]
struct WordBlock {
    rows: [Row; 7],
}

/// One row of label scores, alone on its cache line: a token reads single rows of several
/// words' blocks, and a row across two lines would cost two loads from memory.
#[derive(Clone, Copy)]
#[repr(C, align(64))]
struct Row([i32; N_LABELS]);

// SAFETY: all-zero bytes are a valid `WordBlock` (integers only): zero scores, nothing computed.
unsafe impl Zeroable for WordBlock {}

/// Row of the first [`Role`] in a [`WordBlock`].
const ROLE_ROWS: usize = 2;

/// Row of the history features after an `O` in a [`WordBlock`].
const AFTER_O_ROW: usize = 6;

/// [`WordScores::have`] with the role rows and the after-`O` row computed.
const HAVE_ROLES: u8 = 0b111_1100;

thread_local! {
    static WORD_SCORES: std::cell::RefCell<WordScores> = Default::default();
}

/// Distinct ids for loaded models (0: none), so a thread's cache never serves another model.
static NEXT_MODEL_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// Tokens whose feature slots are being fetched ahead of scoring.
const PREFETCH_AHEAD: usize = 1;

/// Reusable decoding buffers.
#[derive(Default)]
pub struct Scratch {
    pub sf: SentFeats,
    feats: Vec<u64>,
    /// Static scores of every token.
    acc: Vec<[i32; N_LABELS]>,
    pub labels: Vec<usize>,
    /// Every token's final label scores (static + dynamic).
    pub label_scores: Vec<[i32; N_LABELS]>,
    /// The tagger's per-kind scores of each span being re-typed.
    span_scores: Vec<[f32; 3]>,
    /// Per token, its word's block in the per-thread word cache.
    block_at: Vec<usize>,
    /// Per token, the scores of its history features over its word after an `O`.
    after_o: Vec<[i32; N_LABELS]>,
}

/// Best label allowed after `prev` (sentence end is not enforced: decoding is lenient).
pub fn constrained_argmax<T: PartialOrd + Copy>(scores: &[T], prev: Option<usize>) -> usize {
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
        clusters: WordClusters,
        typed: TypePrior,
        extra_outlets: Vec<String>,
        person_names: Vec<String>,
        provenance: serde_json::Value,
    ) -> Result<Model, String> {
        let mut w = ByteWriter::default();
        weights.write(&mut w);
        Model::from_parts(
            w.into_inner(),
            prior,
            clusters,
            typed,
            extra_outlets,
            person_names,
            provenance,
        )
    }

    /// A model from serialised weights and its other parts.
    pub fn from_parts(
        weights_bytes: Vec<u8>,
        prior: CasePrior,
        clusters: WordClusters,
        typed: TypePrior,
        extra_outlets: Vec<String>,
        person_names: Vec<String>,
        provenance: serde_json::Value,
    ) -> Result<Model, String> {
        let matcher = build_matcher(&extra_outlets, &person_names);
        let fast = FastWeights::from_bytes(&weights_bytes)?;
        Ok(Model {
            weights_bytes,
            fast,
            id: NEXT_MODEL_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            prior,
            clusters,
            typed,
            matcher,
            extra_outlets,
            person_names,
            provenance,
            typer: None,
        })
    }

    /// Tag one sentence greedily; labels are left in `scratch.labels` (BILOU), spans returned.
    pub fn tag(&self, words: &[&str], memory: &DocMemory, scratch: &mut Scratch) -> Vec<TokenSpan> {
        let n = words.len();
        scratch.acc.clear();
        scratch.acc.resize(n, [0; N_LABELS]);
        WORD_SCORES.with(|cache| {
            let cache = &mut *cache.borrow_mut();
            if cache.model != self.id {
                cache.model = self.id;
                cache.lex.clear();
            }
            // The word-only and neighbour-only features are left out: their scores come from
            // the word cache, and only words missing from it have them computed.
            scratch.sf.compute_context(
                words,
                &self.prior,
                &self.clusters,
                &self.typed,
                &self.matcher,
                &mut cache.lex,
            );
            // Blocks are numbered as the lexicon cache's entries (which may have started over).
            if cache.generation != cache.lex.generation() {
                cache.generation = cache.lex.generation();
                cache.blocks.clear();
                cache.have.clear();
            }
            let want = cache.lex.len();
            if !cache.blocks.resize_zeroed(want) {
                // One sentence with more word types than the cache holds: a bigger buffer,
                // every block computed afresh.
                cache.blocks = HugeVec::with_capacity(want.next_power_of_two());
                cache.blocks.resize_zeroed(want);
                cache.have.clear();
            }
            cache.have.resize(want, 0);
            // Every token's block first (loads started), then the rows it lacks.
            scratch.block_at.clear();
            for k in 0..n {
                let b = scratch.sf.lex_entry(k);
                prefetch_block(&cache.blocks[b]);
                scratch.block_at.push(b);
            }
            for k in 0..n {
                self.fill_block(words, k, scratch.block_at[k], cache, scratch);
            }
            for i in 0..n.min(PREFETCH_AHEAD) {
                self.fast.prefetch(scratch.sf.static_ids(i));
            }
            let at = &scratch.block_at;
            let row = |k: usize, r: usize| &cache.blocks[at[k]].rows[r].0;
            for i in 0..n {
                if i + PREFETCH_AHEAD < n {
                    self.fast
                        .prefetch(scratch.sf.static_ids(i + PREFETCH_AHEAD));
                }
                let mut acc = Lanes::load(row(i, SentFeats::initial(words, i) as usize));
                let neighbours = [(i >= 1).then(|| i - 1), (i >= 2).then(|| i - 2)]
                    .into_iter()
                    .chain([i + 1, i + 2].map(|k| (k < n).then_some(k)));
                for (r, k) in neighbours.enumerate() {
                    if let Some(k) = k {
                        acc.add(row(k, ROLE_ROWS + r));
                    }
                }
                self.fast.add_to_lanes(scratch.sf.static_ids(i), &mut acc);
                acc.store(&mut scratch.acc[i]);
            }
            scratch.after_o.clear();
            scratch.after_o.extend((0..n).map(|i| *row(i, AFTER_O_ROW)));
        });
        scratch.labels.clear();
        scratch.label_scores.clear();
        for i in 0..n {
            scratch.feats.clear();
            let mut lanes = Lanes::load(&scratch.acc[i]);
            let prev = scratch.labels.last().copied();
            if prev == Some(O) {
                // The word's history features after an `O` come from the word cache.
                lanes.add(&scratch.after_o[i]);
                let y2 = i.checked_sub(2).map(|k| scratch.labels[k]);
                history_other_features(&scratch.sf, i, O, y2, memory, &mut scratch.feats);
            } else {
                dynamic_features(&scratch.sf, i, &scratch.labels, memory, &mut scratch.feats);
            }
            self.fast.add_to_lanes(&scratch.feats, &mut lanes);
            let mut s = [0; N_LABELS];
            lanes.store(&mut s);
            let mut best = constrained_argmax(&s, prev);
            // An open name followed by a capitalised word continues through it (`[Sergei
            // Ivanov]`) rather than stopping unclosed.
            if best == O && scratch.sf.is_cap(i) {
                if let Some((k, Pos::B | Pos::I)) = prev.and_then(split) {
                    let (i_l, l_l) = (label(k, Pos::I), label(k, Pos::L));
                    best = if s[i_l] > s[l_l] { i_l } else { l_l };
                }
            }
            scratch.labels.push(best);
            scratch.label_scores.push(s);
        }
        decode(&scratch.labels)
    }

    /// Compute the rows sentence `words` needs from block `b` of token k's word.
    fn fill_block(
        &self,
        words: &[&str],
        k: usize,
        b: usize,
        cache: &mut WordScores,
        scratch: &mut Scratch,
    ) {
        let block = &mut cache.blocks[b];
        let have = &mut cache.have[b];
        let init = SentFeats::initial(words, k) as usize;
        if *have & (1 << init) == 0 {
            scratch.feats.clear();
            scratch.sf.word_features(words, k, &mut scratch.feats);
            self.fast
                .add_scores(&scratch.feats, &mut block.rows[init].0);
            *have |= 1 << init;
        }
        if *have & HAVE_ROLES == 0 {
            for (r, role) in Role::ALL.into_iter().enumerate() {
                scratch.feats.clear();
                scratch.sf.neighbour_features(k, role, &mut scratch.feats);
                self.fast
                    .add_scores(&scratch.feats, &mut block.rows[ROLE_ROWS + r].0);
            }
            scratch.feats.clear();
            history_word_features(&scratch.sf, k, O, &mut scratch.feats);
            self.fast
                .add_scores(&scratch.feats, &mut block.rows[AFTER_O_ROW].0);
            *have |= HAVE_ROLES;
        }
    }

    /// The tagger's score of span `[a, b)` opened as each kind, in weight units, from the
    /// scores [`Model::tag`] left in `scratch`: the kind is chosen at the span's first label
    /// (`B` or `U`); the `I`/`L` labels after it only ever compete within one kind, so their
    /// scores say nothing across kinds.
    pub fn span_kind_scores(&self, scratch: &Scratch, a: usize, b: usize) -> [f32; 3] {
        let pos = if b - a == 1 { Pos::U } else { Pos::B };
        KINDS.map(|k| scratch.label_scores[a][label(k, pos)] as f32 * self.fast.scale())
    }

    /// Re-type the spans [`Model::tag`] just found with the second stage, if the model has one.
    pub fn retype(&self, words: &[&str], spans: &mut [TokenSpan], scratch: &mut Scratch) {
        let Some(typer) = &self.typer else { return };
        let mut tagger = std::mem::take(&mut scratch.span_scores);
        tagger.clear();
        tagger.extend(
            spans
                .iter()
                .map(|s| self.span_kind_scores(scratch, s.start, s.end)),
        );
        typer.retype(words, &scratch.sf, spans, &tagger, &mut scratch.feats);
        scratch.span_scores = tagger;
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut m = ModelFile::new(KIND, FORMAT_VERSION, self.provenance.clone());
        m.add("weights", self.weights_bytes.clone());
        let mut w = ByteWriter::default();
        self.prior.write(&mut w);
        m.add("case_prior", w.into_inner());
        let mut w = ByteWriter::default();
        self.clusters.write(&mut w);
        m.add("clusters", w.into_inner());
        let mut w = ByteWriter::default();
        self.typed.write(&mut w);
        m.add("type_prior", w.into_inner());
        let mut w = ByteWriter::default();
        w.strs(&self.extra_outlets);
        m.add("extra_outlets", w.into_inner());
        let mut w = ByteWriter::default();
        w.strs(&self.person_names);
        m.add("person_names", w.into_inner());
        if let Some(typer) = &self.typer {
            let mut w = ByteWriter::default();
            typer.write(&mut w);
            m.add("span_typer", w.into_inner());
        }
        m.to_bytes()
    }

    pub fn from_bytes(data: &[u8]) -> Result<Model, String> {
        let m = ModelFile::from_bytes(data, KIND, FORMAT_VERSION)?;
        let weights = m.section("weights")?.to_vec();
        let prior = CasePrior::read(&mut ByteReader::new(m.section("case_prior")?))?;
        let clusters = WordClusters::read(&mut ByteReader::new(m.section("clusters")?))?;
        let typed = TypePrior::read(&mut ByteReader::new(m.section("type_prior")?))?;
        let extra = ByteReader::new(m.section("extra_outlets")?).strs()?;
        let names = ByteReader::new(m.section("person_names")?).strs()?;
        let typer = match m.section("span_typer") {
            Ok(bytes) => Some(SpanTyper::read(&mut ByteReader::new(bytes))?),
            Err(_) => None,
        };
        let mut model = Model::from_parts(
            weights,
            prior,
            clusters,
            typed,
            extra,
            names,
            m.header.provenance,
        )?;
        model.typer = typer;
        Ok(model)
    }
}

/// Ask the CPU to start loading a word block (a hint).
#[inline]
fn prefetch_block(block: &WordBlock) {
    #[cfg(target_arch = "x86_64")]
    {
        let p = block as *const WordBlock as *const i8;
        for off in (0..std::mem::size_of::<WordBlock>()).step_by(64) {
            // SAFETY: a prefetch is only a hint; `p + off` is inside `block`.
            unsafe {
                std::arch::x86_64::_mm_prefetch(p.add(off), std::arch::x86_64::_MM_HINT_T0);
            }
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = block;
}
