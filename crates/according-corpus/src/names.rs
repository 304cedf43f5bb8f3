//! Name normalisation, acronyms and person-name parts: the evidence entity merging uses.

/// Lowercase, strip accents-free punctuation (keeping `/` and `&` as separators), drop a
/// leading `the`, collapse spaces. `The BBC` → `bbc`; `RFE/RL` → `rfe/rl`.
pub fn normalize(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut space = false;
    for ch in name.chars() {
        let c = match ch {
            '’' | '\'' | '.' => continue, // `U.N.` = `UN`, `Reuters’` = `Reuters`
            '/' | '&' => {
                // keep separators tight: `Radio Free Europe / Radio Liberty` = `.../Radio Liberty`
                while out.ends_with(' ') {
                    out.pop();
                }
                out.push(ch);
                space = false;
                continue;
            }
            c if c.is_alphanumeric() => c,
            // A hyphen inside a word stays: `Kilroy-Silk` is one surname, not two names.
            '-' | '‐' if !space && out.chars().last().is_some_and(char::is_alphanumeric) => '-',
            _ => {
                space = !out.is_empty() && !out.ends_with(['/', '&']);
                continue;
            }
        };
        if space {
            out.push(' ');
            space = false;
        }
        out.extend(c.to_lowercase());
    }
    let out = out.trim().trim_end_matches('-').to_string();
    match out.strip_prefix("the ") {
        Some(rest) if !rest.is_empty() => rest.to_string(),
        _ => out,
    }
}

/// Determiners and possessives that may open a description or a name (`the BBC`).
const OPENERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our",
    "some", "many", "several", "other", "two", "three",
];

/// Lowercase words allowed inside a proper name (`Bank of England`, `Corriere della Sera`).
const NAME_CONNECTORS: &[&str] = &[
    "of", "and", "for", "the", "de", "del", "della", "di", "da", "la", "le", "les", "des", "du",
    "von", "van", "der", "den", "al", "el", "bin", "ibn", "y", "on", "in", "at", "&", "to",
];

/// The words of `name` after a leading determiner (`The firm` → `firm`).
fn name_body(name: &str) -> Vec<&str> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let skip = words
        .iter()
        .take_while(|w| OPENERS.contains(&w.to_lowercase().as_str()))
        .count();
    words[skip..].to_vec()
}

/// Whether `name` is written as a proper name rather than a description: after a leading
/// determiner, every word starts with a capital or a digit, or is a connector such as `of`
/// (`the Bank of England`, `BBC`, `Sergei Ivanov` — not `the company`, `spam e-mails`).
/// A capitalised common noun at the start of a sentence (`Ministers said`) still passes;
/// [`starts_lowercase`] evidence elsewhere in a corpus catches those.
pub fn reads_as_name(name: &str) -> bool {
    let body = name_body(name);
    let Some(first) = body.first() else {
        return false;
    };
    let capital = |w: &str| {
        w.chars()
            .find(|c| c.is_alphanumeric())
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    };
    capital(first)
        && body
            .iter()
            .all(|w| capital(w) || NAME_CONNECTORS.contains(&w.to_lowercase().as_str()))
}

/// Whether `name`, after a leading determiner, is written in lowercase (`the organisers`,
/// `ministers`): evidence that the same words elsewhere, capitalised, are a common noun.
pub fn starts_lowercase(name: &str) -> bool {
    name_body(name)
        .first()
        .and_then(|w| w.chars().find(|c| c.is_alphabetic()))
        .is_some_and(char::is_lowercase)
}

/// Words that do not give a letter to an acronym.
const ACRONYM_SKIP: &[&str] = &[
    "of", "the", "and", "for", "de", "del", "la", "le", "des", "on", "in", "a", "an",
];

/// The acronym of a multi-word name, per `/`-separated part: `Radio Free Europe/Radio Liberty`
/// → `rfe/rl`, `British Broadcasting Corporation` → `bbc`, `Organization of the Petroleum
/// Exporting Countries` → `opec`. `None` for one-word names and for names that already are
/// acronyms.
pub fn acronym(name: &str) -> Option<String> {
    if looks_like_acronym(name) {
        return None; // already one
    }
    let norm = normalize(name);
    let mut parts = Vec::new();
    let mut words_total = 0;
    for part in norm.split('/') {
        let letters: String = part
            .split([' ', '&'])
            .filter(|w| !w.is_empty() && !ACRONYM_SKIP.contains(w))
            .filter_map(|w| w.chars().next())
            .collect();
        words_total += part.split(' ').filter(|w| !w.is_empty()).count();
        if letters.is_empty() {
            return None;
        }
        parts.push(letters);
    }
    (words_total >= 2 && parts.iter().map(|p| p.len()).sum::<usize>() >= 2).then(|| parts.join("/"))
}

/// True if `surface` looks like an acronym as written: one token of capitals, digits, `/`, `&`
/// or dots (`BBC`, `RFE/RL`, `U.N.`, `AT&T`), at least two letters.
pub fn looks_like_acronym(surface: &str) -> bool {
    let s = surface
        .trim()
        .trim_start_matches("the ")
        .trim_start_matches("The ");
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && !s.contains(' ')
        && s.chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '/' | '&' | '.' | '-'))
}

/// Honorifics and titles dropped from person names before comparing them.
const HONORIFICS: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "sir",
    "dame",
    "lord",
    "lady",
    "president",
    "minister",
    "senator",
    "sen",
    "rep",
    "gov",
    "governor",
    "gen",
    "general",
    "judge",
    "rev",
    "mayor",
    "king",
    "queen",
    "prince",
    "princess",
    "chancellor",
    "premier",
];

/// The normalised words of a person's name without honorifics or suffixes
/// (`Mr. Sergei B. Ivanov Jr.` → `sergei b ivanov`).
pub fn person_words(name: &str) -> Vec<String> {
    let norm = normalize(name);
    let mut words: Vec<String> = norm
        .split([' ', '/', '&'])
        .filter(|w| !w.is_empty())
        .map(String::from)
        .collect();
    while words.len() > 1 && HONORIFICS.contains(&words[0].as_str()) {
        words.remove(0);
    }
    while words.len() > 1
        && matches!(
            words.last().map(|s| s.as_str()),
            Some("jr" | "sr" | "ii" | "iii")
        )
    {
        words.pop();
    }
    words
}

/// Key of a person's full name (`sergei ivanov`), or `None` if only one name word is given.
pub fn person_full_key(name: &str) -> Option<String> {
    let w = person_words(name);
    (w.len() >= 2).then(|| w.join(" "))
}

/// The surname (last name word) of a person's name.
pub fn surname(name: &str) -> Option<String> {
    person_words(name).pop()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes() {
        assert_eq!(normalize("The BBC"), "bbc");
        assert_eq!(
            normalize("Radio Free Europe / Radio Liberty"),
            "radio free europe/radio liberty"
        );
        assert_eq!(normalize("U.N."), "un");
        assert_eq!(normalize("  Corriere   della Sera "), "corriere della sera");
        assert_eq!(normalize("the"), "the");
        assert_eq!(normalize("Mr Kilroy-Silk"), "mr kilroy-silk");
    }

    #[test]
    fn names_and_descriptions() {
        for name in [
            "the Bank of England",
            "BBC",
            "Sergei Ivanov",
            "Corriere della Sera",
        ] {
            assert!(reads_as_name(name), "{name}");
        }
        for name in [
            "the company",
            "The firm",
            "spam e-mails",
            "the",
            "developers",
        ] {
            assert!(!reads_as_name(name), "{name}");
        }
        assert!(starts_lowercase("the organisers"));
        assert!(!starts_lowercase("The Organisers"));
        assert_eq!(person_full_key("Mr Kilroy-Silk"), None);
    }

    #[test]
    fn acronyms() {
        assert_eq!(
            acronym("Radio Free Europe/Radio Liberty").as_deref(),
            Some("rfe/rl")
        );
        assert_eq!(
            acronym("British Broadcasting Corporation").as_deref(),
            Some("bbc")
        );
        assert_eq!(
            acronym("the Organization of the Petroleum Exporting Countries").as_deref(),
            Some("opec")
        );
        assert_eq!(acronym("BBC Radio").as_deref(), Some("br"));
        assert_eq!(acronym("Reuters"), None);
        assert!(looks_like_acronym("RFE/RL"));
        assert!(looks_like_acronym("BBC"));
        assert!(!looks_like_acronym("BBC Radio"));
        assert!(!looks_like_acronym("Reuters"));
    }

    #[test]
    fn person_names() {
        assert_eq!(
            person_full_key("Mr. Sergei Ivanov").as_deref(),
            Some("sergei ivanov")
        );
        assert_eq!(person_full_key("Ivanov"), None);
        assert_eq!(
            surname("Russian Defense Minister Sergei Ivanov").as_deref(),
            Some("ivanov")
        );
    }
}
