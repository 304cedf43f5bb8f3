//! `according train parser [--data ../shared/data] [--out models/] [--teacher BEAM_MODEL.bin]`
use according_parser::{
    build_silver, evaluate, read_examples, silver, standard_silver_texts, train, Example,
    SilverFilter, TrainConfig,
};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Data root (reads `ud/en_ewt-ud-{train,dev}.conllu`, `ud/en_gum-train.conllu`).
    #[arg(long, default_value = "../shared/data")]
    pub data: PathBuf,
    /// Output directory; the model is written as `parser.bin`.
    #[arg(long, default_value = "models")]
    pub out: PathBuf,
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    #[arg(long, default_value_t = TrainConfig::default().epochs)]
    pub epochs: usize,
    /// Beam width: 1 = greedy (locally trained, dynamic oracle); K > 1 = beam search of width
    /// K, trained globally (structured perceptron, max-violation updates). The model file
    /// records K and decodes with it.
    #[arg(long, default_value_t = 1)]
    pub beam: usize,
    /// Train on jackknifed tags: the tagger is trained on K-1 folds of the training data and
    /// tags the K-th, so the parser sees tagging errors like those at run time (0 = gold tags).
    #[arg(long, default_value_t = 4)]
    pub jackknife: usize,
    /// Also train on EWT dev + GUM dev, tagged by a tagger trained on the training files only
    /// (the shipped model does; the per-epoch dev scores are then on training data).
    #[arg(long, default_value_t = true, action = clap::ArgAction::Set)]
    pub with_dev: bool,
    /// Scratch directory for the jackknife fold files.
    #[arg(long, default_value = "/tmp/according-parser-jackknife")]
    pub scratch: PathBuf,
    /// Uptraining: parse unlabeled news (see --silver-sources) with this more accurate model
    /// (e.g. a `--beam 8` parser.bin), segmented and tagged as at run time, and train on its
    /// parses too ("silver" data) besides the gold treebanks.
    #[arg(long)]
    pub teacher: Option<PathBuf>,
    /// Unlabeled texts the teacher parses: `bbc` (news/bbc-2005), `polnear` (PolNeAR train
    /// texts only), or both.
    #[arg(long, default_value = "bbc,polnear")]
    pub silver_sources: String,
    /// Longest silver sentence kept, in words.
    #[arg(long, default_value_t = SilverFilter::default().max_words)]
    pub silver_max_words: usize,
    /// Also write the silver sentences as CoNLL-U to this file.
    #[arg(long)]
    pub silver_out: Option<PathBuf>,
    /// Ready-made silver CoNLL-U files (e.g. an earlier --silver-out) to train on as well.
    #[arg(long, num_args = 1..)]
    pub silver: Vec<PathBuf>,
    /// Drop transition rows whose largest weight is below this many quantisation steps
    /// (minimum and default 600): models trained on silver data grow larger and slower.
    #[arg(long, default_value_t = TrainConfig::default().trans_min_abs)]
    pub trans_min_abs: i16,
    /// The same for labeler rows (minimum and default 2000); the labeler table's size weighs
    /// most on parsing speed.
    #[arg(long, default_value_t = TrainConfig::default().labeler_min_abs)]
    pub labeler_min_abs: i16,
    /// Times the gold sentences (training files, and dev with --with-dev) are repeated
    /// against the silver ones.
    #[arg(long, default_value_t = 1)]
    pub gold_repeat: usize,
}

pub fn run(a: Args) -> anyhow::Result<ExitCode> {
    let cfg = TrainConfig {
        seed: a.seed,
        epochs: a.epochs,
        beam: a.beam.max(1),
        trans_min_abs: a.trans_min_abs,
        labeler_min_abs: a.labeler_min_abs,
        ..Default::default()
    };
    let t0 = std::time::Instant::now();
    let ud = a.data.join("ud");
    let train_files = [
        ud.join("en_ewt-ud-train.conllu"),
        ud.join("en_gum-train.conllu"),
    ];
    let tr = if a.jackknife >= 2 {
        let path = jackknife(&train_files, &ud, a.jackknife, &a.scratch, &t0)?;
        read_examples(&[path])
    } else {
        read_examples(&train_files)
    }
    .map_err(anyhow::Error::msg)?;
    let dev_files = [
        ud.join("en_ewt-ud-dev.conllu"),
        ud.join("en_gum-dev.conllu"),
    ];
    // Dev tags come from a tagger that has not seen dev (the shipped tagger has), so dev
    // scores reflect run-time tagging errors.
    let dev_tagger = {
        let opts = according_tagger::TrainOptions {
            cluster_text: according_tagger::standard_cluster_text(&a.data),
            final_with_dev: false,
            ..Default::default()
        };
        according_tagger::train(&train_files, &dev_files, &opts, &mut |l| {
            eprintln!("[{:.0}s] dev tagger: {l}", t0.elapsed().as_secs_f64())
        })
        .map_err(anyhow::Error::msg)?
    };
    let dev: Vec<Example> = read_examples(&dev_files)
        .map_err(anyhow::Error::msg)?
        .into_iter()
        .map(|e| retag(&dev_tagger, e))
        .collect();
    let mut gold = tr;
    if a.with_dev {
        gold.extend(dev.iter().cloned());
    }
    let mut tr = Vec::with_capacity(gold.len() * a.gold_repeat.max(1));
    for _ in 0..a.gold_repeat.max(1) {
        tr.extend(gold.iter().cloned());
    }
    drop(gold);
    let silver_desc = add_silver(&a, &mut tr, &t0)?;
    let parser = train(&tr, &dev, &cfg, |m| {
        eprintln!("[{:.0}s] {m}", t0.elapsed().as_secs_f64())
    })
    .map_err(anyhow::Error::msg)?;
    let tags = if a.jackknife >= 2 {
        format!("jackknifed, {} folds", a.jackknife)
    } else {
        "gold".to_string()
    };
    let parser = parser.with_provenance(
        "train_data",
        serde_json::json!({
            "files": ["ud/en_ewt-ud-train.conllu", "ud/en_gum-train.conllu"],
            "tags": tags,
            "with_dev": a.with_dev,
            "dev": ["ud/en_ewt-ud-dev.conllu", "ud/en_gum-dev.conllu"],
            "dev_tags": "tagger trained on the training files with word clusters, not on dev",
            "gold_repeat": a.gold_repeat.max(1),
            "silver": silver_desc,
        }),
    );
    std::fs::create_dir_all(&a.out)?;
    let path = a.out.join(according_parser::FILE_NAME);
    parser.save(&path).map_err(anyhow::Error::msg)?;
    let size = std::fs::metadata(&path)?.len();
    eprintln!(
        "wrote {} ({size} bytes) after {:.0}s",
        path.display(),
        t0.elapsed().as_secs_f64()
    );
    let s = evaluate(&parser, &dev);
    eprintln!(
        "EWT + GUM dev (predicted tags{}): UAS {:.2} LAS {:.2}",
        if a.with_dev {
            "; also training data"
        } else {
            ""
        },
        s.uas(),
        s.las()
    );
    Ok(ExitCode::SUCCESS)
}

/// Append the silver sentences (`--teacher`, `--silver`) to `tr`; their description for the
/// model's provenance.
fn add_silver(
    a: &Args,
    tr: &mut Vec<Example>,
    t0: &std::time::Instant,
) -> anyhow::Result<serde_json::Value> {
    let mut desc = Vec::new();
    if let Some(teacher_path) = &a.teacher {
        let teacher = according_parser::Parser::load(teacher_path).map_err(anyhow::Error::msg)?;
        let files = standard_silver_texts(
            &a.data,
            a.silver_sources.contains("bbc"),
            a.silver_sources.contains("polnear"),
        )
        .map_err(anyhow::Error::msg)?;
        let filter = SilverFilter {
            max_words: a.silver_max_words,
            ..Default::default()
        };
        // The run-time front end: cleaning, segmentation, the embedded tagger.
        let tagger = according_tagger::Tagger::embedded().map_err(anyhow::Error::msg)?;
        let (examples, stats) = build_silver(&files, &teacher, &filter, |doc| {
            according_text::clean(doc);
            according_text::segment(doc);
            according_core::Component::process(&tagger, doc)
        });
        eprintln!(
            "[{:.0}s] silver: {} documents ({} unreadable), {} of {} sentences, {} words, \
             parsed by {} (beam {})",
            t0.elapsed().as_secs_f64(),
            stats.documents,
            stats.errors,
            stats.sentences_kept,
            stats.sentences_seen,
            stats.words_kept,
            teacher_path.display(),
            teacher.beam()
        );
        if let Some(out) = &a.silver_out {
            std::fs::write(out, silver::to_conllu(&examples))?;
        }
        desc.push(serde_json::json!({
            "teacher_beam": teacher.beam(),
            "texts": a.silver_sources,
            "filter": format!("{filter:?}"),
            "sentences": stats.sentences_kept,
            "words": stats.words_kept,
        }));
        tr.extend(examples);
    }
    if !a.silver.is_empty() {
        let examples = read_examples(&a.silver).map_err(anyhow::Error::msg)?;
        desc.push(serde_json::json!({
            "files": a.silver.iter().map(|p| p.display().to_string()).collect::<Vec<_>>(),
            "sentences": examples.len(),
        }));
        tr.extend(examples);
    }
    Ok(serde_json::Value::Array(desc))
}

/// The example with the tagger's UPOS/XPOS in place of the gold ones.
pub fn retag(tagger: &according_tagger::Tagger, ex: Example) -> Example {
    let tags = tagger.tag(&ex.words());
    let upos = tags.iter().map(|t| t.upos.to_string()).collect();
    let xpos = tags.iter().map(|t| t.xpos.to_string()).collect();
    ex.with_tags(upos, xpos)
}

/// Write the training sentences with jackknifed UPOS/XPOS to `scratch/train-jackknifed.conllu`.
fn jackknife(
    files: &[PathBuf],
    ud: &std::path::Path,
    k: usize,
    scratch: &std::path::Path,
    t0: &std::time::Instant,
) -> anyhow::Result<PathBuf> {
    std::fs::create_dir_all(scratch)?;
    let mut blocks = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(f)?;
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
    let opts = according_tagger::TrainOptions {
        max_epochs: 10,
        ..Default::default()
    };
    let mut tagged: Vec<Option<String>> = vec![None; blocks.len()];
    // Contiguous folds keep the sentences of one document in one fold (interleaved folds
    // put a document's neighbouring sentences in the other folds' training data, so the
    // jackknifed tags were more accurate than the run-time tagger's on unseen text).
    let n = blocks.len();
    let fold_of = |i: usize| i * k / n.max(1);
    for fold in 0..k {
        let train_path = scratch.join(format!("fold{fold}-train.conllu"));
        let mut s = String::new();
        for (i, b) in blocks.iter().enumerate() {
            if fold_of(i) != fold {
                s.push_str(b);
                s.push_str("\n\n");
            }
        }
        std::fs::write(&train_path, s)?;
        let tagger = according_tagger::train(&[train_path], &dev, &opts, &mut |l| {
            eprintln!(
                "[{:.0}s] tagger fold {fold}: {l}",
                t0.elapsed().as_secs_f64()
            )
        })
        .map_err(anyhow::Error::msg)?;
        for (i, b) in blocks.iter().enumerate() {
            if fold_of(i) == fold {
                tagged[i] = Some(retag_block(&tagger, b));
            }
        }
    }
    let mut s = String::new();
    for b in tagged.into_iter().flatten() {
        s.push_str(&b);
        s.push_str("\n\n");
    }
    let path = scratch.join("train-jackknifed.conllu");
    std::fs::write(&path, s)?;
    Ok(path)
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
        match (is_word(l), next.clone().next()) {
            (true, Some(t)) => {
                next.next();
                let mut cols: Vec<&str> = l.split('\t').collect();
                if cols.len() == 10 {
                    cols[3] = t.upos;
                    cols[4] = t.xpos;
                }
                out.push_str(&cols.join("\t"));
            }
            _ => out.push_str(l),
        }
        out.push('\n');
    }
    out
}
