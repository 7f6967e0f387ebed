"""Countries as actors see them: alpha-3 codes read from the one table in dossier.lexicon.

The small NER model often labels "Niger" or "Niamey" as a PERSON; these look-ups let
the actor extractor correct it, and give nominal actors ("Nigerien soldiers", "U.S.
forces", "Niger's President") and state bodies ("KCNA", "the Pentagon") their
country. Places read the same table through :mod:`dossier.extract.gazetteer`, in
alpha-2, so an actor and a place can never disagree on what "Ivory Coast" is.
"""

from __future__ import annotations

from functools import lru_cache

from dossier.extract import gazetteer
from dossier.lexicon import countries as table


def country_code(text: str) -> str | None:
    """ISO alpha-3 for a country name or alias ("Niger", "U.S.", "the United States")."""
    return table.alpha3(table.country_of(text))


def demonym_country(text: str) -> str | None:
    """Country of a demonym ("Nigerien" → NER, "French" → FRA); None for "Korean"."""
    return table.alpha3(table.demonym_of(text))


def state_body_country(text: str) -> str | None:
    """The state a state body or state medium belongs to ("KCNA" → PRK)."""
    return table.alpha3(table.state_of_body(text))


@lru_cache(maxsize=8192)
def city_country(text: str) -> str | None:
    """Country of a gazetteer city by its own name ("Niamey" → NER), or None.

    Only an entry's main name counts: GeoNames' alternate names include many words
    that are also surnames.
    """
    k = gazetteer.key(text)
    cities = [e for e in gazetteer.lookup(text)
              if e.feature == "city" and gazetteer.key(e.name) == k]
    if not cities:
        return None
    return table.alpha3(max(cities, key=lambda e: e.population).country)


def is_region(text: str) -> bool:
    """A region or physical feature spanning countries ("the Sahel", "West Africa")."""
    if table.country_of(text):
        return False  # "Niger" is a country before it is the river's short name
    return any(e.feature in {"region", "physical", "continent"} and e.country is None
               for e in gazetteer.lookup(text))


def place_country(text: str) -> str | None:
    """Country of any country name, alias, demonym or city named by ``text``."""
    return country_code(text) or demonym_country(text) or city_country(text)


def country_name(code: str | None) -> str | None:
    """Display name for an alpha-3 code ("NER" → "Niger")."""
    return table.country_name(code)
