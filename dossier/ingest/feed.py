"""RSS and Atom files: one RawArticle per item, from its full content or else its summary.

feedparser does the XML, the many feed dialects and the encoding rules of XML
itself (declaration, BOM), so this module only maps an item onto RawArticle.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import feedparser

from dossier.ingest.source import SourceFile
from dossier.models import IngestError, RawArticle


def _iso(parsed: time.struct_time | None) -> str | None:
    """feedparser normalises every date dialect to a UTC struct_time; keep it as ISO 8601."""
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", parsed) if parsed else None


def _body(entry: Any) -> tuple[str, bool] | None:
    """The richest text an item carries: full content before summary; (text, is_html)."""
    for part in entry.get("content") or []:
        value = part.get("value") or ""
        if value.strip():
            return value, "html" in (part.get("type") or "")
    detail = entry.get("summary_detail") or {}
    summary = entry.get("summary") or ""
    if summary.strip():
        return summary, "html" in (detail.get("type") or "text/html")
    return None


def read_feed(source: SourceFile) -> Iterator[RawArticle | IngestError]:
    data = source.read_bytes()
    if not data.strip():
        yield source.error("empty input: no bytes")
        return
    parsed = feedparser.parse(data)
    if not parsed.entries:
        why = parsed.get("bozo_exception") if parsed.get("bozo") else "no items"
        yield source.error(f"not a readable RSS/Atom feed: {why}")
        return
    outlet = parsed.feed.get("title")
    for index, entry in enumerate(parsed.entries, start=1):
        locator = f"item {index}"
        body = _body(entry)
        if body is None:
            yield source.error("feed item has neither content nor summary", locator)
            continue
        content, is_html = body
        yield RawArticle(
            source_path=source.display,
            content=content,
            is_html=is_html,
            locator=locator,
            url=entry.get("link"),
            title=entry.get("title"),
            outlet=outlet,
            published=_iso(entry.get("published_parsed") or entry.get("updated_parsed")),
            byline=entry.get("author"),
            external_id=entry.get("id"),
            encoding=parsed.get("encoding"),
        )
