"""Word lists, in one place: every extractor reads its vocabulary from here.

``speech`` (verbs and nouns of saying), ``actors`` (kinds, titles, agent nouns, aliases),
``plover`` (the PLOVER event triggers), ``timex`` (dates, units, zones), ``numbers``
(spelled-out cardinals), ``countries`` (the one country table: names, aliases, demonyms,
state bodies, alpha-2/alpha-3; actors and places both read it), ``names`` (honorifics,
name suffixes, agencies, credit cues), ``wire`` (the agencies, picture desks and media
groups the cleaner reads in credits and datelines), ``outlets`` (outlet display names).
Lists that serve different readers stay separate and say why; a list is defined once.
Nothing here reads a parse: the lexicon sits below every stage.
"""
