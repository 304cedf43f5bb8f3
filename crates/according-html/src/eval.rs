//! The Zyte article-extraction benchmark metric (scrapinghub/article-extraction-benchmark).
//!
//! Per page, texts are split into `\w+` tokens (case kept), turned into a multiset of 4-token
//! shingles, and matched: tp/fp/fn are normalised by their sum so that every page weighs the
//! same. Precision is averaged over pages where `tp + fp > 0`, recall over pages where
//! `tp + fn > 0`, and F1 is computed from the two averages, as the benchmark's `evaluate.py` does.
use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

/// Shingle size used by the benchmark.
pub const NGRAM: usize = 4;

/// Normalised true positives, false positives, false negatives of one page.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct PageCounts {
    pub tp: f64,
    pub fp: f64,
    pub fn_: f64,
}

/// Word tokens as Python's `re.findall(r'\w+', text)` gives them (letters, digits, `_`).
pub fn tokenize(text: &str) -> Vec<&str> {
    let mut tokens = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let word = c.is_alphanumeric() || c == '_';
        match (word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                tokens.push(&text[s..i]);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        tokens.push(&text[s..]);
    }
    tokens
}

/// Multiset of shingles; a text shorter than `n` tokens yields one shorter shingle (as upstream).
fn shingles<'a>(tokens: &[&'a str], n: usize) -> HashMap<Vec<&'a str>, usize> {
    let mut counts = HashMap::new();
    if tokens.is_empty() {
        return counts;
    }
    let windows = tokens.len().saturating_sub(n) + 1;
    for i in 0..windows.max(1) {
        let end = (i + n).min(tokens.len());
        *counts.entry(tokens[i..end].to_vec()).or_insert(0) += 1;
    }
    counts
}

/// Compare one predicted text with its gold text.
pub fn match_page(gold: &str, pred: &str) -> PageCounts {
    let gold_tokens = tokenize(gold);
    let pred_tokens = tokenize(pred);
    let g = shingles(&gold_tokens, NGRAM);
    let p = shingles(&pred_tokens, NGRAM);
    let (mut tp, mut fp, mut fn_) = (0.0, 0.0, 0.0);
    for (k, &gc) in &g {
        let pc = p.get(k).copied().unwrap_or(0);
        tp += gc.min(pc) as f64;
        fn_ += gc.saturating_sub(pc) as f64;
    }
    for (k, &pc) in &p {
        let gc = g.get(k).copied().unwrap_or(0);
        fp += pc.saturating_sub(gc) as f64;
    }
    let s = tp + fp + fn_;
    if s > 0.0 {
        PageCounts {
            tp: tp / s,
            fp: fp / s,
            fn_: fn_ / s,
        }
    } else {
        PageCounts::default()
    }
}

/// Averaged scores over a set of pages.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Scores {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Scores {
    pub fn from_pages(pages: &[PageCounts]) -> Scores {
        let mean = |xs: Vec<f64>| {
            if xs.is_empty() {
                0.0
            } else {
                xs.iter().sum::<f64>() / xs.len() as f64
            }
        };
        let precision = mean(
            pages
                .iter()
                .filter(|c| c.tp + c.fp > 0.0)
                .map(|c| {
                    if c.fp == 0.0 && c.fn_ == 0.0 {
                        1.0
                    } else {
                        c.tp / (c.tp + c.fp)
                    }
                })
                .collect(),
        );
        let recall = mean(
            pages
                .iter()
                .filter(|c| c.tp + c.fn_ > 0.0)
                .map(|c| {
                    if c.fp == 0.0 && c.fn_ == 0.0 {
                        1.0
                    } else {
                        c.tp / (c.tp + c.fn_)
                    }
                })
                .collect(),
        );
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        Scores {
            precision,
            recall,
            f1,
        }
    }
}

/// One benchmark page: its HTML, URL and gold article body.
#[derive(Debug, Clone)]
pub struct Page {
    pub id: String,
    pub url: String,
    pub html: String,
    pub gold: String,
}

#[derive(serde::Deserialize)]
struct GoldEntry {
    #[serde(rename = "articleBody", default)]
    article_body: String,
    #[serde(default)]
    url: String,
}

/// Load the benchmark: `dir/ground-truth.json` and `dir/html/<id>.html.gz`, sorted by id.
pub fn load_zyte(dir: &Path) -> Result<Vec<Page>, String> {
    let gt_path = dir.join("ground-truth.json");
    let gt_text =
        std::fs::read_to_string(&gt_path).map_err(|e| format!("{}: {e}", gt_path.display()))?;
    let gt: HashMap<String, GoldEntry> =
        serde_json::from_str(&gt_text).map_err(|e| format!("{}: {e}", gt_path.display()))?;
    let mut pages = Vec::with_capacity(gt.len());
    for (id, entry) in gt {
        let path = dir.join("html").join(format!("{id}.html.gz"));
        let file = std::fs::File::open(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut bytes = Vec::new();
        flate2::read::GzDecoder::new(file)
            .read_to_end(&mut bytes)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        pages.push(Page {
            id,
            url: entry.url,
            html: String::from_utf8_lossy(&bytes).into_owned(),
            gold: entry.article_body,
        });
    }
    pages.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(pages)
}

/// Result of running [`crate::extract`] over a benchmark.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub pages: usize,
    /// Pages where extraction returned an error (scored as empty text).
    pub errors: usize,
    pub scores: Scores,
    /// Wall-clock seconds spent in extraction (one thread).
    pub seconds: f64,
    pub with_title: usize,
    pub with_date: usize,
    pub with_author: usize,
    pub with_site: usize,
    pub with_language: usize,
}

impl Report {
    pub fn pages_per_second(&self) -> f64 {
        if self.seconds > 0.0 {
            self.pages as f64 / self.seconds
        } else {
            0.0
        }
    }
}

/// Extract every page in turn (one thread, so pages/s is per core) and score the texts.
pub fn run(pages: &[Page]) -> Report {
    let mut report = Report {
        pages: pages.len(),
        ..Default::default()
    };
    let mut counts = Vec::with_capacity(pages.len());
    for page in pages {
        let start = std::time::Instant::now();
        let result = crate::extract(&page.html, Some(&page.url));
        report.seconds += start.elapsed().as_secs_f64();
        let article = result.unwrap_or_else(|_| {
            report.errors += 1;
            crate::Article::default()
        });
        report.with_title += usize::from(article.title.is_some());
        report.with_date += usize::from(article.published.is_some());
        report.with_author += usize::from(!article.authors.is_empty());
        report.with_site += usize::from(article.site.is_some());
        report.with_language += usize::from(article.language.is_some());
        counts.push(match_page(&page.gold, &article.text));
    }
    report.scores = Scores::from_pages(&counts);
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokenizes_like_python_w_plus() {
        assert_eq!(
            tokenize("Don't stop—it's 2019_x, naïve!"),
            vec!["Don", "t", "stop", "it", "s", "2019_x", "naïve"]
        );
    }

    #[test]
    fn shingle_matching_and_empty_cases() {
        let same = match_page("a b c d e", "a b c d e");
        assert_eq!(
            same,
            PageCounts {
                tp: 1.0,
                fp: 0.0,
                fn_: 0.0
            }
        );
        // Nothing predicted: recall 0, page left out of precision.
        let missed = match_page("a b c d e", "");
        assert_eq!(
            missed,
            PageCounts {
                tp: 0.0,
                fp: 0.0,
                fn_: 1.0
            }
        );
        let s = Scores::from_pages(&[same, missed]);
        assert_eq!(s.precision, 1.0);
        assert_eq!(s.recall, 0.5);
        // Half the predicted shingles are wrong: 2 right of 4.
        let half = match_page("a b c d e", "a b c d e x y z");
        assert!((Scores::from_pages(&[half]).precision - 0.4).abs() < 1e-9);
        // Short texts form one shingle of fewer words.
        assert_eq!(
            match_page("a b", "a b"),
            PageCounts {
                tp: 1.0,
                fp: 0.0,
                fn_: 0.0
            }
        );
    }
}
