"""JSON Lines (``.jsonl``/``.ndjson``): one article object per line, read line by line.

Fields: ``id``, ``url``, ``title``, ``text`` or ``html``, ``published``, ``outlet``
(``source`` accepted for outlet, ``author`` for ``byline``). A bad line becomes an
error naming its line number and the rest of the file goes on. JSON text is UTF-8
by definition (RFC 8259 §8.1), so a line that is not UTF-8 is an error, not a guess.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from dossier.ingest.gzipped import gzip_problem
from dossier.ingest.source import Refused, SourceFile
from dossier.models import IngestError, RawArticle

READ_CHUNK = 1 << 16


def _lines(source: SourceFile) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) for each line; bytes None when a line exceeds the size limit."""
    source.check()
    number = 0
    with source.open() as handle:
        if b"\x00" in handle.peek(READ_CHUNK)[:READ_CHUNK]:
            raise Refused(source.error("binary content: NUL bytes, not JSON Lines"))
        while True:
            line = handle.readline(source.max_bytes + 1)
            if not line:
                break
            number += 1
            if len(line) > source.max_bytes and not line.endswith(b"\n"):
                while (rest := handle.readline(READ_CHUNK)) and not rest.endswith(b"\n"):
                    pass  # skip the rest of the oversized line without holding it
                yield number, None
                continue
            yield number, line
        problem = gzip_problem(handle)
    if problem:
        # A cut-off .jsonl.gz: the lines before the cut are kept, the cut is one error
        # (its last line, cut mid-way, was already refused as malformed JSON).
        raise Refused(source.error(f"damaged gzip after line {number}: {problem}"))


def _text_field(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    return value if isinstance(value, str) else str(value)


def parse_line(
    source: SourceFile, number: int, line: bytes, seen: dict[str, int]
) -> RawArticle | IngestError | None:
    """One line → a RawArticle, an IngestError, or None for a blank line."""
    locator = f"line {number}"
    if number == 1:
        line = line.removeprefix(b"\xef\xbb\xbf")
    if not line.strip():
        return None
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError as exc:
        return source.error(f"not UTF-8: invalid byte at column {exc.start + 1}", locator)
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        return source.error(f"malformed JSON: {exc.msg} at column {exc.colno}", locator)
    if not isinstance(record, dict):
        return source.error(f"not a JSON object but {type(record).__name__}", locator)
    body, is_html = _text_field(record, "text"), False
    if not body or not body.strip():
        body, is_html = _text_field(record, "html"), True
    if not body or not body.strip():
        return source.error("no 'text' or 'html' field with content", locator)
    external_id = _text_field(record, "id")
    if external_id is not None:
        if external_id in seen:
            return source.error(
                f"duplicate id {external_id!r} (first on line {seen[external_id]})", locator
            )
        seen[external_id] = number
    return RawArticle(
        source_path=source.display,
        content=body,
        is_html=is_html,
        locator=locator,
        url=_text_field(record, "url"),
        title=_text_field(record, "title"),
        outlet=_text_field(record, "outlet") or _text_field(record, "source"),
        published=_text_field(record, "published"),
        byline=_text_field(record, "byline") or _text_field(record, "author"),
        external_id=external_id,
        encoding="utf-8",
    )


def read_jsonl(source: SourceFile) -> Iterator[RawArticle | IngestError]:
    seen: dict[str, int] = {}  # ids only, never records: the file streams
    any_line = False
    for number, line in _lines(source):
        any_line = True
        if line is None:
            yield source.error(
                f"too large: line over max_file_bytes {source.max_bytes}", f"line {number}"
            )
            continue
        if b"\x00" in line:
            yield source.error("binary content: NUL byte", f"line {number}")
            continue
        item = parse_line(source, number, line, seen)
        if item is not None:
            yield item
    if not any_line:
        yield source.error("empty input: no lines")
