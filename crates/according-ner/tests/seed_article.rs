//! The founding example: every person, outlet and place of the seed article gets its type.
//! Tokens come from a small UD-style tokenizer here, so the test does not depend on the
//! segmenter's state.
use according_core::{Component, Doc, Sentence, Span, Token};
use according_ner::Ner;

/// UD-like tokens: words, clitic `'s`, abbreviations with their period, punctuation alone.
fn tokenize(text: &str) -> Vec<(usize, usize)> {
    const ABBREV: &[&str] = &["Sept", "Mr", "Mrs", "Dr", "St", "Gen", "Sen", "Gov"];
    let mut out = Vec::new();
    let b = text.as_bytes();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c.is_alphanumeric() {
            let mut j = i;
            while j < chars.len()
                && (chars[j].1.is_alphanumeric()
                    || (chars[j].1 == '.'
                        && j + 1 < chars.len()
                        && chars[j + 1].1.is_alphabetic()
                        && chars[j + 1].1.is_uppercase()
                        && j > i
                        && chars[j - 1].1.is_uppercase()))
            {
                j += 1;
            }
            let end = chars.get(j).map_or(text.len(), |x| x.0);
            let word = &text[pos..end];
            // `U.N.`, `U.S.`, `Sept.`: keep the period.
            let keep_period = j < chars.len()
                && chars[j].1 == '.'
                && (word.contains('.')
                    || ABBREV.contains(&word)
                    || (word.len() == 1 && word.chars().all(char::is_uppercase)));
            if keep_period {
                j += 1;
            }
            let end = chars.get(j).map_or(text.len(), |x| x.0);
            out.push((pos, end));
            i = j;
            continue;
        }
        if (c == '\'' || c == '’')
            && i + 1 < chars.len()
            && chars[i + 1].1 == 's'
            && (i + 2 >= chars.len() || !chars[i + 2].1.is_alphanumeric())
        {
            let end = chars[i + 1].0 + 1;
            out.push((pos, end));
            i += 2;
            continue;
        }
        let end = pos + c.len_utf8();
        let _ = b;
        out.push((pos, end));
        i += 1;
    }
    out
}

fn seed_doc() -> Doc {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/seed-article.txt"
    );
    let text = std::fs::read_to_string(path).expect("seed article");
    let mut doc = Doc::new("seed-article", path, text.clone());
    let mut sent = 0u32;
    let mut sent_start: Option<usize> = None;
    let toks = tokenize(&text);
    for (k, &(s, e)) in toks.iter().enumerate() {
        sent_start.get_or_insert(s);
        doc.tokens.push(Token {
            span: Span::new(s, e),
            text: text[s..e].to_string(),
            sentence: sent,
            ..Default::default()
        });
        let next_line = toks.get(k + 1).is_none_or(|n| text[e..n.0].contains('\n'));
        if matches!(&text[s..e], "." | "?" | "!") || next_line {
            doc.sentences.push(Sentence {
                span: Span::new(sent_start.take().unwrap(), e),
            });
            sent += 1;
        }
    }
    doc
}

#[test]
fn seed_article_entities() {
    let ner = Ner::embedded().expect("embedded model");
    let mut doc = seed_doc();
    ner.process(&mut doc).expect("process");
    let expected: &[(&str, &[&str])] = &[
        ("George W. Bush", &["PERSON"]),
        ("Alexander Saltanov", &["PERSON"]),
        ("Saddam Hussein", &["PERSON"]),
        ("Osama bin Laden", &["PERSON"]),
        ("Sergei Ivanov", &["PERSON"]),
        ("Taha Yasin Ramadan", &["PERSON"]),
        ("Vladimir Putin", &["PERSON"]),
        ("Mohammed Atta", &["PERSON"]),
        ("Ahmed Samir al-Ahani", &["PERSON"]),
        ("Khidhir Hamza", &["PERSON"]),
        ("Richard Butler", &["PERSON"]),
        ("Radio Free Europe/Radio Liberty", &["OUTLET"]),
        ("Corriere della Sera", &["OUTLET"]),
        ("Voice of Russia World Service", &["OUTLET"]),
        ("British Broadcasting Corporation", &["OUTLET"]),
        ("Iraq", &["GPE"]),
        ("Moscow", &["GPE"]),
        ("Baghdad", &["GPE"]),
        ("Czech Republic", &["GPE"]),
        ("Afghanistan", &["GPE"]),
        ("Kuwait", &["GPE"]),
        ("Prague", &["GPE"]),
    ];
    let mut failures = Vec::new();
    for (name, types) in expected {
        // Every occurrence of the full name must be one mention of an expected type.
        for (at, _) in doc.text.match_indices(name) {
            let end = at + name.len();
            let wordy = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
            if wordy(doc.text[..at].chars().next_back()) || wordy(doc.text[end..].chars().next()) {
                continue; // `Iraq` inside `Iraqi`
            }
            let ok = doc.mentions.iter().any(|m| {
                m.span.start == at && m.span.end == end && types.contains(&m.kind.as_str())
            });
            if !ok {
                let got: Vec<String> = doc
                    .mentions
                    .iter()
                    .filter(|m| m.span.overlaps(Span::new(at, end)))
                    .map(|m| format!("{:?} {}", m.text, m.kind))
                    .collect();
                failures.push(format!("{name} at {at}: got {got:?}"));
            }
        }
    }
    // Every name of the list occurs at least once.
    assert!(expected.iter().all(|(n, _)| doc.text.contains(n)));
    for m in &doc.mentions {
        assert_eq!(m.text, &doc.text[m.span.start..m.span.end]);
    }
    assert!(
        failures.is_empty(),
        "{} misses:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
