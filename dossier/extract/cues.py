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
        # Chosen on PolNeAR train (each mostly an attribution there, never on dev):
        "blast", "assail", "lambast", "slam", "bemoan", "deride", "applaud", "tout", "echo",
        "cite", "blame", "question", "express", "propose", "recount", "shout", "characterize",
        "dub", "decline", "refuse", "advocate", "plead", "voice", "outline", "speculate",
        "email", "retweet", "point", "refer", "proclaim", "exclaim", "muse", "inform",
        "advise", "dispute", "hail", "laud", "castigate", "rebuke", "scold", "assure",
        "remind", "imply", "know", "feel", "worry", "understand", "realize", "realise",
        "recognize", "recognise", "suspect", "assume", "guess", "figure", "prefer",
    }
)

# Belief, knowledge and feeling verbs: an attribution only with a clause ("she knows
# that ...", "he feels the party ..."): "knows the city", "felt pain" are not.
CLAUSE_ONLY_LEMMAS = frozenset(
    {"order", "expect", "learn", "speak", "hope", "fear", "agree", "post", "find", "show",
     "conclude", "wonder", "know", "feel", "worry", "understand", "realize", "realise",
     "recognize", "recognise", "suspect", "assume", "guess", "figure", "think", "believe",
     "prefer", "imply", "remind", "assure", "express", "point", "refer"}
)

# "pointed to the polls", "referred to him as": the cue takes a particle or preposition
# whose object is the content.
PREPOSITION_CONTENT = {"point": ("to", "out"), "refer": ("to",), "call": ("for", "on")}

# Sources whose verb "show"/"find" reports evidence: "a poll shows Sanders leading".
EVIDENCE_NOUNS = frozenset(
    {"poll", "polls", "survey", "surveys", "study", "studies", "data", "result", "results",
     "report", "reports", "figure", "figures", "record", "records", "document", "documents",
     "email", "emails", "file", "files", "analysis", "review", "audit", "investigation",
     "research", "numbers", "statistics", "estimate", "estimates", "probe", "inquiry"}
)

# spaCy's small model lemmatizes some cue forms wrongly ("hopes" -> "hop").
_MISLEMMAS = {"hop": "hope", "retweete": "retweet"}


def cue_lemma(token) -> str:  # noqa: ANN001 - a spaCy Token
    """The token's lemma, with the model's known mislemmatizations of cue verbs undone."""
    lemma = token.lemma_.lower()
    fixed = _MISLEMMAS.get(lemma)
    return fixed if fixed and token.lower_.startswith(fixed[:4]) else lemma


# Verbs whose object (not a clause) is the content: "demanded the release of X".
OBJECT_CONTENT_LEMMAS = frozenset(
    {"demand", "condemn", "urge", "denounce", "criticize", "criticise", "praise", "welcome",
     "reject", "dismiss", "deny", "confirm", "announce", "call", "appeal", "order", "decry",
     "ask", "promise", "pledge", "vow", "threaten", "accuse", "describe", "warn",
     "blast", "assail", "lambast", "slam", "bemoan", "deride", "applaud", "tout", "echo",
     "cite", "blame", "question", "propose", "characterize", "dub", "decline", "refuse",
     "advocate", "voice", "outline", "dispute", "hail", "laud", "castigate", "rebuke",
     "scold", "recount", "express"}
)

# Nouns that say a source said something ("according to", handled apart).
SPEECH_NOUNS = frozenset({"statement", "communique", "communiqué", "declaration", "tweet"})


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
