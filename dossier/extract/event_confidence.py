"""An event's confidence as a measured probability that its PLOVER type is right.

A logistic model over a few facts the extractor already knows about each event
(how sure the lexicon is of the trigger, whether the parse confirmed its frame, who
did it, whether it is asserted, quoted, the main clause, between political actors,
in an article about states and peoples, by a state, force or office holder, in an
article whose nouns are of another beat: film, sport, products, markets).
benchmarks/events.py fits the weights on PLOVER GSR half A plus the "fit" part of
our real-news labels and reports a reliability table on the other parts; the
weights live in ``Settings.event_calibration``, the threshold that hides weak events
in ``Settings.event_min_confidence``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

FEATURES = ("prior", "framed", "noun", "source", "named_source", "target", "asserted",
            "quoted", "main", "political", "hostile", "article_political", "political_source",
            "political_target", "article_offtopic")


def probability(features: Mapping[str, float],
                weights: Sequence[tuple[str, float]]) -> float:
    """sigmoid(bias + Σ weight × feature); a feature the weights do not name counts 0."""
    score = sum(w * (1.0 if name == "bias" else features.get(name, 0.0)) for name, w in weights)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))
