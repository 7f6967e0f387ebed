"""Articles, search and input errors for the desk, with every extracted item as a highlight."""

from __future__ import annotations

import sqlite3
from typing import Any

from dossier.store import articles as articles_store
from dossier.store import desk as desk_store
from dossier.web.data.common import in_range, matches, page
from dossier.web.deps import Filters
from dossier.web.schemas import (
    ArticleDetailOut,
    ArticleOut,
    HighlightOut,
    IngestErrorOut,
    Page,
    RemovedBlockOut,
)

ARTICLE_FIELDS = set(ArticleOut.model_fields)


def article_out(row: dict[str, Any]) -> ArticleOut:
    fields = {k: v for k, v in row.items() if k in ARTICLE_FIELDS}
    if fields.get("snippet") is None and row.get("text"):
        fields["snippet"] = row["text"][:240]
    return ArticleOut(**fields)



class BadSearch(ValueError):
    """The search text is not a query FTS5 can run; the message says why."""

class ArticleReads:
    conn: sqlite3.Connection

    def articles(self, f: Filters) -> Page[ArticleOut]:
        if f.story:  # a story's members, filtered here (the listing query has no story filter)
            ids = self.story_members(f.story)  # type: ignore[attr-defined]
            rows = [r for r in desk_store.articles_by_ids(self.conn, ids)
                    if matches(r.get("outlet"), f.outlet)
                    and in_range(r.get("published"), f.since, f.until)]
            return page([article_out(r) for r in rows], f)
        rows = articles_store.list_articles(self.conn, outlet=f.outlet, since=f.since,
                                            until=f.until, limit=f.limit, offset=f.offset)
        total = articles_store.count_articles(self.conn, outlet=f.outlet, since=f.since,
                                              until=f.until)
        return Page(items=[article_out(r) for r in rows], total=total, limit=f.limit,
                    offset=f.offset)

    def articles_by_ids(self, ids: list[str]) -> list[ArticleOut]:
        return [article_out(r) for r in desk_store.articles_by_ids(self.conn, ids)]

    def search(self, q: str, f: Filters) -> Page[ArticleOut]:
        """Full-text search; a query FTS5 cannot parse is a ``BadSearch`` saying why.

        "0 hits" for a query with a stray quote or a bare ``AND`` would tell the analyst
        nothing matched, when nothing was searched.
        """
        try:
            narrow = {"actor": f.actor, "event_type": f.type, "min_confidence": f.min_confidence}
            rows = articles_store.search_articles(self.conn, q, limit=f.limit, offset=f.offset,
                                                  outlet=f.outlet, since=f.since, until=f.until,
                                                  **narrow)
            where, args = articles_store.search_filters(f.outlet, f.since, f.until, **narrow)
            total = desk_store.count_matches(self.conn, articles_store.fts_query(q), where, args)
        except sqlite3.OperationalError as exc:
            raise BadSearch(f"bad search query: {exc}") from exc
        return Page(items=[article_out(r) for r in rows], total=total, limit=f.limit,
                    offset=f.offset)

    def errors(self, f: Filters) -> Page[IngestErrorOut]:
        rows = articles_store.list_errors(self.conn, limit=f.limit, offset=f.offset)
        return Page(items=[IngestErrorOut(**r) for r in rows], total=self.counts()["errors"],
                    limit=f.limit, offset=f.offset)

    def counts(self) -> dict[str, int]:
        return desk_store.counts(self.conn)

    def article(self, article_id: str) -> ArticleDetailOut | None:
        row = articles_store.get_article(self.conn, article_id)
        if row is None or row["id"] != article_id:  # the page links full ids, never prefixes
            return None
        fields = {k: v for k, v in row.items() if k in ArticleDetailOut.model_fields}
        fields["removed"] = [RemovedBlockOut(**{k: r[k] for k in ("reason", "text", "position")})
                             for r in row.get("removed", [])]
        fields["highlights"] = self.highlights(article_id)
        fields["story_ids"] = self.story_ids_of(article_id)  # type: ignore[attr-defined]
        return ArticleDetailOut(**fields)

    def highlights(self, article_id: str) -> list[HighlightOut]:
        """Every extracted item of the article at its span, from each feature that has landed."""
        out: list[HighlightOut] = []
        for reader in (
            self.actor_highlights,  # type: ignore[attr-defined]
            self.quote_highlights,  # type: ignore[attr-defined]
            self.timex_highlights,  # type: ignore[attr-defined]
            self.place_highlights,  # type: ignore[attr-defined]
            self.event_highlights,  # type: ignore[attr-defined]
        ):
            out.extend(reader(article_id))
        return sorted(out, key=lambda h: (h.start, -h.end))
