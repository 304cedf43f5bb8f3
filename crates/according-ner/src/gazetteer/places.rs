//! Countries (with aliases, demonyms, capitals) and other places (`data/countries.tsv`,
//! `data/places.tsv`).

use super::{data_lines, GazType};
use std::sync::OnceLock;

const COUNTRIES_TSV: &str = include_str!("../../data/countries.tsv");
const PLACES_TSV: &str = include_str!("../../data/places.tsv");

/// A country: `Russia`, aliases `Russian Federation`, demonyms `Russian`, capital `Moscow`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Country {
    pub name: String,
    pub aliases: Vec<String>,
    pub demonyms: Vec<String>,
    pub capital: Vec<String>,
}

fn list(field: Option<&str>) -> Vec<String> {
    field
        .unwrap_or("")
        .split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

pub fn countries() -> &'static [Country] {
    static LIST: OnceLock<Vec<Country>> = OnceLock::new();
    LIST.get_or_init(|| {
        data_lines(COUNTRIES_TSV)
            .filter_map(|l| {
                let mut f = l.split('\t');
                let name = f.next()?.trim().to_string();
                Some(Country {
                    name,
                    aliases: list(f.next()),
                    demonyms: list(f.next()),
                    capital: list(f.next()),
                })
            })
            .collect()
    })
}

/// The country a demonym belongs to (`Iraqi` → Iraq), case-sensitive.
pub fn demonym_country(word: &str) -> Option<&'static Country> {
    countries()
        .iter()
        .find(|c| c.demonyms.iter().any(|d| d == word))
}

/// `(name, GPE | LOC)` pairs of `data/places.tsv`.
pub(crate) fn other_places() -> impl Iterator<Item = (&'static str, GazType)> {
    data_lines(PLACES_TSV).filter_map(|l| {
        let (name, t) = l.split_once('\t')?;
        let t = if t.trim() == "GPE" {
            GazType::Gpe
        } else {
            GazType::Loc
        };
        Some((name.trim(), t))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_parse() {
        assert!(countries().len() > 190);
        let iraq = countries().iter().find(|c| c.name == "Iraq").unwrap();
        assert_eq!(iraq.capital, vec!["Baghdad"]);
        assert_eq!(demonym_country("Russian").unwrap().name, "Russia");
        assert!(other_places().any(|(n, t)| n == "Texas" && t == GazType::Gpe));
    }
}
