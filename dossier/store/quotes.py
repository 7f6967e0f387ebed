"""Quotes in the store: writes, the "who said what" query the CLI and web share, the export."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from dossier.extract.speakers import display_name
from dossier.lexicon.actors import normalize_name
from dossier.store.db import has_table
from dossier.store.exports import register_export
from dossier.store.page_filters import scope_filters
from dossier.store.records import QuoteRecord

if TYPE_CHECKING:
    from dossier.extract.quotes import Quote

_FIELDS = (
    "kind", "content", "content_start", "content_end", "cue", "cue_start", "cue_end",
    "speaker", "speaker_start", "speaker_end", "speaker_key", "on_behalf_of", "on_behalf_key",
    "channel", "channel_start", "channel_end", "setting", "setting_start", "setting_end",
)


class NoStories(LookupError):
    """The store has no story membership table (stories were never built in it)."""


def save_quotes(conn: sqlite3.Connection, article_id: str, quotes: list[Quote]) -> None:
    conn.executemany(
        f"INSERT INTO quotes (article_id, seq, {', '.join(_FIELDS)})"
        f" VALUES (?, ?, {', '.join('?' for _ in _FIELDS)})",
        [(article_id, seq, *(getattr(q, f) for f in _FIELDS)) for seq, q in enumerate(quotes)],
    )


_SELECT = (
    "SELECT q.id, q.article_id, ar.published, ar.outlet, ar.title, q.kind, q.speaker,"
    " s.actor_id AS speaker_actor_id, sa.name AS speaker_actor,"
    " s.name AS speaker_article_actor,"
    " q.on_behalf_of, b.actor_id AS on_behalf_actor_id,"
    " q.cue, q.content, q.channel, q.setting,"
    " q.speaker_start, q.speaker_end, q.cue_start, q.cue_end, q.content_start, q.content_end,"
    " q.channel_start, q.channel_end"
    " FROM quotes q JOIN articles ar ON ar.id = q.article_id"
    " LEFT JOIN article_actors s ON s.article_id = q.article_id AND s.actor_key = q.speaker_key"
    " LEFT JOIN actors sa ON sa.id = s.actor_id"
    " LEFT JOIN article_actors b"
    "   ON b.article_id = q.article_id AND b.actor_key = q.on_behalf_key"
)


def _quote_filters(conn: sqlite3.Connection, speaker: str | None, story: int | str | None,
                   actor_id: int | None, article_id: str | None) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if speaker:
        key = normalize_name(speaker)
        where.append(
            "(lower(q.speaker) LIKE ? OR lower(q.on_behalf_of) LIKE ? OR lower(sa.name) LIKE ?"
            " OR s.actor_id IN (SELECT actor_id FROM actor_aliases WHERE alias = ?)"
            " OR b.actor_id IN (SELECT actor_id FROM actor_aliases WHERE alias = ?))"
        )
        params += [f"%{key}%"] * 3 + [key, key]
    if story is not None:
        if not has_table(conn, "story_articles"):
            raise NoStories("this store has no stories yet (story_articles is missing)")
        where.append("q.article_id IN (SELECT article_id FROM story_articles WHERE story_id = ?)")
        params.append(story)
    if actor_id is not None:
        where.append("(s.actor_id = ? OR b.actor_id = ?)")
        params += [actor_id, actor_id]
    if article_id is not None:
        where.append("q.article_id = ?")
        params.append(article_id)
    return where, params


def list_quotes(
    conn: sqlite3.Connection,
    speaker: str | None = None,
    story: int | str | None = None,
    actor_id: int | None = None,
    article_id: str | None = None,
    limit: int = 200,
) -> list[dict[str, Any]]:
    """Quotes by date, filtered by speaker name/alias (or whom they speak for), story, actor,
    article.

    Raises :class:`NoStories` when ``story`` is given but the store has no stories.
    """
    where, params = _quote_filters(conn, speaker, story, actor_id, article_id)
    sql = _SELECT + (" WHERE " + " AND ".join(where) if where else "")
    sql += " ORDER BY ar.published, q.article_id, q.seq LIMIT ?"
    return [_with_name(dict(r)) for r in conn.execute(sql, [*params, limit])]


def quote_page(
    conn: sqlite3.Connection,
    *,
    speaker: str | None = None,
    story: int | str | None = None,
    actor_id: int | None = None,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[dict[str, Any]], int]:
    """One page of quotes and how many match in all, filtered and ordered in the query
    (by publication day, undated last, then article and position), so a page costs
    its own rows, not the store's. ``outlet`` matches case-insensitively; ``since`` /
    ``until`` compare publication days (an undated quote matches no date range)."""
    where, params = _quote_filters(conn, speaker, story, actor_id, None)
    where.append("q.content_start IS NOT NULL AND q.content_end IS NOT NULL")  # has evidence
    scope, scope_params = scope_filters(
        conn, article_id="q.article_id", outlet_column="ar.outlet",
        day="substr(nullif(ar.published, ''), 1, 10)", outlet=outlet, since=since, until=until)
    where += scope
    params += scope_params
    clause = " WHERE " + " AND ".join(where)
    total = conn.execute(
        "SELECT count(*) FROM (" + _SELECT + clause + ")", params).fetchone()[0]
    sql = (_SELECT + clause + " ORDER BY nullif(ar.published, '') IS NULL, ar.published,"
           " q.article_id, q.content_start, q.seq LIMIT ? OFFSET ?")
    return [_with_name(dict(r)) for r in conn.execute(sql, [*params, limit, offset])], total


def _with_name(row: dict[str, Any]) -> dict[str, Any]:
    """Add ``speaker_name``: the resolved actor (canonical, else the article's), or the
    surface words when they name someone — never a bare pronoun. ``speaker`` stays the
    surface form, the evidence at ``speaker_start``..``speaker_end``."""
    row["speaker_name"] = display_name(
        row["speaker"], row.get("speaker_actor") or row.get("speaker_article_actor"))
    return row


@register_export("quotes")
def export_quotes(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """Every quote as its :class:`QuoteRecord` (the record the API reads too): the speaker
    as resolved (``speaker``), the article's words as evidence (``speaker_surface``,
    ``speaker_span``), the canonical actor, cue and content."""
    for row in conn.execute(_SELECT + " ORDER BY q.article_id, q.seq"):
        yield QuoteRecord.of(_with_name(dict(row))).model_dump()
