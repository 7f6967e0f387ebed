"""Queries behind outlet-name resolution: outlet counts, and renaming an outlet's articles."""

from __future__ import annotations

import sqlite3


def outlet_counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Every outlet name in the store with its number of articles."""
    rows = conn.execute(
        "SELECT outlet, count(*) FROM articles WHERE outlet IS NOT NULL GROUP BY outlet"
    )
    return {name: count for name, count in rows}


def rename_outlet(conn: sqlite3.Connection, old: str, new: str) -> int:
    """Give every article of outlet ``old`` the name ``new``; returns the rows changed."""
    return conn.execute("UPDATE articles SET outlet = ? WHERE outlet = ?", (new, old)).rowcount
