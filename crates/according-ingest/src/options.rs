//! What the readers can be told: JSONL field names, size limits, the HTML extractor.

use according_html::Article;

/// Turns an HTML page (already decoded to UTF-8) into an article; `url` is the page address
/// if known. [`according_html::extract`] by default; tests and tools may plug in another.
pub type HtmlExtractor = fn(&str, Option<&str>) -> Result<Article, String>;

/// Names of the JSONL fields the reader looks at (`--text-field` etc. on the command line).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonlFields {
    pub text: String,
    pub id: String,
    pub url: String,
    pub title: String,
    pub date: String,
}

impl Default for JsonlFields {
    fn default() -> Self {
        JsonlFields {
            text: "text".into(),
            id: "id".into(),
            url: "url".into(),
            title: "title".into(),
            date: "date".into(),
        }
    }
}

/// Options shared by every reader.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    pub fields: JsonlFields,
    /// Largest document accepted, in bytes as read (a file, a JSONL line, a WARC record
    /// payload after transfer decoding). Bigger ones are reported as errors and skipped
    /// without being held in memory.
    pub max_doc_bytes: usize,
    pub html_extractor: HtmlExtractor,
    /// Stack size of the thread that runs the HTML extractor: tree walks over pathological
    /// pages (100k nested elements) recurse deeply. Only touched pages use memory.
    pub html_stack_bytes: usize,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            fields: JsonlFields::default(),
            max_doc_bytes: 20 << 20,
            html_extractor: according_html::extract,
            html_stack_bytes: 512 << 20,
        }
    }
}
