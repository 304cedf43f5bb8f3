//! Error analysis on PolNeAR dev: missed and false cues by bucket, and source/content boundary
//! errors of attributions whose cue was found.
//! `cargo run --release -p according-attrib --example attrib_errors -- ../shared/data/polnear/dev [MODEL_DIR]`
use according_attrib::metric::trim;
use according_attrib::view::View;
use according_attrib::{nlp::Prep, polnear, Extractor};
use according_core::{Doc, Span};
use std::collections::BTreeMap;
use std::path::PathBuf;

#[derive(Default)]
struct Tally(BTreeMap<String, usize>);

impl Tally {
    fn add(&mut self, k: impl Into<String>) {
        *self.0.entry(k.into()).or_default() += 1;
    }
    fn show(&self, title: &str, top: usize) {
        let total: usize = self.0.values().sum();
        println!("\n== {title} ({total})");
        let mut v: Vec<_> = self.0.iter().collect();
        v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        for (k, n) in v.iter().take(top) {
            println!("{n:5} {k}");
        }
    }
}

fn trimmed(text: &str, v: &[Span]) -> Vec<Span> {
    let mut o: Vec<Span> = v.iter().filter_map(|&s| trim(text, s)).collect();
    o.sort();
    o
}

fn cover(v: &[Span]) -> Option<Span> {
    Some(Span::new(v.first()?.start, v.last()?.end))
}

fn overlaps(a: &[Span], b: &[Span]) -> bool {
    a.iter().any(|x| b.iter().any(|y| x.overlaps(*y)))
}

/// Tokens of the view inside `s`.
fn toks_in(v: &View, s: Span) -> Vec<usize> {
    (0..v.len())
        .filter(|&i| v.toks[i].span.start >= s.start && v.toks[i].span.end <= s.end)
        .collect()
}

fn v_ref<'a>(v: &'a View<'a>) -> &'a View<'a> {
    v
}

fn words(v: &View, ix: &[usize]) -> String {
    ix.iter().map(|&i| v.word(i)).collect::<Vec<_>>().join(" ")
}

/// What differs between a gold and a predicted span at the edges: `L+words` (gold has more on
/// the left), `L-words` (prediction has more), same for the right.
fn edge_diff(v: &View, g: Span, p: Span) -> String {
    let mut parts = Vec::new();
    if g.start < p.start {
        parts.push(format!(
            "L+[{}]",
            words(v, &toks_in(v, Span::new(g.start, p.start)))
        ));
    } else if p.start < g.start {
        parts.push(format!(
            "L-[{}]",
            words(v, &toks_in(v, Span::new(p.start, g.start)))
        ));
    }
    if g.end > p.end {
        parts.push(format!(
            "R+[{}]",
            words(v, &toks_in(v, Span::new(p.end, g.end)))
        ));
    } else if p.end > g.end {
        parts.push(format!(
            "R-[{}]",
            words(v, &toks_in(v, Span::new(g.end, p.end)))
        ));
    }
    parts.join(" ")
}

/// Coarse class of an edge difference, for the boundary summary.
fn edge_class(v: &View, g: Span, p: Span) -> String {
    let side = |a: usize, b: usize, more: &str| -> String {
        let t = toks_in(v, Span::new(a, b));
        let pos: Vec<&str> = t.iter().map(|&i| v.toks[i].upos.unwrap_or("-")).collect();
        let n = t.len();
        let desc = if n <= 2 {
            pos.join("+")
        } else {
            format!("{n}toks")
        };
        format!("{more}{desc}")
    };
    let mut parts = Vec::new();
    if g.start < p.start {
        parts.push(side(g.start, p.start, "L+"));
    } else if p.start < g.start {
        parts.push(side(p.start, g.start, "L-"));
    }
    if g.end > p.end {
        parts.push(side(p.end, g.end, "R+"));
    } else if p.end > g.end {
        parts.push(side(g.end, p.end, "R-"));
    }
    parts.join(" ")
}

/// What the text holds right after a gold content end: sentence end, quote, clause mark.
fn end_kind(v: &View, end: usize) -> &'static str {
    let next = v.toks.iter().position(|t| t.span.start >= end);
    let prev = v.toks.iter().rposition(|t| t.span.end <= end);
    let (Some(n), Some(p)) = (next, prev) else {
        return "doc-end";
    };
    if v.toks[n].sentence != v.toks[p].sentence {
        "sentence-end"
    } else if v.toks[p].in_quote || v.toks[n].mark != according_attrib::view::QuoteMark::None {
        "quote"
    } else {
        match v.word(n) {
            "," | ";" | ":" | "—" | "–" | "(" | ")" => "clause-punct",
            _ => "mid-clause",
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = PathBuf::from(
        args.get(1)
            .map_or("../shared/data/polnear/dev", |s| s.as_str()),
    );
    let ex = match args.get(2) {
        Some(m) => Extractor::load(&PathBuf::from(m)).unwrap(),
        None => Extractor::embedded().unwrap(),
    };
    let prep = Prep::embedded();
    let arts = polnear::read_dir(&dir).unwrap();
    let mut t: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut examples: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for a in &arts {
        let text = a.text.as_str();
        let mut doc = Doc::new(a.id.clone(), a.id.clone(), a.text.clone());
        prep.run(&mut doc);
        ex.extract(&mut doc);
        let v = View::new(&doc);
        let gold: Vec<[Vec<Span>; 3]> = a
            .attributions
            .iter()
            .map(|g| {
                [
                    trimmed(text, &g.cue),
                    trimmed(text, &g.source),
                    trimmed(text, &g.content),
                ]
            })
            .collect();
        let pred: Vec<[Vec<Span>; 3]> = doc
            .attributions
            .iter()
            .map(|p| {
                [
                    trimmed(text, &p.cue.spans),
                    trimmed(text, &p.source.iter().map(|s| s.span).collect::<Vec<_>>()),
                    trimmed(text, &p.content.spans),
                ]
            })
            .collect();
        for g in &gold {
            let Some(gc) = cover(&g[0]) else { continue };
            let gt = toks_in(&v, gc);
            let gw = words(&v, &gt).to_lowercase();
            if g[0].len() > 1 {
                t.entry("gold cue: discontinuous")
                    .or_default()
                    .add("discontinuous");
            }
            t.entry("gold cue: length in tokens")
                .or_default()
                .add(format!("{}", gt.len().min(6)));
            if let Some(p) = pred.iter().find(|p| p[0] == g[0]) {
                analyse_roles(&v, g, p, &mut t, &mut examples);
                continue;
            }
            match pred.iter().find(|p| overlaps(&p[0], &g[0])) {
                Some(p) => {
                    let pc = cover(&p[0]).unwrap();
                    t.entry("missed cue: boundary class")
                        .or_default()
                        .add(edge_class(&v, gc, pc));
                    t.entry("missed cue: boundary words")
                        .or_default()
                        .add(edge_diff(&v, gc, pc));
                }
                None => {
                    let last = gt.last().copied();
                    let pos = last
                        .map(|i| v.toks[i].upos.unwrap_or_default().to_string())
                        .unwrap_or_default();
                    t.entry("missed cue (no overlap): POS of last token")
                        .or_default()
                        .add(pos);
                    t.entry("missed cue (no overlap): text")
                        .or_default()
                        .add(gw.clone());
                    if let Some(&i) = gt.first() {
                        let sent = &v.sentences[v.toks[i].sentence as usize];
                        examples.entry("missed cue").or_default().push(format!(
                            "[{gw}] {}",
                            words(v_ref(&v), &(sent.start..sent.end).collect::<Vec<_>>())
                        ));
                    }
                    t.entry("missed cue (no overlap): length")
                        .or_default()
                        .add(format!("{}", gt.len().min(6)));
                }
            }
        }
        for p in &pred {
            let Some(pc) = cover(&p[0]) else { continue };
            if gold.iter().any(|g| g[0] == p[0]) {
                continue;
            }
            if !gold.iter().any(|g| overlaps(&g[0], &p[0])) {
                let pt = toks_in(&v, pc);
                t.entry("false cue (no overlap): text")
                    .or_default()
                    .add(words(&v, &pt).to_lowercase());
                let s = v.toks[pt[0]].sentence as usize;
                let sent = &v.sentences[s];
                examples.entry("false cue").or_default().push(format!(
                    "[{}] {}",
                    pc.slice(text),
                    words(&v, &(sent.start..sent.end).collect::<Vec<_>>())
                ));
            }
        }
    }
    for (k, tally) in &t {
        tally.show(k, 40);
    }
    // ERRORS_EXAMPLES=N: how many examples of each kind (spread over dev), default 40.
    let n_ex: usize = std::env::var("ERRORS_EXAMPLES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(40);
    for (k, ex) in &examples {
        println!("\n== examples: {k}");
        for e in ex.iter().step_by((ex.len() / n_ex).max(1)).take(n_ex) {
            println!("  {e}");
        }
    }
}

/// Source and content errors of an attribution whose cue matched exactly.
fn analyse_roles(
    v: &View,
    g: &[Vec<Span>; 3],
    p: &[Vec<Span>; 3],
    t: &mut BTreeMap<&'static str, Tally>,
    examples: &mut BTreeMap<&'static str, Vec<String>>,
) {
    let text = v.text;
    // Which part fails the lenient match (sources overlap or both absent, content F1 ≥ 0.5).
    let src_ok = (g[1].is_empty() && p[1].is_empty()) || overlaps(&g[1], &p[1]);
    let tok_set = |sp: &[Span]| -> Vec<usize> { sp.iter().flat_map(|&s| toks_in(v, s)).collect() };
    let (gt, pt) = (tok_set(&g[2]), tok_set(&p[2]));
    let inter = gt.iter().filter(|i| pt.contains(i)).count() as f64;
    let f1 = if gt.is_empty() && pt.is_empty() {
        1.0
    } else {
        2.0 * inter / (gt.len() + pt.len()).max(1) as f64
    };
    let why = match (src_ok, f1 >= 0.5) {
        (true, true) => "ok",
        (false, true) => "source",
        (true, false) => "content",
        (false, false) => "both",
    };
    t.entry("lenient (cue found): what fails")
        .or_default()
        .add(why);
    if why != "ok" {
        let src = |x: &[Span]| cover(x).map_or("-".to_string(), |c| c.slice(text).to_string());
        examples.entry("lenient failure").or_default().push(format!(
            "{why}: cue «{}» gold src «{}» pred src «{}» gold «{}» pred «{}»",
            src(&g[0]),
            src(&g[1]),
            src(&p[1]),
            cover(&g[2]).map_or("-".into(), |c| c
                .slice(text)
                .chars()
                .take(100)
                .collect::<String>()),
            cover(&p[2]).map_or("-".into(), |c| c
                .slice(text)
                .chars()
                .take(100)
                .collect::<String>()),
        ));
    }
    // Source.
    let src = t.entry("source (cue found)").or_default();
    match (g[1].is_empty(), p[1].is_empty()) {
        (true, true) => src.add("both none"),
        (true, false) => src.add("spurious source"),
        (false, true) => src.add("missed source"),
        _ if g[1] == p[1] => src.add("exact"),
        _ if overlaps(&g[1], &p[1]) => {
            src.add("boundary");
            let (gc, pc) = (cover(&g[1]).unwrap(), cover(&p[1]).unwrap());
            t.entry("source boundary class")
                .or_default()
                .add(edge_class(v, gc, pc));
            t.entry("source boundary words")
                .or_default()
                .add(edge_diff(v, gc, pc));
        }
        _ => src.add("wrong source"),
    }
    // Content.
    let con = t.entry("content (cue found)").or_default();
    match (g[2].is_empty(), p[2].is_empty()) {
        (true, true) => con.add("both none"),
        (true, false) => con.add("spurious content"),
        (false, true) => con.add("missed content"),
        _ if g[2] == p[2] => con.add("exact"),
        _ if !overlaps(&g[2], &p[2]) => con.add("wrong content"),
        _ => {
            con.add("boundary");
            let (gc, pc) = (cover(&g[2]).unwrap(), cover(&p[2]).unwrap());
            let gs = |s: Span| {
                let ix = toks_in(v, s);
                (
                    ix.first().map(|&i| v.toks[i].sentence),
                    ix.last().map(|&i| v.toks[i].sentence),
                )
            };
            let (ga, gb) = gs(gc);
            let (pa, pb) = gs(pc);
            let gsent = gb.zip(ga).map_or(0, |(b, a)| b - a + 1);
            let psent = pb.zip(pa).map_or(0, |(b, a)| b - a + 1);
            t.entry("content boundary: sentences gold/pred")
                .or_default()
                .add(format!("{}/{}", gsent.min(4), psent.min(4)));
            t.entry("content boundary: pieces gold/pred")
                .or_default()
                .add(format!("{}/{}", g[2].len().min(4), p[2].len().min(4)));
            if g[2].len() == 1 && p[2].len() >= 2 {
                for w in p[2].windows(2) {
                    let gap = Span::new(w[0].end, w[1].start);
                    let inside = gc.start <= gap.start && gap.end <= gc.end;
                    t.entry("content: pred hole words (gold one piece)")
                        .or_default()
                        .add(format!(
                            "{} {}",
                            if inside { "in-gold" } else { "outside" },
                            words(v, &toks_in(v, gap))
                        ));
                }
            }
            let side = if gc.start != pc.start && gc.end != pc.end {
                "both"
            } else if gc.start != pc.start {
                "start"
            } else if gc.end != pc.end {
                "end"
            } else {
                "inner pieces"
            };
            t.entry("content boundary: which edge")
                .or_default()
                .add(side);
            // Short edge differences, by their words (`R-[.]`: the prediction adds a period).
            let d = edge_diff(v, gc, pc);
            if d.split_whitespace().count() <= 4 {
                t.entry("content boundary: short edge words")
                    .or_default()
                    .add(d);
            }
            if gc.end != pc.end {
                let dir = if pc.end < gc.end {
                    "pred stops early"
                } else {
                    "pred runs on"
                };
                t.entry("content end: gold end context / direction")
                    .or_default()
                    .add(format!("{} / {dir}", end_kind(v, gc.end)));
            }
            if gc.start != pc.start {
                t.entry("content start: edge class")
                    .or_default()
                    .add(edge_class(
                        v,
                        Span::new(gc.start, gc.start.max(pc.start)),
                        Span::new(pc.start, gc.start.max(pc.start)),
                    ));
                let e = examples.entry("content start").or_default();
                if e.len() < 25 {
                    e.push(edge_diff(v, gc, pc));
                }
            }
            let e = examples.entry("content boundary").or_default();
            let short = |s: Span| {
                let t = s.slice(text).replace('\n', " ");
                if t.chars().count() <= 160 {
                    return t;
                }
                let head: String = t.chars().take(60).collect();
                let tail: String = t
                    .chars()
                    .rev()
                    .take(80)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                format!("{head} … {tail}")
            };
            e.push(format!(
                "cue «{}» gold «{}» pred «{}»",
                cover(&g[0]).map_or(String::new(), |c| c.slice(text).to_string()),
                short(gc),
                short(pc)
            ));
        }
    }
}
