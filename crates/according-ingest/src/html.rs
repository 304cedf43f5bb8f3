//! Running the HTML extractor safely: on its own thread with a large stack (deeply nested
//! pages make tree walks recurse deeply), with a panic turned into an error.

use crate::options::ReadOptions;
use according_html::Article;

/// Extract the article of a decoded HTML page with `opts.html_extractor`.
pub fn extract(opts: &ReadOptions, html: &str, url: Option<&str>) -> Result<Article, String> {
    let f = opts.html_extractor;
    std::thread::scope(|s| {
        let handle = std::thread::Builder::new()
            .name("according-html".into())
            .stack_size(opts.html_stack_bytes)
            .spawn_scoped(s, move || f(html, url))
            .map_err(|e| format!("cannot start the HTML extraction thread: {e}"))?;
        handle.join().unwrap_or_else(|panic| {
            let msg = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".into());
            Err(format!("HTML extractor panicked: {msg}"))
        })
    })
}
