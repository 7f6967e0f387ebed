"""Records the actor extractor hands to the store and to later extractors (quotes, events).

Read them from ``ctx.results["actors"]``: that list holds one :class:`ActorMention`
per mention, in text order, followed by one :class:`ArticleActor` per actor of the
article (mentions grouped within the article). All spans are ``[start, end)`` char
offsets into the clean article text. Countries are ISO 3166-1 alpha-3 codes
("NER", "USA", "FRA"), the codes PLOVER uses for actors.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from dossier.lexicon.actors import ActorKind

MentionType = Literal["name", "nominal", "role", "pronoun"]


@dataclass(frozen=True)
class ActorRole:
    """A role the text gives an actor ("President", "armed forces chief"), with its evidence.

    ``date`` is the article's publication date (ISO), so a role is known *as of* then.
    """

    title: str
    start: int
    end: int
    country: str | None = None  # "Niger's President" -> NER
    organisation: str | None = None  # "secretary-general of the United Nations" -> United Nations
    date: str | None = None


@dataclass(frozen=True)
class ActorMention:
    """One mention of an actor in one article.

    ``actor_key`` groups mentions of the same actor within the article ("Mohamed
    Bazoum", "Bazoum", "Niger's President", "the 63-year-old", "he" share one key);
    it is the key of an :class:`ArticleActor` in the same result list. ``None`` when a
    pronoun or nominal could not be resolved: unresolved, not guessed.
    """

    start: int
    end: int
    text: str
    actor_key: str | None
    kind: ActorKind
    mention_type: MentionType
    country: str | None = None
    role: str | None = None  # the role this very mention carries, if any
    is_pronoun: bool = False
    head: int | None = None  # token index of the mention's head in ctx.doc


@dataclass
class ArticleActor:
    """An actor as one article presents it: its best name, kind, country and roles.

    ``key`` is unique within the article (e.g. "person:mohamed bazoum"); the corpus
    step maps it to a canonical actor id across articles.
    """

    key: str
    name: str
    kind: ActorKind
    country: str | None = None
    roles: list[ActorRole] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)  # every surface name seen for it
    mentions: int = 0
    first_start: int = 0
    first_end: int = 0
