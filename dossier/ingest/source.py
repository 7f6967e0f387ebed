"""One input file as the readers see it: where it is, how big, its bytes, its errors.

Every refusal a reader makes goes through :meth:`SourceFile.error`, so each
IngestError names the same path the articles from that file carry.
"""

from __future__ import annotations

import hashlib
import io
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from dossier.ingest.decode import Decoded, DecodeError, decode
from dossier.ingest.gzipped import READ_CHUNK, GzipMembers, gzip_problem
from dossier.models import IngestError

HASH_CHUNK = 1 << 20
# Longest error reason stored or printed: a reason quotes the input at most this far, so
# a garbage line of 64 MB can never become a 64 MB error row.
MAX_REASON_CHARS = 300


def printable_path(path: str | Path) -> str:
    """A path as text SQLite and a terminal can hold: undecodable bytes as ``\\xff``.

    File names are bytes on POSIX; Python carries a non-UTF-8 byte as a lone surrogate
    (``'\\udcff'``), which cannot be encoded to UTF-8 and would crash the first write.
    """
    raw = os.fsencode(str(path))
    return raw.decode("utf-8", "backslashreplace")


def cap_reason(reason: str) -> str:
    """An error reason of bounded length (the head says why; the rest is the input)."""
    if len(reason) <= MAX_REASON_CHARS:
        return reason
    return reason[: MAX_REASON_CHARS - 1] + "…"


def open_regular(path: Path) -> BinaryIO:
    """Open a regular file for reading, never blocking on a FIFO, socket or device.

    ``O_NONBLOCK`` makes opening a FIFO with no writer return at once; the ``fstat`` on
    the open descriptor (not a ``stat`` before it) refuses anything that is not a regular
    file, so a name swapped for a FIFO between the check and the open is caught too.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise NotRegularFile(_kind(st))
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _kind(st: os.stat_result) -> str:
    if stat.S_ISDIR(st.st_mode):
        return "a directory"
    if stat.S_ISFIFO(st.st_mode):
        return "a named pipe (FIFO), not a regular file"
    if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode):
        return "a device, not a regular file"
    if stat.S_ISSOCK(st.st_mode):
        return "a socket, not a regular file"
    return "not a regular file"


class NotRegularFile(OSError):
    """The path names a FIFO, device, socket or directory: nothing to read as an article."""


class Refused(Exception):
    """A whole file cannot be read; carries the IngestError to record."""

    def __init__(self, error: IngestError) -> None:
        super().__init__(error.reason)
        self.error = error


@dataclass(frozen=True)
class SourceFile:
    """An input file plus the limits it is read under."""

    path: Path
    max_bytes: int
    # The bytes are gzip (found by their magic, whatever the name says): every read goes
    # through gzip, bounded by ``max_bytes`` of *decompressed* data.
    gzipped: bool = False

    @property
    def display(self) -> str:
        """The path as the user gave it (joined with the folder walk), stored on every row."""
        return printable_path(self.path)

    def error(self, reason: str, locator: str = "") -> IngestError:
        return IngestError(self.display, cap_reason(reason), locator)

    def check(self) -> os.stat_result:
        """Stat the file and refuse what must not be read (missing, not a file, too big)."""
        try:
            st = self.path.stat()
        except OSError as exc:
            raise Refused(self.error(f"unreadable: {exc.strerror or exc}")) from exc
        if not stat.S_ISREG(st.st_mode):
            raise Refused(self.error(f"unreadable: {_kind(st)}"))
        return st

    def open(self) -> BinaryIO:
        """The file opened for reading (see :func:`open_regular`), or Refused with why not."""
        try:
            handle = open_regular(self.path)
        except NotRegularFile as exc:
            raise Refused(self.error(f"unreadable: {exc}")) from exc
        except OSError as exc:
            raise Refused(self.error(f"unreadable: {exc.strerror or exc}")) from exc
        if self.gzipped:
            return io.BufferedReader(GzipMembers(handle), READ_CHUNK)  # type: ignore[return-value]
        return handle

    def check_size(self, st: os.stat_result) -> None:
        """Single-article files are refused whole above the limit (containers check per record)."""
        if st.st_size > self.max_bytes:
            raise Refused(
                self.error(f"too large: {st.st_size} bytes > max_file_bytes {self.max_bytes}")
            )

    def read_bytes(self) -> bytes:
        st = self.check()
        if not self.gzipped:
            self.check_size(st)
        with self.open() as handle:
            try:
                data = handle.read(self.max_bytes + 1)
            except OSError as exc:
                raise Refused(self.error(f"unreadable: {exc.strerror or exc}")) from exc
            problem = gzip_problem(handle)
        if problem:
            # One article cut off inside its gzip is a truncated article: refused whole.
            raise Refused(self.error(f"damaged gzip: {problem}"))
        if len(data) > self.max_bytes:
            what = "decompressed content" if self.gzipped else "file"
            raise Refused(
                self.error(f"too large: {what} over max_file_bytes {self.max_bytes}")
            )
        return data

    def decode(self, declared: str | None = None) -> Decoded | IngestError:
        """The file's text, or the IngestError saying why it has none."""
        try:
            return decode(self.read_bytes(), declared)
        except DecodeError as exc:
            return self.error(str(exc))
        except Refused as refused:
            return refused.error

    def sha256(self) -> str:
        """Content hash for resume bookkeeping, read in chunks (files can be large WARCs)."""
        digest = hashlib.sha256()
        with open_regular(self.path) as handle:
            while chunk := handle.read(HASH_CHUNK):
                digest.update(chunk)
        return digest.hexdigest()
