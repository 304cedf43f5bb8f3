//! Feature extraction: per-token base features hashed once per document, and cheap u64
//! combinations of them with cue-relative context for the source/content tagger.

use crate::cue_lexicon::{BUCKETS, SEQ_POSITIONS};
use crate::lexicon::Lexicon;
use crate::view::{QuoteMark, View};
use according_ml::features::{hash_parts, hash_str};
use std::sync::OnceLock;

/// Number of base feature templates per token: the cue tagger's [`NB_CUE`] first, then the
/// ones only the role tagger reads.
pub const NB: usize = 27;
/// Base templates the cue tagger uses (the first `NB_CUE` of each token's array). The set was
/// pruned from 45 by ablation on PolNeAR dev (`examples/ablate.rs`, then retraining): the
/// dropped ones cost table lookups without improving any score.
pub const NB_CUE: usize = 22;

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

/// Hash of token `i`'s place relative to quotations: `open`, `close`, `in` or `out`.
pub fn quote_state_hash(v: &View, i: usize) -> u64 {
    const OPEN: u64 = hash_str("open");
    const CLOSE: u64 = hash_str("close");
    const IN: u64 = hash_str("in");
    const OUT: u64 = hash_str("out");
    let t = &v.toks[i];
    match (t.mark, t.in_quote) {
        (QuoteMark::Open, _) => OPEN,
        (QuoteMark::Close, _) => CLOSE,
        (_, true) => IN,
        (_, false) => OUT,
    }
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

/// Base features of every token of the view.
#[allow(clippy::needless_range_loop)] // features look at neighbours of `i`
pub fn base_features(v: &View, lex: &Lexicon) -> Vec<[u64; NB]> {
    let n = v.len();

    let kids = child_signatures(v);
    const NO_HEAD_BUCKET: u64 = hash_str("none");
    const IN_LEX: [u64; 2] = [hash_str("0"), hash_str("1")];
    const SPOS: [u64; 4] = [
        hash_str("first"),
        hash_str("last"),
        hash_str("second"),
        hash_str("mid"),
    ];
    const BUCKET_HASHES: [u64; BUCKETS.len()] = {
        let mut h = [0; BUCKETS.len()];
        let mut i = 0;
        while i < h.len() {
            h[i] = hash_str(BUCKETS[i]);
            i += 1;
        }
        h
    };
    const MARKS: [u64; 3] = [hash_str("-"), hash_str("open"), hash_str("close")];
    // Strings are hashed once per token; templates combine the hashes with `mix` (hashing
    // every template's strings anew was most of this function's time).
    let hs = |x: &str| hash_parts(&[x]);
    let bound = const { [hash_str("<s>"), hash_str("</s>"), hash_str("<b>")] };
    let wh: Vec<u64> = v.toks.iter().map(|t| hs(&t.lower)).collect();
    let ph: Vec<u64> = v.toks.iter().map(|t| hs(t.upos.unwrap_or("-"))).collect();
    let mh: Vec<u64> = v
        .toks
        .iter()
        .map(|t| match t.mark {
            QuoteMark::None => MARKS[0],
            QuoteMark::Open => MARKS[1],
            QuoteMark::Close => MARKS[2],
        })
        .collect();
    // One cue-lexicon lookup per word, for its rate bucket and for the multiword cue strings.
    let wb_index: Vec<u8> = wh.iter().map(|&h| lex.cues.word_bucket_index(h)).collect();
    let wbh: Vec<u64> = wb_index
        .iter()
        .map(|&b| BUCKET_HASHES[usize::from(b)])
        .collect();
    let seq_hashes = seq_mark_hashes();
    let seqs = lex.cues.seq_mark_indices(&wh, &wb_index);
    let w = |i: isize| -> u64 {
        if i < 0 {
            bound[0]
        } else if i as usize >= n {
            bound[1]
        } else {
            wh[i as usize]
        }
    };
    let pos = |i: isize| -> u64 {
        if i < 0 || i as usize >= n {
            bound[2]
        } else {
            ph[i as usize]
        }
    };
    let mark = |i: isize| -> u64 {
        if i < 0 || i as usize >= n {
            bound[2]
        } else {
            mh[i as usize]
        }
    };
    let names = template_names();
    let f1 = |k: usize, a: u64| mix(names[k], a);
    let f2 = |k: usize, a: u64, b: u64| mix(mix(names[k], a), b);
    let f3 = |k: usize, a: u64, b: u64, c: u64| mix(mix(mix(names[k], a), b), c);
    let mut out = vec![[0u64; NB]; n];
    for (i, o) in out.iter_mut().enumerate() {
        let ii = i as isize;
        let t = &v.toks[i];
        let word = wh[i];
        let st = t.lemma.as_ref();
        let sth = hs(st);
        let suf: &str = {
            let k = t.lower.char_indices().rev().nth(2).map_or(0, |(k, _)| k);
            &t.lower[k..]
        };
        let sent = &v.sentences[t.sentence as usize];
        let spos = if i == sent.start {
            SPOS[0]
        } else if i + 1 == sent.end {
            SPOS[1]
        } else if i == sent.start + 1 {
            SPOS[2]
        } else {
            SPOS[3]
        };
        let hp = t
            .head
            .map_or(const { hash_str("<root>") }, |h| ph[h as usize]);
        let dep = hs(t.deprel.unwrap_or("-"));
        let in_lex = IN_LEX[usize::from(lex.contains_stem_hash(sth))];
        let wb = wbh[i];
        let (sp, sb) = seqs[i];
        let seq = seq_hashes[usize::from(sp)][usize::from(sb)];
        let qs = quote_state_hash(v, i);
        let head_bucket = t.head.map_or(NO_HEAD_BUCKET, |h| wbh[h as usize]);
        let (k0, k1, k2) = kids[i];
        *o = [
            // The cue tagger's templates.
            names[0],
            f1(1, w(ii - 1)),
            f1(2, w(ii + 1)),
            f1(3, w(ii - 2)),
            f1(4, w(ii + 2)),
            f2(5, in_lex, sth),
            f3(6, mark(ii - 1), mark(ii + 1), w(ii - 1)),
            f1(7, pos(ii)),
            f2(8, pos(ii - 1), pos(ii)),
            f2(9, pos(ii), pos(ii + 1)),
            f2(10, dep, hp),
            f2(11, spos, qs),
            f3(12, in_lex, qs, pos(ii)),
            f1(13, wb),
            f1(14, seq),
            f2(15, word, pos(ii + 1)),
            f3(16, pos(ii - 2), pos(ii - 1), pos(ii)),
            f1(17, w(ii - 3)),
            f1(18, k0),
            f2(19, k2, k1),
            f2(20, dep, wb),
            f2(21, dep, head_bucket),
            // Read by the role tagger only.
            f1(22, word),
            f2(23, word, w(ii + 1)),
            f1(24, hs(suf)),
            f1(25, shape_hash(v.word(i))),
            f1(26, qs),
        ];
    }
    out
}

/// Per token, from the parse, hashed: (signature of its subject/object/clausal children —
/// `S`, `O`, `C` ccomp, `X` xcomp, `P` parataxis or ccomp with xcomp — the clausal complement
/// kind it governs, the POS of its subject). `-` without a parse.
fn child_signatures(v: &View) -> Vec<(u64, u64, u64)> {
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
    const SIGS: [u64; 16] = {
        const S: [&str; 16] = [
            "", "S", "O", "SO", "C", "SC", "OC", "SOC", "X", "SX", "OX", "SOX", "P", "SP", "OP",
            "SOP",
        ];
        let mut h = [0; 16];
        let mut i = 0;
        while i < 16 {
            h[i] = hash_str(S[i]);
            i += 1;
        }
        h
    };
    const DASH: u64 = hash_str("-");
    const CCOMP: u64 = hash_str("ccomp");
    const XCOMP: u64 = hash_str("xcomp");
    const PARATAXIS: u64 = hash_str("parataxis");
    const CSUBJ: u64 = hash_str("csubj");
    const ADVCL: u64 = hash_str("advcl");
    if !v.has_parse {
        return vec![(DASH, DASH, DASH); v.len()];
    }
    let mut bits = vec![0u8; v.len()];
    let mut clausal = vec![DASH; v.len()];
    let mut subj = vec![DASH; v.len()];
    for (i, t) in v.toks.iter().enumerate() {
        let (Some(h), Some(rel)) = (t.head, t.deprel) else {
            continue;
        };
        let h = h as usize;
        match REL.iter().position(|r| *r == rel) {
            Some(0 | 1) => {
                bits[h] |= 1;
                subj[h] = hash_str(v.toks[i].upos.unwrap_or("-"));
            }
            Some(2) => bits[h] |= 2,
            Some(3) => {
                bits[h] |= 4;
                clausal[h] = CCOMP;
            }
            Some(4) => {
                bits[h] |= 8;
                if clausal[h] == DASH {
                    clausal[h] = XCOMP;
                }
            }
            Some(5) => {
                bits[h] |= 12;
                clausal[h] = PARATAXIS;
            }
            Some(6) => clausal[h] = CSUBJ,
            Some(_) if clausal[h] == DASH => clausal[h] = ADVCL,
            _ => {}
        }
    }
    (0..v.len())
        .map(|i| (SIGS[bits[i] as usize & 15], clausal[i], subj[i]))
        .collect()
}

/// Base templates reused (combined with cue-relative context) by the role tagger.
pub const ROLE_TEMPLATES: [usize; 11] = [22, 1, 2, 23, 24, 25, 26, 6, 7, 10, 11];
/// Base template numbers the role tagger reads by name: the word, its POS, its shape.
pub const WORD: usize = 22;
pub const POS: usize = 7;
pub const SHAPE: usize = 25;
