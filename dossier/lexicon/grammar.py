"""Function words the rules test: prepositions, pronouns, relatives, the small words of titles.

Closed-class words, each list named for the reader that tests it; lists that look alike
stay apart when their readers need different members (an event's object pronouns include
"who"; the possessors a pronoun resolves through are "him", "his", "her", "hers").
"""

from __future__ import annotations

# Prepositions that introduce an event's target ("attacked on the convoy", "sanctions against").
EVENT_TARGET_PREPS = {"on", "against", "with", "to", "at", "upon", "of", "from"}
# ... and its recipient ("gave aid to", "agreed with").
RECIPIENT_PREPS = {"to", "with", "against", "on", "upon", "toward", "towards", "from"}
# Prepositions of the means an act used ("attacked on foot", "by drone").
MEANS_PREPS = {"on", "in", "by", "with", "via", "from"}
# Prepositions that put a place under an act ("in Niamey", "near the border").
LOCATIVE = {"in", "at", "near", "outside", "inside", "across", "around", "into"}
# Subordinators whose clause keeps its own time and modality ("after the talks failed").
NOT_INHERITED = {"after", "before", "since", "until", "once", "if", "unless"}
# Relative pronouns: a subject that only points back to its antecedent.
RELATIVES = ("who", "that", "which")
# Subjects that are the speaker of a quoted act ("we will strike", "they said").
SPEAKER_PRONOUNS = {"i", "we", "they", "it", "he", "she"}
# Objects that stand for people (who can be held, freed, attacked).
EVENT_OBJECT_PRONOUNS = {"him", "her", "them", "us", "me", "who", "whom"}
# Pronouns that can only stand for a person (the actor extractor's person cue).
PERSON_PRONOUNS = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself"})
# A pronoun the actor extractor tied to a body rather than a person ("it said") is the
# resolution most often wrong: a digest does not name a speaker on it.
BODY_PRONOUNS = frozenset({"it", "they", "its", "their"})
# Pronouns that resolve through their possessor or object ("his", "him") in coreference.
POSSESSOR_PRONOUNS = frozenset({"him", "his", "her", "hers"})
# Pronouns that point at a thing, never at who spoke ("it said" is no named speaker).
THING_PRONOUNS = frozenset({"it", "this", "that"})
# Words that stand for a speaker without naming one: shown alone they mislead ("SAID he").
SPEAKER_STAND_INS = frozenset({
    "i", "me", "we", "us", "you", "he", "him", "she", "her", "it", "they", "them", "one", "who",
    "whom", "which", "that", "this", "these", "those", "someone", "somebody", "unknown",
})
# Small words a headline leaves lower-case ("Trump Calls on Obama to Resign").
HEADLINE_SMALL_WORDS = {
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "as", "by",
    "with", "from", "vs", "is", "be", "are", "was", "its", "it", "up", "off",
}
