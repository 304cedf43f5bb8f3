//! The attribution evaluation metric (PolNeAR style), per span type and per attribution.
//!
//! - **exact** P/R/F1 per type (cue, source, content): micro over articles, set equality of
//!   spans after trimming whitespace and quote marks at their ends; a discontinuous span is the
//!   tuple of its pieces.
//! - **overlap** P/R/F1 per type: tokens are maximal non-whitespace runs; a token belongs to a
//!   type when it overlaps a (trimmed) span of that type; P = |pred ∩ gold| / |pred| over the
//!   token sets of each article, micro-summed.
//! - **whole attribution**: exact (cue, source and content tuples all equal those of one gold
//!   attribution) and lenient (cue overlaps, sources overlap or are both absent, content
//!   token-F1 ≥ 0.5); predictions and gold are matched one-to-one, greedily in text order.

use crate::polnear::GoldAttribution;
use according_core::Span;
use std::collections::BTreeSet;

/// The three span tuples of one attribution (gold or predicted), byte offsets.
pub type SpanTriple = GoldAttribution;

#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Counts {
    pub tp_p: f64,
    pub pred: f64,
    pub tp_r: f64,
    pub gold: f64,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.tp_p, self.pred)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp_r, self.gold)
    }
    pub fn f1(&self) -> f64 {
        according_ml::metric::f1(self.precision(), self.recall())
    }
    fn add(&mut self, o: Counts) {
        self.tp_p += o.tp_p;
        self.pred += o.pred;
        self.tp_r += o.tp_r;
        self.gold += o.gold;
    }
}

use according_ml::metric::ratio;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Cue,
    Source,
    Content,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Cue, Role::Source, Role::Content];
    pub fn name(self) -> &'static str {
        match self {
            Role::Cue => "cue",
            Role::Source => "source",
            Role::Content => "content",
        }
    }
}

/// Scores over a set of articles.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    pub articles: usize,
    /// Indexed like [`Role::ALL`].
    pub exact: [Counts; 3],
    pub overlap: [Counts; 3],
    pub whole_exact: Counts,
    pub whole_lenient: Counts,
}

impl Report {
    /// Add one article's scores.
    pub fn add_article(&mut self, text: &str, gold: &[SpanTriple], pred: &[SpanTriple]) {
        self.articles += 1;
        let toks = whitespace_tokens(text);
        let g: Vec<Trimmed> = gold.iter().map(|a| Trimmed::new(text, a)).collect();
        let p: Vec<Trimmed> = pred.iter().map(|a| Trimmed::new(text, a)).collect();
        for (k, _) in Role::ALL.iter().enumerate() {
            let gs: BTreeSet<&Vec<Span>> = g
                .iter()
                .map(|a| &a.roles[k])
                .filter(|s| !s.is_empty())
                .collect();
            let ps: BTreeSet<&Vec<Span>> = p
                .iter()
                .map(|a| &a.roles[k])
                .filter(|s| !s.is_empty())
                .collect();
            let tp = gs.intersection(&ps).count() as f64;
            self.exact[k].add(Counts {
                tp_p: tp,
                pred: ps.len() as f64,
                tp_r: tp,
                gold: gs.len() as f64,
            });
            let gt = token_set(&toks, gs.iter().flat_map(|s| s.iter()));
            let pt = token_set(&toks, ps.iter().flat_map(|s| s.iter()));
            let inter = gt.intersection(&pt).count() as f64;
            self.overlap[k].add(Counts {
                tp_p: inter,
                pred: pt.len() as f64,
                tp_r: inter,
                gold: gt.len() as f64,
            });
        }
        let exact = matched(&g, &p, |a, b| a.roles == b.roles);
        self.whole_exact.add(Counts {
            tp_p: exact as f64,
            pred: p.len() as f64,
            tp_r: exact as f64,
            gold: g.len() as f64,
        });
        let lenient = matched(&g, &p, |a, b| lenient_match(&toks, a, b));
        self.whole_lenient.add(Counts {
            tp_p: lenient as f64,
            pred: p.len() as f64,
            tp_r: lenient as f64,
            gold: g.len() as f64,
        });
    }

    /// A plain-text table of every score (percent).
    pub fn render(&self) -> String {
        let mut s = format!("articles: {}\n", self.articles);
        s.push_str("type       exact P    R     F1  | overlap P    R     F1\n");
        for (k, r) in Role::ALL.iter().enumerate() {
            let (e, o) = (self.exact[k], self.overlap[k]);
            s.push_str(&format!(
                "{:<9} {:6.1} {:5.1} {:5.1}  |      {:5.1} {:5.1} {:5.1}\n",
                r.name(),
                100.0 * e.precision(),
                100.0 * e.recall(),
                100.0 * e.f1(),
                100.0 * o.precision(),
                100.0 * o.recall(),
                100.0 * o.f1()
            ));
        }
        for (name, c) in [
            ("whole exact", self.whole_exact),
            ("whole lenient", self.whole_lenient),
        ] {
            s.push_str(&format!(
                "{name:<13} P {:5.1}  R {:5.1}  F1 {:5.1}  (pred {}, gold {})\n",
                100.0 * c.precision(),
                100.0 * c.recall(),
                100.0 * c.f1(),
                c.pred,
                c.gold
            ));
        }
        s
    }

    /// The headline F1 scores (percent) as JSON, for floors and logs.
    pub fn to_json(&self) -> serde_json::Value {
        let f = |c: Counts| (1000.0 * c.f1()).round() / 10.0;
        serde_json::json!({
            "cue_exact_f1": f(self.exact[0]),
            "source_exact_f1": f(self.exact[1]),
            "content_exact_f1": f(self.exact[2]),
            "cue_overlap_f1": f(self.overlap[0]),
            "source_overlap_f1": f(self.overlap[1]),
            "content_overlap_f1": f(self.overlap[2]),
            "whole_exact_f1": f(self.whole_exact),
            "whole_lenient_f1": f(self.whole_lenient),
        })
    }
}

/// One attribution with each role's pieces trimmed (empty pieces dropped).
struct Trimmed {
    roles: [Vec<Span>; 3],
}

impl Trimmed {
    fn new(text: &str, a: &SpanTriple) -> Self {
        let t = |v: &[Span]| -> Vec<Span> {
            let mut out: Vec<Span> = v.iter().filter_map(|&s| trim(text, s)).collect();
            out.sort();
            out.dedup();
            out
        };
        Trimmed {
            roles: [t(&a.cue), t(&a.source), t(&a.content)],
        }
    }
}

fn is_trimmed(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»' | '„' | '‟' | '`' | '‹' | '›'
        )
}

/// The span without whitespace and quote marks at its ends; `None` if nothing is left.
pub fn trim(text: &str, s: Span) -> Option<Span> {
    let piece = text.get(s.start..s.end)?;
    let start = s.start + (piece.len() - piece.trim_start_matches(is_trimmed).len());
    let end = s.start + piece.trim_end_matches(is_trimmed).len();
    (start < end).then(|| Span::new(start, end))
}

/// Byte spans of the maximal non-whitespace runs of `text`.
pub fn whitespace_tokens(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                out.push(Span::new(s, i));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push(Span::new(s, text.len()));
    }
    out
}

/// Indices of the tokens overlapping any of the spans.
fn token_set<'a>(toks: &[Span], spans: impl Iterator<Item = &'a Span>) -> BTreeSet<usize> {
    let mut out = BTreeSet::new();
    for s in spans {
        let first = toks.partition_point(|t| t.end <= s.start);
        for (i, t) in toks.iter().enumerate().skip(first) {
            if t.start >= s.end {
                break;
            }
            out.insert(i);
        }
    }
    out
}

fn any_overlap(a: &[Span], b: &[Span]) -> bool {
    a.iter().any(|x| b.iter().any(|y| x.overlaps(*y)))
}

fn lenient_match(toks: &[Span], g: &Trimmed, p: &Trimmed) -> bool {
    if !any_overlap(&g.roles[0], &p.roles[0]) {
        return false;
    }
    let (gs, ps) = (&g.roles[1], &p.roles[1]);
    let source_ok = (gs.is_empty() && ps.is_empty()) || any_overlap(gs, ps);
    if !source_ok {
        return false;
    }
    let gt = token_set(toks, g.roles[2].iter());
    let pt = token_set(toks, p.roles[2].iter());
    if gt.is_empty() && pt.is_empty() {
        return true;
    }
    let inter = gt.intersection(&pt).count() as f64;
    let f1 = 2.0 * inter / (gt.len() + pt.len()) as f64;
    f1 >= 0.5
}

/// Greedy one-to-one matching: each prediction takes the first unmatched gold it matches.
fn matched(g: &[Trimmed], p: &[Trimmed], ok: impl Fn(&Trimmed, &Trimmed) -> bool) -> usize {
    let mut used = vec![false; g.len()];
    let mut n = 0;
    for pa in p {
        if let Some(i) = (0..g.len()).find(|&i| !used[i] && ok(&g[i], pa)) {
            used[i] = true;
            n += 1;
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sp(text: &str, piece: &str) -> Span {
        let a = text.find(piece).unwrap();
        Span::new(a, a + piece.len())
    }

    const TEXT: &str = "“We will win,” Smith said. Jones told reporters that taxes rise.";

    fn gold() -> Vec<SpanTriple> {
        vec![
            SpanTriple {
                cue: vec![sp(TEXT, "said")],
                source: vec![sp(TEXT, "Smith")],
                content: vec![sp(TEXT, "“We will win,”")],
            },
            SpanTriple {
                cue: vec![sp(TEXT, "told reporters")],
                source: vec![sp(TEXT, "Jones")],
                content: vec![sp(TEXT, "that taxes rise")],
            },
        ]
    }

    #[test]
    fn perfect_prediction_scores_one() {
        let mut r = Report::default();
        r.add_article(TEXT, &gold(), &gold());
        for k in 0..3 {
            assert_eq!(r.exact[k].f1(), 1.0);
            assert_eq!(r.overlap[k].f1(), 1.0);
        }
        assert_eq!(r.whole_exact.f1(), 1.0);
        assert_eq!(r.whole_lenient.f1(), 1.0);
    }

    #[test]
    fn quote_marks_are_trimmed_but_commas_are_not() {
        let mut p = gold();
        p[0].content = vec![sp(TEXT, "We will win,")];
        let mut r = Report::default();
        r.add_article(TEXT, &gold(), &p);
        assert_eq!(r.exact[2].f1(), 1.0);
        p[0].content = vec![sp(TEXT, "We will win")];
        let mut r = Report::default();
        r.add_article(TEXT, &gold(), &p);
        assert_eq!(r.exact[2].tp_p, 1.0);
        assert_eq!(r.exact[2].pred, 2.0);
        // `win,”` and `win` are the same whitespace token: overlap stays perfect.
        assert_eq!(r.overlap[2].f1(), 1.0);
        assert_eq!(r.whole_exact.tp_p, 1.0);
        assert_eq!(r.whole_lenient.tp_p, 2.0);
    }

    #[test]
    fn partial_content_and_wrong_source() {
        let mut p = gold();
        p[1].content = vec![sp(TEXT, "taxes rise.")];
        p[0].source = vec![sp(TEXT, "Jones")];
        let mut r = Report::default();
        r.add_article(TEXT, &gold(), &p);
        // content tokens: gold {We will win,” that taxes rise.} = 6; pred 5, all inside gold... `rise.` is the gold token too
        assert_eq!(r.overlap[2].pred, 5.0);
        assert_eq!(r.overlap[2].tp_p, 5.0);
        assert_eq!(r.overlap[2].gold, 6.0);
        // source set {Jones} vs {Smith, Jones}
        assert_eq!(r.exact[1].tp_p, 1.0);
        assert_eq!(r.exact[1].pred, 1.0);
        assert_eq!(r.exact[1].gold, 2.0);
        // attribution 2: content F1 = 2*2/(3+2) = 0.8 ≥ 0.5 → lenient match; attribution 1 has the wrong source
        assert_eq!(r.whole_lenient.tp_p, 1.0);
        assert_eq!(r.whole_exact.tp_p, 0.0);
    }

    #[test]
    fn discontinuous_spans_are_tuples_and_missing_sources_match() {
        let text = "“No,” he said, “never.” It was reported that rain fell.";
        let g = vec![
            SpanTriple {
                cue: vec![sp(text, "said")],
                source: vec![sp(text, "he")],
                content: vec![sp(text, "“No,”"), sp(text, "“never.”")],
            },
            SpanTriple {
                cue: vec![sp(text, "was reported")],
                source: vec![],
                content: vec![sp(text, "that rain fell")],
            },
        ];
        let mut p = g.clone();
        p[0].content = vec![sp(text, "“No,”")];
        let mut r = Report::default();
        r.add_article(text, &g, &p);
        assert_eq!(r.exact[2].tp_p, 1.0);
        assert_eq!(r.exact[1].f1(), 1.0);
        assert_eq!(r.whole_exact.tp_p, 1.0);
        // content token F1 for the first: 2*1/(2+1) = 0.67 → lenient
        assert_eq!(r.whole_lenient.tp_p, 2.0);
        let r2 = {
            let mut r = Report::default();
            r.add_article(text, &g, &[]);
            r
        };
        assert_eq!(r2.whole_lenient.recall(), 0.0);
        assert_eq!(r2.exact[0].precision(), 0.0);
    }

    #[test]
    fn trimming() {
        let t = " “x” ";
        assert_eq!(trim(t, Span::new(0, t.len())), Some(Span::new(4, 5)));
        assert_eq!(trim(t, Span::new(0, 4)), None);
    }
}
