-- A story's most distinctive terms (heaviest under the idf when it was last saved): the
-- clusterer finds a dormant story (last seen before its time window) by the keys it shares
-- with a new article, one indexed read per key, never a scan of every story.
CREATE TABLE IF NOT EXISTS story_keys (
    term TEXT NOT NULL,
    story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    PRIMARY KEY (term, story_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS story_keys_story ON story_keys(story_id);
