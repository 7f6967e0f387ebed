"""Outlet names: "Nbcnews.com", "www.reuters.com" or a URL → the name readers know ("NBC News")."""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

from dossier.config import CleanSettings
from dossier.lexicon.outlets import (
    HOSTING_LABELS,
    KNOWN_NAMES,
    KNOWN_OUTLETS,
    LOWER_NAME_WORDS,
    SHORT_NAME_WORDS,
)

DOMAIN_LIKE = re.compile(r"^(?:[a-z]+://)?(?:[\w-]+\.)+[a-z]{2,}(?:[/:?#].*)?$", re.IGNORECASE)
# "Northline Radio — Africa", "Reuters | World": a feed or page title adds its section.
SECTION_SUFFIX = re.compile(r"\s+[—–|-]\s+.*$")
# Capitalized runs of up to four words, "The" allowed in front: candidate spelled-out names.
CAPITALIZED_RUN = re.compile(r"\b(?:The[ \t]+)?[A-Z][\w&'’]*(?:[ \t]+[A-Z][\w&'’]*){0,3}")
# A three-letter piece of a segmented domain must be a common word ("sun", "star"), not a
# rare one ("ves" of a made-up "vesmarkherald"): at most ``Settings.clean.max_rank_short_piece``
# in wordninja's frequency list; a label of at most ``acronym_max_len`` letters is an acronym.


@lru_cache(maxsize=4096)
def normalize_outlet(value: str | None, limits: CleanSettings) -> str | None:
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
    if len(label) <= limits.acronym_max_len:
        return label.upper()
    return segmented_name(label, limits.max_rank_short_piece)


def segmented_name(label: str, max_rank_short_piece: int) -> str:
    """ "thehindu" → "The Hindu", "kathmandupost" → "Kathmandu Post"; unsure → "Vesmarkherald".

    wordninja splits by English word frequencies; a split into a piece of one or two
    letters (other than "of", "the" ...) is a guess about a made-up name, so the label
    is then only capitalized.
    """
    import wordninja  # loads its word list (~1 s) only when an unknown domain needs it

    pieces = [piece.lower() for piece in wordninja.split(label)]
    if len(pieces) < 2 or any(
        x not in SHORT_NAME_WORDS
        and (len(x) < 3 or (len(x) == 3 and word_rank(x) > max_rank_short_piece))
        for x in pieces
    ):
        return label.capitalize()
    if "".join(pieces) != label.replace("-", ""):
        return label.capitalize()
    words = [x if (i and x in LOWER_NAME_WORDS) else x.capitalize() for i, x in enumerate(pieces)]
    return " ".join(words)


def word_rank(word: str) -> float:
    """Rank of a word in wordninja's English frequency list (inf when absent)."""
    import math

    import wordninja

    model = wordninja.DEFAULT_LANGUAGE_MODEL
    cost = model._wordcost.get(word)  # cost = log((rank + 1) * log(vocabulary size))
    return math.inf if cost is None else math.exp(cost) / math.log(len(model._wordcost)) - 1


def resolve_outlet(value: str | None, limits: CleanSettings, text: str = "") -> str | None:
    """``normalize_outlet``, but an unknown domain is first looked up in the article text."""
    if value and DOMAIN_LIKE.match(value.strip()) and domain_label(value) not in KNOWN_OUTLETS:
        spelled = spelled_out_name(value, text, limits.acronym_max_len)
        if spelled:
            return spelled
    return normalize_outlet(value, limits)


@lru_cache(maxsize=1)
def _extractor():
    """tldextract with its bundled Public Suffix List snapshot: offline, never fetches."""
    import tldextract

    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def domain_label(domain_or_url: str) -> str:
    """The registrable label of a domain: "https://www.bbc.co.uk/news" → "bbc".

    The public suffix ("co.uk", "com.cn") comes from the Public Suffix List; on a
    hosting domain the outlet is the subdomain ("abcnews.go.com" → "abcnews").
    """
    text = domain_or_url if "://" in domain_or_url else f"http://{domain_or_url}"
    host = (urlsplit(text).hostname or "").lower()
    parts = _extractor()(host)
    if not parts.suffix:  # no public suffix ("coastaltimes.example"): the label before the last
        labels = [label for label in host.split(".") if label]
        return labels[-2] if len(labels) >= 2 else (labels[0] if labels else "")
    label = parts.domain
    if label in HOSTING_LABELS and parts.subdomain:
        label = parts.subdomain.split(".")[-1]
    return label


def spelled_out_name(domain_or_url: str, text: str, acronym_max_len: int) -> str | None:
    """The outlet's name as the text spells it: "coastaltimes.example" → "Coastal Times".

    A domain glues the words of a name together; an article usually names its own
    outlet somewhere (a photo credit, a footer), so the glued label is looked for
    among the text's capitalized word runs.
    """
    label = domain_label(domain_or_url)
    if len(label) <= acronym_max_len:
        return None
    for match in CAPITALIZED_RUN.finditer(text):
        words = match.group().split()
        for start in range(len(words) - 1):  # two words at least: one is the glued form itself
            glued = "".join(words[start:]).casefold()
            if glued == label or glued == f"the{label}" or f"the{glued}" == label:
                return " ".join(words[start:])
    return None
