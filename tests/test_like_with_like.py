"""Contradictions compare like with like: the same measure of this story's event, and
never two names of one actor. Texts written for these tests."""

from __future__ import annotations

from dossier.store.story_material import Material, Source, Unit
from dossier.stories.corroboration import number_conflicts

TEXTS = {
    "a": "Two people were killed when the ferry capsized off Ostend on Monday.",
    "b": "The ferry capsized off Ostend on Monday, leaving 30 people injured and two dead.",
    "c": "The 2019 Zeebrugge ferry fire killed 12 people.",
    "d": "Three people were killed when the ferry capsized off Ostend on Monday.",
}


def _material(keys: list[str], numbers: dict[str, list]) -> Material:
    sources = {k: Source(id=k, outlet=f"Outlet {k}", title=None, published="2021-03-02",
                         ingested_at=None, text=TEXTS[k], ingest_seq=i, original_id=k)
               for i, k in enumerate(keys)}
    terms = {"a": ["person", "kill", "ferry", "capsize"],
             "b": ["ferry", "capsize", "leave", "person", "injure", "dead"],
             "c": ["zeebrugge", "ferry", "fire", "kill", "person"],
             "d": ["person", "kill", "ferry", "capsize"]}
    units = [Unit(k, 0, 0, len(TEXTS[k]), False, False, terms[k], numbers[k]) for k in keys]
    return Material("s1", None, sources, units)


def test_a_count_in_a_sentence_naming_dead_and_wounded_is_not_compared() -> None:
    mat = _material(["a", "b"], {"a": [[2, "person", "kill"]], "b": [[30, "person", "leave"]]})
    assert number_conflicts(mat) == []


def test_a_toll_of_an_earlier_event_given_as_background_is_not_compared() -> None:
    mat = _material(["a", "c"], {"a": [[2, "person", "kill"]], "c": [[12, "person", "kill"]]})
    assert number_conflicts(mat) == []


def test_two_tolls_of_the_same_event_the_same_day_disagree() -> None:
    mat = _material(["a", "d"], {"a": [[2, "person", "kill"]], "d": [[3, "person", "kill"]]})
    [conflict] = number_conflicts(mat)
    assert {c["value"] for c in conflict["claims"]} == {2, 3}


def test_counts_that_are_not_casualties_are_not_one_fact() -> None:
    texts = {"a": "The Ravens won 15 games over the past two seasons.",
             "b": "Under the coach the Ravens won 50 games in five seasons."}
    sources = {k: Source(id=k, outlet=f"Outlet {k}", title=None, published="2021-03-02",
                         ingested_at=None, text=t, ingest_seq=i, original_id=k)
               for i, (k, t) in enumerate(texts.items())}
    units = [Unit("a", 0, 0, len(texts["a"]), False, False, ["raven", "win", "game", "season"],
                  [[15, "game", "win"]]),
             Unit("b", 0, 0, len(texts["b"]), False, False,
                  ["coach", "raven", "win", "game", "season"], [[50, "game", "win"]])]
    assert number_conflicts(Material("s1", None, sources, units)) == []
