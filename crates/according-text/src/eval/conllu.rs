//! A minimal CoNLL-U reader: documents, paragraphs, sentences, their `# text` and token forms.

/// One gold sentence: its text and its tokens as (form, space after).
#[derive(Debug, Clone, Default)]
pub struct GoldSentence {
    pub text: String,
    pub tokens: Vec<String>,
}

/// A document: paragraphs of sentences (one paragraph when the file marks none).
#[derive(Debug, Clone, Default)]
pub struct GoldDoc {
    pub id: String,
    pub paragraphs: Vec<Vec<GoldSentence>>,
}

impl GoldDoc {
    /// The document text as one string: sentences joined by a space, paragraphs by a blank
    /// line; plus the gold sentence end offsets.
    pub fn text_and_ends(&self) -> (String, Vec<usize>) {
        let mut text = String::new();
        let mut ends = Vec::new();
        for (p, para) in self.paragraphs.iter().enumerate() {
            if p > 0 {
                text.push_str("\n\n");
            }
            for (k, s) in para.iter().enumerate() {
                if k > 0 {
                    text.push(' ');
                }
                text.push_str(s.text.trim());
                ends.push(text.len());
            }
        }
        (text, ends)
    }
}

/// Parse CoNLL-U text into documents. Multiword tokens are kept as their words when the words
/// spell the surface form (`don't` = `do` + `n't`), otherwise as the surface token.
pub fn parse(src: &str) -> Vec<GoldDoc> {
    let mut docs: Vec<GoldDoc> = Vec::new();
    let mut cur: Option<GoldSentence> = None;
    let mut new_par = false;
    let mut mwt: Option<(usize, String, Vec<String>)> = None; // (last id, surface, words)
    let doc = |docs: &mut Vec<GoldDoc>| -> usize {
        if docs.is_empty() {
            docs.push(GoldDoc {
                id: "doc".into(),
                paragraphs: Vec::new(),
            });
        }
        docs.len() - 1
    };
    for line in src.lines() {
        if let Some(id) = line.strip_prefix("# newdoc id =") {
            docs.push(GoldDoc {
                id: id.trim().to_string(),
                paragraphs: Vec::new(),
            });
            new_par = true;
        } else if line.starts_with("# newpar") && !line.starts_with("# newpar_") {
            new_par = true;
        } else if let Some(t) = line.strip_prefix("# text =") {
            cur = Some(GoldSentence {
                text: t.trim().to_string(),
                tokens: Vec::new(),
            });
        } else if line.trim().is_empty() {
            if let Some(s) = cur.take() {
                let d = doc(&mut docs);
                let paras = &mut docs[d].paragraphs;
                if new_par || paras.is_empty() {
                    paras.push(Vec::new());
                    new_par = false;
                }
                if let Some(p) = paras.last_mut() {
                    p.push(s);
                }
            }
        } else if !line.starts_with('#') {
            let mut cols = line.split('\t');
            let (Some(id), Some(form)) = (cols.next(), cols.next()) else {
                continue;
            };
            let Some(s) = cur.as_mut() else { continue };
            if id.contains('.') {
                continue;
            }
            if let Some((a, b)) = id.split_once('-') {
                let last = b.parse().unwrap_or(0);
                let _ = a;
                mwt = Some((last, form.to_string(), Vec::new()));
                continue;
            }
            let n: usize = id.parse().unwrap_or(0);
            match &mut mwt {
                Some((last, surface, words)) => {
                    words.push(form.to_string());
                    if n >= *last {
                        if words.concat() == *surface {
                            s.tokens.append(words);
                        } else {
                            s.tokens.push(std::mem::take(surface));
                        }
                        mwt = None;
                    }
                }
                None => s.tokens.push(form.to_string()),
            }
        }
    }
    if let Some(s) = cur.take() {
        let d = doc(&mut docs);
        let paras = &mut docs[d].paragraphs;
        if paras.is_empty() {
            paras.push(Vec::new());
        }
        if let Some(p) = paras.last_mut() {
            p.push(s);
        }
    }
    docs
}

/// Byte spans of `tokens` in `text`, aligned left to right; tokens that cannot be found near the
/// cursor are skipped (returned count says how many were aligned).
pub fn align(text: &str, tokens: &[String]) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(tokens.len());
    let mut pos = 0;
    for t in tokens {
        let rest = &text[pos..];
        let skip = rest.len() - rest.trim_start().len();
        if rest[skip..].starts_with(t.as_str()) {
            out.push((pos + skip, pos + skip + t.len()));
            pos += skip + t.len();
        } else if let Some(k) = rest
            .get(..rest.len().min(skip + 40))
            .and_then(|r| r.find(t.as_str()))
        {
            out.push((pos + k, pos + k + t.len()));
            pos += k + t.len();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_paragraphs_and_mwt() {
        let src = "# newdoc id = d1\n# newpar\n# text = I don't.\n1-2\tdon't\t_\n1\tdo\n2\tn't\n3\t.\n\n# text = Ok.\n1\tOk\n2\t.\n\n# newpar\n# text = New.\n1\tNew\n2\t.\n\n";
        let docs = parse(src);
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].paragraphs.len(), 2);
        assert_eq!(docs[0].paragraphs[0][0].tokens, ["do", "n't", "."]);
        let (text, ends) = docs[0].text_and_ends();
        assert_eq!(text, "I don't. Ok.\n\nNew.");
        assert_eq!(ends, [8, 12, 18]);
    }
}
