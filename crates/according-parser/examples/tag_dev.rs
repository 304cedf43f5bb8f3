//! `cargo run --release -p according-parser --example tag_dev -- DATA_DIR OUT.conllu`: tag EWT
//! dev + GUM dev with a tagger trained on the training files only (the embedded tagger has
//! seen dev), so parser tuning on dev sees realistic tagging errors. Development helper.
use according_parser::read_examples;
use std::fmt::Write;
use std::path::PathBuf;

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().collect();
    let data = PathBuf::from(args.get(1).map_or("../shared/data", String::as_str));
    let out = PathBuf::from(args.get(2).ok_or("usage: tag_dev DATA_DIR OUT.conllu")?);
    let (train, dev) = according_tagger::standard_files(&data);
    let opts = according_tagger::TrainOptions {
        cluster_text: according_tagger::standard_cluster_text(&data),
        final_with_dev: false,
        ..Default::default()
    };
    let tagger = according_tagger::train(&train, &dev, &opts, &mut |l| eprintln!("{l}"))?;
    let mut s = String::new();
    for ex in read_examples(&dev)? {
        let tags = tagger.tag(&ex.words());
        for (i, t) in tags.iter().enumerate() {
            let _ = writeln!(
                s,
                "{}\t{}\t_\t{}\t{}\t_\t{}\t{}\t_\t_",
                i + 1,
                ex.words[i],
                t.upos,
                t.xpos,
                ex.heads[i],
                ex.deprels[i]
            );
        }
        s.push('\n');
    }
    std::fs::write(&out, s).map_err(|e| e.to_string())
}
