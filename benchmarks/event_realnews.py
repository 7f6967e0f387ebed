"""Real-news event precision and confidence calibration, shared by benchmarks/events.py.

The 247 giveme5w1h articles (../shared/eval/giveme5w1h-clusters, evaluation only) go
through Dossier's own reader, cleaner, parse and extractors; each event is matched to
our hand labels (benchmarks/event_labels.jsonl: 150 events sampled at random from the
extractor's output before any tuning on them, judged by us; ids, spans and judgements
only, no article text) by record, trigger word and a hash of its sentence, so a label
survives cleaner changes that shift offsets. Labels carry ``part``: "fit" (rules and
calibration may be chosen on it) or "report" (never read for tuning), by article
(``part_of``). Labels 150–194 (with a ``sample`` field) were added after this round's
tuning: 45 events drawn at random (seed 12) from those shown at the default threshold
in "report" articles, all put in "report" before we looked at them; they estimate the
precision of what is shown, not of all events.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import giveme5w1h

LABELS = Path(__file__).resolve().parent / "event_labels.jsonl"
STOP = {"the", "of", "a", "an", "and", "s", "mr.", "mr", "ms.", "sen."}


@dataclass
class Labelled:
    """One label and the event the current extractor gives at the same trigger, if any."""

    label: dict[str, Any]
    event: Any | None  # dossier.extract.events.Event

    @property
    def type_right(self) -> bool:
        return self.event is not None and self.event.type == self.label["gold_type"]

    @property
    def source_right(self) -> bool | None:
        """None when the event names no source (not judged); else does it match ours?"""
        if self.event is None or not self.event.source_actor:
            return None
        gold = self.label.get("gold_source")
        if not gold:
            return False
        said = _words(self.event.source_actor)
        return any(said & _words(alt) for alt in gold.split("|"))


def _words(name: str) -> set[str]:
    return {w for w in name.lower().replace("’", " ").replace("'", " ").split() if w not in STOP}


def sentence_key(text: str) -> str:
    return hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()[:16]


def load_labels() -> list[dict[str, Any]]:
    return [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines() if line]


def part_of(article_id: str) -> str:
    """The labels' split, by article: "report" when the first byte of the SHA-1 of
    Dossier's article id is odd, else "fit". New labels take the part of their article."""
    return "report" if hashlib.sha1(article_id.encode("utf-8")).digest()[0] % 2 else "fit"


# Record key → Dossier article id, filled by extract_all (for part_of and new labels).
ARTICLE_IDS: dict[str, str] = {}


def extract_all(settings: Any) -> dict[str, tuple[str, list[Any]]]:
    """Record key → (cleaned text, events), through reader → cleaner → parse → extractors."""
    from dossier.ingest.jsonl import read_jsonl
    from dossier.ingest.source import SourceFile
    from dossier.models import RawArticle
    from dossier.pipeline import ProcessedArticle, load_plugins, process_batch

    load_plugins()
    records = giveme5w1h.load()
    out: dict[str, tuple[str, list[Any]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        path = giveme5w1h.write_jsonl(records, Path(tmp) / "events.jsonl")
        raws = [r for r in read_jsonl(SourceFile(path, settings.max_file_bytes))
                if isinstance(r, RawArticle)]
        for start in range(0, len(raws), 32):
            batch = raws[start:start + 32]
            for raw, done in zip(batch, process_batch(batch, settings), strict=True):
                if isinstance(done, ProcessedArticle) and raw.external_id:
                    out[raw.external_id] = (done.article.text, done.facts.get("events", []))
                    ARTICLE_IDS[raw.external_id] = done.article.id
    return out


def match(labels: Iterable[dict[str, Any]],
          extracted: dict[str, tuple[str, list[Any]]]) -> list[Labelled]:
    """Each label with the current event at its trigger (same word, same sentence)."""
    found = []
    for label in labels:
        text, events = extracted.get(label["record"], ("", []))
        same = [e for e in events if text[e.trigger_start:e.trigger_end] == label["trigger_text"]
                and sentence_key(text[e.start:e.end]) == label["sentence_sha1"]]
        best = min(same, key=lambda e: abs(e.trigger_start - label["trigger"][0]), default=None)
        found.append(Labelled(label, best))
    return found


def unlabelled_share(labelled: list[Labelled],
                     extracted: dict[str, tuple[str, list[Any]]]) -> tuple[int, int]:
    """(events now extracted, how many of them the labels' sample could have drawn)."""
    total = sum(len(events) for _, events in extracted.values())
    return total, sum(1 for item in labelled if item.event is not None)


def shown(event: Any, threshold: float, stated_only: bool) -> bool:
    """Would the desk, the events list and a default export show this event? At or above
    ``threshold`` and, with ``stated_only`` (the default: Settings.event_show_unstated
    False), stated as fact (lexicon.modality.STATED_MODALITIES)."""
    from dossier.lexicon.modality import STATED_MODALITIES

    return event is not None and event.confidence >= threshold and (
        not stated_only or event.modality in STATED_MODALITIES)


def precision_at(labelled: list[Labelled], threshold: float,
                 stated_only: bool = True) -> tuple[int, float, int, float]:
    """(shown events, type precision, shown events with a source, source precision on the
    shown events whose type is right) for the labelled events ``shown`` at ``threshold``."""
    shown_ = [x for x in labelled if shown(x.event, threshold, stated_only)]
    typed = [x for x in shown_ if x.type_right]
    sourced = [x for x in typed if x.source_right is not None]
    return (len(shown_), len(typed) / len(shown_) if shown_ else 0.0,
            len(sourced), sum(bool(x.source_right) for x in sourced) / len(sourced)
            if sourced else 0.0)


def reliability(pairs: list[tuple[float, bool]], edges=(0.0, 0.2, 0.4, 0.6, 0.8, 1.01)
                ) -> list[tuple[str, int, float, float]]:
    """(bin, n, mean confidence, share right) per confidence bin."""
    rows = []
    for low, high in zip(edges, edges[1:], strict=False):
        inside = [(p, y) for p, y in pairs if low <= p < high]
        if inside:
            rows.append((f"{low:.1f}–{min(high, 1.0):.1f}", len(inside),
                         sum(p for p, _ in inside) / len(inside),
                         sum(y for _, y in inside) / len(inside)))
    return rows
