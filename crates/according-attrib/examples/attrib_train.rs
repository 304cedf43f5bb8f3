//! Train on PolNeAR train, write the model, score PolNeAR dev:
//! `cargo run --release -p according-attrib --example attrib_train -- ../shared/data models/`
use according_attrib::{calibrate, evaluate, nlp::Prep, train, Extractor};
use std::path::PathBuf;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let data = PathBuf::from(args.get(1).map_or("../shared/data", |s| s.as_str()));
    let out = PathBuf::from(args.get(2).map_or("/tmp/attrib-model", |s| s.as_str()));
    let mut opts = train::TrainOptions::default();
    if let Some(e) = args.get(3) {
        let e: usize = e.parse().unwrap();
        opts.cue_epochs = e;
        opts.role_epochs = e;
    }
    if let Some(m) = std::env::var("ATTRIB_MIN_UPDATES")
        .ok()
        .and_then(|m| m.parse().ok())
    {
        opts.min_updates = m;
    }
    if let Some(seed) = std::env::var("ATTRIB_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
    {
        opts.seed = seed;
    }
    // ATTRIB_DROP="cue:1,6,7;role:3": templates to leave out (see examples/ablate.rs).
    if let Ok(d) = std::env::var("ATTRIB_DROP") {
        for part in d.split(';') {
            let (which, list) = part.split_once(':').expect("ATTRIB_DROP: cue:K,K;role:K");
            let mask = if which == "cue" {
                &mut opts.mask.cue
            } else {
                &mut opts.mask.role
            };
            for k in list.split(',').filter(|k| !k.is_empty()) {
                *mask &= !(1u64 << k.parse::<u32>().expect("template number"));
            }
        }
        eprintln!("templates: {:?}", opts.mask);
    }
    let prep = if std::env::var_os("ATTRIB_NO_TAGGER").is_some() {
        Prep::segment_only()
    } else if std::env::var_os("ATTRIB_NO_PARSE").is_some() {
        Prep::without_parser()
    } else {
        Prep::embedded()
    };
    eprintln!("prep: {}", prep.describe());
    let t0 = std::time::Instant::now();
    let model = train::train(
        &data.join("polnear/train"),
        Some(&data.join("lexicons/verbnet")),
        &opts,
        &|d| prep.run(d),
        &mut |m| eprintln!("[{:.0}s] {m}", t0.elapsed().as_secs_f64()),
    )
    .unwrap();
    let mut ex = Extractor::from_model(model);
    let dev = data.join("polnear/dev");
    let pts = calibrate::points(&ex, &dev, &|d| prep.run(d)).unwrap();
    ex.model_mut().calibration = calibrate::fit(&pts);
    eprint!("{}", calibrate::reliability(&pts, ex.model().calibration));
    std::fs::create_dir_all(&out).unwrap();
    let bytes = ex.model().to_bytes();
    std::fs::write(out.join("attribution.bin"), &bytes).unwrap();
    eprintln!("model: {} bytes", bytes.len());
    let r = evaluate::evaluate_dir(&ex, &dev, &|d| prep.run(d)).unwrap();
    println!("{}", r.render());
}
