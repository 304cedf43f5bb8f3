//! Companies the model takes for people. A one-word name the model has never seen is most
//! often typed PERSON (`Yukos`, `Novartis`, `Huawei`), even where the words around it say it
//! is a company: `Russian oil giant Yukos`, `Swiss drugmaker Novartis`, `shares in Yukos`,
//! `Yukos's chief executive`, `Yukos Inc`. Such a name is an organisation, there and in the
//! rest of the document (read forward, as the recogniser reads: a later `Yukos said` is the
//! company too).
//!
//! Only one-word names, and only on these words' evidence: a company's name that is also a
//! person's (`Ford`, `Dell`) is retyped only where the text calls it a company.

use crate::refine::{EntityType, WordMention};

/// A noun that, right before a name, says the name is a company's (`oil giant Yukos`).
const COMPANY_NOUNS: &[&str] = &[
    "giant",
    "firm",
    "company",
    "carmaker",
    "drugmaker",
    "maker",
    "manufacturer",
    "retailer",
    "supermarket",
    "chain",
    "carrier",
    "airline",
    "operator",
    "insurer",
    "brewer",
    "conglomerate",
    "producer",
    "bank",
    "telecoms",
    "provider",
    "developer",
    "publisher",
    "distributor",
    "subsidiary",
    "startup",
    "start-up",
];

/// Words right before a name that make it a company (`shares in Yukos`, `a stake in`; not `a
/// bid for`: `Celtic make late bid for Bellamy`, a player).
const COMPANY_BEFORE: &[[&str; 2]] = &[
    ["shares", "in"],
    ["shares", "of"],
    ["stake", "in"],
    ["takeover", "of"],
    ["merger", "with"],
    ["customers", "of"],
    ["shareholders", "in"],
];

/// Words right after a name that make it a company (`Yukos Inc`, `Novartis shares`).
const COMPANY_AFTER: &[&str] = &[
    "Inc",
    "Inc.",
    "Corp",
    "Corp.",
    "plc",
    "Plc",
    "PLC",
    "Ltd",
    "Ltd.",
    "AG",
    "SA",
    "NV",
    "shares",
    "share",
    "shareholders",
];

/// After a name's possessive (`Yukos's chief executive`, `Novartis' profits`).
const COMPANY_OWNS: &[&str] = &[
    "shares",
    "share",
    "shareholders",
    "profits",
    "profit",
    "board",
    "revenues",
    "revenue",
    "sales",
    "subsidiary",
    "headquarters",
];

/// A noun that, right after a one-word name, says the name is a club's or a company's
/// (`Blackburn boss Mark Hughes`, `Everton striker`, `Gazprom chairman`; not `fans`, `side`
/// or `team`: `Hendrix supporters`, `North side`).
const CLUB_ROLES: &[&str] = &[
    "boss",
    "manager",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "keeper",
    "winger",
    "skipper",
    "chairman",
    "coach",
];

/// The names a document has shown to be companies so far, and the surnames of the people it
/// has named in full (`James Ford` keeps a later `Ford` a person). Names as written: a name
/// keeps its capitals through a document. (A document names a few dozen people and companies
/// at most: a list searched in order costs less than hashing each name.)
#[derive(Default, Debug, Clone)]
pub struct DocCompanies {
    seen: Vec<String>,
    surnames: Vec<String>,
}

fn holds(names: &[String], name: &str) -> bool {
    names.iter().any(|n| n == name)
}

impl DocCompanies {
    /// Retype one-word PERSON mentions of `words` that the words around them, or an earlier
    /// sentence of the document, show to be companies; and one-word LOC mentions so, when
    /// `is_place` does not know the name for a place (`a 20% stake in Sina`).
    pub fn retype(
        &mut self,
        words: &[&str],
        out: &mut [WordMention],
        is_place: impl Fn(&str) -> bool,
    ) {
        for o in out.iter() {
            let surname = words[o.end - 1];
            if o.kind == EntityType::Person
                && o.end - o.start >= 2
                && !holds(&self.surnames, surname)
            {
                self.surnames.push(surname.to_string());
            }
        }
        for o in out.iter_mut() {
            let kinds = matches!(
                o.kind,
                EntityType::Person | EntityType::Org | EntityType::Loc
            );
            if !kinds || o.end - o.start != 1 {
                continue;
            }
            let name = words[o.start];
            if holds(&self.surnames, name) {
                continue;
            }
            let club = words
                .get(o.start + 1)
                .is_some_and(|w| CLUB_ROLES.contains(w));
            if o.kind == EntityType::Loc {
                // (A place's name is the club here only: `Newcastle boss`, then the city of
                // Newcastle. Places the gazetteer knows stay as the model read them: `England
                // coach`, `Liverpool manager`, a country's or a city's side.)
                if club {
                    o.kind = EntityType::Org;
                } else if !is_place(name)
                    && (company_context(words, o.start) || holds(&self.seen, name))
                {
                    // (A name no gazetteer knows for a place, that the words call a company:
                    // `a 20% stake in Sina`, `Shanda said`.)
                    if !holds(&self.seen, name) {
                        self.seen.push(name.to_string());
                    }
                    o.kind = EntityType::Org;
                }
                continue;
            }
            // (A name the model typed a company in such words counts too: `Cairn shares up`.)
            if club && o.kind == EntityType::Person || company_context(words, o.start) {
                if !holds(&self.seen, name) {
                    self.seen.push(name.to_string());
                }
                o.kind = EntityType::Org;
            } else if o.kind == EntityType::Person && holds(&self.seen, name) {
                o.kind = EntityType::Org;
            }
        }
    }
}

impl DocCompanies {
    /// Whether a one-word mention `name`, typed `kind`, is a company the whole document has
    /// shown (read once it is read through: a headline names a company before the text says
    /// what it is, `China's Shanda buys stake in Sina`). Not a surname of someone named in
    /// full, nor a place `is_place` knows.
    pub fn settled_company(
        &self,
        name: &str,
        kind: EntityType,
        is_place: impl Fn(&str) -> bool,
    ) -> bool {
        matches!(kind, EntityType::Person | EntityType::Loc)
            && !name.contains(char::is_whitespace)
            && holds(&self.seen, name)
            && !holds(&self.surnames, name)
            && !(kind == EntityType::Loc && is_place(name))
    }
}

/// Whether the words around the one-word name at `i` call it a company.
fn company_context(words: &[&str], i: usize) -> bool {
    let before = |k: usize| i.checked_sub(k).map(|j| words[j]);
    let after = |k: usize| words.get(i + k).copied();
    let noun_before = before(1).is_some_and(|w| COMPANY_NOUNS.contains(&w));
    let is = |w: Option<&str>, x: &str| w.is_some_and(|w| w.eq_ignore_ascii_case(x));
    let pair_before = COMPANY_BEFORE
        .iter()
        .any(|[a, b]| is(before(2), a) && is(before(1), b));
    let after_name = after(1).is_some_and(|w| COMPANY_AFTER.contains(&w));
    // (`chief executive`, not `chief of staff`.)
    let chief = after(2) == Some("chief")
        && matches!(after(3), Some("executive" | "financial" | "operating"));
    let owns = matches!(after(1), Some("'s" | "’s" | "'" | "’"))
        && (chief || after(2).is_some_and(|w| COMPANY_OWNS.contains(&w)));
    noun_before || pair_before || after_name || owns
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(start: usize) -> WordMention {
        one_word(start, EntityType::Person)
    }

    fn one_word(start: usize, kind: EntityType) -> WordMention {
        WordMention {
            start,
            end: start + 1,
            kind,
        }
    }

    #[test]
    fn a_company_by_the_words_around_it_and_afterwards() {
        let mut doc = DocCompanies::default();
        let s1 = [
            "Russian", "oil", "giant", "Yukos", "said", "it", "would", "appeal",
        ];
        let mut m1 = [person(3)];
        doc.retype(&s1, &mut m1, |_| false);
        assert_eq!(m1[0].kind, EntityType::Org);
        // Later, on its own.
        let s2 = ["Yukos", "said", "it", "would", "appeal", "."];
        let mut m2 = [person(0)];
        doc.retype(&s2, &mut m2, |_| false);
        assert_eq!(m2[0].kind, EntityType::Org);
        // A person stays a person.
        let s3 = ["Khodorkovsky", "said", "he", "was", "innocent", "."];
        let mut m3 = [person(0)];
        doc.retype(&s3, &mut m3, |_| false);
        assert_eq!(m3[0].kind, EntityType::Person);
    }

    #[test]
    fn an_unknown_place_the_words_call_a_company_and_its_earlier_mentions() {
        let mut doc = DocCompanies::default();
        let place = |w: &str| w == "Beijing";
        // A headline names it first (the model: a person), then the text says what it is.
        let s1 = ["China's", "Shanda", "buys", "stake", "in", "Sina"];
        let mut m1 = [person(1), one_word(5, EntityType::Loc)];
        doc.retype(&s1, &mut m1, place);
        assert_eq!(m1[1].kind, EntityType::Org, "stake in Sina");
        let s2 = ["Sina", "said", "its", "shares", "rose", "in", "Beijing"];
        let mut m2 = [one_word(0, EntityType::Loc), one_word(6, EntityType::Loc)];
        doc.retype(&s2, &mut m2, place);
        assert_eq!((m2[0].kind, m2[1].kind), (EntityType::Org, EntityType::Loc));
        // Read through, the headline's mentions are the companies too; a known place never.
        let s3 = [
            "a", "20%", "stake", "in", "Shanda", "and", "shares", "in", "Beijing",
        ];
        let mut m3 = [person(4), one_word(8, EntityType::Loc)];
        doc.retype(&s3, &mut m3, place);
        assert_eq!((m3[0].kind, m3[1].kind), (EntityType::Org, EntityType::Loc));
        assert!(doc.settled_company("Shanda", EntityType::Person, place));
        assert!(doc.settled_company("Sina", EntityType::Loc, place));
        assert!(!doc.settled_company("Beijing", EntityType::Loc, place));
        assert!(!doc.settled_company("Gazprom", EntityType::Person, place));
    }

    #[test]
    fn a_club_by_its_manager_or_player() {
        let mut doc = DocCompanies::default();
        let s1 = ["Everton", "striker", "James", "Beattie", "scored"];
        let mut m1 = [person(0)];
        doc.retype(&s1, &mut m1, |_| false);
        assert_eq!(m1[0].kind, EntityType::Org);
        let s2 = ["Everton", "won", "again"];
        let mut m2 = [person(0)];
        doc.retype(&s2, &mut m2, |_| false);
        assert_eq!(m2[0].kind, EntityType::Org);
        // A place is the club only where the words say so.
        let s3 = ["Newcastle", "boss", "Graeme", "Souness"];
        let mut m3 = [one_word(0, EntityType::Loc)];
        doc.retype(&s3, &mut m3, |_| false);
        assert_eq!(m3[0].kind, EntityType::Org);
        let s4 = ["He", "lives", "in", "Newcastle"];
        let mut m4 = [one_word(3, EntityType::Loc)];
        doc.retype(&s4, &mut m4, |_| false);
        assert_eq!(m4[0].kind, EntityType::Loc);
    }

    #[test]
    fn a_person_named_in_full_keeps_the_surname() {
        let mut doc = DocCompanies::default();
        let s1 = [
            "The", "killer", ",", "James", "Ford", ",", "pleaded", "guilty",
        ];
        let mut m1 = [WordMention {
            start: 3,
            end: 5,
            kind: EntityType::Person,
        }];
        doc.retype(&s1, &mut m1, |_| false);
        let s2 = ["Shares", "in", "Ford", "fell"];
        let mut m2 = [person(2)];
        doc.retype(&s2, &mut m2, |_| false);
        assert_eq!(m2[0].kind, EntityType::Person);
    }

    #[test]
    fn possessives_and_share_phrases() {
        for (words, at) in [
            (vec!["Shares", "in", "Novartis", "rose"], 2),
            (vec!["Novartis", "'s", "chief", "executive", "said"], 0),
            (vec!["Huawei", "Inc", "said"], 0),
        ] {
            let mut m = [person(at)];
            DocCompanies::default().retype(&words, &mut m, |_| false);
            assert_eq!(m[0].kind, EntityType::Org, "{words:?}");
        }
        // A person's chief of staff is still a person's.
        let words = ["Blair", "'s", "spokesman", "said"];
        let mut m = [person(0)];
        DocCompanies::default().retype(&words, &mut m, |_| false);
        assert_eq!(m[0].kind, EntityType::Person);
    }
}
