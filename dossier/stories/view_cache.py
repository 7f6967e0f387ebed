"""Story views kept per story version: a story's digest, corroboration and stances are
computed once per version of the story, not once per request.

A 200-article story's digest groups thousands of units; the desk asks for it on every
story page, brief and API call, while the story itself changes only when an ingest
touches it. Each entry is stored with the story's version (a fingerprint of what the
views read that an ingest can change: its title, its articles, their outlets and which
of them are copies of which; see ``dossier.store.story_index.story_version``); an
entry whose version is no longer the story's is recomputed, so a page never shows a
view of an older story. The cache is the web process's (the CLI computes once anyway).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator, MutableMapping
from typing import Any


class StoryViewCache:
    """The views of the ``size`` stories used most recently, each valid for one story
    version; thread-safe.

    Concurrent requests for the same missing view wait for the one computing it (20
    clients opening a large story after an ingest compute its digest once, not 20 times).
    """

    def __init__(self, size: int, views_per_story: int = 32, units_kept: int = 0) -> None:
        self.size = size
        # what is derived per stored article, across stories and their versions
        self.units = ArticleMemo(units_kept)
        # a story's filtered pages are views too: the oldest go past this many
        self.views_per_story = views_per_story
        # story → (version, {view key: view}); a new version drops the story's old views
        self._stories: OrderedDict[Hashable, tuple[str, dict[Hashable, Any]]] = OrderedDict()
        self._lock = threading.Lock()
        self._computing: dict[tuple[Hashable, Hashable], threading.Lock] = {}
        self.computed = 0  # views computed (misses), for tests and the benchmark

    def _cached(self, story: Hashable, key: Hashable, version: str) -> tuple[bool, Any]:
        with self._lock:
            entry = self._stories.get(story)
            if entry is not None and entry[0] == version and key in entry[1]:
                self._stories.move_to_end(story)
                return True, entry[1][key]
            return False, None

    def get(self, story: Hashable, key: Hashable, version: str | None,
            compute: Callable[[], Any]) -> Any:
        """The view ``key`` of ``story`` at ``version``, computed (and kept) if it is not
        cached. ``version`` None (a story that does not exist) is never cached."""
        if version is None or self.size <= 0:
            return compute()
        hit, value = self._cached(story, key, version)
        if hit:
            return value
        with self._lock:
            gate = self._computing.setdefault((story, key), threading.Lock())
        with gate:
            hit, value = self._cached(story, key, version)  # computed while this one waited
            if hit:
                return value
            value = compute()
            with self._lock:
                self.computed += 1
                entry = self._stories.get(story)
                if entry is None or entry[0] != version:
                    entry = self._stories[story] = (version, {})
                entry[1][key] = value
                while len(entry[1]) > self.views_per_story:
                    del entry[1][next(iter(entry[1]))]
                self._stories.move_to_end(story)
                while len(self._stories) > self.size:
                    self._stories.popitem(last=False)
                self._computing.pop((story, key), None)
        return value


class ArticleMemo(MutableMapping):
    """What the desk derives per stored *article* (whether a unit stands alone, where an
    evidence span's sentence starts and ends), kept across requests, stories and story
    versions: the ``size`` most recently used entries.

    A stored article's text, title and quotes never change, so a unit's verdict made for
    one version of a story holds for the next: when an ingest adds five articles to a
    200-article story, its next view judges the five new articles' units, not all
    7,000 again. Thread-safe (requests read and fill it at once)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()

    def __getitem__(self, key: Hashable) -> Any:
        with self._lock:
            value = self._items[key]
            self._items.move_to_end(key)
            return value

    def __contains__(self, key: object) -> bool:
        with self._lock:
            return key in self._items

    def __setitem__(self, key: Hashable, value: Any) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def __delitem__(self, key: Hashable) -> None:
        with self._lock:
            del self._items[key]

    def __iter__(self) -> Iterator[Hashable]:
        with self._lock:
            return iter(list(self._items))

    def __len__(self) -> int:
        return len(self._items)
