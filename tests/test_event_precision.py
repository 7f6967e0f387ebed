"""Precision shapes: page furniture, hedges and other beats are no PLOVER acts, or weak ones.

Every text here is ours. Each pair puts a wire-story act beside its look-alike from a
newsletter box, a quote's turn of phrase, a film review or a match report.
"""

from __future__ import annotations

from extract_helpers import extract

FRIDAY = "2023-07-28"


def events(nlp, text: str):
    return extract(nlp, text, FRIDAY)["events"]


def types(nlp, text: str) -> set[str]:
    return {e.type for e in events(nlp, text)}


def test_an_imperative_to_the_reader_is_no_event(nlp):
    for text in ("Subscribe to our newsletter to get the latest news.",
                 "Sign up and support our journalism today.",
                 "Please help the victims of the flood by donating."):
        assert events(nlp, text) == [], text


def test_a_clause_with_its_own_subject_under_an_imperative_is_still_an_act(nlp):
    found = events(nlp, "Read more: the army attacked the town of Korvi on Monday.")
    assert "ASSAULT" in {e.type for e in found}


def test_a_must_said_by_its_speaker_is_a_demand(nlp):
    found = [e for e in events(nlp, "The UN said Ruritania must release the prisoners.")
             if e.type == "REQUEST"]
    assert found and found[0].source_actor


def test_i_must_say_is_no_demand(nlp):
    for text in ('"I must say, this government has failed us," the farmer said.',
                 'He said: "I must admit that the plan surprised me."'):
        assert "REQUEST" not in types(nlp, text), text


WIRE = ("KORVI, Ruritania — Ruritanian troops attacked rebel positions near the border on "
        "Monday, the defence ministry said. The government accused the rebels of violating "
        "the ceasefire, and the opposition called for talks. The president met the "
        "ambassador of Borduria to discuss the crisis.")
FILM = ("The film follows an actress who fought her way into the studio system. The director "
        "cast her in the sequel after the premiere at the festival, and the movie's fans "
        "packed the cinema. Critics praised the album of songs from the soundtrack and the "
        "band's concert tour.")
MATCH = ("The striker scored twice as the team beat their rivals in the league. The coach "
         "attacked the referee's decisions after the match, and the club's fans applauded the "
         "goalkeeper. The players celebrated in the stadium with the cup.")


def test_an_article_of_another_beat_is_marked_off_topic(nlp):
    wire = {e.features["article_offtopic"] for e in events(nlp, WIRE)}
    film = {e.features["article_offtopic"] for e in events(nlp, FILM)}
    match = {e.features["article_offtopic"] for e in events(nlp, MATCH)}
    assert max(wire) < 0.2
    assert min(film) > 0.6 and min(match) > 0.6


def test_acts_in_a_film_review_or_match_report_are_less_sure_than_on_the_wire(nlp):
    wire = [e for e in events(nlp, WIRE) if e.type == "ASSAULT"]
    match = [e for e in events(nlp, MATCH) if e.type == "ASSAULT"]
    assert wire and all(w.confidence > m.confidence for w in wire for m in match)


def test_a_state_or_office_holder_is_a_political_source(nlp):
    found = {e.trigger: e for e in events(nlp, WIRE)}
    assert found["attacked"].features["political_source"] == 1.0
    assert found["met"].features["political_source"] == 1.0
    film = {e.trigger: e for e in events(nlp, FILM)}
    assert all(e.features["political_source"] == 0.0 for e in film.values())
