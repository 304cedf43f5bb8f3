//! The trained model: a cue tagger (B/I/O over sentences) and a role tagger that labels the
//! tokens around one cue as source, content or neither; their features; the model file.

use crate::features::{mix, quote_state_hash, NB_CUE, POS, ROLE_TEMPLATES, SHAPE, WORD};
use crate::lexicon::Lexicon;
use crate::score_table::ScoreTable;
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
}

impl RoleContext {
    pub fn new(v: &View, win: &Range<usize>, cue: &Range<usize>, is_cue: &[bool]) -> Self {
        let mut quotes = Vec::with_capacity(win.len() + 1);
        let mut others = Vec::with_capacity(win.len() + 1);
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
        let mut path = Vec::with_capacity(win.len());
        // The head of the cue phrase (`X came to a conclusion, Butler noted`: `came`).
        let cue_head = v.toks[cue.clone()]
            .iter()
            .filter_map(|t| t.head.map(|h| h as usize))
            .find(|h| !cue.contains(h));
        // `hash_parts(&["path", relation])` of each token, the fixed relations' ids computed
        // once, a child's relation once per window (the tokens under one child share it).
        let ids = path_ids();
        let mut child_ids: Vec<(usize, u64)> = Vec::new();
        for j in win.clone() {
            path.push(match syntactic_path(v, j, cue, cue_head) {
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
        let mut extent = vec![outside; win.len()];
        for &(rel_path, h) in &ext.rels {
            let first = path.iter().position(|&r| r == rel_path);
            let last = path.iter().rposition(|&r| r == rel_path);
            if let (Some(a), Some(b)) = (first, last) {
                for e in &mut extent[a..=b] {
                    if *e == outside {
                        *e = h;
                    }
                }
            }
        }
        let cue_rel = v.toks[cue.clone()]
            .iter()
            .find(|t| t.head.is_none_or(|h| !cue.contains(&(h as usize))))
            .and_then(|t| t.deprel)
            .unwrap_or("-");
        RoleContext {
            quotes,
            others,
            path,
            extent,
            cue_rel: hash_parts(&["cuerel", cue_rel]),
        }
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

/// How token `j` hangs off the cue in the parse: through the cue's child on the path from `j`
/// up to the cue, as the cue's governor, as a sibling under it, or unrelated.
fn syntactic_path(v: &View, j: usize, cue: &Range<usize>, cue_head: Option<usize>) -> Hang {
    if !v.has_parse {
        return Hang::Unrelated;
    }
    if cue.contains(&j) {
        return Hang::Cue;
    }
    if cue_head == Some(j) {
        return Hang::Head;
    }
    let mut cur = j;
    for _ in 0..16 {
        let Some(h) = v.toks[cur].head else { break };
        let h = h as usize;
        if cue.contains(&h) {
            return Hang::Child(cur);
        }
        if Some(h) == cue_head {
            // A sibling of the cue under its head: what the head's clause says.
            return Hang::Sibling;
        }
        cur = h;
    }
    Hang::Unrelated
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
) {
    let (dir, dist) = if j < cue.start {
        (1u64, cue.start - j)
    } else if j >= cue.end {
        (2u64, j - cue.end + 1)
    } else {
        (3u64, 0)
    };
    let sd = v.toks[j].sentence as i64 - v.toks[cue.start].sentence as i64;
    let pd = (v.toks[j].paragraph as i64 - v.toks[cue.start].paragraph as i64).clamp(-2, 2);
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
    let near = u64::from(dist <= 3);
    let rel = mix(dir, near);
    let r0 = mix(const { hash_str("dist") }, mix(dir, db));
    let r1 = mix(
        const { hash_str("sd") },
        mix(dir, (sd + 8) as u64 * 16 + (pd + 2) as u64),
    );
    let qs = quote_state_hash(v, j);
    let r2 = mix(r1, qs);
    let r3 = mix(
        const { hash_str("btw") },
        mix(
            dir,
            quotes_between * 4 + others_between * 2 + u64::from(sd != 0),
        ),
    );
    let r4 = mix(r3, qs);
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
        mix(r4, db),
        mix(r3, db),
        const { hash_str("rbias") },
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
        mix(base[j][WORD], r3),
        mix(base[j][POS], r4),
        mix(base[j][SHAPE], r2),
        mix(ids.0, r0),
        mix(ids.0, r4),
        mix(ids.1, r4),
        mix(ids.1, mix(base[j][POS], rel)),
        mix(path, dir),
        mix(path, r3),
        mix(path, mix(qs, dir)),
        mix(path, mix(dir, db)),
        mix(extent, mix(dir, qs)),
        mix(path, ctx.cue_rel),
        mix(ctx.cue_rel, mix(dir, qs)),
    ];
    out.ids.extend_from_slice(&feats);
}

/// The trained weights and word lists.
pub struct Model {
    pub cue: Weights,
    /// The weights laid out for decoding.
    pub cue_table: ScoreTable,
    pub role_table: ScoreTable,
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
        Model {
            cue_table: ScoreTable::new(&cue),
            role_table: ScoreTable::new(&role),
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
