"""``dossier events`` and ``dossier timeline``: what happened, when, where, with the evidence."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from dossier.cli.app import DB_OPTION, app, echo, echo_rows, open_store
from dossier.config import Settings


def _who(name: str | None, country: str | None) -> str:
    if not name:
        return "?"
    return f"{name} ({country})" if country else name


def format_event(row: dict[str, Any]) -> str:
    published = (row.get("published") or "")[:10]
    when = row.get("date") or (f"[{published} reported]" if published else "undated")
    where = f" in {row['place']}, {row['country']}" if row.get("place") else ""
    flags = [f for f, on in (("quoted", row.get("in_quote")),
                             (row.get("modality"), row.get("modality") != "asserted")) if on]
    mode = f"/{row['mode']}" if row.get("mode") else ""
    return (f"{when}  {row['type']}{mode}  {_who(row['source_actor'], row['source_country'])}"
            f" → {_who(row['target_actor'], row['target_country'])}{where}"
            + (f"  [{', '.join(flags)}]" if flags else "")
            + f"  ({row['article_id'][:12]} @{row['start']}, conf {row['confidence']:.2f})")


def format_timeline_row(row: dict[str, Any]) -> str:
    when = row["when"] or "undated"
    basis = "" if row["date_basis"] == "text" else f" ({row['date_basis']})"
    sources = len({e["article_id"] for e in row["evidence"]})
    cite = f"  [{len(row['evidence'])} report(s), {sources} article(s)]"
    if row["kind"] == "statement":
        content = row["content"] if len(row["content"]) < 140 else row["content"][:137] + "..."
        return f"{when}{basis}  SAID  {row['source_actor'] or '?'}: “{content}”{cite}"
    where = f" in {row['place']}, {row['country']}" if row.get("place") else ""
    mode = f"/{row['mode']}" if row.get("mode") else ""
    flags = " [quoted]" if row["in_quote"] else ""
    flags += f" [{row['modality']}]" if row["modality"] != "asserted" else ""
    return (f"{when}{basis}  {row['type']}{mode}  "
            f"{_who(row['source_actor'], row['source_country'])} → {row['target_actor'] or '?'}"
            f"{where}{flags}{cite}")


@app.command("events")
def events_command(
    db: Path = DB_OPTION,
    type_: str | None = typer.Option(None, "--type", help="PLOVER type, e.g. COERCE."),
    actor: str | None = typer.Option(None, "--actor", help="Source or target name, or ISO3."),
    since: str | None = typer.Option(None, "--since", help="YYYY-MM-DD: happened on/after."),
    limit: int = typer.Option(500, min=1),
    show_all: bool = typer.Option(False, "--all", help="Also events below the confidence "
                                  "threshold (Settings.event_min_confidence) and those not "
                                  "stated as fact (future, hypothetical)."),
    as_json: bool = typer.Option(False, "--json", help="JSON instead of text."),
) -> None:
    """List PLOVER events (who did what to whom, where, when), each with its evidence span."""
    # Here, not at the top: the store's records are Pydantic models, and every other
    # command (they are all imported to build the CLI) would pay for them at start-up.
    from dossier.store.events import list_events

    settings = Settings()
    floor = 0.0 if show_all else settings.event_min_confidence
    conn = open_store(db)
    try:
        rows = list_events(conn, type_=type_, actor=actor, since=since, limit=limit,
                           min_confidence=floor,
                           include_unasserted=show_all or settings.event_show_unstated)
    finally:
        conn.close()
    echo_rows(rows, as_json, format_event, "event(s)")


@app.command("timeline")
def timeline_command(
    db: Path = DB_OPTION,
    story: str | None = typer.Option(None, "--story", help="Only this story's articles."),
    statements: bool = typer.Option(True, "--statements/--no-statements",
                                    help="Include dated statements (quotes)."),
    show_all: bool = typer.Option(False, "--all", help="Also future/hypothetical acts and "
                                  "events below the confidence threshold."),
    unfold: bool = typer.Option(False, "--unfold", help="Every row, not only the most "
                                "salient (Settings.timeline_shown)."),
    as_json: bool = typer.Option(False, "--json", help="JSON instead of text."),
) -> None:
    """Events and dated statements in the order they happened (not the order reported);
    the story's key acts first-class, the rest folded behind them until --unfold."""
    from dossier.store.timeline import timeline  # loads the timex rules (and spaCy)

    settings = Settings()
    floor = 0.0 if show_all else settings.event_min_confidence
    conn = open_store(db)
    try:
        rows = timeline(conn, story=story, with_statements=statements,
                        include_unasserted=show_all or settings.event_show_unstated,
                        min_confidence=floor,
                        shown=None if unfold else settings.timeline_shown,
                        statement_window=settings.statement_date_window)
    except LookupError as exc:
        echo(f"--story: {exc}; build stories first (or drop --story)", err=True)
        raise typer.Exit(1) from exc
    finally:
        conn.close()
    folded = sum(r["folded"] for r in rows)
    echo_rows([r for r in rows if not r["folded"]], as_json, format_timeline_row, "row(s)")
    if folded and not as_json:
        echo(f"{folded} less salient row(s) folded; --unfold lists them", err=True)
