//! The country or body a role belongs to: `Russian Deputy Foreign Minister` → Russia.

use super::*;

/// The country or body a role belongs to: a nationality adjective or `of the U.N.`.
pub fn affiliation_of(role: &str) -> Option<String> {
    for (a, b) in words(role) {
        let x = trim_punct(&role[a..b]);
        if let Some(c) = outlets::nationality(x) {
            return Some(c.to_string());
        }
        let x2 = x.split(['-', '/']).next().unwrap_or(x);
        if let Some(c) = outlets::nationality(x2) {
            return Some(c.to_string());
        }
    }
    None
}

/// `police in the Czech Republic` → `Czech Republic`.
pub(super) fn place_in(s: &str) -> Option<String> {
    let p = s.find(" in ")?;
    let rest = trim_punct(&s[p + 4..]);
    let rest = rest.strip_prefix("the ").unwrap_or(rest);
    is_cap(rest).then(|| rest.to_string())
}
