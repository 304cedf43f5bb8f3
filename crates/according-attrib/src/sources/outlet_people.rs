//! Outlet names inside people's names and people around outlet names (`Liam Fox` is no
//! Fox News; `Ian Harris, deputy editor of UK magazine Mac Format` is the outlet's person).

use super::*;

/// The outlet name at `a..b` ends `full` and follows a capitalised word that is not an
/// article, title, nationality or possessive (`Liam Fox`, `Mr Fox`, `20th Century Fox` are
/// no Fox News).
pub(super) fn closes_a_name(full: &str, a: usize, b: usize) -> bool {
    let prev = full[..a].split_whitespace().last().unwrap_or("");
    (full[b..].trim().is_empty() || full[b..].starts_with(','))
        && (is_cap(prev) || prev.starts_with(|c: char| c.is_ascii_digit()))
        && !prev.ends_with("'s")
        && !prev.ends_with("’s")
        && !matches!(prev, "The" | "A" | "An")
        && !TITLE_WORDS.contains(&prev)
        && outlets::nationality(prev).is_none()
}

/// An outlet's one-word name that opens a longer name (`Time Warner`, `Fox Searchlight`): a
/// capitalised word (not an acronym like `BBC`) followed by another that is no part of an
/// outlet's name (`Sky News`, `BBC Sport` stay outlets).
pub(super) fn opens_a_name(full: &str, a: usize, b: usize) -> bool {
    const OUTLET_PARTS: &[&str] = &[
        "News",
        "Sport",
        "Sports",
        "Radio",
        "Television",
        "TV",
        "Online",
        "Magazine",
        "Channel",
        "World",
        "Service",
        "International",
        "Digital",
        "Interactive",
        "Today",
    ];
    let name = &full[a..b];
    let next = full[b..]
        .split_whitespace()
        .next()
        .map(trim_punct)
        .unwrap_or("");
    !name.contains(' ')
        && name.chars().skip(1).any(char::is_lowercase)
        && full[b..].starts_with(' ')
        && is_cap(next)
        && !OUTLET_PARTS.contains(&next)
}

/// A person's name around an outlet named at `a..b`: a run of two or more capitalised words
/// closing the phrase after a role (`BBC correspondent Peter Hunt`), or opening it before a
/// comma (`Bruce Snyder, president of … at 20th Century Fox`). Byte range in `full`.
pub(super) fn person_around(full: &str, a: usize, b: usize) -> Option<(usize, usize)> {
    let ws = words(full);
    let w = |k: usize| trim_punct(&full[ws[k].0..ws[k].1]);
    let name_word = |k: usize| {
        let x = w(k);
        is_cap(x) && !TITLE_WORDS.contains(&x) && !matches!(x, "The" | "A" | "An")
    };
    // Closing run.
    let mut start = ws.len();
    while start > 0 && name_word(start - 1) && ws[start - 1].0 >= b {
        // (A comma closes what comes before the name: `in Jakarta, Rachel Harvey`.)
        if start < ws.len() && full[ws[start - 1].0..ws[start - 1].1].ends_with(',') {
            break;
        }
        start -= 1;
    }
    let role_between = (0..start).any(|k| ws[k].0 >= b && !is_cap(w(k)));
    // `CNN's Jake Tapper`: the outlet's own person.
    let possessive = full[b..].starts_with("'s") || full[b..].starts_with("’s");
    // `CBS Sports NFL Insider Jason La Canfora`: capitalised title words, then a given name.
    let given = (start + 1..ws.len().saturating_sub(1))
        .find(|&k| crate::gender::is_given_name(w(k)))
        .filter(|_| !role_between && !possessive);
    if let Some(k) = given {
        let (na, nb) = (ws[k].0, ws[ws.len() - 1].1);
        let name = trim_punct(&full[na..nb]);
        return Some((na, na + name.len()));
    }
    if ws.len() - start >= 2 && (role_between || possessive) {
        let (na, nb) = (ws[start].0, ws[ws.len() - 1].1);
        let name = trim_punct(&full[na..nb]);
        let na = na + full[na..nb].find(name).unwrap_or(0);
        return Some((na, na + name.len()));
    }
    // Opening run, closed by a comma, or by `of (the)` before the outlet (`Alex Horton of
    // the Washington Post`).
    let mut end = 0;
    while end < ws.len() && ws[end].1 <= a && name_word(end) {
        end += 1;
        if full[..ws[end - 1].1].ends_with(',') {
            break;
        }
    }
    let link = full
        .get(ws.get(end).map_or(a, |x| x.0)..a)
        .unwrap_or("")
        .trim();
    // (`Wendy Ide of The Times`: the outlet's own `The`.)
    let of_outlet = end >= 2
        && matches!(
            link.to_lowercase().as_str(),
            "of" | "of the" | "at" | "at the" | "for" | "for the"
        );
    let closed = of_outlet || end >= 2 && full[ws[end - 1].0..ws[end - 1].1].ends_with(',');
    if closed {
        let name = trim_punct(&full[ws[0].0..ws[end - 1].1]);
        let na = ws[0].0 + full[ws[0].0..].find(name).unwrap_or(0);
        return Some((na, na + name.len()));
    }
    None
}
