//! Properties on arbitrary input: no panic, spans in bounds and on char boundaries, tokens
//! ordered, non-overlapping and inside their sentence.

use according_core::Doc;
use proptest::prelude::*;

fn check(text: &str) -> Result<(), TestCaseError> {
    let mut doc = Doc::new("p", "prop", text);
    according_text::clean(&mut doc);
    according_text::segment(&mut doc);
    let t = &doc.text;
    for n in &doc.notes {
        prop_assert!(n.span.start <= n.span.end && n.span.end <= t.len());
        prop_assert!(t.is_char_boundary(n.span.start) && t.is_char_boundary(n.span.end));
    }
    let mut prev = 0;
    for s in &doc.sentences {
        prop_assert!(s.span.start <= s.span.end && s.span.end <= t.len());
        prop_assert!(t.is_char_boundary(s.span.start) && t.is_char_boundary(s.span.end));
        prop_assert!(s.span.start >= prev, "sentences overlap");
        prev = s.span.end;
    }
    let mut prev = 0;
    for tok in &doc.tokens {
        prop_assert!(tok.span.start <= tok.span.end && tok.span.end <= t.len());
        prop_assert!(t.is_char_boundary(tok.span.start) && t.is_char_boundary(tok.span.end));
        prop_assert!(tok.span.start >= prev, "tokens out of order or overlapping");
        prev = tok.span.end;
        let s = doc.sentences.get(tok.sentence as usize);
        prop_assert!(
            s.is_some_and(|s| s.span.contains(tok.span)),
            "token outside its sentence"
        );
        prop_assert!(!tok.text.is_empty());
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_unicode(s in "\\PC{0,200}") {
        check(&s)?;
    }

    #[test]
    fn news_like(s in "([A-Za-z]{1,8}|U\\.S\\.|Mr\\.|Sept\\.|[0-9]{1,4}|[.,!?;:'\"“”‘’()—–…-]|don't|â€™|Ã©|e\u{301}|expos\\?s|\\x00|\u{FFFD}|\u{FEFF}|\u{AD}| |\n|\n\n|Related story:\n|Read more){0,60}") {
        check(&s)?;
    }
}
