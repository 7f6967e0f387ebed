"""Actors on real-news shapes: clean names, mention chains, and who must (not) merge."""

from __future__ import annotations

import pytest
from test_actors import ingest, key_of, run_actors, store  # noqa: F401  (store: fixture)

from dossier.extract.actor_names import name_words, same_person_name
from dossier.lexicon import countries


def person_names(actors) -> set[str]:
    return {a.name for a in actors.values() if a.kind == "person"}


def test_headline_word_glued_on_a_name_is_dropped(nlp):
    text = ("Hammering Hillary Clinton once again, the senator spoke on Monday.\n\n"
            "Hillary Clinton answered on Tuesday. Mrs. Clinton was in Iowa.")
    mentions, actors = run_actors(nlp, text)
    assert "Hammering Hillary Clinton" not in person_names(actors)
    clinton = [a for a in actors.values() if a.name == "Hillary Clinton"]
    assert len(clinton) == 1 and clinton[0].mentions >= 3  # "Mrs. Clinton" joined her


def test_agency_prefix_and_doubled_name_are_cleaned(nlp):
    text = ("Reuters Kim Jong-un watched the launch. Justin Timberlake Justin Timberlake "
            "sang at the show.\n\nKim Jong Un praised the scientists. Timberlake smiled.")
    mentions, actors = run_actors(nlp, text)
    names = person_names(actors)
    assert not any("Reuters" in n or n.count("Timberlake") > 1 for n in names)
    assert len([a for a in actors.values() if "Kim" in a.name]) == 1


def test_credit_lines_and_bylines_are_not_actors(nlp):
    text = ("Police closed the road on Friday, said Governor Maria Lopez.\n\n"
            "(Photo: Tomas Berg/Xinhua/Alamy)\n\n"
            "Editing by Peter Graff and Mary Milliken\n\n"
            "By Jonas Kettle\n")
    mentions, actors = run_actors(nlp, text)
    names = person_names(actors)
    assert "Maria Lopez" in names
    assert not names & {"Tomas Berg", "Peter Graff", "Mary Milliken", "Jonas Kettle"}
    assert not any("Xinhua" in a.name for a in actors.values())


def test_surname_joins_the_person_not_a_building_named_after_him(nlp):
    text = ("Donald Trump spoke at Trump Tower on Monday.\n\n"
            "Trump said he would announce his pick soon. Mr. Trump left at noon.")
    mentions, actors = run_actors(nlp, text)
    trump = [a for a in actors.values() if a.name == "Donald Trump"]
    assert len(trump) == 1 and trump[0].mentions >= 3
    assert not any(a.kind == "person" and "Tower" in a.name for a in actors.values())


def test_hyphen_and_spacing_variants_and_honorific_are_one_person(nlp):
    text = ("Kim Jong-un oversaw the test on Sunday.\n\n"
            "Kim Jong Un said the country was ready. Mr. Kim then left the site.")
    mentions, actors = run_actors(nlp, text)
    kims = [a for a in actors.values() if a.kind == "person"]
    assert len(kims) == 1 and kims[0].mentions >= 3


def test_state_media_and_state_army_take_their_state(nlp):
    text = "KCNA said the Korean People's Army fired two missiles on Tuesday."
    mentions, actors = run_actors(nlp, text)
    by_name = {a.name: a for a in actors.values()}
    assert by_name["KCNA"].country == "PRK"
    army = next(a for n, a in by_name.items() if "Army" in n)
    assert army.country == "PRK" and army.kind == "military"


def test_name_keys_drop_initials_and_honorifics_but_keep_suffixes():
    assert name_words("Donald J. Trump") == ["donald", "trump"]
    assert name_words("Kim Jong-un") == name_words("Kim Jong Un")
    assert name_words("Mr. Trump") == ["trump"]
    assert not same_person_name(name_words("Donald Trump Jr."), name_words("Donald Trump"))
    assert not same_person_name(name_words("Bill Clinton"), name_words("Hillary Clinton"))
    assert same_person_name(name_words("Hillary Rodham Clinton"), name_words("Hillary Clinton"))


def test_a_dropped_or_doubled_letter_in_a_given_name_is_the_same_person_but_another_name_is_not():
    assert same_person_name(name_words("Hilary Clinton"), name_words("Hillary Clinton"))
    assert same_person_name(name_words("Denis McDonough"), name_words("Dennis McDonough"))
    assert not same_person_name(name_words("Maria Lopez"), name_words("Mario Lopez"))
    assert not same_person_name(name_words("Jon Smith"), name_words("John Smith"))  # too short
    assert not same_person_name(name_words("Ruth Otieno"), name_words("Peter Otieno"))


def test_one_country_table_for_actors_and_places():
    from dossier.extract import countries as actor_countries
    from dossier.extract.gazetteer import country_of_word

    assert countries.country_of("Ivory Coast") == "CI"
    assert actor_countries.country_code("Ivory Coast") == "CIV"
    assert country_of_word("Nigerien") == "NE" and actor_countries.demonym_country(
        "Nigerien") == "NER"
    assert countries.demonym_of("Korean") is None  # North or South: no guess
    assert countries.state_of_body("the Korean Central News Agency") == "KP"
    assert countries.country_name("PRK") == countries.country_name("KP")


# -- across articles --------------------------------------------------------------------


def test_lone_surname_joins_the_dominant_person_and_a_relative_stays_herself(store, nlp):  # noqa: F811
    for n in range(4):
        ingest(store, nlp, f"t{n}", f"President Donald Trump signed order {n} on Monday.")
    ingest(store, nlp, "m1", "Melania Trump visited a school in Maryland on Tuesday.")
    ingest(store, nlp, "x1", "Mr. Trump said the economy was strong.")
    rows = store.execute(
        "SELECT a.name, COUNT(*) AS n FROM actors a JOIN article_actors aa"
        " ON aa.actor_id = a.id WHERE a.kind = 'person' GROUP BY a.id").fetchall()
    by_name = {r["name"]: r["n"] for r in rows}
    assert by_name == {"Donald Trump": 5, "Melania Trump": 1}


def test_conflicting_first_names_never_merge_even_when_one_dominates(store, nlp):  # noqa: F811
    for n in range(4):
        ingest(store, nlp, f"p{n}", f"Peter Otieno chaired meeting {n} of the port board.")
    ingest(store, nlp, "j1", "James Otieno, a dockworker, was injured at the gate.")
    names = {r[0] for r in store.execute("SELECT name FROM actors WHERE kind = 'person'")}
    assert {"Peter Otieno", "James Otieno"} <= names


def test_word_glued_on_a_known_name_joins_that_person(store, nlp):  # noqa: F811
    ingest(store, nlp, "s1", "Bernie Sanders won the primary in Michigan.")
    ingest(store, nlp, "s2", "Vermonter Bernie Sanders addressed the crowd in Ohio.")
    names = [r[0] for r in store.execute("SELECT name FROM actors WHERE kind = 'person'")]
    assert names == ["Bernie Sanders"]


@pytest.mark.parametrize("name", [".", "'s", ""])
def test_an_actor_without_name_words_does_not_break_the_merge(store, name):  # noqa: F811
    from dossier.config import Settings
    from dossier.stories.actor_merge import merge_actors

    store.execute("INSERT INTO articles (id, source_path, text) VALUES ('z', 'f', 'x')")
    store.execute("INSERT INTO article_actors (article_id, actor_key, name, kind, mentions,"
                  " start, end) VALUES ('z', ?, ?, 'person', 1, 0, 1)", (f"person:{name}", name))
    merge_actors(store, ["z"], Settings())
    assert store.execute("SELECT COUNT(*) FROM actors").fetchone()[0] == 0


def test_actor_lookup_matches_whole_names_and_aliases_not_substrings(store, nlp):  # noqa: F811
    from dossier.store.actors import actor_detail, find_actors

    ingest(store, nlp, "f1", "American Airlines cancelled 40 flights on Monday.")
    ingest(store, nlp, "f2", "Donald Trump spoke in Ohio. Mr. Trump promised new jobs.")
    assert find_actors(store, "AI") == []
    assert [r["name"] for r in find_actors(store, "Donald J. Trump")] == ["Donald Trump"]
    assert [r["name"] for r in find_actors(store, "Mr. Trump")] == ["Donald Trump"]
    detail = actor_detail(store, find_actors(store, "Donald Trump")[0]["id"])
    written = {n["name"]: n for n in detail["names"]}
    assert written["Donald Trump"]["mentions"] == 1
    ev = written["Trump"]["evidence"]
    text = store.execute("SELECT text FROM articles WHERE id = ?",
                         (ev["article_id"],)).fetchone()[0]
    assert text[ev["start"]:ev["end"]] == "Trump"


def test_a_group_that_names_itself_is_one_actor_with_its_description(nlp):
    text = ("Soldiers seized the radio station on Monday. Their commanders, calling themselves "
            "the National Salvation Council (NSC), announced a curfew.\n\n"
            "The NSC said the borders were closed.")
    mentions, actors = run_actors(nlp, text)
    council = key_of(mentions, "the National Salvation Council")
    assert key_of(mentions, "Their commanders") == council
    assert key_of(mentions, "NSC") == council
    assert "NSC" in actors[council].aliases


def test_a_description_without_a_naming_cue_stays_its_own_actor(nlp):
    text = ("Soldiers seized the radio station on Monday, and the National Salvation Council "
            "announced a curfew.")
    mentions, actors = run_actors(nlp, text)
    assert key_of(mentions, "Soldiers") != key_of(mentions, "the National Salvation Council")


def test_a_lone_surname_stored_first_moves_to_the_person_once_named(store, nlp):  # noqa: F811
    ingest(store, nlp, "l1", "Mr. Okafor said the vote would be held in June.")
    ingest(store, nlp, "l2", "Governor Chidi Okafor opened the session on Monday.")
    rows = store.execute("SELECT a.name, COUNT(*) FROM actors a JOIN article_actors aa"
                         " ON aa.actor_id = a.id WHERE a.kind = 'person' GROUP BY a.id").fetchall()
    assert [tuple(r) for r in rows] == [("Chidi Okafor", 2)]
