//! Odd input never panics and gives spans inside the sentence.
use according_ner::Ner;

#[test]
fn odd_sentences_do_not_panic() {
    let ner = Ner::embedded().expect("embedded model");
    let long: Vec<String> = (0..5000).map(|i| format!("Word{i}")).collect();
    let long: Vec<&str> = long.iter().map(String::as_str).collect();
    let cases: Vec<Vec<&str>> = vec![
        vec![],
        vec![""],
        vec!["", "", "of"],
        vec!["\u{0}", "\u{202e}Ivanov", "İstanbul", "ǅemal", "東京", "🙂"],
        vec!["of", "the", "-", "'s"],
        vec!["President", "of"],
        vec!["The", "The", "The"],
        long,
    ];
    let mut rec = ner.document();
    for words in &cases {
        for m in rec.sentence(words) {
            assert!(
                m.start < m.end && m.end <= words.len(),
                "{m:?} in {}",
                words.len()
            );
        }
    }
}

#[test]
fn same_answer_in_any_thread_and_order() {
    let ner = Ner::embedded().expect("embedded model");
    let words = [
        "Russian", "Defense", "Minister", "Sergei", "Ivanov", "told", "Reuters", ".",
    ];
    let here = ner.recognize(&words);
    let there = std::thread::scope(|s| s.spawn(|| ner.recognize(&words)).join().unwrap());
    assert_eq!(here, there);
    assert_eq!(ner.recognize(&words), here);
}
