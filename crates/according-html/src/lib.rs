//! `according-html`: main-article extraction from news HTML pages (text, title, authors,
//! date, site name).
//!
//! Interface used by the readers (keep this signature): [`extract`].

/// What a page yields: the article's text and its metadata.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Article {
    /// Main article text, paragraphs separated by a blank line (`\n\n`).
    pub text: String,
    pub title: Option<String>,
    pub authors: Vec<String>,
    /// ISO 8601 where parseable.
    pub published: Option<String>,
    pub site: Option<String>,
    pub language: Option<String>,
}

/// Extract the main article from an HTML page. `url` helps site-specific rules and the site name.
pub fn extract(html: &str, url: Option<&str>) -> Result<Article, String> {
    let _ = (html, url);
    Err("HTML extraction is not built yet".into())
}
