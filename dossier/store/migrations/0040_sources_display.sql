-- The path as the user spelled it when a file was finished: its error rows are stored
-- under that spelling, and a rerun that names the same file another way (./a, a, /abs/a)
-- still finds and counts them.
ALTER TABLE sources ADD COLUMN display TEXT;
