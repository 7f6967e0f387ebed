"""Normalize one temporal expression to a TIMEX3 type and value, anchored on a date and a tense.

dateparser reads absolute strings ("July 27, 2023", "May 2, 2022"); what it cannot
do is anchor: "Wednesday" in a past-tense sentence of a Friday article is two days
back, in a future-tense one it is five days ahead. Those rules live here, as pure
functions of (text, anchor date, tense, narrative date) so they are testable without
spaCy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import dateparser

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december",
)
MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "couple": 2, "few": "X", "several": "X", "many": "X", "some": "X",
}
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
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
                "tonight": "NI", "noon": "12:00", "midnight": "24:00"}

YEAR = re.compile(r"^(?:the\s+)?(?:year\s+)?((?:1[5-9]|20)\d\d)$")
DECADE = re.compile(r"^(?:the\s+)?((?:1[5-9]|20)\d)0'?s$")
ISO_DATE = re.compile(r"^(\d{4})-(\d\d)-(\d\d)$")
CLOCK = re.compile(
    r"(?P<h>\d{1,2})(?:[.:](?P<m>\d\d))?\s*(?P<ampm>[ap])\.?\s*m\b\.?(?:\s*\(?\s*(?P<zone>[A-Z]{2,4})\b)?"
    r"|(?P<h24>[01]?\d|2[0-3]):(?P<m24>\d\d)(?:\s*(?P<zone24>[A-Z]{2,4})\b)?",
    re.I,
)
NUMBER_UNIT = re.compile(
    r"(?:(?P<num>\d+(?:\.\d+)?|[a-z]+(?:[\s-][a-z]+)?)\s+)?(?P<unit>second|minute|hour|day|night|"
    r"week|fortnight|month|quarter|year|decade|century|centurie)s?\b",
    re.I,
)
WEEKDAY_IN = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")s?\b", re.I)
RELATIVE_UNIT = re.compile(
    r"\b(this|last|next|past|coming|previous|following)\s+(week|weekend|month|year|quarter)\b", re.I
)
OFFSET_WORD = re.compile(
    r"\b(ago|earlier|later|before|after|from now|hence|since|previously)\b", re.I
)
SET_WORD = re.compile(r"\b(every|each|daily|weekly|monthly|yearly|annually|nightly|per)\b", re.I)
# Expressions that anchor on the story's own last date ("hours later"), not on publication.
NARRATIVE = re.compile(
    r"^(?:hours|minutes|moments|a day|the day|a week|days) (?:later|after)"
    r"|^(?:that|the same) (?:day|morning|evening|night|afternoon)"
    r"|^the (?:next|following|previous) (?:day|morning|evening|night)",
    re.I,
)
REFS = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "recently": "PAST_REF",
    "the past": "PAST_REF", "formerly": "PAST_REF", "the future": "FUTURE_REF",
    "further notice": "FUTURE_REF", "until further notice": "FUTURE_REF",
    "soon": "FUTURE_REF", "previously": "PAST_REF", "once": "PAST_REF",
}


@dataclass(frozen=True)
class Normalized:
    """A TIMEX3 reading of one expression; ``value`` is None when it cannot be anchored."""

    type: str  # DATE, TIME, DURATION, SET
    value: str | None
    mod: str | None = None  # TIMEX3 mod: START, END, APPROX, ON_OR_AFTER ...
    zone: str | None = None  # the zone as written ("ET") when there is one
    utc_offset: str | None = None  # "+01:00"
    anchored_on: str | None = None  # "publication" or "narrative" when relative


def _number(word: str | None) -> int | str:
    """'three' → 3, '24' → 24, 'several' → 'X' (TIMEX3's unknown quantity)."""
    if not word:
        return 1
    word = word.lower().replace("-", " ")
    if re.fullmatch(r"\d+(?:\.\d+)?", word):
        value = float(word)
        return int(value) if value.is_integer() else "X"
    total = 0
    for part in word.split():
        n = NUMBER_WORDS.get(part)
        if n is None:
            return 1 if total == 0 and part in ("the", "last", "past", "next") else total or 1
        if n == "X":
            return "X"
        total = total * n if n == 100 and total else total + n
    return total or 1


def duration_value(num: int | str, unit: str) -> str:
    """(3, 'day') → 'P3D'; (24, 'hour') → 'PT24H'; ('X', 'year') → 'PXY'."""
    unit = unit.lower().rstrip("s")
    unit = "century" if unit.startswith("centur") else unit
    designator, time_part = UNITS[unit]
    if unit == "fortnight" and isinstance(num, int):
        num *= 2
    return f"PT{num}{designator}" if time_part else f"P{num}{designator}"


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def shift_months(day: date, months: int) -> date:
    month0 = day.month - 1 + months
    return date(day.year + month0 // 12, month0 % 12 + 1, 1)


def resolve_weekday(weekday: int, anchor: date, tense: str, relation: str | None = None) -> date:
    """The date a bare weekday name points to, given the sentence's tense.

    Past: the latest such day on or before the anchor (a Friday paper's "said
    Friday" is the same day). Future: the next one on or after. Present: the
    nearest, ties going forward. "last"/"next" force the strict direction.
    """
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    if relation in ("last", "past", "previous"):
        return anchor - timedelta(days=back or 7)
    if relation in ("next", "coming"):
        return anchor + timedelta(days=ahead or 7)
    if relation == "this":
        forward = tense == "future"
        return anchor + timedelta(days=ahead) if forward else anchor - timedelta(days=back)
    if tense == "past":
        return anchor - timedelta(days=back)
    if tense == "future":
        return anchor + timedelta(days=ahead)
    return anchor - timedelta(days=back) if back < ahead else anchor + timedelta(days=ahead)


def _relative_unit(relation: str, unit: str, anchor: date) -> str:
    step = {"this": 0, "last": -1, "past": -1, "previous": -1, "next": 1,
            "coming": 1, "following": 1}[relation.lower()]
    unit = unit.lower()
    if unit in ("week", "weekend"):
        value = iso_week(anchor + timedelta(weeks=step))
        return value + "-WE" if unit == "weekend" else value
    if unit == "month":
        shifted = shift_months(anchor, step)
        return f"{shifted.year}-{shifted.month:02d}"
    if unit == "quarter":
        quarter0 = (anchor.month - 1) // 3 + step
        return f"{anchor.year + quarter0 // 4}-Q{quarter0 % 4 + 1}"
    return str(anchor.year + step)


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


def _clock(text: str) -> tuple[int, int, str | None] | None:
    match = CLOCK.search(text)
    if not match:
        return None
    if match.group("h24"):
        return int(match.group("h24")), int(match.group("m24")), match.group("zone24")
    hour = int(match.group("h")) % 12 + (12 if match.group("ampm").lower() == "p" else 0)
    zone = match.group("zone")
    return hour, int(match.group("m") or 0), zone if zone and zone.upper() in ZONES else None


def _month_day(text: str, anchor: date | None, tense: str) -> str | None:
    """'July 27' / '27 July' / 'July 27, 2023' / 'July 2023' / 'July'."""
    low = text.lower().replace(",", " ").replace(".", " ")
    month = next((MONTH_ABBR[w[:4] if w.startswith("sept") else w[:3]]
                  for w in low.split()
                  if w[:3] in MONTH_ABBR and (w in MONTHS or len(w) <= 4)), None)
    if month is None:
        return None
    year_match = re.search(r"\b((?:1[5-9]|20)\d\d)\b", low)
    day_match = re.search(r"\b([0-3]?\d)(?:st|nd|rd|th)?\b", re.sub(r"\b\d{4}\b", "", low))
    day = int(day_match.group(1)) if day_match and 1 <= int(day_match.group(1)) <= 31 else None
    if year_match:
        year: int | str = int(year_match.group(1))
    elif anchor is None:
        year = "XXXX"
    else:
        year = anchor.year
        candidate = (month, day or 1)
        if tense == "past" and candidate > (anchor.month, anchor.day):
            year -= 1
        elif tense == "future" and candidate < (anchor.month, anchor.day):
            year += 1
    if day is None:
        return f"{year}-{month:02d}"
    return f"{year}-{month:02d}-{day:02d}"


def _offset_date(num: int | str, unit: str, anchor: date, direction: int) -> str:
    """'three days ago' → anchor − 3 days, at the unit's granularity."""
    if num == "X":
        return "PAST_REF" if direction < 0 else "FUTURE_REF"
    unit = unit.lower().rstrip("s")
    if unit in ("day", "night"):
        return (anchor + timedelta(days=direction * num)).isoformat()
    if unit == "week":
        return iso_week(anchor + timedelta(weeks=direction * num))
    if unit == "month":
        shifted = shift_months(anchor, direction * num)
        return f"{shifted.year}-{shifted.month:02d}"
    if unit == "year":
        return str(anchor.year + direction * num)
    if unit == "decade":
        return str(anchor.year + direction * 10 * num)[:3]
    return anchor.isoformat()


def normalize(
    text: str,
    anchor: date | None,
    tense: str = "past",
    narrative: date | None = None,
    signal: str | None = None,
) -> Normalized | None:
    """Read one expression; None when it is not temporal after all (e.g. '63-year-old').

    ``anchor`` is the publication date (None: relative values stay unresolved),
    ``narrative`` the last date the text itself established, for "hours later".
    """
    raw = " ".join(text.split())
    low = raw.lower().strip(" .,;")
    low = re.sub(r"^(?:on|in|at|by|during|since|until|till|from|for|of|over)\s+", "", low)
    mod = {"since": "ON_OR_AFTER", "until": "ON_OR_BEFORE", "till": "ON_OR_BEFORE",
           "before": "BEFORE", "after": "AFTER", "by": "ON_OR_BEFORE"}.get(signal or "")
    if re.search(r"-year-old|years? old|-month-old", low):
        return None
    if low in REFS:
        return Normalized("DATE", REFS[low], mod)
    if low.startswith("further notice"):
        return Normalized("DATE", "FUTURE_REF", mod or "ON_OR_BEFORE")

    if NARRATIVE.match(low):
        base = narrative or anchor
        if base is None:
            return Normalized("DATE", None, mod)
        shift = 1 if re.search(r"next|following|day after|a day later", low) else 0
        shift = -1 if "previous" in low else shift
        day = base + timedelta(days=shift)
        part = next((c for w, c in PARTS_OF_DAY.items() if w in low), None)
        kind = "TIME" if part else "DATE"
        value = day.isoformat() + (f"T{part}" if part and kind == "TIME" else "")
        return Normalized(kind, value, mod, anchored_on="narrative" if narrative else "publication")

    if SET_WORD.search(low):
        return _set(low)

    clock = _clock(raw)
    if clock:
        hour, minute, zone = clock
        day = _date_part(low, anchor, tense)
        prefix = day if day else (anchor.isoformat() if anchor else "XXXX-XX-XX")
        offset = zone_offset(zone, anchor) if zone else None
        value = f"{prefix}T{hour:02d}:{minute:02d}" + (offset or "")
        return Normalized("TIME", value, mod, zone.upper() if zone else None, offset,
                          anchored_on=None if day else ("publication" if anchor else None))

    match = ISO_DATE.match(low)
    if match:
        return Normalized("DATE", low, mod)
    match = YEAR.match(low)
    if match:
        return Normalized("DATE", match.group(1), mod)
    match = DECADE.match(low)
    if match:
        return Normalized("DATE", match.group(1), mod)

    part = next((w for w in PARTS_OF_DAY if re.search(rf"\b{w}\b", low)), None)
    day_words = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
    if re.search(r"\b(today|tonight|yesterday|tomorrow)\b", low) or (
        part and re.search(r"\b(this|earlier|later)\b", low)
    ):
        word = next((w for w in day_words if w in low), "today")
        if anchor is None:
            return Normalized("TIME" if part else "DATE", None, mod)
        day = anchor + timedelta(days=day_words[word] - (1 if "day before" in low else 0))
        if part and word != "today" or (part and part != "tonight"):
            return Normalized("TIME", f"{day.isoformat()}T{PARTS_OF_DAY[part]}", mod,
                              anchored_on="publication")
        if word == "tonight":
            return Normalized("TIME", f"{day.isoformat()}TNI", mod, anchored_on="publication")
        return Normalized("DATE", day.isoformat(), mod, anchored_on="publication")

    match = RELATIVE_UNIT.search(low)
    if match and not WEEKDAY_IN.search(low):
        if anchor is None:
            return Normalized("DATE", None, mod)
        if match.group(1).lower() == "past" and re.search(r"\b(week|month|year)s?\b", low) and \
                NUMBER_UNIT.search(low.replace(match.group(0), "", 1)) is None:
            return Normalized("DURATION", duration_value(1, match.group(2)), mod)
        return Normalized("DATE", _relative_unit(match.group(1), match.group(2), anchor), mod,
                          anchored_on="publication")

    weekday = WEEKDAY_IN.search(low)
    if weekday:
        day = _date_part(low, anchor, tense)
        if day is None:
            return Normalized("DATE", None, mod)
        return Normalized("DATE", day, mod, anchored_on="publication" if anchor else None)

    month_value = _month_day(low, anchor, tense)
    if month_value:
        return Normalized("DATE", month_value, mod,
                          anchored_on=None if re.search(r"\d{4}", low) else "publication")

    unit = NUMBER_UNIT.search(low)
    if unit:
        num = _number(unit.group("num"))
        offset = OFFSET_WORD.search(low)
        if offset and offset.group(1).lower() in ("ago", "earlier", "before", "previously"):
            if anchor is None:
                return Normalized("DATE", None, mod)
            return Normalized("DATE", _offset_date(num, unit.group("unit"), anchor, -1), mod,
                              anchored_on="publication")
        if offset and offset.group(1).lower() in ("from now", "hence"):
            if anchor is None:
                return Normalized("DATE", None, mod)
            return Normalized("DATE", _offset_date(num, unit.group("unit"), anchor, 1), mod,
                              anchored_on="publication")
        if re.match(r"^(?:the\s+)?(?:past|last|next|coming)\b", low) and unit.group("num") is None:
            num = 1
        return Normalized("DURATION", duration_value(num, unit.group("unit")), mod)

    if re.search(r"\bseason\b|\bspring\b|\bsummer\b|\bautumn\b|\bfall\b|\bwinter\b", low):
        season = next(code for word, code in (("spring", "SP"), ("summer", "SU"), ("autumn", "FA"),
                                              ("fall", "FA"), ("winter", "WI"), ("season", "XX"))
                      if word in low)
        year = re.search(r"\b(\d{4})\b", low)
        base = year.group(1) if year else (str(anchor.year) if anchor else "XXXX")
        return Normalized("DATE", f"{base}-{season}", mod)

    parsed = _dateparser(raw, anchor)
    if parsed:
        return Normalized("DATE", parsed, mod)
    return None


def _date_part(low: str, anchor: date | None, tense: str) -> str | None:
    """The calendar day an expression names, if any (weekday, month-day, today...)."""
    weekday = WEEKDAY_IN.search(low)
    if weekday:
        if anchor is None:
            return None
        relation = re.search(r"\b(last|next|this|past|coming|previous)\s+" + weekday.group(1), low)
        return resolve_weekday(WEEKDAYS.index(weekday.group(1).lower()), anchor, tense,
                               relation.group(1) if relation else None).isoformat()
    if "yesterday" in low and anchor:
        return (anchor - timedelta(days=1)).isoformat()
    if "tomorrow" in low and anchor:
        return (anchor + timedelta(days=1)).isoformat()
    value = _month_day(low, anchor, tense)
    return value if value and len(value) == 10 else None


def _set(low: str) -> Normalized:
    """'every day' → P1D, 'each Monday' → XXXX-WXX-1, 'twice a week' → P1W (quant TWICE)."""
    weekday = WEEKDAY_IN.search(low)
    if weekday:
        return Normalized("SET", f"XXXX-WXX-{WEEKDAYS.index(weekday.group(1).lower()) + 1}")
    for word, value in (("daily", "P1D"), ("nightly", "P1D"), ("weekly", "P1W"),
                        ("monthly", "P1M"), ("yearly", "P1Y"), ("annually", "P1Y")):
        if word in low:
            return Normalized("SET", value)
    unit = NUMBER_UNIT.search(low)
    if unit:
        return Normalized("SET", duration_value(_number(unit.group("num")), unit.group("unit")))
    return Normalized("SET", None)


def _dateparser(raw: str, anchor: date | None) -> str | None:
    """Last resort for absolute strings in odd formats ('12/10/2024', '3rd of May 1999').

    Only accepted when the string has digits: dateparser happily reads 'may' or
    'march' alone as dates, which in news prose are usually verbs.
    """
    if not re.search(r"\d", raw):
        return None
    settings = {"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["year"],
                "RETURN_AS_TIMEZONE_AWARE": False}
    if anchor:
        settings["RELATIVE_BASE"] = datetime(anchor.year, anchor.month, anchor.day)
    parsed = dateparser.parse(raw, languages=["en"], settings=settings)
    return parsed.date().isoformat() if parsed else None
