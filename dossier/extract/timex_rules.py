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

from dossier.config import Settings
from dossier.lexicon.timex import (
    CLOCK,
    DECADE,
    ISO_DATE,
    MONTH_ABBR,
    MONTH_IN,
    MONTHS,
    NARRATIVE,
    NUMBER_UNIT,
    OFFSET_WORD,
    ORDINAL_UNIT,
    ORDINALS,
    PART_OF_PERIOD,
    PARTS_OF_DAY,
    PLURAL_WEEKDAY,
    REFS,
    RELATIVE_UNIT,
    SEASON_START,
    SET_WORD,
    SPOKEN_DECADES,
    VAGUE_PLURAL,
    WEEKDAY_IN,
    WEEKDAYS,
    YEAR,
    YEAR_AGO,
    YEAR_WORDS,
    duration_value,
    read_clock,
    unit_quantity,
    year_in_words,
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


def resolve_weekday(weekday: int, anchor: date, tense: str, relation: str | None = None,
                    ahead: bool = False) -> date:
    """The date a bare weekday name points to, given the sentence's tense.

    Past: the latest such day on or before the anchor (a Friday paper's "said
    Friday" is the same day). Future: the next one on or after. Present: the
    nearest, ties going forward. "last"/"next" force the strict direction.
    ``ahead``: the dateline place may already be on the day after the anchor
    (Seoul on Tuesday, the New York stamp on Monday), so that day counts as past.
    """
    if ahead and relation is None and tense != "future" and \
            weekday == (anchor + timedelta(days=1)).weekday():
        return anchor + timedelta(days=1)
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
    return anchor - timedelta(days=back) if back <= ahead + 1 else anchor + timedelta(days=ahead)


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


def _month_day(text: str, anchor: date | None, tense: str, settings: Settings) -> str | None:
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
        # a month without a day is later only when it is a later month: "the end of
        # November" in a November report is this November's
        later = (month, day) > (anchor.month, anchor.day) if day else month > anchor.month
        if relation and relation.group(1):  # "June last year"
            year += {"last": -1, "next": 1, "this": 0}[relation_word]
        elif relation_word == "last":
            # "last February" in a March paper is last year's February (TimeML's reading)
            year -= 1 if later or month >= anchor.month - 1 else 0
        elif relation_word is None and tense == "past" and later:
            # a day a few weeks ahead in a past clause is usually this year's ("payable
            # Dec. 7", "extended to Nov. 16"): only one far ahead is last year's
            ahead_days = (date(anchor.year, month, min(day or 1, 28)) - anchor).days
            year -= 1 if ahead_days > settings.timex_past_lookahead_days else 0
        elif relation_word == "next" or (tense == "future" and not later and (
                day is not None or month != anchor.month)):
            year += 0 if later and relation_word is None else 1
        elif tense == "present" and relation_word is None and day is not None:
            # "The dividend is payable Jan. 2" in a November report: the nearest Jan. 2
            year = min((year - 1, year, year + 1), key=lambda y: abs(
                (date(y, month, min(day, 28)) - anchor).days))
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
    ahead: bool = False,
    period: str | None = None,
    *,
    settings: Settings,
    written_month: date | None = None,
) -> Normalized | None:
    """Read one expression; None when it is not temporal after all (e.g. '63-year-old').

    ``anchor`` is the publication date (None: relative values stay unresolved),
    ``narrative`` the last date the text itself established, for "hours later";
    ``ahead`` that the dateline place may be a day ahead of the anchor (see resolve_weekday);
    ``period`` the quarter the text last named ("1989-Q3"): an earnings report's "a year
    earlier" is that quarter a year before, not the whole year; ``written_month`` the first
    day of the year or month the text last wrote out ("in June 2012 ... that month", "in
    2007 ... later that year"); ``settings`` the tuned numbers (Settings.timex_*).
    """
    raw = " ".join(text.split())
    low = raw.lower().strip(" .,;")
    low = re.sub(r"^(?:on|in|at|by|during|since|until|till|from|for|of|over)\s+", "", low)
    if signal == "since":
        tense = "past"  # "thousands of shootings since January 1st": a start behind us
    mod = {"since": "ON_OR_AFTER", "until": "ON_OR_BEFORE", "till": "ON_OR_BEFORE",
           "before": "BEFORE", "after": "AFTER", "by": "ON_OR_BEFORE"}.get(signal or "")
    if re.search(r"-year-old|years? old|-month-old", low) or re.fullmatch(r"\d{1,2}", low):
        return None  # "Kondwani Banda, 47," is an age, never the year 2047
    low = YEAR_WORDS.sub(lambda m: str(year_in_words(m.group(0))), low)  # "nineteen ninety-six"
    low = re.sub(r"^fiscal\s+(?=\d{4}$)", "", low)
    if low == "last night" or low == "overnight":
        if anchor is None:
            return Normalized("TIME", None, mod)
        back = 1 if low == "last night" else 0
        return Normalized("TIME", f"{(anchor - timedelta(days=back)).isoformat()}TNI", mod,
                          anchored_on="publication")
    if period and YEAR_AGO.fullmatch(low):
        year, quarter = period.split("-")
        return Normalized("DATE", f"{int(year) - 1}-{quarter}", mod, anchored_on="narrative")
    vague = VAGUE_PLURAL.fullmatch(low)
    if vague:  # "recent years", "coming months", "the past several quarters", "these days"
        word = next(g for g in vague.groups() if g)
        ref = "PRESENT_REF" if word == "these" else (
            "FUTURE_REF" if word in ("coming", "future", "next") else "PAST_REF")
        return Normalized("DATE", ref, mod)
    century = re.fullmatch(r"(?:the |a )?(\d{1,2})(?:st|nd|rd|th) century", low)
    if century:
        return Normalized("DATE", f"{int(century.group(1)) - 1:02d}", mod)
    whole_year = re.fullmatch(r"the (full|fiscal|current fiscal|current|past|latest fiscal|"
                              r"last fiscal|previous fiscal) year", low)
    if whole_year and anchor is not None:
        # "sales for the full year", "the past year" in a report: a calendar year, not P1Y
        back = whole_year.group(1) in ("past", "latest fiscal", "last fiscal", "previous fiscal")
        return Normalized("DATE", str(anchor.year - back), mod, anchored_on="publication")
    if re.fullmatch(r"(?:around )?(?:the )?(?:end of the year|year[- ]end|year's end)", low) \
            and anchor:
        return Normalized("DATE", str(anchor.year), mod or "END", anchored_on="publication")
    edge = re.fullmatch(r"the (end|beginning|start|middle) of the (month|week|quarter)", low)
    if edge and anchor:
        return Normalized("DATE", _relative_unit("this", edge.group(2), anchor),
                          mod or {"end": "END", "middle": "MID"}.get(edge.group(1), "START"),
                          anchored_on="publication")
    half = re.fullmatch(r"(?:the )?(first|second|last|latter) (?:half|two quarters) of (\d{4})",
                        low)
    if half:
        return Normalized("DATE", f"{half.group(2)}-H{1 if half.group(1) == 'first' else 2}", mod)
    named = re.fullmatch(r"the (\d{4}) (?:quarter|period)", low)
    if named and period:  # "the 1988 quarter": the reported quarter, of that year
        return Normalized("DATE", f"{named.group(1)}-{period.split('-')[1]}", mod)
    if re.fullmatch(r"the (?:last|past) decade", low) and anchor:
        return Normalized("DATE", str(anchor.year - 10)[:3], mod, anchored_on="publication")
    weekend = re.fullmatch(r"(?:the|this|last|next|past|coming) weekend", low)
    if weekend:
        if anchor is None:
            return Normalized("DATE", None, mod)
        relation = low.split()[0]
        forward = relation in ("next", "coming") or (relation != "last" and tense == "future")
        saturday = resolve_weekday(5, anchor, "future" if forward else "past",
                                   relation if relation in ("last", "next") else None)
        return Normalized("DATE", iso_week(saturday) + "-WE", mod, anchored_on="publication")
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

    plural = PLURAL_WEEKDAY.fullmatch(low)
    if plural:  # "on Mondays", "Tuesday nights": every such day (or part of it)
        part = PARTS_OF_DAY.get(plural.group(2) or "")
        return Normalized("SET", f"XXXX-WXX-{WEEKDAYS.index(plural.group(1)) + 1}"
                          + (f"T{part}" if part else ""), mod)
    that_day = re.fullmatch(r"the (day|morning|afternoon|evening)", low)
    if that_day:  # "dashed Friday. Dealers bought in the morning": the day the text is on
        base = narrative or anchor
        if base is None:
            return Normalized("DATE", None, mod)
        part = PARTS_OF_DAY.get(that_day.group(1))
        return Normalized("TIME" if part else "DATE", base.isoformat() + (f"T{part}" if part
                          else ""), mod, anchored_on="narrative" if narrative else "publication")
    if SET_WORD.search(low):
        return _set(low, settings)

    clock = read_clock(raw)
    if clock:
        hour, minute, zone = clock
        day = _date_part(CLOCK.sub(" ", low), anchor, tense, settings, ahead)  # not its hour
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
    part = PART_OF_PERIOD.fullmatch(low)
    if part:  # "early 1990" → 1990 START, "the late 1970s" → 197 END, "mid-November"
        inner = normalize(part.group(2), anchor, tense, narrative, None, ahead, period,
                          settings=settings)
        if inner is not None and inner.type == "DATE":
            edge = {"early": "START", "mid": "MID", "late": "END"}[part.group(1)]
            return Normalized("DATE", inner.value, mod or edge, anchored_on=inner.anchored_on)
    spoken = SPOKEN_DECADES.get(re.sub(r"^the\s+", "", low))
    if spoken and anchor is not None:
        return Normalized("DATE", f"{str(anchor.year)[:2]}{spoken}", mod)
    if low == "the latest period" and period:
        return Normalized("DATE", period, mod, anchored_on="narrative")

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

    if re.search(r"\b(?:first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter\b", low):
        quarter = _quarter(low, anchor, tense)
        if quarter:  # "this year's third quarter", "the year-ago third quarter"
            return Normalized("DATE", quarter, mod, anchored_on="publication")
    told = re.fullmatch(r"(?:(?:later|earlier) )?(that|the following|the next|the previous|"
                        r"the preceding) (year|month|quarter)", low)
    if told:
        step = {"that": 0, "the following": 1, "the next": 1}.get(told.group(1), -1)
        unit = told.group(2)
        if unit == "quarter" and period and step == 0:
            return Normalized("DATE", period, mod, anchored_on="narrative")
        if unit == "year" and (written_month or narrative):  # "in 2007 ... later that year"
            base = (written_month or narrative).year  # type: ignore[union-attr]
            return Normalized("DATE", str(base + step), mod, anchored_on="narrative")
        if unit == "month" and (written_month or narrative):  # "in June 2012 ... That month"
            shifted = shift_months(written_month or narrative, step)  # type: ignore[arg-type]
            return Normalized("DATE", f"{shifted.year}-{shifted.month:02d}", mod,
                              anchored_on="narrative")
        return Normalized("DATE", None, mod)  # "that year" of a text that named none
    within = re.fullmatch(r"(?:earlier|later) (?:in|this) (?:the )?(day|week|month|year)", low)
    if within and anchor is not None:
        unit = within.group(1)
        value = anchor.isoformat() if unit == "day" else _relative_unit("this", unit, anchor)
        return Normalized("DATE", value, mod, anchored_on="publication")
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
        # "Saturday, April 25" / "Friday Oct. 13": the calendar date says which Saturday.
        written = _month_day(low, anchor, tense, settings) if re.search(r"\d", low) else None
        if written and len(written) == 10 and not re.search(r"\d{4}", low):
            written = _agreeing_year(written, WEEKDAYS.index(weekday.group(1).lower()))
        day = written if written and len(written) == 10 else _date_part(low, anchor, tense,
                                                                        settings, ahead)
        if day is None:
            return Normalized("DATE", None, mod)
        based = None if written or anchor is None else "publication"
        part = next((code for w, code in PARTS_OF_DAY.items() if re.search(rf"\b{w}\b", low)),
                    None)
        if part:  # "Thursday evening", "noon Saturday": a time of that day
            return Normalized("TIME", f"{day}T{part}", mod, anchored_on=based)
        return Normalized("DATE", day, mod, anchored_on=based)

    month_value = _month_day(low, anchor, tense, settings)
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

    if re.fullmatch(r"(?:his|her|their|its|my|our|your) (?:year|day|week|month|night)", low):
        return None  # "this is just not going to be his year": a turn of phrase, no time
    if re.fullmatch(r"(?:week|day|year|month|round|stage|game)\s+\d+", low):
        return None  # "Week 11" of a season, "Day 3" of a trial: a name, no length
    if re.fullmatch(r"(?:late|early|all|election|opening)[- ]night", low):
        return None  # "a late-night premiere", "election-night coverage": a kind, no date
    part_of = re.fullmatch(r"(?:(?:a|the) )?(half|quarter)[- ](?:a )?century", low)
    if part_of:  # "a half-century of military rule": fifty years, not one century
        return Normalized("DURATION", "P50Y" if part_of.group(1) == "half" else "P25Y", mod)
    ordinal = ORDINAL_UNIT.search(low)
    if ordinal:
        # "today is the eighth day of the operation", "it is the second day of": that day;
        # otherwise the count names no date of its own ("the third consecutive month").
        if ordinal.group("unit").lower() == "day" and tense == "present" and anchor:
            return Normalized("DATE", anchor.isoformat(), mod, anchored_on="publication")
        return None
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
        if not year and anchor and re.match(r"last\b", low):
            base = str(anchor.year - 1)  # "last spring" in an October paper: last year's
        elif not year and anchor and tense == "past" and SEASON_START.get(season, 0) > \
                anchor.month:
            base = str(anchor.year - 1)  # "during the summer" in a January report: last year's
        return Normalized("DATE", f"{base}-{season}", mod)

    parsed = _dateparser(raw, anchor)
    if parsed:
        return Normalized("DATE", parsed, mod)
    return None


def _agreeing_year(value: str, weekday: int) -> str:
    """'Saturday, April 25' read as 1997-04-25: the nearest year whose April 25 is a Saturday."""
    day = date.fromisoformat(value)
    for shift in (0, -1, 1):
        try:
            other = day.replace(year=day.year + shift)
        except ValueError:
            continue
        if other.weekday() == weekday:
            return other.isoformat()
    return value


def _date_part(low: str, anchor: date | None, tense: str, settings: Settings,
               ahead: bool = False) -> str | None:
    """The calendar day an expression names, if any (weekday, month-day, today...)."""
    weekday = WEEKDAY_IN.search(low)
    if weekday:
        if anchor is None:
            return None
        relation = re.search(r"\b(last|next|this|past|coming|previous)\s+" + weekday.group(1), low)
        return resolve_weekday(WEEKDAYS.index(weekday.group(1).lower()), anchor, tense,
                               relation.group(1) if relation else None, ahead).isoformat()
    if "yesterday" in low and anchor:
        return (anchor - timedelta(days=1)).isoformat()
    if "tomorrow" in low and anchor:
        return (anchor + timedelta(days=1)).isoformat()
    value = _month_day(low, anchor, tense, settings)
    return value if value and len(value) == 10 else None


def _set(low: str, settings: Settings) -> Normalized:
    """'every day' → P1D, 'each Monday' → XXXX-WXX-1, 'twice a week' → P1W (quant TWICE)."""
    weekday = WEEKDAY_IN.search(low)
    if weekday:
        return Normalized("SET", f"XXXX-WXX-{WEEKDAYS.index(weekday.group(1).lower()) + 1}")
    month = _month_day(low, None, "present", settings)
    if month and re.fullmatch(r"XXXX-\d\d", month):  # "each July": every year's July
        return Normalized("SET", month)
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
    if anchor is None or not (match or re.fullmatch(
            r"the (?:latest |most recent |current |present )?quarter", low)):
        return None
    current = (anchor.month - 1) // 3 + 1
    year = anchor.year
    if re.search(r"\b(?:current|present)\b", low) and not match:
        return f"{year}-Q{current}"
    if match:
        number = ORDINALS[match.group(1)]
        if number > current and tense == "past":
            year -= 1
    else:
        number = current - 1 if current > 1 else 4
        year -= current == 1
    if match:
        shift = re.search(r"\b(last|next|this) year'?s?\b|\byear-(?:ago|earlier)\b", low)
        if shift:
            year = anchor.year + {"last": -1, "next": 1, "this": 0}.get(shift.group(1) or "last",
                                                                        -1)
    year_match = re.search(r"\b(\d{4})\b", low)
    return f"{year_match.group(1) if year_match else year}-Q{number}"


def _dateparser(raw: str, anchor: date | None) -> str | None:
    """Last resort for absolute strings in odd formats ('12/10/2024', '3rd of May 1999').

    Only accepted when the string has a year: dateparser happily reads 'may' or
    'march' alone as dates, which in news prose are usually verbs, and '70s' as seventy
    seconds ago.
    """
    if not re.search(r"(?:1[5-9]|20)\d\d", raw) or re.fullmatch(r"\d{4}/\d\d", raw.strip()):
        return None  # "70s" (a temperature) is 70 seconds ago to it; "2015/16" a season
    settings = {"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["year"],
                "RETURN_AS_TIMEZONE_AWARE": False}
    if anchor:
        settings["RELATIVE_BASE"] = datetime(anchor.year, anchor.month, anchor.day)
    parsed = dateparser.parse(raw, languages=["en"], settings=settings)
    return parsed.date().isoformat() if parsed else None
