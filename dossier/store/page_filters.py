"""The story, outlet and date-range conditions every paged fact list shares.

Events, quotes and places are filtered the same way on the desk and the API; the
conditions are built once here so the three queries cannot drift apart.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from dossier.store.db import has_table


def scope_filters(
    conn: sqlite3.Connection,
    *,
    article_id: str,
    outlet_column: str,
    day: str,
    story: int | str | None = None,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> tuple[list[str], list[Any]]:
    """SQL conditions and their parameters: the row's article (``article_id``, a column
    expression) is in ``story``; its outlet (``outlet_column``) equals ``outlet``
    case-insensitively; the day expression ``day`` lies in [``since``, ``until``].

    A story filter on a store without stories is a LookupError the caller reports.
    """
    where: list[str] = []
    params: list[Any] = []
    if story is not None:
        if not has_table(conn, "story_articles"):
            raise LookupError("this store has no stories yet (story_articles is missing)")
        where.append(f"{article_id} IN (SELECT article_id FROM story_articles WHERE story_id = ?)")
        params.append(story)
    if outlet:
        where.append(f"lower(coalesce({outlet_column}, '')) = lower(?)")
        params.append(outlet)
    if since:
        where.append(f"{day} >= ?")
        params.append(since[:10])
    if until:
        where.append(f"{day} <= ?")
        params.append(until[:10])
    return where, params
