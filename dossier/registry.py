"""Named extractors and corpus steps, assembled from configuration like spaCy components.

A feature module registers itself here; the pipeline looks extractors up by the
names listed in ``Settings.extractors`` (:func:`dossier.extract.extractors_for`), so a
user can swap or drop one without editing the pipeline. This module imports no stage:
every stage imports it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from dossier.config import Settings
    from dossier.models import Article


@dataclass
class ArticleContext:
    """What an extractor sees: the clean article, its one parsed Doc, earlier results."""

    article: Article
    doc: Doc
    settings: Settings
    results: dict[str, list[Any]] = field(default_factory=dict)


@dataclass(frozen=True)
class Extractor:
    """A per-article extractor: reads the Doc (and earlier extractors' results), returns records.

    ``run`` executes in a worker process and must return picklable records; it never sees
    the store. The records are written by the store's writer of the same name
    (:mod:`dossier.store.facts`) in the main process, inside the article's transaction.
    ``assigns`` names the record types it returns (what a later extractor or the writer
    may expect to find under its name); ``requires`` the extractors that must run before
    it. Both are checked: ``requires`` when the chain is built, ``assigns`` on every record
    returned (:func:`dossier.extract.extract`), like spaCy's ``assigns``/``requires``.
    """

    name: str
    run: Callable[[ArticleContext], list[Any]]
    assigns: tuple[type, ...]
    requires: tuple[str, ...] = ()


@dataclass(frozen=True)
class CorpusStep:
    """Work over the whole store after a batch lands (actor merging, stories).

    Receives the ids of the newly stored articles so it can stay incremental.
    """

    name: str
    run: Callable[[sqlite3.Connection, Sequence[str], Settings], None]
    order: int = 100


EXTRACTORS: dict[str, Extractor] = {}
CORPUS_STEPS: dict[str, CorpusStep] = {}


def register_extractor(extractor: Extractor) -> Extractor:
    EXTRACTORS[extractor.name] = extractor
    return extractor


def register_corpus_step(step: CorpusStep) -> CorpusStep:
    CORPUS_STEPS[step.name] = step
    return step


