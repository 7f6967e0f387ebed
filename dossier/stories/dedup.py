"""Near-duplicates: syndicated copies of an article, and paraphrased sentences.

Article level: datasketch MinHash over 5-word shingles of the *clean* text (clutter
is gone by then, so a copy under another outlet's teasers still matches), queried
through a MinHashLSH of the articles published around the same days. A copy is kept
and linked to its original in ``article_copies`` so that corroboration counts
independent outlets. Sentence level: content-word overlap, used by the digest to
merge paraphrases and to name every outlet that carries a sentence. Both thresholds
are measured by ``benchmarks/dedup.py``.
"""

from __future__ import annotations

import math
import sqlite3
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

import numpy as np
from datasketch import MinHash, MinHashLSH

from dossier.config import Settings
from dossier.extract.text import parse_day, words
from dossier.registry import CorpusStep, register_corpus_step
from dossier.store import copies

# Fixed seed: signatures stored today must compare with signatures made next month.
MINHASH_SEED = 1


def shingles(text: str, size: int) -> set[bytes]:
    """Overlapping word n-grams of the lowercased text (the whole text if shorter)."""
    tokens = words(text)
    if len(tokens) <= size:
        return {" ".join(tokens).encode()} if tokens else set()
    return {" ".join(tokens[i : i + size]).encode() for i in range(len(tokens) - size + 1)}


def signature(text: str, num_perm: int, shingle_words: int) -> MinHash:
    sig = MinHash(num_perm=num_perm, seed=MINHASH_SEED)
    sig.update_batch(list(shingles(text, shingle_words)))
    return sig


def from_blob(blob: bytes, num_perm: int) -> MinHash:
    """A stored signature back as a MinHash. datasketch 2 hashes with the 32-bit affine
    scheme and wants it named when hash values are given; the blob keeps them as uint64."""
    values = np.frombuffer(blob, dtype=np.uint64).astype(np.uint32)
    return MinHash(num_perm=num_perm, seed=MINHASH_SEED, hashvalues=values, scheme="affine32")


def overlap(a: Iterable[str], b: Iterable[str], min_terms: int) -> float:
    """Share of the smaller sentence's content words found in the other one; a sentence
    with fewer than ``min_terms`` (``Settings.paraphrase_min_terms``) overlaps only its
    identical twin."""
    sa, sb = set(a), set(b)
    if len(sa) < min_terms or len(sb) < min_terms:
        return 1.0 if sa and sa == sb else 0.0
    return len(sa & sb) / min(len(sa), len(sb))


class ParaphraseIndex:
    """The earlier sentences a new one paraphrases, found without comparing it with each.

    A story of 200 articles has some 6,000 units: comparing every unit with every group
    (what the digest and the date conflicts did) is tens of millions of set
    intersections. Prefix filtering (Chaudhuri, Ganti and Kaushik 2006) finds the same
    pairs from a few postings: with terms in one fixed order (rarest first), two sets
    sharing at least ``k`` terms must share one among the first ``len - k + 1`` terms of
    each. ``overlap`` divides by the smaller set, so both directions are indexed: each
    added set's prefix (a query's terms looked up there) and all its terms (a query's
    prefix looked up there). Every candidate is then checked with ``overlap`` itself,
    so the answers are exactly the brute-force ones.
    """

    def __init__(self, threshold: float, min_terms: int, frequency: dict[str, int]) -> None:
        self.threshold = threshold
        self.min_terms = min_terms  # as overlap(): shorter sets match identical ones only
        # the fixed order, rarest first (ties by the term): a rank per term seen, so a
        # sort is a lookup per term; terms never counted come first, by the term
        counted = sorted((t for t, n in frequency.items() if n > 0),
                         key=lambda t: (frequency[t], t))
        self._rank = {t: i for i, t in enumerate(counted)}
        self._sets: list[frozenset[str]] = []
        self._needs: list[int] = []  # each set's _need at its own size
        self._by_prefix: dict[str, list[int]] = {}
        self._by_term: dict[str, list[int]] = {}
        # a set shorter than min_terms matches only its identical twin: found by lookup
        self._short: dict[frozenset[str], list[int]] = {}

    def _ordered(self, terms: frozenset[str]) -> list[str]:
        rank = self._rank
        known = [t for t in terms if t in rank]
        if len(known) == len(terms):
            return sorted(known, key=rank.__getitem__)
        return sorted(t for t in terms if t not in rank) + sorted(known, key=rank.__getitem__)

    def _prefix(self, terms: frozenset[str]) -> list[str]:
        ordered = self._ordered(terms)
        # the fewest shared terms overlap() accepts; the epsilon keeps 0.6 x 5 at 3
        return ordered[: len(ordered) - self._need(len(ordered)) + 1]

    def add(self, terms: Iterable[str]) -> int:
        """Index a set; returns its number (0, 1, 2 ... in the order added)."""
        mine = frozenset(terms)
        number = len(self._sets)
        self._sets.append(mine)
        self._needs.append(self._need(len(mine)))
        if len(mine) < self.min_terms:
            if mine:  # an empty set matches nothing (but at threshold 0)
                self._short.setdefault(mine, []).append(number)
            return number
        for term in self._prefix(mine):
            self._by_prefix.setdefault(term, []).append(number)
        for term in mine:
            self._by_term.setdefault(term, []).append(number)
        return number

    def _candidates(self, mine: frozenset[str]) -> list[int]:
        """Sets that may reach the threshold with ``mine``, in added order: for a long
        set, those sharing a prefix term either way (a short set never matches one); for
        a short one, its identical twins (then certain matches)."""
        if self.threshold <= 0:  # everything matches: nothing to filter on
            return list(range(len(self._sets)))
        if len(mine) < self.min_terms:
            return list(self._short.get(mine, ())) if mine else []
        found: set[int] = set()
        for term in mine:
            found.update(self._by_prefix.get(term, ()))
        for term in self._prefix(mine):
            found.update(self._by_term.get(term, ()))
        return sorted(found)

    def _overlaps(self, mine: frozenset[str], number: int) -> bool:
        """``overlap(mine, that set) >= threshold``, on the stored sets (no copies)."""
        other = self._sets[number]
        if len(mine) < self.min_terms or len(other) < self.min_terms:
            value = 1.0 if mine and mine == other else 0.0
        else:
            value = len(mine & other) / min(len(mine), len(other))
        return value >= self.threshold

    def _need(self, size: int) -> int:
        """The fewest shared terms ``overlap`` accepts when the smaller set has ``size``."""
        return max(1, math.ceil(self.threshold * size - 1e-9))

    def _hits(self, mine: frozenset[str], first: bool) -> list[int]:
        """The candidates ``overlap`` accepts (only the first, with ``first``). Two long
        sets match when they share ``_need`` of the smaller one's size: a count compared
        in one loop, the comparison a digest of 7,000 units makes 400,000 times."""
        candidates = self._candidates(mine)
        if self.threshold <= 0 or len(mine) < self.min_terms:
            hits = [n for n in candidates if self._overlaps(mine, n)]
            return hits[:1] if first else hits
        size, sets, needs = len(mine), self._sets, self._needs
        mine_need = self._need(size)
        hits = []
        for n in candidates:
            other = sets[n]
            if len(mine & other) >= (needs[n] if len(other) < size else mine_need):
                hits.append(n)
                if first:
                    break
        return hits

    def matches(self, terms: Iterable[str]) -> list[int]:
        """Numbers of the indexed sets ``terms`` overlaps at the threshold, in added order."""
        return self._hits(frozenset(terms), first=False)

    def first_match(self, terms: Iterable[str]) -> int | None:
        """The first indexed set ``terms`` overlaps at the threshold, if any."""
        hits = self._hits(frozenset(terms), first=True)
        return hits[0] if hits else None


def term_frequency(term_lists: Iterable[Iterable[str]]) -> dict[str, int]:
    """In how many of the lists each term occurs (the order a ParaphraseIndex sorts by)."""
    counts: Counter[str] = Counter()
    for terms in term_lists:
        counts.update(set(terms))
    return dict(counts)


def covered(candidate: Iterable[str], others: Sequence[Iterable[str]], pool: int = 2) -> float:
    """Share of ``candidate``'s content words said by its ``pool`` best-matching others.

    Why a pool of two: a rewrite often folds two sentences into one (seed 000 says
    "Bazoum was confined ... who hours later announced ..." after saying each half
    on its own); no single earlier sentence covers it, the two together do.
    """
    mine = set(candidate)
    if not mine:
        return 1.0
    ranked = sorted((set(o) for o in others), key=lambda o: len(mine & o), reverse=True)
    union: set[str] = set().union(*ranked[:pool]) if ranked else set()
    return len(mine & union) / len(mine)


def _window_rows(conn: sqlite3.Connection, days: list[date],
                 window_days: int) -> list[sqlite3.Row]:
    """Signatures of articles within ``window_days`` of the new ones, plus the undated ones."""
    if not days:
        return copies.signatures(conn)
    lo = (min(days) - timedelta(days=window_days)).isoformat()
    hi = (max(days) + timedelta(days=window_days)).isoformat() + "\uffff"
    return copies.signatures(conn, lo, hi)


def _link(conn: sqlite3.Connection, new_id: str, root_id: str, similarity: float) -> None:
    """Link a new copy to its group's original; the new one becomes the original if it
    was published first or, on the same day, if the other copies credit its outlet."""
    dates = copies.publication_days(conn, new_id, root_id)
    new_day, root_day = dates.get(new_id), dates.get(root_id)
    earlier = bool(new_day and root_day and new_day < root_day)
    credited = (new_day == root_day and copies.credits_outlet(conn, new_id, root_id)
                and not copies.credits_outlet(conn, root_id, new_id))
    if not (earlier or credited):
        copies.link_copy(conn, new_id, root_id, similarity)
        return
    copies.make_original(conn, new_id, root_id, similarity)


def link_copies(conn: sqlite3.Connection, new_ids: Sequence[str], settings: Settings) -> None:
    """Sign the new articles and link each syndicated copy to the earliest original."""
    if not new_ids:
        return
    new = copies.articles_by_date(conn, new_ids)
    sigs = {}
    for row in new:
        sig = signature(row["text"], settings.minhash_perm, settings.shingle_words)
        sigs[row["id"]] = sig
        copies.save_signature(conn, row["id"], sig.hashvalues.astype(np.uint64).tobytes())
    days = [d for d in (parse_day(r["published"]) for r in new) if d]
    lsh = MinHashLSH(threshold=settings.copy_threshold, num_perm=settings.minhash_perm)
    known = {}
    new_set = set(new_ids)
    for row in _window_rows(conn, days, settings.copy_window_days):
        if row["article_id"] in new_set:
            continue
        sig = from_blob(row["signature"], settings.minhash_perm)
        known[row["article_id"]] = sig
        lsh.insert(row["article_id"], sig)
    # New articles go in one at a time, oldest first: a copy finds its original
    # whether that arrived in an earlier batch or earlier in this one.
    for row in new:
        sig = sigs[row["id"]]
        best, best_sim = None, 0.0
        for other in lsh.query(sig):
            sim = sig.jaccard(known[other])
            if sim >= settings.copy_threshold and sim > best_sim:
                best, best_sim = other, sim
        if best is not None:
            _link(conn, row["id"], copies.original_of(conn, best), round(best_sim, 4))
        if row["id"] not in known:
            lsh.insert(row["id"], sig)
            known[row["id"]] = sig


register_corpus_step(CorpusStep(name="dedup", run=link_copies, order=10))
