//! Word lists: reporting verbs from VerbNet (communication classes, read at training time and
//! stored in the model file) and small closed lists used by rules (hedges, denials, vague and
//! anonymous sources).

use according_ml::features::hash_parts;
use according_ml::perceptron::IdMap;
use std::collections::HashSet;
use std::path::Path;

/// Reporting-verb lemmas (and their crude stems) known to the model, and the cue lexicon
/// learned from training data.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    stems: HashSet<String>,
    /// `hash_parts(&[stem])` of each stem, for the per-token feature lookup.
    stem_hashes: IdMap<()>,
    pub cues: crate::cue_lexicon::CueLexicon,
}

impl Lexicon {
    pub fn from_words(words: impl IntoIterator<Item = String>) -> Self {
        let stems: HashSet<String> = words
            .into_iter()
            .map(|w| stem(&w.to_lowercase()).to_string())
            .collect();
        Lexicon {
            stem_hashes: stems.iter().map(|s| (hash_parts(&[s]), ())).collect(),
            stems,
            cues: Default::default(),
        }
    }

    /// The `MEMBER name="..."` entries of every VerbNet class file in `dir`.
    pub fn read_verbnet(dir: &Path) -> Result<Vec<String>, String> {
        let mut words = Vec::new();
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .map_err(|e| format!("{}: {e}", dir.display()))?
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "xml"))
            .collect();
        files.sort();
        for f in files {
            let s = std::fs::read_to_string(&f).map_err(|e| format!("{}: {e}", f.display()))?;
            for part in s.split("<MEMBER ").skip(1) {
                if let Some(rest) = part.split("name=\"").nth(1) {
                    if let Some(name) = rest.split('"').next() {
                        words.push(name.replace('_', " "));
                    }
                }
            }
        }
        words.sort();
        words.dedup();
        Ok(words)
    }

    pub fn contains_stem(&self, s: &str) -> bool {
        self.stems.contains(s)
    }

    /// [`Lexicon::contains_stem`] of the stem whose `hash_parts(&[stem])` is `h`.
    pub fn contains_stem_hash(&self, h: u64) -> bool {
        self.stem_hashes.contains_key(&h)
    }

    pub fn words(&self) -> Vec<String> {
        let mut v: Vec<String> = self.stems.iter().cloned().collect();
        v.sort();
        v
    }
}

/// A crude suffix-stripping stem, enough to tie `says`/`saying`, `claimed`/`claims`.
pub fn stem(w: &str) -> &str {
    for suf in ["ing", "ed", "es", "s"] {
        if w.len() > suf.len() + 2 && w.ends_with(suf) {
            return &w[..w.len() - suf.len()];
        }
    }
    w
}

/// Words that hedge a claim (`reportedly`, `allegedly`, `is suspected of`).
pub const HEDGES: &[&str] = &[
    "reportedly",
    "allegedly",
    "alleged",
    "purportedly",
    "purported",
    "suspected",
    "apparently",
    "rumored",
    "rumoured",
    "supposedly",
    "possibly",
    "may",
    "might",
    "could",
    "linked",
    "believed",
    "thought",
    "claimed",
    "unconfirmed",
    "unverified",
    "seemingly",
];

/// Words that signal a denial (`denied that`, `there is no proof`).
pub const DENIALS: &[&str] = &[
    "deny", "denied", "denies", "denying", "denial", "refuted", "refutes",
];

/// Verbs that deny only what is claimed: `dismissed claims that`, `rejected suggestions`,
/// `disputed the figures`, `dismissed the row as speculation`; not `dismissed both appeals`,
/// `rejected the bill`, `rejects Tory terror offer` (a decision, not a denial).
pub const REBUTTALS: &[&str] = &[
    "dismiss",
    "dismissed",
    "dismisses",
    "reject",
    "rejected",
    "rejects",
    "rejecting",
    "dispute",
    "disputed",
    "disputes",
    "rebuffed",
    "brushed aside",
];

/// What a rebuttal verb denies when it denies a claim (see [`REBUTTALS`]).
pub const CLAIM_NOUNS: &[&str] = &[
    "claim",
    "claims",
    "allegation",
    "allegations",
    "accusation",
    "accusations",
    "charge",
    "charges",
    "report",
    "reports",
    "suggestion",
    "suggestions",
    "speculation",
    "rumour",
    "rumours",
    "rumor",
    "rumors",
    "criticism",
    "criticisms",
    "idea",
    "notion",
    "assertion",
    "assertions",
    "finding",
    "findings",
    "figures",
    "fears",
    "concerns",
    "talk",
    "story",
    "stories",
    "theory",
    "view",
    "views",
    "comparison",
    "comparisons",
    "comment",
    "comments",
    "jibe",
    "jibes",
    "attack",
    "argument",
    "arguments",
    "questions",
];

/// Heads of vague sources (`officials said`, `critics`, `reports`, `experts`).
pub const VAGUE_HEADS: &[&str] = &[
    "officials",
    "official",
    "sources",
    "source",
    "critics",
    "experts",
    "analysts",
    "observers",
    "reports",
    "report",
    "people",
    "some",
    "many",
    "others",
    "few",
    "residents",
    "witnesses",
    "insiders",
    "aides",
    "diplomats",
    "sources",
    "media",
    "rumors",
    "rumours",
    "studies",
    "polls",
    "those",
    "everyone",
    "someone",
    "supporters",
    "opponents",
    "advocates",
    "economists",
    "scientists",
    "democrats",
    "republicans",
    "conservatives",
    "liberals",
    "activists",
    "observers",
];

/// Phrases marking an anonymous source.
pub const ANONYMOUS: &[&str] = &[
    "anonymity",
    "anonymously",
    "unnamed",
    "familiar with",
    "not authorized",
    "not authorised",
    "asked not to be named",
    "declined to be named",
    "who requested anonymity",
    "speaking on background",
];
