-- People are looked up by family name when merged across articles: an indexed key
-- instead of a LIKE scan over every person's merge key. Filled by the actors corpus
-- step (rows from before this migration are filled on its next run).
ALTER TABLE actors ADD COLUMN surname_key TEXT;
CREATE INDEX actors_surname_key ON actors(kind, surname_key);
