"""Pydantic response models: the JSON API's contract and its OpenAPI schema.

Every fact carries an ``EvidenceOut`` (article id, [start, end) char span of the
clean text, the sentence around it, and a link to the article page scrolled to the
span), so a client can always show *why* the dossier says something.
"""

from __future__ import annotations

from typing import Generic, TypeVar

from pydantic import BaseModel, Field

from dossier.store.records import (
    ActorFields,
    DigestFields,
    EventFields,
    EventRecord,
    PlaceFields,
    QuoteRecord,
    StoryFields,
)

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    """One page of a list endpoint; ``total`` counts every match, not just this page.

    Every list endpoint pages: ``limit`` items (default 50, at most 500) from ``offset``
    (default 0); walk a list by raising ``offset`` by ``limit`` until it reaches ``total``.
    A grouped item (a place) carries at most ``Settings.api_evidence_per_item`` (20)
    evidence spans, its count field (``mentions``) says how many there are in all.
    """

    items: list[T]
    total: int = Field(description="every item that matches the filters, on all pages")
    limit: int = Field(description="the most items on this page (query `limit`: 1-500, "
                                   "default 50)")
    offset: int = Field(description="items skipped before this page (query `offset`)")


class EvidenceOut(BaseModel):
    """Where a fact comes from, with enough context to judge it without opening the article."""

    article_id: str
    start: int = Field(description="char offset into the article's clean text")
    end: int = Field(description="exclusive end offset")
    text: str = Field(description="the evidence span itself")
    sentence: str = Field(description="the sentence (or sentences) around the span")
    sentence_start: int
    article_title: str | None = None
    outlet: str | None = None
    published: str | None = None
    href: str = Field(description="article page, scrolled to and highlighting the span")


class RemovedBlockOut(BaseModel):
    reason: str
    text: str
    position: int = Field(description="char offset in the original, pre-clean input")


class ArticleOut(BaseModel):
    id: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    byline: str | None = None
    dateline: str | None = None
    language: str | None = None
    source_path: str | None = None
    snippet: str | None = Field(None, description="search hit context or the opening words")


class HighlightOut(BaseModel):
    """One extracted item at its span in the article (quote, event, timex, place, actor)."""

    kind: str
    start: int
    end: int
    label: str
    detail: str | None = None


class ArticleDetailOut(ArticleOut):
    text: str
    removed: list[RemovedBlockOut] = []
    highlights: list[HighlightOut] = []
    story_ids: list[str] = []


class IngestErrorOut(BaseModel):
    source_path: str
    locator: str = ""
    reason: str
    created_at: str | None = None


class StoryOut(StoryFields):
    """A story's shared fields (``dossier.store.records.StoryFields``), its size."""

    n_articles: int = 0


class DigestSentenceOut(DigestFields):
    """A digest sentence's shared fields (``DigestFields``, as the stories export writes
    them), when it happened and was reported, its speaker and evidence."""

    date: str | None = Field(None, description="when what it reports happened")
    reported: str | None = Field(None, description="earliest publication carrying it")
    independent_outlets: int | None = Field(
        None, description="outlets carrying it, syndicated copies counted once"
    )
    speaker: str | None = None
    is_new: bool = Field(False, description="reported after the `since` date, when given")
    evidence: list[EvidenceOut] = []


class DigestOut(BaseModel):
    story_id: str
    title: str | None = None
    since: str | None = None
    sentences: list[DigestSentenceOut] = []


class ClaimOut(BaseModel):
    value: str
    independent_outlets: int = Field(0, description="syndicated copies counted once")
    evidence: list[EvidenceOut] = []


class ContradictionOut(BaseModel):
    """Reports of one fact that disagree (a death toll, a date, who did it), side by side."""

    kind: str = Field(description="number | date | actor | denial")
    fact: str
    claims: list[ClaimOut]


class QuoteOut(BaseModel):
    """A stored quote (``dossier.store.records.QuoteRecord``, the record the export writes:
    ``speaker`` and ``speaker_surface`` mean the same in both), with its evidence."""

    speaker: str | None = QuoteRecord.model_fields["speaker"]
    speaker_surface: str | None = QuoteRecord.model_fields["speaker_surface"]
    speaker_actor_id: str | None = None
    on_behalf_of: str | None = None
    cue: str | None = None
    content: str
    channel: str | None = None
    date: str | None = None
    evidence: EvidenceOut

    @classmethod
    def of(cls, quote: QuoteRecord, evidence: EvidenceOut) -> QuoteOut:
        """The API's view of a stored quote: named as shown, with its resolved evidence."""
        return cls(
            speaker=quote.speaker, speaker_surface=quote.speaker_surface,
            speaker_actor_id=None if quote.speaker_actor_id is None
            else str(quote.speaker_actor_id),
            on_behalf_of=quote.on_behalf_of, cue=quote.cue,
            content=quote.content or evidence.text, channel=quote.channel,
            date=quote.published or evidence.published, evidence=evidence,
        )


class EventOut(EventFields):
    """A stored event's shared fields (``dossier.store.records.EventFields``), its evidence."""

    type: str
    evidence: EvidenceOut

    @classmethod
    def of(cls, event: EventRecord, evidence: EvidenceOut) -> EventOut:
        """The API's view of a stored event, with its resolved evidence."""
        shared = {name: getattr(event, name) for name in EventFields.model_fields}
        return cls(**{**shared, "type": event.type or "EVENT"}, evidence=evidence)


class TimelineItemOut(BaseModel):
    """An event or a dated statement, placed at when it happened (not when reported)."""

    date: str | None = None
    date_basis: str | None = Field(
        None, description="text (the text dates it) | reported (publication date) | unknown"
    )
    kind: str = Field(description="event | quote")
    type: str | None = Field(None, description="PLOVER type, for events")
    label: str
    actor: str | None = None
    evidence: list[EvidenceOut] = Field(
        description="every report of it: the same act told by several articles is one item"
    )
    salience: float = Field(
        0.0, description="independent outlets reporting it + how early in its articles +"
        " confidence: the desk shows the most salient first and folds the rest"
    )
    confidence: float | None = Field(None, description="events: calibrated, 0-1")


class ActorOut(ActorFields):
    """A canonical actor's shared fields (``dossier.store.records.ActorFields``), its id."""

    id: str


class ActorDetailOut(ActorOut):
    quotes: list[QuoteOut] = []
    events: list[EventOut] = []
    mention_evidence: list[EvidenceOut] = []


class StanceOut(BaseModel):
    source: str
    target: str
    polarity: int = Field(description="+1 supports, -1 opposes, 0 evidence both ways")
    label: str | None = None
    reports: int = Field(0, description="every statement of the stance that matches the "
                                        "filters")
    evidence: list[EvidenceOut] = Field(
        [], description="its statements; on the whole store's page (no story) its first, "
                        "at most Settings.api_evidence_per_item (20)")


class PlaceOut(PlaceFields):
    """A place's shared fields (``dossier.store.records.PlaceFields``) and its mentions."""

    kind: str | None = Field(None, description="the gazetteer feature (the export's feature)")
    mentions: int = Field(0, description="every mention of the place that matches the filters")
    evidence: list[EvidenceOut] = Field(
        [], description="its first mentions by article, at most Settings.api_evidence_per_item "
                        "(20) in the API")


class IngestOutcomeOut(BaseModel):
    """What one record of an input became, as the ingest pipeline decided it."""

    kind: str = Field(description="new | duplicate | refused")
    locator: str = Field("", description="where in the input (a JSONL line, a feed item)")
    article_id: str | None = Field(None, description="the new article, or the stored copy")
    article: ArticleOut | None = None
    reason: str = Field("", description="why it was refused")


class IngestInputOut(BaseModel):
    """One uploaded file, the pasted text or a fetched URL, with its outcomes so far."""

    name: str
    state: str = Field(description="waiting | working | done | cancelled")
    outcomes: list[IngestOutcomeOut] = []


class IngestJobOut(BaseModel):
    id: str
    status: str = Field(description="queued | running | done | failed | cancelled")
    message: str = ""
    files: list[str] = []
    done: int = Field(0, description="inputs finished (their articles are committed)")
    total: int = 0
    inputs: list[IngestInputOut] = []
    step_errors: list[IngestErrorOut] = Field(
        [], description="errors no input caused: a corpus step (stories, actors) that broke")
    new_article_ids: list[str] = []
    articles: list[ArticleOut] = []
    errors: list[IngestErrorOut] = []
