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

/// Hashes of the word shape classes, in the order of [`shape_index`].
const SHAPES: [u64; 6] = [
    hash_str("empty"),
    hash_str("XX"),
    hash_str("Xx"),
    hash_str("x"),
    hash_str("d"),
    hash_str("p"),
];

/// The word's shape class (`empty`, `XX`, `Xx`, `x`, `d`, `p`) as an index in [`SHAPES`].
fn shape_index(w: &str) -> usize {
    let mut cs = w.chars();
    let Some(c) = cs.next() else {
        return 0;
    };
    if c.is_uppercase() {
        if w.chars().all(|c| c.is_uppercase() || c == '.') {
            1
        } else {
            2
        }
    } else if c.is_lowercase() {
        3
    } else if c.is_ascii_digit() {
        4
    } else {
        5
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

/// Template ids of few values, mixed once: (`f1(k, x)` is `mix(names[k], x)`).
struct FewValueIds {
    /// `f1(5, in_lex)` by in-lexicon (the first mix of template 5).
    in_lex: [u64; 2],
    /// `f2(12, in_lex, qs)` by in-lexicon and quotation state (the first two of template 12).
    in_lex_quote: [[u64; 4]; 2],
    /// `f2(11, spos, qs)` by place in sentence and quotation state.
    place_quote: [[u64; 4]; 4],
    /// `f1(13, bucket)` by [`BUCKETS`] index.
    bucket: [u64; BUCKETS.len()],
    /// `f1(14, seq)` by ([`SEQ_POSITIONS`], [`BUCKETS`]) index.
    seq: [[u64; BUCKETS.len()]; SEQ_POSITIONS.len()],
    /// `f1(18, k0)` by child signature bits (16: no parse).
    signature: [u64; 17],
    /// `f1(25, shape)` by [`shape_index`].
    shape: [u64; SHAPES.len()],
    /// `f1(26, qs)` by quotation state.
    quote: [u64; 4],
}

fn few_value_ids() -> &'static FewValueIds {
    static IDS: OnceLock<FewValueIds> = OnceLock::new();
    IDS.get_or_init(|| {
        let names = template_names();
        let f1 = |k: usize, a: u64| mix(names[k], a);
        const IN_LEX: [u64; 2] = [hash_str("0"), hash_str("1")];
        let seqs = seq_mark_hashes();
        FewValueIds {
            in_lex: IN_LEX.map(|l| f1(5, l)),
            in_lex_quote: IN_LEX.map(|l| QUOTE_STATES.map(|q| mix(f1(12, l), q))),
            place_quote: SPOS.map(|p| QUOTE_STATES.map(|q| mix(f1(11, p), q))),
            bucket: BUCKET_HASHES.map(|b| f1(13, b)),
            seq: seqs.map(|row| row.map(|h| f1(14, h))),
            signature: SIGS.map(|h| f1(18, h)),
            shape: SHAPES.map(|h| f1(25, h)),
            quote: QUOTE_STATES.map(|q| f1(26, q)),
        }
    })
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

/// Hashes of one document's tag names (POS, dependency relations), remembered by address:
/// the tagger and parser give their tokens the same few static strings, which were hashed
/// anew at every token. Kept for one document only, whose strings all outlive it (a string
/// freed, its address reused by another, would be found under the address).
struct TagHashes {
    /// (address, length, hash); length `usize::MAX`: empty.
    slots: [(usize, usize, u64); 64],
}

impl TagHashes {
    fn new() -> TagHashes {
        TagHashes {
            slots: [(0, usize::MAX, 0); 64],
        }
    }

    /// `hash_parts(&[s])`.
    #[inline]
    fn get(&mut self, s: &str) -> u64 {
        let (at, len) = (s.as_ptr() as usize, s.len());
        let k = ((at as u64 ^ len as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 58) as usize;
        let slot = &mut self.slots[k];
        if slot.0 == at && slot.1 == len {
            return slot.2;
        }
        let h = hash_parts(&[s]);
        *slot = (at, len, h);
        h
    }
}

/// `a == b`, compared inline when short (a call to `memcmp` for every token's lemma and word
/// cost more than the comparison).
#[inline]
fn same_str(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let n = a.len();
    let u64_at = |s: &[u8], k: usize| u64::from_le_bytes(s[k..k + 8].try_into().unwrap());
    let u32_at = |s: &[u8], k: usize| u32::from_le_bytes(s[k..k + 4].try_into().unwrap());
    match n {
        // The first and last 8 (or 4) bytes, overlapping when shorter than 16 (or 8).
        8..=16 => u64_at(a, 0) == u64_at(b, 0) && u64_at(a, n - 8) == u64_at(b, n - 8),
        4..=7 => u32_at(a, 0) == u32_at(b, 0) && u32_at(a, n - 4) == u32_at(b, n - 4),
        0..=3 => a.iter().zip(b).all(|(x, y)| x == y),
        _ => a == b,
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
    const NO_HEAD_BUCKET: u64 = hash_str("none");
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
    let mut tags = TagHashes::new();
    ph.extend(v.toks.iter().map(|t| tags.get(t.upos.unwrap_or("-"))));
    ph.extend([bound[2]; PAD]);
    child_signatures_into(v, &ph[PAD..PAD + n], kids, kid_bits);
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
    lex.cues.seq_mark_indices_into(words, wb_index, seqs);
    let (wp, pp, mp, wbh, seqs, kids) = (&wh[..], &ph[..], &mh[..], &wbh[..], &seqs[..], &kids[..]);
    // Token `i`'s POS (a head's; a token's own neighbours are read from its neighbourhood).
    let pos = |i: usize, d: isize| pp[(PAD + i).wrapping_add_signed(d)];
    let few = few_value_ids();
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
        // Token `i`'s neighbourhoods, so that reading neighbour `d` checks no bounds.
        let wn: &[u64; 2 * PAD + 1] = wp[i..i + 2 * PAD + 1].try_into().unwrap();
        let pn: &[u64; 2 * PAD + 1] = pp[i..i + 2 * PAD + 1].try_into().unwrap();
        let mn: &[u64; 2 * PAD + 1] = mp[i..i + 2 * PAD + 1].try_into().unwrap();
        let at = |d: isize| (PAD as isize + d) as usize;
        let w = |_: usize, d: isize| wn[at(d)];
        let pos_near = |_: usize, d: isize| pn[at(d)];
        let mark = |_: usize, d: isize| mn[at(d)];
        let t = &v.toks[i];
        let word = w(i, 0);
        let st = t.lemma.as_ref();
        // Most lemmas are the word itself, whose hash is at hand.
        let sth = if same_str(st, &t.lower) { word } else { hs(st) };
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
        let hp = t
            .head
            .map_or(const { hash_str("<root>") }, |h| pos(h as usize, 0));
        let dep = tags.get(t.deprel.unwrap_or("-"));
        let in_lex = usize::from(lex.contains_stem_hash(sth));
        let wb = wbh[i];
        let (sp, sb) = seqs[i];
        let q = quote_state(v, i);
        let signature = if v.has_parse {
            usize::from(kid_bits[i] & 15)
        } else {
            16
        };
        contexts.push(CueContext {
            place_quote: (place * 4 + q) as u8,
            bucket: wb_index[i],
            seq: sp * BUCKETS.len() as u8 + sb,
            signature: signature as u8,
        });
        let head_bucket = t.head.map_or(NO_HEAD_BUCKET, |h| wbh[h as usize]);
        let (_, k1, k2) = kids[i];
        // `f1`, `f2`, `f3` of the templates; those of few values are mixed once, in `few`.
        out.push([
            // The cue tagger's templates.
            names[CUE_BIAS_TEMPLATE],
            f1(1, w(i, -1)),
            f1(2, w(i, 1)),
            f1(3, w(i, -2)),
            f1(4, w(i, 2)),
            mix(few.in_lex[in_lex], sth),
            f3(6, mark(i, -1), mark(i, 1), w(i, -1)),
            f1(7, pos_near(i, 0)),
            f2(8, pos_near(i, -1), pos_near(i, 0)),
            f2(9, pos_near(i, 0), pos_near(i, 1)),
            f2(10, dep, hp),
            few.place_quote[place][q],
            mix(few.in_lex_quote[in_lex][q], pos_near(i, 0)),
            few.bucket[usize::from(wb_index[i])],
            few.seq[usize::from(sp)][usize::from(sb)],
            f2(15, word, pos_near(i, 1)),
            f3(16, pos_near(i, -2), pos_near(i, -1), pos_near(i, 0)),
            f1(17, w(i, -3)),
            few.signature[signature],
            f2(19, k2, k1),
            f2(20, dep, wb),
            f2(21, dep, head_bucket),
            // Read by the role tagger only.
            f1(22, word),
            f2(23, word, w(i, 1)),
            f1(24, hs(suf)),
            few.shape[shape_index(v.word(i))],
            few.quote[q],
        ]);
    }
}

/// Per token, from the parse, hashed: (signature of its subject/object/clausal children —
/// `S`, `O`, `C` ccomp, `X` xcomp, `P` parataxis or ccomp with xcomp — the clausal complement
/// kind it governs, the POS of its subject). `-` without a parse.
/// `pos` are the tokens' POS hashes.
fn child_signatures_into(
    v: &View,
    pos: &[u64],
    out: &mut Vec<(u64, u64, u64)>,
    bits: &mut Vec<u8>,
) {
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
                out[h].2 = pos[i];
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_str_is_string_equality() {
        let words: Vec<String> = (0..20)
            .map(|n| "abcdefghijklmnopqrst"[..n].to_string())
            .collect();
        for a in &words {
            for b in &words {
                assert_eq!(same_str(a, b), a == b, "{a:?} {b:?}");
                // The same length, one byte different anywhere.
                for k in 0..b.len() {
                    let mut c = b.clone().into_bytes();
                    c[k] = b'z';
                    let c = String::from_utf8(c).unwrap();
                    assert_eq!(same_str(a, &c), *a == c, "{a:?} {c:?}");
                }
            }
        }
        assert!(same_str("naïve", "naïve") && !same_str("naïve", "naive"));
    }
}
