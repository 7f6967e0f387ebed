"""Turn stored spans into evidence a person can read: the sentence, the source, a link.

Facts in the store keep (article id, start, end). The sentence around a span is
found in the clean text by punctuation, not by re-parsing: the server never runs
spaCy, and a sentence window only needs to be good enough to read.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, MutableMapping
from typing import Any
from urllib.parse import quote

from dossier.store.desk import article_texts
from dossier.web.schemas import EvidenceOut

# A sentence ends at . ! ? (optionally followed by a closing quote or bracket) and
# whitespace, or at a line break (paragraphs, headlines, captions).
SENTENCE_END = re.compile(r"""[.!?]["'”’)\]]*\s+|\n""")
MAX_SENTENCE_CHARS = 600


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The [start, end) of the sentence(s) covering ``text[start:end]``."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    left = 0
    for match in SENTENCE_END.finditer(text, max(0, start - MAX_SENTENCE_CHARS), start):
        if match.end() <= start:
            left = match.end()
    if start - left > MAX_SENTENCE_CHARS:
        left = start - MAX_SENTENCE_CHARS
    match = SENTENCE_END.search(text, max(end - 1, start), min(len(text), end + MAX_SENTENCE_CHARS))
    right = match.start() + len(match.group().rstrip()) if match else min(len(text), end + 200)
    right = max(right, end)
    return left, right


def article_href(article_id: str, start: int | None = None, end: int | None = None) -> str:
    """The article page, optionally focused on a span (``?hl=start-end#hl``)."""
    base = f"/articles/{quote(article_id, safe='')}"
    if start is None or end is None:
        return base
    return f"{base}?hl={start}-{end}#hl"


class EvidenceResolver:
    """Builds ``EvidenceOut`` rows for one request, loading each article text once."""

    def __init__(self, conn: sqlite3.Connection,
                 bounds: MutableMapping | None = None) -> None:
        self.conn = conn
        self.articles: dict[str, dict[str, Any]] = {}
        # (article, start, end) → its sentence's bounds: a stored article's text never
        # changes, so the desk keeps them across requests (its ArticleMemo)
        self._bounds: MutableMapping = {} if bounds is None else bounds
        # a span shown in several lists of one page (a quote in the timeline, the quotes
        # and the graph) is resolved once per request
        self._made: dict[tuple[str, int, int], EvidenceOut] = {}

    def load(self, article_ids: Iterable[str]) -> None:
        missing = {a for a in article_ids if a and a not in self.articles}
        if missing:
            self.articles.update(article_texts(self.conn, missing))

    def article(self, article_id: str) -> dict[str, Any] | None:
        self.load([article_id])
        return self.articles.get(article_id)

    def evidence(self, article_id: str, start: int, end: int) -> EvidenceOut:
        """Evidence for a span; a span into a missing article still says where it pointed."""
        key = (article_id, start, end)
        made = self._made.get(key)
        if made is None:
            made = self._made[key] = self._evidence(article_id, start, end)
        return made

    def _evidence(self, article_id: str, start: int, end: int) -> EvidenceOut:
        art = self.article(article_id) or {}
        text = art.get("text") or ""
        key = ("sentence", article_id, start, end, len(text))
        found = self._bounds.get(key)
        if found is None:
            left, right = sentence_bounds(text, start, end)
            while left < start and text[left].isspace():
                left += 1
            found = self._bounds[key] = (left, right)
        left, right = found
        return EvidenceOut(
            article_id=article_id,
            start=start,
            end=end,
            text=text[start:end],
            sentence=text[left:right].rstrip(),
            sentence_start=left,
            article_title=art.get("title"),
            outlet=art.get("outlet"),
            published=art.get("published"),
            href=article_href(article_id, start, end),
        )


def evidence_parts(ev: EvidenceOut) -> tuple[str, str, str]:
    """The sentence split around the span, for rendering the span marked (escaped later)."""
    a = max(0, ev.start - ev.sentence_start)
    b = max(a, ev.end - ev.sentence_start)
    return ev.sentence[:a], ev.sentence[a:b], ev.sentence[b:]
