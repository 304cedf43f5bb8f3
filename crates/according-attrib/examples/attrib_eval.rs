//! Score a trained model on PolNeAR dev and show the seed article as a table:
//! `cargo run --release -p according-attrib --example attrib_eval -- ../shared/data /tmp/attrib-model [dump]`
use according_attrib::{evaluate, nlp::Prep, Extractor};
use std::path::PathBuf;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let data = PathBuf::from(args.get(1).map_or("../shared/data", |s| s.as_str()));
    let model = PathBuf::from(args.get(2).map_or("models", |s| s.as_str()));
    let mut ex = Extractor::load(&model).unwrap();
    // ATTRIB_BIAS="b_cue_B,b_cue_I;b_src,b_content": decoding priors to try.
    if let Ok(b) = std::env::var("ATTRIB_BIAS") {
        let (c, r) = b.split_once(';').unwrap();
        let c: Vec<f32> = c.split(',').map(|x| x.parse().unwrap()).collect();
        let r: Vec<f32> = r.split(',').map(|x| x.parse().unwrap()).collect();
        let m = ex.model_mut();
        m.cue_bias = vec![0.0, c[0], c[1]];
        m.role_bias = vec![0.0, r[0], r[1], 0.0];
        eprintln!("bias {:?} {:?}", m.cue_bias, m.role_bias);
    }
    if std::env::var_os("ATTRIB_SAVE").is_some() {
        std::fs::write(model.join("attribution.bin"), ex.model().to_bytes()).unwrap();
    }
    let prep = if std::env::var_os("ATTRIB_NO_PARSE").is_some() {
        Prep::without_parser()
    } else {
        Prep::embedded()
    };
    eprintln!("prep: {}", prep.describe());
    let t0 = std::time::Instant::now();
    let r = evaluate::evaluate_dir(&ex, &data.join("polnear/dev"), &|d| prep.run(d)).unwrap();
    println!("{}", r.render());
    if std::env::var_os("ATTRIB_JSON").is_some() {
        println!("{}", serde_json::to_string_pretty(&r.to_json()).unwrap());
    }
    eprintln!("eval took {:.1}s", t0.elapsed().as_secs_f64());
    if std::env::var_os("ATTRIB_QUIET").is_some() {
        return;
    }
    let seed = std::fs::read_to_string(data.join("../../main/examples/seed-article.txt"))
        .unwrap_or_default();
    let mut doc = according_core::Doc::new("seed", "seed", seed);
    prep.run(&mut doc);
    ex.extract(&mut doc);
    println!("{}", according_attrib::table::render(&doc));
    for e in &doc.entities {
        println!(
            "{} {:?} {} roles={:?} aff={:?} mentions={}",
            e.id,
            e.kind,
            e.name,
            e.roles,
            e.affiliation,
            e.mentions.len()
        );
    }
    if args.get(3).is_some_and(|a| a == "dump") {
        dump_cue_errors(&ex, &data.join("polnear/dev"), &prep);
    }
}

/// Missed and spurious cues on dev, most frequent first (for error analysis).
fn dump_cue_errors(ex: &Extractor, dir: &std::path::Path, prep: &Prep) {
    use std::collections::HashMap;
    let arts = according_attrib::polnear::read_dir(dir).unwrap();
    let (mut missed, mut spurious): (HashMap<String, usize>, HashMap<String, usize>) =
        Default::default();
    for a in &arts {
        let mut doc = according_core::Doc::new(a.id.clone(), a.id.clone(), a.text.clone());
        prep.run(&mut doc);
        ex.extract(&mut doc);
        let pred: Vec<_> = doc.attributions.iter().map(|x| x.cue.span).collect();
        for g in &a.attributions {
            let gs = g.cue[0];
            if !pred.contains(&gs) {
                let close = pred
                    .iter()
                    .find(|p| p.overlaps(gs))
                    .map(|p| p.slice(&a.text).to_string())
                    .unwrap_or_default();
                *missed
                    .entry(format!("{} | {}", gs.slice(&a.text), close))
                    .or_default() += 1;
            }
        }
        for p in &pred {
            if !a.attributions.iter().any(|g| g.cue[0] == *p) {
                *spurious.entry(p.slice(&a.text).to_string()).or_default() += 1;
            }
        }
    }
    for (name, m) in [
        ("missed (gold | overlapping pred)", missed),
        ("spurious", spurious),
    ] {
        let mut v: Vec<_> = m.into_iter().collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        println!("== {name}: {} kinds", v.len());
        for (k, n) in v.iter().take(60) {
            println!("{n:4} {k}");
        }
    }
}
