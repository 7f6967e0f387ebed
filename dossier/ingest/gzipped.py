"""gzip read member by member, keeping everything before damage.

``gzip.GzipFile`` raises on a cut-off member or trailing garbage and loses what it had
decompressed in that read: a .warc.gz or .jsonl.gz cut by a broken download would lose
the records before the cut. This reader ends cleanly at the damage and says where.
"""

from __future__ import annotations

import io
import zlib
from typing import IO

GZIP_MAGIC = b"\x1f\x8b"
READ_CHUNK = 1 << 16


class GzipMembers(io.RawIOBase):
    """The decompressed bytes of gzip members one after another, ending cleanly at damage.

    Per-record gzip (the WARC norm) and whole-file gzip both read through. Where the bytes
    stop being gzip — a member cut off by a broken download, garbage after a member — the
    stream simply ends, and :attr:`problem` says where and why: every record before the
    damage is still read, none after it is invented. Output is produced at most
    ``READ_CHUNK`` at a time, so a small member that expands hugely is never held whole.
    """

    def __init__(self, raw: IO[bytes]) -> None:
        self.raw = raw
        self.pending = b""  # compressed input not yet given to the decompressor
        self.out = b""
        self.member: zlib._Decompress | None = None
        self.consumed = 0  # compressed bytes read from ``raw``
        self.done = False
        self.problem: str | None = None

    def readable(self) -> bool:
        return True

    def _fill(self) -> None:
        while not self.out and not self.done:
            if len(self.pending) < 2:
                chunk = self.raw.read(READ_CHUNK)
                self.consumed += len(chunk)
                self.pending += chunk
                if not chunk:
                    if self.member is not None:
                        self.problem = "cut off inside a gzip member at its end"
                    elif self.pending.strip(b"\x00"):
                        self.problem = "garbage after the last gzip member"
                    self.done = True
                    return
                continue
            if self.member is None:
                if not self.pending.startswith(GZIP_MAGIC):
                    if self.pending.strip(b"\x00") or self.raw.read(1):
                        where = self.consumed - len(self.pending)
                        self.problem = f"garbage instead of a gzip member at byte {where}"
                    self.done = True
                    return
                self.member = zlib.decompressobj(31)
            try:
                self.out = self.member.decompress(self.pending, READ_CHUNK)
            except zlib.error as exc:
                where = self.consumed - len(self.pending)
                self.problem = f"corrupt gzip member near byte {where}: {exc}"
                self.done = True
                return
            if self.member.eof:
                self.pending = self.member.unused_data
                self.member = None
            else:
                self.pending = self.member.unconsumed_tail

    def readinto(self, buffer) -> int:  # type: ignore[override]
        self._fill()
        n = min(len(buffer), len(self.out))
        buffer[:n] = self.out[:n]
        self.out = self.out[n:]
        return n


def gzip_problem(handle: IO[bytes]) -> str | None:
    """The damage a gzip stream opened by :class:`GzipMembers` ended at, if any."""
    raw = getattr(handle, "raw", None)
    return raw.problem if isinstance(raw, GzipMembers) else None
