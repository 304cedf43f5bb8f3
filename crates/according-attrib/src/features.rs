//! Feature extraction: per-token base features hashed once per document, and cheap u64
//! combinations of them with cue-relative context for the source/content tagger.

use crate::cue_lexicon::{BUCKETS, SEQ_POSITIONS};
use crate::lexicon::Lexicon;
use crate::score_table::{ScoreTable, MAX_LABELS};
use crate::view::{QuoteMark, View};
use according_ml::features::{hash_parts, hash_str};
use std::ops::Range;
use std::sync::OnceLock;

/// Number of base feature templates per token: the cue tagger's [`NB_CUE`] first, then the
/// ones only the role tagger reads.
pub const NB: usize = 27;
/// Base templates the cue tagger uses (the first `NB_CUE` of each token's array). The set was
/// pruned from 45 by ablation on PolNeAR dev (`examples/ablate.rs`, then retraining): the
/// dropped ones cost table lookups without improving any score.
pub const NB_CUE: usize = 22;

/// The base template that is the same feature for every token (the cue tagger's bias).
pub const CUE_BIAS_TEMPLATE: usize = 0;

/// Combine two feature ids into one (order matters).
#[inline]
pub fn mix(a: u64, b: u64) -> u64 {
    let mut h = a ^ b.rotate_left(23).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    h ^= h >> 31;
    h = h.wrapping_mul(0xBF58_476D_1CE4_E5B9);
    h ^ (h >> 29)
}

/// Hash of the word's shape class (`Xx`, `XX`, `x`, `d`, `p`, `empty`).
fn shape_hash(w: &str) -> u64 {
    let mut cs = w.chars();
    let Some(c) = cs.next() else {
        return const { hash_str("empty") };
    };
    if c.is_uppercase() {
        if w.chars().all(|c| c.is_uppercase() || c == '.') {
            const { hash_str("XX") }
        } else {
            const { hash_str("Xx") }
        }
    } else if c.is_lowercase() {
        const { hash_str("x") }
    } else if c.is_ascii_digit() {
        const { hash_str("d") }
    } else {
        const { hash_str("p") }
    }
}

/// Ids of the quotation states of [`quote_state`]: `open`, `close`, `in`, `out`.
pub const QUOTE_STATES: [u64; 4] = [
    hash_str("open"),
    hash_str("close"),
    hash_str("in"),
    hash_str("out"),
];

/// Token `i`'s place relative to quotations, as an index in [`QUOTE_STATES`].
#[inline]
pub fn quote_state(v: &View, i: usize) -> usize {
    let t = &v.toks[i];
    match (t.mark, t.in_quote) {
        (QuoteMark::Open, _) => 0,
        (QuoteMark::Close, _) => 1,
        (_, true) => 2,
        (_, false) => 3,
    }
}

/// Hash of token `i`'s place relative to quotations: `open`, `close`, `in` or `out`.
pub fn quote_state_hash(v: &View, i: usize) -> u64 {
    QUOTE_STATES[quote_state(v, i)]
}

/// Template name ids: `hash_parts(&["tpl", k])` for each base template `k`.
fn template_names() -> &'static [u64; NB] {
    static NAMES: OnceLock<[u64; NB]> = OnceLock::new();
    NAMES.get_or_init(|| std::array::from_fn(|k| hash_parts(&["tpl", &k.to_string()])))
}

/// `hash_parts(&[position, bucket])` for every ([`SEQ_POSITIONS`], [`BUCKETS`]) pair.
fn seq_mark_hashes() -> &'static [[u64; BUCKETS.len()]; SEQ_POSITIONS.len()] {
    static H: OnceLock<[[u64; BUCKETS.len()]; SEQ_POSITIONS.len()]> = OnceLock::new();
    H.get_or_init(|| {
        std::array::from_fn(|p| {
            std::array::from_fn(|b| hash_parts(&[SEQ_POSITIONS[p], BUCKETS[b]]))
        })
    })
}

/// A token's place in its sentence: first, last, second, elsewhere.
const SPOS: [u64; 4] = [
    hash_str("first"),
    hash_str("last"),
    hash_str("second"),
    hash_str("mid"),
];

/// `hash_str` of each of [`BUCKETS`].
const BUCKET_HASHES: [u64; BUCKETS.len()] = {
    let mut h = [0; BUCKETS.len()];
    let mut i = 0;
    while i < h.len() {
        h[i] = hash_str(BUCKETS[i]);
        i += 1;
    }
    h
};

/// Child signatures (see [`child_signatures_into`]) by their bits, then `-` (no parse).
const SIGS: [u64; 17] = {
    const S: [&str; 17] = [
        "", "S", "O", "SO", "C", "SC", "OC", "SOC", "X", "SX", "OX", "SOX", "P", "SP", "OP", "SOP",
        "-",
    ];
    let mut h = [0; 17];
    let mut i = 0;
    while i < 17 {
        h[i] = hash_str(S[i]);
        i += 1;
    }
    h
};

/// The values four of the cue tagger's templates are made of, which take few values each:
/// indices of template 11's (sentence place, quotation state), 13's word rate bucket, 14's
/// multiword cue mark (position, bucket), 18's child signature. See [`CueContextScores`].
#[derive(Debug, Clone, Copy, Default)]
pub struct CueContext {
    place_quote: u8,
    bucket: u8,
    seq: u8,
    signature: u8,
}

/// Base templates whose weights [`CueContextScores`] sums ahead (and the bias, 0).
pub const CUE_SUMMED: [usize; 4] = [11, 13, 14, 18];
/// The cue tagger's base templates looked up per token: all but the bias and [`CUE_SUMMED`].
pub const CUE_LOOKED_UP: [Range<usize>; 4] = [1..11, 12..13, 15..18, 19..NB_CUE];

/// The cue tagger's summed weights of its bias and the templates of [`CUE_SUMMED`], by
/// their values: computed once per model, they make five of a token's table lookups four
/// reads of small tables (the sums are of integers, so the scores are the same).
pub struct CueContextScores {
    bias: [i32; MAX_LABELS],
    place_quote: [[i32; MAX_LABELS]; 16],
    bucket: [[i32; MAX_LABELS]; BUCKETS.len()],
    seq: [[i32; MAX_LABELS]; SEQ_POSITIONS.len() * BUCKETS.len()],
    signature: [[i32; MAX_LABELS]; 17],
}

impl CueContextScores {
    pub fn new(table: &ScoreTable) -> CueContextScores {
        let names = template_names();
        let w =
            |k: usize, parts: &[u64]| table.weights(parts.iter().fold(names[k], |h, &p| mix(h, p)));
        let seqs = seq_mark_hashes();
        CueContextScores {
            bias: table.weights(names[CUE_BIAS_TEMPLATE]),
            place_quote: std::array::from_fn(|i| w(11, &[SPOS[i / 4], QUOTE_STATES[i % 4]])),
            bucket: std::array::from_fn(|b| w(13, &[BUCKET_HASHES[b]])),
            seq: std::array::from_fn(|i| w(14, &[seqs[i / BUCKETS.len()][i % BUCKETS.len()]])),
            signature: std::array::from_fn(|i| w(18, &[SIGS[i]])),
        }
    }

    /// The summed weights of a token whose values are `c`.
    #[inline]
    pub fn of(&self, c: CueContext) -> [i32; MAX_LABELS] {
        let parts = [
            self.place_quote[usize::from(c.place_quote)],
            self.bucket[usize::from(c.bucket)],
            self.seq[usize::from(c.seq)],
            self.signature[usize::from(c.signature)],
        ];
        parts
            .iter()
            .fold(self.bias, |a, p| std::array::from_fn(|y| a[y] + p[y]))
    }
}

/// Base features of every token of the view.
pub fn base_features(v: &View, lex: &Lexicon) -> Vec<[u64; NB]> {
    let mut out = Vec::new();
    let mut contexts = Vec::new();
    base_features_into(
        v,
        lex,
        &mut FeatureScratch::default(),
        &mut out,
        &mut contexts,
    );
    out
}

/// Per-token buffers of [`base_features_into`], kept from one document to the next: a
/// document's few large allocations each made the allocator consolidate its free lists.
#[derive(Default)]
pub struct FeatureScratch {
    words: Vec<u64>,
    pos: Vec<u64>,
    marks: Vec<u64>,
    bucket_index: Vec<u8>,
    buckets: Vec<u64>,
    seqs: Vec<(u8, u8)>,
    kids: Vec<(u64, u64, u64)>,
    kid_bits: Vec<u8>,
}

/// [`base_features`] into `out` (cleared first), with reused buffers; each token's
/// [`CueContext`] into `contexts` (cleared first).
pub fn base_features_into(
    v: &View,
    lex: &Lexicon,
    scratch: &mut FeatureScratch,
    out: &mut Vec<[u64; NB]>,
    contexts: &mut Vec<CueContext>,
) {
    let n = v.len();
    let FeatureScratch {
        words: wh,
        pos: ph,
        marks: mh,
        bucket_index: wb_index,
        buckets: wbh,
        seqs,
        kids,
        kid_bits,
    } = scratch;
    child_signatures_into(v, kids, kid_bits);
    const NO_HEAD_BUCKET: u64 = hash_str("none");
    const IN_LEX: [u64; 2] = [hash_str("0"), hash_str("1")];
    const MARKS: [u64; 3] = [hash_str("-"), hash_str("open"), hash_str("close")];
    // Strings are hashed once per token; templates combine the hashes with `mix` (hashing
    // every template's strings anew was most of this function's time).
    let hs = |x: &str| hash_parts(&[x]);
    let bound = const { [hash_str("<s>"), hash_str("</s>"), hash_str("<b>")] };
    // Padded with the boundary ids (`PAD` each side), so templates read neighbours without
    // checking where the document ends: token `i`'s word is `wp[PAD + i]`.
    const PAD: usize = 3;
    wh.clear();
    wh.extend([bound[0]; PAD]);
    wh.extend(v.toks.iter().map(|t| hs(&t.lower)));
    wh.extend([bound[1]; PAD]);
    ph.clear();
    ph.extend([bound[2]; PAD]);
    ph.extend(v.toks.iter().map(|t| hs(t.upos.unwrap_or("-"))));
    ph.extend([bound[2]; PAD]);
    mh.clear();
    mh.extend([bound[2]; PAD]);
    mh.extend(v.toks.iter().map(|t| match t.mark {
        QuoteMark::None => MARKS[0],
        QuoteMark::Open => MARKS[1],
        QuoteMark::Close => MARKS[2],
    }));
    mh.extend([bound[2]; PAD]);
    let words = &wh[PAD..PAD + n];
    // One cue-lexicon lookup per word, for its rate bucket and for the multiword cue strings.
    wb_index.clear();
    wb_index.extend(words.iter().map(|&h| lex.cues.word_bucket_index(h)));
    wbh.clear();
    wbh.extend(wb_index.iter().map(|&b| BUCKET_HASHES[usize::from(b)]));
    let seq_hashes = seq_mark_hashes();
    lex.cues.seq_mark_indices_into(words, wb_index, seqs);
    let (wp, pp, mp, wbh, seqs, kids) = (&wh[..], &ph[..], &mh[..], &wbh[..], &seqs[..], &kids[..]);
    // Neighbour `d` of token `i` (|d| <= PAD).
    let w = |i: usize, d: isize| wp[(PAD + i).wrapping_add_signed(d)];
    let pos = |i: usize, d: isize| pp[(PAD + i).wrapping_add_signed(d)];
    let mark = |i: usize, d: isize| mp[(PAD + i).wrapping_add_signed(d)];
    let names = template_names();
    let f1 = |k: usize, a: u64| mix(names[k], a);
    let f2 = |k: usize, a: u64, b: u64| mix(mix(names[k], a), b);
    let f3 = |k: usize, a: u64, b: u64, c: u64| mix(mix(mix(names[k], a), b), c);
    // Pushed, not resized and overwritten: the zero fill cost a memset of 216 bytes a token.
    out.clear();
    out.reserve(n);
    contexts.clear();
    contexts.reserve(n);
    for i in 0..n {
        let t = &v.toks[i];
        let word = w(i, 0);
        let st = t.lemma.as_ref();
        // Most lemmas are the word itself, whose hash is at hand.
        let sth = if *st == *t.lower { word } else { hs(st) };
        let suf: &str = {
            let k = t.lower.char_indices().rev().nth(2).map_or(0, |(k, _)| k);
            &t.lower[k..]
        };
        let sent = &v.sentences[t.sentence as usize];
        let place = if i == sent.start {
            0
        } else if i + 1 == sent.end {
            1
        } else if i == sent.start + 1 {
            2
        } else {
            3
        };
        let spos = SPOS[place];
        let hp = t
            .head
            .map_or(const { hash_str("<root>") }, |h| pos(h as usize, 0));
        let dep = hs(t.deprel.unwrap_or("-"));
        let in_lex = IN_LEX[usize::from(lex.contains_stem_hash(sth))];
        let wb = wbh[i];
        let (sp, sb) = seqs[i];
        let seq = seq_hashes[usize::from(sp)][usize::from(sb)];
        let q = quote_state(v, i);
        let qs = QUOTE_STATES[q];
        contexts.push(CueContext {
            place_quote: (place * 4 + q) as u8,
            bucket: wb_index[i],
            seq: sp * BUCKETS.len() as u8 + sb,
            signature: if v.has_parse { kid_bits[i] & 15 } else { 16 },
        });
        let head_bucket = t.head.map_or(NO_HEAD_BUCKET, |h| wbh[h as usize]);
        let (k0, k1, k2) = kids[i];
        out.push([
            // The cue tagger's templates.
            names[CUE_BIAS_TEMPLATE],
            f1(1, w(i, -1)),
            f1(2, w(i, 1)),
            f1(3, w(i, -2)),
            f1(4, w(i, 2)),
            f2(5, in_lex, sth),
            f3(6, mark(i, -1), mark(i, 1), w(i, -1)),
            f1(7, pos(i, 0)),
            f2(8, pos(i, -1), pos(i, 0)),
            f2(9, pos(i, 0), pos(i, 1)),
            f2(10, dep, hp),
            f2(11, spos, qs),
            f3(12, in_lex, qs, pos(i, 0)),
            f1(13, wb),
            f1(14, seq),
            f2(15, word, pos(i, 1)),
            f3(16, pos(i, -2), pos(i, -1), pos(i, 0)),
            f1(17, w(i, -3)),
            f1(18, k0),
            f2(19, k2, k1),
            f2(20, dep, wb),
            f2(21, dep, head_bucket),
            // Read by the role tagger only.
            f1(22, word),
            f2(23, word, w(i, 1)),
            f1(24, hs(suf)),
            f1(25, shape_hash(v.word(i))),
            f1(26, qs),
        ]);
    }
}

/// Per token, from the parse, hashed: (signature of its subject/object/clausal children —
/// `S`, `O`, `C` ccomp, `X` xcomp, `P` parataxis or ccomp with xcomp — the clausal complement
/// kind it governs, the POS of its subject). `-` without a parse.
fn child_signatures_into(v: &View, out: &mut Vec<(u64, u64, u64)>, bits: &mut Vec<u8>) {
    const REL: [&str; 8] = [
        "nsubj",
        "nsubj:pass",
        "obj",
        "ccomp",
        "xcomp",
        "parataxis",
        "csubj",
        "advcl",
    ];
    const DASH: u64 = SIGS[16];
    const CCOMP: u64 = hash_str("ccomp");
    const XCOMP: u64 = hash_str("xcomp");
    const PARATAXIS: u64 = hash_str("parataxis");
    const CSUBJ: u64 = hash_str("csubj");
    const ADVCL: u64 = hash_str("advcl");
    out.clear();
    out.resize(v.len(), (DASH, DASH, DASH));
    if !v.has_parse {
        return;
    }
    bits.clear();
    bits.resize(v.len(), 0);
    for (i, t) in v.toks.iter().enumerate() {
        let (Some(h), Some(rel)) = (t.head, t.deprel) else {
            continue;
        };
        let h = h as usize;
        match REL.iter().position(|r| *r == rel) {
            Some(0 | 1) => {
                bits[h] |= 1;
                out[h].2 = hash_str(v.toks[i].upos.unwrap_or("-"));
            }
            Some(2) => bits[h] |= 2,
            Some(3) => {
                bits[h] |= 4;
                out[h].1 = CCOMP;
            }
            Some(4) => {
                bits[h] |= 8;
                if out[h].1 == DASH {
                    out[h].1 = XCOMP;
                }
            }
            Some(5) => {
                bits[h] |= 12;
                out[h].1 = PARATAXIS;
            }
            Some(6) => out[h].1 = CSUBJ,
            Some(_) if out[h].1 == DASH => out[h].1 = ADVCL,
            _ => {}
        }
    }
    for (o, &b) in out.iter_mut().zip(bits.iter()) {
        o.0 = SIGS[b as usize & 15];
    }
}

/// Base templates reused (combined with cue-relative context) by the role tagger.
pub const ROLE_TEMPLATES: [usize; 11] = [22, 1, 2, 23, 24, 25, 26, 6, 7, 10, 11];
/// Base template numbers the role tagger reads by name: the word, its POS, its shape.
pub const WORD: usize = 22;
pub const POS: usize = 7;
pub const SHAPE: usize = 25;
