//! Per-token lexical hashes and the feature templates of the tagger.
//!
//! Each word is read once ([`TokenInfo::compute`]): its form, normalised form (lowercase, digits
//! as `0`), shape, prefixes and suffixes are hashed into integers. The features of one tagging
//! decision ([`extract`]) then only mix those integers with the previous tags: no strings, no
//! allocation.

use crate::hashing::{feat1, feat2, feat3, hash_str, StrHasher};
use crate::lexicon::Lexicon;

const N_PREFIX: usize = 3;
const N_SUFFIX: usize = 4;

/// Everything the templates need to know about one word.
#[derive(Debug, Clone, Copy, Default)]
pub struct TokenInfo {
    pub form: u64,
    pub norm: u64,
    pub shape: u64,
    pub prefix: [u64; N_PREFIX],
    pub suffix: [u64; N_SUFFIX],
    /// The set of tags the word had in training (its "ambiguity class"), 0 when unknown.
    pub ambig: u64,
    /// Word clusters: fine id + 1 in the low 32 bits, coarse id + 1 above; 0 when unknown.
    pub cluster: u64,
    /// Bit flags: see `FLAG_*`.
    pub flags: u64,
}

const FLAG_DIGIT: u64 = 1;
const FLAG_HYPHEN: u64 = 2;
const FLAG_UPPER_INITIAL: u64 = 4;
const FLAG_ALL_UPPER: u64 = 8;
const FLAG_NO_ALNUM: u64 = 16;
const FLAG_PERIOD: u64 = 32;

/// Reusable buffers for [`TokenInfo::compute`].
#[derive(Default)]
pub struct Scratch {
    norm: String,
    /// Byte offsets of char starts in `norm`.
    starts: Vec<usize>,
}

impl TokenInfo {
    /// A padding position before the sentence (`which` = 1, 2) or after it (3, 4).
    pub fn pad(which: u64) -> TokenInfo {
        let h = hash_str("<pad>") ^ which;
        TokenInfo {
            form: h,
            norm: h,
            shape: h,
            prefix: [h; N_PREFIX],
            suffix: [h; N_SUFFIX],
            ambig: h,
            cluster: 0,
            flags: 1 << 40 | which,
        }
    }

    pub fn compute(word: &str, lex: &Lexicon, s: &mut Scratch) -> TokenInfo {
        let mut info = Self::hashes(word, s);
        info.look_up(lex);
        info
    }

    /// [`TokenInfo::compute`] without the lexicon lookups ([`TokenInfo::look_up`] adds them):
    /// a sentence's lookups can then be requested all at once ([`Lexicon::prefetch`]).
    pub fn hashes(word: &str, s: &mut Scratch) -> TokenInfo {
        if word.is_ascii() {
            return Self::compute_ascii(word.as_bytes());
        }
        Self::compute_unicode(word, s)
    }

    /// Fill in what the lexicon says about the word (ambiguity class, clusters).
    #[inline]
    pub fn look_up(&mut self, lex: &Lexicon) {
        self.ambig = lex.ambiguity_class(self.norm);
        self.cluster = lex.cluster(self.norm);
    }

    /// [`TokenInfo::compute`] of an ASCII word (nearly every word of English news): one pass
    /// over the bytes for the form, normalised form, prefixes, shape and flags, no buffer.
    fn compute_ascii(word: &[u8]) -> TokenInfo {
        let norm_byte = |b: u8| {
            if b.is_ascii_digit() {
                b'0'
            } else {
                b.to_ascii_lowercase()
            }
        };
        let mut form = StrHasher::default();
        let mut norm = StrHasher::default();
        let mut prefix = [0u64; N_PREFIX];
        let mut shape = [0u8; 8];
        let (mut shape_len, mut last, mut shape_full) = (0, 0u8, false);
        let mut f = 0;
        let (mut any_alnum, mut any_lower, mut any_upper) = (false, false, false);
        for (i, &b) in word.iter().enumerate() {
            form.push(b);
            norm.push(norm_byte(b));
            if i < N_PREFIX {
                prefix[i] = norm.finish();
            }
            let sym = if b.is_ascii_uppercase() {
                any_upper = true;
                if i == 0 {
                    f |= FLAG_UPPER_INITIAL;
                }
                b'X'
            } else if b.is_ascii_lowercase() {
                any_lower = true;
                b'x'
            } else if b.is_ascii_digit() {
                f |= FLAG_DIGIT;
                b'd'
            } else {
                match b {
                    b'-' => f |= FLAG_HYPHEN,
                    b'.' => f |= FLAG_PERIOD,
                    _ => {}
                }
                b
            };
            any_alnum |= b.is_ascii_alphanumeric();
            if sym != last && !shape_full {
                last = sym;
                if shape_len == shape.len() {
                    shape_full = true;
                } else {
                    shape[shape_len] = sym;
                    shape_len += 1;
                }
            }
        }
        let norm_h = norm.finish();
        // Prefixes longer than the word repeat the whole word.
        for p in prefix.iter_mut().skip(word.len()) {
            *p = norm_h;
        }
        let mut suffix = [norm_h; N_SUFFIX];
        for (k, x) in suffix.iter_mut().enumerate().take(word.len()) {
            let mut h = StrHasher::default();
            word[word.len() - 1 - k..]
                .iter()
                .for_each(|&b| h.push(norm_byte(b)));
            *x = h.finish();
        }
        if any_upper && !any_lower {
            f |= FLAG_ALL_UPPER;
        }
        if !any_alnum {
            f |= FLAG_NO_ALNUM;
        }
        let mut sh = StrHasher::default();
        shape[..shape_len].iter().for_each(|&b| sh.push(b));
        TokenInfo {
            form: form.finish(),
            norm: norm_h,
            shape: sh.finish(),
            prefix,
            suffix,
            ambig: 0,
            cluster: 0,
            flags: f,
        }
    }

    /// [`TokenInfo::compute`] of any word.
    fn compute_unicode(word: &str, s: &mut Scratch) -> TokenInfo {
        normalise(word, &mut s.norm);
        s.starts.clear();
        s.starts.extend(s.norm.char_indices().map(|(i, _)| i));
        let norm = s.norm.as_str();
        let n = s.starts.len();
        let mut prefix = [0u64; N_PREFIX];
        for (k, p) in prefix.iter_mut().enumerate() {
            // Prefixes longer than the word repeat the whole word: still informative.
            let end = s.starts.get(k + 1).copied().unwrap_or(norm.len());
            *p = hash_str(&norm[..end]);
        }
        let mut suffix = [0u64; N_SUFFIX];
        for (k, x) in suffix.iter_mut().enumerate() {
            let start = if k < n { s.starts[n - 1 - k] } else { 0 };
            *x = hash_str(&norm[start..]);
        }
        let norm_h = hash_str(norm);
        let form = hash_str(word);
        TokenInfo {
            form,
            norm: norm_h,
            shape: shape_hash(word),
            prefix,
            suffix,
            ambig: 0,
            cluster: 0,
            flags: flags(word),
        }
    }
}

/// Lowercase, with every ASCII digit written as `0` (years and amounts generalise).
pub fn normalise(word: &str, out: &mut String) {
    out.clear();
    for c in word.chars() {
        if c.is_ascii() {
            let b = c.to_ascii_lowercase();
            out.push(if b.is_ascii_digit() { '0' } else { b });
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

/// Hash of the word shape: `Xx` for `London`, `d.d` for `3.5`, runs collapsed, at most 8 symbols.
fn shape_hash(word: &str) -> u64 {
    let mut buf = [0u8; 8];
    let mut len = 0;
    let mut last = 0u8;
    for c in word.chars() {
        let sym = if c.is_uppercase() {
            b'X'
        } else if c.is_lowercase() {
            b'x'
        } else if c.is_numeric() {
            b'd'
        } else if c.is_ascii() {
            c as u8
        } else {
            b'*'
        };
        if sym == last {
            continue;
        }
        last = sym;
        if len == buf.len() {
            break;
        }
        buf[len] = sym;
        len += 1;
    }
    hash_str(std::str::from_utf8(&buf[..len]).unwrap_or(""))
}

fn flags(word: &str) -> u64 {
    let mut f = 0;
    let mut any_alnum = false;
    let mut any_lower = false;
    let mut any_upper = false;
    for (i, c) in word.chars().enumerate() {
        if c.is_numeric() {
            f |= FLAG_DIGIT;
        }
        if c == '-' {
            f |= FLAG_HYPHEN;
        }
        if c == '.' {
            f |= FLAG_PERIOD;
        }
        if c.is_alphanumeric() {
            any_alnum = true;
        }
        if c.is_uppercase() {
            any_upper = true;
            if i == 0 {
                f |= FLAG_UPPER_INITIAL;
            }
        }
        if c.is_lowercase() {
            any_lower = true;
        }
    }
    if any_upper && !any_lower {
        f |= FLAG_ALL_UPPER;
    }
    if !any_alnum {
        f |= FLAG_NO_ALNUM;
    }
    f
}

/// The tag of position -1 / -2 before the sentence start, as feature values.
pub const START1: u64 = 1 << 20;
pub const START2: u64 = 1 << 21;

/// Features of the decision at `i`, given the previous two tags (`p1` at i-1, `p2` at i-2).
/// `toks` must be padded: two pads before and two after the words, so word `i` is `toks[i+2]`.
/// The set is [`word_features`] followed by [`context_features`].
pub fn extract(toks: &[TokenInfo], i: usize, p1: u64, p2: u64, out: &mut Vec<u64>) {
    out.clear();
    word_features(&toks[i + 2], out);
    context_features(toks, i, p1, p2, out);
}

/// The features that depend on the word alone (appended to `out`): their scores can be
/// cached per word type, since news text repeats its words.
pub fn word_features(w: &TokenInfo, out: &mut Vec<u64>) {
    out.push(feat1(0, 0));
    out.push(feat1(1, w.form));
    out.push(feat1(2, w.norm));
    for (k, &x) in w.suffix.iter().enumerate() {
        out.push(feat1(3 + k as u32, x));
    }
    for (k, &x) in w.prefix.iter().enumerate() {
        out.push(feat1(10 + k as u32, x));
    }
    out.push(feat1(14, w.shape));
    out.push(feat1(15, w.flags));
    out.push(feat1(29, w.ambig));
    if w.cluster != 0 {
        out.push(feat1(38, w.cluster & 0xffff_ffff));
        out.push(feat1(42, w.cluster >> 32));
    }
}

/// The features that depend on the position, the neighbours or the previous tags (appended
/// to `out`): [`joint_features`], then each neighbour's [`neighbour_features`].
pub fn context_features(toks: &[TokenInfo], i: usize, p1: u64, p2: u64, out: &mut Vec<u64>) {
    joint_features(toks, i, p1, p2, out);
    for (role, k) in Neighbour::ALL.into_iter().zip(neighbour_positions(i)) {
        neighbour_features(role, &toks[k], out);
    }
}

/// Padded positions of the neighbours of word `i`, in `Neighbour::ALL` order.
pub fn neighbour_positions(i: usize) -> [usize; 4] {
    [i + 1, i, i + 3, i + 4]
}

/// The position a neighbouring word holds relative to the word being tagged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Neighbour {
    Prev1,
    Prev2,
    Next1,
    Next2,
}

impl Neighbour {
    pub const ALL: [Neighbour; 4] = [
        Neighbour::Prev1,
        Neighbour::Prev2,
        Neighbour::Next1,
        Neighbour::Next2,
    ];
}

/// The part of [`context_features`] that depends on one neighbour's word alone: its scores can
/// be cached per word type and role, like [`word_features`]'.
pub fn neighbour_features(role: Neighbour, t: &TokenInfo, out: &mut Vec<u64>) {
    match role {
        Neighbour::Prev1 => {
            out.push(feat1(20, t.norm));
            out.push(feat1(24, t.suffix[2]));
            out.push(feat1(27, t.shape));
            out.push(feat1(41, t.ambig));
            if t.cluster != 0 {
                out.push(feat1(39, t.cluster & 0xffff_ffff));
            }
        }
        Neighbour::Prev2 => out.push(feat1(21, t.norm)),
        Neighbour::Next1 => {
            out.push(feat1(22, t.norm));
            out.push(feat1(25, t.suffix[2]));
            out.push(feat1(26, t.suffix[0]));
            out.push(feat1(28, t.shape));
            out.push(feat1(30, t.ambig));
            if t.cluster != 0 {
                out.push(feat1(40, t.cluster & 0xffff_ffff));
                out.push(feat1(45, t.cluster >> 32));
            }
        }
        Neighbour::Next2 => {
            out.push(feat1(23, t.norm));
            out.push(feat1(31, t.ambig));
        }
    }
}

/// The feature of [`joint_features`] over the word's flags and whether it opens the sentence
/// (few distinct values: its scores can be cached per value).
#[inline]
pub fn flag_feature(w: &TokenInfo, i: usize) -> u64 {
    feat2(16, w.flags, (i == 0) as u64)
}

/// The features of [`joint_features`] over the previous two tags alone (cacheable per pair).
#[inline]
pub fn tag_history_features(p1: u64, p2: u64) -> [u64; 2] {
    [feat1(17, p1), feat2(18, p1, p2)]
}

/// The rest of [`joint_features`]: those over the word with its neighbours or the previous
/// tag. [`flag_feature`], [`tag_history_features`] and these are [`joint_features`].
pub fn joint_features_rest(toks: &[TokenInfo], i: usize, p1: u64, out: &mut Vec<u64>) {
    let w = &toks[i + 2];
    let m1 = &toks[i + 1];
    let n1 = &toks[i + 3];
    out.push(feat2(19, p1, w.norm));
    out.push(feat2(32, p1, w.ambig));
    out.push(feat2(33, w.ambig, n1.ambig));
    out.push(feat2(34, m1.norm, w.norm));
    out.push(feat2(35, w.norm, n1.norm));
    out.push(feat2(36, p1, w.suffix[2]));
    out.push(feat3(37, p1, w.ambig, n1.ambig));
    if w.cluster != 0 {
        out.push(feat2(44, p1, w.cluster & 0xffff_ffff));
    }
}

/// The part of [`context_features`] over several words or the previous tags.
pub fn joint_features(toks: &[TokenInfo], i: usize, p1: u64, p2: u64, out: &mut Vec<u64>) {
    out.push(flag_feature(&toks[i + 2], i));
    out.extend(tag_history_features(p1, p2));
    joint_features_rest(toks, i, p1, out);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_case_digits_and_unicode() {
        let mut s = String::new();
        normalise("ÉTÉ 1999", &mut s);
        assert_eq!(s, "été 0000");
    }

    #[test]
    fn shapes_collapse_runs() {
        assert_eq!(shape_hash("London"), shape_hash("Paris"));
        assert_ne!(shape_hash("London"), shape_hash("LONDON"));
        assert_eq!(shape_hash("3.5"), shape_hash("12.25"));
    }

    #[test]
    fn ascii_words_get_what_the_general_path_computes() {
        let mut s = Scratch::default();
        let words = [
            "",
            "a",
            "I",
            "Officials",
            "LONDON",
            "3.5",
            "1990s",
            "--",
            "e-mail",
            "U.S.",
            "x1Y2z3",
            "ABCdefGHIjklMNOpqr0123",
            "'s",
            "n't",
            "Mr.",
            "%",
            "aaaaaaaaaaaa",
            "aBcDeFgHiJ",
        ];
        for w in words {
            let fast = TokenInfo::compute_ascii(w.as_bytes());
            let general = TokenInfo::compute_unicode(w, &mut s);
            assert_eq!(format!("{fast:?}"), format!("{general:?}"), "{w:?}");
        }
    }

    #[test]
    fn affixes_of_short_and_non_ascii_words() {
        let lex = Lexicon::default();
        let mut s = Scratch::default();
        let a = TokenInfo::compute("a", &lex, &mut s);
        assert_eq!(a.suffix[0], a.suffix[3]);
        let b = TokenInfo::compute("naïveté", &lex, &mut s);
        assert_eq!(b.suffix[0], hash_str("é"));
        assert_eq!(b.prefix[2], hash_str("naï"));
    }

    /// A short sentence's tokens between two pads on each side, some with clusters.
    fn padded_sentence() -> Vec<TokenInfo> {
        let lex = Lexicon::default();
        let mut s = Scratch::default();
        let mut toks = vec![TokenInfo::pad(1), TokenInfo::pad(2)];
        for w in ["Officials", "in", "Kyiv", "said", "3.5", "%", "."] {
            let mut t = TokenInfo::compute(w, &lex, &mut s);
            t.cluster = t.norm & 0x0000_00ff_0000_00ff; // some clustered, some not
            toks.push(t);
        }
        toks.push(TokenInfo::pad(3));
        toks.push(TokenInfo::pad(4));
        toks
    }

    #[test]
    fn joint_features_are_flag_history_and_rest() {
        let toks = padded_sentence();
        for i in 0..toks.len() - 4 {
            let (p1, p2) = (i as u64 * 7, i as u64 * 13);
            let mut whole = Vec::new();
            joint_features(&toks, i, p1, p2, &mut whole);
            let mut parts = vec![flag_feature(&toks[i + 2], i)];
            parts.extend(tag_history_features(p1, p2));
            joint_features_rest(&toks, i, p1, &mut parts);
            whole.sort_unstable();
            parts.sort_unstable();
            assert_eq!(whole, parts, "position {i}");
        }
    }

    #[test]
    fn joint_and_neighbour_features_are_the_context_features() {
        let toks = padded_sentence();
        for i in 0..toks.len() - 4 {
            let (p1, p2) = (i as u64 * 7, i as u64 * 13);
            let mut whole = Vec::new();
            context_features(&toks, i, p1, p2, &mut whole);
            let mut parts = Vec::new();
            joint_features(&toks, i, p1, p2, &mut parts);
            let at = [i + 1, i, i + 3, i + 4];
            for (role, j) in Neighbour::ALL.into_iter().zip(at) {
                neighbour_features(role, &toks[j], &mut parts);
            }
            whole.sort_unstable();
            parts.sort_unstable();
            assert_eq!(whole, parts, "position {i}");
        }
    }
}
