//! BBC News 2005 sentences with the embedded tagger's tags, for the parser's speed checks.
use according_tagger::Tagger;

/// A tagged sentence: words, UPOS, XPOS.
pub type Tagged = (Vec<String>, Vec<String>, Vec<String>);

/// The first sentences of the BBC 2005 articles (sorted by path) up to `limit_tokens` tokens,
/// tokenized UD-style (`n't`/`'s` split) and tagged by the embedded tagger.
pub fn tagged_sentences(limit_tokens: usize) -> Vec<Tagged> {
    let root = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/news/bbc-2005"
    );
    let tagger = Tagger::embedded().expect("embedded tagger");
    let mut files = Vec::new();
    let mut dirs: Vec<_> = std::fs::read_dir(root)
        .expect("BBC data")
        .flatten()
        .map(|d| d.path())
        .collect();
    dirs.sort();
    for d in dirs {
        let mut fs: Vec<_> = std::fs::read_dir(d)
            .into_iter()
            .flatten()
            .flatten()
            .map(|f| f.path())
            .collect();
        fs.sort();
        files.extend(fs);
    }
    let mut out = Vec::new();
    let mut total = 0;
    for f in files {
        let text = std::fs::read_to_string(f).unwrap_or_default();
        // The first line is the headline.
        for line in text.lines().skip(1) {
            let mut cur: Vec<String> = Vec::new();
            for t in according_tagger::clusters::simple_tokens(line) {
                let end = matches!(t.as_str(), "." | "?" | "!");
                cur.push(t);
                if end {
                    total += cur.len();
                    out.push(tag(&tagger, std::mem::take(&mut cur)));
                }
            }
            if !cur.is_empty() {
                total += cur.len();
                out.push(tag(&tagger, cur));
            }
            if total >= limit_tokens {
                return out;
            }
        }
    }
    out
}

fn tag(tagger: &Tagger, words: Vec<String>) -> Tagged {
    let w: Vec<&str> = words.iter().map(String::as_str).collect();
    let tags = tagger.tag(&w);
    let u = tags.iter().map(|t| t.upos.to_string()).collect();
    let x = tags.iter().map(|t| t.xpos.to_string()).collect();
    (words, u, x)
}
