"""``dossier serve``: the analyst's desk (JSON API and pages) over a store."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import typer

from dossier.cli.app import DB_OPTION, app, echo
from dossier.config import Settings

ALLOWED_HOST_OPTION = typer.Option(
    [], "--allowed-host", help="Another host name the desk answers to (repeatable; the "
    "bound --host, localhost and 127.0.0.1 always are; '*' for any)."
)


@app.command()
def serve(
    db: Path = DB_OPTION,
    port: int = typer.Option(8000, "--port", help="TCP port to listen on."),
    host: str = typer.Option(
        "127.0.0.1", "--host", help="Interface to bind; the default keeps the desk on this machine."
    ),
    allow_fetch: bool = typer.Option(
        False, "--allow-fetch", help="Let the ingest page fetch URLs given by the browser."
    ),
    allowed_host: list[str] = ALLOWED_HOST_OPTION,
) -> None:
    """Serve the analyst's desk: pages at /, JSON under /api, the schema at /openapi.json."""
    import uvicorn

    from dossier.web import create_app

    hosts = Settings.allowed_hosts + tuple(allowed_host)
    if host not in ("0.0.0.0", "::", ""):
        hosts += (host,)
    settings = replace(Settings(), db_path=db, allow_fetch=allow_fetch, allowed_hosts=hosts)
    echo(f"Dossier desk on http://{host}:{port}/  (store: {db})", err=True)
    uvicorn.run(create_app(settings), host=host, port=port, log_level="warning")
