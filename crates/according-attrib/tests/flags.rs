//! The warnings a reader gets, and only where they hold: an anonymous source is one the text
//! does not name (not one whose words mention someone unnamed), a denial denies something
//! said, a hedge distances the writer from a claim, a truncated source is cut off itself.
mod common;

use according_core::Flag;
use common::{at, find_at, run};

fn has(doc: &according_core::Doc, cue: &str, flag: Flag) -> bool {
    at(doc, cue).flags.contains(&flag)
}

#[test]
fn anonymous_is_who_speaks_not_whom_they_speak_of() {
    let doc = run(
        "The company said it had sued unnamed individuals who leaked its designs. \
         A senior government source said the talks had failed. \
         Open source developers argue that the patents should never have been granted.",
    );
    assert!(!has(&doc, "said it had", Flag::AnonymousSource));
    assert!(has(&doc, "said the talks", Flag::AnonymousSource));
    assert!(!has(&doc, "argue", Flag::AnonymousSource));
}

#[test]
fn an_aside_granting_anonymity_still_counts() {
    let doc = run(
        "One official, who spoke on condition of anonymity, said the deal was close to being \
         signed.",
    );
    assert!(has(&doc, "said", Flag::AnonymousSource));
}

#[test]
fn a_rebuttal_is_a_denial_only_of_something_said() {
    let doc = run("Mr Ebbers has denied all the charges against him. \
         The minister dismissed the research as complete rubbish. \
         The club rejected suggestions that the manager would leave. \
         The three judges dismissed both appeals on Tuesday. \
         The board rejected a takeover offer from its German rival.");
    assert!(has(&doc, "has denied", Flag::Denial));
    assert!(has(&doc, "dismissed the research", Flag::Denial));
    assert!(has(&doc, "rejected suggestions", Flag::Denial));
    for cue in ["dismissed both", "rejected a takeover"] {
        if let Some(a) = find_at(&doc, cue) {
            assert!(!a.flags.contains(&Flag::Denial), "{cue}: {:?}", a.flags);
        }
    }
}

#[test]
fn false_is_a_denial_only_when_said_of_something() {
    let doc = run(
        "Prosecutors alleged that he ordered staff to make false entries in the accounts. \
         His lawyer said the allegations were completely false.",
    );
    assert!(!has(&doc, "alleged", Flag::Denial));
    assert!(has(&doc, "said the allegations", Flag::Denial));
}

#[test]
fn a_belief_someone_states_is_no_hedge_but_an_unowned_one_is() {
    let doc = run(
        "The coach thought it was a very encouraging evening for the team. \
         The virus is thought to have spread most widely in South America.",
    );
    assert!(!has(&doc, "thought it was", Flag::Hedged));
    assert!(has(&doc, "is thought", Flag::Hedged));
}

#[test]
fn a_quoted_link_is_no_hedge() {
    let doc = run(
        "\"The new models are linked to the music player and the laptop,\" said Dr Anne Brown, \
         a transport designer.",
    );
    let a = at(&doc, "said");
    assert!(!a.flags.contains(&Flag::Hedged), "{:?}", a.flags);
}

#[test]
fn a_paragraph_cut_after_what_was_said_does_not_cut_the_source() {
    let doc = run(
        "The retailer agreed to suspend firearms sales in its California stores in 2003,\n\n\
         The alleged violations included the sale of guns to minors.\n\n\
         Officials confirmed the delay, according to an earlier report in\n\n\
         The ministry did not comment.",
    );
    assert!(!has(&doc, "agreed", Flag::TruncatedSource));
    assert!(has(&doc, "according to", Flag::TruncatedSource));
}

#[test]
fn titles_won_and_chances_withheld_are_not_claims() {
    let doc = run("Federer claimed his fourth Grand Slam title in Melbourne. \
         A hamstring injury denied Luscombe the opportunity to start. \
         Critics claim the record is at best patchy.");
    assert!(
        find_at(&doc, "claimed").is_none(),
        "{:#?}",
        doc.attributions
    );
    assert!(find_at(&doc, "denied").is_none(), "{:#?}", doc.attributions);
    assert!(find_at(&doc, "claim the").is_some());
}

#[test]
fn an_expletive_it_before_a_passive_of_belief_has_no_source() {
    let doc = run(
        "Tindall is out of contract at the end of the season but it is understood that \
         Brownsword is unwilling to pay. It is believed the plans may change, officials said.",
    );
    let understood = at(&doc, "is understood");
    assert!(understood.source.is_none(), "{:?}", understood.source);
    assert_eq!(
        understood.content.text.trim_start_matches("that ").trim(),
        "Brownsword is unwilling to pay"
    );
    let believed = at(&doc, "is believed");
    assert!(believed.source.is_none());
    assert_eq!(believed.content.text, "the plans may change");
    assert!(
        believed.flags.contains(&Flag::Hedged),
        "{:?}",
        believed.flags
    );
}
