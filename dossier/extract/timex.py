"""Temporal expressions with TIMEX3 type and value, anchored on publication date and tense.

Candidates come from spaCy's DATE/TIME entities (read off the one parsed Doc) plus
patterns for what the small model misses ("this week", "until further notice",
clock times with zones); :mod:`dossier.extract.timex_rules` turns each into a value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Span, Token

from dossier.config import Settings
from dossier.extract.parsed import ents_of, text_of
from dossier.extract.timex_rules import Normalized, normalize
from dossier.extract.timex_zones import place_day, place_zone
from dossier.lexicon.timex import (
    MONTH_ABBR,
    MONTH_WORD,
    PROSPECTIVE_VERBS,
    SIGNALS,
    WEEKDAYS,
    ZONES,
    duration_value,
    unit_quantity,
    zone_offset,
)
from dossier.registry import ArticleContext, Extractor, register_extractor

_WEEKDAY = "|".join(WEEKDAYS)
_MONTH = MONTH_WORD
_NUM = (r"\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
        r"fifteen|twenty|thirty|forty|fifty|several|few|couple of|many")
_UNIT = r"(?:second|minute|hour|day|night|week|month|year|decade)s?"
# Patterns for recall beyond the statistical NER; case-insensitive except month names.
TIMEX_PATTERNS = [
    re.compile(p, re.I) for p in (
        rf"\b(?:(?:last|next|this|on|coming)\s+)?(?:{_WEEKDAY})s?(?:\s+(?:morning|afternoon|evening|night)s?)?\b",
        r"\b(?:(?:earlier|later)\s+)?(?:this|last|next|coming|past)\s+(?:week(?:end)?|month|year|quarter|"
        r"morning|afternoon|evening)\b",
        r"\b(?:today|tonight|yesterday|tomorrow)(?:\s+(?:morning|afternoon|evening|night))?\b",
        r"\buntil\s+further\s+notice\b",
        rf"\b(?:{_NUM})\s+{_UNIT}\s+(?:ago|later|earlier|from now)\b",
        r"\b(?:hours|minutes|days|moments)\s+later\b",
        rf"\bfor\s+(?:the\s+(?:past|last|next)\s+)?(?:{_NUM})\s+{_UNIT}\b",
        r"\b(?:every|each)\s+(?:day|week|month|year|morning|night|" + _WEEKDAY + r")\b",
        rf"\b(?:every|each)\s+(?-i:{_MONTH})\b",
        # a weekday and its written date are one day: "Friday Oct. 13", "Sunday, March 8"
        rf"\b(?:{_WEEKDAY}),?\s+(?-i:{_MONTH})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}}\b)?",
        r"\b(?:daily|weekly|monthly|annually)\b(?=\s*[,.;]|\s+(?:basis|meetings?|briefings?))",
        # a clock time with its zone and the day it names: "5 p.m. EST Nov. 9", "10 p.m.
        # Wednesday", "noon Thursday", "mid-afternoon yesterday" are one TIME each
        r"\b\d{1,2}(?:[.:]\d\d)?\s*[ap]\.?m\.?(?:\s*\(?\s*(?:" + "|".join(ZONES) + r")\b)?"
        rf"(?:,?\s+(?:on\s+)?(?:{_WEEKDAY}|today|yesterday|tomorrow|(?-i:{_MONTH})\.?\s+\d{{1,2}}\b))?",
        rf"\b(?:noon|midnight|mid-?(?:morning|afternoon))\s+(?:on\s+)?"
        rf"(?:{_WEEKDAY}|today|yesterday|tomorrow)\b",
        r"\bsince\s+(?:1[5-9]|20)\d\d\b",
        # present/past/future references TIMEX3 annotates ("now", "recently", "the past")
        r"\b(?:now|currently|recently)\b",
        r"\bthe\s+(?:past|future)\b(?!\s+(?:" + _NUM + r")\b)",
        r"\bthe\s+(?:near\s+(?:future|term)|short\s+term)\b",
        r"\b(?:the|this|last|next)\s+weekend\b",
        r"\b(?:last|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+night\b",
        r"\bnineteen\s+(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
        r"eighteen|nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
        r"(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)\b",
        r"\bfiscal\s+(?:19|20)\d\d\b",
        # parts of a period: "early 1990", "mid-November", "the late 1970s", "the nineties"
        rf"\b(?:the\s+)?(?:early|mid|late)[- ]?(?:(?:1[5-9]|20)\d\d'?s?|(?:{_MONTH})\b)",
        r"\bthe\s+(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b",
        r"\bthe\s+latest\s+period\b",
        r"\b(?:in|of|since|until|by)\s+(?:1[5-9]|20)\d\d\b",
    )
] + [re.compile(rf"\b(?:{_MONTH})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?\b")]
# A time followed by its equivalent in a named zone: "6.30 a.m. (1.30 a.m. ET)".
ZONE_PAIR = re.compile(r"^\s*\(\s*$")
ISO_DAY = re.compile(r"\d{4}-\d\d-\d\d")
QUARTER = re.compile(r"\d{4}-Q[1-4]")
WRITTEN_YEAR = re.compile(r"\d{4}(?:$|-\d\d)")  # "2007", "2016-04", "2016-04-21"
# One NER span can run over two expressions: "January 9 - the first since 2015" is a day
# and a comparison; cut at a spaced dash, a semicolon or a bracket, and before a signal
# word inside it ("the first since 2015"), so the comparison's year never dates the day.
SPLIT_AT = re.compile(
    r"\s+[-–—]+\s+|\s*[;()]\s*|\s+(?=(?:since|until|till)\s)"
    # a range is two expressions: "Aug. 26 to Oct. 20", "today through Nov. 17"
    rf"|\s+(?:to|through)\s+(?=(?:{_MONTH}|{_WEEKDAY}|today|tomorrow|yesterday|\d{{4}})\b)"
    # a fiscal period and its end: "the year ended March 31" is P1Y and a day
    r"|\s+(?=(?:ended|ending)\s)"
    # "between 1985 and 1987" is two years, "between Feb. 7 and Feb. 14" two days
    r"|(?<=\d{4})\s+and\s+(?=(?:1[5-9]|20)\d\d\b)"
    rf"|(?<=\d)\s+and\s+(?=(?-i:{_MONTH})\b)"
    r"|(?:(?<=months)|(?<=quarters))\s+of\s+(?=(?:\d{4}|the year)\b)",
    re.I,
)
# Words around an expression that TIMEX3 extents leave out ("just last month", "last
# month's", "an Aug. 10, 1988"); "earlier this month", "later today" keep theirs: it says
# which part of the period (TimeBank's extents include it).
LEADING_NOISE = re.compile(
    r"(?:(?:just|only|barely|of|an?|ended|ending|between|(?:earlier|later)(?!\s+(?:this|today|"
    r"tonight|yesterday|tomorrow|" + _WEEKDAY + r")\b))\s+)+(?=\S)",
    re.I)
# "a quarter of the market" is a share, not three months.
FRACTION_OF = re.compile(r"\s+of\s+(?:the|its|their|his|her|all|our|these|those|this|that)\b",
                         re.I)
# "the year ended March 31": the period before "ended" is a length (P1Y), its end a day.
PERIOD_ENDED = re.compile(r"\s+(?:ended|ending)\b", re.I)
TRAILING_NOISE = re.compile(r"(?:'s|’s|\s+(?:or|and)|\s+)$")  # "a year or (two)", a line end
# A capitalized unit inside a sentence is part of a name: "Coach of the Year", ABC's "This
# Week", "Week 11" of a season, "Russia Today", "PlayStation Now", "Back To The Future".
TITLE_UNIT = re.compile(r"\b(?:Year|Week|Month|Today|TODAY|Now|NOW|Future)\b")  # "USA TODAY"
# A bound ("since 2015", "until Friday", "by Monday") says when something started or must
# end, not when an act happened: it never dates an event.
BOUND_MODS = {"ON_OR_AFTER", "ON_OR_BEFORE", "BEFORE", "AFTER"}
CONDITIONAL_MARKS = {"if", "unless"}
FUTURE_MARKERS = {"will", "shall", "'ll", "would", "going", "plan", "expect", "schedule", "due"}


@dataclass
class Timex:
    """One temporal expression in an article's clean text, with its TIMEX3 reading."""

    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str | None  # TIMEX3 value; None when relative and the article has no date
    mod: str | None = None
    signal: str | None = None  # the preposition that governs it: since, until, on ...
    tense: str = "past"
    zone: str | None = None
    utc_offset: str | None = None
    anchored_on: str | None = None  # publication | narrative | None (absolute)
    sentence_start: int = 0

    @property
    def day(self) -> str | None:
        """The calendar day (YYYY-MM-DD) this expression pins an event to, if it does."""
        if self.mod in BOUND_MODS:
            return None
        if self.type in ("DATE", "TIME") and self.value and ISO_DAY.match(self.value):
            return self.value[:10]
        return None


def clause_tense(token: Token) -> str:
    """past | present | future of the clause a token sits in.

    The first verb on the way up the parse decides: "will"/"would" or a planning
    verb makes it future, VBD/VBN past, anything else present; the if-clause of a
    future conditional is future.
    """
    if token.head.pos_ == "ADJ" and token.head.i != token.i:
        # "payable Jan. 2", "effective Feb. 1": the adjective states a standing fact; the
        # date is the nearest such day whatever the tense of the verb announcing it.
        return "present"
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    # "would deploy ... if the port had not reopened by Friday": an English conditional
    # backshifts its if-clause, whose time is the main clause's future.
    if verb.dep_ == "advcl" and verb.head.i != verb.i and any(
        c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in verb.children
    ) and clause_tense(verb.head) == "future":
        return "future"
    if _in_past_perfect(verb):
        return "past"  # "it had been due to expire Friday": a plan already past
    for candidate in (verb, verb.head):
        auxes = [c for c in candidate.children if c.dep_ in ("aux", "auxpass")]
        if any(a.lower_ in FUTURE_MARKERS for a in auxes):
            return "future"
        if candidate.lemma_ in FUTURE_MARKERS - {"would", "will"} or any(
            a.lower_ == "to" for a in auxes
        ) and candidate.head.lemma_ in PROSPECTIVE_VERBS:
            return "future"  # "offered to hold talks on January 9": the talks lie ahead
        if candidate.tag_ in ("VBD",) or any(a.tag_ == "VBD" for a in auxes):
            return "past"
        if candidate.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes):
            return "past"
        if candidate.tag_ == "VBN" and candidate.dep_ == "acl" and not auxes:
            return "past"  # a reduced relative: "its record high set on Aug. 6"
        if candidate.i == verb.i and _takes_its_tense_from_head(candidate, auxes):
            continue  # "fell into a well while harvesting vegetables on Sunday": fell's
        if candidate.tag_ in ("VBZ", "VBP", "VBG", "VB", "VBN") or auxes:
            return "present"
    return "past"


def _takes_its_tense_from_head(verb: Token, auxes: list[Token]) -> bool:
    """A non-finite verb with no auxiliary of its own ("while harvesting", "began delving",
    "will begin withdrawing ... and release") happens in the time of the verb it hangs on."""
    return (verb.tag_ in ("VBG", "VB") and verb.dep_ in ("xcomp", "advcl", "conj", "pcomp")
            and verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX")
            and all(a.lower_ == "to" for a in auxes))


def _in_past_perfect(verb: Token) -> bool:
    """The verb, or the finite verb its infinitive complements, is in the past perfect
    ("had been scheduled to expire", "had been due to expire")."""
    node = verb
    for _ in range(4):  # a complement chain is short: expire ← due ← been
        if any(c.dep_ == "aux" and c.lower_ in ("had", "'d") and c.tag_ == "VBD"
               for c in node.children):
            return True
        if node.dep_ not in ("xcomp", "acomp") or node.head.i == node.i:
            return False
        node = node.head
    return False


def _candidates(doc: Doc, text: str) -> list[tuple[tuple[int, int], list[tuple[int, int]]]]:
    """Character spans of possible expressions: NER DATE/TIME plus patterns, overlaps merged;
    each with the spans it was merged from, read one by one when the whole is no date
    ("the year ended Sept. 30" as one NER span: "Sept. 30" still is one)."""
    spans = [(e.start_char, e.end_char) for e in ents_of(doc) if e.label_ in ("DATE", "TIME")]
    for pattern in TIMEX_PATTERNS:
        spans.extend(m.span() for m in pattern.finditer(text))
    merged: list[tuple[list[int], list[tuple[int, int]]]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][0][1]:
            merged[-1][0][1] = max(merged[-1][0][1], end)
            merged[-1][1].append((start, end))
        else:
            merged.append(([start, end], [(start, end)]))
    out = []
    for (start, end), parts in merged:
        for piece in _split(text, start, end):
            inner = [(max(a, piece[0]), min(b, piece[1])) for a, b in parts
                     if a < piece[1] and piece[0] < b]
            out.append((piece, sorted(set(inner) - {piece})))
    return out


def _split(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces, at = [], start
    for match in SPLIT_AT.finditer(text, start, end):
        pieces.append((at, match.start()))
        at = match.end()
    pieces.append((at, end))
    return [(s, e) for s, e in pieces if e > s]


def _trim(text: str, start: int, end: int) -> tuple[int, int, str | None]:
    """Drop a leading signal word ('on', 'since') from the extent and report it."""
    chunk = text[start:end]
    trailing = TRAILING_NOISE.search(chunk)
    if trailing:
        end -= len(trailing.group(0))
        chunk = chunk[: trailing.start()]
    match = re.match(r"(" + "|".join(SIGNALS) + r")\s+", chunk, re.I)
    if match and not re.match(r"until further|at least", chunk, re.I):
        return start + match.end(), end, match.group(1).lower()
    noise = LEADING_NOISE.match(chunk)
    # "just last month" → "last month", "only six months" → "six months"; "a year
    # earlier", "later" alone stay whole
    rest = chunk[noise.end():] if noise else ""
    if noise and (re.match(r"(?:the\s+|this\s+|last\s+|next\s+|\d|[A-Z])", rest)
                  or re.fullmatch(r"(?:(?:just|only|barely|ended|ending)\s+)+", noise.group(0),
                                  re.I)):
        start += noise.end()
        chunk = chunk[noise.end():]
    return start, end, "until" if chunk.lower().startswith("until") else None


def _preceding_signal(doc: Doc, span: Span) -> str | None:
    if span.start > 0:
        prev = doc[span.start - 1]
        if prev.lower_ in SIGNALS:
            return prev.lower_
    return None


def extract_timexes(doc: Doc, published: str | None, dateline: str | None = None, *,
                    settings: Settings) -> list[Timex]:
    """Every temporal expression of a parsed article, in text order.

    Relative expressions anchor on the publication day *at the dateline place* when
    the dateline names one whose zone is known (timex_zones).
    """
    anchor = _parse_anchor(published)
    ahead = False
    zone = place_zone(dateline) if anchor is not None else None
    if zone is not None:
        anchor, ahead = place_day(published, zone)
    found: list[Timex] = []
    narrative: date | None = None
    period: str | None = None  # the quarter the text last named
    written: date | None = None  # the year or month the text last wrote out (its 1st day)
    text = text_of(doc)
    for whole, parts in _candidates(doc, text):
        for span, signal, tense, reading in _readings(doc, text, whole, parts, anchor,
                                                     narrative, ahead, period, written, settings):
            timex = _record(span, signal, tense, reading)
            if found and reading.zone and _is_zone_twin(text, found[-1], timex):
                _infer_offset(found[-1], timex, anchor)
            found.append(timex)
            if timex.day and timex.type in ("DATE", "TIME") and not timex.mod:
                narrative = date.fromisoformat(timex.day)
            if timex.type == "DATE" and timex.anchored_on is None and timex.value and \
                    WRITTEN_YEAR.match(timex.value) and not timex.mod:
                written = date(int(timex.value[:4]), int(timex.value[5:7] or 1), 1)
            if timex.value and QUARTER.fullmatch(timex.value) and \
                    timex.anchored_on != "narrative":
                period = timex.value  # the quarter the report is about, not a comparison
    return found


def _readings(doc: Doc, text: str, whole: tuple[int, int], parts: list[tuple[int, int]],
              anchor: date | None, narrative: date | None, ahead: bool,
              period: str | None, written: date | None, settings: Settings) -> list[tuple]:
    """The reading of a candidate, else of each part it was merged from that reads."""
    out = []
    for cstart, cend in [whole] + parts:
        if out and cstart < out[-1][0].end_char:
            continue
        start, end, signal = _trim(text, cstart, cend)
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not span.text.strip():
            continue
        if LIGHT_BEFORE.search(text, max(0, span.start_char - 7), span.start_char):
            continue  # "3.8 billion light years away": a distance
        while len(span) > 1 and _is_name_after(span[-1]) and TIME_WORD.search(span[:-1].text):
            span = span[:-1]  # "Last week Stumpf said": the NER ran into the subject
        if TITLE_UNIT.search(span.text) and not span[0].is_sent_start:
            continue
        signal = signal or _preceding_signal(doc, span)
        tense = clause_tense(span.root)
        reading = normalize(span.text, anchor, tense, narrative, signal, ahead, period,
                            settings=settings, written_month=written)
        if reading is not None and reading.type == "SET" and len(span) == 1 and \
                span[0].lower_.endswith("ly") and (
                span[0].pos_ in ("NOUN", "PROPN")
                or span.start > 0 and doc[span.start - 1].pos_ == "PROPN"):
            continue  # "the daily", "told the Neue Osnabruecker Zeitung daily": a newspaper
        if reading is not None and reading.type == "DURATION" and FRACTION_OF.match(
                text, span.end_char) and re.search(r"\bquarters?$", span.text, re.I):
            continue  # "more than a quarter of the market", "three quarters of its sales"
        if reading is not None and PERIOD_ENDED.match(text, span.end_char):
            reading = _as_length(span.text) or reading
        if reading is not None:
            out.append((span, signal, tense, reading))
            if (cstart, cend) == whole:
                break
    return out


LIGHT_BEFORE = re.compile(r"\blight[- ]$", re.I)
TIME_WORD = re.compile(r"\d|\b(?:week|month|year|day|night|morning|afternoon|evening|quarter|"
                       r"decade|century|today|yesterday|tomorrow)s?\b", re.I)


def _is_name_after(token: Token) -> bool:
    """A capitalized name that is no time word ('Stumpf', not 'May', 'Monday' or 'ET')."""
    low = token.lower_.rstrip(".")
    return token.pos_ == "PROPN" and token.text[:1].isupper() and not (
        low in WEEKDAYS or low[:3] in MONTH_ABBR or token.text.upper() in ZONES)


def _as_length(text: str) -> Normalized | None:
    """'the year', 'the six months' as the length of a fiscal period.

    A quarter is not: "the fourth quarter ended Sept. 30" names which quarter (TimeML
    annotates it as that DATE, the year or the nine months ended as a length)."""
    quantity = unit_quantity(text.lower())
    if quantity is None or quantity[1].lower().startswith("quarter"):
        return None
    return Normalized("DURATION", duration_value(*quantity))


def _record(span: Span, signal: str | None, tense: str, reading: Normalized) -> Timex:
    return Timex(
        start=span.start_char, end=span.end_char, text=span.text, type=reading.type,
        value=reading.value, mod=reading.mod, signal=signal, tense=tense,
        zone=reading.zone, utc_offset=reading.utc_offset, anchored_on=reading.anchored_on,
        sentence_start=span.sent.start_char,
    )


def _is_zone_twin(text: str, first: Timex, second: Timex) -> bool:
    return first.type == "TIME" and first.zone is None and bool(
        ZONE_PAIR.match(text[first.end:second.start])
    )


def _infer_offset(local: Timex, zoned: Timex, anchor: date | None) -> None:
    """'6.30 a.m. (1.30 a.m. ET)': the first clock is ET's offset plus the five-hour gap."""
    offset = zone_offset(zoned.zone or "", anchor)
    if not (offset and local.value and zoned.value and "T" in local.value):
        return
    lh, lm = (int(x) for x in local.value.split("T")[1][:5].split(":"))
    zh, zm = (int(x) for x in zoned.value.split("T")[1][:5].split(":"))
    sign = -1 if offset.startswith("-") else 1
    zone_minutes = sign * (int(offset[1:3]) * 60 + int(offset[4:6]))
    local_minutes = ((lh * 60 + lm) - (zh * 60 + zm) + zone_minutes + 12 * 60) % (24 * 60) - 12 * 60
    sign_char = "-" if local_minutes < 0 else "+"
    local.utc_offset = f"{sign_char}{abs(local_minutes) // 60:02d}:{abs(local_minutes) % 60:02d}"
    local.value = local.value[:16] + local.utc_offset


def _parse_anchor(published: str | None) -> date | None:
    """The publication day, or None: relative dates are then left unresolved, never 'today'."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def _run(ctx: ArticleContext) -> list[Timex]:
    return extract_timexes(ctx.doc, ctx.article.published, ctx.article.dateline,
                           settings=ctx.settings)


register_extractor(Extractor(name="timex", run=_run, assigns=(Timex,)))

__all__ = ["Normalized", "Timex", "clause_tense", "extract_timexes"]
