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
    whose ``requires`` is not earlier in the chain is refused, naming what is missing, and
    so is one that does not say what it ``assigns``.
    """
    load_extractors()
    chain = [EXTRACTORS[n] for n in names if n in EXTRACTORS]
    seen: set[str] = set()
    for extractor in chain:
        if not extractor.assigns:
            raise ValueError(f"extractor {extractor.name!r} does not say what it assigns")
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

    Raises :class:`ExtractorFailed` (from the extractor's own exception) when one breaks,
    or returns a record of a type it does not assign (a later extractor or the store's
    writer would misread it).
    """
    ctx = ArticleContext(article=article, doc=doc, settings=settings)
    for extractor in extractors_for(settings.extractors):
        try:
            records = extractor.run(ctx)
            check_assigns(extractor, records)
        except Exception as exc:
            raise ExtractorFailed(extractor.name) from exc
        ctx.results[extractor.name] = records
    return ctx.results


def check_assigns(extractor: Extractor, records: list[Any]) -> None:
    """Raise TypeError when a record is not of a type the extractor ``assigns``."""
    wrong = sorted({type(r).__name__ for r in records if not isinstance(r, extractor.assigns)})
    if wrong:
        said = ", ".join(t.__name__ for t in extractor.assigns)
        raise TypeError(f"extractor {extractor.name!r} returned {', '.join(wrong)} records;"
                        f" it assigns {said}")
