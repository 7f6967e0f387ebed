"""Small helpers the adapters share: read fields and spans from feature rows, filter, page.

Each feature (articles, quotes, actors, events, stories) owns its SQL in
``dossier/store/<feature>.py`` and returns plain dicts; the adapters only map those
dicts onto the API's models and apply the filters a feature's query lacks.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from dossier.web.deps import Filters
from dossier.web.schemas import Page

T = TypeVar("T")


def first(row: dict[str, Any], *keys: str, default: Any = None) -> Any:
    """The first present, non-empty value among ``keys`` (features name fields differently)."""
    for key in keys:
        value = row.get(key)
        if value not in (None, ""):
            return value
    return default


def span(row: dict[str, Any], prefix: str = "") -> tuple[int, int] | None:
    """A [start, end) span stored as ``<prefix>start/<prefix>end`` or ``<prefix>span``."""
    start, end = row.get(f"{prefix}start"), row.get(f"{prefix}end")
    if start is not None and end is not None:
        return int(start), int(end)
    packed = row.get(f"{prefix}span")
    if isinstance(packed, list | tuple) and len(packed) == 2:
        return int(packed[0]), int(packed[1])
    if isinstance(packed, str) and "-" in packed:
        a, b = packed.split("-", 1)
        return int(a), int(b)
    return None


def in_range(date: str | None, since: str | None, until: str | None) -> bool:
    """ISO strings compare in date order; an undated item passes only an open range."""
    if not since and not until:
        return True
    if not date:
        return False
    day = date[:10]
    return (not since or day >= since[:10]) and (not until or day <= until[:10])


def matches(value: str | None, wanted: str | None) -> bool:
    """Case-insensitive equality for a filter; no filter matches everything."""
    return not wanted or (value or "").casefold() == wanted.casefold()


def page(items: Sequence[T], f: Filters) -> Page[T]:
    return Page(items=list(items[f.offset : f.offset + f.limit]), total=len(items),
                limit=f.limit, offset=f.offset)
