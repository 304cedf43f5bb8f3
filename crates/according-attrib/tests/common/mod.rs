//! The whole pipeline on a text, and lookups of its attributions, for the integration tests.
use according_attrib::{nlp::Prep, Extractor};
use according_core::{Attribution, Component, Doc};

/// The whole pipeline, entity recogniser included (resolution reads its `PERSON` mentions).
pub fn run(text: &str) -> Doc {
    let mut doc = Doc::new("t", "t", text);
    Prep::embedded().run(&mut doc);
    according_ner::Ner::embedded()
        .unwrap()
        .process(&mut doc)
        .unwrap();
    Extractor::embedded().unwrap().extract(&mut doc);
    doc
}

/// The attribution whose cue starts where `cue_at` first occurs in the text, if any.
pub fn find_at<'d>(doc: &'d Doc, cue_at: &str) -> Option<&'d Attribution> {
    let at = doc.text.find(cue_at).expect("cue in text");
    doc.attributions.iter().find(|a| a.cue.span.start == at)
}

/// [`find_at`], which must find one.
#[allow(dead_code)] // not every test file looks attributions up by cue
pub fn at<'d>(doc: &'d Doc, cue_at: &str) -> &'d Attribution {
    find_at(doc, cue_at).unwrap_or_else(|| {
        panic!(
            "no attribution at {cue_at:?}:\n{}",
            according_attrib::table::render(doc)
        )
    })
}

/// The first attribution whose source text contains `name`, which must exist.
#[allow(dead_code)] // not every test file looks attributions up by source
pub fn by_source<'d>(doc: &'d Doc, name: &str) -> &'d Attribution {
    doc.attributions
        .iter()
        .find(|a| a.source.as_ref().is_some_and(|s| s.text.contains(name)))
        .unwrap_or_else(|| {
            panic!(
                "no attribution with source {name:?}:\n{}",
                according_attrib::table::render(doc)
            )
        })
}
