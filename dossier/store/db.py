"""Open the SQLite store and bring its schema up to date.

Migrations are plain ``NNNN_name.sql`` files in ``dossier/store/migrations``,
applied once each, in order, and recorded in ``schema_migrations``; a feature adds
its tables by adding a file, never by editing an applied one.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


def _migrations() -> list[tuple[int, str, str]]:
    folder = resources.files("dossier.store") / "migrations"
    found = []
    for entry in folder.iterdir():
        match = MIGRATION_NAME.match(entry.name)
        if match:
            found.append((int(match.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    return sorted(found)


def migrate(conn: sqlite3.Connection) -> list[str]:
    """Apply pending migrations; returns the names applied (empty when up to date)."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
        " applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')))"
    )
    done = {row[0] for row in conn.execute("SELECT version FROM schema_migrations")}
    applied = []
    for version, name, sql in _migrations():
        if version in done:
            continue
        # executescript commits first; the version row is written in the same script
        # so a migration is recorded only if all of it ran.
        conn.executescript(
            f"BEGIN;\n{sql}\n;INSERT INTO schema_migrations(version, name) "
            f"VALUES ({version}, '{name}');\nCOMMIT;"
        )
        applied.append(name)
    return applied


def connect(path: str | Path, *, readonly: bool = False) -> sqlite3.Connection:
    """Open (creating and migrating if needed) the store at ``path``.

    WAL lets the web server read while an ingest writes; ``synchronous=NORMAL`` is
    safe under WAL and keeps commits cheap.
    """
    if readonly:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    else:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(path), check_same_thread=False, timeout=30)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys=ON")
    if not readonly:
        migrate(conn)
    return conn


def has_table(conn: sqlite3.Connection, name: str) -> bool:
    """Whether a feature's table exists yet: readers of a store built before a feature
    landed (or with its extractor switched off) skip that feature instead of failing."""
    row = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?", (name,)
    ).fetchone()
    return row is not None


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """Commit on success, roll back on any error: a batch lands whole or not at all."""
    try:
        yield conn
    except BaseException:
        conn.rollback()
        raise
    else:
        conn.commit()


def begin(conn: sqlite3.Connection) -> None:
    """Open a transaction now if none is open, so later savepoints nest inside it."""
    if not conn.in_transaction:
        conn.execute("BEGIN")


@contextmanager
def savepoint(conn: sqlite3.Connection) -> Iterator[None]:
    """Undo one article's (or one step's) writes on failure, keeping the rest of the batch."""
    conn.execute("SAVEPOINT item")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK TO item")
        raise
    finally:
        conn.execute("RELEASE item")
