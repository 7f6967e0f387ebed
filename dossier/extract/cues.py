"""Speech cues: the verbs and phrases that introduce what someone said, and how they take content.

Shared by the quote extractor (to find statements) and the actor extractor (a
subject of a speech verb is a salient antecedent for a later "he said").
"""

from __future__ import annotations

# Lemmas of verbs that report speech or a stated position. "call" counts only with
# "for" ("called for the release"); checked in :func:`is_cue`.
SPEECH_LEMMAS = frozenset(
    {
        "say", "tell", "announce", "state", "declare", "add", "claim", "insist", "warn",
        "deny", "confirm", "report", "write", "tweet", "post", "argue", "explain", "note",
        "acknowledge", "admit", "suggest", "urge", "demand", "condemn", "accuse", "vow",
        "promise", "pledge", "threaten", "ask", "reply", "respond", "predict", "stress",
        "assert", "allege", "caution", "contend", "concede", "recall", "reiterate",
        "emphasize", "emphasise", "underline", "denounce", "criticize", "criticise",
        "praise", "welcome", "reject", "dismiss", "describe", "believe", "think", "fear",
        "hope", "call", "appeal", "order", "complain", "testify", "disclose", "reveal",
        "repeat", "quip", "joke", "boast", "counter", "retort", "answer",
        "estimate", "maintain", "indicate", "charge", "observe", "remark", "agree",
        "doubt", "expect", "learn", "speak", "decry", "lament", "mention", "signal",
        "continue", "conclude", "mock", "find", "show", "wonder",
    }
)

# Verbs whose object (not a clause) is the content: "demanded the release of X".
OBJECT_CONTENT_LEMMAS = frozenset(
    {"demand", "condemn", "urge", "denounce", "criticize", "criticise", "praise", "welcome",
     "reject", "dismiss", "deny", "confirm", "announce", "call", "appeal", "order", "decry",
     "ask", "promise", "pledge", "vow", "threaten", "accuse", "describe", "warn"}
)

# Nouns that say a source said something ("according to", handled apart).
SPEECH_NOUNS = frozenset({"statement", "communique", "communiqué", "declaration", "tweet"})


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
