"""``dossier export``: any registered row source in any format, to a file or stdout."""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path

import typer

import dossier.store
from dossier.cli.app import DB_OPTION, app, echo, open_store
from dossier.config import Settings
from dossier.store.exports import CONFIDENCE_FILTERED, EXPORTS, SETTINGS_TAKEN


def load_exports() -> None:
    """Import the store query modules and feature packages: each registers its exports.

    Called by the command, never at import: the feature packages load spaCy and datasketch.
    """
    from dossier.pipeline import load_plugins

    load_plugins()
    for module in pkgutil.iter_modules(dossier.store.__path__):
        importlib.import_module(f"dossier.store.{module.name}")


OUT_OPTION = typer.Option(None, "--out", "-o", help="File to write (default stdout).")


@app.command("export")
def export_command(
    what: str = typer.Option("articles", "--what", help="Which records (see --list)."),
    fmt: str = typer.Option("jsonl", "--format", help="jsonl, csv or parquet."),
    out: Path | None = OUT_OPTION,
    db: Path = DB_OPTION,
    list_sources: bool = typer.Option(False, "--list", help="List what can be exported."),
    show_all: bool = typer.Option(False, "--all", help="Events: also those below "
                                  "Settings.event_min_confidence and those not stated as "
                                  "fact (hidden by default)."),
) -> None:
    """Export records as JSONL, CSV or Parquet."""
    from dossier.store.formats import WRITERS  # Parquet's pyarrow loads only for an export

    load_exports()
    if list_sources:
        echo("\n".join(sorted(EXPORTS)))
        return
    if what not in EXPORTS:
        raise typer.BadParameter(f"unknown --what {what!r}; one of: {', '.join(sorted(EXPORTS))}")
    if fmt not in WRITERS:
        raise typer.BadParameter(f"unknown --format {fmt!r}; one of: {', '.join(WRITERS)}")
    settings = Settings(db_path=db)  # the run's settings: what the desk and digests use
    conn = open_store(db)
    options: dict[str, object] = {}
    if what in CONFIDENCE_FILTERED:
        options["min_confidence"] = 0.0 if show_all else settings.event_min_confidence
        options["include_unasserted"] = show_all or settings.event_show_unstated
    if what in SETTINGS_TAKEN:
        options["settings"] = settings
    try:
        if out is None:
            count = WRITERS[fmt](EXPORTS[what](conn, **options), sys.stdout.buffer)
            sys.stdout.buffer.flush()
        else:
            with out.open("wb") as handle:
                count = WRITERS[fmt](EXPORTS[what](conn, **options), handle)
    finally:
        conn.close()
    echo(f"exported {count} {what} rows as {fmt}" + (f" to {out}" if out else ""), err=True)
