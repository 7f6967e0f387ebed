"""The desk's read side: one object per request that maps the features' dicts onto the API models.

``Desk`` is what the API and the pages call. Its methods live in three modules by
subject (articles, facts, stories); each reads a feature's query functions in
``dossier/store/<feature>.py`` and returns the models of ``dossier.web.schemas``.
"""

from __future__ import annotations

import sqlite3
from typing import Annotated

from fastapi import Depends, Request

from dossier.config import Settings
from dossier.stories.view_cache import StoryViewCache
from dossier.web.data.articles import ArticleReads
from dossier.web.data.facts import FactReads
from dossier.web.data.stories import StoryReads
from dossier.web.deps import ConnDep, SettingsDep
from dossier.web.evidence import EvidenceResolver


class Desk(ArticleReads, FactReads, StoryReads):
    """Read-only views over one store connection, for one request."""

    def __init__(self, conn: sqlite3.Connection, settings: Settings,
                 views_cache: StoryViewCache | None = None) -> None:
        self.conn = conn
        # The run's settings: digests and corroboration are built with them, and events
        # less likely than ``event_min_confidence`` to be right stay off the desk.
        self.settings = settings
        self.min_event_confidence = settings.event_min_confidence
        # ... and those the text does not state as fact (may, if, urged, expected), unless
        # the settings or the analyst's "all" ask for them (web/pages.py).
        self.show_unstated = settings.event_show_unstated
        # Story views kept across requests per story version (the app's one cache,
        # made with the app's settings).
        self.views_cache = views_cache
        self._versions = {}
        self.resolver = EvidenceResolver(conn, views_cache.units if views_cache else None)
        self._story_members: dict[str, set[str]] = {}


def get_desk(conn: ConnDep, settings: SettingsDep, request: Request) -> Desk:
    return Desk(conn, settings, getattr(request.app.state, "story_views", None))


DeskDep = Annotated[Desk, Depends(get_desk)]

__all__ = ["Desk", "DeskDep", "get_desk"]
