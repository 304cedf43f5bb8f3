//! Inter-annotator agreement on PolNeAR articles annotated by several people, with the same
//! metric as the extractor's evaluation (each other annotator scored against the first): a
//! human ceiling for the dev scores.
//! `cargo run --release -p according-attrib --example agreement -- ../shared/data/polnear/train`
use according_attrib::metric::Report;
use according_attrib::polnear::parse_ann;
use std::collections::BTreeMap;
use std::path::PathBuf;

fn main() {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or("../shared/data/polnear/train".into()),
    );
    let mut by_article: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut names: Vec<String> = std::fs::read_dir(dir.join("attributions"))
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".ann"))
        .collect();
    names.sort();
    for n in names {
        let stem = &n[..n.len() - 4];
        let article = stem.rsplit_once('_').map_or(stem, |x| x.0).to_string();
        by_article.entry(article).or_default().push(n);
    }
    let mut report = Report::default();
    for (article, anns) in by_article.iter().filter(|(_, a)| a.len() > 1) {
        let text =
            std::fs::read_to_string(dir.join("text").join(format!("{article}.txt"))).unwrap();
        let read = |n: &str| {
            parse_ann(
                &std::fs::read_to_string(dir.join("attributions").join(n)).unwrap(),
                &text,
            )
            .unwrap()
        };
        let first = read(&anns[0]);
        for other in &anns[1..] {
            report.add_article(&text, &first, &read(other));
        }
    }
    println!("annotator pairs: {}", report.articles);
    print!("{}", report.render());
}
