//! Tests of what a source's words say about who it is.

use super::*;

/// `analyze(src)` names `name`, of type `kind`, with role `role`.
#[track_caller]
fn assert_reads(src: &str, name: &str, kind: SourceType, role: Option<&str>) {
    let i = analyze(src);
    assert_eq!(
        (i.name.as_str(), i.kind, i.role.as_deref()),
        (name, kind, role),
        "{src}"
    );
}

#[test]
fn a_company_noun_before_a_name_and_a_person_of_a_body() {
    assert_reads(
        "Finnish security firm F-Secure",
        "F-Secure",
        SourceType::Organization,
        Some("Finnish security firm"),
    );
    assert_reads(
        "Bank of England governor Mervyn King",
        "Mervyn King",
        SourceType::Person,
        Some("Bank of England governor"),
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
    // A person's job right before the name keeps a person the recogniser typed an
    // organisation, whatever the given name.
    let src = "Former WorldCom chief Bernie Ebbers";
    let mut i = analyze(src);
    retype_with_mentions(&mut i, src, 0, &[mention(22, 35, "ORG")]);
    assert_eq!(
        (i.name.as_str(), i.kind),
        ("Bernie Ebbers", SourceType::Person)
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
    let i =
        analyze("Richard Butler, the former head of the U.N. weapons-inspection program in Iraq");
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
    // An appositive after the name says what the outlet is; a clause does not.
    let i = analyze(
        "the Voice of Russia World Service, the official broadcasting service of the Russian \
         government",
    );
    assert_eq!(
        (i.kind, i.role.as_deref()),
        (
            SourceType::Outlet,
            Some("the official broadcasting service of the Russian government")
        )
    );
    let i = analyze("the BBC, which reported it");
    assert_eq!((i.kind, i.role), (SourceType::Outlet, None));
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
    assert_reads(
        "Pharmaceutical giant Johnson & Johnson",
        "Johnson & Johnson",
        SourceType::Organization,
        Some("Pharmaceutical giant"),
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
        // (A body's one-word name that is also a given name.)
        (
            "A Delta spokesperson",
            "Delta",
            SourceType::Organization,
            "spokesperson",
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
    let i = analyze("UK think-tank Demos");
    assert_eq!(
        (i.name.as_str(), i.kind),
        ("Demos", SourceType::Organization)
    );
    let i = analyze("The Culture Secretary");
    assert_eq!((i.kind, i.unnamed), (SourceType::Person, true));
    assert_eq!(analyze("His agent").kind, SourceType::Person);
    assert_ne!(
        analyze("The Health and Safety Executive").kind,
        SourceType::Person
    );
    let i = analyze("The US Secretary of Energy Spencer Abraham");
    assert_eq!(i.name, "Spencer Abraham");
    let i = analyze("John Craig, co-author of the Demos report");
    assert_eq!(
        (i.name.as_str(), i.kind),
        ("John Craig", SourceType::Person)
    );
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
    // A report, a statement, an annual report: no report left vague when its owner is named.
    for (src, name, kind) in [
        (
            "the Pensions Commission's report",
            "Pensions Commission",
            SourceType::Organization,
        ),
        ("The NAO's annual report", "NAO", SourceType::Organization),
        ("Mr Tanzi's statement", "Mr Tanzi", SourceType::Person),
    ] {
        let i = analyze(src);
        assert_eq!((i.name.as_str(), i.kind), (name, kind), "{src}");
        assert!(i.speaks_for, "{src}");
    }
    // Research no one is said to have done is vague; a head of research is no research.
    assert_eq!(analyze("Latest research").kind, SourceType::Vague);
    assert_eq!(analyze("Official figures").kind, SourceType::Vague);
    assert_ne!(analyze("senior Labour figures").kind, SourceType::Vague);
    assert_ne!(
        analyze("Chinese government figures").kind,
        SourceType::Vague
    );
    let i = analyze("California attorney general Bill Lockyer");
    assert_eq!(i.role.as_deref(), Some("California attorney general"));
    assert_eq!(analyze("the attorney general").kind, SourceType::Person);
    assert_ne!(analyze("Merck's head of research Peter Kim").name, "Merck");
    let src = "Internet service provider (ISP) Plus.net";
    let i = analyze(src);
    assert_eq!(i.name, "Plus.net");
    assert_eq!(&src[i.name_range.0..i.name_range.1], "Plus.net");
}

#[test]
fn some_of_a_named_body_is_vague() {
    for src in ["some senior Tories", "Many MPs", "several Scots"] {
        assert_eq!(analyze(src).kind, SourceType::Vague, "{src}");
    }
}

/// Each of `are` reads as `kind`; none of `are_not` does.
fn reads_as(kind: SourceType, are: &[&str], are_not: &[&str]) {
    for src in are {
        assert_eq!(analyze(src).kind, kind, "{src}");
    }
    for src in are_not {
        assert_ne!(analyze(src).kind, kind, "{src}");
    }
}

#[test]
fn one_unnamed_person_is_vague() {
    // (Not named in an aside, nor a name itself.)
    reads_as(
        SourceType::Vague,
        &[
            "one dealer",
            "One leading Karachi broker",
            "another senior economic adviser",
            "those surveyed",
            "Sources within the Conservative Party",
        ],
        &[
            "One of the men, David Redvers, 34,",
            "One Direction",
            "those firms",
        ],
    );
}

#[test]
fn people_named_by_a_plural_or_a_team_are_a_group() {
    reads_as(
        SourceType::Group,
        &[
            "The two opposition parties",
            "Airlines and aviation bodies",
            "Lawyers for news organisations",
            "The Carnegie Mellon team",
            "Mr Kerry's camp",
        ],
        &[
            "The crisis",
            "The higher share prices",
            "comments from senior officials",
            "Labour's deputy minister for women",
        ],
    );
}

#[test]
fn a_person_by_what_they_do_or_are_to_someone() {
    for src in [
        "the witness",
        "his wife",
        "The unnamed collector",
        "The former teacher",
        "Michael Jackson's mother",
    ] {
        let i = analyze(src);
        assert_eq!(i.kind, SourceType::Person, "{src}");
        assert_eq!(i.role.as_deref(), Some(src), "{src}");
    }
    // Two people, or a relation before a name set off by a comma, are not read so.
    assert_ne!(analyze("She and her husband").kind, SourceType::Person);
    let i = analyze("Both her husband, former President Bill Clinton");
    assert_eq!(i.role.as_deref(), Some("former President"));
    // One person with two roles is.
    assert_eq!(
        analyze("the Florida senator and Republican presidential candidate").kind,
        SourceType::Person
    );
}

#[test]
fn a_name_an_aside_calls_a_company_is_one() {
    reads_as(
        SourceType::Organization,
        &[
            "Diageo, the world's biggest spirits company,",
            "Wipro, India's third-biggest software firm,",
        ],
        &[],
    );
    reads_as(
        SourceType::Person,
        &[
            "Alexandra Tower, a spokeswoman for the North Carolina-based bank,",
            "Birgit Kuhlhoff, from Sal Oppenheim investment bank,",
            "Ben Domenech, publisher of The Federalist",
            "Jamie Raab, the president and publisher of Grand Central Publishing",
        ],
        &[],
    );
}

#[test]
fn a_reflexive_is_no_part_of_the_name() {
    let i = analyze("Mr Blunkett himself");
    assert_eq!(
        (i.name.as_str(), i.kind),
        ("Mr Blunkett", SourceType::Person)
    );
    assert_eq!(analyze("The WTO itself").name, "The WTO");
}

#[test]
fn the_times_is_the_times_the_article_names() {
    let times = |text: &str| {
        let at = text
            .rfind("the Times")
            .or_else(|| text.rfind("The Times"))
            .unwrap();
        let i = analyze_in_doc(&text[at..at + 9], at, text, &[]);
        (i.name, i.affiliation)
    };
    let tampa = "PolitiFact is run by the Tampa Bay Times. In March the Times said so.";
    assert_eq!(times(tampa).0, "Tampa Bay Times");
    let nyt = "The New York Times reported the talks. Later the Times said so.";
    assert_eq!(times(nyt).0, "The New York Times");
    let london = "The Times said Lynton Crosby had spoken.";
    assert_eq!(
        times(london),
        (
            "The Times of London".to_string(),
            Some("United Kingdom".to_string())
        )
    );
}

#[test]
fn a_company_named_with_an_outlets_word_is_no_outlet() {
    for name in ["Time Warner", "Fox Searchlight"] {
        let i = analyze(name);
        assert_eq!((i.name.as_str(), i.kind), (name, SourceType::Organization));
    }
    // (An outlet's own parts keep it the outlet.)
    assert_eq!(analyze("BBC Sport").kind, SourceType::Outlet);
}

#[test]
fn a_capitalised_role_opening_the_sentence_is_a_role() {
    let i = analyze("Manager Brian Kerr");
    assert_eq!(
        (i.name.as_str(), i.role.as_deref(), i.kind),
        ("Brian Kerr", Some("Manager"), SourceType::Person)
    );
    assert_eq!(analyze("Star Wars: Battlefront").role, None);
}

#[test]
fn a_name_then_the_kind_of_outlet_is_that_outlet() {
    assert_reads(
        "the Hollywood Reporter trade newspaper",
        "Hollywood Reporter",
        SourceType::Outlet,
        Some("trade newspaper"),
    );
    assert_eq!(analyze("France's Le Figaro newspaper").name, "Le Figaro");
    // (A nationality or a bare `The` names no outlet.)
    for generic in ["a French newspaper", "The paper", "TV station"] {
        assert_ne!(analyze(generic).name, "French", "{generic}");
        assert!(analyze(generic).name.len() > 3, "{generic}");
    }
}

#[test]
fn two_capitalised_words_that_go_on_about_it_are_a_company() {
    let retyped = |name: &str, mentions: &[Mention]| {
        let mut i = analyze(name);
        retype_by_content_pronoun(&mut i, Some("it was making progress"), mentions);
        i.kind
    };
    assert_eq!(retyped("UK Coal", &[]), SourceType::Organization);
    // (Not a person the recogniser names, nor a known given name.)
    let putin = Mention {
        span: Span::new(0, 14),
        text: "Vladimir Putin".into(),
        kind: "PERSON".into(),
    };
    assert_eq!(retyped("Vladimir Putin", &[putin]), SourceType::Person);
    assert_eq!(retyped("Jason Daw", &[]), SourceType::Person);
}

#[test]
fn an_aside_saying_how_or_where_is_no_role() {
    assert_eq!(tidy_role("alongside BB King"), None);
    assert_eq!(tidy_role("Writing in the journal Nature"), None);
    assert_eq!(
        tidy_role("himself a former executive at rival Porsche").as_deref(),
        Some("a former executive at rival Porsche")
    );
    assert_eq!(
        tidy_role("chief economist at BMO").as_deref(),
        Some("chief economist at BMO")
    );
}

#[test]
fn an_agency_is_a_news_agency_only_as_one() {
    for src in [
        "The European Medicines Agency",
        "the Scottish Environment Protection Agency",
        "Child Support Agency",
    ] {
        assert_eq!(analyze(src).kind, SourceType::Organization, "{src}");
    }
    let i = analyze("The official Xinhua News Agency");
    assert_eq!((i.kind, i.name.as_str()), (SourceType::Outlet, "Xinhua"));
}

#[test]
fn the_houses_of_parliament_are_government_bodies() {
    for src in ["The Commons", "the House of Lords", "the Lords"] {
        assert_eq!(analyze(src).kind, SourceType::Government, "{src}");
    }
    // (Their members and officers are people.)
    let i = analyze("Commons leader Peter Hain");
    assert_eq!(
        (i.kind, i.name.as_str()),
        (SourceType::Person, "Peter Hain")
    );
}

#[test]
fn a_described_person_keeps_what_an_aside_adds() {
    let i = analyze("Mr Brown's former advisor Ed Balls, now a parliamentary hopeful,");
    assert_eq!(
        (i.kind, i.name.as_str(), i.role.as_deref()),
        (
            SourceType::Person,
            "Ed Balls",
            Some("Mr Brown's former advisor, a parliamentary hopeful")
        )
    );
}

#[test]
fn an_acronym_after_the_names_a_body_unless_it_is_a_title() {
    for src in ["The IAAF", "The IFS"] {
        assert_eq!(analyze(src).kind, SourceType::Organization, "{src}");
    }
    assert_ne!(analyze("The PM").kind, SourceType::Organization);
    assert_eq!(analyze("The MPs").kind, SourceType::Group);
}

#[test]
fn where_a_source_is_is_not_who_it_is() {
    for (src, name, kind, role) in [
        (
            "BBC correspondent Simon Hall at Postbridge on Dartmoor in the West Country",
            "Simon Hall",
            SourceType::Person,
            Some("BBC correspondent"),
        ),
        (
            "the BBC's Sarah Mukherjee, with the Beaufort Hunt in Badminton, Gloucestershire",
            "Sarah Mukherjee",
            SourceType::Person,
            None,
        ),
        (
            "the BBC's Louisa Lim in Beijing",
            "Louisa Lim",
            SourceType::Person,
            None,
        ),
        (
            "analyst Erling Refsum at Nomura",
            "Erling Refsum",
            SourceType::Person,
            Some("analyst"),
        ),
        (
            "Policy makers in Europe",
            "Policy makers",
            SourceType::Group,
            None,
        ),
        (
            "Few in Westminster",
            "Few in Westminster",
            SourceType::Vague,
            None,
        ),
        (
            "press reports in China",
            "press reports",
            SourceType::Vague,
            None,
        ),
    ] {
        assert_reads(src, name, kind, role);
    }
    // The name is no place where a comma closes the place and a person follows, or the
    // place phrase belongs to a body's name, an outlet's, or what a report came from.
    for (src, name) in [
        (
            "The BBC's correspondent in Jakarta, Rachel Harvey,",
            "Rachel Harvey",
        ),
        ("War on Want's John Hilary", "John Hilary"),
        ("The Mail on Sunday", "The Mail on Sunday"),
        (
            "A milder review in the New York Times",
            "The New York Times",
        ),
        ("reports from Russian News Agency Interfax", "Interfax"),
        (
            "Richard Butler, the former head of the U.N. weapons-inspection program in Iraq,",
            "Richard Butler",
        ),
    ] {
        assert_eq!(analyze(src).name, name, "{src}");
    }
    assert_eq!(
        analyze("a spokesman for the UN's World Summit on the Information Society").name,
        "World Summit on the Information Society"
    );
    // (A place phrase opening the source leaves nothing before it to read.)
    let i = analyze("in London");
    assert_eq!(i.name, "London");
}

#[test]
fn people_of_outlets_and_police_titles() {
    for (src, name, role) in [
        (
            "Suffolk Chief Constable Alastair McWhirter",
            "Alastair McWhirter",
            Some("Suffolk Chief Constable"),
        ),
        ("Magistrate Lee Gilmore", "Lee Gilmore", Some("Magistrate")),
        (
            "fellow broadcaster Michael Pointon",
            "Michael Pointon",
            Some("fellow broadcaster"),
        ),
        (
            "Helen Sudell, editor of the IDS Pensions Service,",
            "Helen Sudell",
            Some("editor of the IDS Pensions Service"),
        ),
        (
            "BBC Radio Scotland presenter Vic Galloway, who has been involved in the project,",
            "Vic Galloway",
            Some("BBC Radio Scotland presenter"),
        ),
        (
            "union leader Vincenzo Lilliu, as reported by the Reuters news agency",
            "Vincenzo Lilliu",
            Some("union leader"),
        ),
    ] {
        assert_reads(src, name, SourceType::Person, role);
    }
    let i = analyze("Wendy Ide of The Times");
    assert_eq!((i.name.as_str(), i.kind), ("Wendy Ide", SourceType::Person));
    // (A given name in an aside after a comma is the outlet's: `Mac Format`.)
    let i = analyze("Ian Harris, deputy editor of UK magazine Mac Format,");
    assert_eq!(i.name, "Ian Harris");
}

#[test]
fn titles_held_of_places_and_names_with_particles() {
    for src in [
        "The Archbishop of Canterbury",
        "the Tory MP for Sleaford and North Hykeham",
        "The Mayor of London",
    ] {
        let i = analyze(src);
        assert_eq!((i.kind, i.unnamed), (SourceType::Person, true), "{src}");
        assert_eq!(i.role.as_deref(), Some(src));
    }
    // (A spokesman speaks for the name after `for`.)
    assert_eq!(analyze("a spokesman for Mr Prescott").name, "Mr Prescott");
    for (src, name, role) in [
        (
            "Jeremy de Souza, a spokesman for Crossrail,",
            "Jeremy de Souza",
            Some("a spokesman for Crossrail"),
        ),
        (
            "Festival director Sandra den Hamer",
            "Sandra den Hamer",
            Some("Festival director"),
        ),
        (
            "Conservative policy co-ordinator David Cameron, MP for Witney,",
            "David Cameron",
            Some("Conservative policy co-ordinator, MP for Witney"),
        ),
        ("Mr de Vabres", "Vabres", None),
        ("Mr. Brown", "Brown", None),
    ] {
        let i = analyze(src);
        assert_eq!((i.name.as_str(), i.role.as_deref()), (name, role), "{src}");
    }
    // (Words before a name that are no description stay out of its role.)
    assert_ne!(
        analyze("Munich Re and Swiss Re, the world's two biggest reinsurers,").kind,
        SourceType::Person
    );
}

#[test]
fn a_relative_clause_says_what_a_source_did_not_who_it_is() {
    for (src, name, kind, role) in [
        (
            "Clapton who joined Guy and King in a performance of Let Me Love You Baby",
            "Clapton",
            SourceType::Person,
            None,
        ),
        (
            "John Binks, director of GfK, which monitors global consumer markets",
            "John Binks",
            SourceType::Person,
            Some("director of GfK"),
        ),
        (
            "Director of Public Prosecutions, Ken Macdonald QC, who sits on the SGC,",
            "Ken Macdonald QC",
            SourceType::Person,
            Some("Director of Public Prosecutions"),
        ),
        (
            "Scottish Finance Minister, Tom McCabe MSP,",
            "Tom McCabe MSP",
            SourceType::Person,
            Some("Scottish Finance Minister"),
        ),
        (
            "RDF Media, which makes the show for US network ABC,",
            "RDF Media",
            SourceType::Organization,
            None,
        ),
    ] {
        assert_reads(src, name, kind, role);
    }
    // (`Those who …`, `People who …` stay vague.)
    assert_eq!(
        analyze("People who have integrated net access").kind,
        SourceType::Vague
    );
}

#[test]
fn a_name_before_what_it_published_is_the_source() {
    for (src, name) in [
        ("Labor Department figures", "Labor Department"),
        ("a CBI quarterly survey", "CBI"),
        ("A YouGov poll", "YouGov"),
        ("DOE test results", "DOE"),
        ("The Halifax figures", "Halifax"),
        (
            "Separate figures from the Building Societies Association",
            "the Building Societies Association",
        ),
    ] {
        let i = analyze(src);
        assert_eq!(i.name, name, "{src}");
        assert!(i.speaks_for || src.contains(" from "), "{src}");
    }
    // (A capitalised first word, a country, a people or a medium names no maker.)
    for src in [
        "Latest figures",
        "UK media reports",
        "a South Korean parliamentary report",
        "an earlier report",
    ] {
        assert_eq!(analyze(src).name, src, "{src}");
    }
}

#[test]
fn where_someone_is_from_is_their_affiliation() {
    let src = "Simon Wheatley, from Goldman Sachs,";
    let i = analyze_in_doc(src, 0, src, &[]);
    assert_eq!(
        (i.name.as_str(), i.role.as_deref(), i.affiliation.as_deref()),
        ("Simon Wheatley", None, Some("Goldman Sachs"))
    );
    let src = "Mike Hobday, of the League Against Cruel Sports,";
    let i = analyze_in_doc(src, 0, src, &[]);
    assert_eq!(
        i.affiliation.as_deref(),
        Some("League Against Cruel Sports")
    );
    // (A clause after `of` stays a role.)
    let src = "Tom Smith, head of what was said";
    assert!(analyze_in_doc(src, 0, src, &[]).role.is_some());
}

#[test]
fn a_board_speaks_for_its_organisation() {
    // The organisation named before (resolution finds it).
    let i = analyze("the board");
    assert_eq!((i.kind, i.unnamed), (SourceType::Organization, true));
    let i = analyze("Manchester United's board");
    assert_eq!(
        (i.name.as_str(), i.kind, i.speaks_for),
        ("Manchester United", SourceType::Organization, true)
    );
    // A capitalised body word closes a name; a panel is a body of its own.
    let i = analyze("the British Retail Consortium");
    assert!(!i.name.starts_with("the ") && i.name.ends_with("Retail Consortium"));
    let i = analyze("the panel");
    assert_eq!((i.kind, i.unnamed), (SourceType::Organization, false));
    // Two or three people named before are a group.
    for src in ["The pair", "the duo", "The couple, who married last year,"] {
        assert_eq!(analyze(src).kind, SourceType::Group, "{src}");
    }
    // A prefixed role is a role.
    let i = analyze("the Tory co-chairman");
    assert_eq!((i.kind, i.unnamed), (SourceType::Person, true));
}

/// Phrases made of words the rules look for, in any order: the analysis neither panics nor
/// returns a name range outside the text or off a character boundary.
#[test]
fn any_phrase_of_source_words_is_read_without_panicking() {
    const POOL: &[&str] = &[
        "the",
        "The",
        "a",
        "of",
        "in",
        "at",
        "on",
        "from",
        "with",
        "for",
        "and",
        ",",
        "-",
        "—",
        "'s",
        "’s",
        "Mr",
        "Dr.",
        "de",
        "BBC",
        "BBC's",
        "Times",
        "New",
        "York",
        "Minister",
        "Chief",
        "Constable",
        "spokesman",
        "board",
        "figures",
        "report",
        "survey",
        "who",
        "which",
        "said",
        "Sunday",
        "Mail",
        "Europe",
        "UK",
        "Labor",
        "Department",
        "Simon",
        "Hall",
        "Archbishop",
        "Canterbury",
        "MP",
        "analyst",
        "co-chairman",
        "(BPI)",
        "\"",
        "Łódź",
        "Zoë",
        "",
        " ",
        "Reuters",
        "as",
        "reported",
        "by",
        "United",
        "Park",
    ];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = || {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) as usize
    };
    for _ in 0..20_000 {
        let n = 1 + next() % 9;
        let phrase: Vec<&str> = (0..n).map(|_| POOL[next() % POOL.len()]).collect();
        let src = phrase.join(" ");
        for i in [analyze(&src), analyze_in_doc(&src, 0, &src, &[])] {
            let (a, b) = i.name_range;
            assert!(a <= b && b <= src.len(), "{src:?} {:?}", i.name_range);
            assert!(
                src.is_char_boundary(a) && src.is_char_boundary(b),
                "{src:?}"
            );
        }
    }
}

#[test]
fn people_together_are_a_group_and_a_place_after_them_no_government() {
    for (src, name) in [
        (
            "Lebanon's business community",
            "Lebanon's business community",
        ),
        ("the opposition", "the opposition"),
        ("his family", "his family"),
        ("The Muslim community in Britain", "The Muslim community"),
        ("Staff at the plant", "Staff"),
        ("the AFI jury", "the AFI jury"),
    ] {
        assert_reads(src, name, SourceType::Group, None);
    }
    // A name, or a noun far from the start, is not read so.
    assert_ne!(analyze("the European Community").kind, SourceType::Group);
    assert_ne!(
        analyze("Unions for Deutsche Boerse staff in Frankfurt").kind,
        SourceType::Group
    );
    // A corporation or a university is an organisation.
    for src in ["The corporation", "the university"] {
        assert_eq!(analyze(src).kind, SourceType::Organization, "{src}");
    }
}
