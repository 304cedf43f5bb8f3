//! Page metadata from the markup itself: JSON-LD (`NewsArticle` and kin), `<meta>` tags
//! (Open Graph, Dublin Core, article:*, common CMS names), `<html lang>` and `<title>`.
use dom_query::Document;
use serde_json::Value;

/// What the markup declares about the page; every field is optional.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageMeta {
    pub title: Option<String>,
    pub authors: Vec<String>,
    /// Raw date string as found (normalised later).
    pub published: Option<String>,
    pub site: Option<String>,
    pub language: Option<String>,
}

/// How deep into JSON-LD values we look (they nest articles in `@graph`, `mainEntity`...).
const MAX_JSON_DEPTH: usize = 8;

pub fn page_meta(doc: &Document) -> PageMeta {
    let mut meta = PageMeta::default();
    for script in doc.select(r#"script[type="application/ld+json"]"#).nodes() {
        if let Ok(value) = serde_json::from_str::<Value>(script.text().trim()) {
            json_ld(&value, &mut meta, 0);
        }
    }
    let tags = meta_tags(doc);
    let first = |keys: &[&str]| {
        keys.iter().find_map(|k| {
            tags.iter()
                .find(|(name, content)| name == k && !content.is_empty())
                .map(|(_, c)| c.clone())
        })
    };
    if meta.title.is_none() {
        meta.title = first(&["og:title", "twitter:title", "dc.title", "headline"]);
    }
    if meta.published.is_none() {
        meta.published = first(&[
            "article:published_time",
            "og:article:published_time",
            "datepublished",
            "article.published",
            "publish-date",
            "publishdate",
            "pubdate",
            "dc.date.issued",
            "dcterms.issued",
            "dc.date",
            "dcterms.created",
            "sailthru.date",
            "parsely-pub-date",
            "date",
        ]);
    }
    if meta.published.is_none() {
        meta.published = doc
            .select("time[datetime]")
            .nodes()
            .first()
            .and_then(|t| t.attr("datetime"))
            .map(|d| d.to_string());
    }
    if meta.authors.is_empty() {
        for key in [
            "author",
            "article:author",
            "dc.creator",
            "parsely-author",
            "sailthru.author",
            "byl",
        ] {
            for (_, content) in tags.iter().filter(|(name, _)| name == key) {
                push_author(&mut meta.authors, content);
            }
            if !meta.authors.is_empty() {
                break;
            }
        }
    }
    if meta.site.is_none() {
        meta.site = first(&["og:site_name", "application-name"]);
    }
    meta.language = doc
        .select("html[lang]")
        .nodes()
        .first()
        .and_then(|h| h.attr("lang"))
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .or_else(|| first(&["content-language", "og:locale", "dc.language"]));
    if meta.title.is_none() {
        meta.title = doc
            .select("head title")
            .nodes()
            .first()
            .map(|t| clean(&t.text()))
            .filter(|t| !t.is_empty());
    }
    meta.title = meta.title.map(|t| clean(&t));
    meta.site = meta.site.map(|s| clean(&s));
    meta
}

/// `(key, content)` for every `<meta>`, key lower-cased from property, name, itemprop or
/// http-equiv.
fn meta_tags(doc: &Document) -> Vec<(String, String)> {
    doc.select("meta[content]")
        .nodes()
        .iter()
        .filter_map(|m| {
            let key = m
                .attr("property")
                .or_else(|| m.attr("name"))
                .or_else(|| m.attr("itemprop"))
                .or_else(|| m.attr("http-equiv"))?;
            let content = m.attr("content")?;
            Some((key.trim().to_ascii_lowercase(), content.trim().to_string()))
        })
        .collect()
}

fn is_article_type(value: &Value) -> bool {
    let is_article = |t: &str| {
        t.ends_with("Article") || matches!(t, "BlogPosting" | "Report" | "LiveBlogPosting")
    };
    match value.get("@type") {
        Some(Value::String(t)) => is_article(t),
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).any(is_article),
        _ => false,
    }
}

/// Fill empty fields of `meta` from the first article-like object in a JSON-LD value.
fn json_ld(value: &Value, meta: &mut PageMeta, depth: usize) {
    if depth > MAX_JSON_DEPTH {
        return;
    }
    match value {
        Value::Array(items) => items.iter().for_each(|v| json_ld(v, meta, depth + 1)),
        Value::Object(map) => {
            if is_article_type(value) {
                let text = |k: &str| map.get(k).and_then(Value::as_str).map(clean);
                if meta.title.is_none() {
                    meta.title = text("headline")
                        .or_else(|| text("name"))
                        .filter(|t| !t.is_empty());
                }
                if meta.published.is_none() {
                    meta.published = text("datePublished").or_else(|| text("dateCreated"));
                }
                if meta.authors.is_empty() {
                    if let Some(author) = map.get("author").or_else(|| map.get("creator")) {
                        json_ld_authors(author, &mut meta.authors, depth);
                    }
                }
                if meta.site.is_none() {
                    meta.site = map
                        .get("publisher")
                        .and_then(|p| p.get("name"))
                        .and_then(Value::as_str)
                        .map(clean)
                        .filter(|s| !s.is_empty());
                }
            }
            for key in [
                "@graph",
                "mainEntity",
                "mainEntityOfPage",
                "itemListElement",
            ] {
                if let Some(inner) = map.get(key) {
                    json_ld(inner, meta, depth + 1);
                }
            }
        }
        _ => {}
    }
}

fn json_ld_authors(value: &Value, out: &mut Vec<String>, depth: usize) {
    if depth > MAX_JSON_DEPTH {
        return;
    }
    match value {
        Value::String(s) => push_author(out, s),
        Value::Array(items) => items
            .iter()
            .for_each(|v| json_ld_authors(v, out, depth + 1)),
        Value::Object(map) => {
            if let Some(name) = map.get("name") {
                json_ld_authors(name, out, depth + 1);
            }
        }
        _ => {}
    }
}

/// Add a plausible author name (not a URL, not a sentence), once.
pub fn push_author(out: &mut Vec<String>, raw: &str) {
    let name = clean(raw);
    let name = name
        .strip_prefix("By ")
        .or_else(|| name.strip_prefix("by "))
        .unwrap_or(&name)
        .trim();
    let plausible = !name.is_empty()
        && name.chars().count() <= 80
        && !name.contains("://")
        && !name.starts_with("www.")
        && name.chars().any(char::is_alphabetic);
    if plausible && !out.iter().any(|a| a.eq_ignore_ascii_case(name)) {
        out.push(name.to_string());
    }
}

/// Collapse whitespace runs to one space and trim.
pub fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
