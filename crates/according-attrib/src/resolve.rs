//! Source resolution: pronouns and short names are linked to the full mention earlier in the
//! document (`he` → `Saltanov` → `Russian Deputy Foreign Minister Alexander Saltanov`), and
//! every resolved source becomes (or joins) an [`Entity`] with its roles and affiliation.

use crate::sources::{analyze, SourceInfo};
use according_core::{Doc, Entity, EntityType, SourceType, Span};

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
/// (`Russian Defense Minister Sergei Ivanov` for `Ivanov`), as (start, end).
fn full_mention(text: &str, name: &str, before: usize) -> Option<(usize, usize)> {
    let hay = &text[..before.min(text.len())];
    let mut best: Option<(usize, usize)> = None;
    for (i, _) in hay.match_indices(name) {
        let end = i + name.len();
        if text[end..].starts_with(|c: char| c.is_alphanumeric())
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
        if start < i {
            best = Some((start, end));
        }
    }
    best
}

/// Fill `source.kind/role/entity` of every attribution and `doc.entities`.
pub fn resolve(doc: &mut Doc, infos: &[Option<SourceInfo>]) {
    let mut entities: Vec<Entity> = Vec::new();
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
        let mut mention = Span::new(
            src_span.start + info.name_range.0,
            src_span.start + info.name_range.1,
        );
        let before = |e: &Entity| e.mentions.iter().any(|m| m.start < src_span.start);
        let mut target: Option<usize> = None;
        if info.person_pronoun {
            target = (0..entities.len())
                .filter(|&e| entities[e].kind == EntityType::Person && before(&entities[e]))
                .max_by_key(|&e| {
                    entities[e]
                        .mentions
                        .iter()
                        .filter(|m| m.start < src_span.start)
                        .map(|m| m.start)
                        .max()
                });
        } else if info.pronoun {
            let lower = info.name.to_lowercase();
            if lower == "it" || lower == "its" {
                target = (0..entities.len())
                    .filter(|&e| {
                        matches!(
                            entities[e].kind,
                            EntityType::Organization | EntityType::Outlet | EntityType::Government
                        ) && before(&entities[e])
                    })
                    .max_by_key(|&e| entities[e].mentions.iter().map(|m| m.start).max());
            }
        } else if info.kind == SourceType::Person || info.kind == SourceType::Unknown {
            let single = info.name.split_whitespace().count() == 1
                && info.name.starts_with(|c: char| c.is_uppercase());
            // Same full name, or a short name matching an earlier person's last name.
            target = entities
                .iter()
                .position(|e| e.name == info.name)
                .or_else(|| {
                    single
                        .then(|| {
                            entities.iter().position(|e| {
                                e.kind == EntityType::Person && last_word(&e.name) == info.name
                            })
                        })
                        .flatten()
                });
            if target.is_none() && single && info.role.is_none() {
                // A short name first seen without its full mention: look back in the text.
                if let Some((a, b)) = full_mention(&doc.text, &info.name, src_span.start) {
                    let full = analyze(&doc.text[a..b]);
                    if full.kind == SourceType::Person && full.name.split_whitespace().count() > 1 {
                        let m = Span::new(a + full.name_range.0, a + full.name_range.1);
                        entities.push(Entity {
                            id: String::new(),
                            name: full.name.clone(),
                            kind: EntityType::Person,
                            mentions: vec![m],
                            roles: full.role.iter().cloned().collect(),
                            affiliation: full.affiliation.clone(),
                        });
                        target = Some(entities.len() - 1);
                    }
                }
            }
        } else {
            target = entities.iter().position(|e| e.name == info.name);
        }
        match target {
            Some(e) => {
                let ent = &mut entities[e];
                if !info.pronoun
                    && !info.person_pronoun
                    && ent.kind == EntityType::Person
                    && info.name.split_whitespace().count() > ent.name.split_whitespace().count()
                {
                    ent.name = info.name.clone();
                }
                if info.person_pronoun || info.pronoun {
                    mention = src_span;
                }
                ent.mentions.push(mention);
                if let Some(r) = &info.role {
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
                set_source(doc, k, &info, Some(e));
            }
            None => match entity_type(info.kind) {
                Some(t) if !info.pronoun => {
                    entities.push(Entity {
                        id: String::new(),
                        name: info.name.clone(),
                        kind: t,
                        mentions: vec![mention],
                        roles: info.role.iter().cloned().collect(),
                        affiliation: info.affiliation.clone(),
                    });
                    set_source(doc, k, &info, Some(entities.len() - 1));
                }
                _ => set_source(doc, k, &info, None),
            },
        }
    }
    for (i, e) in entities.iter_mut().enumerate() {
        e.id = format!("e{}", i + 1);
        e.mentions.sort();
        e.mentions.dedup();
    }
    for a in &mut doc.attributions {
        if let Some(s) = &mut a.source {
            if let Some(idx) = s
                .entity
                .as_deref()
                .and_then(|x| x.strip_prefix('#'))
                .and_then(|x| x.parse::<usize>().ok())
            {
                s.entity = Some(entities[idx].id.clone());
            }
        }
    }
    doc.entities = entities;
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
    fn finds_full_mentions() {
        let t = "Russian Defense Minister Sergei Ivanov denied it. Later Ivanov declared more.";
        let (a, b) = full_mention(t, "Ivanov", 56).unwrap();
        assert_eq!(&t[a..b], "Russian Defense Minister Sergei Ivanov");
    }
}
