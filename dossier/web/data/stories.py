"""Stories, their digests and stance matrices for the desk, from ``dossier.store.stories``."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, Any, TypeVar

from dossier.store import stories as stories_store
from dossier.store.story_index import story_version
from dossier.store.story_material import Material
from dossier.stories import views
from dossier.stories.view_cache import StoryViewCache
from dossier.web.data.common import first, page
from dossier.web.deps import Filters
from dossier.web.schemas import (
    ClaimOut,
    ContradictionOut,
    DigestOut,
    DigestSentenceOut,
    Page,
    StoryOut,
)

if TYPE_CHECKING:
    import sqlite3

    from dossier.config import Settings
    from dossier.web.evidence import EvidenceResolver

T = TypeVar("T")
EVERY = 1_000_000


class StoryReads:
    conn: sqlite3.Connection
    settings: Settings
    resolver: EvidenceResolver
    _story_members: dict[str, set[str]]
    views_cache: StoryViewCache | None = None  # the app's; None computes every time
    _versions: dict[str, str | None]

    def _view(self, kind: str, story_id: str, compute, *args: Any) -> Any:
        """A story view, from the cache while the story is at the version it was made at.

        The version is read once per request (one snapshot), so a page's views are all
        of the same state of the story."""
        if self.views_cache is None:
            return compute()
        if story_id not in self._versions:
            self._versions[story_id] = story_version(self.conn, story_id)
        return self.views_cache.get(story_id, (kind, *args), self._versions[story_id], compute)

    def cached_view(self, kind: str, story_id: str, compute: Callable[[], T],
                    *args: Hashable) -> T:
        """``compute()``, kept with the story's version under ``(kind, *args)``: for a
        caller's own view of a story (the rendered story page)."""
        return self._view(kind, story_id, compute, *args)

    def _material(self, story_id: str) -> Material | None:
        """The story's material for its views, loaded once per story version."""
        units = self.views_cache.units if self.views_cache is not None else None
        return self._view("material", story_id,
                          lambda: views.story_material(self.conn, story_id, self.settings,
                                                       units))

    def story_members(self, story_id: str) -> set[str]:
        if story_id not in self._story_members:
            row = stories_store.get_story(self.conn, story_id)
            self._story_members[story_id] = set(row["article_ids"]) if row else set()
        return self._story_members[story_id]

    def story_ids_of(self, article_id: str) -> list[str]:
        return stories_store.stories_of_article(self.conn, article_id)

    def story_list(self, f: Filters) -> list[StoryOut]:
        out = [_story_out(r) for r in stories_store.list_stories(self.conn, limit=EVERY)]
        if f.outlet:
            out = [s for s in out if f.outlet.casefold() in (o.casefold() for o in s.outlets)]
        if f.since:
            out = [s for s in out if (s.last_seen or "")[:10] >= f.since[:10]]
        if f.until:
            out = [s for s in out if s.first_seen and s.first_seen[:10] <= f.until[:10]]
        if f.story:
            out = [s for s in out if s.id == f.story]
        return out  # most recently active first, then the bigger story

    def stories(self, f: Filters) -> Page[StoryOut]:
        """One page of stories; paged by the query unless an outlet is asked for (a
        story's outlets are its articles', read per story)."""
        if f.outlet:
            return page(self.story_list(f), f)
        rows, total = stories_store.story_page(self.conn, since=f.since, until=f.until,
                                               story=f.story, limit=f.limit, offset=f.offset)
        return Page(items=[_story_out(r) for r in rows], total=total, limit=f.limit,
                    offset=f.offset)

    def story(self, story_id: str) -> StoryOut | None:
        row = stories_store.get_story(self.conn, story_id)
        return _story_out(row) if row else None

    def digest(self, story_id: str, since: str | None = None,
               only_new: bool = False) -> DigestOut | None:
        """The attributed digest; with ``since``, sentences first reported after it are new.

        The desk only reads: it never records the request as the story's "last asked".
        Kept per story version (but for "since last", which depends on the CLI's asking).
        """
        if since == "last":
            return self._digest_out(story_id, since, only_new)
        return self._view("digest out", story_id,
                          lambda: self._digest_out(story_id, since, only_new), since, only_new)

    def _digest_out(self, story_id: str, since: str | None,
                    only_new: bool) -> DigestOut | None:
        story = self.story(story_id)
        if story is None:
            return None
        full = self._sentences(self._digest_rows(story_id, None))
        if since:
            new = {s.text for s in self._sentences(self._digest_rows(story_id, since))}
            for s in full:
                s.is_new = s.text in new
            if only_new:
                full = [s for s in full if s.is_new]
        return DigestOut(story_id=story_id, title=story.title, since=since, sentences=full)

    def _digest_rows(self, story_id: str, since: str | None) -> list[dict[str, Any]]:
        def compute() -> dict[str, Any] | None:
            return views.story_digest(self.conn, story_id, self.settings, since=since,
                                      remember=False, mat=self._material(story_id))

        # "since last" depends on when the CLI last asked, not on the story: never kept
        result = compute() if since == "last" else self._view("digest", story_id, compute, since)
        return list((result or {}).get("sentences") or [])

    def _sentences(self, rows: list[dict[str, Any]]) -> list[DigestSentenceOut]:
        self.resolver.load(a for r in rows for a in r.get("article_ids") or [])
        return [
            DigestSentenceOut(
                text=r.get("text", ""),
                outlets=[o for o in r.get("outlets") or [] if o],
                article_ids=list(r.get("article_ids") or []),
                date=first(r, "date"),
                reported=r.get("reported"),
                independent_outlets=r.get("independent_outlets"),
                speaker=r.get("speaker"),
                evidence=[self.resolver.evidence(sp["article_id"], sp["start"], sp["end"])
                          for sp in r.get("spans") or []],
            )
            for r in rows
        ]

    def contradictions(self, story_id: str) -> list[ContradictionOut] | None:
        """Facts the story's outlets disagree on, each claim with its evidence."""
        result = self._view("corroboration", story_id,
                            lambda: views.story_corroboration(self.conn, story_id, self.settings,
                                                              self._material(story_id)))
        if result is None:
            return None
        rows = result.get("contradictions") or []
        self.resolver.load(e["article_id"] for r in rows for c in r["claims"]
                           for e in c["evidence"])
        return [
            ContradictionOut(kind=r["kind"], fact=r["fact"], claims=[
                ClaimOut(value=str(c["value"]),
                         independent_outlets=int(c.get("independent_outlets") or 0),
                         evidence=[self.resolver.evidence(e["article_id"], e["start"], e["end"])
                                   for e in c["evidence"]])
                for c in r["claims"]])
            for r in rows
        ]

    def stance_matrix_of(self, story_id: str) -> dict[str, Any]:
        return self._view("stances", story_id,
                          lambda: views.story_stances(self.conn, story_id, self.settings,
                                                      self._material(story_id)))


def _story_out(r: dict[str, Any]) -> StoryOut:
    ids = list(r.get("article_ids") or [])
    return StoryOut(
        id=str(r["id"]),
        title=r.get("title"),
        first_seen=r.get("first_seen"),
        last_seen=r.get("last_seen"),
        n_articles=int(first(r, "n_articles", default=len(ids))),
        outlets=list(r.get("outlets") or []),
        article_ids=ids,
    )

