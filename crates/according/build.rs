//! Fingerprint the embedded models, so `according index` can tell that documents analysed by
//! an older build must be analysed again (the fingerprint is part of each document's hash).

use std::path::Path;

const MODELS: [&str; 4] = ["tagger.bin", "parser.bin", "ner.bin", "attribution.bin"];

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../models");
    // FNV-1a over every model's bytes, in a fixed order.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for name in MODELS {
        let path = dir.join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        let bytes = std::fs::read(&path).unwrap_or_default();
        for b in name.bytes().chain(bytes) {
            h = (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    println!("cargo:rustc-env=ACCORDING_MODELS_ID={h:016x}");
}
