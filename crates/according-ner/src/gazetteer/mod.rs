//! Gazetteers: news outlets, countries and their demonyms and capitals, other places, person
//! titles. They are features for the tagger (never a replacement for it) and a lookup API for
//! other stages ([`outlets`] canonicalises outlet names for attribution).
//!
//! Lists are committed data files under `crates/according-ner/data/`; the US newspaper list
//! from `../shared/data/lexicons` is stored in the model file at training time.

mod matcher;
mod outlets;
mod places;

pub use matcher::{GazMatch, Matcher};
pub use outlets::{outlet_by_alias, outlets, Outlet};
pub use places::{countries, demonym_country, Country};

/// What a gazetteer entry names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GazType {
    Outlet = 0,
    /// Countries, capitals, states, cities.
    Gpe = 1,
    /// Continents, regions, seas, rivers, mountains.
    Loc = 2,
    /// Demonyms and groups (`Russian`, `Iraqis`, `Muslims`).
    Norp = 3,
    /// Person titles (`President`, `Deputy Foreign Minister`, `Sen.`).
    Title = 4,
    /// Words that end organisation names (`Ministry`, `Inc.`, `University`).
    OrgWord = 5,
    /// Given names (US Census list, stored in the model file).
    First = 6,
    /// Surnames (US Census list, stored in the model file).
    Last = 7,
}

pub const GAZ_TYPES: [GazType; 8] = [
    GazType::Outlet,
    GazType::Gpe,
    GazType::Loc,
    GazType::Norp,
    GazType::Title,
    GazType::OrgWord,
    GazType::First,
    GazType::Last,
];

impl GazType {
    pub fn name(self) -> &'static str {
        match self {
            GazType::Outlet => "OUTLET",
            GazType::Gpe => "GPE",
            GazType::Loc => "LOC",
            GazType::Norp => "NORP",
            GazType::Title => "TITLE",
            GazType::OrgWord => "ORGWORD",
            GazType::First => "FIRST",
            GazType::Last => "LAST",
        }
    }
}

pub(crate) const TITLES: &str = include_str!("../../data/titles.txt");
pub(crate) const ORG_WORDS: &str = include_str!("../../data/org-words.txt");

/// Non-comment, non-empty lines of a data file.
pub(crate) fn data_lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

/// The full matcher over every committed list plus the lists stored in the model file:
/// `extra_outlets` and `person_names` (`F\tName` given names, `L\tName` surnames).
pub fn build_matcher(extra_outlets: &[String], person_names: &[String]) -> Matcher {
    let mut m = Matcher::default();
    for o in outlets() {
        m.insert(&o.name, GazType::Outlet);
        for a in &o.aliases {
            m.insert(a, GazType::Outlet);
        }
    }
    for name in extra_outlets {
        m.insert(name, GazType::Outlet);
    }
    for c in countries() {
        for n in std::iter::once(&c.name).chain(&c.aliases).chain(&c.capital) {
            m.insert(n, GazType::Gpe);
        }
        for d in &c.demonyms {
            m.insert(d, GazType::Norp);
        }
    }
    for (name, t) in places::other_places() {
        m.insert(name, t);
    }
    for l in data_lines(TITLES) {
        m.insert(l.trim(), GazType::Title);
    }
    for l in data_lines(ORG_WORDS) {
        m.insert(l.trim(), GazType::OrgWord);
    }
    for n in person_names {
        match n.split_once('\t') {
            Some(("F", name)) => m.insert(name, GazType::First),
            Some(("L", name)) => m.insert(name, GazType::Last),
            _ => {}
        }
    }
    m
}
