"""Readers: files and folders in, a stream of RawArticle or IngestError out.

One module per format; this one walks folders (sorted, so runs are deterministic)
and picks a reader by extension, sniffing the first bytes when the extension says
nothing. Every reader is a generator: a 10 GB crawl is read one record at a time.
"""

from __future__ import annotations

import gzip
import os
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from dossier.ingest.feed import read_feed
from dossier.ingest.html import LOOKS_LIKE_HTML, read_html
from dossier.ingest.jsonl import read_jsonl
from dossier.ingest.source import Refused, SourceFile, open_regular
from dossier.ingest.text import read_text
from dossier.ingest.warc import read_warc
from dossier.models import IngestError, RawArticle

Reader = Callable[[SourceFile], Iterator[RawArticle | IngestError]]

READERS: dict[str, Reader] = {
    "text": read_text,
    "html": read_html,
    "jsonl": read_jsonl,
    "feed": read_feed,
    "warc": read_warc,
}
SUFFIXES: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".rss": "feed",
    ".atom": "feed",
    ".rdf": "feed",
    ".xml": "feed",
    ".warc": "warc",
    ".warc.gz": "warc",
    ".arc": "warc",
    ".arc.gz": "warc",
}
SNIFF_BYTES = 2048
GZIP_MAGIC = b"\x1f\x8b"


def is_gzip(path: Path) -> bool:
    """Whether the file's bytes are gzip, whatever its name says."""
    try:
        with open_regular(path) as handle:
            return handle.read(2) == GZIP_MAGIC
    except OSError:
        return False  # the reader reports the OSError as this file's error


def sniff(path: Path) -> str:
    """Guess the format of a file whose extension says nothing, from its first bytes."""
    try:
        with open_regular(path) as handle:
            head = handle.read(SNIFF_BYTES)
    except OSError:
        return "text"  # the text reader reports the OSError as this file's error
    if head.startswith(GZIP_MAGIC):
        try:
            head = _gunzip_head(path)
        except (OSError, EOFError, zlib.error):
            return "text"
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:SNIFF_BYTES].lower()
    if start.startswith((b"warc/", b"filedesc://")):
        return "warc"
    if start.startswith(b"<?xml") or start.startswith((b"<rss", b"<feed", b"<rdf")):
        return "html" if b"<html" in start else "feed"
    if start.startswith(b"{"):
        return "jsonl"
    if LOOKS_LIKE_HTML.search(start.decode("latin-1")[:512]):
        return "html"
    return "text"


def _gunzip_head(path: Path) -> bytes:
    with open_regular(path) as raw, gzip.GzipFile(fileobj=raw, mode="rb") as handle:
        return handle.read(SNIFF_BYTES)


def format_by_suffix(name: str) -> str | None:
    """The reader a file name's extension asks for, if it is a known article format.

    A ``.gz`` after a known extension (``feed.jsonl.gz``) names the same format.
    """
    lowered = name.lower()
    if lowered.endswith(".gz") and not lowered.endswith((".warc.gz", ".arc.gz")):
        lowered = lowered[:-3]
    for suffix in sorted(SUFFIXES, key=len, reverse=True):
        if lowered.endswith(suffix):
            return SUFFIXES[suffix]
    return None


def format_of(path: Path) -> str:
    """The reader name for ``path``: by extension first, by content otherwise."""
    return format_by_suffix(path.name) or sniff(path)


def iter_files(
    paths: Iterable[str | Path], on_ignored: Callable[[Path], None] | None = None
) -> Iterator[Path]:
    """Files under ``paths``, folders walked recursively in sorted order.

    A path the user names is always yielded, even if missing, so it gets its error
    row. Inside folders, hidden entries (``.git``) and files with an extension that
    is no article format (``answers.json``, ``notes.md``, ``photo.jpg``) are passed
    to ``on_ignored`` instead: a corpus folder holds more than articles, and its
    README is not bad input. Extension-less files are sniffed.
    """
    for given in paths:
        path = Path(given)
        if not path.is_dir():
            yield path
            continue
        for root, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                file = Path(root) / name
                if not name.startswith(".") and (
                    format_by_suffix(name) or "." not in name.lstrip(".")
                ):
                    yield file
                elif on_ignored is not None:
                    on_ignored(file)


def read_source(source: SourceFile) -> Iterator[RawArticle | IngestError]:
    """Every article and error in one file; never raises for bad input.

    The file is checked (a regular file, never a FIFO or device) before any byte is
    read; gzip bytes are read through gzip by every reader, extension or not (the WARC
    reader undoes gzip itself, record by record).
    """
    try:
        source.check()
        fmt = format_of(source.path)
        if fmt != "warc" and is_gzip(source.path):
            source = replace(source, gzipped=True)
        yield from READERS[fmt](source)
    except Refused as refused:
        yield refused.error
    except OSError as exc:
        yield source.error(f"unreadable: {exc.strerror or exc}")
    except Exception as exc:  # a reader (or its library) broke on this file: not the run
        yield source.error(f"internal error in read: {type(exc).__name__}: {exc}")


def read_paths(
    paths: Iterable[str | Path], max_file_bytes: int
) -> Iterator[RawArticle | IngestError]:
    """Everything under ``paths``, file after file, as one stream."""
    for path in iter_files(paths):
        yield from read_source(SourceFile(path, max_file_bytes))
