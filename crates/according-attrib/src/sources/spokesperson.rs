//! Unnamed spokespeople speak for the body named: `A Cabinet Office spokeswoman`.

use super::*;

/// Words for someone who speaks for a body.
pub(super) const SPOKESPERSONS: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "spokesmen",
    "spokeswomen",
    "spokespeople",
];

/// `A Cabinet Office spokeswoman`, `a spokesperson for Delta Airlines`, `a BBC spokesman`: an
/// unnamed person speaking for a named body. What the source says is the body (an
/// organisation unless its name says government or outlet), with the speaker as the role and
/// `speaks_for` set. `full` is `src` trimmed. Nothing when no capitalised name is the body
/// (`a venue spokesman`, `The prime minister's official spokesman`), when a name follows
/// (`Labour spokesman Mr Kemp`) or when the body is a person (`a spokesman for Mr Blair`).
pub(super) fn spokesperson_for(src: &str, full: &str) -> Option<SourceInfo> {
    // (Most sources have no spokesperson: look before splitting words.)
    find_short(full, "pokes")?;
    let ws = words(full);
    let w = |k: usize| trim_punct(&full[ws[k].0..ws[k].1]);
    let k = (0..ws.len()).find(|&k| holds_lowercased(SPOKESPERSONS, w(k)))?;
    let article = |k: usize| matches!(w(k), "a" | "an" | "the" | "A" | "An" | "The");
    let first = usize::from(k > 0 && article(0));
    let (body, role) = if k + 1 == ws.len() {
        // `A Cabinet Office spokeswoman`, `Microsoft's chief spokesman`: the capitalised words
        // before the lowercase ones that describe the speaker.
        let mut end = k;
        while end > first && !is_cap(w(end - 1)) {
            end -= 1;
        }
        if end == first {
            return None;
        }
        let body = &full[ws[first].0..ws[end - 1].1];
        let body = strip_possessive(body).unwrap_or(body);
        (body, &full[ws.get(end)?.0..ws[k].1])
    } else if k + 2 < ws.len() && matches!(w(k + 1), "for" | "at" | "from" | "of") {
        // `a spokesperson for Delta Airlines`.
        if !(first..k).all(|j| !is_cap(w(j))) {
            return None;
        }
        let b = k + 2 + usize::from(matches!(w(k + 2), "the" | "The") && k + 3 < ws.len());
        if !is_cap(w(b)) {
            return None;
        }
        (trim_punct(&full[ws[b].0..]), &full[ws[first].0..ws[k].1])
    } else {
        return None;
    };
    let inner = analyze(body);
    // (A full name is a person's; one word is a body's even where it is also a given name:
    // `A Delta spokesperson`, `a Chelsea spokesman`, as a surname is: `a Blair spokesman`.)
    let person = inner.kind == SourceType::Person && body.contains(' ');
    if person || inner.pronoun || inner.person_pronoun || inner.truncated {
        return None;
    }
    let mut info = within(src, body, inner);
    info.kind = match info.kind {
        k @ (SourceType::Government | SourceType::Outlet) => k,
        _ => SourceType::Organization,
    };
    info.role = Some(role.to_string());
    info.speaks_for = true;
    info.unnamed = false;
    info.members = Vec::new();
    Some(info)
}
