//! The BBC 2005 sample shared by the extraction bench and `examples/extract_profile.rs`: the
//! first `n / 6 + 1` articles (sorted by file name) of each section.
use according_core::Doc;

pub fn bbc_docs(n: usize) -> Vec<Doc> {
    let root = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/news/bbc-2005"
    );
    let mut paths = Vec::new();
    for cat in [
        "politics",
        "business",
        "world",
        "entertainment",
        "sport",
        "tech",
    ] {
        if let Ok(rd) = std::fs::read_dir(format!("{root}/{cat}")) {
            let mut v: Vec<_> = rd.filter_map(|e| e.ok()).map(|e| e.path()).collect();
            v.sort();
            paths.extend(v.into_iter().take(n / 6 + 1));
        }
    }
    // Documents are named by their path under the corpus root, so a checksum of the output
    // does not depend on where the checkout lives (two worktrees compare directly).
    paths
        .iter()
        .filter_map(|p| {
            let name = p.strip_prefix(root).unwrap_or(p).display().to_string();
            std::fs::read_to_string(p)
                .ok()
                .map(|t| Doc::new(name.clone(), name, t))
        })
        .collect()
}
