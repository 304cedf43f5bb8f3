//! Feature extraction for the BILOU tagger: per-sentence static features (words, affixes,
//! shapes, capitalisation prior, word clusters, gazetteer matches) computed once, plus dynamic
//! ones (previous labels, what this word was labelled earlier in the document) added during
//! decoding.
//!
//! Speed: every token's strings (lower case, raw form, shape, affixes) are hashed once; a
//! feature id is then an integer mix of a template number and those hashes, so no feature
//! allocates or re-hashes a string.

use crate::clusters::{NormHasher, WordClusters};
use crate::gazetteer::{GazMatch, Matcher, GAZ_TYPES};
use crate::labels::{split, Kind, TokenSpan, N_LABELS};
use crate::prior::CasePrior;
use crate::typeprior::TypePrior;
use according_ml::perceptron::IdMap;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// Hash values standing for positions outside the sentence.
const BOS: u64 = 0x5151_5151_0000_0001;
const EOS: u64 = 0x5151_5151_0000_0002;

#[inline]
fn fnv(bytes: &[u8]) -> u64 {
    let mut h = FNV_OFFSET;
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

/// Murmur3's finaliser: a bijection that spreads every input bit over the output, so the
/// weights table (keyed by low bits) sees well-mixed ids.
#[inline]
fn fmix(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// Feature id of template `t` with one value.
#[inline]
pub fn f1(t: u64, a: u64) -> u64 {
    fmix(t.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ a)
}

/// Feature id of template `t` with two values.
#[inline]
pub fn f2(t: u64, a: u64, b: u64) -> u64 {
    fmix(f1(t, a).rotate_left(23) ^ b)
}

/// Feature id of template `t` with three values.
#[inline]
pub fn f3(t: u64, a: u64, b: u64, c: u64) -> u64 {
    fmix(f2(t, a, b).rotate_left(23) ^ c)
}

// Template numbers (any distinct constants; changing one changes the model).
mod t {
    pub const BIAS: u64 = 1;
    pub const W0: u64 = 2;
    pub const RAW0: u64 = 3;
    pub const WM1: u64 = 4;
    pub const WP1: u64 = 5;
    pub const WM2: u64 = 6;
    pub const WP2: u64 = 7;
    pub const WM1W0: u64 = 8;
    pub const W0WP1: u64 = 9;
    pub const PREFIX: u64 = 10;
    pub const SUFFIX: u64 = 11;
    pub const SH0: u64 = 12;
    pub const SHM1: u64 = 13;
    pub const SHP1: u64 = 14;
    pub const SH3: u64 = 15;
    pub const INIT_SH: u64 = 16;
    pub const PR0: u64 = 17;
    pub const PR0_SH_INIT: u64 = 18;
    pub const PRM1: u64 = 19;
    pub const PRP1: u64 = 20;
    pub const G0: u64 = 21;
    pub const G0SH: u64 = 22;
    pub const GM1: u64 = 23;
    pub const GP1: u64 = 24;
    pub const CF0: u64 = 25;
    pub const CC0: u64 = 26;
    pub const CFM1: u64 = 27;
    pub const CFP1: u64 = 28;
    pub const CC0_SH_INIT: u64 = 29;
    pub const CCM1_CC0: u64 = 30;
    pub const CC0_CCP1: u64 = 31;
    pub const WM1_SH0: u64 = 32;
    pub const SH0_WP1: u64 = 33;
    pub const RUN_LAST: u64 = 34;
    pub const RUN_FIRST: u64 = 35;
    pub const RUN_POS: u64 = 36;
    pub const RUN_LAST_CF: u64 = 37;
    pub const RUN_LAST_POS: u64 = 38;
    pub const TP0: u64 = 50;
    pub const TPM1: u64 = 51;
    pub const TPP1: u64 = 52;
    pub const TP0_SH: u64 = 53;
    pub const TP_RUN_LAST: u64 = 54;
    pub const TP0_W0: u64 = 55;
    pub const Y1: u64 = 40;
    pub const Y2Y1: u64 = 41;
    pub const Y1W0: u64 = 42;
    pub const Y1SH0: u64 = 43;
    pub const MEM: u64 = 44;
    pub const MEMY1: u64 = 45;
    pub const Y1CF0: u64 = 46;
}

/// What earlier sentences of the document said about words (non-local consistency: a later
/// bare `Ivanov` after `Sergei Ivanov`), keyed by the lower-case word's hash.
#[derive(Default, Debug, Clone)]
pub struct DocMemory {
    seen: IdMap<Kind>,
}

impl DocMemory {
    pub fn clear(&mut self) {
        self.seen.clear();
    }
    pub fn get(&self, lower_hash: u64) -> Option<Kind> {
        self.seen.get(&lower_hash).copied()
    }
    /// Remember the capitalised words of predicted spans.
    pub fn learn(&mut self, sf: &SentFeats, spans: &[TokenSpan]) {
        for s in spans {
            for i in s.start..s.end.min(sf.n()) {
                if sf.cap[i] && sf.lower[i].len() > 1 {
                    self.seen.insert(sf.h_lower[i], s.kind);
                }
            }
        }
    }
}

/// The position a word holds relative to the token whose features it gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Prev1,
    Prev2,
    Next1,
    Next2,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Prev1, Role::Prev2, Role::Next1, Role::Next2];
}

/// What the static features read about one word type from its form and the lexicons.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WordLex {
    h_lower: u64,
    h_shape: u64,
    cap: bool,
    prior: u8,
    typed: u8,
    clusters: (u16, u16),
}

impl WordLex {
    /// The entry of word `w`, lower-cased `lower` (`shape_buf`: scratch).
    fn of(
        w: &str,
        lower: &str,
        prior: &CasePrior,
        clusters: &WordClusters,
        typed: &TypePrior,
        shape_buf: &mut String,
    ) -> WordLex {
        let mut norm = NormHasher::default();
        lower.chars().for_each(|c| norm.push_lower(c));
        let h_lower = fnv(lower.as_bytes());
        shape_into(w, shape_buf);
        WordLex {
            h_lower,
            h_shape: fnv(shape_buf.as_bytes()),
            cap: w.chars().next().is_some_and(char::is_uppercase),
            prior: prior.bucket(lower),
            typed: typed.get(h_lower),
            clusters: clusters.get(norm.finish()),
        }
    }
}

/// [`WordLex`] entries by the hash of the raw word, for one model, kept across sentences and
/// documents: news repeats its words, and one lookup here replaces three in the lexicons
/// (each a likely cache miss) plus the shape and hashing work.
///
/// Entries are numbered in order of arrival ([`SentFeats::lex_entry`]), so a caller can keep
/// more per word type in a vector alongside; [`LexCache::generation`] changes whenever the
/// cache starts over (and the numbers with it).
#[derive(Default)]
pub struct LexCache {
    /// Open addressing (linear probing) over raw-word hashes: `(hash, entry + 1)`, `(_, 0)`
    /// empty; at most half full ([`LEX_SLOTS`] slots once used, more only for a sentence
    /// longer than [`LEX_CACHE_MAX`] words).
    slots: Vec<(u64, u32)>,
    entries: Vec<WordLex>,
    generation: u64,
}

/// Slots of a [`LexCache`]'s table (~1 MB).
const LEX_SLOTS: usize = 2 * LEX_CACHE_MAX;

impl LexCache {
    pub fn clear(&mut self) {
        self.slots.iter_mut().for_each(|s| *s = (0, 0));
        self.entries.clear();
        self.generation += 1;
    }

    /// Home slot of a raw-word hash (FNV's bits mixed down) in a table of `size` slots.
    #[inline]
    fn home(h: u64, size: usize) -> usize {
        (h.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 32) as usize & (size - 1)
    }

    /// Double the table (only a sentence longer than [`LEX_CACHE_MAX`] words needs it).
    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(LEX_SLOTS);
        let mut slots = vec![(0u64, 0u32); size];
        for &(k, e) in self.slots.iter().filter(|s| s.1 != 0) {
            let mut i = Self::home(k, size);
            while slots[i].1 != 0 {
                i = (i + 1) & (size - 1);
            }
            slots[i] = (k, e);
        }
        self.slots = slots;
    }

    /// Start loading the slot a lookup of `h` begins at (a hint).
    #[inline]
    fn prefetch(&self, h: u64) {
        #[cfg(target_arch = "x86_64")]
        if let Some(s) = self.slots.get(Self::home(h, self.slots.len().max(1))) {
            // SAFETY: a prefetch is only a hint; `s` is in `self.slots`.
            unsafe {
                std::arch::x86_64::_mm_prefetch(
                    s as *const (u64, u32) as *const i8,
                    std::arch::x86_64::_MM_HINT_T0,
                );
            }
        }
        #[cfg(not(target_arch = "x86_64"))]
        let _ = h;
    }

    /// Entry number of the word with raw hash `h`, made by `make` if it is new.
    fn entry(&mut self, h: u64, make: impl FnOnce() -> WordLex) -> u32 {
        if (self.entries.len() + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let size = self.slots.len();
        let mut i = Self::home(h, size);
        loop {
            let (k, e) = self.slots[i];
            if e == 0 {
                self.entries.push(make());
                let e = self.entries.len() as u32;
                self.slots[i] = (h, e);
                return e - 1;
            }
            if k == h {
                return e - 1;
            }
            i = (i + 1) & (size - 1);
        }
    }

    /// Word types held.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Changes each time the cache starts over.
    pub fn generation(&self) -> u64 {
        self.generation
    }
}

/// Word types a [`LexCache`] holds before it starts over (~2 MB).
pub const LEX_CACHE_MAX: usize = 1 << 15;

/// Reusable per-sentence buffers.
#[derive(Default)]
pub struct SentFeats {
    pub lower: Vec<String>,
    h_lower: Vec<u64>,
    h_raw: Vec<u64>,
    h_shape: Vec<u64>,
    /// Starts with an upper-case letter.
    cap: Vec<bool>,
    prior: Vec<u8>,
    clusters: Vec<(u16, u16)>,
    typed: Vec<u8>,
    gaz: Vec<[u8; GAZ_TYPES.len()]>,
    matches: Vec<GazMatch>,
    shape_buf: String,
    /// The run of capitalised words (joined by `of`, `and`, `&`, `-`) each token is in:
    /// `(start, end)`, or `(i, i)` for tokens outside any run.
    runs: Vec<(usize, usize)>,
    /// Static feature ids of token i: `ids[offsets[i]..offsets[i + 1]]`, those of the word
    /// itself first (`..word_ends[i]`).
    ids: Vec<u64>,
    offsets: Vec<usize>,
    word_ends: Vec<usize>,
    /// Identity of what the word-only features depend on (the raw word, sentence-initial).
    word_keys: Vec<u64>,
    /// Per token, its word's entry in the [`LexCache`] ([`SentFeats::compute_context`] only).
    lex_at: Vec<u32>,
}

fn shape_into(w: &str, out: &mut String) {
    out.clear();
    let mut last = '\0';
    let mut run = 0;
    for c in w.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if s == last {
            run += 1;
            if run >= 2 {
                continue;
            }
        } else {
            run = 0;
        }
        last = s;
        out.push(s);
    }
}

fn is_sentence_opener(w: &str) -> bool {
    matches!(
        w,
        "\"" | "“" | "‘" | "'" | "(" | ":" | "-" | "—" | "–" | "[" | "«"
    )
}

impl SentFeats {
    pub fn n(&self) -> usize {
        self.h_lower.len()
    }

    pub fn matches(&self) -> &[GazMatch] {
        &self.matches
    }

    pub fn static_ids(&self, i: usize) -> &[u64] {
        &self.ids[self.offsets[i]..self.offsets[i + 1]]
    }

    /// Token i's features that depend only on the word (and on whether it opens the
    /// sentence), the key they depend on, and the token's other static features.
    pub fn word_ids(&self, i: usize) -> (u64, &[u64], &[u64]) {
        let (a, m, b) = (self.offsets[i], self.word_ends[i], self.offsets[i + 1]);
        (self.word_keys[i], &self.ids[a..m], &self.ids[m..b])
    }

    /// Token i's word-identity features (its lower-cased and its raw form).
    pub fn identity_ids(&self, i: usize) -> [u64; 2] {
        [f1(t::W0, self.h_lower[i]), f1(t::RAW0, self.h_raw[i])]
    }

    /// Does word `i` start with an upper-case letter?
    pub fn is_cap(&self, i: usize) -> bool {
        self.cap[i]
    }

    pub fn lower_hash(&self, i: usize) -> u64 {
        self.h_lower[i]
    }

    pub fn shape_hash(&self, i: usize) -> u64 {
        self.h_shape[i]
    }

    /// Token i's silver type-prior code ([`TypePrior::get`]).
    pub fn type_prior(&self, i: usize) -> u8 {
        self.typed[i]
    }

    /// Token i's (fine, coarse) word clusters.
    pub fn cluster(&self, i: usize) -> (u16, u16) {
        self.clusters[i]
    }

    /// Token i's gazetteer position code per [`GAZ_TYPES`] entry (0 none, 1 B, 2 I, 3 L, 4 U).
    pub fn gaz(&self, i: usize) -> &[u8; GAZ_TYPES.len()] {
        &self.gaz[i]
    }

    /// Compute everything that does not depend on predictions.
    pub fn compute(
        &mut self,
        words: &[&str],
        prior: &CasePrior,
        clusters: &WordClusters,
        typed: &TypePrior,
        matcher: &Matcher,
    ) {
        self.compute_with(words, prior, clusters, typed, matcher, true, None);
    }

    /// [`SentFeats::compute`] for decoding: without the features of the words themselves
    /// (their ranges in [`SentFeats::word_ids`] are empty; [`SentFeats::word_features`] gives
    /// them when needed, since decoding caches their scores per word) nor those a neighbour
    /// inside the sentence gives alone ([`SentFeats::neighbour_features`], also cached per
    /// word), and with what the
    /// lexicons say about each word type kept in `cache`, which must belong to the model
    /// whose `prior`, `clusters` and `typed` these are.
    #[allow(clippy::too_many_arguments)]
    pub fn compute_context(
        &mut self,
        words: &[&str],
        prior: &CasePrior,
        clusters: &WordClusters,
        typed: &TypePrior,
        matcher: &Matcher,
        cache: &mut LexCache,
    ) {
        if cache.len() + words.len() > LEX_CACHE_MAX {
            cache.clear();
        }
        self.compute_with(words, prior, clusters, typed, matcher, false, Some(cache));
    }

    #[allow(clippy::too_many_arguments)]
    fn compute_with(
        &mut self,
        words: &[&str],
        prior: &CasePrior,
        clusters: &WordClusters,
        typed: &TypePrior,
        matcher: &Matcher,
        full: bool,
        mut cache: Option<&mut LexCache>,
    ) {
        let n = words.len();
        while self.lower.len() < n {
            self.lower.push(String::new());
        }
        self.lex_at.clear();
        self.h_lower.clear();
        self.h_raw.clear();
        self.h_shape.clear();
        self.cap.clear();
        self.prior.clear();
        self.clusters.clear();
        self.typed.clear();
        // Every word's cache slot requested first, then read: their misses overlap.
        for (i, w) in words.iter().enumerate() {
            let l = &mut self.lower[i];
            l.clear();
            if w.is_ascii() {
                l.push_str(w);
                l.make_ascii_lowercase();
            } else {
                l.extend(w.chars().flat_map(char::to_lowercase));
            }
            let h_raw = fnv(w.as_bytes());
            if let Some(c) = cache.as_deref() {
                c.prefetch(h_raw);
            }
            self.h_raw.push(h_raw);
        }
        for (i, w) in words.iter().enumerate() {
            let l = &self.lower[i];
            let lex = match cache.as_deref_mut() {
                Some(c) => {
                    let e = c.entry(self.h_raw[i], || {
                        WordLex::of(w, l, prior, clusters, typed, &mut self.shape_buf)
                    });
                    self.lex_at.push(e);
                    c.entries[e as usize]
                }
                None => WordLex::of(w, l, prior, clusters, typed, &mut self.shape_buf),
            };
            self.h_lower.push(lex.h_lower);
            self.typed.push(lex.typed);
            self.h_shape.push(lex.h_shape);
            self.cap.push(lex.cap);
            self.prior.push(lex.prior);
            self.clusters.push(lex.clusters);
        }
        self.matches.clear();
        matcher.find_into(words, &mut self.matches);
        self.gaz.clear();
        self.gaz.resize(n, [0; GAZ_TYPES.len()]);
        for m in &self.matches {
            let t = m.kind as usize;
            if m.end - m.start == 1 {
                self.gaz[m.start][t] = 4;
            } else {
                self.gaz[m.start][t] = 1;
                for g in &mut self.gaz[m.start + 1..m.end - 1] {
                    g[t] = 2;
                }
                self.gaz[m.end - 1][t] = 3;
            }
        }
        self.find_runs(words);
        self.ids.clear();
        self.offsets.clear();
        self.word_ends.clear();
        self.word_keys.clear();
        let mut ids = std::mem::take(&mut self.ids);
        for i in 0..n {
            self.offsets.push(ids.len());
            if full {
                self.word_features(words, i, &mut ids);
            }
            self.word_ends.push(ids.len());
            self.word_keys.push(self.word_key(words, i));
            self.context_features(words, i, full, &mut ids);
        }
        self.offsets.push(ids.len());
        self.ids = ids;
    }

    fn find_runs(&mut self, words: &[&str]) {
        let n = words.len();
        self.runs.clear();
        self.runs.extend((0..n).map(|i| (i, i)));
        let mut i = 0;
        while i < n {
            if !self.cap[i] {
                i += 1;
                continue;
            }
            let mut end = i + 1;
            loop {
                if end < n && self.cap[end] {
                    end += 1;
                } else if end + 1 < n
                    && matches!(words[end], "of" | "and" | "&" | "-" | "for" | "de")
                    && self.cap[end + 1]
                {
                    end += 2;
                } else {
                    break;
                }
            }
            for r in &mut self.runs[i..end] {
                *r = (i, end);
            }
            i = end;
        }
    }

    #[inline]
    fn at(v: &[u64], i: isize) -> u64 {
        if i < 0 {
            BOS
        } else {
            v.get(i as usize).copied().unwrap_or(EOS)
        }
    }

    #[inline]
    fn cl(&self, i: isize) -> (u64, u64) {
        if i < 0 {
            (0xfff0, 0xfff0)
        } else if let Some(&(f, c)) = self.clusters.get(i as usize) {
            (f as u64, c as u64)
        } else {
            (0xfff1, 0xfff1)
        }
    }

    /// Token i's entry number in the [`LexCache`] given to [`SentFeats::compute_context`].
    pub fn lex_entry(&self, i: usize) -> usize {
        self.lex_at[i] as usize
    }

    /// Hash of token i's raw form: what its [`SentFeats::neighbour_features`] depend on.
    pub fn raw_hash(&self, i: usize) -> u64 {
        self.h_raw[i]
    }

    /// Does word `i` open the sentence (first, or after an opening quote or bracket)? Token
    /// i's [`SentFeats::word_features`] depend on this and [`SentFeats::raw_hash`].
    pub fn initial(words: &[&str], i: usize) -> bool {
        i == 0 || is_sentence_opener(words[i - 1])
    }

    /// Identity of what token i's [`SentFeats::word_features`] depend on: the raw word and
    /// whether it opens the sentence.
    fn word_key(&self, words: &[&str], i: usize) -> u64 {
        let init = Self::initial(words, i) as u64;
        self.h_raw[i] ^ init.wrapping_mul(0x9e37_79b9_7f4a_7c15)
    }

    /// Append token i's features that depend only on the word (and on whether it opens the
    /// sentence): their scores can be cached per word ([`SentFeats::word_ids`]).
    pub fn word_features(&self, words: &[&str], i: usize, ids: &mut Vec<u64>) {
        let w0 = self.h_lower[i];
        let s0 = self.h_shape[i];
        let init = Self::initial(words, i) as u64;
        let p0 = self.prior[i] as u64;
        let (cf0, cc0) = self.cl(i as isize);
        let tp0 = self.typed[i] as u64;
        ids.push(t::BIAS);
        ids.push(f1(t::W0, w0));
        ids.push(f1(t::RAW0, self.h_raw[i]));
        // Affixes of up to 4 chars, of words longer than the affix.
        let lower = self.lower[i].as_str();
        let mut bounds = [0usize; 5];
        let mut nc = 0;
        for (k, (b, _)) in lower.char_indices().enumerate() {
            if k < 5 {
                bounds[k] = b;
            }
            nc = k + 1;
        }
        for k in 1..=4usize.min(nc.saturating_sub(1)) {
            ids.push(f2(t::PREFIX, k as u64, fnv(&lower.as_bytes()[..bounds[k]])));
        }
        let mut ends = lower.char_indices().rev().map(|(b, _)| b);
        for k in 1..=4usize.min(nc.saturating_sub(1)) {
            let Some(b) = ends.next() else { break };
            ids.push(f2(t::SUFFIX, k as u64, fnv(&lower.as_bytes()[b..])));
        }
        ids.push(f1(t::SH0, s0));
        ids.push(f2(t::INIT_SH, init, s0));
        ids.push(f1(t::PR0, p0));
        ids.push(f3(t::PR0_SH_INIT, p0, s0, init));
        ids.push(f1(t::CF0, cf0));
        ids.push(f1(t::CC0, cc0));
        ids.push(f3(t::CC0_SH_INIT, cc0, s0, init));
        ids.push(f1(t::TP0, tp0));
        ids.push(f3(t::TP0_SH, tp0, s0, init));
    }

    /// Append the features token `k` gives the token it neighbours in `role` (those of
    /// [`SentFeats::compute`]'s context features that read that one word alone): their
    /// scores can be cached per word like [`SentFeats::word_features`]'.
    pub fn neighbour_features(&self, k: usize, role: Role, ids: &mut Vec<u64>) {
        let (lower, shape, prior) = (self.h_lower[k], self.h_shape[k], self.prior[k] as u64);
        let (cf, typed) = (self.clusters[k].0 as u64, self.typed[k] as u64);
        match role {
            Role::Prev1 => {
                ids.push(f1(t::WM1, lower));
                ids.push(f1(t::SHM1, shape));
                ids.push(f2(t::PRM1, prior, shape));
                ids.push(f1(t::CFM1, cf));
                ids.push(f1(t::TPM1, typed));
            }
            Role::Prev2 => ids.push(f1(t::WM2, lower)),
            Role::Next1 => {
                ids.push(f1(t::WP1, lower));
                ids.push(f1(t::SHP1, shape));
                ids.push(f2(t::PRP1, prior, shape));
                ids.push(f1(t::CFP1, cf));
                ids.push(f1(t::TPP1, typed));
            }
            Role::Next2 => ids.push(f1(t::WP2, lower)),
        }
    }

    /// Append token i's static features over its context; without `roles`, those that
    /// [`SentFeats::neighbour_features`] gives for the neighbours inside the sentence are left
    /// out (the same features in the same order otherwise).
    fn context_features(&self, words: &[&str], i: usize, roles: bool, ids: &mut Vec<u64>) {
        let n = words.len();
        let ii = i as isize;
        let lw = |k: isize| Self::at(&self.h_lower, k);
        let sh = |k: isize| Self::at(&self.h_shape, k);
        let w0 = lw(ii);
        let s0 = sh(ii);
        let (_, cc0) = self.cl(ii);
        let tp0 = self.typed[i] as u64;
        // Which neighbours' own features to add here.
        let (m1, m2) = (roles || i < 1, roles || i < 2);
        let (p1, p2) = (roles || i + 1 >= n, roles || i + 2 >= n);
        // Features of the context.
        if m1 {
            ids.push(f1(t::WM1, lw(ii - 1)));
        }
        if p1 {
            ids.push(f1(t::WP1, lw(ii + 1)));
        }
        if m2 {
            ids.push(f1(t::WM2, lw(ii - 2)));
        }
        if p2 {
            ids.push(f1(t::WP2, lw(ii + 2)));
        }
        ids.push(f2(t::WM1W0, lw(ii - 1), w0));
        ids.push(f2(t::W0WP1, w0, lw(ii + 1)));
        if m1 {
            ids.push(f1(t::SHM1, sh(ii - 1)));
        }
        if p1 {
            ids.push(f1(t::SHP1, sh(ii + 1)));
        }
        ids.push(f3(t::SH3, sh(ii - 1), s0, sh(ii + 1)));
        if i > 0 && m1 {
            ids.push(f2(t::PRM1, self.prior[i - 1] as u64, sh(ii - 1)));
        }
        if i + 1 < n && p1 {
            ids.push(f2(t::PRP1, self.prior[i + 1] as u64, sh(ii + 1)));
        }
        ids.push(f2(t::WM1_SH0, lw(ii - 1), s0));
        ids.push(f2(t::SH0_WP1, s0, lw(ii + 1)));
        let (cfm1, ccm1) = self.cl(ii - 1);
        let (cfp1, ccp1) = self.cl(ii + 1);
        if m1 {
            ids.push(f1(t::CFM1, cfm1));
        }
        if p1 {
            ids.push(f1(t::CFP1, cfp1));
        }
        ids.push(f2(t::CCM1_CC0, ccm1, cc0));
        ids.push(f2(t::CC0_CCP1, cc0, ccp1));
        let (rs, re) = self.runs[i];
        if re > rs {
            let last = re - 1;
            let pos = if re - rs == 1 {
                0
            } else if i == rs {
                1
            } else if i == last {
                3
            } else {
                2
            };
            let len = (re - rs).min(4) as u64;
            ids.push(f1(t::RUN_LAST, self.h_lower[last]));
            ids.push(f1(t::RUN_FIRST, self.h_lower[rs]));
            ids.push(f2(t::RUN_POS, pos, len));
            ids.push(f2(t::RUN_LAST_CF, self.clusters[last].0 as u64, pos));
            ids.push(f2(t::RUN_LAST_POS, self.h_lower[last], pos));
            ids.push(f2(t::TP_RUN_LAST, self.typed[last] as u64, pos));
        }
        let tp = |k: isize| {
            if k < 0 || k as usize >= n {
                99
            } else {
                self.typed[k as usize] as u64
            }
        };
        if m1 {
            ids.push(f1(t::TPM1, tp(ii - 1)));
        }
        if p1 {
            ids.push(f1(t::TPP1, tp(ii + 1)));
        }
        ids.push(f2(t::TP0_W0, tp0, tp(ii + 1)));
        for ti in 0..GAZ_TYPES.len() {
            let g0 = self.gaz[i][ti] as u64;
            let tt = ti as u64;
            if g0 != 0 {
                ids.push(f2(t::G0, tt, g0));
                ids.push(f3(t::G0SH, tt, g0, s0));
            }
            if i > 0 && self.gaz[i - 1][ti] != 0 {
                ids.push(f2(t::GM1, tt, self.gaz[i - 1][ti] as u64));
            }
            if i + 1 < n && self.gaz[i + 1][ti] != 0 {
                ids.push(f2(t::GP1, tt, self.gaz[i + 1][ti] as u64));
            }
        }
    }
}

/// Label id standing for "before the sentence" in history features.
const Y_BOS: u64 = N_LABELS as u64;

/// Add the features that depend on earlier decisions (`prev`: labels of tokens `0..i`).
pub fn dynamic_features(
    sf: &SentFeats,
    i: usize,
    prev: &[usize],
    memory: &DocMemory,
    out: &mut Vec<u64>,
) {
    let y1 = if i >= 1 { Some(prev[i - 1]) } else { None };
    let y2 = if i >= 2 { Some(prev[i - 2]) } else { None };
    history_features(sf, i, y1, y2, memory, out)
}

/// The [`history_features`] over the previous label `y1` (a label, not the sentence start)
/// with word i itself (lower-case form, shape, fine cluster): per label, they depend on the
/// word type alone, so their scores can be cached.
pub fn history_word_features(sf: &SentFeats, i: usize, y1: usize, out: &mut Vec<u64>) {
    let y1 = y1 as u64;
    out.push(f2(t::Y1W0, y1, sf.h_lower[i]));
    out.push(f2(t::Y1SH0, y1, sf.h_shape[i]));
    out.push(f2(t::Y1CF0, y1, sf.clusters[i].0 as u64));
}

/// The other [`history_features`] (given a previous label: `y1` is not `None`).
/// [`history_word_features`] and these are [`history_features`].
pub fn history_other_features(
    sf: &SentFeats,
    i: usize,
    y1: usize,
    y2: Option<usize>,
    memory: &DocMemory,
    out: &mut Vec<u64>,
) {
    let open_kind = split(y1).map_or(9, |(k, _)| k as u64);
    let y1 = y1 as u64;
    let y2 = y2.map_or(Y_BOS, |y| y as u64);
    let w0 = sf.h_lower[i];
    out.push(f1(t::Y1, y1));
    out.push(f2(t::Y2Y1, y2, y1));
    if sf.cap[i] {
        if let Some(k) = memory.get(w0) {
            out.push(f1(t::MEM, k as u64));
            out.push(f2(t::MEMY1, k as u64, open_kind));
        }
    }
}

/// [`dynamic_features`] from the two previous labels (`None` before the sentence).
pub fn history_features(
    sf: &SentFeats,
    i: usize,
    y1: Option<usize>,
    y2: Option<usize>,
    memory: &DocMemory,
    out: &mut Vec<u64>,
) {
    let open_kind = y1.and_then(split).map_or(9, |(k, _)| k as u64);
    let y1 = y1.map_or(Y_BOS, |y| y as u64);
    let y2 = y2.map_or(Y_BOS, |y| y as u64);
    let w0 = sf.h_lower[i];
    out.push(f1(t::Y1, y1));
    out.push(f2(t::Y2Y1, y2, y1));
    out.push(f2(t::Y1W0, y1, w0));
    out.push(f2(t::Y1SH0, y1, sf.h_shape[i]));
    out.push(f2(t::Y1CF0, y1, sf.clusters[i].0 as u64));
    if sf.cap[i] {
        if let Some(k) = memory.get(w0) {
            out.push(f1(t::MEM, k as u64));
            // The kind of the span open before this token (if any) with the memory.
            out.push(f2(t::MEMY1, k as u64, open_kind));
        }
    }
}
