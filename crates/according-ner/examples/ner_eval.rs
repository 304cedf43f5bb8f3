//! `cargo run --release -p according-ner --example ner_eval -- MODEL FILE...` (same as
//! `according eval ner --model DIR FILE...`, without building the whole CLI). FILE `tuning`
//! is the tuning set the trainer reports (every 4th UNER EWT test document + GUM dev, from
//! `NER_DATA`, default `../shared/data`).
use according_ner::data::{gum, iob2};
use according_ner::Ner;
use std::path::Path;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let ner = Ner::load(Path::new(&args[1])).expect("model");
    for f in &args[2..] {
        let p = Path::new(f);
        let docs = if let Some(g) = f.strip_prefix("holdout:") {
            // GUM genres held out of training (`holdout:news,bio`, with a model trained
            // under `NER_HOLDOUT`).
            let data = std::env::var("NER_DATA").unwrap_or_else(|_| "../shared/data".into());
            let paths = according_ner::train::DataPaths::new(Path::new(&data));
            let genres: Vec<String> = g.split(',').map(str::to_string).collect();
            according_ner::train::load_sets(&paths, false)
                .map(|(train, _)| according_ner::train::split_holdout(train, &genres).1)
        } else if f == "tuning" {
            let data = std::env::var("NER_DATA").unwrap_or_else(|_| "../shared/data".into());
            let paths = according_ner::train::DataPaths::new(Path::new(&data));
            according_ner::train::load_sets(&paths, false).map(|(_, dev)| dev)
        } else if f.ends_with(".conllu") {
            gum::read_path(p)
        } else {
            iob2::read_path(p)
        }
        .expect("read");
        let t = std::time::Instant::now();
        let r = according_ner::eval::evaluate(&ner, &docs);
        print!("{}", r.format(f));
        println!(
            "  speed   {:.0} tokens/s",
            r.tokens as f64 / t.elapsed().as_secs_f64()
        );
    }
}
