//! Gate: PolNeAR dev scores of the embedded model may not drop more than 1 point below the
//! committed figures in `eval-floors.json` (`according eval attribution --gold DIR` prints them).
use according_attrib::{evaluate, nlp::Prep, Extractor};
use std::path::Path;

#[test]
fn dev_scores_hold() {
    let dev = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/polnear/dev"
    ));
    if !dev.exists() {
        eprintln!("skipped: {} not found", dev.display());
        return;
    }
    let floors: serde_json::Value =
        serde_json::from_str(include_str!("../eval-floors.json")).expect("eval-floors.json parses");
    let ex = Extractor::embedded().unwrap();
    let prep = Prep::embedded();
    let report = evaluate::evaluate_dir(&ex, dev, &|d| prep.run(d)).unwrap();
    let got = report.to_json();
    let mut failures = Vec::new();
    for (k, floor) in floors["polnear_dev"].as_object().unwrap() {
        let g = got[k].as_f64().unwrap_or_else(|| panic!("no score `{k}`"));
        if g < floor.as_f64().unwrap() - 1.0 {
            failures.push(format!("{k}: {g} < {floor} - 1"));
        }
    }
    assert!(
        failures.is_empty(),
        "dev scores dropped:\n{}\n{}",
        failures.join("\n"),
        report.render()
    );
}
