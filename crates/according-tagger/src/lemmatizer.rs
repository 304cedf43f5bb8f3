//! Lemmatizer: a lexicon of (form, XPOS) → most frequent lemma from the training data, and for
//! unseen words suffix rules learned from it: per XPOS and word ending, the most frequent
//! "strip k characters, add s" edit (`studies`/NNS → strip `ies` add `y`). Lemmas are lowercase
//! except for proper nouns, which keep the case of the form (UD English convention).

use crate::bytes::{put_str, put_u32s, put_u64s, Cursor};
use crate::hashing::{feat2, hash_str};
use crate::table::U64Table;
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

/// Longest word ending (in characters) a rule may be keyed on.
const MAX_SUFFIX: usize = 7;

const T_EXACT: u32 = 201;
const T_LOWER: u32 = 202;
const T_RULE: u32 = 203;

#[derive(Debug, Clone, Default)]
pub struct Lemmatizer {
    strings: Vec<Box<str>>,
    exact: U64Table<u32>,
    lower: U64Table<u32>,
    /// (xpos, ending) → rule number.
    rules: U64Table<u32>,
    rule_strip: Vec<u8>,
    rule_add: Vec<u32>,
}

fn is_proper(xpos: &str) -> bool {
    xpos.starts_with("NNP")
}

fn lowercase(s: &str) -> Cow<'_, str> {
    if s.chars().any(|c| c.is_uppercase()) {
        Cow::Owned(s.to_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

/// Byte offset where the last `k` characters of `s` start (`None` if `s` is shorter).
fn suffix_start(s: &str, k: usize) -> Option<usize> {
    if k == 0 {
        return Some(s.len());
    }
    s.char_indices().rev().nth(k - 1).map(|(i, _)| i)
}

/// Characters to strip from the end of a word, and text to append.
type Edit = (usize, String);

/// `(strip, add)`: characters to drop from the end of `base`, and the text to append, so that
/// `base` becomes `lemma`.
fn edit(base: &str, lemma: &str) -> (usize, String) {
    let common: usize = base
        .chars()
        .zip(lemma.chars())
        .take_while(|(a, b)| a == b)
        .count();
    let strip = base.chars().count() - common;
    let add: String = lemma.chars().skip(common).collect();
    (strip, add)
}

/// Most frequent key of a count map; ties go to the smallest key (deterministic).
fn most_frequent<K: Ord + Clone>(m: &BTreeMap<K, u32>) -> K {
    m.iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map(|(k, _)| k.clone())
        .expect("non-empty count map")
}

/// Interns strings into the lemmatizer's table.
struct Strings {
    list: Vec<Box<str>>,
    ids: HashMap<String, u32>,
}

impl Strings {
    fn id(&mut self, s: &str) -> u32 {
        if let Some(&i) = self.ids.get(s) {
            return i;
        }
        self.list.push(s.into());
        self.ids.insert(s.to_string(), self.list.len() as u32 - 1);
        self.list.len() as u32 - 1
    }
}

impl Lemmatizer {
    /// Learn from `(form, xpos, lemma)` triples (lemma `_` = unknown, skipped).
    pub fn build<'a>(words: impl Iterator<Item = (&'a str, &'a str, &'a str)>) -> Lemmatizer {
        let mut exact: BTreeMap<(&str, &str), BTreeMap<&str, u32>> = BTreeMap::new();
        let mut lower: BTreeMap<(String, &str), BTreeMap<&str, u32>> = BTreeMap::new();
        for (form, xpos, lemma) in words {
            if lemma == "_" && form != "_" {
                continue;
            }
            *exact
                .entry((form, xpos))
                .or_default()
                .entry(lemma)
                .or_default() += 1;
            *lower
                .entry((form.to_lowercase(), xpos))
                .or_default()
                .entry(lemma)
                .or_default() += 1;
        }
        let mut strings = Strings {
            list: Vec::new(),
            ids: HashMap::new(),
        };
        let mut lem = Lemmatizer::default();
        // Rules count word types, not tokens: unseen words behave like rare types.
        let mut rule_counts: BTreeMap<(&str, String), BTreeMap<Edit, u32>> = BTreeMap::new();
        for (&(form, xpos), lemmas) in &exact {
            let best = most_frequent(lemmas);
            let id = strings.id(best);
            lem.exact
                .insert(feat2(T_EXACT, hash_str(form), hash_str(xpos)), id);
            let base = if is_proper(xpos) {
                Cow::Borrowed(form)
            } else {
                lowercase(form)
            };
            let target = if is_proper(xpos) {
                Cow::Borrowed(best)
            } else {
                lowercase(best)
            };
            let (strip, add) = edit(&base, &target);
            let n = base.chars().count();
            for k in strip..=n.min(MAX_SUFFIX) {
                let Some(start) = suffix_start(&base, k) else {
                    break;
                };
                *rule_counts
                    .entry((xpos, base[start..].to_string()))
                    .or_default()
                    .entry((strip, add.clone()))
                    .or_default() += 1;
            }
        }
        for ((form, xpos), lemmas) in &lower {
            let id = strings.id(most_frequent(lemmas));
            lem.lower
                .insert(feat2(T_LOWER, hash_str(form), hash_str(xpos)), id);
        }
        // Keep a rule only where it differs from the rule of the next shorter ending: lookups
        // take the longest ending present, so dropped rules fall back to an equal one.
        let best: BTreeMap<&(&str, String), (usize, String)> = rule_counts
            .iter()
            .map(|(k, m)| (k, most_frequent(m)))
            .collect();
        for (key, e) in &best {
            let (xpos, ending) = (key.0, &key.1);
            if !ending.is_empty() {
                let shorter = &ending[ending.char_indices().nth(1).map_or(ending.len(), |x| x.0)..];
                if best.get(&(xpos, shorter.to_string())) == Some(e) {
                    continue;
                }
            }
            let Ok(strip) = u8::try_from(e.0) else {
                continue;
            };
            lem.rules.insert(
                feat2(T_RULE, hash_str(xpos), hash_str(ending)),
                lem.rule_strip.len() as u32,
            );
            lem.rule_strip.push(strip);
            lem.rule_add.push(strings.id(&e.1));
        }
        lem.strings = strings.list;
        lem
    }

    pub fn n_rules(&self) -> usize {
        self.rule_strip.len()
    }

    pub fn n_entries(&self) -> usize {
        self.exact.len()
    }

    /// The lemma of `form` tagged `xpos`.
    pub fn lemma<'s>(&'s self, form: &str, xpos: &str) -> Cow<'s, str> {
        let xh = hash_str(xpos);
        self.lemma_keyed(form, xpos, xh, Self::exact_key(hash_str(form), xh))
    }

    /// The key [`Lemmatizer::lemma`] looks `form` up with first, from `hash_str(form)` and
    /// `hash_str(xpos)` (the tagger has the first already).
    #[inline]
    pub(crate) fn exact_key(form_hash: u64, xpos_hash: u64) -> u64 {
        feat2(T_EXACT, form_hash, xpos_hash)
    }

    /// Start loading the table slot of an [`Lemmatizer::exact_key`] (a hint).
    #[inline]
    pub(crate) fn prefetch(&self, exact_key: u64) {
        self.exact.prefetch(exact_key);
    }

    /// [`Lemmatizer::lemma`] with the hashes it needs given: `xh = hash_str(xpos)`, `exact`
    /// its [`Lemmatizer::exact_key`].
    pub(crate) fn lemma_keyed<'s>(
        &'s self,
        form: &str,
        xpos: &str,
        xh: u64,
        exact: u64,
    ) -> Cow<'s, str> {
        if let Some(i) = self.exact.get(exact) {
            return Cow::Borrowed(&self.strings[i as usize]);
        }
        let proper = is_proper(xpos);
        let base = if proper {
            Cow::Borrowed(form)
        } else {
            lowercase(form)
        };
        if !proper {
            if let Some(i) = self.lower.get(feat2(T_LOWER, hash_str(&base), xh)) {
                return Cow::Borrowed(&self.strings[i as usize]);
            }
        }
        let n = base.chars().count();
        for k in (0..=n.min(MAX_SUFFIX)).rev() {
            let Some(start) = suffix_start(&base, k) else {
                continue;
            };
            if let Some(r) = self.rules.get(feat2(T_RULE, xh, hash_str(&base[start..]))) {
                let strip = self.rule_strip[r as usize] as usize;
                if strip > n {
                    break;
                }
                let cut = suffix_start(&base, strip).unwrap_or(0);
                let add = self
                    .strings
                    .get(self.rule_add[r as usize] as usize)
                    .map_or("", |s| s);
                let mut out = String::with_capacity(cut + add.len());
                out.push_str(&base[..cut]);
                out.push_str(add);
                if out.is_empty() {
                    break;
                }
                return Cow::Owned(out);
            }
        }
        Cow::Owned(base.into_owned())
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        put_u32s(&mut out, [self.strings.len() as u32]);
        for s in &self.strings {
            put_str(&mut out, s);
        }
        for t in [&self.exact, &self.lower, &self.rules] {
            let mut pairs: Vec<(u64, u32)> = t.iter().collect();
            pairs.sort_unstable();
            put_u32s(&mut out, [pairs.len() as u32]);
            put_u64s(&mut out, pairs.iter().map(|p| p.0));
            put_u32s(&mut out, pairs.iter().map(|p| p.1));
        }
        out.extend_from_slice(&self.rule_strip);
        put_u32s(&mut out, self.rule_add.iter().copied());
        out
    }

    pub fn from_bytes(data: &[u8]) -> Result<Lemmatizer, String> {
        let mut c = Cursor::new(data, "lemmatizer");
        let n = c.u32()? as usize;
        let mut strings = Vec::with_capacity(n.min(data.len()));
        for _ in 0..n {
            strings.push(Box::from(c.str()?));
        }
        let mut tables = Vec::new();
        for _ in 0..3 {
            let n = c.u32()? as usize;
            let keys = c.u64s(n)?;
            let vals = c.u32s(n)?;
            let mut t = U64Table::with_capacity(n);
            for (k, v) in keys.into_iter().zip(vals) {
                t.insert(k, v);
            }
            tables.push(t);
        }
        let rules = tables.pop().unwrap();
        let lower = tables.pop().unwrap();
        let exact = tables.pop().unwrap();
        let n_rules = rules.len();
        let rule_strip = c.u8s(n_rules)?.to_vec();
        let rule_add = c.u32s(n_rules)?;
        c.done()?;
        let n_str = strings.len() as u32;
        let bad = exact.iter().chain(lower.iter()).any(|(_, v)| v >= n_str)
            || rules.iter().any(|(_, v)| v as usize >= n_rules)
            || rule_add.iter().any(|&v| v >= n_str);
        if bad {
            return Err("tagger lemmatizer: index out of range".into());
        }
        Ok(Lemmatizer {
            strings,
            exact,
            lower,
            rules,
            rule_strip,
            rule_add,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toy() -> Lemmatizer {
        let data = [
            ("studies", "NNS", "study"),
            ("flies", "NNS", "fly"),
            ("cats", "NNS", "cat"),
            ("dogs", "NNS", "dog"),
            ("walked", "VBD", "walk"),
            ("talked", "VBD", "talk"),
            ("went", "VBD", "go"),
            ("Smiths", "NNPS", "Smith"),
            ("The", "DT", "the"),
        ];
        Lemmatizer::build(data.iter().copied())
    }

    #[test]
    fn lexicon_then_rules() {
        let l = toy();
        assert_eq!(l.lemma("went", "VBD"), "go");
        assert_eq!(l.lemma("The", "DT"), "the");
        assert_eq!(l.lemma("THE", "DT"), "the");
        assert_eq!(l.lemma("parties", "NNS"), "party");
        assert_eq!(l.lemma("Birds", "NNS"), "bird");
        assert_eq!(l.lemma("jumped", "VBD"), "jump");
        assert_eq!(l.lemma("Joneses", "NNP"), "Joneses");
        assert_eq!(l.lemma("", "NN"), "");
        assert_eq!(l.lemma("s", "NNS"), "s");
    }

    #[test]
    fn roundtrips() {
        let l = toy();
        let back = Lemmatizer::from_bytes(&l.to_bytes()).unwrap();
        assert_eq!(back.lemma("parties", "NNS"), "party");
        assert!(Lemmatizer::from_bytes(&l.to_bytes()[..10]).is_err());
    }
}
