"""Words, units, zones and patterns of English temporal expressions, and reading quantities.

The vocabulary timex_rules.normalize works from: weekday and month names, number
words, TIMEX3 unit designators, the time zones news copy names, and the compiled
patterns, plus the small pure readers of quantities and clock times.
"""

from __future__ import annotations

import re
from datetime import date

from dossier.lexicon.numbers import CARDINALS, QUANTITY_WORDS

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december",
)
MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}
# The same names as written in text, capitalised, full or abbreviated ("Jan", "Sept",
# "September"): one regex fragment for every pattern that reads a written date.
MONTH_WORD = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
# Weekdays as written in text: full ("Monday") and abbreviated ("Tues.", "Thurs").
WEEKDAY_NAME = "(?:" + "|".join(d.capitalize() for d in WEEKDAYS) + ")"
WEEKDAY_WORD = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?"
# TIMEX3 duration units: (designator, is_time_part).
UNITS = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True),
    "day": ("D", False), "night": ("D", False), "week": ("W", False),
    "fortnight": ("W", False), "month": ("M", False), "quarter": ("Q", False),
    "year": ("Y", False), "decade": ("DE", False), "century": ("CE", False),
}
# Standard offsets of the zones news copy names; the northern-summer variant is chosen
# from the anchor date for the zones that shift (US and European daylight time).
ZONES = {
    "UTC": (0, 0), "GMT": (0, 1), "BST": (1, 1), "CET": (1, 2), "CEST": (2, 2),
    "ET": (-5, -4), "EST": (-5, -5), "EDT": (-4, -4), "CT": (-6, -5), "CST": (-6, -6),
    "CDT": (-5, -5), "MT": (-7, -6), "PT": (-8, -7), "PST": (-8, -8), "PDT": (-7, -7),
    "WAT": (1, 1), "EAT": (3, 3), "CAT": (2, 2), "IST": (5.5, 5.5), "JST": (9, 9),
}
# Verbs whose to-infinitive looks ahead: "agreed to meet on Monday" is a coming Monday.
PROSPECTIVE_VERBS = frozenset({
    "expect", "plan", "schedule", "set", "due", "offer", "propose", "agree", "promise",
    "pledge", "vow", "threaten", "intend", "aim", "hope", "want", "decide", "prepare",
    "seek", "ask", "urge", "invite", "call", "be",  # "is to resume trading Tuesday"
})
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
                "tonight": "NI", "noon": "12:00", "midnight": "24:00"}

YEAR = re.compile(r"^(?:the\s+)?(?:year\s+)?((?:1[5-9]|20)\d\d)$")
DECADE = re.compile(r"^(?:the\s+)?((?:1[5-9]|20)\d)0'?s$")
PART_OF_PERIOD = re.compile(r"(?:the\s+)?(early|mid|late)[- ]?(.+)", re.I)
SPOKEN_DECADES = {"twenties": "2", "thirties": "3", "forties": "4", "fifties": "5",
                  "sixties": "6", "seventies": "7", "eighties": "8", "nineties": "9"}
ISO_DATE = re.compile(r"^(\d{4})-(\d\d)-(\d\d)$")
CLOCK = re.compile(
    r"(?P<h>\d{1,2})(?:[.:](?P<m>\d\d))?\s*(?P<ampm>[ap])\.?\s*m\b\.?(?:\s*\(?\s*(?P<zone>[A-Z]{2,4})\b)?"
    r"|(?P<h24>[01]?\d|2[0-3]):(?P<m24>\d\d)(?:\s*(?P<zone24>[A-Z]{2,4})\b)?",
    re.I,
)
NUMBER_UNIT = re.compile(
    # "second" before another unit is the ordinal ("the second quarter", "second half")
    r"\b(?P<unit>second(?![\s-]+(?:\w+[\s-]+)?(?:day|night|week|month|quarter|year|half|"
    r"time|term|round)s?\b)|minute|hour|day|night|week|fortnight|month|quarter|year|decade|"
    r"century|centurie)(?P<plural>s)?\b",
    re.I,
)
# An ordinal unit counts a period, it does not measure one: "the eighth day of the
# operation", "the third consecutive month", "a second time" are no durations.
ORDINAL_UNIT = re.compile(
    r"\b(?P<ordinal>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"\d+(?:st|nd|rd|th))[\s-]+(?:(?:straight|consecutive|successive|full|trading|"
    r"business)\s+)?(?P<unit>day|night|week|month|year|half|time|session)s?\b",
    re.I,
)
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
            "4th": 4}
WEEKDAY_IN = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")s?\b", re.I)
MONTH_IN = re.compile(r"\b(?:" + "|".join(MONTHS) + r")\b", re.I)
RELATIVE_UNIT = re.compile(
    r"\b(this|last|next|past|coming|previous|following)\s+(week|weekend|month|year|quarter)\b", re.I
)
OFFSET_WORD = re.compile(
    r"\b(ago|earlier|later|before|after|from now|hence|since|previously)\b", re.I
)
# A weekday in the plural, or a part of it, recurs: "on Mondays", "Tuesday nights".
PLURAL_WEEKDAY = re.compile(
    r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?:s|\s+(morning|afternoon|evening|night)s)"
)
# The month a TIMEX3 season starts in (northern; winter spans two years and is left out).
SEASON_START = {"SP": 3, "SU": 6, "FA": 9}
SET_WORD = re.compile(r"\b(every|each|daily|weekly|monthly|yearly|annually|nightly|per)\b", re.I)
# Expressions that anchor on the story's own last date ("hours later"), not on publication.
NARRATIVE = re.compile(
    r"^(?:hours|minutes|moments|a day|the day|a week|days) (?:later|after)"
    r"|^(?:that|the same) (?:day|morning|evening|night|afternoon)"
    r"|^the (?:next|following|previous) (?:day|morning|evening|night)",
    re.I,
)
# The same period a year before, in an earnings report's comparison.
YEAR_AGO = re.compile(
    r"(?:a|one) year (?:ago|earlier|before)|(?:the )?(?:comparable |corresponding |same )?"
    r"year-(?:ago|earlier)(?: (?:period|quarter|level|results?))?|last year's quarter"
    r"|the (?:corresponding|same|comparable) (?:period|quarter) (?:a year ago|last year)"
    r"|the (?:quarter|period) a year (?:ago|earlier)",
    re.I,
)
# Unquantified plural periods are references, not durations: "in recent years".
VAGUE_PLURAL = re.compile(
    r"(?:in )?(?:the )?(recent|coming|future|these)(?: (?:few|several))? "
    r"(?:days|weeks|months|quarters|years)"
    r"|(?:the )?(past|last) (?:few|several) (?:days|weeks|months|quarters|years)|(past) years",
    re.I,
)
REFS = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "recently": "PAST_REF",
    "the past": "PAST_REF", "formerly": "PAST_REF", "the future": "FUTURE_REF",
    "further notice": "FUTURE_REF", "until further notice": "FUTURE_REF",
    "soon": "FUTURE_REF", "previously": "PAST_REF", "once": "PAST_REF",
    "the near future": "FUTURE_REF", "the near term": "FUTURE_REF",
    "the short term": "FUTURE_REF",
}


_TEENS = ("ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen")
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ONES = "one|two|three|four|five|six|seven|eight|nine"
# Years spoken as words (broadcast transcripts): "nineteen ninety-six", "two thousand".
YEAR_WORDS = re.compile(
    rf"\bnineteen\s+(?:{_TEENS}|(?:{_TENS})(?:[\s-](?:{_ONES}))?|hundred)\b"
    rf"|\btwo\s+thousand(?:\s+(?:and\s+)?(?:{_ONES}|{_TEENS}))?\b",
    re.I,
)


def year_in_words(text: str) -> int:
    """'nineteen ninety-six' → 1996, 'two thousand and one' → 2001."""
    words = [w for w in re.split(r"[\s-]+", text.lower()) if w not in ("and",)]
    if words[:2] == ["two", "thousand"]:
        return 2000 + sum(CARDINALS[w] for w in words[2:])
    rest = words[1:]
    if rest == ["hundred"]:
        return 1900
    return 1900 + sum(CARDINALS[w] for w in rest)


def number(prefix: str, plural: bool) -> int | str:
    """The quantity written just before a unit: 'for three' → 3, 'first nine' → 9,
    'eight-' → 8, '2 1/2' → 'X'; none: 1 for 'a week', 'X' for 'weeks' (TIMEX3's unknown)."""
    words = re.split(r"[\s-]+", re.sub(r"\s+of\s*$", "", prefix.lower()).strip(" -"))
    quantity: list[int | str] = []
    for word in reversed(words):
        if re.fullmatch(r"\d+", word):
            quantity.insert(0, int(word))
        elif re.fullmatch(r"\d+(?:\.\d+|/\d+)", word):
            return "X"
        elif word in QUANTITY_WORDS and not (word in ("a", "an") and quantity):
            quantity.insert(0, QUANTITY_WORDS[word])
        else:
            break
    if not quantity:
        return "X" if plural else 1
    if "X" in quantity:
        return "X"
    total = 0
    for n in quantity:
        total = total * n if n == 100 and total else total + n  # type: ignore[operator]
    return total or 1


def unit_quantity(low: str) -> tuple[int | str, str] | None:
    match = NUMBER_UNIT.search(low)
    if not match:
        return None
    return number(low[: match.start()], bool(match.group("plural"))), match.group("unit")


def duration_value(num: int | str, unit: str) -> str:
    """(3, 'day') → 'P3D'; (24, 'hour') → 'PT24H'; ('X', 'year') → 'PXY'."""
    unit = unit.lower().rstrip("s")
    unit = "century" if unit.startswith("centur") else unit
    designator, time_part = UNITS[unit]
    if unit == "fortnight" and isinstance(num, int):
        num *= 2
    return f"PT{num}{designator}" if time_part else f"P{num}{designator}"


def zone_offset(zone: str, anchor: date | None) -> str | None:
    """'ET' on a July date → '-04:00' (daylight time between mid-March and early November)."""
    hours = ZONES.get(zone.upper())
    if hours is None:
        return None
    summer = anchor is not None and (
        date(anchor.year, 3, 10) <= anchor <= date(anchor.year, 11, 2)
    )
    offset = hours[1] if summer else hours[0]
    sign = "-" if offset < 0 else "+"
    whole = abs(offset)
    return f"{sign}{int(whole):02d}:{int(round((whole % 1) * 60)):02d}"


def read_clock(text: str) -> tuple[int, int, str | None] | None:
    match = CLOCK.search(text)
    if not match:
        return None
    if match.group("h24"):
        return int(match.group("h24")), int(match.group("m24")), match.group("zone24")
    hour = int(match.group("h")) % 12 + (12 if match.group("ampm").lower() == "p" else 0)
    zone = match.group("zone")
    return hour, int(match.group("m") or 0), zone if zone and zone.upper() in ZONES else None


# TIMEX3 signals: the word that relates a time expression to its event ("since Monday").
SIGNALS = ("since", "until", "till", "before", "after", "by", "for", "in", "on", "at", "during")
