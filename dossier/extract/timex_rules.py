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

from dossier.lexicon.timex import (
    DECADE,
    ISO_DATE,
    MONTH_ABBR,
    MONTH_IN,
    MONTHS,
    NARRATIVE,
    NUMBER_UNIT,
    OFFSET_WORD,
    ORDINALS,
    PARTS_OF_DAY,
    REFS,
    RELATIVE_UNIT,
    SET_WORD,
    WEEKDAY_IN,
    WEEKDAYS,
    YEAR,
    duration_value,
    read_clock,
    unit_quantity,
    zone_offset,
)


@dataclass(frozen=True)
class Normalized:
    """A TIMEX3 reading of one expression; ``value`` is None when it cannot be anchored."""

    type: str  # DATE, TIME, DURATION, SET
    value: str | None
    mod: str | None = None  # TIMEX3 mod: START, END, APPROX, ON_OR_AFTER ...
    zone: str | None = None  # the zone as written ("ET") when there is one
    utc_offset: str | None = None  # "+01:00"
    anchored_on: str | None = None  # "publication" or "narrative" when relative


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
    relation = re.search(r"\b(last|next|this) year\b|^(last|next|this)\b", low)
    relation_word = (relation.group(1) or relation.group(2)) if relation else None
    if year_match:
        year: int | str = int(year_match.group(1))
    elif anchor is None:
        year = "XXXX"
    else:
        year = anchor.year
        candidate = (month, day or 1)
        later = candidate > (anchor.month, anchor.day)
        if relation and relation.group(1):  # "June last year"
            year += {"last": -1, "next": 1, "this": 0}[relation_word]
        elif relation_word == "last" or (relation_word is None and tense == "past" and later):
            year -= 1 if later or relation_word == "last" and candidate >= (anchor.month, 1) \
                else 0
        elif relation_word == "next" or (tense == "future" and not later):
            year += 0 if later and relation_word is None else 1
        elif tense == "present" and relation_word is None and day is None:
            # A bare month in the present tense: the nearest one ("expires in January").
            if month - anchor.month > 6:
                year -= 1
            elif anchor.month - month > 6:
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
    if re.search(r"-year-old|years? old|-month-old", low) or re.fullmatch(r"\d{1,2}", low):
        return None  # "Kondwani Banda, 47," is an age, never the year 2047
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

    clock = read_clock(raw)
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
    if match and not WEEKDAY_IN.search(low) and not MONTH_IN.search(low):
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

    quarter = _quarter(low, anchor, tense)
    if quarter:
        return Normalized("DATE", quarter, mod, anchored_on="publication")
    definite = re.fullmatch(r"the (?:current |same )?(year|month|week)", low)
    if definite and anchor is not None:
        # "the year" in news prose is the current one ("profit for the year"), not P1Y.
        return Normalized("DATE", _relative_unit("this", definite.group(1), anchor), mod,
                          anchored_on="publication")

    quantity = unit_quantity(low)
    if quantity:
        num, unit_word = quantity
        offset = OFFSET_WORD.search(low)
        direction = {"ago": -1, "earlier": -1, "before": -1, "previously": -1,
                     "from now": 1, "hence": 1}.get(offset.group(1).lower() if offset else "", 0)
        if direction:
            if anchor is None:
                return Normalized("DATE", None, mod)
            return Normalized("DATE", _offset_date(num, unit_word, anchor, direction), mod,
                              anchored_on="publication")
        if re.match(r"^(?:the\s+)?(?:past|last|next|coming|recent)\b", low) and num == "X" and \
                not re.search(r"\b(recent|few|several|many)\b", low):
            num = 1
        return Normalized("DURATION", duration_value(num, unit_word), mod)

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
    # TimeBank writes these as calendar patterns, not periods.
    for word, value in (("daily", "XXXX-XX-XX"), ("nightly", "XXXX-XX-XXTNI"),
                        ("weekly", "XXXX-WXX"), ("monthly", "XXXX-XX"), ("yearly", "XXXX"),
                        ("annually", "XXXX")):
        if word in low:
            return Normalized("SET", value)
    quantity = unit_quantity(low)
    if quantity:
        return Normalized("SET", duration_value(*quantity))
    return Normalized("SET", None)


def _quarter(low: str, anchor: date | None, tense: str) -> str | None:
    """'third-quarter' → 1989-Q3; 'the quarter' / 'the latest quarter' → the last reported one."""
    match = re.search(r"\b(first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter\b", low)
    if anchor is None or not (match or re.fullmatch(r"the (?:latest |most recent )?quarter", low)):
        return None
    current = (anchor.month - 1) // 3 + 1
    year = anchor.year
    if match:
        number = ORDINALS[match.group(1)]
        if number > current and tense == "past":
            year -= 1
    else:
        number = current - 1 if current > 1 else 4
        year -= current == 1
    year_match = re.search(r"\b(\d{4})\b", low)
    return f"{year_match.group(1) if year_match else year}-Q{number}"


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
