"""Toponyms resolved offline: gazetteer entries, datelines, and disambiguation by context."""

from __future__ import annotations

from dossier.config import Settings
from dossier.extract.gazetteer import country_of_word, lookup
from dossier.extract.places import resolve_places

SETTINGS = Settings()


def places(nlp, text: str) -> dict[str, object]:
    return {p.text: p for p in resolve_places(nlp(text), SETTINGS)}


def test_niamey_is_the_capital_of_niger(nlp):
    niamey = places(nlp, "Soldiers surrounded the presidential palace in Niamey.")["Niamey"]
    assert (niamey.name, niamey.feature, niamey.country) == ("Niamey", "city", "NE")
    assert abs(niamey.lat - 13.5) < 0.5 and abs(niamey.lon - 2.1) < 0.5


def test_niger_is_the_country_not_the_river(nlp):
    niger = places(nlp, "The army in Niger said it would not resist.")["Niger"]
    assert (niger.feature, niger.country) == ("country", "NE")


def test_niger_river_when_the_text_says_river(nlp):
    found = resolve_places(nlp("Boats moved along the Niger River near the capital."), SETTINGS)
    assert [(p.name, p.feature) for p in found] == [("Niger River", "physical")]


def test_dateline_gives_city_and_country(nlp):
    doc = nlp("NIAMEY, Niger — The army said Thursday it would not resist.")
    found = resolve_places(doc, SETTINGS)
    assert [(p.name, p.feature, p.is_dateline) for p in found[:2]] == [
        ("Niamey", "city", True), ("Niger", "country", True)]


def test_regions_and_aliases_from_our_table(nlp):
    found = places(nlp, "Coups have spread across the Sahel and West Africa, and Ivory Coast "
                        "and the U.S. voiced concern.")
    assert found["Sahel"].feature == "region" and found["Sahel"].country is None
    assert found["West Africa"].feature == "region"
    assert found["Ivory Coast"].country == "CI"
    assert found["U.S."].country == "US"


def test_an_ambiguous_city_prefers_a_country_already_mentioned(nlp):
    # Paris, Texas exists; with the United States named first it should win over France.
    us = places(nlp, "Storms hit Texas and the United States. Paris lost power overnight.")
    fr = places(nlp, "Storms hit France. Paris lost power overnight.")
    assert us["Paris"].country == "US"
    assert fr["Paris"].country == "FR"


def test_a_city_mislabelled_by_ner_counts_only_inside_a_mentioned_country(nlp):
    assert lookup("Niamey")  # the gazetteer knows it; context decides whether to use it
    found = places(nlp, "Niger's capital is calm. Niamey residents stayed home.")
    assert found.get("Niamey") is None or found["Niamey"].country == "NE"


def test_demonyms_map_to_countries():
    assert country_of_word("Nigerien") == "NE"
    assert country_of_word("Nigerian") == "NG"
    assert country_of_word("Hungarian") == "HU"


def test_word_of_a_river_name_is_no_city_on_an_alternate_name(nlp):
    found = resolve_places(nlp("GARSEN, Kenya — The Tana River burst its banks on Wednesday, "
                               "flooding villages across Tana River County in Kenya."), SETTINGS)
    names = {p.name for p in found}
    assert "Kenya" in names
    assert not [p for p in found if p.country not in (None, "KE")], [
        (p.text, p.name, p.country) for p in found]


def test_short_alternate_name_needs_a_named_country(nlp):
    found = {p.text: p for p in resolve_places(nlp("Aid reached Tana on Friday."), SETTINGS)}
    assert "Tana" not in found or found["Tana"].country is None
