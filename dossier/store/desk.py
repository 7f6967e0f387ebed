"""Queries only the analyst's desk needs, over tables the features publish.

Listing, search and single-article reads are ``dossier.store.articles``; quotes and
actors are ``dossier.store.quotes`` / ``actors``. What is here is the desk's own
need: article texts for evidence sentences, a story's members, and the facts of a
set of articles read straight from the feature tables by article id (the article
page highlights every fact of one article; a per-article read keeps it cheap).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

from dossier.store.canonical_actors import with_canonical_names
from dossier.store.db import has_table

# SQLite's default limit on host parameters is 999 on old builds: stay under it.
CHUNK = 500

# Fact tables the desk reads by article id (a whitelist: the name goes into the SQL).
FACT_TABLES = frozenset({"timexes", "places", "events", "stance_cues"})
_ACTOR_NAME_COLUMNS = {"events": ("source_actor", "target_actor"),
                       "stance_cues": ("source", "target")}


def _chunks(ids: Iterable[str]) -> Iterable[list[str]]:
    wanted = sorted(set(ids))
    for i in range(0, len(wanted), CHUNK):
        yield wanted[i : i + CHUNK]


def article_texts(conn: sqlite3.Connection, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """``{id: {id, title, outlet, published, text}}`` for the ids that exist."""
    found: dict[str, dict[str, Any]] = {}
    for chunk in _chunks(ids):
        rows = conn.execute(
            "SELECT id, title, outlet, published, text FROM articles"
            f" WHERE id IN ({','.join('?' * len(chunk))})",
            chunk,
        )
        found.update({row["id"]: dict(row) for row in rows})
    return found


def articles_by_ids(conn: sqlite3.Connection, ids: Iterable[str]) -> list[dict[str, Any]]:
    """Listing rows (no text) for the given ids, newest first."""
    out: list[dict[str, Any]] = []
    for chunk in _chunks(ids):
        rows = conn.execute(
            "SELECT id, source_path, url, outlet, title, byline, dateline, published, language"
            f" FROM articles WHERE id IN ({','.join('?' * len(chunk))})",
            chunk,
        )
        out += [dict(r) for r in rows]
    newest_first = sorted(out, key=lambda r: r["published"] or "", reverse=True)
    return sorted(newest_first, key=lambda r: r["published"] is None)  # undated last


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Articles, distinct outlets and ingest errors in the store."""
    row = conn.execute(
        "SELECT (SELECT count(*) FROM articles) AS articles,"
        " (SELECT count(DISTINCT outlet) FROM articles WHERE outlet IS NOT NULL) AS outlets,"
        " (SELECT count(*) FROM ingest_errors) AS errors"
    ).fetchone()
    return dict(row)


def count_matches(conn: sqlite3.Connection, fts_query: str, where: str = "",
                  args: Sequence[object] = ()) -> int:
    """How many articles a (prepared) FTS5 query matches, for paging search results;
    ``where``/``args`` narrow it as ``articles.search_filters`` says."""
    return conn.execute(
        "SELECT count(*) FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
        f" WHERE articles_fts MATCH ?{where}", (fts_query, *args)
    ).fetchone()[0]


def fact_rows(
    conn: sqlite3.Connection, table: str, article_ids: Iterable[str] | None = None
) -> list[dict[str, Any]]:
    """Rows of a fact table, all or for some articles; [] while the table has not landed."""
    if table not in FACT_TABLES:
        raise ValueError(f"not a fact table: {table}")
    if not has_table(conn, table):
        return []
    order = "article_id, start"
    if article_ids is None:
        out = [dict(r) for r in conn.execute(f"SELECT * FROM {table} ORDER BY {order}")]
    else:
        out = []
        for chunk in _chunks(article_ids):
            rows = conn.execute(
                f"SELECT * FROM {table} WHERE article_id IN ({','.join('?' * len(chunk))})"
                f" ORDER BY {order}",
                chunk,
            )
            out += [dict(r) for r in rows]
    # Events and stance cues hold an article's actor by its name there: show the merged one.
    return with_canonical_names(conn, out, _ACTOR_NAME_COLUMNS.get(table, ()))


def mention_rows(
    conn: sqlite3.Connection, *, article_id: str | None = None, actor_id: int | None = None,
    limit: int = 1000,
) -> list[dict[str, Any]]:
    """Actor mentions with their article-level actor (name, canonical id)."""
    if not has_table(conn, "actor_mentions"):
        return []
    where, args = [], []
    if article_id is not None:
        where.append("m.article_id = ?")
        args.append(article_id)
    if actor_id is not None:
        where.append("aa.actor_id = ?")
        args.append(actor_id)
    clause = (" WHERE " + " AND ".join(where)) if where else ""
    rows = conn.execute(
        "SELECT m.article_id, m.start, m.end, m.text, m.kind, m.mention_type, m.role,"
        " aa.name, aa.actor_id FROM actor_mentions m LEFT JOIN article_actors aa"
        " ON aa.article_id = m.article_id AND aa.actor_key = m.actor_key"
        f"{clause} ORDER BY m.article_id, m.start LIMIT ?",
        [*args, limit],
    )
    return [dict(r) for r in rows]


def actor_ids_in(conn: sqlite3.Connection, article_ids: Iterable[str]) -> set[int]:
    """Canonical actors that appear in any of the articles."""
    if not has_table(conn, "article_actors"):
        return set()
    found: set[int] = set()
    for chunk in _chunks(article_ids):
        rows = conn.execute(
            "SELECT DISTINCT actor_id FROM article_actors WHERE actor_id IS NOT NULL"
            f" AND article_id IN ({','.join('?' * len(chunk))})",
            chunk,
        )
        found.update(r[0] for r in rows)
    return found

