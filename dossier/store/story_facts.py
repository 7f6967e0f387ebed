"""One story's stored stance cues and events, as the stance and corroboration views read them."""

from __future__ import annotations

import sqlite3
from typing import Any

from dossier.store.canonical_actors import with_canonical_names


def stance_cues_of(conn: sqlite3.Connection, story_id: str,
                   supporting: bool = False) -> list[dict[str, Any]]:
    """The stance cues of the story's articles (only those backing someone if asked)."""
    return with_canonical_names(conn, [dict(r) for r in conn.execute(
        "SELECT c.* FROM stance_cues c JOIN story_articles s ON s.article_id = c.article_id"
        " WHERE s.story_id = ?" + (" AND c.polarity > 0" if supporting else ""), (story_id,))],
        ("source", "target"))


def events_of(conn: sqlite3.Connection, story_id: str,
              with_both_actors: bool = False) -> list[dict[str, Any]]:
    """The events of the story's articles (only those naming source and target if asked)."""
    return with_canonical_names(conn, [dict(r) for r in conn.execute(
        "SELECT e.* FROM events e JOIN story_articles s ON s.article_id = e.article_id"
        " WHERE s.story_id = ?"
        + (" AND e.source_actor IS NOT NULL AND e.target_actor IS NOT NULL"
           if with_both_actors else ""), (story_id,))], ("source_actor", "target_actor"))


def asserted_events_between_actors(conn: sqlite3.Connection, story_id: str) -> list[dict[str, Any]]:
    """Asserted events naming both a source and a target: what the stance matrix adds."""
    return with_canonical_names(conn, [dict(r) for r in conn.execute(
        "SELECT e.article_id, e.start, e.end, e.source_actor, e.target_actor, e.type"
        " FROM events e JOIN story_articles s ON s.article_id = e.article_id"
        " WHERE s.story_id = ? AND e.source_actor IS NOT NULL"
        " AND e.target_actor IS NOT NULL AND e.modality = 'asserted'", (story_id,))],
        ("source_actor", "target_actor"))


def statement_cues_of(conn: sqlite3.Connection, story_id: str) -> list[dict[str, Any]]:
    """The story's stance cues with the columns the stance matrix reads."""
    return with_canonical_names(conn, [dict(r) for r in conn.execute(
        "SELECT c.article_id, c.start, c.end, c.source, c.target, c.polarity, c.cue"
        " FROM stance_cues c JOIN story_articles s ON s.article_id = c.article_id"
        " WHERE s.story_id = ?", (story_id,))], ("source", "target"))
