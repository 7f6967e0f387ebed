"""Per-request dependencies: settings, a read-only store connection, list filters.

FastAPI's ``Depends`` hands each request its own connection (opened read-only, so a
GET can never write) and closes it afterwards; there is no global connection. Each
connection holds one read transaction for the whole request: every query of a page
sees the same snapshot of the store, so an ingest committing between two of them can
never hand a page a story whose events are not there yet.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Annotated

from fastapi import Depends, HTTPException, Query, Request

from dossier.config import Settings
from dossier.store import connect
from dossier.store.db import begin_snapshot

MAX_LIMIT = 500
# Deepest page offset: far beyond any store, far below SQLite's 64-bit integers.
MAX_OFFSET = 10_000_000


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


SettingsDep = Annotated[Settings, Depends(get_settings)]


def get_conn(settings: SettingsDep) -> Iterator[sqlite3.Connection]:
    conn = connect(settings.db_path, readonly=True)
    try:
        begin_snapshot(conn)
        yield conn
    finally:
        conn.close()


def iso_date(value: str | None, name: str) -> str | None:
    """A ``since``/``until`` value parsed as an ISO date or datetime, or a 422 saying so.

    The store compares dates as strings: an unparsed value (``' OR '1'='1``) was no
    injection, but it matched everything.
    """
    if value is None or not value.strip():
        return None
    value = value.strip()
    try:
        if len(value) == 10:
            date.fromisoformat(value)
        else:
            datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as exc:
        raise HTTPException(
            422, f"{name} must be an ISO date (YYYY-MM-DD): {value[:40]!r}"
        ) from exc
    return value


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
    # Events at least this likely to be right (calibrated); None: the desk's setting.
    min_confidence: float | None = None


def get_filters(
    limit: int = Query(50, ge=1, le=MAX_LIMIT, description="items per page (at most 500)"),
    offset: int = Query(0, ge=0, le=MAX_OFFSET, description="items to skip (page start)"),
    story: str | None = Query(None, description="story id"),
    actor: str | None = Query(None, description="actor id or name"),
    type: str | None = Query(None, description="event type (PLOVER), e.g. PROTEST"),
    since: str | None = Query(None, description="ISO date: on or after"),
    until: str | None = Query(None, description="ISO date: on or before"),
    outlet: str | None = Query(None, description="outlet name"),
) -> Filters:
    return Filters(limit, offset, story, actor, type, iso_date(since, "since"),
                   iso_date(until, "until"), outlet)


FiltersDep = Annotated[Filters, Depends(get_filters)]
ConnDep = Annotated[sqlite3.Connection, Depends(get_conn)]
