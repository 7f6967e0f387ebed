"""``dossier quotes``: who said what, filtered by speaker or story."""

from __future__ import annotations

import textwrap
from pathlib import Path

import typer

from dossier.cli.app import DB_OPTION, app, echo, echo_rows, open_store


def format_quote(row: dict) -> str:
    """One quote as two or three lines: date, speaker (for whom), cue, channel; the words.

    The speaker is the resolved actor, with the article's words beside it when they
    differ (Tomas Reyes ("he")); an unresolved pronoun shows as unknown, never as a name.
    """
    who = row["speaker_name"] or "(speaker unknown)"
    if row.get("speaker") and row["speaker"] != row["speaker_name"]:
        who += f' ("{row["speaker"]}")'  # the article's own words: the evidence
    if row.get("on_behalf_of"):
        who += f" for {row['on_behalf_of']}"
    where = ", ".join(x for x in (row.get("channel"), row.get("setting")) if x)
    head = f"{(row['published'] or 'undated')[:10]}  {who}"
    head += f" — {row['cue']}" if row.get("cue") else ""
    head += f" [{where}]" if where else ""
    body = textwrap.fill(row["content"], width=96, initial_indent="    ",
                         subsequent_indent="    ")
    return f"{head}\n{body}\n    ({row['article_id'][:12]} @{row['content_start']}, {row['kind']})"


@app.command("quotes")
def quotes_command(
    db: Path = DB_OPTION,
    speaker: str | None = typer.Option(None, "--speaker", help="Speaker name or alias."),
    story: str | None = typer.Option(None, "--story", help="Only quotes from this story id."),
    limit: int = typer.Option(200, min=1),
    as_json: bool = typer.Option(False, "--json", help="JSON instead of text."),
) -> None:
    """List quotes by date: speaker, cue, channel and content, each traceable to its article."""
    # Here, not at the top: the store's records are Pydantic models, and every other
    # command (they are all imported to build the CLI) would pay for them at start-up.
    from dossier.store.quotes import NoStories, list_quotes
    from dossier.store.records import QuoteRecord

    conn = open_store(db)
    try:
        rows = list_quotes(conn, speaker=speaker, story=story, limit=limit)
    except NoStories as exc:
        echo(f"--story: {exc}; build stories first (or drop --story)", err=True)
        raise typer.Exit(1) from exc
    # --json writes the quote's record, as the export and the API do (one meaning of
    # ``speaker``: the resolved actor); the text lines read the row.
    records = [QuoteRecord.of(r).model_dump() for r in rows] if as_json else rows
    echo_rows(records, as_json, format_quote, "quote(s)")
