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
from collections.abc import Callable, Hashable
from typing import Any


class StoryViewCache:
    """The views of the ``size`` stories used most recently, each valid for one story
    version; thread-safe.

    Concurrent requests for the same missing view wait for the one computing it (20
    clients opening a large story after an ingest compute its digest once, not 20 times).
    """

    def __init__(self, size: int, views_per_story: int = 32) -> None:
        self.size = size
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
