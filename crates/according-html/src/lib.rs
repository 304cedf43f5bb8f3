//! `according-html`: main-article extraction from news HTML pages: the article's text
//! (paragraphs separated by a blank line), title, authors, publication date (ISO 8601), site
//! name and language.
//!
//! Two extractors read each page: `dom_smoothie` (a Readability.js port) gives the paragraphs,
//! and `trafilatura` (a go-trafilatura port) votes on them: a paragraph is kept only if it
//! is also in trafilatura's text ([`vote`]); when the two agree on less than half the words,
//! trafilatura is asked again with its own fallbacks. A first paragraph repeating the headline
//! is dropped. On the Zyte benchmark this gives F1 0.973 (`according eval html
//! ../shared/data/html/zyte`), above each extractor alone (0.951 and 0.957). Metadata comes
//! first from the markup (JSON-LD, `<meta>` tags, [`meta`]), then from the two extractors. Hostile pages (too large, nested
//! too deeply, or making an extractor panic) give an `Err`, never a crash ([`guard`]).
//!
//! ```
//! let html = r#"<html lang="en"><head><title>Rates rise - The Daily</title>
//!   <meta property="og:site_name" content="The Daily">
//!   <meta name="author" content="Ann Lee">
//!   <meta property="article:published_time" content="2019-11-19T10:00:00Z"></head>
//!   <body><nav>Home | World | Sport</nav><article><h1>Rates rise</h1>
//!   <p>The central bank raised its main rate on Tuesday, the governor said in a statement
//!   that also warned of slower growth next year.</p>
//!   <p>Economists had expected the move, according to a survey published last week by the
//!   national statistics office.</p></article><footer>Copyright</footer></body></html>"#;
//! let a = according_html::extract(html, Some("https://daily.example/rates")).unwrap();
//! assert!(a.text.starts_with("The central bank raised"));
//! assert!(!a.text.contains("Home | World"));
//! assert_eq!(a.site.as_deref(), Some("The Daily"));
//! assert_eq!(a.authors, vec!["Ann Lee"]);
//! assert_eq!(a.published.as_deref(), Some("2019-11-19T10:00:00+00:00"));
//! ```
//!
//! Interface used by the readers (keep this signature): [`extract`]. Benchmark: [`eval`].

pub mod date;
pub mod eval;
mod extract;
pub mod guard;
pub mod meta;
pub mod vote;

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
///
/// Errors: empty or text-less pages, pages over [`guard::MAX_BYTES`] or nested deeper than
/// [`guard::MAX_DEPTH`], and pages that make an extractor panic.
pub fn extract(html: &str, url: Option<&str>) -> Result<Article, String> {
    if html.trim().is_empty() {
        return Err("empty page".into());
    }
    guard::check(html)?;
    guard::run_isolated(|| extract::extract_checked(html, url))
}
