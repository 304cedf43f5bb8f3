//! Reading a document back out of the store, in the public schema.
//!
//! Tokens are not stored (they would be most of the database and no query needs them), so a
//! document read back has everything but `tokens`.

use according_core::json::{
    AttributionJson, DocJson, EntityJson, MentionJson, NoteJson, PiecesJson, SourceJson, SpanJson,
};
use according_core::{Meta, SCHEMA_VERSION};
use rusqlite::{Connection, OptionalExtension, Row};

fn from_name<T: serde::de::DeserializeOwned>(s: &str) -> rusqlite::Result<T> {
    serde_json::from_value(serde_json::Value::String(s.to_string())).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, e.into())
    })
}

fn from_json<T: serde::de::DeserializeOwned>(s: &str) -> rusqlite::Result<T> {
    serde_json::from_str(s).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, e.into())
    })
}

fn u(r: &Row, i: usize) -> rusqlite::Result<usize> {
    Ok(r.get::<_, i64>(i)?.max(0) as usize)
}

/// The document with row id `d`, in the public schema (offsets in code points).
pub fn load_doc_json(conn: &Connection, d: i64) -> rusqlite::Result<Option<DocJson>> {
    let head = conn
        .prepare_cached(
            "SELECT doc_id, source, url, title, site, published, language, authors, text
             FROM documents WHERE id = ?1",
        )?
        .query_row([d], |r| {
            let authors: String = r.get(7)?;
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                Meta {
                    url: r.get(2)?,
                    title: r.get(3)?,
                    site: r.get(4)?,
                    published: r.get(5)?,
                    language: r.get(6)?,
                    authors: from_json(&authors)?,
                },
                r.get::<_, String>(8)?,
            ))
        })
        .optional()?;
    let Some((id, source, meta, text)) = head else {
        return Ok(None);
    };

    let notes = conn
        .prepare_cached("SELECT kind, start, end, detail FROM notes WHERE doc = ?1 ORDER BY idx")?
        .query_map([d], |r| {
            Ok(NoteJson {
                kind: from_name(&r.get::<_, String>(0)?)?,
                start: u(r, 1)?,
                end: u(r, 2)?,
                detail: r.get(3)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    let sentences = conn
        .prepare_cached("SELECT start, end FROM sentences WHERE doc = ?1 ORDER BY idx")?
        .query_map([d], |r| {
            Ok(SpanJson {
                start: u(r, 0)?,
                end: u(r, 1)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    let mentions = conn
        .prepare_cached("SELECT start, end, text, type FROM mentions WHERE doc = ?1 ORDER BY id")?
        .query_map([d], |r| {
            Ok(MentionJson {
                start: u(r, 0)?,
                end: u(r, 1)?,
                text: r.get(2)?,
                kind: r.get(3)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    let mut entities: Vec<EntityJson> = Vec::new();
    let mut rows: Vec<i64> = Vec::new();
    {
        let mut st = conn.prepare_cached(
            "SELECT id, local_id, name, type, roles, affiliation FROM entities
             WHERE doc = ?1 ORDER BY id",
        )?;
        let mut q = st.query([d])?;
        while let Some(r) = q.next()? {
            rows.push(r.get(0)?);
            entities.push(EntityJson {
                id: r.get(1)?,
                name: r.get(2)?,
                kind: from_name(&r.get::<_, String>(3)?)?,
                mentions: Vec::new(),
                roles: from_json(&r.get::<_, String>(4)?)?,
                affiliation: r.get(5)?,
            });
        }
    }
    let mut st = conn.prepare_cached(
        "SELECT start, end FROM entity_mentions WHERE entity = ?1 ORDER BY rowid",
    )?;
    for (e, row) in entities.iter_mut().zip(&rows) {
        e.mentions = st
            .query_map([row], |r| Ok([u(r, 0)?, u(r, 1)?]))?
            .collect::<Result<_, _>>()?;
    }
    let attributions = conn
        .prepare_cached(
            "SELECT a.local_id, a.kind, a.source_text, a.source_start, a.source_end, a.source_type,
                    a.source_role, e.local_id, a.cue_text, a.cue_start, a.cue_end, a.cue_spans,
                    a.content_text, a.content_start, a.content_end, a.content_spans,
                    a.parent_local, a.flags, a.confidence, a.id
             FROM attributions a LEFT JOIN entities e ON e.id = a.source_entity
             WHERE a.doc = ?1 ORDER BY a.id",
        )?
        .query_map([d], |r| {
            let source = match r.get::<_, Option<String>>(2)? {
                Some(text) => Some(SourceJson {
                    text,
                    start: u(r, 3)?,
                    end: u(r, 4)?,
                    kind: from_name(&r.get::<_, String>(5)?)?,
                    role: r.get(6)?,
                    entity: r.get(7)?,
                    members: Vec::new(),
                }),
                None => None,
            };
            let attribution = AttributionJson {
                id: r.get(0)?,
                kind: from_name(&r.get::<_, String>(1)?)?,
                source,
                cue: PiecesJson {
                    text: r.get(8)?,
                    start: u(r, 9)?,
                    end: u(r, 10)?,
                    spans: from_json(&r.get::<_, String>(11)?)?,
                },
                content: PiecesJson {
                    text: r.get(12)?,
                    start: u(r, 13)?,
                    end: u(r, 14)?,
                    spans: from_json(&r.get::<_, String>(15)?)?,
                },
                parent: r.get(16)?,
                flags: from_json(&r.get::<_, String>(17)?)?,
                confidence: r.get::<_, f64>(18)? as f32,
            };
            Ok((r.get::<_, i64>(19)?, attribution))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    let mut st = conn.prepare_cached(
        "SELECT m.text, m.start, m.end, m.type, m.role, e.local_id
         FROM source_members m LEFT JOIN entities e ON e.id = m.entity
         WHERE m.attribution = ?1 ORDER BY m.rowid",
    )?;
    let mut with_members = Vec::with_capacity(attributions.len());
    for (row, mut a) in attributions {
        if let Some(source) = &mut a.source {
            source.members = st
                .query_map([row], |r| {
                    Ok(SourceJson {
                        text: r.get(0)?,
                        start: u(r, 1)?,
                        end: u(r, 2)?,
                        kind: from_name(&r.get::<_, String>(3)?)?,
                        role: r.get(4)?,
                        entity: r.get(5)?,
                        members: Vec::new(),
                    })
                })?
                .collect::<Result<_, _>>()?;
        }
        with_members.push(a);
    }
    let attributions = with_members;
    Ok(Some(DocJson {
        schema_version: SCHEMA_VERSION,
        id,
        source,
        meta,
        text,
        notes,
        sentences,
        tokens: Vec::new(),
        mentions,
        entities,
        attributions,
    }))
}

/// Row ids of all documents, in `doc_id` order (stable across reruns).
pub fn doc_rowids(conn: &Connection) -> rusqlite::Result<Vec<i64>> {
    conn.prepare("SELECT id FROM documents ORDER BY doc_id")?
        .query_map([], |r| r.get(0))?
        .collect()
}
