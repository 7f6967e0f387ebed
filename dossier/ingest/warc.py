"""WARC / WARC.gz web archives (warcio): each HTTP response record with HTML is an article.

A crawl is a container of many pages, so the size limit applies per record, not
to the file; records are read one at a time from the stream. Requests, metadata
and non-HTML responses (images, scripts) are skipped silently: they are not
articles, and not errors either. The WARC-Date is when the page was *crawled*, so
it is not used as the publication date.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from typing import IO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord

from dossier.ingest.decode import DecodeError, decode
from dossier.ingest.html import malformed_ending, truncation
from dossier.ingest.source import Refused, SourceFile
from dossier.models import IngestError, RawArticle

GZIP_MAGIC = b"\x1f\x8b"
HTML_TYPES = ("text/html", "application/xhtml+xml")


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ").lower()
    return None


def read_warc(source: SourceFile) -> Iterator[RawArticle | IngestError]:
    source.check()
    try:
        handle = source.path.open("rb")
    except OSError as exc:
        raise Refused(source.error(f"unreadable: {exc.strerror or exc}")) from exc
    found = 0
    with handle:
        stream: IO[bytes] = handle
        if handle.read(2) == GZIP_MAGIC:
            # gzip.GzipFile reads per-record gzip (the WARC norm) *and* whole-file gzip
            # (common in the wild, which warcio refuses); offsets are then uncompressed.
            stream = gzip.GzipFile(fileobj=handle)
        handle.seek(0)
        records = ArchiveIterator(stream)
        try:
            for record in records:
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                content_type = record.http_headers.get_header("Content-Type") or ""
                if not content_type.lower().startswith(HTML_TYPES):
                    continue
                found += 1
                length = int(record.rec_headers.get_header("Content-Length") or 0)
                if length > source.max_bytes:
                    # get_record_offset() reads the record to its end, in chunks, unkept.
                    yield source.error(
                        f"too large: record of {length} bytes > max_file_bytes",
                        f"offset {records.get_record_offset()}",
                    )
                    continue
                yield _article(source, record, content_type, records)
        except (zlib.error, EOFError, gzip.BadGzipFile) as exc:
            yield source.error(f"corrupt compressed WARC after {found} HTML records: {exc}")
            return
        except ArchiveLoadFailed as exc:
            first_line = next((x for x in str(exc.msg).splitlines() if x.strip()), "")
            yield source.error(f"not a readable WARC: {first_line.strip()}")
            return
    if not found:
        yield source.error("WARC holds no HTML response records")


def _article(
    source: SourceFile, record: ArcWarcRecord, content_type: str, records: ArchiveIterator
) -> RawArticle | IngestError:
    """One response record → RawArticle, or the error why its page cannot be read."""
    try:
        data = record.content_stream().read()
    except Exception as exc:  # warcio raises many kinds on broken payloads (zlib, chunking)
        return source.error(f"unreadable record payload: {exc}")
    # Only after the payload is read: asking for the offset earlier consumes the record.
    locator = f"offset {records.get_record_offset()}"
    try:
        decoded = decode(data, _charset(content_type))
    except DecodeError as exc:
        return source.error(str(exc), locator)
    problem = truncation(decoded.text)
    if problem:
        return source.error(problem, locator)
    return RawArticle(
        source_path=source.display,
        content=decoded.text.lstrip("\ufeff"),
        is_html=True,
        locator=locator,
        url=record.rec_headers.get_header("WARC-Target-URI"),
        encoding=decoded.encoding,
        warnings=malformed_ending(decoded.text),
    )
