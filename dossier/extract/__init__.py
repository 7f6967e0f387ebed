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
    whose ``requires`` is not earlier in the chain is refused, naming what is missing, and
    so is one that does not say what it ``assigns``.
    """
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
