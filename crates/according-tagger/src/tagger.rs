//! The tagger model: joint `UPOS|XPOS` tags predicted greedily left to right by an averaged
//! perceptron, then lemmas from the predicted XPOS.

use crate::features::{
    extract, flag_feature, joint_features_rest, neighbour_features, neighbour_positions,
    tag_history_features, word_features, Neighbour, Scratch, TokenInfo, START1, START2,
};
use crate::hashing::hash_str;
use crate::lemmatizer::Lemmatizer;
use crate::lexicon::Lexicon;
use crate::weights::Weights;
use according_ml::huge::HugeVec;
use according_ml::modelfile::ModelFile;
use std::borrow::Cow;
use std::path::Path;

/// One joint tag of the model. Its names are interned, so a tagged token borrows them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JointTag {
    pub upos: &'static str,
    pub xpos: &'static str,
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
    /// Per padded position, the offset of its word's block in the score cache.
    feats_at: Vec<usize>,
    acc: Vec<i32>,
    word: Scratch,
    words: WordScores,
    /// Per word of the sentence, its XPOS hash and lemma lookup key.
    lemma_keys: Vec<(u64, u64)>,
}

/// Per word form, the scores of the features that depend on that word alone: as the word
/// being tagged ([`word_features`]) and as each of its four neighbours
/// ([`neighbour_features`]). News repeats its words, so most tokens need only their few joint
/// features looked up. Integer sums, so the tags are exactly those computed without the cache
/// (a test compares with [`Tagger::tag_ids_uncached`]). A word is cached from its second
/// occurrence on: most word types occur once, and a block is large (5 rows × ~95 classes).
/// The neighbour rows are kept in 16 bits (less memory to read per token) when every score
/// fits, as nearly always (a word's own row, with more features, often does not: it keeps 32
/// bits); a word with a larger neighbour score is never cached (its features are looked up).
///
/// Also the scores of the joint features with few distinct values and long rows (about 180
/// of the ~220 weights a decision adds): [`flag_feature`] per (flags, sentence-initial) and
/// [`tag_history_features`] per pair of previous tags, each one dense row.
struct WordScores {
    /// The [`Tagger::id`] the scores belong to.
    owner: u64,
    /// Form hash → number of its cached block, [`SEEN_ONCE`] or [`WIDE`].
    index: according_ml::perceptron::IdMap<u32>,
    /// Block b's row as the word itself: `word_rows[b * n..][..n]` (`n` classes); as its
    /// neighbours: `neighbour_rows[b * 4 * n..][..4 * n]`, in `Neighbour::ALL` order. On
    /// huge pages: blocks are read at random over up to [`WORD_CACHE_BYTES`], which with
    /// 4 KB pages would mostly miss the TLB.
    word_rows: HugeVec<i32>,
    neighbour_rows: HugeVec<i16>,
    /// Blocks cached.
    cached: usize,
    /// A block being computed, in full precision.
    block: Vec<i32>,
    /// Per `flags * 2 + initial` (flags < [`FLAG_VALUES`]), the offset of its row in `fixed`
    /// or [`NOT_CACHED`].
    flag_at: Vec<u32>,
    /// Per pair of previous tags ([`Tagger::history_slot`]), the offset of its row in
    /// `fixed` or [`NOT_CACHED`].
    pair_at: Vec<u32>,
    fixed: Vec<i32>,
    /// Rows of zeros: the cached part of a word whose scores are not cached, and a joint
    /// row not cached.
    zero_word: Vec<i16>,
    zero: Vec<i32>,
}

impl Default for WordScores {
    fn default() -> Self {
        WordScores {
            owner: 0,
            index: Default::default(),
            word_rows: HugeVec::with_capacity(WORD_CACHE_BYTES / 4),
            neighbour_rows: HugeVec::with_capacity(WORD_CACHE_BYTES / 2),
            cached: 0,
            block: Vec::new(),
            flag_at: Vec::new(),
            pair_at: Vec::new(),
            fixed: Vec::new(),
            zero_word: Vec::new(),
            zero: Vec::new(),
        }
    }
}

/// Distinct word flag values (six flag bits).
const FLAG_VALUES: u64 = 64;

/// Index value of a row not computed yet.
const NOT_CACHED: u32 = u32::MAX;

/// Index value of a word seen once since the cache started over (its scores not cached yet).
const SEEN_ONCE: u32 = u32::MAX;

/// Index value of a word with a score outside 16 bits (its scores are not cached).
const WIDE: u32 = u32::MAX - 1;

/// Bytes of a cached block for `n` classes: one row of `i32`, four of `i16`.
fn block_bytes(n: usize) -> usize {
    n * 4 + (BLOCK_ROWS - 1) * n * 2
}

/// Rows per cached word: as the word itself, then as `Neighbour::ALL` in order.
const BLOCK_ROWS: usize = 5;

/// Memory for cached scores per thread before the cache starts over: about 22,000 word types
/// seen twice or more, most of the tokens of a news corpus.
const WORD_CACHE_BYTES: usize = 16 << 20;

/// Word forms remembered (seen once or cached) before the cache starts over.
const WORD_INDEX_MAX: usize = 1 << 18;

thread_local! {
    /// One scratch per thread, kept across calls so its word-score cache stays warm.
    static SCRATCH: std::cell::RefCell<TagScratch> = std::cell::RefCell::new(TagScratch::default());
}

/// Run `f` with this thread's scratch (a fresh one if it is already in use on this thread).
pub(crate) fn with_scratch<R>(f: impl FnOnce(&mut TagScratch) -> R) -> R {
    SCRATCH.with(|cell| match cell.try_borrow_mut() {
        Ok(mut scratch) => f(&mut scratch),
        Err(_) => f(&mut TagScratch::default()),
    })
}

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
                upos: according_core::intern::intern(u),
                xpos: according_core::intern::intern(x),
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
        let mut ids = Vec::new();
        let mut out = Vec::with_capacity(words.len());
        with_scratch(|scratch| {
            self.tag_ids(words, scratch, &mut ids);
            self.lemmas(words, &ids, scratch, |i, lemma| {
                let jt = &self.tags[ids[i] as usize];
                out.push(Tag {
                    upos: jt.upos,
                    xpos: jt.xpos,
                    lemma,
                })
            });
        });
        out
    }

    /// The lemma of each of `words`, in order, given to `f` with its index: the words just
    /// tagged `ids` with scratch `s` (whose word hashes it reuses). The lemma table slots of
    /// the whole sentence are requested before any is read, so their cache misses overlap.
    pub(crate) fn lemmas<'m>(
        &'m self,
        words: &[&str],
        ids: &[u16],
        s: &mut TagScratch,
        mut f: impl FnMut(usize, Cow<'m, str>),
    ) {
        s.lemma_keys.clear();
        for (i, &t) in ids.iter().enumerate() {
            let xh = hash_str(self.tags[t as usize].xpos);
            let key = Lemmatizer::exact_key(s.infos[i + 2].form, xh);
            self.lemmatizer.prefetch(key);
            s.lemma_keys.push((xh, key));
        }
        for (i, (w, &t)) in words.iter().zip(ids).enumerate() {
            let (xh, key) = s.lemma_keys[i];
            let xpos = &self.tags[t as usize].xpos;
            f(i, self.lemmatizer.lemma_keyed(w, xpos, xh, key));
        }
    }

    /// The joint tag of each word as an index into [`Tagger::tag_set`] (no lemmas, no
    /// allocation once the buffers are warm).
    pub fn tag_ids(&self, words: &[&str], s: &mut TagScratch, out: &mut Vec<u16>) {
        let n = self.tags.len();
        let block = block_bytes(n);
        if (words.len() + 4) * block > WORD_CACHE_BYTES {
            // A "sentence" longer than the cache (unsegmented text): no caching.
            return self.tag_ids_uncached(words, s, out);
        }
        self.fill_infos(words, s);
        out.clear();
        s.acc.resize(n, 0);
        if s.words.owner != self.id
            || (s.words.cached + s.infos.len()) * block > WORD_CACHE_BYTES
            || s.words.index.len() + s.infos.len() > WORD_INDEX_MAX
        {
            if s.words.owner != self.id {
                s.words.flag_at.clear();
                s.words.flag_at.resize(FLAG_VALUES as usize * 2, NOT_CACHED);
                s.words.pair_at.clear();
                s.words.pair_at.resize((n + 2) * (n + 2), NOT_CACHED);
                s.words.fixed.clear();
                s.words.zero.clear();
                s.words.zero.resize(n, 0);
                s.words.zero_word.clear();
                s.words.zero_word.resize(n, 0);
            }
            s.words.owner = self.id;
            s.words.index.clear();
            s.words.word_rows.clear();
            s.words.neighbour_rows.clear();
            s.words.cached = 0;
        }
        // Every position's block (pads included), so each decision only adds rows.
        let mut at = std::mem::take(&mut s.feats_at);
        at.clear();
        for k in 0..s.infos.len() {
            at.push(self.word_block(k, s));
        }
        let (mut p1, mut p2) = (START1, START2);
        for i in 0..words.len() {
            let t = match self.lexicon.dict_tag(s.infos[i + 2].form) {
                Some(t) => t,
                None => {
                    let flags = self.flag_row(&s.infos[i + 2], i, &mut s.words);
                    let history = self.history_row(p1, p2, &mut s.words);
                    // Row r of the block of the word at padded position k: the word itself,
                    // then its neighbours.
                    let [m1, m2, n1, n2] = neighbour_positions(i);
                    let parts = [(i + 2, 0), (m1, 1), (m2, 2), (n1, 3), (n2, 4)];
                    s.feats.clear();
                    for (k, r) in parts {
                        if at[k] == usize::MAX {
                            match r {
                                0 => word_features(&s.infos[k], &mut s.feats),
                                _ => neighbour_features(
                                    Neighbour::ALL[r - 1],
                                    &s.infos[k],
                                    &mut s.feats,
                                ),
                            }
                        }
                    }
                    if flags.is_none() {
                        s.feats.push(flag_feature(&s.infos[i + 2], i));
                    }
                    if history.is_none() {
                        s.feats.extend(tag_history_features(p1, p2));
                    }
                    joint_features_rest(&s.infos, i, p1, &mut s.feats);
                    // The sparse features' table slots load while the cached rows are summed.
                    self.weights.prefetch(&s.feats);
                    let w = &s.words;
                    let row = |p: usize| &w.fixed[p..p + n];
                    let neighbour_row = |(k, r): (usize, usize)| match at[k] {
                        usize::MAX => &w.zero_word[..n],
                        b => &w.neighbour_rows[(b * 4 + r - 1) * n..][..n],
                    };
                    let [_, m1, m2, n1, n2] = parts;
                    sum_rows(
                        &mut s.acc[..n],
                        match at[i + 2] {
                            usize::MAX => &w.zero[..n],
                            b => &w.word_rows[b * n..][..n],
                        },
                        [m1, m2, n1, n2].map(neighbour_row),
                        [
                            flags.map_or(&w.zero[..n], row),
                            history.map_or(&w.zero[..n], row),
                        ],
                    );
                    self.weights.add_scores(&s.feats, &mut s.acc);
                    best(&s.acc) as u16
                }
            };
            out.push(t);
            p2 = p1;
            p1 = t as u64;
        }
        s.feats_at = at;
    }

    /// Offset in `w.fixed` of the scores of the [`flag_feature`] of word `i` (computed on
    /// first use); `None` for flag values outside the table.
    fn flag_row(&self, info: &TokenInfo, i: usize, w: &mut WordScores) -> Option<usize> {
        if info.flags >= FLAG_VALUES {
            return None;
        }
        let slot = (info.flags * 2) as usize + (i == 0) as usize;
        if w.flag_at[slot] == NOT_CACHED {
            w.flag_at[slot] = self.fixed_row(&[flag_feature(info, i)], w);
        }
        Some(w.flag_at[slot] as usize)
    }

    /// Offset in `w.fixed` of the scores of the [`tag_history_features`] of previous tags
    /// `p1`, `p2` (computed on first use); `None` for values that are neither tags nor
    /// sentence starts.
    fn history_row(&self, p1: u64, p2: u64, w: &mut WordScores) -> Option<usize> {
        let n = self.tags.len();
        let (a, b) = (self.history_slot(p1)?, self.history_slot(p2)?);
        let slot = a * (n + 2) + b;
        if w.pair_at[slot] == NOT_CACHED {
            w.pair_at[slot] = self.fixed_row(&tag_history_features(p1, p2), w);
        }
        Some(w.pair_at[slot] as usize)
    }

    /// Index of a previous-tag value: the tags, then [`START1`], [`START2`].
    fn history_slot(&self, p: u64) -> Option<usize> {
        let n = self.tags.len();
        match p {
            START1 => Some(n),
            START2 => Some(n + 1),
            _ if (p as usize) < n => Some(p as usize),
            _ => None,
        }
    }

    /// Append the summed scores of `feats` to `w.fixed` as one row; its offset.
    fn fixed_row(&self, feats: &[u64], w: &mut WordScores) -> u32 {
        let n = self.tags.len();
        let at = w.fixed.len();
        w.fixed.resize(at + n, 0);
        self.weights.add_scores(feats, &mut w.fixed[at..]);
        at as u32
    }

    /// The same tags computed without any cache, from the training feature set
    /// ([`extract`]): the reference the cached path must match.
    #[doc(hidden)]
    pub fn tag_ids_uncached(&self, words: &[&str], s: &mut TagScratch, out: &mut Vec<u16>) {
        self.fill_infos(words, s);
        out.clear();
        s.acc.resize(self.tags.len(), 0);
        let (mut p1, mut p2) = (START1, START2);
        for i in 0..words.len() {
            let t = match self.lexicon.dict_tag(s.infos[i + 2].form) {
                Some(t) => t,
                None => {
                    extract(&s.infos, i, p1, p2, &mut s.feats);
                    s.acc.iter_mut().for_each(|x| *x = 0);
                    self.weights.add_scores(&s.feats, &mut s.acc);
                    best(&s.acc) as u16
                }
            };
            out.push(t);
            p2 = p1;
            p1 = t as u64;
        }
    }

    /// The padded per-word lexical hashes of one sentence: two pads, the words, two pads.
    fn fill_infos(&self, words: &[&str], s: &mut TagScratch) {
        s.infos.clear();
        s.infos.push(TokenInfo::pad(1));
        s.infos.push(TokenInfo::pad(2));
        // Every word's lexicon entries requested first, then read: their misses overlap.
        for w in words {
            let info = TokenInfo::hashes(w, &mut s.word);
            self.lexicon.prefetch(info.norm, info.form);
            s.infos.push(info);
        }
        for info in &mut s.infos[2..] {
            info.look_up(&self.lexicon);
        }
        s.infos.push(TokenInfo::pad(3));
        s.infos.push(TokenInfo::pad(4));
    }

    /// Number of the cached score block of the word at padded position `k` (computed on its
    /// form's second occurrence); `usize::MAX` when it is not cached.
    fn word_block(&self, k: usize, s: &mut TagScratch) -> usize {
        let info = s.infos[k];
        match s.words.index.get(&info.form) {
            Some(&SEEN_ONCE) => {}
            Some(&WIDE) => return usize::MAX,
            Some(&at) => return at as usize,
            None => {
                s.words.index.insert(info.form, SEEN_ONCE);
                return usize::MAX;
            }
        }
        let n = self.tags.len();
        let mut block = std::mem::take(&mut s.words.block);
        block.clear();
        block.resize(BLOCK_ROWS * n, 0);
        s.feats.clear();
        word_features(&info, &mut s.feats);
        self.weights.add_scores(&s.feats, &mut block[..n]);
        for (r, role) in Neighbour::ALL.into_iter().enumerate() {
            s.feats.clear();
            neighbour_features(role, &info, &mut s.feats);
            let start = (r + 1) * n;
            self.weights
                .add_scores(&s.feats, &mut block[start..start + n]);
        }
        let b = s.words.cached;
        let (word, neighbours) = block.split_at(n);
        let cached = if neighbours.iter().any(|&x| i16::try_from(x).is_err()) {
            s.words.index.insert(info.form, WIDE);
            usize::MAX
        } else if s.words.word_rows.resize_zeroed((b + 1) * n)
            && s.words.neighbour_rows.resize_zeroed((b + 1) * 4 * n)
        {
            s.words.word_rows[b * n..].copy_from_slice(word);
            for (to, &x) in s.words.neighbour_rows[b * 4 * n..]
                .iter_mut()
                .zip(neighbours)
            {
                *to = x as i16;
            }
            s.words.index.insert(info.form, b as u32);
            s.words.cached = b + 1;
            b
        } else {
            // Cannot happen: `tag_ids` makes room for every position of the sentence.
            usize::MAX
        };
        s.words.block = block;
        cached
    }

    /// Replace the weights (training), under a new id so no cached word scores survive.
    pub(crate) fn set_weights(&mut self, weights: Weights) {
        self.weights = weights;
        self.id = next_id();
    }

    /// UPOS and XPOS of a joint tag id.
    pub fn tag_names(&self, id: u16) -> (&'static str, &'static str) {
        let t = &self.tags[id as usize];
        (t.upos, t.xpos)
    }

    /// Lemma of `word` given its XPOS.
    pub fn lemma<'m>(&'m self, word: &str, xpos: &str) -> Cow<'m, str> {
        self.lemmatizer.lemma(word, xpos)
    }
}

/// `acc = sum of the rows` (all of `acc`'s length), in one pass over the inputs.
#[inline]
fn sum_rows(acc: &mut [i32], word: &[i32], neighbours: [&[i16]; 4], joint: [&[i32]; 2]) {
    let n = acc.len();
    let a = &word[..n];
    let [b, c, d, e] = neighbours.map(|r| &r[..n]);
    let [f, g] = joint.map(|r| &r[..n]);
    for j in 0..n {
        let around = b[j] as i32 + c[j] as i32 + d[j] as i32 + e[j] as i32;
        acc[j] = a[j] + around + f[j] + g[j];
    }
}

/// Index of the highest score, first on ties.
#[inline]
pub(crate) fn best(acc: &[i32]) -> usize {
    let mut b = 0;
    let mut top = i32::MIN;
    for (i, &x) in acc.iter().enumerate() {
        if x > top {
            top = x;
            b = i;
        }
    }
    b
}
