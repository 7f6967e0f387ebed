"""Headlines weigh in story clustering: the words an outlet chose to name the story."""

from __future__ import annotations

from datetime import date

from dossier.config import Settings
from dossier.stories.cluster import Clusterer, title_terms

DAY = date(2018, 1, 10)
STREAM = Settings(story_threshold=0.3, story_window_days=30)


def test_headline_words_map_to_the_bodys_lemmas() -> None:
    terms = {"strike": 2, "dockworker": 1, "port": 3}
    assert sorted(title_terms("Dockworkers strikes close the port", terms)) == [
        "close", "dockworker", "port", "strike"]


def test_a_shared_headline_pulls_two_thin_bodies_into_one_story() -> None:
    # Bodies share one common word only; the headlines name the same event.
    first = ({"equifax": 1, "say": 1, "company": 1}, {"equifax": 1})
    second = ({"breach": 1, "say": 1, "hacker": 1}, {})
    headline = ["equifax", "breach"]
    with_title, without = Clusterer(STREAM), Clusterer(STREAM)
    for clusterer, titles in ((with_title, headline), (without, [])):
        for terms, _ in (first, second):
            clusterer.count(list(terms) + titles)
        for i, (terms, ents) in enumerate((first, second)):
            clusterer.assign(str(i) * 16, clusterer.vector(terms, ents, titles), DAY)
    assert len(with_title.stories) == 1
    assert len(without.stories) == 2
