//! Claims: attribution contents that say the same thing, across documents.
//!
//! Each content of at least [`ClaimParams::min_words`] words is normalised (lowercase words),
//! cut into character 5-gram shingles and MinHashed (128 hashes, fixed seed). Banded LSH (32
//! bands of 4) proposes candidate pairs; a pair is kept if the exact shingle Jaccard is at
//! least [`ClaimParams::jaccard`], or if the shorter content lies almost entirely inside the
//! longer one (containment ≥ [`ClaimParams::containment`] and the shorter has at least
//! [`ClaimParams::min_contained_words`] words: a partial quote, not a shared noun phrase), the
//! numbers of the shorter content all occur in the longer (`rose 20%` ≠ `rose 25%`), and the
//! two do not each name someone the other does not (a template filled with other names:
//! `director - Clint Eastwood` ≠ `director - Martin Scorsese`; `Mr Blair` ~ `Tony Blair`). Union-find turns
//! kept pairs into claims. A claim's first appearance is its earliest dated member (undated
//! members sort last; ties by document id), and `claim_links` lists every appearance in order
//! with whom it credits and, when it credits an outlet that carried the claim earlier, that
//! earlier appearance. An attribution that has reported attributions inside it (a parent)
//! takes no part: the claim is what its innermost source said.

use crate::minhash::{intersection, lsh_candidates, normalize_content, shingles, MinHasher};
use crate::names::normalize;
use crate::union_find::UnionFind;
use rusqlite::{params, Connection};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Knobs of claim grouping (defaults are what `relink` uses).
#[derive(Debug, Clone)]
pub struct ClaimParams {
    pub shingle_chars: usize,
    pub num_hashes: usize,
    pub rows_per_band: usize,
    pub seed: u64,
    pub jaccard: f64,
    pub containment: f64,
    /// Contents shorter than this (`it`, `so`) say too little to be a claim.
    pub min_words: usize,
    /// A content shorter than this joins a longer one only by Jaccard, not by containment.
    pub min_contained_words: usize,
}

impl Default for ClaimParams {
    fn default() -> Self {
        ClaimParams {
            shingle_chars: 5,
            num_hashes: 128,
            rows_per_band: 4,
            seed: 0x5eed_c1a1,
            jaccard: 0.5,
            containment: 0.8,
            min_words: 5,
            min_contained_words: 8,
        }
    }
}

#[derive(Debug, Clone)]
struct Member {
    id: i64,
    doc: i64,
    doc_id: String,
    published: Option<String>,
    outlet: Option<String>,
    outlet_ce: Option<i64>,
    content: String,
    cites: Vec<(String, Option<i64>)>,
}

/// Decide which contents group together: a component index per content.
pub fn group_contents(contents: &[&str], p: &ClaimParams) -> Vec<Option<usize>> {
    let norms: Vec<String> = contents.iter().map(|c| normalize_content(c)).collect();
    let eligible: Vec<usize> = (0..contents.len())
        .filter(|&i| norms[i].split(' ').filter(|w| !w.is_empty()).count() >= p.min_words)
        .collect();
    let sh: Vec<Vec<u64>> = eligible
        .iter()
        .map(|&i| shingles(&norms[i], p.shingle_chars))
        .collect();
    let mh = MinHasher::new(p.num_hashes, p.seed);
    let sigs: Vec<Vec<u64>> = sh.iter().map(|s| mh.signature(s)).collect();
    // Numbers are what most often tells two near-identical sentences apart (`rose 20%` vs
    // `rose 25%`): the numbers of the shorter content must all be in the longer one.
    let numbers: Vec<BTreeSet<&str>> = eligible.iter().map(|&i| numbers_of(contents[i])).collect();
    let names: Vec<BTreeSet<String>> = eligible.iter().map(|&i| name_words(contents[i])).collect();
    let word_counts: Vec<usize> = eligible
        .iter()
        .map(|&i| norms[i].split(' ').filter(|w| !w.is_empty()).count())
        .collect();
    let mut uf = UnionFind::new(eligible.len());
    for (a, b) in lsh_candidates(&sigs, p.rows_per_band) {
        if !names[a].is_subset(&names[b]) && !names[b].is_subset(&names[a]) {
            continue;
        }
        let (na, nb) = (&numbers[a], &numbers[b]);
        let numbers_agree = if na.len() <= nb.len() {
            na.is_subset(nb)
        } else {
            nb.is_subset(na)
        };
        if !numbers_agree {
            continue;
        }
        let inter = intersection(&sh[a], &sh[b]) as f64;
        let (la, lb) = (sh[a].len() as f64, sh[b].len() as f64);
        let jac = inter / (la + lb - inter).max(1.0);
        let contain = inter / la.min(lb).max(1.0);
        let shorter_words = word_counts[a].min(word_counts[b]);
        if jac >= p.jaccard || (contain >= p.containment && shorter_words >= p.min_contained_words)
        {
            uf.union(a, b);
        }
    }
    let mut out = vec![None; contents.len()];
    for (k, &i) in eligible.iter().enumerate() {
        out[i] = Some(eligible[uf.find(k)]);
    }
    out
}

/// The numbers a content states, as written (`2.4%` stays one number, not `2` and `4`).
fn numbers_of(content: &str) -> BTreeSet<&str> {
    content
        .split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '"' | '“' | '”' | ';'))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().any(|c| c.is_ascii_digit()))
        .collect()
}

/// Honorifics, which one outlet writes and another leaves out (`Mr Blair`, `Tony Blair`).
const NAME_SKIP: &[&str] = &["mr", "mrs", "ms", "dr", "sir", "miss", "prof", "i"];

/// Lowercased capitalised words of a content that do not open it or a sentence in it: the
/// names it mentions.
fn name_words(content: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut opening = true;
    for w in content.split_whitespace() {
        let word: String = w.chars().filter(|c| c.is_alphanumeric()).collect();
        let capital = word.chars().next().is_some_and(char::is_uppercase);
        if capital && !opening {
            let lower = word.to_lowercase();
            if !NAME_SKIP.contains(&lower.as_str()) {
                out.insert(lower);
            }
        }
        opening = w.ends_with(['.', '!', '?', ':', '"', '“', '”']) || word.is_empty() && opening;
    }
    out
}

/// Rebuild `claims`, `claim_links` and `attributions.claim`. Returns the number of claims.
pub(crate) fn rebuild_claims(conn: &Connection, p: &ClaimParams) -> rusqlite::Result<usize> {
    conn.execute("DELETE FROM claim_links", [])?;
    conn.execute("DELETE FROM claims", [])?;
    conn.execute(
        "UPDATE attributions SET claim = NULL WHERE claim IS NOT NULL",
        [],
    )?;

    let members = load_members(conn)?;
    let contents: Vec<&str> = members.iter().map(|m| m.content.as_str()).collect();
    let comp = group_contents(&contents, p);
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, c) in comp.iter().enumerate() {
        if let Some(c) = c {
            groups.entry(*c).or_default().push(i);
        }
    }

    let mut ins = conn.prepare(
        "INSERT INTO claims(text, first_attribution, first_doc, first_published, first_outlet,
                            first_source, n_attributions, n_docs, n_outlets)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    let mut link = conn.prepare(
        "INSERT INTO claim_links(claim, seq, attribution, doc, published, outlet, cites, cites_earlier)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    let mut set = conn.prepare("UPDATE attributions SET claim = ?1 WHERE id = ?2")?;
    for mut idx in groups.into_values() {
        idx.sort_by(|&a, &b| order_key(&members[a]).cmp(&order_key(&members[b])));
        let first = &members[idx[0]];
        let docs: BTreeSet<i64> = idx.iter().map(|&i| members[i].doc).collect();
        let outlets: BTreeSet<String> = idx
            .iter()
            .filter_map(|&i| members[i].outlet.as_deref().map(normalize))
            .collect();
        ins.execute(params![
            first.content,
            first.id,
            first.doc,
            first.published,
            first.outlet,
            first.cites.last().map(|c| &c.0),
            idx.len() as i64,
            docs.len() as i64,
            outlets.len() as i64,
        ])?;
        let claim = conn.last_insert_rowid();
        // Outlets (by normalised name and by corpus entity) seen so far, with their appearance.
        let mut earlier_by_name: HashMap<String, i64> = HashMap::new();
        let mut earlier_by_ce: HashMap<i64, i64> = HashMap::new();
        for (seq, &i) in idx.iter().enumerate() {
            let m = &members[i];
            let credited = m.cites.first();
            let cites_earlier = credited.and_then(|(name, ce)| {
                ce.and_then(|ce| earlier_by_ce.get(&ce).copied())
                    .or_else(|| earlier_by_name.get(&normalize(name)).copied())
            });
            let chain: Vec<&str> = m.cites.iter().map(|c| c.0.as_str()).collect();
            link.execute(params![
                claim,
                seq as i64,
                m.id,
                m.doc,
                m.published,
                m.outlet,
                (!chain.is_empty()).then(|| chain.join(" > ")),
                cites_earlier,
            ])?;
            set.execute(params![claim, m.id])?;
            if let Some(o) = &m.outlet {
                earlier_by_name.entry(normalize(o)).or_insert(m.id);
            }
            if let Some(ce) = m.outlet_ce {
                earlier_by_ce.entry(ce).or_insert(m.id);
            }
        }
    }
    Ok(conn.query_row("SELECT count(*) FROM claims", [], |r| r.get::<_, i64>(0))? as usize)
}

fn order_key(m: &Member) -> (bool, String, String, i64) {
    (
        m.published.is_none(),
        m.published.clone().unwrap_or_default(),
        m.doc_id.clone(),
        m.id,
    )
}

fn load_members(conn: &Connection) -> rusqlite::Result<Vec<Member>> {
    // Sources of every attribution and its parent, to spell out chains.
    let mut parent: HashMap<i64, i64> = HashMap::new();
    let mut source: HashMap<i64, (String, Option<i64>)> = HashMap::new();
    let mut out = Vec::new();
    let mut st = conn.prepare(
        "SELECT a.id, a.doc, d.doc_id, d.published, coalesce(o.name, d.site), o.corpus_entity,
                a.content_text, a.parent, a.source_text, a.source_corpus_entity
         FROM attributions a JOIN documents d ON d.id = a.doc
         LEFT JOIN outlets o ON o.id = d.outlet
         ORDER BY d.doc_id, a.id",
    )?;
    let mut q = st.query([])?;
    while let Some(r) = q.next()? {
        let id: i64 = r.get(0)?;
        if let Some(p) = r.get::<_, Option<i64>>(7)? {
            parent.insert(id, p);
        }
        if let Some(s) = r.get::<_, Option<String>>(8)? {
            source.insert(id, (s, r.get(9)?));
        }
        out.push(Member {
            id,
            doc: r.get(1)?,
            doc_id: r.get(2)?,
            published: r.get(3)?,
            outlet: r.get(4)?,
            outlet_ce: r.get(5)?,
            content: r.get(6)?,
            cites: Vec::new(),
        });
    }
    // A content that contains a reported attribution (`Corriere reported [Ivanov declared X]`)
    // is not itself the claim: its child's content is. Leave parents out of the grouping.
    let parents: std::collections::HashSet<i64> = parent.values().copied().collect();
    out.retain(|m| !parents.contains(&m.id));
    for m in &mut out {
        // Outermost credited source first: `Corriere della Sera > Ivanov`.
        let mut chain = Vec::new();
        let mut cur = Some(m.id);
        let mut guard = 0;
        while let Some(a) = cur {
            if let Some(s) = source.get(&a) {
                chain.push(s.clone());
            }
            cur = parent.get(&a).copied();
            guard += 1;
            if guard > 16 {
                break; // a parent cycle in hostile input
            }
        }
        chain.reverse();
        m.cites = chain;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_rephrasings_not_neighbours() {
        let c = [
            "the government had no plans to raise taxes after the election",
            "The government has no plans to raise taxes after the election.",
            "the government would cut taxes before the election",
            "it",
            "quarterly profits at the firm jumped 76% to $1.13bn for the three months",
            "Quarterly profits at the firm jumped 67% to $1.13bn for the three months",
            "quarterly profits at the firm jumped 76 % to $1.13bn for the three months to December",
        ];
        let g = group_contents(&c, &ClaimParams::default());
        assert_eq!(g[0], g[1]);
        assert_ne!(g[0], g[2]);
        assert_eq!(g[3], None);
        assert_ne!(g[4], g[5], "different numbers, different claims");
        assert_eq!(g[4], g[6]);
    }

    #[test]
    fn templates_and_shared_phrases_stay_apart() {
        let c = [
            "Film - The Aviator; director - Clint Eastwood; actor - Jamie Foxx; actress - Hilary Swank.",
            "Film - The Aviator; director - Martin Scorsese; actor - Jamie Foxx; actress - Hilary Swank.",
            "the North American box office for a second weekend",
            "the top of the North American box office with his film Hide and Seek",
            "Mr Blair would stand by the pledge on tuition fees in the next parliament",
            "Tony Blair would stand by the pledge on tuition fees in the next parliament",
        ];
        let g = group_contents(&c, &ClaimParams::default());
        assert_ne!(g[0], g[1], "the same template naming other people");
        assert_ne!(g[2], g[3], "a shared noun phrase is not a claim");
        assert_eq!(
            g[4], g[5],
            "an honorific for a first name is the same claim"
        );
    }
}
