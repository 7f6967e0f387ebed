"""Find the records covering a character in O(log n), not by scanning every record.

Extractors ask "which mention covers this token?" once per cue or argument; scanning all
mentions each time made an article's cost grow with the square of its length (a long
pasted text held the ingest worker for minutes). Results keep the records' own order, so
"the first match" means what it meant with the scan.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import Generic, Protocol, TypeVar


class _Spanned(Protocol):
    start: int
    end: int


T = TypeVar("T", bound=_Spanned)


class SpanIndex(Generic[T]):
    """Records with ``[start, end)`` character spans, looked up by a character inside."""

    def __init__(self, records: Sequence[T]) -> None:
        order = sorted(range(len(records)), key=lambda i: records[i].start)
        self._records = [records[i] for i in order]
        self._rank = order
        self._starts = [r.start for r in self._records]
        self._longest = max((r.end - r.start for r in records), default=0)

    def covering(self, char: int) -> list[T]:
        """Every record with ``start <= char < end``, in the order they were given."""
        lo = bisect_left(self._starts, char - self._longest)
        hi = bisect_right(self._starts, char)
        hits = [(self._rank[j], r) for j in range(lo, hi)
                if (r := self._records[j]).end > char]
        hits.sort(key=lambda hit: hit[0])
        return [r for _, r in hits]
