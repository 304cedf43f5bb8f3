//! The word-score cache changes speed, not tags: a warm scratch (every word seen before) and a
//! fresh one per sentence give the same tags, and two models never share cached scores.
use according_tagger::{TagScratch, Tagger};

const SENTENCES: &[&[&str]] = &[
    &[
        "Officials",
        "said",
        "the",
        "talks",
        "would",
        "resume",
        "on",
        "Monday",
        ".",
    ],
    &[
        "The",
        "talks",
        "stalled",
        "after",
        "officials",
        "walked",
        "out",
        ".",
    ],
    &[
        "Resume", "the", "record", ",", "she", "said", ",", "and", "walked", "on", ".",
    ],
    &["Monday", "'s", "record", "stalled", "talks", "."],
];

#[test]
fn warm_and_cold_scratches_agree() {
    let tagger = Tagger::embedded().unwrap();
    let mut warm = TagScratch::default();
    let mut ids = Vec::new();
    // Warm the cache with every sentence, then tag again and compare with cold runs.
    for s in SENTENCES {
        tagger.tag_ids(s, &mut warm, &mut ids);
    }
    for s in SENTENCES {
        tagger.tag_ids(s, &mut warm, &mut ids);
        let warm_ids = ids.clone();
        tagger.tag_ids(s, &mut TagScratch::default(), &mut ids);
        assert_eq!(warm_ids, ids, "{s:?}");
    }
}

#[test]
fn a_second_model_does_not_reuse_the_first_ones_scores() {
    let a = Tagger::embedded().unwrap();
    let b = Tagger::embedded().unwrap();
    let mut scratch = TagScratch::default();
    let mut ids = Vec::new();
    let mut expected = Vec::new();
    for s in SENTENCES {
        a.tag_ids(s, &mut scratch, &mut ids);
        expected.push(ids.clone());
    }
    for (s, want) in SENTENCES.iter().zip(&expected) {
        b.tag_ids(s, &mut scratch, &mut ids);
        assert_eq!(&ids, want);
    }
}

/// Every sentence of UD EWT dev through one warm scratch (the cache filled, reset when full,
/// reused across sentences) gives exactly the tags of the uncached reference path.
#[test]
fn cached_scores_give_the_uncached_tags_on_real_text() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/ud/en_ewt-ud-dev.conllu");
    let sentences = according_tagger::read_conllu(&path).expect("EWT dev (../shared/data)");
    let tagger = Tagger::embedded().unwrap();
    let mut warm = TagScratch::default();
    let mut reference = TagScratch::default();
    let (mut got, mut want) = (Vec::new(), Vec::new());
    let mut tokens = 0;
    for s in &sentences {
        let words: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        tagger.tag_ids(&words, &mut warm, &mut got);
        tagger.tag_ids_uncached(&words, &mut reference, &mut want);
        assert_eq!(got, want, "{words:?}");
        tokens += words.len();
    }
    assert!(tokens > 20_000, "only {tokens} tokens read");
}
