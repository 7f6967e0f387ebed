"""Queries only the analyst's desk needs: article texts for evidence, and the home page counts.

The web layer turns every (article id, start, end) into the sentence around it;
one query per page for all the articles involved keeps that cheap.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any

# SQLite's default limit on host parameters is 999 on old builds: stay under it.
CHUNK = 500


def article_texts(conn: sqlite3.Connection, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """``{id: {id, title, outlet, published, text}}`` for the ids that exist."""
    wanted = sorted(set(ids))
    found: dict[str, dict[str, Any]] = {}
    for i in range(0, len(wanted), CHUNK):
        chunk = wanted[i : i + CHUNK]
        marks = ",".join("?" * len(chunk))
        rows = conn.execute(
            f"SELECT id, title, outlet, published, text FROM articles WHERE id IN ({marks})",
            chunk,
        )
        found.update({row["id"]: dict(row) for row in rows})
    return found


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Articles, distinct outlets and ingest errors in the store."""
    row = conn.execute(
        "SELECT (SELECT count(*) FROM articles) AS articles,"
        " (SELECT count(DISTINCT outlet) FROM articles WHERE outlet IS NOT NULL) AS outlets,"
        " (SELECT count(*) FROM ingest_errors) AS errors"
    ).fetchone()
    return dict(row)


def has_table(conn: sqlite3.Connection, name: str) -> bool:
    """Whether a feature's table exists yet (features land at different times)."""
    row = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?", (name,)
    ).fetchone()
    return row is not None


ARTICLE_COLUMNS = (
    "id, title, outlet, published, url, byline, dateline, language, source_path, "
    "substr(text, 1, 240) AS snippet"
)


def list_articles(
    conn: sqlite3.Connection,
    *,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
    story: str | None = None,
    ids: Iterable[str] | None = None,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[dict[str, Any]], int]:
    """Articles newest first with their total, filtered by outlet, date range or ids."""
    where, args = ["1=1"], []
    if outlet:
        where.append("outlet = ? COLLATE NOCASE")
        args.append(outlet)
    if since:
        where.append("substr(published, 1, 10) >= ?")
        args.append(since[:10])
    if until:
        where.append("substr(published, 1, 10) <= ?")
        args.append(until[:10])
    if story is not None:
        if not has_table(conn, "story_articles"):
            return [], 0
        where.append("id IN (SELECT article_id FROM story_articles WHERE story_id = ?)")
        args.append(story)
    if ids is not None:
        id_list = sorted(set(ids))[:CHUNK]
        where.append(f"id IN ({','.join('?' * len(id_list))})")
        args += id_list
    clause = " AND ".join(where)
    total = conn.execute(f"SELECT count(*) FROM articles WHERE {clause}", args).fetchone()[0]
    rows = conn.execute(
        f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE {clause}"
        " ORDER BY published IS NULL, published DESC, rowid DESC LIMIT ? OFFSET ?",
        [*args, limit, offset],
    )
    return [dict(r) for r in rows], total


def get_article(conn: sqlite3.Connection, article_id: str) -> dict[str, Any] | None:
    """One article with its text and the blocks the cleaner removed."""
    row = conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        return None
    removed = conn.execute(
        "SELECT reason, text, position FROM removed_blocks WHERE article_id = ? ORDER BY seq",
        (article_id,),
    )
    return {**dict(row), "removed": [dict(r) for r in removed]}


def search_articles(
    conn: sqlite3.Connection, query: str, *, limit: int = 50, offset: int = 0
) -> tuple[list[dict[str, Any]], int]:
    """FTS5 search; the query is quoted term by term so user input is never FTS syntax."""
    terms = [t.replace('"', '""') for t in query.split()]
    match = " ".join(f'"{t}"' for t in terms if t)
    if not match:
        return [], 0
    total = conn.execute(
        "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", (match,)
    ).fetchone()[0]
    rows = conn.execute(
        "SELECT a.id, a.title, a.outlet, a.published, a.url, a.byline, a.dateline,"
        " a.language, a.source_path,"
        " snippet(articles_fts, 1, '', '', ' … ', 24) AS snippet"
        " FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
        " WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts) LIMIT ? OFFSET ?",
        (match, limit, offset),
    )
    return [dict(r) for r in rows], total


def list_errors(
    conn: sqlite3.Connection, *, limit: int = 50, offset: int = 0
) -> tuple[list[dict[str, Any]], int]:
    total = conn.execute("SELECT count(*) FROM ingest_errors").fetchone()[0]
    rows = conn.execute(
        "SELECT source_path, locator, reason, created_at FROM ingest_errors"
        " ORDER BY id DESC LIMIT ? OFFSET ?",
        (limit, offset),
    )
    return [dict(r) for r in rows], total


def story_article_ids(conn: sqlite3.Connection, story_id: str) -> set[str]:
    """Members of a story (``story_articles`` is the stories feature's published contract)."""
    if not has_table(conn, "story_articles"):
        return set()
    rows = conn.execute("SELECT article_id FROM story_articles WHERE story_id = ?", (story_id,))
    return {r[0] for r in rows}


def stories_of_article(conn: sqlite3.Connection, article_id: str) -> list[str]:
    if not has_table(conn, "story_articles"):
        return []
    rows = conn.execute(
        "SELECT story_id FROM story_articles WHERE article_id = ? ORDER BY story_id", (article_id,)
    )
    return [r[0] for r in rows]
