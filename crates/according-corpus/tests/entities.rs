//! Cross-document entity merging on hand-made traps.
mod common;

use according_core::{EntityType, SourceType};
use according_corpus::Store;
use common::{Attr, DocBuilder};

fn names(store: &Store, q: &str) -> Vec<String> {
    let ids = store.resolve_entity(q).unwrap();
    ids.iter()
        .map(|id| {
            store
                .conn()
                .query_row(
                    "SELECT name FROM corpus_entities WHERE id = ?1",
                    [id],
                    |r| r.get(0),
                )
                .unwrap()
        })
        .collect()
}

fn corpus_entity_of(store: &Store, doc: &str, local: &str) -> i64 {
    store
        .conn()
        .query_row(
            "SELECT e.corpus_entity FROM entities e JOIN documents d ON d.id = e.doc
             WHERE d.doc_id = ?1 AND e.local_id = ?2",
            [doc, local],
            |r| r.get(0),
        )
        .unwrap()
}

fn fixture() -> Store {
    let docs = vec![
        DocBuilder::new("d1", Some("Daily Courier"), Some("2002-09-13"),
            "Russian Defense Minister Sergei Ivanov denied any link. Ivanov declared that the world had not found them, Corriere della Sera reported.")
            .entity("e1", "Sergei Ivanov", EntityType::Person, &["Sergei Ivanov", "Ivanov"], &["Russian Defense Minister"])
            .attr(Attr::new("a1", Some(("Ivanov", SourceType::Person)), "declared", "that the world had not found them").entity("e1"))
            .build(),
        DocBuilder::new("d2", Some("Evening Star"), Some("2002-10-01"),
            "Foreign Minister Igor Ivanov said the inspectors should return. Ivanov spoke in Moscow.")
            .entity("e1", "Igor Ivanov", EntityType::Person, &["Igor Ivanov", "Ivanov"], &["Foreign Minister"])
            .attr(Attr::new("a1", Some(("Igor Ivanov", SourceType::Person)), "said", "the inspectors should return").entity("e1"))
            .build(),
        DocBuilder::new("d3", Some("The Ledger"), Some("2002-11-05"),
            "Sergei Ivanov, now first deputy prime minister, said reforms were coming.")
            .entity("e1", "Sergei Ivanov", EntityType::Person, &["Sergei Ivanov"], &["first deputy prime minister"])
            .attr(Attr::new("a1", Some(("Sergei Ivanov", SourceType::Person)), "said", "reforms were coming").entity("e1"))
            .build(),
        // Only the surname: two full-named Ivanovs exist, so this one must stay apart.
        DocBuilder::new("d4", Some("The Ledger"), Some("2002-11-06"), "Ivanov said the plan was sound.")
            .entity("e1", "Ivanov", EntityType::Person, &["Ivanov"], &["defense minister"])
            .attr(Attr::new("a1", Some(("Ivanov", SourceType::Person)), "said", "the plan was sound").entity("e1"))
            .build(),
        DocBuilder::new("d5", Some("BBC"), Some("2005-01-02"),
            "The British Broadcasting Corporation said its licence fee would rise. BBC Radio said it would cut jobs.")
            .entity("e1", "British Broadcasting Corporation", EntityType::Organization, &["British Broadcasting Corporation"], &[])
            .entity("e2", "BBC Radio", EntityType::Outlet, &["BBC Radio"], &[])
            .attr(Attr::new("a1", Some(("British Broadcasting Corporation", SourceType::Organization)), "said", "its licence fee would rise").entity("e1"))
            .attr(Attr::new("a2", Some(("BBC Radio", SourceType::Outlet)), "said", "it would cut jobs").entity("e2"))
            .build(),
        DocBuilder::new("d6", Some("Daily Courier"), Some("2005-01-03"),
            "Officials met in Moscow, according to Radio Free Europe/Radio Liberty. RFE/RL said talks went well.")
            .entity("e1", "Radio Free Europe/Radio Liberty", EntityType::Outlet, &["Radio Free Europe/Radio Liberty", "RFE/RL"], &[])
            .attr(Attr::new("a1", Some(("Radio Free Europe/Radio Liberty", SourceType::Outlet)), "according to", "Officials met in Moscow").entity("e1"))
            .build(),
        DocBuilder::new("d7", Some("Evening Star"), Some("2005-01-04"), "RFE/RL reported that the BBC had confirmed it.")
            .entity("e1", "RFE/RL", EntityType::Outlet, &["RFE/RL"], &[])
            .entity("e2", "BBC", EntityType::Outlet, &["BBC"], &[])
            .attr(Attr::new("a1", Some(("RFE/RL", SourceType::Outlet)), "reported", "that the BBC had confirmed it").entity("e1"))
            .build(),
    ];
    let mut store = Store::open_in_memory().unwrap();
    store.index_docs(docs).unwrap();
    store.relink().unwrap();
    store
}

#[test]
fn different_people_sharing_a_surname_stay_apart() {
    let s = fixture();
    let sergei1 = corpus_entity_of(&s, "d1", "e1");
    let sergei3 = corpus_entity_of(&s, "d3", "e1");
    let igor = corpus_entity_of(&s, "d2", "e1");
    let bare = corpus_entity_of(&s, "d4", "e1");
    assert_eq!(sergei1, sergei3, "same full name merges across documents");
    assert_ne!(sergei1, igor);
    assert_ne!(bare, sergei1);
    assert_ne!(bare, igor);
    // Asking for `Ivanov` is ambiguous and says so: several entities.
    assert!(names(&s, "Ivanov").len() >= 3);
    assert_eq!(names(&s, "Sergei Ivanov"), vec!["Sergei Ivanov"]);
    // What Sergei Ivanov said, across documents, and nothing Igor said.
    let t = s.said_by("Sergei Ivanov", 10).unwrap();
    let c = t.col("content").unwrap();
    let said: Vec<String> = t
        .rows
        .iter()
        .map(|r| according_corpus::table::value_text(&r[c]))
        .collect();
    assert_eq!(
        said,
        vec!["that the world had not found them", "reforms were coming"]
    );
}

#[test]
fn roles_are_kept_with_dates() {
    let s = fixture();
    let t = s.entity_profile("Sergei Ivanov").unwrap();
    let roles = according_corpus::table::value_text(&t.rows[0][t.col("roles").unwrap()]);
    assert_eq!(
        roles,
        "2002-09-13 Russian Defense Minister | 2002-11-05 first deputy prime minister"
    );
}

#[test]
fn acronyms_merge_but_bbc_radio_is_not_the_bbc() {
    let s = fixture();
    let bbc_long = corpus_entity_of(&s, "d5", "e1");
    let bbc_radio = corpus_entity_of(&s, "d5", "e2");
    let bbc = corpus_entity_of(&s, "d7", "e2");
    assert_eq!(bbc, bbc_long, "BBC = British Broadcasting Corporation");
    assert_ne!(bbc_radio, bbc, "BBC Radio is not the BBC");
    let rfe = corpus_entity_of(&s, "d6", "e1");
    let rfe_short = corpus_entity_of(&s, "d7", "e1");
    assert_eq!(rfe, rfe_short, "RFE/RL = Radio Free Europe/Radio Liberty");
    // The publishing outlet `BBC` (site of d5) is the same corpus entity.
    let outlet_ce: i64 = s
        .conn()
        .query_row(
            "SELECT corpus_entity FROM outlets WHERE norm = 'bbc'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(outlet_ce, bbc);
    let name: String = s
        .conn()
        .query_row(
            "SELECT name FROM corpus_entities WHERE id = ?1",
            [bbc],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(name, "British Broadcasting Corporation");
    // Which outlets cite RFE/RL: both spellings count.
    let t = s.source_outlets("RFE/RL", 10).unwrap();
    assert_eq!(t.rows.len(), 2);
}

/// Descriptions are not names: two articles' `the company` or `Ministers` are not one entity,
/// while a name (`Britain`) still merges.
#[test]
fn descriptions_stay_one_per_document() {
    let docs = vec![
        DocBuilder::new("c1", Some("Daily Courier"), Some("2005-01-01"),
            "The company said profits rose. Ministers said Britain would act.")
            .entity("e1", "the company", EntityType::Organization, &["The company"], &[])
            .entity("e2", "Ministers", EntityType::Group, &["Ministers"], &[])
            .entity("e3", "Britain", EntityType::Country, &["Britain"], &[])
            // A description with a full-name shape must not feed the surname rule either.
            .entity("e4", "spokesman Smith", EntityType::Person, &["spokesman Smith"], &["spokesman"])
            .attr(Attr::new("a1", Some(("The company", SourceType::Organization)), "said", "profits rose").entity("e1"))
            .attr(Attr::new("a2", Some(("Ministers", SourceType::Group)), "said", "Britain would act").entity("e2"))
            .build(),
        DocBuilder::new("c2", Some("Evening Star"), Some("2005-01-02"),
            "The company said sales fell. Ministers said Britain had acted, as the ministers promised.")
            .entity("e1", "the company", EntityType::Organization, &["The company"], &[])
            .entity("e2", "Ministers", EntityType::Group, &["Ministers", "the ministers"], &[])
            .entity("e3", "Britain", EntityType::Country, &["Britain"], &[])
            .entity("e4", "Smith", EntityType::Person, &["Smith"], &["spokesman"])
            .attr(Attr::new("a1", Some(("The company", SourceType::Organization)), "said", "sales fell").entity("e1"))
            .attr(Attr::new("a2", Some(("Ministers", SourceType::Group)), "said", "Britain had acted").entity("e2"))
            .build(),
    ];
    let mut s = Store::open_in_memory().unwrap();
    s.index_docs(docs).unwrap();
    s.relink().unwrap();
    assert_ne!(
        corpus_entity_of(&s, "c1", "e1"),
        corpus_entity_of(&s, "c2", "e1")
    );
    assert_ne!(
        corpus_entity_of(&s, "c1", "e2"),
        corpus_entity_of(&s, "c2", "e2")
    );
    assert_eq!(
        corpus_entity_of(&s, "c1", "e3"),
        corpus_entity_of(&s, "c2", "e3")
    );
}
