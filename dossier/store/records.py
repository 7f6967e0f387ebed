"""Stored facts as typed records: one Pydantic model per fact, read by the exports and the API.

A quote used to take four shapes on its way out (the extractor's ``Quote``, a row dict,
the export's dict, the API's ``QuoteOut``), each spelling its fields again. Now the store
reads a fact into one record here; ``dossier export`` writes the record as it is (JSON,
CSV and Parquet columns in the field order below), and the API's response model is built
from the same record (``dossier.web.schemas``), adding what only a reader on the web
needs (the resolved evidence sentence and its link).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, Field

Span = list[int]


def _span(start: int | None, end: int | None) -> Span | None:
    return None if start is None else [start, end]


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


class EventRecord(EventFields):
    """One stored PLOVER event, with the countries of its actors and its spans."""

    article_id: str
    source_country: str | None = None
    target_country: str | None = None
    date_text: str | None = None
    evidence_span: Span | None = Field(None, description="[start, end) of the event's clause")
    trigger_start: int | None = None
    trigger_end: int | None = None
    method: str | None = None

    def row(self) -> dict[str, Any]:
        """The export row: every field, in ``EVENT_COLUMNS`` order."""
        fields = self.model_dump()
        return {name: fields[name] for name in EVENT_COLUMNS}

    @classmethod
    def of(cls, row: Mapping[str, Any]) -> EventRecord:
        """The record of an events row (``list_events``, ``event_page`` or the table's own)."""
        fields = {name: row.get(name) for name in cls.model_fields}
        if fields["evidence_span"] is None:
            fields["evidence_span"] = _span(row.get("start"), row.get("end"))
        fields["in_quote"] = bool(fields["in_quote"])
        return cls(**fields)
