"""Cleaning: raw scraped input in, one clean Article (text + metadata + removed blocks) out."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from dossier.models import Article, RawArticle

WHITESPACE_RUN = re.compile(r"\s+")


def article_id(content: str) -> str:
    """Stable id of an input record: 16 hex chars of sha256 over its normalized content.

    Why the *input* and not the clean text: the id must not move when the cleaner
    improves, so re-ingesting the same file changes nothing. Why normalized (NFC,
    whitespace collapsed): the same article saved twice with different line endings
    or Unicode composition is one article, so copies dedup to one id. 64 bits keep
    accidental collisions out of reach for any corpus a laptop holds.
    """
    normalized = WHITESPACE_RUN.sub(" ", unicodedata.normalize("NFC", content)).strip()
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()[:16]


def clean_article(raw: RawArticle) -> Article:
    """Turn one raw input into a clean Article, or refuse it with ValueError(reason)."""
    if not raw.content or not raw.content.strip():
        raise ValueError("empty input: no text at all")
    if "\x00" in raw.content:
        raise ValueError("binary content: not text")
    text = raw.content.strip()
    if raw.is_html:
        import trafilatura

        text = trafilatura.extract(raw.content) or ""
        if not text.strip():
            raise ValueError("no article text found in the HTML")
    return Article(
        id=article_id(raw.content),
        source_path=raw.source_path,
        text=text,
        title=raw.title,
        url=raw.url,
        outlet=raw.outlet,
        byline=raw.byline,
        published=raw.published,
        published_source="input" if raw.published else None,
        locator=raw.locator,
    )
