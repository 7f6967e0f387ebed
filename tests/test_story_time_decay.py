"""How time apart weighs on joining a story: the window and half-life from Settings."""

from __future__ import annotations

from datetime import date, timedelta

from dossier.config import Settings
from dossier.stories.cluster import Clusterer

VECTOR = {"equifax": 0.8, "breach": 0.6}
START = date(2017, 9, 7)


def _clusterer(settings: Settings) -> Clusterer:
    clusterer = Clusterer(settings)
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


def test_an_undated_article_naming_only_old_years_never_joins_a_story_years_later() -> None:
    from dossier.stories.cluster import undated_range

    settings = Settings(story_window_days=365, story_half_life_days=365.0)
    clusterer = _clusterer(settings)  # the story is of 2017-09-07
    old = undated_range("The breach was first found in the 2011 audit.",
                        settings.story_undated_years)
    recent = undated_range("Since the 2016 audit, breaches rose.", settings.story_undated_years)
    assert clusterer.active(old) == []
    assert len(clusterer.active(recent)) == 1
    assert undated_range("No year is named here.", settings.story_undated_years) is None


def test_words_every_article_shares_fade_as_the_stream_grows() -> None:
    # Early in a stream "election" looks as rare as "recount"; after many election
    # articles it weighs little, and an article sharing only it with a story stays out.
    clusterer = Clusterer(Settings(story_threshold=0.3, story_window_days=30))
    story_terms = {"election": 3, "recount": 2, "county": 1}
    newcomer = {"election": 3, "debate": 2, "stage": 1}
    for terms in (story_terms, newcomer):
        clusterer.count(terms)
    clusterer.assign("a" * 16, clusterer.vector(story_terms, {}), START)
    story = next(iter(clusterer.stories.values()))
    early = clusterer.score(clusterer.vector(newcomer, {}), story, START)
    for _ in range(200):
        clusterer.count({"election", f"other{_}"})
    late = clusterer.score(clusterer.vector(newcomer, {}), story, START)
    assert early > late and late < clusterer.threshold
