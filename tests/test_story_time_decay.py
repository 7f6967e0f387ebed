"""How time apart weighs on joining a story: the window and half-life from Settings."""

from __future__ import annotations

from datetime import date, timedelta

from dossier.config import Settings
from dossier.stories.cluster import Clusterer

VECTOR = {"equifax": 0.8, "breach": 0.6}
START = date(2017, 9, 7)


def _clusterer(settings: Settings) -> Clusterer:
    clusterer = Clusterer(settings.story_threshold, settings.story_window_days,
                          half_life_days=settings.story_half_life_days)
    clusterer.assign("a" * 16, VECTOR, START)
    return clusterer


def test_a_follow_up_one_half_life_later_scores_half() -> None:
    settings = Settings(story_half_life_days=10.0, story_window_days=30)
    clusterer = _clusterer(settings)
    story = next(iter(clusterer.stories.values()))
    later = START + timedelta(days=10)
    assert abs(clusterer.score(VECTOR, story, later) - 0.5) < 1e-9
    assert clusterer.score(VECTOR, story, START) > 0.99


def test_follow_up_within_window_joins_the_story_with_default_settings() -> None:
    clusterer = _clusterer(Settings())
    story, score = clusterer.assign("b" * 16, VECTOR, START + timedelta(days=20))
    assert len(clusterer.stories) == 1 and story.n == 2 and score is not None


def test_a_short_half_life_makes_a_late_follow_up_start_its_own_story() -> None:
    clusterer = _clusterer(Settings(story_half_life_days=1.0, story_window_days=30))
    clusterer.assign("b" * 16, VECTOR, START + timedelta(days=20))
    assert len(clusterer.stories) == 2


def test_past_the_window_a_story_takes_no_articles_however_similar() -> None:
    settings = Settings()
    clusterer = _clusterer(settings)
    late = START + timedelta(days=settings.story_window_days + 1)
    assert clusterer.active(late) == []
