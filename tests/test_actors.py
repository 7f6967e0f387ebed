"""Actors: mentions grouped in an article, kinds, countries, roles, merging across articles."""

from __future__ import annotations

import pytest

from dossier.config import Settings
from dossier.extract.actors import actors_of, extract_actors, mentions_of
from dossier.models import Article
from dossier.registry import ArticleContext
from dossier.store.actors import find_actors, list_actors, save_article_actors
from dossier.store.db import connect
from dossier.stories.actor_merge import merge_actors


def run_actors(nlp, text: str, published: str | None = "2024-05-02"):
    article = Article(id="t", source_path="fixture", text=text, published=published)
    ctx = ArticleContext(article=article, doc=nlp(text), settings=Settings())
    records = extract_actors(ctx)
    return mentions_of(records), {a.key: a for a in actors_of(records)}


def key_of(mentions, text: str) -> str | None:
    found = [m for m in mentions if m.text == text]
    assert found, f"no mention {text!r} in {[m.text for m in mentions]}"
    return found[0].actor_key


def test_name_surname_role_age_and_pronoun_group_into_one_person(nlp):
    text = (
        "Chad's President Idriss Kanem was detained on Monday by soldiers.\n\n"
        "Kanem refused to resign. The 58-year-old has ruled since 2019.\n\n"
        "He said he would not step down."
    )
    mentions, actors = run_actors(nlp, text)
    key = key_of(mentions, "Idriss Kanem")
    assert key == "person:idriss kanem"
    assert key_of(mentions, "Kanem") == key
    assert key_of(mentions, "The 58-year-old") == key
    assert key_of(mentions, "He") == key
    person = actors[key]
    assert person.kind == "person" and person.country == "TCD"
    role = next(r for r in person.roles if r.title == "President")
    assert role.country == "TCD" and role.date == "2024-05-02"
    assert text[role.start : role.end] == "President"


def test_title_before_name_splits_office_and_rank(nlp):
    text = "But armed forces chief General Omar Diallo backed the new council."
    _, actors = run_actors(nlp, text)
    titles = [r.title for r in actors["person:omar diallo"].roles]
    assert "armed forces chief" in titles and "General" in titles


def test_country_prefix_of_title_gives_role_country(nlp):
    text = "US Secretary of State Mary Olsen met the delegation in Accra."
    _, actors = run_actors(nlp, text)
    role = actors["person:mary olsen"].roles[0]
    assert role.title == "Secretary of State" and role.country == "USA"


def test_apposition_role_carries_its_organisation(nlp):
    text = "Lars Berg, secretary-general of the United Nations, said the talks would resume."
    _, actors = run_actors(nlp, text)
    role = next(r for r in actors["person:lars berg"].roles if "secretary-general" in r.title)
    assert role.organisation == "United Nations"


def test_two_people_with_one_surname_stay_apart_within_an_article(nlp):
    text = "Anna Petit met Louis Petit in Lyon. Anna Petit later left for Paris."
    mentions, actors = run_actors(nlp, text)
    assert key_of(mentions, "Louis Petit") != key_of(mentions, "Anna Petit")


def test_kinds_and_countries_of_organisations_and_nominals(nlp):
    text = (
        "The European Union and Boko Haram were named in the report. "
        "Nigerien soldiers guarded the palace while the presidential guard stayed inside. "
        "French troops left the base."
    )
    mentions, actors = run_actors(nlp, text)
    assert actors["org:european union"].kind == "international body"
    assert actors["org:boko haram"].kind == "armed group"
    soldiers = next(m for m in mentions if m.text == "Nigerien soldiers")
    assert soldiers.kind == "military" and soldiers.country == "NER"
    troops = next(m for m in mentions if m.text == "French troops")
    assert troops.country == "FRA"
    guard = next(m for m in mentions if "presidential guard" in m.text)
    assert guard.kind == "military"


def test_country_names_mislabelled_by_ner_become_country_actors(nlp):
    text = "Niger closed its borders. Mali and Burkina Faso backed Niger."
    mentions, _ = run_actors(nlp, text)
    niger = [m for m in mentions if m.text == "Niger"]
    assert niger and all(m.kind == "country" and m.country == "NER" for m in niger)


def test_nominal_joins_the_named_organisation_it_shortens(nlp):
    text = (
        "The Military Command of the Niger Armed Forces met on Friday. "
        "Later the military command issued new orders."
    )
    mentions, _ = run_actors(nlp, text)
    named = next(m for m in mentions if "Niger Armed Forces" in m.text)
    assert key_of(mentions, "the military command") == named.actor_key



def test_plural_possessive_keeps_the_space_between_words_of_a_nominal_name(nlp):
    text = (
        "Talks collapsed with the dockworkers' union accusing the port board. "
        "The two countries' foreign ministers will meet on Monday."
    )
    _, actors = run_actors(nlp, text)
    names = {a.name for a in actors.values()}
    assert "dockworkers union" in names
    assert not any("dockworkersunion" in n or "countriesforeign" in n for n in names)

# -- across articles --------------------------------------------------------------------


@pytest.fixture
def store(tmp_path):
    conn = connect(tmp_path / "actors.db")
    yield conn
    conn.close()


def ingest(conn, nlp, article_id: str, text: str, doc=None) -> None:
    """Store one article and its actors the way the pipeline does, then merge (``doc``: a
    parse with the model's mistakes written down, else ``nlp(text)``)."""
    conn.execute(
        "INSERT INTO articles (id, source_path, text, published) VALUES (?, ?, ?, ?)",
        (article_id, "fixture", text, "2024-05-02"),
    )
    article = Article(id=article_id, source_path="fixture", text=text, published="2024-05-02")
    records = extract_actors(ArticleContext(article=article, doc=doc or nlp(text),
                                            settings=Settings()))
    save_article_actors(conn, article_id, mentions_of(records), actors_of(records))
    merge_actors(conn, [article_id], Settings())
    conn.commit()


def ids_for(conn, name: str) -> set[int]:
    return {row["id"] for row in find_actors(conn, name)}


def test_same_person_merges_across_articles(store, nlp):
    ingest(store, nlp, "a1", "Chad's President Idriss Kanem spoke in N'Djamena on Monday.")
    ingest(store, nlp, "a2", "Soldiers detained Kanem. President Idriss Kanem had ruled for years.")
    people = [r for r in list_actors(store, kind="person") if "Kanem" in r["name"]]
    assert len(people) == 1 and people[0]["articles"] == 2


def test_eu_and_european_union_are_one_actor(store, nlp):
    ingest(store, nlp, "b1", "The EU condemned the coup on Thursday.")
    ingest(store, nlp, "b2", "The European Union demanded the release of the president.")
    assert len(ids_for(store, "European Union")) == 1
    assert ids_for(store, "EU") == ids_for(store, "European Union")


def test_us_spellings_are_one_country(store, nlp):
    ingest(store, nlp, "c1", "The U.S. suspended aid to the government.")
    ingest(store, nlp, "c2", "The United States has troops in the country.")
    countries = [r for r in list_actors(store, kind="country") if r["country"] == "USA"]
    assert len(countries) == 1 and countries[0]["articles"] == 2


def test_two_people_with_the_same_surname_do_not_merge(store, nlp):
    ingest(store, nlp, "d1", "Joe Biden spoke to reporters at the White House.")
    ingest(store, nlp, "d2", "Hunter Biden testified before the committee.")
    names = {r["name"] for r in list_actors(store, kind="person")}
    assert {"Joe Biden", "Hunter Biden"} <= names


def test_surname_alone_joins_the_only_compatible_person(store, nlp):
    ingest(store, nlp, "e1", "Prime Minister Sara Lind opened the session.")
    ingest(store, nlp, "e2", "Lind said the vote would be held in June.")
    people = [r for r in list_actors(store, kind="person") if "Lind" in r["name"]]
    assert len(people) == 1 and people[0]["name"] == "Sara Lind"


def test_records_survive_the_trip_back_from_a_worker_process(nlp):
    import pickle

    from dossier.extract.quotes import extract_quotes

    text = '"We will hold the line," Governor Tomas Reyes said on Monday.'
    article = Article(id="t", source_path="fixture", text=text)
    ctx = ArticleContext(article=article, doc=nlp(text), settings=Settings())
    ctx.results["actors"] = extract_actors(ctx)
    ctx.results["quotes"] = extract_quotes(ctx)
    assert pickle.loads(pickle.dumps(ctx.results)) == ctx.results
