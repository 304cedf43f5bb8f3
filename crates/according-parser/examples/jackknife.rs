//! Jackknifed training tags: split EWT+GUM train into K folds, train the tagger on K-1 folds,
//! tag the held-out fold, and write the training data with *predicted* UPOS/XPOS, so the
//! parser learns from the kind of tags it will see at run time.
//!
//! `cargo run --release -p according-parser --example jackknife -- ../shared/data OUT_DIR [K]`
//! writes `OUT_DIR/train-jackknifed.conllu` (the fold files are scratch; keep OUT_DIR outside
//! the repository).
use according_tagger::{train, TrainOptions};
use std::path::PathBuf;

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().collect();
    let data = PathBuf::from(args.get(1).map_or("../shared/data", String::as_str));
    let out = PathBuf::from(args.get(2).ok_or("usage: jackknife DATA OUT_DIR [K]")?);
    let k: usize = args
        .get(3)
        .map_or(Ok(4), |s| s.parse())
        .map_err(|_| "bad K")?;
    std::fs::create_dir_all(&out).map_err(|e| e.to_string())?;
    let ud = data.join("ud");
    let mut blocks = Vec::new();
    for f in ["en_ewt-ud-train.conllu", "en_gum-train.conllu"] {
        let text = std::fs::read_to_string(ud.join(f)).map_err(|e| format!("{f}: {e}"))?;
        blocks.extend(
            text.split("\n\n")
                .map(str::trim)
                .filter(|b| !b.is_empty())
                .map(str::to_string),
        );
    }
    let dev = vec![
        ud.join("en_ewt-ud-dev.conllu"),
        ud.join("en_gum-dev.conllu"),
    ];
    let opts = TrainOptions {
        max_epochs: 10,
        ..Default::default()
    };
    let t0 = std::time::Instant::now();
    let mut tagged: Vec<Option<String>> = vec![None; blocks.len()];
    for fold in 0..k {
        let train_path = out.join(format!("fold{fold}-train.conllu"));
        let mut s = String::new();
        for (i, b) in blocks.iter().enumerate() {
            if i % k != fold {
                s.push_str(b);
                s.push_str("\n\n");
            }
        }
        std::fs::write(&train_path, s).map_err(|e| e.to_string())?;
        let tagger = train(&[train_path], &dev, &opts, &mut |l| {
            eprintln!("[{:.0}s] fold {fold}: {l}", t0.elapsed().as_secs_f64())
        })?;
        for (i, b) in blocks.iter().enumerate() {
            if i % k == fold {
                tagged[i] = Some(retag_block(&tagger, b));
            }
        }
    }
    let mut s = String::new();
    for b in tagged.into_iter().flatten() {
        s.push_str(&b);
        s.push_str("\n\n");
    }
    let path = out.join("train-jackknifed.conllu");
    std::fs::write(&path, s).map_err(|e| e.to_string())?;
    eprintln!(
        "wrote {} after {:.0}s",
        path.display(),
        t0.elapsed().as_secs_f64()
    );
    Ok(())
}

/// The same CoNLL-U block with columns 4-5 (UPOS, XPOS) of every word line replaced.
fn retag_block(tagger: &according_tagger::Tagger, block: &str) -> String {
    let is_word = |l: &str| {
        let id = l.split('\t').next().unwrap_or("");
        !l.starts_with('#') && !id.is_empty() && id.bytes().all(|c| c.is_ascii_digit())
    };
    let words: Vec<&str> = block
        .lines()
        .filter(|l| is_word(l))
        .map(|l| l.split('\t').nth(1).unwrap_or(""))
        .collect();
    let tags = tagger.tag(&words);
    let mut next = tags.iter();
    let mut out = String::new();
    for l in block.lines() {
        if is_word(l) {
            let t = next.next().expect("one tag per word");
            let mut cols: Vec<&str> = l.split('\t').collect();
            cols[3] = t.upos;
            cols[4] = t.xpos;
            out.push_str(&cols.join("\t"));
        } else {
            out.push_str(l);
        }
        out.push('\n');
    }
    out.pop();
    out
}
