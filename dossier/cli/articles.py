"""``dossier articles | show | search | errors``: read what the store holds."""

from __future__ import annotations

import sqlite3
import textwrap
from pathlib import Path

import typer

from dossier.cli.app import DB_OPTION, app, echo, echo_json, open_store
from dossier.store import articles as store


@app.command("articles")
def articles_command(
    db: Path = DB_OPTION,
    outlet: str | None = typer.Option(None, help="Only this outlet (case-insensitive)."),
    since: str | None = typer.Option(None, help="Published on or after (YYYY-MM-DD)."),
    until: str | None = typer.Option(None, help="Published on or before (YYYY-MM-DD)."),
    limit: int = typer.Option(50, min=1),
    offset: int = typer.Option(0, min=0),
    as_json: bool = typer.Option(False, "--json", help="JSON instead of a table."),
) -> None:
    """List articles, newest first."""
    conn = open_store(db)
    rows = store.list_articles(
        conn, outlet=outlet, since=since, until=until, limit=limit, offset=offset
    )
    total = store.count_articles(conn, outlet=outlet, since=since, until=until)
    if as_json:
        echo_json(rows)
        return
    for row in rows:
        date = (row["published"] or "undated")[:10]
        echo(
            f"{row['id']}  {date:<10}  {(row['outlet'] or '?')[:18]:<18}  {row['title'] or ''}"
        )
    echo(f"-- {offset + 1 if rows else 0}-{offset + len(rows)} of {total}")


@app.command("show")
def show_command(
    article_id: str = typer.Argument(..., help="Article id or a unique prefix of it."),
    db: Path = DB_OPTION,
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """One article: metadata, clean text, and every removed block with its reason."""
    conn = open_store(db)
    article = store.get_article(conn, article_id)
    if article is None:
        echo(f"no article with id (or unique prefix) {article_id!r}", err=True)
        raise typer.Exit(1)
    if as_json:
        echo_json(article)
        return
    for key in ("id", "title", "outlet", "byline", "dateline", "published", "language", "url",
                "source_path", "locator"):
        if article.get(key):
            extra = f" ({article['published_source']})" if key == "published" and article.get(
                "published_source") else ""
            echo(f"{key + ':':<13}{article[key]}{extra}")
    echo("")
    echo(article["text"])
    echo("")
    echo(f"removed blocks: {len(article['removed'])}")
    for block in article["removed"]:
        text = textwrap.shorten(block["text"], 110, placeholder=" …")
        echo(f"  [{block['reason']} @{block['position']}] {text}")
    for warning in article.get("warnings", []):
        echo(f"warning: {warning}")


@app.command("search")
def search_command(
    query: str = typer.Argument(..., help="Words (all must match) or an FTS5 query."),
    db: Path = DB_OPTION,
    limit: int = typer.Option(20, min=1),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Full-text search over titles and clean texts, with snippets."""
    conn = open_store(db)
    try:
        hits = store.search_articles(conn, query, limit=limit)
    except sqlite3.OperationalError as exc:
        echo(f"bad search query: {exc}", err=True)
        raise typer.Exit(2) from exc
    if as_json:
        echo_json(hits)
        return
    for hit in hits:
        echo(f"{hit['id']}  {hit['outlet'] or '?'}  {hit['title'] or ''}")
        echo("    " + " ".join(hit["snippet"].split()))
    echo(f"-- {len(hits)} hits")


@app.command("errors")
def errors_command(db: Path = DB_OPTION, as_json: bool = typer.Option(False, "--json")) -> None:
    """Every input refused so far: path, locator (line, item, offset) and reason."""
    conn = open_store(db)
    rows = store.list_errors(conn, limit=-1)
    if as_json:
        echo_json(rows)
        return
    for row in rows:
        where = f" [{row['locator']}]" if row["locator"] else ""
        echo(f"{row['source_path']}{where}: {row['reason']}")
    echo(f"-- {len(rows)} errors")
