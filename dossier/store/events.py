"""Events, timexes and places in the store: the filtered queries the CLI and web share, and exports.

Every row comes back as a plain dict with its article id and char span, so a
caller can always show the sentence that supports it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any

from dossier.lexicon.modality import STATED_MODALITIES
from dossier.store.canonical_actors import with_canonical_names
from dossier.store.db import has_table
from dossier.store.exports import register_export
from dossier.store.page_filters import scope_filters
from dossier.store.records import EventRecord, PlaceRecord, TimexRecord

EVENT_COLUMNS = (
    "e.id, e.article_id, e.type, e.mode, e.modality, e.in_quote, e.source_actor,"
    " e.source_country, e.target_actor, e.target_country, e.place, e.country, e.lat, e.lon,"
    " e.date, e.date_text, e.start, e.end, e.trigger_start, e.trigger_end, e.confidence,"
    " e.method, a.published, a.outlet, a.title, length(a.text) AS article_chars"
)

# Events the text states as fact: an act done, a promise or threat made.
_STATED = "e.modality IN (" + ", ".join(f"'{m}'" for m in STATED_MODALITIES) + ")"


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
    published: tuple[str, str] | None = None,
) -> list[dict[str, Any]]:
    """Events filtered by PLOVER type, actor (source or target, substring) and date.

    ``since`` compares against when the event happened (its date in the text), or
    the article's publication date when the text gives none. ``min_confidence`` hides
    events less likely than that to be right (callers pass
    ``Settings.event_min_confidence``, or 0 for everything); ``include_unasserted=False``
    those the text does not state as fact (``lexicon.modality.STATED_MODALITIES``).
    ``published``: only the events of articles published on those days (first, last),
    read through the publication index.
    """
    where, params = _filters(type_, actor, since, article_id, include_unasserted)
    if published is not None:
        where.append("a.published >= ? AND a.published < ?")
        params += [published[0], published[1] + "\uffff"]
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


def event_page(
    conn: sqlite3.Connection,
    *,
    type_: str | None = None,
    actor: str | None = None,
    story: int | str | None = None,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
    min_confidence: float = 0.0,
    include_unasserted: bool = True,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[dict[str, Any]], int]:
    """One page of events and how many match in all, filtered and ordered in the query,
    so a page costs its own rows, not the store's.

    Filters as the desk's: ``type_``, ``outlet`` and ``actor`` (source or target) equal
    case-insensitively; ``since`` / ``until`` compare the day the event happened, else
    its article's publication day (neither: no date range matches); without
    ``include_unasserted`` only events stated as fact. Ordered by that date (undated
    last), then position in the article.
    """
    where = ["coalesce(e.confidence, 0) >= ?"]
    params: list[Any] = [min_confidence]
    if not include_unasserted:
        where.append(_STATED)
    if type_:
        where.append("lower(e.type) = lower(?)")
        params.append(type_)
    if actor:
        where.append("(lower(e.source_actor) = lower(?) OR lower(e.target_actor) = lower(?))")
        params += [actor, actor]
    when = "coalesce(nullif(e.date, ''), nullif(a.published, ''))"
    scope, scope_params = scope_filters(
        conn, article_id="e.article_id", outlet_column="a.outlet", day=f"substr({when}, 1, 10)",
        story=story, outlet=outlet, since=since, until=until)
    where += scope
    params += scope_params
    body = " FROM events e JOIN articles a ON a.id = e.article_id WHERE " + " AND ".join(where)
    total = conn.execute("SELECT count(*)" + body, params).fetchone()[0]
    rows = conn.execute(
        f"SELECT {EVENT_COLUMNS}" + body
        + f" ORDER BY {when} IS NULL, {when}, e.start, e.article_id, e.id LIMIT ? OFFSET ?",
        [*params, limit, offset])
    return [_event_row(r) for r in rows], total


def place_page(
    conn: sqlite3.Connection,
    *,
    story: int | str | None = None,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
    evidence: int = 20,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[dict[str, Any]], int]:
    """One page of places grouped by (name, country), most mentioned first, with the first
    ``evidence`` mentions of each (by article and position) and how many groups match.

    Grouped and paged in the query, so a page costs the matching rows once in SQLite,
    never a Python pass over the store. A place's name is its resolved name, else its
    text; its kind and coordinates are its first mention's. ``since`` / ``until``
    compare publication days. Each group: ``{name, country, kind, lat, lon, mentions,
    evidence: [{article_id, start, end}]}``.
    """
    if not has_table(conn, "places"):
        return [], 0
    scope, params = scope_filters(
        conn, article_id="p.article_id", outlet_column="a.outlet",
        day="substr(nullif(a.published, ''), 1, 10)",
        story=story, outlet=outlet, since=since, until=until)
    where = ["1", *scope]
    ranked = (
        "WITH f AS (SELECT p.id, p.article_id, p.start, p.end, p.country, p.lat, p.lon,"
        " nullif(p.feature, '') AS kind, coalesce(nullif(p.name, ''), nullif(p.text, ''), '?')"
        " AS g FROM places p JOIN articles a ON a.id = p.article_id WHERE "
        + " AND ".join(where) + "),"
        " r AS (SELECT f.*, row_number() OVER (PARTITION BY g, country"
        " ORDER BY article_id, start, id) AS rn, count(*) OVER (PARTITION BY g, country) AS n"
        " FROM f) ")
    total = conn.execute(ranked + "SELECT count(*) FROM r WHERE rn = 1", params).fetchone()[0]
    groups = [dict(r) for r in conn.execute(
        ranked + "SELECT g, country, kind, lat, lon, n FROM r WHERE rn = 1"
        " ORDER BY n DESC, g, article_id, start LIMIT ? OFFSET ?", [*params, limit, offset])]
    if not groups:
        return [], total
    pairs = ", ".join("(?, ?)" for _ in groups)
    found: dict[tuple[str, str | None], list[dict[str, Any]]] = {}
    for r in conn.execute(
        ranked + f", pg(pg_g, pg_c) AS (VALUES {pairs})"
        " SELECT r.g, r.country, r.article_id, r.start, r.end FROM r JOIN pg"
        " ON r.g = pg.pg_g AND r.country IS pg.pg_c WHERE r.rn <= ? ORDER BY r.rn",
        [*params, *(v for g in groups for v in (g["g"], g["country"])), evidence]):
        found.setdefault((r["g"], r["country"]), []).append(
            {"article_id": r["article_id"], "start": r["start"], "end": r["end"]})
    return [{"name": g["g"], "country": g["country"], "kind": g["kind"], "lat": g["lat"],
             "lon": g["lon"], "mentions": g["n"],
             "evidence": found.get((g["g"], g["country"]), [])} for g in groups], total


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
        where.append(_STATED)
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
def export_events(conn: sqlite3.Connection, min_confidence: float = 0.0,
                  include_unasserted: bool = True) -> Iterator[dict[str, Any]]:
    """Flat event rows, each an :class:`EventRecord` (the record the API reads too): who →
    whom, type/mode, place with lat/lon, date, evidence span."""
    for row in list_events(conn, min_confidence=min_confidence,
                           include_unasserted=include_unasserted):
        yield EventRecord.of(row).row()


@register_export("timexes")
def export_timexes(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """Every time expression as its :class:`TimexRecord`: words, span, TIMEX3 reading."""
    for row in list_timexes(conn):
        yield TimexRecord.of(row).row()


@register_export("places")
def export_places(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """Every toponym as its :class:`PlaceRecord` (``PlaceFields`` shared with the API)."""
    for row in list_places(conn):
        yield PlaceRecord.of(row).row()


@register_export("polecat", confidence=True)
def export_polecat(conn: sqlite3.Connection, min_confidence: float = 0.0,
                   include_unasserted: bool = True) -> Iterator[dict[str, Any]]:
    """Events in the column layout of the POLECAT dataset (PLOVER-coded, one row per event).

    Column names follow POLECAT's public release; fields we do not compute (COW
    codes, sectors, intensity) are left out rather than faked.
    """
    for row in list_events(conn, min_confidence=min_confidence,
                           include_unasserted=include_unasserted):
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
