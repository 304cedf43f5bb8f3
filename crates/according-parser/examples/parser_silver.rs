//! `cargo run --release -p according-parser --example parser_silver -- TEACHER.bin OUT.conllu
//! [DATA_DIR [SOURCES]]`: silver training data for uptraining. Cleans, segments and tags the
//! unlabeled news texts as the run-time pipeline does (according-text, the embedded tagger),
//! parses them with the teacher (e.g. a beam-8 model) and writes CoNLL-U. SOURCES is `bbc`,
//! `polnear` or `bbc,polnear` (default). `SILVER_MAX=N` / `SILVER_MIN=N` bound the sentence
//! length (default 80 / 3), `SILVER_VERB=0` keeps verbless sentences, `SILVER_AGREE=MODEL.bin`
//! keeps only the trees that model reproduces exactly (tri-training). Development helper;
//! `according train parser --teacher FILE` builds the same silver itself.
use according_core::Component;
use according_parser::{build_silver, silver, standard_silver_texts, Parser, SilverFilter};
use std::path::{Path, PathBuf};

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: parser_silver TEACHER.bin OUT.conllu [DATA_DIR [bbc,polnear]]";
    let teacher = Parser::load(Path::new(args.first().ok_or(usage)?))?;
    let out = PathBuf::from(args.get(1).ok_or(usage)?);
    let data = PathBuf::from(args.get(2).map_or("../shared/data", String::as_str));
    let sources = args.get(3).map_or("bbc,polnear", String::as_str);
    let files = standard_silver_texts(&data, sources.contains("bbc"), sources.contains("polnear"))?;
    let mut filter = SilverFilter::default();
    let env_usize = |k: &str| std::env::var(k).ok().and_then(|v| v.parse::<usize>().ok());
    if let Some(n) = env_usize("SILVER_MAX") {
        filter.max_words = n;
    }
    if let Some(n) = env_usize("SILVER_MIN") {
        filter.min_words = n;
    }
    if let Some(n) = env_usize("SILVER_VERB") {
        filter.require_verb = n != 0;
    }
    let tagger = according_tagger::Tagger::embedded()?;
    let t0 = std::time::Instant::now();
    let (examples, stats) = build_silver(&files, &teacher, &filter, |doc| {
        according_text::clean(doc);
        according_text::segment(doc);
        tagger.process(doc)
    });
    let examples = match std::env::var("SILVER_AGREE") {
        Ok(p) => {
            let other = Parser::load(Path::new(&p))?;
            let kept = silver::keep_agreed(examples, &other);
            eprintln!("{} sentences agreed with {p}", kept.len());
            kept
        }
        Err(_) => examples,
    };
    std::fs::write(&out, silver::to_conllu(&examples)).map_err(|e| e.to_string())?;
    eprintln!(
        "{} files, {} documents ({} errors), {} of {} sentences kept, {} words, {:.0}s -> {}",
        files.len(),
        stats.documents,
        stats.errors,
        stats.sentences_kept,
        stats.sentences_seen,
        stats.words_kept,
        t0.elapsed().as_secs_f64(),
        out.display()
    );
    Ok(())
}
