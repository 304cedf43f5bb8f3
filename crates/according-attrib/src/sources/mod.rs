//! Who a source is: its name, role/title, affiliation and type, from the words of the source
//! span (`Russian Deputy Foreign Minister Alexander Saltanov` → name `Alexander Saltanov`, role
//! `Russian Deputy Foreign Minister`, affiliation Russia, person).

use crate::boundaries::{MONTHS, TIME_NOUNS};
use crate::lexicon::VAGUE_HEADS;
use crate::outlets;
use crate::source_words::*;
use according_core::{Mention, SourceType, Span};

mod affiliation;
mod outlet_people;
mod owned;
mod retype;
mod spokesperson;
mod words;
pub(crate) use words::reads_as_clause;

pub use affiliation::affiliation_of;
use affiliation::*;
use outlet_people::*;
use owned::*;
pub use retype::{may_name_a_company, retype_by_content_pronoun, retype_with_mentions};
use spokesperson::*;
use words::*;

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

/// `info`, analysed from `part` (a slice of `src`), with its name range made relative to `src`.
fn within(src: &str, part: &str, mut info: SourceInfo) -> SourceInfo {
    let shift = part.as_ptr() as usize - src.as_ptr() as usize;
    info.name_range = (info.name_range.0 + shift, info.name_range.1 + shift);
    info
}

/// `The Times` alone is the `… Times` the article named before it (`the Tampa Bay Times …
/// the Times`), else the New York paper where the article names it (US reports say `The New
/// York Times reported`, then `the Times`), else the London paper (`The Times on Monday said`,
/// `told The Times`, as British reports name it).
fn which_times(info: &mut SourceInfo, src: &str, start: usize, text: &str) {
    const NYT: &str = "The New York Times";
    let named = |i: &SourceInfo| i.kind == SourceType::Outlet && i.name == NYT;
    if src.contains("New York") || !named(info) && info.affiliation.as_deref() != Some(NYT) {
        return;
    }
    let (name, country) = match times_named_before(text, start) {
        Some(n) if n.ends_with("New York Times") => return,
        Some(n) => match outlets::find_in(n) {
            Some((canon, country, ..)) if canon != NYT => (canon.to_string(), Some(country)),
            _ => (n.to_string(), None),
        },
        None if text.contains("New York Times") => return,
        None => ("The Times of London".to_string(), Some("United Kingdom")),
    };
    if named(info) {
        info.name = name;
        info.affiliation = country.map(str::to_string);
    } else {
        info.affiliation = Some(name);
    }
}

/// The latest `… Times` named in full before byte `before` (`Tampa Bay Times`, `New York
/// Times`): capitalised words right before `Times`, `The` left out.
fn times_named_before(text: &str, before: usize) -> Option<&str> {
    let hay = &text[..before.min(text.len())];
    hay.rmatch_indices("Times").find_map(|(i, _)| {
        let mut a = i;
        loop {
            let left = text[..a].trim_end_matches(' ');
            if left.len() == a || left.len() + 1 != a {
                break;
            }
            let w0 = left.rfind([' ', '\n', '"', '(']).map_or(0, |p| p + 1);
            let w = &left[w0..];
            if !w.starts_with(char::is_uppercase) || w == "The" || w.ends_with(['.', ',']) {
                break;
            }
            a = w0;
        }
        (a < i).then(|| &text[a..i + "Times".len()])
    })
}

/// What the source `src` at document byte `start` says, with the names it joins (see
/// [`crate::coordination`]): each analysed on its own, retyped by the recogniser's mentions.
/// The source's type is theirs when they share one, else `group`.
pub fn analyze_in_doc(src: &str, start: usize, text: &str, mentions: &[Mention]) -> SourceInfo {
    let mut info = analyze(src);
    info.role = info.role.take().and_then(|r| tidy_role(&r));
    // `Simon Wheatley, from Goldman Sachs`, `Andrew Beh of brokers ING`: where someone is
    // from is their affiliation, not their role.
    if let Some(r) = info.role.as_deref() {
        let body = ["from ", "of "]
            .iter()
            .find_map(|p| r.strip_prefix(p))
            .map(|b| b.strip_prefix("the ").unwrap_or(b))
            .filter(|b| b.split_whitespace().any(is_cap) && !reads_as_clause(b));
        if let Some(b) = body {
            info.affiliation = info.affiliation.take().or_else(|| Some(b.to_string()));
            info.role = None;
        }
    }
    retype_with_mentions(&mut info, src, start, mentions);
    // (`British Retail Consortium`, recognised whole, had kept `British` as its role.)
    let in_name = |r: &str| {
        let name: Vec<&str> = info.name.split_whitespace().collect();
        let role: Vec<&str> = r.split_whitespace().collect();
        !role.is_empty() && name.windows(role.len()).any(|w| w == role.as_slice())
    };
    if info
        .role
        .as_deref()
        .is_some_and(|r| info.kind != SourceType::Person && in_name(r))
    {
        info.role = None;
    }
    which_times(&mut info, src, start, text);
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

/// A role read from an aside, without what is no role: `himself a former executive at rival
/// Porsche` is `a former executive …`; `alongside BB King`, `in characteristically blunt
/// style`, `Writing in the journal Nature` say where or how the source spoke, not who it is.
fn tidy_role(role: &str) -> Option<String> {
    let role = ["himself ", "herself ", "themselves "]
        .iter()
        .find_map(|p| role.strip_prefix(p))
        .unwrap_or(role);
    let first = role.split_whitespace().next()?.to_lowercase();
    let circumstance = matches!(
        first.as_str(),
        "in" | "alongside"
            | "at"
            | "on"
            | "after"
            | "during"
            | "before"
            | "writing"
            | "speaking"
            | "talking"
    );
    (!circumstance).then(|| role.to_string())
}

/// What an appositive after an outlet's name says it is (`the Voice of Russia World Service,
/// the official broadcasting service of the Russian government`): a noun phrase after the
/// comma that closes the name (capitalised words may finish the name first).
fn outlet_appositive(after_name: &str) -> Option<&str> {
    const MAX_WORDS: usize = 12;
    let (rest_of_name, appositive) = after_name.split_once(", ")?;
    let appositive = trim_punct(appositive);
    let n = appositive.split_whitespace().count();
    let clause = reads_as_clause(appositive);
    (rest_of_name.split_whitespace().all(is_cap)
        && ["the ", "a ", "an "]
            .iter()
            .any(|w| appositive.starts_with(w))
        && !appositive.contains(',')
        && (2..=MAX_WORDS).contains(&n)
        && !clause)
        .then_some(appositive)
}

/// Analyse the text of a source span.
pub fn analyze(src: &str) -> SourceInfo {
    let info = analyze_words(src);
    let full = trim_punct(src);
    let Some(p) = where_phrases_start(full) else {
        return info;
    };
    let off = full.as_ptr() as usize - src.as_ptr() as usize;
    // `BBC correspondent Simon Hall at Postbridge on Dartmoor`, `the BBC's Louisa Lim in
    // Beijing`, `Policy makers in Europe`: where the source was or is is no part of who it
    // is. Read without it where the name was taken from inside it, or where the words
    // before it name a person an outlet or body was taken for.
    let before = trim_punct(&full[..p]);
    if before.is_empty() {
        return info;
    }
    // (`A statement from Chelsea`, `data from the CML`, `reports from … Interfax`: who made
    // a report is its source.)
    // (But `Reports from Russia`, `press reports in China` are no government's.)
    let name_inside = info.name_range.0 >= off + p;
    let country =
        || outlets::country(&info.name).is_some() || retype::REGIONS.contains(&info.name.as_str());
    let made_by = before
        .split_whitespace()
        .any(|w| holds_lowercased(REPORT_NOUNS, w) || holds_lowercased(DATA_NOUNS, w))
        && !(info.kind == SourceType::Government && country());
    // (`A milder review in the New York Times`: what an outlet carried is its own; `a
    // spokesperson from Icstis` speaks for it.)
    let carried = name_inside && info.kind == SourceType::Outlet;
    if made_by || carried || info.speaks_for {
        return info;
    }
    let inner = analyze_words(before);
    // (`an expert panel which gathered at the annual Consumer Electronics Show`: a name
    // placed by a phrase of its own is no better.)
    // (`inner.name_range` is a range in `before`.)
    let inner_placed = inner.kind == SourceType::Person
        && before.get(..inner.name_range.0).is_some_and(|lead| {
            lead.split_whitespace()
                .any(|w| PLACING.contains(&w) || matches!(w, "which" | "who" | "that"))
        });
    if inner_placed {
        return info;
    }
    let named_person = inner.kind == SourceType::Person
        && !inner.person_pronoun
        && !inner.unnamed
        && words(&inner.name).len() >= 2
        && words(&inner.name)
            .iter()
            .all(|&(a, b)| is_cap(&inner.name[a..b]));
    let body_taken = matches!(
        info.kind,
        SourceType::Outlet | SourceType::Organization | SourceType::Government
    );
    if name_inside || body_taken && named_person {
        return within(src, before, inner);
    }
    info
}

/// Prepositions that place a source (`in Beijing`, `at Postbridge`, `with the Beaufort
/// Hunt`). Not `of` (`Duke of York` is one name) and not `for` (`MP for Witney` is a role).
const PLACING: &[&str] = &[
    "in", "at", "on", "near", "with", "from", "outside", "across", "inside",
];

/// Lowercase words inside people's names (`Jeremy de Souza`, `Nick Van den Brul`).
const NAME_PARTICLES: &[&str] = &[
    "de", "da", "di", "del", "della", "van", "von", "der", "den", "la", "le", "du", "bin", "al",
];

/// Titles held of a place (`the Archbishop of Canterbury`, `the Duke of Edinburgh`).
const TITLES_OF_PLACES: &[&str] = &[
    "archbishop",
    "bishop",
    "dean",
    "vicar",
    "rector",
    "chaplain",
    "duke",
    "duchess",
    "earl",
    "countess",
    "princess",
];

/// Nouns for figures someone published (`data from the CML`).
const DATA_NOUNS: &[&str] = &[
    "data",
    "figures",
    "estimates",
    "research",
    "findings",
    "results",
    "review",
    "advert",
    "surveys",
    "polls",
    "studies",
    "forecasts",
    "statistics",
    "minutes",
];

/// Where the trailing phrases placing a source begin (`at Postbridge on Dartmoor in the
/// West Country`, `, with the Beaufort Hunt in Badminton, Gloucestershire`): the byte offset
/// in `full` of the first of one or more phrases of a [`PLACING`] preposition and a
/// capitalised name (`the` may come between; a comma may add a one-word county) that close
/// it. Not a day (`The Mail on Sunday`), nor a possessor (`War on Want's John Hilary`), nor
/// a person after the comma (`correspondent in Jakarta, Rachel Harvey`).
fn where_phrases_start(full: &str) -> Option<usize> {
    // (Most sources have no such phrase: look for a preposition before splitting words.)
    if !full.split(' ').skip(1).any(|x| PLACING.contains(&x)) {
        return None;
    }
    let ws = words(full);
    let w = |k: usize| trim_punct(&full[ws[k].0..ws[k].1]);
    let mut end = ws.len();
    let mut found = None;
    loop {
        // The name: capitalised words back from `end`, one comma allowed inside, before a
        // last word (`Badminton, Gloucestershire`).
        let mut k = end;
        while k > 0 {
            let x = w(k - 1);
            let raw = &full[ws[k - 1].0..ws[k - 1].1];
            if !is_cap(x) || holds_lowercased(TIME_NOUNS, x) || is_possessive(x) {
                break;
            }
            if raw.ends_with(',') && k < end && (k + 1 != end || crate::gender::is_given_name(w(k)))
            {
                break;
            }
            k -= 1;
        }
        if k == end || k == 0 {
            break;
        }
        let mut prep = k - 1;
        if w(prep) == "the" && prep > 0 {
            prep -= 1;
        }
        // (`World Summit on the Information Society`, `Council on Foreign Relations`: a
        // body's name goes on past its preposition.)
        let name_goes_on = |k: usize| ORG_WORDS.contains(&w(k)) || w(k) == "Summit";
        if prep == 0 || !PLACING.contains(&w(prep)) || name_goes_on(prep - 1) {
            break;
        }
        found = Some(ws[prep].0);
        end = prep;
    }
    found
}

fn analyze_words(src: &str) -> SourceInfo {
    let full = trim_punct(src);
    // `Mr Mallon's claim`: the source is the name, not its possessive.
    let full = strip_possessive(full)
        .filter(|n| n.split_whitespace().last().is_some_and(is_cap))
        .unwrap_or(full);
    // `Culture Secretary Tessa Jowell on Tuesday`: when they spoke is not who they are.
    // (Not inside an outlet's name: `The Mail on Sunday`.)
    let timeless = without_time(full);
    let full = match timeless.len() < full.len() {
        true if outlets::find_in(full).is_some_and(|(.., b)| b > timeless.len()) => full,
        _ => timeless,
    };
    // `Mr Blunkett himself`: the reflexive stresses who, it is no part of the name.
    let full = [" himself", " herself", " themselves", " itself"]
        .iter()
        .find_map(|r| full.strip_suffix(r))
        .filter(|n| n.contains(|c: char| c.is_uppercase()) && !n.contains(" and "))
        .unwrap_or(full);
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
        ", as reported by ",
        ", as quoted by ",
    ];
    if let Some(p) = find_first_of(full, MEDIUM) {
        let before = trim_punct(&full[..p]);
        if !before.is_empty() {
            return within(src, before, analyze(before));
        }
    }
    // `BBC Radio Scotland presenter Vic Galloway, who has been involved in the project`,
    // `Clapton who joined Guy and King in a performance of Let Me Love You Baby`: a relative
    // clause says something about the source; who it is comes before it.
    if let Some(c) = find_first_of(full, &[", who ", ", whose ", ", which ", " who "]) {
        let before = trim_punct(&full[..c]);
        let named = before
            .split_whitespace()
            .next_back()
            .is_some_and(|w| is_cap(trim_punct(w)));
        if !before.is_empty() && (named || full[c..].starts_with(',')) {
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
        // (`I think …` in a reader's letter: whoever it is, a person.)
        if matches!(lower.as_str(), "i" | "my") {
            info.kind = SourceType::Person;
        }
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
    // `Labor Department figures`, `DOE test results`, `a CBI survey`: a name before what it
    // published is the source; up to one lowercase word may come between.
    // `Figures show`, `Surveys have shown`: data, no one's.
    if ws.len() == 1 && holds_lowercased(DATA_NOUNS, trim_punct(w(0))) {
        info.kind = SourceType::Vague;
        return info;
    }
    let made = ws.len() >= 2 && {
        let last = trim_punct(w(ws.len() - 1));
        !is_cap(last)
            && (holds_lowercased(REPORT_NOUNS, last) || holds_lowercased(DATA_NOUNS, last))
    };
    if made {
        // `the Pensions Commission's report`, `The NAO's annual report`: whose it is says who.
        if let Some(owned) = owned_name(src, full) {
            return owned;
        }
        let mut end = ws.len() - 1;
        // (`DOE test results`, `A CBI quarterly survey`; not `UK media reports`.)
        const BETWEEN: &[&str] = &[
            "test",
            "quarterly",
            "annual",
            "monthly",
            "weekly",
            "latest",
            "new",
            "official",
            "government",
            "parliamentary",
            "internal",
            "trade",
            "sales",
            "industry",
            "research",
            "opinion",
            "exit",
        ];
        if end >= 2 && BETWEEN.contains(&w(end - 1)) && is_cap(w(end - 2)) {
            end -= 1;
        }
        let mut start = end;
        while start > 0 && {
            let x = trim_punct(w(start - 1));
            is_cap(x) && !is_possessive(x) && !matches!(x, "The" | "A" | "An")
        } {
            start -= 1;
        }
        let lead_ok =
            start == 0 || start == 1 && matches!(w(0), "the" | "The" | "a" | "A" | "an" | "An");
        let name = match start < end {
            true => trim_punct(&full[ws[start].0..ws[end - 1].1]),
            false => "",
        };
        let acronym = |n: &str| n.len() >= 2 && n.chars().all(|c| c.is_ascii_uppercase());
        // (A sentence opens capitalised: `Latest figures`, `Revised figures` name no one
        // unless an article or an acronym says so. Nor do a country, a people or an
        // adjective: `UK media reports`, `Chinese government figures`, `ILO-based figures`.)
        let a_name = start < end
            && (start > 0 || end - start >= 2 || acronym(name))
            && outlets::country(name).is_none()
            && name
                .split_whitespace()
                .next_back()
                .is_none_or(|x| outlets::nationality(x).is_none())
            && !name.ends_with(['\'', '’'])
            && !name
                .split_whitespace()
                .any(|x| x.contains("-based") || x.contains("-sponsored") || x.contains("-owned"));
        if lead_ok && a_name {
            let mut inner = within(src, name, analyze(name));
            if inner.kind == SourceType::Unknown && acronym(name) {
                inner.kind = SourceType::Organization;
            }
            inner.speaks_for = true;
            return inner;
        }
        // `Official figures`, `recent data`, `the figures`: data no one is said to have
        // gathered is as vague as `reports` (not people: `senior Labour figures`).
        let last = trim_punct(w(ws.len() - 1));
        // (Nor whose they are: `Apacs' figures`, `Government figures`, `Chinese government
        // figures`.)
        let people = (0..ws.len() - 1).any(|k| {
            let x = trim_punct(w(k));
            is_cap(x) && (k > 0 || is_possessive(x) || x.ends_with('\''))
                || matches!(
                    x.to_lowercase().as_str(),
                    "senior"
                        | "leading"
                        | "key"
                        | "prominent"
                        | "top"
                        | "political"
                        | "party"
                        | "government"
                )
        });
        if holds_lowercased(DATA_NOUNS, last) && !people && ws.len() <= 3 {
            info.kind = SourceType::Vague;
            return info;
        }
    }
    // `a report from X` / `an earlier report in`: the real source follows the preposition.
    // (`The report, published by Human Rights Watch`: a participle may come between.)
    // (Capitalised after the first word, the noun is part of a name: `the Centre for the
    // Study of Children`.)
    // (Not in an aside after a comma: `John Craig, co-author of the Demos report` is a person.)
    let report_at = (0..ws.len())
        .take_while(|&k| k == 0 || !w(k - 1).ends_with(','))
        .find(|&k| {
            let x = trim_punct(w(k));
            (holds_lowercased(REPORT_NOUNS, x)
                // (`Separate figures from the Building Societies Association`.)
                || holds_lowercased(DATA_NOUNS, x) && k + 1 < ws.len())
                && (k == 0 || !is_cap(x))
        });
    if let Some(k) = report_at {
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
    let outlet = outlets::find_in(full);
    // (`Time Warner`, `Fox Searchlight`: a company named with an outlet's word.)
    if let Some((_, _, 0, b)) = outlet {
        if opens_a_name(full, 0, b) && ws.len() == 2 {
            info.kind = SourceType::Organization;
            return info;
        }
    }
    let outlet =
        outlet.filter(|&(_, _, a, b)| !closes_a_name(full, a, b) && !opens_a_name(full, a, b));
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
            // (`the BBC's Louisa Lim` neither.)
            let bare = ["the ", "The "]
                .iter()
                .find_map(|t| role.strip_prefix(t))
                .unwrap_or(role);
            let outlet_only = strip_possessive(bare).is_some_and(|r| r == &full[a..b]);
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
        } else {
            info.role = outlet_appositive(&full[b..]).map(str::to_string);
        }
        return info;
    }
    // `the Italian news daily Corriere della Sera`: an outlet noun followed by a name.
    if let Some(k) = (0..ws.len())
        .rev()
        .find(|&k| holds_lowercased(outlets::OUTLET_NOUNS, w(k)))
    {
        // `Stuff Magazine`, `Nation Radio`: a capitalised outlet noun closing a name.
        // (An `Agency` is a news agency only as one: `Xinhua News Agency`, not `the European
        // Medicines Agency` or `Child Support Agency`.)
        let news_agency = w(k) != "Agency" || k > 0 && matches!(w(k - 1), "News" | "Press");
        // (Not after a comma: `Helen Sudell, editor of the IDS Pensions Service` is someone
        // of the outlet, read below as a name and what the aside says.)
        if k + 1 == ws.len()
            && k > 0
            && is_cap(w(k))
            && is_cap(trim_punct(w(k - 1)))
            && news_agency
            && !full[..ws[k].0].contains(',')
        {
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
        // `the Hollywood Reporter trade newspaper`, `France's Le Figaro newspaper`: the whole
        // source is a name, then what kind of outlet it is (not `The paper`, `a French
        // newspaper`, `TV station`).
        if k + 1 == ws.len() && !is_cap(w(k)) {
            // The kind: the outlet noun and up to two lowercase words before it.
            let mut last = k;
            while last > 0 && k - last < 2 && !is_cap(w(last - 1)) {
                last -= 1;
            }
            let mut first = last;
            while first > 0 && is_cap(trim_punct(w(first - 1))) && !w(first - 1).ends_with("'s") {
                first -= 1;
            }
            if first < last && w(first) == "The" {
                first += 1;
            }
            let lead_ok =
                first == 0 || first == 1 && (matches!(w(0), "the" | "The") || w(0).ends_with("'s"));
            let generic = |run: &str| {
                run == "TV"
                    || outlets::nationality(run).is_some()
                    || outlets::country(run).is_some()
            };
            if first < last && lead_ok && !(last == first + 1 && generic(w(first))) {
                let (a, b) = (ws[first].0, ws[last - 1].1);
                info.kind = SourceType::Outlet;
                info.name = trim_punct(&full[a..b]).to_string();
                info.name_range = (off + a, off + a + info.name.len());
                info.role = Some(trim_punct(&full[ws[last].0..]).to_string());
                return info;
            }
        }
        if k + 1 < ws.len() && is_cap(w(k + 1)) {
            let a = ws[k + 1].0;
            // `fellow broadcaster Michael Pointon`, `Director of television Jana Bennett`: a
            // given name after the noun names a person it describes.
            // (Not in an aside: `Ian Harris, deputy editor of UK magazine Mac Format`.)
            if k + 2 < ws.len()
                && !full[..ws[k].0].contains(',')
                && crate::gender::is_given_name(w(k + 1))
                && (k + 1..ws.len()).all(|j| is_cap(trim_punct(w(j))))
            {
                let name = trim_punct(&full[a..]);
                info.kind = SourceType::Person;
                info.name = name.to_string();
                info.name_range = (off + a, off + a + name.len());
                info.role = Some(trim_punct(&full[..a]).to_string());
                return info;
            }
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
    if let Some(c) = find_first_of(full, &[" - ", " -- ", " – ", " — "]) {
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
        // (`Director of Public Prosecutions, Ken Macdonald QC`: a title of something.)
        let described = name.starts_with(|c: char| c.is_lowercase())
            || name.starts_with("The ") && words(name).len() > 1
            || !name.contains(' ')
                && (TITLE_WORDS.contains(&name) || holds_lowercased(PERSON_ROLE_NOUNS, name))
            || name.contains(" of ")
                && name
                    .split(' ')
                    .next()
                    .is_some_and(|t| TITLE_WORDS.contains(&t))
            // (`Scottish Finance Minister, Tom McCabe MSP`: a title, then a given name.)
            || name
                .split(' ')
                .next_back()
                .is_some_and(|t| TITLE_WORDS.contains(&t))
                && role
                    .split(' ')
                    .next()
                    .is_some_and(crate::gender::is_given_name);
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
        // `Mr Brown's former advisor Ed Balls, now a parliamentary hopeful`: a person described
        // before the comma, more said of them after it.
        // (Not a list: `Film director Ken Loach, fashion designer Hussein Chalayan and …`.)
        if !name.is_empty() && !role.is_empty() && !reads_as_clause(role) && !role.contains(" and ")
        {
            let inner = analyze(name);
            // (Only where the words before the comma hold a name: `Their lawyer, Majeed
            // Memon` is Majeed Memon, read below.)
            let named_within = inner.name != name
                && words(&inner.name)
                    .iter()
                    .all(|&(a, b)| is_cap(&inner.name[a..b]));
            // (`Conservative policy co-ordinator David Cameron, MP for Witney`: a full name
            // after words no title list holds; they are the role.)
            let lead = trim_punct(&name[..inner.name_range.0.min(name.len())]);
            // (Only a description: not `Munich Re and`, `The collapse last week of`, nor
            // before a name no given name opens, `Swiss Re`.)
            let description = !lead.is_empty()
                && !lead.contains(" and ")
                && !lead.contains(',')
                && lead.split_whitespace().next_back().is_some_and(|l| {
                    !matches!(l, "of" | "by" | "for" | "and" | "the" | "in" | "at")
                        && !is_possessive(l)
                })
                && inner
                    .name
                    .split_whitespace()
                    .next()
                    .is_some_and(crate::gender::is_given_name);
            let role_before = inner
                .role
                .clone()
                .or_else(|| description.then(|| lead.to_string()));
            if inner.kind == SourceType::Person
                && !inner.person_pronoun
                && named_within
                && role_before.is_some()
            {
                let mut inner = within(src, name, inner);
                let more = role.strip_prefix("now ").unwrap_or(role);
                inner.role = role_before.map(|r| format!("{r}, {more}"));
                return inner;
            }
        }
        // (`Jeremy de Souza`: a name's particles are lowercase.)
        if !name.is_empty()
            && is_cap(name)
            && words(name)
                .iter()
                .all(|&(a, b)| is_cap(&name[a..b]) || NAME_PARTICLES.contains(&&name[a..b]))
            && !role.is_empty()
        {
            let mut inner = within(src, name, analyze(name));
            // (`Diageo, the world's biggest spirits company`: what the aside calls it is a
            // company; `John Smith, the company's chairman` is a person.)
            // (The head comes before a preposition: `a spokeswoman for the … bank`; `from Sal
            // Oppenheim investment bank` has none.)
            let before_preposition = role
                .split_whitespace()
                .take_while(|w| !matches!(*w, "of" | "for" | "at" | "with" | "in" | "from" | "to"))
                .collect::<Vec<_>>();
            let role_head = before_preposition.last().map_or("", |w| trim_punct(w));
            // (`Ben Domenech, publisher of The Federalist`: a given name says person.)
            let company = COMPANY_HEADS.contains(&role_head)
                // (`the president and publisher of Grand Central Publishing`.)
                && !before_preposition.iter().any(|w| {
                    let w = trim_punct(w);
                    PERSON_ROLE_NOUNS.contains(&w) || TITLE_WORDS.contains(&w)
                })
                && !name
                    .split_whitespace()
                    .next()
                    .is_some_and(crate::gender::is_given_name);
            if matches!(inner.kind, SourceType::Unknown | SourceType::Person) {
                inner.kind = if company {
                    SourceType::Organization
                } else {
                    SourceType::Person
                };
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
        // (`Economist Colen Garrow`: the sentence's first word is capitalised; `Star Wars:
        // Battlefront` is a title.)
        (PERSON_ROLE_NOUNS.contains(&w(k - 1))
            || k == 1
                && w(0) != "Star"
                && !full.contains(':')
                && holds_lowercased(PERSON_ROLE_NOUNS, w(0)))
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
    // `Finnish security firm F-Secure`, `Dutch firm Heineken`, `UK think-tank Demos`: a company
    // or body noun right before a name; the name is the organisation, the words before
    // describe it.
    if let Some(k) = (1..ws.len()).find(|&k| {
        (COMPANY_HEADS.contains(&w(k - 1))
            || matches!(w(k - 1), "group" | "think-tank" | "thinktank" | "charity" | "union"))
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
    let head_part = find_first_of(
        full,
        &[
            " of ",
            " close to ",
            " familiar with ",
            " in ",
            " within ",
            " inside ",
            " at ",
            " from ",
        ],
    )
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
    if (find_first_of(full, GOV_WORDS).is_some() || GOV_NAMES.iter().any(|g| full.ends_with(g)))
        && !unnamed_source
        && !office_holder
    {
        info.kind = SourceType::Government;
        info.affiliation = affiliation_of(full).or_else(|| place_in(full));
        return info;
    }
    // (`RDF Media` is a name, not the media.)
    let named_head = head.as_deref() == Some("media")
        && ws.len() >= 2
        && is_cap(trim_punct(w(ws.len() - 1)))
        && is_cap(w(ws.len() - 2));
    if head.as_deref().is_some_and(|h| VAGUE_HEADS.contains(&h)) && !named_head
        // (`one dealer`, `another analyst`, `Another three US insurance executives`: people
        // the report does not name.)
        || matches!(first.as_str(), "some" | "many" | "several" | "a" | "an")
            && !is_cap(w(ws.len() - 1))
        // (Not `One of the men, David Redvers, 34, said`: named in an aside.)
        || matches!(first.as_str(), "one" | "another")
            && !is_cap(w(ws.len() - 1))
            && !full.contains(',')
        // (`those surveyed`, `Those polled`.)
        || first == "those"
            && ws.len() == 2
            && matches!(
                trim_punct(w(1)),
                "surveyed" | "polled" | "questioned" | "interviewed" | "asked"
            )
        // (`some senior Tories`, `many Republicans`: unnamed members of a named body.)
        || matches!(first.as_str(), "some" | "many" | "several") && ws.len() > 1
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
    // `The pair`, `the duo`, `The couple`: two or three people named before, a group.
    if head
        .as_deref()
        .is_some_and(|h| matches!(h, "pair" | "duo" | "couple" | "trio"))
        && matches!(first.as_str(), "the" | "both" | "all")
    {
        info.kind = SourceType::Group;
        return info;
    }
    // `the business community`, `his family`, `Lebanon's business community`: people
    // together, no organisation.
    // (Lowercase: `the European Community` is a name; and near the start: in `Unions for
    // Deutsche Boerse staff` the unions speak.)
    if head
        .as_deref()
        .is_some_and(|h| PEOPLE_COLLECTIVES.contains(&h))
        && (head_part
            .split_whitespace()
            .next_back()
            .is_some_and(|h| !is_cap(h))
            // (`Staff at the plant`: capitalised as the first word.)
            || head_part.split_whitespace().count() == 1)
        && head_part.split_whitespace().count() <= 4
    {
        // (The name ends with the noun: `the business community` in Hong Kong, of which
        // the place is the affiliation, not who speaks.)
        let name = head_part.trim_end();
        info.kind = SourceType::Group;
        info.name = name.to_string();
        info.name_range = (off, off + name.len());
        info.affiliation = affiliation_of(full);
        return info;
    }
    // `the newspaper`, `the magazine` stand for the outlet named before; `the party`,
    // `the organisation`, `the band` for the organisation.
    if let Some(head) = full
        .strip_prefix("the ")
        .or_else(|| full.strip_prefix("The "))
    {
        let outlet = matches!(
            head,
            "newspaper" | "paper" | "magazine" | "tabloid" | "channel" | "station" | "daily"
        );
        if outlet || matches!(head, "party" | "organisation" | "organization" | "band") {
            info.kind = if outlet {
                SourceType::Outlet
            } else {
                SourceType::Organization
            };
            info.unnamed = true;
            return info;
        }
    }
    // `the central bank`, `Ms Ardern's office`: a common noun naming an organisation heads it
    // (`the head of the agency` is headed by `head`).
    // (`The board of Lufthansa`, `the panel of the IAAF`: the body of a named organisation
    // speaks as it; the name is read below.)
    let of_named = full[head_part.len()..]
        .strip_prefix(" of ")
        .map(|r| r.strip_prefix("the ").unwrap_or(r))
        .is_some_and(is_cap);
    // (`the British Retail Consortium`: a capitalised word closes a name, read below.)
    let head_lowercase = head_part
        .split_whitespace()
        .next_back()
        .is_some_and(|h| !is_cap(h));
    if head.as_deref().is_some_and(|h| {
        COMPANY_HEADS.contains(&h)
            || (BODY_HEADS.contains(&h) || LOWERCASE_BODY_HEADS.contains(&h) && head_lowercase)
                && !(of_named && BOARDS.contains(&h))
    }) {
        let h = head.as_deref().unwrap_or("");
        // `Manchester United's board`, `Deutsche Boerse's supervisory board`: the body of a
        // named organisation speaks as it.
        if BOARDS.contains(&h) {
            if let Some(p) = find_first_of(head_part, &["'s ", "’s "]) {
                let owner = trim_punct(&full[..p]);
                let owner = owner.strip_prefix("the ").unwrap_or(owner);
                let mut inner = within(src, owner, analyze(owner));
                let body = inner.kind != SourceType::Person
                    || crate::gender::of_person(owner).is_none() && !inner.person_pronoun;
                if is_cap(owner) && body && !inner.pronoun {
                    if matches!(inner.kind, SourceType::Unknown | SourceType::Person) {
                        inner.kind = SourceType::Organization;
                    }
                    inner.speaks_for = true;
                    return inner;
                }
            }
        }
        info.kind = SourceType::Organization;
        info.affiliation = affiliation_of(full);
        // `the board`, `the federation`, `The board of the football club`: the organisation
        // named before, whose body it is.
        let described = (1..ws.len()).all(|k| !is_cap(w(k)));
        if first == "the" && described && BOARDS.contains(&h) {
            info.unnamed = true;
            return info;
        }
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
    // (`The Culture Secretary`, `The Chancellor`: a title capitalised after `the` too, when
    // it ends the source: `The US Secretary of Energy Spencer Abraham` names him, and `The
    // Health and Safety Executive` is a body.)
    // (`the Tory co-chairman`, `its vice-president`: a prefixed role is one.)
    let unprefixed = ["co-", "vice-", "ex-", "deputy-", "joint-"]
        .iter()
        .find_map(|p| head_word.strip_prefix(p))
        .unwrap_or(head_word);
    let role_noun = PERSON_ROLE_NOUNS.contains(&unprefixed)
        || FAMILY_NOUNS.contains(&unprefixed)
        || matches!(first.as_str(), "the")
            && is_cap(head_word)
            && head_word != "Executive"
            && trim_punct(w(ws.len() - 1)) == head_word
            && holds_lowercased(PERSON_ROLE_NOUNS, head_word);
    let role_head = role_noun && head_word != "star"
        || TITLE_WORDS.contains(&head_word)
            && ws.len() == 2
            && matches!(first.as_str(), "the")
            && head_word.ends_with(|c: char| c.is_lowercase());
    // (An organisation word in the head's own phrase makes a body, `the Party leadership`;
    // after `of` it is whose role it is: `The chairman of the Conservative Party`.)
    // (Nor two people: `She and her husband`, `Jeb Bush and his older brother`; but `the
    // Florida senator and Republican presidential candidate` is one.)
    let head_words: Vec<&str> = head_part.split_whitespace().collect();
    let two_people = head_words.windows(2).any(|p| {
        matches!(p[0], "and" | "or" | "&")
            && matches!(
                p[1].to_lowercase().as_str(),
                "his"
                    | "her"
                    | "their"
                    | "its"
                    | "the"
                    | "a"
                    | "an"
                    | "another"
                    | "other"
                    | "my"
                    | "our"
                    | "your"
            )
    });
    if role_head
        && !two_people
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
        || ws
            .iter()
            .any(|&(a, b)| ORG_WORDS.contains(&trim_punct(&full[a..b]))))
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
        // (A particle inside the name: `Jeremy de Souza`.)
        let particle = NAME_PARTICLES.contains(&x) && start >= 2 && start < end && {
            let before = trim_punct(w(start - 2));
            is_cap(before) && !TITLE_WORDS.contains(&before) && !is_honorific(before)
        };
        if particle || is_cap(x) && !TITLE_WORDS.contains(&x) && outlets::nationality(x).is_none() {
            start -= 1;
        } else {
            break;
        }
    }
    // `The Archbishop of Canterbury`, `the Tory MP for Sleaford and North Hykeham`, `The
    // electorate of the East Midlands`: capitalised words after a preposition name a place
    // or body the head belongs to, not the source. A title there makes a person the text
    // names only by it.
    let mut p = start;
    while p > 0 && {
        let x = trim_punct(w(p - 1));
        x == "the" || x == "and" || is_cap(x) && p < start
    } {
        p -= 1;
    }
    // (Not over a person's name: `Prime Minister of Britain Tony Blair`.)
    let object_of = start < end
        && end == ws.len()
        && p >= 2
        && matches!(trim_punct(w(p - 1)), "of" | "for" | "in" | "at" | "from")
        // (In an aside the name is said before: `Jeremy de Souza, a spokesman for Crossrail`.)
        && !full[..ws[p - 1].0].contains(',')
        && !(start..end).any(|k| crate::gender::is_given_name(trim_punct(w(k))));
    if object_of {
        let head = trim_punct(w(p - 2));
        // (`a spokesman for Mr Prescott` speaks for the name.)
        let speaker = holds_lowercased(&["spokesman", "spokeswoman", "spokesperson"], head);
        if !speaker
            && (TITLE_WORDS.contains(&head)
                || PERSON_ROLE_NOUNS.contains(&head)
                || holds_lowercased(PERSON_ROLE_NOUNS, head)
                || holds_lowercased(TITLES_OF_PLACES, head))
        {
            info.kind = SourceType::Person;
            info.role = Some(full.to_string());
            info.affiliation = affiliation_of(full);
            // (Often a person named before: `Mr Wyatt predicted … The MP for Sittingbourne
            // and Sheppey said`.)
            info.unnamed = true;
            return info;
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
                    && (is_cap(x) && !is_possessive(x) || JOB_MODIFIERS.contains(&x));
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
            // (`Mr. Brown`: an honorific is no role.)
            let honorific_only = (rs..start).all(|k| is_honorific(trim_punct(w(k))));
            if rs < start && !honorific_only {
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
            // (`The IAAF`: an article does not make it a person.)
            let n = n.strip_prefix("The ").unwrap_or(n);
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
        let lower_name = info.name.to_lowercase();
        let web = [".com", ".co.uk", ".org", ".net", ".biz"]
            .iter()
            .any(|d| lower_name.ends_with(d));
        // (Titles of one person: `The PM`, `The DJ`.)
        let title = matches!(
            info.name.strip_prefix("The ").unwrap_or(&info.name),
            "PM" | "DJ" | "MP" | "MEP" | "MSP" | "CEO" | "QC" | "GP"
        );
        if info.kind == SourceType::Person && (acronym(&info.name) && !title || brand(&info.name)) {
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
    // (Up to six words when the last is a lowercase plural of people or bodies: `The two
    // opposition parties`, `Airlines and aviation bodies`; not `The higher share prices`.)
    // (The head comes before a preposition: `Lawyers for news organisations`, not `comments
    // from senior officials`.)
    if ws.is_empty() {
        return info;
    }
    let head_word = (1..ws.len())
        .find(|&k| {
            matches!(
                trim_punct(w(k)),
                "for" | "of" | "from" | "with" | "by" | "at" | "in" | "on" | "to"
            )
        })
        .map_or(ws.len() - 1, |k| k - 1);
    let last = trim_punct(w(ws.len() - 1));
    let head_word = trim_punct(w(head_word)).to_lowercase();
    let people = !is_cap(last) && is_people_plural(&head_word);
    if full.ends_with('s') && ws.len() <= 3 && !is_singular_in_s(last) || people && ws.len() <= 6 {
        info.kind = SourceType::Group;
    }
    info.affiliation = affiliation_of(full);
    info
}

/// `the crisis`, `the news`, `the bus`: a word in `s` that is no plural.
fn is_singular_in_s(word: &str) -> bool {
    ["ss", "is", "us", "news", "'s", "’s"]
        .iter()
        .any(|e| word.ends_with(e))
}

/// A lowercase plural naming people or bodies of people: an agent noun (`makers`,
/// `investors`, `economists`, `politicians`, `protestants`) or one of a short list.
fn is_people_plural(word: &str) -> bool {
    PEOPLE_PLURALS.contains(&word)
        || ["ers", "ors", "ists", "ians", "ants"]
            .iter()
            .any(|e| word.len() > e.len() + 2 && word.ends_with(e))
}

#[cfg(test)]
mod tests;
