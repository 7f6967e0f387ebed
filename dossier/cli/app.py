"""The Typer application and the options every subcommand shares."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import typer

from dossier.store.db import connect

app = typer.Typer(
    help="Dossier: turn raw news from many outlets into a sourced story dossier.",
    no_args_is_help=True,
    add_completion=False,
)

DB_OPTION = typer.Option(Path("dossier.db"), "--db", help="SQLite store to read and write.")


def open_store(db: Path) -> sqlite3.Connection:
    """The store for reading; a clear message instead of creating an empty one by accident."""
    if not db.exists():
        typer.echo(f"no store at {db}: run `dossier ingest PATH --db {db}` first", err=True)
        raise typer.Exit(2)
    return connect(db)


def echo_json(value: object) -> None:
    """``--json`` output of every read command: UTF-8 kept, indented for reading."""
    typer.echo(json.dumps(value, ensure_ascii=False, indent=2))


def echo_rows(rows: list[dict], as_json: bool, line: Callable[[dict], str], noun: str) -> None:
    """A list command's output: JSON, or one formatted entry per row and a count line."""
    if as_json:
        echo_json(rows)
        return
    for row in rows:
        typer.echo(line(row))
    typer.echo(f"-- {len(rows)} {noun}")
