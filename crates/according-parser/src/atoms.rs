//! Per-word feature atoms: each word's form, tag and suffix hashed once per sentence, so the
//! feature templates combine integers instead of strings.

use according_ml::features::hash_parts;

/// Atom values for "no word here" and for the artificial root.
const NONE_ATOM: u64 = 0x6e6f_6e65;
const ROOT_ATOM: u64 = 0x726f_6f74;

#[derive(Default, Clone)]
pub struct Atoms {
    /// Normalised word form (lowercase, digits folded).
    pub w: Vec<u64>,
    /// XPOS + UPOS together (PTB detail plus UD's AUX/VERB split).
    pub p: Vec<u64>,
    /// Last three characters of the normalised form.
    pub suf: Vec<u64>,
    /// UPOS alone and XPOS alone (back-offs when the joint tag is wrong in one half).
    pub u: Vec<u64>,
    pub x: Vec<u64>,
}

impl Atoms {
    /// Fill from one sentence; index `n` is the root, beyond it "none".
    pub fn fill(&mut self, words: &[&str], upos: &[&str], xpos: &[&str]) {
        self.w.clear();
        self.p.clear();
        self.suf.clear();
        self.u.clear();
        self.x.clear();
        let mut buf = String::new();
        for (i, word) in words.iter().enumerate() {
            normalise(word, &mut buf);
            self.w.push(hash_parts(&[&buf]));
            let tail: usize = buf.char_indices().rev().nth(2).map_or(0, |(i, _)| i);
            self.suf.push(hash_parts(&[&buf[tail..]]));
            let u = upos.get(i).copied().unwrap_or("_");
            let x = xpos.get(i).copied().unwrap_or("_");
            self.p.push(hash_parts(&[x, u]));
            self.u.push(hash_parts(&["u", u]));
            self.x.push(hash_parts(&["x", x]));
        }
        for v in [
            &mut self.w,
            &mut self.p,
            &mut self.suf,
            &mut self.u,
            &mut self.x,
        ] {
            v.push(ROOT_ATOM);
        }
    }

    #[inline]
    pub fn w(&self, i: u32) -> u64 {
        self.w.get(i as usize).copied().unwrap_or(NONE_ATOM)
    }
    #[inline]
    pub fn p(&self, i: u32) -> u64 {
        self.p.get(i as usize).copied().unwrap_or(NONE_ATOM)
    }
    #[inline]
    pub fn u(&self, i: u32) -> u64 {
        self.u.get(i as usize).copied().unwrap_or(NONE_ATOM)
    }
    #[inline]
    pub fn x(&self, i: u32) -> u64 {
        self.x.get(i as usize).copied().unwrap_or(NONE_ATOM)
    }
    #[inline]
    pub fn suf(&self, i: u32) -> u64 {
        self.suf.get(i as usize).copied().unwrap_or(NONE_ATOM)
    }
}

/// Lowercase, every digit as `0`, so numbers and case variants share weights.
fn normalise(word: &str, out: &mut String) {
    out.clear();
    for c in word.chars() {
        if c.is_ascii_digit() {
            out.push('0');
        } else if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
}
