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


def _readonly(path: str | Path) -> sqlite3.Connection:
    """A read-only connection; on a read-only file system, an immutable one.

    A WAL store needs its ``-shm`` file even to read; where it cannot be created (a
    read-only mount, a store copied off a write-protected medium) SQLite refuses to
    open, so the store is then opened ``immutable``: nobody can be writing it there.
    """
    uri = Path(path).absolute().as_uri()
    conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, check_same_thread=False, timeout=30)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        conn.close()
        conn = sqlite3.connect(
            f"{uri}?mode=ro&immutable=1", uri=True, check_same_thread=False
        )
    return conn


def connect(path: str | Path, *, readonly: bool = False) -> sqlite3.Connection:
    """Open (creating and migrating if needed) the store at ``path``.

    WAL lets the web server read while an ingest writes; ``synchronous=NORMAL`` is
    safe under WAL and keeps commits cheap. ``readonly`` never writes (no migration,
    no journal mode change): read commands work on a store they may not change.
    """
    if readonly:
        conn = _readonly(path)
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


def begin_snapshot(conn: sqlite3.Connection) -> None:
    """Open a read transaction: every later query on ``conn`` sees this one snapshot.

    Without it each statement reads the latest commit, and a page assembled from many
    queries can mix two states of the store (a story from before an ingest's commit,
    its events from after). Under WAL a reader never blocks the writer, nor it the reader.
    """
    conn.execute("BEGIN")


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


# ------------------------------------------------------------- health of the store


def integrity_problems(conn: sqlite3.Connection) -> list[str]:
    """SQLite's own integrity check, plus foreign keys: empty when the file is sound."""
    rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
    problems = [r for r in rows if r != "ok"]
    problems += [
        f"foreign key: {r[0]} row {r[1]} points to a missing {r[2]} row"
        for r in conn.execute("PRAGMA foreign_key_check")
    ]
    return problems


def fts_problem(conn: sqlite3.Connection) -> str | None:
    """Whether the full-text index matches the articles it indexes (needs a writable store).

    ``integrity_check`` does not look inside FTS5's shadow tables: a damaged index
    passes it and then fails every search. FTS5's own check (rank 1 compares the index
    with the content table) writes nothing, but SQLite runs it as an INSERT.
    """
    try:
        conn.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
    except sqlite3.DatabaseError as exc:
        return str(exc)
    return None


def rebuild_fts(conn: sqlite3.Connection) -> None:
    """Rebuild the full-text index from the articles table (the text itself is never lost)."""
    with transaction(conn):
        conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')")


def failure_message(exc: BaseException, path: str | Path) -> str | None:
    """One clear sentence for a store that cannot be used, or None if it is not that.

    Full disk, a read-only store and a damaged file each end a command with what
    happened and what to do, instead of a traceback.
    """
    text = str(exc).lower()
    errno = getattr(exc, "errno", None)
    if "disk is full" in text or errno == 28:
        return (f"the disk holding {path} is full: the batch in flight was not stored "
                "(nothing half-written); free space and rerun — finished files are skipped")
    if "readonly database" in text or "read-only" in text or errno == 30:
        return (f"the store {path} is read-only: reading commands work, writing ones "
                "(ingest, digest) need a writable store")
    if isinstance(exc, sqlite3.DatabaseError) and "not a database" in text:
        return f"{path} is not a Dossier store (not an SQLite database, or damaged at its start)"
    if isinstance(exc, sqlite3.DatabaseError) and ("malformed" in text or "corrupt" in text):
        return (f"the store {path} is damaged ({exc}): run `dossier check --db {path}` "
                "(`--rebuild-fts` repairs the search index)")
    if isinstance(exc, sqlite3.OperationalError) and "unable to open" in text:
        return f"cannot open the store {path}: {exc}"
    return None
