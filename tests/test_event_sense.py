"""Trigger sense: a PLOVER trigger is coded only in a frame that means the act.

Every sentence here is ours; each pair puts the act beside a look-alike that is not it.
"""

from __future__ import annotations

from extract_helpers import extract

FRIDAY = "2023-07-28"


def events(nlp, text: str):
    return extract(nlp, text, FRIDAY)["events"]


def types(nlp, text: str) -> set[str]:
    return {e.type for e in events(nlp, text)}


def asserted(nlp, text: str) -> set[str]:
    return {e.type for e in events(nlp, text) if e.modality == "asserted"}


def test_recalling_an_ambassador_is_a_sanction(nlp):
    assert "SANCTION" in types(nlp, "Ruritania recalled its ambassador from Borduria on Monday.")


def test_recalling_a_memory_is_no_sanction(nlp):
    found = types(nlp, "The farmer recalled how he and his brother had walked to the market.")
    assert "SANCTION" not in found


def test_releasing_prisoners_is_a_concession(nlp):
    assert "CONCEDE" in types(nlp, "The rebels released twelve hostages on Thursday.")


def test_releasing_a_statement_or_figures_is_no_event(nlp):
    for text in ("The ministry released a statement on Thursday.",
                 "The company released its quarterly figures and a batch of emails."):
        assert "CONCEDE" not in types(nlp, text), text


def test_capturing_a_town_is_an_assault(nlp):
    assert "ASSAULT" in types(nlp, "Rebel fighters captured the town of Korvi after a week.")


def test_captured_on_video_is_no_assault(nlp):
    for text in ("The fight was captured on video by a passer-by.",
                 "A neighbour captured the moment on her phone."):
        assert "ASSAULT" not in types(nlp, text), text


def test_signing_a_deal_is_an_agreement(nlp):
    assert "AGREE" in types(nlp, "The two governments signed a trade agreement in Lisbon.")


def test_signing_up_is_no_agreement(nlp):
    assert "AGREE" not in types(nlp, "Sign up to receive our weekly newsletter.")


def test_negated_and_hypothetical_acts_are_not_asserted(nlp):
    assert "ASSAULT" not in types(nlp, "The army never attacked the village.")
    assert "ASSAULT" not in asserted(nlp, "The army could attack the village if talks fail.")


def test_a_question_asks_about_an_act_it_does_not_report(nlp):
    assert "ASSAULT" not in asserted(nlp, "Will the army attack the village next week?")


def test_an_urged_withdrawal_is_the_urged_partys_and_not_asserted(nlp):
    found = events(nlp, "The foreign minister urged Borduria to withdraw its troops.")
    retreat = [e for e in found if e.type == "RETREAT"]
    assert all(e.modality != "asserted" for e in retreat)
    assert all("minister" not in (e.source_actor or "").lower() for e in retreat)
    assert "REQUEST" in {e.type for e in found}


def test_a_quoted_condemnation_is_the_speakers_accuse_not_the_condemned_act(nlp):
    text = ('"I condemn any effort to seize power by force," Secretary-General Ana Ortiz said '
            "on Thursday.")
    found = events(nlp, text)
    accuse = [e for e in found if e.type == "ACCUSE"]
    assert accuse and "Ortiz" in (accuse[0].source_actor or "")
    seize = [e for e in found if e.type == "COERCE"]
    assert all(e.modality != "asserted" and "Ortiz" not in (e.source_actor or "")
               for e in seize)


def test_a_pronoun_target_needs_a_mention_link_not_the_last_name_in_the_text(nlp):
    text = ("Prime Minister Lena Varga visited the city on Monday. A gunman opened fire "
            "on a crowd before officers shot him dead.")
    shot = [e for e in events(nlp, text) if e.trigger == "shot"]
    assert shot and all("Varga" not in (e.target_actor or "") for e in shot)


def test_a_demand_in_a_must_clause_is_a_request_by_who_made_it(nlp):
    found = events(nlp, "The minister told the rebels that they must release the hostages.")
    request = [e for e in found if e.type == "REQUEST"]
    assert request and "minister" in (request[0].source_actor or "").lower()
    assert "CONCEDE" not in {e.type for e in found if e.modality == "asserted"}


def test_war_games_are_no_war(nlp):
    assert "ASSAULT" not in types(nlp, "The two navies began ten days of war games on Monday.")


def test_a_warning_of_a_consequence_is_a_threat(nlp):
    text = "The Ruritanian army warned that it would retaliate if the shelling went on."
    assert "THREATEN" in types(nlp, text)


def test_a_warning_of_a_danger_is_no_threat(nlp):
    assert "THREATEN" not in types(nlp, "A Ruritanian minister warned of an upcoming "
                                         "smear campaign against the president.")
    assert "THREATEN" not in types(nlp, "Economists warn that Borduria is unlikely to cut "
                                         "its rates this year.")


def test_a_strike_by_aircraft_is_an_attack_and_by_dockers_a_walkout(nlp):
    assert "ASSAULT" in types(nlp, "Ruritanian aircraft carried out strikes on rebel "
                                   "positions near Korvi on Monday.")
    walkout = types(nlp, "Dockers in Korvi held a strike on Monday over unpaid wages.")
    assert "PROTEST" in walkout and "ASSAULT" not in walkout


def test_a_page_telling_the_reader_to_subscribe_is_no_event(nlp):
    assert types(nlp, "You must select a newsletter to subscribe to.") == set()


def test_helping_someone_do_something_is_no_aid_unless_done_for_a_country(nlp):
    assert "AID" not in types(nlp, "The leaked files helped fuel the anger of the voters.")
    assert "AID" in types(nlp, "Ruritania helped the flood victims in Korvi on Monday.")
    found = types(nlp, "Norway is willing to send engineers to help defend Ukraine.")
    assert "AID" in found or "AGREE" in found


def test_asking_a_question_is_no_request_and_asking_someone_to_act_is(nlp):
    assert "REQUEST" not in types(nlp, "Asked how she felt about the verdict, the mayor "
                                        "said nothing.")
    assert "REQUEST" not in types(nlp, "Reporters asked whether Borduria would retaliate.")
    assert "REQUEST" in types(nlp, "Ruritania asked Borduria to withdraw its troops.")
