"""The ``dossier`` command: every module in this package adds its subcommands to ``app``."""

from __future__ import annotations

import importlib
import pkgutil

from dossier.cli.app import app


def main() -> None:
    """Entry point: import every command module so its ``@app.command`` runs, then dispatch."""
    for module in pkgutil.iter_modules(__path__):
        if module.name != "app":
            importlib.import_module(f"{__name__}.{module.name}")
    app()
