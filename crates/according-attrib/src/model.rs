//! The trained model: a cue tagger (B/I/O over sentences) and a role tagger that labels the
//! tokens around one cue as source, content or neither; their features; the model file.

use crate::features::{
    mix, quote_state, CueContextScores, NB_CUE, POS, QUOTE_STATES, ROLE_TEMPLATES, SHAPE, WORD,
};
use crate::lexicon::Lexicon;
use crate::score_table::{ScoreTable, MAX_LABELS};
use crate::sequence::{transitions_of, SeqFeatures};
use crate::view::{QuoteMark, View};
use according_ml::features::{hash_parts, hash_str};
use according_ml::modelfile::{ByteReader, ByteWriter, ModelFile};
use according_ml::perceptron::Weights;
use std::ops::Range;

pub const KIND: &str = "attribution";
pub const FORMAT_VERSION: u32 = 1;

/// Cue tagger labels.
pub const CUE_O: usize = 0;
pub const CUE_B: usize = 1;
pub const CUE_I: usize = 2;
pub const CUE_LABELS: usize = 3;

/// Role tagger labels.
pub const ROLE_O: usize = 0;
pub const ROLE_S: usize = 1;
pub const ROLE_C: usize = 2;
pub const ROLE_Q: usize = 3;
pub const ROLE_LABELS: usize = 4;

/// Sentences considered on each side of a cue's sentence when labelling its source/content.
pub const WINDOW_SENTENCES: usize = 3;
/// Tokens considered at most on each side of a cue.
pub const WINDOW_TOKENS: usize = 120;

pub fn cue_allowed(t: usize, y: usize, prev_ok: bool) -> bool {
    let _ = t;
    y != CUE_I || prev_ok
}

/// Which feature templates the taggers use: bit `k` of `cue` keeps base template `k`, bit `k`
/// of `role` keeps the `k`-th feature of [`role_features`]. All on by default; ablation
/// studies (examples/ablate.rs) switch templates off to find the ones not worth their lookups.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FeatureMask {
    pub cue: u64,
    pub role: u64,
}

impl Default for FeatureMask {
    fn default() -> Self {
        FeatureMask {
            cue: u64::MAX,
            role: u64::MAX,
        }
    }
}

/// Features of token `i` for the cue tagger.
pub fn cue_features(
    base: &[[u64; crate::features::NB]],
    i: usize,
    mask: u64,
    out: &mut SeqFeatures,
) {
    if mask == u64::MAX {
        out.ids.extend_from_slice(&base[i][..NB_CUE]);
    } else {
        let kept = base[i][..NB_CUE]
            .iter()
            .enumerate()
            .filter(|(k, _)| mask >> k & 1 == 1);
        out.ids.extend(kept.map(|(_, &id)| id));
    }
}

/// The token window labelled for the cue at `cue` (token range): the cue's sentence, extended
/// over neighbouring sentences while a quotation runs across the boundary (multi-sentence
/// quotes), at most [`WINDOW_SENTENCES`] each way and [`WINDOW_TOKENS`] tokens each side.
pub fn window(v: &View, cue: &Range<usize>) -> Range<usize> {
    let s = v.toks[cue.start].sentence as usize;
    let quoted_boundary = |left: usize| {
        // Boundary between sentence `left` and `left + 1`.
        let a = &v.toks[v.sentences[left].end - 1];
        let b = &v.toks[v.sentences[left + 1].start];
        (a.in_quote && a.mark != QuoteMark::Close)
            || (b.in_quote && b.mark != QuoteMark::Open)
            || a.mark == QuoteMark::Close
            || b.mark == QuoteMark::Open
    };
    let mut first = s;
    while first > 0 && s - first < WINDOW_SENTENCES && quoted_boundary(first - 1) {
        first -= 1;
    }
    let mut last = s;
    while last + 1 < v.sentences.len() && last - s < WINDOW_SENTENCES && quoted_boundary(last) {
        last += 1;
    }
    let a = v.sentences[first]
        .start
        .max(cue.start.saturating_sub(WINDOW_TOKENS));
    let b = v.sentences[last].end.min(cue.end + WINDOW_TOKENS);
    a..b
}

fn bucket(d: usize) -> u64 {
    match d {
        0 => 0,
        1 => 1,
        2 => 2,
        3 => 3,
        4..=5 => 4,
        6..=8 => 5,
        9..=13 => 6,
        14..=20 => 7,
        21..=35 => 8,
        _ => 9,
    }
}

/// Identity of a cue: its words, and its last word's stem.
pub fn cue_ids(v: &View, cue: &Range<usize>) -> (u64, u64) {
    let mut h = hash_parts(&["cue"]);
    for t in &v.toks[cue.clone()] {
        h = mix(h, hash_parts(&[t.lower.as_ref()]));
    }
    let last = &v.toks[cue.end - 1].lemma;
    (h, hash_parts(&["cuestem", last]))
}

/// Per-window context for the role tagger, computed once per cue.
#[derive(Default)]
pub struct RoleContext {
    /// Prefix counts over the window: quotation marks, other cues' tokens, commas.
    quotes: Vec<u32>,
    others: Vec<u32>,
    /// Syntactic relation of each window token to the cue (`nsubj`, `ccomp`, `head`, `-`).
    path: Vec<u64>,
    /// Which clausal dependent's stretch of the window each token lies in.
    extent: Vec<u64>,
    /// The cue's own relation to its head (`root`, `parataxis`, `ccomp`, …).
    cue_rel: u64,
    /// `mix(cue_rel, mix(dir, quote state))` by direction − 1 and quote state: one feature's
    /// twelve values for this cue, computed once instead of once per token.
    cue_rel_dir_qs: [[u64; 4]; 3],
    /// The cue's sentence and paragraph.
    cue_sentence: i64,
    cue_paragraph: i64,
    /// Buffers of [`RoleContext::fill`]: the ids of the cue's children's relations met,
    /// the walks up the heads.
    child_ids: Vec<(usize, u64)>,
    hangs: Hangs,
}

impl RoleContext {
    pub fn new(v: &View, win: &Range<usize>, cue: &Range<usize>, is_cue: &[bool]) -> Self {
        let mut ctx = RoleContext::default();
        ctx.fill(v, win, cue, is_cue);
        ctx
    }

    /// This context made anew for the cue at `cue` and its window `win`, in the buffers it
    /// has (a role window's seven small vectors were allocated and freed for every cue).
    pub fn fill(&mut self, v: &View, win: &Range<usize>, cue: &Range<usize>, is_cue: &[bool]) {
        let RoleContext {
            quotes,
            others,
            path,
            extent,
            child_ids,
            hangs,
            ..
        } = self;
        quotes.clear();
        others.clear();
        let (mut q, mut o) = (0u32, 0u32);
        quotes.push(0);
        others.push(0);
        for i in win.clone() {
            if v.toks[i].mark != QuoteMark::None {
                q += 1;
            }
            if is_cue[i] && !cue.contains(&i) {
                o += 1;
            }
            quotes.push(q);
            others.push(o);
        }
        path.clear();
        // The head of the cue phrase (`X came to a conclusion, Butler noted`: `came`).
        let cue_head = v.toks[cue.clone()]
            .iter()
            .filter_map(|t| t.head.map(|h| h as usize))
            .find(|h| !cue.contains(h));
        // `hash_parts(&["path", relation])` of each token, the fixed relations' ids computed
        // once, a child's relation once per window (the tokens under one child share it).
        let ids = path_ids();
        child_ids.clear();
        hangs.reset(win.clone());
        for j in win.clone() {
            path.push(match hangs.of(v, j, cue, cue_head) {
                Hang::Unrelated => ids.unrelated,
                Hang::Cue => ids.cue,
                Hang::Head => ids.head,
                Hang::Sibling => ids.sibling,
                Hang::Child(c) => match child_ids.iter().find(|&&(k, _)| k == c) {
                    Some(&(_, id)) => id,
                    None => {
                        let id = hash_parts(&["path", v.toks[c].deprel.unwrap_or("-")]);
                        child_ids.push((c, id));
                        id
                    }
                },
            });
        }
        // The stretch between the first and last token under each clausal dependent of the
        // cue, so punctuation and attachment errors inside it still read as inside. Relations
        // are compared by their path ids (distinct for these few names), not as strings.
        let ext = extent_ids();
        let outside = ext.outside;
        extent.clear();
        extent.resize(win.len(), outside);
        // The first and last token of each relation, in one pass over the paths.
        let mut spans = [None::<(usize, usize)>; 6];
        for (j, &p) in path.iter().enumerate() {
            if let Some(r) = ext.rels.iter().position(|&(rel_path, _)| rel_path == p) {
                let s = spans[r].get_or_insert((j, j));
                s.1 = j;
            }
        }
        for (&(_, h), span) in ext.rels.iter().zip(spans) {
            if let Some((a, b)) = span {
                for e in &mut extent[a..=b] {
                    if *e == outside {
                        *e = h;
                    }
                }
            }
        }
        let cue_rel = v.head_of(cue).and_then(|i| v.toks[i].deprel).unwrap_or("-");
        let cue_rel = hash_parts(&["cuerel", cue_rel]);
        let rel_ids = relative_ids();
        self.cue_rel = cue_rel;
        self.cue_rel_dir_qs = rel_ids.dir_qs.map(|row| row.map(|id| mix(cue_rel, id)));
        self.cue_sentence = i64::from(v.toks[cue.start].sentence);
        self.cue_paragraph = i64::from(v.toks[cue.start].paragraph);
    }
}

/// Ids [`RoleContext::new`] reads for its extents: `hash_parts(&["ext", "-"])`, and per
/// clausal relation (in order of precedence) its path id and its extent id.
struct ExtentIds {
    outside: u64,
    rels: [(u64, u64); 6],
}

fn extent_ids() -> &'static ExtentIds {
    static IDS: std::sync::OnceLock<ExtentIds> = std::sync::OnceLock::new();
    IDS.get_or_init(|| {
        let rels = ["ccomp", "parataxis", "xcomp", "nsubj", "advcl", "obj"];
        ExtentIds {
            outside: hash_parts(&["ext", "-"]),
            rels: rels.map(|r| (hash_parts(&["path", r]), hash_parts(&["ext", r]))),
        }
    })
}

/// How a token hangs off the cue in the parse (named in features as `-`, `cue`, `head`,
/// `sibling`, or the child's relation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Hang {
    /// Unrelated, or no parse.
    Unrelated,
    Cue,
    /// The token governs the cue.
    Head,
    /// Under the cue's head, not under the cue.
    Sibling,
    /// Under the cue, through its child at this token index.
    Child(usize),
}

/// `hash_parts(&["path", name])` of the fixed [`Hang`]s.
struct PathIds {
    unrelated: u64,
    cue: u64,
    head: u64,
    sibling: u64,
}

fn path_ids() -> &'static PathIds {
    static IDS: std::sync::OnceLock<PathIds> = std::sync::OnceLock::new();
    IDS.get_or_init(|| PathIds {
        unrelated: hash_parts(&["path", "-"]),
        cue: hash_parts(&["path", "cue"]),
        head: hash_parts(&["path", "head"]),
        sibling: hash_parts(&["path", "sibling"]),
    })
}

/// How a window token's walk up its heads ends (see [`Hangs::of`]).
#[derive(Debug, Clone, Copy)]
enum Walk {
    /// Not walked yet.
    Unknown,
    /// Decided as `Hang` (a child of the cue or a sibling) after this many steps up.
    Decided(Hang, u32),
    /// Undecided within [`MAX_HEAD_STEPS`], or ended at a root: so are the walks of every
    /// token below it.
    Never,
}

/// How far up the heads a token's walk to the cue goes.
const MAX_HEAD_STEPS: u32 = 16;

/// How each token of a window hangs off the cue, remembering the walks up the heads already
/// made: the window's tokens share most of their ways up, which were walked anew for each.
#[derive(Default)]
struct Hangs {
    win: Range<usize>,
    walks: Vec<Walk>,
    /// The tokens of the walk being made.
    steps: Vec<usize>,
}

impl Hangs {
    /// Start on window `win`, nothing walked.
    fn reset(&mut self, win: Range<usize>) {
        self.walks.clear();
        self.walks.resize(win.len(), Walk::Unknown);
        self.win = win;
    }

    /// How token `j` hangs off the cue in the parse: through the cue's child on the path from
    /// `j` up to the cue, as the cue's governor, as a sibling under it, or unrelated (the
    /// first of the cue or its head met within [`MAX_HEAD_STEPS`] steps up decides).
    fn of(&mut self, v: &View, j: usize, cue: &Range<usize>, cue_head: Option<usize>) -> Hang {
        if !v.has_parse {
            return Hang::Unrelated;
        }
        if cue.contains(&j) {
            return Hang::Cue;
        }
        if cue_head == Some(j) {
            return Hang::Head;
        }
        self.steps.clear();
        let mut cur = j;
        // The walk's end: the hang and the step (from `j`) that decided it; `None` if none
        // decides.
        let end: Option<(Hang, u32)> = loop {
            if self.steps.len() as u32 == MAX_HEAD_STEPS {
                // Undecided so far: `j` is unrelated, but a token above may not be.
                if let Some(k) = self.win_index(j) {
                    self.walks[k] = Walk::Never;
                }
                return Hang::Unrelated;
            }
            let Some(h) = v.toks[cur].head else {
                break None;
            };
            let h = h as usize;
            self.steps.push(cur);
            let n = self.steps.len() as u32;
            if cue.contains(&h) {
                break Some((Hang::Child(cur), n));
            }
            if Some(h) == cue_head {
                // A sibling of the cue under its head: what the head's clause says.
                break Some((Hang::Sibling, n));
            }
            match self.win_index(h).map(|k| self.walks[k]) {
                Some(Walk::Decided(hang, d)) => break Some((hang, n + d)),
                Some(Walk::Never) => break None,
                _ => cur = h,
            }
        };
        // Every token walked through ends as `j` does, that many steps fewer from its end.
        for (k, &t) in self.steps.iter().enumerate() {
            let Some(i) = self.win_index(t) else { continue };
            self.walks[i] = match end {
                Some((hang, d)) if d - k as u32 <= MAX_HEAD_STEPS => {
                    Walk::Decided(hang, d - k as u32)
                }
                _ => Walk::Never,
            };
        }
        match end {
            Some((hang, d)) if d <= MAX_HEAD_STEPS => hang,
            _ => Hang::Unrelated,
        }
    }

    fn win_index(&self, i: usize) -> Option<usize> {
        self.win.contains(&i).then(|| i - self.win.start)
    }
}

/// Ids of the role features made of cue-relative values alone (direction, distance bucket,
/// sentence and paragraph offsets, quotation state, what lies between): the same for every
/// cue, computed once instead of mixed anew for every token. `dir` is indexed from 0 (left
/// of the cue, right, the cue itself), `sd` from −[`WINDOW_SENTENCES`], `pd` from −2; `btw`
/// is the between-value of [`role_features`] (0..16), `qs` a [`quote_state`].
struct RelativeIds {
    /// `mix(dir, near)`.
    rel: [[u64; 2]; 3],
    /// `mix("dist", mix(dir, db))`.
    dist: [[u64; DIST_BUCKETS]; 3],
    /// `mix(dir, db)`.
    dir_db: [[u64; DIST_BUCKETS]; 3],
    /// `mix(dir, qs)` and `mix(qs, dir)`.
    dir_qs: [[u64; 4]; 3],
    qs_dir: [[u64; 4]; 3],
    /// `r1 = mix("sd", mix(dir, sd, pd))`, and `r2 = mix(r1, qs)`.
    sd: [[[u64; 5]; SD_VALUES]; 3],
    sd_qs: [[[[u64; 4]; 5]; SD_VALUES]; 3],
    /// `r3 = mix("btw", mix(dir, btw))`, `mix(r3, db)`, `r4 = mix(r3, qs)`, `mix(r4, db)`.
    btw: [[u64; 16]; 3],
    btw_db: [[[u64; DIST_BUCKETS]; 16]; 3],
    btw_qs: [[[u64; 4]; 16]; 3],
    btw_qs_db: [[[[u64; DIST_BUCKETS]; 4]; 16]; 3],
}

/// Distance buckets of [`bucket`].
const DIST_BUCKETS: usize = 10;
/// Sentence offsets of a window token from its cue's sentence.
const SD_VALUES: usize = 2 * WINDOW_SENTENCES + 1;

/// `r1` of [`role_features`].
fn sd_id(dir: u64, sd: i64, pd: i64) -> u64 {
    mix(
        const { hash_str("sd") },
        mix(dir, (sd + 8) as u64 * 16 + (pd + 2) as u64),
    )
}

/// `r3` of [`role_features`].
fn btw_id(dir: u64, btw: u64) -> u64 {
    mix(const { hash_str("btw") }, mix(dir, btw))
}

fn relative_ids() -> &'static RelativeIds {
    static IDS: std::sync::OnceLock<Box<RelativeIds>> = std::sync::OnceLock::new();
    IDS.get_or_init(|| {
        let dir = |d: usize| d as u64 + 1;
        let sd = |s: usize| s as i64 - WINDOW_SENTENCES as i64;
        let pd = |p: usize| p as i64 - 2;
        let btw: [[u64; 16]; 3] =
            std::array::from_fn(|d| std::array::from_fn(|b| btw_id(dir(d), b as u64)));
        let sds: [[[u64; 5]; SD_VALUES]; 3] = std::array::from_fn(|d| {
            std::array::from_fn(|s| std::array::from_fn(|p| sd_id(dir(d), sd(s), pd(p))))
        });
        Box::new(RelativeIds {
            rel: std::array::from_fn(|d| std::array::from_fn(|n| mix(dir(d), n as u64))),
            dist: std::array::from_fn(|d| {
                std::array::from_fn(|b| mix(const { hash_str("dist") }, mix(dir(d), b as u64)))
            }),
            dir_db: std::array::from_fn(|d| std::array::from_fn(|b| mix(dir(d), b as u64))),
            dir_qs: std::array::from_fn(|d| std::array::from_fn(|q| mix(dir(d), QUOTE_STATES[q]))),
            qs_dir: std::array::from_fn(|d| std::array::from_fn(|q| mix(QUOTE_STATES[q], dir(d)))),
            sd_qs: sds.map(|a| a.map(|b| b.map(|r1| QUOTE_STATES.map(|qs| mix(r1, qs))))),
            sd: sds,
            btw_db: btw.map(|a| a.map(|r3| std::array::from_fn(|b| mix(r3, b as u64)))),
            btw_qs: btw.map(|a| a.map(|r3| QUOTE_STATES.map(|qs| mix(r3, qs)))),
            btw_qs_db: btw.map(|a| {
                a.map(|r3| {
                    QUOTE_STATES.map(|qs| std::array::from_fn(|b| mix(mix(r3, qs), b as u64)))
                })
            }),
            btw,
        })
    })
}

/// Number of features [`role_features`] gives each token.
pub const ROLE_FEATURES: usize = 32;
/// The feature of [`role_features`] that is the same for every token (the role tagger's bias).
pub const ROLE_BIAS_FEATURE: usize = 6;

/// Features of window token `j` for the role tagger of the cue at `cue` ([`ROLE_FEATURES`]
/// of them, in a fixed order: [`FeatureMask::role`] refers to them by position).
#[allow(clippy::too_many_arguments)]
pub fn role_features(
    v: &View,
    base: &[[u64; crate::features::NB]],
    win: &Range<usize>,
    cue: &Range<usize>,
    ids: (u64, u64),
    ctx: &RoleContext,
    j: usize,
    out: &mut SeqFeatures,
) -> RelativePlace {
    let (dir, dist) = if j < cue.start {
        (1u64, cue.start - j)
    } else if j >= cue.end {
        (2u64, j - cue.end + 1)
    } else {
        (3u64, 0)
    };
    let d = dir as usize - 1;
    let tok = &v.toks[j];
    let sd = i64::from(tok.sentence) - ctx.cue_sentence;
    let pd = (i64::from(tok.paragraph) - ctx.cue_paragraph).clamp(-2, 2);
    // Tokens strictly between `j` and the cue.
    let (lo, hi) = if j < cue.start {
        (j + 1, cue.start)
    } else if j >= cue.end {
        (cue.end, j)
    } else {
        (j, j)
    };
    let (lo, hi) = (lo - win.start, hi - win.start);
    let quotes_between = u64::from((ctx.quotes[hi] - ctx.quotes[lo]).min(3));
    let others_between = u64::from((ctx.others[hi] - ctx.others[lo]).min(1));
    let db = bucket(dist);
    let dbi = db as usize;
    let near = usize::from(dist <= 3);
    let btw = (quotes_between * 4 + others_between * 2 + u64::from(sd != 0)) as usize;
    let q = quote_state(v, j);
    let qs = QUOTE_STATES[q];
    let ids_rel = relative_ids();
    let rel = ids_rel.rel[d][near];
    let r0 = ids_rel.dist[d][dbi];
    // Windows span at most WINDOW_SENTENCES each way; the mixing stays for any other offset.
    let (r1, r2) = match usize::try_from(sd + WINDOW_SENTENCES as i64) {
        Ok(s) if s < SD_VALUES => {
            let p = (pd + 2) as usize;
            (ids_rel.sd[d][s][p], ids_rel.sd_qs[d][s][p][q])
        }
        _ => {
            let r1 = sd_id(dir, sd, pd);
            (r1, mix(r1, qs))
        }
    };
    let r3 = ids_rel.btw[d][btw];
    let r4 = ids_rel.btw_qs[d][btw][q];
    let path = ctx.path[j - win.start];
    let extent = ctx.extent[j - win.start];
    let b = &base[j];
    let t = |k: usize| mix(b[ROLE_TEMPLATES[k]], rel);
    // One array, appended at once (a push per feature cost more than the feature).
    let feats: [u64; ROLE_FEATURES] = [
        r1,
        r2,
        r3,
        r4,
        ids_rel.btw_qs_db[d][btw][q][dbi],
        ids_rel.btw_db[d][btw][dbi],
        RBIAS,
        t(0),
        t(1),
        t(2),
        t(3),
        t(4),
        t(5),
        t(6),
        t(7),
        t(8),
        t(9),
        t(10),
        mix(b[WORD], r3),
        mix(b[POS], r4),
        mix(b[SHAPE], r2),
        mix(ids.0, r0),
        mix(ids.0, r4),
        mix(ids.1, r4),
        mix(ids.1, mix(b[POS], rel)),
        mix(path, dir),
        mix(path, r3),
        mix(path, ids_rel.qs_dir[d][q]),
        mix(path, ids_rel.dir_db[d][dbi]),
        mix(extent, ids_rel.dir_qs[d][q]),
        mix(path, ctx.cue_rel),
        ctx.cue_rel_dir_qs[d][q],
    ];
    out.ids.extend_from_slice(&feats);
    RelativePlace {
        d,
        sd,
        pd,
        q,
        btw,
        db: dbi,
    }
}

/// Where a window token lies relative to its cue: the values [`role_features`] makes its
/// cue-relative features of (see `RelativeIds` for their ranges).
#[derive(Debug, Clone, Copy)]
pub struct RelativePlace {
    d: usize,
    sd: i64,
    pd: i64,
    q: usize,
    btw: usize,
    db: usize,
}

/// The role features looked up per window position: all but positions 0 to 6 of
/// [`role_features`] (cue-relative values alone, and the bias), whose weights
/// [`RelativeScores`] sums ahead. (Summing ahead those of the cue's identity or relation with
/// cue-relative values too, once per cue and combination met, was no faster: their first
/// lookups missed the cache unprefetched.)
pub const ROLE_LOOKED_UP: Range<usize> = 7..ROLE_FEATURES;

/// The role tagger's summed weights of the features made of cue-relative values alone
/// (positions 0 to 6 of [`role_features`]), for every combination of those values: computed
/// once per model, they make seven of a window position's table lookups two reads of small
/// tables (the sums are of integers, so the scores are the same).
pub struct RelativeScores {
    /// `r1 + r2 + rbias` by `[d][s][p][q]` (see [`RelativeIds::sd_qs`]).
    sd: Vec<[i32; MAX_LABELS]>,
    /// `r3 + r4 + mix(r4, db) + mix(r3, db)` by `[d][btw][q][db]`.
    btw: Vec<[i32; MAX_LABELS]>,
}

const RBIAS: u64 = hash_str("rbias");

/// `a + b`, label by label.
#[inline(always)]
pub(crate) fn add_weights(a: [i32; MAX_LABELS], b: [i32; MAX_LABELS]) -> [i32; MAX_LABELS] {
    std::array::from_fn(|y| a[y] + b[y])
}

impl RelativeScores {
    pub fn new(table: &ScoreTable) -> RelativeScores {
        let ids = relative_ids();
        let w = |f: u64| table.weights(f);
        let bias = w(RBIAS);
        let mut sd = Vec::with_capacity(3 * SD_VALUES * 5 * 4);
        for d in 0..3 {
            for s in 0..SD_VALUES {
                for p in 0..5 {
                    for q in 0..4 {
                        let (r1, r2) = (ids.sd[d][s][p], ids.sd_qs[d][s][p][q]);
                        sd.push(add_weights(add_weights(w(r1), w(r2)), bias));
                    }
                }
            }
        }
        let mut btw = Vec::with_capacity(3 * 16 * 4 * DIST_BUCKETS);
        for d in 0..3 {
            for b in 0..16 {
                for q in 0..4 {
                    for db in 0..DIST_BUCKETS {
                        let r34 = add_weights(w(ids.btw[d][b]), w(ids.btw_qs[d][b][q]));
                        let dbs =
                            add_weights(w(ids.btw_qs_db[d][b][q][db]), w(ids.btw_db[d][b][db]));
                        btw.push(add_weights(r34, dbs));
                    }
                }
            }
        }
        RelativeScores { sd, btw }
    }

    /// The summed weights at `place` (`table` is the one the sums were made from).
    #[inline]
    pub fn of(&self, table: &ScoreTable, place: RelativePlace) -> [i32; MAX_LABELS] {
        let RelativePlace {
            d,
            sd,
            pd,
            q,
            btw,
            db,
        } = place;
        let at_sd = match usize::try_from(sd + WINDOW_SENTENCES as i64) {
            Ok(s) if s < SD_VALUES => {
                self.sd[((d * SD_VALUES + s) * 5 + (pd + 2) as usize) * 4 + q]
            }
            // Outside the window's sentences (see `role_features`): looked up.
            _ => {
                let r1 = sd_id(d as u64 + 1, sd, pd);
                add_weights(
                    add_weights(table.weights(r1), table.weights(mix(r1, QUOTE_STATES[q]))),
                    table.weights(RBIAS),
                )
            }
        };
        add_weights(
            at_sd,
            self.btw[((d * 16 + btw) * 4 + q) * DIST_BUCKETS + db],
        )
    }
}

/// The trained weights and word lists.
pub struct Model {
    pub cue: Weights,
    /// The weights laid out for decoding.
    pub cue_table: ScoreTable,
    /// Sums of `cue_table`'s weights of the bias and the templates of few values.
    pub cue_context: CueContextScores,
    pub role_table: ScoreTable,
    /// Sums of `role_table`'s weights of the cue-relative features.
    pub role_relative: RelativeScores,
    pub cue_trans: Vec<f32>,
    pub role: Weights,
    pub role_trans: Vec<f32>,
    pub lexicon: Lexicon,
    /// Decoding priors added to each label's emission score (tuned on dev).
    pub cue_bias: Vec<f32>,
    pub role_bias: Vec<f32>,
    /// Confidence curve over the cue margin (see [`crate::calibrate`]).
    pub calibration: [f32; 2],
    /// Trained on parsed text: dependency features are used (else a parse is ignored).
    pub parse_features: bool,
    /// Templates used at decoding (not saved: a study knob, all on by default).
    pub mask: FeatureMask,
    pub provenance: serde_json::Value,
}

impl Model {
    pub fn new(
        cue: Weights,
        role: Weights,
        lexicon: Lexicon,
        provenance: serde_json::Value,
    ) -> Model {
        let cue_trans = transitions_of(|id, out| cue.scores(&[id], out), CUE_LABELS);
        let role_trans = transitions_of(|id, out| role.scores(&[id], out), ROLE_LABELS);
        let role_table = ScoreTable::new(&role);
        let cue_table = ScoreTable::new(&cue);
        Model {
            cue_context: CueContextScores::new(&cue_table),
            cue_table,
            role_relative: RelativeScores::new(&role_table),
            role_table,
            cue,
            cue_trans,
            role,
            role_trans,
            lexicon,
            cue_bias: vec![0.0; CUE_LABELS],
            role_bias: vec![0.0; ROLE_LABELS],
            parse_features: false,
            mask: FeatureMask::default(),
            calibration: [1.0, 0.0],
            provenance,
        }
    }

    /// Calibrated probability that a cue with this tagger margin is right.
    pub fn confidence(&self, margin: f32) -> f32 {
        let [a, b] = self.calibration;
        crate::calibrate::sigmoid(a * margin + b)
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut m = ModelFile::new(KIND, FORMAT_VERSION, self.provenance.clone());
        let mut w = ByteWriter::default();
        self.cue.write(&mut w);
        m.add("cue", w.into_inner());
        let mut w = ByteWriter::default();
        self.role.write(&mut w);
        m.add("role", w.into_inner());
        let mut w = ByteWriter::default();
        w.strs(&self.lexicon.words());
        m.add("lexicon", w.into_inner());
        let mut w = ByteWriter::default();
        self.lexicon.cues.write(&mut w);
        m.add("cuelex", w.into_inner());
        let mut w = ByteWriter::default();
        for x in self.cue_bias.iter().chain(&self.role_bias) {
            w.f32(*x);
        }
        m.add("bias", w.into_inner());
        let mut w = ByteWriter::default();
        w.u8(u8::from(self.parse_features));
        m.add("flags", w.into_inner());
        let mut w = ByteWriter::default();
        w.f32(self.calibration[0]);
        w.f32(self.calibration[1]);
        m.add("calibration", w.into_inner());
        m.to_bytes()
    }

    pub fn from_bytes(data: &[u8]) -> Result<Model, String> {
        let m = ModelFile::from_bytes(data, KIND, FORMAT_VERSION)?;
        let cue = Weights::read(&mut ByteReader::new(m.section("cue")?))?;
        let role = Weights::read(&mut ByteReader::new(m.section("role")?))?;
        if cue.n_classes() != CUE_LABELS || role.n_classes() != ROLE_LABELS {
            return Err("attribution model has unexpected label counts".into());
        }
        let mut lexicon = Lexicon::from_words(ByteReader::new(m.section("lexicon")?).strs()?);
        if let Ok(b) = m.section("cuelex") {
            lexicon.cues = crate::cue_lexicon::CueLexicon::read(&mut ByteReader::new(b))?;
        }
        let mut model = Model::new(cue, role, lexicon, m.header.provenance.clone());
        if let Ok(b) = m.section("bias") {
            let mut r = ByteReader::new(b);
            for x in model.cue_bias.iter_mut().chain(model.role_bias.iter_mut()) {
                *x = r.f32()?;
            }
        }
        if let Ok(b) = m.section("calibration") {
            let mut r = ByteReader::new(b);
            model.calibration = [r.f32()?, r.f32()?];
        }
        if let Ok(b) = m.section("flags") {
            model.parse_features = ByteReader::new(b).u8()? == 1;
        }
        Ok(model)
    }
}
