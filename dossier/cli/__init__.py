"""The ``dossier`` command: every module in this package adds its subcommands to ``app``."""

from __future__ import annotations

import importlib
import os
import pkgutil
import sqlite3
import sys

from dossier.cli.app import EXIT_FAILED, app, echo
from dossier.store.db import failure_message

# Which module defines each command. `dossier articles` imports that module alone, so its
# start-up pays for no other command's imports (Settings, the fact stores); --help, no
# command or a mistyped one imports them all. tests/test_cli_imports.py checks the table
# against the commands the modules register.
COMMAND_MODULES = {
    "actors": "actors", "actor": "actors",
    "articles": "articles", "show": "articles", "search": "articles", "errors": "articles",
    "brief": "brief", "check": "check", "events": "events", "timeline": "events",
    "export": "export", "ingest": "ingest", "quotes": "quotes", "serve": "serve",
    "stories": "stories", "digest": "stories", "stance": "stories", "corroboration": "stories",
}


def command_modules(argv: list[str]) -> list[str]:
    """The command modules ``dossier ARGV`` needs: the one defining its command, else all."""
    command = argv[0] if argv and not argv[0].startswith("-") else None
    if command in COMMAND_MODULES:
        return [COMMAND_MODULES[command]]
    return [m.name for m in pkgutil.iter_modules(__path__) if m.name != "app"]


def _db_argument(argv: list[str]) -> str:
    for i, arg in enumerate(argv):
        if arg == "--db" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--db="):
            return arg.split("=", 1)[1]
    return "dossier.db"


def main() -> None:
    """Entry point: import the command's module so its ``@app.command`` runs, then dispatch.

    Exit codes: 0 done; 1 done, but some input was refused (listed); 2 the command was
    used wrongly; 3 Dossier failed (the store unusable, or a bug) — said in one message,
    not a traceback (``DOSSIER_DEBUG=1`` shows it).
    """
    for module in command_modules(sys.argv[1:]):
        importlib.import_module(f"{__name__}.{module}")
    try:
        app()
    except (sqlite3.Error, OSError, Exception) as exc:  # SystemExit passes: it is no Exception
        if os.environ.get("DOSSIER_DEBUG"):
            raise
        message = failure_message(exc, _db_argument(sys.argv[1:]))
        echo(f"dossier failed: {message or f'{type(exc).__name__}: {exc}'}", err=True)
        sys.exit(EXIT_FAILED)
