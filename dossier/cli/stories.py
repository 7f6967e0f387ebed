"""`dossier stories`, `dossier digest`, `dossier stance`, `dossier corroboration`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from dossier.cli.app import DB_OPTION, app, echo, echo_json, open_store
from dossier.store import stories as store

if TYPE_CHECKING:
    from dossier.config import Settings

# The story views (digest, stances, corroboration) are imported by the commands that
# show them: their modules load the dedup's datasketch, and `dossier stories` must not.


def _settings(db: Path) -> Settings:
    """The run's Settings, imported when a view needs them (`dossier stories` does not)."""
    from dossier.config import Settings

    return Settings(db_path=db)


def _story(conn, story: str) -> str:
    found = store.resolve_story(conn, story)
    if found is None:
        echo(f"no story {story!r} (see `dossier stories`)", err=True)
        raise typer.Exit(2)
    return found


@app.command("stories")
def stories_command(
    db: Path = DB_OPTION,
    limit: int = typer.Option(50, help="How many stories."),
    as_json: bool = typer.Option(False, "--json", help="JSON instead of a table."),
) -> None:
    """Stories, most recently active first."""
    rows = store.list_stories(open_store(db), limit=limit)
    if as_json:
        echo_json(rows)
        return
    for s in rows:
        days = s["first_seen"] if s["first_seen"] == s["last_seen"] else \
            f"{s['first_seen']} to {s['last_seen']}"
        echo(f"{s['id']}  {days}  {s['n_articles']} articles  {s['title']}")
        echo(f"    {', '.join(s['outlets'])}")


@app.command("digest")
def digest_command(
    story: str = typer.Argument(..., help="Story id (or a unique prefix)."),
    db: Path = DB_OPTION,
    words: int = typer.Option(None, "--words", help="Word budget (default from settings)."),
    since: str = typer.Option(
        None, "--since", help="Only what is new since DATE, or 'last' (since last asked)."),
    as_json: bool = typer.Option(False, "--json", help="JSON with spans and article ids."),
) -> None:
    """The story's merged digest, every sentence followed by the outlets that carry it."""
    from dossier.stories import views
    from dossier.stories.digest import render

    conn = open_store(db, write=True)  # remembers when it was asked, for --since last
    result = views.story_digest(conn, _story(conn, story), _settings(db), words, since,
                                remember=True)
    if as_json:
        echo_json(result)
        return
    echo(render(result))
    if since and not result["sentences"]:
        echo(f"(nothing new since {result['since'] or 'the first time asked'})")


@app.command("stance")
def stance_command(
    story: str = typer.Argument(..., help="Story id (or a unique prefix)."),
    db: Path = DB_OPTION,
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Who supports / opposes whom in the story, with the evidence for each cell."""
    from dossier.stories import views

    conn = open_store(db)
    matrix = views.story_stances(conn, _story(conn, story), _settings(db))
    if as_json:
        echo_json(matrix)
        return
    for cell in matrix["cells"]:
        sign = {1: "supports", -1: "opposes", 0: "mixed on"}[cell["polarity"]]
        echo(f"{cell['source']} {sign} {cell['target']}")
        for ev in cell["evidence"]:
            echo(f"    [{ev['outlet']}] {ev['text']}")


@app.command("corroboration")
def corroboration_command(
    story: str = typer.Argument(..., help="Story id (or a unique prefix)."),
    db: Path = DB_OPTION,
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """How many independent outlets report each statement and event; contradictions."""
    from dossier.stories import views

    conn = open_store(db)
    result = views.story_corroboration(conn, _story(conn, story), _settings(db))
    if as_json:
        echo_json(result)
        return
    echo("Statements (independent outlets):")
    for s in result["statements"]:
        echo(f"  {s['independent_outlets']}  {s['text']}  [{'; '.join(s['outlets'])}]")
    if result["events"]:
        echo("Events (independent outlets):")
        for e in result["events"]:
            echo(f"  {e['independent_outlets']}  {e['type']} {e['source'] or '?'} -> "
                       f"{e['target'] or '?'} {' '.join(e['dates'])}")
    echo("Contradictions:")
    for c in result["contradictions"]:
        echo(f"  {c['kind']}: {c['fact']}")
        for claim in c["claims"]:
            for ev in claim["evidence"]:
                echo(f"    {claim['value']}  [{ev['outlet']}] {ev['text']}")
