//! Every query on a small synthetic corpus, checked against counts derived from the generator.
mod common;

use according_corpus::table::value_text;
use according_corpus::{Format, Store};
use common::synthetic;

fn store(n: usize) -> Store {
    let mut s = Store::open_in_memory().unwrap();
    s.index_docs((0..n).map(synthetic)).unwrap();
    s.relink().unwrap();
    s
}

fn column(t: &according_corpus::Table, name: &str) -> Vec<String> {
    let c = t.col(name).unwrap_or_else(|| panic!("no column {name}"));
    t.rows.iter().map(|r| value_text(&r[c])).collect()
}

#[test]
fn who_said_finds_contents_by_words() {
    let s = store(40);
    // `café number 7` appears in exactly one document's content.
    let t = s.who_said("cafe number 7", 10).unwrap(); // diacritics folded
    assert_eq!(column(&t, "doc"), vec!["syn/00007"]);
    assert_eq!(
        column(&t, "source"),
        vec!["Anna Petrova"],
        "resolved to the full name"
    );
    let none = s.who_said("\"; DROP TABLE attributions; --", 10).unwrap();
    assert!(none.rows.is_empty());
}

#[test]
fn said_by_and_quoted_about() {
    let s = store(40);
    // Docs i % 5 == 2 are Anna Petrova's: 8 docs × 2 attributions (a1, a2).
    let t = s.said_by("Anna Petrova", 100).unwrap();
    assert_eq!(t.rows.len(), 16);
    // The outlet is mentioned inside no content; the person's name is in none either.
    assert!(s.quoted_about("Anna Petrova", 100).unwrap().rows.is_empty());
}

#[test]
fn outlets_and_sources() {
    let s = store(40);
    // Evening Star = docs i % 4 == 1: 10 docs, each citing the person twice, itself once, and
    // vague officials once.
    let t = s.outlet_sources("Evening Star", 10).unwrap();
    let n: i64 = column(&t, "attributions")
        .iter()
        .map(|x| x.parse::<i64>().unwrap())
        .sum();
    assert_eq!(n, 40);
    assert_eq!(column(&t, "source")[0], "Evening Star");
    // RFE/RL by its acronym: cited in the 10 docs it published.
    let t = s.source_outlets("RFE/RL", 10).unwrap();
    assert_eq!(
        column(&t, "outlet"),
        vec!["Radio Free Europe/Radio Liberty"]
    );
    assert_eq!(column(&t, "docs"), vec!["10"]);
}

#[test]
fn sourcing_share_and_claims() {
    let s = store(40);
    let t = s.sourcing_by_outlet(10).unwrap();
    assert_eq!(t.rows.len(), 4);
    assert!(column(&t, "vague_or_anonymous_share")
        .iter()
        .all(|x| x == "0.25"));
    // `that the budget was in trouble` is carried by every outlet whose docs have i % 5 == 0.
    let top = s.top_claims(3).unwrap();
    assert_eq!(column(&top, "outlets")[0], "4");
    let claim: i64 = column(&top, "claim")[0].parse().unwrap();
    let tl = s.claim_timeline(claim).unwrap();
    let dates = column(&tl, "date");
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted, "timeline in date order");
    assert!(s.find_claim(&column(&top, "text")[0]).unwrap().is_some());
}

#[test]
fn tables_print_in_three_formats() {
    let s = store(5);
    let t = s.top_claims(2).unwrap();
    for f in [Format::Table, Format::Json, Format::Csv] {
        let mut out = Vec::new();
        t.write(f, &mut out).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert!(out.contains("outlets"), "{f:?}: {out}");
    }
    let mut out = Vec::new();
    t.write(Format::Json, &mut out).unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 2);
}
