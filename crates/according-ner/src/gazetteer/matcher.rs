//! Longest-match lookup of gazetteer names over token sequences.
//!
//! Names are keyed by their lower-cased letters and digits only, so a name matches however the
//! tokenizer split it (`Europe/Radio` as one token or three, `U.S.` or `U. S.`), without
//! allocating per lookup.

use super::{GazType, GAZ_TYPES};
use according_ml::perceptron::IdMap;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;
/// Longest name, in tokens, tried from each start.
const MAX_TOKENS: usize = 10;

/// One match: tokens `[start, end)` name something of type `kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GazMatch {
    pub start: usize,
    pub end: usize,
    pub kind: GazType,
}

#[derive(Debug, Clone, Copy, Default)]
struct Entry {
    types: u8,
    /// Types whose every entry with this key is an acronym (`AP`): match all-caps text only.
    caps_only: u8,
}

#[derive(Debug, Clone, Default)]
pub struct Matcher {
    map: IdMap<Entry>,
    /// Hashes of every name's prefix that ends where the name has a space or punctuation
    /// (where a tokenizer may cut), and of every whole name: the scan stops as soon as the
    /// text read so far is none of these.
    prefixes: IdMap<()>,
    /// Hashes of every prefix (letter by letter) of the titles: the only names a lower-case
    /// word can start, so a scan from a lower-case word (most words) stops as soon as its
    /// text is none of these, before probing the large `prefixes`.
    title_chars: IdMap<()>,
    max_chars: usize,
}

#[inline]
fn fold(h: u64, c: char) -> u64 {
    let mut h = h;
    if c.is_ascii() {
        h ^= c.to_ascii_lowercase() as u64;
        return h.wrapping_mul(FNV_PRIME);
    }
    for lc in c.to_lowercase() {
        let mut buf = [0u8; 4];
        for &b in lc.encode_utf8(&mut buf).as_bytes() {
            h ^= b as u64;
            h = h.wrapping_mul(FNV_PRIME);
        }
    }
    h
}

fn is_acronym(name: &str) -> bool {
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphanumeric()).collect();
    letters.len() <= 5 && letters.iter().all(|c| !c.is_lowercase())
}

impl Matcher {
    /// Add a name (also without a leading `The` if more than one word remains).
    pub fn insert(&mut self, name: &str, kind: GazType) {
        self.insert_one(name, kind);
        // `The Guardian` also as `Guardian`, but `The Australian` not as `Australian`.
        if let Some(rest) = name.strip_prefix("The ").filter(|r| r.contains(' ')) {
            self.insert_one(rest, kind);
        }
    }

    fn insert_one(&mut self, name: &str, kind: GazType) {
        let mut h = FNV_OFFSET;
        let mut n = 0;
        for c in name.chars() {
            if c.is_alphanumeric() {
                h = fold(h, c);
                n += 1;
                if kind == GazType::Title {
                    self.title_chars.insert(h, ());
                }
            } else if n > 0 {
                self.prefixes.insert(h, ());
            }
        }
        if n == 0 {
            return;
        }
        self.prefixes.insert(h, ());
        self.max_chars = self.max_chars.max(n);
        let bit = 1u8 << kind as u8;
        let e = self.map.entry(h).or_default();
        let had = e.types & bit != 0;
        e.types |= bit;
        if is_acronym(name) && (!had || e.caps_only & bit != 0) {
            e.caps_only |= bit;
        } else {
            e.caps_only &= !bit;
        }
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Types of the exact name `text` (any tokenization), ignoring case rules.
    pub fn types_of(&self, text: &str) -> Vec<GazType> {
        let mut h = FNV_OFFSET;
        for c in text.chars().filter(|c| c.is_alphanumeric()) {
            h = fold(h, c);
        }
        let e = self.map.get(&h).copied().unwrap_or_default();
        GAZ_TYPES
            .iter()
            .copied()
            .filter(|&t| e.types & (1 << t as u8) != 0)
            .collect()
    }

    /// For each type, the longest matches scanning left to right (matches of one type do not
    /// overlap; matches of different types may). Appends to `out`.
    pub fn find_into(&self, tokens: &[&str], out: &mut Vec<GazMatch>) {
        // best[t] = end of the longest match of type t starting at i
        let mut next_free = [0usize; GAZ_TYPES.len()];
        for i in 0..tokens.len() {
            let first = tokens[i].chars().next();
            let Some(first) = first else { continue };
            if !first.is_alphanumeric() {
                continue;
            }
            let upper_start = first.is_uppercase() || first.is_numeric();
            let mut best = [0usize; GAZ_TYPES.len()];
            let mut h = FNV_OFFSET;
            let mut n = 0;
            let mut all_caps = true;
            for j in i..tokens.len().min(i + MAX_TOKENS) {
                let mut added = false;
                for c in tokens[j].chars().filter(|c| c.is_alphanumeric()) {
                    h = fold(h, c);
                    n += 1;
                    added = true;
                    if c.is_lowercase() {
                        all_caps = false;
                    }
                }
                if n > self.max_chars {
                    break;
                }
                if !added {
                    continue;
                }
                if !(upper_start || self.title_chars.contains_key(&h))
                    || !self.prefixes.contains_key(&h)
                {
                    break;
                }
                if let Some(e) = self.map.get(&h) {
                    for t in GAZ_TYPES {
                        let bit = 1u8 << t as u8;
                        if e.types & bit == 0 || (e.caps_only & bit != 0 && !all_caps) {
                            continue;
                        }
                        if !upper_start && t != GazType::Title {
                            continue;
                        }
                        best[t as usize] = j + 1;
                    }
                }
            }
            for t in GAZ_TYPES {
                let end = best[t as usize];
                if end > i && i >= next_free[t as usize] {
                    out.push(GazMatch {
                        start: i,
                        end,
                        kind: t,
                    });
                    next_free[t as usize] = end;
                }
            }
        }
    }

    pub fn find(&self, tokens: &[&str]) -> Vec<GazMatch> {
        let mut v = Vec::new();
        self.find_into(tokens, &mut v);
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_match_any_tokenization() {
        let mut m = Matcher::default();
        m.insert("Radio Free Europe/Radio Liberty", GazType::Outlet);
        m.insert("Radio Free Europe", GazType::Outlet);
        m.insert("AP", GazType::Outlet);
        m.insert("The New York Times", GazType::Outlet);
        let toks = [
            "by", "Radio", "Free", "Europe", "/", "Radio", "Liberty", ".",
        ];
        let f = m.find(&toks);
        assert_eq!(
            f,
            vec![GazMatch {
                start: 1,
                end: 7,
                kind: GazType::Outlet
            }]
        );
        assert_eq!(
            m.find(&["Radio", "Free", "Europe/Radio", "Liberty"])[0].end,
            4
        );
        assert!(m.find(&["an", "Ap", "test"]).is_empty());
        assert_eq!(m.find(&["the", "AP", "said"]).len(), 1);
        assert_eq!(m.find(&["in", "New", "York", "Times"])[0].start, 1);
        assert!(m.find(&["in", "new", "york", "times"]).is_empty());
    }

    #[test]
    fn lower_case_words_start_titles_only() {
        let mut m = Matcher::default();
        m.insert("prime minister", GazType::Title);
        m.insert("Prime Computer", GazType::Outlet);
        m.insert("minister", GazType::Title);
        let title = |start, end| GazMatch {
            start,
            end,
            kind: GazType::Title,
        };
        assert_eq!(
            m.find(&["the", "prime", "minister", "said"]),
            vec![title(1, 3)]
        );
        assert!(m.find(&["a", "prime", "computer"]).is_empty());
        let f = m.find(&["Prime", "Computer", "and", "Prime", "Minister"]);
        assert_eq!(f.len(), 2, "{f:?}");
        assert_eq!((f[0].kind, f[1]), (GazType::Outlet, title(3, 5)));
    }
}
