//! Decoding computes the static features differently from training (word-only and
//! neighbour-only features on demand, word lexicon entries from a per-thread cache): it must
//! give the same features.
use according_ner::features::{
    history_features, history_other_features, history_word_features, DocMemory, LexCache, Role,
    SentFeats,
};
use according_ner::labels::N_LABELS;
use according_ner::Ner;

const SENTENCES: &[&str] = &[
    "Russian Defense Minister Sergei Ivanov told Corriere della Sera in Rome that the Korean \
     People 's Army ( KPA ) and Reuters reported nothing .",
    "\" Ivanov met Blair in London on 11 September 2001 , \" said the BBC 's Naïve Éric .",
    "ÉTÉ 1999 : U.S. officials -- and GM 's 3.5 % stake -- e-mail x1Y2z3 .",
    "Ivanov met Blair in London .",
];

#[test]
fn decoding_features_are_the_training_features() {
    let ner = Ner::embedded().unwrap();
    let m = ner.model();
    let mut cache = LexCache::default();
    // Twice through the cache: first filling it, then reading it.
    for round in 0..2 {
        for text in SENTENCES {
            let words: Vec<&str> = text.split(' ').collect();
            let mut full = SentFeats::default();
            full.compute(&words, &m.prior, &m.clusters, &m.typed, &m.matcher);
            let mut dec = SentFeats::default();
            dec.compute_context(
                &words,
                &m.prior,
                &m.clusters,
                &m.typed,
                &m.matcher,
                &mut cache,
            );
            for i in 0..words.len() {
                let (k1, w1, c1) = full.word_ids(i);
                let (k2, w2, c2) = dec.word_ids(i);
                assert_eq!(k1, k2);
                assert!(w2.is_empty());
                // The context features left out are those the neighbours inside the
                // sentence give on their own.
                let mut c2 = c2.to_vec();
                let at = [i.checked_sub(1), i.checked_sub(2), Some(i + 1), Some(i + 2)];
                for (role, k) in Role::ALL.into_iter().zip(at) {
                    if let Some(k) = k.filter(|&k| k < words.len()) {
                        dec.neighbour_features(k, role, &mut c2);
                    }
                }
                let mut c1 = c1.to_vec();
                c1.sort_unstable();
                c2.sort_unstable();
                assert_eq!(c1, c2, "round {round}, {:?}", words[i]);
                let mut w = Vec::new();
                dec.word_features(&words, i, &mut w);
                assert_eq!(w1, &w[..], "round {round}, {:?}", words[i]);
                assert_eq!(full.lower[i], dec.lower[i]);
                assert_eq!(full.lower_hash(i), dec.lower_hash(i));
                assert_eq!(full.shape_hash(i), dec.shape_hash(i));
                assert_eq!(full.is_cap(i), dec.is_cap(i));
                assert_eq!(full.cluster(i), dec.cluster(i));
                assert_eq!(full.type_prior(i), dec.type_prior(i));
            }
        }
    }
}

/// The history features split for caching (over the word, the rest) are the history features.
#[test]
fn history_features_are_word_and_other_parts() {
    let ner = Ner::embedded().unwrap();
    let m = ner.model();
    let words: Vec<&str> = SENTENCES[0].split(' ').collect();
    let mut sf = SentFeats::default();
    sf.compute(&words, &m.prior, &m.clusters, &m.typed, &m.matcher);
    // A memory that knows some of the words, so its features appear too.
    let mut memory = DocMemory::default();
    let spans = ner.model().tag(&words, &memory, &mut Default::default());
    assert!(!spans.is_empty());
    memory.learn(&sf, &spans);
    for i in 0..words.len() {
        for y1 in 0..N_LABELS {
            for y2 in [None, Some(0), Some(y1)] {
                let mut whole = Vec::new();
                history_features(&sf, i, Some(y1), y2, &memory, &mut whole);
                let mut parts = Vec::new();
                history_word_features(&sf, i, y1, &mut parts);
                history_other_features(&sf, i, y1, y2, &memory, &mut parts);
                whole.sort_unstable();
                parts.sort_unstable();
                assert_eq!(whole, parts, "{i} {y1} {y2:?}");
            }
        }
    }
}

/// Word dropout in training removes a token's word-identity features: they must be among the
/// features training computes for it, and only they are removed.
#[test]
fn identity_features_are_among_the_training_features() {
    let ner = Ner::embedded().unwrap();
    let m = ner.model();
    for text in SENTENCES {
        let words: Vec<&str> = text.split(' ').collect();
        let mut sf = SentFeats::default();
        sf.compute(&words, &m.prior, &m.clusters, &m.typed, &m.matcher);
        for (i, word) in words.iter().enumerate() {
            let ids = sf.static_ids(i);
            let identity = sf.identity_ids(i);
            assert_ne!(identity[0], identity[1]);
            for f in identity {
                assert!(ids.contains(&f), "{word:?} lacks an identity feature");
            }
            let kept = ids.iter().filter(|f| !identity.contains(f)).count();
            assert_eq!(kept, ids.len() - 2, "{word:?}");
        }
    }
}
