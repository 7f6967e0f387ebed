-- What happened, when, where: temporal expressions, resolved toponyms and PLOVER events.
-- Every row points back to articles(id) and a [start, end) char span of articles.text.

CREATE TABLE timexes (
    id          INTEGER PRIMARY KEY,
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    text        TEXT NOT NULL,
    type        TEXT NOT NULL,              -- TIMEX3 type: DATE, TIME, DURATION, SET
    value       TEXT,                       -- TIMEX3 value (2023-07-26, 2023-W30, P3D ...); NULL if unanchored
    mod         TEXT,                       -- TIMEX3 mod (ON_OR_AFTER for "since 1960" ...)
    signal      TEXT,                       -- governing preposition: since, until, on ...
    tense       TEXT NOT NULL,              -- past | present | future of its clause
    zone        TEXT,                       -- zone as written ("ET")
    utc_offset  TEXT,                       -- "+01:00"
    anchored_on TEXT                        -- publication | narrative | NULL (absolute)
);
CREATE INDEX timexes_article ON timexes(article_id);
CREATE INDEX timexes_value ON timexes(value);

CREATE TABLE places (
    id           INTEGER PRIMARY KEY,
    article_id   TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start        INTEGER NOT NULL,
    end          INTEGER NOT NULL,
    text         TEXT NOT NULL,             -- the toponym as written
    name         TEXT NOT NULL,             -- gazetteer name
    feature      TEXT NOT NULL,             -- city | country | region | admin | continent
    country      TEXT,                      -- ISO 3166-1 alpha-2; NULL for multi-country regions
    lat          REAL,
    lon          REAL,
    geonameid    INTEGER,
    is_dateline  INTEGER NOT NULL DEFAULT 0,
    confidence   REAL NOT NULL
);
CREATE INDEX places_article ON places(article_id);
CREATE INDEX places_country ON places(country);

CREATE TABLE events (
    id             INTEGER PRIMARY KEY,
    article_id     TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start          INTEGER NOT NULL,        -- evidence: the sentence (or clause) that states it
    end            INTEGER NOT NULL,
    trigger_start  INTEGER NOT NULL,        -- the trigger word inside the evidence
    trigger_end    INTEGER NOT NULL,
    type           TEXT NOT NULL,           -- PLOVER event type
    mode           TEXT,                    -- PLOVER mode (detain, curfew, demo ...)
    modality       TEXT NOT NULL,           -- asserted | future | hypothetical
    in_quote       INTEGER NOT NULL DEFAULT 0,  -- reported inside a quotation
    source_actor   TEXT,
    source_country TEXT,                    -- ISO alpha-3 (PLOVER/POLECAT actor codes)
    target_actor   TEXT,
    target_country TEXT,
    place          TEXT,
    country        TEXT,                    -- ISO alpha-2 of the place
    lat            REAL,
    lon            REAL,
    date           TEXT,                    -- when it happened, from the text (YYYY-MM-DD); NULL if not said
    date_text      TEXT,
    confidence     REAL NOT NULL,
    method         TEXT NOT NULL            -- rules | learned | rules+learned
);
CREATE INDEX events_article ON events(article_id);
CREATE INDEX events_type ON events(type);
CREATE INDEX events_date ON events(date);
