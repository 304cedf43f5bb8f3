//! Acceptance on the founding example: sentences, boilerplate, lost character, cut-off line.

use according_core::{Doc, NoteKind};

fn seed() -> Doc {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/seed-article.txt"
    );
    let text = std::fs::read_to_string(path).expect("seed article");
    let mut doc = Doc::new("seed-article", path, text);
    according_text::clean(&mut doc);
    according_text::segment(&mut doc);
    doc
}

#[test]
fn seed_sentences_split_right() {
    let doc = seed();
    let sents: Vec<&str> = doc.sentences.iter().map(|s| doc.slice(s.span)).collect();
    assert!(
        (21..=25).contains(&sents.len()),
        "{} sentences: {sents:#?}",
        sents.len()
    );
    // No split after U.N., Sept., U.S.; no split inside the dash aside.
    for s in &sents {
        for bad_end in ["U.N.", "Sept.", "U.S.", "George W."] {
            assert!(!s.ends_with(bad_end), "split after {bad_end}: {s}");
        }
    }
    assert!(sents
        .iter()
        .any(|s| s.starts_with("U.N. weapons inspectors were pulled out of Iraq in 1998.")));
    assert!(sents
        .iter()
        .any(|s| s.starts_with("Responding to U.S. contentions")
            && s.ends_with("Corriere della Sera.")));
    assert!(sents.iter().any(|s| s
        .starts_with("Russian Defense Minister Sergei Ivanov denied that – outside")
        && s.ends_with("terrorists.")));
    assert!(sents
        .iter()
        .any(|s| s.starts_with("Hamza recounted") && s.ends_with("“Saddam’s Bombmaker.”")));
    // The boilerplate is gone from the sentences.
    for s in &sents {
        assert!(
            !s.contains("Related story")
                && !s.contains("Advice from Baghdad")
                && !s.contains("discussion guidelines"),
            "{s}"
        );
    }
}

#[test]
fn seed_notes() {
    let doc = seed();
    let notes_of = |k: NoteKind| {
        doc.notes
            .iter()
            .filter(move |n| n.kind == k)
            .map(|n| doc.slice(n.span))
            .collect::<Vec<_>>()
    };
    let boiler = notes_of(NoteKind::Boilerplate);
    for line in [
        "Related story:",
        "Advice from Baghdad",
        "Note: Read our discussion guidelines before commenting.",
    ] {
        assert!(boiler.contains(&line), "{line} not noted: {boiler:?}");
    }
    assert!(!doc.clean_text().contains("Advice from Baghdad"));
    assert_eq!(notes_of(NoteKind::LostChar), ["expos?s"]);
    let cut = notes_of(NoteKind::TruncatedParagraph);
    assert_eq!(cut.len(), 1, "{cut:?}");
    assert!(cut[0].ends_with("according to an earlier report in"));
    // The original text is untouched.
    assert!(doc.text.contains("Related story:"));
}

#[test]
fn seed_tokens_ud_style() {
    let doc = seed();
    let words: Vec<&str> = doc.tokens.iter().map(|t| t.text.as_str()).collect();
    for w in [
        "U.N.", "U.S.", "Sept.", "’s", "“", "”", "–", "Europe", "/", "al", "-", "Ahani",
    ] {
        assert!(words.contains(&w), "missing token {w}");
    }
    for t in &doc.tokens {
        assert_eq!(
            doc.slice(t.span),
            t.text,
            "seed needs no repair, so token text = slice"
        );
    }
}
