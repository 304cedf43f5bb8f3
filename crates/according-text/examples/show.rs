//! Print the notes and sentences `clean` + `segment` find in a text file:
//! `cargo run -p according-text --example show -- examples/seed-article.txt`.
fn main() -> anyhow::Result<()> {
    let path = std::env::args()
        .nth(1)
        .ok_or_else(|| anyhow::anyhow!("usage: show FILE"))?;
    let bytes = std::fs::read(&path)?;
    let mut doc = according_core::Doc::new("show", path.as_str(), String::from_utf8_lossy(&bytes));
    according_text::clean(&mut doc);
    according_text::segment(&mut doc);
    for n in &doc.notes {
        println!(
            "note {:?} [{}..{}] {}",
            n.kind, n.span.start, n.span.end, n.detail
        );
    }
    for (k, s) in doc.sentences.iter().enumerate() {
        println!("{k:3} {}", doc.slice(s.span).replace('\n', "¶"));
    }
    println!(
        "{} sentences, {} tokens",
        doc.sentences.len(),
        doc.tokens.len()
    );
    Ok(())
}
