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
                        upos.push(u.as_ref());
                        xpos.push(x.as_ref());
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
            // The tree borrows only the parser (its labels), so the tokens can be written
            // directly once the word lists are gone.
            let tree = self.parse(&words, &upos, &xpos);
            drop((words, upos, xpos));
            for (tok, &(h, label)) in doc.tokens[range.clone()].iter_mut().zip(&tree) {
                tok.head = (h > 0).then(|| (range.start + h as usize - 1) as u32);
                tok.deprel = Some(label.into());
            }
        }
        Ok(())
    }
}
