//! Dates by rule: `Sept. 11`, `April, 2001`, `11 September 2001`, `October`, `1998`, `1990s`,
//! weekdays, `yesterday`, `last week`.

use std::hash::BuildHasherDefault;

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "Jun.",
    "Jul.",
    "Aug.",
    "Sep.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
    "Jan",
    "Feb",
    "Aug",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
];
const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const RELATIVE: &[&str] = &[
    "yesterday",
    "today",
    "tomorrow",
    "Yesterday",
    "Today",
    "Tomorrow",
];
const PERIOD_HEADS: &[&str] = &[
    "last", "next", "this", "past", "Last", "Next", "This", "Past",
];
const PERIODS: &[&str] = &[
    "week", "month", "year", "weekend", "spring", "summer", "autumn", "fall", "winter", "decade",
    "century",
];

/// Bits of [`listed`]: the lists a word is in.
const IN_MONTHS: u8 = 1;
const IN_WEEKDAYS: u8 = 2;
const IN_RELATIVE: u8 = 4;
const IN_PERIOD_HEADS: u8 = 8;
const IN_PERIODS: u8 = 16;

/// FNV-1a, mixed: a short word hashes in a few instructions.
#[derive(Default)]
struct WordHasher(u64);

impl std::hash::Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0.wrapping_mul(0x9e37_79b9_7f4a_7c15).rotate_left(29)
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = self.0 ^ 0xcbf2_9ce4_8422_2325;
        for &b in bytes {
            h = (h ^ b as u64).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type WordMap = std::collections::HashMap<&'static str, u8, BuildHasherDefault<WordHasher>>;

/// The lists `w` is in, as `IN_*` bits: one hash lookup instead of comparing with every word
/// of every list.
fn listed(w: &str) -> u8 {
    static LISTED: std::sync::OnceLock<WordMap> = std::sync::OnceLock::new();
    let map = LISTED.get_or_init(|| {
        let mut m = WordMap::default();
        for (list, bit) in [
            (MONTHS, IN_MONTHS),
            (WEEKDAYS, IN_WEEKDAYS),
            (RELATIVE, IN_RELATIVE),
            (PERIOD_HEADS, IN_PERIOD_HEADS),
            (PERIODS, IN_PERIODS),
        ] {
            for &w in list {
                *m.entry(w).or_default() |= bit;
            }
        }
        m
    });
    map.get(w).copied().unwrap_or(0)
}

fn is_day(w: &str) -> bool {
    let d = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix_ok = matches!(&w[d.len()..], "" | "st" | "nd" | "rd" | "th");
    suffix_ok
        && !d.is_empty()
        && d.len() <= 2
        && d.parse::<u32>().is_ok_and(|n| (1..=31).contains(&n))
}

fn is_year(w: &str) -> bool {
    w.len() == 4 && w.parse::<u32>().is_ok_and(|y| (1800..=2099).contains(&y))
}

fn is_decade(w: &str) -> bool {
    (w.len() == 5 && w.ends_with("0s") && is_year(&w[..4]))
        || (w.len() == 4 && w.starts_with('\'') && w.ends_with("0s"))
}

/// Can a date start at word `w`? Every month, weekday, relative day and period head starts
/// with an upper-case letter or one of `y t l n p`, every year and decade with a digit or `'`:
/// other words (most of them) skip the list comparisons.
fn may_start_date(w: &str) -> bool {
    w.as_bytes().first().is_some_and(|&b| {
        b.is_ascii_uppercase()
            || b.is_ascii_digit()
            || matches!(b, b'\'' | b'y' | b't' | b'l' | b'n' | b'p')
    })
}

/// Token ranges `[start, end)` of dates in one sentence.
pub fn find_dates(words: &[&str]) -> Vec<(usize, usize)> {
    let n = words.len();
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        let w = words[i];
        if !may_start_date(w) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i;
        let lists = listed(w);
        if lists & IN_MONTHS != 0
            && (w != "May" || (i + 1 < n && (is_day(words[i + 1]) || is_year(words[i + 1]))))
        {
            // optional preceding day: `11 September`
            let s = if i > 0 && is_day(words[i - 1]) {
                i - 1
            } else {
                i
            };
            end = i + 1;
            if end < n && is_day(words[end]) {
                end += 1;
            }
            if end + 1 < n && words[end] == "," && is_year(words[end + 1]) {
                end += 2;
            } else if end < n && is_year(words[end]) {
                end += 1;
            }
            out.push((s, end));
            i = end;
            continue;
        }
        if lists & (IN_WEEKDAYS | IN_RELATIVE) != 0 || is_decade(w) {
            end = i + 1;
        } else if is_year(w) {
            let money_or_count = (i > 0 && matches!(words[i - 1], "$" | "£" | "€" | "#"))
                || (i + 1 < n
                    && matches!(words[i + 1], "%" | "percent" | "people" | "km" | "miles"));
            if !money_or_count {
                end = i + 1;
            }
        } else if lists & IN_PERIOD_HEADS != 0
            && i + 1 < n
            && listed(words[i + 1]) & IN_PERIODS != 0
        {
            end = i + 2;
        }
        if end > start {
            out.push((start, end));
            i = end;
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_word_may_start_a_date() {
        for list in [MONTHS, WEEKDAYS, RELATIVE, PERIOD_HEADS] {
            for w in list {
                assert!(may_start_date(w), "{w}");
            }
        }
        for w in ["1998", "1990s", "'90s", "11"] {
            assert!(may_start_date(w), "{w}");
        }
        assert!(!may_start_date("said"));
        assert!(!may_start_date(""));
    }

    #[test]
    fn listed_says_which_lists_a_word_is_in() {
        let lists = [MONTHS, WEEKDAYS, RELATIVE, PERIOD_HEADS, PERIODS];
        let bits = [
            IN_MONTHS,
            IN_WEEKDAYS,
            IN_RELATIVE,
            IN_PERIOD_HEADS,
            IN_PERIODS,
        ];
        let mut words: Vec<&str> = lists.iter().flat_map(|l| l.iter().copied()).collect();
        words.extend(["said", "may", "MAY", "Sep", "Mon", "", "Janu", "weeks"]);
        for w in words {
            for (list, bit) in lists.iter().zip(bits) {
                assert_eq!(listed(w) & bit != 0, list.contains(&w), "{w:?}");
            }
        }
    }

    #[test]
    fn finds_dates() {
        let s = [
            "In", "April", ",", "2001", ",", "the", "Sept.", "11", "attack", "in", "1998", "cost",
            "$", "2000",
        ];
        assert_eq!(find_dates(&s), vec![(1, 4), (6, 8), (10, 11)]);
        assert_eq!(
            find_dates(&["she", "may", "go", "last", "week"]),
            vec![(3, 5)]
        );
        assert_eq!(find_dates(&["on", "11", "September", "2001"]), vec![(1, 4)]);
    }
}
