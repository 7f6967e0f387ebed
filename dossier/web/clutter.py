"""Put what the cleaner removed back beside the clean text, dimmed, where it stood.

The store keeps each removed block with its offset into the *pre-clean* input (the
NFC text, or the flattened page for HTML), and the pre-clean input itself is not kept.
The clean text is that input minus the removed blocks, so a block's place in the clean
text is its offset minus the removed text before it; that estimate is then snapped to
the nearest paragraph boundary, because clutter is removed in whole blocks and must
never be drawn in the middle of a sentence.
"""

from __future__ import annotations

from bisect import bisect_left

from dossier.web.schemas import RemovedBlockOut

BLOCK_GAP = 1  # the line break that separated a removed block from what followed it


def paragraph_starts(text: str) -> list[int]:
    """Offsets where a line begins, plus the end of the text."""
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n" and i + 1 < len(text)]
    return sorted({*starts, len(text)})


def place_removed(text: str, removed: list[RemovedBlockOut]) -> dict[int, list[RemovedBlockOut]]:
    """Clean-text offsets (line starts) → the removed blocks to show just before them."""
    starts = paragraph_starts(text)
    placed: dict[int, list[RemovedBlockOut]] = {}
    dropped_before = 0
    for block in sorted(removed, key=lambda b: b.position):
        estimate = max(0, block.position - dropped_before)
        dropped_before += len(block.text) + BLOCK_GAP
        i = bisect_left(starts, estimate)
        candidates = starts[max(0, i - 1): i + 1] or [len(text)]
        at = min(candidates, key=lambda s: (abs(s - estimate), s))
        placed.setdefault(at, []).append(block)
    return placed
