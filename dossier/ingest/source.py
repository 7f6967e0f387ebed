"""One input file as the readers see it: where it is, how big, its bytes, its errors.

Every refusal a reader makes goes through :meth:`SourceFile.error`, so each
IngestError names the same path the articles from that file carry.
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from dossier.ingest.decode import Decoded, DecodeError, decode
from dossier.models import IngestError

HASH_CHUNK = 1 << 20


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

    @property
    def display(self) -> str:
        """The path as the user gave it (joined with the folder walk), stored on every row."""
        return str(self.path)

    def error(self, reason: str, locator: str = "") -> IngestError:
        return IngestError(self.display, reason, locator)

    def check(self) -> os.stat_result:
        """Stat the file and refuse what must not be read (missing, not a file, too big)."""
        try:
            st = self.path.stat()
        except OSError as exc:
            raise Refused(self.error(f"unreadable: {exc.strerror or exc}")) from exc
        if not stat.S_ISREG(st.st_mode):
            kind = "a directory" if stat.S_ISDIR(st.st_mode) else "not a regular file"
            raise Refused(self.error(f"unreadable: {kind}"))
        return st

    def check_size(self, st: os.stat_result) -> None:
        """Single-article files are refused whole above the limit (containers check per record)."""
        if st.st_size > self.max_bytes:
            raise Refused(
                self.error(f"too large: {st.st_size} bytes > max_file_bytes {self.max_bytes}")
            )

    def read_bytes(self) -> bytes:
        st = self.check()
        self.check_size(st)
        try:
            return self.path.read_bytes()
        except OSError as exc:
            raise Refused(self.error(f"unreadable: {exc.strerror or exc}")) from exc

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
        with self.path.open("rb") as handle:
            while chunk := handle.read(HASH_CHUNK):
                digest.update(chunk)
        return digest.hexdigest()
