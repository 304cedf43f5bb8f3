//! Feature extraction: per-token base features hashed once per document, and cheap u64
//! combinations of them with cue-relative context for the source/content tagger.

use crate::lexicon::Lexicon;
use crate::view::{QuoteMark, View};
use according_ml::features::hash_parts;

/// Number of base feature templates per token.
pub const NB: usize = 45;

/// Combine two feature ids into one (order matters).
#[inline]
pub fn mix(a: u64, b: u64) -> u64 {
    let mut h = a ^ b.rotate_left(23).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    h ^= h >> 31;
    h = h.wrapping_mul(0xBF58_476D_1CE4_E5B9);
    h ^ (h >> 29)
}

fn shape(w: &str) -> &'static str {
    let mut cs = w.chars();
    let Some(c) = cs.next() else { return "empty" };
    if c.is_uppercase() {
        if w.chars().all(|c| c.is_uppercase() || c == '.') {
            "XX"
        } else {
            "Xx"
        }
    } else if c.is_lowercase() {
        "x"
    } else if c.is_ascii_digit() {
        "d"
    } else {
        "p"
    }
}

fn mark_str(m: QuoteMark) -> &'static str {
    match m {
        QuoteMark::None => "-",
        QuoteMark::Open => "open",
        QuoteMark::Close => "close",
    }
}

pub fn quote_state(v: &View, i: usize) -> &'static str {
    let t = &v.toks[i];
    match (t.mark, t.in_quote) {
        (QuoteMark::Open, _) => "open",
        (QuoteMark::Close, _) => "close",
        (_, true) => "in",
        (_, false) => "out",
    }
}

/// Base features of every token of the view.
#[allow(clippy::needless_range_loop)] // features look at neighbours of `i`
pub fn base_features(v: &View, lex: &Lexicon) -> Vec<[u64; NB]> {
    let n = v.len();
    let w = |i: isize| -> &str {
        if i < 0 {
            "<s>"
        } else if i as usize >= n {
            "</s>"
        } else {
            v.toks[i as usize].lower.as_str()
        }
    };
    let pos = |i: isize| -> &str {
        if i < 0 || i as usize >= n {
            "<b>"
        } else {
            v.toks[i as usize].upos.as_deref().unwrap_or("-")
        }
    };
    let mark = |i: isize| -> &str {
        if i < 0 || i as usize >= n {
            "<b>"
        } else {
            mark_str(v.toks[i as usize].mark)
        }
    };
    let seqs = lex.cues.seq_marks(v);
    // First clause-introducing marker within the next 4 tokens (`said that`, `told reporters:`).
    let marker = |i: usize| -> (&str, usize) {
        for d in 1..=4 {
            let Some(t) = v.toks.get(i + d) else { break };
            if t.mark == QuoteMark::Open {
                return ("quote", d);
            }
            let m = t.lower.as_str();
            if matches!(
                m,
                "that" | "to" | ":" | "," | "about" | "whether" | "if" | "for" | "of" | "on"
            ) {
                return (m, d);
            }
        }
        ("-", 0)
    };
    let kids = child_signatures(v);
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let ii = i as isize;
        let t = &v.toks[i];
        let word = t.lower.as_str();
        let st = t.lemma.as_str();
        let suf: &str = {
            let k = word.char_indices().rev().nth(2).map_or(0, |(k, _)| k);
            &word[k..]
        };
        let sent = &v.sentences[t.sentence as usize];
        let spos = if i == sent.start {
            "first"
        } else if i + 1 == sent.end {
            "last"
        } else if i == sent.start + 1 {
            "second"
        } else {
            "mid"
        };
        let (hw, hp) = match t.head {
            Some(h) => (
                v.toks[h as usize].lower.as_str(),
                v.toks[h as usize].upos.as_deref().unwrap_or("-"),
            ),
            None => ("<root>", "<root>"),
        };
        let dep = t.deprel.as_deref().unwrap_or("-");
        let in_lex = if lex.contains_stem(st) { "1" } else { "0" };
        let wb = lex.cues.word_bucket(word);
        let (sp, sb) = seqs[i];
        let (mk, md) = marker(i);
        let md = ["0", "1", "2", "3", "4"][md];
        out.push([
            hash_parts(&["bias"]),
            hash_parts(&["w", word]),
            hash_parts(&["p1", w(ii - 1)]),
            hash_parts(&["n1", w(ii + 1)]),
            hash_parts(&["p2", w(ii - 2)]),
            hash_parts(&["n2", w(ii + 2)]),
            hash_parts(&["p1w", w(ii - 1), word]),
            hash_parts(&["wn1", word, w(ii + 1)]),
            hash_parts(&["suf", suf]),
            hash_parts(&["shape", shape(v.word(i))]),
            hash_parts(&["lex", in_lex, st]),
            hash_parts(&["q", quote_state(v, i)]),
            hash_parts(&["qctx", mark(ii - 1), mark(ii + 1), w(ii - 1)]),
            hash_parts(&["pos", pos(ii)]),
            hash_parts(&["pp", pos(ii - 1), pos(ii)]),
            hash_parts(&["pn", pos(ii), pos(ii + 1)]),
            hash_parts(&["dep", dep, hp]),
            hash_parts(&["hw", hw, dep]),
            hash_parts(&["spos", spos, quote_state(v, i)]),
            hash_parts(&["tri", w(ii - 1), word, w(ii + 1)]),
            hash_parts(&["wq", word, mark(ii - 1), mark(ii + 1)]),
            hash_parts(&["lexq", in_lex, quote_state(v, i), pos(ii)]),
            hash_parts(&["tl", wb]),
            hash_parts(&["tlp", wb, pos(ii)]),
            hash_parts(&["tln", wb, w(ii + 1)]),
            hash_parts(&["tlpw", wb, w(ii - 1)]),
            hash_parts(&["mw", sp, sb]),
            hash_parts(&["mwp", sp, sb, pos(ii)]),
            hash_parts(&["n1p", word, pos(ii + 1)]),
            hash_parts(&["ppp", pos(ii - 2), pos(ii - 1), pos(ii)]),
            hash_parts(&["pnn", pos(ii), pos(ii + 1), pos(ii + 2)]),
            hash_parts(&["p3", w(ii - 3)]),
            hash_parts(&["n3", w(ii + 3)]),
            hash_parts(&["mk", mk, md, pos(ii)]),
            hash_parts(&["mkw", mk, md, st]),
            hash_parts(&["mkt", mk, md, wb]),
            hash_parts(&["wpos", word, pos(ii)]),
            hash_parts(&["kids", kids[i].0]),
            hash_parts(&["kidw", word, kids[i].1]),
            hash_parts(&["kidl", wb, kids[i].0]),
            hash_parts(&["kidsp", kids[i].2, kids[i].1]),
            hash_parts(&["depl", dep, wb]),
            hash_parts(&[
                "headl",
                dep,
                t.head
                    .map_or("none", |h| lex.cues.word_bucket(&v.toks[h as usize].lower)),
            ]),
            hash_parts(&["poss", word, kids[i].3]),
            hash_parts(&["hwl", hw, dep, wb]),
        ]);
    }
    out
}

/// Per token, from the parse: (signature of its subject/object/clausal children — `S`, `O`,
/// `C` ccomp, `X` xcomp, `P` parataxis or ccomp with xcomp — the
/// clausal complement kind it governs, the POS of its subject, whether it has a possessor).
/// `-` without a parse.
fn child_signatures<'v>(v: &'v View) -> Vec<(&'static str, &'static str, &'v str, &'static str)> {
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
    const SIGS: [&str; 16] = [
        "", "S", "O", "SO", "C", "SC", "OC", "SOC", "X", "SX", "OX", "SOX", "P", "SP", "OP", "SOP",
    ];
    let mut bits = vec![0u8; v.len()];
    let mut clausal = vec!["-"; v.len()];
    let mut subj: Vec<&str> = vec!["-"; v.len()];
    let mut poss = vec!["-"; v.len()];
    if !v.has_parse {
        return vec![("-", "-", "-", "-"); v.len()];
    }
    for (i, t) in v.toks.iter().enumerate() {
        let (Some(h), Some(rel)) = (t.head, t.deprel.as_deref()) else {
            continue;
        };
        let h = h as usize;
        if rel == "nmod:poss" {
            poss[h] = "poss";
        }
        match REL.iter().position(|r| *r == rel) {
            Some(0 | 1) => {
                bits[h] |= 1;
                subj[h] = v.toks[i].upos.as_deref().unwrap_or("-");
            }
            Some(2) => bits[h] |= 2,
            Some(3) => {
                bits[h] |= 4;
                clausal[h] = "ccomp";
            }
            Some(4) => {
                bits[h] |= 8;
                if clausal[h] == "-" {
                    clausal[h] = "xcomp";
                }
            }
            Some(5) => {
                bits[h] |= 12;
                clausal[h] = "parataxis";
            }
            Some(6) => clausal[h] = "csubj",
            Some(_) if clausal[h] == "-" => clausal[h] = "advcl",
            _ => {}
        }
    }
    (0..v.len())
        .map(|i| (SIGS[bits[i] as usize & 15], clausal[i], subj[i], poss[i]))
        .collect()
}

/// Base templates reused (combined with cue-relative context) by the role tagger.
pub const ROLE_TEMPLATES: [usize; 12] = [1, 2, 3, 6, 7, 8, 9, 11, 12, 13, 16, 18];
