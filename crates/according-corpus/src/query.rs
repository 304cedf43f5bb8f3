//! The questions the store answers. Each returns a [`Table`]; all are index lookups or
//! bounded scans (see the criterion bench `queries`).

use crate::names::{normalize, person_words};
use crate::table::Table;
use crate::Store;
use rusqlite::params;

/// Columns shared by queries that list attributions.
const ATTR_COLS: &str = "d.doc_id AS doc, d.published AS date, coalesce(o.name, d.site) AS outlet,
    coalesce(ce.name, a.source_text) AS source, a.cue_text AS cue, a.content_text AS content,
    a.kind AS kind, a.flags AS flags, a.claim AS claim";
const ATTR_JOINS: &str = "JOIN documents d ON d.id = a.doc
    LEFT JOIN outlets o ON o.id = d.outlet
    LEFT JOIN corpus_entities ce ON ce.id = a.source_corpus_entity";

/// Turn free text into an FTS5 query: every word must occur (quoted, so user input cannot
/// inject FTS syntax).
pub fn fts_query(text: &str) -> Option<String> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{w}\""))
        .collect();
    (!words.is_empty()).then(|| format!("content_text : ({})", words.join(" AND ")))
}

impl Store {
    /// Corpus entities a name refers to: by any alias seen in the corpus (normalised), or for
    /// people by their name without honorifics. A bare surname shared by several people returns
    /// all of them.
    pub fn resolve_entity(&self, name: &str) -> rusqlite::Result<Vec<i64>> {
        let mut keys = vec![normalize(name)];
        let p = person_words(name).join(" ");
        if !keys.contains(&p) {
            keys.push(p);
        }
        let mut st = self.conn.prepare_cached(
            "SELECT DISTINCT corpus_entity FROM corpus_entity_aliases WHERE norm = ?1 ORDER BY 1",
        )?;
        let mut out = Vec::new();
        for k in keys {
            for id in st.query_map([k], |r| r.get::<_, i64>(0))? {
                let id = id?;
                if !out.contains(&id) {
                    out.push(id);
                }
            }
        }
        Ok(out)
    }

    /// Who said X: attributions whose content matches the words of `text` (best first).
    pub fn who_said(&self, text: &str, limit: usize) -> rusqlite::Result<Table> {
        let Some(q) = fts_query(text) else {
            return Ok(empty(&["doc"]));
        };
        let sql = format!(
            "SELECT {ATTR_COLS} FROM attributions_fts f JOIN attributions a ON a.id = f.rowid
             {ATTR_JOINS} WHERE attributions_fts MATCH ?1 ORDER BY f.rank LIMIT ?2"
        );
        Table::from_statement(
            &mut *self.conn.prepare_cached(&sql)?,
            params![q, limit as i64],
        )
    }

    /// What did entity E say: attributions whose source is E (resolved across documents) or
    /// names E among others (`Sony, IBM and Toshiba`), or, where no source was resolved, whose
    /// source text is E's name.
    pub fn said_by(&self, entity: &str, limit: usize) -> rusqlite::Result<Table> {
        let ids = ids_json(&self.resolve_entity(entity)?);
        let sql = format!(
            "SELECT {ATTR_COLS} FROM attributions a {ATTR_JOINS}
             WHERE a.source_corpus_entity IN (SELECT value FROM json_each(?1))
                OR a.id IN (SELECT m.attribution FROM source_members m
                            JOIN entities e ON e.id = m.entity
                            WHERE e.corpus_entity IN (SELECT value FROM json_each(?1)))
                OR (a.source_corpus_entity IS NULL AND a.source_norm = ?2)
             ORDER BY d.published, d.doc_id, a.content_start LIMIT ?3"
        );
        Table::from_statement(
            &mut *self.conn.prepare_cached(&sql)?,
            params![ids, normalize(entity), limit as i64],
        )
    }

    /// Who is quoted about E: attributions whose content contains a mention of E (and whose
    /// source is not E itself).
    pub fn quoted_about(&self, entity: &str, limit: usize) -> rusqlite::Result<Table> {
        let ids = ids_json(&self.resolve_entity(entity)?);
        let sql = format!(
            "SELECT {ATTR_COLS} FROM attributions a {ATTR_JOINS}
             WHERE a.id IN (
                SELECT a2.id FROM entities e
                JOIN entity_mentions em ON em.entity = e.id
                JOIN attributions a2 ON a2.doc = em.doc
                     AND em.start >= a2.content_start AND em.end <= a2.content_end
                WHERE e.corpus_entity IN (SELECT value FROM json_each(?1)))
               AND (a.source_corpus_entity IS NULL
                    OR a.source_corpus_entity NOT IN (SELECT value FROM json_each(?1)))
             ORDER BY d.published, d.doc_id, a.content_start LIMIT ?2"
        );
        Table::from_statement(
            &mut *self.conn.prepare_cached(&sql)?,
            params![ids, limit as i64],
        )
    }

    /// Which sources does outlet O cite, most cited first.
    pub fn outlet_sources(&self, outlet: &str, limit: usize) -> rusqlite::Result<Table> {
        let ids = ids_json(&self.resolve_entity(outlet)?);
        let sql = "SELECT coalesce(ce.name, a.source_text, '(no source)') AS source,
                    coalesce(ce.type, a.source_type) AS type,
                    count(*) AS attributions, count(DISTINCT a.doc) AS docs
             FROM outlets o JOIN documents d ON d.outlet = o.id
             JOIN attributions a ON a.doc = d.id
             LEFT JOIN corpus_entities ce ON ce.id = a.source_corpus_entity
             WHERE o.norm = ?1 OR o.corpus_entity IN (SELECT value FROM json_each(?2))
             GROUP BY 1 ORDER BY attributions DESC, source LIMIT ?3";
        Table::from_statement(
            &mut *self.conn.prepare_cached(sql)?,
            params![normalize(outlet), ids, limit as i64],
        )
    }

    /// Which outlets cite source S, most often first.
    pub fn source_outlets(&self, source: &str, limit: usize) -> rusqlite::Result<Table> {
        let ids = ids_json(&self.resolve_entity(source)?);
        let sql = "SELECT coalesce(o.name, d.site, '(unknown)') AS outlet,
                    count(*) AS attributions, count(DISTINCT a.doc) AS docs,
                    min(d.published) AS first, max(d.published) AS last
             FROM attributions a JOIN documents d ON d.id = a.doc
             LEFT JOIN outlets o ON o.id = d.outlet
             WHERE a.source_corpus_entity IN (SELECT value FROM json_each(?1))
                OR (a.source_corpus_entity IS NULL AND a.source_norm = ?2)
             GROUP BY 1 ORDER BY attributions DESC, outlet LIMIT ?3";
        Table::from_statement(
            &mut *self.conn.prepare_cached(sql)?,
            params![ids, normalize(source), limit as i64],
        )
    }

    /// Claims carried by the most outlets (then documents).
    pub fn top_claims(&self, limit: usize) -> rusqlite::Result<Table> {
        let sql = "SELECT id AS claim, n_outlets AS outlets, n_docs AS docs,
                    n_attributions AS attributions, first_published AS first_date,
                    first_outlet, first_source, text
             FROM claims ORDER BY n_outlets DESC, n_docs DESC, id LIMIT ?1";
        Table::from_statement(&mut *self.conn.prepare_cached(sql)?, params![limit as i64])
    }

    /// Share of vague or anonymous sourcing per outlet.
    pub fn sourcing_by_outlet(&self, limit: usize) -> rusqlite::Result<Table> {
        let sql = "SELECT coalesce(o.name, '(unknown)') AS outlet, count(*) AS attributions,
                    sum(a.vague) AS vague, sum(a.anonymous) AS anonymous,
                    sum(a.no_source) AS no_source,
                    round(1.0 * sum(a.vague OR a.anonymous) / count(*), 4) AS vague_or_anonymous_share
             FROM attributions a JOIN documents d ON d.id = a.doc
             LEFT JOIN outlets o ON o.id = d.outlet
             GROUP BY d.outlet ORDER BY vague_or_anonymous_share DESC, outlet LIMIT ?1";
        Table::from_statement(&mut *self.conn.prepare_cached(sql)?, params![limit as i64])
    }

    /// Every appearance of a claim, in order, with whom each credits.
    pub fn claim_timeline(&self, claim: i64) -> rusqlite::Result<Table> {
        let sql = "SELECT l.seq, l.published AS date, l.outlet, d.doc_id AS doc, l.cites,
                    e.doc_id AS cites_earlier_doc, a.content_text AS content
             FROM claim_links l JOIN attributions a ON a.id = l.attribution
             JOIN documents d ON d.id = l.doc
             LEFT JOIN attributions ea ON ea.id = l.cites_earlier
             LEFT JOIN documents e ON e.id = ea.doc
             WHERE l.claim = ?1 ORDER BY l.seq";
        Table::from_statement(&mut *self.conn.prepare_cached(sql)?, params![claim])
    }

    /// The claim best matching some words (for `timeline TEXT`).
    pub fn find_claim(&self, text: &str) -> rusqlite::Result<Option<i64>> {
        let Some(q) = fts_query(text) else {
            return Ok(None);
        };
        let mut st = self.conn.prepare_cached(
            "SELECT a.claim FROM attributions_fts f JOIN attributions a ON a.id = f.rowid
             WHERE attributions_fts MATCH ?1 AND a.claim IS NOT NULL ORDER BY f.rank LIMIT 1",
        )?;
        let mut rows = st.query(params![q])?;
        Ok(match rows.next()? {
            Some(r) => Some(r.get(0)?),
            None => None,
        })
    }

    /// A corpus entity: its names, documents and roles over time.
    pub fn entity_profile(&self, name: &str) -> rusqlite::Result<Table> {
        let ids = ids_json(&self.resolve_entity(name)?);
        let sql = "SELECT c.id AS entity, c.name, c.type, c.n_docs AS docs,
                    (SELECT group_concat(alias, ' | ') FROM corpus_entity_aliases x
                      WHERE x.corpus_entity = c.id) AS aliases,
                    (SELECT group_concat(coalesce(r.date, '?') || ' ' || r.role, ' | ')
                       FROM (SELECT DISTINCT date, role FROM entity_roles
                             WHERE corpus_entity = c.id ORDER BY date) r) AS roles,
                    c.merged_by
             FROM corpus_entities c WHERE c.id IN (SELECT value FROM json_each(?1))
             ORDER BY c.n_docs DESC, c.id";
        Table::from_statement(&mut *self.conn.prepare_cached(sql)?, params![ids])
    }
}

fn ids_json(ids: &[i64]) -> String {
    serde_json::to_string(ids).unwrap_or_else(|_| "[]".into())
}

fn empty(cols: &[&str]) -> Table {
    Table {
        columns: cols.iter().map(|s| s.to_string()).collect(),
        rows: Vec::new(),
    }
}
