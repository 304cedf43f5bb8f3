//! Chains: which attribution is reported inside which. `Ivanov declared that “…,” Corriere
//! della Sera reported` → the `declared` attribution's parent is `reported`.
//!
//! PolNeAR gives each token one role, so an outer attribution's content may stop where an
//! inner attribution starts. An attribution B is therefore placed inside A when B's cue lies
//! in A's content, or when A's cue sits in the same sentence outside B and A frames it: A's cue
//! follows all of B and A reports nothing after its cue (`…, X reported`), or A is an
//! `according to` attribution. Never when B's cue lies in A's source (`X, who said …, added`).

use according_core::{Attribution, AttributionKind, Span};

fn extent(a: &Attribution) -> Span {
    let mut s = a.cue.span;
    for p in a
        .content
        .spans
        .iter()
        .chain(a.source.iter().map(|x| &x.span))
    {
        s = Span::new(s.start.min(p.start), s.end.max(p.end));
    }
    s
}

/// Set `parent` of every attribution; `sentence_of(byte)` gives the sentence index of an offset.
pub fn link(atts: &mut [Attribution], sentence_of: impl Fn(usize) -> usize) {
    let n = atts.len();
    let mut parent: Vec<Option<usize>> = vec![None; n];
    for b in 0..n {
        let bx = extent(&atts[b]);
        let bs = sentence_of(atts[b].cue.span.start);
        let mut best: Option<(usize, usize)> = None; // (index, rank)
        for a in 0..n {
            if a == b {
                continue;
            }
            let aa = &atts[a];
            // `Nike, whose products are endorsed by Tiger Woods, said …`: what sits in A's
            // source is who A's source is, not what A reports.
            if aa
                .source
                .as_ref()
                .is_some_and(|s| s.span.contains(atts[b].cue.span))
            {
                continue;
            }
            let inside_content = aa
                .content
                .spans
                .iter()
                .any(|c| c.contains(atts[b].cue.span));
            let same_sentence = sentence_of(aa.cue.span.start) == bs;
            let cue_outside_b = !bx.contains(aa.cue.span);
            // A trailing frame reports what comes before it; one with content of its own after
            // its cue (`Critics argue that …, while supporters say …`, `She described … and
            // called for a review`) is a sibling.
            let own_content_after = aa.content.spans.iter().any(|c| c.start >= aa.cue.span.end);
            let trailing_frame = same_sentence && aa.cue.span.start >= bx.end && !own_content_after;
            let according = same_sentence
                && cue_outside_b
                && aa.kind == AttributionKind::AccordingTo
                && atts[b].kind != AttributionKind::AccordingTo;
            let rank = if inside_content {
                1
            } else if trailing_frame || according {
                2
            } else {
                continue;
            };
            // Prefer content containment, then the nearest cue.
            let dist = aa.cue.span.start.abs_diff(atts[b].cue.span.start);
            let key = rank * 1_000_000 + dist.min(999_999);
            if best.is_none_or(|(_, k)| key < k) {
                best = Some((a, key));
            }
        }
        parent[b] = best.map(|x| x.0);
    }
    // Break cycles: a parent whose own parent chain returns to the child is dropped.
    for b in 0..n {
        let mut seen = 0;
        let mut cur = parent[b];
        while let Some(p) = cur {
            if p == b || seen > n {
                parent[b] = None;
                break;
            }
            seen += 1;
            cur = parent[p];
        }
    }
    for b in 0..n {
        atts[b].parent = parent[b].map(|p| atts[p].id.clone());
    }
}

/// An outer attribution the taggers left without content (`…, Radio Free Europe/Radio Liberty
/// reported`: PolNeAR gives the inner attribution's tokens to the inner one) reports its inner
/// attributions: its content becomes their extent.
pub fn fill_empty_frames(atts: &mut [Attribution], text: &str) {
    for a in 0..atts.len() {
        if !atts[a].content.spans.is_empty() && !atts[a].content.text.trim().is_empty() {
            continue;
        }
        let id = atts[a].id.clone();
        let inner = atts
            .iter()
            .filter(|b| b.parent.as_deref() == Some(id.as_str()))
            .map(extent)
            .reduce(|x, y| Span::new(x.start.min(y.start), x.end.max(y.end)));
        if let Some(span) = inner {
            let c = &mut atts[a].content;
            c.span = span;
            c.spans = vec![span];
            c.text = text[span.start..span.end].to_string();
        }
    }
}
