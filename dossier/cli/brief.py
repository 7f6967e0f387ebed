"""``dossier brief STORY``: one self-contained file (HTML or Markdown) to hand a story on."""

from __future__ import annotations

from pathlib import Path

import typer

from dossier.cli.app import DB_OPTION, app, open_store
from dossier.config import Settings
from dossier.store import stories as store

OUTPUT_OPTION = typer.Option(None, "-o", "--output", help="Write to FILE, not stdout.")


def brief_format(fmt: str | None, output: Path | None) -> str:
    """The format asked for, else the output file's suffix, else Markdown for the terminal."""
    if fmt:
        return fmt
    if output is not None and output.suffix.lower() in (".html", ".htm"):
        return "html"
    return "md"


@app.command("brief")
def brief_command(
    story: str = typer.Argument(..., help="Story id (or a unique prefix)."),
    db: Path = DB_OPTION,
    fmt: str = typer.Option(None, "--format", help="html or md (default: from -o, else md)."),
    output: Path = OUTPUT_OPTION,
) -> None:
    """A brief to hand on: headline, dates, digest, key events, quotes, stances, sources."""
    # Deferred: the desk's modules (FastAPI, Jinja) load only when a brief is asked for.
    from dossier.web.brief import FORMATS, build_brief, render_brief
    from dossier.web.data import Desk

    fmt = brief_format(fmt, output)
    if fmt not in FORMATS:
        typer.echo(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}", err=True)
        raise typer.Exit(2)
    conn = open_store(db)
    story_id = store.resolve_story(conn, story)
    brief = build_brief(Desk(conn, Settings(db_path=db)), story_id) if story_id else None
    if brief is None:
        typer.echo(f"no story {story!r} (see `dossier stories`)", err=True)
        raise typer.Exit(2)
    text = render_brief(brief, fmt)
    if output is None:
        typer.echo(text, nl=False)
        return
    output.write_text(text, encoding="utf-8")
    typer.echo(f"wrote the {fmt} brief of {brief.story.title or story_id!r} to {output}")
