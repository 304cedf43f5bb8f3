//! Quotations a colon cue claims. In `He added: "With the first half … growth." The firm
//! reported orders of $4.9bn`, the quotation after `added:` is what he added; the role tagger,
//! labelling each cue's window on its own, can also give it to the next cue (`The firm
//! reported` reads like `"…," the firm reported`) or to a cue before it. Such a quotation is
//! taken out of every other attribution's content, except one it sits inside (an outer frame
//! whose content holds the colon cue) and one whose cue it holds (an attribution inside the
//! quotation).

use crate::tagging::RawAttribution;
use crate::view::{QuoteMark, View};
use std::ops::Range;

/// The quotation (opening to closing mark, inclusive) that the cue `cue` introduces with a
/// colon (`said: "…"`, `said : "…"`), if any. A quotation reopened mid-way (`… portfolio.
/// "Our businesses …"`) runs to the first closing mark; it must close in the same paragraph.
pub fn colon_quote(v: &View, cue: &Range<usize>) -> Option<Range<usize>> {
    let colon = if v.toks[cue.end - 1].lower == ":" {
        cue.end - 1
    } else if v.toks.get(cue.end).is_some_and(|t| t.lower == ":") {
        cue.end
    } else {
        return None;
    };
    let open = colon + 1;
    let t = v.toks.get(open)?;
    if t.mark != QuoteMark::Open {
        return None;
    }
    let close = (open + 1..v.len())
        .take_while(|&k| v.toks[k].paragraph == t.paragraph)
        .find(|&k| v.toks[k].mark == QuoteMark::Close)?;
    Some(open..close + 1)
}

/// Take each colon-claimed quotation out of the contents of the attributions that do not own
/// it (see the module docs).
pub fn release_claimed_quotes(v: &View, raw: &mut [RawAttribution]) {
    let claims: Vec<(usize, Range<usize>)> = raw
        .iter()
        .enumerate()
        .filter_map(|(k, r)| colon_quote(v, &r.cue).map(|q| (k, q)))
        .collect();
    for (owner, q) in claims {
        let owner_cue = raw[owner].cue.clone();
        for (k, r) in raw.iter_mut().enumerate() {
            let inside_quote = r.cue.start < q.end && q.start < r.cue.end;
            let outer_frame = r.content.iter().any(|p| p.contains(&owner_cue.start));
            if k == owner || inside_quote || outer_frame {
                continue;
            }
            r.content = r
                .content
                .iter()
                .flat_map(|p| [p.start..p.end.min(q.start), p.start.max(q.end)..p.end])
                .filter(|p| !p.is_empty())
                .collect();
        }
    }
}

#[cfg(test)]
#[allow(clippy::single_range_in_vec_init)] // one-piece spans are what we mean here
mod tests {
    use super::*;
    use crate::test_support::raw;
    use crate::test_support::view_of;

    fn find(w: &[String], word: &str) -> usize {
        w.iter().position(|x| x == word).unwrap()
    }

    #[test]
    fn a_quote_after_a_colon_cue_is_taken_from_the_next_cue() {
        let (doc, w) = view_of(
            "He added: \"With half the year done, we remain confident.\" The firm reported \
             orders of $4.9bn.",
        );
        let v = View::new(&doc);
        let added = find(&w, "added");
        let reported = find(&w, "reported");
        let open = added + 2;
        let q = colon_quote(&v, &(added..added + 2)).expect("a colon quote");
        assert_eq!(q.start, open);
        assert_eq!(w[q.end - 1], "\"");
        let mut raw = vec![
            raw(added..added + 2, vec![0..1], vec![q.clone()]),
            raw(
                reported..reported + 1,
                vec![reported - 2..reported],
                vec![open + 1..q.end - 2, reported + 1..w.len() - 1],
            ),
        ];
        release_claimed_quotes(&v, &mut raw);
        assert_eq!(raw[0].content, vec![q]);
        assert_eq!(raw[1].content, vec![reported + 1..w.len() - 1]);
    }

    #[test]
    fn an_outer_frame_keeps_the_quote_it_holds() {
        let (doc, w) =
            view_of("According to the paper, Ivanov declared: \"The world has not found them.\"");
        let v = View::new(&doc);
        let declared = find(&w, "declared");
        let q = colon_quote(&v, &(declared..declared + 1)).expect("a colon quote");
        let outer = raw(0..2, vec![2..4], vec![declared - 1..w.len()]);
        let mut raw = vec![
            outer.clone(),
            raw(
                declared..declared + 1,
                vec![declared - 1..declared],
                vec![q],
            ),
        ];
        release_claimed_quotes(&v, &mut raw);
        assert_eq!(raw[0], outer);
    }
}
