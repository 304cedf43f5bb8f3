//! Running the two taggers over a document view: cues first, then source and content around
//! each cue.

use crate::features::{base_features_into, CueContext, FeatureScratch, CUE_LOOKED_UP, NB};
use crate::features::{CUE_BIAS_TEMPLATE, NB_CUE};
use crate::model::*;
use crate::score_table::MAX_LABELS;
use crate::sequence::{emissions, emissions_strided, margin, viterbi, SeqFeatures};
use crate::view::View;
use std::cell::RefCell;
use std::ops::Range;

/// One attribution as token ranges of the view.
#[derive(Debug, Clone, PartialEq)]
pub struct RawAttribution {
    pub cue: Range<usize>,
    /// The cue tagger's emission margin for this cue (higher = surer); see
    /// [`crate::model::Model::confidence`].
    pub score: f32,
    pub source: Vec<Range<usize>>,
    pub content: Vec<Range<usize>>,
}

impl RawAttribution {
    /// The source piece nearest the cue: a source is one phrase, and the tagger's other
    /// source pieces are its mistakes (a fronted subject, a clause after the content).
    pub fn nearest_source(&self) -> Option<&Range<usize>> {
        self.source.iter().min_by_key(|s| {
            if s.end <= self.cue.start {
                self.cue.start - s.end
            } else {
                s.start.saturating_sub(self.cue.end)
            }
        })
    }
}

/// Runs of `label` in `labels` (offset by `base`), as token ranges.
pub fn runs(labels: &[usize], label: usize, base: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < labels.len() {
        if labels[i] == label {
            let a = i;
            while i < labels.len() && labels[i] == label {
                i += 1;
            }
            out.push(base + a..base + i);
        } else {
            i += 1;
        }
    }
    out
}

/// Cue token ranges from B/I/O labels of one sentence starting at `base`.
pub fn cue_runs(labels: &[usize], base: usize) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for (k, &y) in labels.iter().enumerate() {
        match y {
            CUE_B => out.push(base + k..base + k + 1),
            CUE_I => match out.last_mut() {
                Some(r) if r.end == base + k => r.end += 1,
                _ => out.push(base + k..base + k + 1),
            },
            _ => {}
        }
    }
    out
}

/// Buffers of one extraction, kept per thread from one document to the next (a document's
/// few large allocations each made the allocator consolidate its free lists).
#[derive(Default)]
struct Scratch {
    features: FeatureScratch,
    base: Vec<[u64; NB]>,
    contexts: Vec<CueContext>,
    seq: SeqFeatures,
    emis: Vec<f32>,
    roles: RoleScratch,
}

/// Buffers of [`label_roles`], kept from one document to the next.
#[derive(Default)]
struct RoleScratch {
    /// Each window position's weights summed ahead (see [`RelativeScores`]).
    starts: Vec<[i32; MAX_LABELS]>,
    context: RoleContext,
}

/// Documents longer than this (in tokens) give their buffers back after extraction.
const KEEP_SCRATCH_TOKENS: usize = 20_000;

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::default();
}

/// Find every attribution of the view.
pub fn extract(model: &Model, v: &View) -> Vec<RawAttribution> {
    if v.is_empty() {
        return Vec::new();
    }
    SCRATCH.with_borrow_mut(|s| {
        let out = extract_with(model, v, s);
        if v.len() > KEEP_SCRATCH_TOKENS {
            *s = Scratch::default();
        }
        out
    })
}

fn extract_with(model: &Model, v: &View, s: &mut Scratch) -> Vec<RawAttribution> {
    base_features_into(
        v,
        &model.lexicon,
        &mut s.features,
        &mut s.base,
        &mut s.contexts,
    );
    let contexts = Some(s.contexts.as_slice());
    let cues = find_cues_with(model, v, &s.base, contexts, &mut s.seq, &mut s.emis);
    let ranges: Vec<Range<usize>> = cues.iter().map(|c| c.0.clone()).collect();
    let mut out = label_roles_with(
        model,
        v,
        &s.base,
        &ranges,
        &mut s.seq,
        &mut s.emis,
        &mut s.roles,
        ROLE_BATCH,
    );
    for (a, c) in out.iter_mut().zip(&cues) {
        a.score = c.1;
    }
    out
}

/// Cue token ranges with their margins. (Each token's templates are looked up: extraction
/// sums some ahead, see [`find_cues_in_context`].)
pub fn find_cues(model: &Model, v: &View, base: &[[u64; NB]]) -> Vec<(Range<usize>, f32)> {
    let mut buffers = (SeqFeatures::default(), Vec::new());
    find_cues_with(model, v, base, None, &mut buffers.0, &mut buffers.1)
}

/// [`find_cues`] with the tokens' [`CueContext`]s from [`base_features_into`], whose
/// templates' weights are summed ahead: the same cues and margins.
pub fn find_cues_in_context(
    model: &Model,
    v: &View,
    base: &[[u64; NB]],
    contexts: &[CueContext],
) -> Vec<(Range<usize>, f32)> {
    let mut buffers = (SeqFeatures::default(), Vec::new());
    find_cues_with(
        model,
        v,
        base,
        Some(contexts),
        &mut buffers.0,
        &mut buffers.1,
    )
}

fn find_cues_with(
    model: &Model,
    v: &View,
    base: &[[u64; NB]],
    contexts: Option<&[CueContext]>,
    f: &mut SeqFeatures,
    buf: &mut Vec<f32>,
) -> Vec<(Range<usize>, f32)> {
    // Emission scores of the whole document in one pass (the sentences cover the tokens in
    // order), then each sentence decoded on its slice.
    if let (u64::MAX, Some(contexts)) = (model.mask.cue, contexts) {
        // The bias template and those of CUE_SUMMED are in each token's start.
        emissions_strided(
            &model.cue_table,
            &model.cue_bias,
            base.as_flattened(),
            NB,
            &CUE_LOOKED_UP,
            |t| model.cue_context.of(contexts[t]),
            buf,
        );
    } else if model.mask.cue == u64::MAX {
        // The bias template (the first) is the same feature for every token: looked up once.
        const _: () = assert!(CUE_BIAS_TEMPLATE == 0);
        let bias = model.cue_table.weights(base.first().map_or(0, |b| b[0]));
        let rest = std::slice::from_ref(&(1..NB_CUE));
        emissions_strided(
            &model.cue_table,
            &model.cue_bias,
            base.as_flattened(),
            NB,
            rest,
            |_| bias,
            buf,
        );
    } else {
        f.clear();
        for i in 0..v.len() {
            cue_features(base, i, model.mask.cue, f);
            f.next();
        }
        emissions(&model.cue_table, &model.cue_bias, f.len(), |t| f.at(t), buf);
    }
    let mut cues = Vec::new();
    for sent in &v.sentences {
        let emis = &buf[sent.start * CUE_LABELS..sent.end * CUE_LABELS];
        let labels = viterbi(emis, &model.cue_trans, CUE_LABELS, |t, y| {
            y != CUE_I || t > 0
        });
        for r in cue_runs(&labels, sent.start) {
            let m = margin(
                emis,
                CUE_LABELS,
                &labels,
                r.start - sent.start..r.end - sent.start,
            );
            cues.push((r, m));
        }
    }
    cues
}

/// Allowed role labels at window position `t`: `Q` exactly on the cue's tokens.
/// Tokens of other cues are neither source nor content: PolNeAR gives each token one role, so
/// an outer content stops where an inner attribution's cue begins (allowing them measured no
/// better on dev, and made contents run over trailing frames like `…, X reported`).
pub fn role_allowed<'a>(
    win_start: usize,
    cue: &'a Range<usize>,
    is_cue: &'a [bool],
) -> impl Fn(usize, usize) -> bool + 'a {
    move |t, y| {
        let i = win_start + t;
        if cue.contains(&i) {
            y == ROLE_Q
        } else {
            y == ROLE_O || (y != ROLE_Q && !is_cue[i])
        }
    }
}

pub fn role_sequence(
    v: &View,
    base: &[[u64; NB]],
    cue: &Range<usize>,
    is_cue: &[bool],
    mask: u64,
    f: &mut SeqFeatures,
) -> Range<usize> {
    f.clear();
    let mut ctx = RoleContext::default();
    append_role_sequence(v, base, cue, is_cue, mask, f, &mut ctx, None)
}

/// [`role_sequence`] appended to the positions already in `f` (`ctx` a buffer); with `starts`, each
/// position's weights summed ahead (of the features not in [`ROLE_LOOKED_UP`]) are appended
/// to the vector.
#[allow(clippy::too_many_arguments)]
fn append_role_sequence(
    v: &View,
    base: &[[u64; NB]],
    cue: &Range<usize>,
    is_cue: &[bool],
    mask: u64,
    f: &mut SeqFeatures,
    ctx: &mut RoleContext,
    mut starts: Option<(&Model, &mut Vec<[i32; MAX_LABELS]>)>,
) -> Range<usize> {
    let win = window(v, cue);
    let ids = cue_ids(v, cue);
    ctx.fill(v, &win, cue, is_cue);
    for j in win.clone() {
        let start = f.ids.len();
        let place = role_features(v, base, &win, cue, ids, ctx, j, f);
        if let Some((model, s)) = &mut starts {
            s.push(model.role_relative.of(&model.role_table, place));
        }
        debug_assert_eq!(f.ids.len() - start, ROLE_FEATURES);
        if mask != u64::MAX {
            // Keep the features whose position's bit is set, in place.
            let mut kept = start;
            for k in 0..ROLE_FEATURES {
                if mask >> k & 1 == 1 {
                    f.ids[kept] = f.ids[start + k];
                    kept += 1;
                }
            }
            f.ids.truncate(kept);
        }
        f.next();
    }
    win
}

pub fn label_roles(
    model: &Model,
    v: &View,
    base: &[[u64; NB]],
    cues: &[Range<usize>],
) -> Vec<RawAttribution> {
    label_roles_with(
        model,
        v,
        base,
        cues,
        &mut SeqFeatures::default(),
        &mut Vec::new(),
        &mut RoleScratch::default(),
        ROLE_BATCH,
    )
}

/// [`label_roles`] with buffers, scoring `batch` cues' windows at a time.
#[allow(clippy::too_many_arguments)]
fn label_roles_with(
    model: &Model,
    v: &View,
    base: &[[u64; NB]],
    cues: &[Range<usize>],
    f: &mut SeqFeatures,
    buf: &mut Vec<f32>,
    scratch: &mut RoleScratch,
    batch: usize,
) -> Vec<RawAttribution> {
    let RoleScratch {
        starts,
        context: ctx,
    } = scratch;
    let mut is_cue = vec![false; v.len()];
    for c in cues {
        is_cue[c.clone()].iter_mut().for_each(|x| *x = true);
    }
    let all_features = model.mask.role == u64::MAX;
    let mut out = Vec::with_capacity(cues.len());
    // Every cue's window features, then their emission scores in one pass, then each window
    // decoded on its slice; a batch of cues at a time, so that a document of thousands of
    // cues does not hold all their windows' features at once (10,000 cues took 270 MB).
    for batch in cues.chunks(batch) {
        f.clear();
        starts.clear();
        let mut windows = Vec::with_capacity(batch.len());
        for cue in batch {
            let first = f.len();
            let sums = all_features.then_some((model, &mut *starts));
            let win = append_role_sequence(v, base, cue, &is_cue, model.mask.role, f, ctx, sums);
            windows.push((first, win));
        }
        if all_features {
            // Every position has its ROLE_FEATURES features, one after another; those not
            // looked up are in the position's start.
            let each = &*starts;
            emissions_strided(
                &model.role_table,
                &model.role_bias,
                &f.ids,
                ROLE_FEATURES,
                &[ROLE_LOOKED_UP],
                |t| each[t],
                buf,
            );
        } else {
            emissions(
                &model.role_table,
                &model.role_bias,
                f.len(),
                |t| f.at(t),
                buf,
            );
        }
        for (cue, (first, win)) in batch.iter().zip(windows) {
            let emis = &buf[first * ROLE_LABELS..(first + win.len()) * ROLE_LABELS];
            let labels = viterbi(
                emis,
                &model.role_trans,
                ROLE_LABELS,
                role_allowed(win.start, cue, &is_cue),
            );
            out.push(RawAttribution {
                cue: cue.clone(),
                score: 0.0,
                source: runs(&labels, ROLE_S, win.start),
                content: runs(&labels, ROLE_C, win.start),
            });
        }
    }
    out
}

/// Cues whose windows are scored together (a news article has a few dozen).
const ROLE_BATCH: usize = 256;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::{base_features, CUE_SUMMED};
    use crate::lexicon::Lexicon;
    use crate::test_support::view_of;
    use crate::view::View;
    use according_core::Doc;

    #[test]
    fn cues_labelled_in_batches_get_the_labels_of_one_pass() {
        let extractor = crate::Extractor::embedded().unwrap();
        let model = extractor.model();
        let text = (0..40)
            .map(|i| format!("\"We will win {i} games,\" the coach said, adding that the talks would resume. Officials said on Monday that prices rose."))
            .collect::<Vec<_>>()
            .join(" ");
        let mut doc = Doc::new("t", "t", text);
        crate::nlp::Prep::embedded().run(&mut doc);
        let v = View::new(&doc);
        let base = base_features(&v, &model.lexicon);
        let cues: Vec<Range<usize>> = find_cues(model, &v, &base)
            .into_iter()
            .map(|c| c.0)
            .collect();
        assert!(cues.len() >= 80, "{}", cues.len());
        let label = |batch| {
            label_roles_with(
                model,
                &v,
                &base,
                &cues,
                &mut SeqFeatures::default(),
                &mut Vec::new(),
                &mut RoleScratch::default(),
                batch,
            )
        };
        let one_pass = label(usize::MAX);
        assert!(
            one_pass
                .iter()
                .filter(|a| !a.source.is_empty() && !a.content.is_empty())
                .count()
                >= 80
        );
        for batch in [1, 7, 64] {
            assert_eq!(label(batch), one_pass, "batches of {batch}");
        }
    }

    #[test]
    fn masks_leave_out_exactly_the_switched_off_features() {
        let (doc, _) = view_of("Officials said on Monday that the talks would resume.");
        let v = View::new(&doc);
        let base = base_features(&v, &Lexicon::default());
        let cue = 1..2;
        let is_cue = vec![false; v.len()];
        let mut all = SeqFeatures::default();
        role_sequence(&v, &base, &cue, &is_cue, u64::MAX, &mut all);
        let mut masked = SeqFeatures::default();
        role_sequence(&v, &base, &cue, &is_cue, !0b101, &mut masked);
        for t in 0..all.len() {
            let want: Vec<u64> = (0..ROLE_FEATURES)
                .filter(|&k| k != 0 && k != 2)
                .map(|k| all.at(t)[k])
                .collect();
            assert_eq!(masked.at(t), want.as_slice());
        }
        let mut f = SeqFeatures::default();
        f.clear();
        cue_features(&base, 3, !(1 << 4), &mut f);
        assert_eq!(f.ids.len(), NB_CUE - 1);
        assert!(!f.ids.contains(&base[3][4]));
    }

    #[test]
    fn weights_summed_ahead_are_the_looked_up_ones() {
        let ex = crate::Extractor::embedded().unwrap();
        let model = ex.model();
        let mut doc = Doc::new(
            "t",
            "t",
            "“We will not stop,” the minister said on Monday. Officials said that the talks, \
             which began in May, would resume.\n\nHe told reporters: “It is over. We are \
             done.” According to the BBC, prices rose, analysts said.",
        );
        crate::nlp::Prep::embedded().run(&mut doc);
        let v = View::new(&doc);
        assert!(v.has_parse);
        let (mut base, mut contexts) = (Vec::new(), Vec::new());
        let mut scratch = FeatureScratch::default();
        base_features_into(&v, &model.lexicon, &mut scratch, &mut base, &mut contexts);
        // The cue tagger's bias and CUE_SUMMED templates.
        for (b, &c) in base.iter().zip(&contexts) {
            let mut want = model.cue_table.weights(b[CUE_BIAS_TEMPLATE]);
            for k in CUE_SUMMED {
                want = add_weights(want, model.cue_table.weights(b[k]));
            }
            assert_eq!(model.cue_context.of(c), want);
        }
        // The role tagger's features before ROLE_LOOKED_UP, at every window token of every cue.
        let found_cues = find_cues_in_context(model, &v, &base, &contexts);
        assert_eq!(found_cues, find_cues(model, &v, &base));
        let cues: Vec<_> = found_cues.into_iter().map(|c| c.0).collect();
        assert!(cues.len() >= 4, "{cues:?}");
        let mut is_cue = vec![false; v.len()];
        for c in &cues {
            is_cue[c.clone()].iter_mut().for_each(|x| *x = true);
        }
        for cue in &cues {
            let win = window(&v, cue);
            let ctx = RoleContext::new(&v, &win, cue, &is_cue);
            for j in win.clone() {
                let mut f = SeqFeatures::default();
                f.clear();
                let place = role_features(&v, &base, &win, cue, cue_ids(&v, cue), &ctx, j, &mut f);
                let want = f.ids[..ROLE_LOOKED_UP.start]
                    .iter()
                    .fold([0; MAX_LABELS], |a, &id| {
                        add_weights(a, model.role_table.weights(id))
                    });
                assert_eq!(model.role_relative.of(&model.role_table, place), want);
            }
        }
        // Masks that keep every feature take the general path, which looks every one up.
        let mut general = crate::Extractor::embedded().unwrap();
        general.model_mut().mask = FeatureMask {
            cue: !(1 << 63),
            role: !(1 << 63),
        };
        let found = extract(model, &v);
        assert!(found
            .iter()
            .any(|a| !a.source.is_empty() && !a.content.is_empty()));
        assert_eq!(found, extract(general.model(), &v));
    }
}
