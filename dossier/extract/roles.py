"""Roles the text gives a named person: titles before the name and appositions around it.

"Niger's President Mohamed Bazoum" → President (NER); "US Secretary of State Antony
Blinken" → Secretary of State (USA); "armed forces chief General Abdou Sidikou Issa" →
armed forces chief + General; "Antonio Guterres, secretary-general of the United
Nations" → secretary-general of the United Nations (organisation United Nations).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from dossier.extract import countries
from dossier.extract.actor_records import ActorRole
from dossier.extract.parsed import entity_at, ents_within
from dossier.lexicon.actors import (
    RANK_WORDS,
    ROLE_STATE_WORDS,
    TITLE_WORDS,
    canonical_alias,
    is_rank_word,
    is_title_word,
)

# Words that join the parts of a multi-word title ("Secretary of State", "Minister for Defence").
_TITLE_GLUE = frozenset({"of", "for", "-", "and", "&"})
# Entity types that end a title when walking left from a name ("On Monday President X").
_NOT_TITLE_ENTS = frozenset({"DATE", "TIME", "PERSON", "CARDINAL", "ORDINAL", "MONEY"})


def _country_of_token(tok: Token) -> str | None:
    ent_text = tok.text
    if tok.ent_type_ in {"GPE", "NORP", "PERSON", "ORG"} and tok.ent_iob_ != "O":
        ent = entity_at(tok.doc, tok.i)
        if ent is not None:
            ent_text = ent.text
    return countries.country_code(ent_text) or countries.demonym_country(tok.text)


def _is_title_token(tok: Token) -> bool:
    """Part of a title: a title/rank word, or a modifier inside one ("Foreign", "armed forces")."""
    if is_title_word(tok.text) or is_title_word(tok.text.rstrip(".")):
        return True
    if tok.ent_type_ in _NOT_TITLE_ENTS or tok.is_punct or tok.like_num:
        return False
    if tok.text[:1].isupper():
        return tok.pos_ in {"PROPN", "NOUN", "ADJ"}
    return tok.pos_ in {"NOUN", "ADJ"} and tok.tag_ != "VBN" and tok.lower_ not in ROLE_STATE_WORDS


def _is_rank(tokens: list[Token], k: int) -> bool:
    """A rank word, or the period of an abbreviated one ("Col" "." → "Col.")."""
    if tokens[k].text == "." and k > 0:
        return is_rank_word(tokens[k - 1].text)
    return is_rank_word(tokens[k].text)


def title_before(doc: Doc, name_start: int, date: str | None,
                 max_tokens: int) -> tuple[list[ActorRole], int]:
    """Roles written before a name; returns them and the first token index of the title."""
    if name_start == 0:
        return [], name_start
    first = doc[name_start - 1]
    abbreviation = first.text == "." and name_start > 1 and is_title_word(doc[name_start - 2].text)
    if not (_is_title_token(first) or abbreviation) or first.dep_ == "poss":
        return [], name_start
    i = name_start - 1
    country: str | None = None
    while i - 1 >= 0 and name_start - i < max_tokens:
        prev = doc[i - 1]
        if prev.text in {"'s", "’s"} and i - 2 >= 0:
            country = _country_of_token(doc[i - 2])
            break
        code = _country_of_token(prev) if prev.text[:1].isupper() else None
        if code:
            country = code
            break
        if (
            prev.lower_ in _TITLE_GLUE and i - 2 >= 0 and _is_title_token(doc[i - 2])
            and doc[i - 2].text[:1].isupper() and doc[i].text[:1].isupper()
        ):  # "Secretary of State", not "party of overthrown President"
            i -= 1
            continue
        if prev.text == "." and i - 2 >= 0 and is_title_word(doc[i - 2].text):
            i -= 1  # the period of "Col." or "Maj." tokenized apart
            continue
        if not _is_title_token(prev):
            break
        i -= 1
    tokens = list(doc[i:name_start])
    if not any(is_title_word(t.text) for t in tokens):
        return [], name_start  # capitalised words, but no title among them
    # Split a trailing run of ranks from the office before it.
    split = len(tokens)
    while split > 0 and _is_rank(tokens, split - 1) and (
        split == 1 or tokens[split - 2].whitespace_  # "Secretary-General" stays whole
    ):
        split -= 1
    roles: list[ActorRole] = []
    office, ranks = tokens[:split], tokens[split:]
    if office and not any(t.lower_.rstrip(".") in TITLE_WORDS | RANK_WORDS
                          or t.lower_ in TITLE_WORDS for t in office):
        # "Air Force Col." : the office words only qualify the rank, keep them together.
        ranks, office = tokens, []
    for group in (office, ranks):
        if group:
            span = doc[group[0].i : group[-1].i + 1]
            roles.append(ActorRole(span.text, span.start_char, span.end_char, country, None, date))
    return roles, i


def _role_from_phrase(phrase: Span, date: str | None, max_tokens: int) -> ActorRole | None:
    """A role from an apposition like "secretary-general of the United Nations"."""
    tokens = [t for t in phrase if not (t.i == phrase.start and t.pos_ == "DET")]
    tokens = tokens[:max_tokens]
    possessor_country = None
    if len(tokens) > 2 and tokens[1].text in {"'s", "’s"}:
        # "the country's elected president": keep a named country, drop a vague possessor.
        possessor_country = countries.country_code(tokens[0].text)
        tokens = tokens[2:]
    while tokens and (tokens[-1].is_punct or tokens[-1].pos_ in {"ADP", "DET", "CCONJ"}):
        tokens.pop()
    if not tokens or not any(is_title_word(t.text) or t.lower_ in TITLE_WORDS for t in tokens):
        return None
    span = phrase.doc[tokens[0].i : tokens[-1].i + 1]
    country, organisation = possessor_country, None
    for ent in ents_within(span):
        code = countries.country_code(ent.text) or countries.demonym_country(ent.text)
        if code and not country:
            country = code
        elif ent.label_ == "ORG" and not organisation:
            organisation = canonical_alias(ent.text) or ent.text.removeprefix("the ")
    if country is None:
        for tok in span:
            if tok.text[:1].isupper():
                country = country or countries.country_code(tok.text)
    return ActorRole(span.text, span.start_char, span.end_char, country, organisation, date)


def appositive_roles(name: Span, date: str | None, max_tokens: int) -> list[ActorRole]:
    """Roles in an apposition after the name, or in the noun the name is apposed to."""
    roles = []
    root = name.root
    for child in root.rights:
        if child.dep_ == "appos" and child.i >= name.end:
            span = name.doc[child.left_edge.i : child.right_edge.i + 1]
            role = _role_from_phrase(span, date, max_tokens)
            if role:
                roles.append(role)
    if root.dep_ == "appos" and root.head.i < name.start and name.doc[name.start - 1].is_punct:
        head = root.head
        # "The president of neighbouring Benin, Patrice Talon": the parser may hang the
        # name on "Benin"; climb to the title noun.
        while not is_title_word(head.text) and head.dep_ in {"pobj", "prep"}:
            head = head.head
        span = name.doc[head.left_edge.i : name.start]
        while len(span) and span[-1].is_punct:
            span = span[:-1]
        role = _role_from_phrase(span, date, max_tokens) if len(span) else None
        if role:
            roles.append(role)
    return roles
