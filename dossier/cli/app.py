"""The Typer application and the options every subcommand shares."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import typer

from dossier.controls import escape_json_controls, printable
from dossier.store.db import connect

app = typer.Typer(
    help="Dossier: turn raw news from many outlets into a sourced story dossier.",
    no_args_is_help=True,
    add_completion=False,
)



@app.callback()
def _commands() -> None:
    """Dossier: turn raw news from many outlets into a sourced story dossier."""
    # A callback keeps ``dossier NAME`` a command group when only NAME's module is
    # imported (dossier.cli.main): with one registered command Typer would run it bare.


# Exit codes every command shares (see dossier.cli.main).
EXIT_REFUSED = 1  # the command ran; some input was refused, each with its reason
EXIT_USAGE = 2
EXIT_FAILED = 3  # Dossier itself failed: store unusable (full, read-only, damaged) or a bug

DB_OPTION = typer.Option(Path("dossier.db"), "--db", help="SQLite store to read and write.")


def open_store(db: Path, *, write: bool = False) -> sqlite3.Connection:
    """The store, read-only unless the command writes; never an empty one by accident.

    Read commands open it read-only: they then work on a read-only file or file system
    and can never change the store, even by a migration.
    """
    if not db.exists():
        echo(f"no store at {db}: run `dossier ingest PATH --db {db}` first", err=True)
        raise typer.Exit(EXIT_USAGE)
    return connect(db, readonly=not write)


def echo(text: str = "", err: bool = False) -> None:
    """Print text that may hold article content: control characters shown, not obeyed.

    An article can carry terminal escape sequences (OSC, BEL, cursor moves) or bidi
    overrides; printed raw they rewrite the analyst's terminal or reorder the line.
    """
    typer.echo(printable(text), err=err)


def echo_json(value: object) -> None:
    """``--json`` output of every read command: UTF-8 kept, indented for reading.

    JSON escapes C0 controls itself; C1 and bidi controls are escaped here too, so the
    output is safe to print and still parses to the same strings.
    """
    typer.echo(escape_json_controls(json.dumps(value, ensure_ascii=False, indent=2)))


def echo_rows(rows: list[dict], as_json: bool, line: Callable[[dict], str], noun: str) -> None:
    """A list command's output: JSON, or one formatted entry per row and a count line."""
    if as_json:
        echo_json(rows)
        return
    for row in rows:
        echo(line(row))
    echo(f"-- {len(rows)} {noun}")
