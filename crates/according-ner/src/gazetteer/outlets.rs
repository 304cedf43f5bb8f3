//! The world's major news outlets, agencies and broadcasters (`data/outlets.tsv`).

use std::collections::HashMap;
use std::sync::OnceLock;

const OUTLETS_TSV: &str = include_str!("../../data/outlets.tsv");

/// A news outlet: canonical name, other names it goes by, and its country.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outlet {
    pub name: String,
    pub aliases: Vec<String>,
    pub country: String,
}

/// Every outlet of the committed list, in file order.
pub fn outlets() -> &'static [Outlet] {
    static LIST: OnceLock<Vec<Outlet>> = OnceLock::new();
    LIST.get_or_init(|| {
        super::data_lines(OUTLETS_TSV)
            .filter_map(|l| {
                let mut f = l.split('\t');
                let name = f.next()?.trim().to_string();
                let aliases = f
                    .next()
                    .unwrap_or("")
                    .split('|')
                    .map(str::trim)
                    .filter(|a| !a.is_empty())
                    .map(String::from)
                    .collect();
                let country = f.next().unwrap_or("").trim().to_string();
                Some(Outlet {
                    name,
                    aliases,
                    country,
                })
            })
            .collect()
    })
}

fn key(s: &str) -> String {
    let s = s.trim();
    let s = s
        .strip_prefix("The ")
        .or_else(|| s.strip_prefix("the "))
        .unwrap_or(s);
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The outlet a name or alias refers to (`BBC`, `the New York Times`, `Corriere`), ignoring
/// case, punctuation and a leading `The`.
pub fn outlet_by_alias(name: &str) -> Option<&'static Outlet> {
    static INDEX: OnceLock<HashMap<String, usize>> = OnceLock::new();
    let index = INDEX.get_or_init(|| {
        let mut m = HashMap::new();
        for (i, o) in outlets().iter().enumerate() {
            for n in std::iter::once(&o.name).chain(&o.aliases) {
                m.entry(key(n)).or_insert(i);
            }
        }
        m
    });
    index.get(&key(name)).map(|&i| &outlets()[i])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_parses_and_resolves_aliases() {
        assert!(outlets().len() > 100);
        for o in outlets() {
            assert!(!o.name.is_empty() && !o.country.is_empty(), "{o:?}");
        }
        let bbc = outlet_by_alias("BBC").unwrap();
        assert_eq!(bbc.name, "British Broadcasting Corporation");
        assert_eq!(
            outlet_by_alias("the new york times").unwrap().name,
            "The New York Times"
        );
        assert_eq!(
            outlet_by_alias("RFE/RL").unwrap().name,
            "Radio Free Europe/Radio Liberty"
        );
        assert!(outlet_by_alias("Nonexistent Gazette of Nowhere").is_none());
    }
}
