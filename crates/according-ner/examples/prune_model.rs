//! Drop weight rows below MIN_ABS from a model file (what `TrainOptions::ensemble_min_abs`
//! does after averaging), to measure pruning levels without retraining:
//! `cargo run --release -p according-ner --example prune_model -- IN OUT_DIR MIN_ABS`.
use according_ml::modelfile::{ByteReader, ByteWriter, ModelFile};
use according_ml::perceptron::Weights;
use according_ner::model::{FORMAT_VERSION, KIND};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let data = std::fs::read(&args[1]).expect("model");
    let min_abs: f32 = args[3].parse().expect("MIN_ABS");
    let mut m = ModelFile::from_bytes(&data, KIND, FORMAT_VERSION).expect("model file");
    let w = Weights::read(&mut ByteReader::new(m.section("weights").expect("weights")))
        .expect("weights");
    let pruned = according_ner::average::prune(&w, min_abs);
    eprintln!("{} -> {} rows", w.n_features(), pruned.n_features());
    let mut out = ByteWriter::default();
    pruned.write(&mut out);
    for (name, bytes) in m.sections.iter_mut() {
        if name == "weights" {
            *bytes = out.into_inner();
            break;
        }
    }
    std::fs::create_dir_all(&args[2]).expect("out dir");
    std::fs::write(std::path::Path::new(&args[2]).join("ner.bin"), m.to_bytes()).expect("write");
}
