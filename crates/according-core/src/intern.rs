//! Tag names as `&'static str`: the tagger's and parser's closed tag sets are read from model
//! files at load time; interning them once lets every token borrow its tag instead of owning
//! a copy (three allocations a token fewer).

use std::collections::HashSet;
use std::sync::{Mutex, OnceLock};

/// The one `&'static str` equal to `name`. Each distinct name is leaked once per process,
/// so call this for closed sets (tags, relations), not for open text.
pub fn intern(name: &str) -> &'static str {
    static NAMES: OnceLock<Mutex<HashSet<&'static str>>> = OnceLock::new();
    let mut names = NAMES
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    if let Some(&n) = names.get(name) {
        return n;
    }
    let n: &'static str = Box::leak(name.into());
    names.insert(n);
    n
}

#[cfg(test)]
mod tests {
    #[test]
    fn equal_names_are_one() {
        let a = super::intern("nsubj");
        let b = super::intern(&String::from("nsubj"));
        assert!(std::ptr::eq(a, b));
        assert_eq!(a, "nsubj");
    }
}
