"""Story queries for the CLI and the web, as plain dicts, and the ``stories`` export.

Digest, stance and corroboration are computed on request from the stored units and
cues (cheap: one story's rows), so they always reflect the latest articles.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any

from dossier.config import Settings
from dossier.store.db import has_table
from dossier.store.exports import register_export
from dossier.stories import corroboration as _corroboration
from dossier.stories import digest as _digest
from dossier.stories import stance as _stance


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
    out = []
    for row in rows:
        ids, outlets = _outlets(conn, row["id"])
        out.append(dict(row) | {"article_ids": ids, "outlets": outlets})
    return out


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


def story_digest(conn: sqlite3.Connection, story_id: str, words: int | None = None,
                 since: str | None = None, remember: bool = False,
                 settings: Settings | None = None) -> dict[str, Any] | None:
    """See :func:`dossier.stories.digest.digest`; ``since`` is a date, a time or "last"."""
    return _digest.digest(conn, story_id, settings, words, since, remember)


def story_stances(conn: sqlite3.Connection, story_id: str) -> dict[str, Any]:
    return _stance.stance_matrix(conn, story_id)


def story_corroboration(conn: sqlite3.Connection, story_id: str,
                        settings: Settings | None = None) -> dict[str, Any] | None:
    return _corroboration.corroboration(conn, story_id, settings)


@register_export("stories")
def export_stories(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """One row per story with its digest as a list of {text, outlets, article_ids, spans}."""
    for story in list_stories(conn, limit=1_000_000):
        dig = _digest.digest(conn, story["id"]) or {"sentences": []}
        yield {
            "id": story["id"], "title": story["title"], "first_seen": story["first_seen"],
            "last_seen": story["last_seen"], "article_ids": story["article_ids"],
            "outlets": story["outlets"],
            "digest": [{k: s[k] for k in ("text", "outlets", "article_ids", "spans")}
                       for s in dig["sentences"]],
        }
