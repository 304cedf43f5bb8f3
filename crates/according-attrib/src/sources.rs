//! Who a source is: its name, role/title, affiliation and type, from the words of the source
//! span (`Russian Deputy Foreign Minister Alexander Saltanov` → name `Alexander Saltanov`, role
//! `Russian Deputy Foreign Minister`, affiliation Russia, person).

use crate::boundaries::{MONTHS, TIME_NOUNS};
use crate::lexicon::VAGUE_HEADS;
use crate::outlets;
use crate::source_words::*;
use according_core::{Mention, SourceType, Span};

#[derive(Debug, Clone, PartialEq)]
pub struct SourceInfo {
    /// Name as written (`Alexander Saltanov`), or the canonical outlet name.
    pub name: String,
    /// Byte range of the name inside the source text.
    pub name_range: (usize, usize),
    pub role: Option<String>,
    pub affiliation: Option<String>,
    pub kind: SourceType,
    /// `he`/`she` (resolve to the previous person).
    pub person_pronoun: bool,
    /// Other pronouns (`they`, `it`, `we`).
    pub pronoun: bool,
    /// `according to an earlier report in` — the source is cut off.
    pub truncated: bool,
    /// For a relative pronoun source (`Mr Fitzpatrick, who added`), the document byte span of
    /// its antecedent, which the rest of this info describes (`name_range` is then relative
    /// to the antecedent).
    pub antecedent: Option<Span>,
    /// A person the source describes without naming (`the home secretary`): resolved to a
    /// person named before with that role, or else left without an entity.
    pub unnamed: bool,
    /// Someone unnamed speaking for the body this info names (`A Cabinet Office spokeswoman`:
    /// the Cabinet Office, role `spokeswoman`; the role is the speaker's, not the body's), or
    /// the one who speaks through a report (`Sir Alan Budd's inquiry`). Either way, not who a
    /// later `he` or `it` is.
    pub speaks_for: bool,
    /// The names a source joins with `and` (`Sony, IBM and Toshiba`): each one's document
    /// byte span and what it says ([`crate::coordination`]).
    pub members: Vec<(Span, SourceInfo)>,
}

fn is_cap(w: &str) -> bool {
    w.starts_with(|c: char| c.is_uppercase())
}

/// Words of `s` with their byte ranges.
fn words(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            if let Some(a) = start.take() {
                out.push((a, i));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(a) = start {
        out.push((a, s.len()));
    }
    out
}

fn trim_punct(s: &str) -> &str {
    let t = s.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | ':' | '“' | '”' | '"' | '(' | ')' | '—' | '–')
    });
    // `the US Federal Communications Commission (FCC)` lost its closing bracket: the
    // bracketed acronym goes, not half of it.
    match t.rfind(" (") {
        Some(p) if !t[p..].contains(')') => trim_punct(&t[..p]),
        _ => t,
    }
}

/// The outlet name at `a..b` ends `full` and follows a capitalised word that is not an
/// article, title, nationality or possessive (`Liam Fox`, `Mr Fox`, `20th Century Fox` are
/// no Fox News).
fn closes_a_name(full: &str, a: usize, b: usize) -> bool {
    let prev = full[..a].split_whitespace().last().unwrap_or("");
    (full[b..].trim().is_empty() || full[b..].starts_with(','))
        && (is_cap(prev) || prev.starts_with(|c: char| c.is_ascii_digit()))
        && !prev.ends_with("'s")
        && !prev.ends_with("’s")
        && !matches!(prev, "The" | "A" | "An")
        && !TITLE_WORDS.contains(&prev)
        && outlets::nationality(prev).is_none()
}

/// A person's name around an outlet named at `a..b`: a run of two or more capitalised words
/// closing the phrase after a role (`BBC correspondent Peter Hunt`), or opening it before a
/// comma (`Bruce Snyder, president of … at 20th Century Fox`). Byte range in `full`.
fn person_around(full: &str, a: usize, b: usize) -> Option<(usize, usize)> {
    let ws = words(full);
    let w = |k: usize| trim_punct(&full[ws[k].0..ws[k].1]);
    let name_word = |k: usize| {
        let x = w(k);
        is_cap(x) && !TITLE_WORDS.contains(&x) && !matches!(x, "The" | "A" | "An")
    };
    // Closing run.
    let mut start = ws.len();
    while start > 0 && name_word(start - 1) && ws[start - 1].0 >= b {
        // (A comma closes what comes before the name: `in Jakarta, Rachel Harvey`.)
        if start < ws.len() && full[ws[start - 1].0..ws[start - 1].1].ends_with(',') {
            break;
        }
        start -= 1;
    }
    let role_between = (0..start).any(|k| ws[k].0 >= b && !is_cap(w(k)));
    // `CNN's Jake Tapper`: the outlet's own person.
    let possessive = full[b..].starts_with("'s") || full[b..].starts_with("’s");
    // `CBS Sports NFL Insider Jason La Canfora`: capitalised title words, then a given name.
    let given = (start + 1..ws.len().saturating_sub(1))
        .find(|&k| crate::gender::is_given_name(w(k)))
        .filter(|_| !role_between && !possessive);
    if let Some(k) = given {
        let (na, nb) = (ws[k].0, ws[ws.len() - 1].1);
        let name = trim_punct(&full[na..nb]);
        return Some((na, na + name.len()));
    }
    if ws.len() - start >= 2 && (role_between || possessive) {
        let (na, nb) = (ws[start].0, ws[ws.len() - 1].1);
        let name = trim_punct(&full[na..nb]);
        let na = na + full[na..nb].find(name).unwrap_or(0);
        return Some((na, na + name.len()));
    }
    // Opening run, closed by a comma, or by `of (the)` before the outlet (`Alex Horton of
    // the Washington Post`).
    let mut end = 0;
    while end < ws.len() && ws[end].1 <= a && name_word(end) {
        end += 1;
        if full[..ws[end - 1].1].ends_with(',') {
            break;
        }
    }
    let link = full
        .get(ws.get(end).map_or(a, |x| x.0)..a)
        .unwrap_or("")
        .trim();
    let of_outlet =
        end >= 2 && matches!(link, "of" | "of the" | "at" | "at the" | "for" | "for the");
    let closed = of_outlet || end >= 2 && full[ws[end - 1].0..ws[end - 1].1].ends_with(',');
    if closed {
        let name = trim_punct(&full[ws[0].0..ws[end - 1].1]);
        let na = ws[0].0 + full[ws[0].0..].find(name).unwrap_or(0);
        return Some((na, na + name.len()));
    }
    None
}

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
        let honorific = info.name.split_whitespace().next().is_some_and(|w| {
            matches!(
                w.trim_end_matches('.'),
                "Mr" | "Mrs" | "Ms" | "Miss" | "Dr" | "Sir" | "Lady" | "Lord" | "Prof" | "Dame"
            )
        });
        if info.kind == SourceType::Person
            && (matches!(m.kind.as_str(), "ORG" | "GPE" | "LOC") || m.kind == "NORP" && honorific)
            && info.name.split_whitespace().count() >= 2
            && crate::gender::of_person(&info.name).is_some()
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
        || name.contains(|c: char| c.is_whitespace())
        || !is_cap(name)
        || name.chars().filter(|c| c.is_alphabetic()).count() < 2
        || crate::gender::of_person(name).is_some()
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
            last == name || last.strip_suffix("'s").or(last.strip_suffix("’s")) == Some(name)
        }
    });
    if it && !surname_of_person {
        info.kind = SourceType::Organization;
    }
}

/// `info`, analysed from `part` (a slice of `src`), with its name range made relative to `src`.
fn within(src: &str, part: &str, mut info: SourceInfo) -> SourceInfo {
    let shift = part.as_ptr() as usize - src.as_ptr() as usize;
    info.name_range = (info.name_range.0 + shift, info.name_range.1 + shift);
    info
}

/// What the source `src` at document byte `start` says, with the names it joins (see
/// [`crate::coordination`]): each analysed on its own, retyped by the recogniser's mentions.
/// The source's type is theirs when they share one, else `group`.
pub fn analyze_in_doc(src: &str, start: usize, text: &str, mentions: &[Mention]) -> SourceInfo {
    let mut info = analyze(src);
    retype_with_mentions(&mut info, src, start, mentions);
    let members = crate::coordination::members(src, start, mentions);
    if members.is_empty() {
        return info;
    }
    info.members = members
        .into_iter()
        .map(|m| {
            let t = m.slice(text);
            let mut i = analyze(t);
            retype_with_mentions(&mut i, t, m.start, mentions);
            (m, i)
        })
        .collect();
    let first = info.members[0].1.kind;
    info.kind = if info.members.iter().all(|(_, i)| i.kind == first) {
        first
    } else {
        SourceType::Group
    };
    info.role = None;
    info.affiliation = None;
    info.person_pronoun = false;
    info.pronoun = false;
    info.unnamed = false;
    info
}

/// Words for someone who speaks for a body.
const SPOKESPERSONS: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "spokesmen",
    "spokeswomen",
    "spokespeople",
];

/// `A Cabinet Office spokeswoman`, `a spokesperson for Delta Airlines`, `a BBC spokesman`: an
/// unnamed person speaking for a named body. What the source says is the body (an
/// organisation unless its name says government or outlet), with the speaker as the role and
/// `speaks_for` set. `full` is `src` trimmed. Nothing when no capitalised name is the body
/// (`a venue spokesman`, `The prime minister's official spokesman`), when a name follows
/// (`Labour spokesman Mr Kemp`) or when the body is a person (`a spokesman for Mr Blair`).
fn spokesperson_for(src: &str, full: &str) -> Option<SourceInfo> {
    let ws = words(full);
    let w = |k: usize| trim_punct(&full[ws[k].0..ws[k].1]);
    let k = (0..ws.len()).find(|&k| SPOKESPERSONS.contains(&w(k).to_lowercase().as_str()))?;
    let article = |k: usize| matches!(w(k), "a" | "an" | "the" | "A" | "An" | "The");
    let first = usize::from(k > 0 && article(0));
    let (body, role) = if k + 1 == ws.len() {
        // `A Cabinet Office spokeswoman`, `Microsoft's chief spokesman`: the capitalised words
        // before the lowercase ones that describe the speaker.
        let mut end = k;
        while end > first && !is_cap(w(end - 1)) {
            end -= 1;
        }
        if end == first {
            return None;
        }
        let body = &full[ws[first].0..ws[end - 1].1];
        let body = ["'s", "’s"]
            .iter()
            .find_map(|p| body.strip_suffix(p))
            .unwrap_or(body);
        (body, &full[ws.get(end)?.0..ws[k].1])
    } else if k + 2 < ws.len() && matches!(w(k + 1), "for" | "at" | "from" | "of") {
        // `a spokesperson for Delta Airlines`.
        if !(first..k).all(|j| !is_cap(w(j))) {
            return None;
        }
        let b = k + 2 + usize::from(matches!(w(k + 2), "the" | "The") && k + 3 < ws.len());
        if !is_cap(w(b)) {
            return None;
        }
        (trim_punct(&full[ws[b].0..]), &full[ws[first].0..ws[k].1])
    } else {
        return None;
    };
    let inner = analyze(body);
    let person = inner.kind == SourceType::Person
        && (body.contains(' ') || crate::gender::of_person(body).is_some());
    if person || inner.pronoun || inner.person_pronoun || inner.truncated {
        return None;
    }
    let mut info = within(src, body, inner);
    info.kind = match info.kind {
        k @ (SourceType::Government | SourceType::Outlet) => k,
        _ => SourceType::Organization,
    };
    info.role = Some(role.to_string());
    info.speaks_for = true;
    info.unnamed = false;
    info.members = Vec::new();
    Some(info)
}

/// `St David's`: a saint's possessive is part of a name.
fn person_owner_is_saint(owner_words: &[&str]) -> bool {
    owner_words
        .first()
        .is_some_and(|w| matches!(*w, "St" | "St."))
}

/// `Deutsche Bank's Simon Champion`, `Iraq's Trade Minister Mohammed Mustafa al-Jibouri`,
/// `France's Pernod`: a name after a capitalised owner's possessive is the name, of that owner
/// (its affiliation; a country's name that is no person's is a company's). Nothing when the
/// owner is not capitalised (`the government's Cabinet Office`) or the name says nothing of
/// its own (`St Fintian's High School`).
fn owned_name(src: &str, full: &str) -> Option<SourceInfo> {
    let (p, mark) = ["'s ", "’s "]
        .iter()
        .filter_map(|m| full.find(m).map(|p| (p, m.len())))
        .min()?;
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
    let person_owner = owner_words.iter().any(|w| {
        matches!(
            w.trim_end_matches('.'),
            "St" | "Sir" | "Mr" | "Mrs" | "Ms" | "Dr" | "Lord" | "Lady" | "Dame"
        )
    });
    let rest = trim_punct(&full[p + mark..]);
    let first_rest = rest.split_whitespace().next().unwrap_or("");
    // `Lord Hutton's inquiry into the death of Dr David Kelly`: whose inquiry it is says who.
    if capitalised && !person_owner_is_saint(&owner_words) {
        let whose = first_rest.to_lowercase();
        if REPORT_NOUNS.contains(&whose.as_str())
            || matches!(whose.as_str(), "inquiry" | "review" | "investigation")
        {
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

/// Analyse the text of a source span.
pub fn analyze(src: &str) -> SourceInfo {
    let full = trim_punct(src);
    // `Mr Mallon's claim`: the source is the name, not its possessive.
    let full = ["'s", "’s"]
        .iter()
        .find_map(|p| full.strip_suffix(p))
        .filter(|n| n.split_whitespace().last().is_some_and(is_cap))
        .unwrap_or(full);
    // `Culture Secretary Tessa Jowell on Tuesday`: when they spoke is not who they are.
    let full = without_time(full);
    let off = full.as_ptr() as usize - src.as_ptr() as usize;
    let mut info = SourceInfo {
        name: full.to_string(),
        name_range: (off, off + full.len()),
        role: None,
        affiliation: None,
        kind: SourceType::Unknown,
        person_pronoun: false,
        pronoun: false,
        antecedent: None,
        unnamed: false,
        truncated: false,
        speaks_for: false,
        members: Vec::new(),
    };
    // (What is left of `September this year`, `Data on Wednesday`, is a date, no one's name;
    // months that are also names, `May`, `June`, stay names.)
    if matches!(
        full,
        "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
            | "January"
            | "February"
            | "March"
            | "September"
            | "October"
            | "November"
            | "December"
    ) {
        return info;
    }
    // `Richardson, via USA Today,`, `a WeWork spokesperson when contacted by Reuters`: the
    // outlet carried the words; the source is who said them.
    const MEDIUM: &[&str] = &[
        ", via ",
        " when contacted by ",
        " when reached by ",
        " contacted by ",
        " in an interview with ",
        " speaking to ",
    ];
    if let Some(p) = MEDIUM.iter().filter_map(|m| full.find(m)).min() {
        let before = trim_punct(&full[..p]);
        if !before.is_empty() {
            return within(src, before, analyze(before));
        }
    }
    let lower = full.to_lowercase();
    if PRONOUNS_PERSON.contains(&lower.as_str()) {
        info.kind = SourceType::Person;
        info.person_pronoun = true;
        return info;
    }
    if PRONOUNS_OTHER.contains(&lower.as_str()) {
        info.pronoun = true;
        return info;
    }
    if is_person_description(&lower) {
        info.kind = SourceType::Person;
        info.person_pronoun = true;
        return info;
    }
    if let Some(body) = spokesperson_for(src, full) {
        return body;
    }
    let ws = words(full);
    let w = |k: usize| &full[ws[k].0..ws[k].1];
    // `a report from X` / `an earlier report in`: the real source follows the preposition.
    // (`The report, published by Human Rights Watch`: a participle may come between.)
    // (Capitalised after the first word, the noun is part of a name: `the Centre for the
    // Study of Children`.)
    if let Some(k) = (0..ws.len()).find(|&k| {
        let x = trim_punct(w(k));
        REPORT_NOUNS.contains(&x.to_lowercase().as_str()) && (k == 0 || !is_cap(x))
    }) {
        let j = if k + 1 < ws.len() && PUBLISHING_PARTICIPLES.contains(&trim_punct(w(k + 1))) {
            k + 1
        } else {
            k
        };
        if j + 1 < ws.len() && matches!(w(j + 1), "from" | "in" | "by" | "on" | "of" | "at") {
            if j + 2 >= ws.len() {
                info.truncated = true;
                info.kind = SourceType::Unknown;
                return info;
            }
            let rest_start = ws[j + 2].0;
            let rest = &full[rest_start..];
            let mut inner = analyze(rest);
            // `A poll by Ipsos`: pollsters and research bodies are organisations.
            let research = matches!(
                trim_punct(w(k)).to_lowercase().as_str(),
                "poll" | "survey" | "study"
            );
            // (One capitalised word, or several joined by `and`: `Earthlink and Webroot`.)
            let makers = words(rest).iter().enumerate().all(|(j, &(a, b))| {
                let x = trim_punct(&rest[a..b]);
                if j % 2 == 1 {
                    x == "and"
                } else {
                    is_cap(x)
                }
            });
            if research
                && makers
                && words(rest).len() % 2 == 1
                && matches!(
                    inner.kind,
                    SourceType::Person | SourceType::Group | SourceType::Unknown
                )
            {
                inner.kind = SourceType::Organization;
            }
            return within(src, rest, inner);
        } else if k + 1 >= ws.len() {
            // `reports`, `a report`, `an earlier report`: nothing names who reported.
            info.kind = SourceType::Vague;
            return info;
        }
    }
    // (`Liam Fox`, `Mr Fox`: an outlet's name closing a longer name is not the outlet.)
    let outlet = outlets::find_in(full).filter(|&(_, _, a, b)| !closes_a_name(full, a, b));
    if let Some((canon, country, a, b)) = outlet {
        // `BBC correspondent Peter Hunt`, `Bruce Snyder, president of … at 20th Century Fox`:
        // a person who works for the outlet.
        if let Some((na, nb)) = person_around(full, a, b) {
            info.kind = SourceType::Person;
            info.name = full[na..nb].to_string();
            info.name_range = (off + na, off + nb);
            let role = if na == 0 {
                trim_punct(&full[nb..])
            } else {
                trim_punct(&full[..na])
            };
            // (`CNN's Jake Tapper`: the outlet alone is no role.)
            let outlet_only = role
                .strip_suffix("'s")
                .or_else(|| role.strip_suffix("’s"))
                .is_some_and(|r| r == &full[a..b]);
            info.role = (!role.is_empty() && !outlet_only).then(|| role.to_string());
            info.affiliation = Some(canon.to_string());
            return info;
        }
        info.kind = SourceType::Outlet;
        info.name = canon.to_string();
        info.name_range = (off + a, off + b);
        info.affiliation = Some(country.to_string());
        let before = trim_punct(&full[..a]);
        // A short description (`the Italian news daily`), not a whole clause.
        if !before.is_empty()
            && before.to_lowercase() != "the"
            && words(before).len() <= 5
            && !before.contains(',')
        {
            info.role = Some(before.to_string());
        }
        return info;
    }
    // `the Italian news daily Corriere della Sera`: an outlet noun followed by a name.
    if let Some(k) = (0..ws.len())
        .rev()
        .find(|&k| outlets::OUTLET_NOUNS.contains(&w(k).to_lowercase().as_str()))
    {
        // `Stuff Magazine`, `Nation Radio`: a capitalised outlet noun closing a name.
        if k + 1 == ws.len() && k > 0 && is_cap(w(k)) && is_cap(trim_punct(w(k - 1))) {
            let mut first = k - 1;
            while first > 0 && is_cap(trim_punct(w(first - 1))) {
                first -= 1;
            }
            let a = ws[first].0;
            info.kind = SourceType::Outlet;
            info.name = trim_punct(&full[a..]).to_string();
            info.name_range = (off + a, off + full.len());
            return info;
        }
        if k + 1 < ws.len() && is_cap(w(k + 1)) {
            let a = ws[k + 1].0;
            // `Ian Harris, deputy editor of UK magazine Mac Format,`: the outlet's person.
            if let Some((na, nb)) = person_around(full, ws[k].0, a) {
                let outlet = trim_punct(&full[a..]);
                info.kind = SourceType::Person;
                info.name = full[na..nb].to_string();
                info.name_range = (off + na, off + nb);
                let role = trim_punct(&full[nb..]);
                info.role = (!role.is_empty()).then(|| role.to_string());
                info.affiliation = Some(outlet.to_string());
                return info;
            }
            info.kind = SourceType::Outlet;
            info.name = trim_punct(&full[a..]).to_string();
            info.name_range = (off + a, off + full.len());
            info.role = Some(trim_punct(&full[..a]).to_string());
            info.affiliation = (0..k)
                .find_map(|j| outlets::nationality(w(j)))
                .map(str::to_string);
            return info;
        }
    }
    // Parties by their members' name (`the Tories`, `the Lib Dems`).
    let bare = full
        .strip_prefix("the ")
        .or_else(|| full.strip_prefix("The "))
        .unwrap_or(full);
    if PARTIES.contains(&bare) {
        info.kind = SourceType::Organization;
        return info;
    }
    if let Some(country) = outlets::government(full).or_else(|| outlets::country(full)) {
        info.kind = SourceType::Government;
        info.affiliation = Some(country.to_string());
        return info;
    }
    if let Some(owned) = owned_name(src, full) {
        return owned;
    }
    // A dash aside: `Gerry Conlon - who was wrongly convicted -`, `Jane Doe — a lawyer —`.
    if let Some(c) = [" - ", " -- ", " – ", " — "]
        .iter()
        .filter_map(|d| full.find(d))
        .min()
    {
        let before = trim_punct(&full[..c]);
        // `One of the men, Gerry Conlon - who … -`: the name closes an appositive.
        let (lead, name) = match before.rfind(", ") {
            Some(k) => (Some(trim_punct(&before[..k])), trim_punct(&before[k + 1..])),
            None => (None, before),
        };
        if !name.is_empty() && words(name).iter().all(|&(a, b)| is_cap(&name[a..b])) {
            let aside = full[c..].trim_matches(|c: char| c.is_whitespace() || "-–—".contains(c));
            let mut inner = within(src, name, analyze(name));
            let clause = aside
                .split_whitespace()
                .next()
                .is_some_and(|w| matches!(w, "who" | "which" | "whose" | "whom" | "that"));
            if matches!(inner.kind, SourceType::Unknown | SourceType::Person) {
                inner.kind = SourceType::Person;
                let role = lead
                    .filter(|l| !l.is_empty())
                    .or((!clause && !aside.is_empty()).then_some(aside));
                if let (Some(role), None) = (role, &inner.role) {
                    inner.role = Some(role.to_string());
                    inner.affiliation = inner.affiliation.or_else(|| affiliation_of(role));
                }
            }
            return inner;
        }
    }
    // Appositive: `Richard Butler, the former head of the U.N. ... program`.
    if let Some(c) = full.find(", ") {
        let (name, role) = (trim_punct(&full[..c]), trim_punct(&full[c + 1..]));
        let aged = role;
        let role = without_age(role);
        // `Cowell, 54`: a name and an age.
        if role.is_empty() && !aged.is_empty() && !name.is_empty() {
            let mut inner = within(src, name, analyze(name));
            if inner.kind == SourceType::Unknown {
                inner.kind = SourceType::Person;
            }
            return inner;
        }
        // `Nike, whose products are endorsed by …`: a relative clause says something about
        // the source; it is not a role.
        let relative = role
            .split_whitespace()
            .next()
            .is_some_and(|w| matches!(w, "who" | "whose" | "which" | "that"));
        if relative && !name.is_empty() {
            return within(src, name, analyze(name));
        }
        // `The director of public prosecutions, Ken Macdonald`: the name follows the role.
        // (`Director, David Caldwell,`: a bare title word before the name is one too.)
        let described = name.starts_with(|c: char| c.is_lowercase())
            || name.starts_with("The ") && words(name).len() > 1
            || !name.contains(' ')
                && (TITLE_WORDS.contains(&name)
                    || PERSON_ROLE_NOUNS.contains(&name.to_lowercase().as_str()));
        let named = words(role).len() >= 2
            && words(role).iter().all(|&(a, b)| {
                let x = trim_punct(&role[a..b]);
                is_cap(x) && !ORG_WORDS.contains(&x)
            });
        if described && named && !role.contains(", ") {
            let mut inner = within(src, role, analyze(role));
            if matches!(inner.kind, SourceType::Unknown | SourceType::Person) {
                inner.kind = SourceType::Person;
                inner.role = Some(name.to_string());
                inner.affiliation = inner.affiliation.or_else(|| affiliation_of(name));
            }
            return inner;
        }
        if !name.is_empty()
            && words(name).iter().all(|&(a, b)| is_cap(&name[a..b]))
            && !role.is_empty()
        {
            let mut inner = within(src, name, analyze(name));
            if matches!(inner.kind, SourceType::Unknown | SourceType::Person) {
                inner.kind = SourceType::Person;
                inner.role = Some(match inner.role.take() {
                    Some(r) => format!("{r}, {role}"),
                    None => role.to_string(),
                });
                inner.affiliation = inner.affiliation.or_else(|| affiliation_of(role));
            }
            return inner;
        }
    }
    // `Yes campaign chairman John Tomaney`: a person's role noun right before a name of two
    // or more words makes a person, whatever organisation the role names.
    if let Some(k) = (1..ws.len().saturating_sub(1)).rev().find(|&k| {
        PERSON_ROLE_NOUNS.contains(&w(k - 1))
            && !full[..ws[k].0].contains(',')
            && (k..ws.len()).all(|j| {
                let x = trim_punct(w(j));
                // (A title word may close a name: `governor Mervyn King`.)
                is_cap(x) && (j > k || !TITLE_WORDS.contains(&x)) && !ORG_WORDS.contains(&x)
            })
    }) {
        let (a, b) = (ws[k].0, ws[ws.len() - 1].1);
        let role = trim_punct(&full[..a]);
        info.name = trim_punct(&full[a..b]).to_string();
        info.name_range = (off + a, off + a + info.name.len());
        info.kind = SourceType::Person;
        info.role = Some(role.to_string());
        info.affiliation = affiliation_of(role);
        return info;
    }
    // `Finnish security firm F-Secure`, `Dutch firm Heineken`: a company noun right before a
    // name; the name is the organisation, the words before describe it.
    if let Some(k) = (1..ws.len()).find(|&k| {
        (COMPANY_HEADS.contains(&w(k - 1)) || w(k - 1) == "group")
            && !full[..ws[k].0].contains(',')
            // (`Brett Lock of gay group OutRage!` is Brett Lock.)
            && !full[..ws[k].0].contains(" of ")
            && (k..ws.len()).all(|j| is_cap(trim_punct(w(j))))
    }) {
        // (`Internet service provider (ISP) Plus.net`: the bracketed acronym is the noun's.)
        let k = match full[ws[k].0..ws[k].1].starts_with('(') && k + 1 < ws.len() {
            true => k + 1,
            false => k,
        };
        let (a, b) = (ws[k].0, ws[ws.len() - 1].1);
        let role = trim_punct(&full[..a]);
        let name = trim_punct(&full[a..b]);
        let na = name.as_ptr() as usize - full.as_ptr() as usize;
        info.name = name.to_string();
        info.name_range = (off + na, off + na + name.len());
        info.kind = SourceType::Organization;
        info.role = Some(role.to_string());
        info.affiliation = affiliation_of(role);
        return info;
    }
    // `Paul Hofheinz of the Lisbon Council`: a person's full name (a known given name first),
    // then where they work.
    if let Some(k) = (2..ws.len().saturating_sub(1)).find(|&k| matches!(w(k), "of" | "at" | "from"))
    {
        let name = trim_punct(&full[..ws[k - 1].1]);
        // (What follows a comma describes the place: `…, a Brussels-based citizen group`.)
        let rest = &full[ws[k + 1].0..];
        // (`of Wells Fargo in Minneapolis`: the city is where, not who.)
        let place = rest.split(", ").next().unwrap_or(rest);
        let place = trim_punct(place.split(" in ").next().unwrap_or(place));
        let place = place.strip_prefix("the ").unwrap_or(place);
        if words(name).iter().all(|&(a, b)| is_cap(&name[a..b]))
            && crate::gender::is_given_name(w(0))
            && is_cap(place)
        {
            info.name = name.to_string();
            info.name_range = (off, off + name.len());
            info.kind = SourceType::Person;
            info.affiliation = Some(place.to_string());
            return info;
        }
    }
    // The head noun: the last word, or the one before `of` (`Critics of the measure`) or a
    // phrase placing it (`Sources close to the investigation`, `officials in Kabul`).
    let head_part = [
        " of ",
        " close to ",
        " familiar with ",
        " in ",
        " at ",
        " from ",
    ]
    .iter()
    .filter_map(|m| full.find(m))
    .min()
    .filter(|&p| !full[..p].ends_with(|c: char| c.is_uppercase()))
    .map_or(full, |p| &full[..p]);
    let head = head_part
        .split_whitespace()
        .rev()
        .map(str::to_lowercase)
        .find(|x| x.chars().any(char::is_alphabetic));
    let first = ws
        .first()
        .map(|&(a, b)| full[a..b].to_lowercase())
        .unwrap_or_default();
    // `a senior government source`: an unnamed source, whoever employs it.
    let unnamed_source = head
        .as_deref()
        .is_some_and(|h| matches!(h, "source" | "sources" | "insider" | "insiders"));
    // `The former police chief`: one person holding a government office (a spokesman or an
    // official speaks for the body, which stays the source's type).
    let office_holder = head.as_deref().is_some_and(|h| {
        PERSON_ROLE_NOUNS.contains(&h)
            && !matches!(
                h,
                "spokesman" | "spokeswoman" | "spokesperson" | "official" | "officer"
            )
    });
    if (GOV_WORDS.iter().any(|g| full.contains(g)) || GOV_NAMES.iter().any(|g| full.ends_with(g)))
        && !unnamed_source
        && !office_holder
    {
        info.kind = SourceType::Government;
        info.affiliation = affiliation_of(full).or_else(|| place_in(full));
        return info;
    }
    if head.as_deref().is_some_and(|h| VAGUE_HEADS.contains(&h))
        || matches!(first.as_str(), "some" | "many" | "several" | "a" | "an")
            && !is_cap(w(ws.len() - 1))
    {
        info.kind = SourceType::Vague;
        info.affiliation = affiliation_of(full);
        return info;
    }
    // `the group` stands for the organisation named before, like `the firm` (but `a group
    // of MPs` is no organisation).
    if matches!(full, "the group" | "The group") {
        info.kind = SourceType::Organization;
        info.unnamed = true;
        return info;
    }
    // `the central bank`, `Ms Ardern's office`: a common noun naming an organisation heads it
    // (`the head of the agency` is headed by `head`).
    if head
        .as_deref()
        .is_some_and(|h| COMPANY_HEADS.contains(&h) || BODY_HEADS.contains(&h))
    {
        info.kind = SourceType::Organization;
        info.affiliation = affiliation_of(full);
        // `the airline`, `the firm`: the organisation named before, like `it`.
        // (`The global sports giant`, `the Japanese car maker` too, but not `the central
        // bank`, `the news agency`: those name one of their own.)
        let h = head.as_deref().unwrap_or("");
        info.unnamed = first == "the"
            && COMPANY_HEADS.contains(&h)
            && (ws.len() == 2 || ws.len() <= 5 && !matches!(h, "bank" | "agency" | "club"));
        return info;
    }
    // `President Castro's chief aide`, `the head of the agency`, `the Bishop`: an unnamed
    // person (`the Scottish Executive` is no executive).
    let head_word = head_part
        .split_whitespace()
        .last()
        .map(trim_punct)
        .unwrap_or("");
    let role_head = PERSON_ROLE_NOUNS.contains(&head_word) && head_word != "star"
        || TITLE_WORDS.contains(&head_word)
            && ws.len() == 2
            && matches!(first.as_str(), "the")
            && head_word.ends_with(|c: char| c.is_lowercase());
    // (An organisation word in the head's own phrase makes a body, `the Party leadership`;
    // after `of` it is whose role it is: `The chairman of the Conservative Party`.)
    if role_head
        && !head_part
            .split_whitespace()
            .any(|x| ORG_WORDS.contains(&trim_punct(x)))
    {
        info.kind = SourceType::Person;
        info.role = Some(full.to_string());
        info.affiliation = affiliation_of(full);
        info.unnamed = true;
        return info;
    }
    // (`Clarence House`, `Band Aid`, `Universal Pictures`: a word that closes organisation
    // names, after a capitalised word.)
    // (`Johnson & Johnson`, `Marks & Spencer`: an ampersand between capitalised words.)
    let ampersand = (1..ws.len().saturating_sub(1))
        .find(|&k| w(k) == "&" && is_cap(w(k - 1)) && is_cap(w(k + 1)));
    if let Some(k) = ampersand {
        // The name is the capitalised run around it; the words before it describe it.
        let mut a = k - 1;
        while a > 0 && is_cap(trim_punct(w(a - 1))) && !TITLE_WORDS.contains(&w(a - 1)) {
            a -= 1;
        }
        let mut b = k + 1;
        while b + 1 < ws.len() && is_cap(trim_punct(w(b + 1))) {
            b += 1;
        }
        let name = trim_punct(&full[ws[a].0..ws[b].1]);
        info.name = name.to_string();
        info.name_range = (off + ws[a].0, off + ws[a].0 + name.len());
        let role = trim_punct(&full[..ws[a].0]);
        info.role = (!role.is_empty() && role.to_lowercase() != "the").then(|| role.to_string());
    }
    let org_end = ampersand.is_some()
        || ws.len() >= 2
            && ORG_NAME_ENDS.contains(&trim_punct(w(ws.len() - 1)))
            && is_cap(w(ws.len() - 2));
    // `Home Office Minister Hazel Blears`: a title and a given name after an organisation's
    // words are a person of it.
    let titled_person = (0..ws.len().saturating_sub(1)).any(|k| {
        TITLE_WORDS.contains(&trim_punct(w(k)))
            && crate::gender::is_given_name(trim_punct(w(k + 1)))
            && (k + 1..ws.len()).all(|j| {
                let x = trim_punct(w(j));
                is_cap(x) && !ORG_WORDS.contains(&x)
            })
    });
    if (org_end
        || ORG_WORDS
            .iter()
            .any(|o| ws.iter().any(|&(a, b)| trim_punct(&full[a..b]) == *o)))
        && !titled_person
    {
        info.kind = SourceType::Organization;
        info.affiliation = affiliation_of(full);
        return info;
    }
    // Title + name: the last run of capitalised non-title words is the name.
    let mut end = ws.len();
    while end > 0 && !is_cap(trim_punct(w(end - 1))) {
        end -= 1;
    }
    let mut start = end;
    while start > 0 {
        let x = trim_punct(w(start - 1));
        if is_cap(x) && !TITLE_WORDS.contains(&x) && outlets::nationality(x).is_none() {
            start -= 1;
        } else {
            break;
        }
    }
    if start < end && end == ws.len() {
        let (a, b) = (ws[start].0, ws[end - 1].1);
        info.name = trim_punct(&full[a..b]).to_string();
        info.name_range = (off + a, off + b);
        if start > 0 {
            // The role is the run of title words right before the name (`Russian Deputy
            // Foreign Minister`), not whatever else the span holds (`The same day`).
            // Past the first title word, capitalised words and a few job modifiers belong
            // to it too (`Home Secretary`, `Tory leader`, `campaign chairman`).
            let mut rs = start;
            let mut titled = false;
            while rs > 0 && start - rs < 8 {
                let raw = w(rs - 1);
                let x = trim_punct(raw);
                let title = TITLE_WORDS.contains(&x)
                    || PERSON_ROLE_NOUNS.contains(&x)
                    || outlets::nationality(x).is_some();
                let modifier = titled
                    && !raw.ends_with(',')
                    && (is_cap(x) && !x.ends_with("'s") && !x.ends_with("’s")
                        || JOB_MODIFIERS.contains(&x));
                if title
                    || modifier
                    || matches!(x, "former" | "then" | "of" | "the" | "acting" | "top")
                        && rs < start
                {
                    rs -= 1;
                    titled |= title;
                } else {
                    break;
                }
            }
            while rs < start && matches!(trim_punct(w(rs)), "of" | "the") {
                rs += 1;
            }
            if rs < start {
                let role = trim_punct(&full[ws[rs].0..a]);
                info.role = Some(role.to_string());
                info.affiliation = affiliation_of(role);
            }
            info.kind = SourceType::Person;
        } else if ws.len() >= 2 || words(&info.name).len() == 1 {
            info.kind = SourceType::Person;
        }
        // `state statistics body INSEE`: an acronym names an organisation, not a person.
        let acronym = |n: &str| {
            n.len() >= 2
                && !n.contains(' ')
                && n.chars().all(|c| c.is_ascii_uppercase() || c == '&')
        };
        // Nor are brand-shaped words (`T-Mobile`, `O2`, `3M`) persons; a web address is an
        // outlet (`Latinohiphopradio.com`).
        let brand = |n: &str| {
            !n.contains(' ')
                && (n.chars().any(|c| c.is_ascii_digit())
                    || n.split_once('-').is_some_and(|(a, b)| {
                        a.len() == 1 && b.starts_with(|c: char| c.is_uppercase())
                    }))
        };
        let web = [".com", ".co.uk", ".org", ".net", ".biz"]
            .iter()
            .any(|d| info.name.to_lowercase().ends_with(d));
        if info.kind == SourceType::Person && (acronym(&info.name) || brand(&info.name)) {
            info.kind = SourceType::Organization;
            info.role = None;
        }
        // `The MPs`: a plural acronym is a group.
        let last = info.name.rsplit(' ').next().unwrap_or("");
        if info.kind == SourceType::Person
            && matches!(info.name.split(' ').count(), 1 | 2)
            && (info.name.split(' ').count() == 1 || info.name.starts_with("The "))
            && last.strip_suffix('s').is_some_and(acronym)
        {
            info.kind = SourceType::Group;
            info.role = None;
        }
        if web {
            info.kind = SourceType::Outlet;
        }
        if (ws.len() - start) >= 1
            && full.ends_with('s')
            && start == 0
            && ws.len() == 1
            && !is_cap(&full[1..])
        {
            info.kind = SourceType::Group;
        }
        return info;
    }
    if full.ends_with('s') && ws.len() <= 3 {
        info.kind = SourceType::Group;
    }
    info.affiliation = affiliation_of(full);
    info
}

/// The country or body a role belongs to: a nationality adjective or `of the U.N.`.
pub fn affiliation_of(role: &str) -> Option<String> {
    for (a, b) in words(role) {
        let x = trim_punct(&role[a..b]);
        if let Some(c) = outlets::nationality(x) {
            return Some(c.to_string());
        }
        let x2 = x.split(['-', '/']).next().unwrap_or(x);
        if let Some(c) = outlets::nationality(x2) {
            return Some(c.to_string());
        }
    }
    None
}

/// `police in the Czech Republic` → `Czech Republic`.
fn place_in(s: &str) -> Option<String> {
    let p = s.find(" in ")?;
    let rest = trim_punct(&s[p + 4..]);
    let rest = rest.strip_prefix("the ").unwrap_or(rest);
    is_cap(rest).then(|| rest.to_string())
}

/// `45, a former soldier from Leeds` → `a former soldier from Leeds`: an age set off after a
/// name is not part of the role.
/// Regions that speak through their governments (`Europe blames US over weak dollar`).
const REGIONS: &[&str] = &[
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

/// `name` without a closing time phrase: `… on Friday`, `… in June`, `… last week`,
/// `… yesterday`.
fn without_time(name: &str) -> &str {
    const LEADS: &[&str] = &["on", "in", "last", "this", "earlier", "late", "early"];
    let ws = words(name);
    if let Some(&(a, b)) = ws.last() {
        let last = trim_punct(&name[a..b]).to_lowercase();
        if matches!(last.as_str(), "yesterday" | "today" | "tonight") && ws.len() >= 2 {
            return trim_punct(&name[..a]);
        }
        if ws.len() >= 3 && (TIME_NOUNS.contains(&last.as_str()) || MONTHS.contains(&last.as_str()))
        {
            let lead = trim_punct(&name[ws[ws.len() - 2].0..ws[ws.len() - 2].1]);
            // (`the head of Universal Music until last year`: the time belongs to the role.)
            let before = trim_punct(&name[ws[ws.len() - 3].0..ws[ws.len() - 3].1]);
            let bound = matches!(
                before.to_lowercase().as_str(),
                "until"
                    | "till"
                    | "since"
                    | "from"
                    | "by"
                    | "of"
                    | "for"
                    | "to"
                    | "before"
                    | "after"
                    | "during"
            );
            if LEADS.contains(&lead.to_lowercase().as_str()) && !bound {
                return trim_punct(&name[..ws[ws.len() - 2].0]);
            }
        }
    }
    name
}

fn without_age(role: &str) -> &str {
    let digits = role.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=3).contains(&digits) {
        return role;
    }
    match role[digits..].strip_prefix(',') {
        Some(rest) => trim_punct(rest),
        None if role.len() == digits => "",
        None => role,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_company_noun_before_a_name_and_a_person_of_a_body() {
        let i = analyze("Finnish security firm F-Secure");
        assert_eq!(
            (i.name.as_str(), i.kind, i.role.as_deref()),
            (
                "F-Secure",
                SourceType::Organization,
                Some("Finnish security firm")
            )
        );
        let i = analyze("Bank of England governor Mervyn King");
        assert_eq!(
            (i.name.as_str(), i.kind, i.role.as_deref()),
            (
                "Mervyn King",
                SourceType::Person,
                Some("Bank of England governor")
            )
        );
        for (src, name, place) in [
            (
                "Paul Hofheinz of the Lisbon Council, a Brussels-based citizen action group,",
                "Paul Hofheinz",
                "Lisbon Council",
            ),
            (
                "Brian Taylor of Wells Fargo in Minneapolis",
                "Brian Taylor",
                "Wells Fargo",
            ),
            ("Anthony Pratt from JD Power", "Anthony Pratt", "JD Power"),
        ] {
            let i = analyze(src);
            assert_eq!(i.name, name, "{src}");
            assert_eq!(i.kind, SourceType::Person, "{src}");
            assert_eq!(i.affiliation.as_deref(), Some(place), "{src}");
        }
        // No given name, no person: `Bank of America`.
        assert_ne!(analyze("Bank of America").kind, SourceType::Person);
    }

    #[test]
    fn when_they_spoke_and_names_of_bodies_are_not_who_spoke() {
        for (src, name, role) in [
            (
                "Chief Executive Martin Sorrell on Friday",
                "Martin Sorrell",
                Some("Chief Executive"),
            ),
            ("Mr Hilton on Tuesday", "Mr Hilton", None),
            ("Mr Straw last week", "Mr Straw", None),
            (
                "Director, David Caldwell,",
                "David Caldwell",
                Some("Director"),
            ),
            (
                "Dr Andrew Burn, associate director of the Centre for the Study of Children, \
                 Youth and Media",
                "Dr Andrew Burn",
                Some("associate director of the Centre for the Study of Children, Youth and Media"),
            ),
            (
                "Tim Renner, the head of Universal Music until last year,",
                "Tim Renner",
                Some("the head of Universal Music until last year"),
            ),
        ] {
            let i = analyze(src);
            assert_eq!(i.name, name, "{src}");
            assert_eq!(&src[i.name_range.0..i.name_range.1], name, "{src}");
            assert_eq!(i.kind, SourceType::Person, "{src}");
            assert_eq!(i.role.as_deref(), role, "{src}");
        }
        // A date left alone names no one; `My view` is the writer's.
        assert_eq!(analyze("September this year").kind, SourceType::Unknown);
        assert!(analyze("My").pronoun);
    }

    #[test]
    fn a_name_before_a_dash_aside() {
        let src = "Gerry Conlon - who was wrongly convicted of planting the bombs -";
        let i = analyze(src);
        assert_eq!(i.name, "Gerry Conlon");
        assert_eq!(&src[i.name_range.0..i.name_range.1], "Gerry Conlon");
        assert_eq!(i.kind, SourceType::Person);
        assert_eq!(i.role, None);
        for (src, name, role) in [
            (
                "BBC correspondent Peter Hunt",
                "Peter Hunt",
                "BBC correspondent",
            ),
            (
                "The BBC's correspondent in Jakarta, Rachel Harvey,",
                "Rachel Harvey",
                "The BBC's correspondent in Jakarta",
            ),
            (
                "Bruce Snyder, president of distribution at 20th Century Fox",
                "Bruce Snyder",
                "president of distribution at 20th Century Fox",
            ),
            (
                "Mr Jones, 45, a former soldier from Leeds,",
                "Mr Jones",
                "a former soldier from Leeds",
            ),
        ] {
            let i = analyze(src);
            assert_eq!(i.kind, SourceType::Person, "{src}");
            assert_eq!(
                (i.name.as_str(), i.role.as_deref()),
                (name, Some(role)),
                "{src}"
            );
            assert_eq!(&src[i.name_range.0..i.name_range.1], name);
        }
        assert_eq!(
            analyze("Liam Fox, Tory co-chairman,").kind,
            SourceType::Person
        );
        let i = analyze("Tory co-chairman Liam Fox");
        assert_eq!((i.name.as_str(), i.kind), ("Liam Fox", SourceType::Person));
        assert_eq!(analyze("the Financial Times").kind, SourceType::Outlet);
        assert_eq!(
            analyze("Pearson's Financial Times").kind,
            SourceType::Outlet
        );
        let mention = |start: usize, end: usize, kind: &str| Mention {
            span: according_core::Span::new(start, end),
            text: String::new(),
            kind: kind.to_string(),
        };
        let mut i = analyze("Athletics' ruling body the IAAF");
        retype_with_mentions(
            &mut i,
            "Athletics' ruling body the IAAF",
            100,
            &[mention(127, 131, "ORG")],
        );
        assert_eq!(
            (i.name.as_str(), i.kind),
            ("IAAF", SourceType::Organization)
        );
        let mut i = analyze("Labour MPs");
        let before = i.kind;
        retype_with_mentions(&mut i, "Labour MPs", 0, &[mention(0, 6, "ORG")]);
        assert_eq!(i.kind, before);
        // A recognised name reaching before the words taken for the name is the name.
        let src = "The British Chambers of Commerce";
        let mut i = analyze(src);
        retype_with_mentions(&mut i, src, 0, &[mention(4, 32, "ORG")]);
        assert_eq!(
            (i.name.as_str(), i.kind),
            ("British Chambers of Commerce", SourceType::Organization)
        );
        // A region speaks through its governments; another place stays what it was.
        let mut i = analyze("Europe");
        retype_with_mentions(&mut i, "Europe", 0, &[mention(0, 6, "LOC")]);
        assert_eq!(i.kind, SourceType::Government);
        let mut i = analyze("Isinbayeva");
        let before = i.kind;
        retype_with_mentions(&mut i, "Isinbayeva", 0, &[mention(0, 10, "LOC")]);
        assert_eq!(i.kind, before);
        let src = "analyst Nick Van den Brul of BNP Paribas";
        let mut i = analyze(src);
        let mut nick = mention(8, 25, "PERSON");
        nick.text = "Nick Van den Brul".into();
        let mut bnp = mention(29, 40, "ORG");
        bnp.text = "BNP Paribas".into();
        retype_with_mentions(&mut i, src, 0, &[nick, bnp]);
        assert_eq!(
            (i.name.as_str(), i.kind),
            ("Nick Van den Brul", SourceType::Person)
        );
        assert_eq!(i.affiliation.as_deref(), Some("BNP Paribas"));
        let i = analyze("a round-up compiled by Stuff Magazine");
        assert_eq!(
            (i.name.as_str(), i.kind),
            ("Stuff Magazine", SourceType::Outlet)
        );
        let i = analyze("One of the men, Gerry Conlon - who was wrongly convicted -");
        assert_eq!(i.name, "Gerry Conlon");
        assert_eq!(i.role.as_deref(), Some("One of the men"));
        let i = analyze("Jane Doe — a lawyer for the family —");
        assert_eq!(i.name, "Jane Doe");
        assert_eq!(i.role.as_deref(), Some("a lawyer for the family"));
    }

    #[test]
    fn titles_names_and_affiliations() {
        let i = analyze("Russian Deputy Foreign Minister Alexander Saltanov");
        assert_eq!(i.name, "Alexander Saltanov");
        assert_eq!(i.role.as_deref(), Some("Russian Deputy Foreign Minister"));
        assert_eq!(i.affiliation.as_deref(), Some("Russia"));
        assert_eq!(i.kind, SourceType::Person);
        let i = analyze(
            "Richard Butler, the former head of the U.N. weapons-inspection program in Iraq",
        );
        assert_eq!(i.name, "Richard Butler");
        assert_eq!(
            i.role.as_deref(),
            Some("the former head of the U.N. weapons-inspection program in Iraq")
        );
        assert_eq!(i.affiliation.as_deref(), Some("U.N."));
    }

    #[test]
    fn outlets_vague_and_truncated() {
        let i = analyze("the Italian news daily Corriere della Sera");
        assert_eq!(
            (i.name.as_str(), i.kind, i.affiliation.as_deref()),
            ("Corriere della Sera", SourceType::Outlet, Some("Italy"))
        );
        let i = analyze("a report from Radio Free Europe/Radio Liberty");
        assert_eq!(
            (i.name.as_str(), i.kind),
            ("Radio Free Europe/Radio Liberty", SourceType::Outlet)
        );
        assert!(analyze("an earlier report in").truncated);
        assert_eq!(analyze("officials").kind, SourceType::Vague);
        assert_eq!(analyze("reports").kind, SourceType::Vague);
        assert_eq!(
            analyze("police in the Czech Republic").kind,
            SourceType::Government
        );
        assert!(analyze("he").person_pronoun);
    }

    #[test]
    fn definite_descriptions_and_relative_asides() {
        for d in [
            "the Dutchman",
            "The 31-year-old",
            "the former champion",
            "the striker",
        ] {
            let i = analyze(d);
            assert!(i.person_pronoun && i.kind == SourceType::Person, "{d}");
        }
        for d in ["the sprinters", "the year-old", "the company"] {
            assert!(!analyze(d).person_pronoun, "{d}");
        }
        assert_eq!(analyze("Number 10").kind, SourceType::Government);
        // A relative clause is no role.
        let i = analyze("Mr Howard, whose grandmother died in Auschwitz,");
        assert_eq!((i.name.as_str(), i.role), ("Mr Howard", None));
    }

    #[test]
    fn roles_parties_and_unnamed_people() {
        let i = analyze("Yes campaign chairman John Tomaney");
        assert_eq!(
            (i.kind, i.name.as_str()),
            (SourceType::Person, "John Tomaney")
        );
        assert_eq!(i.role.as_deref(), Some("Yes campaign chairman"));
        let i = analyze("The director of public prosecutions, Ken Macdonald");
        assert_eq!(
            (i.kind, i.name.as_str()),
            (SourceType::Person, "Ken Macdonald")
        );
        let i = analyze("President Castro's chief aide");
        assert!(i.kind == SourceType::Person && i.unnamed);
        assert!(!analyze("The Scottish Executive").unnamed);
        assert_eq!(analyze("The Tories").kind, SourceType::Organization);
        assert_eq!(analyze("Critics of the measure").kind, SourceType::Vague);
        assert_eq!(
            analyze("a senior government source").kind,
            SourceType::Vague
        );
        for src in ["the central bank", "Ms Ardern's office", "the agency"] {
            assert_eq!(analyze(src).kind, SourceType::Organization, "{src}");
        }
        assert_eq!(analyze("the head of the agency").kind, SourceType::Person);
        assert_eq!(analyze("The former police chief").kind, SourceType::Person);
        let i = analyze("The chairman of the Conservative Party");
        assert!(i.kind == SourceType::Person && i.unnamed);
        assert_eq!(analyze("a police spokesman").kind, SourceType::Government);
        let i = analyze("Pharmaceutical giant Johnson & Johnson");
        assert_eq!(
            (i.name.as_str(), i.kind, i.role.as_deref()),
            (
                "Johnson & Johnson",
                SourceType::Organization,
                Some("Pharmaceutical giant")
            )
        );
        assert!(analyze("the airline").unnamed && !analyze("the central bank").unnamed);
        assert!(analyze("The global sports giant").unnamed);
        let i = analyze("CBS Sports NFL Insider Jason La Canfora");
        assert_eq!(
            (i.name.as_str(), i.kind),
            ("Jason La Canfora", SourceType::Person)
        );
        assert_eq!(i.role.as_deref(), Some("CBS Sports NFL Insider"));
        let i = analyze("a WeWork spokesperson when contacted by Reuters");
        assert_eq!(i.name, "WeWork");
        for (src, name, outlet) in [
            (
                "Alex Horton of the Washington Post",
                "Alex Horton",
                "The Washington Post",
            ),
            (
                "Sui-Lee Wee of the New York Times",
                "Sui-Lee Wee",
                "The New York Times",
            ),
        ] {
            let i = analyze(src);
            assert_eq!((i.name.as_str(), i.kind), (name, SourceType::Person));
            assert_eq!(i.affiliation.as_deref(), Some(outlet));
        }
        let i = analyze("Richardson, via USA Today,");
        assert_eq!(i.name, "Richardson");
        let i = analyze("A recent survey by Earthlink and Webroot");
        assert_eq!(i.kind, SourceType::Organization);
        let i = analyze("Ian Harris, deputy editor of UK magazine Mac Format,");
        assert_eq!(
            (i.name.as_str(), i.kind),
            ("Ian Harris", SourceType::Person)
        );
        assert_eq!(i.affiliation.as_deref(), Some("Mac Format"));
        let i = analyze("A poll by Ipsos");
        assert_eq!(
            (i.name.as_str(), i.kind),
            ("Ipsos", SourceType::Organization)
        );
        let i = analyze("CNN's Jake Tapper");
        assert_eq!(
            (i.name.as_str(), i.kind),
            ("Jake Tapper", SourceType::Person)
        );
        assert_eq!(i.affiliation.as_deref(), Some("CNN"));
        assert_eq!(i.role, None);
        let i = analyze("the BBC's political editor Nick Robinson");
        assert_eq!(i.name, "Nick Robinson");
        assert_eq!(i.role.as_deref(), Some("the BBC's political editor"));
        let i = analyze("Cowell, 54,");
        assert_eq!((i.name.as_str(), i.kind), ("Cowell", SourceType::Person));
        let i = analyze("The report, published by Human Rights Watch,");
        assert_eq!(
            (i.name.as_str(), i.kind),
            ("Human Rights Watch", SourceType::Organization)
        );
        assert_eq!(
            analyze("Sources close to the investigation").kind,
            SourceType::Vague
        );
        assert_eq!(analyze("Mr Mallon's").name, "Mr Mallon");
        assert!(analyze("the world indoor champion").person_pronoun);
        assert_eq!(
            analyze("state statistics body INSEE").kind,
            SourceType::Organization
        );
        assert_eq!(analyze("the UK").kind, SourceType::Government);
        assert_eq!(analyze("T-Mobile").kind, SourceType::Organization);
        assert_eq!(analyze("Clarence House").kind, SourceType::Organization);
        assert_eq!(analyze("Band Aid").kind, SourceType::Organization);
        assert_eq!(analyze("The MPs").kind, SourceType::Group);
        assert_eq!(
            analyze("the World Food Programme").kind,
            SourceType::Organization
        );
        assert_eq!(
            analyze("The Scottish Executive").kind,
            SourceType::Government
        );
        assert_eq!(analyze("Latinohiphopradio.com").kind, SourceType::Outlet);
        assert!(!analyze("the party's leader").person_pronoun);
    }
    #[test]
    fn a_spokesperson_speaks_for_the_body_named() {
        for (src, body, kind, role) in [
            (
                "A Cabinet Office spokeswoman",
                "Cabinet Office",
                SourceType::Government,
                "spokeswoman",
            ),
            (
                "a spokesperson for Delta Airlines",
                "Delta Airlines",
                SourceType::Organization,
                "spokesperson",
            ),
            (
                "A spokesman for the UK Film Council",
                "UK Film Council",
                SourceType::Organization,
                "spokesman",
            ),
            (
                "a Vodafone spokesman",
                "Vodafone",
                SourceType::Organization,
                "spokesman",
            ),
            (
                "Microsoft's chief spokesman",
                "Microsoft",
                SourceType::Organization,
                "chief spokesman",
            ),
            (
                "A spokeswoman for Bat",
                "Bat",
                SourceType::Organization,
                "spokeswoman",
            ),
        ] {
            let i = analyze(src);
            assert_eq!((i.name.as_str(), i.kind), (body, kind), "{src}");
            assert_eq!(&src[i.name_range.0..i.name_range.1], body, "{src}");
            assert_eq!(i.role.as_deref(), Some(role), "{src}");
            assert!(i.speaks_for, "{src}");
        }
        // No body named, a person's name after, or a person as the body: as before.
        for src in [
            "a venue spokesman",
            "The prime minister's official spokesman",
            "Labour campaign spokesman Fraser Kemp",
            "a spokesman for Mr Blair",
        ] {
            assert!(!analyze(src).speaks_for, "{src}");
        }
        assert_eq!(analyze("a venue spokesman").kind, SourceType::Vague);
        assert_eq!(
            analyze("Labour campaign spokesman Fraser Kemp").name,
            "Fraser Kemp"
        );
    }

    #[test]
    fn government_names_and_titled_people_of_bodies() {
        for src in ["the Treasury", "The Home Office", "the Foreign Office"] {
            assert_eq!(analyze(src).kind, SourceType::Government, "{src}");
        }
        // A title before a person's name is no department.
        let i = analyze("US Treasury Secretary John Snow");
        assert_eq!((i.name.as_str(), i.kind), ("John Snow", SourceType::Person));
        let i = analyze("Home Office Minister Hazel Blears");
        assert_eq!(
            (i.name.as_str(), i.kind),
            ("Hazel Blears", SourceType::Person)
        );
        assert_eq!(i.role.as_deref(), Some("Home Office Minister"));
    }
    #[test]
    fn bracketed_acronyms_company_nouns_and_the_group() {
        let i = analyze("The International Monetary Fund (IMF)");
        assert_eq!(i.name, "The International Monetary Fund");
        let i = analyze("Swiss drugmaker Novartis");
        assert_eq!(
            (i.name.as_str(), i.kind),
            ("Novartis", SourceType::Organization)
        );
        assert_eq!(i.role.as_deref(), Some("Swiss drugmaker"));
        let i = analyze("Civil rights group Liberty");
        assert_eq!(
            (i.name.as_str(), i.role.as_deref()),
            ("Liberty", Some("Civil rights group"))
        );
        assert_eq!(analyze("WMC Resources").kind, SourceType::Organization);
        let i = analyze("the group");
        assert!(i.kind == SourceType::Organization && i.unnamed);
        assert!(!analyze("A group of MPs").unnamed);
    }

    #[test]
    fn a_nationality_after_an_honorific_is_a_surname() {
        let src = "Mr Irish";
        let mention = Mention {
            span: Span::new(3, 8),
            text: "Irish".into(),
            kind: "NORP".into(),
        };
        let mut i = analyze(src);
        retype_with_mentions(&mut i, src, 0, &[mention]);
        assert_eq!(i.kind, SourceType::Person);
    }
    #[test]
    fn a_name_after_an_owners_possessive_is_of_that_owner() {
        for (src, name, kind, affiliation) in [
            (
                "Deutsche Bank's Simon Champion",
                "Simon Champion",
                SourceType::Person,
                "Deutsche Bank",
            ),
            (
                "Britain's Kelly Holmes",
                "Kelly Holmes",
                SourceType::Person,
                "United Kingdom",
            ),
            (
                "France's Snecma",
                "Snecma",
                SourceType::Organization,
                "France",
            ),
            (
                "Iraq's Ministry of Communications",
                "Ministry of Communications",
                SourceType::Government,
                "Iraq",
            ),
        ] {
            let i = analyze(src);
            assert_eq!((i.name.as_str(), i.kind), (name, kind), "{src}");
            assert_eq!(&src[i.name_range.0..i.name_range.1], name, "{src}");
            assert_eq!(i.affiliation.as_deref(), Some(affiliation), "{src}");
        }
        // A possessive inside one name, a saint's, a lone role: no owner.
        for src in [
            "the US Trade Representative's Office",
            "St Fintian's High School",
            "Authenti-corp's CEO",
            "the government's Cabinet Office",
        ] {
            let i = analyze(src);
            assert!(
                !i.name.is_empty() && src.contains(&i.name),
                "{src}: {}",
                i.name
            );
            assert_ne!(i.name, src.rsplit("'s ").next().unwrap(), "{src}");
        }
    }
    #[test]
    fn whose_report_it_is_says_who() {
        let src = "Lord Hutton's inquiry into the death of Dr David Kelly";
        let i = analyze(src);
        assert_eq!(
            (i.name.as_str(), i.kind),
            ("Lord Hutton", SourceType::Person)
        );
        let src = "Internet service provider (ISP) Plus.net";
        let i = analyze(src);
        assert_eq!(i.name, "Plus.net");
        assert_eq!(&src[i.name_range.0..i.name_range.1], "Plus.net");
    }
}
