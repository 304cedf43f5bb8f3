//! Grammatical gender of people and pronouns, so that resolution never links `she` to
//! `Mr Blair`. A person's gender comes from an honorific or a gendered role word
//! (`Mrs`, `Sir`, `spokeswoman`) or else from the first given name found in the US Census
//! 1990 lists (`data/first-names.tsv`, made by `scripts/first_names.py`; names common to
//! both genders are left out). Unknown is the answer whenever the text does not say.

use std::collections::HashMap;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

const FIRST_NAMES: &str = include_str!("../data/first-names.tsv");

fn first_names() -> &'static HashMap<&'static str, Gender> {
    static NAMES: OnceLock<HashMap<&'static str, Gender>> = OnceLock::new();
    NAMES.get_or_init(|| {
        FIRST_NAMES
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let (name, g) = l.split_once('\t')?;
                let g = match g.trim() {
                    "M" => Gender::Male,
                    "F" => Gender::Female,
                    _ => return None,
                };
                Some((name, g))
            })
            .collect()
    })
}

/// Words that say a person's gender wherever they stand in a name or role.
fn of_word(lower: &str) -> Option<Gender> {
    match lower.trim_end_matches('.') {
        "mr" | "sir" | "lord" | "king" | "prince" | "duke" | "baron" | "spokesman"
        | "congressman" | "businessman" | "chairman" | "husband" | "son" | "father" | "brother"
        | "grandfather" | "uncle" | "nephew" | "boy" | "man" | "dutchman" | "irishman"
        | "frenchman" | "englishman" | "welshman" | "scotsman" | "countryman" | "sportsman"
        | "frontman" | "batsman" | "actor" => Some(Gender::Male),
        "mrs" | "ms" | "miss" | "lady" | "queen" | "princess" | "duchess" | "baroness" | "dame"
        | "spokeswoman" | "congresswoman" | "businesswoman" | "chairwoman" | "wife" | "widow"
        | "daughter" | "mother" | "sister" | "grandmother" | "aunt" | "niece" | "girl"
        | "woman" | "dutchwoman" | "irishwoman" | "frenchwoman" | "englishwoman" | "welshwoman"
        | "scotswoman" | "countrywoman" | "sportswoman" | "actress" => Some(Gender::Female),
        _ => None,
    }
}

/// The gender a personal pronoun refers to (`he`, `his`, `she`, `her`...).
pub fn of_pronoun(p: &str) -> Option<Gender> {
    match p.to_lowercase().as_str() {
        "he" | "him" | "his" | "himself" => Some(Gender::Male),
        "she" | "her" | "hers" | "herself" => Some(Gender::Female),
        _ => None,
    }
}

/// The gender a person's name or role text says (`Mr Blair`, `Anne Maguire`, `his wife`
/// is not a name and says female only through `wife`).
pub fn of_person(text: &str) -> Option<Gender> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    if let Some(g) = words.iter().find_map(|w| of_word(&w.to_lowercase())) {
        return Some(g);
    }
    // The given name: a listed word before the surname (`Kisrty Williams` says nothing,
    // though `Williams` is also a first name), or a lone name (`Sandra`).
    let names = first_names();
    let caps: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| w.starts_with(|c: char| c.is_uppercase()))
        .collect();
    let given = match caps.len() {
        0 => &caps[..],
        1 => &caps[..1],
        n => &caps[..n - 1],
    };
    given
        .iter()
        .find_map(|w| names.get(w.trim_end_matches(['.', '’', '\''])).copied())
}

/// `w` is a given name in the census lists (`Jason`).
pub fn is_given_name(w: &str) -> bool {
    first_names().contains_key(w.trim_end_matches(['.', '’', '\'']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn genders_from_honorifics_roles_and_names() {
        assert_eq!(of_person("Mr Blair"), Some(Gender::Male));
        assert_eq!(of_person("Mrs Maguire"), Some(Gender::Female));
        assert_eq!(of_person("Anne Maguire"), Some(Gender::Female));
        assert_eq!(of_person("President George W. Bush"), Some(Gender::Male));
        assert_eq!(of_person("a Pentagon spokeswoman"), Some(Gender::Female));
        assert_eq!(of_person("Saltanov"), None);
        assert_eq!(of_person("Kisrty Williams"), None);
        assert_eq!(of_person("Sandra"), Some(Gender::Female));
        assert_eq!(of_person("the ministry"), None);
        assert_eq!(of_person("the Dutchman"), Some(Gender::Male));
        assert_eq!(of_person("the 25-year-old"), None);
        assert_eq!(of_pronoun("She"), Some(Gender::Female));
        assert_eq!(of_pronoun("they"), None);
    }
}
