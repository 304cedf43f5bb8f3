//! Same report as `according eval sbd`, without building the whole CLI:
//! `cargo run --release -p according-text --example eval_sbd -- FILE.conllu [PREFIX] [ERRORS]`.
fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .ok_or_else(|| anyhow::anyhow!("usage: eval_sbd FILE.conllu [PREFIX|-] [ERRORS]"))?;
    let prefix = args.next().filter(|p| p != "-");
    let errors = args.next().and_then(|n| n.parse().ok()).unwrap_or(0);
    let src = std::fs::read_to_string(&path)?;
    print!(
        "{}",
        according_text::eval::report(&path, &src, prefix.as_deref(), errors)
    );
    Ok(())
}
