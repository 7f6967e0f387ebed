"""Run the configured per-article extractors on a text we write, the way the pipeline does."""

from __future__ import annotations

from typing import Any

from dossier.config import Settings
from dossier.models import Article
from dossier.registry import ArticleContext, extractors_for


def extract(nlp: Any, text: str, published: str | None = None) -> dict[str, list[Any]]:
    """Parse once, run every configured extractor in order; returns ctx.results."""
    settings = Settings()
    ctx = ArticleContext(Article(id="t", source_path="t", text=text, published=published),
                         nlp(text), settings)
    for extractor in extractors_for(settings.extractors):
        ctx.results[extractor.name] = extractor.run(ctx)
    return ctx.results
