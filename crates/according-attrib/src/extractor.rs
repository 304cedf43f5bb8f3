//! The [`Extractor`] pipeline component: tag cues, label sources and contents, then build
//! `doc.attributions` (kinds, chains, flags) and `doc.entities` (resolved sources).

use crate::model::Model;
use crate::sources::{self, SourceInfo};
use crate::tagging::{self, RawAttribution};
use crate::view::View;
use crate::{chains, classify, resolve};
use according_core::{
    Attribution, Component, Content, Cue, Doc, DocError, Source, SourceType, Span, Stage,
};
use std::path::Path;

/// File name of the model inside a `--model DIR`.
pub const MODEL_FILE: &str = "attribution.bin";

pub struct Extractor {
    model: Model,
}

impl Extractor {
    pub fn from_model(model: Model) -> Extractor {
        Extractor { model }
    }

    pub fn from_bytes(data: &[u8]) -> Result<Extractor, String> {
        Ok(Extractor {
            model: Model::from_bytes(data)?,
        })
    }

    /// Load `DIR/attribution.bin`.
    pub fn load(dir: &Path) -> Result<Extractor, String> {
        let p = dir.join(MODEL_FILE);
        let data = std::fs::read(&p).map_err(|e| format!("{}: {e}", p.display()))?;
        Self::from_bytes(&data).map_err(|e| format!("{}: {e}", p.display()))
    }

    pub fn model(&self) -> &Model {
        &self.model
    }

    pub fn model_mut(&mut self) -> &mut Model {
        &mut self.model
    }

    /// Find the attributions of `doc` (tokens, tags, parse and mentions are used when present).
    pub fn extract(&self, doc: &mut Doc) {
        self.extract_scored(doc);
    }

    /// [`Extractor::extract`], returning the cue margin of each attribution found (in the order
    /// of `doc.attributions`), from which its confidence is computed.
    pub fn extract_scored(&self, doc: &mut Doc) -> Vec<f32> {
        let mut v = View::new(doc);
        if !self.model.parse_features {
            v.drop_parse();
        }
        let tagged = tagging::extract(&self.model, &v);
        let mut found = crate::patterns::find(&v);
        found.extend(crate::completion::find_report_cues(&v, &tagged));
        let frames = crate::completion::find_trailing_frames(&v, &tagged);
        found.extend(frames.iter().cloned());
        found.extend(crate::evidential::find_hedged_passives(&v, &tagged));
        found.extend(crate::evidential::find_expletive_passives(&v, &tagged));
        found.extend(crate::evidential::find_hedging_adverbs(&v, &tagged));
        let mut raw = crate::patterns::merge(tagged, found);
        crate::completion::stop_at_frames(&mut raw, &frames);
        let mut is_cue = vec![false; v.len()];
        for r in &raw {
            is_cue[r.cue.clone()].iter_mut().for_each(|x| *x = true);
        }
        let raw: Vec<RawAttribution> = raw
            .into_iter()
            .filter(|r| !in_a_name(&v, r) && !names_someone(&v, r, &doc.mentions))
            .filter_map(|r| drop_titles(&v, r))
            .map(|r| drop_punct_sources(&v, r))
            .map(|r| according_to_source(&v, r))
            .map(|r| vague_subject_source(&v, r))
            .map(|r| drop_leading_aside(&v, r))
            .map(|r| crate::completion::complete_content(&v, r))
            .map(|r| crate::boundaries::fill_empty_content(&v, r))
            .map(|r| crate::boundaries::quote_then_inverted_source(&v, r))
            .map(|r| crate::boundaries::drop_unquoted_tail(&v, r))
            .map(|r| crate::boundaries::subject_after_cue(&v, r, &is_cue))
            .map(|r| crate::boundaries::fill_holes(&v, r, &is_cue))
            .map(|r| crate::boundaries::content_to_trailing_frame(&v, r, &is_cue))
            .map(|r| crate::boundaries::fronted_content(&v, r, &is_cue))
            .map(|r| crate::boundaries::inverted_name_source(&v, r))
            .map(|r| crate::boundaries::inverted_frame_roles(&v, r))
            .map(|r| crate::boundaries::controller_source(&v, r))
            .map(|r| crate::boundaries::say_subject_source(&v, r))
            .map(|r| crate::boundaries::aside_subject_source(&v, r, &is_cue))
            .map(|r| crate::boundaries::raising_subject_is_content(&v, r))
            .map(|r| crate::boundaries::subject_piece_is_source(&v, r))
            .map(|r| crate::boundaries::quoted_as_saying(&v, r))
            .map(|r| crate::boundaries::according_to_comma(&v, r))
            .map(|r| crate::boundaries::according_to_after_clause(&v, r))
            .map(|r| crate::boundaries::source_modifiers(&v, r))
            .map(|r| crate::boundaries::drop_leading_time(&v, r))
            .map(|r| crate::boundaries::drop_trailing_time(&v, r))
            .map(|r| crate::boundaries::drop_dateline(&v, r))
            .map(|r| crate::boundaries::clause_out_of_source(&v, r))
            .map(|r| crate::boundaries::time_out_of_cue(&v, r))
            .map(|r| crate::boundaries::as_to_in_cue(&v, r))
            .map(|r| crate::boundaries::time_out_of_content_start(&v, r))
            .map(|r| crate::boundaries::cue_without_medium(&v, r))
            .collect();
        // (Two chains: one would exceed the compiler's recursion limit for nested closures.)
        let mut raw: Vec<RawAttribution> = raw
            .into_iter()
            .map(|r| crate::relative::aside_as_source(&v, r))
            .map(|r| crate::relative::relative_source(&v, r))
            .map(|r| crate::boundaries::source_commas(&v, r))
            .map(|r| crate::boundaries::dash_aside_source(&v, r))
            .map(|r| crate::boundaries::noun_content_to_comma(&v, r))
            .map(|r| crate::boundaries::to_quote_close(&v, r, &is_cue))
            .map(|r| crate::boundaries::from_quote_open(&v, r, &is_cue))
            .map(|r| crate::boundaries::from_that_before_quote(&v, r, &is_cue))
            .map(|r| crate::boundaries::colon_content_in_paragraph(&v, r))
            .map(|r| crate::boundaries::including_list_in_content(&v, r, &is_cue))
            .map(|r| crate::boundaries::clause_content_cut(&v, r))
            .map(|r| crate::boundaries::fronted_clause_content_cut(&v, r))
            .map(|r| crate::boundaries::second_predicate_cut(&v, r))
            .map(|r| crate::boundaries::cue_participle_cut(&v, r))
            .map(|r| crate::boundaries::medium_out_of_content(&v, r))
            .map(|r| crate::boundaries::listener_out_of_content(&v, r))
            .map(|r| crate::boundaries::listener_with_infinitive(&v, r))
            .map(|r| crate::boundaries::aside_out_of_content(&v, r))
            .map(|r| crate::boundaries::content_from_colon_quote(&v, r))
            .map(|r| crate::boundaries::fronted_adverbial_out(&v, r))
            .map(|r| crate::boundaries::source_without_leading_conjunction(&v, r))
            .map(|r| crate::boundaries::source_without_circumstance(&v, r))
            .map(|r| crate::boundaries::trailing_appositive_piece(&v, r))
            .map(|r| crate::boundaries::inverted_source_appositive(&v, r, &is_cue))
            .map(|r| crate::boundaries::closing_frame_source(&v, r))
            .map(|r| crate::completion::widen_source_to_head(&v, r))
            .map(|r| crate::completion::widen_over_joined_name(&v, r))
            .map(|r| crate::boundaries::closing_comma_after_cue(&v, r))
            .map(|r| crate::completion::content_without_closing_comma(&v, r))
            .map(|r| crate::completion::full_stop_inside_quote(&v, r))
            .map(|r| crate::completion::close_brackets(&v, r))
            .map(|r| crate::boundaries::paragraph_after_colon(&v, r))
            .collect();
        crate::boundaries::colon_after_listener(&v, &mut raw);
        crate::boundaries::citing_clause(&v, &mut raw);
        crate::boundaries::nest_inner(&v, &mut raw);
        crate::boundaries::stop_at_other_sources(&mut raw);
        crate::boundaries::according_to_source_stops_at_other_sources(&v, &mut raw);
        crate::claims::release_claimed_quotes(&v, &mut raw);
        crate::claims::release_trailing_quotes(&v, &mut raw);
        crate::claims::release_continued_quotes(&v, &mut raw);
        crate::claims::fill_fronted_content(&v, &mut raw);
        crate::claims::inserted_inverted_frame(&v, &mut raw);
        crate::claims::drop_claimed_pieces(&mut raw);
        crate::claims::continued_quotation(&v, &mut raw);
        crate::claims::stop_at_next_speech_act(&v, &mut raw);
        crate::claims::stop_before_coordinated_frame(&v, &mut raw);
        crate::claims::fill_left_empty(&v, &mut raw);
        crate::completion::drop_dangling_ends(&v, &mut raw);
        crate::completion::whole_hyphenated_words(&v, &mut raw);
        raw.retain(|r| !r.content.is_empty() || !r.source.is_empty());
        crate::claims::drop_headline_nouns(&v, &mut raw);
        crate::claims::drop_prizes_won_or_withheld(&v, &mut raw);
        crate::claims::drop_lets(&v, &mut raw);
        crate::claims::drop_namings(&v, &mut raw);
        // (Whatever the rules above lent it: `… but it is understood that …` has no source.)
        for r in raw.iter_mut() {
            if crate::evidential::after_expletive_it(&v, &r.cue) {
                r.source.clear();
            }
        }
        let mut atts = build(&v, &raw);
        for (a, r) in atts.iter_mut().zip(&raw) {
            a.confidence = self.model.confidence(r.score);
        }
        let infos: Vec<Option<SourceInfo>> = atts
            .iter()
            .zip(&raw)
            .map(|(a, r)| {
                a.source.as_ref().map(|s| {
                    // `Mr Fitzpatrick, who added`: who the source is, is its antecedent.
                    // (`Marianne Petersen, who is planning`: the tagger may also have taken
                    // the name, as a piece of its own before the pronoun.)
                    let ante = match r.source.as_slice() {
                        [.., p] if p.len() == 1 => crate::relative::antecedent(&v, p.start),
                        _ => None,
                    }
                    .map(|t| Span::new(v.toks[t.start].span.start, v.toks[t.end - 1].span.end));
                    let (text, start) = match ante {
                        Some(span) => (span.slice(v.text), span.start),
                        None => (s.text.as_str(), s.span.start),
                    };
                    let mut info = sources::analyze_in_doc(text, start, v.text, &doc.mentions);
                    if ante.is_none() && info.members.is_empty() {
                        let content = Some(a.content.text.as_str()).filter(|t| !t.is_empty());
                        sources::retype_by_content_pronoun(&mut info, content, &doc.mentions);
                    }
                    info.antecedent = ante;
                    info
                })
            })
            .collect();
        for (a, r) in atts.iter_mut().zip(&raw) {
            let pos = v.toks[r.cue.end - 1].upos;
            a.kind = classify::kind(v.text, a, pos);
        }
        let sentence_of = |byte: usize| {
            let i = v
                .toks
                .partition_point(|t| t.span.end <= byte)
                .min(v.len().saturating_sub(1));
            v.toks.get(i).map_or(0, |t| t.sentence as usize)
        };
        chains::link(&mut atts, sentence_of);
        chains::fill_empty_frames(&mut atts, v.text);
        for (k, a) in atts.iter_mut().enumerate() {
            let s = v.toks[raw[k].cue.start].sentence as usize;
            let sent = &v.sentences[s];
            let tail = a
                .source
                .as_ref()
                .map_or(a.cue.span.end, |x| x.span.end.max(a.cue.span.end));
            // Only a cut right after the cue or a source that follows it cuts the source off: a
            // paragraph cut later (`McCreadie told the` | `News Letter`, `Wal-Mart agreed to
            // suspend …, `) cut what was said or to whom.
            let truncated = cut_off_after(v.text, tail)
                || doc.notes.iter().any(|n| {
                    n.kind == according_core::NoteKind::TruncatedParagraph
                        && n.span
                            .overlaps(Span::new(a.cue.span.start, tail.max(a.cue.span.start + 1)))
                        && v.text
                            .get(tail..n.span.end)
                            .is_some_and(|rest| rest.trim().is_empty())
                });
            a.flags = classify::flags(
                v.text,
                a,
                infos[k].as_ref(),
                classify::grants_anonymity(&v, sent.clone(), &a.content.spans),
                truncated,
            );
        }
        v.recycle();
        doc.attributions = atts;
        resolve::resolve(doc, &infos);
        raw.iter().map(|r| r.score).collect()
    }
}

/// The text stops right after `at` mid-sentence (`according to an earlier report in` + line end).
fn cut_off_after(text: &str, at: usize) -> bool {
    let rest = text.get(at..).unwrap_or("");
    let line_rest = rest.split('\n').next().unwrap_or("");
    if !line_rest.trim().is_empty() {
        return false;
    }
    let before = text[..at.min(text.len())].trim_end();
    let last = before
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
        .to_lowercase();
    matches!(
        last.as_str(),
        "in" | "from" | "by" | "of" | "to" | "the" | "a" | "an" | "on" | "at"
    )
}

/// Words that name a work whose title is quoted (`his book, “Saddam’s Bombmaker.”`).
const WORK_NOUNS: &[&str] = &[
    "book",
    "film",
    "movie",
    "song",
    "album",
    "novel",
    "documentary",
    "play",
    "show",
    "series",
    "memoir",
    "titled",
    "entitled",
    "called",
    "poem",
    "opera",
    "musical",
    "single",
    "episode",
];

/// Verbs whose quoted object is a work's title (`he sang “Yesterday”`), not words reported.
const PERFORMANCE_VERBS: &[&str] = &[
    "sang",
    "sing",
    "sings",
    "singing",
    "sung",
    "performed",
    "perform",
    "performs",
    "performing",
    "played",
    "plays",
    "playing",
    "starred",
    "starring",
    "directed",
    "screened",
    "premiered",
    "recorded",
];

/// `according to X`: the source is the phrase right after the cue, up to the next
/// punctuation or sentence end. Applied when the tagger found no source to the right.
fn according_to_source(v: &View, mut r: RawAttribution) -> RawAttribution {
    if !crate::boundaries::is_according_to(v, &r.cue) {
        return r;
    }
    let sent = v.toks[r.cue.start].sentence;
    let mut end = r.cue.end;
    while end < v.len()
        && v.toks[end].sentence == sent
        && !matches!(
            v.toks[end].lower.as_ref(),
            "," | "." | ";" | ":" | "—" | "–" | "(" | ")" | "“" | "”" | "\""
        )
    {
        end += 1;
    }
    // A source found after the cue stays, unless it stops before a phrase that goes on naming
    // it (`according to a report | in the Italian news daily Corriere della Sera`), which the
    // tagger may have called content: after `according to`, up to the comma, it is who.
    if let Some(k) = r.source.iter().position(|s| s.start >= r.cue.end) {
        let s = r.source[k].clone();
        let within = |c: &std::ops::Range<usize>| c.start >= s.end && c.end <= end;
        if s.start == r.cue.end
            && s.end < end
            && matches!(
                v.toks[s.end].lower.as_ref(),
                "in" | "from" | "by" | "of" | "at"
            )
            && !r
                .content
                .iter()
                .any(|c| c.start < end && s.end < c.end && !within(c))
        {
            r.content.retain(|c| !within(c));
            r.source[k].end = end;
        }
        return r;
    }
    if end > r.cue.end {
        let src = r.cue.end..end;
        set_source(&mut r, src);
    }
    r
}

/// A source piece of punctuation alone names no one: in `"…", said Serge Troeber` the comma
/// after the closing quote was tagged as a first source piece, and later steps kept only it.
fn drop_punct_sources(v: &View, mut r: RawAttribution) -> RawAttribution {
    r.source.retain(|s| {
        s.clone()
            .any(|i| v.word(i).chars().any(char::is_alphanumeric))
    });
    r
}

fn is_dash_or_paren(w: &str) -> bool {
    matches!(w, "–" | "—" | "―" | "--" | "(" | ")")
}

/// A source does not open with a parenthetical aside (`– the diplomatic terminology … –
/// Radio Free Europe reported`): the source is what follows the aside's closing mark.
fn drop_leading_aside(v: &View, mut r: RawAttribution) -> RawAttribution {
    for s in &mut r.source {
        if s.len() > 1 && is_dash_or_paren(v.word(s.start)) {
            if let Some(close) = (s.start + 1..s.end)
                .rev()
                .find(|&i| is_dash_or_paren(v.word(i)))
            {
                if close + 1 < s.end {
                    s.start = close + 1;
                }
            }
        }
    }
    r
}

/// Make `src` the attribution's only source, carving it out of any content piece it overlaps
/// (each token has one role).
fn set_source(r: &mut RawAttribution, src: std::ops::Range<usize>) {
    let mut content = Vec::new();
    for c in &r.content {
        if c.end <= src.start || c.start >= src.end {
            content.push(c.clone());
        } else {
            if c.start < src.start {
                content.push(c.start..src.start);
            }
            if c.end > src.end {
                content.push(src.end..c.end);
            }
        }
    }
    r.content = content;
    r.source = vec![src];
}

/// `reports regularly appear indicating …`: with no source found, a vague plural noun right
/// before the cue (adverbs skipped) is its subject, hence the (vague) source.
fn vague_subject_source(v: &View, mut r: RawAttribution) -> RawAttribution {
    if !r.source.is_empty() || r.cue.start == 0 {
        return r;
    }
    let sent = v.toks[r.cue.start].sentence;
    let mut i = r.cue.start;
    while i > 0
        && v.toks[i - 1].sentence == sent
        && (v.toks[i - 1].upos == Some("ADV") || v.toks[i - 1].lower.ends_with("ly"))
    {
        i -= 1;
    }
    if i == 0
        || v.toks[i - 1].sentence != sent
        || !crate::lexicon::VAGUE_HEADS.contains(&v.toks[i - 1].lower.as_ref())
    {
        return r;
    }
    set_source(&mut r, i - 1..i);
    r
}

/// `the official North East Says No campaign`: a capitalised cue word between capitalised
/// words of running text is part of a name, not a cue (headlines, all capitalised, keep
/// theirs).
fn in_a_name(v: &View, r: &RawAttribution) -> bool {
    let i = r.cue.start;
    let cap = |k: usize| {
        v.toks.get(k).is_some_and(|t| {
            v.word(k).starts_with(char::is_uppercase) && t.sentence == v.toks[i].sentence
        })
    };
    if r.cue.len() != 1 || i == 0 || !cap(i) || !cap(i - 1) || !cap(i + 1) {
        return false;
    }
    let sent = &v.sentences[v.toks[i].sentence as usize];
    sent.start != i && running_text(v, sent)
}

/// A sentence of running text, not a headline in title case: at least three words and 30%
/// of them lowercase.
fn running_text(v: &View, sent: &std::ops::Range<usize>) -> bool {
    let words = sent
        .clone()
        .filter(|&k| v.word(k).starts_with(char::is_alphabetic));
    let lower = words
        .clone()
        .filter(|&k| v.word(k).starts_with(char::is_lowercase))
        .count();
    lower >= 3 && lower * 10 >= words.count() * 3
}

/// `Read wrote the song` (DJ Mike Read), `Ask Jeeves has bought …`: in running text, a
/// capitalised one-word cue the recogniser took as a person's or organisation's name, or
/// that opens a sentence before a capitalised word and its verb, is that name (a headline in
/// title case keeps its cue: `Francois Hollande Says …`).
fn names_someone(v: &View, r: &RawAttribution, mentions: &[according_core::Mention]) -> bool {
    let i = r.cue.start;
    if r.cue.len() != 1
        || !v.word(i).starts_with(char::is_uppercase)
        || !running_text(v, &v.sentences[v.toks[i].sentence as usize])
    {
        return false;
    }
    let span = v.toks[i].span;
    // (The name's last word, a surname: not `Asserting` in a mention `Asserting Clinton`.)
    let recognised = mentions.iter().any(|m| {
        matches!(m.kind.as_str(), "PERSON" | "ORG")
            && m.span.start <= span.start
            && span.end == m.span.end
    });
    let sent = &v.sentences[v.toks[i].sentence as usize];
    let capitalised = |k: usize| sent.contains(&k) && v.word(k).starts_with(char::is_uppercase);
    // (Not a participle opening the sentence: `Saying Britain must change, Mr Howard …`.)
    let subject_name = i == sent.start
        && !v.toks[i].lower.ends_with("ing")
        && capitalised(i + 1)
        && v.toks[i + 1].upos == Some("PROPN")
        && v.toks
            .get(i + 2)
            .is_some_and(|t| sent.contains(&(i + 2)) && matches!(t.upos, Some("VERB" | "AUX")));
    recognised || subject_name
}

/// Quoted titles of works inside a content (`his book, “Saddam’s Bombmaker.”`) are not
/// attributed speech: cut them out of the content, and drop an attribution left without one
/// or whose cue performs the work (`sang “Yesterday”`).
fn drop_titles(v: &View, mut r: RawAttribution) -> Option<RawAttribution> {
    let had = !r.content.is_empty();
    let performs = PERFORMANCE_VERBS.contains(&v.toks[r.cue.end - 1].lower.as_ref());
    let mut pieces = Vec::new();
    for c in &r.content {
        let mut start = c.start;
        let mut i = c.start.saturating_sub(1);
        while i < c.end {
            match quoted_title_at(v, i) {
                // `sang “Yesterday” at the concert`: performing a work reports nothing.
                Some(_) if performs && i <= r.cue.end + 1 => return None,
                Some(close) => {
                    if start < i {
                        pieces.push(start..i);
                    }
                    start = close + 1;
                    i = close + 1;
                }
                None => i += 1,
            }
        }
        if start < c.end {
            pieces.push(start..c.end);
        }
    }
    // Pieces left with punctuation only carry nothing.
    pieces.retain(|p| {
        p.clone()
            .any(|i| v.toks[i].lower.chars().any(char::is_alphanumeric))
    });
    r.content = pieces;
    if had && r.content.is_empty() {
        return None;
    }
    Some(r)
}

/// If token `q` opens a quoted title of a work (`book, “Saddam’s Bombmaker.”`): the index of
/// its closing quote.
fn quoted_title_at(v: &View, q: usize) -> Option<usize> {
    use crate::view::QuoteMark;
    if v.toks[q].mark != QuoteMark::Open {
        return None;
    }
    let close = (q + 1..(q + 12).min(v.len())).find(|&i| v.toks[i].mark == QuoteMark::Close)?;
    let words: Vec<usize> = (q + 1..close)
        .filter(|&i| v.toks[i].lower.chars().any(char::is_alphanumeric))
        .collect();
    if words.is_empty() || words.len() > 8 {
        return None;
    }
    let title_case = words.iter().all(|&i| {
        let w = v.word(i);
        w.starts_with(|ch: char| ch.is_uppercase())
            || matches!(
                w,
                "of" | "the" | "a" | "and" | "in" | "’s" | "'s" | "to" | "for"
            )
    });
    let work_before = (q.saturating_sub(4)..q).any(|i| {
        let w = v.toks[i].lower.as_ref();
        WORK_NOUNS.contains(&w) || PERFORMANCE_VERBS.contains(&w)
    });
    (title_case && work_before).then_some(close)
}

fn spans_of(v: &View, ranges: &[std::ops::Range<usize>]) -> Vec<Span> {
    ranges
        .iter()
        .filter(|r| !r.is_empty())
        .map(|r| Span::new(v.toks[r.start].span.start, v.toks[r.end - 1].span.end))
        .collect()
}

fn cover(spans: &[Span]) -> Span {
    match (spans.first(), spans.last()) {
        (Some(a), Some(b)) => Span::new(a.start, b.end),
        _ => Span::default(),
    }
}

/// Token ranges sorted, those that overlap merged.
fn in_order(ranges: &[std::ops::Range<usize>]) -> Vec<std::ops::Range<usize>> {
    let mut sorted: Vec<std::ops::Range<usize>> =
        ranges.iter().filter(|r| !r.is_empty()).cloned().collect();
    sorted.sort_by_key(|r| (r.start, r.end));
    let mut out: Vec<std::ops::Range<usize>> = Vec::with_capacity(sorted.len());
    for r in sorted {
        match out.last_mut() {
            Some(last) if r.start < last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// Plain attributions from the taggers' output (kinds, chains, flags and entities are added
/// by the later passes).
fn build(v: &View, raw: &[RawAttribution]) -> Vec<Attribution> {
    let mut out = Vec::with_capacity(raw.len());
    for (k, r) in raw.iter().enumerate() {
        let cue_spans = spans_of(v, std::slice::from_ref(&r.cue));
        let cue_span = cover(&cue_spans);
        // In text order, overlaps merged (rules may add a piece before the ones they keep).
        let content_spans = spans_of(v, &in_order(&r.content));
        let content_span = cover(&content_spans);
        let nearest = r.nearest_source();
        let source_spans = spans_of(v, nearest.map(std::slice::from_ref).unwrap_or(&[]));
        let source = (!source_spans.is_empty()).then(|| {
            let s = cover(&source_spans);
            Source {
                span: s,
                text: s.slice(v.text).to_string(),
                entity: None,
                kind: SourceType::Unknown,
                role: None,
                members: Vec::new(),
            }
        });
        out.push(Attribution {
            id: format!("a{}", k + 1),
            kind: according_core::AttributionKind::Other,
            source,
            cue: Cue {
                span: cue_span,
                spans: cue_spans,
                text: cue_span.slice(v.text).to_string(),
            },
            content: Content {
                span: content_span,
                spans: content_spans.clone(),
                text: content_spans
                    .iter()
                    .map(|s| s.slice(v.text))
                    .collect::<Vec<_>>()
                    .join(" … "),
            },
            parent: None,
            flags: Vec::new(),
            confidence: 1.0,
        });
    }
    out
}

impl Component for Extractor {
    fn name(&self) -> &'static str {
        "attrib"
    }
    fn process(&self, doc: &mut Doc) -> Result<(), DocError> {
        if doc.text.len() > 50_000_000 {
            return Err(DocError::new(
                doc.source.clone(),
                Stage::Attribute,
                "document too large for attribution extraction",
            )
            .with_id(doc.id.clone()));
        }
        self.extract(doc);
        Ok(())
    }
}

#[cfg(test)]
#[allow(clippy::single_range_in_vec_init)] // one-piece spans are what we mean here
mod tests {
    use super::*;
    use crate::test_support::raw;

    fn tok(v: &View, w: &str) -> usize {
        v.toks
            .iter()
            .position(|t| t.span.slice(v.text) == w)
            .unwrap()
    }

    #[test]
    fn a_cue_word_inside_a_name_is_no_cue() {
        let (doc, w) = crate::test_support::view_of(
            "He is running his own campaign alongside the official North East Says No campaign.",
        );
        let v = View::new(&doc);
        let says = w.iter().position(|x| x == "Says").unwrap();
        let one_word_cue = |cue: usize| raw(cue..cue + 1, vec![], vec![]);
        assert!(in_a_name(&v, &one_word_cue(says)));
        // A headline in title case keeps its cue.
        let (doc, w) = crate::test_support::view_of("Tory Leader Says No To Harry Apology");
        let v = View::new(&doc);
        let says = w.iter().position(|x| x == "Says").unwrap();
        assert!(!in_a_name(&v, &one_word_cue(says)));
    }

    #[test]
    fn according_to_takes_the_phrase_after_it() {
        let doc = Doc::new("t", "t", "Butler stated that “there were weapons” when they left, according to Radio Free Europe/Radio Liberty. Next.");
        let v = View::new(&doc);
        let a = tok(&v, "according");
        let r = RawAttribution {
            score: 0.0,
            cue: a..a + 2,
            source: vec![0..tok(&v, "when")],
            content: vec![tok(&v, "when")..a - 1],
        };
        let r = according_to_source(&v, r);
        let s = &r.source[0];
        assert_eq!(
            Span::new(v.toks[s.start].span.start, v.toks[s.end - 1].span.end).slice(v.text),
            "Radio Free Europe/Radio Liberty"
        );
    }

    #[test]
    fn sources_do_not_open_with_an_aside() {
        let doc = Doc::new(
            "t",
            "t",
            "He was expelled for acts “incompatible with his status,” – the usual term – Radio Liberty stated.",
        );
        let v = View::new(&doc);
        let s = tok(&v, "stated");
        let dash = v
            .toks
            .iter()
            .position(|t| t.span.slice(v.text) == "–")
            .unwrap();
        let r = RawAttribution {
            score: 0.0,
            cue: s..s + 1,
            source: vec![dash..s],
            content: vec![],
        };
        let r = drop_leading_aside(&v, r);
        assert_eq!(v.word(r.source[0].start), "Radio");
    }

    #[test]
    fn quoted_book_titles_are_cut_from_contents() {
        let doc = Doc::new(
            "t",
            "t",
            "Hamza recounted his escape in his book, “Saddam’s Bombmaker.” Then more.",
        );
        let v = View::new(&doc);
        let r = RawAttribution {
            score: 0.0,
            cue: 1..2,
            source: vec![0..1],
            content: vec![2..tok(&v, "Then")],
        };
        let r = drop_titles(&v, r).unwrap();
        let last = r.content.last().unwrap();
        assert_eq!(v.word(last.end - 1), ",");
        assert!(r
            .content
            .iter()
            .all(|c| c.clone().all(|i| v.word(i) != "Bombmaker")));
    }
}
