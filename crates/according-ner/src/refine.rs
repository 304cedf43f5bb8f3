//! From the model's PER/ORG/LOC spans to the output types: outlets (gazetteer), GPE vs LOC vs
//! FAC, demonyms (NORP) and dates (DATE, by rule).

use crate::gazetteer::{GazMatch, GazType, Matcher};
use crate::labels::{Kind, TokenSpan};

/// An output entity type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntityType {
    Person,
    Org,
    Outlet,
    Gpe,
    Loc,
    Fac,
    Norp,
    Date,
}

impl EntityType {
    /// The type [`EntityType::name`] names.
    pub fn from_name(name: &str) -> Option<EntityType> {
        [
            EntityType::Person,
            EntityType::Org,
            EntityType::Outlet,
            EntityType::Gpe,
            EntityType::Loc,
            EntityType::Fac,
            EntityType::Norp,
            EntityType::Date,
        ]
        .into_iter()
        .find(|t| t.name() == name)
    }

    pub fn name(self) -> &'static str {
        match self {
            EntityType::Person => "PERSON",
            EntityType::Org => "ORG",
            EntityType::Outlet => "OUTLET",
            EntityType::Gpe => "GPE",
            EntityType::Loc => "LOC",
            EntityType::Fac => "FAC",
            EntityType::Norp => "NORP",
            EntityType::Date => "DATE",
        }
    }
    /// The UniversalNER type this output type is scored as (`None`: not scored).
    pub fn uner(self) -> Option<Kind> {
        match self {
            EntityType::Person => Some(Kind::Per),
            EntityType::Org | EntityType::Outlet => Some(Kind::Org),
            EntityType::Gpe | EntityType::Loc | EntityType::Fac => Some(Kind::Loc),
            EntityType::Norp | EntityType::Date => None,
        }
    }
}

/// A typed token span `[start, end)` of one sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordMention {
    pub start: usize,
    pub end: usize,
    pub kind: EntityType,
}

const FAC_WORDS: &[&str] = &[
    "Airport",
    "Bridge",
    "Street",
    "St.",
    "Square",
    "Tower",
    "Towers",
    "Building",
    "Hospital",
    "Stadium",
    "Palace",
    "Road",
    "Avenue",
    "Highway",
    "Station",
    "Hall",
    "Prison",
    "Museum",
    "Cathedral",
    "Mosque",
    "Temple",
    "Base",
    "Dam",
    "Boulevard",
    "Arena",
    "Park",
];

/// Lower-case particles inside person names (`Osama bin Laden`, `Ahmed Samir al-Ahani`).
const PARTICLES: &[&str] = &[
    "bin", "ibn", "al", "el", "abu", "de", "da", "di", "del", "della", "van", "von", "der", "le",
    "la", "du", "dos", "das",
];

/// Join `NAME particle [-] NAME` into one person when either side is a person and the right
/// side is capitalised: the model often stops at a lower-case particle.
fn merge_name_particles(words: &[&str], out: &mut Vec<WordMention>) {
    out.sort_by_key(|o| (o.start, o.end));
    let mut i = 0;
    while i < out.len() {
        let left = out[i];
        let p = left.end;
        let mut q = p + 1;
        // A person starting with a particle (`bin Laden`) takes the capitalised word before it.
        if left.kind == EntityType::Person
            && PARTICLES.contains(&words[left.start])
            && left.start > 0
            && words[left.start - 1]
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
            && !out.iter().any(|o| o.end == left.start)
        {
            out[i].start -= 1;
            continue;
        }
        let is_particle = words.get(p).is_some_and(|w| PARTICLES.contains(w));
        if is_particle && words.get(q) == Some(&"-") {
            q += 1;
        }
        let right_cap = words
            .get(q)
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_uppercase);
        if !is_particle || !right_cap {
            i += 1;
            continue;
        }
        // The right part: an existing mention starting at q, or the bare capitalised word.
        let right = out.iter().position(|o| o.start == q);
        let right_is_person = right.is_some_and(|k| out[k].kind == EntityType::Person);
        if left.kind != EntityType::Person && !right_is_person {
            i += 1;
            continue;
        }
        let end = right.map_or(q + 1, |k| out[k].end);
        if let Some(k) = right {
            out.remove(k);
        }
        out[i] = WordMention {
            start: left.start,
            end,
            kind: EntityType::Person,
        };
    }
}

/// `[Sergei] [Ivanov]`: two person spans with nothing between them are one name (lenient
/// decoding can leave a name's `B` unclosed and start another).
fn merge_adjacent_persons(out: &mut Vec<WordMention>) {
    out.sort_by_key(|o| (o.start, o.end));
    let mut i = 0;
    while i + 1 < out.len() {
        if out[i].kind == EntityType::Person
            && out[i + 1].kind == EntityType::Person
            && out[i].end == out[i + 1].start
        {
            out[i].end = out[i + 1].end;
            out.remove(i + 1);
        } else {
            i += 1;
        }
    }
}

/// `Richard Butler` typed ORG/LOC: a census given name + surname, with no place or
/// organisation word in it, is a person.
/// (Nor a place the gazetteer names in several words, `Hong Kong`, whose words alone are a
/// census given name and surname.)
fn person_shaped(words: &[&str], out: &mut [WordMention], matches: &[GazMatch], matcher: &Matcher) {
    for o in out.iter_mut() {
        let n = o.end - o.start;
        if !matches!(o.kind, EntityType::Org | EntityType::Loc) || !(2..=3).contains(&n) {
            continue;
        }
        let toks = &words[o.start..o.end];
        let first = matcher.types_of(toks[0]);
        let last = matcher.types_of(toks[n - 1]);
        let placey = toks.iter().any(|w| {
            let t = matcher.types_of(w);
            t.contains(&GazType::Gpe) || t.contains(&GazType::OrgWord) || t.contains(&GazType::Loc)
        });
        // (`Beverly Hills`, `Pearl Harbor`, `Golden Gate Park`: a word that ends place names;
        // looked up only for the rare census pairs.)
        let named_place = || {
            PLACE_HEADS.contains(&toks[n - 1])
                || matches.iter().any(|m| {
                    matches!(m.kind, GazType::Gpe | GazType::Loc)
                        && m.start <= o.start
                        && o.end <= m.end
                })
        };
        if first.contains(&GazType::First)
            && last.contains(&GazType::Last)
            && !placey
            && !named_place()
        {
            o.kind = EntityType::Person;
        }
    }
}

/// `England coach Sven-Goran Eriksson`, `Former WorldCom chief Bernie Ebbers` typed ORG: a
/// name of two or three capitalised words right after a person's title or job (the titles
/// gazetteer, or `chief`, `boss`, `skipper`; not `manager`: `fund manager Matrix Asset
/// Advisors`), with no place or organisation word in it, is a person.
fn titled_person(words: &[&str], out: &mut [WordMention], matcher: &Matcher) {
    const JOBS: &[&str] = &["chief", "boss", "skipper"];
    for o in out.iter_mut() {
        let n = o.end - o.start;
        if !matches!(o.kind, EntityType::Org | EntityType::Loc)
            || !(2..=3).contains(&n)
            || o.start == 0
        {
            continue;
        }
        let before = words[o.start - 1];
        let titled = JOBS.contains(&before.to_lowercase().as_str())
            || matcher.types_of(before).contains(&GazType::Title);
        let toks = &words[o.start..o.end];
        let named = toks.iter().all(|w| w.starts_with(char::is_uppercase))
            && !toks.iter().any(|w| {
                let t = matcher.types_of(w);
                t.contains(&GazType::Gpe)
                    || t.contains(&GazType::OrgWord)
                    || t.contains(&GazType::Loc)
                    || t.contains(&GazType::Outlet)
            });
        if titled && named {
            o.kind = EntityType::Person;
        }
    }
}

/// Words that end the names of places, not of people.
const PLACE_HEADS: &[&str] = &[
    "Park",
    "Hills",
    "Harbor",
    "Harbour",
    "Lake",
    "River",
    "Mountains",
    "Bay",
    "Island",
    "Islands",
    "Valley",
    "Square",
    "Beach",
    "Falls",
    "Forest",
    "Gardens",
    "Heights",
    "Canyon",
    "Desert",
    "Sea",
    "Ocean",
    "Gulf",
    "Coast",
    "County",
    "Province",
    "Oblast",
    "Region",
    "District",
    "Peninsula",
    "Airport",
    "Avenue",
    "Boulevard",
];

/// `Odessa Oblast`, `Korean Peninsula` typed PERSON: a name of several words ending in a word
/// that ends only places' names is a place. (Not `Park`, `Lake`, `Bay`, `Hills`: `Grace
/// Park`, `Ricki Lake`, `Michael Bay`.)
fn place_shaped(words: &[&str], out: &mut [WordMention]) {
    const ONLY_PLACES: &[&str] = &[
        "Oblast",
        "Province",
        "County",
        "District",
        "Region",
        "Peninsula",
        "Airport",
        "Avenue",
        "Boulevard",
        "Harbor",
        "Harbour",
        "Canyon",
        "Desert",
        "Ocean",
        "Gulf",
        "Island",
        "Islands",
        "Mountains",
        "Valley",
        "Principality",
    ];
    for o in out.iter_mut() {
        if o.kind == EntityType::Person
            && o.end - o.start >= 2
            && ONLY_PLACES.contains(&words[o.end - 1])
        {
            o.kind = EntityType::Loc;
        }
    }
}

/// `[Russian Defense Minister Sergei Ivanov]`: a span that opens with (demonyms and) a title
/// followed by more capitalised words is a person named after the title, as UniversalNER
/// leaves titles out of names.
fn strip_titles(words: &[&str], out: &mut [WordMention], matches: &[GazMatch], matcher: &Matcher) {
    for o in out.iter_mut() {
        if o.kind == EntityType::Outlet {
            continue;
        }
        let mut s = o.start;
        while s < o.end {
            let t = matcher.types_of(words[s]);
            if t.contains(&GazType::Norp) && !t.contains(&GazType::Gpe) {
                s += 1;
            } else {
                break;
            }
        }
        let mut titled = false;
        while let Some(m) = matches
            .iter()
            .filter(|m| m.kind == GazType::Title && m.start == s && m.end < o.end)
            .max_by_key(|m| m.end)
        {
            s = m.end;
            titled = true;
        }
        let capitalised = words[s].chars().next().is_some_and(char::is_uppercase);
        // `General Motors`, `Justice Department`: a title word opening an organisation's name.
        // What follows the title must look like a person: typed so by the model, two words
        // or more (`Sergei Ivanov`) or a census name, and without an organisation word.
        let rest = &words[s..o.end];
        let has = |t: GazType| rest.iter().any(|w| matcher.types_of(w).contains(&t));
        let person_like = || {
            !has(GazType::OrgWord)
                && (o.kind == EntityType::Person
                    || rest.len() >= 2
                    || has(GazType::First)
                    || has(GazType::Last))
        };
        if titled && capitalised && person_like() {
            o.start = s;
            o.kind = EntityType::Person;
        }
    }
}

/// `Medical Journal of Australia`, `Atlantic Lottery Corporation` typed LOC/PER: a name of
/// several words whose last word, or the word before its `of`, ends organisation names is an
/// organisation.
fn org_shaped(words: &[&str], out: &mut [WordMention], matcher: &Matcher) {
    for o in out.iter_mut() {
        if !matches!(o.kind, EntityType::Loc | EntityType::Person) || o.end - o.start < 2 {
            continue;
        }
        let toks = &words[o.start..o.end];
        let head = match toks.iter().position(|w| *w == "of") {
            Some(p) if p > 0 => toks[p - 1],
            _ => toks[toks.len() - 1],
        };
        // (`Manchester United`, `Blackburn Rovers`: a club's name closing it.)
        let club = CLUB_ENDS.contains(&toks[toks.len() - 1]) && !toks.contains(&"of");
        if club || matcher.types_of(head).contains(&GazType::OrgWord) && !FAC_WORDS.contains(&head)
        {
            o.kind = EntityType::Org;
        }
    }
}

/// Words that close sports clubs' names and no person's or place's. Used only here, not as
/// model features (the model was trained without them).
const CLUB_ENDS: &[&str] = &[
    "United",
    "Rovers",
    "Wanderers",
    "Athletic",
    "Albion",
    "Hotspur",
    "Rangers",
    "Harlequins",
];

/// Company legal forms and generational suffixes, which follow a name after a comma.
fn name_suffix(w: &str) -> bool {
    is_generational(w)
        || matches!(
            w,
            "Inc."
                | "Inc"
                | "LLC"
                | "Ltd."
                | "Ltd"
                | "Corp."
                | "Co."
                | "L.P."
                | "LLP"
                | "plc"
                | "PLC"
        )
}

fn is_generational(w: &str) -> bool {
    matches!(w, "Jr." | "Jr" | "Sr." | "Sr" | "II" | "III" | "IV")
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// Can `w` begin or end a name? (Not `of`/`and`/`,`; `Jr.` and `U.S.` can.)
fn edge_ok(w: &str) -> bool {
    has_alnum(w) && !matches!(w, "of" | "and" | "for" | "in" | "on" | "at" | "to" | "by")
}

fn has_alnum(w: &str) -> bool {
    w.chars().any(char::is_alphanumeric)
}

/// Refine the model's spans into output mentions, sorted by start.
pub fn refine(
    words: &[&str],
    spans: &[TokenSpan],
    matches: &[GazMatch],
    matcher: &Matcher,
) -> Vec<WordMention> {
    let mut out: Vec<WordMention> = spans
        .iter()
        .map(|s| WordMention {
            start: s.start,
            end: s.end,
            kind: match s.kind {
                Kind::Per => EntityType::Person,
                Kind::Org => EntityType::Org,
                Kind::Loc => EntityType::Loc,
            },
        })
        .collect();

    // Outlets: a gazetteer outlet name the model also saw as a name, or one unambiguous by
    // itself (several words, or an all-caps acronym), becomes one OUTLET mention.
    for m in matches.iter().filter(|m| m.kind == GazType::Outlet) {
        let mut m = *m;
        if m.end - m.start > 1 && words[m.start].eq_ignore_ascii_case("the") {
            m.start += 1; // UniversalNER leaves `the` out of names
        }
        let r = (m.start, m.end);
        let n_words = words[m.start..m.end]
            .iter()
            .filter(|w| has_alnum(w))
            .count();
        let caps = words[m.start..m.end]
            .iter()
            .all(|w| !w.chars().any(char::is_lowercase));
        let seen = out.iter().any(|o| overlaps((o.start, o.end), r));
        if !(seen || n_words >= 2 || caps) {
            continue;
        }
        // A longer ORG name starting with the outlet (`BBC World Service`) is the outlet; any
        // other longer name containing it (`Iraqi Vice President ...`) wins.
        if let Some(o) = out
            .iter_mut()
            .find(|o| o.start <= m.start && m.end <= o.end && (o.start, o.end) != r)
        {
            if o.kind == EntityType::Org && o.start == m.start {
                o.kind = EntityType::Outlet;
            }
            continue;
        }
        out.retain(|o| !overlaps((o.start, o.end), r));
        out.push(WordMention {
            start: m.start,
            end: m.end,
            kind: EntityType::Outlet,
        });
    }

    // UniversalNER never includes the possessive in a name, nor (lenient decoding can leave
    // them) connecting words or punctuation at its edges.
    for o in out.iter_mut() {
        // Names do not run through these (`... Corporation : K. Michael Stevens`).
        if let Some(p) = words[o.start + 1..o.end].iter().position(|w| {
            matches!(
                *w,
                ":" | ";" | "(" | ")" | "[" | "]" | "\"" | "“" | "”" | "|"
            )
        }) {
            o.end = o.start + 1 + p;
        }
        // Nor through a comma (`Li , of the University`), but for a company's legal form or
        // a generational suffix (`Enron Net Works , LLC`, `Martin Luther King , Jr.`).
        if let Some(p) = (o.start + 1..o.end)
            .find(|&k| words[k] == "," && !words.get(k + 1).is_some_and(|w| name_suffix(w)))
        {
            o.end = p;
        }
        // `Atlantic Lottery Corporation , Inc.`: the legal form after a comma is the name's.
        if o.kind == EntityType::Org
            && words.get(o.end) == Some(&",")
            && words
                .get(o.end + 1)
                .is_some_and(|w| name_suffix(w) && !is_generational(w))
        {
            o.end += 2;
        }
        while o.end - o.start > 1 && matches!(words[o.end - 1], "'s" | "’s" | "'" | "’") {
            o.end -= 1;
        }
        while o.end - o.start > 1 && !edge_ok(words[o.end - 1]) {
            o.end -= 1;
        }
        while o.end - o.start > 1 && !edge_ok(words[o.start]) {
            o.start += 1;
        }
    }
    out.retain(|o| o.end - o.start > 1 || has_alnum(words[o.start]));
    merge_name_particles(words, &mut out);
    merge_adjacent_persons(&mut out);
    strip_titles(words, &mut out, matches, matcher);
    person_shaped(words, &mut out, matches, matcher);
    titled_person(words, &mut out, matcher);
    org_shaped(words, &mut out, matcher);
    place_shaped(words, &mut out);

    // GPE / LOC / FAC, and demonyms the model tagged as names.
    for o in out.iter_mut() {
        let text = words[o.start..o.end].join(" ");
        let types = matcher.types_of(&text);
        let single_norp = types.contains(&GazType::Norp) && !types.contains(&GazType::Gpe);
        if single_norp && o.kind != EntityType::Outlet {
            o.kind = EntityType::Norp;
        } else if matches!(o.kind, EntityType::Loc | EntityType::Org)
            && types.contains(&GazType::Gpe)
        {
            o.kind = EntityType::Gpe;
        } else if o.kind == EntityType::Loc && FAC_WORDS.contains(&words[o.end - 1]) {
            o.kind = EntityType::Fac;
        }
    }

    // Demonyms outside any name.
    for m in matches.iter().filter(|m| m.kind == GazType::Norp) {
        if !out
            .iter()
            .any(|o| overlaps((o.start, o.end), (m.start, m.end)))
        {
            out.push(WordMention {
                start: m.start,
                end: m.end,
                kind: EntityType::Norp,
            });
        }
    }

    for d in crate::dates::find_dates(words) {
        if !out.iter().any(|o| overlaps((o.start, o.end), d)) {
            out.push(WordMention {
                start: d.0,
                end: d.1,
                kind: EntityType::Date,
            });
        }
    }
    out.sort_by_key(|o| (o.start, o.end));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::build_matcher;

    /// Refine one model span over whitespace-split `text`; the mentions as `(text, type)`.
    fn refined(text: &str, start: usize, end: usize, kind: Kind) -> Vec<(String, &'static str)> {
        refined_with(&["F\tVladimir"], text, start, end, kind)
    }

    /// [`refine`] of one model span of `text`, with a gazetteer of census `names` lines.
    fn refined_with(
        names: &[&str],
        text: &str,
        start: usize,
        end: usize,
        kind: Kind,
    ) -> Vec<(String, &'static str)> {
        let names: Vec<String> = names.iter().map(|n| n.to_string()).collect();
        let matcher = build_matcher(&[], &names);
        let words: Vec<&str> = text.split_whitespace().collect();
        let mut matches = Vec::new();
        matcher.find_into(&words, &mut matches);
        let spans = [TokenSpan { start, end, kind }];
        refine(&words, &spans, &matches, &matcher)
            .into_iter()
            .map(|m| (words[m.start..m.end].join(" "), m.kind.name()))
            .collect()
    }

    #[test]
    fn a_place_named_in_several_words_is_no_person() {
        // `Hong` a census given name and `Kong` a surname, but `Hong Kong` is a place the
        // gazetteer names.
        let place = |names: &[&str], text: &str| refined_with(names, text, 2, 4, Kind::Loc);
        let out = place(&["F\tHong", "L\tKong"], "signed in Hong Kong and");
        assert_eq!(out.len(), 1);
        assert_ne!(out[0].1, EntityType::Person.name());
        // Two census names that no gazetteer entry covers are a person.
        let out = place(&["F\tHong", "L\tSmith"], "signed in Hong Smith and");
        assert_eq!(out[0].1, EntityType::Person.name());
        // A club's name the model typed PERSON is an organisation.
        let out = refined("says Manchester United and", 1, 3, Kind::Per);
        assert_eq!(out, vec![("Manchester United".to_string(), "ORG")]);
        // Nor a name ending in a word that ends places' names (`Beverly Hills`).
        let out = place(&["F\tBeverly", "L\tHills"], "signed in Beverly Hills and");
        assert_ne!(out[0].1, EntityType::Person.name());
        // A name the model typed PERSON that ends in a word only places' names end in.
        let out = refined("in Odessa Oblast and", 1, 3, Kind::Per);
        assert_eq!(out, vec![("Odessa Oblast".to_string(), "LOC")]);
        let out = refined("says Michael Bay and", 1, 3, Kind::Per);
        assert_eq!(out, vec![("Michael Bay".to_string(), "PERSON")]);
    }

    #[test]
    fn a_name_after_a_title_or_job_is_a_person() {
        let out = refined("said WorldCom chief Bernie Ebbers again", 3, 5, Kind::Org);
        assert_eq!(out, vec![("Bernie Ebbers".to_string(), "PERSON")]);
        let out = refined(
            "said England coach Sven-Goran Eriksson again",
            3,
            5,
            Kind::Org,
        );
        assert_eq!(out, vec![("Sven-Goran Eriksson".to_string(), "PERSON")]);
        // Not after a word that may name a firm's business, nor a name with an
        // organisation's word in it.
        let out = refined("at fund manager Matrix Asset Advisors .", 3, 6, Kind::Org);
        assert_eq!(out[0].1, "ORG");
        let out = refined("said coach Leeds United again", 2, 4, Kind::Org);
        assert_eq!(out[0].1, "ORG");
    }

    #[test]
    fn titles_leave_person_names() {
        let out = refined("President Vladimir Putin spoke", 0, 3, Kind::Per);
        assert_eq!(out, vec![("Vladimir Putin".to_string(), "PERSON")]);
        // Typed ORG by the model, but a census given name follows the title.
        let out = refined("President Vladimir spoke", 0, 2, Kind::Org);
        assert_eq!(out, vec![("Vladimir".to_string(), "PERSON")]);
        // Typed LOC, but two words follow the title.
        let out = refined("Defense Minister Sergei Ivanov spoke", 0, 4, Kind::Loc);
        assert_eq!(out, vec![("Sergei Ivanov".to_string(), "PERSON")]);
    }

    #[test]
    fn commas_end_names_but_legal_forms_join() {
        let out = refined("Mondale , Senator Baker agreed", 0, 4, Kind::Per);
        assert_eq!(out, vec![("Mondale".to_string(), "PERSON")]);
        let out = refined(
            "Atlantic Lottery Corporation , Inc. appealed",
            0,
            3,
            Kind::Org,
        );
        assert_eq!(
            out,
            vec![("Atlantic Lottery Corporation , Inc.".to_string(), "ORG")]
        );
        let out = refined("Enron Net Works , LLC said", 0, 5, Kind::Org);
        assert_eq!(out, vec![("Enron Net Works , LLC".to_string(), "ORG")]);
    }

    #[test]
    fn title_words_opening_organisations_stay() {
        let out = refined("General Motors cut jobs", 0, 2, Kind::Org);
        assert_eq!(out, vec![("General Motors".to_string(), "ORG")]);
        // An organisation word after the title: the whole name is the organisation's.
        let out = refined("The Justice Department said", 1, 3, Kind::Per);
        assert_eq!(out, vec![("Justice Department".to_string(), "ORG")]);
    }
}
