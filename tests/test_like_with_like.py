"""Contradictions compare like with like: the same measure of this story's event, and
never two names of one actor. Texts written for these tests."""

from __future__ import annotations

from dossier.store.story_material import Material, Source, Unit
from dossier.stories.corroboration import doer_conflicts, number_conflicts

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


def _pair(texts: dict[str, str], units: list[Unit]) -> Material:
    sources = {k: Source(id=k, outlet=f"Outlet {k}", title=None, published="2021-03-02",
                         ingested_at=None, text=t, ingest_seq=i, original_id=k)
               for i, (k, t) in enumerate(texts.items())}
    return Material("s1", None, sources, units)


def test_a_toll_far_from_every_other_is_of_another_event() -> None:
    texts = {"a": "At least two people died when a car bomb hit the consulate on Thursday.",
             "b": "The militants called it revenge for air strikes on a village that killed"
                  " more than 30 people."}
    units = [Unit("a", 0, 0, len(texts["a"]), False, False, ["person", "die", "consulate"],
                  [[2, "person", "die"]]),
             Unit("b", 0, 0, len(texts["b"]), False, False, ["strike", "village", "kill"],
                  [[30, "person", "kill"]])]
    assert number_conflicts(_pair(texts, units)) == []


def test_tolls_a_few_apart_the_same_day_still_disagree() -> None:
    texts = {"a": "At least 50 people were killed at the festival on Sunday.",
             "b": "At least 59 people were killed at the festival on Sunday night."}
    units = [Unit(k, 0, 0, len(t), False, False, ["person", "kill", "festival"],
                  [[value, "person", "kill"]])
             for (k, t), value in zip(texts.items(), (50, 59), strict=True)]
    [conflict] = number_conflicts(_pair(texts, units))
    assert {c["value"] for c in conflict["claims"]} == {50, 59}


def test_a_count_under_a_verb_of_its_own_is_not_a_toll() -> None:
    # "remain trapped" counts the trapped, not the injured the sentence also names.
    texts = {"a": "Two people remain trapped and dozens were injured after the crash.",
             "b": "Five people were injured after the crash."}
    units = [Unit("a", 0, 0, len(texts["a"]), False, False,
                  ["person", "remain", "trap", "injure", "crash"], [[2, "person", "remain"]]),
             Unit("b", 0, 0, len(texts["b"]), False, False, ["person", "injure", "crash"],
                  [[5, "person", "injure"]])]
    assert number_conflicts(_pair(texts, units)) == []


def test_acts_done_to_nobody_named_are_not_one_act_with_two_doers() -> None:
    texts = {"a": "Police said the gunman killed himself.",
             "b": "In the other attack the two men were shot dead by police."}
    units = [Unit("a", 0, 0, len(texts["a"]), False, False, ["police", "gunman", "kill"],
                  acts=[["kill", None, "the gunman", "gunman", None, False]]),
             Unit("b", 0, 0, len(texts["b"]), False, False, ["attack", "man", "shoot", "police"],
                  acts=[["kill", None, "police", "police", None, False]])]
    assert doer_conflicts(_pair(texts, units)) == []


def test_an_act_dated_by_an_earlier_year_is_background_not_a_rival_doer() -> None:
    texts = {"a": "The Cubs beat the Indians on Wednesday night.",
             "b": "It was the first decider since 1997, when the Indians were beaten by the"
                  " Marlins."}
    units = [Unit("a", 0, 0, len(texts["a"]), False, False, ["cub", "beat", "indian"],
                  acts=[["beat", "indians", "the Cubs", "cub", None, False]]),
             Unit("b", 0, 0, len(texts["b"]), False, False, ["decider", "indian", "marlin"],
                  acts=[["beat", "indians", "the Marlins", "marlin", None, False]])]
    assert doer_conflicts(_pair(texts, units)) == []


def test_two_actors_restricting_one_target_on_no_stated_day_do_not_disagree(monkeypatch) -> None:
    from dossier.stories import corroboration

    texts = {"a": "Iran blocked the messaging app during the protests.",
             "b": "The messaging app was banned from the app store by Apple."}
    rows = [{"type": "COERCE", "source_actor": "Iran", "target_actor": "Telegram",
             "article_id": "a", "start": 0, "end": len(texts["a"]), "date": None},
            {"type": "COERCE", "source_actor": "Apple", "target_actor": "Telegram",
             "article_id": "b", "start": 0, "end": len(texts["b"]), "date": None}]
    units = [Unit(k, 0, 0, len(t), False, False, ["app"]) for k, t in texts.items()]
    monkeypatch.setattr(corroboration, "has_table", lambda conn, name: True)
    monkeypatch.setattr(corroboration, "events_of", lambda conn, story_id, **_: rows)
    mat = _pair(texts, units)
    assert corroboration.actor_conflicts(None, mat) == []
    # the same act on the same day by two different doers is a disagreement
    for row in rows:
        row["date"] = "2021-03-01"
    [conflict] = corroboration.actor_conflicts(None, mat)
    assert {c["value"] for c in conflict["claims"]} == {"Iran", "Apple"}
