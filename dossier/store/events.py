"""Events, timexes and places in the store: the filtered queries the CLI and web share, and exports.

Every row comes back as a plain dict with its article id and char span, so a
caller can always show the sentence that supports it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any

from dossier.store.canonical_actors import with_canonical_names
from dossier.store.db import has_table
from dossier.store.exports import register_export

EVENT_COLUMNS = (
    "e.id, e.article_id, e.type, e.mode, e.modality, e.in_quote, e.source_actor,"
    " e.source_country, e.target_actor, e.target_country, e.place, e.country, e.lat, e.lon,"
    " e.date, e.date_text, e.start, e.end, e.trigger_start, e.trigger_end, e.confidence,"
    " e.method, a.published, a.outlet, a.title, length(a.text) AS article_chars"
)


def _event_row(row: sqlite3.Row) -> dict[str, Any]:
    out = dict(row)
    out["in_quote"] = bool(out["in_quote"])
    out["evidence_span"] = [out["start"], out["end"]]
    return out


def list_events(
    conn: sqlite3.Connection,
    type_: str | None = None,
    actor: str | None = None,
    since: str | None = None,
    article_id: str | None = None,
    story: int | str | None = None,
    include_unasserted: bool = True,
    limit: int | None = None,
    min_confidence: float = 0.0,
) -> list[dict[str, Any]]:
    """Events filtered by PLOVER type, actor (source or target, substring) and date.

    ``since`` compares against when the event happened (its date in the text), or
    the article's publication date when the text gives none. ``min_confidence`` hides
    events less likely than that to be right (callers pass
    ``Settings.event_min_confidence``, or 0 for everything).
    """
    where, params = _filters(type_, actor, since, article_id, include_unasserted)
    if min_confidence > 0:
        where.append("e.confidence >= ?")
        params.append(min_confidence)
    if story is not None:
        if not has_table(conn, "story_articles"):
            raise LookupError("this store has no stories yet (story_articles is missing)")
        where.append("e.article_id IN (SELECT article_id FROM story_articles WHERE story_id = ?)")
        params.append(story)
    sql = (f"SELECT {EVENT_COLUMNS} FROM events e JOIN articles a ON a.id = e.article_id"
           + (" WHERE " + " AND ".join(where) if where else "")
           + " ORDER BY coalesce(e.date, substr(a.published, 1, 10)), e.article_id, e.start,"
             " e.trigger_start")
    if limit:
        sql += f" LIMIT {int(limit)}"
    rows = [_event_row(r) for r in conn.execute(sql, params)]
    return with_canonical_names(conn, rows, ("source_actor", "target_actor"))


def _filters(type_: str | None, actor: str | None, since: str | None, article_id: str | None,
             include_unasserted: bool) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if type_:
        where.append("e.type = ?")
        params.append(type_.upper())
    if actor:
        where.append("(lower(e.source_actor) LIKE ? OR lower(e.target_actor) LIKE ?"
                     " OR e.source_country = ? OR e.target_country = ?)")
        params += [f"%{actor.lower()}%"] * 2 + [actor.upper()] * 2
    if since:
        where.append("coalesce(e.date, substr(a.published, 1, 10)) >= ?")
        params.append(since)
    if article_id:
        where.append("e.article_id = ?")
        params.append(article_id)
    if not include_unasserted:
        where.append("e.modality = 'asserted'")
    return where, params


def list_timexes(conn: sqlite3.Connection, article_id: str | None = None) -> list[dict[str, Any]]:
    sql = ("SELECT t.*, a.published FROM timexes t JOIN articles a ON a.id = t.article_id"
           + (" WHERE t.article_id = ?" if article_id else "") + " ORDER BY t.article_id, t.start")
    return [dict(r) for r in conn.execute(sql, (article_id,) if article_id else ())]


def list_places(conn: sqlite3.Connection, article_id: str | None = None) -> list[dict[str, Any]]:
    sql = ("SELECT p.* FROM places p" + (" WHERE p.article_id = ?" if article_id else "")
           + " ORDER BY p.article_id, p.start")
    rows = [dict(r) for r in conn.execute(sql, (article_id,) if article_id else ())]
    for row in rows:
        row["is_dateline"] = bool(row["is_dateline"])
    return rows


def place_counts(conn: sqlite3.Connection, limit: int = 50) -> list[dict[str, Any]]:
    """Most-mentioned resolved places: what a map of the corpus shows first."""
    return [dict(r) for r in conn.execute(
        "SELECT name, feature, country, lat, lon, count(*) AS mentions,"
        " count(DISTINCT article_id) AS articles FROM places"
        " GROUP BY name, feature, country ORDER BY mentions DESC LIMIT ?", (limit,))]


@register_export("events", confidence=True)
def export_events(conn: sqlite3.Connection, min_confidence: float = 0.0
                  ) -> Iterator[dict[str, Any]]:
    """Flat event rows: who → whom, type/mode, place with lat/lon, date, evidence span."""
    for row in list_events(conn, min_confidence=min_confidence):
        yield {k: row[k] for k in (
            "article_id", "type", "mode", "modality", "in_quote", "source_actor",
            "source_country", "target_actor", "target_country", "place", "country", "lat", "lon",
            "date", "date_text", "evidence_span", "trigger_start", "trigger_end", "confidence",
            "method")}


@register_export("timexes")
def export_timexes(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    for row in list_timexes(conn):
        row.pop("id", None)
        yield row


@register_export("places")
def export_places(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    for row in list_places(conn):
        row.pop("id", None)
        yield row


@register_export("polecat", confidence=True)
def export_polecat(conn: sqlite3.Connection, min_confidence: float = 0.0
                   ) -> Iterator[dict[str, Any]]:
    """Events in the column layout of the POLECAT dataset (PLOVER-coded, one row per event).

    Column names follow POLECAT's public release; fields we do not compute (COW
    codes, sectors, intensity) are left out rather than faked.
    """
    for row in list_events(conn, min_confidence=min_confidence):
        yield {
            "Event ID": f"{row['article_id']}-{row['id']}",
            "Event Date": row["date"] or (row["published"] or "")[:10] or None,
            "Event Type": row["type"].lower(),
            "Event Mode": row["mode"],
            "Contexts": row["modality"] if row["modality"] != "asserted" else None,
            "Quoted": row["in_quote"],
            "Actor Name": row["source_actor"],
            "Actor Country": row["source_country"],
            "Recipient Name": row["target_actor"],
            "Recipient Country": row["target_country"],
            "Placename": row["place"],
            "Country": row["country"],
            "Latitude": row["lat"],
            "Longitude": row["lon"],
            "Story ID": row["article_id"],
            "Publication Date": row["published"],
            "Source": row["outlet"],
            "Headline": row["title"],
            "Evidence Span": row["evidence_span"],
            "Confidence": row["confidence"],
        }
