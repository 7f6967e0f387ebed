-- Stories: per-article story features, syndicated copies, story clusters, stance cues.
-- `stories` and `story_articles` are a contract the web and other features read.

-- What the clusterer and digest need from an article's one NLP pass (dossier.extract.story_features).
CREATE TABLE story_features (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    terms      TEXT NOT NULL,               -- JSON {content lemma: count}
    entities   TEXT NOT NULL,               -- JSON {normalized entity: count}
    n_words    INTEGER NOT NULL
);

-- Digest units: a sentence, or several when one quote runs over them.
CREATE TABLE story_sentences (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    start      INTEGER NOT NULL,
    end        INTEGER NOT NULL,
    truncated  INTEGER NOT NULL DEFAULT 0,  -- unbalanced quotes / no terminal punctuation
    is_quote   INTEGER NOT NULL DEFAULT 0,
    terms      TEXT NOT NULL,               -- JSON [content lemma, ...] in text order
    numbers    TEXT NOT NULL DEFAULT '[]',  -- JSON [[value, noun lemma, verb lemma], ...]
    negated    TEXT NOT NULL DEFAULT '[]',  -- JSON [[subject, verb lemma], ...] negated claims
    PRIMARY KEY (article_id, seq)
);

-- Who backs / opposes whom, as one sentence states it.
CREATE TABLE stance_cues (
    id         INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start      INTEGER NOT NULL,            -- the sentence stating it
    end        INTEGER NOT NULL,
    source     TEXT NOT NULL,
    target     TEXT NOT NULL,
    polarity   INTEGER NOT NULL,            -- +1 supports, -1 opposes
    cue        TEXT NOT NULL                -- the word that says so (back, condemn, release ...)
);
CREATE INDEX stance_cues_article ON stance_cues(article_id);

-- MinHash signature of the clean text, for syndicated-copy detection.
CREATE TABLE article_minhash (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    signature  BLOB NOT NULL                -- datasketch MinHash hashvalues, uint64
);

-- A syndicated copy points to its original, so corroboration counts independent reports.
CREATE TABLE article_copies (
    article_id  TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    original_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    similarity  REAL NOT NULL               -- estimated Jaccard of 5-word shingles
);
CREATE INDEX article_copies_original ON article_copies(original_id);

CREATE TABLE stories (
    id               TEXT PRIMARY KEY,      -- "s" + id of the article that started it: stable
    title            TEXT,                  -- headline of the most central article
    title_article_id TEXT,
    first_seen       TEXT,                  -- earliest publication date of its articles
    last_seen        TEXT,
    n_articles       INTEGER NOT NULL DEFAULT 0,
    centroid         TEXT NOT NULL,         -- JSON {term: summed count} over its articles
    updated_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);
CREATE INDEX stories_last_seen ON stories(last_seen);

CREATE TABLE story_articles (
    story_id   TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    similarity REAL,                        -- score it joined with; NULL for the first
    PRIMARY KEY (story_id, article_id)
);
CREATE INDEX story_articles_article ON story_articles(article_id);

-- Document frequencies for idf, updated as articles arrive (never recomputed over the store).
CREATE TABLE story_term_df (
    term TEXT PRIMARY KEY,
    df   INTEGER NOT NULL
);

-- When a user last asked for a story's digest: `dossier digest ID --since last`.
CREATE TABLE story_digest_asked (
    story_id TEXT PRIMARY KEY REFERENCES stories(id) ON DELETE CASCADE,
    asked_at TEXT NOT NULL
);
