//! `cargo run --release -p according-parser --example repack -- IN.bin OUT.bin [KEY=JSON]...`:
//! load a model (which applies this build's load-time pruning), add provenance facts, save.
//! Development helper for models trained by the `parser_train` example.
use according_parser::Parser;
use std::path::Path;

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, output, facts @ ..] = args.as_slice() else {
        return Err("usage: repack IN.bin OUT.bin [KEY=JSON]...".into());
    };
    let mut parser = Parser::load(Path::new(input))?;
    for fact in facts {
        let (k, v) = fact.split_once('=').ok_or("facts are KEY=JSON")?;
        let v: serde_json::Value = serde_json::from_str(v).map_err(|e| format!("{k}: {e}"))?;
        parser = parser.with_provenance(k, v);
    }
    parser.save(Path::new(output))
}
