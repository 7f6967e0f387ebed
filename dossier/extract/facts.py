"""One article's facts, typed: what the extractor chain found, each fact with its evidence.

The chain hands records on by extractor name (``ArticleContext.results``), which a
plugin extractor can extend; :class:`ArticleFacts` is the typed record of the built-in
kinds, for code that reads facts rather than runs extractors. Every fact answers
``Evidence(article_id, start, end)``: the character span of the clean text it rests on.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from dossier.extract.actor_records import ActorMention, ArticleActor
from dossier.extract.events import Event
from dossier.extract.places import Place
from dossier.extract.quotes import Quote
from dossier.extract.story_features import StoryFeatures
from dossier.extract.timex import Timex
from dossier.models import Evidence


@dataclass
class ArticleFacts:
    """Quotes, actors, time expressions, places, events and story units of one article."""

    article_id: str
    mentions: list[ActorMention] = field(default_factory=list)
    actors: list[ArticleActor] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    story: StoryFeatures | None = None

    @classmethod
    def of(cls, article_id: str, results: Mapping[str, list[Any]]) -> ArticleFacts:
        """The typed facts among an extractor chain's results (other kinds are left out)."""
        actors = results.get("actors") or []
        story = results.get("stories") or []
        return cls(
            article_id=article_id,
            mentions=[r for r in actors if isinstance(r, ActorMention)],
            actors=[r for r in actors if isinstance(r, ArticleActor)],
            quotes=list(results.get("quotes") or []),
            timexes=list(results.get("timex") or []),
            places=list(results.get("places") or []),
            events=list(results.get("events") or []),
            story=story[0] if story else None,
        )

    def evidence(self) -> Iterator[tuple[str, Evidence]]:
        """(kind, evidence) of every fact, in kind order: the spans a reader can check."""
        spans: list[tuple[str, int, int]] = [
            *(("mention", m.start, m.end) for m in self.mentions),
            *(("actor", a.first_start, a.first_end) for a in self.actors),
            *(("quote", q.content_start, q.content_end) for q in self.quotes),
            *(("timex", t.start, t.end) for t in self.timexes),
            *(("place", p.start, p.end) for p in self.places),
            *(("event", e.start, e.end) for e in self.events),
        ]
        if self.story is not None:
            spans += [("story unit", u.start, u.end) for u in self.story.units]
            spans += [("stance", c.start, c.end) for c in self.story.stances]
        for kind, start, end in spans:
            yield kind, Evidence(self.article_id, start, end)
