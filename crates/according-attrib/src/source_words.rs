//! The word lists that say what kind of source a phrase names: titles, organisation and
//! government words, pronouns, report nouns, parties, job nouns and person descriptions.

/// Words of titles and roles that precede a name.
pub(crate) const TITLE_WORDS: &[&str] = &[
    "President",
    "Vice",
    "Prime",
    "Minister",
    "CEO",
    "Deputy",
    "Foreign",
    "Defense",
    "Defence",
    "Interior",
    "Secretary",
    "Senator",
    "Sen.",
    "Rep.",
    "Representative",
    "Gov.",
    "Governor",
    "Mayor",
    "General",
    "Gen.",
    "Lt.",
    "Col.",
    "Chief",
    "Executive",
    "Director",
    "Ambassador",
    "Spokesman",
    "Spokeswoman",
    "Judge",
    "Justice",
    "Chairman",
    "Chairwoman",
    "Speaker",
    "Leader",
    "Majority",
    "Minority",
    "Attorney",
    "Former",
    "former",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr.",
    "Professor",
    "Prof.",
    "King",
    "Queen",
    "Prince",
    "Sheikh",
    "Ayatollah",
    "Commander",
    "Admiral",
    "Sergeant",
    "Officer",
    "Detective",
    "Candidate",
    "Democratic",
    "Republican",
    "GOP",
    "Democrat",
    "State",
    "Presidential",
    "Chancellor",
    "Premier",
    "Pope",
    "Rev.",
    "Bishop",
    "Senior",
    "Adviser",
    "Advisor",
    "Economic",
    "National",
    "Security",
    "Homeland",
    "Treasury",
    "Health",
    "Finance",
    "Trade",
    "Energy",
    "Justice",
    "Supreme",
    "Court",
    // Police, courts, church and forces (`Suffolk Chief Constable Alastair McWhirter`).
    "Constable",
    "Inspector",
    "Superintendent",
    "Commissioner",
    "Magistrate",
    "Coroner",
    "Archbishop",
    "Cardinal",
    "Colonel",
    "Lieutenant",
    "Councillor",
];

/// Words marking an organization (or a government body, see [`GOV_WORDS`]).
pub(crate) const ORG_WORDS: &[&str] = &[
    "Council",
    "Committee",
    "Party",
    "University",
    "Commission",
    "Agency",
    "Institute",
    "Association",
    "Campaign",
    "campaign",
    "Congress",
    "Senate",
    "Foundation",
    "Center",
    "Centre",
    "Bank",
    "Company",
    "Inc.",
    "Corp.",
    "Group",
    "Organization",
    "Organisation",
    "Union",
    "Office",
    "Board",
    "Coalition",
    "Network",
    "Fund",
    "Programme",
    "Program",
    "Authority",
    "Trust",
    "Club",
    "Alliance",
    "Society",
    "Federation",
    "League",
    "Court",
    "court",
    "Bureau",
    "Service",
    "Administration",
    "administration",
    "company",
    "firm",
    "group",
];

/// Common nouns that head a phrase naming a company (`the firm`, `The global sports giant`);
/// a bare definite description of one stands for a company named before.
pub(crate) const COMPANY_HEADS: &[&str] = &[
    "giant",
    "bank",
    "agency",
    "company",
    "firm",
    "airline",
    "carrier",
    "broadcaster",
    "retailer",
    "supermarket",
    "manufacturer",
    "maker",
    "carmaker",
    "operator",
    "provider",
    "chain",
    "conglomerate",
    "brewer",
    "automaker",
    "chipmaker",
    "drugmaker",
    "insurer",
    "lender",
    "club",
    "corporation",
    "publisher",
    "studio",
];

/// Common nouns that head a phrase naming a body of its own (`the committee`, `Ms Ardern's
/// office`): an organisation, but not one named before.
pub(crate) const BODY_HEADS: &[&str] = &[
    "office",
    "watchdog",
    "regulator",
    "charity",
    "union",
    "council",
    "committee",
    "commission",
    "university",
    "school",
    "hospital",
];

/// Nouns naming a body of people that is no organisation (`the business community`, `his
/// family`, `the opposition`, `the crowd`): a group.
pub(crate) const PEOPLE_COLLECTIVES: &[&str] = &[
    "community",
    "public",
    "electorate",
    "audience",
    "crowd",
    "staff",
    "workforce",
    "family",
    "opposition",
    "jury",
    "squad",
    "team",
    "camp",
];

/// Bodies that speak for the organisation they belong to (`the board`, `Manchester United's
/// board`), unlike a panel or a tribunal of its own.
pub(crate) const BOARDS: &[&str] = &[
    "board",
    "federation",
    "institute",
    "association",
    "alliance",
    "consortium",
    "foundation",
];

/// Nouns that head a phrase naming a body only in lowercase (`the federation`, `the panel`);
/// capitalised, they close a name (`the British Retail Consortium`, `Police Federation`).
pub(crate) const LOWERCASE_BODY_HEADS: &[&str] = &[
    "federation",
    "institute",
    "association",
    "alliance",
    "coalition",
    "consortium",
    "foundation",
    "panel",
    "tribunal",
    "board",
];

/// Words that close an organisation's name (`Clarence House`, `Band Aid`, `Warner Music`).
pub(crate) const ORG_NAME_ENDS: &[&str] = &[
    "House",
    "Aid",
    "Records",
    "Studios",
    "Pictures",
    "Airways",
    "Airlines",
    "Motors",
    "Ltd",
    "Ltd.",
    "plc",
    "PLC",
    "Holdings",
    "Partners",
    "Capital",
    "Media",
    "Entertainment",
    "Games",
    "Music",
    "Corporation",
    "Corp",
    "Technologies",
    "Systems",
    "Software",
    "Networks",
    "Communications",
    "Telecom",
    "Petroleum",
    "Resources",
    "Pharmaceuticals",
    "Laboratories",
    "Labs",
    // Campaigns and watchdogs: `Human Rights Watch`, `Global Witness`, `Friends of the Earth`.
    "Watch",
    "Witness",
    "Earth",
    "International",
    "Trust",
    "Foundation",
    "Institute",
    "Alliance",
    "Coalition",
    "Network",
    "Project",
];

/// Words marking a government body.
pub(crate) const GOV_WORDS: &[&str] = &[
    "government",
    "Government",
    "Ministry",
    "ministry",
    "Department",
    "police",
    "Police",
    "Kremlin",
    "White House",
    "Pentagon",
    "State Department",
    "authorities",
    "regime",
    "Cabinet",
    "cabinet",
    "Parliament",
    "parliament",
];

/// Government bodies whose names say no `Department` (British mostly); a source ending with
/// one is that body (`the Treasury`, not `Treasury Secretary John Snow`).
pub(crate) const GOV_NAMES: &[&str] = &[
    "Home Office",
    "Foreign Office",
    "Cabinet Office",
    "Downing Street",
    "Treasury",
    "Whitehall",
    "Commons",
    "House of Lords",
    "the Lords",
    "The Lords",
];

pub(crate) const PRONOUNS_PERSON: &[&str] = &[
    "he", "she", "him", "her", "his", "hers", "himself", "herself",
];
pub(crate) const PRONOUNS_OTHER: &[&str] = &[
    "they", "them", "it", "we", "i", "you", "us", "its", "their", "my", "our", "your",
];

/// Words that introduce the real source inside a nominal one: `a report from X`.
pub(crate) const REPORT_NOUNS: &[&str] = &[
    "report",
    "reports",
    "article",
    "story",
    "statement",
    "broadcast",
    "interview",
    "dispatch",
    "editorial",
    "op-ed",
    "column",
    "release",
    "memo",
    "letter",
    "study",
    "survey",
    "poll",
    "research",
];

/// Participles between a report noun and who made it: `a report, published by X`.
pub(crate) const PUBLISHING_PARTICIPLES: &[&str] = &[
    "published",
    "released",
    "revealed",
    "gathered",
    "issued",
    "commissioned",
    "written",
    "produced",
    "compiled",
    "conducted",
    "prepared",
    "carried",
    "broadcast",
    "aired",
];

/// Political parties named by their members (British usage mostly).
pub(crate) const PARTIES: &[&str] = &[
    "Tories",
    "Lib Dems",
    "Labour",
    "Conservatives",
    "Liberal Democrats",
    "SNP",
    "Plaid Cymru",
    "Greens",
    "Sinn Fein",
    "DUP",
    "UKIP",
];

/// Lowercase nouns naming a person's job, which a name may follow (`campaign chairman John
/// Tomaney`, `Castro's chief aide`).
pub(crate) const PERSON_ROLE_NOUNS: &[&str] = &[
    "chairman",
    "chairwoman",
    "chair",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "director",
    "chief",
    "head",
    "leader",
    "secretary",
    "executive",
    "analyst",
    "economist",
    "professor",
    "president",
    "minister",
    "manager",
    "coach",
    "lawyer",
    "correspondent",
    "editor",
    "aide",
    "adviser",
    "advisor",
    "founder",
    "boss",
    "captain",
    "striker",
    "star",
    "singer",
    "actor",
    "actress",
    "author",
    "official",
    "officer",
    "commissioner",
    "governor",
    "mayor",
    "researcher",
    "scientist",
    "expert",
    "strategist",
    "consultant",
    "campaigner",
    "activist",
    "MP",
    "MEP",
    "candidate",
    "presenter",
    "writer",
    "chancellor",
    "premier",
    "agent",
    "senator",
    "lawmaker",
    "judge",
    "prosecutor",
    "man",
    "woman",
    // (`the attorney general`, `the secretary general`, `the general`.)
    "general",
];

/// Lowercase words that qualify a job title (`deputy`, `press`, `campaign`).
pub(crate) const JOB_MODIFIERS: &[&str] = &[
    "deputy",
    "shadow",
    "assistant",
    "senior",
    "vice",
    "general",
    "managing",
    "press",
    "campaign",
    "party",
    "union",
    "police",
    "communications",
    "executive",
    "chief",
    "co",
    // (`attorney general`, `solicitor general`, `inspector general`.)
    "attorney",
    "solicitor",
    "inspector",
    "surgeon",
];

/// Nouns that, after `the`, refer back to a person named before (`the striker`).
pub(crate) const DESCRIPTION_NOUNS: &[&str] = &[
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "keeper",
    "winger",
    "forward",
    "captain",
    "skipper",
    "manager",
    "coach",
    "boss",
    "player",
    "veteran",
    "champion",
    "sprinter",
    "athlete",
    "runner",
    "rider",
    "driver",
    "boxer",
    "golfer",
    "batsman",
    "bowler",
    "seed",
    "singer",
    "actor",
    "actress",
    "star",
    "rapper",
    "musician",
    "comedian",
    "presenter",
    "director",
    "author",
    "novelist",
    "writer",
    "film-maker",
    "filmmaker",
    "producer",
    "frontman",
    "tycoon",
    "billionaire",
    "entrepreneur",
    "businessman",
    "businesswoman",
    "medallist",
    "medalist",
    "holder",
    "favourite",
    "favorite",
    "youngster",
    "teenager",
    "winner",
    "runner-up",
];

/// Nouns of nationality for a person (`the Dutchman`, `the Kenyan`).
pub(crate) const NATIONALITY_NOUNS: &[&str] = &[
    "dutchman",
    "dutchwoman",
    "irishman",
    "irishwoman",
    "frenchman",
    "frenchwoman",
    "englishman",
    "englishwoman",
    "welshman",
    "welshwoman",
    "scotsman",
    "scotswoman",
    "scot",
    "briton",
    "swede",
    "dane",
    "finn",
    "spaniard",
    "pole",
    "turk",
    "american",
    "australian",
    "canadian",
    "kenyan",
    "ethiopian",
    "nigerian",
    "jamaican",
    "brazilian",
    "argentine",
    "argentinian",
    "russian",
    "german",
    "italian",
    "norwegian",
    "belgian",
    "swiss",
    "austrian",
    "greek",
    "portuguese",
    "croat",
    "serb",
    "czech",
    "ukrainian",
    "south african",
    "new zealander",
    "chinese",
    "japanese",
    "indian",
    "pakistani",
    "israeli",
    "iranian",
    "iraqi",
    "mexican",
    "colombian",
    "chilean",
];

/// `the Dutchman`, `the striker`, `the former champion`, `the 25-year-old`: a definite
/// description of one person, who was named before (resolved like `he`).
pub(crate) fn is_person_description(lower: &str) -> bool {
    let Some(rest) = lower.strip_prefix("the ") else {
        return false;
    };
    let age = |w: &str| {
        w.strip_suffix("-year-old")
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    };
    if NATIONALITY_NOUNS.contains(&rest) || age(rest) {
        return true;
    }
    // `the world indoor champion`, `the Sydney Olympic gold medallist`: a few modifiers
    // before the noun, no `of` phrase or possessive (`the party's leader` is a role).
    let words: Vec<&str> = rest.split_whitespace().collect();
    let Some((&last, mods)) = words.split_last() else {
        return false;
    };
    DESCRIPTION_NOUNS.contains(&last)
        && mods.len() <= 4
        && (last != "holder" || mods.last() == Some(&"record"))
        && !mods
            .iter()
            .any(|m| matches!(*m, "of" | "for" | "at" | "in") || is_possessive(m))
}

/// `Mr`, `Dr.`, `Lady`: a word the recogniser leaves out of a person's name.
/// `word` without a closing possessive (`Microsoft's`, `Microsoft’s` → `Microsoft`).
pub(crate) fn strip_possessive(word: &str) -> Option<&str> {
    word.strip_suffix("'s").or_else(|| word.strip_suffix("’s"))
}

/// `word` closes with a possessive `'s` or `’s`.
pub(crate) fn is_possessive(word: &str) -> bool {
    strip_possessive(word).is_some()
}

pub(crate) fn is_honorific(word: &str) -> bool {
    matches!(
        word.trim_end_matches('.'),
        "Mr" | "Mrs" | "Ms" | "Miss" | "Dr" | "Prof" | "Sir" | "Lord" | "Lady" | "Dame"
    )
}
