"""A story gone quiet past its window is dormant, not closed: a strong match reopens it."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

import pytest

from dossier.config import Settings
from dossier.pipeline import ingest
from dossier.stories.cluster import Clusterer, Story

START = date(2021, 3, 2)
LATER = START + timedelta(days=700)
STRICT_REOPEN = Settings(story_threshold=0.2, story_window_days=30, story_reopen_threshold=0.5)
VOLCANO = {"e:mount korvath": 0.7, "eruption": 0.5, "lava": 0.4, "village": 0.3}


def _dormant_story(clusterer: Clusterer) -> Story:
    story, _ = clusterer.assign("a" * 16, VOLCANO, START)
    del clusterer.stories[story.id]  # as if loaded from the store only through its keys
    return story


def test_a_strong_match_reopens_a_story_past_its_window() -> None:
    clusterer = Clusterer(STRICT_REOPEN)
    story = _dormant_story(clusterer)
    assert clusterer.active(LATER) == []
    joined, score = clusterer.assign("b" * 16, VOLCANO, LATER, dormant=[story])
    assert joined.id == story.id and joined.n == 2 and score is not None
    assert joined.last_seen == LATER


def test_a_weak_match_never_reopens_a_dormant_story() -> None:
    clusterer = Clusterer(STRICT_REOPEN)
    story = _dormant_story(clusterer)
    weak = {"e:mount korvath": 0.3, "tourism": 0.8, "hotel": 0.5}
    joined, score = clusterer.assign("b" * 16, weak, LATER, dormant=[story])
    assert joined.id != story.id and score is None


def test_a_story_keys_are_its_most_distinctive_terms() -> None:
    clusterer = Clusterer(Settings(story_threshold=0.2, story_window_days=30))
    for terms in ({"said", "korvath"}, {"said", "ferry"}, {"said", "budget"}):
        clusterer.count(terms)
    assert clusterer.keys({"said": 1.5, "korvath": 1.0}, 1) == ["korvath"]


ERUPTION = ("date {day}\nsource Korvath Herald\n\n"
            "LENMARA, Osterland — Mount Korvath {verb} on {weekday}, sending lava toward "
            "the village of Lenmara, the Osterland Volcano Observatory said.\n\n"
            "Observatory director Anika Relsted said the Korvath eruption {detail}.\n\n"
            "Lenmara villagers were moved to shelters in Dravik by the Osterland civil "
            "defence.\n")
UNRELATED = ("date {day}\nsource Velland Post\n\nGLENMOOR, Velland — The harbour authority "
             "of Glenmoor said the ferry to Ashford Bay would resume sailing next week after "
             "storm repairs to the quay, harbour master Ines Calder told reporters.\n")


@pytest.mark.slow
def test_a_follow_up_two_years_later_rejoins_its_dormant_story(tmp_path) -> None:
    settings = Settings(db_path=tmp_path / "s.db", story_window_days=30)
    texts = {
        "first.txt": ERUPTION.format(day=START.isoformat(), verb="erupted",
                                     weekday="Tuesday",
                                     detail="was the largest since 1973"),
        "ferry.txt": UNRELATED.format(day=(START + timedelta(days=200)).isoformat()),
        "anniversary.txt": ERUPTION.format(
            day=LATER.isoformat(), verb="erupted again", weekday="Friday",
            detail="reopened the vent of 2021"),
    }
    for name, text in texts.items():  # one batch per day, as news arrives
        (tmp_path / name).write_text(text, encoding="utf-8")
        ingest([tmp_path / name], settings)
    with sqlite3.connect(settings.db_path) as conn:
        story = dict(conn.execute(
            "SELECT a.source_path, s.story_id FROM story_articles s"
            " JOIN articles a ON a.id = s.article_id").fetchall())
    by_name = {path.rsplit("/", 1)[-1]: sid for path, sid in story.items()}
    assert by_name["anniversary.txt"] == by_name["first.txt"]
    assert by_name["ferry.txt"] != by_name["first.txt"]
