//! Hard sentence-boundary cases from news writing.

use according_text::split_sentences;

fn sents(t: &str) -> Vec<&str> {
    split_sentences(t)
        .into_iter()
        .map(|(a, b)| &t[a..b])
        .collect()
}

fn check(text: &str, expected: &[&str]) {
    assert_eq!(sents(text), expected, "text: {text}");
}

#[test]
fn abbreviations_mid_sentence() {
    check(
        "U.S. officials said the plan was dead.",
        &["U.S. officials said the plan was dead."],
    );
    check(
        "The U.N. Security Council met on Sept. 11 in New York.",
        &["The U.N. Security Council met on Sept. 11 in New York."],
    );
    check(
        "Gov. Jerry Brown and Sen. Dianne Feinstein of Calif. agreed.",
        &["Gov. Jerry Brown and Sen. Dianne Feinstein of Calif. agreed."],
    );
    check(
        "Dr. Smith met Mr. Jones at No. 10 Downing St. on Monday.",
        &["Dr. Smith met Mr. Jones at No. 10 Downing St. on Monday."],
    );
    check(
        "President George W. Bush spoke.",
        &["President George W. Bush spoke."],
    );
    check("J.R.R. Tolkien wrote it.", &["J.R.R. Tolkien wrote it."]);
    check(
        "Apple Inc. Chief Executive Tim Cook spoke at 9 a.m. Tuesday.",
        &["Apple Inc. Chief Executive Tim Cook spoke at 9 a.m. Tuesday."],
    );
    check(
        "Martin Luther King Jr. Day is a holiday.",
        &["Martin Luther King Jr. Day is a holiday."],
    );
}

#[test]
fn abbreviations_ending_sentences() {
    check(
        "He moved to the U.S. The move was costly.",
        &["He moved to the U.S.", "The move was costly."],
    );
    check(
        "Sales fell in Aug. Analysts said it would pass.",
        &["Sales fell in Aug.", "Analysts said it would pass."],
    );
    check(
        "It was bought by Acme Inc. But the deal failed.",
        &["It was bought by Acme Inc.", "But the deal failed."],
    );
    check(
        "The meeting ended at 5 p.m. He left.",
        &["The meeting ended at 5 p.m.", "He left."],
    );
    check(
        "He said no. The talks ended.",
        &["He said no.", "The talks ended."],
    );
    // Some state abbreviations are words too (`ill.`, `wash.`): only `Ill.` abbreviates.
    check(
        "He was ill. Doctors kept him in. They did the wash. Tom left Springfield, Ill. Then he stayed.",
        &[
            "He was ill.",
            "Doctors kept him in.",
            "They did the wash.",
            "Tom left Springfield, Ill.",
            "Then he stayed.",
        ],
    );
}

#[test]
fn numbers_and_money() {
    check(
        "Growth was 3.5 percent, or $1.2 billion, in 2001. It rose.",
        &[
            "Growth was 3.5 percent, or $1.2 billion, in 2001.",
            "It rose.",
        ],
    );
    check(
        "Inspectors left Iraq in 1998. They never returned.",
        &["Inspectors left Iraq in 1998.", "They never returned."],
    );
}

#[test]
fn quotes() {
    check(
        "He said, \"Go.\" Then he left.",
        &["He said, \"Go.\"", "Then he left."],
    );
    check(
        "“We will win,” he said. “No doubt.”",
        &["“We will win,” he said.", "“No doubt.”"],
    );
    check(
        "“Why?” he asked. “Because.”",
        &["“Why?” he asked.", "“Because.”"],
    );
    check(
        "She called it “a disaster.” Others disagreed.",
        &["She called it “a disaster.”", "Others disagreed."],
    );
    check(
        "He said 'fine.' Then he went home.",
        &["He said 'fine.'", "Then he went home."],
    );
    check(
        "(The report was leaked.) Officials denied it.",
        &["(The report was leaked.)", "Officials denied it."],
    );
}

#[test]
fn dashes_ellipses_questions() {
    check(
        "Ivanov denied that – outside of the Taliban regime – there was any evidence.",
        &["Ivanov denied that – outside of the Taliban regime – there was any evidence."],
    );
    check(
        "Is it over? Nobody knows! Wait... Really?",
        &["Is it over?", "Nobody knows!", "Wait...", "Really?"],
    );
    check("He paused … and went on.", &["He paused … and went on."]);
}

#[test]
fn datelines_and_headlines() {
    check(
        "MEXICO CITY (AP) — The president spoke. He left.",
        &["MEXICO CITY (AP) — The president spoke.", "He left."],
    );
    check(
        "WASHINGTON, D.C. — Lawmakers met.",
        &["WASHINGTON, D.C. — Lawmakers met."],
    );
    check(
        "LONDON, Jan. 5 (Reuters) - Shares fell.",
        &["LONDON, Jan. 5 (Reuters) - Shares fell."],
    );
    check(
        "Ad sales boost Time Warner profit\n\nQuarterly profits rose 76%.",
        &[
            "Ad sales boost Time Warner profit",
            "Quarterly profits rose 76%.",
        ],
    );
    check(
        "A paragraph without an end\n\nNext one.",
        &["A paragraph without an end", "Next one."],
    );
}

#[test]
fn quote_spanning_paragraphs() {
    check(
        "“We are ready,” he said. “We will go.\n\n“And we will win.”",
        &[
            "“We are ready,” he said.",
            "“We will go.",
            "“And we will win.”",
        ],
    );
}
