"""The embedded store: SQLite in WAL mode, versioned migrations, provenance on every row."""

from dossier.store.db import connect, transaction

__all__ = ["connect", "transaction"]
