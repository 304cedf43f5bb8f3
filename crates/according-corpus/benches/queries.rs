//! Query latency on an indexed corpus.
//!
//! `ACCORDING_BENCH_DB=corpus.db cargo bench -p according-corpus --bench queries` measures a
//! database built by `according index` (e.g. the BBC corpus); without it, a synthetic corpus of
//! 3,000 analysed documents is indexed in memory first.

use according_core::*;
use according_corpus::Store;
use criterion::{criterion_group, criterion_main, Criterion};
use rusqlite::OptionalExtension;

/// A document with four attributions, one nested, one vague (as in the tests' fixtures).
fn synthetic(i: usize) -> Doc {
    let outlet = [
        "Daily Courier",
        "Evening Star",
        "The Ledger",
        "Radio Free Europe/Radio Liberty",
    ][i % 4];
    let person = [
        "Sergei Ivanov",
        "Igor Ivanov",
        "Anna Petrova",
        "Li Wei",
        "Maria Gomez",
    ][i % 5];
    let topic = [
        "the budget",
        "the pipeline deal",
        "the election",
        "the strike",
        "the talks",
    ][i % 7 % 5];
    let text = format!(
        "{person} said on day {i} that {topic} would go ahead without delay. \
         Some officials said privately that {topic} was in trouble, according to {outlet}."
    );
    let span = |s: &str, from: usize| {
        let a = from + text[from..].find(s).unwrap();
        Span::new(a, a + s.len())
    };
    let said = format!("that {topic} would go ahead without delay");
    let trouble = format!("that {topic} was in trouble");
    let mut doc = Doc::new(format!("syn/{i:05}"), "bench", text.clone());
    doc.meta.site = Some(outlet.into());
    doc.meta.published = Some(format!("2005-{:02}-{:02}", 1 + i % 12, 1 + i % 28));
    let p = span(person, 0);
    doc.entities.push(Entity {
        id: "e1".into(),
        name: person.into(),
        kind: EntityType::Person,
        mentions: vec![p],
        roles: vec!["minister".into()],
        affiliation: None,
    });
    let o = span(outlet, 0);
    doc.entities.push(Entity {
        id: "e2".into(),
        name: outlet.into(),
        kind: EntityType::Outlet,
        mentions: vec![o],
        roles: vec![],
        affiliation: None,
    });
    let attr = |id: &str,
                src: Span,
                st: SourceType,
                ent: Option<&str>,
                cue: &str,
                content: &str,
                parent: Option<&str>,
                flags: Vec<Flag>| {
        let c = span(cue, 0);
        let t = span(content, 0);
        Attribution {
            id: id.into(),
            kind: AttributionKind::Indirect,
            source: Some(Source {
                span: src,
                text: text[src.start..src.end].into(),
                entity: ent.map(Into::into),
                kind: st,
                role: None,
            }),
            cue: Cue {
                span: c,
                spans: vec![c],
                text: cue.into(),
            },
            content: Content {
                span: t,
                spans: vec![t],
                text: content.into(),
            },
            parent: parent.map(Into::into),
            flags,
            confidence: 0.9,
        }
    };
    doc.attributions.push(attr(
        "a1",
        p,
        SourceType::Person,
        Some("e1"),
        "said",
        &said,
        None,
        vec![],
    ));
    doc.attributions.push(attr(
        "a2",
        o,
        SourceType::Outlet,
        Some("e2"),
        "according to",
        &trouble,
        None,
        vec![],
    ));
    let v = span("Some officials", 0);
    doc.attributions.push(attr(
        "a3",
        v,
        SourceType::Vague,
        None,
        "said privately",
        &trouble,
        Some("a2"),
        vec![Flag::VagueSource],
    ));
    doc
}

fn open() -> Store {
    if let Ok(db) = std::env::var("ACCORDING_BENCH_DB") {
        return Store::open(db).expect("open ACCORDING_BENCH_DB");
    }
    let mut s = Store::open_in_memory().unwrap();
    s.index_docs((0..3000).map(synthetic)).unwrap();
    s.relink().unwrap();
    s
}

/// A frequent source and outlet of the store, so the bench asks about things that exist.
fn probe(s: &Store) -> (String, String, String, i64) {
    let q = |sql: &str| -> String {
        s.conn()
            .query_row(sql, [], |r| r.get::<_, Option<String>>(0))
            .optional()
            .unwrap()
            .flatten()
            .unwrap_or_default()
    };
    let source = q(
        "SELECT c.name FROM attributions a JOIN corpus_entities c ON c.id = a.source_corpus_entity
                    GROUP BY c.id ORDER BY count(*) DESC LIMIT 1",
    );
    let outlet = q("SELECT o.name FROM documents d JOIN outlets o ON o.id = d.outlet GROUP BY o.id ORDER BY count(*) DESC LIMIT 1");
    let word = q("SELECT content_text FROM attributions ORDER BY id LIMIT 1");
    let word = word
        .split_whitespace()
        .filter(|w| w.len() > 4)
        .take(2)
        .collect::<Vec<_>>()
        .join(" ");
    let claim = s.conn().query_row("SELECT coalesce(max(id), 0) FROM claims WHERE n_docs = (SELECT max(n_docs) FROM claims)", [], |r| r.get(0)).unwrap();
    (source, outlet, word, claim)
}

fn bench(c: &mut Criterion) {
    let s = open();
    let (source, outlet, words, claim) = probe(&s);
    eprintln!("bench probes: source={source:?} outlet={outlet:?} words={words:?} claim={claim}");
    let mut g = c.benchmark_group("queries");
    g.sample_size(20);
    g.bench_function("who_said", |b| b.iter(|| s.who_said(&words, 20).unwrap()));
    g.bench_function("said_by", |b| b.iter(|| s.said_by(&source, 20).unwrap()));
    g.bench_function("quoted_about", |b| {
        b.iter(|| s.quoted_about(&source, 20).unwrap())
    });
    g.bench_function("outlet_sources", |b| {
        b.iter(|| s.outlet_sources(&outlet, 20).unwrap())
    });
    g.bench_function("source_outlets", |b| {
        b.iter(|| s.source_outlets(&source, 20).unwrap())
    });
    g.bench_function("top_claims", |b| b.iter(|| s.top_claims(20).unwrap()));
    g.bench_function("sourcing_by_outlet", |b| {
        b.iter(|| s.sourcing_by_outlet(20).unwrap())
    });
    g.bench_function("claim_timeline", |b| {
        b.iter(|| s.claim_timeline(claim).unwrap())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
