//! One entity per name in a document. A short name (`Milburn`, `EU`) that the document also
//! gives in full (`Alan Milburn`, `The EU`) is that entity, wherever the full name comes:
//! a headline names people by surname before the text names them in full (`More reforms
//! ahead says Milburn` … `Health Secretary Alan Milburn said`), and resolution, reading
//! forward, had made two entities of one person.

use according_core::{Doc, Entity, EntityType};

/// Merge each one-word entity into the one fuller entity of its type whose name ends with
/// that word, or, for a person the document names in full only outside the sources, give it
/// that full name (when the recogniser found one such name and no other). Returns where each
/// entity went: old index → index in the merged list.
pub(crate) fn merge_short_names(doc: &Doc, entities: &mut Vec<Entity>) -> Vec<usize> {
    let n = entities.len();
    let mut into: Vec<usize> = (0..n).collect();
    for i in 0..n {
        // (`Mr Kok` is as short as `Kok`.)
        let short = match entities[i].name.split_whitespace().collect::<Vec<_>>()[..] {
            [one] => one,
            [title, surname] if crate::source_words::is_honorific(title) => surname,
            _ => continue,
        };
        let fuller: Vec<usize> = (0..n)
            .filter(|&j| {
                j != i
                    && entities[j].kind == entities[i].kind
                    && entities[j].name.contains(' ')
                    && entities[j].name.split_whitespace().last() == Some(short)
            })
            .collect();
        let mut fuller_names: Vec<&str> =
            fuller.iter().map(|&j| entities[j].name.as_str()).collect();
        fuller_names.sort_unstable();
        fuller_names.dedup();
        // The full names the recogniser found for people of this surname.
        let person = entities[i].kind == EntityType::Person;
        let mut recognised: Vec<&str> = doc
            .mentions
            .iter()
            .filter(|m| person && m.kind == "PERSON")
            .filter_map(|m| full_name(&m.text))
            .filter(|name| name.split_whitespace().last() == Some(short))
            .collect();
        recognised.sort_unstable();
        recognised.dedup();
        if let [target] = fuller_names.as_slice() {
            // (`Blair` beside `Tony Blair` and `Cherie Blair` named only in passing: either.)
            let other_person = recognised
                .iter()
                .any(|name| !target.ends_with(name) && !name.ends_with(target));
            if !other_person {
                into[i] = fuller[0];
            }
            continue;
        }
        if let ([], [name]) = (fuller.as_slice(), recognised.as_slice()) {
            entities[i].name = name.to_string();
        }
    }
    // An entity merged into one that is itself merged goes where that one goes; in a loop
    // (degenerate names: `Mrs Mrs` and `Mr Mrs`) each stays itself.
    let root = |i: usize| {
        let mut j = i;
        for _ in 0..=n {
            if into[j] == j {
                return j;
            }
            j = into[j];
        }
        i
    };
    let into: Vec<usize> = (0..n).map(root).collect();
    // Fold the merged entities in, keeping the order of the others.
    let mut remap = vec![usize::MAX; n];
    let mut kept: Vec<Entity> = Vec::with_capacity(n);
    for j in 0..n {
        if into[j] == j {
            remap[j] = kept.len();
            kept.push(entities[j].clone());
        }
    }
    for i in 0..n {
        let j = into[i];
        if j == i {
            continue;
        }
        let k = remap[j];
        remap[i] = k;
        let (short, target) = (&entities[i], &mut kept[k]);
        target.mentions.extend_from_slice(&short.mentions);
        for r in &short.roles {
            if !target.roles.contains(r) {
                target.roles.push(r.clone());
            }
        }
        if target.affiliation.is_none() {
            target.affiliation = short.affiliation.clone();
        }
        // (`The EU` and `EU`: the name without its article; an outlet's article is part of
        // its title, `The Observer`.)
        let bare = target
            .name
            .strip_prefix("The ")
            .or_else(|| target.name.strip_prefix("the "));
        if target.kind != EntityType::Outlet && bare == Some(short.name.as_str()) {
            target.name = short.name.clone();
        }
    }
    *entities = kept;
    remap
}

/// A recognised person's name as a name: without a title before it (`MP George Galloway`),
/// two words or more, each capitalised (not `mark McCall`).
fn full_name(text: &str) -> Option<&str> {
    let mut rest = text.trim();
    while let Some((first, after)) = rest.split_once(' ') {
        let title = crate::source_words::is_honorific(first)
            || first.len() <= 3 && first.chars().all(|c| c.is_ascii_uppercase());
        if !title {
            break;
        }
        rest = after.trim_start();
    }
    (rest.contains(' ')
        && rest
            .split_whitespace()
            .all(|w| w.starts_with(|c: char| c.is_uppercase())))
    .then_some(rest)
}

/// `The National Union of Journalists`, `the EU`: a body's name without its article, as
/// UniversalNER names it and as a corpus should group it (`the EU` in one article, `EU` in
/// the next). Outlets keep theirs (`The Times`), and so does a description (`the
/// government`, `The Australian firm`, `the Bush administration`). Entities left with one name and type
/// become one. Returns where each entity went: old index → index in the new list.
pub(crate) fn drop_leading_articles(entities: &mut Vec<Entity>) -> Vec<usize> {
    for e in entities.iter_mut() {
        if !matches!(e.kind, EntityType::Organization | EntityType::Government) {
            continue;
        }
        let rest = e
            .name
            .strip_prefix("the ")
            .or_else(|| e.name.strip_prefix("The "));
        // (A name's words are capitalised to its end: `The Australian firm`, `the Bush
        // administration` are descriptions.)
        let capitalised = |w: &str| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
        let named =
            |r: &&str| capitalised(r) && r.split_whitespace().next_back().is_some_and(capitalised);
        if let Some(rest) = rest.filter(named) {
            e.name = rest.to_string();
        }
    }
    let mut into = Vec::with_capacity(entities.len());
    let mut kept: Vec<Entity> = Vec::with_capacity(entities.len());
    for e in entities.drain(..) {
        match kept
            .iter()
            .position(|k| k.name == e.name && k.kind == e.kind)
        {
            Some(k) => {
                let same = &mut kept[k];
                same.mentions.extend(e.mentions);
                for r in e.roles {
                    if !same.roles.contains(&r) {
                        same.roles.push(r);
                    }
                }
                if same.affiliation.is_none() {
                    same.affiliation = e.affiliation;
                }
                into.push(k);
            }
            None => {
                into.push(kept.len());
                kept.push(e);
            }
        }
    }
    *entities = kept;
    into
}

#[cfg(test)]
mod tests {
    use super::*;
    use according_core::{Mention, Span};

    fn entity(name: &str, kind: EntityType, at: usize) -> Entity {
        Entity {
            id: String::new(),
            name: name.into(),
            kind,
            mentions: vec![Span::new(at, at + name.len())],
            roles: Vec::new(),
            affiliation: None,
        }
    }

    #[test]
    fn a_surname_joins_the_one_full_name() {
        let doc = Doc::new("t", "t", "");
        let mut es = vec![
            entity("Milburn", EntityType::Person, 0),
            entity("EU", EntityType::Organization, 10),
            entity("Alan Milburn", EntityType::Person, 20),
            entity("The EU", EntityType::Organization, 40),
        ];
        let remap = merge_short_names(&doc, &mut es);
        let names: Vec<&str> = es.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["Alan Milburn", "EU"]);
        assert_eq!(remap, [0, 1, 0, 1]);
        assert_eq!(es[0].mentions.len(), 2);
    }

    #[test]
    fn two_people_of_one_surname_stay_apart() {
        let mut doc = Doc::new("t", "t", "");
        let mut es = vec![
            entity("Brown", EntityType::Person, 0),
            entity("Gordon Brown", EntityType::Person, 10),
            entity("Wes Brown", EntityType::Person, 30),
        ];
        let remap = merge_short_names(&doc, &mut es);
        assert_eq!((es.len(), remap), (3, vec![0, 1, 2]));
        // A full name the recogniser found, not as a source, names a lone surname.
        doc.mentions.push(Mention {
            span: Span::new(50, 63),
            text: "Arsene Wenger".into(),
            kind: "PERSON".into(),
        });
        let mut es = vec![entity("Wenger", EntityType::Person, 0)];
        merge_short_names(&doc, &mut es);
        assert_eq!(es[0].name, "Arsene Wenger");
        // So does it a surname after an honorific.
        let mut es = vec![entity("Mr Wenger", EntityType::Person, 0)];
        merge_short_names(&doc, &mut es);
        assert_eq!(es[0].name, "Arsene Wenger");
        assert_eq!(full_name("MP George Galloway"), Some("George Galloway"));
        assert_eq!(full_name("mark McCall"), None);
    }
}
