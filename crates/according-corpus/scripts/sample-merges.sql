-- A reproducible sample of cross-document entity merges, for checking by hand.
--   sqlite3 corpus.db < crates/according-corpus/scripts/sample-merges.sql
-- A merge is a document entity joined to a corpus entity that holds entities of other
-- documents. Every such member except one per corpus entity is a merge; the sample takes
-- members in a fixed pseudo-random order (Knuth's multiplicative hash of the row id), at
-- most two per corpus entity so that big entities do not fill the sample. Each row shows
-- the corpus entity, the rule(s) that built it, and the member's own name, roles,
-- affiliation and document, plus one other document of the same corpus entity to compare.
.mode list
.separator " | "
WITH members AS (
  SELECT e.id, e.corpus_entity AS ce, e.name, e.roles, e.affiliation, d.doc_id,
         ROW_NUMBER() OVER (PARTITION BY e.corpus_entity
                            ORDER BY (e.id * 2654435761) % 4294967296) AS k
  FROM entities e JOIN documents d ON d.id = e.doc
  WHERE e.corpus_entity IN (SELECT id FROM corpus_entities WHERE n_docs > 1)
)
SELECT ce.id, ce.type, ce.name, ce.merged_by, m.name, m.roles, coalesce(m.affiliation, '-'),
       m.doc_id,
       (SELECT d2.doc_id || ': ' || e2.name || ' ' || e2.roles FROM entities e2
          JOIN documents d2 ON d2.id = e2.doc
         WHERE e2.corpus_entity = ce.id AND e2.doc <> (SELECT doc FROM entities WHERE id = m.id)
         ORDER BY e2.id LIMIT 1)
FROM members m JOIN corpus_entities ce ON ce.id = m.ce
WHERE m.k BETWEEN 2 AND 3
ORDER BY (m.id * 2654435761) % 4294967296
LIMIT 60;
