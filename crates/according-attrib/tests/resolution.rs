//! Who a pronoun source is: gender agreement, a name in the content is not the speaker, the
//! subject of the previous sentence, a name before a dash aside, a relative pronoun's
//! antecedent and a definite description (`the Dutchman`).
mod common;

use according_core::Doc;
use common::{at, find_at, run};

/// The entity name behind the source of the attribution whose cue starts at `cue_at`.
fn speaker(doc: &Doc, cue_at: &str) -> Option<String> {
    let id = at(doc, cue_at).source.as_ref()?.entity.as_deref()?;
    doc.entities
        .iter()
        .find(|e| e.id == id)
        .map(|e| e.name.clone())
}

#[test]
fn pronouns_find_their_speakers() {
    let doc = run(
        "Prime Minister Tony Blair said he was very sorry for the ordeal. One of the men, \
         Gerry Conlon - who was wrongly convicted in 1975 - said the families were delighted. \
         He said Mr Blair had spoken with great sincerity. Also arrested back then were Anne \
         Maguire and her sons. Mrs Maguire was the relative the family had planned to visit. \
         She said the apology was a wonderful feeling.",
    );
    assert_eq!(
        speaker(&doc, "said the families").as_deref(),
        Some("Gerry Conlon")
    );
    // Not Mr Blair, who is named in what `He` said.
    assert_eq!(
        speaker(&doc, "said Mr Blair had").as_deref(),
        Some("Gerry Conlon")
    );
    // Not a man: the woman who is the subject of the sentence before.
    assert_eq!(
        speaker(&doc, "said the apology").as_deref(),
        Some("Anne Maguire")
    );
}

#[test]
fn relative_pronouns_and_descriptions_name_people_mentioned_before() {
    let doc = run(
        "The union objected, said Mr Fitzpatrick, who added that the company had agreed to talk. \
         Tottenham manager Martin Jol praised his players. \"We had the initiative,\" the \
         Dutchman said.",
    );
    // `who` is its antecedent.
    assert_eq!(
        speaker(&doc, "added that").as_deref(),
        Some("Mr Fitzpatrick")
    );
    // `the Dutchman` refers back to the man named before.
    assert_eq!(speaker(&doc, "said.").as_deref(), Some("Martin Jol"));
}

#[test]
fn an_unnamed_role_is_the_person_named_with_it() {
    let doc = run(
        "Home Secretary Charles Clarke said the law would change. Ms Robinson, a friend of the \
         home secretary, said she agreed. The home secretary said the review would start soon.",
    );
    assert_eq!(
        speaker(&doc, "said the review").as_deref(),
        Some("Charles Clarke")
    );
}

#[test]
fn the_firm_is_the_company_named_before() {
    let doc = run(
        "British Airways said the new planes would cut its costs. The airline added that fares would \
         fall. A committee of MPs said the plan was flawed. The commission said it would \
         respond.",
    );
    assert_eq!(speaker(&doc, "added").as_deref(), Some("British Airways"));
    // A commission is a body of its own, not the last organisation named.
    assert_ne!(
        speaker(&doc, "said it would").as_deref(),
        Some("British Airways")
    );
}

#[test]
fn entity_names_read_the_cleaned_text() {
    let doc = run("Jos&#233; Manuel Barroso said the plan was sound.");
    assert_eq!(
        speaker(&doc, "said").as_deref(),
        Some("José Manuel Barroso")
    );
    // The source itself stays a slice of the original text, as its offsets say.
    assert!(at(&doc, "said")
        .source
        .as_ref()
        .unwrap()
        .text
        .starts_with("Jos&#233;"));
}

#[test]
fn a_source_cut_to_the_end_of_its_aside_is_the_name_before_it() {
    let doc = run(
        "Nike, whose products are endorsed by Tiger Woods among other sports stars, said \
         \"demand continues to grow\".",
    );
    assert_eq!(speaker(&doc, "said").as_deref(), Some("Nike"));
}

#[test]
fn a_described_company_is_the_one_named_before() {
    let doc = run(
        "Video game firm Bioware is to hold open auditions for its games. The Canada-based \
         company says it is looking for a wide variety of people.",
    );
    assert_eq!(speaker(&doc, "says").as_deref(), Some("Bioware"));
}

/// The source type of the attribution whose cue starts at `cue_at`.
fn source_type(doc: &Doc, cue_at: &str) -> Option<String> {
    let s = at(doc, cue_at).source.as_ref()?;
    Some(format!("{:?}", s.kind).to_lowercase())
}

#[test]
fn a_lone_name_said_to_speak_of_itself_as_it_is_an_organisation() {
    let doc = run(
        "Ryanair said it would cut fares on most routes. WeWork said its losses had narrowed. \
         Gordon Brown spoke in Leeds. Brown said it was time to act. \
         Rochus said: \"It was so close, one mistake and the match is over.\"",
    );
    assert_eq!(
        source_type(&doc, "said it would").as_deref(),
        Some("organization")
    );
    assert_eq!(
        source_type(&doc, "said its losses").as_deref(),
        Some("organization")
    );
    // A surname of a person named in full stays that person.
    assert_eq!(
        source_type(&doc, "said it was time").as_deref(),
        Some("person")
    );
    // A quotation's `It` says nothing about the speaker.
    assert_ne!(
        source_type(&doc, "said: \"It").as_deref(),
        Some("organization")
    );
}

#[test]
fn names_joined_by_and_are_each_a_source() {
    let doc = run(
        "The chip was designed by Sony, IBM and Toshiba. Sony, IBM and Toshiba said the chip \
         would reach shops next year. Mr Blair and Mr Brown said they agreed. Brown said later \
         the deal was fair.",
    );
    let names = |cue_at: &str| -> Vec<(String, Option<String>)> {
        let s = at(&doc, cue_at).source.as_ref().expect("a source");
        // A source that names several has no entity of its own.
        assert_eq!(s.entity, None, "{}", s.text);
        s.members
            .iter()
            .map(|m| {
                let e = m.entity.as_deref().expect("each member is an entity");
                let e = doc.entities.iter().find(|x| x.id == e).unwrap();
                (m.text.clone(), Some(e.name.clone()))
            })
            .collect()
    };
    let chips = names("said the chip");
    assert_eq!(
        chips.iter().map(|(t, _)| t.as_str()).collect::<Vec<_>>(),
        ["Sony", "IBM", "Toshiba"]
    );
    let src = at(&doc, "said the chip").source.as_ref().unwrap();
    assert_eq!(src.kind, according_core::SourceType::Organization);
    let pols = names("said they");
    assert_eq!(pols[0].0, "Mr Blair");
    assert_eq!(pols[1].0, "Mr Brown");
    // A member is a mention of its person like any other.
    assert_eq!(speaker(&doc, "said later").as_deref(), pols[1].1.as_deref());
}

#[test]
fn a_spokesperson_is_the_body_they_speak_for() {
    let doc = run("A Marsh spokeswoman said the firm would cut jobs. Marsh said profits fell.");
    let first = at(&doc, "said the firm").source.as_ref().unwrap();
    assert_eq!(first.kind, according_core::SourceType::Organization);
    assert_eq!(first.role.as_deref(), Some("spokeswoman"));
    assert!(
        at(&doc, "said the firm").flags.is_empty(),
        "a named body is not vague"
    );
    assert_eq!(speaker(&doc, "said the firm").as_deref(), Some("Marsh"));
    assert_eq!(speaker(&doc, "said profits").as_deref(), Some("Marsh"));
    // The spokeswoman's role is not the company's.
    let marsh = doc.entities.iter().find(|e| e.name == "Marsh").unwrap();
    assert!(marsh.roles.is_empty(), "{:?}", marsh.roles);
}

#[test]
fn the_newspaper_and_the_party_stand_for_those_named_before() {
    let doc = run(
        "The Financial Times reported that the deal was close. The newspaper said talks \
         would end on Friday. Labour said the plan was fair. The party said it would vote \
         for it.",
    );
    assert_eq!(
        speaker(&doc, "said talks").as_deref(),
        Some("Financial Times")
    );
    assert_eq!(speaker(&doc, "said it would").as_deref(), Some("Labour"));
    // With nothing named before, `the party` says too little to be an entity.
    let doc = run("The party said it would vote for the plan.");
    let src = at(&doc, "said it").source.as_ref().unwrap();
    assert_eq!(src.entity, None);
}

#[test]
fn an_honorific_and_a_surname_are_the_person_named_in_full_before() {
    let doc = run(
        "Nick Donofrio, senior vice-president of technology at IBM, said the car was not what \
         changed lives. There will be no value in it, said Mr Donofrio. Anne Maguire and \
         Patrick Maguire were arrested. Later Mrs Maguire said the family had been wronged. \
         Mr Jones said the case was closed.",
    );
    assert_eq!(
        speaker(&doc, "said Mr Donofrio").as_deref(),
        Some("Nick Donofrio")
    );
    // (The honorific's gender picks among people of that surname.)
    assert_eq!(
        speaker(&doc, "said the family").as_deref(),
        Some("Anne Maguire")
    );
    // With nobody named in full before, the name stays as written.
    assert_eq!(speaker(&doc, "said the case").as_deref(), Some("Mr Jones"));
}

#[test]
fn they_is_the_plural_source_just_before() {
    let doc = run(
        "The plan would be costly, MPs said. Instead they called for imaginative campaigns. \
         Mr Blair and Mr Brown said the deal was fair. They added that talks would go on. \
         The report was published on Monday. Reporters were told the figures were wrong. \
         Mr Smith said prices would rise. They said nothing else.",
    );
    let they = at(&doc, "called for").source.as_ref().expect("a source");
    assert_eq!(they.kind, according_core::SourceType::Group);
    let both = at(&doc, "added that").source.as_ref().expect("a source");
    let names: Vec<&str> = both.members.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(names, ["Mr Blair", "Mr Brown"]);
    // (After one person's words, `they` is somebody else.)
    let other = at(&doc, "said nothing").source.as_ref().expect("a source");
    assert!(
        other.members.is_empty() && other.entity.is_none(),
        "{other:?}"
    );
}

#[test]
fn they_with_no_source_before_is_the_plural_subject_before() {
    // BBC 2005 tech/103, politics/069: no source before `they`, a plural subject just before.
    let doc = run(
        "Handset makers have concentrated on trying to make phones easier to use. Realising \
         that people like to use their camera phones in different ways, they have introduced \
         more design features. Five public sector unions will hold private talks with the \
         minister in Gateshead. They want the government to withdraw the regulations.",
    );
    assert_eq!(
        source_type(&doc, "have introduced").as_deref(),
        Some("group")
    );
    assert_eq!(source_type(&doc, "want").as_deref(), Some("group"));
    // (What no lexicon says is people or a body is not what `they` stands for.)
    let doc = run(
        "Elections in May ousted many of the reformers in parliament. Late last year, they \
         backed a law which would give parliament a veto.",
    );
    assert_eq!(source_type(&doc, "backed").as_deref(), Some("unknown"));
}

#[test]
fn it_with_no_organisation_named_is_the_report_or_body_before() {
    // BBC 2005 tech/145, business/348.
    let doc = run(
        "But the report suggests this campaign does not have the backing of musicians. It \
         found that most artists saw file-sharing as harmless.",
    );
    let it = at(&doc, "found");
    assert_eq!(source_type(&doc, "found").as_deref(), Some("vague"));
    assert!(
        it.flags.contains(&according_core::Flag::VagueSource),
        "{it:?}"
    );
    let doc = run(
        "The airline needs to negotiate other pay cuts if it is to find a route out of \
         bankruptcy. It said it was looking for pay cuts totalling $800m.",
    );
    assert_eq!(
        source_type(&doc, "said it").as_deref(),
        Some("organization")
    );
    // (Not a thing that cannot speak: `it` stays unknown.)
    let doc = run(
        "Obsessive behaviour is always cause for concern. It always bothers me when articles \
         talk about gaming.",
    );
    assert_ne!(
        find_at(&doc, "always bothers")
            .and_then(|a| a.source.as_ref())
            .map(|s| s.kind),
        Some(according_core::SourceType::Vague)
    );
}

#[test]
fn it_is_the_organisation_or_country_just_named_as_a_subject() {
    // BBC 2005 business/142 and tech/259: no organisation had been a source before `It`.
    let doc = run(
        "Markets fell sharply after the reports. On Wednesday, however, South Korea moved to \
         steady the financial markets. It issued a statement that the reports were wrong.",
    );
    assert_eq!(speaker(&doc, "issued").as_deref(), Some("South Korea"));
    let doc = run(
        "Apple has taken legal action to protect its future products for the second time in two \
         weeks. Last week, it filed a lawsuit claiming that the bloggers had leaked details.",
    );
    assert_eq!(speaker(&doc, "filed").as_deref(), Some("Apple"));
}

#[test]
fn the_firm_is_no_country() {
    // BBC 2005 business/128: `the firm` had been the Australian government.
    let doc = run(
        "Qantas said on Thursday that profits fell. The Australian government said it would \
         review the airline's routes. The firm said it would cut 500 jobs.",
    );
    assert_eq!(
        speaker(&doc, "said it would cut").as_deref(),
        Some("Qantas")
    );
}

#[test]
fn a_relative_pronoun_after_a_name_is_that_name() {
    // BBC 2005 business/243 (the tagger took the name as a piece of the source too) and tech/390
    // (no comma before `who`).
    let doc = run(
        "This week, we are hearing from Marianne Petersen, who is planning to convert a barn in \
         Sweden.\n\nThe lawsuit was brought by Microsoft and New York attorney general Eliot \
         Spitzer who alleged that Mr Richter sent billions of messages.",
    );
    assert_eq!(
        speaker(&doc, "is planning").as_deref(),
        Some("Marianne Petersen")
    );
    assert_eq!(speaker(&doc, "alleged").as_deref(), Some("Eliot Spitzer"));
}

#[test]
fn the_shadow_foreign_secretary_is_not_the_foreign_secretary() {
    // BBC 2005 politics/082: `The foreign secretary` had been Michael Ancram.
    let doc = run(
        "Foreign Secretary Jack Straw said the talks had gone well. Shadow foreign secretary \
         Michael Ancram said the government had failed. The foreign secretary said he would \
         return to Brussels next week.",
    );
    assert_eq!(
        speaker(&doc, "said he would").as_deref(),
        Some("Jack Straw")
    );
}

#[test]
fn a_surname_after_a_role_is_the_person_named_in_full_before() {
    // BBC 2005 sport/192: `Saints boss Redknapp` had been a person of his own, `Redknapp`.
    let doc = run(
        "Southampton have appointed Harry Redknapp as their new manager. Saints boss Redknapp \
         said he was delighted to be back in the Premiership.",
    );
    assert_eq!(speaker(&doc, "said he").as_deref(), Some("Harry Redknapp"));
}

#[test]
fn a_pronoun_after_an_unnamed_speaker_says_who_by_the_role() {
    // BBC 2005 politics/281: `He` had no entity and nothing said who he was.
    let doc = run(
        "The MEP said the rules were unfair to small firms. He said he would raise the issue in \
         Brussels next week.",
    );
    let he = at(&doc, "said he would").source.as_ref().unwrap();
    assert_eq!(he.role.as_deref(), Some("The MEP"));
}

#[test]
fn the_chancellor_is_the_person_titled_so_in_passing() {
    // BBC 2005 politics/210: `The chancellor` named no one, though the article had said
    // `Chancellor Gordon Brown's announcement`.
    let doc = run(
        "The action follows Chancellor Gordon Brown's announcement in July that 104,000 jobs \
         would be cut. Shadow Chancellor Oliver Letwin attacked the plan. The chancellor has \
         said that the cuts will allow funding for more teachers and police.",
    );
    assert_eq!(speaker(&doc, "has said").as_deref(), Some("Gordon Brown"));
}

#[test]
fn a_person_named_in_passing_is_who_the_appositive_says() {
    let doc = run(
        "The report was given to the West by Khidhir Hamza, a former top scientist for Saddam \
         Hussein. Hamza recounted his escape in his book.",
    );
    let a = at(&doc, "recounted");
    let source = a.source.as_ref().unwrap();
    assert_eq!(
        source.role.as_deref(),
        Some("a former top scientist for Saddam Hussein")
    );
    assert_eq!(speaker(&doc, "recounted").as_deref(), Some("Khidhir Hamza"));
    // A clause after the comma is no role.
    let doc = run(
        "The singer married Jordan Bratman, the singer's agent has confirmed. Bratman said \
         they were happy.",
    );
    let a = at(&doc, "said they");
    assert!(a.source.as_ref().unwrap().role.is_none(), "{:?}", a.source);
}

#[test]
fn a_pronoun_with_one_person_named_before_is_that_person() {
    let doc = run(
        "Oil prices retreated from four-month highs on Tuesday. Following the comments by \
         acting Opec secretary general Adnan Shihab-Eldin, US light crude fell 32 cents. He \
         said that high oil prices meant Opec was unlikely to cut production.",
    );
    assert_eq!(
        speaker(&doc, "said that high").as_deref(),
        Some("Adnan Shihab-Eldin")
    );
    // Not a person named only in passing: the speaker is the spokesman, whom nobody named.
    let doc = run(
        "The plans were announced on Monday. Tony Blair's official spokesman declined to say \
         whether the prime minister backed them. He said the green paper would be published.",
    );
    assert_eq!(speaker(&doc, "said the green").as_deref(), None);
}

#[test]
fn the_report_speaks_for_whoever_published_it() {
    let doc = run(
        "Poor countries are catching up fast, a World Bank report says. Half the world now has \
         access to a telephone, the report said.\n\n\
         In a statement, the Electoral Commission said the rules should change. The statement \
         added that a cap on donations was not sensible.\n\n\
         A report says teenagers spend more on make-up. The report said girls led the trend.",
    );
    let report = doc
        .attributions
        .iter()
        .find(|a| a.source.as_ref().is_some_and(|s| s.text == "the report"))
        .expect("the report");
    let id = report.source.as_ref().unwrap().entity.as_deref();
    let name = doc
        .entities
        .iter()
        .find(|e| Some(e.id.as_str()) == id)
        .map(|e| e.name.as_str());
    assert_eq!(name, Some("World Bank"));
    assert!(!report.flags.contains(&according_core::Flag::VagueSource));
    assert_eq!(
        speaker(&doc, "added").as_deref(),
        Some("Electoral Commission")
    );
    // The last report was named by no one: `The report said` there stays vague.
    let last = doc
        .attributions
        .iter()
        .rfind(|a| a.source.as_ref().is_some_and(|s| s.text == "The report"))
        .expect("The report");
    assert!(
        last.flags.contains(&according_core::Flag::VagueSource),
        "{:?}",
        last.flags
    );
}

#[test]
fn an_unnamed_spokesperson_speaks_for_the_body_that_just_acted() {
    let doc = run(
        "The Vestey Group said it had owned the land since 1920. But a spokesman added that \
         the estate was productive.\n\n\
         Michael Jackson said he would fight the charges. A spokesman said the papers had \
         been filed.",
    );
    assert_eq!(speaker(&doc, "added").as_deref(), Some("Vestey Group"));
    let a = at(&doc, "added");
    assert_eq!(
        a.source.as_ref().unwrap().role.as_deref(),
        Some("spokesman")
    );
    assert!(!a.flags.contains(&according_core::Flag::VagueSource));
    // A person acted last: his spokesman, not the group's.
    assert_eq!(speaker(&doc, "said the papers").as_deref(), None);
}

#[test]
fn a_bodys_name_drops_its_article_and_an_outlets_keeps_it() {
    let doc = run(
        "The National Union of Journalists said the cuts were too deep. Later the National \
         Union of Journalists said it would ballot its members. The Times said the talks had \
         failed.",
    );
    let names: Vec<&str> = doc.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(
        names.contains(&"National Union of Journalists"),
        "{names:?}"
    );
    assert_eq!(
        names
            .iter()
            .filter(|n| n.contains("Union of Journalists"))
            .count(),
        1,
        "{names:?}"
    );
    assert!(
        names.iter().any(|n| n.starts_with("The Times")),
        "{names:?}"
    );
}

#[test]
fn a_name_later_called_it_is_a_company() {
    let doc = run(
        "Krispy Kreme said sales fell sharply last year. It added that it would close twenty \
         stores. The firm said it expected a loss.",
    );
    let kind = |cue: &str| at(&doc, cue).source.as_ref().map(|s| s.kind);
    use according_core::SourceType;
    assert_eq!(kind("said sales"), Some(SourceType::Organization));
    assert_eq!(kind("added"), Some(SourceType::Organization));
    assert_eq!(speaker(&doc, "added").as_deref(), Some("Krispy Kreme"));
}

#[test]
fn the_report_is_its_makers_named_with_it_before() {
    let doc = run(
        "A quarter of broadband users upload content, according to a report by UK think-tank \
         Demos. It said that fast connections change habits. Overall, the report argues \
         broadband is encouraging people to take a more active role online.",
    );
    assert_eq!(speaker(&doc, "argues").as_deref(), Some("Demos"));
    assert!(!at(&doc, "argues")
        .flags
        .contains(&according_core::Flag::VagueSource));
}
