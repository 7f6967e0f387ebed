"""Named row sources for ``dossier export --what NAME``; each feature registers its own.

A row source yields plain dicts (the same shape the JSON API returns), so every
format writer (JSONL, CSV, Parquet) serves every kind of record.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

RowSource = Callable[..., Iterable[dict[str, Any]]]
EXPORTS: dict[str, RowSource] = {}
# Sources whose rows carry a calibrated confidence and a modality: called as
# fn(conn, min_confidence=..., include_unasserted=...) so a default export hides what the
# desk hides (``dossier export --all`` shows all).
CONFIDENCE_FILTERED: set[str] = set()
# Sources built with the run's settings (a story's digest): called as fn(conn, settings).
SETTINGS_TAKEN: set[str] = set()


def register_export(name: str, confidence: bool = False,
                    settings: bool = False) -> Callable[[RowSource], RowSource]:
    """Decorator: make ``fn(conn) -> rows`` available as ``--what name``; with
    ``confidence`` the source also takes ``min_confidence`` and ``include_unasserted``,
    with ``settings`` the run's ``Settings`` (never a default one behind the caller's
    back)."""

    def decorate(fn: RowSource) -> RowSource:
        EXPORTS[name] = fn
        if confidence:
            CONFIDENCE_FILTERED.add(name)
        if settings:
            SETTINGS_TAKEN.add(name)
        return fn

    return decorate
