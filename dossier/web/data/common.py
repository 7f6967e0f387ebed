"""Small helpers the adapters share: find a feature's query module, read spans, page lists.

Each feature (articles, quotes, actors, events, stories) owns its SQL in
``dossier/store/<feature>.py`` and returns plain dicts; the adapters here only map
those dicts onto the API's models, so a feature that has not landed yet simply
yields an empty list instead of breaking the desk.
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Iterable, Sequence
from types import ModuleType
from typing import Any, TypeVar

from dossier.web.deps import Filters
from dossier.web.schemas import Page

T = TypeVar("T")


def store_module(name: str) -> ModuleType | None:
    """``dossier.store.<name>`` if that feature has landed, else None."""
    return feature_module(f"dossier.store.{name}")


def feature_module(dotted: str) -> ModuleType | None:
    """A feature's module if it has landed, else None (a broken module still raises)."""
    try:
        return importlib.import_module(dotted)
    except ModuleNotFoundError as exc:
        if exc.name == dotted:
            return None
        raise


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


def unique(values: Iterable[str | None]) -> list[str]:
    seen: dict[str, None] = {}
    for v in values:
        if v:
            seen.setdefault(v, None)
    return list(seen)


def call(fn: Any, *args: Any, **kwargs: Any) -> Any:
    """Call a feature's query function with just the keyword filters it accepts.

    Features grow their filters over time; passing only what a function declares lets
    the desk offer every filter without breaking on a function that lacks one.
    """
    params = inspect.signature(fn).parameters
    if any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params.values()):
        return fn(*args, **{k: v for k, v in kwargs.items() if v is not None})
    return fn(*args, **{k: v for k, v in kwargs.items() if k in params and v is not None})


def rows_of(result: Any) -> list[dict[str, Any]]:
    """Features return a list of dicts or a ``{items, total}`` page: take the rows."""
    if isinstance(result, dict):
        return list(result.get("items") or result.get("rows") or [])
    return [dict(r) for r in result or []]
