"""Actors on real-news shapes: clean names, mention chains, and who must (not) merge."""

from __future__ import annotations

import pytest
from test_actors import ingest, key_of, run_actors, store  # noqa: F401  (store: fixture)

from dossier.config import Settings
from dossier.extract.actor_names import name_words, same_person_name
from dossier.extract.actors import actors_of, extract_actors, mentions_of
from dossier.lexicon import countries
from dossier.models import Article
from dossier.registry import ArticleContext
from dossier.store.actors import save_article_actors
from dossier.stories.actor_merge import merge_actors


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
    assert not same_person_name(name_words("Jan Smith"), name_words("Jon Smith"))  # too short
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


# -- kinds from all labels, and the ORG-tagged person ------------------------------------


def _with_labels(nlp, text: str, labels: dict[str, str]):
    """A parse whose entities are the given texts with the given labels (every occurrence),
    the small model's mistakes written down so the mechanism, not the model, is tested."""
    from spacy.tokens import Span

    doc = nlp(text)
    ents = []
    for surface, label in labels.items():
        start = 0
        while (at := text.find(surface, start)) >= 0:
            span = doc.char_span(at, at + len(surface))
            if span is not None and not any(s.start < span.end and span.start < s.end
                                            for s in ents):
                ents.append(Span(doc, span.start, span.end, label=label))
            start = at + len(surface)
    doc.ents = sorted(ents, key=lambda s: s.start)
    return doc


def _actors_of_doc(doc, published: str = "2016-05-02"):
    article = Article(id="t", source_path="fixture", text=doc.text, published=published)
    records = extract_actors(ArticleContext(article=article, doc=doc, settings=Settings()))
    return mentions_of(records), {a.key: a for a in actors_of(records)}


def test_a_surname_the_model_tags_org_more_often_is_a_person_once_the_article_titles_him(nlp):
    text = ("President Trump met the envoy on Monday.\n\n"
            "The standoff underscores Trump’s frustration. Trump left at noon.")
    doc = _with_labels(nlp, text, {"President Trump": "PERSON", "Trump’s": "ORG",
                                   "Trump": "ORG"})
    mentions, actors = _actors_of_doc(doc)
    assert not [a for a in actors.values() if a.kind != "person" and "Trump" in a.name]
    trump = [a for a in actors.values() if a.kind == "person" and "Trump" in a.name]
    assert len(trump) == 1 and trump[0].mentions >= 3


def test_a_name_tagged_org_but_listed_with_people_is_a_person(nlp):
    text = ("Ben Carson and Carly Fiorina spoke in Iowa on Monday.\n\n"
            "Fiorina said she would stay in the race.")
    doc = _with_labels(nlp, text, {"Ben Carson": "PERSON", "Carly Fiorina": "ORG",
                                   "Fiorina": "ORG"})
    mentions, actors = _actors_of_doc(doc)
    fiorina = [a for a in actors.values() if "Fiorina" in a.name]
    assert len(fiorina) == 1 and fiorina[0].kind == "person" and fiorina[0].mentions >= 2


def test_an_org_named_after_a_person_or_listed_with_firms_stays_an_organisation(nlp):
    text = "Donald Trump spoke at Trump Tower. Goldman Sachs and Morgan Stanley cut jobs."
    doc = _with_labels(nlp, text, {"Donald Trump": "PERSON", "Trump Tower": "ORG",
                                   "Goldman Sachs": "ORG", "Morgan Stanley": "ORG"})
    mentions, actors = _actors_of_doc(doc)
    kinds = {a.name: a.kind for a in actors.values()}
    assert kinds["Trump Tower"] == "organisation"
    assert kinds["Goldman Sachs"] == "organisation" and kinds["Morgan Stanley"] == "organisation"


def test_a_nominal_naming_another_country_does_not_join_a_leader_whose_role_names_none(nlp):
    text = ("Kim Jong Un, the leader, watched the launch.\n\n"
            "The insults began when the US leader took office.")
    mentions, actors = run_actors(nlp, text)
    kim = key_of(mentions, "Kim Jong Un")
    assert key_of(mentions, "the US leader") != kim
    assert actors[kim].country != "USA"


def ingest_doc(conn, article_id: str, doc) -> None:
    """ingest() for a parse whose entities a test wrote down."""
    conn.execute("INSERT INTO articles (id, source_path, text, published) VALUES (?, ?, ?, ?)",
                 (article_id, "fixture", doc.text, "2016-05-02"))
    article = Article(id=article_id, source_path="fixture", text=doc.text,
                      published="2016-05-02")
    records = extract_actors(ArticleContext(article=article, doc=doc, settings=Settings()))
    save_article_actors(conn, article_id, mentions_of(records), actors_of(records))
    merge_actors(conn, [article_id], Settings())


def test_a_bare_surname_tagged_org_joins_the_person_the_corpus_writes_it_for(store, nlp):  # noqa: F811
    for n in range(4):
        ingest(store, nlp, f"t{n}", f"Donald Trump signed order {n}. Trump said it would help.")
    text = "The rally was held by the Trump campaign in Ohio."
    ingest_doc(store, "o1", _with_labels(nlp, text, {"Trump": "ORG", "Ohio": "GPE"}))
    rows = store.execute("SELECT a.name, a.kind, COUNT(*) AS n FROM actors a JOIN article_actors"
                         " aa ON aa.actor_id = a.id WHERE a.name LIKE '%Trump%' GROUP BY a.id")
    assert [tuple(r) for r in rows] == [("Donald Trump", "person", 5)]


def test_a_firm_the_corpus_names_more_often_than_the_person_stays_a_firm(store, nlp):  # noqa: F811
    ingest(store, nlp, "h1", "Harrison Ford starred in the film. Ford said he loved it.")
    for n in range(3):
        text = f"Ford cut {n} jobs at its Michigan plant."
        ingest_doc(store, f"f{n}", _with_labels(nlp, text, {"Ford": "ORG", "Michigan": "GPE"}))
    kinds = {r["name"]: r["kind"] for r in store.execute("SELECT name, kind FROM actors")}
    assert kinds.get("Ford") == "organisation" and kinds.get("Harrison Ford") == "person"


def test_a_lone_given_name_joins_the_dominant_person_not_a_headline_fragment(store):  # noqa: F811
    rows = [(f"c{n}", "person:hillary clinton", "Hillary Clinton") for n in range(4)]
    rows += [("s1", "person:stop hillary", "Stop Hillary"), ("h1", "person:hillary", "Hillary")]
    for article_id, key, name in rows:
        store.execute("INSERT INTO articles (id, source_path, text) VALUES (?, 'f', 'x')",
                      (article_id,))
        store.execute("INSERT INTO article_actors (article_id, actor_key, name, kind, aliases,"
                      " mentions, start, end) VALUES (?, ?, ?, 'person', ?, 1, 0, 1)",
                      (article_id, key, name, f'["{name}"]'))
    merge_actors(store, [r[0] for r in rows], Settings())
    hillary = store.execute("SELECT a.name FROM article_actors aa JOIN actors a"
                            " ON a.id = aa.actor_id WHERE aa.article_id = 'h1'").fetchone()
    assert hillary["name"] == "Hillary Clinton"


# -- what is no actor ---------------------------------------------------------------------


def test_credit_tails_and_production_credits_are_not_actors(nlp):
    text = ("Police closed the road on Friday, said Governor Maria Lopez.\n\n"
            "Video produced by Jonas Kettle. Cinematography by Ilse Marten.\n\n"
            "Ana Swanson in Washington and Gu Jinglu in Beijing contributed to this report.")
    mentions, actors = run_actors(nlp, text)
    names = person_names(actors)
    assert "Maria Lopez" in names
    assert not names & {"Jonas Kettle", "Ilse Marten", "Ana Swanson", "Gu Jinglu"}


def test_titles_of_works_products_and_events_are_not_actors(nlp):
    text = ("Mark Rylance, who wrote “Peter Pan,” has been with the show since May.\n\n"
            "Press Pause/Play on the iPhone to stop the song.\n\n"
            "The Chicago Cubs lost the National League Championship Series.")
    doc = _with_labels(nlp, text, {"Mark Rylance": "PERSON", "Peter Pan": "PERSON",
                                   "Pause/Play": "ORG", "iPhone": "ORG",
                                   "Chicago Cubs": "ORG",
                                   "National League Championship Series": "ORG"})
    mentions, actors = _actors_of_doc(doc)
    names = {a.name for a in actors.values()}
    assert "Mark Rylance" in names and "Chicago Cubs" in names
    assert not names & {"Peter Pan", "Pause/Play", "iPhone", "National League Championship Series"}


def test_a_firm_before_a_title_and_a_plural_name_are_not_people(nlp):
    text = ("Asana co-founder Justin Rosenstein left the firm.\n\n"
            "Her State Department approved the sale. The Chibok Girls were freed.")
    doc = _with_labels(nlp, text, {"Asana": "PERSON", "Justin Rosenstein": "PERSON",
                                   "Her State Department": "ORG", "Chibok Girls": "PERSON"})
    mentions, actors = _actors_of_doc(doc)
    kinds = {a.name: a.kind for a in actors.values()}
    assert kinds.get("Justin Rosenstein") == "person" and "Asana" not in kinds
    assert "State Department" in kinds and "Her State Department" not in kinds
    assert kinds.get("Chibok Girls") == "group"


def test_a_nickname_is_the_same_given_name_but_another_name_is_not():
    assert same_person_name(name_words("Joe Biden"), name_words("Joseph R. Biden"))
    assert same_person_name(name_words("Bill Clinton"), name_words("William J. Clinton"))
    assert same_person_name(name_words("Bernie Sanders"), name_words("Bernard Sanders"))
    assert not same_person_name(name_words("Hunter Biden"), name_words("Joe Biden"))
    assert not same_person_name(name_words("Bill Clinton"), name_words("Hillary Clinton"))


def test_a_lone_word_tagged_person_needs_a_person_cue(nlp):
    text = ("Felt we should just tell you, she tweeted.\n\n"
            "The film used a Simon and Garfunkel soundtrack.\n\n"
            "Okafor said the vote would be held in June.")
    doc = _with_labels(nlp, text, {"Felt": "PERSON", "Simon": "PERSON", "Okafor": "PERSON"})
    mentions, actors = _actors_of_doc(doc)
    names = person_names(actors)
    assert "Okafor" in names  # the subject of "said"
    assert not names & {"Felt", "Simon"}


def test_a_building_tagged_person_is_not_a_person_and_credits_with_marks_are_not_actors(nlp):
    text = ("Caitlyn Jenner was invited to Trump Tower on Monday.\n\n"
            "The papers were leaked. ©Michel Euler (Pool/AFP)\n\n"
            "Contributing: Herb Jackson, The Record.\n\n"
            "Follow John Nolte on Twitter @NolteNC.")
    doc = _with_labels(nlp, text, {"Caitlyn Jenner": "PERSON", "Trump Tower": "PERSON",
                                   "Michel Euler": "PERSON", "Herb Jackson": "PERSON",
                                   "John Nolte": "PERSON"})
    mentions, actors = _actors_of_doc(doc)
    assert person_names(actors) == {"Caitlyn Jenner"}


def test_a_platform_page_and_a_border_between_countries_are_not_actors(nlp):
    text = "Share your comments with CNN Health on Facebook. The U.S.-Mexico border is long."
    doc = _with_labels(nlp, text, {"CNN Health on Facebook": "ORG", "U.S.-Mexico": "ORG"})
    mentions, actors = _actors_of_doc(doc)
    assert not {a.name for a in actors.values()} & {"CNN Health on Facebook", "U.S.-Mexico"}


def test_names_that_begin_with_a_particle_or_a_number_are_actors(nlp):
    text = ("Al-Shabaab and al-Qaida claimed the attack. The 3rd Battalion moved north.\n\n"
            "Officials said al-Tanawi was detained, and al-Tanawi denied it.")
    doc = _with_labels(nlp, text, {"Al-Shabaab": "ORG", "al-Qaida": "ORG",
                                   "The 3rd Battalion": "ORG", "al-Tanawi": "PERSON"})
    mentions, actors = _actors_of_doc(doc)
    names = {a.name for a in actors.values()}
    assert {"al-Qaida", "3rd Battalion", "al-Tanawi"} <= names


def test_codes_headline_nouns_and_caption_credits_are_not_actors(nlp):
    text = ("The A42 stayed closed. The flight, HA446, left Auckland.\n\n"
            "Candidate is expected to need help, said Governor Maria Lopez.\n\n"
            "Paras Griffin via Getty Images. Image copyright Sarah Beth\n\n"
            "The 3rd Battalion moved north.")
    doc = _with_labels(nlp, text, {"A42": "ORG", "HA446": "ORG", "Candidate": "ORG",
                                   "Maria Lopez": "PERSON", "Paras Griffin": "PERSON",
                                   "Sarah Beth": "PERSON", "The 3rd Battalion": "ORG"})
    mentions, actors = _actors_of_doc(doc)
    names = {a.name for a in actors.values()}
    assert {"Maria Lopez", "3rd Battalion"} <= names
    assert not names & {"A42", "HA446", "Candidate", "Paras Griffin", "Sarah Beth"}


def test_a_possessor_glued_on_an_organisation_or_a_person_is_cut_off(nlp):
    text = ("Clinton’s State Department approved the sale. China’s Foreign Ministry objected.\n\n"
            "Fox Business Network’s Maria Bartiromo asked the question. Obama’s 2008 run ended.")
    doc = _with_labels(nlp, text, {"Clinton’s State Department": "ORG",
                                   "China’s Foreign Ministry": "ORG",
                                   "Fox Business Network’s Maria Bartiromo": "ORG",
                                   "Obama’s 2008": "ORG"})
    mentions, actors = _actors_of_doc(doc)
    by_name = {a.name: a for a in actors.values()}
    assert by_name["State Department"].kind == "government"
    assert by_name["Foreign Ministry"].country == "CHN"
    assert by_name["Maria Bartiromo"].kind == "person"
    assert not any("’s" in n or "2008" in n for n in by_name)


def test_laws_programmes_and_cut_names_are_not_actors_and_an_initial_keeps_its_surname(nlp):
    text = ("The Thrift Savings Plan grew. The US-led coalition struck again.\n\n"
            "Fed Chair Ben S. Bernanke spoke.\n\n"
            "-Craig Fehrman explains why Indiana is weird.")
    doc = _with_labels(nlp, text, {"Thrift Savings Plan": "ORG", "US": "GPE",
                                   "Ben S.": "PERSON", "-Craig Fehrman": "PERSON"})
    mentions, actors = _actors_of_doc(doc)
    names = {a.name for a in actors.values()}
    assert "Thrift Savings Plan" not in names and "led coalition" not in names
    assert "Ben S. Bernanke" in names and "Ben S." not in names
    assert "Craig Fehrman" in names
