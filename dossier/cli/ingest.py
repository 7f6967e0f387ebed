"""``dossier ingest``: read files and folders into the store, then say what was built."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from dossier.cli.app import DB_OPTION, EXIT_REFUSED, app, echo
from dossier.config import Settings
from dossier.store import articles as store
from dossier.store.db import connect

if TYPE_CHECKING:
    from dossier.pipeline import IngestReport

TOP_OUTLETS = 12
PATHS_ARGUMENT = typer.Argument(..., help="Files or folders (walked recursively).")


@app.command("ingest")
def ingest_command(
    paths: list[Path] = PATHS_ARGUMENT,
    db: Path = DB_OPTION,
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Worker processes."),
    runner: str = typer.Option("local", "--runner", help="local (process pool) or ray."),
    commit_every: int = typer.Option(
        Settings.commit_every, "--commit-every", min=1, help="Articles per transaction."
    ),
    extractors: str = typer.Option(
        ",".join(Settings().extractors), "--extractors",
        help="Comma-separated extractors to run, in order ('' for none).",
    ),
    max_file_bytes: int = typer.Option(
        Settings.max_file_bytes, "--max-file-bytes", help="Refuse larger files (per record "
        "for JSONL/WARC)."
    ),
) -> None:
    """Ingest articles; exit 1 if any input was refused (listed at the end), 3 if Dossier
    itself failed (store full, read-only or damaged: one message, nothing half-stored)."""
    # Deferred: the pipeline loads spaCy and the cleaners; read commands start without them.
    from tqdm import tqdm

    from dossier.ingest import iter_files

    if runner not in ("local", "ray"):
        raise typer.BadParameter("--runner must be local or ray")
    settings = Settings(
        db_path=db,
        workers=workers,
        runner=runner,
        commit_every=commit_every,
        max_file_bytes=max_file_bytes,
        extractors=tuple(name.strip() for name in extractors.split(",") if name.strip()),
    )
    connect(db).close()  # an unusable store fails here, in one message, before any work
    total = sum(1 for _ in iter_files(paths))
    with tqdm(total=total, unit="file", file=sys.stderr, desc="ingest", leave=True) as bar:
        report = ingest(paths, settings, progress=bar)
    print_summary(report, db)
    raise typer.Exit(EXIT_REFUSED if report.failed else 0)


def ingest(paths: list[Path], settings: Settings, progress: object = None) -> IngestReport:
    """:func:`dossier.pipeline.ingest`, imported when an ingest runs: it loads spaCy."""
    from dossier.pipeline import ingest as run

    return run(paths, settings, progress=progress)


def print_summary(report: IngestReport, db: Path) -> None:
    """What was built and where, then every refused input with its path, locator and reason."""
    conn = connect(db, readonly=True)
    try:
        stored = store.count_articles(conn)
        outlets = store.outlet_counts(conn)
    finally:
        conn.close()
    seen = report.new + report.already_present
    echo(
        f"articles: {seen} read this run ({report.new} new, {report.already_present} already "
        f"present) from {report.files_read} files; {report.files_skipped} files skipped "
        "(finished in an earlier run)"
    )
    if report.files_ignored:
        names = ", ".join(Path(p).name for p in report.files_ignored[:5])
        more = ", …" if len(report.files_ignored) > 5 else ""
        echo(
            f"ignored: {len(report.files_ignored)} files that are no article format "
            f"({names}{more})"
        )
    listed = ", ".join(f"{o['outlet']} ({o['articles']})" for o in outlets[:TOP_OUTLETS])
    more = f", +{len(outlets) - TOP_OUTLETS} more" if len(outlets) > TOP_OUTLETS else ""
    echo(f"outlets: {len(outlets)} in the store: {listed}{more}")
    errors = report.errors + report.earlier_errors
    echo(
        f"errors: {len(report.errors)} this run"
        + (f", {len(report.earlier_errors)} recorded earlier for skipped files"
           if report.earlier_errors else "")
    )
    for error in errors:
        where = f" [{error.locator}]" if error.locator else ""
        echo(f"  {error.source_path}{where}: {error.reason}")
    echo(f"store: {db.resolve()} holds {stored} articles")
