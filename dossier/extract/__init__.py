"""Per-article extractors; importing this package registers them (see dossier.registry).

:func:`extract` is the per-article loop the pipeline runs: every configured extractor, in
order, on the one parsed Doc. Tests and benchmarks call it rather than re-running the loop.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from dossier.extract import (
    actors,  # noqa: F401
    events,  # noqa: F401
    places,  # noqa: F401
    quotes,  # noqa: F401
    story_features,  # noqa: F401
    timex,  # noqa: F401
)
from dossier.registry import EXTRACTORS, ArticleContext, Extractor

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from dossier.config import Settings
    from dossier.models import Article


def extractors_for(names: Sequence[str]) -> list[Extractor]:
    """The configured extractors that are available, in configured order.

    Checked as the chain is built (as spaCy's ``analyze_pipes`` does): an extractor
    whose ``requires`` is not earlier in the chain is refused, naming what is missing.
    """
    chain = [EXTRACTORS[n] for n in names if n in EXTRACTORS]
    seen: set[str] = set()
    for extractor in chain:
        missing = [r for r in extractor.requires if r not in seen]
        if missing:
            raise ValueError(
                f"extractor {extractor.name!r} needs {', '.join(map(repr, missing))} before it"
                f" in the chain {tuple(e.name for e in chain)}"
            )
        seen.add(extractor.name)
    return chain


class ExtractorFailed(Exception):
    """An extractor raised on an article: ``name`` says which; the cause is chained."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


def extract(article: Article, doc: Doc, settings: Settings) -> dict[str, list[Any]]:
    """Run every configured extractor on one article's Doc; records keyed by extractor name.

    Raises :class:`ExtractorFailed` (from the extractor's own exception) when one breaks.
    """
    ctx = ArticleContext(article=article, doc=doc, settings=settings)
    for extractor in extractors_for(settings.extractors):
        try:
            ctx.results[extractor.name] = extractor.run(ctx)
        except Exception as exc:
            raise ExtractorFailed(extractor.name) from exc
    return ctx.results
