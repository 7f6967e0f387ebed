"""Per-article extractors, registered when a chain is first built (see dossier.registry).

:func:`extract` is the per-article loop the pipeline runs: every configured extractor, in
order, on the one parsed Doc. Tests and benchmarks call it rather than re-running the loop.

Importing this package loads no extractor: the extractor modules import spaCy, and a
read command that only needs a helper from here (``speakers.display_name``,
``countries.country_name``) must start without it. :func:`extractors_for` loads them.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from dossier.registry import EXTRACTORS, ArticleContext, Extractor

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from dossier.config import Settings
    from dossier.models import Article

# The modules whose import registers the default extractors.
EXTRACTOR_MODULES = ("actors", "events", "places", "quotes", "story_features", "timex")


def load_extractors() -> None:
    """Import the extractor modules so they register (a no-op once they have)."""
    for module in EXTRACTOR_MODULES:
        importlib.import_module(f"{__name__}.{module}")


def extractors_for(names: Sequence[str]) -> list[Extractor]:
    """The configured extractors that are available, in configured order.

    Checked as the chain is built (as spaCy's ``analyze_pipes`` does): an extractor
    whose ``requires`` is not earlier in the chain is refused, naming what is missing.
    """
    load_extractors()
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
