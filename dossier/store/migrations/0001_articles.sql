-- Clean articles, what the cleaner removed from them, refused input, and what was read.
-- Every later fact table references articles(id) plus a [start, end) char span of articles.text.

CREATE TABLE articles (
    id               TEXT PRIMARY KEY,       -- stable hash of the normalized content
    source_path      TEXT NOT NULL,
    locator          TEXT NOT NULL DEFAULT '',  -- line / record / item within source_path
    url              TEXT,
    outlet           TEXT,
    title            TEXT,
    byline           TEXT,
    dateline         TEXT,
    published        TEXT,                   -- ISO 8601 date or datetime, NULL when unknown
    published_source TEXT,                   -- where the date came from: header, html-meta, jsonl, text
    language         TEXT,
    text             TEXT NOT NULL,
    ingested_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_outlet ON articles(outlet);

CREATE TABLE removed_blocks (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    reason     TEXT NOT NULL,
    text       TEXT NOT NULL,
    position   INTEGER NOT NULL,             -- char offset in the pre-clean text
    PRIMARY KEY (article_id, seq)
);

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content='articles', content_rowid='rowid', tokenize='porter unicode61'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
    VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
    VALUES ('delete', old.rowid, old.title, old.text);
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;

CREATE TABLE ingest_errors (
    id          INTEGER PRIMARY KEY,
    source_path TEXT NOT NULL,
    locator     TEXT NOT NULL DEFAULT '',
    reason      TEXT NOT NULL,
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
    UNIQUE (source_path, locator, reason)
);

-- Files fully read: a rerun after a crash skips these (same size, mtime and hash) and resumes.
CREATE TABLE sources (
    path        TEXT PRIMARY KEY,
    size        INTEGER NOT NULL,
    mtime       REAL NOT NULL,
    sha256      TEXT NOT NULL,
    articles    INTEGER NOT NULL,
    errors      INTEGER NOT NULL,
    finished_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);
