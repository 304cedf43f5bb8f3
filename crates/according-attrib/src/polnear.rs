//! Reading PolNeAR (brat standoff): `text/NAME.txt` + `attributions/NAME_xxxx.ann`.
//!
//! `T` lines carry Source/Cue/Content spans in **code points** (discontinuous pieces joined by
//! `;`), `E` lines tie them into one attribution. Several annotators may have annotated one
//! article (`NAME_ab12.ann`, `NAME_cd34.ann`): the first file in sorted order is used.

use according_core::{CharIndex, Span};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// One gold attribution; spans are byte offsets into the article text, pieces in text order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GoldAttribution {
    pub cue: Vec<Span>,
    pub source: Vec<Span>,
    pub content: Vec<Span>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct GoldArticle {
    pub id: String,
    pub text: String,
    pub attributions: Vec<GoldAttribution>,
}

/// Read every article of a PolNeAR split directory (`DIR/text`, `DIR/attributions`).
/// Articles without an annotation file are skipped (they have no gold to score against).
pub fn read_dir(dir: &Path) -> Result<Vec<GoldArticle>, String> {
    let ann_dir = dir.join("attributions");
    let text_dir = dir.join("text");
    let mut names: Vec<String> = std::fs::read_dir(&ann_dir)
        .map_err(|e| format!("{}: {e}", ann_dir.display()))?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".ann"))
        .collect();
    names.sort();
    // article name → first annotation file in sorted order
    let mut first: BTreeMap<String, String> = BTreeMap::new();
    for n in names {
        let stem = &n[..n.len() - 4];
        let article = match stem.rfind('_') {
            Some(i) => &stem[..i],
            None => stem,
        };
        first.entry(article.to_string()).or_insert(n.clone());
    }
    let mut out = Vec::with_capacity(first.len());
    for (article, ann) in first {
        let tpath = text_dir.join(format!("{article}.txt"));
        let text =
            std::fs::read_to_string(&tpath).map_err(|e| format!("{}: {e}", tpath.display()))?;
        let apath = ann_dir.join(&ann);
        let ann_text =
            std::fs::read_to_string(&apath).map_err(|e| format!("{}: {e}", apath.display()))?;
        let attributions =
            parse_ann(&ann_text, &text).map_err(|e| format!("{}: {e}", apath.display()))?;
        out.push(GoldArticle {
            id: article,
            text,
            attributions,
        });
    }
    Ok(out)
}

/// Parse one `.ann` file against its article text.
pub fn parse_ann(ann: &str, text: &str) -> Result<Vec<GoldAttribution>, String> {
    let ix = CharIndex::new(text);
    let mut spans: HashMap<&str, Vec<Span>> = HashMap::new();
    let mut out = Vec::new();
    let mut events: Vec<Vec<(&str, &str)>> = Vec::new();
    for (n, line) in ann.lines().enumerate() {
        let mut cols = line.split('\t');
        let id = cols.next().unwrap_or("");
        // Span texts may contain newlines: continuation lines do not start with an id.
        let is_id = |p: char| id.starts_with(p) && id[1..].chars().all(|c| c.is_ascii_digit());
        if is_id('T') && id.len() > 1 {
            let mid = cols
                .next()
                .ok_or_else(|| format!("line {}: no span", n + 1))?;
            let (_, offs) = mid
                .split_once(' ')
                .ok_or_else(|| format!("line {}: bad span `{mid}`", n + 1))?;
            let mut pieces = Vec::new();
            for p in offs.split(';') {
                let mut it = p.split_whitespace().map(|x| x.parse::<usize>());
                match (it.next(), it.next()) {
                    (Some(Ok(a)), Some(Ok(b))) if a <= b => pieces.push(ix.span_from_chars(a, b)),
                    _ => return Err(format!("line {}: bad offsets `{p}`", n + 1)),
                }
            }
            pieces.sort();
            spans.insert(id, pieces);
        } else if is_id('E') && id.len() > 1 {
            let args = cols.next().unwrap_or("");
            events.push(
                args.split_whitespace()
                    .filter_map(|a| a.split_once(':'))
                    .collect(),
            );
        }
    }
    for ev in events {
        let mut a = GoldAttribution::default();
        for (role, tid) in ev {
            let Some(s) = spans.get(tid) else { continue };
            match role {
                "Cue" => a.cue = s.clone(),
                "Source" => a.source = s.clone(),
                // `Content2`: a second content annotated separately; join as more pieces.
                r if r.starts_with("Content") => {
                    a.content.extend(s.iter().copied());
                    a.content.sort();
                }
                _ => {}
            }
        }
        if !a.cue.is_empty() {
            out.push(a);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_discontinuous_and_multiline() {
        let text = "“No,” he said, “never.”";
        let ann = "T1\tSource 6 8\the\nT2\tCue 9 13\tsaid\nT3\tContent 0 5;15 23\t“No,” “never.\ncontinued”\nT4\tAttribution 9 13\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n";
        let g = parse_ann(ann, text).unwrap();
        assert_eq!(g.len(), 1);
        assert_eq!(&text[g[0].cue[0].start..g[0].cue[0].end], "said");
        assert_eq!(&text[g[0].source[0].start..g[0].source[0].end], "he");
        assert_eq!(g[0].content.len(), 2);
        assert_eq!(
            &text[g[0].content[1].start..g[0].content[1].end],
            "“never.”"
        );
        assert!(parse_ann("T1\tCue x y\tz\n", text).is_err());
    }
}
