-- "digest --since last": remember which articles had been stored when the digest was
-- last asked for (the highest article rowid), not only the time. Times have a one-second
-- grain, so an ingest in the same second as the request could not be told apart.
ALTER TABLE story_digest_asked ADD COLUMN seen_rowid INTEGER;
