//! How attributions relate and what is not one: siblings are not nested, a headline's content
//! stays on its line, a performed work's title and a writer's scare quotes are no one's words.
mod common;

use according_core::{AttributionKind, Flag};
use common::{at, by_source, find_at, run};

#[test]
fn coordinated_and_contrasted_attributions_are_siblings() {
    let doc = run(
        "She described the plan as \"a disaster waiting to happen\" and called for a review. \
         Critics argue that the law is unconstitutional, while supporters say it protects \
         children.",
    );
    for cue in ["described", "called for", "argue", "say"] {
        assert_eq!(at(&doc, cue).parent, None, "{cue} is nested");
    }
}

#[test]
fn a_frame_joined_by_and_or_while_is_a_sibling_not_a_report() {
    let doc = run(
        "The Tories say the Liberal Democrats would make people pay more tax and Labour says \
         the party's sums do not add up. Mr Blair has insisted he has done no deals while Mr \
         Brown says he will not be distracted.",
    );
    for (outer, inner, content) in [
        (
            "say the",
            "says the",
            "the Liberal Democrats would make people pay more tax",
        ),
        ("has insisted", "says he", "he has done no deals"),
    ] {
        assert_eq!(at(&doc, outer).content.text, content);
        assert_eq!(at(&doc, inner).parent, None, "{inner} is nested");
    }
}

#[test]
fn a_suggestion_to_the_reader_is_no_attribution() {
    let doc = run("Let's hope this is the start of a better season. Let's just call it music.");
    assert!(find_at(&doc, "hope").is_none(), "{:#?}", doc.attributions);
    assert!(
        find_at(&doc, "just call").is_none(),
        "{:#?}",
        doc.attributions
    );
}

#[test]
fn a_trailing_frame_still_holds_what_it_reports() {
    let doc = run(
        "Ivanov declared that the world had not found the other countries, the daily \
         Corriere della Sera reported.",
    );
    let outer = at(&doc, "reported");
    assert_eq!(at(&doc, "declared").parent.as_ref(), Some(&outer.id));
}

#[test]
fn a_headline_colon_content_ends_with_its_line() {
    let doc = run(
        "Marco Rubio: I'm Not Interested in Being Vice President\n\n\"We will not raise \
         taxes,\" the prime minister told reporters on Monday.",
    );
    let a = at(&doc, ":");
    assert_eq!(a.kind, AttributionKind::Headline);
    assert_eq!(
        a.content.text.trim(),
        "I'm Not Interested in Being Vice President"
    );
}

#[test]
fn a_performed_title_is_not_reported_speech() {
    let doc = run("He sang \"Yesterday\" at the concert. She sings \"I am not afraid of you\".");
    assert!(find_at(&doc, "sang").is_none(), "{:#?}", doc.attributions);
    // Lyrics are words sung, as PolNeAR annotates them.
    assert!(find_at(&doc, "sings").is_some());
}

#[test]
fn scare_quotes_do_not_make_a_quotation() {
    let doc = run("The so-called \"peace dividend\" never came, analysts say.");
    assert_eq!(at(&doc, "say").kind, AttributionKind::Indirect);
}

#[test]
fn quoted_as_saying_is_said_by_the_one_quoted() {
    let doc = run("Reuters quoted a senior official as saying the deal was dead.");
    // (The cue may or may not take in `as`.)
    let inner = find_at(&doc, "as saying").unwrap_or_else(|| at(&doc, "saying"));
    assert_eq!(inner.source.as_ref().unwrap().text, "a senior official");
    assert_eq!(inner.parent.as_ref(), Some(&at(&doc, "quoted").id));
}

#[test]
fn a_quotation_goes_on_over_paragraphs() {
    let doc = run(
        "\"This is a turning point,\" said Angela Merkel. \"We cannot go back.\n\n\"Europe \
         must stand together.\"\n\nThe talks end on Friday.",
    );
    let a = at(&doc, "said");
    assert!(
        a.content.text.contains("Europe must stand together"),
        "{:?}",
        a.content
    );
    assert!(!a.content.text.contains("Friday"));
    assert_eq!(a.kind, AttributionKind::Direct);
}

#[test]
fn unnamed_sources_are_flagged_anonymous() {
    let doc = run(
        "\"There is no plan B,\" a senior government source told the Guardian. Sources close \
         to the investigation say the suspect had been watched for months.",
    );
    for cue in ["told", "say"] {
        let flags = &at(&doc, cue).flags;
        assert!(flags.contains(&Flag::AnonymousSource), "{cue}: {flags:?}");
        assert!(flags.contains(&Flag::VagueSource), "{cue}: {flags:?}");
    }
}

#[test]
fn who_was_asked_did_not_ask() {
    let doc = run("Asked whether he would resign, the minister replied: \"Absolutely not.\"");
    if let Some(asked) = find_at(&doc, "Asked") {
        assert_eq!(asked.source, None, "{asked:?}");
    }
    assert_eq!(
        at(&doc, "replied").source.as_ref().unwrap().text,
        "the minister"
    );
}

#[test]
fn a_quotation_closed_by_a_named_reporter_is_its_report() {
    let doc = run(
        "Ivanov declared that \u{201c}the civilized world still has not found the other \
         countries hiding the terrorists,\u{201d} Corriere della Sera reported. \
         \u{201c}We will not give in,\u{201d} said Mr Kilroy-Silk.",
    );
    let outer = at(&doc, "reported");
    assert_eq!(
        outer.source.as_ref().map(|s| s.text.as_str()),
        Some("Corriere della Sera")
    );
    let inner = at(&doc, "declared");
    assert_eq!(inner.parent.as_ref(), Some(&outer.id));
    // What Ivanov declared ends with the quotation, not with who reported it.
    assert!(
        !inner.content.text.contains("Corriere"),
        "{}",
        inner.content.text
    );
    // A name joined by a hyphen is one name.
    assert_eq!(
        at(&doc, "said Mr").source.as_ref().map(|s| s.text.as_str()),
        Some("Mr Kilroy-Silk")
    );
}

#[test]
fn a_comma_after_the_closing_quote_is_no_source() {
    // British style puts the comma outside the quotation; the taggers took it for a first
    // source piece and the name after `said` was lost.
    let doc = run(
        "\"The region that is affected is very big so we have to check what the situation \
         is\", said Serge Troeber, deputy head of the natural disasters department at Swiss Re.",
    );
    let source = at(&doc, "said Serge").source.as_ref().expect("a source");
    assert!(source.text.starts_with("Serge Troeber"), "{}", source.text);
}

#[test]
fn a_quotation_closed_by_its_own_cue_is_not_also_the_earlier_speakers() {
    // BBC 2005 business/007: the role tagger, reading each cue's window on its own, gave the
    // economist's quotation to the analysts too.
    let doc = run(
        "Analysts said the growth in new jobs was not as strong as could be expected given the \
         favourable economic conditions. \"It suggests that employment is continuing to expand \
         at a moderate pace,\" said Rick Egelton, deputy chief economist at BMO Financial Group.",
    );
    let analysts = at(&doc, "said");
    assert!(
        !analysts.content.text.contains("It suggests"),
        "{:#?}",
        doc.attributions
    );
    let egelton = by_source(&doc, "Egelton");
    assert!(egelton.content.text.contains("It suggests"));
}

#[test]
fn a_fronted_clause_is_what_a_trailing_source_said() {
    // BBC 2005 tech/086: `…, said Andrew Pearson. "…," he said.` The tagger gave Pearson the
    // next quotation, which is the next cue's; what he said is the clause before the comma.
    let doc = run(
        "Sensitive information inadvertently leaked in documents includes confidential \
         contractual terms and special deals for key customers, said Andrew Pearson, European \
         boss of Workshare. \"The efficiencies the internet has brought have also created \
         security issues too,\" he said.",
    );
    let pearson = by_source(&doc, "Pearson");
    assert!(
        pearson.content.text.starts_with("Sensitive information"),
        "{:#?}",
        doc.attributions
    );
}

#[test]
fn a_colon_after_the_listener_is_the_verbs_not_a_headline_colon() {
    // BBC 2005 politics/155: the bare colon had been an attribution of its own, with `the BBC`
    // as its source and the words before it as content.
    let doc = run(
        "Gen Musharraf told the BBC: \"Some people think that the women should be confined to \
         their houses - absolutely wrong.\" The Pakistani president was also asked about the war.",
    );
    assert!(find_at(&doc, ":").is_none(), "{:#?}", doc.attributions);
    let told = at(&doc, "told");
    assert!(told.content.text.contains("Some people think"));
    assert!(!told.content.text.contains("the BBC"));
}

#[test]
fn a_quotation_going_on_after_its_cue_is_not_the_next_sentences_speakers() {
    // BBC 2005 politics/185: the tagger gave the quotation before `He said` to him and not the
    // clause after his cue.
    let doc = run(
        "\"It is the ideal opportunity for the building to be restored,\" said Mr Ahmed. \"It \
         will be a Muslim community centre. It's a holistic place used for education, weddings, \
         deaths and births.\" He said space was limited in the current mosque and on some \
         occasions Muslims had to travel to Llanelli for cultural events.",
    );
    let later = by_source(&doc, "He");
    assert!(
        later.content.text.starts_with("space was limited"),
        "{:#?}",
        doc.attributions
    );
}

#[test]
fn a_continued_quotation_is_cut_from_the_front_of_a_later_content() {
    // BBC 2005 business/153: the trailing frame's content began with the quotation before it.
    let doc = run(
        "Homeowners now expect house prices to rise, Mr Bannister said. He said the Bank of \
         England may increase interest rates.\n\n\"I think the key is what the Bank expects to \
         happen to the housing market. We always thought we would see a small rise, they thought \
         they would see a small decline.\" House prices have risen 0.9% this year, Nationwide \
         said.",
    );
    let nationwide = by_source(&doc, "Nationwide");
    assert_eq!(
        nationwide.content.text, "House prices have risen 0.9% this year",
        "{:#?}",
        doc.attributions
    );
}

#[test]
fn according_to_a_paper_stops_before_whom_the_paper_quotes() {
    // BBC 2005 tech/254: the source had run on into the inner attribution's source.
    let doc = run(
        "According to the Financial Times, chief operating officer Peter Chernin said that News \
         Corp is \"kicking the tyres of pretty much all video games companies\".",
    );
    let outer = at(&doc, "According to");
    assert_eq!(
        outer.source.as_ref().map(|s| s.text.as_str()),
        Some("the Financial Times"),
        "{:#?}",
        doc.attributions
    );
}

#[test]
fn a_closing_says_x_reports_the_clause_before_its_comma() {
    // BBC 2005 tech/032: the tagger found the cue and source but no content.
    let doc = run(
        "Operators showed new handsets at the show. Fast 3G networks are here but the focus has \
         shifted to their evolution into a higher bandwidth service, says the Global Mobile \
         Suppliers Association.",
    );
    assert_eq!(
        at(&doc, "says").content.text,
        "Fast 3G networks are here but the focus has shifted to their evolution into a higher \
         bandwidth service"
    );
}

#[test]
fn a_lead_sentences_closing_frame_is_its_source() {
    // BBC 2005 business/107: the tagger had made `The Liberian economy` the source, with no
    // content.
    let doc = run(
        "Liberian economy starts to grow\n\nThe Liberian economy started to grow in 2004, but \
         \"sustained and deep reform efforts\" are needed to ensure long term growth, the \
         International Monetary Fund (IMF) has said.",
    );
    let a = at(&doc, "has said");
    assert_eq!(
        a.source.as_ref().map(|s| s.text.as_str()),
        Some("the International Monetary Fund (IMF)"),
        "{:#?}",
        doc.attributions
    );
    assert!(a.content.text.starts_with("The Liberian economy started"));
}

#[test]
fn a_headline_noun_reporting_nothing_is_no_attribution() {
    // BBC 2005 politics/138 and business/051.
    let doc = run("EU fraud clampdown urged\n\nEU member states are failing to report fraud.");
    assert!(find_at(&doc, "urged").is_none(), "{:#?}", doc.attributions);
    let doc = run("Fiat mulls Ferrari market listing\n\nFiat may sell shares in Ferrari.");
    assert!(
        find_at(&doc, "listing").is_none(),
        "{:#?}",
        doc.attributions
    );
}

#[test]
fn a_headline_says_x_is_xs_words() {
    // BBC 2005 business/405: the tagger had made the headline's words the source.
    let doc = run("House prices rebound says Halifax\n\nUK house prices rose by 0.9% in January.");
    let a = at(&doc, "says");
    assert_eq!(a.source.as_ref().map(|s| s.text.as_str()), Some("Halifax"));
    assert_eq!(a.content.text, "House prices rebound");
}

#[test]
fn an_inserted_says_x_frames_the_sentence_around_it() {
    // BBC 2005 tech/150: the tagger took `the report` into the content and found no source.
    let doc = run(
        "One in five even admitted to browsing the web at night.\n\nMore significantly, argues \
         the report, broadband is encouraging people to take a more active role online.",
    );
    let a = at(&doc, "argues");
    assert_eq!(
        a.source.as_ref().map(|s| s.text.as_str()),
        Some("the report"),
        "{:#?}",
        doc.attributions
    );
    assert_eq!(
        a.content.text,
        "broadband is encouraging people to take a more active role online"
    );
}

#[test]
fn closing_frames_with_a_listener_or_inverted_take_their_sentence() {
    // BBC 2005 business/442 and politics/007.
    let doc = run(
        "Six foreign-owned textile factories have closed in Lesotho, leaving 6,650 garment \
         workers jobless, union officers told the AP news agency.",
    );
    let a = by_source(&doc, "union officers");
    assert!(a
        .content
        .text
        .starts_with("Six foreign-owned textile factories have closed"));
    let doc = run(
        "Tony Blair lied when he took the UK to war so has no qualms about lying in the \
         election campaign, say the Tories.",
    );
    let a = at(&doc, "say the");
    assert_eq!(
        a.source.as_ref().map(|s| s.text.as_str()),
        Some("the Tories")
    );
    assert!(a.content.text.starts_with("Tony Blair lied"));
}

#[test]
fn a_quotation_after_another_speech_act_is_not_the_frame_s() {
    let doc = run(
        "\"We are looking at the needs of the American people,\" Sanders said, going on to \
         contrast the two plans. \"So I would just simply say to the millennials: look at the \
         issues.\"",
    );
    let said = at(&doc, "said");
    assert!(!said.content.text.contains("millennials"), "{said:#?}");
    assert!(said.content.text.contains("American people"), "{said:#?}");
}

#[test]
fn a_quotation_another_frame_opens_is_no_chain_of_the_next() {
    let doc = run(
        "\"We could be at the beginning of the final stage,\" he said. He added: \"It is the \
         richest countries hearing the voices of the poor.\" But he said they would insist on \
         government reforms.",
    );
    let said = at(&doc, "said they");
    assert_eq!(
        said.content.text.trim(),
        "they would insist on government reforms",
        "{said:#?}"
    );
    assert_eq!(at(&doc, "added").parent, None);
}

#[test]
fn a_frame_inserted_between_subject_and_predicate_splits_the_content() {
    let doc = run(
        "The answer, says Prof Brewer, is wi-fi. The tone of the campaign, said Mr Milburn, \
         would be more conversational. What this means, said Stacey Jolna, senior vice \
         president of TV Guide TV group, is that the way people find content has changed.",
    );
    for (cue, source, pieces) in [
        ("says", "Prof Brewer", vec!["The answer", "is wi-fi"]),
        (
            "said Mr",
            "Mr Milburn",
            vec!["The tone of the campaign", "would be more conversational"],
        ),
        (
            "said Stacey",
            "Stacey Jolna, senior vice president of TV Guide TV group",
            vec![
                "What this means",
                "is that the way people find content has changed",
            ],
        ),
    ] {
        let a = at(&doc, cue);
        assert_eq!(a.source.as_ref().map(|s| s.text.as_str()), Some(source));
        let got: Vec<&str> = a.content.spans.iter().map(|s| s.slice(&doc.text)).collect();
        assert_eq!(got, pieces, "{cue}");
    }
}

#[test]
fn a_name_that_is_also_a_verb_is_no_cue() {
    let doc = run(
        "Ask Jeeves has bought the Bloglines website to improve its search. DJ Mike Read has \
         recorded the song in New York. Read wrote the song before the disaster but had \
         thought it was too gloomy to release.",
    );
    assert!(find_at(&doc, "Ask").is_none(), "{:#?}", doc.attributions);
    assert!(
        find_at(&doc, "Read wrote").is_none(),
        "{:#?}",
        doc.attributions
    );
    // A title-case headline keeps its cue.
    let doc = run("Francois Hollande Says Donald Trump Makes You Want To Retch\n\nHe said so.");
    assert!(find_at(&doc, "Says").is_some(), "{:#?}", doc.attributions);
}

#[test]
fn a_quotation_after_told_listener_that_is_part_of_the_clause_told() {
    let doc = run(
        "Li Ruigang, president of the broadcaster Shanghai Media Group, told the conference \
         that China's new media market \"is already experiencing explosive growth\". It was \
         strong.",
    );
    let a = at(&doc, "told");
    assert_eq!(
        a.content.text,
        "that China's new media market \"is already experiencing explosive growth\""
    );
    assert_eq!(a.kind, AttributionKind::Mixed);
}

#[test]
fn a_colon_after_a_listener_is_no_frame_of_its_own() {
    let doc = run(
        "He told BBC Radio 4's Today programme: \"No politician should make the mistake that \
         John Major made.\"",
    );
    let a = at(&doc, "told");
    assert_eq!(
        a.content.text,
        "\"No politician should make the mistake that John Major made.\""
    );
    assert!(find_at(&doc, ": \"").is_none(), "{:#?}", doc.attributions);
    assert_eq!(doc.attributions.len(), 1, "{:#?}", doc.attributions);
}

#[test]
fn what_was_told_follows_the_listener() {
    let doc = run(
        "She told BBC News she remained very concerned about their psychological state. But he \
         told MPs the Lord Chancellor, Lord Falconer, was insisting he should have the final \
         say.",
    );
    assert_eq!(
        at(&doc, "told BBC").content.text,
        "she remained very concerned about their psychological state"
    );
    assert_eq!(
        at(&doc, "told MPs").content.text,
        "the Lord Chancellor, Lord Falconer, was insisting he should have the final say"
    );
}

#[test]
fn a_thing_named_so_is_no_attribution() {
    let doc = run(
        "His comments come in a BBC documentary called 'No More Mr Nasty'. It is backed by a \
         New York-based trade group called The Travel Partnership. The Woodsman won the \
         Satyajit Ray Award, named after the Indian director. The judges called it \"an \
         impressive piece of scholarship\".",
    );
    for cue in ["called 'No", "called The", "named after"] {
        assert!(
            find_at(&doc, cue).is_none(),
            "{cue}: {:#?}",
            doc.attributions
        );
    }
    // Someone calling it so is one.
    assert!(
        find_at(&doc, "called it").is_some(),
        "{:#?}",
        doc.attributions
    );
}
