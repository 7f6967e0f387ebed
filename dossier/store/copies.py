"""Syndicated copies in the store: MinHash signatures and copy → original links.

The copy detector (:mod:`dossier.stories.dedup`) decides; these are its reads and writes.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence


def articles_by_date(conn: sqlite3.Connection, ids: Sequence[str]) -> list[sqlite3.Row]:
    """``id, text, published`` of the given articles, oldest first (undated last)."""
    marks = ",".join("?" * len(ids))
    return list(conn.execute(
        f"SELECT id, text, published FROM articles WHERE id IN ({marks})"
        " ORDER BY published IS NULL, published, rowid", list(ids)))


def save_signature(conn: sqlite3.Connection, article_id: str, signature: bytes) -> None:
    conn.execute("INSERT OR REPLACE INTO article_minhash(article_id, signature) VALUES (?,?)",
                 (article_id, signature))


def signatures(conn: sqlite3.Connection, lo: str | None = None,
               hi: str | None = None) -> list[sqlite3.Row]:
    """Stored signatures with publication dates: all, or those published between ``lo`` and
    ``hi`` plus the undated ones."""
    if lo is None or hi is None:
        return list(conn.execute(
            "SELECT m.article_id, m.signature, a.published FROM article_minhash m"
            " JOIN articles a ON a.id = m.article_id"))
    return list(conn.execute(
        "SELECT m.article_id, m.signature, a.published FROM article_minhash m"
        " JOIN articles a ON a.id = m.article_id"
        " WHERE a.published IS NULL OR (a.published >= ? AND a.published <= ?)", (lo, hi)))


def original_of(conn: sqlite3.Connection, article_id: str) -> str:
    row = conn.execute("SELECT original_id FROM article_copies WHERE article_id = ?",
                       (article_id,)).fetchone()
    return row[0] if row else article_id


def credits_outlet(conn: sqlite3.Connection, article_id: str, other_id: str) -> bool:
    """Does ``other_id``'s text credit ``article_id``'s outlet ("(Meridian Wire)")?"""
    row = conn.execute(
        "SELECT a.outlet, b.text FROM articles a, articles b WHERE a.id = ? AND b.id = ?",
        (article_id, other_id)).fetchone()
    return bool(row and row[0] and row[0].casefold() in row[1].casefold())


def publication_days(conn: sqlite3.Connection, *ids: str) -> dict[str, str | None]:
    """Article id → its publication day (``YYYY-MM-DD``) or None."""
    marks = ",".join("?" * len(ids))
    return dict(conn.execute(f"SELECT id, substr(published, 1, 10) FROM articles"
                             f" WHERE id IN ({marks})", ids).fetchall())


def link_copy(conn: sqlite3.Connection, copy_id: str, original_id: str,
              similarity: float) -> None:
    conn.execute("INSERT OR REPLACE INTO article_copies(article_id, original_id, similarity)"
                 " VALUES (?,?,?)", (copy_id, original_id, similarity))


def make_original(conn: sqlite3.Connection, new_id: str, old_id: str, similarity: float) -> None:
    """``new_id`` becomes the original of ``old_id``'s group, and ``old_id`` its copy."""
    conn.execute("UPDATE article_copies SET original_id = ? WHERE original_id = ?",
                 (new_id, old_id))
    link_copy(conn, old_id, new_id, similarity)
