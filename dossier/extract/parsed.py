"""Views of the one parsed Doc that spaCy rebuilds on every access, built once per Doc.

``Doc.text`` joins every token's text again on each read, and ``Doc.ents`` walks every
token and makes a new ``Span`` per entity on each read; ``Span.ents`` does the same
walk over the whole Doc for every sentence it is asked of, and ``Doc.noun_chunks``
walks the parse again. Read per sentence or per token by a dozen extractors, they were
over a third of ingest CPU. Here each is built once and kept in ``doc.user_data`` (the
Doc never changes after the parse: no extractor sets entities or retokenizes), so every
extractor reads the same objects.

No spaCy import at run time: read commands import modules that import this one.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

_TEXT = "dossier.parsed.text"
_ENTS = "dossier.parsed.ents"
_ENT_STARTS = "dossier.parsed.ent_starts"
_ENT_OF_TOKEN = "dossier.parsed.ent_of_token"
_WITH_DEP = "dossier.parsed.with_dep"
_NOUN_CHUNKS = "dossier.parsed.noun_chunks"


def text_of(doc: Doc) -> str:
    """``doc.text``, joined once."""
    found = doc.user_data.get(_TEXT)
    if found is None:
        found = doc.user_data[_TEXT] = doc.text
    return found


def ents_of(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``: the named entities in order, built once."""
    found = doc.user_data.get(_ENTS)
    if found is None:
        found = doc.user_data[_ENTS] = doc.ents
    return found


def ents_within(span: Span) -> list[Span]:
    """``span.ents``: the entities wholly inside the span (sentence, phrase), in order."""
    doc = span.doc
    ents = ents_of(doc)
    starts = doc.user_data.get(_ENT_STARTS)
    if starts is None:
        starts = doc.user_data[_ENT_STARTS] = [e.start for e in ents]
    out = []
    for ent in ents[bisect_left(starts, span.start):]:
        if ent.end > span.end:
            break  # entities do not overlap: every later one starts after this one ends
        out.append(ent)
    return out


def entity_at(doc: Doc, i: int) -> Span | None:
    """The entity token ``i`` is part of, else None."""
    index = doc.user_data.get(_ENT_OF_TOKEN)
    if index is None:
        index = doc.user_data[_ENT_OF_TOKEN] = {
            t: ent for ent in ents_of(doc) for t in range(ent.start, ent.end)
        }
    return index.get(i)


def noun_chunks_of(doc: Doc) -> tuple[Span, ...]:
    """``doc.noun_chunks`` (a walk of the whole parse on every access), found once."""
    found = doc.user_data.get(_NOUN_CHUNKS)
    if found is None:
        found = doc.user_data[_NOUN_CHUNKS] = tuple(doc.noun_chunks)
    return found


def with_dep(doc: Doc, dep: str) -> list[int]:
    """Indices of the tokens attached with this dependency label ("case"), in order;
    read from the Doc's arrays, without building a Token per word."""
    key = (_WITH_DEP, dep)
    found = doc.user_data.get(key)
    if found is None:
        label = doc.vocab.strings[dep]
        found = doc.user_data[key] = [
            i for i, d in enumerate(doc.to_array("DEP").tolist()) if d == label
        ]
    return found
