"""Corpus step: an outlet named only by its domain takes the name other articles spell out.

One article from valleycourier.example may never write "The Valley Courier", so the
cleaner can only call it "Valleycourier" (or, split by word frequencies, "Valley
Courier"); once any article in the store (a page's site name, a photo credit) spells
the name, the guessed one is renamed to it. Names merge only into a name with exactly
the same letters (a leading "The" and spacing aside), the one most articles use, so
"Valley Courier Post" and "Valleycourier" stay apart.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Sequence

from dossier.config import Settings
from dossier.registry import CorpusStep, register_corpus_step
from dossier.store.outlet_names import outlet_counts, rename_outlet

NOT_LETTER = re.compile(r"[^\w]|_")


def glued_key(name: str) -> str:
    """ "The Valley Courier" and "Valleycourier" → "valleycourier"."""
    key = NOT_LETTER.sub("", name).casefold()
    return key[3:] if key.startswith("the") and len(key) > 6 else key


def spelled_names(counts: dict[str, int]) -> dict[str, str]:
    """Glued key → the best spelled-out name (most articles, then alphabetical)."""
    best: dict[str, str] = {}
    for name in sorted(counts, key=lambda n: (-counts[n], n)):
        if " " in name.strip():
            best.setdefault(glued_key(name), name)
    return best


def resolve_glued_outlets(
    conn: sqlite3.Connection, new_article_ids: Sequence[str], settings: Settings
) -> None:
    """Rename outlets to the spelled-out name their letters match (most articles win)."""
    counts = outlet_counts(conn)
    spelled = spelled_names(counts)
    for name in counts:
        target = spelled.get(glued_key(name))
        if target and target != name:
            rename_outlet(conn, name, target)


# Before dedup and stories (order 10+), which count independent outlets.
register_corpus_step(CorpusStep(name="outlet-names", run=resolve_glued_outlets, order=5))
