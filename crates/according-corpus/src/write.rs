//! Writing one document's rows, and deleting them (for a changed document).

use crate::names::normalize;
use according_core::json::{DocJson, PiecesJson};
use according_core::{Doc, Flag};
use rusqlite::{params, Connection, OptionalExtension};
use std::collections::HashMap;

/// Delete every per-document row of document `rowid` (the document row included).
pub(crate) fn delete_doc_rows(conn: &Connection, rowid: i64) -> rusqlite::Result<()> {
    for table in [
        "notes",
        "sentences",
        "mentions",
        "entity_mentions",
        "entities",
        "source_members",
        "attributions",
    ] {
        conn.prepare_cached(&format!("DELETE FROM {table} WHERE doc = ?1"))?
            .execute([rowid])?;
    }
    conn.prepare_cached("DELETE FROM documents WHERE id = ?1")?
        .execute([rowid])?;
    Ok(())
}

/// The outlet row for a site name, created on first sight.
pub(crate) fn outlet_id(conn: &Connection, site: &str) -> rusqlite::Result<Option<i64>> {
    let norm = normalize(site);
    if norm.is_empty() {
        return Ok(None);
    }
    conn.prepare_cached("INSERT OR IGNORE INTO outlets(name, norm) VALUES (?1, ?2)")?
        .execute(params![site.trim(), norm])?;
    conn.prepare_cached("SELECT id FROM outlets WHERE norm = ?1")?
        .query_row([norm], |r| r.get(0))
        .optional()
}

fn json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "[]".into())
}

fn spans_json(p: &PiecesJson) -> String {
    json(&p.spans)
}

/// Insert one analysed document (offsets converted to code points via the public schema).
pub(crate) fn insert_doc(conn: &Connection, doc: &Doc, hash: &str) -> rusqlite::Result<()> {
    let dj = DocJson::from_doc(doc);
    let outlet = match dj.meta.site.as_deref() {
        Some(s) => outlet_id(conn, s)?,
        None => None,
    };
    conn.prepare_cached(
        "INSERT INTO documents(doc_id, source, url, title, site, outlet, published, language,
                               authors, content_hash, text, n_chars)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?
    .execute(params![
        dj.id,
        dj.source,
        dj.meta.url,
        dj.meta.title,
        dj.meta.site,
        outlet,
        dj.meta.published,
        dj.meta.language,
        json(&dj.meta.authors),
        hash,
        dj.text,
        dj.text.chars().count() as i64,
    ])?;
    let d = conn.last_insert_rowid();

    let mut st = conn.prepare_cached(
        "INSERT INTO notes(doc, idx, kind, start, end, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (i, n) in dj.notes.iter().enumerate() {
        let kind = serde_json::to_value(n.kind)
            .ok()
            .and_then(|v| v.as_str().map(String::from));
        st.execute(params![
            d,
            i as i64,
            kind,
            n.start as i64,
            n.end as i64,
            n.detail
        ])?;
    }
    let mut st =
        conn.prepare_cached("INSERT INTO sentences(doc, idx, start, end) VALUES (?1, ?2, ?3, ?4)")?;
    for (i, s) in dj.sentences.iter().enumerate() {
        st.execute(params![d, i as i64, s.start as i64, s.end as i64])?;
    }
    let mut st = conn.prepare_cached(
        "INSERT INTO mentions(doc, start, end, text, type) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for m in &dj.mentions {
        st.execute(params![d, m.start as i64, m.end as i64, m.text, m.kind])?;
    }

    let chars: Vec<char> = if dj.entities.is_empty() {
        Vec::new()
    } else {
        dj.text.chars().collect()
    };
    let mut entity_rows: HashMap<&str, i64> = HashMap::new();
    let mut st = conn.prepare_cached(
        "INSERT INTO entities(doc, local_id, name, type, roles, affiliation)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    let mut stm = conn.prepare_cached(
        "INSERT INTO entity_mentions(entity, doc, start, end, text) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for e in &dj.entities {
        let kind = enum_name(&e.kind);
        st.execute(params![
            d,
            e.id,
            e.name,
            kind,
            json(&e.roles),
            e.affiliation
        ])?;
        let eid = conn.last_insert_rowid();
        entity_rows.insert(e.id.as_str(), eid);
        for [a, b] in &e.mentions {
            let text: String = chars
                .get(*a..*b)
                .map(|c| c.iter().collect())
                .unwrap_or_default();
            stm.execute(params![eid, d, *a as i64, *b as i64, text])?;
        }
    }

    let mut st = conn.prepare_cached(
        "INSERT INTO attributions(doc, local_id, kind, source_text, source_norm, source_start, source_end,
            source_type, source_role, source_entity, cue_text, cue_start, cue_end, cue_spans,
            content_text, content_start, content_end, content_spans, parent_local, flags,
            vague, anonymous, no_source, hedged, denial, confidence)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
                 ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26)",
    )?;
    let mut attr_rows: HashMap<&str, i64> = HashMap::new();
    for a in &dj.attributions {
        let s = a.source.as_ref();
        let has = |f: Flag| a.flags.contains(&f) as i64;
        st.execute(params![
            d,
            a.id,
            enum_name(&a.kind),
            s.map(|s| &s.text),
            s.map(|s| normalize(&s.text)),
            s.map(|s| s.start as i64),
            s.map(|s| s.end as i64),
            s.map(|s| enum_name(&s.kind)),
            s.and_then(|s| s.role.as_ref()),
            s.and_then(|s| s.entity.as_deref())
                .and_then(|e| entity_rows.get(e)),
            a.cue.text,
            a.cue.start as i64,
            a.cue.end as i64,
            spans_json(&a.cue),
            a.content.text,
            a.content.start as i64,
            a.content.end as i64,
            spans_json(&a.content),
            a.parent,
            json(&a.flags),
            has(Flag::VagueSource),
            has(Flag::AnonymousSource),
            (a.flags.contains(&Flag::NoSource) || s.is_none()) as i64,
            has(Flag::Hedged),
            has(Flag::Denial),
            a.confidence as f64,
        ])?;
        let row = conn.last_insert_rowid();
        attr_rows.insert(a.id.as_str(), row);
        for m in s.map_or(&[][..], |s| &s.members[..]) {
            conn.prepare_cached(
                "INSERT INTO source_members(attribution, doc, text, start, end, type, role, entity)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?
            .execute(params![
                row,
                d,
                m.text,
                m.start as i64,
                m.end as i64,
                enum_name(&m.kind),
                m.role,
                m.entity.as_deref().and_then(|e| entity_rows.get(e)),
            ])?;
        }
    }
    let mut st = conn.prepare_cached("UPDATE attributions SET parent = ?1 WHERE id = ?2")?;
    for a in &dj.attributions {
        if let (Some(p), Some(me)) = (a.parent.as_deref(), attr_rows.get(a.id.as_str())) {
            if let Some(pid) = attr_rows.get(p) {
                st.execute(params![pid, me])?;
            }
        }
    }
    Ok(())
}

/// The snake_case name serde gives an enum variant (`according_to`, `person`).
pub(crate) fn enum_name<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
}

/// Id of a document row by its `doc_id`.
pub fn doc_rowid(conn: &Connection, doc_id: &str) -> rusqlite::Result<Option<i64>> {
    conn.prepare_cached("SELECT id FROM documents WHERE doc_id = ?1")?
        .query_row([doc_id], |r| r.get(0))
        .optional()
}
