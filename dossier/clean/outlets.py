"""Outlet names: "Nbcnews.com", "www.reuters.com" or a URL → the name readers know ("NBC News")."""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

# Registrable domain label → display name, for outlets whose name the domain does not spell.
KNOWN_OUTLETS: dict[str, str] = {
    "nbcnews": "NBC News",
    "cbsnews": "CBS News",
    "abcnews": "ABC News",
    "foxnews": "Fox News",
    "cnn": "CNN",
    "msnbc": "MSNBC",
    "npr": "NPR",
    "pbs": "PBS",
    "reuters": "Reuters",
    "apnews": "AP",
    "ap": "AP",
    "afp": "AFP",
    "bbc": "BBC",
    "theguardian": "The Guardian",
    "guardian": "The Guardian",
    "nytimes": "The New York Times",
    "washingtonpost": "The Washington Post",
    "wsj": "The Wall Street Journal",
    "ft": "Financial Times",
    "bloomberg": "Bloomberg",
    "economist": "The Economist",
    "aljazeera": "Al Jazeera",
    "france24": "France 24",
    "dw": "DW",
    "euronews": "Euronews",
    "lemonde": "Le Monde",
    "rfi": "RFI",
    "usatoday": "USA Today",
    "latimes": "Los Angeles Times",
    "politico": "Politico",
    "axios": "Axios",
    "thehill": "The Hill",
    "independent": "The Independent",
    "telegraph": "The Telegraph",
    "dailymail": "Daily Mail",
    "news24": "News24",
    "allafrica": "AllAfrica",
    "voanews": "VOA",
    "time": "Time",
    "newsweek": "Newsweek",
    "huffpost": "HuffPost",
    "huffingtonpost": "HuffPost",
    "businessinsider": "Business Insider",
    "cnbc": "CNBC",
    "skynews": "Sky News",
    "sky": "Sky News",
    "timesofisrael": "The Times of Israel",
    "jpost": "The Jerusalem Post",
    "haaretz": "Haaretz",
    "kyivindependent": "The Kyiv Independent",
    "themoscowtimes": "The Moscow Times",
    "scmp": "South China Morning Post",
    "japantimes": "The Japan Times",
    "hindustantimes": "Hindustan Times",
    "timesofindia": "The Times of India",
    "indiatimes": "The Times of India",
    "theatlantic": "The Atlantic",
    "vox": "Vox",
    "vice": "Vice",
    "yahoo": "Yahoo News",
}

# Names an input may already carry, in any case, mapped to the same display names.
KNOWN_NAMES: dict[str, str] = {name.casefold(): name for name in KNOWN_OUTLETS.values()} | {
    "associated press": "AP",
    "the associated press": "AP",
    "agence france-presse": "AFP",
    "agence france presse": "AFP",
    "new york times": "The New York Times",
    "washington post": "The Washington Post",
    "wall street journal": "The Wall Street Journal",
}

# Second-level labels that sit before a country TLD ("bbc.co.uk", "abc.net.au").
PUBLIC_SUFFIX_LABELS = frozenset({"co", "com", "net", "org", "gov", "ac", "go", "or", "ne"})
DOMAIN_LIKE = re.compile(r"^(?:[a-z]+://)?(?:[\w-]+\.)+[a-z]{2,}(?:[/:?#].*)?$", re.IGNORECASE)
ACRONYM_MAX_LEN = 4  # "bbc", "rfi", "voa": short labels are acronyms, not words
# "Northline Radio — Africa", "Reuters | World": a feed or page title adds its section.
SECTION_SUFFIX = re.compile(r"\s+[—–|-]\s+.*$")
# Capitalized runs of up to four words, "The" allowed in front: candidate spelled-out names.
CAPITALIZED_RUN = re.compile(r"\b(?:The[ \t]+)?[A-Z][\w&'’]*(?:[ \t]+[A-Z][\w&'’]*){0,3}")


@lru_cache(maxsize=4096)
def normalize_outlet(value: str | None) -> str | None:
    """Display name for an outlet given as a name, a domain or a URL; None when empty.

    Why a table plus a fallback: domains rarely spell the name ("nbcnews" is
    "NBC News"), but an unknown domain still names its outlet well enough
    ("kathmandupost.com" → "Kathmandupost") to group articles by source.
    """
    if not value or not value.strip():
        return None
    cleaned = value.strip().strip(".").strip()
    known = KNOWN_NAMES.get(cleaned.casefold())
    if known:
        return known
    if not DOMAIN_LIKE.match(cleaned):
        name = SECTION_SUFFIX.sub("", cleaned) or cleaned
        return KNOWN_NAMES.get(name.casefold(), name)
    label = domain_label(cleaned)
    if label in KNOWN_OUTLETS:
        return KNOWN_OUTLETS[label]
    return label.upper() if len(label) <= ACRONYM_MAX_LEN else label.capitalize()


def resolve_outlet(value: str | None, text: str = "") -> str | None:
    """``normalize_outlet``, but an unknown domain is first looked up in the article text."""
    if value and DOMAIN_LIKE.match(value.strip()) and domain_label(value) not in KNOWN_OUTLETS:
        spelled = spelled_out_name(value, text)
        if spelled:
            return spelled
    return normalize_outlet(value)


def domain_label(domain_or_url: str) -> str:
    """The registrable label of a domain: "https://www.bbc.co.uk/news" → "bbc"."""
    text = domain_or_url if "://" in domain_or_url else f"http://{domain_or_url}"
    host = (urlsplit(text).hostname or "").lower()
    labels = [part for part in host.split(".") if part]
    if len(labels) < 2:
        return labels[0] if labels else ""
    labels = labels[:-1]  # drop the TLD
    if len(labels) >= 2 and labels[-1] in PUBLIC_SUFFIX_LABELS:
        labels = labels[:-1]
    return labels[-1]


def spelled_out_name(domain_or_url: str, text: str) -> str | None:
    """The outlet's name as the text spells it: "coastaltimes.example" → "Coastal Times".

    A domain glues the words of a name together; an article usually names its own
    outlet somewhere (a photo credit, a footer), so the glued label is looked for
    among the text's capitalized word runs.
    """
    label = domain_label(domain_or_url)
    if len(label) <= ACRONYM_MAX_LEN:
        return None
    for match in CAPITALIZED_RUN.finditer(text):
        words = match.group().split()
        for start in range(len(words) - 1):  # two words at least: one is the glued form itself
            glued = "".join(words[start:]).casefold()
            if glued == label or glued == f"the{label}" or f"the{glued}" == label:
                return " ".join(words[start:])
    return None
