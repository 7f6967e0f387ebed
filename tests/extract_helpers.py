"""Run the configured per-article extractors on a text we write, the way the pipeline does."""

from __future__ import annotations

from typing import Any

from dossier import extract as extractors
from dossier.config import Settings
from dossier.models import Article


def extract(nlp: Any, text: str, published: str | None = None) -> dict[str, list[Any]]:
    """Parse once, run every configured extractor in order (dossier.extract.extract)."""
    article = Article(id="t", source_path="t", text=text, published=published)
    return extractors.extract(article, nlp(text), Settings())
