//! Train the tagger without the `according` binary:
//! `cargo run --release -p according-tagger --example tagger_train -- ../shared/data models/`
use according_tagger::{standard_files, train, TrainOptions};
use std::path::PathBuf;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let data = PathBuf::from(args.get(1).map_or("../shared/data", |s| s.as_str()));
    let out = PathBuf::from(args.get(2).map_or("models", |s| s.as_str()));
    let mut o = TrainOptions::default();
    if args.get(3).map(|s| s.as_str()) != Some("noclusters") {
        o.cluster_text = according_tagger::standard_cluster_text(&data);
    }
    let (tr, dev) = standard_files(&data);
    let t0 = std::time::Instant::now();
    let model = train(&tr, &dev, &o, &mut |l| {
        eprintln!("[{:>6.1}s] {l}", t0.elapsed().as_secs_f64())
    })
    .unwrap_or_else(|e| panic!("training failed: {e}"));
    let bytes = model.to_model_file().to_bytes();
    std::fs::create_dir_all(&out).unwrap();
    let path = out.join(according_tagger::FILE_NAME);
    std::fs::write(&path, &bytes).unwrap();
    eprintln!("wrote {} ({} bytes)", path.display(), bytes.len());
    let back = according_tagger::Tagger::load(&path).unwrap();
    let ud = data.join("ud");
    for f in [
        "en_ewt-ud-test.conllu",
        "en_pud-ud-test.conllu",
        "en_gum-test.conllu",
    ] {
        let (s, _) = according_tagger::evaluate_file(&back, &ud.join(f)).unwrap();
        eprintln!(
            "{f}: UPOS {:.2} XPOS {:.2} UPOS+XPOS {:.2} lemma {:.2}",
            s.upos(),
            s.xpos(),
            s.both(),
            s.lemma()
        );
    }
}
