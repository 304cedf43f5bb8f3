-- The `according` corpus store (SQLite 3, WAL, FTS5). Open it with `sqlite3 corpus.db`.
--
-- Conventions
--   * Every text offset (start/end) is in Unicode code points, end-exclusive, into
--     documents.text: the same convention as the public JSON schema and brat.
--   * `doc` columns reference documents.id (an integer rowid); `local_id` columns keep the
--     document-scoped ids of the JSON (`e3`, `a9`).
--   * Per-document rows (sentences, notes, entities, entity_mentions, mentions, attributions)
--     are written by indexing, one transaction per batch of documents.
--   * Corpus-level rows (corpus_entities, corpus_entity_aliases, entity_roles, claims,
--     claim_members, claim_links, outlets.corpus_entity, *.corpus_entity / claim columns) are
--     derived: `Store::relink` recomputes them from the per-document rows in one transaction.
--   * List-valued fields (authors, roles, spans, flags) are JSON arrays in TEXT columns
--     (query them with json_each).
--   * REFERENCES clauses document the links; SQLite does not enforce them here (derived rows
--     are rebuilt by relink rather than cascaded).

CREATE TABLE IF NOT EXISTS store_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- A publishing outlet (Doc.meta.site), one row per distinct normalised name.
CREATE TABLE IF NOT EXISTS outlets (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL,
    norm          TEXT NOT NULL UNIQUE,      -- normalised name (lowercase, no punctuation)
    corpus_entity INTEGER                    -- the outlet as a cross-document entity (derived)
);

CREATE TABLE IF NOT EXISTS documents (
    id           INTEGER PRIMARY KEY,
    doc_id       TEXT NOT NULL UNIQUE,       -- Doc.id
    source       TEXT NOT NULL,              -- path, path:line, warc#offset
    url          TEXT,
    title        TEXT,
    site         TEXT,                       -- Doc.meta.site as read
    outlet       INTEGER REFERENCES outlets(id),
    published    TEXT,                       -- ISO 8601 where parsed
    language     TEXT,
    authors      TEXT NOT NULL DEFAULT '[]', -- JSON array
    content_hash TEXT NOT NULL,              -- sha256 of what was indexed; unchanged = skipped
    text         TEXT NOT NULL,              -- original text; every offset points into it
    n_chars      INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_outlet ON documents(outlet);
CREATE INDEX IF NOT EXISTS documents_published ON documents(published);

-- Cleaning notes (boilerplate, mojibake repaired, lost characters, truncated paragraphs...).
CREATE TABLE IF NOT EXISTS notes (
    doc    INTEGER NOT NULL REFERENCES documents(id),
    idx    INTEGER NOT NULL,
    kind   TEXT NOT NULL,
    start  INTEGER NOT NULL,
    end    INTEGER NOT NULL,
    detail TEXT NOT NULL,
    PRIMARY KEY (doc, idx)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS sentences (
    doc   INTEGER NOT NULL REFERENCES documents(id),
    idx   INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end   INTEGER NOT NULL,
    PRIMARY KEY (doc, idx)
) WITHOUT ROWID;

-- Named mentions found by NER (`type`: PERSON, ORG, OUTLET, GPE, ...).
CREATE TABLE IF NOT EXISTS mentions (
    id    INTEGER PRIMARY KEY,
    doc   INTEGER NOT NULL REFERENCES documents(id),
    start INTEGER NOT NULL,
    end   INTEGER NOT NULL,
    text  TEXT NOT NULL,
    type  TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS mentions_doc ON mentions(doc, start);

-- Entities of one document (Doc.entities): a person/outlet/organization and its mentions.
CREATE TABLE IF NOT EXISTS entities (
    id            INTEGER PRIMARY KEY,
    doc           INTEGER NOT NULL REFERENCES documents(id),
    local_id      TEXT NOT NULL,             -- `e3`
    name          TEXT NOT NULL,             -- canonical full name in this document
    type          TEXT NOT NULL,             -- person|organization|outlet|government|country|group|other
    roles         TEXT NOT NULL DEFAULT '[]',-- JSON array
    affiliation   TEXT,
    corpus_entity INTEGER,                   -- derived: the merged cross-document entity
    UNIQUE (doc, local_id)
);
CREATE INDEX IF NOT EXISTS entities_corpus ON entities(corpus_entity);

-- Each mention span of a document entity.
CREATE TABLE IF NOT EXISTS entity_mentions (
    entity INTEGER NOT NULL REFERENCES entities(id),
    doc    INTEGER NOT NULL REFERENCES documents(id),
    start  INTEGER NOT NULL,
    end    INTEGER NOT NULL,
    text   TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS entity_mentions_entity ON entity_mentions(entity);
CREATE INDEX IF NOT EXISTS entity_mentions_doc ON entity_mentions(doc, start);

-- Who said what: source, cue and content, as offsets and text.
CREATE TABLE IF NOT EXISTS attributions (
    id             INTEGER PRIMARY KEY,
    doc            INTEGER NOT NULL REFERENCES documents(id),
    local_id       TEXT NOT NULL,            -- `a9`
    kind           TEXT NOT NULL,            -- direct|indirect|mixed|according_to|nominal|headline|other
    source_text    TEXT,                     -- NULL when the attribution has no source
    source_norm    TEXT,                     -- normalised source_text, for lookup
    source_start   INTEGER,
    source_end     INTEGER,
    source_type    TEXT,                     -- person|organization|outlet|government|group|vague|unknown
    source_role    TEXT,
    source_entity  INTEGER REFERENCES entities(id),
    cue_text       TEXT NOT NULL,
    cue_start      INTEGER NOT NULL,
    cue_end        INTEGER NOT NULL,
    cue_spans      TEXT NOT NULL,            -- JSON [[start,end],...]
    content_text   TEXT NOT NULL,
    content_start  INTEGER NOT NULL,
    content_end    INTEGER NOT NULL,
    content_spans  TEXT NOT NULL,            -- JSON [[start,end],...]
    parent_local   TEXT,                     -- `a10`: reported within that attribution
    parent         INTEGER REFERENCES attributions(id),
    flags          TEXT NOT NULL DEFAULT '[]', -- JSON array of flag names
    vague          INTEGER NOT NULL,         -- 1 if flags has vague_source
    anonymous      INTEGER NOT NULL,         -- 1 if flags has anonymous_source
    no_source      INTEGER NOT NULL,         -- 1 if flags has no_source or source is NULL
    hedged         INTEGER NOT NULL,
    denial         INTEGER NOT NULL,
    confidence     REAL NOT NULL,
    source_corpus_entity INTEGER,            -- derived: who said it, across documents
    claim          INTEGER,                  -- derived: claims.id
    UNIQUE (doc, local_id)
);
CREATE INDEX IF NOT EXISTS attributions_source_ce ON attributions(source_corpus_entity);
CREATE INDEX IF NOT EXISTS attributions_claim ON attributions(claim);
CREATE INDEX IF NOT EXISTS attributions_source_entity ON attributions(source_entity);
CREATE INDEX IF NOT EXISTS attributions_source_norm ON attributions(source_norm);

-- The names of a source that names several together (`Sony, IBM and Toshiba`): one row each,
-- with its entity; the attribution's own source_entity is then NULL.
CREATE TABLE IF NOT EXISTS source_members (
    attribution INTEGER NOT NULL REFERENCES attributions(id),
    doc         INTEGER NOT NULL REFERENCES documents(id),
    text        TEXT NOT NULL,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    type        TEXT NOT NULL,
    role        TEXT,
    entity      INTEGER REFERENCES entities(id)
);
CREATE INDEX IF NOT EXISTS source_members_attribution ON source_members(attribution);
CREATE INDEX IF NOT EXISTS source_members_entity ON source_members(entity);
CREATE INDEX IF NOT EXISTS source_members_doc ON source_members(doc);

-- Full-text search over what was said (and who said it).
CREATE VIRTUAL TABLE IF NOT EXISTS attributions_fts USING fts5(
    content_text, source_text,
    content = 'attributions', content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER IF NOT EXISTS attributions_fts_insert AFTER INSERT ON attributions BEGIN
    INSERT INTO attributions_fts(rowid, content_text, source_text)
    VALUES (new.id, new.content_text, new.source_text);
END;
CREATE TRIGGER IF NOT EXISTS attributions_fts_delete AFTER DELETE ON attributions BEGIN
    INSERT INTO attributions_fts(attributions_fts, rowid, content_text, source_text)
    VALUES ('delete', old.id, old.content_text, old.source_text);
END;

-- Cross-document entities: document entities (and outlets) merged by name variants.
CREATE TABLE IF NOT EXISTS corpus_entities (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,                -- the most frequent full form
    type       TEXT NOT NULL,
    n_docs     INTEGER NOT NULL,
    n_mentions INTEGER NOT NULL,
    merged_by  TEXT NOT NULL                 -- JSON array of the rules that merged it
);
CREATE INDEX IF NOT EXISTS corpus_entities_name ON corpus_entities(name);

CREATE TABLE IF NOT EXISTS corpus_entity_aliases (
    corpus_entity INTEGER NOT NULL REFERENCES corpus_entities(id),
    alias         TEXT NOT NULL,             -- a surface form seen in the corpus
    norm          TEXT NOT NULL,             -- normalised form, for lookup
    n             INTEGER NOT NULL,
    PRIMARY KEY (corpus_entity, alias)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS corpus_entity_aliases_norm ON corpus_entity_aliases(norm);

-- Roles over time: a role as given in a document, with that document's date.
CREATE TABLE IF NOT EXISTS entity_roles (
    corpus_entity INTEGER NOT NULL REFERENCES corpus_entities(id),
    role          TEXT NOT NULL,
    date          TEXT,
    doc           INTEGER NOT NULL REFERENCES documents(id)
);
CREATE INDEX IF NOT EXISTS entity_roles_entity ON entity_roles(corpus_entity, date);

-- Claims: attribution contents that say the same thing across documents.
CREATE TABLE IF NOT EXISTS claims (
    id                INTEGER PRIMARY KEY,
    text              TEXT NOT NULL,         -- content of the first appearance
    first_attribution INTEGER NOT NULL REFERENCES attributions(id),
    first_doc         INTEGER NOT NULL REFERENCES documents(id),
    first_published   TEXT,
    first_outlet      TEXT,
    first_source      TEXT,
    n_attributions    INTEGER NOT NULL,
    n_docs            INTEGER NOT NULL,
    n_outlets         INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS claims_outlets ON claims(n_outlets DESC, n_docs DESC);

-- The chain: each appearance of a claim, in order, and whom it cites.
CREATE TABLE IF NOT EXISTS claim_links (
    claim          INTEGER NOT NULL REFERENCES claims(id),
    seq            INTEGER NOT NULL,         -- 0 = first appearance
    attribution    INTEGER NOT NULL REFERENCES attributions(id),
    doc            INTEGER NOT NULL REFERENCES documents(id),
    published      TEXT,
    outlet         TEXT,                     -- who published this appearance
    cites          TEXT,                     -- whom it credits: source, via parents (`Corriere della Sera > Ivanov`)
    cites_earlier  INTEGER REFERENCES attributions(id), -- an earlier appearance by the outlet it credits
    PRIMARY KEY (claim, seq)
) WITHOUT ROWID;
