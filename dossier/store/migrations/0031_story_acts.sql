-- Who did a physical act to whom, per digest unit ("held by Zambian police", "stopped by
-- officers of the Zambia Revenue Authority, not by the police"): the corroboration view
-- compares the doers that independent reports give for the same act.
-- JSON [[act, patient lemma|null, doer phrase, doer head lemma, doer organisation|null,
--        denied true|false], ...]
ALTER TABLE story_sentences ADD COLUMN acts TEXT NOT NULL DEFAULT '[]';
