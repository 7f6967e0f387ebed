-- Who said what: actors (per article and canonical across the corpus), their mentions,
-- roles and aliases, and quotes. Every per-article row carries article_id and a
-- [start, end) char span of articles.text. Countries are ISO 3166-1 alpha-3.

-- Canonical actors across the corpus, filled by the "actors" corpus step.
CREATE TABLE actors (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL,
    kind     TEXT NOT NULL,   -- person | organisation | government | military | armed group | international body | country | group
    country  TEXT,
    merge_key TEXT NOT NULL   -- normalized full name / alias the merge matched on
);
CREATE INDEX actors_name ON actors(name);
CREATE INDEX actors_merge_key ON actors(merge_key);

-- Every surface name an actor goes by ("EU", "European Union"); one alias, one actor.
CREATE TABLE actor_aliases (
    actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    alias    TEXT NOT NULL,   -- normalized (lowercase, no leading "the")
    PRIMARY KEY (alias, actor_id)
);

-- An actor as one article presents it; actor_id is set by the corpus step (NULL for
-- nominals with no country, "the army", which are not merged across articles).
CREATE TABLE article_actors (
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    actor_key   TEXT NOT NULL,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL,
    country     TEXT,
    aliases     TEXT NOT NULL DEFAULT '[]',  -- JSON list of surface names
    mentions    INTEGER NOT NULL,
    start       INTEGER NOT NULL,            -- first mention
    end         INTEGER NOT NULL,
    actor_id    INTEGER REFERENCES actors(id) ON DELETE SET NULL,
    PRIMARY KEY (article_id, actor_key)
);
CREATE INDEX article_actors_actor ON article_actors(actor_id);

CREATE TABLE actor_mentions (
    id           INTEGER PRIMARY KEY,
    article_id   TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start        INTEGER NOT NULL,
    end          INTEGER NOT NULL,
    text         TEXT NOT NULL,
    actor_key    TEXT,                 -- NULL: a pronoun or nominal left unresolved
    kind         TEXT NOT NULL,
    mention_type TEXT NOT NULL,        -- name | nominal | role | pronoun
    country      TEXT,
    role         TEXT
);
CREATE INDEX actor_mentions_article ON actor_mentions(article_id, actor_key);

-- Roles with their evidence span and the publication date of the article that states them.
CREATE TABLE actor_roles (
    id           INTEGER PRIMARY KEY,
    article_id   TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    actor_key    TEXT NOT NULL,
    title        TEXT NOT NULL,
    country      TEXT,
    organisation TEXT,
    start        INTEGER NOT NULL,
    end          INTEGER NOT NULL,
    date         TEXT
);
CREATE INDEX actor_roles_article ON actor_roles(article_id, actor_key);

CREATE TABLE quotes (
    id             INTEGER PRIMARY KEY,
    article_id     TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq            INTEGER NOT NULL,
    kind           TEXT NOT NULL,      -- direct | mixed | indirect
    content        TEXT NOT NULL,
    content_start  INTEGER NOT NULL,
    content_end    INTEGER NOT NULL,
    cue            TEXT,
    cue_start      INTEGER,
    cue_end        INTEGER,
    speaker        TEXT,               -- NULL: speaker unknown (kept, not guessed)
    speaker_start  INTEGER,
    speaker_end    INTEGER,
    speaker_key    TEXT,               -- article_actors.actor_key
    on_behalf_of   TEXT,               -- organisation a spokesperson speaks for
    on_behalf_key  TEXT,
    channel        TEXT,               -- Twitter/X, Facebook, statement, televised address, outlet ...
    channel_start  INTEGER,
    channel_end    INTEGER,
    setting        TEXT,               -- "on a visit to New Zealand"
    setting_start  INTEGER,
    setting_end    INTEGER,
    UNIQUE (article_id, seq)
);
CREATE INDEX quotes_speaker ON quotes(article_id, speaker_key);
