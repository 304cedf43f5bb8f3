//! Claims across outlets: a few sentences from BBC News (2005) as the BBC printed them, and
//! rephrased the way other (invented) outlets would carry them, on other dates.
mod common;

use according_core::{AttributionKind, SourceType};
use according_corpus::table::value_text;
use according_corpus::Store;
use common::{Attr, DocBuilder};

const HEWITT_BBC: &str = "We are going to extend the pay to nine months by 2007 and the aim is to get it right up to the full 12 months by the end of the next Parliament";
const HEWITT_COURIER: &str = "the government was going to extend the pay to nine months by 2007, and the aim was to get it up to the full 12 months by the end of the next Parliament";
const HEWITT_STAR: &str = "the Government is going to extend maternity pay to nine months by 2007 and aims to get it right up to the full 12 months by the end of the next Parliament";
const THOMAS_BBC: &str = "The new Act of Parliament makes it very clear that to destroy records in order to prevent their disclosure becomes a criminal offence";
const THOMAS_LEDGER: &str = "the new Act of Parliament made it very clear that destroying records in order to prevent their disclosure becomes a criminal offence";
const FROST_STAR: &str = "many small firms could be crippled by the move";
const FROST_BBC: &str = "many small firms could be \"crippled\" by the move";
const TORIES_BBC: &str = "the maternity pay plan as \"desperate\"";
const CONSULT_BBC: &str = "ministers would consult on other proposals that could see fathers being allowed to take some of their partner's maternity pay";

fn corpus() -> Store {
    let docs = vec![
        // Listed out of date order on purpose: first appearance must come from the dates.
        DocBuilder::new("courier/hewitt", Some("Daily Courier"), Some("2005-01-10"),
            &format!("Trade Secretary Patricia Hewitt said {HEWITT_COURIER}, the BBC reported."))
            .attr(Attr::new("a1", Some(("the BBC", SourceType::Outlet)), "reported", &format!("Trade Secretary Patricia Hewitt said {HEWITT_COURIER}")))
            .attr(Attr::new("a2", Some(("Trade Secretary Patricia Hewitt", SourceType::Person)), "said", HEWITT_COURIER).parent("a1"))
            .build(),
        DocBuilder::new("bbc/hewitt", Some("BBC"), Some("2005-01-09"),
            &format!("Ms Hewitt said: \"{HEWITT_BBC}.\" The Tories dismissed {TORIES_BBC}. She said {CONSULT_BBC}. But David Frost warned that {FROST_BBC}."))
            .attr(Attr::new("a1", Some(("Ms Hewitt", SourceType::Person)), "said", HEWITT_BBC).kind(AttributionKind::Direct))
            .attr(Attr::new("a2", Some(("The Tories", SourceType::Group)), "dismissed", TORIES_BBC))
            .attr(Attr::new("a3", Some(("She", SourceType::Person)), "said", CONSULT_BBC))
            .attr(Attr::new("a4", Some(("David Frost", SourceType::Person)), "warned", FROST_BBC))
            .build(),
        DocBuilder::new("star/maternity", Some("Evening Star"), Some("2005-01-11"),
            &format!("According to Ms Hewitt, {HEWITT_STAR}."))
            .attr(Attr::new("a1", Some(("Ms Hewitt", SourceType::Person)), "According to", HEWITT_STAR).kind(AttributionKind::AccordingTo))
            .build(),
        DocBuilder::new("star/frost", Some("Evening Star"), Some("2005-01-08"),
            &format!("Business leader David Frost warned that {FROST_STAR}."))
            .attr(Attr::new("a1", Some(("Business leader David Frost", SourceType::Person)), "warned", FROST_STAR))
            .build(),
        DocBuilder::new("bbc/thomas", Some("BBC"), Some("2005-01-03"),
            &format!("Mr Thomas said: \"{THOMAS_BBC}.\""))
            .attr(Attr::new("a1", Some(("Mr Thomas", SourceType::Person)), "said", THOMAS_BBC).kind(AttributionKind::Direct))
            .build(),
        DocBuilder::new("ledger/thomas", Some("The Ledger"), Some("2005-01-04"),
            &format!("Information Commissioner Richard Thomas said {THOMAS_LEDGER}, the BBC reported."))
            .attr(Attr::new("a1", Some(("the BBC", SourceType::Outlet)), "reported", &format!("Information Commissioner Richard Thomas said {THOMAS_LEDGER}")))
            .attr(Attr::new("a2", Some(("Information Commissioner Richard Thomas", SourceType::Person)), "said", THOMAS_LEDGER).parent("a1"))
            .build(),
    ];
    let mut store = Store::open_in_memory().unwrap();
    store.index_docs(docs).unwrap();
    store.relink().unwrap();
    store
}

fn claim_of(store: &Store, doc: &str, local: &str) -> Option<i64> {
    store
        .conn()
        .query_row(
            "SELECT a.claim FROM attributions a JOIN documents d ON d.id = a.doc
             WHERE d.doc_id = ?1 AND a.local_id = ?2",
            [doc, local],
            |r| r.get(0),
        )
        .unwrap()
}

#[test]
fn rephrasings_group_and_different_statements_do_not() {
    let s = corpus();
    let hewitt = claim_of(&s, "bbc/hewitt", "a1").unwrap();
    assert_eq!(claim_of(&s, "courier/hewitt", "a2"), Some(hewitt));
    assert_eq!(claim_of(&s, "star/maternity", "a1"), Some(hewitt));
    let thomas = claim_of(&s, "bbc/thomas", "a1").unwrap();
    assert_eq!(claim_of(&s, "ledger/thomas", "a2"), Some(thomas));
    let frost = claim_of(&s, "bbc/hewitt", "a4").unwrap();
    assert_eq!(claim_of(&s, "star/frost", "a1"), Some(frost));
    // Same article, same topic, different statements: separate claims.
    let tories = claim_of(&s, "bbc/hewitt", "a2");
    let consult = claim_of(&s, "bbc/hewitt", "a3").unwrap();
    assert_ne!(tories, Some(hewitt));
    assert_ne!(consult, hewitt);
    assert_ne!(consult, frost);
    assert_ne!(hewitt, thomas);
}

#[test]
fn first_appearance_and_chain() {
    let s = corpus();
    let row = |claim: i64| -> (String, String, i64) {
        s.conn()
            .query_row(
                "SELECT first_published, first_outlet, n_outlets FROM claims WHERE id = ?1",
                [claim],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap()
    };
    let hewitt = claim_of(&s, "bbc/hewitt", "a1").unwrap();
    assert_eq!(row(hewitt), ("2005-01-09".into(), "BBC".into(), 3));
    // The Frost claim appeared in the Evening Star a day before the BBC carried it.
    let frost = claim_of(&s, "bbc/hewitt", "a4").unwrap();
    assert_eq!(row(frost), ("2005-01-08".into(), "Evening Star".into(), 2));

    let t = s.claim_timeline(hewitt).unwrap();
    let col = |name: &str| t.col(name).unwrap();
    let cells: Vec<(String, String, String, String)> = t
        .rows
        .iter()
        .map(|r| {
            (
                value_text(&r[col("date")]),
                value_text(&r[col("outlet")]),
                value_text(&r[col("cites")]),
                value_text(&r[col("cites_earlier_doc")]),
            )
        })
        .collect();
    assert_eq!(
        cells,
        vec![
            (
                "2005-01-09".into(),
                "BBC".into(),
                "Ms Hewitt".into(),
                "".into()
            ),
            (
                "2005-01-10".into(),
                "Daily Courier".into(),
                "the BBC > Trade Secretary Patricia Hewitt".into(),
                "bbc/hewitt".into()
            ),
            (
                "2005-01-11".into(),
                "Evening Star".into(),
                "Ms Hewitt".into(),
                "".into()
            ),
        ]
    );
    // Most-carried claim first.
    let top = s.top_claims(1).unwrap();
    assert_eq!(
        value_text(&top.rows[0][top.col("claim").unwrap()]),
        hewitt.to_string()
    );
}
