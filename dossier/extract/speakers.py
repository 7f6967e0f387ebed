"""Map a speaker token to its text span and to the article actor it refers to."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from dossier.extract.actor_records import ActorMention, ActorRole, ArticleActor
from dossier.extract.parsed import text_of
from dossier.extract.span_index import SpanIndex
from dossier.lexicon.actors import VAGUE_HEADS, normalize_name
from dossier.lexicon.grammar import SPEAKER_STAND_INS

if TYPE_CHECKING:  # a read command imports display_name: it must not load spaCy
    from spacy.tokens import Doc, Token

SELF_NAMED = re.compile(r"\b(?:calling (?:itself|themselves)|called|known as|dubbed)\s+(?:the\s+)?")
_CIVIL_KINDS = frozenset({"organisation", "government", "international body"})
_ORGANISATION_KINDS = frozenset(
    {"organisation", "government", "military", "armed group", "international body", "country"}
)


class SpeakerResolver:
    """Speaker spans and actor keys from the actor extractor's records for this Doc."""

    def __init__(self, doc: Doc, mentions: list[ActorMention], actors: list[ArticleActor]) -> None:
        self.doc = doc
        self.text = text_of(doc)
        self.mentions = mentions
        self.by_span = SpanIndex(mentions)  # one lookup per cue: no scan of every mention
        self.actors = {a.key: a for a in actors}

    def mention_at(self, tok: Token) -> ActorMention | None:
        best = None
        for m in self.by_span.covering(tok.idx):
            if best is None or m.end - m.start > best.end - best.start:
                best = m
        return best

    def speaker_span(
        self, tok: Token, limit: int | None = None
    ) -> tuple[str, int, int, str | None]:
        """(text, start, end, actor key) of the phrase headed by the speaker token.

        A vague head ("a source close to Bazoum", "the head of ECOWAS") keeps its
        qualifier in the text but resolves to no actor: the source is not Bazoum.
        """
        mention = self.mention_at(tok)
        resolved_role = mention is not None and mention.mention_type == "role" and bool(
            mention.actor_key) and not mention.actor_key.startswith("person:role:")
        if mention is not None and (tok.lower_ not in VAGUE_HEADS or resolved_role):
            return mention.text, mention.start, mention.end, mention.actor_key
        start, end = tok.left_edge.idx, tok.idx + len(tok)
        named = self._self_named(tok, limit)
        if named is not None:  # "The group that seized power, calling itself the FDS"
            return self.text[start:end], start, end, named.actor_key
        if tok.pos_ in {"PROPN", "NOUN"} and tok.text[:1].isupper():
            key = self._key_by_name(tok)
            if key is not None:  # "Carson said": a name the actor extractor has, unmentioned here
                return self.text[start:end], start, end, key
        if tok.lower_ in VAGUE_HEADS:
            for child in tok.rights:
                if child.dep_ in {"prep", "amod"} and child.i - tok.i <= 2:
                    end = child.right_edge.idx + len(child.right_edge)
        return self.text[start:end], start, end, None

    def _key_by_name(self, tok: Token) -> str | None:
        """The article actor a proper-noun speaker names: its full name or alias, else a
        surname only one person of the article carries ("Carson" -> Ben Carson)."""
        words = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [tok]
        key = self.key_for_name(" ".join(w.text for w in words))
        if key is not None:
            return key
        surname = normalize_name(tok.text)
        people = [a.key for a in self.actors.values() if a.kind == "person"
                  and normalize_name(a.name).split()[-1:] == [surname]]
        return people[0] if len(people) == 1 else None

    def _self_named(self, tok: Token, limit: int | None) -> ActorMention | None:
        """The name a group gives itself in the speaker's own phrase ("calling itself X")."""
        subtree_end = max(tok.right_edge.idx + len(tok.right_edge), limit or 0)
        match = SELF_NAMED.search(self.text, tok.idx, subtree_end)
        if not match:
            return None
        at = match.end()
        return next((m for m in self.mentions if m.actor_key and not m.is_pronoun
                     and (m.start <= at < m.end or at <= m.start <= at + 4)), None)

    def roles_of(self, key: str | None) -> list[ActorRole]:
        actor = self.actors.get(key) if key else None
        return actor.roles if actor else []

    def is_organisation(self, key: str | None, civil_only: bool = False) -> bool:
        """Whether an actor is a body a spokesperson could speak for."""
        actor = self.actors.get(key) if key else None
        kinds = _CIVIL_KINDS if civil_only else _ORGANISATION_KINDS
        return actor is not None and actor.kind in kinds

    def name_of(self, key: str | None) -> str | None:
        actor = self.actors.get(key) if key else None
        return actor.name if actor else None

    def key_for_name(self, name: str) -> str | None:
        wanted = normalize_name(name)
        for actor in self.actors.values():
            if normalize_name(actor.name) == wanted or wanted in map(normalize_name, actor.aliases):
                return actor.key
        return None


def display_name(surface: str | None, actor_name: str | None) -> str | None:
    """The speaker as every view shows it: the actor the mention resolved to, else the
    article's own words when they name someone ("the treasurer", "a poll"); never a bare
    pronoun ("he", "it") that stayed unresolved: then no name at all."""
    if actor_name:
        return actor_name
    if not surface or all(w.strip(".,'’\"").lower() in SPEAKER_STAND_INS for w in surface.split()):
        return None
    return surface
