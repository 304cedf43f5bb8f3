//! News outlets: a small built-in gazetteer of international outlets (canonical name, aliases,
//! country) and the descriptive pattern `the Italian news daily Corriere della Sera`.

/// `(canonical name, aliases, country)`.
pub const OUTLETS: &[(&str, &[&str], &str)] = &[
    (
        "Radio Free Europe/Radio Liberty",
        &["RFE/RL", "Radio Free Europe", "Radio Liberty"],
        "United States",
    ),
    (
        "The British Broadcasting Corporation",
        &[
            "BBC",
            "BBC News",
            "British Broadcasting Corporation",
            "the BBC",
        ],
        "United Kingdom",
    ),
    ("Corriere della Sera", &["Corriere"], "Italy"),
    (
        "Voice of Russia",
        &["Voice of Russia World Service"],
        "Russia",
    ),
    ("Voice of America", &["VOA"], "United States"),
    (
        "The New York Times",
        &["New York Times", "NYT", "the Times"],
        "United States",
    ),
    (
        "The Washington Post",
        &["Washington Post", "the Post"],
        "United States",
    ),
    (
        "The Wall Street Journal",
        &["Wall Street Journal", "WSJ"],
        "United States",
    ),
    (
        "Associated Press",
        &["AP", "the Associated Press"],
        "United States",
    ),
    ("Reuters", &["Thomson Reuters"], "United Kingdom"),
    (
        "Agence France-Presse",
        &["AFP", "Agence France Presse"],
        "France",
    ),
    ("CNN", &["Cable News Network"], "United States"),
    ("Fox News", &["Fox", "Fox News Channel"], "United States"),
    ("NBC News", &["NBC"], "United States"),
    ("CBS News", &["CBS"], "United States"),
    ("ABC News", &["ABC"], "United States"),
    ("MSNBC", &[], "United States"),
    ("NPR", &["National Public Radio"], "United States"),
    ("Politico", &["POLITICO"], "United States"),
    ("The Guardian", &["Guardian"], "United Kingdom"),
    ("The Times of London", &["The Times"], "United Kingdom"),
    (
        "The Daily Telegraph",
        &["Telegraph", "The Telegraph"],
        "United Kingdom",
    ),
    ("Financial Times", &["FT"], "United Kingdom"),
    ("The Economist", &["Economist"], "United Kingdom"),
    ("Al Jazeera", &["Al-Jazeera", "Aljazeera"], "Qatar"),
    ("Interfax", &[], "Russia"),
    ("ITAR-TASS", &["TASS", "Itar-Tass"], "Russia"),
    ("RIA Novosti", &["RIA"], "Russia"),
    ("Xinhua", &["Xinhua News Agency"], "China"),
    ("Le Monde", &[], "France"),
    ("Der Spiegel", &["Spiegel"], "Germany"),
    ("La Repubblica", &["Repubblica"], "Italy"),
    ("El País", &["El Pais"], "Spain"),
    ("Haaretz", &[], "Israel"),
    ("Bloomberg", &["Bloomberg News"], "United States"),
    ("USA Today", &[], "United States"),
    (
        "Los Angeles Times",
        &["LA Times", "L.A. Times"],
        "United States",
    ),
    ("Breitbart", &["Breitbart News"], "United States"),
    ("The Hill", &[], "United States"),
    ("Newsweek", &[], "United States"),
    ("Time", &["Time magazine"], "United States"),
    ("The Atlantic", &[], "United States"),
    ("BuzzFeed News", &["BuzzFeed"], "United States"),
    (
        "Huffington Post",
        &["HuffPost", "The Huffington Post"],
        "United States",
    ),
    ("Daily Mail", &["The Daily Mail"], "United Kingdom"),
    ("The Mail on Sunday", &["Mail on Sunday"], "United Kingdom"),
];

/// Words naming a kind of outlet (`the Italian news daily ...`).
pub const OUTLET_NOUNS: &[&str] = &[
    "daily",
    "newspaper",
    "paper",
    "weekly",
    "magazine",
    "broadcaster",
    "network",
    "agency",
    "radio",
    "television",
    "channel",
    "tabloid",
    "website",
    "outlet",
    "station",
    "service",
    "wire",
];

/// `(adjective, country)` for affiliations.
pub const NATIONALITIES: &[(&str, &str)] = &[
    ("Russian", "Russia"),
    ("Iraqi", "Iraq"),
    ("Italian", "Italy"),
    ("British", "United Kingdom"),
    ("American", "United States"),
    ("U.S.", "United States"),
    ("US", "United States"),
    ("French", "France"),
    ("German", "Germany"),
    ("Chinese", "China"),
    ("Iranian", "Iran"),
    ("Israeli", "Israel"),
    ("Palestinian", "Palestine"),
    ("Syrian", "Syria"),
    ("Afghan", "Afghanistan"),
    ("Pakistani", "Pakistan"),
    ("Indian", "India"),
    ("Japanese", "Japan"),
    ("Korean", "Korea"),
    ("Czech", "Czech Republic"),
    ("Polish", "Poland"),
    ("Ukrainian", "Ukraine"),
    ("Turkish", "Turkey"),
    ("Saudi", "Saudi Arabia"),
    ("Egyptian", "Egypt"),
    ("Mexican", "Mexico"),
    ("Canadian", "Canada"),
    ("Spanish", "Spain"),
    ("Cuban", "Cuba"),
    ("Kuwaiti", "Kuwait"),
    ("Soviet", "Soviet Union"),
    ("U.N.", "U.N."),
    ("UN", "U.N."),
    ("United Nations", "U.N."),
    ("NATO", "NATO"),
    ("EU", "European Union"),
];

/// Country names and capitals used as metonyms for governments (`Moscow`, `Baghdad`).
pub const GOVERNMENTS: &[(&str, &str)] = &[
    ("Moscow", "Russia"),
    ("Baghdad", "Iraq"),
    ("Washington", "United States"),
    ("Beijing", "China"),
    ("Tehran", "Iran"),
    ("London", "United Kingdom"),
    ("Paris", "France"),
    ("Berlin", "Germany"),
    ("Kremlin", "Russia"),
    ("the Kremlin", "Russia"),
    ("the White House", "United States"),
    ("White House", "United States"),
    ("Pentagon", "United States"),
    ("the Pentagon", "United States"),
    ("Russia", "Russia"),
    ("Iraq", "Iraq"),
    ("the United States", "United States"),
    ("Israel", "Israel"),
    ("Iran", "Iran"),
    ("China", "China"),
    ("Syria", "Syria"),
    ("France", "France"),
    ("Germany", "Germany"),
    ("Britain", "United Kingdom"),
    ("Ukraine", "Ukraine"),
    ("Turkey", "Turkey"),
    ("Pyongyang", "North Korea"),
    ("Kabul", "Afghanistan"),
    ("Damascus", "Syria"),
    ("Kiev", "Ukraine"),
    ("Ankara", "Turkey"),
    ("UK", "United Kingdom"),
    ("the UK", "United Kingdom"),
    ("US", "United States"),
    ("the US", "United States"),
    ("Downing Street", "United Kingdom"),
    ("the Scottish Executive", "United Kingdom"),
    ("the Welsh Assembly", "United Kingdom"),
    ("Number 10", "United Kingdom"),
    ("Number Ten", "United Kingdom"),
    ("No 10", "United Kingdom"),
    ("Whitehall", "United Kingdom"),
    ("the Elysee", "France"),
    ("Elysee", "France"),
    ("Tokyo", "Japan"),
    ("New Delhi", "India"),
];

/// The outlet a name refers to: `(canonical, country)`. Case-sensitive on names, ignoring a
/// leading `the`.
pub fn lookup(name: &str) -> Option<(&'static str, &'static str)> {
    let strip = |s: &str| -> String {
        let s = s.trim();
        s.strip_prefix("the ")
            .or_else(|| s.strip_prefix("The "))
            .unwrap_or(s)
            .to_string()
    };
    let n = strip(name);
    for &(canon, aliases, country) in OUTLETS {
        if strip(canon) == n || aliases.iter().any(|a| strip(a) == n) {
            return Some((canon, country));
        }
    }
    None
}

/// Every outlet name (canonical or alias, a leading `the` removed) in [`OUTLETS`] order, and
/// the names indexed by their first word.
struct NameIndex {
    /// (canonical name, name as searched, country).
    names: Vec<(&'static str, &'static str, &'static str)>,
    by_first_word: std::collections::HashMap<&'static str, Vec<usize>>,
    /// Names that do not start with a word character: always tried.
    unindexed: Vec<usize>,
    /// One-word names that come with `the` (`the Hill`, `the Times`): without it the word is
    /// someone's name or a common noun (`Hill, who will testify`).
    needs_the: Vec<bool>,
}

fn name_index() -> &'static NameIndex {
    static INDEX: std::sync::OnceLock<NameIndex> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let mut ix = NameIndex {
            names: Vec::new(),
            by_first_word: Default::default(),
            unindexed: Vec::new(),
            needs_the: Vec::new(),
        };
        for &(canon, aliases, country) in OUTLETS {
            for cand in std::iter::once(canon).chain(aliases.iter().copied()) {
                let c = cand
                    .strip_prefix("the ")
                    .or_else(|| cand.strip_prefix("The "))
                    .unwrap_or(cand);
                if c.len() < 2 {
                    continue;
                }
                let k = ix.names.len();
                ix.names.push((canon, c, country));
                ix.needs_the.push(c.len() < cand.len() && !c.contains(' '));
                match c.split(|ch: char| !ch.is_alphanumeric()).next() {
                    Some(first) if !first.is_empty() => {
                        ix.by_first_word.entry(first).or_default().push(k)
                    }
                    _ => ix.unindexed.push(k),
                }
            }
        }
        ix
    })
}

/// Find a known outlet named inside a longer phrase (`a report from Radio Free Europe/Radio
/// Liberty`), longest name first (the earliest in [`OUTLETS`] among equally long ones).
pub fn find_in(phrase: &str) -> Option<(&'static str, &'static str, usize, usize)> {
    let ix = name_index();
    // A name can only match where its first word is a word of the phrase.
    let mut cands: Vec<usize> = ix.unindexed.clone();
    for w in phrase
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if let Some(ks) = ix.by_first_word.get(w) {
            cands.extend_from_slice(ks);
        }
    }
    cands.sort_unstable();
    cands.dedup();
    let mut best: Option<(&'static str, &'static str, usize, usize)> = None;
    for k in cands {
        let (canon, c, country) = ix.names[k];
        let mut from = 0;
        while let Some(p) = phrase[from..].find(c) {
            let a = from + p;
            let b = a + c.len();
            let left_ok = if ix.needs_the[k] {
                let before = phrase[..a].trim_end();
                before.len() < a
                    && (before.ends_with("the") || before.ends_with("The"))
                    && !before[..before.len() - 3].ends_with(|ch: char| ch.is_alphanumeric())
            } else {
                a == 0 || !phrase[..a].ends_with(|ch: char| ch.is_alphanumeric())
            };
            let right_ok =
                b == phrase.len() || !phrase[b..].starts_with(|ch: char| ch.is_alphanumeric());
            if left_ok && right_ok && best.is_none_or(|x| c.len() > x.3 - x.2) {
                best = Some((canon, country, a, b));
            }
            from = b;
        }
    }
    best
}

pub fn nationality(word: &str) -> Option<&'static str> {
    NATIONALITIES
        .iter()
        .find(|(a, _)| *a == word)
        .map(|(_, c)| *c)
}

/// `Czech Republic` (a country named in full, with or without `the`).
pub fn country(name: &str) -> Option<&'static str> {
    let n = name.trim();
    let n = n.strip_prefix("the ").unwrap_or(n);
    NATIONALITIES.iter().find(|(_, c)| *c == n).map(|(_, c)| *c)
}

pub fn government(name: &str) -> Option<&'static str> {
    let name = name.trim();
    // (`The Kremlin` opening a sentence is `the Kremlin`.)
    let name = name
        .strip_prefix("The ")
        .map_or(std::borrow::Cow::Borrowed(name), |rest| {
            std::borrow::Cow::Owned(format!("the {rest}"))
        });
    GOVERNMENTS
        .iter()
        .find(|(a, _)| *a == name)
        .map(|(_, c)| *c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonicalises_outlets() {
        assert_eq!(
            lookup("RFE/RL").unwrap().0,
            "Radio Free Europe/Radio Liberty"
        );
        assert_eq!(
            lookup("the BBC").unwrap().0,
            "The British Broadcasting Corporation"
        );
        let (c, country, a, _) = find_in("the Italian news daily Corriere della Sera").unwrap();
        assert_eq!((c, country, a), ("Corriere della Sera", "Italy", 23));
        assert_eq!(
            find_in("a report from Radio Free Europe/Radio Liberty")
                .unwrap()
                .0,
            "Radio Free Europe/Radio Liberty"
        );
        assert!(find_in("Corrierexyz").is_none());
        // A one-word name that comes with `the` needs it.
        assert_eq!(find_in("a report in The Hill").unwrap().0, "The Hill");
        assert!(find_in("Hill, who will testify Thursday").is_none());
        assert_eq!(
            find_in("BBC correspondent Peter Hunt").unwrap().0,
            "The British Broadcasting Corporation"
        );
    }
}
