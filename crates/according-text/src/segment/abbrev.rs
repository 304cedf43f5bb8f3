//! Abbreviation and sentence-starter lexicons for English news text.
//!
//! A period after an abbreviation may or may not end a sentence; what decides it depends on the
//! kind of abbreviation, so each entry carries its [`AbbrevKind`].

/// How an abbreviation followed by a period behaves at a possible sentence boundary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AbbrevKind {
    /// Titles before a name (`Mr.`, `Gov.`, `Sen.`): never end a sentence.
    Title,
    /// Go before a number (`No. 5`, `Fig. 2`): no boundary before a digit.
    NumberPrefix,
    /// Month names (`Sept. 11`): no boundary before a digit; before a capital, a boundary.
    Month,
    /// May end a sentence (`Inc.`, `Jr.`, `Calif.`, `U.S.`): a boundary only before a
    /// likely sentence starter.
    MayEnd,
}

const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "messrs", "mme", "mlle", "dr", "drs", "prof", "gov", "govs", "sen", "sens",
    "rep", "reps", "gen", "lt", "col", "maj", "capt", "cpt", "cmdr", "cmdt", "adm", "sgt", "cpl",
    "pvt", "pfc", "brig", "rev", "revs", "hon", "pres", "supt", "det", "insp", "fr", "msgr",
    "atty", "amb", "sec", "asst", "assoc", "rt", "mt", "ft", "ste", "vs", "v", "cf", "ca",
    "approx", "dept", "univ", "gov't",
];

const NUMBER_PREFIXES: &[&str] = &[
    "no", "nos", "art", "arts", "fig", "figs", "vol", "vols", "p", "pp", "ch", "op", "para", "ref",
];

const MONTHS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

const MAY_END: &[&str] = &[
    // companies, names, misc
    "inc", "co", "corp", "ltd", "llc", "plc", "bros", "jr", "sr", "etc", "esq", "st", "ave", "blvd",
    "rd", "hwy", "mass", "dist", "cos", "intl", "natl", "dep", "est", "min", "max", "yr", "yrs",
    "mo", "mos", "wk", "hr", "hrs", "sq", "ft", "lb", "lbs", "oz", "mi", "km", "al", "univ",
    // US states (AP style)
    "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "kans",
    "ky", "la", "md", "mich", "minn", "miss", "nev", "neb", "nebr", "okla", "ore", "pa", "tenn",
    "tex", "va", "vt", "wash", "wis", "wisc", "wyo",
];

/// Entries of [`MAY_END`] that are also English words (`He was ill.`, `They did the wash.`):
/// abbreviations only when capitalised.
const WORDS_TOO: &[&str] = &["ill", "mass", "miss", "wash", "ore", "ark", "pa", "la"];

/// Kind of `word` (without its final period) as an abbreviation, if it is one.
///
/// `word` may contain inner periods (`U.S`, `a.m`, `J.R.R`): those are acronyms, which may end
/// a sentence. Single capital letters are initials, handled by the caller.
pub fn kind(word: &str) -> Option<AbbrevKind> {
    if word.is_empty() || word.len() > 12 {
        return None;
    }
    if word.contains('.') {
        // Acronyms with inner periods: U.S, U.N, a.m, Ph.D, e.g
        let alpha_parts = word
            .split('.')
            .all(|p| !p.is_empty() && p.chars().all(char::is_alphabetic));
        return alpha_parts.then_some(AbbrevKind::MayEnd);
    }
    let mut buf = [0u8; 12];
    let lower = ascii_lower(word, &mut buf)?;
    // `No.` as an abbreviation is capitalised; lowercase `no.` is the word "no".
    if NUMBER_PREFIXES.contains(&lower)
        && (lower != "no" && lower != "nos" || word.starts_with('N'))
    {
        return Some(AbbrevKind::NumberPrefix);
    }
    // Lowercase `v.`, `vs.`, `cf.`, `ca.`, `approx.` are as reliable as capitalised titles.
    let any_case = matches!(lower, "v" | "vs" | "cf" | "ca" | "approx");
    if TITLES.contains(&lower) && (any_case || word.starts_with(|c: char| c.is_uppercase())) {
        return Some(AbbrevKind::Title);
    }
    if MONTHS.contains(&lower) && word.starts_with(|c: char| c.is_uppercase()) {
        return Some(AbbrevKind::Month);
    }
    if MAY_END.contains(&lower)
        && (!WORDS_TOO.contains(&lower) || word.starts_with(|c: char| c.is_uppercase()))
    {
        return Some(AbbrevKind::MayEnd);
    }
    None
}

/// Whether `word` + `.` should stay one token (an abbreviation, acronym or initial).
pub fn keeps_period(word: &str) -> bool {
    if word.chars().count() == 1 {
        return word.chars().all(char::is_alphabetic);
    }
    kind(word).is_some()
}

fn ascii_lower<'a>(word: &str, buf: &'a mut [u8; 12]) -> Option<&'a str> {
    let bytes = word.as_bytes();
    if bytes.len() > buf.len() || !word.is_ascii() {
        return None;
    }
    for (d, s) in buf.iter_mut().zip(bytes) {
        *d = s.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..bytes.len()]).ok()
}

/// Capitalised words that commonly open a sentence in news. After an abbreviation that may end
/// a sentence (`in the U.S. The ...`), one of these says a new sentence starts.
const STARTERS: &[&str] = &[
    "A",
    "About",
    "According",
    "After",
    "Again",
    "Against",
    "All",
    "Also",
    "Although",
    "Among",
    "An",
    "And",
    "Another",
    "Any",
    "Are",
    "As",
    "Asked",
    "At",
    "Because",
    "Before",
    "Both",
    "But",
    "By",
    "Can",
    "Despite",
    "Did",
    "Do",
    "Does",
    "During",
    "Each",
    "Even",
    "Every",
    "Few",
    "For",
    "From",
    "He",
    "Her",
    "Here",
    "His",
    "How",
    "However",
    "I",
    "If",
    "In",
    "Instead",
    "Is",
    "It",
    "Its",
    "Last",
    "Later",
    "Many",
    "Meanwhile",
    "More",
    "Most",
    "Mr",
    "Mrs",
    "Ms",
    "Much",
    "My",
    "Neither",
    "Never",
    "Next",
    "No",
    "None",
    "Nor",
    "Not",
    "Now",
    "Of",
    "Officials",
    "On",
    "Once",
    "One",
    "Only",
    "Or",
    "Other",
    "Our",
    "Over",
    "Several",
    "She",
    "Since",
    "So",
    "Some",
    "Still",
    "Such",
    "That",
    "The",
    "Their",
    "Then",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Though",
    "Three",
    "To",
    "Today",
    "Two",
    "Under",
    "Unlike",
    "Until",
    "We",
    "What",
    "When",
    "Where",
    "Whether",
    "Which",
    "While",
    "Who",
    "Why",
    "With",
    "Without",
    "Yesterday",
    "Yet",
    "You",
];

/// Whether `word` (the next word after a possible boundary) is a likely sentence starter.
pub fn is_starter(word: &str) -> bool {
    STARTERS.binary_search(&word).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starters_sorted_for_binary_search() {
        assert!(
            STARTERS.windows(2).all(|w| w[0] < w[1]),
            "STARTERS must stay sorted"
        );
    }

    #[test]
    fn kinds() {
        assert_eq!(kind("Mr"), Some(AbbrevKind::Title));
        assert_eq!(kind("Sept"), Some(AbbrevKind::Month));
        assert_eq!(kind("No"), Some(AbbrevKind::NumberPrefix));
        assert_eq!(kind("no"), None);
        assert_eq!(kind("U.S"), Some(AbbrevKind::MayEnd));
        assert_eq!(kind("Calif"), Some(AbbrevKind::MayEnd));
        assert_eq!(kind("said"), None);
        assert!(keeps_period("W"));
        assert!(!keeps_period("said"));
    }
}
