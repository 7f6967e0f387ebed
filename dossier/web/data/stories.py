"""Stories and their digests for the desk (served by the stories feature's query module)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dossier.store import desk as desk_store
from dossier.web.data.common import (
    call,
    feature_module,
    first,
    page,
    rows_of,
    store_module,
    unique,
)
from dossier.web.deps import Filters
from dossier.web.schemas import DigestOut, DigestSentenceOut, EvidenceOut, Page, StoryOut

if TYPE_CHECKING:
    import sqlite3

    from dossier.web.evidence import EvidenceResolver


class StoryReads:
    conn: sqlite3.Connection
    resolver: EvidenceResolver
    _story_members: dict[str, set[str]]

    def story_members(self, story_id: str) -> set[str]:
        if story_id not in self._story_members:
            self._story_members[story_id] = desk_store.story_article_ids(self.conn, story_id)
        return self._story_members[story_id]

    def story_ids_of(self, article_id: str) -> list[str]:
        return desk_store.stories_of_article(self.conn, article_id)

    def _story_rows(self, **filters: Any) -> list[dict[str, Any]]:
        module = store_module("stories")
        fn = getattr(module, "list_stories", None) if module else None
        if fn is None:  # the stories feature's query module has not landed: read its table
            return desk_store.story_rows(self.conn)
        return rows_of(call(fn, self.conn, **filters))

    def story_list(self, f: Filters) -> list[StoryOut]:
        out = [self._story_out(r) for r in self._story_rows()]
        if f.outlet:
            out = [s for s in out if f.outlet.casefold() in (o.casefold() for o in s.outlets)]
        if f.since:
            out = [s for s in out if (s.last_seen or "")[:10] >= f.since[:10]]
        if f.until:
            out = [s for s in out if s.first_seen and s.first_seen[:10] <= f.until[:10]]
        # most recent first, then the bigger story
        return sorted(out, key=lambda s: (s.last_seen or "", s.n_articles), reverse=True)

    def stories(self, f: Filters) -> Page[StoryOut]:
        return page(self.story_list(f), f)

    def story(self, story_id: str) -> StoryOut | None:
        module = store_module("stories")
        fn = getattr(module, "get_story", None) if module else None
        row = call(fn, self.conn, story_id) if fn else None
        if row is None:
            row = next((r for r in self._story_rows() if r.get("id") == story_id), None)
        return self._story_out(dict(row)) if row else None

    def _story_out(self, r: dict[str, Any]) -> StoryOut:
        story_id = str(r["id"])
        ids = list(r.get("article_ids") or self.story_members(story_id))
        outlets = r.get("outlets")
        if outlets is None:
            self.resolver.load(ids)
            outlets = unique((self.resolver.articles.get(i) or {}).get("outlet") for i in ids)
        return StoryOut(
            id=story_id,
            title=r.get("title"),
            first_seen=r.get("first_seen"),
            last_seen=r.get("last_seen"),
            n_articles=int(first(r, "n_articles", default=len(ids))),
            outlets=list(outlets),
            article_ids=ids,
        )

    def _digest_rows(self, story_id: str, since: str | None) -> list[dict[str, Any]]:
        """The stories feature's digest sentences (read-only: the desk never marks "asked")."""
        module = feature_module("dossier.stories.digest")
        if module is None:
            return []
        result = module.digest(self.conn, story_id, since=since)
        return list((result or {}).get("sentences") or [])

    def digest(self, story_id: str, since: str | None = None,
               only_new: bool = False) -> DigestOut | None:
        story = self.story(story_id)
        if story is None:
            return None
        full = self._sentences(self._digest_rows(story_id, None) or [])
        if since:
            new_texts = {s.text for s in self._sentences(self._digest_rows(story_id, since) or [])}
            for s in full:
                s.is_new = s.text in new_texts
            if only_new:
                full = [s for s in full if s.is_new]
        return DigestOut(story_id=story_id, title=story.title, since=since, sentences=full)

    def _sentences(self, rows: list[dict[str, Any]]) -> list[DigestSentenceOut]:
        for r in rows:
            self.resolver.load(r.get("article_ids") or [])
        return [
            DigestSentenceOut(
                text=r.get("text", ""),
                outlets=[o for o in r.get("outlets") or [] if o],
                article_ids=list(r.get("article_ids") or []),
                date=first(r, "date", "when"),
                reported=r.get("reported"),
                independent_outlets=r.get("independent_outlets"),
                speaker=r.get("speaker"),
                evidence=self._digest_evidence(r),
            )
            for r in rows
        ]

    def _digest_evidence(self, r: dict[str, Any]) -> list[EvidenceOut]:
        """Spans come as [[article_id, start, end]], [{article_id, start, end}] or
        [[start, end]] aligned with ``article_ids``."""
        out = []
        ids = list(r.get("article_ids") or [])
        for i, sp in enumerate(r.get("spans") or []):
            if isinstance(sp, dict):
                art, start, end = sp.get("article_id"), sp.get("start"), sp.get("end")
            elif len(sp) == 3:
                art, start, end = sp
            else:
                art, (start, end) = (ids[i] if i < len(ids) else None), sp
            if art is not None and start is not None:
                out.append(self.resolver.evidence(str(art), int(start), int(end)))
        return out
