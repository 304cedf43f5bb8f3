//! The kind of an attribution (direct, indirect, mixed, according to, nominal, headline) and
//! the warnings for a careful reader (vague, anonymous, truncated or missing source, hedged,
//! denial).

use crate::lexicon::{ANONYMOUS, CLAIM_NOUNS, DENIALS, HEDGES, REBUTTALS};
use crate::sources::SourceInfo;
use crate::view::{is_quote_char, View};
use according_core::{Attribution, AttributionKind, Flag, SourceType, Span};

const NOMINAL_CUES: &[&str] = &[
    "report",
    "statement",
    "contention",
    "contentions",
    "claim",
    "claims",
    "remarks",
    "assertion",
    "announcement",
    "comments",
    "testimony",
    "interview",
    "allegation",
    "allegations",
    "accusation",
    "warning",
    "view",
    "belief",
    "argument",
    "disclaimers",
    "denial",
    "reports",
];

/// The kind of `a`, from its cue and the quotation marks of its content.
pub fn kind(text: &str, a: &Attribution, cue_pos: Option<&str>) -> AttributionKind {
    let cue = a.cue.text.to_lowercase();
    if cue.starts_with("according to") {
        return AttributionKind::AccordingTo;
    }
    if a.cue.text.trim() == ":" {
        // Headline colon: the source starts its line.
        let line_start = text[..a.cue.span.start].rfind('\n').map_or(0, |p| p + 1);
        if a.source
            .as_ref()
            .is_some_and(|s| s.span.start <= line_start + 1)
        {
            return AttributionKind::Headline;
        }
    }
    let last = cue.split_whitespace().last().unwrap_or("");
    if cue_pos == Some("NOUN") || NOMINAL_CUES.contains(&last) || cue.contains("report that") {
        return AttributionKind::Nominal;
    }
    if a.content.spans.is_empty() {
        return AttributionKind::Other;
    }
    let content = a
        .content
        .spans
        .iter()
        .map(|s| s.slice(text))
        .collect::<Vec<_>>()
        .join(" ");
    let content = without_scare_quotes(&content);
    let c =
        content.trim_matches(|ch: char| ch.is_whitespace() || matches!(ch, ',' | '.' | ';' | ':'));
    let quotes = c.chars().filter(|&ch| is_quote_char(ch)).count();
    if quotes == 0 {
        return AttributionKind::Indirect;
    }
    let starts = c.starts_with(is_quote_char);
    let ends = c.ends_with(is_quote_char)
        || c.trim_end_matches(|ch: char| !ch.is_alphanumeric() && !is_quote_char(ch))
            .ends_with(is_quote_char);
    if starts && ends {
        // Every piece quoted: direct; quotes with plain words around them: mixed.
        let all_quoted = a.content.spans.iter().all(|s| {
            let p = s
                .slice(text)
                .trim_matches(|ch: char| ch.is_whitespace() || matches!(ch, ',' | '.' | ';' | ':'));
            p.starts_with(is_quote_char)
        });
        if all_quoted {
            return AttributionKind::Direct;
        }
    }
    AttributionKind::Mixed
}

/// `The so-called “peace dividend”`: quotation marks the writer puts around a term (scare
/// quotes) are not the source's words; the term stays, its marks go.
fn without_scare_quotes(content: &str) -> std::borrow::Cow<'_, str> {
    const SO_CALLED: &str = "so-called ";
    let lower = content.to_ascii_lowercase();
    if !lower.contains(SO_CALLED) {
        return content.into();
    }
    let mut out = String::with_capacity(content.len());
    let mut rest = 0;
    for (at, _) in lower.match_indices(SO_CALLED) {
        let open = at + SO_CALLED.len();
        if open < rest || !content[open..].starts_with(is_quote_char) {
            continue;
        }
        let q = content[open..].chars().next().map_or(1, char::len_utf8);
        // The term closes within a few words.
        let Some(len) = content[open + q..]
            .char_indices()
            .take(60)
            .find(|&(_, ch)| is_quote_char(ch))
            .map(|(k, _)| k)
        else {
            continue;
        };
        let close = open + q + len;
        out.push_str(&content[rest..open]);
        out.push_str(&content[open + q..close]);
        rest = close + content[close..].chars().next().map_or(1, char::len_utf8);
    }
    out.push_str(&content[rest..]);
    out.into()
}

/// The lowercased words of a text, for whole-word phrase lookups.
struct Words {
    lower: String,
    words: Vec<std::ops::Range<usize>>,
    /// A 512-bit Bloom filter of the words: flags look up some sixty phrases per attribution,
    /// nearly all absent, and this rejects them without walking the words.
    bloom: [u64; 8],
}

/// A cheap hash of a word for the Bloom filter, from its length and first and last bytes:
/// hashing every byte of every content word cost more than the phrase checks it saved.
fn word_hash(w: &str) -> u64 {
    let b = w.as_bytes();
    let (first, last) = (b.first().map_or(0, |&x| x), b.last().map_or(0, |&x| x));
    let key = (b.len() as u64) << 16 | (first as u64) << 8 | last as u64;
    key.wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// The filter word and bit of a hash, from its top bits (the best mixed by the multiply).
fn bloom_bit(h: u64) -> (usize, u64) {
    ((h >> 61) as usize, 1u64 << ((h >> 55) & 63))
}

impl Words {
    fn new(text: &str) -> Words {
        Words::of_owned(text.to_string())
    }

    /// The words of `text`, lowercasing it in place when it is ASCII (no second String).
    fn of_owned(mut text: String) -> Words {
        let lower = if text.is_ascii() {
            text.make_ascii_lowercase();
            text
        } else {
            text.to_lowercase()
        };
        let mut words = Vec::new();
        let mut start = None;
        let mut mark =
            |i: usize, alnum: bool, words: &mut Vec<std::ops::Range<usize>>| match (alnum, start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    words.push(s..i);
                    start = None;
                }
                _ => {}
            };
        if lower.is_ascii() {
            for (i, b) in lower.bytes().enumerate() {
                mark(i, b.is_ascii_alphanumeric(), &mut words);
            }
        } else {
            for (i, c) in lower.char_indices() {
                mark(i, c.is_alphanumeric(), &mut words);
            }
        }
        mark(lower.len(), false, &mut words);
        let mut bloom = [0u64; 8];
        for w in &words {
            let (k, bit) = bloom_bit(word_hash(&lower[w.clone()]));
            bloom[k] |= bit;
        }
        Words {
            lower,
            words,
            bloom,
        }
    }

    fn word(&self, i: usize) -> &str {
        &self.lower[self.words[i].clone()]
    }

    /// Whether any phrase of `list` occurs as a sequence of whole words.
    fn has_any(&self, list: &PhraseList) -> bool {
        list.phrases
            .iter()
            .zip(&list.first_word_bits)
            .any(|(p, bits)| self.has_prefiltered(p, *bits))
    }

    fn has(&self, phrase: &str) -> bool {
        self.has_prefiltered(phrase, first_word_bits(phrase))
    }

    /// [`Words::has`], given the phrase's [`first_word_bits`].
    fn has_prefiltered(&self, phrase: &str, first_word_bits: Option<(usize, u64)>) -> bool {
        if let Some((k, bit)) = first_word_bits {
            if self.bloom[k] & bit == 0 {
                return false;
            }
        }
        let mut parts = phrase
            .split(|c: char| !c.is_alphanumeric())
            .filter(|x| !x.is_empty());
        let Some(first) = parts.next() else {
            return false;
        };
        (0..self.words.len()).any(|i| {
            self.word(i) == first && {
                let mut k = i;
                parts.clone().all(|w| {
                    k += 1;
                    k < self.words.len() && self.word(k) == w
                })
            }
        })
    }
}

/// The Bloom-filter bit of a phrase's first word, if it has one. (The phrase lists are
/// lowercase ASCII words: the first word ends at the first byte that is no letter or digit.)
fn first_word_bits(phrase: &str) -> Option<(usize, u64)> {
    let first_end = phrase
        .bytes()
        .position(|b| !b.is_ascii_alphanumeric())
        .unwrap_or(phrase.len());
    (first_end > 0).then(|| bloom_bit(word_hash(&phrase[..first_end])))
}

/// A phrase list with its first words' Bloom bits, computed once (the flags check some sixty
/// phrases per attribution).
struct PhraseList {
    phrases: &'static [&'static str],
    first_word_bits: Vec<Option<(usize, u64)>>,
}

impl PhraseList {
    fn new(phrases: &'static [&'static str]) -> PhraseList {
        PhraseList {
            phrases,
            first_word_bits: phrases.iter().map(|p| first_word_bits(p)).collect(),
        }
    }
}

/// The sentence of tokens `sent` says its source is not named (`who spoke on condition of
/// anonymity`, `unnamed`, `familiar with the talks`) outside what the source says (`content`,
/// byte spans): `Apple said "… unnamed individuals who we believe stole our trade secrets"`
/// names its source. Read from the view's lowercased tokens: lowercasing every attribution's
/// sentence again cost more than the rest of the flags.
pub fn grants_anonymity(v: &View, sent: std::ops::Range<usize>, content: &[Span]) -> bool {
    let w = |i: usize| v.toks.get(i).map_or("", |t| t.lower.as_ref());
    let said = |i: usize| {
        let at = v.toks[i].span;
        content
            .iter()
            .any(|c| c.start <= at.start && at.end <= c.end)
    };
    sent.clone().any(|i| {
        (match w(i) {
            "anonymity" | "anonymously" | "unnamed" => true,
            "familiar" => w(i + 1) == "with" && w(i + 2) == "the" && i + 2 < sent.end,
            _ => false,
        }) && !said(i)
    })
}

/// A source the text calls a source (`a senior government source`, `Sources close to the
/// investigation`, `Tory sources`), not a name or a kind of software that holds the word
/// (`Open Source Development Labs`, `open source developers`; not `insider` either: `NFL
/// Insider` is a job).
fn called_a_source(source: &str) -> bool {
    if !source.contains("ource") {
        return false;
    }
    let mut prev = "";
    for (k, w) in source
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .enumerate()
    {
        let named = k > 0 && w.starts_with(|c: char| c.is_uppercase());
        if (w.eq_ignore_ascii_case("source") || w.eq_ignore_ascii_case("sources"))
            && !named
            && !prev.eq_ignore_ascii_case("open")
        {
            return true;
        }
        prev = w;
    }
    false
}

/// The phrase lists [`flags`] looks for.
struct FlagPhrases {
    anonymous: PhraseList,
    hedges: PhraseList,
    hedged_content: PhraseList,
    denials: PhraseList,
    rebuttals: PhraseList,
    denied_content: PhraseList,
    said_false: PhraseList,
}

fn flag_phrases() -> &'static FlagPhrases {
    static P: std::sync::OnceLock<FlagPhrases> = std::sync::OnceLock::new();
    P.get_or_init(|| FlagPhrases {
        anonymous: PhraseList::new(ANONYMOUS),
        hedges: PhraseList::new(HEDGES),
        hedged_content: PhraseList::new(&[
            "reportedly",
            "allegedly",
            "purportedly",
            "is suspected",
            "are suspected",
            "is linked",
            "are linked",
            "is tied",
            "is believed",
        ]),
        denials: PhraseList::new(DENIALS),
        rebuttals: PhraseList::new(REBUTTALS),
        denied_content: PhraseList::new(&["no proof", "no evidence", "not true", "untrue"]),
        // `false` alone is too common a word (`false accounts`, `a false start`): it denies
        // when it is said of something.
        said_false: PhraseList::new(&[
            "is false",
            "are false",
            "was false",
            "were false",
            "completely false",
            "totally false",
            "entirely false",
            "wholly false",
            "categorically false",
        ]),
    })
}

/// Whether a cue hedges: `reportedly`, `allegedly`, `claimed`, `may`; a belief only where
/// nobody holds it (`held` false) or it is passive (`is believed to`, `were originally
/// thought`; the caller counts `Its Mangala field, thought to contain …` as held by nobody),
/// not where someone says what they think (`I thought it was an encouraging evening's work`,
/// `She believed the majority …`: an opinion, signed).
fn hedging_cue(cue: &Words, held: bool, hedges: &PhraseList) -> bool {
    if !cue.has_any(hedges) {
        return false;
    }
    let belief = |w: &str| matches!(w, "believed" | "thought");
    let only_belief = (0..cue.words.len())
        .map(|i| cue.word(i))
        .filter(|w| hedges.phrases.contains(w))
        .all(belief);
    let passive = (0..cue.words.len()).any(|i| {
        matches!(
            cue.word(i),
            "is" | "are" | "was" | "were" | "be" | "been" | "being"
        )
    });
    !only_belief || !held || passive
}

/// The words of `a`'s content that are the writer's, not inside a quotation: `are linked to
/// the iMac` in a designer's quoted words links products, it hedges nothing.
fn written_content(text: &str, a: &Attribution) -> Words {
    let mut out = String::new();
    for s in &a.content.spans {
        let mut quoted = false;
        for ch in s.slice(text).chars() {
            if is_quote_char(ch) {
                quoted = !quoted;
                out.push(' ');
            } else if !quoted {
                out.push(ch);
            }
        }
        out.push(' ');
    }
    Words::of_owned(out)
}

/// A rebuttal verb denies a claim when a claim noun follows it in the cue (`rejected
/// speculation`) or opens its content (`claims that`, `the suggestion`, `reports of a row`,
/// `Lions rumours`), or when it dismisses something as something (`dismissed the research as
/// "complete rubbish"`).
fn denies_a_claim(cue: &Words, content: &Words) -> bool {
    let claim =
        |w: &Words, n: usize| (0..w.words.len().min(n)).any(|i| CLAIM_NOUNS.contains(&w.word(i)));
    let dismissed = (0..cue.words.len()).any(|i| cue.word(i).starts_with("dismiss"));
    claim(cue, cue.words.len())
        || claim(content, 5)
        || (dismissed && (0..content.words.len().min(12)).any(|i| content.word(i) == "as"))
}

/// Flags of `a`. `anonymous_context` says the cue's sentence grants anonymity (see
/// [`grants_anonymity`]); `truncated_here`
/// says the text stops right after the cue/source (a cut-off paragraph).
pub fn flags(
    text: &str,
    a: &Attribution,
    info: Option<&SourceInfo>,
    anonymous_context: bool,
    truncated_here: bool,
) -> Vec<Flag> {
    let mut f = Vec::new();
    let cue = a.cue.text.to_lowercase();
    match (&a.source, info) {
        (None, _) => {
            // `reports regularly appear indicating …`: the cue itself names a vague source.
            if cue.split_whitespace().any(|w| {
                matches!(
                    w,
                    "reports" | "rumors" | "rumours" | "reportedly" | "allegedly"
                )
            }) {
                f.push(Flag::VagueSource);
            }
            if truncated_here && cue.starts_with("according to") {
                f.push(Flag::TruncatedSource);
            }
            f.push(Flag::NoSource);
        }
        (Some(_), Some(i)) => {
            if i.truncated || truncated_here {
                f.push(Flag::TruncatedSource);
            }
            if i.kind == SourceType::Vague {
                f.push(Flag::VagueSource);
            }
        }
        _ => {}
    }
    let src_text = a.source.as_ref().map_or("", |s| s.text.as_str());
    let lists = flag_phrases();
    // (The source's words are read only when the sentence does not already say so.)
    if anonymous_context
        || Words::new(src_text).has_any(&lists.anonymous)
        || called_a_source(src_text)
    {
        f.push(Flag::AnonymousSource);
    }
    let mut content = String::new();
    for (k, s) in a.content.spans.iter().enumerate() {
        if k > 0 {
            content.push(' ');
        }
        content.push_str(s.slice(text));
    }
    let (cue, content) = (Words::of_owned(cue), Words::of_owned(content));
    let raising = content
        .words
        .first()
        .is_some_and(|_| content.word(0) == "to");
    if hedging_cue(&cue, a.source.is_some() && !raising, &lists.hedges)
        // (The writer's words are read only when the whole content has a hedge: rarely.)
        || content.has_any(&lists.hedged_content)
            && written_content(text, a).has_any(&lists.hedged_content)
    {
        f.push(Flag::Hedged);
    }
    if cue.has_any(&lists.denials)
        || content.has_any(&lists.denied_content)
        // (Their first words are common: look for `false` first.)
        || content.has("false") && content.has_any(&lists.said_false)
        || cue.has("disclaimers")
        || (cue.has_any(&lists.rebuttals) && denies_a_claim(&cue, &content))
    {
        f.push(Flag::Denial);
    }
    f.sort();
    f.dedup();
    f
}

#[cfg(test)]
mod tests {
    use super::without_scare_quotes;

    #[test]
    fn scare_quotes_after_so_called_are_not_the_sources_words() {
        assert_eq!(
            without_scare_quotes("The so-called “peace dividend” never came"),
            "The so-called peace dividend never came"
        );
        assert_eq!(
            without_scare_quotes("So-called \"experts\" and “a disaster”"),
            "So-called experts and “a disaster”"
        );
        // Partial quotes elsewhere keep their marks.
        assert_eq!(
            without_scare_quotes("the plan as “a disaster”"),
            "the plan as “a disaster”"
        );
    }
}
