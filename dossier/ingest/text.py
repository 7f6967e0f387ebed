"""Plain-text articles (``.txt``), with optional leading header lines.

Agency digests and scraper dumps often start with lines such as `` date 2023-07-28 ``,
``title ...`` or ``source ...``. They are metadata, not article text: they go to
``RawArticle.header`` (and published / title / outlet / url / byline) and are cut
from the content, so no fact span ever points into them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from dossier.controls import without_bidi
from dossier.ingest.source import SourceFile
from dossier.models import IngestError, RawArticle

# Lower-case key, then a colon or whitespace, then the value. Lower case only: a first
# line "Title fight ends in a draw" is a headline, not a header.
HEADER_LINE = re.compile(
    r"^[ \t]*(date|published|title|source|outlet|url|byline|author)[ \t]*(?::[ \t]*|[ \t]+)"
    r"(\S.*?)[ \t]*$"
)
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?$")
# At most this many header lines: a text whose first 20 lines all look like headers is not
# using the convention.
MAX_HEADER_LINES = 8


def split_header(text: str) -> tuple[dict[str, str], str]:
    """Split leading ``key value`` lines from the body; returns (header, body)."""
    header: dict[str, str] = {}
    pos = 0
    for _ in range(MAX_HEADER_LINES):
        end = text.find("\n", pos)
        line = text[pos:] if end < 0 else text[pos:end]
        # A bidi control (a right-to-left override before "date ...") is invisible and
        # says nothing about structure: it must not hide a header line.
        line = without_bidi(line)
        match = HEADER_LINE.match(line)
        if match is None:
            if line.strip() or not header:
                break
            pos = len(text) if end < 0 else end + 1  # blank line inside/after the header
            continue
        key, value = match.group(1), match.group(2)
        if key in ("date", "published") and not ISO_DATE.match(value):
            break  # "date night in Paris" is prose, not a header
        if key in header:
            break
        header[key] = value
        pos = len(text) if end < 0 else end + 1
    if not header:
        return {}, text
    return header, text[pos:]


def raw_from_text(text: str, source: SourceFile, encoding: str, locator: str = "") -> RawArticle:
    """Build the RawArticle for one plain-text article, header lines lifted into fields."""
    header, body = split_header(text.lstrip("\ufeff"))
    return RawArticle(
        source_path=source.display,
        content=body,
        is_html=False,
        locator=locator,
        url=header.get("url"),
        title=header.get("title"),
        outlet=header.get("outlet") or header.get("source"),
        published=header.get("date") or header.get("published"),
        byline=header.get("byline") or header.get("author"),
        encoding=encoding,
        header=header,
    )


def read_text(source: SourceFile) -> Iterator[RawArticle | IngestError]:
    """One plain-text file is one article."""
    decoded = source.decode()
    if isinstance(decoded, IngestError):
        yield decoded
        return
    raw = raw_from_text(decoded.text, source, decoded.encoding)
    if not raw.content.strip():
        yield source.error("empty input: header lines but no article text")
        return
    yield raw
