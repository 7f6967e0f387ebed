"""Read-time views of one story for the CLI, the web and the exports: digest, stances,
corroboration, computed on request from the stored units and cues (cheap: one story's
rows), so they always reflect the latest articles.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, MutableMapping
from typing import Any

from dossier.config import Settings
from dossier.store.exports import register_export
from dossier.store.records import StoryRecord
from dossier.store.stories import list_stories
from dossier.store.story_material import Material
from dossier.store.story_material import load as load_material
from dossier.stories import corroboration as _corroboration
from dossier.stories import digest as _digest
from dossier.stories import stance as _stance


def story_material(conn: sqlite3.Connection, story_id: str, settings: Settings,
                   units_memo: MutableMapping | None = None) -> Material | None:
    """What the three views read about a story, loaded once (pass it to each);
    ``units_memo``: per-unit verdicts the caller keeps across story versions."""
    return load_material(conn, story_id, settings.speech_date_window, units_memo)


def story_digest(conn: sqlite3.Connection, story_id: str, settings: Settings,
                 words: int | None = None, since: str | None = None,
                 remember: bool = False, mat: Material | None = None) -> dict[str, Any] | None:
    """See :func:`dossier.stories.digest.digest`; ``since`` is a date, a time or "last"."""
    return _digest.digest(conn, story_id, settings, words, since, remember, mat)


def story_stances(conn: sqlite3.Connection, story_id: str, settings: Settings,
                  mat: Material | None = None) -> dict[str, Any]:
    return _stance.stance_matrix(conn, story_id, settings, mat)


def story_corroboration(conn: sqlite3.Connection, story_id: str, settings: Settings,
                        mat: Material | None = None) -> dict[str, Any] | None:
    return _corroboration.corroboration(conn, story_id, settings, mat)


@register_export("stories", settings=True)
def export_stories(conn: sqlite3.Connection, settings: Settings) -> Iterator[dict[str, Any]]:
    """One :class:`StoryRecord` per story (``StoryFields`` shared with the API) with its
    digest as a list of {text, outlets, article_ids, spans}, the digest built with the
    run's ``settings`` (its word budget, its thresholds)."""
    for story in list_stories(conn, limit=1_000_000):
        dig = _digest.digest(conn, story["id"], settings) or {"sentences": []}
        yield StoryRecord.of({**story, "digest": dig["sentences"]}).row()
