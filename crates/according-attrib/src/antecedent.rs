//! What a `they` or `it` source stands for when no source and no name before it does: the
//! subject of a main clause just before it, read from the parse (`Handset makers have
//! concentrated on … they have introduced`, `The carrier reported a drop … when it reported`).
//!
//! A subject counts when its number agrees with the pronoun's. An `it` stands only for a
//! thing that can speak (a report, a company, a council: [`SPEAKING_NOUNS`]), since an `it`
//! before a verb of saying is rarely anything else, and `behaviour`, `the rise` or `the
//! plan` before it would be wrong. Subjects of embedded clauses are passed over (`warned
//! that CSOs could …`: the CSOs are what the researchers spoke of), and so are pronouns
//! (`They claim … They also believe`: the same they, named further back) and subjects whose
//! number does not agree.

use according_core::{Doc, Span};

/// The number of a pronoun: `they` or `it`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Number {
    Plural,
    Singular,
}

/// How many sentences before the pronoun's own the subject may lie in.
const REACH: u32 = 2;

/// Longest subject taken whole; a longer one keeps only its head and the words before it.
const MAX_WORDS: usize = 12;

/// Head nouns of subjects an `it` may stand for: bodies that speak and documents that say.
const SPEAKING_NOUNS: &[&str] = &[
    "agency",
    "airline",
    "analysis",
    "association",
    "authority",
    "bank",
    "board",
    "body",
    "broadcaster",
    "business",
    "carrier",
    "chain",
    "charity",
    "club",
    "commission",
    "committee",
    "company",
    "corporation",
    "council",
    "court",
    "department",
    "document",
    "firm",
    "government",
    "group",
    "inquiry",
    "investigation",
    "letter",
    "maker",
    "manufacturer",
    "message",
    "ministry",
    "network",
    "newspaper",
    "organisation",
    "organization",
    "panel",
    "paper",
    "party",
    "poll",
    "regulator",
    "report",
    "research",
    "retailer",
    "review",
    "service",
    "site",
    "statement",
    "study",
    "survey",
    "team",
    "test",
    "tribunal",
    "union",
    "watchdog",
    "website",
];

/// How a subject's number shows, which says how much of what its words name it is: a common
/// plural (`Major companies including Volkswagen …`) is a group, whatever names it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Agreement {
    /// A common noun in the plural: `Handset makers`.
    Common,
    /// A proper noun in the plural: `The Tories`.
    Proper,
    /// Nouns joined by a conjunction: `Labour and the Tories`.
    Conjoined,
    /// A number: `The three`.
    Counted,
    /// A singular noun: `The carrier`.
    Singular,
}

/// A subject a pronoun may stand for.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Antecedent {
    /// Its noun phrase.
    pub span: Span,
    pub agreement: Agreement,
    /// Its head names people or a body that acts (`makers`, `unions`, `the report`), not
    /// things (`Elections`, `Rumours`).
    pub agent: bool,
}

/// The subject noun phrase a pronoun source at `at` of number `number` stands for, if a main
/// clause's subject of that number lies before it in its sentence or the [`REACH`] before.
pub(crate) fn subject_before(doc: &Doc, at: Span, number: Number) -> Option<Antecedent> {
    let toks = &doc.tokens;
    let here = toks.partition_point(|t| t.span.start < at.start);
    let sentence = toks.get(here)?.sentence;
    (0..here)
        .rev()
        .take_while(|&i| toks[i].sentence + REACH >= sentence)
        .filter(|&i| is_main_subject(doc, i))
        .find_map(|i| {
            let t = &toks[i];
            if t.upos.as_deref() == Some("PRON") {
                return None;
            }
            Some(Antecedent {
                span: phrase(doc, i),
                agreement: agreement(doc, i, number)?,
                agent: is_agent(t),
            })
        })
}

/// Token `i` is a nominal subject of a clause no subordinate clause holds.
fn is_main_subject(doc: &Doc, i: usize) -> bool {
    let t = &doc.tokens[i];
    t.deprel
        .as_deref()
        .is_some_and(|d| d == "nsubj" || d == "nsubj:pass")
        && t.head.is_some_and(|h| in_main_clause(doc, h as usize))
}

/// No subordinate clause lies on the way from token `i` up to the root.
pub(crate) fn in_main_clause(doc: &Doc, mut i: usize) -> bool {
    for _ in 0..32 {
        let Some(t) = doc.tokens.get(i) else {
            return false;
        };
        let Some(h) = t.head else {
            return true;
        };
        if matches!(
            t.deprel.as_deref(),
            Some("ccomp" | "xcomp" | "advcl" | "acl" | "acl:relcl" | "csubj" | "csubj:pass")
        ) {
            return false;
        }
        i = h as usize;
    }
    false
}

/// How subject token `i` agrees with a pronoun of `number`, if it does.
fn agreement(doc: &Doc, i: usize, number: Number) -> Option<Agreement> {
    let t = &doc.tokens[i];
    let xpos = t.xpos.as_deref().unwrap_or("");
    let upos = t.upos.as_deref().unwrap_or("");
    let conjoined = doc.tokens.iter().skip(i + 1).take(40).any(|d| {
        d.head == Some(i as u32)
            && d.deprel.as_deref() == Some("conj")
            && matches!(d.upos.as_deref(), Some("NOUN" | "PROPN"))
    });
    match number {
        Number::Plural if conjoined => Some(Agreement::Conjoined),
        Number::Plural if xpos == "NNS" => Some(Agreement::Common),
        Number::Plural if xpos == "NNPS" => Some(Agreement::Proper),
        Number::Plural if upos == "NUM" => Some(Agreement::Counted),
        // (`DJ duo JK and Joel are taking over …. They hope`: a pair is two.)
        Number::Plural
            if matches!(
                t.lemma
                    .as_deref()
                    .unwrap_or(&t.text)
                    .to_lowercase()
                    .as_str(),
                "pair" | "duo" | "couple" | "trio"
            ) =>
        {
            Some(Agreement::Counted)
        }
        Number::Singular => {
            let lemma = t.lemma.as_deref().unwrap_or(&t.text).to_lowercase();
            (matches!(xpos, "NN" | "NNP")
                && !conjoined
                && upos == "NOUN"
                && SPEAKING_NOUNS.contains(&lemma.as_str()))
            .then_some(Agreement::Singular)
        }
        _ => None,
    }
}

/// Token `t` names people or a body that acts: a noun of [`SPEAKING_NOUNS`], or one made of
/// a verb for who does it (`makers`, `investors`, `economists`, `residents`).
fn is_agent(t: &according_core::Token) -> bool {
    let lemma = t.lemma.as_deref().unwrap_or(&t.text).to_lowercase();
    SPEAKING_NOUNS.contains(&lemma.as_str())
        || ["er", "or", "ist", "ian", "ant", "ent"]
            .iter()
            .any(|s| lemma.len() > s.len() + 2 && lemma.ends_with(s))
}

/// The noun phrase headed by subject token `i`: its words up to a comma, spaced dash or
/// bracket after the head, without a clause modifying it or an appositive (`A letter sent
/// to Martin Mubanga` is a letter); only the head and the words before it when that is
/// longer than [`MAX_WORDS`].
fn phrase(doc: &Doc, i: usize) -> Span {
    let toks = &doc.tokens;
    let sentence = toks[i].sentence;
    let first = toks[..i].partition_point(|t| t.sentence < sentence);
    let last = i + toks[i..]
        .iter()
        .take_while(|t| t.sentence == sentence)
        .count();
    // Token `j` hangs off the head (through anything but a relative clause or appositive).
    let under = |mut j: usize| {
        for _ in 0..32 {
            if j == i {
                return true;
            }
            let t = &toks[j];
            let Some(h) = t.head else {
                return false;
            };
            if h as usize == i
                && matches!(
                    t.deprel.as_deref(),
                    Some("acl" | "acl:relcl" | "appos" | "parataxis" | "punct")
                )
            {
                return false;
            }
            j = h as usize;
        }
        false
    };
    let mut a = i;
    while a > first && under(a - 1) {
        a -= 1;
    }
    let mut b = i + 1;
    // (`Winn-Dixie` is one name; `Gerry Conlon - who …` a name and an aside.)
    let aside = |b: usize| match toks[b].text.as_str() {
        "," | "(" => true,
        "-" | "–" | "—" => toks[b].span.start > toks[b - 1].span.end,
        _ => false,
    };
    while b < last && under(b) && !aside(b) {
        b += 1;
    }
    if b - a > MAX_WORDS {
        b = i + 1;
    }
    // (Not the conjunction or punctuation a subject may start with.)
    while a < i && matches!(toks[a].upos.as_deref(), Some("PUNCT" | "CCONJ")) {
        a += 1;
    }
    Span::new(toks[a].span.start, toks[b - 1].span.end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use according_core::Doc;

    fn parsed(text: &str) -> Doc {
        let mut doc = Doc::new("t", "t", text);
        crate::nlp::Prep::embedded().run(&mut doc);
        doc
    }

    fn antecedent(text: &str, pronoun: &str, number: Number) -> Option<String> {
        let doc = parsed(text);
        let at = doc.text.rfind(pronoun).unwrap();
        subject_before(&doc, Span::new(at, at + pronoun.len()), number)
            .map(|a| a.span.slice(&doc.text).to_string())
    }

    #[test]
    fn they_is_the_plural_subject_before() {
        assert_eq!(
            antecedent(
                "Handset makers have concentrated on trying to make phones easier to use. \
                 Realising that people like to use their camera phones in different ways, \
                 they have introduced more design features.",
                "they",
                Number::Plural
            )
            .as_deref(),
            Some("Handset makers")
        );
    }

    #[test]
    fn it_is_a_body_that_speaks_not_any_thing() {
        assert_eq!(
            antecedent(
                "The carrier reported a drop in quarterly profit earlier this year. \
                 However, when it reported the results, the airline was upbeat.",
                "it",
                Number::Singular
            )
            .as_deref(),
            Some("The carrier")
        );
        assert_eq!(
            antecedent(
                "Obsessive behaviour is always cause for concern, but it always bothers me.",
                "it",
                Number::Singular
            ),
            None
        );
    }

    #[test]
    fn a_singular_subject_is_no_they() {
        assert_eq!(
            antecedent(
                "The minister visited the factory on Monday. They said it would close.",
                "They",
                Number::Plural
            ),
            None
        );
    }
}
