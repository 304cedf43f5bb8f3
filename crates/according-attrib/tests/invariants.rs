//! Properties of the whole pipeline on arbitrary news-like text (words a news report is made
//! of, in any order: quotation marks of every style, cues, names, relative pronouns, dashes,
//! line breaks, non-ASCII): no panic; every span in bounds, on character boundaries and
//! non-empty where it must be; chains that name existing attributions and never loop;
//! entities whose mentions are in bounds; the public JSON in code points within the text.

use according_attrib::{nlp::Prep, Extractor};
use according_core::json::DocJson;
use according_core::{Component, Doc, Span};
use proptest::prelude::*;
use std::collections::HashMap;
use std::sync::OnceLock;

struct Models {
    prep: Prep,
    ner: according_ner::Ner,
    extractor: Extractor,
}

fn models() -> &'static Models {
    static M: OnceLock<Models> = OnceLock::new();
    M.get_or_init(|| Models {
        prep: Prep::embedded(),
        ner: according_ner::Ner::embedded().unwrap(),
        extractor: Extractor::embedded().unwrap(),
    })
}

const PIECES: &[&str] = &[
    "said",
    "says",
    "told",
    "reporters",
    "according to",
    "reported",
    "denied",
    "that",
    "\"",
    "“",
    "”",
    "'",
    "‘",
    "’",
    "«",
    "»",
    ",",
    ".",
    ":",
    ";",
    "-",
    "–",
    "—",
    "(",
    ")",
    "\n",
    "\n\n",
    "he",
    "she",
    "it",
    "they",
    "who",
    "which",
    "Mr",
    "Mrs",
    "Dr.",
    "Smith",
    "John",
    "Reuters",
    "the BBC",
    "Corriere della Sera",
    "Radio Free Europe/Radio Liberty",
    "officials",
    "a source familiar with the talks",
    "allegedly",
    "is suspected of",
    "in a statement",
    "U.S.",
    "Sept. 11",
    "the",
    "minister",
    "police",
    "Iraq",
    "Russia",
    "added",
    "warned",
    "was",
    "not",
    "report",
    "claims",
    "sources",
    "an earlier report in",
    "Müller",
    "São Paulo",
    "北京",
    "😀",
    "",
    " ",
    "  ",
    "\t",
    "and",
    "but",
    "his",
    "her",
    "its",
    "spokesman",
];

fn texts() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..300).prop_map(|ws| ws.join(" "))
}

fn span_ok(t: &str, s: Span) -> bool {
    s.start <= s.end && s.end <= t.len() && t.is_char_boundary(s.start) && t.is_char_boundary(s.end)
}

fn check(text: &str) -> Result<(), TestCaseError> {
    let m = models();
    let mut doc = Doc::new("p", "prop", text);
    m.prep.run(&mut doc);
    m.ner.process(&mut doc).unwrap();
    m.extractor.extract(&mut doc);
    let t = doc.text.as_str();
    let ids: HashMap<&str, Option<&str>> = doc
        .attributions
        .iter()
        .map(|a| (a.id.as_str(), a.parent.as_deref()))
        .collect();
    prop_assert_eq!(ids.len(), doc.attributions.len(), "attribution ids repeat");
    for a in &doc.attributions {
        prop_assert!(
            span_ok(t, a.cue.span) && a.cue.span.start < a.cue.span.end,
            "cue {:?}",
            a.cue
        );
        for s in a.cue.spans.iter().chain(&a.content.spans) {
            prop_assert!(span_ok(t, *s), "span {:?} of {}", s, a.id);
        }
        prop_assert!(span_ok(t, a.content.span));
        if let Some(s) = &a.source {
            prop_assert!(
                span_ok(t, s.span) && s.span.start < s.span.end,
                "source {:?}",
                s
            );
            for m in &s.members {
                prop_assert!(span_ok(t, m.span));
            }
            if let Some(e) = &s.entity {
                prop_assert!(
                    doc.entities.iter().any(|x| &x.id == e),
                    "entity {} missing",
                    e
                );
            }
        }
        prop_assert!(
            (0.0..=1.0).contains(&a.confidence),
            "confidence {}",
            a.confidence
        );
        // The chain above it ends, at known attributions.
        let mut cur = a.parent.as_deref();
        let mut steps = 0;
        while let Some(p) = cur {
            prop_assert!(ids.contains_key(p), "parent {} missing", p);
            prop_assert!(p != a.id && steps <= ids.len(), "chain of {} loops", a.id);
            steps += 1;
            cur = ids[p];
        }
    }
    for e in &doc.entities {
        for s in &e.mentions {
            prop_assert!(span_ok(t, *s), "mention {:?} of {}", s, e.id);
        }
    }
    let json = DocJson::from_doc(&doc);
    let chars = t.chars().count();
    for a in &json.attributions {
        prop_assert!(a.cue.start <= a.cue.end && a.cue.end <= chars);
        prop_assert!(a.content.start <= a.content.end && a.content.end <= chars);
    }
    serde_json::to_string(&json).unwrap();
    Ok(())
}

proptest! {
    // (`PROPTEST_CASES=N` runs more.)
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(300),
        ..ProptestConfig::default()
    })]

    #[test]
    fn any_news_like_text_gives_well_formed_attributions(text in texts()) {
        check(&text)?;
    }
}

#[test]
fn long_and_degenerate_documents_give_well_formed_attributions() {
    for text in [
        // Found by the property above: a cue closing the document (read past its last
        // token), a content piece added before the others (its cover ran backwards), names
        // each merged into the other (`Mrs Mrs`, `Mr Mrs`).
        "said ” said".to_string(),
        "reported said : according to which Iraq : \" Mr Mr \n".to_string(),
        "” reporters » was Mrs Mrs is suspected of , he ” said said told said said . \" \" Mr Mrs said says added said said said said said said said".to_string(),
        String::new(),
        "\"".repeat(3000),
        "REUTERS SAID ".repeat(3000),
        "according to ".repeat(2000),
        "“He said ‘she said “they said”’”, ".repeat(300),
        "Smith, who said it, said. ".repeat(1000),
    ] {
        check(&text).unwrap();
    }
}
