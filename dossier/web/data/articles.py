"""Articles, search and input errors for the desk, with every extracted item as a highlight."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dossier.store import desk as desk_store
from dossier.web.deps import Filters
from dossier.web.schemas import (
    ArticleDetailOut,
    ArticleOut,
    HighlightOut,
    IngestErrorOut,
    Page,
    RemovedBlockOut,
)

if TYPE_CHECKING:
    import sqlite3

ARTICLE_FIELDS = set(ArticleOut.model_fields)


def article_out(row: dict[str, Any]) -> ArticleOut:
    return ArticleOut(**{k: v for k, v in row.items() if k in ARTICLE_FIELDS})


class ArticleReads:
    conn: sqlite3.Connection

    def articles(self, f: Filters) -> Page[ArticleOut]:
        rows, total = desk_store.list_articles(
            self.conn, outlet=f.outlet, since=f.since, until=f.until, story=f.story,
            limit=f.limit, offset=f.offset,
        )
        return Page(items=[article_out(r) for r in rows], total=total, limit=f.limit,
                    offset=f.offset)

    def articles_by_ids(self, ids: list[str]) -> list[ArticleOut]:
        if not ids:
            return []
        rows, _ = desk_store.list_articles(self.conn, ids=ids, limit=len(ids))
        return [article_out(r) for r in rows]

    def search(self, q: str, f: Filters) -> Page[ArticleOut]:
        rows, total = desk_store.search_articles(self.conn, q, limit=f.limit, offset=f.offset)
        return Page(items=[article_out(r) for r in rows], total=total, limit=f.limit,
                    offset=f.offset)

    def errors(self, f: Filters) -> Page[IngestErrorOut]:
        rows, total = desk_store.list_errors(self.conn, limit=f.limit, offset=f.offset)
        return Page(items=[IngestErrorOut(**r) for r in rows], total=total, limit=f.limit,
                    offset=f.offset)

    def counts(self) -> dict[str, int]:
        return desk_store.counts(self.conn)

    def article(self, article_id: str) -> ArticleDetailOut | None:
        row = desk_store.get_article(self.conn, article_id)
        if row is None:
            return None
        fields = {k: v for k, v in row.items() if k in ArticleDetailOut.model_fields}
        fields["removed"] = [RemovedBlockOut(**r) for r in row.get("removed", [])]
        fields["highlights"] = self.highlights(article_id)  # type: ignore[attr-defined]
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
