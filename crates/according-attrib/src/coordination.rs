//! Sources that name several people or bodies together: `Sony, IBM and Toshiba`, `Mr Magnier
//! and Mr McManus`, `Both Motorola and Apple`. Each name is a source of its own (its entity,
//! type and role), so a corpus can say that Apple said it, not that `Motorola and Apple` did.

use crate::source_words::{is_honorific, ORG_WORDS};
use according_core::{Mention, Span};

/// Mention types that can name a source.
const NAME_TYPES: &[&str] = &["PERSON", "ORG", "GPE", "LOC", "OUTLET"];

/// Heads that end one organisation's name, besides [`ORG_WORDS`]: the recogniser sometimes
/// splits such a name at its `and` (`The US Securities | and | Exchange Commission`).
const NAME_HEADS: &[&str] = &["Societies", "Bill", "Act", "Department", "Ministry"];

/// The document byte spans of the names the source at `start` (its text `src`) joins with
/// `and` — at least two, covering the whole source but for a leading `Both`, articles,
/// honorifics and commas — or nothing. A member's span starts at its honorific.
pub fn members(src: &str, start: usize, mentions: &[Mention]) -> Vec<Span> {
    let body = src.trim_end_matches(|c: char| c.is_whitespace() || ",.;:".contains(c));
    let body = crate::source_words::strip_possessive(body).unwrap_or(body);
    let end = start + body.len();
    let names: Vec<&Mention> = mentions
        .iter()
        .filter(|m| m.span.start >= start && m.span.end <= end)
        .filter(|m| NAME_TYPES.contains(&m.kind.as_str()))
        .collect();
    if names.len() < 2 {
        return Vec::new();
    }
    let gap = |a: usize, b: usize| &src[a - start..b - start];
    let mut out = Vec::with_capacity(names.len());
    let mut pos = start;
    // Only `and` and commas between the names, nothing that marks where one name ends.
    let mut bare = true;
    for (k, m) in names.iter().enumerate() {
        if m.span.start < pos {
            return Vec::new();
        }
        bare &= k == 0 || matches!(gap(pos, m.span.start).trim(), "and" | ",");
        let (joiner, honorific) = split_gap(gap(pos, m.span.start));
        let fits = match k {
            0 => matches!(joiner, "" | "Both" | "both"),
            _ if k + 1 == names.len() => matches!(joiner, "and" | ", and"),
            _ => joiner == ",",
        };
        if !fits {
            return Vec::new();
        }
        out.push(Span::new(m.span.start - honorific, m.span.end));
        pos = m.span.end;
    }
    let (tail, _) = split_gap(&src[pos - start..end - start]);
    if !tail.is_empty() || bare && splits_one_name(&names) {
        return Vec::new();
    }
    out
}

/// The gap before a name without its trailing article and honorific: (what joins it to the
/// name before, the honorific's length in bytes with its space).
fn split_gap(gap: &str) -> (&str, usize) {
    // (`the Council of Mortgage Lenders (CML) and …`: the name's acronym is part of it.)
    let gap = match gap.trim_start().strip_prefix('(') {
        Some(r) => match r.split_once(')') {
            Some((acronym, after)) if !acronym.contains(' ') => after,
            _ => gap,
        },
        None => gap,
    };
    let mut rest = gap.trim_end();
    let mut honorific = 0;
    if let Some((before, last)) = rest.rsplit_once(' ').or(Some(("", rest))) {
        if is_honorific(last) {
            honorific = gap.len() - (rest.len() - last.len());
            rest = before.trim_end();
        }
    }
    if let Some((before, last)) = rest.rsplit_once(' ').or(Some(("", rest))) {
        if matches!(last, "the" | "The") {
            rest = before.trim_end();
        }
    }
    (rest.trim_start(), honorific)
}

/// `The International Federation of the Red Cross | and | Red Crescent Societies`: when only the
/// last name ends in a word that heads an organisation's name (and only `and` stands between),
/// the two are one name.
fn splits_one_name(names: &[&Mention]) -> bool {
    let head = |m: &Mention| {
        m.text
            .split_whitespace()
            .last()
            .is_some_and(|w| ORG_WORDS.contains(&w) || NAME_HEADS.contains(&w))
    };
    let (last, rest) = names.split_last().expect("two names or more");
    head(last) && !rest.iter().any(|m| head(m))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Mentions of `names` (text, type) in `text`, found in order.
    fn mentions(text: &str, names: &[(&str, &str)]) -> Vec<Mention> {
        let mut from = 0;
        names
            .iter()
            .map(|(n, kind)| {
                let a = from + text[from..].find(n).unwrap();
                from = a + n.len();
                Mention {
                    span: Span::new(a, a + n.len()),
                    text: n.to_string(),
                    kind: kind.to_string(),
                }
            })
            .collect()
    }

    /// The members of source `src`, a slice of `text`, as text.
    fn texts(text: &str, src: &str, ms: &[Mention]) -> Vec<String> {
        let start = src.as_ptr() as usize - text.as_ptr() as usize;
        members(src, start, ms)
            .iter()
            .map(|s| s.slice(text).to_string())
            .collect()
    }

    #[test]
    fn names_joined_by_and_are_members() {
        let text = "Yesterday Sony, IBM and Toshiba said the chip was ready.";
        let ms = mentions(text, &[("Sony", "ORG"), ("IBM", "ORG"), ("Toshiba", "ORG")]);
        let src = &text[text.find("Sony").unwrap()..text.find(" said").unwrap()];
        assert_eq!(texts(text, src, &ms), ["Sony", "IBM", "Toshiba"]);

        let text = "Mr Magnier and Mr McManus,";
        let ms = mentions(text, &[("Magnier", "PERSON"), ("McManus", "PERSON")]);
        assert_eq!(texts(text, text, &ms), ["Mr Magnier", "Mr McManus"]);

        let text = "Both Motorola and the Apple";
        let ms = mentions(text, &[("Motorola", "ORG"), ("Apple", "ORG")]);
        assert_eq!(texts(text, text, &ms), ["Motorola", "Apple"]);

        // A bracketed acronym after a name ends it.
        let text =
            "Both the Council of Mortgage Lenders (CML) and Building Societies Association (BSA)";
        let ms = mentions(
            text,
            &[
                ("Council of Mortgage Lenders", "ORG"),
                ("Building Societies Association", "ORG"),
            ],
        );
        assert_eq!(
            texts(text, text, &ms),
            [
                "Council of Mortgage Lenders",
                "Building Societies Association"
            ]
        );
    }

    #[test]
    fn one_name_or_more_than_names_is_no_coordination() {
        // The recogniser split one name at its `and`.
        let text = "The US Securities and Exchange Commission";
        let ms = mentions(
            text,
            &[("US Securities", "ORG"), ("Exchange Commission", "ORG")],
        );
        assert!(texts(text, text, &ms).is_empty());
        // Words besides the names: who spoke is someone else.
        let text = "Executives at Sony and IBM";
        let ms = mentions(text, &[("Sony", "ORG"), ("IBM", "ORG")]);
        assert!(texts(text, text, &ms).is_empty());
        let text = "Kenteris, 31, and Thanou";
        let ms = mentions(text, &[("Kenteris", "PERSON"), ("Thanou", "PERSON")]);
        assert!(texts(text, text, &ms).is_empty());
        // `&` joins the words of one name (`Johnson & Johnson`).
        let text = "Procter & Gamble";
        let ms = mentions(text, &[("Procter", "PERSON"), ("Gamble", "PERSON")]);
        assert!(texts(text, text, &ms).is_empty());
        // Commas alone join an apposition.
        let text = "Smith, Jones";
        let ms = mentions(text, &[("Smith", "PERSON"), ("Jones", "PERSON")]);
        assert!(texts(text, text, &ms).is_empty());
    }
}
