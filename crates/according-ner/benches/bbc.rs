//! The BBC 2005 sample the NER bench and speed example share: the first 100 articles of each
//! of the five sections, lines split into rough words.
use according_ner::train::rough_words;
use std::path::Path;

/// The articles' texts, from `data` (the `../shared/data` folder).
pub fn documents(data: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for section in ["business", "entertainment", "politics", "sport", "tech"] {
        let dir = data.join("news/bbc-2005").join(section);
        let mut paths: Vec<_> = std::fs::read_dir(&dir)
            .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        paths.sort();
        for p in paths.iter().take(100) {
            out.push(String::from_utf8_lossy(&std::fs::read(p).unwrap_or_default()).into_owned());
        }
    }
    out
}

/// Per document, its non-empty lines as rough words.
pub fn sentences(docs: &[String]) -> Vec<Vec<Vec<&str>>> {
    docs.iter()
        .map(|d| {
            d.lines()
                .map(rough_words)
                .filter(|s| !s.is_empty())
                .collect()
        })
        .collect()
}
