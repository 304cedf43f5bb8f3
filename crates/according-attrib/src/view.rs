//! The token view the extractor works on: the Doc's tokens (with whatever tagger/parser
//! annotations they carry) or, when the Doc has not been segmented, a simple built-in
//! tokenization, plus per-token sentence, paragraph and quotation state.

use according_core::{Doc, Span};
use std::borrow::Cow;

/// `s` lowercased, borrowed when it already is (most words are: no allocation).
fn lowercase(s: &str) -> Cow<'_, str> {
    if s.bytes().any(|b| b.is_ascii_uppercase() || !b.is_ascii()) {
        Cow::Owned(s.to_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum QuoteMark {
    #[default]
    None,
    Open,
    Close,
}

#[derive(Debug, Clone, Default)]
pub struct Tok<'a> {
    /// Byte span in the original text.
    pub span: Span,
    /// Lowercased text.
    pub lower: Cow<'a, str>,
    pub upos: Option<&'a str>,
    /// Lowercased lemma (from the tagger) or a crude stem.
    pub lemma: Cow<'a, str>,
    pub deprel: Option<&'a str>,
    /// Document-level index of the syntactic head.
    pub head: Option<u32>,
    pub sentence: u32,
    pub paragraph: u32,
    /// This token is a quotation mark opening or closing a quote.
    pub mark: QuoteMark,
    /// The token lies between an opening and a closing quotation mark.
    pub in_quote: bool,
}

pub struct View<'a> {
    pub text: &'a str,
    pub toks: Vec<Tok<'a>>,
    /// Token index ranges of the sentences.
    pub sentences: Vec<std::ops::Range<usize>>,
    pub has_pos: bool,
    pub has_parse: bool,
}

impl<'a> View<'a> {
    pub fn new(doc: &'a Doc) -> View<'a> {
        let text = doc.text.as_str();
        // The buffer of the last view recycled on this thread, if any.
        let mut toks: Vec<Tok> = SPARE_TOKENS.take();
        if doc.tokens.is_empty() {
            let spans = tokenize(text);
            toks.reserve(spans.len());
            for s in spans {
                toks.push(Tok {
                    span: s,
                    lower: lowercase(&text[s.start..s.end]),
                    ..Default::default()
                });
            }
            split_sentences(text, &mut toks);
        } else {
            toks.reserve(doc.tokens.len());
            for t in &doc.tokens {
                let span = if t.span.end <= text.len() && t.span.start <= t.span.end {
                    t.span
                } else {
                    Span::new(0, 0)
                };
                toks.push(Tok {
                    span,
                    lower: lowercase(&t.text),
                    lemma: t.lemma.as_deref().map(lowercase).unwrap_or_default(),
                    upos: t.upos.as_deref(),
                    deprel: t.deprel.as_deref(),
                    head: t.head.filter(|&h| (h as usize) < doc.tokens.len()),
                    sentence: t.sentence,
                    ..Default::default()
                });
            }
        }
        for t in &mut toks {
            if t.lemma.is_empty() {
                t.lemma = Cow::Owned(crate::lexicon::stem(&t.lower).to_string());
            }
        }
        let has_pos = toks.iter().any(|t| t.upos.is_some());
        let has_parse = toks.iter().any(|t| t.deprel.is_some());
        mark_paragraphs_and_quotes(text, &mut toks);
        let mut sentences = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            let s = toks[i].sentence;
            let a = i;
            while i < toks.len() && toks[i].sentence == s {
                i += 1;
            }
            sentences.push(a..i);
        }
        // Renumber so `sentence` indexes `sentences`.
        for (k, r) in sentences.iter().enumerate() {
            for t in &mut toks[r.clone()] {
                t.sentence = k as u32;
            }
        }
        View {
            text,
            toks,
            sentences,
            has_pos,
            has_parse,
        }
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// Forget the dependency parse: the model is trained without one, and features of a parse
    /// it never saw would only shift its scores.
    pub fn drop_parse(&mut self) {
        for t in &mut self.toks {
            t.head = None;
            t.deprel = None;
        }
        self.has_parse = false;
    }

    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }

    /// Drop the view, keeping its token buffer for the next [`View::new`] on this thread: a
    /// document's tokens are a large allocation (about 120 bytes each), and each large
    /// allocation made the allocator consolidate its free lists of small ones.
    pub fn recycle(self) {
        let mut toks = self.toks;
        if toks.capacity() > KEEP_TOKENS {
            return;
        }
        toks.clear();
        // The empty vector as one of tokens that borrow nothing, in the same allocation
        // (collecting a vector's iterator into a vector of the same layout reuses it).
        let spare: Vec<Tok<'static>> = toks.into_iter().map(|_| unreachable!()).collect();
        SPARE_TOKENS.set(spare);
    }

    pub fn word(&self, i: usize) -> &str {
        self.toks[i].span.slice(self.text)
    }

    /// The token of `span` the parse hangs the others on: the first whose head lies outside
    /// it (the verb of `has said`, `said` of `said in a statement`).
    pub fn head_of(&self, span: &std::ops::Range<usize>) -> Option<usize> {
        span.clone().find(|&i| {
            self.toks[i]
                .head
                .is_none_or(|h| !span.contains(&(h as usize)))
        })
    }
}

thread_local! {
    /// A recycled view's token buffer, for the next view made on this thread.
    static SPARE_TOKENS: std::cell::Cell<Vec<Tok<'static>>> =
        const { std::cell::Cell::new(Vec::new()) };
}

/// Views of more tokens than this give their buffer back to the allocator.
const KEEP_TOKENS: usize = 20_000;

pub fn is_quote_char(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»' | '‟')
}

#[allow(clippy::needless_range_loop)] // looks back at the previous token's end
fn mark_paragraphs_and_quotes(text: &str, toks: &mut [Tok<'_>]) {
    let mut para = 0u32;
    let mut inside = false;
    let mut prev_end = 0usize;
    for i in 0..toks.len() {
        let s = toks[i].span;
        if i > 0
            && text
                .get(prev_end..s.start.max(prev_end))
                .is_some_and(|g| g.contains('\n'))
        {
            para += 1;
            inside = false;
        }
        toks[i].paragraph = para;
        let w = s.slice(text);
        // `''` that the segmenter split into two `'` tokens is one quote mark over both.
        let is_tick = |t: &Tok| t.span.slice(text) == "'";
        let pair_end = (w == "'")
            .then(|| toks.get(i + 1))
            .flatten()
            .filter(|n| n.span.start == s.end && is_tick(n))
            .map(|n| n.span.end);
        let second_of_pair = w == "'"
            && i > 0
            && toks[i - 1].span.end == s.start
            && is_tick(&toks[i - 1])
            && toks[i - 1].mark != QuoteMark::None;
        let w = if pair_end.is_some() { "''" } else { w };
        let end = pair_end.unwrap_or(s.end);
        let mark = match w {
            _ if second_of_pair => toks[i - 1].mark,
            "“" | "„" | "«" => QuoteMark::Open,
            "”" | "»" | "‟" => QuoteMark::Close,
            "\"" | "``" | "''" => {
                // Straight quotes: opening when followed directly by a word, or when no quote
                // is open.
                let after_space = s.start == 0
                    || text[..s.start].ends_with(char::is_whitespace)
                    || text[..s.start].ends_with(['(', '[', '—']);
                if !inside || (after_space && !text[end..].starts_with(char::is_whitespace)) {
                    QuoteMark::Open
                } else {
                    QuoteMark::Close
                }
            }
            _ => QuoteMark::None,
        };
        toks[i].mark = mark;
        match mark {
            QuoteMark::Open => {
                inside = true;
                toks[i].in_quote = true;
            }
            QuoteMark::Close => {
                toks[i].in_quote = true;
                inside = false;
            }
            QuoteMark::None => toks[i].in_quote = inside,
        }
        prev_end = s.end;
    }
}

fn is_split_punct(c: char) -> bool {
    matches!(
        c,
        '"' | '“'
            | '”'
            | '‘'
            | '’'
            | '\''
            | '('
            | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '.'
            | '«'
            | '»'
            | '„'
            | '—'
            | '–'
            | '―'
            | '…'
    )
}

/// Built-in tokenization: whitespace chunks, punctuation split off their ends, em dashes and
/// `'s`/`n't` split; abbreviations with inner periods (`U.S.`, `Mr.`) keep their period.
pub fn tokenize(text: &str) -> Vec<Span> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                chunk(text, s, i, &mut out);
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        chunk(text, s, text.len(), &mut out);
    }
    out
}

fn chunk(text: &str, mut a: usize, mut b: usize, out: &mut Vec<Span>) {
    // Inner dashes split a chunk into pieces: `word—word`.
    let w = &text[a..b];
    if let Some(p) = w.find(['—', '–', '―']).filter(|&p| p > 0 || w.len() > 3) {
        let dash_len = w[p..].chars().next().map_or(1, |c| c.len_utf8());
        if p > 0 {
            chunk(text, a, a + p, out);
        }
        out.push(Span::new(a + p, a + p + dash_len));
        if a + p + dash_len < b {
            chunk(text, a + p + dash_len, b, out);
        }
        return;
    }
    if let Some(p) = w.find("--").filter(|&p| p > 0) {
        chunk(text, a, a + p, out);
        out.push(Span::new(a + p, a + p + 2));
        if a + p + 2 < b {
            chunk(text, a + p + 2, b, out);
        }
        return;
    }
    // leading punctuation
    while a < b {
        let c = text[a..b].chars().next().unwrap();
        if is_split_punct(c)
            && !(c == '.' && b - a > 1 && text[a + 1..b].starts_with(|d: char| d.is_ascii_digit()))
        {
            out.push(Span::new(a, a + c.len_utf8()));
            a += c.len_utf8();
        } else {
            break;
        }
    }
    let mut tail = Vec::new();
    while b > a {
        let c = text[a..b].chars().next_back().unwrap();
        if !is_split_punct(c) {
            break;
        }
        if c == '.' {
            let body = &text[a..b - 1];
            // `U.S.`, `Mr.`, `p.m.`, single initials `J.`: keep the period.
            let abbrev = body.contains('.')
                || (body.len() == 1 && body.chars().all(|c| c.is_uppercase()))
                || matches!(
                    body,
                    "Mr" | "Mrs"
                        | "Ms"
                        | "Dr"
                        | "Sen"
                        | "Rep"
                        | "Gov"
                        | "Jr"
                        | "Sr"
                        | "St"
                        | "Gen"
                        | "Lt"
                        | "Col"
                        | "Sgt"
                        | "Rev"
                        | "Prof"
                        | "Inc"
                        | "Corp"
                        | "Co"
                        | "Ltd"
                        | "vs"
                        | "Jan"
                        | "Feb"
                        | "Aug"
                        | "Sept"
                        | "Oct"
                        | "Nov"
                        | "Dec"
                        | "No"
                        | "Calif"
                        | "Mass"
                        | "Ariz"
                        | "Fla"
                        | "Ga"
                        | "Va"
                        | "Wash"
                        | "Ill"
                );
            if abbrev && tail.is_empty() {
                break;
            }
        }
        let l = c.len_utf8();
        tail.push(Span::new(b - l, b));
        b -= l;
    }
    if a < b {
        let w = &text[a..b];
        let lw = w.to_ascii_lowercase();
        let clitic = ["’s", "'s"]
            .iter()
            .find(|s| lw.ends_with(*s) && w.len() > s.len())
            .map(|s| s.len())
            .or_else(|| (lw.ends_with("n't") && w.len() > 3).then_some(3))
            .or_else(|| (lw.ends_with("n’t") && w.len() > 5).then_some("n’t".len()));
        match clitic {
            Some(l) => {
                out.push(Span::new(a, b - l));
                out.push(Span::new(b - l, b));
            }
            None => out.push(Span::new(a, b)),
        }
    }
    out.extend(tail.into_iter().rev());
}

/// Sentence numbers for built-in tokens: a sentence ends at `.`/`!`/`?` (with any closing
/// quotes or brackets after it) before a capitalised word or an opening quote, and at every
/// line break.
fn split_sentences(text: &str, toks: &mut [Tok<'_>]) {
    let mut sent = 0u32;
    let n = toks.len();
    for i in 0..n {
        toks[i].sentence = sent;
        if i + 1 >= n {
            break;
        }
        let gap = &text[toks[i].span.end..toks[i + 1].span.start.max(toks[i].span.end)];
        if gap.contains('\n') {
            sent += 1;
            continue;
        }
        let w = toks[i].span.slice(text);
        let next = toks[i + 1].span.slice(text);
        let is_closer = |s: &str| matches!(s, "”" | "\"" | "’" | "'" | ")" | "]");
        if is_closer(w) && i > 0 {
            let prev = toks[i - 1].span.slice(text);
            if matches!(prev, "." | "!" | "?") && !gap.is_empty() && starts_sentence(next) {
                sent += 1;
            }
            continue;
        }
        if matches!(w, "." | "!" | "?" | "…")
            && !gap.is_empty()
            && starts_sentence(next)
            && !is_closer(next)
        {
            sent += 1;
        }
    }
}

fn starts_sentence(w: &str) -> bool {
    w.starts_with(|c: char| {
        c.is_uppercase() || c.is_ascii_digit() || matches!(c, '“' | '"' | '‘' | '(' | '[')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_recycled_buffer_makes_the_same_view() {
        let (doc, _) = crate::test_support::view_of(
            "Officials said on Monday that the talks would resume.\n\n“It is over,” he said.",
        );
        let show = |v: &View| format!("{:?} {:?}", v.toks, v.sentences);
        let first = View::new(&doc);
        let want = show(&first);
        let n = first.len();
        first.recycle();
        let spare = SPARE_TOKENS.take();
        assert!(spare.capacity() >= n, "the buffer is kept");
        SPARE_TOKENS.set(spare);
        let again = View::new(&doc);
        assert!(
            SPARE_TOKENS.take().capacity() == 0,
            "and taken by the next view"
        );
        assert_eq!(show(&again), want);
    }

    fn words(text: &str) -> Vec<&str> {
        tokenize(text)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn tokenizes_news_text() {
        assert_eq!(
            words("“No,” Mr. Smith said—in the U.S. Senate's hall."),
            vec![
                "“", "No", ",", "”", "Mr.", "Smith", "said", "—", "in", "the", "U.S.", "Senate",
                "'s", "hall", "."
            ]
        );
        assert_eq!(words("don't (yes)"), vec!["do", "n't", "(", "yes", ")"]);
    }

    #[test]
    fn sentences_paragraphs_and_quotes() {
        let doc = Doc::new(
            "t",
            "t",
            "He said: “Go. Now.” Then he left.\n“More,” he said.",
        );
        let v = View::new(&doc);
        let sent_of = |w: &str| {
            v.toks
                .iter()
                .find(|t| t.span.slice(v.text) == w)
                .unwrap()
                .sentence
        };
        assert_eq!(sent_of("He"), 0);
        assert_eq!(sent_of("Now"), 1);
        assert_eq!(sent_of("Then"), 2);
        assert_eq!(sent_of("More"), 3);
        let t = |w: &str| {
            v.toks
                .iter()
                .find(|t| t.span.slice(v.text) == w)
                .unwrap()
                .clone()
        };
        assert!(t("Go").in_quote);
        assert!(!t("Then").in_quote);
        assert_eq!(t("More").paragraph, 1);
    }

    #[test]
    fn a_split_double_tick_is_one_quote_mark() {
        // The segmenter splits an opening `''` into two `'` tokens.
        let mut doc = Doc::new(
            "t",
            "t",
            "''If you go, you lose,'' he told me. Then he left.",
        );
        according_text::clean(&mut doc);
        according_text::segment(&mut doc);
        let v = View::new(&doc);
        let t = |w: &str| v.toks.iter().find(|t| t.span.slice(v.text) == w).unwrap();
        assert!(t("If").in_quote && t("lose").in_quote);
        assert!(!t("told").in_quote && !t("Then").in_quote);
    }
}
