//! The recogniser's and the content's word on a source's type: `the IAAF` is an
//! organisation, `Ryanair said it would` is a company.

use super::*;

/// Where the text alone left a name's type weak (person, group or unknown), the entity
/// recogniser's type for that name wins (`the IAAF`, `Yukos` are organisations, `Tzekos` a
/// person). `start` is the source's byte offset in the document; the mention must cover the
/// name's last word (`Labour MPs` stays a group though `Labour` is an organisation).
pub fn retype_with_mentions(info: &mut SourceInfo, src: &str, start: usize, mentions: &[Mention]) {
    // (An unnamed person's words describe them: `chief executive of the Refugee Council`
    // ends with an organisation's name, but is a person.)
    if info.pronoun
        || info.person_pronoun
        || info.unnamed && info.kind == SourceType::Person
        || !matches!(
            info.kind,
            SourceType::Person | SourceType::Group | SourceType::Unknown | SourceType::Organization
        )
    {
        return;
    }
    let (a, b) = (start + info.name_range.0, start + info.name_range.1);
    let Some(head) = info.name.split_whitespace().last().map(trim_punct) else {
        return;
    };
    let head_start = a + info.name.rfind(head).unwrap_or(0);
    let m = mentions
        .iter()
        .filter(|m| m.span.start < b && a < m.span.end)
        .find(|m| m.span.start <= head_start && head_start < m.span.end);
    // An organisation the recogniser knows for an outlet is one (`London's Evening
    // Standard`); else the words' type stands.
    if info.kind == SourceType::Organization {
        // (`The Conservative Party` is none, whatever the recogniser says.)
        let body = info
            .name
            .split_whitespace()
            .any(|w| ORG_WORDS.contains(&trim_punct(w)) || ORG_NAME_ENDS.contains(&trim_punct(w)));
        if !body && m.is_some_and(|m| m.kind == "OUTLET" && m.span.end >= b) {
            info.kind = SourceType::Outlet;
        }
        return;
    }
    let Some(m) = m else {
        // One capitalised word that neither the recogniser nor a title or role makes a name
        // (`Rainfall`, `WeWork`): who it is stays unknown rather than a person.
        if info.kind == SourceType::Person
            && info.role.is_none()
            && !info.unnamed
            && !info.name.contains(' ')
            && crate::gender::of_person(&info.name).is_none()
        {
            info.kind = SourceType::Unknown;
        }
        return;
    };
    // `analyst Nick Van den Brul of BNP Paribas`: a person of the place or organisation.
    if m.kind != "PERSON" {
        let person = mentions.iter().find(|p| {
            p.kind == "PERSON"
                && p.span.start >= start
                && p.span.end <= m.span.start
                && src
                    .get(p.span.end - start..m.span.start - start)
                    .is_some_and(|t| matches!(t.trim(), "of" | "from" | "at" | "in" | "with"))
        });
        if let Some(p) = person {
            info.kind = SourceType::Person;
            info.name = p.text.clone();
            info.name_range = (p.span.start - start, p.span.end - start);
            info.affiliation = info.affiliation.take().or_else(|| Some(m.text.clone()));
            return;
        }
        // A given name or honorific before a surname keeps a person (`Minister Jim
        // Wallace`) against an organisation or place.
        // (`Mr Irish`, `Mr French`: a nationality's word after an honorific is a surname.)
        let honorific = info
            .name
            .split_whitespace()
            .next()
            .is_some_and(is_honorific);
        // So does a person's job right before the name (`Former WorldCom chief Bernie
        // Ebbers`, `England coach Sven-Goran Eriksson`), whatever the given name.
        let job_before = info.role.as_deref().is_some_and(|r| {
            r.split_whitespace()
                .next_back()
                .map(trim_punct)
                .is_some_and(|w| {
                    PERSON_ROLE_NOUNS.contains(&w.to_lowercase().as_str())
                        || TITLE_WORDS.contains(&w)
                })
        });
        if info.kind == SourceType::Person
            && (matches!(m.kind.as_str(), "ORG" | "GPE" | "LOC") || m.kind == "NORP" && honorific)
            && info.name.split_whitespace().count() >= 2
            && (crate::gender::of_person(&info.name).is_some() || job_before)
        {
            return;
        }
    }
    // (An acronym is no person, whatever the recogniser says: `the IAAF`.)
    let acronym = head.len() >= 2 && head.chars().all(|c| c.is_ascii_uppercase());
    // `The British Chambers of Commerce`: a recognised name that begins before the words the
    // text alone took for the name (`Commerce`) is the name.
    // (Not over a person's name: `Suffolk Chief Constable Alastair McWhirter`.)
    let recognised = m.span.start.checked_sub(start).and_then(|na| {
        let nb = m.span.end.checked_sub(start)?;
        Some((na, nb, src.get(na..nb)?))
    });
    if let Some((na, nb, text)) = recognised {
        if m.kind != "PERSON"
            && start + na < a
            && crate::gender::of_person(text).is_none()
            && (info.kind != SourceType::Person
                || !info.name.contains(' ')
                || !text.split_whitespace().any(|w| TITLE_WORDS.contains(&w)))
        {
            info.name = text.to_string();
            info.name_range = (na, nb);
        }
    }
    info.kind = match m.kind.as_str() {
        "PERSON" if acronym => info.kind,
        "PERSON" => SourceType::Person,
        "ORG" => SourceType::Organization,
        "OUTLET" => SourceType::Outlet,
        "GPE" => SourceType::Government,
        // (`Europe says`, `Asia asks`: a region speaks through its governments.)
        "LOC" if REGIONS.contains(&info.name.trim_start_matches("the ")) => SourceType::Government,
        "NORP" => SourceType::Group,
        _ => info.kind,
    };
}

/// `Ryanair said it would cut fares`, `WeWork said its losses…`: a lone capitalised name
/// whose content goes on about `it`/`its` is an organisation, not a person (who would be
/// `he`/`she`); the recogniser often types such names PERSON, or misses them. Only where
/// nothing else says person: no given name, title, role or description, and no person
/// named in full in the document whose surname it is (`Brown said it was time`).
pub fn retype_by_content_pronoun(
    info: &mut SourceInfo,
    content: Option<&str>,
    mentions: &[Mention],
) {
    let name = info.name.as_str();
    if info.pronoun
        || info.person_pronoun
        || info.unnamed
        || info.role.is_some()
        || !matches!(info.kind, SourceType::Person | SourceType::Unknown)
        || !may_name_a_company(name, mentions)
    {
        return;
    }
    // A quotation's `it` is the speaker's own subject, whatever it is (`"It was so close"`).
    let Some(content) = content.filter(|c| !c.trim_start().starts_with(['"', '“', '\'', '‘']))
    else {
        return;
    };
    let mut words = content
        .split(|c: char| c.is_whitespace() || matches!(c, '"' | '“' | '”' | ','))
        .filter(|w| !w.is_empty());
    let first = match words.next() {
        Some(w) if w.eq_ignore_ascii_case("that") => words.next(),
        w => w,
    };
    let it = first.is_some_and(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "it" | "its" | "it's" | "it’s" | "it'd" | "it’d" | "it'll" | "it’ll"
        )
    });
    let surname_of_person = mentions.iter().any(|m| {
        m.kind == "PERSON" && m.text.split_whitespace().count() >= 2 && {
            let last = m
                .text
                .split_whitespace()
                .last()
                .map(trim_punct)
                .unwrap_or("");
            last == name || strip_possessive(last) == Some(name)
        }
    });
    if it && !surname_of_person {
        info.kind = SourceType::Organization;
    }
}

/// A name nothing in it says is a person's: one capitalised word, or two where the first is
/// no given name or honorific and the recogniser did not call them a person (for two words
/// it is seldom wrong, `Vladimir Putin`; `Time Warner` is a company), of no known gender.
pub fn may_name_a_company(name: &str, mentions: &[Mention]) -> bool {
    let words_ok = match name.split_whitespace().collect::<Vec<_>>()[..] {
        [_] => true,
        [first, second] => {
            !crate::gender::is_given_name(first)
                && is_cap(second)
                && !is_honorific(first)
                && !mentions
                    .iter()
                    .any(|m| m.kind == "PERSON" && m.text == name)
        }
        _ => false,
    };
    words_ok
        && is_cap(name)
        && name.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && crate::gender::of_person(name).is_none()
}

/// `45, a former soldier from Leeds` → `a former soldier from Leeds`: an age set off after a
/// name is not part of the role.
/// Regions that speak through their governments (`Europe blames US over weak dollar`).
pub(super) const REGIONS: &[&str] = &[
    "Europe",
    "Asia",
    "Africa",
    "Latin America",
    "South America",
    "North America",
    "Middle East",
    "West",
    "Gulf",
    "Balkans",
    "Caribbean",
    "Scandinavia",
];
