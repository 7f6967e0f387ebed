-- The surname index leads with the surname, not with kind. Led by kind, SQLite's planner
-- (no ANALYZE statistics) took it for every `kind = 'person' AND merge_key = ?` look-up
-- too, as an equality on kind, and walked every person: 25,000 VM steps per look-up at
-- 50,000 people (tests/test_actor_merge_bounded.py). Led by the surname it serves only
-- the surname look-ups, and the merge-key look-ups use actors_merge_key.
DROP INDEX IF EXISTS actors_surname_key;
CREATE INDEX actors_surname_key ON actors(surname_key, kind);
