"""Words the NER glues on actors' names on real news: titles, labels, outlets, a sentence's
capital, trailing marks — and names whose first word only looks like one."""

from __future__ import annotations

from test_actor_names import _actors_of_doc, _with_labels
from test_actors import ingest, store  # noqa: F401  (store: fixture)


def test_a_title_or_label_glued_before_a_name_is_dropped_and_the_title_kept_as_a_role(nlp):
    text = ("Sheriff Joe Arpaio spoke on Monday. Series MVP Ben Zobrist hit a double.\n\n"
            "Rival Hillary Clinton answered him. Arpaio left early.")
    doc = _with_labels(nlp, text, {"Sheriff Joe Arpaio": "PERSON",
                                   "Series MVP Ben Zobrist": "PERSON",
                                   "Rival Hillary Clinton": "PERSON", "Arpaio": "PERSON"})
    mentions, actors = _actors_of_doc(doc)
    by_name = {a.name: a for a in actors.values() if a.kind == "person"}
    assert {"Joe Arpaio", "Ben Zobrist", "Hillary Clinton"} <= set(by_name)
    assert not {"Sheriff Joe Arpaio", "Series MVP Ben Zobrist", "Rival Hillary Clinton"} & set(
        by_name)
    assert "Sheriff" in {r.title for r in by_name["Joe Arpaio"].roles}


def test_a_first_name_that_is_also_a_word_stays_on_the_name(nlp):
    text = ("Ruth Bader Ginsburg wrote the opinion. Moon Jae-in met the envoy.\n\n"
            "Mary Kay Henry spoke next.")
    doc = _with_labels(nlp, text, {"Ruth Bader Ginsburg": "PERSON", "Moon Jae-in": "PERSON",
                                   "Mary Kay Henry": "PERSON"})
    mentions, actors = _actors_of_doc(doc)
    names = {a.name for a in actors.values() if a.kind == "person"}
    assert {"Ruth Bader Ginsburg", "Moon Jae-in", "Mary Kay Henry"} <= names


def test_an_outlet_glued_on_a_presenter_gives_the_presenter(nlp):
    text = ("Fox News Sean Hannity interviewed the candidate.\n\nHannity asked about taxes. "
            "The Houston Astros won again; Altuve homered.")
    doc = _with_labels(nlp, text, {"Fox News Sean Hannity": "ORG", "Hannity": "PERSON",
                                   "Houston Astros": "ORG", "Altuve": "PERSON"})
    mentions, actors = _actors_of_doc(doc)
    by_name = {a.name: a for a in actors.values()}
    assert by_name["Sean Hannity"].kind == "person"
    assert not any("Fox" in n for n in by_name)
    assert by_name["Houston Astros"].kind == "organisation"  # no given name: no person in it


def test_a_common_word_capitalised_by_its_sentence_is_not_an_actor(nlp):
    text = ("Aides said the plan was ready.\n\nFreezing allows you to lock your credit file. "
            "Congress passed the bill. Equifax said the breach was contained. Palestinians "
            "protested at the crossing.")
    doc = _with_labels(nlp, text, {"Aides": "PERSON", "Freezing": "ORG", "Congress": "ORG",
                                   "Equifax": "ORG", "Palestinians": "NORP"})
    mentions, actors = _actors_of_doc(doc)
    names = {a.name for a in actors.values()}
    assert not names & {"Aides", "Freezing"}
    # a known body; a word the dictionary lacks; a people (exempt by name, whatever its lemma)
    assert {"Congress", "Equifax", "Palestinians"} <= names


def test_an_organisation_name_loses_a_trailing_mark_and_line_break(nlp):
    text = "He wrote for Breitbart News’ website.\nBackground Music Club\nIt meets on Fridays."
    doc = _with_labels(nlp, text, {"Breitbart News’": "ORG", "Background Music Club\n": "ORG"})
    mentions, actors = _actors_of_doc(doc)
    names = {a.name for a in actors.values()}
    assert {"Breitbart News", "Background Music Club"} <= names
    assert not any(n != n.strip() or n.endswith("’") for n in names)


def test_a_country_word_inside_a_state_name_gives_no_country(nlp):
    mentions, actors = _actors_of_doc(nlp("Many New Jersey voters backed him on Tuesday."))
    assert not any(a.country == "JEY" for a in actors.values())
    assert not any(m.country == "JEY" for m in mentions)


def test_a_hyphened_given_name_cut_by_the_model_is_made_whole(nlp):
    text = "Defense ministry spokesman Moon Sang-gyun said the missile flew east."
    doc = _with_labels(nlp, text, {"Moon Sang": "PERSON"})
    mentions, actors = _actors_of_doc(doc)
    assert "Moon Sang-gyun" in {a.name for a in actors.values() if a.kind == "person"}


def test_a_street_or_a_gate_is_not_an_actor(nlp):
    text = ("The store at 86 Gansevoort St. closed. Crowds gathered at the Brandenburg Gate "
            "on Sunday.")
    doc = _with_labels(nlp, text, {"Gansevoort St.": "ORG", "Brandenburg Gate": "PERSON"})
    mentions, actors = _actors_of_doc(doc)
    assert not {"Gansevoort St.", "Brandenburg Gate"} & {a.name for a in actors.values()}


def test_a_person_is_named_without_the_word_most_articles_glue_on(store, nlp):  # noqa: F811
    ingest(store, nlp, "s1", "Bernie Sanders won the primary in Michigan.")
    ingest(store, nlp, "s2", "Vermonter Bernie Sanders addressed the crowd in Ohio.")
    ingest(store, nlp, "s3", "Vermonter Bernie Sanders addressed the crowd in Iowa.")
    names = [r[0] for r in store.execute("SELECT name FROM actors WHERE kind = 'person'")]
    assert names == ["Bernie Sanders"]


def test_an_open_bracket_a_time_zone_and_a_newspaper_are_no_person_or_part_of_a_name(nlp):
    text = ("The claim was filed with the World Intellectual Property Organization (WIPO) in May. "
            "The rocket left at 0030 GMT.\n\nThe German daily Sueddeutsche Zeitung printed it.")
    doc = _with_labels(nlp, text, {"World Intellectual Property Organization (WIPO": "ORG",
                                   "GMT": "ORG", "Sueddeutsche Zeitung": "PERSON"})
    mentions, actors = _actors_of_doc(doc)
    names = {a.name for a in actors.values()}
    assert "World Intellectual Property Organization" in names
    assert not any("(" in n for n in names)
    assert "GMT" not in names
    assert not any(a.kind == "person" and "Zeitung" in a.name for a in actors.values())


def test_a_name_made_an_adjective_by_a_hyphen_is_no_mention_but_a_korean_name_is(nlp):
    text = ("He backs Hillary-style healthcare, the ad said.\n\n"
            "Ban Ki-moon spoke at noon and Clinton answered.")
    doc = _with_labels(nlp, text, {"Hillary-style": "PERSON", "Ban Ki-moon": "PERSON",
                                   "Clinton": "PERSON"})
    mentions, actors = _actors_of_doc(doc)
    names = {a.name for a in actors.values() if a.kind == "person"}
    assert "Ban Ki-moon" in names
    assert not any("style" in n for n in names)


def test_a_lone_name_tagged_person_joins_the_firm_the_corpus_writes_it_for(store, nlp):  # noqa: F811
    for n in range(3):
        ingest(store, nlp, f"o{n}", "Investors sold shares of Equifax on Friday, Reuters said.")
    text = "Equifax admitted the breach on Thursday."
    ingest(store, nlp, "p1", text, _with_labels(nlp, text, {"Equifax": "PERSON"}))
    rows = store.execute("SELECT name, kind FROM actors WHERE name = 'Equifax'").fetchall()
    assert [tuple(r) for r in rows] == [("Equifax", "organisation")]


def test_a_demonym_inside_a_body_s_name_still_gives_its_country(nlp):
    text = "The Russian Defense Ministry said the strikes hit the base."
    doc = _with_labels(nlp, text, {"Russian Defense Ministry": "ORG"})
    mentions, actors = _actors_of_doc(doc)
    assert {a.country for a in actors.values() if "Defense Ministry" in a.name} == {"RUS"}
