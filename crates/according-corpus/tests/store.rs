mod common;

use according_core::json::DocJson;
use according_corpus::read::load_doc_json;
use according_corpus::{doc_rowid, Store};
use common::synthetic;

#[test]
fn indexing_is_idempotent_and_replaces_changed_docs() {
    let mut store = Store::open_in_memory().unwrap();
    let docs: Vec<_> = (0..450).map(synthetic).collect();
    let s = store.index_docs(docs.clone()).unwrap();
    assert_eq!((s.inserted, s.replaced, s.unchanged), (450, 0, 0));
    assert_eq!(store.count("documents").unwrap(), 450);
    assert_eq!(store.count("attributions").unwrap(), 450 * 4);

    let s = store.index_docs(docs.clone()).unwrap();
    assert_eq!((s.inserted, s.replaced, s.unchanged), (0, 0, 450));
    assert_eq!(store.count("attributions").unwrap(), 450 * 4);

    // Change one document: its rows are replaced, not duplicated.
    let mut changed = docs[7].clone();
    changed.attributions.truncate(2);
    let s = store.index_docs(vec![changed]).unwrap();
    assert_eq!((s.inserted, s.replaced, s.unchanged), (0, 1, 0));
    assert_eq!(store.count("documents").unwrap(), 450);
    assert_eq!(store.count("attributions").unwrap(), 450 * 4 - 2);
    let fts: i64 = store
        .conn()
        .query_row(
            "SELECT count(*) FROM attributions_fts WHERE attributions_fts MATCH 'trouble'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(fts, 449 * 2, "FTS follows deletes");
    assert!(store.links_stale().unwrap());
    store.relink().unwrap();
    assert!(!store.links_stale().unwrap());
}

#[test]
fn documents_read_back_in_the_public_schema() {
    let mut store = Store::open_in_memory().unwrap();
    let doc = synthetic(3);
    store.index_docs(vec![doc.clone()]).unwrap();
    let d = doc_rowid(store.conn(), &doc.id).unwrap().unwrap();
    let back = load_doc_json(store.conn(), d).unwrap().unwrap();
    let want = DocJson::from_doc(&doc);
    assert_eq!(
        serde_json::to_value(&back).unwrap(),
        serde_json::to_value(&want).unwrap()
    );
    // Offsets are code points: the text has curly quotes and `é`.
    let (start, end): (i64, i64) = store
        .conn()
        .query_row(
            "SELECT content_start, content_end FROM attributions WHERE local_id = 'a2'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let chars: Vec<char> = doc.text.chars().collect();
    let s: String = chars[start as usize..end as usize].iter().collect();
    assert_eq!(s, doc.attributions[1].content.text);
}

#[test]
fn store_file_reopens_in_wal_mode() {
    let dir = std::env::temp_dir().join(format!("according-corpus-wal-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let db = dir.join("c.db");
    {
        let mut store = Store::open(&db).unwrap();
        store.index_docs((0..5).map(synthetic)).unwrap();
    }
    let store = Store::open(&db).unwrap();
    let mode: String = store
        .conn()
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    assert_eq!(store.count("documents").unwrap(), 5);
    std::fs::remove_dir_all(&dir).ok();
}

/// A source naming several (`Sony, IBM and Toshiba`): its members are stored with their
/// entities, read back, found by `said_by` for each name, and replaced with their document.
#[test]
fn sources_naming_several_keep_their_members() {
    use according_core::{EntityType, Source, SourceType};
    use common::{Attr, DocBuilder};
    let text = "Sony, IBM and Toshiba said the chip would ship in May.";
    let mut doc = DocBuilder::new("coord", Some("Daily Courier"), None, text)
        .entity("e1", "Sony", EntityType::Organization, &["Sony"], &[])
        .entity("e2", "IBM", EntityType::Organization, &["IBM"], &[])
        .entity("e3", "Toshiba", EntityType::Organization, &["Toshiba"], &[])
        .attr(Attr::new(
            "a1",
            Some(("Sony, IBM and Toshiba", SourceType::Organization)),
            "said",
            "the chip would ship in May",
        ))
        .build();
    let source = doc.attributions[0].source.as_mut().unwrap();
    for (name, id) in [("Sony", "e1"), ("IBM", "e2"), ("Toshiba", "e3")] {
        let at = text.find(name).unwrap();
        source.members.push(Source {
            span: according_core::Span::new(at, at + name.len()),
            text: name.into(),
            entity: Some(id.into()),
            kind: SourceType::Organization,
            role: None,
            members: Vec::new(),
        });
    }
    let mut store = Store::open_in_memory().unwrap();
    store.index_docs(vec![doc.clone()]).unwrap();
    assert_eq!(store.count("source_members").unwrap(), 3);
    let d = doc_rowid(store.conn(), &doc.id).unwrap().unwrap();
    let back = load_doc_json(store.conn(), d).unwrap().unwrap();
    assert_eq!(
        serde_json::to_value(&back).unwrap(),
        serde_json::to_value(DocJson::from_doc(&doc)).unwrap()
    );
    store.relink().unwrap();
    for name in ["Sony", "IBM", "Toshiba"] {
        assert_eq!(store.said_by(name, 10).unwrap().rows.len(), 1, "{name}");
    }
    assert!(store.said_by("Panasonic", 10).unwrap().rows.is_empty());
    // A changed document's member rows go with it.
    doc.attributions[0]
        .source
        .as_mut()
        .unwrap()
        .members
        .truncate(1);
    store.index_docs(vec![doc]).unwrap();
    assert_eq!(store.count("source_members").unwrap(), 1);
}
