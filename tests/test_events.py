"""PLOVER events: triggers, actors, statement vs act, negation, modality, several per sentence."""

from __future__ import annotations

import pytest
from extract_helpers import extract

FRIDAY = "2023-07-28"


def events(nlp, text: str, published: str | None = FRIDAY):
    return extract(nlp, text, published)["events"]


def one(found, type_: str):
    matches = [e for e in found if e.type == type_]
    assert matches, f"no {type_} in {[(e.type, e.trigger) for e in found]}"
    return matches[0]


def test_detention_is_coerce_by_the_guard_on_the_president_dated_wednesday(nlp):
    event = one(events(nlp, "President Amadou Kane was detained on Wednesday by members of "
                            "his presidential guard in Niamey."), "COERCE")
    assert "guard" in event.source_actor.lower()
    assert "Kane" in event.target_actor
    assert event.date == "2023-07-26"
    assert (event.place, event.country) == ("Niamey", "NE")


def test_call_for_release_is_a_request_to_the_captors_not_a_release(nlp):
    found = events(nlp, "Soldiers of the presidential guard detained President Amadou Kane on "
                        "Wednesday. On Thursday, the foreign minister of Ghana, Kofi Mensah, "
                        "called for the immediate release of Kane.")
    request = one(found, "REQUEST")
    assert "Mensah" in request.source_actor
    assert "guard" in (request.target_actor or "").lower() or "soldiers" in (
        request.target_actor or "").lower()
    assert request.date == "2023-07-27"
    assert not [e for e in found if e.type == "CONCEDE"]
    assert one(found, "COERCE").date == "2023-07-26"


def test_offering_no_resistance_is_not_an_assault(nlp):
    found = events(nlp, "The army said on Thursday it would offer no resistance to the rebels.")
    assert not [e for e in found if e.type in ("ASSAULT", "AGREE")]


def test_negated_attack_is_not_an_event(nlp):
    found = events(nlp, "The rebels did not attack the town.")
    assert not [e for e in found if e.type == "ASSAULT"]


def test_two_events_in_one_sentence(nlp):
    found = events(nlp, "Police arrested three activists and the government banned the march.")
    kinds = {(e.type, e.mode) for e in found}
    assert ("COERCE", "arrest") in kinds and ("COERCE", "ban") in kinds
    arrest = next(e for e in found if e.mode == "arrest")
    assert arrest.source_actor == "Police" and "activists" in arrest.target_actor


def test_act_reported_inside_a_quote_is_kept_with_a_flag(nlp):
    found = events(nlp, 'The minister said: "Rebels attacked our border post last night."')
    assault = one(found, "ASSAULT")
    assert assault.in_quote
    assert assault.source_actor.lower() == "rebels"


def test_undated_future_meeting_is_coded_as_the_promise_of_it(nlp):
    # PLOVER codes an announced meeting as AGREE (to meet), not as a meeting that happened.
    found = events(nlp, "The two presidents said they would meet to discuss the crisis.")
    meeting = one(found, "AGREE")
    assert (meeting.mode, meeting.modality) == ("meet", "announced")
    assert not [e for e in found if e.type == "CONSULT" and e.modality == "asserted"]


def test_meeting_scheduled_for_monday_is_a_future_consult_on_that_monday(nlp):
    found = events(nlp, "The two presidents will meet on Monday in Abuja.")
    meeting = one(found, "CONSULT")
    assert (meeting.mode, meeting.modality) == ("meet", "future")
    assert meeting.date == "2023-07-31"


def test_future_meeting_is_not_dated_by_the_day_it_was_announced(nlp):
    found = events(nlp, "The minister said on Thursday that negotiators from both sides will "
                        "meet on Monday in Abuja.")
    assert one(found, "CONSULT").date == "2023-07-31"


def test_announced_future_attack_is_a_threat(nlp):
    found = events(nlp, "The rebels said they would attack the capital on Monday.")
    assert one(found, "THREATEN").modality == "announced"  # the threat is made: stated


def test_refusing_to_accept_is_a_reject(nlp):
    assert one(events(nlp, "Syria says it will not accept any more refugees."), "REJECT")


def test_hypothetical_act_is_marked(nlp):
    found = events(nlp, "The bloc said troops could attack the capital.")
    assert one(found, "ASSAULT").modality == "hypothetical"


def test_must_be_released_said_the_un_is_the_un_demanding(nlp):
    found = events(nlp, "Guards detained the president on Wednesday. The president must be "
                        "released immediately, the United Nations said on Thursday.")
    request = one(found, "REQUEST")
    assert "United Nations" in request.source_actor
    assert request.date == "2023-07-27"


@pytest.mark.parametrize(("sentence", "type_"), [
    ("Protesters rallied outside the embassy.", "PROTEST"),
    ("The United States imposed sanctions on the junta.", "SANCTION"),
    ("The army deployed troops to the border.", "MOBILIZE"),
    ("Russia condemned the strikes.", "ACCUSE"),
    ("The junta rejected the proposal.", "REJECT"),
    ("The rebels threatened to storm the city.", "THREATEN"),
    ("The two sides agreed to a ceasefire.", "AGREE"),
    ("France withdrew its troops from Mali.", "RETREAT"),
])
def test_lexicon_types(nlp, sentence, type_):
    assert one(events(nlp, sentence), type_)


def test_tear_gas_fired_at_strikers_is_an_assault_on_the_strikers(nlp):
    event = one(events(nlp, "Police fired tear gas at striking dockworkers on Thursday."),
                "ASSAULT")
    assert event.source_actor.lower() == "police"
    assert "dockworkers" in event.target_actor
    assert event.date == "2023-07-27"


def test_suspending_import_permits_is_a_sanction(nlp):
    event = one(events(nlp, "Zambia suspended import permits for Malawian sugar on Tuesday."),
                "SANCTION")
    assert event.source_actor == "Zambia" and event.date == "2023-07-25"


def test_aid_money_released_is_aid_not_a_concession(nlp):
    found = events(nlp, "The government released 500 million shillings in emergency aid "
                        "for the flooded county.")
    assert one(found, "AID").source_actor.lower() == "government"
    assert not [e for e in found if e.type == "CONCEDE"]


def test_people_held_by_police_are_detained_by_the_police(nlp):
    found = events(nlp, "Malawi demanded the release of 43 truck drivers who have been held "
                        "by Zambian police since last week.")
    detention = one(found, "COERCE")
    assert "police" in detention.source_actor.lower()
    assert "drivers" in detention.target_actor


def test_things_are_not_sources_of_events(nlp):
    found = events(nlp, "The stoppage forced the government to act, the union said. "
                        "The dispute threatens regional trade.")
    sources = {e.source_actor for e in found if e.source_actor}
    assert not sources & {"stoppage", "dispute"}, sources


def test_what_an_organisation_owns_acts_for_the_organisation(nlp):
    event = one(events(nlp, "SADC's report accused the government of negligence."), "ACCUSE")
    assert event.source_actor == "SADC"


def test_counted_victims_stay_the_target_of_violence(nlp):
    event = one(events(nlp, "Soldiers killed 300 people in the village on Tuesday."), "ASSAULT")
    assert "soldiers" in event.source_actor.lower() and "300 people" in event.target_actor


def test_a_dam_wall_killing_people_is_a_disaster_not_an_assault(nlp):
    found = events(nlp, "The earth wall of the dam gave way on Thursday, sending water "
                        "through three villages and killing at least seven people.")
    assert not [e for e in found if e.type == "ASSAULT"]


def test_people_killed_when_a_dam_collapsed_is_not_an_assault_by_the_teller(nlp):
    found = events(nlp, "Eleven people were killed when the Mwangaza Dam collapsed on "
                        "Thursday, the county's disaster office said.")
    assert not [e for e in found if e.type == "ASSAULT"]


def test_a_car_bomb_killing_people_is_an_assault_by_an_unnamed_attacker(nlp):
    event = one(events(nlp, "A car bomb killed twelve people in the market on Tuesday."),
                "ASSAULT")
    assert event.source_actor is None and "people" in event.target_actor


def test_people_killed_in_a_clash_is_not_the_spokesman_assault(nlp):
    event = one(events(nlp, "Two people were killed in the clashes, a police spokesman said."),
                "ASSAULT")
    assert event.source_actor is None
