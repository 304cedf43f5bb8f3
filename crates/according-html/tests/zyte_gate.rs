//! Evaluation gate: F1 on the Zyte article-extraction benchmark (../shared/data/html/zyte).
//! The published best open-source score is 0.970 (rs_trafilatura); trafilatura has 0.958.
use std::path::Path;

/// Floor below which a change is a regression (acceptance level of the project).
const MIN_F1: f64 = 0.95;

#[test]
fn zyte_f1_floor_and_metadata_coverage() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/html/zyte");
    let pages = according_html::eval::load_zyte(&dir).expect("Zyte benchmark data");
    assert_eq!(pages.len(), 181);
    let r = according_html::eval::run(&pages);
    eprintln!(
        "zyte: P={:.4} R={:.4} F1={:.4} title={} date={} errors={}",
        r.scores.precision, r.scores.recall, r.scores.f1, r.with_title, r.with_date, r.errors
    );
    assert!(r.scores.f1 >= MIN_F1, "F1 {:.4} < {MIN_F1}", r.scores.f1);
    assert_eq!(r.errors, 0);
    // Every benchmark page has a title; nearly all declare a date.
    assert_eq!(r.with_title, r.pages);
    assert!(
        r.with_date * 10 >= r.pages * 9,
        "date on {} pages",
        r.with_date
    );
}
