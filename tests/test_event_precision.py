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


def test_a_purpose_clause_is_an_aim_not_an_act(nlp):
    found = [e for e in events(nlp, "Smoke hinders police operations to prevent attacks on women.")
             if e.type == "COERCE"]
    assert all(e.modality == "hypothetical" for e in found)


def test_fighting_to_get_something_is_no_assault(nlp):
    assert "ASSAULT" not in types(nlp, "She had long fought to gain access to the footage.")


def test_hosting_a_summit_is_a_consultation_and_a_party_is_not(nlp):
    assert "CONSULT" in types(nlp, "The president hosted the summit in Abuja on Monday.")
    assert "CONSULT" not in types(nlp, "It was a lavish party hosted by the president's son.")


def test_offering_talks_is_an_offer_and_offering_data_is_not(nlp):
    assert "AGREE" in types(nlp, "The government offered talks to the rebels on Sunday.")
    assert "AGREE" not in types(nlp, "A man called the paper, offering a mountain of data.")


def test_a_rally_staged_is_a_protest_whatever_the_lemmatizer_makes_of_staged(nlp):
    found = events(nlp, "Angry farmers staged rallies in Korvi against the governor on Monday.")
    assert "PROTEST" in {e.type for e in found}


def test_saying_someone_must_go_is_a_demand_by_whoever_says_it(nlp):
    found = [e for e in events(nlp, "Students marched through Korvi on Monday, saying the "
                                    "governor must resign.") if e.type == "REQUEST"]
    assert found and found[0].source_actor == "Students"


def test_calling_an_investigation_unconvincing_is_no_investigation(nlp):
    text = "A government spokesman called the investigation hardly convincing."
    assert "ACCUSE" not in types(nlp, text)


def test_deaths_in_a_crash_are_no_attack_whoever_caused_it(nlp):
    text = ("Seven people were killed in a rail crash in 2004, when a driver trying to kill "
            "himself caused an accident.")
    assert "ASSAULT" not in types(nlp, text)


def test_an_act_announced_with_its_purpose_is_announced_too(nlp):
    found = {e.trigger: e for e in events(nlp, "Ruritania will send troops to attack the rebels.")}
    assert found["attack"].modality == "announced" and found["attack"].type == "THREATEN"
