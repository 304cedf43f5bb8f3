//! Names after an owner's possessive: `Deutsche Bank's Simon Champion`, `Lord Hutton's
//! inquiry`.

use super::*;

/// `Deutsche Bank's Simon Champion`, `Iraq's Trade Minister Mohammed Mustafa al-Jibouri`,
/// `France's Pernod`: a name after a capitalised owner's possessive is the name, of that owner
/// (its affiliation; a country's name that is no person's is a company's). Nothing when the
/// owner is not capitalised (`the government's Cabinet Office`) or the name says nothing of
/// its own (`St Fintian's High School`).
pub(super) fn owned_name(src: &str, full: &str) -> Option<SourceInfo> {
    let p = find_first_of(full, &["'s ", "’s "])?;
    let mark = if full[p..].starts_with("'s ") {
        3
    } else {
        "’s ".len()
    };
    let owner = full[..p]
        .strip_prefix("the ")
        .or_else(|| full[..p].strip_prefix("The "))
        .unwrap_or(&full[..p]);
    let owner_words: Vec<&str> = owner.split_whitespace().collect();
    let capitalised = !owner.contains(',')
        && owner_words.first().is_some_and(|w| is_cap(w))
        && owner_words.last().is_some_and(|w| is_cap(w))
        && owner_words
            .iter()
            .all(|w| is_cap(w) || matches!(*w, "of" | "on" | "the" | "and" | "&"));
    // (A saint's or a knight's possessive is part of a name: `St David's Shopping Centre`.)
    let saint = |w: &&str| matches!(w.trim_end_matches('.'), "St");
    let person_owner = owner_words.iter().any(|w| saint(w) || is_honorific(w));
    let rest = trim_punct(&full[p + mark..]);
    let first_rest = rest.split_whitespace().next().unwrap_or("");
    // `Lord Hutton's inquiry into the death of Dr David Kelly`, `The NAO's annual report`:
    // whose inquiry it is says who.
    if capitalised && !owner_words.first().is_some_and(saint) {
        let report = |w: &str| {
            let w = w.to_lowercase();
            REPORT_NOUNS.contains(&w.as_str())
                || matches!(w.as_str(), "inquiry" | "review" | "investigation")
        };
        // (Words may qualify it: `annual`, `latest`; not `head of`: `Merck's head of research
        // Peter Kim` is a person.)
        const QUALIFIERS: &[&str] = &[
            "annual",
            "latest",
            "new",
            "own",
            "quarterly",
            "monthly",
            "weekly",
            "interim",
            "final",
            "initial",
            "recent",
            "internal",
            "independent",
            "official",
            "previous",
            "first",
            "draft",
        ];
        let whose = rest
            .split_whitespace()
            .take(3)
            .find(|w| !QUALIFIERS.contains(w));
        if whose.is_some_and(report) {
            let start = full[..p].len() - owner.len();
            let owner = &full[start..p];
            let inner = analyze(owner);
            if matches!(
                inner.kind,
                SourceType::Person
                    | SourceType::Organization
                    | SourceType::Government
                    | SourceType::Outlet
            ) {
                // (The owner speaks through the inquiry: no `he` after it is the owner.)
                return Some(SourceInfo {
                    speaks_for: true,
                    ..within(src, owner, inner)
                });
            }
            return None;
        }
    }
    // (`Transport & General Worker's Union`, `the US Trade Representative's Office`: the
    // possessive is inside one name.)
    if !capitalised
        || person_owner
        || !is_cap(rest)
        || ORG_WORDS.contains(&first_rest)
        || rest.contains("'s ")
        || rest.contains("’s ")
    {
        return None;
    }
    let inner = analyze(rest);
    // (Not when the name is only part of the words: `China's Baoshan Iron and Steel Co.` is
    // not `Steel Co.`; the recogniser may find it whole.)
    if inner.pronoun || inner.person_pronoun || inner.unnamed || inner.truncated {
        return None;
    }
    let titled = rest.split_whitespace().any(|w| TITLE_WORDS.contains(&w));
    let named_person = titled
        || crate::gender::of_person(rest).is_some()
        || crate::gender::is_given_name(first_rest) && rest.contains(' ');
    // (`Authenti-corp's CEO` names no one; `Brown's Britain` is still Britain.)
    let lone_role = !rest.contains(' ')
        && (titled || PERSON_ROLE_NOUNS.contains(&rest.to_lowercase().as_str()));
    if !rest.starts_with(inner.name.as_str()) && !named_person
        || lone_role
        || outlets::government(&inner.name)
            .or_else(|| outlets::country(&inner.name))
            .is_some()
    {
        return None;
    }
    let country = outlets::government(owner).or_else(|| outlets::country(owner));
    let kind = match inner.kind {
        SourceType::Unknown if titled => return None,
        SourceType::Unknown if country.is_some() => SourceType::Organization,
        // `France's Pernod`, `India's Maruti`: a country's one-word name that no given
        // name, honorific or title makes a person's is a company's.
        // (Two words or more may be a person the census lists do not know: `Kelly Holmes`.)
        SourceType::Person if country.is_some() && !named_person && !rest.contains(' ') => {
            SourceType::Organization
        }
        SourceType::Unknown | SourceType::Vague | SourceType::Group => return None,
        k => k,
    };
    let mut info = within(src, rest, inner);
    info.kind = kind;
    info.affiliation = Some(country.map_or_else(|| owner.to_string(), str::to_string));
    Some(info)
}
