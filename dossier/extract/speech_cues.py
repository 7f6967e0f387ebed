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
    RAISING_PASSIVE_LEMMAS,
    SPEECH_LEMMAS,
    STATEMENT_NOUNS,
)

OPENING_MARKS = ('"', "“", "''", "‘", "«")


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
        # "released the following statement:" and a quotation below it
        return (any(c.dep_ == "dobj" and c.lower_ in STATEMENT_NOUNS for c in token.children)
                and quote_paragraph_after_colon(token) is not None)
    if lemma == "call":  # "called for a ceasefire", "called him a liar"; not "a group called X"
        return any((c.dep_ == "prep" and c.lower_ in {"for", "on"}) or c.dep_ == "oprd"
                   or for_clause(c) for c in token.children) and token.dep_ != "acl"
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
    if lemma in RAISING_PASSIVE_LEMMAS and raised_passive(token):
        return True
    if lemma in CLAUSE_ONLY_LEMMAS:
        # Only with a clause or quoted content; "ordered troops" is an act, not speech.
        return any(c.dep_ in {"ccomp"} for c in token.children) or _opens_quote(token)
    return True


def for_clause(token) -> bool:  # noqa: ANN001 - a spaCy Token
    """"called for the US to step up its efforts": the parser makes "for" the mark of a
    clause ("for the US to step up") rather than a preposition."""
    return token.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "for"
                                         for m in token.children)


def raised_passive(token) -> bool:  # noqa: ANN001 - a spaCy Token
    """"Trump is expected to deliver a speech": a passive cue with a subject and an
    infinitive, and no agent ("by aides" would name the speaker)."""
    kids = {c.dep_ for c in token.children}
    return {"auxpass", "nsubjpass", "xcomp"} <= kids and "agent" not in kids


def _opens_quote(token) -> bool:  # noqa: ANN001 - a spaCy Token
    """'He concluded, "There is ..."': the cue is followed by a comma or colon, then a quote."""
    doc = token.doc
    nxt = token.i + 1
    if nxt + 1 >= len(doc) or doc[nxt].text not in {",", ":"}:
        return quote_paragraph_after_colon(token) is not None
    return doc[nxt + 1].text.startswith(OPENING_MARKS)


def quote_paragraph_after_colon(token):  # noqa: ANN001, ANN201 - spaCy Token in, Token out
    """The colon ending the token's sentence when the next paragraph opens a quotation
    ("Cruz continued:" / "“You look at the questions ..."), else None."""
    sent = token.sent
    last = sent[-1]
    while last.is_space and last.i > sent.start:
        last = token.doc[last.i - 1]
    if last.text != ":" or last.i < token.i:
        return None
    doc = token.doc
    newline = "\n" in last.whitespace_
    j = last.i + 1
    while j < len(doc) and doc[j].is_space:
        newline = newline or "\n" in doc[j].text_with_ws
        j += 1
    return last if newline and j < len(doc) and doc[j].text.startswith(OPENING_MARKS) else None


def _evidence_subject(token) -> bool:  # noqa: ANN001 - a spaCy Token
    return any(c.dep_ == "nsubj" and c.lower_ in EVIDENCE_NOUNS for c in token.children)
