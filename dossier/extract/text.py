"""Small text predicates the story extractor and the story steps share: truncation, quotes, names.

Kept apart from the NLP-reading code so the digest, the benchmarks and the tests can
use them on plain strings without a parsed Doc.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from dossier.lexicon.actors import NAME_SPELLINGS, STORY_ACTOR_NOUNS, is_agent_noun
from dossier.lexicon.wire import DATELINE_AGENCIES, alternation

# A unit ends like a finished sentence: terminal punctuation, then optional closers.
TERMINAL_END = re.compile(r"[.!?…](?:[\"'”’)\]]+)?\s*$|[\"”](?:\s*[.!?])?\s*$")
STRAIGHT_QUOTE = re.compile(r'"')
OPEN_CURLY = re.compile(r"[“«]")
CLOSE_CURLY = re.compile(r"[”»]")
WORD = re.compile(r"\w+", re.UNICODE)
LEADING_THE = re.compile(r"^(?:the|a|an)\s+", re.I)
POSSESSIVE = re.compile(r"['’]s\b")
# Connectives an aggregator glues agency reports with; they say nothing about the facts.
GLUE_OPENERS = re.compile(
    r"^(?:Meanwhile|Besides|Furthermore|Moreover|In addition|Additionally|Also)\s*,\s*"
    # A dateline repeats what the header says: "MOMBASA, Kenya (Meridian Wire) — ",
    # "WASHINGTON (AP) — ", "LOS ANGELES - ", "WASHINGTON, June 10 (UPI) — ".
    r"|^[A-Z][A-Z .'-]+,(?: [A-Z][\w.' -]*?)?(?: \([^)]*\))?\s+[—–-]+\s+"
    r"|^[A-Z]{3,}[A-Z.'-]*(?: [A-Z][A-Z.'-]+)*(?: \([^)]*\))?\s+[—–-]+\s+(?=[A-Z\"“])"
    # An agency tag alone: "(Reuters) - ", "(AP) — ", "(CNN) North Korea's leader ...".
    rf"|^\({alternation(DATELINE_AGENCIES)}\)\s*(?:[—–-]+\s+|(?=[A-Z]))"
)


NUMBER_START = re.compile(
    r"^(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|"
    r"hundreds?|thousands?|fourteen|fifteen|twenty)\b)", re.I)
DATELINE_NAME = re.compile(r"^[A-Z]{2,}[A-Z .'-]*,")


def parse_day(value: str | None) -> date | None:
    """The day of an ISO date or timestamp; None for none or a malformed one."""
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def is_actor_name(name: str) -> bool:
    """Could this phrase name an actor? A proper name or an actor noun, not a count
    ("two people" are victims in a report, not a side) and not a dateline."""
    if not name or NUMBER_START.match(name) or DATELINE_NAME.match(name):
        return False
    tokens = name.split()
    if any(t[:1].isupper() for t in tokens):
        return True
    words = {t.casefold().strip(",.") for t in tokens}
    return bool(STORY_ACTOR_NOUNS & words) or any(
        is_agent_noun(w) or is_agent_noun(w.removesuffix("s")) for w in words)


def quotes_balanced(text: str) -> bool:
    """True when every quotation opened in ``text`` is closed in it."""
    if len(STRAIGHT_QUOTE.findall(text)) % 2:
        return False
    return len(OPEN_CURLY.findall(text)) == len(CLOSE_CURLY.findall(text))


def is_truncated(text: str) -> bool:
    """A cut-off sentence: an unclosed quotation or no terminal punctuation.

    Seed 000 ends on a quote whose closing mark never comes; a headline or a teaser
    has no full stop. Neither may enter a digest as if it were a whole sentence.
    """
    stripped = text.strip()
    return not stripped or not quotes_balanced(stripped) or not TERMINAL_END.search(stripped)


def strip_glue(text: str) -> tuple[str, int]:
    """Drop an aggregator's connective ("Meanwhile, ") or a dateline; say how many chars went."""
    match = GLUE_OPENERS.match(text)
    if not match:
        return text, 0
    rest = text[match.end():]
    return rest[:1].upper() + rest[1:], match.end()


@lru_cache(maxsize=4096)
def name_key(name: str) -> str:
    """A comparison key for an actor name: case, articles, possessives, spelling folded."""
    key = POSSESSIVE.sub("", name.strip().casefold())
    key = LEADING_THE.sub("", key)
    words = [NAME_SPELLINGS.get(w, w) for w in WORD.findall(key)]
    return " ".join(words)


def words(text: str) -> list[str]:
    """Lowercased word tokens (regex, not a parse): for shingles and overlap measures."""
    return WORD.findall(text.casefold())
