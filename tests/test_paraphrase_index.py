"""The paraphrase index finds exactly the pairs comparing every sentence with every other
finds (the digest's groups and the date conflicts must not change with the speed-up)."""

from __future__ import annotations

import random

import pytest

from dossier.stories.dedup import ParaphraseIndex, overlap, term_frequency


@pytest.mark.parametrize("threshold", [0.3, 0.5, 0.6, 0.75, 1.0])
def test_index_finds_the_same_matches_as_comparing_every_pair(threshold: float) -> None:
    rng = random.Random(17)
    vocabulary = [f"w{i}" for i in range(60)]
    common = vocabulary[:6]  # words most sentences share ("said", "police" ...)
    sentences = []
    for _ in range(250):
        size = rng.choice([1, 2, 3, 4, 5, 6, 8, 12, 20])
        words = rng.sample(vocabulary, size) + rng.sample(common, rng.randint(0, 3))
        sentences.append(words)
    sentences += [sentences[5], sentences[7][:2]]  # an exact repeat, a short fragment
    index = ParaphraseIndex(threshold, 4, term_frequency(sentences))
    for words in sentences:
        index.add(words)
    for words in sentences:
        expected = [n for n, other in enumerate(sentences) if overlap(words, other, 4) >= threshold]
        assert index.matches(words) == expected


def test_a_short_sentence_matches_only_its_exact_repeat() -> None:
    index = ParaphraseIndex(0.6, 4, {})
    index.add(["police", "fired"])
    index.add(["police", "fired", "tear", "gas", "crowd"])
    assert index.matches(["fired", "police"]) == [0]
    assert index.matches(["police"]) == []


def test_first_match_is_the_earliest_sentence_paraphrased() -> None:
    index = ParaphraseIndex(0.6, 4, {})
    index.add(["strike", "port", "wages", "union", "dockworkers"])
    index.add(["strike", "port", "wages", "union", "ships", "diverted"])
    assert index.first_match(["port", "strike", "wages", "union", "gates"]) == 0
    assert index.first_match(["ships", "diverted", "north", "terminal", "harbour"]) is None
