"""Statements labelled with their speaker before a colon: headlines and transcripts.

"Bernie Sanders: 'Of Course' Hillary Clinton Is Qualified" and "MATTHEWS: Well, ..."
attribute everything after the colon to the name before it, with no verb. Only a
short, verbless label holding a named actor counts (not "UPDATE:", "Kenya:", "Photos:").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from dossier.extract.actor_records import ActorMention
from dossier.extract.parsed import text_of
from dossier.lexicon.speech import EVIDENCE_NOUNS

_NOT_SPEAKER_KINDS = frozenset({"country"})


@dataclass(frozen=True)
class Labelled:
    """The colon (the cue), the speaker token the label is headed by, the content span."""

    colon: Token
    speaker: Token
    content_start: int
    content_end: int


def find_labelled(doc: Doc, mentions: list[ActorMention], max_tokens: int) -> list[Labelled]:
    """Every paragraph that opens with "<named actor>: <content>", its colon within
    ``max_tokens`` (``Settings.quote_label_max_tokens``)."""
    text = text_of(doc)
    found = []
    for sent in doc.sents:
        first = sent[0]
        if first.i > 0 and "\n" not in doc[first.i - 1].whitespace_ + doc[first.i - 1].text:
            continue  # only a sentence that starts a paragraph carries a label
        colon = next((t for t in sent[: max_tokens + 1] if t.text == ":"), None)
        if colon is None or colon.i == first.i:
            continue
        label = doc[first.i : colon.i]
        if any(t.pos_ in {"VERB", "AUX"} and t.tag_ != "VBN" for t in label):
            continue
        speaker = _label_speaker(label, mentions)
        if speaker is None:
            continue
        end = text.find("\n", colon.idx)
        end = len(text) if end < 0 else end
        content_start = colon.idx + 1
        if len(text[content_start:end].split()) < 3:
            continue
        found.append(Labelled(colon, speaker, content_start, end))
    return found


def _label_speaker(label, mentions: list[ActorMention]) -> Token | None:  # noqa: ANN001
    """The label's named actor (not a country: "Niger: ..." is a topic), or its evidence
    noun ("Poll: Trump a big turnoff ...")."""
    start, end = label.start_char, label.end_char
    for m in mentions:
        if start <= m.start and m.end <= end and m.mention_type == "name" and not m.is_pronoun:
            if m.kind in _NOT_SPEAKER_KINDS:
                return None
            span = label.doc.char_span(m.start, m.end, alignment_mode="expand")
            return span.root if span is not None else None
    if len(label) == 1 and label[0].lower_ in EVIDENCE_NOUNS:
        return label[0]
    return None
