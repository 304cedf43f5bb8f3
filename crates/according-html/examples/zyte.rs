//! Score `according_html::extract` on the Zyte benchmark without building the CLI:
//! `cargo run --release -p according-html --example zyte -- ../shared/data/html/zyte [OUT_DIR]`.
//! With OUT_DIR, each page's text is written to `OUT_DIR/<id>.txt` for inspection.
use according_html::eval::{load_zyte, match_page, run};

fn main() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let dir = args.next().ok_or("usage: zyte DIR [OUT_DIR]")?;
    let pages = load_zyte(dir.as_ref())?;
    if let Some(out) = args.next() {
        std::fs::create_dir_all(&out).map_err(|e| e.to_string())?;
        for p in &pages {
            let text = according_html::extract(&p.html, Some(&p.url))
                .map(|a| a.text)
                .unwrap_or_default();
            let c = match_page(&p.gold, &text);
            let line = format!(
                "{:.3} {:.3}\n{text}",
                c.tp / (c.tp + c.fp).max(1e-9),
                c.tp / (c.tp + c.fn_).max(1e-9)
            );
            std::fs::write(format!("{out}/{}.txt", p.id), line).map_err(|e| e.to_string())?;
        }
    }
    let r = run(&pages);
    println!(
        "pages={} errors={} P={:.4} R={:.4} F1={:.4} pages/s={:.1} title={} date={} author={} site={} lang={}",
        r.pages, r.errors, r.scores.precision, r.scores.recall, r.scores.f1, r.pages_per_second(),
        r.with_title, r.with_date, r.with_author, r.with_site, r.with_language
    );
    Ok(())
}
