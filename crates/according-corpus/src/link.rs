//! Cross-document entities: merge the entities of single documents (and the publishing
//! outlets) into corpus entities.
//!
//! How merges are decided (a wrong merge is worse than a missed one, so every rule needs
//! positive evidence and ambiguity always splits):
//!
//! 1. **Same full name**: two entities of the same class (people; organisation-like: outlet,
//!    organization, government, group; anything else) whose normalised names are equal
//!    (case, punctuation, a leading `the` and, for people, honorifics like `Mr.` ignored).
//!    People need at least two name words for this rule: `Sergei Ivanov` ≠ `Igor Ivanov`.
//! 2. **Acronym**: an organisation-like entity written as an acronym (`BBC`, `RFE/RL`) joins
//!    the one long form whose acronym it is (`British Broadcasting Corporation`, `Radio Free
//!    Europe/Radio Liberty`, computed per `/`-part, skipping `of/the/and...`), or that an
//!    article itself gave that acronym to (a mention surface of the entity). If two different
//!    long forms claim the acronym, nothing merges. `BBC Radio` is a different name (rule 1
//!    fails, and it is not an acronym), so it stays apart from `BBC`.
//! 3. **Surname only**: a person an article names only by surname (`Ivanov`) joins a full name
//!    only if exactly one full-named person in the corpus has that surname *and* the two share
//!    a role word or an affiliation. Otherwise it stays its own entity (one per document):
//!    two bare `Ivanov`s are never merged with each other.
//!
//! Only names merge: an entity whose name is a description (`the company`, `the government`,
//! `developers`) stays one per document, since two articles' `the company` are rarely the
//! same company. A name is written capitalised after any determiner ([`reads_as_name`]), is
//! not a one-word `group` (`Ministers` opening a sentence), and is not seen in lowercase
//! anywhere else in the corpus (`Organisers` here, `the organisers` there).
//!
//! A name never merges across classes (a person is never an outlet). Roles are kept with the
//! date of the document that gave them (`entity_roles`), so a role history can be read back.

use crate::names::{
    acronym, looks_like_acronym, normalize, person_full_key, person_words, reads_as_name,
    starts_lowercase, surname,
};
use crate::union_find::UnionFind;
use rusqlite::{params, Connection};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// A thing to merge: a document entity, or a publishing outlet.
#[derive(Debug, Clone)]
pub(crate) struct Node {
    /// `entities.id`, or `None` for an outlet row.
    pub entity: Option<i64>,
    pub outlet: Option<i64>,
    pub doc: Option<i64>,
    pub name: String,
    pub kind: String,
    pub roles: Vec<String>,
    pub affiliation: Option<String>,
    pub surfaces: Vec<String>,
    pub date: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Class {
    Person,
    OrgLike,
    Other,
}

pub(crate) fn class_of(kind: &str) -> Class {
    match kind {
        "person" => Class::Person,
        "organization" | "outlet" | "government" | "group" => Class::OrgLike,
        _ => Class::Other,
    }
}

/// Words too generic to count as a shared role.
const ROLE_STOP: &[&str] = &[
    "the", "of", "a", "an", "and", "for", "former", "deputy", "vice", "chief", "senior", "new",
    "in",
];

fn role_words(n: &Node) -> BTreeSet<String> {
    n.roles
        .iter()
        .flat_map(|r| {
            normalize(r)
                .split(' ')
                .map(String::from)
                .collect::<Vec<_>>()
        })
        .filter(|w| w.len() > 2 && !ROLE_STOP.contains(&w.as_str()))
        .collect()
}

/// The merge decision over a list of nodes: a component index per node and the rules used.
pub(crate) fn merge_nodes(nodes: &[Node]) -> (Vec<usize>, Vec<BTreeSet<&'static str>>) {
    let mut uf = UnionFind::new(nodes.len());
    let mut rules: Vec<BTreeSet<&'static str>> = vec![BTreeSet::new(); nodes.len()];
    let class: Vec<Class> = nodes.iter().map(|n| class_of(&n.kind)).collect();
    let named = proper_names(nodes);

    // Rule 1: same full name within a class.
    let mut by_key: HashMap<(Class, String), usize> = HashMap::new();
    let key = |i: usize| -> Option<(Class, String)> {
        let n = &nodes[i];
        if !named[i] {
            return None;
        }
        match class[i] {
            Class::Person => person_full_key(&n.name).map(|k| (Class::Person, k)),
            c => Some((c, normalize(&n.name))).filter(|(_, k)| !k.is_empty()),
        }
    };
    for i in 0..nodes.len() {
        if let Some(k) = key(i) {
            match by_key.get(&k) {
                Some(&j) => {
                    if uf.union(i, j) {
                        rules[i].insert("same_name");
                        rules[j].insert("same_name");
                    }
                }
                None => {
                    by_key.insert(k, i);
                }
            }
        }
    }

    // Rule 2: acronyms of organisation-like names.
    let mut long_of_acr: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut rep_of_long: HashMap<String, usize> = HashMap::new();
    for (i, n) in nodes.iter().enumerate() {
        if class[i] != Class::OrgLike || !named[i] || looks_like_acronym(&n.name) {
            continue;
        }
        let long = normalize(&n.name);
        rep_of_long.entry(long.clone()).or_insert(i);
        if let Some(a) = acronym(&n.name) {
            long_of_acr.entry(a).or_default().insert(long.clone());
        }
        // The article itself gave this entity an acronym (`Radio Free Europe/Radio Liberty
        // (RFE/RL)` → a mention `RFE/RL` of the same entity).
        for s in &n.surfaces {
            if looks_like_acronym(s) {
                long_of_acr
                    .entry(normalize(s))
                    .or_default()
                    .insert(long.clone());
            }
        }
    }
    for (i, n) in nodes.iter().enumerate() {
        if class[i] != Class::OrgLike || !looks_like_acronym(&n.name) {
            continue;
        }
        if let Some(longs) = long_of_acr.get(&normalize(&n.name)) {
            if longs.len() == 1 {
                let j = rep_of_long[longs.iter().next().unwrap()];
                if uf.union(i, j) {
                    rules[i].insert("acronym");
                    rules[j].insert("acronym");
                }
            }
        }
    }

    // Rule 3: surname-only people, when one full name fits and a role or affiliation agrees.
    let mut full_by_surname: HashMap<String, BTreeSet<String>> = HashMap::new();
    for (i, n) in nodes.iter().enumerate() {
        if class[i] == Class::Person && named[i] {
            if let (Some(k), Some(s)) = (person_full_key(&n.name), surname(&n.name)) {
                full_by_surname.entry(s).or_default().insert(k);
            }
        }
    }
    for i in 0..nodes.len() {
        let n = &nodes[i];
        if class[i] != Class::Person || !named[i] || person_words(&n.name).len() != 1 {
            continue;
        }
        let Some(s) = surname(&n.name) else { continue };
        let Some(fulls) = full_by_surname.get(&s) else {
            continue;
        };
        if fulls.len() != 1 {
            continue;
        }
        let full = fulls.iter().next().unwrap();
        let Some(&j) = by_key.get(&(Class::Person, full.clone())) else {
            continue;
        };
        // Evidence from the whole component of the full name, not just its first node.
        let root = uf.find(j);
        let mine = role_words(n);
        let my_aff = n.affiliation.as_deref().map(normalize);
        let agrees = (0..nodes.len()).any(|k| {
            class[k] == Class::Person
                && uf.find(k) == root
                && (!mine.is_disjoint(&role_words(&nodes[k]))
                    || (my_aff.is_some()
                        && nodes[k].affiliation.as_deref().map(normalize) == my_aff))
        });
        if agrees && uf.union(i, j) {
            rules[i].insert("surname_with_role");
            rules[j].insert("surname_with_role");
        }
    }

    let comp: Vec<usize> = (0..nodes.len()).map(|i| uf.find(i)).collect();
    (comp, rules)
}

/// Which nodes are names that may merge across documents (see the module docs).
fn proper_names(nodes: &[Node]) -> Vec<bool> {
    let lowercase: std::collections::HashSet<String> = nodes
        .iter()
        .flat_map(|n| std::iter::once(&n.name).chain(&n.surfaces))
        .filter(|s| starts_lowercase(s))
        .map(|s| normalize(s))
        .collect();
    nodes
        .iter()
        .map(|n| {
            if n.entity.is_none() {
                return true; // a publishing outlet, named by its metadata
            }
            let norm = normalize(&n.name);
            let one_word = n.name.split_whitespace().count() == 1 || norm.split(' ').count() == 1;
            reads_as_name(&n.name)
                && !lowercase.contains(&norm)
                && !(n.kind == "group" && one_word && !looks_like_acronym(&n.name))
        })
        .collect()
}

/// Rebuild corpus entities, aliases, roles, and every `corpus_entity` link. Returns the number
/// of corpus entities.
pub(crate) fn relink_entities(conn: &Connection) -> rusqlite::Result<usize> {
    let nodes = load_nodes(conn)?;
    let (comp, rules) = merge_nodes(&nodes);

    for t in ["corpus_entity_aliases", "entity_roles", "corpus_entities"] {
        conn.execute(&format!("DELETE FROM {t}"), [])?;
    }
    conn.execute("UPDATE entities SET corpus_entity = NULL", [])?;
    conn.execute("UPDATE outlets SET corpus_entity = NULL", [])?;
    conn.execute("UPDATE attributions SET source_corpus_entity = NULL", [])?;

    let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, &c) in comp.iter().enumerate() {
        members.entry(c).or_default().push(i);
    }
    let mut ins = conn.prepare(
        "INSERT INTO corpus_entities(name, type, n_docs, n_mentions, merged_by) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    let mut set_e = conn.prepare("UPDATE entities SET corpus_entity = ?1 WHERE id = ?2")?;
    let mut set_o = conn.prepare("UPDATE outlets SET corpus_entity = ?1 WHERE id = ?2")?;
    let mut alias = conn.prepare(
        "INSERT INTO corpus_entity_aliases(corpus_entity, alias, norm, n) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT(corpus_entity, alias) DO UPDATE SET n = n + excluded.n",
    )?;
    let mut role = conn.prepare(
        "INSERT INTO entity_roles(corpus_entity, role, date, doc) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for idx in members.values() {
        let (name, kind) = canonical(&nodes, idx);
        let docs: BTreeSet<i64> = idx.iter().filter_map(|&i| nodes[i].doc).collect();
        let n_mentions: usize = idx.iter().map(|&i| nodes[i].surfaces.len()).sum();
        let used: BTreeSet<&str> = idx.iter().flat_map(|&i| rules[i].iter().copied()).collect();
        let used = serde_json::to_string(&used).unwrap_or_default();
        ins.execute(params![
            name,
            kind,
            docs.len() as i64,
            n_mentions as i64,
            used
        ])?;
        let ce = conn.last_insert_rowid();
        let mut aliases: BTreeMap<String, i64> = BTreeMap::new();
        for &i in idx {
            let n = &nodes[i];
            if let Some(e) = n.entity {
                set_e.execute(params![ce, e])?;
            }
            if let Some(o) = n.outlet {
                set_o.execute(params![ce, o])?;
            }
            *aliases.entry(n.name.trim().to_string()).or_default() += 1;
            for s in &n.surfaces {
                *aliases.entry(s.trim().to_string()).or_default() += 1;
            }
            if let Some(d) = n.doc {
                let mut seen = BTreeSet::new();
                for r in &n.roles {
                    if seen.insert(r.as_str()) {
                        role.execute(params![ce, r, n.date, d])?;
                    }
                }
            }
        }
        for (a, k) in aliases {
            let norm = normalize(&a);
            if !norm.is_empty() {
                alias.execute(params![ce, a, norm, k])?;
            }
        }
    }
    drop((ins, set_e, set_o, alias, role));
    add_acronym_aliases(conn)?;
    resolve_sources(conn)?;
    Ok(members.len())
}

/// The name of a merged entity: its most frequent non-acronym name (ties: longest, then
/// alphabetical); its type: the most frequent (ties: outlet first).
fn canonical(nodes: &[Node], idx: &[usize]) -> (String, String) {
    let mut names: BTreeMap<&str, usize> = BTreeMap::new();
    let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
    for &i in idx {
        *names.entry(nodes[i].name.trim()).or_default() += 1;
        *kinds.entry(nodes[i].kind.as_str()).or_default() += 1;
    }
    let name = names
        .iter()
        .max_by(|a, b| {
            let ka = (!looks_like_acronym(a.0), *a.1, a.0.len());
            let kb = (!looks_like_acronym(b.0), *b.1, b.0.len());
            ka.cmp(&kb).then_with(|| b.0.cmp(a.0))
        })
        .map(|(n, _)| n.to_string())
        .unwrap_or_default();
    let kind = kinds
        .iter()
        .max_by(|a, b| {
            a.1.cmp(b.1)
                .then_with(|| (*a.0 == "outlet").cmp(&(*b.0 == "outlet")))
        })
        .map(|(k, _)| k.to_string())
        .unwrap_or_default();
    (name, kind)
}

fn load_nodes(conn: &Connection) -> rusqlite::Result<Vec<Node>> {
    let mut surfaces: HashMap<i64, Vec<String>> = HashMap::new();
    {
        let mut st =
            conn.prepare("SELECT entity, text FROM entity_mentions ORDER BY entity, rowid")?;
        let mut q = st.query([])?;
        while let Some(r) = q.next()? {
            surfaces.entry(r.get(0)?).or_default().push(r.get(1)?);
        }
    }
    let mut nodes = Vec::new();
    let mut st = conn.prepare(
        "SELECT e.id, e.doc, e.name, e.type, e.roles, e.affiliation, d.published
         FROM entities e JOIN documents d ON d.id = e.doc
         ORDER BY d.doc_id, e.local_id",
    )?;
    let mut q = st.query([])?;
    while let Some(r) = q.next()? {
        let id: i64 = r.get(0)?;
        let roles: String = r.get(4)?;
        nodes.push(Node {
            entity: Some(id),
            outlet: None,
            doc: Some(r.get(1)?),
            name: r.get(2)?,
            kind: r.get(3)?,
            roles: serde_json::from_str(&roles).unwrap_or_default(),
            affiliation: r.get(5)?,
            surfaces: surfaces.remove(&id).unwrap_or_default(),
            date: r.get(6)?,
        });
    }
    let mut st = conn.prepare("SELECT id, name FROM outlets ORDER BY norm")?;
    let mut q = st.query([])?;
    while let Some(r) = q.next()? {
        nodes.push(Node {
            entity: None,
            outlet: Some(r.get(0)?),
            doc: None,
            name: r.get(1)?,
            kind: "outlet".into(),
            roles: Vec::new(),
            affiliation: None,
            surfaces: Vec::new(),
            date: None,
        });
    }
    Ok(nodes)
}

/// Give each organisation-like corpus entity the acronym of its long names as an alias (`RFE/RL`
/// for `Radio Free Europe/Radio Liberty`), when no other such entity has the same acronym, so a
/// query by acronym finds it even if no article used the acronym.
fn add_acronym_aliases(conn: &Connection) -> rusqlite::Result<()> {
    let mut owners: BTreeMap<String, BTreeSet<i64>> = BTreeMap::new();
    {
        let mut st = conn.prepare(
            "SELECT c.id, a.alias, c.type FROM corpus_entity_aliases a
             JOIN corpus_entities c ON c.id = a.corpus_entity",
        )?;
        let mut q = st.query([])?;
        while let Some(r) = q.next()? {
            let (id, alias, kind): (i64, String, String) = (r.get(0)?, r.get(1)?, r.get(2)?);
            if class_of(&kind) == Class::OrgLike && !looks_like_acronym(&alias) {
                if let Some(a) = acronym(&alias) {
                    owners.entry(a).or_default().insert(id);
                }
            }
        }
    }
    let mut ins = conn.prepare(
        "INSERT OR IGNORE INTO corpus_entity_aliases(corpus_entity, alias, norm, n) VALUES (?1, ?2, ?3, 0)",
    )?;
    for (acr, ids) in owners {
        if ids.len() == 1 {
            ins.execute(params![ids.iter().next().unwrap(), acr.to_uppercase(), acr])?;
        }
    }
    Ok(())
}

/// Set `attributions.source_corpus_entity`: through the source's document entity when the
/// extractor resolved one, else by an alias that names exactly one corpus entity of a
/// compatible class (a bare surname that several people share resolves to nothing).
fn resolve_sources(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE attributions SET source_corpus_entity =
            (SELECT e.corpus_entity FROM entities e WHERE e.id = attributions.source_entity)
         WHERE source_entity IS NOT NULL",
        [],
    )?;
    let mut by_norm: HashMap<(Class, String), BTreeSet<i64>> = HashMap::new();
    {
        let mut st = conn.prepare(
            "SELECT a.norm, a.alias, c.id, c.type FROM corpus_entity_aliases a
             JOIN corpus_entities c ON c.id = a.corpus_entity",
        )?;
        let mut q = st.query([])?;
        while let Some(r) = q.next()? {
            let norm: String = r.get(0)?;
            let alias: String = r.get(1)?;
            let id: i64 = r.get(2)?;
            let class = class_of(&r.get::<_, String>(3)?);
            by_norm.entry((class, norm)).or_default().insert(id);
            if class == Class::OrgLike {
                if let Some(a) = acronym(&alias) {
                    by_norm.entry((class, a)).or_default().insert(id);
                }
            }
        }
    }
    let mut todo: Vec<(i64, String, String)> = Vec::new();
    {
        let mut st = conn.prepare(
            "SELECT id, source_text, source_type FROM attributions
             WHERE source_entity IS NULL AND source_text IS NOT NULL",
        )?;
        let mut q = st.query([])?;
        while let Some(r) = q.next()? {
            todo.push((r.get(0)?, r.get(1)?, r.get(2)?));
        }
    }
    let mut set =
        conn.prepare("UPDATE attributions SET source_corpus_entity = ?1 WHERE id = ?2")?;
    for (id, text, kind) in todo {
        let class = match kind.as_str() {
            "person" => Class::Person,
            "organization" | "outlet" | "government" | "group" => Class::OrgLike,
            _ => continue,
        };
        let norm = if class == Class::Person {
            person_words(&text).join(" ")
        } else {
            normalize(&text)
        };
        if let Some(ids) = by_norm.get(&(class, norm)) {
            if ids.len() == 1 {
                set.execute(params![ids.iter().next().unwrap(), id])?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(name: &str, kind: &str, roles: &[&str], surfaces: &[&str]) -> Node {
        Node {
            entity: None,
            outlet: None,
            doc: None,
            name: name.into(),
            kind: kind.into(),
            roles: roles.iter().map(|s| s.to_string()).collect(),
            affiliation: None,
            surfaces: surfaces.iter().map(|s| s.to_string()).collect(),
            date: None,
        }
    }

    #[test]
    fn two_ivanovs_stay_apart() {
        let nodes = vec![
            node(
                "Sergei Ivanov",
                "person",
                &["Russian Defense Minister"],
                &[],
            ),
            node("Igor Ivanov", "person", &["Russian Foreign Minister"], &[]),
            node("Sergei Ivanov", "person", &[], &[]),
            node("Ivanov", "person", &["defense minister"], &[]),
        ];
        let (c, _) = merge_nodes(&nodes);
        assert_eq!(c[0], c[2]);
        assert_ne!(c[0], c[1]);
        // Two full-named Ivanovs: a bare `Ivanov` is ambiguous and stays apart.
        assert_ne!(c[3], c[0]);
        assert_ne!(c[3], c[1]);
    }

    #[test]
    fn surname_needs_unique_fullname_and_role() {
        let nodes = vec![
            node(
                "Alexander Saltanov",
                "person",
                &["Deputy Foreign Minister"],
                &[],
            ),
            node("Saltanov", "person", &["Russian foreign minister"], &[]),
            node("Saltanov", "person", &["footballer"], &[]),
        ];
        let (c, _) = merge_nodes(&nodes);
        assert_eq!(c[0], c[1]);
        assert_ne!(c[0], c[2]);
    }

    #[test]
    fn bbc_is_not_bbc_radio() {
        let nodes = vec![
            node("British Broadcasting Corporation", "organization", &[], &[]),
            node("BBC", "outlet", &[], &[]),
            node("BBC Radio", "outlet", &[], &[]),
            node("the BBC", "outlet", &[], &[]),
        ];
        let (c, _) = merge_nodes(&nodes);
        assert_eq!(c[0], c[1]);
        assert_eq!(c[1], c[3]);
        assert_ne!(c[1], c[2]);
    }

    #[test]
    fn ambiguous_acronym_splits() {
        let nodes = vec![
            node("Associated Press", "outlet", &[], &[]),
            node("Alternative Party", "organization", &[], &[]),
            node("AP", "outlet", &[], &[]),
            node(
                "Radio Free Europe/Radio Liberty",
                "outlet",
                &[],
                &["RFE/RL"],
            ),
            node("RFE/RL", "outlet", &[], &[]),
        ];
        let (c, _) = merge_nodes(&nodes);
        assert_ne!(c[2], c[0]);
        assert_ne!(c[2], c[1]);
        assert_eq!(c[3], c[4]);
    }
}
