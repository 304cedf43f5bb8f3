//! Reading Universal Dependencies CoNLL-U files.
//!
//! Yields sentences of syntactic *words* (multiword-token lines such as `2-3 don't` are kept
//! aside as [`MultiwordToken`]s; empty nodes `8.1` are skipped), with their comments, so the
//! tagger, parser and NER can train on the same reader.

use std::io::BufRead;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Word {
    /// 1-based position in the sentence.
    pub id: u32,
    pub form: String,
    pub lemma: String,
    pub upos: String,
    pub xpos: String,
    pub feats: String,
    /// 0 = root.
    pub head: u32,
    pub deprel: String,
    pub misc: String,
}

impl Word {
    /// `SpaceAfter=No` in MISC.
    pub fn no_space_after(&self) -> bool {
        self.misc.split('|').any(|m| m == "SpaceAfter=No")
    }
    /// Value of a MISC key (`Entity`, `SpaceAfter`, ...).
    pub fn misc_value(&self, key: &str) -> Option<&str> {
        self.misc
            .split('|')
            .find_map(|m| m.strip_prefix(key)?.strip_prefix('='))
    }
}

/// A surface token made of several words (`don't` = `do` + `n't`).
#[derive(Debug, Clone, PartialEq)]
pub struct MultiwordToken {
    pub first: u32,
    pub last: u32,
    pub form: String,
    pub misc: String,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sentence {
    pub sent_id: Option<String>,
    /// `# text = ...`
    pub text: Option<String>,
    /// `# newdoc id = ...` when this sentence opens a document.
    pub newdoc: Option<String>,
    /// `# newpar` seen before this sentence.
    pub newpar: bool,
    pub comments: Vec<String>,
    pub words: Vec<Word>,
    pub multiword: Vec<MultiwordToken>,
}

impl Sentence {
    pub fn forms(&self) -> Vec<&str> {
        self.words.iter().map(|w| w.form.as_str()).collect()
    }
}

/// Parse all sentences of a CoNLL-U text. Malformed lines are errors naming the line.
pub fn parse_str(s: &str) -> Result<Vec<Sentence>, String> {
    parse_reader(s.as_bytes())
}

pub fn read_path(path: impl AsRef<std::path::Path>) -> Result<Vec<Sentence>, String> {
    let path = path.as_ref();
    let f = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    parse_reader(std::io::BufReader::new(f)).map_err(|e| format!("{}: {e}", path.display()))
}

pub fn parse_reader<R: BufRead>(r: R) -> Result<Vec<Sentence>, String> {
    let mut out = Vec::new();
    let mut cur = Sentence::default();
    for (n, line) in r.lines().enumerate() {
        let line = line.map_err(|e| format!("line {}: {e}", n + 1))?;
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            if !cur.words.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if let Some(c) = line.strip_prefix('#') {
            let c = c.trim();
            if let Some(v) = c.strip_prefix("text =") {
                cur.text = Some(v.trim().to_string());
            } else if let Some(v) = c.strip_prefix("sent_id =") {
                cur.sent_id = Some(v.trim().to_string());
            } else if let Some(v) = c.strip_prefix("newdoc id =") {
                cur.newdoc = Some(v.trim().to_string());
            } else if c == "newdoc" {
                cur.newdoc = Some(String::new());
            } else if c == "newpar" || c.starts_with("newpar ") || c.starts_with("newpar_block") {
                cur.newpar = true;
            }
            cur.comments.push(c.to_string());
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(format!(
                "line {}: expected 10 columns, found {}",
                n + 1,
                cols.len()
            ));
        }
        let bad = |what: &str| format!("line {}: bad {what} `{}`", n + 1, line);
        if let Some((a, b)) = cols[0].split_once('-') {
            cur.multiword.push(MultiwordToken {
                first: a.parse().map_err(|_| bad("id"))?,
                last: b.parse().map_err(|_| bad("id"))?,
                form: cols[1].to_string(),
                misc: cols[9].to_string(),
            });
            continue;
        }
        if cols[0].contains('.') {
            continue; // empty node (enhanced UD only)
        }
        cur.words.push(Word {
            id: cols[0].parse().map_err(|_| bad("id"))?,
            form: cols[1].to_string(),
            lemma: cols[2].to_string(),
            upos: cols[3].to_string(),
            xpos: cols[4].to_string(),
            feats: cols[5].to_string(),
            head: if cols[6] == "_" {
                0
            } else {
                cols[6].parse().map_err(|_| bad("head"))?
            },
            deprel: cols[7].to_string(),
            misc: cols[9].to_string(),
        });
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_words_mwt_and_comments() {
        let s = "# newdoc id = d1\n# sent_id = s1\n# text = I don't.\n1\tI\tI\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n2\tdo\tdo\tAUX\tVBP\t_\t3\taux\t_\t_\n3\tn't\tnot\tPART\tRB\t_\t0\troot\t_\tSpaceAfter=No\n3.1\tx\tx\tX\tX\t_\t_\t_\t_\t_\n4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n";
        let v = parse_str(s).unwrap();
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].forms(), vec!["I", "do", "n't", "."]);
        assert_eq!(v[0].multiword.len(), 1);
        assert_eq!(v[0].newdoc.as_deref(), Some("d1"));
        assert!(v[0].words[2].no_space_after());
        assert!(parse_str("1\tx\n").is_err());
    }

    #[test]
    fn reads_ud_files() {
        let p = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/data/ud/en_pud-ud-test.conllu"
        );
        let v = read_path(p).unwrap();
        assert_eq!(v.len(), 1000);
    }
}
