//! `according eval html DIR [--min-f1 X]`: main-text extraction on the Zyte article-extraction
//! benchmark (`DIR/ground-truth.json` + `DIR/html/<id>.html.gz`): shingle precision, recall and
//! F1 as the benchmark computes them, pages/s on one thread, and how many pages got each
//! metadata field. The metric lives in `according_html::eval`.
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Benchmark folder, e.g. ../shared/data/html/zyte.
    pub dir: PathBuf,
    /// Exit with status 1 when F1 is below this.
    #[arg(long)]
    pub min_f1: Option<f64>,
}

pub fn run(a: Args) -> anyhow::Result<ExitCode> {
    let pages = according_html::eval::load_zyte(&a.dir).map_err(anyhow::Error::msg)?;
    let r = according_html::eval::run(&pages);
    let n = r.pages;
    println!("pages      {n} ({} extraction errors)", r.errors);
    println!("precision  {:.4}", r.scores.precision);
    println!("recall     {:.4}", r.scores.recall);
    println!("F1         {:.4}", r.scores.f1);
    println!("pages/s    {:.1} (one thread)", r.pages_per_second());
    println!("title      {}/{n}", r.with_title);
    println!("date       {}/{n}", r.with_date);
    println!("author     {}/{n}", r.with_author);
    println!("site       {}/{n}", r.with_site);
    println!("language   {}/{n}", r.with_language);
    Ok(match a.min_f1 {
        Some(min) if r.scores.f1 < min => ExitCode::from(1),
        _ => ExitCode::SUCCESS,
    })
}
