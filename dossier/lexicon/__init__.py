"""Word lists, in one place: every extractor reads its vocabulary from here.

``speech`` (verbs and nouns of saying), ``actors`` (kinds, titles, agent nouns, aliases),
``plover`` (the PLOVER event triggers), ``timex`` (dates, units, zones), ``numbers``
(spelled-out cardinals). Lists that serve different readers stay separate and say why;
a list is defined once. Nothing here reads a parse: the lexicon sits below every stage.
The country table is ``dossier.extract.countries`` / ``gazetteer`` (issue 11 moves it).
"""
