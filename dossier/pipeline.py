"""The per-article function (clean → one NLP pass → extractors) and the runners that map it.

``process_batch`` is a pure function of raw articles and settings: the local runner
maps it over a process pool, the Ray runner over a cluster. Writing to the store
happens only in the calling process.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from dossier import nlp
from dossier.config import Settings
from dossier.models import Article, IngestError, RawArticle
from dossier.registry import ArticleContext, extractors_for


@dataclass
class ProcessedArticle:
    """A clean article plus every extractor's records, ready to be stored."""

    article: Article
    facts: dict[str, list[Any]] = field(default_factory=dict)


def process_batch(
    raws: Sequence[RawArticle], settings: Settings
) -> list[ProcessedArticle | IngestError]:
    """Clean, parse (one ``nlp.pipe`` over the batch) and extract; never raises per article."""
    from dossier.clean import clean_article

    cleaned: list[Article | IngestError] = []
    for raw in raws:
        try:
            cleaned.append(clean_article(raw))
        except ValueError as exc:  # the cleaner's way of refusing an input
            cleaned.append(IngestError(raw.source_path, str(exc), raw.locator))
    articles = [a for a in cleaned if isinstance(a, Article)]
    docs = nlp.parse_many(
        (a.text for a in articles), settings.spacy_model, settings.nlp_batch_size
    )
    extractors = extractors_for(settings.extractors)
    by_id: dict[int, ProcessedArticle] = {}
    for article, doc in zip(articles, docs, strict=True):
        ctx = ArticleContext(article=article, doc=doc, settings=settings)
        for extractor in extractors:
            ctx.results[extractor.name] = extractor.run(ctx)
        by_id[id(article)] = ProcessedArticle(article, ctx.results)
    return [by_id[id(c)] if isinstance(c, Article) else c for c in cleaned]
