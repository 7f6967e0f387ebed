"""When a speech verb is used as one: "called for a ceasefire" yes, "a group called X" no.

The verbs themselves are in :mod:`dossier.lexicon.speech`; this is the reading of the
parse that decides whether one of them introduces what someone said. Shared by the
quote extractor (to find statements) and the actor extractor (a subject of a speech
verb is a salient antecedent for a later "he said").
"""

from __future__ import annotations

from dossier.lexicon.speech import (
    CLAUSE_ONLY_LEMMAS,
    EVIDENCE_NOUNS,
    MISLEMMAS,
    PREPOSITION_CONTENT,
    SPEECH_LEMMAS,
)


def cue_lemma(token) -> str:  # noqa: ANN001 - a spaCy Token
    """The token's lemma, with the model's known mislemmatizations of cue verbs undone."""
    lemma = token.lemma_.lower()
    fixed = MISLEMMAS.get(lemma)
    return fixed if fixed and token.lower_.startswith(fixed[:4]) else lemma


def is_cue(token) -> bool:  # noqa: ANN001 - a spaCy Token
    """Whether a token is a speech verb used as one (not "called itself", not an adjective)."""
    if token.pos_ not in {"VERB", "AUX"} and token.tag_ not in {"VBD", "VBZ", "VBP", "VBG", "VBN"}:
        return False
    lemma = cue_lemma(token)
    if lemma not in SPEECH_LEMMAS:
        return False
    if lemma == "call":  # "called for a ceasefire", "called him a liar"; not "a group called X"
        return any((c.dep_ == "prep" and c.lower_ in {"for", "on"}) or c.dep_ == "oprd"
                   for c in token.children) and token.dep_ != "acl"
    if lemma == "continue":  # '"...," he continued.' but not "fighting continued"
        has_clause = any(c.dep_ in {"ccomp", "parataxis"} for c in token.children)
        named_subject = any(c.dep_ == "nsubj" and c.pos_ in {"PRON", "PROPN"}
                            for c in token.children)
        ends_clause = token.i + 1 < len(token.doc) and token.nbor().is_punct
        return has_clause or (named_subject and ends_clause)
    if lemma in PREPOSITION_CONTENT and any(
            c.dep_ in {"prep", "prt"} and c.lower_ in PREPOSITION_CONTENT[lemma]
            for c in token.children):
        return token.dep_ != "acl"
    if lemma in {"find", "show"} and _evidence_subject(token):
        return any(c.dep_ in {"ccomp", "dobj"} for c in token.children)
    if lemma in CLAUSE_ONLY_LEMMAS:
        # Only with a clause or quoted content; "ordered troops" is an act, not speech.
        return any(c.dep_ in {"ccomp"} for c in token.children)
    return True


def _evidence_subject(token) -> bool:  # noqa: ANN001 - a spaCy Token
    return any(c.dep_ == "nsubj" and c.lower_ in EVIDENCE_NOUNS for c in token.children)
