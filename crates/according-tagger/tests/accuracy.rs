//! CI gate: the embedded model keeps its accuracy floors on held-out UD test sets
//! (predicted tags on gold tokenization).
use according_tagger::{evaluate, read_conllu, Tagger};

fn ud(name: &str) -> String {
    format!(
        "{}/../../../shared/data/ud/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

#[test]
fn embedded_model_meets_accuracy_floors() {
    let tagger = Tagger::embedded().unwrap();
    for (file, upos_floor, xpos_floor, lemma_floor) in [
        ("en_ewt-ud-test.conllu", 95.5, 94.5, 96.5),
        ("en_pud-ud-test.conllu", 95.0, 95.0, 97.0),
    ] {
        let sents = read_conllu(ud(file)).unwrap();
        let s = evaluate(&tagger, &sents, true);
        eprintln!(
            "{file}: UPOS {:.2} XPOS {:.2} lemma {:.2} ({} words)",
            s.upos(),
            s.xpos(),
            s.lemma(),
            s.words
        );
        assert!(s.words > 20_000, "{file}: only {} words read", s.words);
        assert!(
            s.upos() >= upos_floor,
            "{file}: UPOS {:.2} < {upos_floor}",
            s.upos()
        );
        assert!(
            s.xpos() >= xpos_floor,
            "{file}: XPOS {:.2} < {xpos_floor}",
            s.xpos()
        );
        assert!(
            s.lemma() >= lemma_floor,
            "{file}: lemma {:.2} < {lemma_floor}",
            s.lemma()
        );
    }
}
