"""The timeline: events and dated statements in the order they happened, not the order reported.

An event's date is the one its own clause gives ("confined on Wednesday"), else its
article's publication date, said so (``date_basis`` "reported"), else none ("unknown",
sorted last). Another report of the same act never re-dates it: a date is only ever
read from the event's own evidence.
The same act reported by several sentences or outlets becomes one row with all
its evidence — only when its type, mode, participants, place and day agree (a
launch on 29 August and one on 15 September are two acts, a missile fired by one
country and one fired by another too).

A story of a dozen articles still yields hundreds of rows; each gets a
``salience`` (independent outlets reporting it, how early in its articles, its
confidence) and, when the caller asks for ``shown`` rows, all but the most salient
are marked ``folded``: the analyst reads the key acts first, the rest one step away.
"""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from typing import Any

from dossier.extract.speakers import display_name
from dossier.extract.text import parse_day
from dossier.extract.timex import BOUND_MODS
from dossier.lexicon.actors import is_title_word
from dossier.store.db import has_table
from dossier.store.events import list_events


def _words(name: str | None) -> set[str]:
    stop = {"the", "of", "and", "his", "her", "their", "s"}
    return {w for w in (name or "").lower().replace("’", " ").replace("'", " ").split()
            if w not in stop and not is_title_word(w)}


def _same(a: str | None, b: str | None) -> bool:
    """One name's words all in the other's ("Trump", "President Donald Trump"); one shared
    word is not enough ("North Korea" and "South Korea", "U.S. Navy" and "U.S. Army")."""
    small, big = sorted((_words(a), _words(b)), key=len)
    return bool(small) and small <= big


def _date_events(events: list[dict[str, Any]]) -> None:
    for event in events:
        if event["date"]:
            event["date_basis"] = "text"
            continue
        event["date"] = (event["published"] or "")[:10] or None
        event["date_basis"] = "reported" if event["date"] else "unknown"


def _agree(a: str | None, b: str | None) -> bool:
    """Two reports agree on a participant or place unless both name it and differ."""
    return not a or not b or _same(a, b)


def _agree_code(a: str | None, b: str | None) -> bool:
    return not a or not b or a == b


def _same_act(row: dict[str, Any], event: dict[str, Any]) -> bool:
    """Type, mode, day, target, source (name and country) and place all agree."""
    return (row["kind"] == "event" and row["when"] == event["date"]
            and row["type"] == event["type"] and row["mode"] == event["mode"]
            and _same(row["target_actor"], event["target_actor"])
            and _agree(row["source_actor"], event["source_actor"])
            and _agree_code(row["source_country"], event["source_country"])
            and _agree_code(row.get("target_country"), event["target_country"])
            and _agree(row["place"], event["place"])
            and _agree_code(row["country"], event["country"]))


def _evidence(item: dict[str, Any], start: int, end: int) -> dict[str, Any]:
    """One report of a row: where it is, and what its salience is computed from."""
    chars = item.get("article_chars") or 0
    return {"article_id": item["article_id"], "start": start, "end": end,
            "outlet": item.get("outlet"),
            "position": round(start / chars, 3) if chars else None}


def _group(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Reports of one act into one row. Two reports can only be one act on the same day,
    type and mode, so each event is compared with the rows of its own (day, type, mode)
    only, in the order they were made: the same first match as scanning every row, at
    the cost of the story's events rather than their square."""
    rows: list[dict[str, Any]] = []
    same_day: dict[tuple, list[dict[str, Any]]] = {}
    for event in events:
        bucket = same_day.setdefault((event["date"], event["type"], event["mode"]), [])
        match = next((r for r in bucket if _same_act(r, event)), None)
        evidence = _evidence(event, event["start"], event["end"])
        evidence["trigger"] = [event["trigger_start"], event["trigger_end"]]
        if match is not None:
            match["evidence"].append(evidence)
            match["source_actor"] = match["source_actor"] or event["source_actor"]
            match["source_country"] = match["source_country"] or event["source_country"]
            match["target_country"] = match["target_country"] or event["target_country"]
            match["place"] = match["place"] or event["place"]
            match["country"] = match["country"] or event["country"]
            match["confidence"] = max(match["confidence"], event["confidence"])
            continue
        bucket.append({
            "when": event["date"], "date_basis": event["date_basis"], "kind": "event",
            "type": event["type"], "mode": event["mode"], "modality": event["modality"],
            "in_quote": event["in_quote"], "source_actor": event["source_actor"],
            "source_country": event["source_country"], "target_actor": event["target_actor"],
            "target_country": event["target_country"],
            "place": event["place"], "country": event["country"], "lat": event["lat"],
            "lon": event["lon"], "confidence": event["confidence"], "evidence": [evidence],
        })
        rows.append(bucket[-1])
    return rows


def _statements(conn: sqlite3.Connection, story: int | str | None, window: int,
                published: tuple[str, str] | None = None) -> list[dict[str, Any]]:
    """Quotes with the date their cue clause gives ("said on Thursday"), else publication."""
    if not has_table(conn, "quotes"):
        return []
    resolved = has_table(conn, "article_actors")
    sql = ("SELECT q.article_id, q.speaker, q.cue, q.cue_start, q.cue_end, q.content,"
           " q.content_start, q.content_end, a.published, a.outlet,"
           " length(a.text) AS article_chars,"
           + (" coalesce(ca.name, aa.name) AS speaker_actor FROM quotes q"
              " LEFT JOIN article_actors aa"
              "   ON aa.article_id = q.article_id AND aa.actor_key = q.speaker_key"
              " LEFT JOIN actors ca ON ca.id = aa.actor_id" if resolved else
              " NULL AS speaker_actor FROM quotes q")
           + " JOIN articles a ON a.id = q.article_id")
    params: list[Any] = []
    where = []
    if story is not None:
        where.append("q.article_id IN (SELECT article_id FROM story_articles WHERE story_id = ?)")
        params.append(story)
    if published is not None:
        where.append("a.published >= ? AND a.published < ?")
        params += [published[0], published[1] + "\uffff"]
    if where:
        sql += " WHERE " + " AND ".join(where)
    quotes = [dict(q) for q in conn.execute(sql, params)]
    days = _cue_timexes(conn, {q["article_id"] for q in quotes if q["cue_start"] is not None})
    rows = []
    for quote in quotes:
        when, basis = _cue_date(days.get(quote["article_id"], []), quote, window)
        rows.append({
            "when": when, "date_basis": basis, "kind": "statement", "type": None, "mode": None,
            "modality": "asserted", "in_quote": True,
            "source_actor": display_name(quote["speaker"], quote["speaker_actor"]),
            "source_country": None, "target_actor": None, "place": None, "country": None,
            "lat": None, "lon": None, "confidence": None, "cue": quote["cue"],
            "content": quote["content"],
            "evidence": [_evidence(dict(quote), quote["content_start"], quote["content_end"])],
        })
    return rows


def _cue_timexes(conn: sqlite3.Connection,
                 article_ids: set[str]) -> dict[str, list[tuple[int, int, str]]]:
    """Per article, its whole-day time expressions that may date a statement: (start, row
    id, day), read once for all the statements of a timeline."""
    out: dict[str, list[tuple[int, int, str]]] = {}
    ids = sorted(article_ids)
    bounds = ", ".join(repr(m) for m in sorted(BOUND_MODS))
    for n in range(0, len(ids), 500):
        chunk = ids[n : n + 500]
        for article_id, start, rowid, value in conn.execute(
            "SELECT article_id, start, id, value FROM timexes"
            f" WHERE article_id IN ({','.join('?' * len(chunk))}) AND type IN ('DATE', 'TIME')"
            " AND value GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'"
            f" AND coalesce(mod, '') NOT IN ({bounds})", chunk):
            out.setdefault(article_id, []).append((start, rowid, value[:10]))
    return out


def _cue_date(timexes: list[tuple[int, int, str]], quote: dict[str, Any],
              window: int) -> tuple[str | None, str]:
    """The day the time expression nearest the quote's cue names, among those of its
    article (``timexes``: ``_cue_timexes``) within ``window`` chars of the cue and outside
    what was said ("said on Thursday"), else the publication day."""
    cue_start = quote["cue_start"]
    if cue_start is not None:
        lo, hi = cue_start - window, quote["cue_end"] + window
        inside = (quote["content_start"], quote["content_end"])
        near = [(abs(start - cue_start), rowid, day) for start, rowid, day in timexes
                if lo <= start <= hi and not inside[0] <= start < inside[1]]
        if near:
            return min(near)[2], "text"
    published = (quote["published"] or "")[:10] or None
    return published, "reported" if published else "unknown"


def timeline(
    conn: sqlite3.Connection,
    story: int | str | None = None,
    with_statements: bool = True,
    include_unasserted: bool = False,
    min_confidence: float = 0.0,
    shown: int | None = None,
    *,
    statement_window: int,
    published: tuple[str, str] | None = None,
) -> list[dict[str, Any]]:
    """Events (and statements) of a story, or of the whole store, by when they happened.

    With ``shown``, only that many rows (the most salient) have ``folded`` False.
    ``statement_window``: ``Settings.statement_date_window`` (dating a statement by its cue).
    ``published`` (first day, last day): only what the articles published then report
    (see ``latest_days``: the whole store's timeline reads a window, never every row).
    Raises LookupError when ``story`` is given but the store has no stories.
    """
    events = list_events(conn, story=story, include_unasserted=include_unasserted,
                         min_confidence=min_confidence, published=published)
    _date_events(events)
    rows = _group(events)
    if with_statements:
        rows += _statements(conn, story, statement_window, published)
    rows.sort(key=lambda r: (r["when"] is None, r["when"] or "", r["kind"] != "event",
                             r["evidence"][0]["article_id"], r["evidence"][0]["start"]))
    for row in rows:
        row["salience"] = salience(row)
    ranked = sorted(range(len(rows)), key=lambda i: -rows[i]["salience"])
    key = set(ranked[:shown]) if shown is not None else set(ranked)
    for i, row in enumerate(rows):
        row["folded"] = i not in key
    return rows


def latest_days(conn: sqlite3.Connection, days: int) -> tuple[str, str] | None:
    """(first, last) day of the store's latest ``days`` days of publications, the last
    being the latest publication day (one read of the publication index); None when no
    article is dated. What a list of the whole store shows when no dates are asked: the
    latest news, at the cost of its own articles whatever the size of the archive."""
    row = conn.execute("SELECT max(published) FROM articles WHERE published > ''").fetchone()
    last = parse_day(row[0]) if row and row[0] else None
    if last is None:
        return None
    return (last - timedelta(days=max(days, 1) - 1)).isoformat(), last.isoformat()


def salience(row: dict[str, Any]) -> float:
    """How much a row leads its story: one point per independent outlet reporting it,
    up to half a point for how early in its articles it comes (a lead sentence is what
    the outlet judged news), up to half a point for confidence (statements: none)."""
    outlets = len({e.get("outlet") or e["article_id"] for e in row["evidence"]})
    positions = [e["position"] for e in row["evidence"] if e.get("position") is not None]
    early = 1.0 - min(positions) if positions else 0.0
    return round(outlets + 0.5 * early + 0.5 * (row.get("confidence") or 0.0), 3)
