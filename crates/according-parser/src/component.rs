//! The parser as a pipeline stage: per sentence, tagged tokens in, heads and relations out.

use crate::Parser;
use according_core::{Component, Doc, DocError, Stage};

impl Component for Parser {
    fn name(&self) -> &'static str {
        "parser"
    }

    fn process(&self, doc: &mut Doc) -> Result<(), DocError> {
        for range in doc.sentence_token_ranges() {
            if range.is_empty() {
                continue;
            }
            let toks = &doc.tokens[range.clone()];
            let words: Vec<&str> = toks.iter().map(|t| t.text.as_str()).collect();
            let mut upos = Vec::with_capacity(toks.len());
            let mut xpos = Vec::with_capacity(toks.len());
            for t in toks {
                match (&t.upos, &t.xpos) {
                    (Some(u), Some(x)) => {
                        upos.push(u.as_str());
                        xpos.push(x.as_str());
                    }
                    _ => {
                        return Err(DocError::new(
                            doc.source.clone(),
                            Stage::Nlp,
                            "parser: tokens have no POS tags (run the tagger first)",
                        )
                        .with_id(doc.id.clone()))
                    }
                }
            }
            let tree = self.parse(&words, &upos, &xpos);
            let labels: Vec<(Option<u32>, String)> = tree
                .iter()
                .map(|&(h, l)| {
                    let head = (h > 0).then(|| (range.start + h as usize - 1) as u32);
                    (head, l.to_string())
                })
                .collect();
            for (tok, (head, label)) in doc.tokens[range].iter_mut().zip(labels) {
                tok.head = head;
                tok.deprel = Some(label);
            }
        }
        Ok(())
    }
}
