//! Sentence-boundary F1 of the `sentencex` crate (Wikimedia, rule-based, ~300 languages) on the
//! same gold documents and metric as `according eval sbd`, for comparison:
//! `cargo run --release -- FILE.conllu [PREFIX]` (from this directory).
use according_text::eval;

fn sentencex_ends(text: &str) -> Vec<usize> {
    let base = text.as_ptr() as usize;
    sentencex::segment("en", text)
        .into_iter()
        .map(|s| {
            let t = s.trim_end();
            t.as_ptr() as usize - base + t.len()
        })
        .filter(|&e| e > 0)
        .collect()
}

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .ok_or_else(|| anyhow::anyhow!("usage: eval_sentencex FILE.conllu [PREFIX]"))?;
    let prefix = args.next();
    let src = std::fs::read_to_string(&path)?;
    let docs = eval::filter_docs(eval::conllu::parse(&src), prefix.as_deref());
    let (prf, _) = eval::score_sbd_with(&docs, &sentencex_ends, 0);
    println!(
        "{path}{}: sentencex 0.1.33  P {:.4}  R {:.4}  F1 {:.4}  (tp {} fp {} fn {})",
        prefix.map(|p| format!(" [{p}*]")).unwrap_or_default(),
        prf.precision(),
        prf.recall(),
        prf.f1(),
        prf.tp,
        prf.fp,
        prf.fn_
    );
    Ok(())
}
