"""Named row sources for ``dossier export --what NAME``; each feature registers its own.

A row source yields plain dicts (the same shape the JSON API returns), so every
format writer (JSONL, CSV, Parquet) serves every kind of record.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from typing import Any

RowSource = Callable[[sqlite3.Connection], Iterable[dict[str, Any]]]
EXPORTS: dict[str, RowSource] = {}


def register_export(name: str) -> Callable[[RowSource], RowSource]:
    """Decorator: make ``fn(conn) -> rows`` available as ``--what name``."""

    def decorate(fn: RowSource) -> RowSource:
        EXPORTS[name] = fn
        return fn

    return decorate
