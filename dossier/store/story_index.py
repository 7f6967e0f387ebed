"""The clusterer's state in the store: stories, their members, centroids and term counts.

The incremental clusterer (:mod:`dossier.stories.cluster`) decides which story an article
joins; these are its reads and writes, inside the batch transaction.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections import Counter
from collections.abc import Iterable, Sequence

from dossier.store.db import has_table


def cluster_inputs(conn: sqlite3.Connection, ids: Sequence[str]) -> list[sqlite3.Row]:
    """What clustering reads per article (text, title, date, stored features, original),
    oldest first."""
    marks = ",".join("?" * len(ids))
    return list(conn.execute(
        f"SELECT a.id, a.text, a.title, a.published, f.terms, f.entities, c.original_id"
        f" FROM articles a LEFT JOIN story_features f ON f.article_id = a.id"
        f" LEFT JOIN article_copies c ON c.article_id = a.id WHERE a.id IN ({marks})"
        f" ORDER BY a.published IS NULL, a.published, a.rowid", list(ids)))


def clustered_count(conn: sqlite3.Connection) -> int:
    """Articles already clustered: each is in exactly one story."""
    return conn.execute("SELECT count(*) FROM story_articles").fetchone()[0]


def stories_seen_since(conn: sqlite3.Connection, day: str | None) -> list[sqlite3.Row]:
    """Stories last seen on or after ``day`` (or never dated); every story if ``day`` is None."""
    if day is None:
        return list(conn.execute("SELECT * FROM stories"))
    return list(conn.execute("SELECT * FROM stories WHERE last_seen IS NULL OR last_seen >= ?",
                             (day,)))


def story_row(conn: sqlite3.Connection, story_id: str) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM stories WHERE id = ?", (story_id,)).fetchone()


def term_dfs(conn: sqlite3.Connection, terms: Iterable[str]) -> Counter[str]:
    """Document frequencies of the given terms (keys) among clustered articles."""
    wanted = list(set(terms))
    found: Counter[str] = Counter()
    for i in range(0, len(wanted), 500):
        chunk = wanted[i : i + 500]
        marks = ",".join("?" * len(chunk))
        found.update(dict(conn.execute(
            f"SELECT term, df FROM story_term_df WHERE term IN ({marks})", chunk).fetchall()))
    return found


def count_terms(conn: sqlite3.Connection, keys: Sequence[str]) -> None:
    """One more clustered document for each key (a key repeated counts once per repeat)."""
    conn.executemany(
        "INSERT INTO story_term_df(term, df) VALUES (?, 1)"
        " ON CONFLICT(term) DO UPDATE SET df = df + 1", [(k,) for k in keys])


def stories_of(conn: sqlite3.Connection, article_ids: Sequence[str]) -> dict[str, str]:
    """Article id → the story it is in, for those already clustered."""
    return {row[0]: row[1] for row in conn.execute(
        "SELECT article_id, story_id FROM story_articles WHERE article_id IN "
        f"({','.join('?' * len(article_ids))})", list(article_ids))}


def add_member(conn: sqlite3.Connection, story_id: str, article_id: str,
               similarity: float | None) -> None:
    """Put an article in a story (creating the story's row if it is new)."""
    conn.execute("INSERT OR IGNORE INTO stories(id, centroid) VALUES (?, '{}')", (story_id,))
    conn.execute("INSERT OR IGNORE INTO story_articles(story_id, article_id, similarity)"
                 " VALUES (?,?,?)", (story_id, article_id, similarity))


def members(conn: sqlite3.Connection, story_id: str) -> list[str]:
    return [r[0] for r in conn.execute(
        "SELECT article_id FROM story_articles WHERE story_id = ?", (story_id,))]


def day_range(conn: sqlite3.Connection, story_id: str) -> tuple[str | None, str | None, int]:
    """(first day, last day, number of articles) of a story."""
    row = conn.execute(
        "SELECT min(substr(a.published, 1, 10)), max(substr(a.published, 1, 10)), count(*)"
        " FROM story_articles s"
        " JOIN articles a ON a.id = s.article_id WHERE s.story_id = ?", (story_id,)).fetchone()
    return row[0], row[1], row[2]


def save_story(conn: sqlite3.Connection, story_id: str, title: str | None,
               title_article_id: str | None, first_seen: str | None, last_seen: str | None,
               n_articles: int, centroid: str) -> None:
    conn.execute(
        "INSERT INTO stories(id, title, title_article_id, first_seen, last_seen, n_articles,"
        " centroid) VALUES (?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET title=excluded.title,"
        " title_article_id=excluded.title_article_id, first_seen=excluded.first_seen,"
        " last_seen=excluded.last_seen, n_articles=excluded.n_articles,"
        " centroid=excluded.centroid,"
        " updated_at=strftime('%Y-%m-%dT%H:%M:%SZ','now')",
        (story_id, title, title_article_id, first_seen, last_seen, n_articles, centroid))


def story_version(conn: sqlite3.Connection, story_id: str) -> str | None:
    """A fingerprint of what a story's views read that an ingest can change: the story's
    title, its articles (rowids: a stored article's text and facts never change), their
    outlets (the outlet-names step renames them), the original each is a copy of (dedup
    may make a new article the original of older ones) and the canonical actor, with its
    name, of each actor of its articles (actor merging joins and renames them as other
    stories arrive). None when there is no such story. Costs indexed reads of the
    story's own rows."""
    story = conn.execute("SELECT title FROM stories WHERE id = ?", (story_id,)).fetchone()
    if story is None:
        return None
    # ordered in the query and joined into one string by SQLite: no Python pass per row
    members = conn.execute(
        "SELECT group_concat(r, '|') FROM (SELECT a.rowid || ',' || coalesce(a.outlet, '')"
        " || ',' || coalesce(c.original_id, '') AS r FROM story_articles s"
        " JOIN articles a ON a.id = s.article_id"
        " LEFT JOIN article_copies c ON c.article_id = a.id WHERE s.story_id = ?"
        " ORDER BY a.rowid)", (story_id,)).fetchone()[0]
    actors = None
    if has_table(conn, "article_actors"):
        actors = conn.execute(
            "SELECT group_concat(r, '|') FROM (SELECT aa.article_id || ',' || aa.actor_key"
            " || ',' || coalesce(aa.actor_id, '') || ',' || coalesce(ca.name, '') AS r"
            " FROM story_articles s JOIN article_actors aa ON aa.article_id = s.article_id"
            " LEFT JOIN actors ca ON ca.id = aa.actor_id WHERE s.story_id = ?"
            " ORDER BY aa.article_id, aa.actor_key)", (story_id,)).fetchone()[0]
    digest = hashlib.blake2b(repr((story[0], members, actors)).encode(), digest_size=16)
    return digest.hexdigest()


def save_keys(conn: sqlite3.Connection, story_id: str, keys: Iterable[str]) -> None:
    """Replace a story's distinctive terms (what a dormant story is found by)."""
    conn.execute("DELETE FROM story_keys WHERE story_id = ?", (story_id,))
    conn.executemany("INSERT OR IGNORE INTO story_keys(term, story_id) VALUES (?, ?)",
                     [(k, story_id) for k in keys])


def stories_by_keys(conn: sqlite3.Connection, keys: Sequence[str], min_shared: int,
                    limit: int) -> list[sqlite3.Row]:
    """Stories sharing at least ``min_shared`` of ``keys``, most shared first, at most
    ``limit``: an indexed read per key, whatever the store's size."""
    if not keys:
        return []
    marks = ",".join("?" * len(keys))
    return list(conn.execute(
        f"SELECT s.* FROM stories s JOIN (SELECT story_id, count(*) AS shared FROM story_keys"
        f" WHERE term IN ({marks}) GROUP BY story_id HAVING count(*) >= ?"
        f" ORDER BY shared DESC, story_id LIMIT ?) k ON k.story_id = s.id"
        f" ORDER BY k.shared DESC, s.id", [*keys, min_shared, limit]))
