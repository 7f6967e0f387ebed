"""Toponyms resolved offline to gazetteer entries, disambiguated by the article itself.

The small English model often tags "Niger" as PERSON or "Niamey" as ORG, so a
toponym is any entity (or stray proper noun) that the gazetteer knows — but a
non-place label only counts for unambiguous kinds (countries, regions) or for a
city inside a country the article already names. Ranking: the dateline and the
countries mentioned first, then feature kind (country over river), then population.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from spacy.tokens import Doc

from dossier.clean.metadata import find_dateline
from dossier.config import Settings
from dossier.extract.gazetteer import GazetteerEntry, key, lookup
from dossier.extract.parsed import ents_of, text_of
from dossier.lexicon.places import WATER_WORDS
from dossier.registry import ArticleContext, Extractor, register_extractor

PLACE_LABELS = ("GPE", "LOC", "FAC")
# "the Zambezi River", "Lake Malawi": a water word in the mention favours a physical feature.
WATER_WORD = re.compile("|".join(WATER_WORDS), re.I)
PART = "PART"  # label of a word matched inside a larger place entity


@dataclass
class Place:
    """One toponym in the clean text and the gazetteer entry it was resolved to."""

    start: int
    end: int
    text: str
    name: str
    feature: str
    country: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    is_dateline: bool
    confidence: float


def _mentions(doc: Doc) -> list[tuple[int, int, str, str]]:
    """(start, end, text, label) of every span that may be a toponym."""
    found: list[tuple[int, int, str, str]] = []
    covered: set[int] = set()
    for ent in ents_of(doc):
        covered.update(range(ent.start, ent.end))
        if ent.label_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY",
                          "NORP"):
            continue
        if lookup(ent.text):
            found.append((ent.start_char, ent.end_char, ent.text, ent.label_))
        elif ent.label_ in PLACE_LABELS:
            # "Niamey airport", "the presidential palace in Niamey": the known part inside.
            # A word of a larger name ("Tana" of "Tana River") counts only on an entry's
            # own name: GeoNames lists "Tana" for Antananarivo and "River" for a US town.
            for token in ent:
                if token.pos_ == "PROPN" and any(key(e.name) == key(token.text)
                                                 for e in lookup(token.text)):
                    found.append((token.idx, token.idx + len(token), token.text, PART))
    for token in doc:
        if token.i in covered or token.pos_ != "PROPN" or not token.text[:1].isupper():
            continue
        if any(e.feature in ("country", "region", "continent") for e in lookup(token.text)):
            found.append((token.idx, token.idx + len(token), token.text, "PROPN"))
    return sorted(found)


def _dateline(text: str) -> list[tuple[int, int, str]]:
    """The dateline's city and region ("NIAMEY, Niger —"), as the cleaner reads datelines
    (one reader for every stage), each kept when the gazetteer knows it."""
    dateline = find_dateline(text)
    if dateline is None:
        return []
    spans = [dateline.city_span] + ([dateline.region_span] if dateline.region_span else [])
    parts = [(start, end, text[start:end]) for start, end in spans]
    return [p for p in parts if lookup(p[2])]


def _score(entry: GazetteerEntry, mention: str, context: set[str], settings: Settings) -> float:
    """Feature prior, own-name and in-context bonuses, a water word for physical features,
    then population as a tie-breaker (``Settings.place_*``)."""
    score = dict(settings.place_feature_prior)[entry.feature]
    if key(entry.name) == key(mention):
        score += settings.place_own_name_bonus
    if entry.country and entry.country in context:
        score += settings.place_context_bonus
    if entry.feature == "physical" and WATER_WORD.search(mention):
        score += settings.place_water_word_bonus
    return score + math.log10(entry.population + 1) / settings.place_population_scale


def _acceptable(entry: GazetteerEntry, mention: str, label: str, context: set[str],
                settings: Settings) -> bool:
    """A non-place NER label is trusted only for unambiguous kinds or in-context cities
    (above ``Settings.place_unlabelled_city_population``); a mention of at most
    ``Settings.place_short_alias`` letters matching only an alternate name needs its
    country named."""
    if label == PART and key(entry.name) != key(mention):
        return False
    if (len(mention) <= settings.place_short_alias and key(entry.name) != key(mention)
            and entry.feature == "city" and entry.country not in context):
        return False  # an alternate-name-only match of a short name needs support
    if label in (*PLACE_LABELS, PART) or entry.feature in ("country", "region", "continent"):
        return True
    return (entry.feature == "city" and entry.country in context
            and entry.population > settings.place_unlabelled_city_population)


def resolve_places(doc: Doc, settings: Settings) -> list[Place]:
    """Every resolvable toponym of a parsed article, in text order."""
    dateline = _dateline(text_of(doc))
    mentions = _mentions(doc)
    context: set[str] = set()
    for _, _, text, _ in [(s, e, t, "DATELINE") for s, e, t in dateline] + mentions:
        countries = [c for c in lookup(text) if c.feature == "country"]
        if countries and key(countries[0].name) == key(text) or len(countries) == 1:
            context.add(countries[0].country)
    places: list[Place] = []
    seen: set[tuple[int, int]] = set()
    for start, end, text, label in [(s, e, t, "DATELINE") for s, e, t in dateline] + mentions:
        if (start, end) in seen:
            continue
        seen.add((start, end))
        candidates = [c for c in lookup(text)
                      if _acceptable(c, text, label, context, settings)]
        if label == "DATELINE" and start == (dateline[0][0] if dateline else -1):
            # The dateline's first part is where the reporter was: a city when one exists.
            cities = [c for c in candidates if c.feature == "city"]
            candidates = cities or candidates
        if not candidates:
            continue
        scored = sorted(((_score(c, text, context, settings), c) for c in candidates),
                        key=lambda sc: -sc[0])
        best_score, best = scored[0]
        runner_up = scored[1][0] if len(scored) > 1 else 0.0
        confidence = round(best_score / (best_score + runner_up), 3) if runner_up else 1.0
        places.append(Place(start, end, text, best.name, best.feature, best.country, best.lat,
                            best.lon, best.geonameid, label == "DATELINE", confidence))
    return sorted(places, key=lambda p: p.start)


def _run(ctx: ArticleContext) -> list[Place]:
    return resolve_places(ctx.doc, ctx.settings)


register_extractor(Extractor(name="places", run=_run, assigns=(Place,)))
