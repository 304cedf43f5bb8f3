-- A reproducible sample of claims that join contents of several documents, for checking by
-- hand: `sqlite3 corpus.db < crates/according-corpus/scripts/sample-claims.sql`.
-- Each row: claim id, the first appearance's content, and a member from another document.
.mode list
.separator " | "
SELECT c.id, d1.doc_id, substr(c.text, 1, 110), d2.doc_id, substr(a.content_text, 1, 110)
FROM claims c
JOIN documents d1 ON d1.id = c.first_doc
JOIN attributions a ON a.id = (SELECT a2.id FROM attributions a2 WHERE a2.claim = c.id
                                 AND a2.doc <> c.first_doc ORDER BY a2.id LIMIT 1)
JOIN documents d2 ON d2.id = a.doc
WHERE c.n_docs > 1
ORDER BY (c.id * 2654435761) % 4294967296
LIMIT 50;
