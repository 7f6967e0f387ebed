"""The Typer application and the options every subcommand shares."""

from __future__ import annotations

from pathlib import Path

import typer

app = typer.Typer(
    help="Dossier: turn raw news from many outlets into a sourced story dossier.",
    no_args_is_help=True,
    add_completion=False,
)

DB_OPTION = typer.Option(Path("dossier.db"), "--db", help="SQLite store to read and write.")
