"""WARC / WARC.gz web archives (warcio): each HTTP response record with HTML is an article.

A crawl is a container of many pages, so the size limit applies per record, not
to the file; records are read one at a time from the stream. Requests, metadata
and non-HTML responses (images, scripts) are skipped silently: they are not
articles, and not errors either. The WARC-Date is when the page was *crawled*, so
it is not used as the publication date.
"""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Iterator
from typing import IO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord, ArcWarcRecordLoader

from dossier.ingest.decode import DecodeError, decode
from dossier.ingest.gzipped import GZIP_MAGIC, READ_CHUNK, GzipMembers
from dossier.ingest.html import malformed_ending, truncation
from dossier.ingest.source import SourceFile
from dossier.models import IngestError, RawArticle

HTML_TYPES = ("text/html", "application/xhtml+xml")


class _Loader(ArcWarcRecordLoader):
    """warcio's record loader, tolerating a response record without WARC-Target-URI.

    The standard requires the header, crawlers in the wild drop it, and warcio then
    fails with an AttributeError. The payload of such a record is read as HTTP (what a
    response record holds); the article simply has no URL.
    """

    def load_http_headers(self, rec_type, uri, stream, length):  # type: ignore[override]
        return super().load_http_headers(rec_type, uri or "http:", stream, length)


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ").lower()
    return None


def read_warc(source: SourceFile) -> Iterator[RawArticle | IngestError]:
    source.check()
    found = 0
    with source.open() as handle:
        members: GzipMembers | None = None
        stream: IO[bytes] = handle
        if handle.read(2) == GZIP_MAGIC:
            # Our own member reader, not gzip.GzipFile: that one loses the records before a
            # cut, and spins on garbage after a member; offsets are then uncompressed.
            handle.seek(0)
            members = GzipMembers(handle)
            stream = io.BufferedReader(members, READ_CHUNK)
        else:
            handle.seek(0)
        records = ArchiveIterator(stream)
        records.loader = _Loader(verify_http=False, arc2warc=False)
        try:
            for record in records:
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                content_type = record.http_headers.get_header("Content-Type") or ""
                if not content_type.lower().startswith(HTML_TYPES):
                    continue
                found += 1
                length = _int(record.rec_headers.get_header("Content-Length"))
                if length is not None and length > source.max_bytes:
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
            yield source.error(f"not a readable WARC after {found} HTML records: "
                               f"{first_line.strip()}")
            return
        if members is not None and members.problem:
            kept = " (those are kept)" if found else ""
            yield source.error(
                f"damaged compressed WARC after {found} HTML records{kept}: {members.problem}"
            )
            return
    if not found:
        yield source.error("WARC holds no HTML response records")


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _article(
    source: SourceFile, record: ArcWarcRecord, content_type: str, records: ArchiveIterator
) -> RawArticle | IngestError:
    """One response record → RawArticle, or the error why its page cannot be read."""
    try:
        # Bounded: a record without Content-Length, or a gzip-encoded payload, can
        # expand far beyond what its header (or the file size) promises.
        data = record.content_stream().read(source.max_bytes + 1)
    except Exception as exc:  # warcio raises many kinds on broken payloads (zlib, chunking)
        return source.error(f"unreadable record payload: {exc}")
    if len(data) > source.max_bytes:
        return source.error(
            f"too large: record payload over max_file_bytes {source.max_bytes}",
            f"offset {records.get_record_offset()}",
        )
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
