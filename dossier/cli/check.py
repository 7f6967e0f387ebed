"""``dossier check``: is the store sound, and is its search index in step with it?"""

from __future__ import annotations

from pathlib import Path

import typer

from dossier.cli.app import DB_OPTION, EXIT_FAILED, app, echo, open_store
from dossier.store.db import fts_problem, integrity_problems, rebuild_fts


@app.command("check")
def check_command(
    db: Path = DB_OPTION,
    rebuild: bool = typer.Option(
        False, "--rebuild-fts", help="Rebuild the full-text index from the stored articles."
    ),
) -> None:
    """Run SQLite's integrity and foreign-key checks and FTS5's index check; exit 3 if bad.

    ``integrity_check`` alone passes a damaged search index that then fails every search;
    the FTS check compares the index with the articles. ``--rebuild-fts`` rebuilds it
    from the articles table (nothing else changes) and checks again.
    """
    conn = open_store(db, write=True)
    try:
        problems = integrity_problems(conn)
        for problem in problems:
            echo(f"integrity: {problem}")
        if rebuild:
            rebuild_fts(conn)
            echo("search index: rebuilt from the articles table")
        fts = fts_problem(conn)
        echo(f"search index: {'damaged: ' + fts if fts else 'ok'}"
             + (" (run `dossier check --rebuild-fts`)" if fts and not rebuild else ""))
        echo(f"integrity: {'ok' if not problems else f'{len(problems)} problems'}")
    finally:
        conn.close()
    if problems or fts:
        raise typer.Exit(EXIT_FAILED)
