"""When a speech verb is used as one: "called for a ceasefire" yes, "a group called X" no.

The verbs themselves are in :mod:`dossier.lexicon.speech`; this is the reading of the
parse that decides whether one of them introduces what someone said. Shared by the
quote extractor (to find statements) and the actor extractor (a subject of a speech
verb is a salient antecedent for a later "he said").
"""

from __future__ import annotations

from dossier.lexicon.speech import SPEECH_LEMMAS


def is_cue(token) -> bool:  # noqa: ANN001 - a spaCy Token
    """Whether a token is a speech verb used as one (not "called itself", not an adjective)."""
    if token.pos_ not in {"VERB", "AUX"} and token.tag_ not in {"VBD", "VBZ", "VBP", "VBG", "VBN"}:
        return False
    lemma = token.lemma_.lower()
    if lemma not in SPEECH_LEMMAS:
        return False
    if lemma == "call":  # "called for a ceasefire", "called him a liar"; not "a group called X"
        return any((c.dep_ == "prep" and c.lower_ == "for") or c.dep_ == "oprd"
                   for c in token.children) and token.dep_ != "acl"
    if lemma == "continue":  # '"...," he continued.' but not "fighting continued"
        has_clause = any(c.dep_ in {"ccomp", "parataxis"} for c in token.children)
        named_subject = any(c.dep_ == "nsubj" and c.pos_ in {"PRON", "PROPN"}
                            for c in token.children)
        ends_clause = token.i + 1 < len(token.doc) and token.nbor().is_punct
        return has_clause or (named_subject and ends_clause)
    if lemma in {"order", "expect", "learn", "speak", "hope", "fear", "agree", "post", "find",
                 "show", "conclude", "wonder"}:
        # Only with a clause or quoted content; "ordered troops" is an act, not speech.
        return any(c.dep_ in {"ccomp"} for c in token.children)
    return True
