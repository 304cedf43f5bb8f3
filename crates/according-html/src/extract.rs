//! The two extractors and how their outputs are combined.
use dom_query::Document;

use crate::eval::tokenize;
use crate::meta::{clean, page_meta, push_author};
use crate::vote::{filter, Evidence};
use crate::{date, Article};

/// What dom_smoothie (Readability.js port) gives: paragraphs and its own metadata.
struct Readable {
    paragraphs: Vec<String>,
    title: String,
    byline: Option<String>,
    published: Option<String>,
    site: Option<String>,
    lang: Option<String>,
}

fn readable(doc: Document, url: Option<&str>) -> Option<Readable> {
    let cfg = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        ..Default::default()
    };
    let mut reader = dom_smoothie::Readability::with_document(doc, url, Some(cfg)).ok()?;
    let article = reader.parse().ok()?;
    Some(Readable {
        paragraphs: paragraphs(&article.text_content),
        title: article.title,
        byline: article.byline,
        published: article.published_time,
        site: article.site_name,
        lang: article.lang,
    })
}

/// Trafilatura's extraction; `with_fallback` also runs its own readability and jusText
/// fallbacks (about 4x slower, so only used when a second look is needed).
fn trafilatura_result(
    html: &str,
    url: Option<&str>,
    with_fallback: bool,
) -> Option<trafilatura::ExtractResult> {
    let mut opts = trafilatura::Options::default();
    opts.original_url = url.and_then(|u| u.parse().ok());
    opts.enable_fallback = with_fallback;
    trafilatura::extract(html, &opts).ok()
}

/// Voting against trafilatura's text: if the two agree on less than [`MIN_AGREEMENT`] of the
/// words, trafilatura probably cut the article short, so it is asked again with its fallbacks.
fn voted_text(
    paragraphs: &[String],
    html: &str,
    url: Option<&str>,
    traf: &mut Option<trafilatura::ExtractResult>,
) -> String {
    let kept = |t: &Option<trafilatura::ExtractResult>| -> Vec<String> {
        let text = t.as_ref().map(|t| t.content_text.as_str()).unwrap_or("");
        let tokens = tokenize(text);
        let evidence = Evidence::new(&tokens);
        filter(paragraphs, &evidence)
            .into_iter()
            .map(str::to_string)
            .collect()
    };
    let words = |ps: &[String]| ps.iter().map(|p| tokenize(p).len()).sum::<usize>();
    let mut chosen = kept(traf);
    if (words(&chosen) as f64) < MIN_AGREEMENT * words(paragraphs) as f64 {
        let second = trafilatura_result(html, url, true);
        if second.is_some() {
            chosen = kept(&second);
            *traf = second;
        }
    }
    chosen.join("\n\n")
}

/// Share of the main extractor's words the second must confirm before its vote is trusted.
const MIN_AGREEMENT: f64 = 0.5;

/// Non-empty lines with whitespace collapsed; lines without any word are dropped.
fn paragraphs(text: &str) -> Vec<String> {
    text.lines()
        .map(clean)
        .filter(|l| l.chars().any(char::is_alphanumeric))
        .collect()
}

fn non_empty(s: &str) -> Option<String> {
    let s = clean(s);
    (!s.is_empty()).then_some(s)
}

/// The headline is metadata, not body text: drop a first paragraph that repeats it.
fn drop_leading_title(text: String, title: Option<&str>) -> String {
    let Some(title) = title else { return text };
    let first = text.split("\n\n").next().unwrap_or("");
    if !first.is_empty() && tokenize(first) == tokenize(title) {
        text[first.len()..].trim_start().to_string()
    } else {
        text
    }
}

/// "Headline - Site" / "Headline | Site": the site is not part of the headline.
fn strip_site_suffix(title: String, site: Option<&str>) -> String {
    let Some(site) = site.filter(|s| !s.is_empty()) else {
        return title;
    };
    for sep in [" - ", " | ", " – ", " — ", " :: ", " · "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            if tail.trim().eq_ignore_ascii_case(site.trim()) && !head.trim().is_empty() {
                return head.trim().to_string();
            }
        }
    }
    title
}

pub(crate) fn extract_checked(html: &str, url: Option<&str>) -> Result<Article, String> {
    let url = url.filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let doc = Document::from(html);
    let meta = page_meta(&doc);
    let readable = readable(doc, url);
    let mut traf = trafilatura_result(html, url, false);

    let text = match &readable {
        Some(r) if !r.paragraphs.is_empty() => voted_text(&r.paragraphs, html, url, &mut traf),
        // Readability found nothing: trafilatura's own paragraphs.
        _ => traf
            .as_ref()
            .map(|t| paragraphs(&Document::fragment(t.content_html.as_str()).formatted_text()))
            .unwrap_or_default()
            .join("\n\n"),
    };

    let tm = traf.as_ref().map(|t| &t.metadata);
    let title = meta
        .title
        .or_else(|| readable.as_ref().and_then(|r| non_empty(&r.title)))
        .or_else(|| tm.and_then(|m| non_empty(&m.title)));
    let site = meta
        .site
        .or_else(|| tm.and_then(|m| non_empty(&m.sitename)))
        .or_else(|| readable.as_ref()?.site.as_deref().and_then(non_empty));
    let title = title.map(|t| strip_site_suffix(t, site.as_deref()));
    let text = drop_leading_title(text, title.as_deref());
    if text.is_empty() {
        return Err("no main text found on the page".into());
    }
    let mut authors = meta.authors;
    if authors.is_empty() {
        if let Some(m) = tm {
            m.author
                .split(';')
                .for_each(|a| push_author(&mut authors, a));
        }
    }
    if authors.is_empty() {
        if let Some(b) = readable.as_ref().and_then(|r| r.byline.as_deref()) {
            push_author(&mut authors, b);
        }
    }
    let published = meta
        .published
        .as_deref()
        .and_then(date::to_iso8601)
        .or_else(|| {
            readable
                .as_ref()?
                .published
                .as_deref()
                .and_then(date::to_iso8601)
        })
        .or_else(|| {
            // Trafilatura's last resort is 1 January of the copyright year: not a date.
            let d = tm?.date?;
            (chrono::Datelike::ordinal(&d) != 1).then(|| d.format("%Y-%m-%d").to_string())
        });
    let language = meta
        .language
        .or_else(|| readable.as_ref()?.lang.as_deref().and_then(non_empty))
        .or_else(|| tm.and_then(|m| non_empty(&m.language)));
    Ok(Article {
        text,
        title,
        authors,
        published,
        site,
        language,
    })
}

#[cfg(test)]
mod tests {
    use super::strip_site_suffix;

    #[test]
    fn site_suffix_is_stripped_only_when_it_is_the_site() {
        let t = |s: &str| s.to_string();
        assert_eq!(
            strip_site_suffix(t("Rates rise | The Daily"), Some("The Daily")),
            "Rates rise"
        );
        assert_eq!(
            strip_site_suffix(t("Rates rise - the daily"), Some("The Daily")),
            "Rates rise"
        );
        assert_eq!(
            strip_site_suffix(t("Left - Right"), Some("The Daily")),
            "Left - Right"
        );
        assert_eq!(strip_site_suffix(t("Rates rise"), None), "Rates rise");
    }
}
