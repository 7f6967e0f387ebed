"""``dossier actors`` and ``dossier actor NAME``: canonical actors, their roles and quotes."""

from __future__ import annotations

from pathlib import Path

import typer

from dossier.cli.app import DB_OPTION, app, echo, echo_json, open_store
from dossier.cli.quotes import format_quote


@app.command("actors")
def actors_command(
    db: Path = DB_OPTION,
    kind: str | None = typer.Option(None, help="person, organisation, military, country ..."),
    limit: int = typer.Option(100, min=1),
    as_json: bool = typer.Option(False, "--json", help="JSON instead of a table."),
) -> None:
    """Canonical actors across the corpus, most mentioned first."""
    # Here, not at the top: the actor store reads names through rapidfuzz, which every
    # other command (they are all imported to build the CLI) would pay for at start-up.
    from dossier.store.actors import list_actors

    rows = list_actors(open_store(db), kind=kind, limit=limit)
    if as_json:
        echo_json(rows)
        return
    for r in rows:
        echo(
            f"{r['id']:>5}  {r['name'][:40]:<40}  {r['kind']:<18}  {r['country'] or '':<3}"
            f"  {r['articles']:>3} art  {r['mentions']:>4} mentions  {r['quotes']:>3} quotes"
        )
    echo(f"-- {len(rows)} actor(s)")


@app.command("actor")
def actor_command(
    name: str = typer.Argument(..., help="Name, alias (EU, U.S.) or actor id."),
    db: Path = DB_OPTION,
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """One actor: aliases, roles with evidence and date, quotes, mentions by date."""
    from dossier.store.actors import actor_detail, find_actors  # see actors_command

    conn = open_store(db)
    matches = [{"id": int(name)}] if name.isdigit() else find_actors(conn, name)
    if not matches:
        echo(f"no actor matches {name!r}", err=True)
        raise typer.Exit(1)
    if len(matches) > 1 and not as_json:
        echo(f"{len(matches)} actors match {name!r}; showing the most mentioned. Others:")
        for m in matches[1:10]:
            echo(f"  {m['id']:>5}  {m['name']}  ({m['kind']})")
    detail = actor_detail(conn, matches[0]["id"])
    if detail is None:
        echo(f"no actor with id {name}", err=True)
        raise typer.Exit(1)
    if as_json:
        echo_json(detail)
        return
    from dossier.extract.countries import country_name  # the gazetteer: only when shown

    country = country_name(detail["country"]) or "country unknown"
    echo(f"{detail['name']}  ({detail['kind']}, {country}), id {detail['id']}")
    echo(f"aliases: {', '.join(detail['aliases'])}")
    echo("written as:")
    for n in detail["names"]:
        ev = n["evidence"]
        echo(f"  {n['name']}  {n['mentions']} mention(s) in {n['articles']} article(s)"
             f"  [first: {ev['article_id'][:12]} @{ev['start']}]")
    echo("roles:")
    for r in detail["roles"]:
        extra = ", ".join(x for x in (country_name(r["country"]), r["organisation"]) if x)
        echo(f"  {(r['date'] or 'undated')[:10]}  {r['title']}"
                   f"{f' ({extra})' if extra else ''}  [{r['article_id'][:12]} @{r['start']}]")
    echo("mentions by date:")
    for m in detail["mentions_by_date"]:
        echo(f"  {m['date'] or 'undated'}  {m['mentions']} in {m['articles']} article(s)")
    echo(f"quotes ({len(detail['quotes'])}):")
    for q in detail["quotes"]:
        echo(format_quote(q))
