"""Stored facts as typed records: one Pydantic model per fact, read by the exports and the API.

A quote used to take four shapes on its way out (the extractor's ``Quote``, a row dict,
the export's dict, the API's ``QuoteOut``), each spelling its fields again. Now the store
reads a fact into one record here; ``dossier export`` writes the record as it is (JSON,
CSV and Parquet columns in the field order below, or in its ``columns``), and the API's
response model is built from the same record or shares its fields (``dossier.web.schemas``:
``EventOut`` on ``EventFields``, ``PlaceOut`` on ``PlaceFields``, ``ActorOut`` on
``ActorFields``, ``StoryOut`` on ``StoryFields``), adding what only a reader on the web
needs (the resolved evidence sentence and its link). A field of the same name means the
same thing in both.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Self

from pydantic import BaseModel, Field

Span = list[int]


def _span(start: int | None, end: int | None) -> Span | None:
    return None if start is None else [start, end]


class _Exported(BaseModel):
    """A record whose export columns are its fields in a published order (``columns``):
    a record that adds fields to shared ones keeps the export's order."""

    columns: ClassVar[tuple[str, ...]] = ()

    def row(self) -> dict[str, Any]:
        """The export row: every field, in ``columns`` order."""
        fields = self.model_dump()
        return {name: fields[name] for name in self.columns} if self.columns else fields

    @classmethod
    def of(cls, row: Mapping[str, Any]) -> Self:
        """The record of a query's row dict (extra keys, such as ``id``, left out)."""
        return cls(**{name: row[name] for name in cls.model_fields if name in row})


class QuoteRecord(BaseModel):
    """One stored quote: who (as resolved, and as the text says it), the cue, the content.

    ``speaker`` means the same here, in the API's ``QuoteOut`` and in every export: the
    resolved actor, never a bare pronoun; the article's own words for the speaker are
    ``speaker_surface``, the evidence at ``speaker_span``.
    """

    article_id: str
    published: str | None = None
    kind: str | None = Field(None, description="direct | mixed | indirect")
    speaker: str | None = Field(
        None, description="the resolved actor (canonical, else the article's), or the "
                          "article's words when they name someone; null when unnamed")
    speaker_surface: str | None = Field(
        None, description="the article's words for the speaker (\"he\", \"the minister\")")
    speaker_actor_id: int | None = None
    speaker_actor: str | None = Field(None, description="the canonical actor's name")
    on_behalf_of: str | None = None
    on_behalf_actor_id: int | None = None
    cue: str | None = None
    content: str | None = None
    channel: str | None = None
    setting: str | None = None
    speaker_span: Span | None = None
    cue_span: Span | None = None
    content_span: Span | None = None
    channel_span: Span | None = None

    @classmethod
    def of(cls, row: Mapping[str, Any]) -> QuoteRecord:
        """The record of a row of ``store.quotes`` queries (spans from their start/end; the
        row's ``speaker`` column is the surface, its ``speaker_name`` the resolved name)."""
        return cls(
            article_id=row["article_id"], published=row.get("published"), kind=row.get("kind"),
            speaker=row.get("speaker_name"), speaker_surface=row.get("speaker"),
            speaker_actor_id=row.get("speaker_actor_id"), speaker_actor=row.get("speaker_actor"),
            on_behalf_of=row.get("on_behalf_of"),
            on_behalf_actor_id=row.get("on_behalf_actor_id"), cue=row.get("cue"),
            content=row.get("content"), channel=row.get("channel"), setting=row.get("setting"),
            speaker_span=_span(row.get("speaker_start"), row.get("speaker_end")),
            cue_span=_span(row.get("cue_start"), row.get("cue_end")),
            content_span=_span(row.get("content_start"), row.get("content_end")),
            channel_span=_span(row.get("channel_start"), row.get("channel_end")),
        )


class EventFields(BaseModel):
    """What every view of an event says: who did what to whom, where, when, how sure.

    The API's ``EventOut`` is these fields plus the resolved evidence; the export's
    ``EventRecord`` these plus the stored spans, in the export's column order.
    """

    type: str | None = None
    mode: str | None = None
    modality: str | None = Field(None, description=(
        "asserted (done) | announced (a promise or threat made) | future (expected) | "
        "hypothetical (may, if, urged, feared, asked); only the first two are stated as fact"))
    in_quote: bool = Field(False, description="reported inside a quotation")
    source_actor: str | None = None
    target_actor: str | None = None
    place: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    date: str | None = None
    confidence: float | None = None


# The export's columns (JSONL keys, CSV and Parquet columns), in their published order.
EVENT_COLUMNS = (
    "article_id", "type", "mode", "modality", "in_quote", "source_actor", "source_country",
    "target_actor", "target_country", "place", "country", "lat", "lon", "date", "date_text",
    "evidence_span", "trigger_start", "trigger_end", "confidence", "method",
)


class EventRecord(EventFields, _Exported):
    """One stored PLOVER event, with the countries of its actors and its spans."""

    columns: ClassVar[tuple[str, ...]] = EVENT_COLUMNS
    article_id: str
    source_country: str | None = None
    target_country: str | None = None
    date_text: str | None = None
    evidence_span: Span | None = Field(None, description="[start, end) of the event's clause")
    trigger_start: int | None = None
    trigger_end: int | None = None
    method: str | None = None

    @classmethod
    def of(cls, row: Mapping[str, Any]) -> EventRecord:
        """The record of an events row (``list_events``, ``event_page`` or the table's own)."""
        fields = {name: row.get(name) for name in cls.model_fields}
        if fields["evidence_span"] is None:
            fields["evidence_span"] = _span(row.get("start"), row.get("end"))
        fields["in_quote"] = bool(fields["in_quote"])
        return cls(**fields)


class TimexRecord(_Exported):
    """One stored time expression: its words, its TIMEX3 reading, what anchored it."""

    article_id: str
    start: int
    end: int
    text: str = Field(description="the expression as written")
    type: str = Field(description="TIMEX3 type: DATE | TIME | DURATION | SET")
    value: str | None = Field(
        None, description="TIMEX3 value (2023-07-26, 2023-W30, P3D ...); null if unanchored")
    mod: str | None = Field(None, description="TIMEX3 mod (ON_OR_AFTER for \"since 1960\")")
    signal: str | None = Field(None, description="governing preposition: since, until, on ...")
    tense: str = Field(description="past | present | future, of its clause")
    zone: str | None = Field(None, description="time zone as written (\"ET\")")
    utc_offset: str | None = Field(None, description="\"+01:00\"")
    anchored_on: str | None = Field(
        None, description="publication | narrative; null when the text is absolute")
    published: str | None = Field(None, description="the article's publication date")


class PlaceFields(BaseModel):
    """What every view of a place says: the gazetteer entry it was resolved to.

    The API's ``PlaceOut`` groups a place's mentions (these fields, its ``kind``, how many
    mentions, their evidence); the export's ``PlaceRecord`` is one mention.
    """

    name: str = Field(description="the gazetteer entry's name")
    country: str | None = Field(
        None, description="ISO 3166-1 alpha-2; null for regions spanning countries")
    lat: float | None = None
    lon: float | None = None


class PlaceRecord(PlaceFields, _Exported):
    """One stored toponym and the gazetteer entry it names."""

    columns: ClassVar[tuple[str, ...]] = (
        "article_id", "start", "end", "text", "name", "feature", "country", "lat", "lon",
        "geonameid", "is_dateline", "confidence",
    )
    article_id: str
    start: int
    end: int
    text: str = Field(description="the toponym as written")
    feature: str = Field(
        description="city | country | admin | region | continent | physical (the API's kind)")
    geonameid: int | None = None
    is_dateline: bool = Field(False, description="the dateline's place: where the reporter was")
    confidence: float = Field(
        description="the chosen entry's share of its score and the runner-up's (1.0: none)")


class ActorFields(BaseModel):
    """What every view of a canonical actor says: its name, kind, country, how often.

    The API's ``ActorOut`` adds its id as a string; the export's ``ActorRecord`` its
    counts and aliases.
    """

    name: str
    kind: str | None = Field(None, description="person | organisation | country | ...")
    country: str | None = Field(None, description="ISO 3166-1 alpha-3 (PLOVER actor codes)")
    roles: list[str] = Field(
        [], description="the titles the articles give it (the API's actor page adds the "
                        "organisation or country: \"minister, Kenya\")")
    mentions: int = Field(0, description="mentions in every article")


class ActorRecord(ActorFields, _Exported):
    """One canonical actor, with the articles and quotes it appears in and its aliases."""

    columns: ClassVar[tuple[str, ...]] = (
        "id", "name", "kind", "country", "articles", "mentions", "quotes", "aliases", "roles")
    id: int
    articles: int = Field(0, description="articles that mention it")
    quotes: int = Field(0, description="quotes it is the speaker of")
    aliases: list[str] = Field([], description="every name key it goes by")


class DigestFields(BaseModel):
    """What every view of a digest sentence says: its words and who carries it."""

    text: str
    outlets: list[str] = []
    article_ids: list[str] = []


class EvidenceSpan(BaseModel):
    article_id: str
    start: int
    end: int


class DigestItemRecord(DigestFields):
    """One sentence of an exported digest, with the spans of every report carrying it."""

    spans: list[EvidenceSpan] = []


class StoryFields(BaseModel):
    """What every view of a story says: its title, dates, articles and outlets.

    The API's ``StoryOut`` adds how many articles; the export's ``StoryRecord`` the digest.
    """

    id: str
    title: str | None = None
    first_seen: str | None = None
    last_seen: str | None = None
    article_ids: list[str] = []
    outlets: list[str] = []


class StoryRecord(StoryFields, _Exported):
    """One story and its digest, built with the run's settings."""

    digest: list[DigestItemRecord] = []
