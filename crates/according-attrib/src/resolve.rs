//! Source resolution: pronouns and short names are linked to the full mention earlier in the
//! document (`he` → `Saltanov` → `Russian Deputy Foreign Minister Alexander Saltanov`), and
//! every resolved source becomes (or joins) an [`Entity`] with its roles and affiliation.

use crate::antecedent::{self, in_main_clause, Agreement, Antecedent, Number};
use crate::gender;
use crate::source_words::is_honorific;
use crate::sources::{analyze, SourceInfo};
use according_core::{Doc, Entity, EntityType, Flag, Mention, Source, SourceType, Span};
use std::collections::HashSet;

fn entity_type(k: SourceType) -> Option<EntityType> {
    Some(match k {
        SourceType::Person => EntityType::Person,
        SourceType::Organization => EntityType::Organization,
        SourceType::Outlet => EntityType::Outlet,
        SourceType::Government => EntityType::Government,
        SourceType::Group => EntityType::Group,
        SourceType::Vague | SourceType::Unknown => return None,
    })
}

fn last_word(s: &str) -> &str {
    s.split_whitespace().last().unwrap_or("")
}

/// The longest capitalised phrase ending with `name` before byte `before` in `text`
/// (`Russian Defense Minister Sergei Ivanov` for `Ivanov`), as (start, end): the latest of
/// [`full_mentions`].
fn full_mention(text: &str, name: &str, before: usize) -> Option<(usize, usize)> {
    full_mentions(text, name, before).pop()
}

/// Each occurrence of `name` before byte `before` that closes a longer capitalised phrase,
/// as that phrase's (start, end), in text order.
fn full_mentions(text: &str, name: &str, before: usize) -> Vec<(usize, usize)> {
    let hay = &text[..before.min(text.len())];
    let mut found = Vec::new();
    for (i, _) in hay.match_indices(name) {
        let end = i + name.len();
        // (Whole names only: `Kilroy` in `Robert Kilroy-Silk` is half of one, unlike `Janet
        // Jackson` in `Janet Jackson-style`.)
        let rest = &text[end..];
        if rest.starts_with(|c: char| c.is_alphanumeric())
            || rest
                .strip_prefix('-')
                .is_some_and(|r| r.starts_with(char::is_uppercase))
            || text[..i].ends_with(|c: char| c.is_alphanumeric())
        {
            continue;
        }
        let mut start = i;
        loop {
            let left = text[..start].trim_end_matches(' ');
            if left.len() == start
                || left.ends_with(['\n', '.', ',', '“', '"']) && !left.ends_with("U.S.")
            {
                break;
            }
            let wstart = left.rfind([' ', '\n']).map_or(0, |p| p + 1);
            let w = &left[wstart..];
            if !w.starts_with(|c: char| c.is_uppercase()) {
                break;
            }
            start = wstart;
        }
        // A sentence's capitalised first word is no part of a name (`When Patrick`, `But
        // Instagram`).
        loop {
            let w_end = text[start..i].find(' ').map_or(i, |p| start + p);
            if w_end >= i || !SENTENCE_OPENERS.contains(&&text[start..w_end]) {
                break;
            }
            start = w_end + 1;
        }
        if start < i {
            found.push((start, end));
        }
    }
    found
}

/// Words capitalised because they open a sentence, not because they name someone.
const SENTENCE_OPENERS: &[&str] = &[
    "When",
    "But",
    "And",
    "If",
    "As",
    "After",
    "Before",
    "While",
    "Although",
    "Because",
    "So",
    "Then",
    "Yet",
    "In",
    "On",
    "At",
    "For",
    "With",
    "Since",
    "Until",
    "Once",
    "Now",
    "Still",
    "Meanwhile",
    "However",
    "Also",
    "Even",
    "Only",
    "Like",
    "Unlike",
    "Under",
    "From",
    "By",
];

/// How many sentences back a pronoun may find its person.
const PRONOUN_REACH: u32 = 8;
/// How many sentences back `it` looks for an organisation the recogniser found (not a source).
const IT_REACH: u32 = 2;

/// Fill `source.kind/role/entity` of every attribution and `doc.entities`.
pub fn resolve(doc: &mut Doc, infos: &[Option<SourceInfo>]) {
    let mut entities: Vec<Entity> = Vec::new();
    // Mentions that are one name of several (`Gardener, Campbell and Devonish said`), or
    // that speak through someone or something (`Sir Alan Budd's inquiry found`): `he` after
    // them is none of them.
    let mut not_antecedents: HashSet<Span> = HashSet::new();
    // The documents sources have named so far, in order, with who published each when a
    // source says so (`a World Bank report`, `the Pensions Commission's report`) and `None`
    // when none does (`a report`): `The report said` is the latest of that noun.
    let mut documents: Vec<(&'static str, Option<usize>)> = Vec::new();
    // Made when a pronoun first needs it.
    let mut subject_people: Option<SubjectPeople> = None;
    let mut order: Vec<usize> = (0..doc.attributions.len())
        .filter(|&k| doc.attributions[k].source.is_some())
        .collect();
    order.sort_by_key(|&k| {
        doc.attributions[k]
            .source
            .as_ref()
            .map_or(0, |s| s.span.start)
    });
    for k in order {
        let Some(info) = infos.get(k).and_then(|i| i.clone()) else {
            continue;
        };
        let src_span = doc.attributions[k].source.as_ref().unwrap().span;
        let mut info = info;
        if !info.members.is_empty() {
            let members = member_sources(doc, &mut entities, &mut not_antecedents, &info);
            set_group_source(doc, k, &info, members);
            continue;
        }
        let base = info.antecedent.map_or(src_span.start, |a| a.start);
        let mention = Span::new(base + info.name_range.0, base + info.name_range.1);
        let before = |e: &Entity| e.mentions.iter().any(|m| m.start < src_span.start);
        let mut target: Option<usize> = None;
        if info.person_pronoun {
            // (`the Dutchman` says its gender too.)
            let gender = gender::of_pronoun(&info.name).or_else(|| gender::of_person(&info.name));
            // (Only the content in the cue's sentence: a content that wrongly reaches back
            // over the previous sentence would otherwise veto its speaker.)
            let sentence = sentence_of(doc, doc.attributions[k].cue.span.start);
            let content: String = doc.attributions[k]
                .content
                .spans
                .iter()
                .filter(|s| sentence_of(doc, s.start) == sentence)
                .map(|s| s.slice(&doc.text))
                .collect::<Vec<_>>()
                .join(" ");
            let content = content.as_str();
            // A person named in the content is not who the pronoun stands for (`He said
            // Mr Blair had spoken`), and a known gender must agree with the pronoun's.
            let fits = |e: &Entity| {
                !names_in(content, &e.name)
                    && (gender.is_none() || entity_gender(e).is_none_or(|g| Some(g) == gender))
            };
            let last_before = |e: &Entity| {
                e.mentions
                    .iter()
                    .filter(|m| m.start < src_span.start && !not_antecedents.contains(m))
                    .map(|m| m.start)
                    .max()
            };
            // A pronoun reaches back a few sentences, not across the article (each resolved
            // pronoun is a mention that keeps its person in reach), except to the person the
            // article opens with (`Arthur Hailey … he once said`).
            let in_reach = |p: usize, e: usize| {
                sentence_of(doc, p) + PRONOUN_REACH >= sentence
                    || entities[e]
                        .mentions
                        .iter()
                        .any(|m| sentence_of(doc, m.start) <= 1)
            };
            // The person mentioned last that fits (nearest first, so that only the nearest
            // few are read for whether they fit: reading all was quadratic in a long document).
            let mut nearest: Vec<(usize, usize)> = (0..entities.len())
                .filter(|&e| entities[e].kind == EntityType::Person)
                .filter_map(|e| last_before(&entities[e]).map(|p| (p, e)))
                .collect();
            nearest.sort_unstable_by(|a, b| b.cmp(a));
            let source = nearest
                .into_iter()
                .find(|&(_, e)| fits(&entities[e]))
                .filter(|&(p, e)| in_reach(p, e))
                .map(|(_, e)| e);
            // A person the recogniser found as the subject of a clause after that source,
            // whose gender the text says and the pronoun's agrees with (`Mrs Maguire was
            // the relative … She said`), is the nearer antecedent.
            // (From an earlier sentence: `Chirac reacted to his warning` is Blair's warning.)
            let sentence_start = doc
                .tokens
                .get(doc.tokens.partition_point(|t| t.sentence < sentence))
                .filter(|t| t.sentence == sentence)
                .map_or(src_span.start, |t| t.span.start);
            // A description (`the 30-year-old`) names someone whatever their gender; a
            // pronoun only someone whose gender the text says.
            let description = gender::of_pronoun(&info.name).is_none();
            let nearer = (description || gender.is_some())
                .then(|| {
                    subject_people
                        .get_or_insert_with(|| SubjectPeople::of(doc))
                        .nearest(doc, sentence_start, gender, content)
                })
                .flatten()
                .filter(|(m, _)| {
                    source.is_none_or(|e| last_before(&entities[e]).is_none_or(|p| p < m.start))
                });
            // (Else the one person named in full in this sentence or the one before, in any
            // role: `Following the comments by Opec's Adnan Shihab-Eldin, crude fell … He said`.)
            let nearer = nearer.or_else(|| {
                (source.is_none() && !description)
                    .then(|| sole_person_before(doc, sentence, src_span.start, gender, content))
                    .flatten()
            });
            // (No named person in reach: `The BPI spokesman described … "…," he said` is
            // that spokesman, whom the role says.)
            if source.is_none() && nearer.is_none() && gender::of_pronoun(&info.name).is_some() {
                if let Some(role) = unnamed_person_before(doc, src_span, gender) {
                    info.role = Some(role);
                }
            }
            target = match nearer {
                None => source,
                Some((m, name)) => Some(
                    entities
                        .iter()
                        .position(|e| {
                            e.kind == EntityType::Person
                                && (e.name == name || last_word(&e.name) == last_word(&name))
                        })
                        .unwrap_or_else(|| {
                            entities.push(person_entity(&analyze(&name), m));
                            entities.len() - 1
                        }),
                ),
            };
        } else if info.pronoun && info.name.eq_ignore_ascii_case("they") {
            // `MPs said … Instead they called for`: the source just before, if plural.
            if let Some(prev) = plural_source_before(doc, src_span) {
                info.kind = prev.kind;
                target = placeholder_entity(&prev);
                // (`Mr Blair and Mr Brown said … They added`: the same several people.)
                if !prev.members.is_empty() {
                    set_group_source(doc, k, &info, prev.members);
                    continue;
                }
            } else if let Some(ante) = antecedent::subject_before(doc, src_span, Number::Plural) {
                // (`Handset makers have concentrated on … they have introduced`.)
                let a = stand_for(doc, &mut entities, &mut not_antecedents, &mut info, ante);
                match a {
                    Stands::For(e) => target = e,
                    Stands::Several(members) => {
                        set_group_source(doc, k, &info, members);
                        continue;
                    }
                }
            }
        } else if info.pronoun
            || info.unnamed && matches!(info.kind, SourceType::Organization | SourceType::Outlet)
        {
            let lower = info.name.to_lowercase();
            // (`the newspaper` is an outlet named before; `the party` a party.)
            let outlet = info.unnamed && info.kind == SourceType::Outlet;
            let party = lower == "the party";
            let fits = |e: &Entity| match e.kind {
                EntityType::Outlet => !party,
                EntityType::Organization => !outlet && (!party || is_party(&e.name)),
                // (`the bank` is no country.)
                EntityType::Government => !outlet && !party && !info.unnamed,
                _ => false,
            };
            if lower == "it" || lower == "its" || info.unnamed {
                let latest = |named_so: &dyn Fn(&Entity) -> bool| {
                    (0..entities.len())
                        .filter(|&e| fits(&entities[e]) && before(&entities[e]))
                        .filter(|&e| named_so(&entities[e]))
                        .max_by_key(|&e| entities[e].mentions.iter().map(|m| m.start).max())
                };
                // (`The alliance` is the organisation whose name ends so, the Countryside
                // Alliance, though the Appeal Court was named since.)
                let head = info
                    .unnamed
                    .then(|| lower.rsplit(' ').next().unwrap_or(""))
                    .filter(|h| h.len() > 2);
                // (A name, not a description: `Police Federation`, not `US company` or `The
                // Institute`.)
                let ends_so = |e: &Entity| {
                    let words: Vec<&str> = e.name.split(' ').collect();
                    head.is_some_and(|h| {
                        words.len() >= 2
                            && words
                                .iter()
                                .filter(|w| !matches!(**w, "the" | "The"))
                                .count()
                                >= 2
                            && words[words.len() - 1].eq_ignore_ascii_case(h)
                            && words[words.len() - 1].starts_with(char::is_uppercase)
                    })
                };
                let by_name = latest(&ends_so);
                let any = latest(&|_| true);
                // (Or a name the recogniser found, in reach, that ends so: the Countryside
                // Alliance named in passing, no source.)
                let sentence = sentence_of(doc, src_span.start);
                // (Only for a body: `The bank` after `Wells Fargo Bank` in passing may still
                // be the Bank of England.)
                let body = head.filter(|h| crate::source_words::BOARDS.contains(h));
                let mention = body.filter(|_| by_name.is_none()).and_then(|h| {
                    doc.mentions
                        .iter()
                        .filter(|m| matches!(m.kind.as_str(), "ORG" | "OUTLET"))
                        .filter(|m| m.span.end <= src_span.start)
                        .filter(|m| sentence_of(doc, m.span.start) + PRONOUN_REACH >= sentence)
                        .filter(|m| {
                            let last = m.text.rsplit(' ').next().unwrap_or("");
                            m.text.contains(' ')
                                && last.eq_ignore_ascii_case(h)
                                && last.starts_with(char::is_uppercase)
                        })
                        .max_by_key(|m| m.span.start)
                });
                target = match (by_name, mention) {
                    (Some(e), _) => Some(e),
                    (None, Some(m)) => Some(org_entity_for(&mut entities, m, outlet)),
                    (None, None) => any,
                };
                // (`the airline` stands for an organisation named a few sentences before.)
                target = target.filter(|&e| {
                    !info.unnamed
                        || entities[e]
                            .mentions
                            .iter()
                            .filter(|m| m.start < src_span.start)
                            .any(|m| sentence_of(doc, m.start) + PRONOUN_REACH >= sentence)
                });
                // Else the organisation the recogniser found last before it as the subject
                // of a clause, in reach (`Mitsubishi Motors has … the Japanese car maker`).
                if target.is_none() && info.unnamed {
                    let named = doc
                        .mentions
                        .iter()
                        .filter(|m| {
                            let kind = if outlet { "OUTLET" } else { "ORG" };
                            m.kind == kind && m.span.end <= src_span.start
                        })
                        .filter(|m| !party || is_party(&m.text))
                        .filter(|m| is_subject(doc, m.span))
                        .filter(|m| sentence_of(doc, m.span.start) + PRONOUN_REACH >= sentence)
                        .max_by_key(|m| m.span.start);
                    if let Some(m) = named {
                        target = Some(org_entity_for(&mut entities, m, outlet));
                    }
                }
                // `it` with no organisation named as a source before: the organisation,
                // country or outlet the recogniser found as a clause's subject in this or the
                // previous two sentences (`South Korea moved to steady the markets. It issued
                // a statement`).
                if target.is_none() && lower == "it" {
                    let named = doc
                        .mentions
                        .iter()
                        .filter(|m| matches!(m.kind.as_str(), "ORG" | "GPE" | "OUTLET"))
                        .filter(|m| m.span.end <= src_span.start && is_subject(doc, m.span))
                        .filter(|m| sentence_of(doc, m.span.start) + IT_REACH >= sentence)
                        .max_by_key(|m| m.span.start);
                    if let Some(m) = named {
                        let kind = match m.kind.as_str() {
                            "GPE" => EntityType::Government,
                            "OUTLET" => EntityType::Outlet,
                            _ => EntityType::Organization,
                        };
                        target = Some(
                            entities
                                .iter()
                                .position(|e| e.name == m.text && e.kind == kind)
                                .unwrap_or_else(|| {
                                    entities.push(Entity {
                                        id: String::new(),
                                        name: m.text.clone(),
                                        kind,
                                        mentions: vec![m.span],
                                        roles: Vec::new(),
                                        affiliation: None,
                                    });
                                    entities.len() - 1
                                }),
                        );
                    }
                }
                // Else a body or document that was the subject of a clause just before (`The
                // carrier reported a drop … when it reported the results`).
                if target.is_none() && lower == "it" {
                    if let Some(ante) = antecedent::subject_before(doc, src_span, Number::Singular)
                    {
                        if let Stands::For(e) =
                            stand_for(doc, &mut entities, &mut not_antecedents, &mut info, ante)
                        {
                            target = e;
                        }
                    }
                }
                // Else the body that spoke just before (`…," said the magazine. "…," it
                // concluded`), or a name the recogniser took for a person's that nothing else
                // says is one (`Krispy Kreme said … It added`): a company.
                if target.is_none() && lower == "it" && info.kind == SourceType::Unknown {
                    if let Some(prev) = body_source_before(doc, src_span) {
                        info.kind = prev.kind;
                        target = placeholder_entity(&prev);
                    } else if let Some(e) = company_taken_for_a_person(doc, &entities, src_span) {
                        entities[e].kind = EntityType::Organization;
                        let placeholder = format!("#{e}");
                        for s in doc
                            .attributions
                            .iter_mut()
                            .filter_map(|a| a.source.as_mut())
                        {
                            if s.entity.as_deref() == Some(placeholder.as_str()) {
                                s.kind = SourceType::Organization;
                            }
                        }
                        info.kind = SourceType::Organization;
                        target = Some(e);
                    }
                }
            }
        } else if info.unnamed {
            // `the home secretary`: the latest person named before with that role (`Home
            // Secretary Charles Clarke`).
            let role = role_key(&info.name);
            target = (0..entities.len())
                .filter(|&e| {
                    entities[e].kind == EntityType::Person
                        && entities[e]
                            .roles
                            .iter()
                            .any(|r| role_matches(&role_key(r), &role))
                })
                .filter_map(|e| Some((last_mention_before(&entities[e], src_span.start)?, e)))
                .max()
                .map(|(_, e)| e);
            // Else a person the text named with that title in passing (`Chancellor Gordon
            // Brown's announcement … The chancellor has said`).
            if target.is_none() {
                if let Some(m) = titled_person_before(doc, &role, src_span.start) {
                    let name = m.text.clone();
                    target = Some(
                        entities
                            .iter()
                            .position(|e| e.kind == EntityType::Person && e.name == name)
                            .unwrap_or_else(|| {
                                entities.push(person_entity(&analyze(&name), m.span));
                                entities.len() - 1
                            }),
                    );
                }
            }
        } else if bare_spokesperson(&info.name)
            && !matches!(
                doc.text
                    .get(src_span.end..)
                    .unwrap_or("")
                    .split_whitespace()
                    .next(),
                Some("for" | "at" | "of")
            )
        {
            // `The Vestey Group said … But a spokesman added`: an unnamed spokesperson speaks
            // for the body that spoke or acted just before (a source, else a clause's subject
            // the recogniser named), in this sentence or the two before.
            let sentence = sentence_of(doc, src_span.start);
            let in_reach = |at: usize| sentence_of(doc, at) + SPOKESPERSON_REACH >= sentence;
            let body = |e: &Entity| {
                matches!(
                    e.kind,
                    EntityType::Organization | EntityType::Government | EntityType::Outlet
                )
            };
            // (Whoever acted last, a person too: `O'Herlihy … died …, a spokesman said` is
            // his spokesman, `Sir Alan Budd … said … with a spokesperson saying` no body's.)
            // (Where each was last mentioned, and the entity.)
            let source = (0..entities.len())
                .filter_map(|e| {
                    let last = last_mention_before(&entities[e], src_span.start)?;
                    in_reach(last).then_some((last, e))
                })
                .max();
            let subject = doc
                .mentions
                .iter()
                .filter(|m| m.kind != "DATE" && m.kind != "NORP")
                .filter(|m| m.span.end <= src_span.start && in_reach(m.span.start))
                .filter(|m| is_subject(doc, m.span))
                .max_by_key(|m| m.span.start);
            // (The later of the two: a source three sentences back is not who speaks now.)
            let org = |m: &Mention| matches!(m.kind.as_str(), "ORG" | "OUTLET");
            target = match (source, subject) {
                (Some((at, e)), Some(m)) if at >= m.span.start => body(&entities[e]).then_some(e),
                (_, Some(m)) if org(m) => {
                    Some(org_entity_for(&mut entities, m, m.kind == "OUTLET"))
                }
                (Some((_, e)), None) => body(&entities[e]).then_some(e),
                _ => None,
            };
            if target.is_some() {
                let role = info
                    .name
                    .split_whitespace()
                    .last()
                    .unwrap_or("")
                    .to_string();
                info.role = Some(role);
                speaks_for_a_body(&mut info, &mut doc.attributions[k].flags);
            }
        } else if let Some(noun) = the_document(&info) {
            // `A World Bank report … The report said`: the report speaks for its publisher.
            target = documents
                .iter()
                .rev()
                .find(|(n, _)| *n == noun)
                .and_then(|&(_, e)| e);
            if target.is_some() {
                speaks_for_a_body(&mut info, &mut doc.attributions[k].flags);
            }
        } else {
            target = find_named(&doc.text, &mut entities, &info, src_span.start);
        }
        let entity = attach(&mut entities, &mut info, target, mention, src_span);
        let src_text = &doc.attributions[k].source.as_ref().unwrap().text;
        // (`according to a report by UK think-tank Demos … the report argues`: who made the
        // document the source names first.)
        let nouns = document_nouns(src_text);
        let made_by = |name: &str| {
            src_text.find(name).is_some_and(|at| {
                let before = &src_text[..at];
                !document_nouns(before).is_empty()
                    && [" by ", " from ", " of "]
                        .iter()
                        .any(|p| before.rfind(p).is_some_and(|i| !before[i..].contains(',')))
            })
        };
        let publisher =
            entity.filter(|&e| info.speaks_for || !nouns.is_empty() && made_by(&entities[e].name));
        documents.extend(nouns.into_iter().map(|n| (n, publisher)));
        // `In its latest report, the OECD cut …`, `the IAAF said in a statement`: a named
        // source whose frame names a document published it.
        // (Not a person's: `Vincent Koen, a senior economist with the OECD` speaks of the
        // OECD's report.)
        let named = matches!(
            info.kind,
            SourceType::Organization | SourceType::Outlet | SourceType::Government
        );
        if let Some(e) = entity.filter(|_| named && !info.pronoun && !info.person_pronoun) {
            documents.extend(
                frame_document_nouns(doc, k)
                    .into_iter()
                    .map(|n| (n, Some(e))),
            );
        }
        if info.speaks_for {
            not_antecedents.insert(mention);
        }
        set_source(doc, k, &info, entity);
        // (`Analysts said … they added`: as vague as the analysts.)
        let flags = &mut doc.attributions[k].flags;
        if info.pronoun && info.kind == SourceType::Vague && !flags.contains(&Flag::VagueSource) {
            flags.push(Flag::VagueSource);
            flags.sort();
        }
    }
    let merged = crate::entity_names::merge_short_names(doc, &mut entities);
    let bare = crate::entity_names::drop_leading_articles(&mut entities);
    let remap: Vec<usize> = merged.iter().map(|&m| bare[m]).collect();
    for (i, e) in entities.iter_mut().enumerate() {
        e.id = format!("e{}", i + 1);
        e.mentions.sort();
        e.mentions.dedup();
        // A name read from the original text carries what cleaning repaired (`Jos&#233;`).
        if let Some(m) = e.mentions.iter().find(|m| m.slice(&doc.text) == e.name) {
            if let Some(clean) = cleaned_slice(doc, *m) {
                e.name = clean;
            }
        }
    }
    let id_of = |s: &mut Source| {
        if let Some(idx) = placeholder_entity(s) {
            s.entity = Some(entities[remap[idx]].id.clone());
        }
    };
    for s in doc
        .attributions
        .iter_mut()
        .filter_map(|a| a.source.as_mut())
    {
        s.members.iter_mut().for_each(id_of);
        id_of(s);
    }
    doc.entities = entities;
}

/// `Sony, IBM and Toshiba`: each name is who it names (an entity of its own, found or new);
/// together they are no one.
fn member_sources(
    doc: &Doc,
    entities: &mut Vec<Entity>,
    not_antecedents: &mut HashSet<Span>,
    info: &SourceInfo,
) -> Vec<Source> {
    let mut members = Vec::with_capacity(info.members.len());
    for (span, m) in &info.members {
        let mut m = m.clone();
        let mention = Span::new(span.start + m.name_range.0, span.start + m.name_range.1);
        let target = find_named(&doc.text, entities, &m, span.start);
        let entity = attach(entities, &mut m, target, mention, *span);
        not_antecedents.insert(mention);
        members.push(Source {
            span: *span,
            text: span.slice(&doc.text).to_string(),
            entity: entity.map(|e| format!("#{e}")),
            kind: m.kind,
            role: m.role,
            members: Vec::new(),
        });
    }
    members
}

/// What a pronoun stands for once its antecedent phrase is read.
enum Stands {
    /// One source: its entity, if it names one.
    For(Option<usize>),
    /// Several names (`Labour and the Tories`), each a member source.
    Several(Vec<Source>),
}

/// Let the pronoun source `info` stand for the noun phrase at `ante`: its type, role and
/// affiliation, and the entity it names (found or new), if it names one (`the firms` and
/// `Wine makers` name none; the pronoun takes their type alone). Nothing changes when the
/// phrase says too little of who it is: a `they` stands for people or bodies, not for
/// `Elections in May 2004` or `Rumours about a possible takeover`.
fn stand_for(
    doc: &Doc,
    entities: &mut Vec<Entity>,
    not_antecedents: &mut HashSet<Span>,
    info: &mut SourceInfo,
    Antecedent {
        span: ante,
        agreement,
        agent,
    }: Antecedent,
) -> Stands {
    let mut a =
        crate::sources::analyze_in_doc(ante.slice(&doc.text), ante.start, &doc.text, &doc.mentions);
    if !a.members.is_empty() {
        info.kind = a.kind;
        return Stands::Several(member_sources(doc, entities, not_antecedents, &a));
    }
    // (`Five public sector unions`: people or a body the lexicons do not type; `Shares` are
    // neither, however plural.)
    if agreement == Agreement::Common && matches!(a.kind, SourceType::Unknown | SourceType::Group) {
        a.kind = match agent {
            true => SourceType::Group,
            false => SourceType::Unknown,
        };
    }
    // (`The three`, `Kenteris, 31, and Thanou, 30`: several, whoever they are.)
    if matches!(agreement, Agreement::Counted | Agreement::Conjoined)
        && a.kind == SourceType::Unknown
    {
        a.kind = SourceType::Group;
    }
    // (One person is no `they` and no `it`: the parse or the phrase went astray.)
    if matches!(a.kind, SourceType::Person | SourceType::Unknown) {
        return Stands::For(None);
    }
    // (`Major companies including Volkswagen, DaimlerChrysler and Siemens`, `Lord Justice
    // Rix and Mr Justice Forbes` read as one name: several, a group, no one entity.)
    let several = matches!(agreement, Agreement::Common | Agreement::Conjoined)
        && matches!(a.kind, SourceType::Organization | SourceType::Outlet);
    if several {
        info.kind = SourceType::Group;
        return Stands::For(None);
    }
    let mention = Span::new(ante.start + a.name_range.0, ante.start + a.name_range.1);
    // (A description, `The US firm`, names no entity of its own here: it is no source.)
    let found = (!a.unnamed && !a.pronoun)
        .then(|| find_named(&doc.text, entities, &a, ante.start))
        .flatten();
    if found.is_some_and(|e| entities[e].kind == EntityType::Person) {
        return Stands::For(None);
    }
    let entity = match a.unnamed || a.pronoun {
        true => None,
        false => attach(entities, &mut a, found, mention, ante),
    };
    info.kind = a.kind;
    info.role = a.role;
    info.affiliation = a.affiliation;
    Stands::For(entity)
}

/// The entity a named source (`Saltanov`, `Sony`) is: one with the same name, or for a lone
/// surname the person of that surname named before or, failing that, found in full earlier in
/// `text` (a new entity then). `at` is where the source starts.
fn find_named(
    text: &str,
    entities: &mut Vec<Entity>,
    info: &SourceInfo,
    at: usize,
) -> Option<usize> {
    let single = info.name.split_whitespace().count() == 1
        && info.name.starts_with(|c: char| c.is_uppercase());
    // `Ivanov` after `Sergei Ivanov`: a person whose last name the one-word name is.
    let surname_of = |e: &Entity| e.kind == EntityType::Person && last_word(&e.name) == info.name;
    if info.kind == SourceType::Person || info.kind == SourceType::Unknown {
        // `Mr Donofrio` after `Nick Donofrio`: an honorific and a surname name the person
        // named in full before, of a gender that does not disagree with the honorific's.
        let surname = match info.name.split_whitespace().collect::<Vec<_>>()[..] {
            [h, s] if is_honorific(h) && s.starts_with(|c: char| c.is_uppercase()) => {
                Some((s, gender::of_person(h)))
            }
            _ => None,
        };
        let by_surname = |e: &Entity| {
            surname.is_some_and(|(s, g)| {
                e.kind == EntityType::Person
                    && e.name.split_whitespace().count() > 1
                    && last_word(&e.name) == s
                    && !e.name.split_whitespace().any(is_honorific)
                    && (g.is_none() || gender::of_person(&e.name).is_none_or(|x| Some(x) == g))
            })
        };
        // Same full name, or a short name matching an earlier person's last name.
        let mut target = entities
            .iter()
            .position(|e| e.name == info.name)
            .or_else(|| entities.iter().position(by_surname))
            .or_else(|| {
                single
                    .then(|| entities.iter().position(surname_of))
                    .flatten()
            });
        if let (None, Some((name, _)), None) = (target, surname, &info.role) {
            // The person named in full only in passing before (`Anne Maguire was arrested.
            // Later Mrs Maguire said`): the latest such mention.
            target = full_mentions(text, name, at)
                .into_iter()
                .rev()
                .find_map(|(a, b)| {
                    let full = analyze(&text[a..b]);
                    let m = Span::new(a + full.name_range.0, a + full.name_range.1);
                    let e = person_entity(&full, m);
                    (full.kind == SourceType::Person && by_surname(&e)).then(|| {
                        entities.push(e);
                        entities.len() - 1
                    })
                });
        }
        if target.is_none() && single {
            // A short name first seen without its full mention: look back in the text (also
            // after a role: `Ulster man Humphreys`).
            if let Some((a, b)) = full_mention(text, &info.name, at) {
                let full = with_appositive(text, a, b);
                if full.kind == SourceType::Person && full.name.split_whitespace().count() > 1 {
                    let m = Span::new(a + full.name_range.0, a + full.name_range.1);
                    entities.push(person_entity(&full, m));
                    target = Some(entities.len() - 1);
                }
            }
        }
        target
    } else {
        // `Mutu agreed` after `Adrian Mutu` spoke as `Mutu`: a one-word name the document
        // already gave a person is that person, whatever the recogniser typed it.
        // (Or whose surname it is: `Fiorina`, `Kluft`, `Cuban` after Mark Cuban; not an
        // acronym, `SVP`, `MPs`, nor a name like `The Junge SVP`.)
        let bare = info.name.trim_end_matches('s');
        let acronym = bare.len() <= 4 && bare.chars().all(|c| c.is_ascii_uppercase());
        let named_so = |e: &Entity| {
            e.kind == EntityType::Person
                && e.name.split_whitespace().count() > 1
                && (e.mentions.iter().any(|m| m.slice(text) == info.name)
                    || surname_of(e) && !acronym && !e.name.starts_with("The "))
        };
        single
            .then(|| entities.iter().position(named_so))
            .flatten()
            .or_else(|| entities.iter().position(|e| e.name == info.name))
    }
}

/// The name at `text[a..b]` analysed together with the appositive that describes it there,
/// if any (`by Khidhir Hamza, a former top scientist for Saddam Hussein.`): a person named in
/// full only in passing is who that appositive says.
fn with_appositive(text: &str, a: usize, b: usize) -> SourceInfo {
    const MAX_WORDS: usize = 14;
    let plain = analyze(&text[a..b]);
    let rest = &text[b..];
    let Some(after) = rest.strip_prefix(", ") else {
        return plain;
    };
    let article = ["a ", "an ", "the "].iter().any(|w| after.starts_with(w));
    let end = after.find([',', '.', ';', ':', '(', '"', '“', '\n']);
    // (A noun phrase, not a clause: `Jordan Bratman, the singer's agent has confirmed`,
    // `Project Entropia, an RPG which allows …`.)
    let noun_phrase = |words: &str| {
        words.split_whitespace().count() <= MAX_WORDS && !crate::sources::reads_as_clause(words)
    };
    let Some(end) = end.filter(|&e| article && noun_phrase(&after[..e])) else {
        return plain;
    };
    let described = analyze(&text[a..b + 2 + end]);
    if described.name == plain.name && described.role.is_some() {
        described
    } else {
        plain
    }
}

/// Record the source described by `info` as a mention of entity `target`, or of a new entity
/// when it names one nobody named before; `info` takes the entity's type and first role.
/// The index of the entity, if any.
fn attach(
    entities: &mut Vec<Entity>,
    info: &mut SourceInfo,
    target: Option<usize>,
    mut mention: Span,
    src_span: Span,
) -> Option<usize> {
    match target {
        Some(e) => {
            let ent = &mut entities[e];
            if !info.pronoun
                && !info.person_pronoun
                && !info.unnamed
                && ent.kind == EntityType::Person
                && info.name.split_whitespace().count() > ent.name.split_whitespace().count()
            {
                ent.name = info.name.clone();
            }
            if info.person_pronoun || info.pronoun || info.unnamed {
                mention = src_span;
            }
            ent.mentions.push(mention);
            if let Some(r) = info.role.as_ref().filter(|_| !info.speaks_for) {
                if !ent.roles.contains(r) {
                    ent.roles.push(r.clone());
                }
            }
            if ent.affiliation.is_none() {
                ent.affiliation = info.affiliation.clone();
            }
            info.kind = match ent.kind {
                EntityType::Person => SourceType::Person,
                EntityType::Organization => SourceType::Organization,
                EntityType::Outlet => SourceType::Outlet,
                EntityType::Government | EntityType::Country => SourceType::Government,
                EntityType::Group => SourceType::Group,
                EntityType::Other => info.kind,
            };
            if info.role.is_none() {
                info.role = ent.roles.first().cloned();
            }
            Some(e)
        }
        // (`the firms`, `official figures`, `Wine makers`: a group no name picks out is no
        // entity to follow across a corpus.)
        None if info.kind == SourceType::Group && !names_a_group(&info.name) => None,
        None => match entity_type(info.kind) {
            // (An organisation described, `the Japanese car maker`, with nothing named
            // before it to stand for, is an entity of its own; `the party`, `the firm` say
            // too little to be one.)
            Some(t)
                if !info.pronoun
                    && !info.person_pronoun
                    && (!info.unnamed
                        || t == EntityType::Organization
                            && info.name.split_whitespace().count() > 2) =>
            {
                entities.push(Entity {
                    id: String::new(),
                    name: info.name.clone(),
                    kind: t,
                    mentions: vec![mention],
                    roles: info
                        .role
                        .iter()
                        .filter(|_| !info.speaks_for)
                        .cloned()
                        .collect(),
                    affiliation: info.affiliation.clone(),
                });
                Some(entities.len() - 1)
            }
            _ => None,
        },
    }
}

/// The latest person the recogniser found right after the title `role` (lowercased words),
/// before `at`: `Chancellor Gordon Brown` for `the chancellor`. Not after a word that makes it
/// another office (`Shadow Chancellor George Osborne`).
fn titled_person_before<'d>(doc: &'d Doc, role: &str, at: usize) -> Option<&'d Mention> {
    const OTHER_OFFICE: &[&str] = &["shadow", "former", "deputy", "vice", "assistant", "junior"];
    if role.is_empty() || role.split(' ').count() > 3 {
        return None;
    }
    let titled = |m: &&Mention| {
        // Only the title and the word before it are read: lowercase that much of the text,
        // not all of it before each mention.
        let prefix = doc.text[..m.span.start].trim_end();
        let mut from = prefix.len().saturating_sub(role.len() + 32);
        while !prefix.is_char_boundary(from) {
            from -= 1;
        }
        let before = prefix[from..].to_lowercase();
        let Some(rest) = before.strip_suffix(role) else {
            return false;
        };
        let word_before = rest.split_whitespace().last().unwrap_or("");
        (rest.is_empty() || rest.ends_with(|c: char| !c.is_alphanumeric()))
            && !OTHER_OFFICE.contains(&word_before)
    };
    doc.mentions
        .iter()
        .filter(|m| m.kind == "PERSON" && m.span.end <= at)
        .filter(titled)
        .max_by_key(|m| m.span.start)
}

/// The source nearest before `at`, if it lies in the same sentence or the one before.
fn source_just_before(doc: &Doc, at: Span) -> Option<&Source> {
    let sentence = sentence_of(doc, at.start);
    doc.attributions
        .iter()
        .filter_map(|a| a.source.as_ref())
        .filter(|s| s.span.end <= at.start)
        .max_by_key(|s| s.span.start)
        .filter(|s| sentence_of(doc, s.span.start) + 1 >= sentence)
}

/// The entity named as the recogniser's mention `m` (an organisation, or an outlet), made if
/// none is yet.
fn org_entity_for(entities: &mut Vec<Entity>, m: &Mention, outlet: bool) -> usize {
    if let Some(e) = entities.iter().position(|e| e.name == m.text) {
        return e;
    }
    entities.push(Entity {
        id: String::new(),
        name: m.text.clone(),
        kind: if outlet {
            EntityType::Outlet
        } else {
            EntityType::Organization
        },
        mentions: vec![m.span],
        roles: Vec::new(),
        affiliation: None,
    });
    entities.len() - 1
}

/// The role of the source just before `at` when it is a person named only by that role (`The
/// BPI spokesman`) whose gender, if the role says one, is `gender`.
fn unnamed_person_before(doc: &Doc, at: Span, gender: Option<gender::Gender>) -> Option<String> {
    let prev = source_just_before(doc, at)?;
    let role = prev.role.as_ref()?;
    let agrees = gender.is_none() || gender::of_person(role).is_none_or(|g| Some(g) == gender);
    (prev.kind == SourceType::Person && prev.entity.is_none() && agrees).then(|| role.clone())
}

/// The source just before `at` (a `they`) when it names several: a group or several names
/// (`MPs`, `Sony and IBM`), an unnamed plural (`analysts`), a party named in the plural (`the
/// Tories`). Nothing when the nearest source is anything else: a `they` may speak for people
/// no source named.
fn plural_source_before(doc: &Doc, at: Span) -> Option<Source> {
    let prev = source_just_before(doc, at)?;
    let plural_word = |t: &str| {
        let head = t.split(" of ").next().unwrap_or(t);
        let last = head
            .trim_end_matches([',', ' '])
            .rsplit(' ')
            .next()
            .unwrap_or("");
        last.len() > 2 && last.ends_with('s') && !last.ends_with("'s") && !last.ends_with("ss")
    };
    let plural = !prev.members.is_empty()
        || match prev.kind {
            SourceType::Group => true,
            SourceType::Vague => plural_word(&prev.text),
            SourceType::Organization => is_party(&prev.text) && plural_word(&prev.text),
            _ => false,
        };
    plural.then(|| prev.clone())
}

/// The entity a source resolved earlier in this pass stands for (its placeholder id `#k`,
/// made by [`set_source`]).
fn placeholder_entity(s: &Source) -> Option<usize> {
    s.entity.as_deref()?.strip_prefix('#')?.parse().ok()
}

/// The source just before `at` (an `it`) when it is one organisation, outlet or government
/// (not a party named in the plural, `the Tories`, nor several names).
fn body_source_before(doc: &Doc, at: Span) -> Option<Source> {
    let prev = source_just_before(doc, at)?;
    let body = matches!(
        prev.kind,
        SourceType::Organization | SourceType::Outlet | SourceType::Government
    );
    let plural = !prev.members.is_empty() || is_party(&prev.text) && prev.text.ends_with('s');
    (body && !plural).then(|| prev.clone())
}

/// The entity of the source just before `at` (an `it`) when it is a person only by the
/// recogniser's word: named by one or two capitalised words with no given name, honorific,
/// gender or role (`Krispy Kreme`).
fn company_taken_for_a_person(doc: &Doc, entities: &[Entity], at: Span) -> Option<usize> {
    let prev = source_just_before(doc, at)?;
    let e = placeholder_entity(prev)?;
    let ent = entities.get(e)?;
    // (The source names it, not its report: `the Kok report. It also recommends`.)
    let names_it = prev.text.trim_end_matches([',', ' ']).ends_with(&ent.name);
    let plain = prev.kind == SourceType::Person
        && names_it
        && prev.members.is_empty()
        && ent.kind == EntityType::Person
        && ent.roles.is_empty()
        // (Whatever the recogniser said: `it` says more.)
        && crate::sources::may_name_a_company(&ent.name, &[]);
    plain.then_some(e)
}

/// A political party's name (`Labour`, `the Tories`, `the Conservative Party`).
fn is_party(name: &str) -> bool {
    let bare = name
        .strip_prefix("the ")
        .or_else(|| name.strip_prefix("The "))
        .unwrap_or(name);
    crate::source_words::PARTIES.contains(&bare) || bare.ends_with(" Party")
}

/// A group's words name it (`MSPs`, `the Palestinian Authority's negotiators`): a
/// capitalised word after the first, or an acronym. (`Hamas militants` is one the words
/// alone do not tell from `Wine makers`.)
fn names_a_group(name: &str) -> bool {
    name.split_whitespace().enumerate().any(|(k, w)| {
        k > 0 && w.starts_with(|c: char| c.is_uppercase())
            || w.chars().filter(|c| c.is_uppercase()).count() >= 2
    })
}

/// A role compared across mentions: lowercase words without a leading article.
fn role_key(role: &str) -> String {
    let lower = role.trim().to_lowercase();
    let lower = ["the ", "a ", "an "]
        .iter()
        .find_map(|a| lower.strip_prefix(a))
        .unwrap_or(&lower);
    lower.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `Lib Dem leader` is what `the Lib Dem leader` says; `leader` alone says too little.
fn role_matches(known: &str, described: &str) -> bool {
    // (`a friend of the Tory leader` is not the Tory leader, and the shadow foreign secretary
    // or a former one is not the foreign secretary.)
    known == described
        || described.contains(' ')
            && known.strip_suffix(described).is_some_and(|rest| {
                rest.ends_with(' ')
                    && !rest.split_whitespace().any(|w| {
                        matches!(
                            w,
                            "of" | "to"
                                | "for"
                                | "with"
                                | "and"
                                | "shadow"
                                | "former"
                                | "deputy"
                                | "vice"
                                | "assistant"
                                | "junior"
                        ) || w.starts_with("ex-")
                    })
            })
}

/// A new person entity named as `info` says, first seen at `mention`.
fn person_entity(info: &SourceInfo, mention: Span) -> Entity {
    Entity {
        id: String::new(),
        name: info.name.clone(),
        kind: EntityType::Person,
        mentions: vec![mention],
        roles: info.role.iter().cloned().collect(),
        affiliation: info.affiliation.clone(),
    }
}

/// The gender an entity's name or roles say.
fn entity_gender(e: &Entity) -> Option<gender::Gender> {
    gender::of_person(&e.name).or_else(|| e.roles.iter().find_map(|r| gender::of_person(r)))
}

/// `name`'s last word appears as a word of `content`.
fn names_in(content: &str, name: &str) -> bool {
    let last = last_word(name);
    !last.is_empty()
        && content
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .any(|w| w == last)
}

/// Index of the sentence holding byte `at` (0 for an unsegmented document).
fn sentence_of(doc: &Doc, at: usize) -> u32 {
    let i = doc.tokens.partition_point(|t| t.span.end <= at);
    doc.tokens
        .get(i.min(doc.tokens.len().saturating_sub(1)))
        .map_or(0, |t| t.sentence)
}

/// The word right before byte `at` (`Mrs` before `Maguire`).
fn word_before(text: &str, at: usize) -> &str {
    text[..at]
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
}

/// The words of `span` include the subject of a sentence's main clause (`Mr Balls had
/// suggested that Mr Brown would …`: Balls, not Brown).
fn is_subject(doc: &Doc, span: Span) -> bool {
    let first = doc.tokens.partition_point(|t| t.span.start < span.start);
    doc.tokens[first..]
        .iter()
        .take_while(|t| t.span.end <= span.end)
        .any(|t| {
            t.deprel.as_deref().is_some_and(|d| d.starts_with("nsubj"))
                && t.head.is_some_and(|h| in_main_clause(doc, h as usize))
        })
}

/// The `PERSON` mentions that may stand for a later pronoun by themselves, with what the
/// text says of each, found once per document: tested anew for every pronoun, and each
/// test looking through all mentions for a fuller name, the search was cubic in a long
/// document's mentions (300,000 tokens took half a minute).
/// The recogniser leaves honorifics out of names (`Mrs` + `Maguire`), so the word before a
/// mention counts for its gender and its subjecthood, and for the name when the document
/// has no fuller one (`Anne Maguire`).
struct SubjectPeople {
    /// (mention, the gender its text or honorific says, the honorific), in text order: the
    /// mentions that are a clause's subject, and whose name, if one word, an honorific or a
    /// fuller mention before vouches for (not `Profile`, `IT`: the recogniser's stray capitals).
    people: Vec<(usize, Option<gender::Gender>, Option<Span>)>,
    /// Names of two words or more by their last word, as (end, word count, mention), in the
    /// order of the mentions.
    fuller: std::collections::HashMap<String, Vec<(usize, usize, usize)>>,
}

impl SubjectPeople {
    fn of(doc: &Doc) -> SubjectPeople {
        let persons = || {
            doc.mentions
                .iter()
                .enumerate()
                .filter(|(_, m)| m.kind == "PERSON")
        };
        // Where each last word of a name with a space first ends.
        let mut vouching: std::collections::HashMap<&str, usize> = Default::default();
        let mut fuller: std::collections::HashMap<String, Vec<(usize, usize, usize)>> =
            Default::default();
        for (k, m) in persons() {
            if m.text.contains(' ') {
                let end = vouching.entry(last_word(&m.text)).or_insert(m.span.end);
                *end = (*end).min(m.span.end);
            }
            let words = m.text.split_whitespace().count();
            if words > 1 {
                let key = last_word(&m.text).to_string();
                fuller.entry(key).or_default().push((m.span.end, words, k));
            }
        }
        let mut people = Vec::new();
        for (k, m) in persons() {
            let honorific = honorific_before(doc, m);
            let vouched = honorific.is_some()
                || m.text.contains(' ')
                || vouching
                    .get(m.text.as_str())
                    .is_some_and(|&end| end <= m.span.start);
            let start = honorific.map_or(m.span.start, |h| h.start);
            if vouched && is_subject(doc, Span::new(start, m.span.end)) {
                let said = gender::of_person(&m.text)
                    .or_else(|| honorific.and_then(|h| gender::of_person(h.slice(&doc.text))));
                people.push((k, said, honorific));
            }
        }
        // (Stable: of two mentions at one place, the later one found, as before.)
        people.sort_by_key(|&(k, ..)| doc.mentions[k].span.start);
        SubjectPeople { people, fuller }
    }

    /// The nearest of the people ending before byte `before` whose text says gender `g` (when
    /// given) and whose name `content` does not hold, as (span, name): the fullest name before
    /// `before` with its last word, else the honorific and the mention.
    fn nearest(
        &self,
        doc: &Doc,
        before: usize,
        g: Option<gender::Gender>,
        content: &str,
    ) -> Option<(Span, String)> {
        let upto = self
            .people
            .partition_point(|&(k, ..)| doc.mentions[k].span.start < before);
        let &(k, _, honorific) = self.people[..upto].iter().rev().find(|&&(k, said, _)| {
            let m = &doc.mentions[k];
            m.span.end <= before && g.is_none_or(|g| said == Some(g)) && !names_in(content, &m.text)
        })?;
        let m = &doc.mentions[k];
        // The fullest (the last of equals) ending before `before`.
        let fuller = self
            .fuller
            .get(last_word(&m.text))
            .into_iter()
            .flatten()
            .filter(|&&(end, ..)| end <= before)
            .fold(
                None,
                |best: Option<(usize, usize)>, &(_, words, f)| match best {
                    Some((w, _)) if w > words => best,
                    _ => Some((words, f)),
                },
            );
        let name = match (fuller, honorific) {
            (Some((_, f)), _) => doc.mentions[f].text.clone(),
            (None, Some(h)) => format!("{} {}", h.slice(&doc.text), m.text),
            (None, None) => m.text.clone(),
        };
        Some((m.span, name))
    }
}

/// The word right before mention `m` if it says a person's gender (`Mrs` before `Maguire`).
fn honorific_before(doc: &Doc, m: &Mention) -> Option<Span> {
    let w = word_before(&doc.text, m.span.start);
    gender::of_person(w)?;
    let end = doc.text[..m.span.start].trim_end().len();
    Some(Span::new(end - w.len(), end))
}

/// The one person the recogniser named in full (two words or more) in sentence `sentence` or
/// the one before, before byte `before`, whose gender, if the name says one, is `g` and who is
/// not named in `content`; nothing when there are several.
fn sole_person_before(
    doc: &Doc,
    sentence: u32,
    before: usize,
    g: Option<gender::Gender>,
    content: &str,
) -> Option<(Span, String)> {
    // Not a name after a preposition or before a possessive, which the clause is not about
    // (`food was thrown at United boss Sir Alex Ferguson`, `Tony Blair's official spokesman`).
    let in_passing = |m: &according_core::Mention| {
        let after = doc.text[m.span.end..].trim_start();
        after.starts_with("'s") || after.starts_with("’s") || {
            let w = word_before(&doc.text, m.span.start).to_lowercase();
            matches!(
                w.as_str(),
                "of" | "at" | "by" | "to" | "from" | "with" | "for" | "on" | "in" | "about"
            )
        }
    };
    let mut people = doc.mentions.iter().filter(|m| {
        m.kind == "PERSON"
            && m.span.end <= before
            && sentence_of(doc, m.span.start) + 1 >= sentence
            && m.text.contains(' ')
            && !in_passing(m)
    });
    let first = people.next()?;
    let same = |m: &&according_core::Mention| last_word(&m.text) == last_word(&first.text);
    if !people.all(|m| same(&m)) {
        return None;
    }
    let fits = gender::of_person(&first.text).is_none_or(|said| g.is_none_or(|g| said == g));
    (fits && !names_in(content, &first.text)).then(|| (first.span, first.text.clone()))
}

/// The cleaned form of the original text at `span` (the tokens' cleaned texts with the
/// original spaces between them), when cleaning changed something there.
fn cleaned_slice(doc: &Doc, span: Span) -> Option<String> {
    if doc.clean.as_ref().is_none_or(|c| c.map.is_identity()) {
        return None;
    }
    let first = doc.tokens.partition_point(|t| t.span.end <= span.start);
    let toks = doc.tokens[first..]
        .iter()
        .take_while(|t| t.span.start < span.end);
    let mut out = String::with_capacity(span.len());
    let mut at = span.start;
    let mut changed = false;
    for t in toks {
        if t.span.start < at || t.span.end > span.end {
            return None; // a token across the span's edge: keep the original
        }
        out.push_str(&doc.text[at..t.span.start]);
        out.push_str(&t.text);
        changed |= t.text != t.span.slice(&doc.text);
        at = t.span.end;
    }
    out.push_str(&doc.text[at..span.end]);
    changed.then_some(out)
}

/// [`set_source`] for a source that names several: no entity of its own, its `members`.
fn set_group_source(doc: &mut Doc, k: usize, info: &SourceInfo, members: Vec<Source>) {
    set_source(doc, k, info, None);
    if let Some(s) = &mut doc.attributions[k].source {
        s.members = members;
    }
}

/// Where `e` was last mentioned before byte `at`.
fn last_mention_before(e: &Entity, at: usize) -> Option<usize> {
    e.mentions
        .iter()
        .filter(|m| m.start < at)
        .map(|m| m.start)
        .max()
}

/// A source whose words name no one (`a spokesman`, `The report`) found the body it speaks
/// for: the body's name stays, the source is not vague.
fn speaks_for_a_body(info: &mut SourceInfo, flags: &mut Vec<Flag>) {
    info.unnamed = true;
    info.speaks_for = true;
    flags.retain(|f| *f != Flag::VagueSource);
}

/// How many sentences back an unnamed spokesperson looks for the body it speaks for.
const SPOKESPERSON_REACH: u32 = 2;

/// `a spokesman`, `The spokeswoman`, `a spokesperson`: no body named.
fn bare_spokesperson(name: &str) -> bool {
    // (Most sources are no spokesperson: look before lowercasing.)
    if name.len() > 17 || !name.contains("pokes") {
        return false;
    }
    let lower = name.to_lowercase();
    ["a ", "an ", "the "]
        .iter()
        .filter_map(|d| lower.strip_prefix(d))
        .any(|w| matches!(w, "spokesman" | "spokeswoman" | "spokesperson"))
}

/// What sources publish: a source that names one of these speaks through it.
const DOCUMENT_NOUNS: &[&str] = &[
    "report",
    "survey",
    "study",
    "poll",
    "research",
    "statement",
    "review",
    "inquiry",
    "findings",
    "figures",
    "analysis",
    "audit",
    "document",
];

/// The document nouns among a source's words (`a World Bank report`: `report`).
fn document_nouns(source: &str) -> Vec<&'static str> {
    let mut out = Vec::new();
    for w in source.split(|c: char| !c.is_alphanumeric()) {
        if let Some(n) = DOCUMENT_NOUNS.iter().find(|n| w.eq_ignore_ascii_case(n)) {
            if !out.contains(n) {
                out.push(*n);
            }
        }
    }
    out
}

/// The document nouns of attribution `k`'s frame: before its source and cue in their sentence
/// (`In its latest report, the OECD cut …`) or in an `in` phrase right after the cue (`said in
/// a statement`), outside what it reports.
fn frame_document_nouns(doc: &Doc, k: usize) -> Vec<&'static str> {
    let a = &doc.attributions[k];
    let sentence = sentence_of(doc, a.cue.span.start);
    let first = doc.tokens.partition_point(|t| t.sentence < sentence);
    let opens = a
        .source
        .as_ref()
        .map_or(a.cue.span.start, |s| s.span.start.min(a.cue.span.start));
    let after_cue = doc
        .tokens
        .partition_point(|t| t.span.start < a.cue.span.end);
    let in_phrase = doc
        .tokens
        .get(after_cue)
        .is_some_and(|t| t.text == "in" && t.sentence == sentence);
    let mut out = Vec::new();
    for (i, t) in doc.tokens[first..]
        .iter()
        .enumerate()
        .take_while(|(_, t)| t.sentence == sentence)
    {
        let i = first + i;
        let inside = |s: &Span| s.start <= t.span.start && t.span.end <= s.end;
        let framing = t.span.end <= opens || in_phrase && i > after_cue && i <= after_cue + 4;
        if !framing || a.content.spans.iter().any(inside) {
            continue;
        }
        if let Some(n) = DOCUMENT_NOUNS
            .iter()
            .find(|n| t.text.eq_ignore_ascii_case(n))
        {
            if !out.contains(n) {
                out.push(*n);
            }
        }
    }
    out
}

/// `The report`, `the survey`, `this study`: a vague source that is a document named before.
fn the_document(info: &SourceInfo) -> Option<&'static str> {
    if info.kind != SourceType::Vague || info.pronoun {
        return None;
    }
    if info.name.len() > 20 {
        return None;
    }
    let lower = info.name.to_lowercase();
    let noun = ["the ", "this ", "that ", "its ", "their "]
        .iter()
        .find_map(|d| lower.strip_prefix(d))?;
    DOCUMENT_NOUNS.iter().find(|n| **n == noun).copied()
}

fn set_source(doc: &mut Doc, k: usize, info: &SourceInfo, entity: Option<usize>) {
    if let Some(s) = &mut doc.attributions[k].source {
        s.kind = info.kind;
        s.role = info.role.clone();
        // Placeholder index, replaced by the entity id once all ids are known.
        s.entity = entity.map(|e| format!("#{e}"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_mentions_do_not_start_with_a_sentence_opener() {
        let text = "When Patrick Smith left, he was angry. Smith said so.";
        let (a, b) = full_mention(text, "Smith", text.rfind("Smith").unwrap()).unwrap();
        assert_eq!(&text[a..b], "Patrick Smith");
    }

    #[test]
    fn groups_named_by_their_words() {
        for g in ["MSPs", "the Palestinian Authority's negotiators"] {
            assert!(names_a_group(g), "{g}");
        }
        for g in ["the firms", "official figures", "Wine makers", "Ministers"] {
            assert!(!names_a_group(g), "{g}");
        }
    }

    #[test]
    fn a_short_name_a_person_spoke_under_stays_that_person() {
        let text = "Adrian Mutu was sacked. Mutu said he was shocked. Mutu agreed.";
        let person = Entity {
            id: String::new(),
            name: "Adrian Mutu".into(),
            kind: EntityType::Person,
            mentions: vec![Span::new(0, 11), Span::new(24, 28)],
            roles: vec![],
            affiliation: None,
        };
        let mut entities = vec![person];
        let mut info = analyze("Mutu");
        info.kind = SourceType::Organization;
        let at = text.rfind("Mutu").unwrap();
        assert_eq!(find_named(text, &mut entities, &info, at), Some(0));
        // Not a name the person never went by.
        info.name = "Chelsea".into();
        assert_eq!(find_named(text, &mut entities, &info, at), None);
        // Their surname, though they spoke under their full name only (`Captain Fabien
        // Pelous … Pelous`); not an acronym.
        entities[0].mentions.truncate(1);
        info.name = "Mutu".into();
        assert_eq!(find_named(text, &mut entities, &info, at), Some(0));
        entities[0].name = "Junge SVP".into();
        info.name = "SVP".into();
        assert_eq!(find_named(text, &mut entities, &info, at), None);
    }

    #[test]
    fn finds_full_mentions() {
        let t = "Russian Defense Minister Sergei Ivanov denied it. Later Ivanov declared more.";
        let (a, b) = full_mention(t, "Ivanov", 56).unwrap();
        assert_eq!(&t[a..b], "Russian Defense Minister Sergei Ivanov");
    }
}
