"""Story queries for the CLI, the web and the story views, as plain dicts.

The views themselves (digest, stance, corroboration) and the ``stories`` export are in
:mod:`dossier.stories.views`: computed on request from the stored units and cues.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from typing import Any

from dossier.store.db import has_table


def _outlets(conn: sqlite3.Connection, story_id: str) -> tuple[list[str], list[str]]:
    rows = conn.execute(
        "SELECT a.id, a.outlet, a.title, a.published FROM story_articles s"
        " JOIN articles a ON a.id = s.article_id WHERE s.story_id = ?"
        " ORDER BY a.published IS NULL, a.published, a.rowid", (story_id,)).fetchall()
    ids = [r["id"] for r in rows]
    outlets = list(dict.fromkeys(r["outlet"] for r in rows if r["outlet"]))
    return ids, outlets


def list_stories(conn: sqlite3.Connection, limit: int = 100, offset: int = 0,
                 since: str | None = None) -> list[dict[str, Any]]:
    """Stories, most recently active first: ``{id, title, first_seen, last_seen,
    n_articles, article_ids, outlets}``."""
    if not has_table(conn, "stories"):
        return []
    where, args = ("WHERE last_seen >= ?", [since]) if since else ("", [])
    rows = conn.execute(
        f"SELECT id, title, first_seen, last_seen, n_articles FROM stories {where}"
        " ORDER BY last_seen DESC, n_articles DESC, id LIMIT ? OFFSET ?",
        [*args, limit, offset]).fetchall()
    return _with_members(conn, rows)


def _with_members(conn: sqlite3.Connection, rows: list[sqlite3.Row]) -> list[dict[str, Any]]:
    """Each story row with its article ids and outlets, read for these stories only."""
    out = []
    for row in rows:
        ids, outlets = _outlets(conn, row["id"])
        out.append(dict(row) | {"article_ids": ids, "outlets": outlets})
    return out


def story_page(conn: sqlite3.Connection, *, since: str | None = None, until: str | None = None,
               story: str | None = None, limit: int = 50,
               offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    """One page of stories in ``list_stories`` order and how many match in all, paged in
    the query (the members and outlets are read for the page's stories only). ``since``:
    last seen on or after that day; ``until``: first seen on or before it (a story never
    dated matches no ``until``)."""
    if not has_table(conn, "stories"):
        return [], 0
    where, args = [], []
    if since:
        where.append("substr(coalesce(last_seen, ''), 1, 10) >= ?")
        args.append(since[:10])
    if until:
        where.append("first_seen IS NOT NULL AND first_seen != ''"
                     " AND substr(first_seen, 1, 10) <= ?")
        args.append(until[:10])
    if story:
        where.append("id = ?")
        args.append(story)
    clause = " WHERE " + " AND ".join(where) if where else ""
    total = conn.execute(f"SELECT count(*) FROM stories{clause}", args).fetchone()[0]
    rows = conn.execute(
        f"SELECT id, title, first_seen, last_seen, n_articles FROM stories{clause}"
        " ORDER BY last_seen DESC, n_articles DESC, id LIMIT ? OFFSET ?",
        [*args, limit, offset]).fetchall()
    return _with_members(conn, rows), total


def resolve_story(conn: sqlite3.Connection, id_or_prefix: str) -> str | None:
    """A story id from a full id or an unambiguous prefix."""
    rows = conn.execute("SELECT id FROM stories WHERE id = ? OR id LIKE ? LIMIT 2",
                        (id_or_prefix, id_or_prefix.replace("%", "") + "%")).fetchall()
    exact = [r[0] for r in rows if r[0] == id_or_prefix]
    if exact:
        return exact[0]
    return rows[0][0] if len(rows) == 1 else None


def get_story(conn: sqlite3.Connection, story_id: str) -> dict[str, Any] | None:
    row = conn.execute("SELECT id, title, first_seen, last_seen, n_articles FROM stories"
                       " WHERE id = ?", (story_id,)).fetchone()
    if row is None:
        return None
    ids, outlets = _outlets(conn, story_id)
    return dict(row) | {"article_ids": ids, "outlets": outlets}


def stories_of_article(conn: sqlite3.Connection, article_id: str) -> list[str]:
    if not has_table(conn, "story_articles"):
        return []
    return [r[0] for r in conn.execute(
        "SELECT story_id FROM story_articles WHERE article_id = ?", (article_id,))]


def copies(conn: sqlite3.Connection, story_id: str | None = None) -> list[dict[str, Any]]:
    """Syndicated copies ``{article_id, original_id, similarity}``, optionally of one story."""
    if story_id is None:
        return [dict(r) for r in conn.execute("SELECT * FROM article_copies")]
    return [dict(r) for r in conn.execute(
        "SELECT c.* FROM article_copies c JOIN story_articles s ON s.article_id = c.article_id"
        " WHERE s.story_id = ?", (story_id,))]


def last_asked(conn: sqlite3.Connection, story_id: str) -> tuple[str, int] | None:
    """When the story's digest was last asked for, and the highest article rowid then."""
    row = conn.execute("SELECT asked_at, coalesce(seen_rowid, 0) FROM story_digest_asked"
                       " WHERE story_id = ?", (story_id,)).fetchone()
    return (row[0], row[1]) if row else None


def mark_asked(conn: sqlite3.Connection, story_id: str) -> None:
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    conn.execute("INSERT INTO story_digest_asked(story_id, asked_at, seen_rowid)"
                 " VALUES (?, ?, (SELECT coalesce(max(rowid), 0) FROM articles))"
                 " ON CONFLICT(story_id) DO UPDATE SET asked_at = excluded.asked_at,"
                 " seen_rowid = excluded.seen_rowid", (story_id, now))
    conn.commit()
