"""Per-request dependencies: settings, a read-only store connection, list filters.

FastAPI's ``Depends`` hands each request its own connection (opened read-only, so a
GET can never write) and closes it afterwards; there is no global connection.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Query, Request

from dossier.config import Settings
from dossier.store import connect

MAX_LIMIT = 500


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


SettingsDep = Annotated[Settings, Depends(get_settings)]


def get_conn(settings: SettingsDep) -> Iterator[sqlite3.Connection]:
    conn = connect(settings.db_path, readonly=True)
    try:
        yield conn
    finally:
        conn.close()




@dataclass(frozen=True)
class Filters:
    """The filters every list endpoint understands; a filter a resource lacks is ignored."""

    limit: int = 50
    offset: int = 0
    story: str | None = None
    actor: str | None = None
    type: str | None = None
    since: str | None = None
    until: str | None = None
    outlet: str | None = None


def get_filters(
    limit: int = Query(50, ge=1, le=MAX_LIMIT),
    offset: int = Query(0, ge=0),
    story: str | None = Query(None, description="story id"),
    actor: str | None = Query(None, description="actor id or name"),
    type: str | None = Query(None, description="event type (PLOVER), e.g. PROTEST"),
    since: str | None = Query(None, description="ISO date: on or after"),
    until: str | None = Query(None, description="ISO date: on or before"),
    outlet: str | None = Query(None, description="outlet name"),
) -> Filters:
    return Filters(limit, offset, story, actor, type, since, until, outlet)


FiltersDep = Annotated[Filters, Depends(get_filters)]
ConnDep = Annotated[sqlite3.Connection, Depends(get_conn)]
