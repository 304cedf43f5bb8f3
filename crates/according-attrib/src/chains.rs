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
    // A parent holds the child's cue in its content or has its cue in the child's sentence:
    // only those are weighed (weighing every pair made a long document's linking quadratic).
    let cue_sentence: Vec<usize> = atts.iter().map(|a| sentence_of(a.cue.span.start)).collect();
    let mut by_sentence: Vec<usize> = (0..n).collect();
    by_sentence.sort_by_key(|&a| cue_sentence[a]);
    let contents = ContentIndex::new(atts);
    let mut candidates: Vec<usize> = Vec::new();
    for b in 0..n {
        let bs = cue_sentence[b];
        candidates.clear();
        let first = by_sentence.partition_point(|&a| cue_sentence[a] < bs);
        candidates.extend(
            by_sentence[first..]
                .iter()
                .take_while(|&&a| cue_sentence[a] == bs),
        );
        contents.holding(atts[b].cue.span, &mut candidates);
        // In index order, as every pair was weighed: of equal keys the first wins.
        candidates.sort_unstable();
        candidates.dedup();
        // (Lowest key first; of equal keys the first in index order, as `candidates` is.)
        parent[b] = candidates
            .iter()
            .filter(|&&a| a != b)
            .filter_map(|&a| parent_key(atts, a, b, cue_sentence[a] == bs).map(|k| (k, a)))
            .min()
            .map(|(_, a)| a);
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

/// How well attribution `a` would frame `b`, lower is better (content containment first, then
/// the nearest cue), or `None` when it cannot; `same_sentence`: their cues share a sentence.
fn parent_key(atts: &[Attribution], a: usize, b: usize, same_sentence: bool) -> Option<usize> {
    let (aa, bb) = (&atts[a], &atts[b]);
    // `Nike, whose products are endorsed by Tiger Woods, said …`: what sits in A's source is
    // who A's source is, not what A reports.
    if aa
        .source
        .as_ref()
        .is_some_and(|s| s.span.contains(bb.cue.span))
    {
        return None;
    }
    let bx = extent(bb);
    let inside_content = aa.content.spans.iter().any(|c| c.contains(bb.cue.span));
    let cue_outside_b = !bx.contains(aa.cue.span);
    // A trailing frame reports what comes before it; one with content of its own after its
    // cue (`Critics argue that …, while supporters say …`, `She described … and called for a
    // review`) is a sibling.
    let own_content_after = aa.content.spans.iter().any(|c| c.start >= aa.cue.span.end);
    let trailing_frame = same_sentence && aa.cue.span.start >= bx.end && !own_content_after;
    let according = same_sentence
        && cue_outside_b
        && aa.kind == AttributionKind::AccordingTo
        && bb.kind != AttributionKind::AccordingTo;
    let rank = if inside_content {
        1
    } else if trailing_frame || according {
        2
    } else {
        return None;
    };
    let dist = aa.cue.span.start.abs_diff(bb.cue.span.start);
    Some(rank * 1_000_000 + dist.min(999_999))
}

/// Every content piece of the attributions, sorted by start, to find those holding a span
/// without reading them all.
struct ContentIndex {
    /// (start, end, attribution) by start.
    pieces: Vec<(usize, usize, usize)>,
    /// `reach[i]`: the furthest end of `pieces[..=i]`.
    reach: Vec<usize>,
}

impl ContentIndex {
    fn new(atts: &[Attribution]) -> ContentIndex {
        let mut pieces: Vec<(usize, usize, usize)> = atts
            .iter()
            .enumerate()
            .flat_map(|(a, x)| x.content.spans.iter().map(move |c| (c.start, c.end, a)))
            .collect();
        pieces.sort_unstable();
        let reach = pieces
            .iter()
            .scan(0, |r, p| {
                *r = (*r).max(p.1);
                Some(*r)
            })
            .collect();
        ContentIndex { pieces, reach }
    }

    /// Push the attribution of every piece that contains `span`.
    fn holding(&self, span: Span, out: &mut Vec<usize>) {
        // Pieces starting after `span` cannot hold it; going back, none before the first
        // whose reach falls short of `span`'s end can either.
        let upto = self.pieces.partition_point(|p| p.0 <= span.start);
        for i in (0..upto).rev() {
            if self.reach[i] < span.end {
                break;
            }
            let (start, end, a) = self.pieces[i];
            if Span::new(start, end).contains(span) {
                out.push(a);
            }
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use according_core::{Content, Cue, Source, SourceType};

    /// Every pair of attributions weighed, as before candidates were looked up: the
    /// reference `link` must agree with.
    fn parents_every_pair(
        atts: &[Attribution],
        sentence_of: impl Fn(usize) -> usize,
    ) -> Vec<Option<usize>> {
        let cue_sentence = |k: usize| sentence_of(atts[k].cue.span.start);
        (0..atts.len())
            .map(|b| {
                (0..atts.len())
                    .filter(|&a| a != b)
                    .filter_map(|a| {
                        parent_key(atts, a, b, cue_sentence(a) == cue_sentence(b)).map(|k| (k, a))
                    })
                    .min()
                    .map(|(_, a)| a)
            })
            .collect()
    }

    fn attribution(
        k: usize,
        kind: AttributionKind,
        cue: Span,
        content: Vec<Span>,
        source: Option<Span>,
    ) -> Attribution {
        Attribution {
            id: format!("a{k}"),
            kind,
            source: source.map(|span| Source {
                span,
                text: String::new(),
                entity: None,
                kind: SourceType::Unknown,
                role: None,
                members: Vec::new(),
            }),
            cue: Cue {
                span: cue,
                spans: vec![cue],
                text: String::new(),
            },
            content: Content {
                span: content
                    .iter()
                    .copied()
                    .reduce(|x, y| Span::new(x.start.min(y.start), x.end.max(y.end)))
                    .unwrap_or(cue),
                spans: content,
                text: String::new(),
            },
            parent: None,
            flags: Vec::new(),
            confidence: 1.0,
        }
    }

    #[test]
    fn looked_up_candidates_give_the_parents_of_weighing_every_pair() {
        // A small xorshift: random attributions over 3,000 bytes in sentences of 150.
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut rand = |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        let sentence_of = |at: usize| at / 150;
        let mut linked_some = 0;
        for _ in 0..300 {
            let n = 1 + rand(40);
            let atts: Vec<Attribution> = (0..n)
                .map(|k| {
                    let at = rand(3000);
                    let cue = Span::new(at, at + 1 + rand(12));
                    let content = (0..rand(3))
                        .map(|_| {
                            let s = rand(3000);
                            Span::new(s, s + 1 + rand(400))
                        })
                        .collect();
                    let source = (rand(3) > 0).then(|| {
                        let s = at.saturating_sub(rand(60));
                        Span::new(s, s + 1 + rand(80))
                    });
                    let kind = if rand(4) == 0 {
                        AttributionKind::AccordingTo
                    } else {
                        AttributionKind::Indirect
                    };
                    attribution(k, kind, cue, content, source)
                })
                .collect();
            let want = parents_every_pair(&atts, sentence_of);
            let mut got = atts.clone();
            link(&mut got, sentence_of);
            // (`link` then drops cycles, which the reference does not.)
            for (b, a) in got.iter().enumerate() {
                match &a.parent {
                    Some(p) => {
                        linked_some += 1;
                        assert_eq!(
                            Some(p.clone()),
                            want[b].map(|x| format!("a{x}")),
                            "attribution {b}"
                        );
                    }
                    None => assert!(
                        want[b].is_none() || {
                            // Only a parent whose chain leads back here is dropped.
                            let mut cur = want[b];
                            let mut steps = 0;
                            while let Some(c) = cur {
                                if c == b || steps > n {
                                    break;
                                }
                                steps += 1;
                                cur = want[c];
                            }
                            cur.is_some()
                        },
                        "attribution {b}"
                    ),
                }
            }
        }
        assert!(linked_some > 1000, "{linked_some}");
    }
}
