//! Training / evaluation sentences: words, the tags the parser will see, and the gold tree.

use according_ml::conllu::Sentence;

#[derive(Debug, Clone)]
pub struct Example {
    pub words: Vec<String>,
    pub upos: Vec<String>,
    pub xpos: Vec<String>,
    /// Gold heads, 1-based, 0 = root (as in CoNLL-U).
    pub heads: Vec<u32>,
    pub deprels: Vec<String>,
}

impl Example {
    /// From a CoNLL-U sentence, with its gold tags.
    pub fn from_conllu(s: &Sentence) -> Example {
        Example {
            words: s.words.iter().map(|w| w.form.clone()).collect(),
            upos: s.words.iter().map(|w| w.upos.clone()).collect(),
            xpos: s.words.iter().map(|w| w.xpos.clone()).collect(),
            heads: s.words.iter().map(|w| w.head).collect(),
            deprels: s.words.iter().map(|w| w.deprel.clone()).collect(),
        }
    }

    pub fn words(&self) -> Vec<&str> {
        self.words.iter().map(String::as_str).collect()
    }

    /// Replace the tags (e.g. with a tagger's predictions).
    pub fn with_tags(mut self, upos: Vec<String>, xpos: Vec<String>) -> Example {
        self.upos = upos;
        self.xpos = xpos;
        self
    }
}

/// Read every sentence of CoNLL-U files as examples with gold tags.
pub fn read_examples(paths: &[std::path::PathBuf]) -> Result<Vec<Example>, String> {
    let mut out = Vec::new();
    for p in paths {
        let sents = according_ml::conllu::read_path(p)?;
        out.extend(sents.iter().map(Example::from_conllu));
    }
    Ok(out)
}
