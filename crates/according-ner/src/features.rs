//! Feature extraction for the BILOU tagger: per-sentence static features (words, affixes,
//! shapes, capitalisation prior, gazetteer matches) computed once, plus dynamic ones (previous
//! labels, what this word was labelled earlier in the document) added during decoding.

use crate::gazetteer::{GazMatch, Matcher, GAZ_TYPES};
use crate::labels::{split, Kind, TokenSpan, LABEL_NAMES};
use crate::prior::{CasePrior, PRIOR_NAMES};
use according_ml::features::hash_parts;
use std::collections::HashMap;

const GAZ_POS: [&str; 5] = ["-", "B", "I", "L", "U"];

/// What earlier sentences of the document said about words (non-local consistency: a later
/// bare `Ivanov` after `Sergei Ivanov`).
#[derive(Default, Debug, Clone)]
pub struct DocMemory {
    seen: HashMap<String, Kind>,
}

impl DocMemory {
    pub fn clear(&mut self) {
        self.seen.clear();
    }
    pub fn get(&self, lower: &str) -> Option<Kind> {
        self.seen.get(lower).copied()
    }
    /// Remember the words of predicted spans.
    pub fn learn(&mut self, lowers: &[String], words: &[&str], spans: &[TokenSpan]) {
        for s in spans {
            for i in s.start..s.end {
                if words[i].chars().next().is_some_and(char::is_uppercase) && words[i].len() > 1 {
                    self.seen.insert(lowers[i].clone(), s.kind);
                }
            }
        }
    }
}

/// Reusable per-sentence buffers.
#[derive(Default)]
pub struct SentFeats {
    pub lower: Vec<String>,
    shape: Vec<String>,
    prior: Vec<u8>,
    gaz: Vec<[u8; GAZ_TYPES.len()]>,
    matches: Vec<GazMatch>,
    /// Static feature ids of token i: `ids[offsets[i]..offsets[i + 1]]`.
    ids: Vec<u64>,
    offsets: Vec<usize>,
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
        self.offsets.len().saturating_sub(1)
    }

    pub fn matches(&self) -> &[GazMatch] {
        &self.matches
    }

    pub fn static_ids(&self, i: usize) -> &[u64] {
        &self.ids[self.offsets[i]..self.offsets[i + 1]]
    }

    /// Compute everything that does not depend on predictions.
    pub fn compute(&mut self, words: &[&str], prior: &CasePrior, matcher: &Matcher) {
        let n = words.len();
        while self.lower.len() < n {
            self.lower.push(String::new());
            self.shape.push(String::new());
        }
        self.prior.clear();
        for (i, w) in words.iter().enumerate() {
            let l = &mut self.lower[i];
            l.clear();
            l.extend(w.chars().flat_map(char::to_lowercase));
            shape_into(w, &mut self.shape[i]);
            self.prior.push(prior.bucket(l));
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
        self.ids.clear();
        self.offsets.clear();
        for i in 0..n {
            self.offsets.push(self.ids.len());
            self.token_features(words, i);
        }
        self.offsets.push(self.ids.len());
    }

    fn lw(&self, i: isize, n: usize) -> &str {
        if i < 0 {
            "<s>"
        } else if i as usize >= n {
            "</s>"
        } else {
            &self.lower[i as usize]
        }
    }

    fn sh(&self, i: isize, n: usize) -> &str {
        if i < 0 {
            "<s>"
        } else if i as usize >= n {
            "</s>"
        } else {
            &self.shape[i as usize]
        }
    }

    fn token_features(&mut self, words: &[&str], i: usize) {
        let n = words.len();
        let ii = i as isize;
        let mut ids = std::mem::take(&mut self.ids);
        let mut add = |parts: &[&str]| ids.push(hash_parts(parts));
        let w0 = self.lw(ii, n);
        add(&["bias"]);
        add(&["w0", w0]);
        add(&["raw0", words[i]]);
        add(&["w-1", self.lw(ii - 1, n)]);
        add(&["w+1", self.lw(ii + 1, n)]);
        add(&["w-2", self.lw(ii - 2, n)]);
        add(&["w+2", self.lw(ii + 2, n)]);
        add(&["w-1w0", self.lw(ii - 1, n), w0]);
        add(&["w0w+1", w0, self.lw(ii + 1, n)]);
        let chars: Vec<(usize, char)> = w0.char_indices().collect();
        let nc = chars.len();
        for k in 1..=4usize.min(nc.saturating_sub(1)) {
            add(&["p", &w0[..chars[k].0]]);
            add(&["s", &w0[chars[nc - k].0..]]);
        }
        let s0 = self.sh(ii, n);
        add(&["sh0", s0]);
        add(&["sh-1", self.sh(ii - 1, n)]);
        add(&["sh+1", self.sh(ii + 1, n)]);
        add(&["sh-1,0,+1", self.sh(ii - 1, n), s0, self.sh(ii + 1, n)]);
        let initial = i == 0 || is_sentence_opener(words[i - 1]);
        let init = if initial { "init" } else { "mid" };
        add(&["init", init, s0]);
        let p0 = PRIOR_NAMES[self.prior[i] as usize];
        add(&["pr0", p0]);
        add(&["pr0sh", p0, s0, init]);
        if i > 0 {
            add(&[
                "pr-1",
                PRIOR_NAMES[self.prior[i - 1] as usize],
                self.sh(ii - 1, n),
            ]);
        }
        if i + 1 < n {
            add(&[
                "pr+1",
                PRIOR_NAMES[self.prior[i + 1] as usize],
                self.sh(ii + 1, n),
            ]);
        }
        for t in GAZ_TYPES {
            let ti = t as usize;
            let g0 = self.gaz[i][ti];
            if g0 != 0 {
                add(&["g0", t.name(), GAZ_POS[g0 as usize]]);
                add(&["g0sh", t.name(), GAZ_POS[g0 as usize], s0]);
            }
            if i > 0 && self.gaz[i - 1][ti] != 0 {
                add(&["g-1", t.name(), GAZ_POS[self.gaz[i - 1][ti] as usize]]);
            }
            if i + 1 < n && self.gaz[i + 1][ti] != 0 {
                add(&["g+1", t.name(), GAZ_POS[self.gaz[i + 1][ti] as usize]]);
            }
        }
        self.ids = ids;
    }
}

/// Add the features that depend on earlier decisions.
pub fn dynamic_features(
    sf: &SentFeats,
    i: usize,
    prev: &[usize],
    memory: &DocMemory,
    words: &[&str],
    out: &mut Vec<u64>,
) {
    let y1 = if i >= 1 {
        LABEL_NAMES[prev[i - 1]]
    } else {
        "<s>"
    };
    let y2 = if i >= 2 {
        LABEL_NAMES[prev[i - 2]]
    } else {
        "<s>"
    };
    let w0 = sf.lower[i].as_str();
    out.push(hash_parts(&["y-1", y1]));
    out.push(hash_parts(&["y-2y-1", y2, y1]));
    out.push(hash_parts(&["y-1w0", y1, w0]));
    out.push(hash_parts(&["y-1sh0", y1, &sf.shape[i]]));
    if words[i].chars().next().is_some_and(char::is_uppercase) {
        if let Some(k) = memory.get(w0) {
            out.push(hash_parts(&["mem", k.name()]));
            out.push(hash_parts(&["memy-1", k.name(), y1]));
        }
    }
    // Entity kind open before this token (for long names).
    if i >= 1 {
        if let Some((k, _)) = split(prev[i - 1]) {
            out.push(hash_parts(&["open", k.name(), &sf.shape[i]]));
        }
    }
}
