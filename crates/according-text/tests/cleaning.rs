//! Cleaning on whole documents: every change noted with original offsets, spans map back.

use according_core::{Doc, NoteKind};

fn run(text: &str) -> Doc {
    let mut doc = Doc::new("t", "test", text);
    according_text::clean(&mut doc);
    according_text::segment(&mut doc);
    doc
}

fn noted(doc: &Doc, kind: NoteKind) -> Vec<&str> {
    doc.notes
        .iter()
        .filter(|n| n.kind == kind)
        .map(|n| doc.slice(n.span))
        .collect()
}

#[test]
fn mojibake_repaired_and_mapped() {
    let doc = run("Bin Ladenâ€™s network, the cafÃ© owner said. â€œNo,â€\u{9d} he said.");
    assert_eq!(
        doc.clean_text(),
        "Bin Laden’s network, the café owner said. “No,” he said."
    );
    let notes = noted(&doc, NoteKind::MojibakeRepaired);
    assert_eq!(notes.len(), 1, "{notes:?}"); // repairs on one line share a note
    let tok = doc.tokens.iter().find(|t| t.text == "’s").unwrap();
    assert_eq!(doc.slice(tok.span), "â€™s");
    let tok = doc.tokens.iter().find(|t| t.text == "café").unwrap();
    assert_eq!(doc.slice(tok.span), "cafÃ©");
    assert_eq!(doc.sentences.len(), 2);
}

#[test]
fn controls_nfc_and_fffd() {
    let doc = run("Pe\u{0}ña said cafe\u{301} is open. Expos\u{FFFD}s followed.");
    assert_eq!(
        doc.clean_text(),
        "Peña said café is open. Expos\u{FFFD}s followed."
    );
    assert_eq!(noted(&doc, NoteKind::ControlChars), ["\u{0}"]);
    assert_eq!(noted(&doc, NoteKind::Normalized), ["e\u{301}"]);
    assert_eq!(noted(&doc, NoteKind::InvalidUtf8), ["\u{FFFD}"]);
    assert_eq!(noted(&doc, NoteKind::LostChar), ["Expos\u{FFFD}s"]);
    let pena = doc.tokens.iter().find(|t| t.text == "Peña").unwrap();
    assert_eq!(doc.slice(pena.span), "Pe\u{0}ña");
}

#[test]
fn dateline_title_and_tail_credits() {
    let text = "Mexico quake kills dozens\n\nMEXICO CITY (AP) — A strong earthquake struck on Tuesday. Officials said 40 died.\n\nShare this article\n\nAssociated Press writer Jane Doe contributed to this report.\n";
    let doc = run(text);
    assert_eq!(noted(&doc, NoteKind::Title), ["Mexico quake kills dozens"]);
    assert_eq!(noted(&doc, NoteKind::Dateline), ["MEXICO CITY (AP) —"]);
    let boiler = noted(&doc, NoteKind::Boilerplate);
    assert!(boiler.contains(&"Share this article"), "{boiler:?}");
    assert!(
        boiler.contains(&"Associated Press writer Jane Doe contributed to this report."),
        "{boiler:?}"
    );
    let sents: Vec<&str> = doc.sentences.iter().map(|s| doc.slice(s.span)).collect();
    assert_eq!(
        sents,
        [
            "Mexico quake kills dozens",
            "MEXICO CITY (AP) — A strong earthquake struck on Tuesday.",
            "Officials said 40 died."
        ]
    );
}

#[test]
fn real_text_is_left_alone() {
    let text = "São Paulo’s mayor, Ãlvaro Núñez, said the U.S. would help. “We agree,” he said.";
    let doc = run(text);
    assert_eq!(doc.clean_text(), text);
    assert!(doc.notes.is_empty(), "{:?}", doc.notes);
    assert_eq!(doc.sentences.len(), 2);
}

#[test]
fn clean_twice_does_not_duplicate_notes() {
    let mut doc = Doc::new("t", "test", "Text here.\n\nRelated:\n\nOther story\n");
    according_text::clean(&mut doc);
    let n = doc.notes.len();
    according_text::clean(&mut doc);
    assert_eq!(doc.notes.len(), n);
}
