-- What the cleaner doubted and did not do, per article: "the rules would have removed most
-- of the prose (photo-caption ...): kept", "HTML cut short (</html without its >): cleaned".
CREATE TABLE IF NOT EXISTS clean_warnings (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    warning TEXT NOT NULL,
    PRIMARY KEY (article_id, seq)
);
