"""Articles in the store: idempotent writes, and the queries the CLI, API and exports share.

Writes are ``INSERT OR IGNORE`` keyed on the content-hash article id: storing an
article that is already there changes nothing, and its facts are saved only when
the article row is new, so a re-ingest never duplicates them. Queries return plain
dicts so every caller (CLI, web, export) sees the same shape.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from dossier.store.exports import register_export

if TYPE_CHECKING:  # annotations only: a read command need not build the models
    from dossier.models import Article, IngestError

ARTICLE_COLUMNS = (
    "id, source_path, locator, url, outlet, title, byline, dateline, published,"
    " published_source, language, text, ingested_at"
)
LISTING_COLUMNS = (
    "id, source_path, locator, url, outlet, title, byline, dateline, published, language,"
    " length(text) AS chars, ingested_at"
)


def save_article(
    conn: sqlite3.Connection,
    article: Article,
    facts: Mapping[str, list[Any]],
) -> bool:
    """Store an article, its removed blocks and its facts; False if it was already stored."""
    cursor = conn.execute(
        "INSERT OR IGNORE INTO articles (id, source_path, locator, url, outlet, title, byline,"
        " dateline, published, published_source, language, text)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            article.id,
            article.source_path,
            article.locator,
            article.url,
            article.outlet,
            article.title,
            article.byline,
            article.dateline,
            article.published,
            article.published_source,
            article.language,
            article.text,
        ),
    )
    if cursor.rowcount == 0:
        return False
    conn.executemany(
        "INSERT INTO removed_blocks (article_id, seq, reason, text, position) VALUES (?,?,?,?,?)",
        [
            (article.id, seq, block.reason, block.text, block.position)
            for seq, block in enumerate(article.removed)
        ],
    )
    conn.executemany(
        "INSERT INTO clean_warnings (article_id, seq, warning) VALUES (?,?,?)",
        [(article.id, seq, warning) for seq, warning in enumerate(article.warnings)],
    )
    # Imported when writing: the fact writers pull in the Pydantic records and rapidfuzz,
    # which read commands (`dossier articles`, `show`, `search`) never need.
    from dossier.store.facts import save_facts

    save_facts(conn, article.id, facts)
    return True


def save_error(conn: sqlite3.Connection, error: IngestError) -> None:
    """Record refused input once: the same file failing the same way twice is one row."""
    conn.execute(
        "INSERT OR IGNORE INTO ingest_errors (source_path, locator, reason) VALUES (?, ?, ?)",
        (error.source_path, error.locator, error.reason),
    )


def source_finished(conn: sqlite3.Connection, path: str) -> dict[str, Any] | None:
    """The bookkeeping row of a file that was read to the end, if any."""
    row = conn.execute("SELECT * FROM sources WHERE path = ?", (path,)).fetchone()
    return dict(row) if row else None


def mark_source_finished(
    conn: sqlite3.Connection,
    path: str,
    display: str,
    size: int,
    mtime: float,
    sha256: str,
    articles: int,
    errors: int,
) -> None:
    """Call inside the transaction that commits the file's last article.

    ``path`` is the resolved key; ``display`` the spelling its rows were stored under.
    """
    conn.execute(
        "INSERT OR REPLACE INTO sources (path, display, size, mtime, sha256, articles, errors)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (path, display, size, mtime, sha256, articles, errors),
    )


def errors_for_source(conn: sqlite3.Connection, source_path: str) -> list[dict[str, Any]]:
    rows = conn.execute(
        "SELECT source_path, locator, reason, created_at FROM ingest_errors"
        " WHERE source_path = ? ORDER BY id",
        (source_path,),
    )
    return [dict(r) for r in rows]


def _filters(
    outlet: str | None, since: str | None, until: str | None
) -> tuple[str, list[Any]]:
    clauses, params = [], []
    if outlet:
        clauses.append("outlet = ? COLLATE NOCASE")
        params.append(outlet)
    if since:
        clauses.append("published >= ?")
        params.append(since)
    if until:
        # "2023-07-28" must include 2023-07-28T15:00: compare against the day's end.
        clauses.append("published <= ?")
        params.append(until if "T" in until else until + "T99")
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def list_articles(
    conn: sqlite3.Connection,
    *,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Articles newest first (undated last), filtered by outlet and publication date range."""
    where, params = _filters(outlet, since, until)
    rows = conn.execute(
        f"SELECT {LISTING_COLUMNS} FROM articles{where}"
        " ORDER BY published IS NULL, published DESC, id LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return [dict(r) for r in rows]


def count_articles(
    conn: sqlite3.Connection,
    *,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> int:
    where, params = _filters(outlet, since, until)
    return conn.execute(f"SELECT count(*) FROM articles{where}", params).fetchone()[0]


def removed_blocks(conn: sqlite3.Connection, article_id: str) -> list[dict[str, Any]]:
    rows = conn.execute(
        "SELECT seq, reason, text, position FROM removed_blocks WHERE article_id = ? ORDER BY seq",
        (article_id,),
    )
    return [dict(r) for r in rows]


def clean_warnings(conn: sqlite3.Connection, article_id: str) -> list[str]:
    """What the cleaner doubted about one article (kept text it would have removed, ...)."""
    rows = conn.execute(
        "SELECT warning FROM clean_warnings WHERE article_id = ? ORDER BY seq", (article_id,)
    )
    return [r[0] for r in rows]


def resolve_id(conn: sqlite3.Connection, id_or_prefix: str) -> str | None:
    """The full id for an id or a unique prefix of one (users paste the first 8 chars)."""
    rows = conn.execute(
        "SELECT id FROM articles WHERE id >= ? AND id < ? LIMIT 2",
        (id_or_prefix, id_or_prefix + "\uffff"),
    ).fetchall()
    return rows[0][0] if len(rows) == 1 else None


def get_article(conn: sqlite3.Connection, id_or_prefix: str) -> dict[str, Any] | None:
    """One article with its clean text, metadata and removed blocks (with reasons)."""
    article_id = resolve_id(conn, id_or_prefix)
    if article_id is None:
        return None
    row = conn.execute(
        f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE id = ?", (article_id,)
    ).fetchone()
    article = dict(row)
    article["removed"] = removed_blocks(conn, article_id)
    article["warnings"] = clean_warnings(conn, article_id)
    return article


def fts_query(query: str) -> str:
    """User words → an FTS5 query that cannot be a syntax error.

    Each word is quoted (so "U.S." or "co-op" do not trip FTS5's operators); words
    are ANDed, as a search box user expects. A query already using FTS5 syntax
    (quotes, AND/OR/NOT, NEAR, *) is passed through for power users.
    """
    if '"' in query or any(op in query.split() for op in ("AND", "OR", "NOT")) or "*" in query:
        return query
    return " ".join('"' + word.replace('"', "") + '"' for word in query.split())


def search_filters(outlet: str | None = None, since: str | None = None,
                   until: str | None = None, *, actor: str | None = None,
                   event_type: str | None = None,
                   min_confidence: float | None = None) -> tuple[str, list[Any]]:
    """SQL conditions (on ``a``, the articles table) narrowing a search.

    By outlet and day; to articles naming an actor (its name in the article, or the
    merged actor's name); to articles reporting an event (of ``event_type``, found with at
    least ``min_confidence``: the events' calibrated confidence).
    """
    sql, args = "", []
    if outlet:
        sql, args = sql + " AND a.outlet = ? COLLATE NOCASE", [*args, outlet]
    if since:
        sql, args = sql + " AND substr(a.published, 1, 10) >= ?", [*args, since[:10]]
    if until:
        sql, args = sql + " AND substr(a.published, 1, 10) <= ?", [*args, until[:10]]
    if actor:
        sql += (" AND EXISTS (SELECT 1 FROM article_actors aa"
                " LEFT JOIN actors ac ON ac.id = aa.actor_id WHERE aa.article_id = a.id"
                " AND (aa.name = ? COLLATE NOCASE OR ac.name = ? COLLATE NOCASE))")
        args += [actor, actor]
    if event_type or min_confidence is not None:
        where = ["e.article_id = a.id"]
        if event_type:
            where, args = [*where, "e.type = ? COLLATE NOCASE"], [*args, event_type]
        if min_confidence is not None:
            where, args = [*where, "e.confidence >= ?"], [*args, min_confidence]
        sql += f" AND EXISTS (SELECT 1 FROM events e WHERE {' AND '.join(where)})"
    return sql, args


def search_articles(
    conn: sqlite3.Connection, query: str, *, limit: int = 20, offset: int = 0,
    outlet: str | None = None, since: str | None = None, until: str | None = None,
    actor: str | None = None, event_type: str | None = None,
    min_confidence: float | None = None,
) -> list[dict[str, Any]]:
    """Full-text search over title and clean text, best match first, with a snippet."""
    where, args = search_filters(outlet, since, until, actor=actor, event_type=event_type,
                                 min_confidence=min_confidence)
    rows = conn.execute(
        "SELECT a.id, a.outlet, a.title, a.published,"
        " snippet(articles_fts, 1, '[', ']', '…', 16) AS snippet, bm25(articles_fts) AS score"
        " FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
        f" WHERE articles_fts MATCH ?{where} ORDER BY score LIMIT ? OFFSET ?",
        (fts_query(query), *args, limit, offset),
    )
    return [dict(r) for r in rows]


def list_errors(
    conn: sqlite3.Connection, *, limit: int = 1000, offset: int = 0
) -> list[dict[str, Any]]:
    rows = conn.execute(
        "SELECT source_path, locator, reason, created_at FROM ingest_errors"
        " ORDER BY source_path, id LIMIT ? OFFSET ?",
        (limit, offset),
    )
    return [dict(r) for r in rows]


def outlet_counts(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    rows = conn.execute(
        "SELECT coalesce(outlet, '(unknown)') AS outlet, count(*) AS articles FROM articles"
        " GROUP BY outlet ORDER BY articles DESC, outlet"
    )
    return [dict(r) for r in rows]


@register_export("articles")
def export_articles(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """Every article with its removed blocks, one dict per article, streamed in id order."""
    cursor = conn.execute(f"SELECT {ARTICLE_COLUMNS} FROM articles ORDER BY id")
    for row in cursor:
        article = dict(row)
        article["removed"] = [
            {"reason": b["reason"], "text": b["text"], "position": b["position"]}
            for b in removed_blocks(conn, article["id"])
        ]
        yield article


@register_export("ingest_errors")
def export_errors(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    yield from list_errors(conn, limit=-1)
